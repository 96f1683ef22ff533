"""Bytes to text: BOMs, UTF-8, legacy encodings with warnings, binary refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.read import DecodeError, decode_bytes

ARTICLE = "Menteri “Retno” berkata: kerja sama café — penting bagi kedua negara."


def test_utf8_is_read_without_warnings() -> None:
    assert decode_bytes(ARTICLE.encode("utf-8"), "a.txt") == (ARTICLE, "utf-8", [])


def test_utf8_bom_is_dropped() -> None:
    text, encoding, warnings = decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode(), "a.txt")
    assert (text, encoding, warnings) == (ARTICLE, "utf-8", [])


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_bom(bom: bytes, codec: str) -> None:
    text, encoding, warnings = decode_bytes(bom + ARTICLE.encode(codec), "a.txt")
    assert (text, encoding, warnings) == (ARTICLE, codec, [])


def test_utf16_without_bom_is_recognised_with_a_warning() -> None:
    text, encoding, warnings = decode_bytes("Berita hari ini dari Jakarta".encode("utf-16-le"), "a.txt")
    assert text == "Berita hari ini dari Jakarta"
    assert encoding == "utf-16-le"
    assert warnings == ["decoded as utf-16-le: no byte order mark"]


def test_cp1252_is_decoded_with_a_warning() -> None:
    text, encoding, warnings = decode_bytes(ARTICLE.encode("cp1252"), "a.txt")
    assert (text, encoding) == (ARTICLE, "cp1252")
    assert warnings == ["decoded as cp1252: not valid UTF-8"]


def test_latin1_is_decoded_with_a_warning() -> None:
    original = "Presiden makan di Café Batavia; Señor García datang ½ jam kemudian. " * 3
    text, encoding, warnings = decode_bytes(original.encode("latin-1"), "a.txt")
    assert text == original
    assert encoding == "cp1252"  # latin-1 text reads identically as cp1252, as in browsers
    assert warnings == ["decoded as cp1252: not valid UTF-8"]


def test_declared_charset_is_used_when_not_utf8() -> None:
    text, encoding, warnings = decode_bytes("Señor “x”".encode("cp1252"), "a.html", declared="ISO-8859-1")
    assert (text, encoding) == ("Señor “x”", "cp1252")
    assert "declared ISO-8859-1" in warnings[0]


def test_non_latin_legacy_encoding_is_guessed() -> None:
    original = "Министр иностранных дел России Сергей Лавров встретился с коллегой"  # noqa: RUF001
    text, encoding, _ = decode_bytes(original.encode("cp1251"), "a.txt")
    assert (text, encoding) == (original, "cp1251")


def test_a_few_invalid_utf8_bytes_are_replaced_and_counted() -> None:
    data = ARTICLE.encode() + b" \xff rusak \xfe lagi \xc3"
    text, encoding, warnings = decode_bytes(data, "a.txt")
    assert encoding == "utf-8"
    assert text.startswith(ARTICLE)
    assert text.count("\ufffd") == 3
    assert warnings == ["invalid UTF-8 bytes replaced at 3 places"]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.4\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"teks biasa\x00\x01\x02 dengan NUL", "NUL bytes"),
        (bytes(range(1, 9)) * 50, "control bytes"),
    ],
)
def test_binary_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, "data/x.bin")
    assert info.value.reason == "binary"
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert message.startswith("data/x.bin: ") and what in message and "remove it" in message


def test_bytes_no_encoding_fits_are_undecodable() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(bytes(range(128, 256)) * 4, "x.txt")
    assert info.value.reason == "undecodable"
    assert "x.txt" in str(info.value)


@settings(database=None)  # leave no .hypothesis folder in the checkout
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        text, encoding, warnings = decode_bytes(data, "fuzz")
    except DecodeError as exc:
        assert exc.reason in ("binary", "undecodable")
    else:
        assert isinstance(text, str) and encoding and isinstance(warnings, list)


@settings(database=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=500))
def test_valid_utf8_round_trips(text: str) -> None:
    decoded, _, warnings = decode_bytes(text.encode("utf-8"), "fuzz")
    if not text.startswith("\ufeff"):
        assert (decoded, warnings) == (text, [])
