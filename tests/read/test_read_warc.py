"""WARC and WARC.gz: one document per response record; requests and metadata are not documents."""

from __future__ import annotations

import gzip

import pytest
from read_helpers import PARAGRAPHS, build_article, gzip_members, http_response, standard_records, warc_record

from warta.read import read_bytes, read_inputs
from warta.settings import Settings


def _check_standard(docs, path: str) -> None:
    assert [d.input_ref for d in docs] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    first, image, second = docs
    assert first.rejected is None and second.rejected is None
    assert (first.source, first.url, first.input_kind) == ("https://warta.example/a",) * 2 + ("warc",)
    assert second.source == "https://warta.example/b"
    assert PARAGRAPHS[0] in first.raw.splitlines()
    assert "Komentar pembaca" not in first.raw
    assert first.hints["crawl_date"] == "2022-01-11T04:00:00Z"
    assert first.hints["published"] == "2022-01-11T10:52:00+07:00"
    assert first.hints["title"].startswith("Retno bertemu")
    assert second.hints["title"].startswith("Jokowi resmikan bendungan baru")
    assert image.rejected == "not-html"
    assert image.source == "https://warta.example/logo.png"
    assert image.raw == ""
    assert f"{path}#1" in image.rejected_detail and "image/png" in image.rejected_detail


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_two_pages_a_request_and_an_image(write, compressed: bool) -> None:
    records = standard_records()
    data = gzip_members(records) if compressed else b"".join(records)
    path = write("crawl.warc.gz" if compressed else "crawl.warc", data)
    docs = list(read_inputs([path]))
    _check_standard(docs, path)


def test_warc_detected_by_content_not_name(write) -> None:
    path = write("arsip.dat", b"".join(standard_records()))
    _check_standard(list(read_inputs([path])), path)


def test_chunked_and_gzip_encoded_http_payload(write) -> None:
    page = build_article().encode()
    packed = gzip.compress(page)
    chunked = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (100, packed[:100], len(packed) - 100, packed[100:])
    body = http_response(chunked, extra="Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")
    record = warc_record("response", "https://warta.example/c", body, "application/http; msgtype=response", 9)
    [doc] = list(read_inputs([write("c.warc", record)]))
    assert doc.rejected is None, doc.rejected_detail
    assert PARAGRAPHS[2] in doc.raw


def test_untyped_payload_that_is_html_is_read_with_a_warning(write) -> None:
    body = http_response(build_article().encode(), content_type="application/octet-stream")
    record = warc_record("response", "https://warta.example/d", body, "application/http; msgtype=response", 9)
    [doc] = list(read_inputs([write("d.warc", record)]))
    assert doc.rejected is None
    assert "payload is HTML" in doc.warnings[0]


def test_truncated_warc_gz_keeps_records_before_the_break(write) -> None:
    data = gzip_members(standard_records())
    path = write("putus.warc.gz", data[: len(data) - 40])
    docs = list(read_inputs([path, write("z.txt", "Teks berikutnya tetap dibaca.")]))
    assert [d.rejected for d in docs] == [None, "not-html", "truncated", None]
    broken = docs[2]
    assert broken.input_ref == f"{path}#2"
    assert path in broken.rejected_detail and "documents read before it: 2" in broken.rejected_detail
    assert docs[3].raw == "Teks berikutnya tetap dibaca."


def test_truncated_plain_warc_inside_a_payload(write) -> None:
    data = b"".join(standard_records())
    path = write("putus.warc", data[: len(data) - 300])
    docs = list(read_inputs([path]))
    assert [d.rejected for d in docs] == [None, "not-html", "truncated"]
    assert "ends inside this record" in docs[2].rejected_detail


def test_truncated_inside_record_headers(write) -> None:
    records = standard_records()
    data = b"".join(records[:3]) + records[3][:60]
    docs = list(read_inputs([write("kepala.warc", data)]))
    assert [d.rejected for d in docs] == [None, "truncated"]
    assert "documents read before it: 1" in docs[1].rejected_detail


def test_broken_record_headers_are_malformed(write) -> None:
    records = standard_records()
    broken = records[3].replace(b"WARC/1.0\r\n", b"WARX/9.9\r\n", 1)
    path = write("rusak.warc", b"".join([*records[:3], broken, *records[4:]]))
    docs = list(read_inputs([path]))
    assert [d.rejected for d in docs] == [None, "malformed"]
    assert path in docs[1].rejected_detail


