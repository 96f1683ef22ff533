"""WARC archives (plain or gzip): every ``response`` record is one document.

``resource`` records (stored files) are read like responses without HTTP headers, and ``conversion``
records (extracted text, as in Common Crawl WET files) as plain text.

Records are streamed with fastwarc; only one record's payload (at most ``settings.max_doc_bytes``) is
held at a time. ``warcinfo``, ``request``, ``metadata``, ``revisit`` and ``continuation`` records are
not documents and yield nothing (a file of only such records yields one rejected document, ``empty``). Every document record yields exactly one document: its HTML page,
or a rejected document (``not-html`` for images and other payloads, ``too-large``, ``no-text`` ...).
The HTTP chunked transfer encoding and gzip/deflate/brotli/zstd content encodings are undone here,
bounded by ``max_doc_bytes``. A stream that ends inside a record or whose record headers are broken
ends with one rejected document (``truncated``/``malformed``) after the records read before it.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from fastwarc.stream_io import BrotliReader, ZstdReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..document import Document
from ..settings import Settings
from .detect import SNIFF_BYTES, describe_binary, sniff_format
from .html import html_document
from .problems import ReadError, guard_document, make_rejected
from .streams import probe_end, read_exactly
from .text import text_document

__all__ = ["HTML_CONTENT_TYPES", "iter_warc"]

log = logging.getLogger(__name__)

#: HTTP content types read as HTML pages without sniffing
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
#: record types that hold a document: fetched pages, stored files, and extracted text (WET files)
DOCUMENT_RECORDS = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
#: reasons after which the rest of the stream cannot be read
_STREAM_FATAL = frozenset({"truncated", "malformed", "gzip-bomb"})


def _dechunk(body: bytes) -> bytes | None:
    """The body of an HTTP chunked transfer encoding, or None when it is not well-formed."""
    parts: list[bytes] = []
    pos = 0
    while True:
        end = body.find(b"\r\n", pos)
        if end < 0:
            return None
        try:
            size = int(body[pos:end].split(b";", 1)[0].strip(), 16)
        except ValueError:
            return None
        if size == 0:
            return b"".join(parts)
        parts.append(body[end + 2 : end + 2 + size])
        pos = end + 2 + size + 2


def _inflate(body: bytes, limit: int) -> bytes:
    for wbits in (47, -15):  # gzip or zlib (auto), then raw deflate
        inflater = zlib.decompressobj(wbits)
        try:
            return inflater.decompress(body, limit + 1)
        except zlib.error:
            continue
    raise OSError("not gzip or deflate data")


def _decode_content(body: bytes, encoding: str, limit: int) -> bytes:
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _inflate(body, limit)
    if encoding == "br":
        return read_exactly(BrotliReader(io.BytesIO(body)), limit + 1)
    if encoding == "zstd":
        return read_exactly(ZstdReader(io.BytesIO(body)), limit + 1)
    raise OSError(f"unknown content encoding {encoding!r}")


def _undo_http_encodings(record: WarcRecord, body: bytes, limit: int, ref: str) -> tuple[bytes, list[str]]:
    headers = record.http_headers
    warnings: list[str] = []
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        dechunked = _dechunk(body)
        if dechunked is None:
            warnings.append("HTTP body marked chunked but not chunked; read as is")
        body = dechunked if dechunked is not None else body
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("", "identity", "none"):
        try:
            body = _decode_content(body, encoding, limit)
        except OSError as exc:
            warnings.append(f"HTTP content encoding {encoding} could not be undone ({exc}); read as is")
    if len(body) > limit:
        raise ReadError(
            "too-large",
            f"{ref}: the page decompresses to more than {limit:,} bytes (settings.max_doc_bytes); "
            "raise the limit to read it",
        )
    return body, warnings


def _content_type(record: WarcRecord) -> str:
    if record.is_http:
        return (record.http_content_type or "").strip().lower()
    return (record.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()


def _check_html(body: bytes, content_type: str, ref: str, uri: str) -> list[str]:
    """Refuse payloads that are not HTML pages; a warning when an untyped or mistyped one is HTML."""
    sniffed = sniff_format(body[:SNIFF_BYTES])
    if content_type in HTML_CONTENT_TYPES:
        return []
    if sniffed == "html" and not content_type.startswith(("image/", "audio/", "video/", "font/")):
        return [f"served as {content_type or 'no content type'} but the payload is HTML; read as HTML"]
    what = describe_binary(body[:SNIFF_BYTES]) or sniffed
    raise ReadError(
        "not-html",
        f"{ref} ({uri}): the response is {content_type or 'untyped'} ({what}), not an HTML page; "
        "only HTML pages are read from WARC files, nothing to do",
    )


def _read_payload(record: WarcRecord, limit: int, ref: str, index: int) -> bytes:
    if record.content_length > limit:
        raise ReadError(
            "too-large",
            f"{ref}: the record payload is {record.content_length:,} bytes, more than {limit:,} "
            "(settings.max_doc_bytes); raise the limit to read it",
        )
    try:
        body = read_exactly(record.reader, record.content_length)
    except ReadError as exc:  # the compressed stream under the WARC broke inside this record
        raise ReadError(exc.reason, f"{exc.detail}; documents read before it: {index}") from exc
    if len(body) < record.content_length:
        raise ReadError(
            "truncated",
            f"{ref}: the WARC stream ends inside this record ({len(body):,} of {record.content_length:,} "
            f"payload bytes); documents read before it: {index}; re-download the file",
        )
    return body


def _target_uri(record: WarcRecord) -> str | None:
    """``WARC-Target-URI`` (some WARC 1.0 writers wrap it in angle brackets), or None."""
    return (record.headers.get("WARC-Target-URI") or "").strip().strip("<>") or None


def _warc_hints(record: WarcRecord, uri: str | None) -> dict[str, Any]:
    http = record.http_headers if record.is_http else None
    return {
        "url": uri,
        "crawl_date": record.headers.get("WARC-Date"),
        "last_modified": http.get("Last-Modified") if http is not None else None,
        "http_status": record.http_headers.status_code if http is not None else None,
    }


def record_document(record: WarcRecord, *, path: str, ref: str, index: int, settings: Settings) -> Document:
    """One WARC document record as a document (raises ReadError when it is not a readable page)."""
    uri = _target_uri(record)
    body = _read_payload(record, settings.max_doc_bytes, ref, index)
    if record.record_type == WarcRecordType.conversion:
        return _conversion_document(record, body, path=path, ref=ref, uri=uri)
    warnings: list[str] = []
    if record.is_http:
        body, warnings = _undo_http_encodings(record, body, settings.max_doc_bytes, ref)
    if not body.strip():
        status = record.http_headers.status_code if record.is_http else None
        raise ReadError("empty", f"{ref} ({uri}): HTTP {status} response with no body; nothing to read")
    warnings += _check_html(body, _content_type(record), ref, uri or "no URI")
    hints = _warc_hints(record, uri)
    doc = html_document(
        body,
        source=uri or path,
        ref=ref,
        input_kind="warc",
        url=uri,
        hints={key: value for key, value in hints.items() if key != "url"},
        declared=record.http_charset if record.is_http else None,
    )
    if hints["last_modified"] and "published" not in doc.hints:
        doc.hints["published"] = hints["last_modified"]  # weak: when the server last changed the page
    doc.warnings[:0] = warnings
    return doc


def _conversion_document(
    record: WarcRecord, body: bytes, *, path: str, ref: str, uri: str | None
) -> Document:
    """A conversion record (the extracted text of a page, as in Common Crawl WET files) as plain text."""
    if _content_type(record) not in ("text/plain", ""):
        raise ReadError("not-html", f"{ref} ({uri}): a {_content_type(record)} conversion record, not text")
    doc = text_document(body, source=uri or path, ref=ref, input_kind="warc")
    doc.url = uri
    doc.hints.update({"url": uri, "crawl_date": record.headers.get("WARC-Date")})
    return doc


def _broken_stream(path: str, index: int, records: int, exc: Exception, at_eof: bool) -> Document:
    ref = f"{path}#{index}"
    if isinstance(exc, ReadError):
        reason, what = exc.reason, exc.detail
    elif at_eof:
        reason, what = "truncated", f"{path}: the WARC stream ends early, inside a record header ({exc})"
    else:
        reason, what = "malformed", f"{path}: broken WARC record headers after record {records} ({exc})"
    detail = f"{what}; documents read before it: {index}, the rest is lost"
    if not isinstance(exc, ReadError):
        detail += "; re-download or repair the file"
    return make_rejected(source=path, input_ref=ref, input_kind="warc", reason=reason, detail=detail)


def _check_end(stream: BinaryIO, path: str, index: int, records: int) -> Iterator[Document]:
    """After the last record: a broken compressed stream under the WARC shows up on one more read."""
    try:
        probe_end(stream)
    except (ReadError, OSError) as exc:
        yield _broken_stream(path, index, records, exc, at_eof=True)


def _blame_stream(doc: Document, stream: BinaryIO, index: int) -> None:
    """A record cut short may be the symptom of a broken compressed stream: report the cause instead."""
    try:
        probe_end(stream)
    except (ReadError, OSError) as exc:
        reason = exc.reason if isinstance(exc, ReadError) else "unreadable"
        detail = exc.detail if isinstance(exc, ReadError) else f"{doc.input_ref}: reading failed ({exc})"
        doc.reject(reason, f"{detail}; documents read before it: {index}")
    except ValueError:
        pass  # data follows: the record itself was broken, not the stream under it


def _has_content_length(record: WarcRecord) -> bool:
    return record.headers.get("Content-Length") is not None


def _next_record(
    iterator: Iterator[WarcRecord], stream: BinaryIO, path: str, counts: list[int], at_eof: Callable[[], bool]
) -> WarcRecord | Document | None:
    """The next record; a rejected document when the stream breaks; None at a clean end."""
    index, records = counts
    try:
        record = next(iterator, None)
    except (ReadError, OSError, ValueError) as exc:
        return _broken_stream(path, index, records, exc, at_eof())
    if record is None:
        return next(_check_end(stream, path, index, records), None)
    counts[1] += 1
    if not _has_content_length(record):
        return _broken_stream(path, index, records + 1, OSError("a record without Content-Length"), at_eof())
    return record


def iter_warc(
    stream: BinaryIO, *, path: str, settings: Settings, at_eof: Callable[[], bool]
) -> Iterator[Document]:
    """One document per response (or resource, conversion) record of ``stream``, in order.

    ``at_eof`` tells whether the input under ``stream`` is used up (to tell a cut-off from a broken file).
    """
    counts = [0, 0]  # document records, all records
    iterator = iter(ArchiveIterator(stream, parse_http=True, auto_decode="none"))
    while True:
        record = _next_record(iterator, stream, path, counts, at_eof)
        if not isinstance(record, WarcRecord):
            if record is not None:
                yield record
            elif counts[0] == 0:
                yield _no_pages(path, counts[1])
            return
        if not record.record_type & DOCUMENT_RECORDS:
            log.debug("%s: record %d is %s, not a document", path, counts[1], record.record_type)
            continue
        index = counts[0]
        counts[0] += 1
        doc = _guarded_record(record, path, index, settings)
        yield doc
        if doc.rejected in _STREAM_FATAL:
            _blame_stream(doc, stream, index)
            return


def _no_pages(path: str, records: int) -> Document:
    """A WARC stream that ends cleanly without one document record: accounted for, not silently dropped."""
    detail = (f"{path}: a WARC file of {records:,} record{'s' if records != 1 else ''} and no page among them "
              "(no response, resource or conversion record); nothing to read")
    return make_rejected(source=path, input_ref=path, input_kind="warc", reason="empty", detail=detail)


def _guarded_record(record: WarcRecord, path: str, index: int, settings: Settings) -> Document:
    ref = f"{path}#{index}"
    return guard_document(
        lambda: record_document(record, path=path, ref=ref, index=index, settings=settings),
        source=_target_uri(record) or path,
        ref=ref,
        input_kind="warc",
    )
