"""Content sniffing: what a blob of bytes is (gzip, WARC, JSONL, HTML, text or binary), by its content.

Extensions lie (a ``.txt`` that holds a saved web page, a ``.html`` that holds prose), so every input
is classified from its first bytes. The magic numbers and the HTML tag names are data, kept here as
named tables.
"""

from __future__ import annotations

import codecs
import json
import re

__all__ = [
    "BINARY_MAGIC",
    "BOM_LENGTHS",
    "SNIFF_BYTES",
    "describe_binary",
    "detect_bom",
    "detect_utf16_pattern",
    "looks_like_html",
    "looks_like_jsonl",
    "sniff_format",
]

#: how many leading bytes are looked at to decide the format
SNIFF_BYTES = 64 * 1024

#: (magic prefix, offset, name) of binary formats people drop into news folders by mistake
BINARY_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "PDF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"WEBP", 8, "WebP image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"BM", 0, "BMP image"),
    (b"PK\x03\x04", 0, "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Microsoft Office document (DOC/XLS)"),
    (b"{\\rtf", 0, "RTF document"),
    (b"BZh", 0, "bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"(\xb5/\xfd", 0, "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"ustar", 257, "tar archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"MZ", 0, "Windows executable"),
    (b"\xca\xfe\xba\xbe", 0, "Java class file"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"PAR1", 0, "Parquet file"),
    (b"ID3", 0, "MP3 audio"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ftyp", 4, "MP4/MOV video"),
    (b"\x1a\x45\xdf\xa3", 0, "Matroska/WebM video"),
    (b"wOFF", 0, "WOFF font"),
    (b"wOF2", 0, "WOFF2 font"),
    (b"\x80\x04\x95", 0, "Python pickle"),
)

#: magic numbers that are only trusted together with a second check (too short to stand alone)
_WEAK_MAGIC = frozenset({"BMP image", "Windows executable", "bzip2 archive", "MP3 audio", "Parquet file"})

#: byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

BOM_LENGTHS = {encoding: len(bom) for bom, encoding in _BOMS}

#: tag names whose presence marks a blob as HTML even without ``<html>``
_HTML_TAGS = (
    "p|div|span|a|br|hr|img|table|tr|td|th|ul|ol|li|h[1-6]|head|body|title|meta|link|script|style|"
    "article|section|header|footer|nav|aside|main|figure|figcaption|strong|em|b|i|u|blockquote|iframe|"
    "form|input|button|noscript|time|picture|source|svg"
)
_HTML_TAG = re.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]{{0,2000}}>", re.IGNORECASE)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<html\b[^>]*>|<body\b[^>]*>", re.IGNORECASE)
_WARC_START = re.compile(rb"^\s{0,8}WARC/1\.[01]\r?\n")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

#: a sample with more than this share of control bytes is binary
MAX_CONTROL_SHARE = 0.05


def detect_bom(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``data`` names, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def detect_utf16_pattern(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes sit on every other byte, as in BOM-less UTF-16 text."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.4 * half and even_nuls <= 0.02 * half:
        return "utf-16-le"
    if even_nuls >= 0.4 * half and odd_nuls <= 0.02 * half:
        return "utf-16-be"
    return None


def _match_magic(data: bytes) -> str | None:
    for magic, offset, name in BINARY_MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return name
    return None


def describe_binary(data: bytes) -> str | None:
    """A short description when ``data`` is binary (known magic, stray NULs, control bytes), else None."""
    if detect_bom(data):
        return None
    name = _match_magic(data)
    sample = data[:8192]
    controls = len(_CONTROL.findall(sample))
    if name and (name not in _WEAK_MAGIC or controls):
        return name
    if detect_utf16_pattern(data):
        return None
    if b"\x00" in sample:
        return "binary data with NUL bytes"
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        return f"binary data ({controls} control bytes in the first {len(sample)})"
    return None


def looks_like_jsonl(text: str) -> bool:
    """First non-blank character is ``{`` and the first line is a JSON object (or too long to check)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("{"):
        return False
    line, newline, _ = stripped.partition("\n")
    if not newline and len(text) >= SNIFF_BYTES // 4:
        return True  # the first line runs past the sniffed head: let the JSONL reader judge every line
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False
    except (RecursionError, ValueError):
        return True  # JSON past the parser's limits (nested thousands deep, a huge number): the reader says so


def looks_like_html(text: str) -> bool:
    """A doctype or ``<html>`` start, an ``<html>``/``<body>`` tag, or a high density of HTML tags."""
    head = text[:8192]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return True
    tags = len(_HTML_TAG.findall(head))
    return tags >= 5 or (tags >= 2 and tags * 200 >= len(head.strip()))


def _sample_text(head: bytes) -> str:
    encoding = detect_bom(head) or detect_utf16_pattern(head) or "utf-8"
    return head.decode(encoding, errors="replace")


def sniff_format(head: bytes) -> str:
    """Classify leading bytes: ``empty``, ``gzip``, ``warc``, ``binary``, ``jsonl``, ``html`` or ``text``."""
    if not head:
        return "empty"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if _WARC_START.match(head):
        return "warc"
    if describe_binary(head):
        return "binary"
    text = _sample_text(head)
    if looks_like_jsonl(text):
        return "jsonl"
    if looks_like_html(text):
        return "html"
    return "text"
