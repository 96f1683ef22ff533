"""Content sniffing: the format comes from the bytes, not the file name."""

from __future__ import annotations

import codecs
import gzip

import pytest

from warta.read.detect import describe_binary, looks_like_html, looks_like_jsonl, sniff_format


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"", "empty"),
        (gzip.compress(b"hello"), "gzip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"WARC/1.1\r\nWARC-Type: response\r\n", "warc"),
        (b'{"text": "Berita hari ini"}\n{"text": "lagi"}\n', "jsonl"),
        (b'  \n{"html": "<p>x</p>"}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body><p>Berita</p></body></html>", "html"),
        (b"<html lang='id'><p>Berita</p></html>", "html"),
        (b"<p>Satu paragraf.</p>\n<p>Paragraf kedua.</p>", "html"),
        (b"Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah.", "text"),
        (b"{ ini bukan JSON } tapi teks biasa", "text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary"),
        (b"teks\x00dengan\x00nul", "binary"),
        (codecs.BOM_UTF16_LE + "<html><body><p>x</p></body></html>".encode("utf-16-le"), "html"),
        (codecs.BOM_UTF16_LE + '{"text": "x"}\n'.encode("utf-16-le"), "jsonl"),
    ],
)
def test_sniff_format(head: bytes, expected: str) -> None:
    assert sniff_format(head) == expected


def test_text_starting_like_a_weak_magic_is_text() -> None:
    # "BM" is the BMP magic, but BMKG is Indonesia's weather agency
    assert sniff_format(b"BMKG memperkirakan hujan lebat di Jakarta.") == "text"


def test_prose_mentioning_one_tag_is_not_html() -> None:
    assert not looks_like_html(
        "Editor itu menulis <br> di tengah kalimat, lalu melanjutkan ceritanya panjang."
    )


def test_jsonl_with_first_line_longer_than_the_head_is_jsonl() -> None:
    assert looks_like_jsonl('{"text": "' + "a" * 20_000)


def test_describe_binary_names_the_format() -> None:
    assert describe_binary(b"\x89PNG\r\n\x1a\n....") == "PNG image"
    assert describe_binary("Halo".encode("utf-16-le")) is None
