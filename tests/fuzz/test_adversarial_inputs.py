"""Hostile inputs to the readers: bombs, absurd nesting, broken WARC records, JSON past what can be read.

Each ends as documents or rejected documents whose reason is one of REASONS and whose detail names the input;
the bombs are also checked for memory: the peak resident size may grow by less than 200 MB while one is read.
"""

from __future__ import annotations

import gzip
import json
import resource
import zlib

import pytest

from warta.read import REASONS, read_bytes

NAME = "hostile-input"
ARTICLE = "Rusia mengecam China dan Wang Yi mengatakan bahwa Lavrov akan datang ke Kazakhstan pada Senin."
PAGE = f"<p>{ARTICLE}</p>"
MEMORY_LIMIT_MB = 200


def read_all(data: bytes) -> list:
    docs = list(read_bytes(data, NAME))
    assert docs, "every input ends as at least one document, accepted or rejected"
    for doc in docs:
        assert doc.rejected is None or doc.rejected in REASONS, doc.rejected
        assert doc.rejected is None or doc.rejected_detail.startswith(NAME), doc.rejected_detail
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def gzip_stream(block: bytes, total: int) -> bytes:
    """``total`` bytes of ``block`` repeated, gzip-compressed block by block (never held uncompressed)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(block) for _ in range(total // len(block))]
    return b"".join(parts) + packer.flush()


# -- JSON ---------------------------------------------------------------------------------------------------------

def test_json_lines_nested_thousands_deep_are_invalid_json_not_a_reader_failure():
    """Regression: a line nested 100,000 deep raised RecursionError in json and was rejected as 'unreadable'
    with a traceback in the log ('reading failed ... report it as a bug')."""
    deep = '{"text": "' + ARTICLE + '", "d": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    docs = read_all((deep + json.dumps({"text": ARTICLE}) + "\n").encode())
    assert [d.rejected for d in docs] == ["invalid-json", None]
    assert "nested too deeply" in docs[0].rejected_detail and docs[0].input_ref == f"{NAME}:1"


def test_a_json_file_nested_thousands_deep_is_invalid_json():
    docs = read_all(("[" * 200_000 + "]" * 200_000).encode())
    assert [d.rejected for d in docs] == ["invalid-json"]


def test_a_number_of_thousands_of_digits_is_invalid_json_not_a_reader_failure():
    line = '{"text": "' + ARTICLE + '", "published": ' + "9" * 5000 + "}\n"
    docs = read_all((line + json.dumps({"text": ARTICLE}) + "\n").encode())
    assert [d.rejected for d in docs] == ["invalid-json", None]
    assert "cannot be read" in docs[0].rejected_detail


def test_a_first_line_nested_too_deep_to_sniff_is_still_read_as_json_lines():
    """Regression: sniffing parsed the first line and let its RecursionError escape, so the whole file was
    'unreadable'; now that line is rejected and the next one read."""
    first = '{"d": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}\n"
    docs = read_all((first + json.dumps({"text": ARTICLE}) + "\n").encode())
    assert [d.rejected for d in docs] == ["invalid-json", None]


def test_lone_surrogate_escapes_in_json_are_replaced_not_passed_on():
    """Regression: ``"\\ud800"`` in a JSON string decodes to a lone surrogate that no encoding can write: the
    recogniser failed on it ('error'), printing the title raised UnicodeEncodeError, and a JSON file holding
    one was 'unreadable' as a whole."""
    obj = {"text": "Judul\n\n" + ARTICLE.replace("Wang", "\ud800Wang"), "title": "Judul \udfff"}
    for data in (json.dumps(obj) + "\n" + json.dumps(obj) + "\n", json.dumps([obj, obj])):
        docs = read_all(data.encode())
        assert len(docs) == 2 and all(d.rejected is None for d in docs)
        for doc in docs:
            assert "\ufffdWang" in doc.raw and doc.hints["title"] == "Judul \ufffd"
            assert doc.raw.encode("utf-8") and any("surrogate" in w for w in doc.warnings)


# -- HTML ---------------------------------------------------------------------------------------------------------

def test_an_html_bomb_of_a_million_tiny_elements_is_rejected_before_parsing():
    """Regression: 600,000 empty elements took trafilatura 18 s and 300 MB; now refused by counting tags."""
    data = ("<html><body>" + "<i></i>" * 600_000 + PAGE * 3 + "</body></html>").encode()
    before = peak_rss_mb()
    docs = read_all(data)
    assert [d.rejected for d in docs] == ["too-large"] and "600,00" in docs[0].rejected_detail
    assert peak_rss_mb() - before < MEMORY_LIMIT_MB


@pytest.mark.parametrize("depth", [300, 10_000, 99_000, 200_000])
def test_html_nested_deeper_than_the_parser_goes_is_read_or_says_why(depth):
    data = ("<html><body>" + "<div>" * depth + PAGE + "</div>" * depth + "</body></html>").encode()
    [doc] = read_all(data)
    assert (doc.rejected is None and ARTICLE in doc.raw or doc.rejected == "no-text" and "nests" in doc.rejected_detail
            or doc.rejected == "too-large" and depth > 100_000 and "elements" in doc.rejected_detail)


def test_unclosed_tags_a_hundred_thousand_deep():
    [doc] = read_all(("<html><body>" + "<b><i>" * 40_000 + PAGE).encode())
    assert doc.rejected in (None, "no-text")


def test_entity_expansion_is_not_performed():
    """A 'billion laughs' DOCTYPE: the HTML parser does not expand internal entities, so nothing blows up."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    data = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><html><body><p>&lol9;</p>{PAGE}</body></html>'
    [doc] = read_all(data.encode())
    assert doc.rejected is None and "lollol" not in doc.raw and ARTICLE in doc.raw


