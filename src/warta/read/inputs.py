"""Reading inputs: open each path, sniff its content, and hand it to the reader for its format.

This is the per-input boundary: whatever goes wrong with one input (missing, unreadable, binary, cut
off, a library failing on it) becomes a rejected document, and reading goes on with the next input.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..document import Document
from ..settings import DEFAULT_SETTINGS, Settings
from .detect import SNIFF_BYTES, describe_binary, detect_bom, detect_utf16_pattern, sniff_format
from .html import html_document
from .decode import DecodeError, decode_bytes
from .jsonl import iter_jsonl, json_limit_detail, line_document
from .paths import STDIN, Entry, is_regular_file, iter_entries
from .problems import ReadError, guard_document, make_rejected
from .streams import ChainReader, GunzipReader, TranscodeReader, buffered, drain, probe_end, read_exactly
from .text import text_document
from .warc import iter_warc

__all__ = ["STDIN_SOURCE", "read_bytes", "read_inputs", "read_stream"]

log = logging.getLogger(__name__)

#: the source name of documents read from standard input
STDIN_SOURCE = "<stdin>"
#: gzip inside gzip is unpacked this many times at most
MAX_GZIP_DEPTH = 2


def _rejected(name: str, reason: str, detail: str, kind: str = "text") -> Document:
    return make_rejected(source=name, input_ref=name, input_kind=kind, reason=reason, detail=detail)


def _jsonl_stream(raw: ChainReader, head: bytes) -> BinaryIO:
    encoding = detect_bom(head) or detect_utf16_pattern(head)
    if encoding and encoding.startswith(("utf-16", "utf-32")):
        return buffered(TranscodeReader(raw, encoding))
    return buffered(raw)


def _read_single(
    raw: ChainReader, kind: str, name: str, settings: Settings, gz: GunzipReader | None
) -> Document:
    data = read_exactly(raw, settings.max_doc_bytes + 1)
    if len(data) > settings.max_doc_bytes:
        size = f"{len(data) + drain(raw):,} bytes" if gz else f"more than {settings.max_doc_bytes:,} bytes"
        detail = (
            f"{name}: one {kind} document of {size}, above settings.max_doc_bytes "
            f"({settings.max_doc_bytes:,}); split it into articles or raise the limit"
        )
        return _rejected(name, "too-large", detail, kind)
    build = html_document if kind == "html" else text_document
    return guard_document(lambda: build(data, source=name, ref=name), source=name, ref=name, input_kind=kind)


def _read_binary(raw: ChainReader, head: bytes, name: str, gz: GunzipReader | None) -> Document:
    if gz:
        drain(raw)  # a gzip bomb of zeros looks binary: decompressing it to the end trips the limit
    what = describe_binary(head) or "binary data"
    packed = "gzip-compressed " if gz else ""
    return _rejected(name, "binary", f"{name}: {packed}{what}, not text; remove it from the inputs")


def _read_gzip(raw: ChainReader, name: str, settings: Settings, depth: int) -> Iterator[Document]:
    if depth >= MAX_GZIP_DEPTH:
        yield _rejected(name, "binary", f"{name}: gzip nested {depth + 1} deep, not news; unpack it yourself")
        return
    gz = GunzipReader(raw, name, settings.max_gunzip_bytes)
    inner = buffered(gz)
    head = inner.read(SNIFF_BYTES)  # one buffered read: all data up to a break, the break comes later
    if not head:
        probe_end(inner)  # corrupt from the first byte: raises the deferred problem
        yield _rejected(
            name, "empty", f"{name}: the gzip file decompresses to nothing; remove it from the inputs"
        )
        return
    if sniff_format(head) == "warc":
        gz.limit = None  # a WARC holds many documents; each record is bounded by max_doc_bytes instead
    yield from _dispatch(ChainReader(inner, head), head, name, settings, depth + 1, gz)


def _dispatch(
    raw: ChainReader,
    head: bytes,
    name: str,
    settings: Settings,
    depth: int = 0,
    gz: GunzipReader | None = None,
) -> Iterator[Document]:
    kind = sniff_format(head)
    log.debug("%s: sniffed as %s", name, kind)
    if kind == "empty":
        yield _rejected(name, "empty", f"{name}: the file is empty (0 bytes); remove it from the inputs")
    elif kind == "gzip":
        yield from _read_gzip(raw, name, settings, depth)
    elif kind == "warc":
        yield from iter_warc(raw, path=name, settings=settings, at_eof=lambda: raw.at_eof)
    elif kind == "jsonl":
        yield from iter_jsonl(_jsonl_stream(raw, head), path=name, settings=settings)
    elif kind == "binary":
        yield _read_binary(raw, head, name, gz)
    elif kind in ("text", "html") and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        yield from _read_json_or_text(raw, kind, name, settings, gz)
    else:
        yield _read_single(raw, kind, name, settings, gz)


def _read_json_or_text(
    raw: ChainReader, kind: str, name: str, settings: Settings, gz: GunzipReader | None
) -> Iterator[Document]:
    """A whole JSON document (pretty-printed object or array of articles), or text that only starts like one."""
    data = read_exactly(raw, settings.max_doc_bytes + 1)
    try:
        value = json.loads(decode_bytes(data, name)[0]) if len(data) <= settings.max_doc_bytes else None
    except (json.JSONDecodeError, DecodeError):
        value = None
    except (RecursionError, ValueError) as exc:  # JSON, but too deep or with too long a number to read
        yield _rejected(name, "invalid-json", f"{name}: {json_limit_detail(exc)}; fix or remove the file", "jsonl")
        return
    if value is None:
        yield _read_single(ChainReader(raw, data), kind, name, settings, gz)
        return
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(i, dict) and ("text" in i or "html" in i) for i in items):
        yield _rejected(name, "not-news", f"{name}: a JSON file without a \"text\" or \"html\" field in every "
                        "object; not an article (give articles as JSON Lines or objects with text/html)")
        return
    for pos, item in enumerate(items):
        ref = name if len(items) == 1 else f"{name}#{pos}"
        line = json.dumps(item).encode("ascii")  # escaped: a lone surrogate in the file cannot be encoded
        yield guard_document(lambda: line_document(line, path=name, ref=ref), source=name, ref=ref, input_kind="jsonl")


def read_stream(stream: BinaryIO, name: str, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Document]:
    """Sniff and read one binary stream (a file, stdin, an upload), streaming, never raising."""
    count = 0
    try:
        head = stream.read(SNIFF_BYTES)
        for doc in _dispatch(ChainReader(stream, head), head, name, settings):
            count += 1
            yield doc
    except ReadError as exc:
        after = f" (documents read before it: {count})" if count else ""
        yield _rejected(name, exc.reason, exc.detail + after)
    except OSError as exc:
        yield _rejected(name, "unreadable", f"{name}: reading failed ({exc.strerror or exc}); check the file")
    except Exception as exc:  # the per-input boundary: a library failed on this input
        log.exception("reading %s failed", name)
        detail = f"{name}: reading failed ({type(exc).__name__}: {exc}); remove it or report it as a bug"
        yield _rejected(name, "unreadable", detail)


def _open_problem(path: str, exc: OSError) -> Document:
    if isinstance(exc, FileNotFoundError):
        return _rejected(path, "not-found", f"{path}: no such file or directory; check the path")
    detail = f"{path}: cannot be opened ({exc.strerror or exc}); check that it is a readable file"
    return _rejected(path, "unreadable", detail)


def _read_path(entry: Entry, settings: Settings) -> Iterator[Document]:
    if entry.problem is not None:
        yield _rejected(entry.path, entry.problem.reason, entry.problem.detail)
        return
    try:
        if entry.from_walk and not is_regular_file(entry.path):
            detail = f"{entry.path}: not a regular file (a FIFO, socket or device); remove it from the folder"
            yield _rejected(entry.path, "unreadable", detail)
            return
        handle = open(entry.path, "rb")  # noqa: SIM115 - closed below, after the lazy reading
    except OSError as exc:
        yield _open_problem(entry.path, exc)
        return
    with handle:
        yield from read_stream(handle, entry.path, settings)


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Document]:
    """One document per document found in ``paths``, lazily and in input order.

    A directory is read recursively in sorted path order (hidden entries skipped); ``-`` is standard
    input. Every problem becomes a rejected document (see :data:`~warta.read.problems.REASONS`).
    """
    if isinstance(paths, (str, bytes)):
        raise ValueError(f"read_inputs takes a list of paths, not one path; write read_inputs([{paths!r}])")
    for entry in iter_entries(paths):
        if entry.path == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN_SOURCE, settings)
        else:
            yield from _read_path(entry, settings)


def read_bytes(data: bytes, source: str, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Document]:
    """Sniff and read one blob already in memory (standard input, an upload) named ``source``."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ValueError(f"read_bytes takes bytes, not {type(data).__name__}; encode text first")
    if not source:
        raise ValueError("read_bytes needs a non-empty source name for the documents it yields")
    return read_stream(io.BytesIO(bytes(data)), source, settings)
