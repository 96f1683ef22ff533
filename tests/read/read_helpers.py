"""Builders for the reader tests: small Indonesian news pages, WARC records and gzip bytes, by hand."""

from __future__ import annotations

import gzip

PARAGRAPHS = [
    "JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu dengan mitranya dari Malaysia di Jakarta pada "
    "Senin untuk membahas kerja sama perbatasan kedua negara.",
    "Dalam pertemuan itu, kedua menteri sepakat memperkuat patroli bersama di Selat Malaka dan "
    "mempercepat perundingan batas laut yang sudah berlangsung bertahun-tahun.",
    "Retno mengatakan bahwa Indonesia mendukung penyelesaian damai atas semua sengketa di kawasan "
    "dan berharap perundingan berikutnya digelar sebelum akhir tahun.",
]
COMMENT = "Komentar pembaca: artikel ini sangat bias dan penulisnya harus dipecat segera dari redaksi."


def build_article(
    title: str = "Retno bertemu Menlu Malaysia",
    paragraphs: list[str] | None = None,
    *,
    comments: bool = True,
    published: str = "2022-01-11T10:52:00+07:00",
    charset: str = "utf-8",
) -> str:
    """A news page with navigation, an article, a comments section and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    comment_block = (
        f'<section id="comments" class="comments"><h3>Komentar</h3>'
        f'<div class="comment"><p>{COMMENT}</p></div></section>'
        if comments
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}"><title>{title} - Warta Kita</title>'
        '<meta property="og:site_name" content="Warta Kita">'
        '<meta name="author" content="Budi Santoso">'
        f'<meta property="article:published_time" content="{published}">'
        '</head><body><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav>'
        f"<article><h1>{title}</h1>\n{body}\n<h2>Kerja sama ekonomi</h2>"
        "<ul><li>Perdagangan minyak sawit</li><li>Investasi infrastruktur perbatasan</li></ul></article>"
        f"{comment_block}<footer>Hak cipta 2022 Warta Kita</footer></body></html>"
    )


def warc_record(warc_type: str, uri: str, block: bytes, content_type: str, record_id: int) -> bytes:
    """One WARC/1.0 record: headers, blank line, block, CRLF CRLF."""
    headers = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
        f"{record_id:012d}>\r\nWARC-Date: 2022-01-11T04:00:00Z\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return headers.encode("ascii") + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", extra: str = "") -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}"
    if "Transfer-Encoding" not in extra:
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode("ascii") + b"\r\n" + body


PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))


def standard_records() -> list[bytes]:
    """warcinfo, request, HTML response, image response, request, HTML response."""
    page_two = build_article("Jokowi resmikan bendungan baru", comments=False).encode()
    return [
        warc_record("warcinfo", "", b"software: warta-tests\r\n", "application/warc-fields", 1),
        warc_record(
            "request",
            "https://warta.example/a",
            b"GET /a HTTP/1.1\r\nHost: warta.example\r\n\r\n",
            "application/http; msgtype=request",
            2,
        ),
        warc_record(
            "response",
            "https://warta.example/a",
            http_response(build_article().encode()),
            "application/http; msgtype=response",
            3,
        ),
        warc_record(
            "response",
            "https://warta.example/logo.png",
            http_response(PNG_BYTES, "image/png"),
            "application/http; msgtype=response",
            4,
        ),
        warc_record(
            "request",
            "https://warta.example/b",
            b"GET /b HTTP/1.1\r\nHost: warta.example\r\n\r\n",
            "application/http; msgtype=request",
            5,
        ),
        warc_record(
            "response",
            "https://warta.example/b",
            http_response(page_two),
            "application/http; msgtype=response",
            6,
        ),
    ]


def gzip_members(records: list[bytes]) -> bytes:
    """A .warc.gz: every record its own gzip member."""
    return b"".join(gzip.compress(record) for record in records)