def test_a_flood_of_character_references():
    body = "&amp;&#x1F600;&#99999999;&#0;&#xD800;&nbsp;&unknown;" * 50_000
    [doc] = read_all(f"<html><body><p>{body}</p>{PAGE}</body></html>".encode())
    assert doc.rejected is None or doc.rejected in ("no-text", "too-large")


# -- WARC ---------------------------------------------------------------------------------------------------------

HTML = f"<html><head><title>T</title></head><body><article>{PAGE}</article></body></html>".encode()
HTTP = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"


def warc_record(payload: bytes = HTTP + HTML, *, length: object = None, kind: bytes = b"response",
                eol: bytes = b"\r\n", headers: bytes = b"") -> bytes:
    size = str(len(payload) if length is None else length).encode()
    lines = [b"WARC/1.0", b"WARC-Type: " + kind, b"WARC-Record-ID: <urn:uuid:1>", b"WARC-Target-URI: http://x.id/a",
             b"Content-Type: application/http; msgtype=response", b"Content-Length: " + size]
    return eol.join(lines) + eol + headers + eol + payload + b"\r\n\r\n"


GOOD = warc_record()
BROKEN_WARCS = {
    "negative length": warc_record(length=-5) + GOOD,
    "huge length": warc_record(length=10**18) + GOOD,
    "length past 64 bits": warc_record(length=10**40) + GOOD,
    "length not a number": warc_record(length="12ab") + GOOD,
    "length too short": warc_record(length=10) + GOOD,
    "length too long": warc_record(length=len(GOOD) + 50) + GOOD,
    "LF instead of CRLF": warc_record(eol=b"\n") + GOOD,
    "garbage between records": GOOD + b"GARBAGE\x00\xff" * 100 + GOOD,
    "cut inside a record": (GOOD + GOOD)[:-100],
    "cut inside the header": b"WARC/1.0\r\nWARC-Type: response\r\n",
    "no Content-Length": GOOD.replace(b"Content-Length", b"X-Length"),
    "a 20 MB header line": b"WARC/1.0\r\nWARC-Type: response\r\nX: " + b"a" * 20_000_000 + b"\r\n\r\n",
    "two million headers": b"WARC/1.0\r\n" + b"X-A: b\r\n" * 2_000_000 + b"Content-Length: 0\r\n\r\n",
    "bad HTTP status and chunking": warc_record(b"HTTP/1.1 99999999999 \r\nContent-Encoding: gzip\r\n"
                                                b"Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\nab\r\n0\r\n\r\n"),
    "gzip member then garbage": gzip.compress(GOOD) + b"garbage" + gzip.compress(GOOD),
    "gzip cut off": gzip.compress(GOOD * 3)[:-30],
}


@pytest.mark.parametrize("name", sorted(BROKEN_WARCS))
def test_broken_warc_files_end_as_documents_and_reasons(name):
    docs = read_all(BROKEN_WARCS[name])
    assert all(d.rejected or ARTICLE in d.raw for d in docs)


def test_a_warc_file_without_a_page_record_is_accounted_for():
    """Regression: 200,000 request records and no response gave no document at all: the input vanished from
    the run's accounting (read = stored + duplicate + rejected)."""
    docs = read_all(warc_record(b"x", kind=b"request") * 200_000)
    assert [d.rejected for d in docs] == ["empty"] and "200,000 records" in docs[0].rejected_detail


def test_a_content_encoding_bomb_inside_a_record_stops_at_the_document_limit():
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
    bomb = gzip_stream(b"<p>" + b"a" * (1 << 20), 256 << 20)  # 256 MB of page in 256 kB
    before = peak_rss_mb()
    docs = read_all(warc_record(head + bomb) + GOOD)
    assert [d.rejected for d in docs] == ["too-large", None]
    assert peak_rss_mb() - before < MEMORY_LIMIT_MB


def test_chunked_transfer_of_half_a_million_chunks():
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    body += b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in [HTML] + [b" "] * 500_000) + b"0\r\n\r\n"
    [doc] = read_all(warc_record(body))
    assert doc.rejected is None and ARTICLE in doc.raw
