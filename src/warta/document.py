"""The one document model: cleaned text plus offset spans and records pointing into it.

Every layer of warta reads and writes a :class:`Document`. Spans are ``(start, end)`` Python
string indices into ``Document.text`` (start inclusive, end exclusive), never copies of it.
``Document.to_dict`` produces exactly the output contract of ``shared/spec/output.md``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Document", "Removed", "Repair", "compute_id", "normalise_for_id"]

_WS = re.compile(r"\s+")


@dataclass(kw_only=True)
class Removed:
    """A piece of the raw input that is not part of the article body, with why."""

    text: str
    reason: str
    line: int | None = None  # 0-based line number in the raw input, when known

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(kw_only=True)
class Repair:
    """Words that arrived glued together (``bahwaRusiadan``) and the spaced form that replaced them."""

    before: str
    after: str
    start: int = -1  # offsets of ``after`` in the cleaned text, set when the text is assembled
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before, "after": self.after, "start": self.start, "end": self.end}


def normalise_for_id(text: str) -> str:
    """The form of a text its id is computed from: NFKC, case-folded, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def compute_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of SHA-1 over the normalised cleaned text."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass(kw_only=True)
class Document:
    """An article: where it came from, its raw input, and everything computed from it."""

    source: str
    raw: str = ""
    input_ref: str = ""  # exactly where in the user's inputs this came from: path, path:line, path#record
    input_kind: str = "text"  # text | html | warc | jsonl
    text: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # spans into text
    tokens: list[tuple[int, int]] = field(default_factory=list)  # spans into text
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    dateline: str | None = None
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)  # reader-supplied metadata (html title, jsonl fields)
    rejected: str | None = None  # short reason code when the document was rejected (empty, binary, ...)
    rejected_detail: str = ""  # the full message for the user: input, reason, what to do

    def __post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source:
            raise ValueError("Document.source must be a non-empty string naming the input")
        if not self.input_ref:
            self.input_ref = self.source

    @property
    def id(self) -> str:
        return compute_id(self.text)

    def span_text(self, start: int, end: int) -> str:
        """The text of a span, checked against the document's bounds."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the text of length {len(self.text)}")
        return self.text[start:end]

    def reject(self, reason: str, detail: str = "") -> None:
        """Mark the document as rejected; the reason travels with it to the summary and the store."""
        self.rejected = reason
        self.rejected_detail = detail or reason

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (plus the added fields ``repairs`` and ``warnings``)."""
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "dateline": self.dateline,
            "author": self.author,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "entities": list(self.entities),
            "actors": list(self.actors),
            "events": list(self.events),
            "quotes": list(self.quotes),
            "repairs": [r.to_dict() for r in self.repairs],
            "warnings": list(self.warnings),
        }
