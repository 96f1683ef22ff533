"""Reader problems and the documents that carry them.

A problem with one input never stops the run: it becomes a rejected :class:`~warta.document.Document`
with a short reason code and a full sentence for the user (which input, what is wrong, what to do).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ..document import Document

__all__ = ["REASONS", "ReadError", "guard_document", "make_document", "make_rejected"]

log = logging.getLogger(__name__)

#: every reason code a reader puts on a rejected document, with what it means
REASONS: dict[str, str] = {
    "not-found": "the path does not exist",
    "unreadable": "the operating system refused to read it, or a library failed on it",
    "empty": "0 bytes, only whitespace, or a WARC file without a page record",
    "binary": "binary data (image, archive, document format), not text",
    "undecodable": "no text encoding fits the bytes",
    "too-large": "a single document above settings.max_doc_bytes, or an HTML page of more elements than any article",
    "truncated": "a gzip or WARC stream that ends early",
    "gzip-bomb": "decompresses to more than settings.max_gunzip_bytes, or at an absurd ratio",
    "invalid-json": "a JSONL line that is not a JSON object",
    "missing-field": "a JSONL object with neither text nor html",
    "no-text": "an HTML page from which no article text could be extracted",
    "not-html": "a WARC response whose payload is not an HTML page",
    "malformed": "a WARC record or gzip stream whose structure is broken",
    "not-news": "a JSON document that holds no article (no text or html field)",
}


class ReadError(Exception):
    """Why one input (or the rest of one) cannot be read: a reason code and a sentence for the user."""

    def __init__(self, reason: str, detail: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown reader reason {reason!r}; known: {sorted(REASONS)}")
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def make_document(
    *,
    source: str,
    input_ref: str,
    input_kind: str,
    raw: str,
    url: str | None = None,
    hints: dict[str, Any] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """A document as the reader hands it on: where it came from, its raw text, what is known about it."""
    clean_hints = {key: value for key, value in (hints or {}).items() if value not in (None, "")}
    return Document(
        source=source,
        input_ref=input_ref,
        input_kind=input_kind,
        raw=raw,
        url=url,
        hints=clean_hints,
        warnings=list(warnings or []),
    )


def make_rejected(
    *,
    source: str,
    input_ref: str,
    input_kind: str,
    reason: str,
    detail: str,
    url: str | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """A rejected document with empty ``raw`` and its reason."""
    doc = make_document(
        source=source, input_ref=input_ref, input_kind=input_kind, raw="", url=url, warnings=warnings
    )
    doc.reject(reason, detail)
    return doc


def guard_document(build: Callable[[], Document], *, source: str, ref: str, input_kind: str) -> Document:
    """Run one document's reader; any failure becomes a rejected document instead of an exception.

    This is the one per-document boundary: besides our own :class:`ReadError` and OS errors it
    catches whatever a third-party library (lxml, trafilatura, charset-normalizer) raises on
    pathological input, logs it, and rejects the document as ``unreadable``.
    """
    try:
        return build()
    except ReadError as exc:
        return make_rejected(
            source=source, input_ref=ref, input_kind=input_kind, reason=exc.reason, detail=exc.detail
        )
    except OSError as exc:
        detail = f"{ref}: could not be read ({exc.strerror or exc}); check the file and its permissions"
        return make_rejected(
            source=source, input_ref=ref, input_kind=input_kind, reason="unreadable", detail=detail
        )
    except Exception as exc:  # the per-document boundary, see the docstring
        log.exception("reading %s failed", ref)
        detail = f"{ref}: reading failed ({type(exc).__name__}: {exc}); remove it or report it as a bug"
        return make_rejected(
            source=source, input_ref=ref, input_kind=input_kind, reason="unreadable", detail=detail
        )