def test_record_above_max_doc_bytes_is_too_large_and_reading_goes_on(write) -> None:
    settings = Settings().with_overrides(max_doc_bytes=1_500)
    big = build_article(paragraphs=PARAGRAPHS * 5).encode()
    small = b"<html><body><article><p>" + PARAGRAPHS[0].encode() + b"</p></article></body></html>"
    records = [
        warc_record(
            "response",
            "https://warta.example/besar",
            http_response(big),
            "application/http; msgtype=response",
            1,
        ),
        warc_record(
            "response",
            "https://warta.example/kecil",
            http_response(small),
            "application/http; msgtype=response",
            2,
        ),
    ]
    docs = list(read_inputs([write("besar.warc.gz", gzip_members(records))], settings))
    assert [d.rejected for d in docs] == ["too-large", None]
    assert docs[1].source == "https://warta.example/kecil"


def test_redirect_without_body_is_empty(write) -> None:
    body = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://warta.example/b\r\nContent-Length: 0\r\n\r\n"
    record = warc_record("response", "https://warta.example/a", body, "application/http; msgtype=response", 1)
    [doc] = list(read_bytes(record, "upload.warc"))
    assert doc.rejected == "empty"
    assert doc.input_ref == "upload.warc#0"


def test_warc_of_many_small_pages_is_not_too_large(write) -> None:
    settings = Settings().with_overrides(max_doc_bytes=5_000)
    page = build_article(comments=False).encode()
    records = [
        warc_record(
            "response",
            f"https://warta.example/{i}",
            http_response(page),
            "application/http; msgtype=response",
            i,
        )
        for i in range(30)
    ]
    docs = list(read_inputs([write("banyak.warc", b"".join(records))], settings))
    assert len(docs) == 30 and all(d.rejected is None for d in docs)
    assert docs[29].input_ref.endswith("#29")


def test_resource_and_conversion_records_are_documents(write) -> None:
    page = build_article(comments=False).encode()
    text = "\n".join(PARAGRAPHS).encode()
    records = [
        warc_record("resource", "file:///arsip/a.html", page, "text/html", 1),
        warc_record("conversion", "https://warta.example/a", text, "text/plain", 2),
        warc_record(
            "metadata", "https://warta.example/a", b"fetchTimeMs: 12\r\n", "application/warc-fields", 3
        ),
    ]
    docs = list(read_inputs([write("wet.warc", b"".join(records))]))
    assert [(d.input_ref.rsplit("#", 1)[1], d.rejected) for d in docs] == [("0", None), ("1", None)]
    assert PARAGRAPHS[0] in docs[0].raw and docs[0].source == "file:///arsip/a.html"
    assert docs[1].raw == text.decode() and docs[1].url == "https://warta.example/a"


def test_corrupt_gzip_member_is_blamed_not_the_record(write) -> None:
    data = gzip_members(standard_records())
    last = data.rfind(b"\x1f\x8b")
    cut = data.rfind(b"\x1f\x8b", 0, last)  # the request before the second page
    broken = data[: cut + 200] + b"\x00" * 30 + data[cut + 230 :]
    docs = list(read_bytes(broken, "rusak.warc.gz"))
    assert [d.rejected for d in docs] == [None, "not-html", "malformed"]
    assert "gzip data is corrupt" in docs[2].rejected_detail
    assert "documents read before it: 2" in docs[2].rejected_detail


def test_last_modified_is_a_weak_published_hint(write) -> None:
    page = build_article(comments=False).replace(
        '<meta property="article:published_time"', '<meta property="x"'
    )
    body = http_response(page.encode(), extra="Last-Modified: Tue, 11 Jan 2022 03:52:00 GMT\r\n")
    record = warc_record("response", "https://warta.example/e", body, "application/http; msgtype=response", 1)
    [doc] = list(read_inputs([write("e.warc", record)]))
    assert doc.hints["last_modified"] == "Tue, 11 Jan 2022 03:52:00 GMT"
    assert doc.hints["published"] in ("Tue, 11 Jan 2022 03:52:00 GMT", "2022-01-11")
    assert doc.hints["crawl_date"] == "2022-01-11T04:00:00Z"
