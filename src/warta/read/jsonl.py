"""JSON Lines: one article per line, as scrapers write them.

Each line is a JSON object with the article in ``text`` (plain text) or ``html`` (a web page, which goes
through the HTML reader), and optional metadata (``url``, ``title``, ``published``, ``author``,
``outlet`` and the aliases in :data:`HINT_FIELDS`). The file is read line by line, each line bounded by
``settings.max_doc_bytes``, so a JSONL file of any size streams. Blank lines are skipped; every other
line yields exactly one document, accepted or rejected, with ``input_ref`` ``path:LINE`` (1-based).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from ..document import Document
from ..settings import Settings
from .html import html_text_document
from .problems import ReadError, guard_document, make_document, make_rejected
from .streams import CHUNK_BYTES, probe_end
from .text import decode_checked

__all__ = ["BODY_FIELDS", "HINT_FIELDS", "iter_jsonl", "json_limit_detail", "line_document"]

log = logging.getLogger(__name__)

#: the fields that hold the article, and how each is read
BODY_FIELDS: tuple[tuple[str, str], ...] = (("text", "text"), ("html", "html"))
#: hint name -> JSON field names accepted for it, first present wins
HINT_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "canonical_url"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "datePublished", "publish_date"),
    "author": ("author", "authors", "byline"),
    "outlet": ("outlet", "source", "sitename", "site_name"),
}


#: a UTF-16 surrogate standing alone: JSON can write one (``"\\ud800"``), no text encoding can
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(text: str, warnings: list[str] | None = None) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (noted in ``warnings``): they cannot be encoded, and
    would fail every later step that writes the text out (the recogniser's features, JSON output, the store)."""
    scrubbed, count = _LONE_SURROGATE.subn("\ufffd", text)
    if count and warnings is not None:
        warnings.append(f"lone UTF-16 surrogate escapes replaced at {count} place{'s' if count != 1 else ''}")
    return scrubbed


def _as_hint(value: Any) -> str | None:
    """A metadata value as a string: lists joined, ``{"name": ...}`` objects by their name."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        parts = [_as_hint(item) for item in value]
        value = ", ".join(part for part in parts if part)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return _scrub(str(value)).strip() or None
    return None


def _read_hints(obj: dict[str, Any]) -> dict[str, str]:
    hints = {}
    for hint, names in HINT_FIELDS.items():
        for name in names:
            value = _as_hint(obj.get(name))
            if value:
                hints[hint] = value
                break
    return hints


def _parse_object(line: bytes, ref: str) -> tuple[dict[str, Any], list[str]]:
    text, _, warnings = decode_checked(line, ref)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            "invalid-json",
            f"{ref}: line is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line",
        ) from exc
    except (RecursionError, ValueError) as exc:  # nested thousands deep, or an integer of thousands of digits
        raise ReadError("invalid-json", f"{ref}: {json_limit_detail(exc)}; fix or remove the line") from exc
    if not isinstance(obj, dict):
        raise ReadError(
            "invalid-json",
            f"{ref}: line is a JSON {type(obj).__name__}, not an object; write one object per line",
        )
    return obj, warnings


def json_limit_detail(exc: RecursionError | ValueError) -> str:
    """What is wrong with JSON that is well-formed but past what can be read: too deep, or too long a number."""
    if isinstance(exc, RecursionError):
        return "the JSON is nested too deeply to read (thousands of levels: not an article)"
    return f"the JSON holds a value that cannot be read ({exc})"


def _pick_body(obj: dict[str, Any], ref: str) -> tuple[str, str]:
    """(body, ``text`` or ``html``) from the first body field that holds a string."""
    for field_name, kind in BODY_FIELDS:
        value = obj.get(field_name)
        if isinstance(value, str):
            if not value.strip():
                raise ReadError("empty", f"{ref}: the {field_name!r} field is empty; remove the line")
            return value, kind
    keys = ", ".join(sorted(obj)[:12]) or "none"
    raise ReadError(
        "missing-field",
        f'{ref}: the JSON object has no "text" or "html" string field (keys: {keys}); '
        "rename the field that holds the article or remove the line",
    )


def line_document(line: bytes, *, path: str, ref: str) -> Document:
    """One JSONL line as a document (raises ReadError for lines that are not articles)."""
    obj, warnings = _parse_object(line, ref)
    body, kind = _pick_body(obj, ref)
    body = _scrub(body, warnings)
    hints = _read_hints(obj)
    if kind == "html":
        return html_text_document(
            body,
            source=path,
            ref=ref,
            input_kind="jsonl",
            url=hints.get("url"),
            hints=hints,
            warnings=warnings,
        )
    hints["encoding"] = "utf-8"
    return make_document(
        source=path,
        input_ref=ref,
        input_kind="jsonl",
        raw=body,
        url=hints.get("url"),
        hints=hints,
        warnings=warnings,
    )


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while chunk := stream.readline(CHUNK_BYTES):
        if chunk.endswith(b"\n"):
            return


def _next_line(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """(line, too large); a line longer than ``limit`` bytes is skipped, not kept.

    A line without a newline is the last one: reading once more raises if the stream broke in it.
    """
    line = stream.readline(limit + 1)
    if len(line) > limit and not line.endswith(b"\n"):
        _skip_rest_of_line(stream)
        return line[:64], True
    if not line.endswith(b"\n"):
        probe_end(stream)
    return line, False


def _too_large(path: str, ref: str, limit: int) -> Document:
    detail = (
        f"{ref}: the line is longer than {limit:,} bytes (settings.max_doc_bytes); "
        "shorten the record or raise the limit"
    )
    return make_rejected(source=path, input_ref=ref, input_kind="jsonl", reason="too-large", detail=detail)


def iter_jsonl(stream: BinaryIO, *, path: str, settings: Settings, first_line: int = 1) -> Iterator[Document]:
    """One document per non-blank line of ``stream`` (a buffered binary stream), in order.

    ``first_line``: the line number of the stream's first line in its file, when the stream is a part of
    the file (a shard of ``warta run``), so that references name the same lines as a whole-file read."""
    lineno = first_line - 1
    count = 0
    while True:
        try:
            line, too_large = _next_line(stream, settings.max_doc_bytes)
        except ReadError as exc:
            ref = f"{path}:{lineno + 1}"
            detail = f"{exc.detail}; documents read before it: {count}"
            yield make_rejected(
                source=path, input_ref=ref, input_kind="jsonl", reason=exc.reason, detail=detail
            )
            return
        if not line:
            return
        lineno += 1
        ref = f"{path}:{lineno}"
        if lineno == 1:  # only the file's first line can start with a byte-order mark
            line = line.removeprefix(b"\xef\xbb\xbf")
        if too_large:
            doc = _too_large(path, ref, settings.max_doc_bytes)
        elif not line.strip():
            continue  # blank lines are not records
        else:
            build = partial(line_document, line, path=path, ref=ref)
            doc = guard_document(build, source=path, ref=ref, input_kind="jsonl")
        count += 1
        yield doc
