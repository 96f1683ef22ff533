"""One typed settings object: shipped defaults, user overrides on top."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

__all__ = ["Settings", "DEFAULT_SETTINGS"]


@dataclass(frozen=True, kw_only=True)
class Settings:
    #: largest single document (text, HTML page, JSONL line, WARC record) read, in bytes
    max_doc_bytes: int = 5_000_000
    #: largest decompressed size of a gzip stream that is not WARC, in bytes (gzip-bomb guard)
    max_gunzip_bytes: int = 200_000_000
    #: a cleaned article shorter than this (characters) is rejected as having no text
    min_text_chars: int = 40
    #: wall-clock budget for one document through the pipeline, seconds
    doc_time_budget: float = 10.0
    #: language code assumed for the language knowledge when detection is unsure
    default_language: str = "id"
    #: glued-word repair on or off
    repair_glued_words: bool = True

    def __post_init__(self) -> None:
        for name in ("max_doc_bytes", "max_gunzip_bytes", "min_text_chars"):
            if getattr(self, name) < 0:
                raise ValueError(f"Settings.{name} must be >= 0, got {getattr(self, name)}")
        if self.doc_time_budget <= 0:
            raise ValueError(f"Settings.doc_time_budget must be > 0, got {self.doc_time_budget}")

    def with_overrides(self, **overrides: Any) -> "Settings":
        """A copy with the given fields replaced; unknown names raise ValueError."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ValueError(f"unknown settings {sorted(unknown)}; known: {sorted(known)}")
        return dataclasses.replace(self, **overrides)


DEFAULT_SETTINGS = Settings()
