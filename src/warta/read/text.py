"""Single-document inputs: a plain-text article, and the shared bytes-to-text step with its checks."""

from __future__ import annotations

from ..document import Document
from .decode import DecodeError, decode_bytes
from .problems import ReadError, make_document

__all__ = ["decode_checked", "text_document"]


def decode_checked(data: bytes, ref: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode and refuse binary, undecodable and whitespace-only data with a ReadError."""
    try:
        text, encoding, warnings = decode_bytes(data, ref, declared=declared)
    except DecodeError as exc:
        raise ReadError(exc.reason, str(exc)) from exc
    if not text.strip():
        raise ReadError("empty", f"{ref}: holds only whitespace, no text; remove it from the inputs")
    return text, encoding, warnings


def text_document(data: bytes, *, source: str, ref: str, input_kind: str = "text") -> Document:
    """A plain-text article: the decoded text as given."""
    text, encoding, warnings = decode_checked(data, ref)
    return make_document(
        source=source,
        input_ref=ref,
        input_kind=input_kind,
        raw=text,
        hints={"encoding": encoding},
        warnings=warnings,
    )
