"""Compiled debris rules for one language, built from its ``lang/<code>/debris.py`` data module."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

__all__ = ["DebrisRules", "load_rules"]

_FLAGS = re.IGNORECASE | re.UNICODE
_END_PUNCT = re.compile(r"[.!?…\"”’'»)\]:;]\s*$")
_TEASER_END = re.compile(r"(\.\.\.|…)\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)
_CREDIT_TAIL = 200
_MAX_DISCLAIMER_WORDS = 70
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’']?\s+[A-Z\"“]")


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@dataclass(frozen=True)
class ReasonPattern:
    """One regular expression for a whole table of reason -> patterns; ``match`` says which reason."""

    pattern: re.Pattern[str]
    reasons: dict[str, str]  # group name -> reason

    def match(self, line: str) -> str | None:
        m = self.pattern.match(line)
        return self.reasons[m.lastgroup] if m and m.lastgroup else None


def _compile_table(table: dict[str, list[str]], *, whole: bool) -> ReasonPattern:
    groups, reasons = [], {}
    for pos, (reason, pats) in enumerate(table.items()):
        groups.append(f"(?P<r{pos}>{_alternation(pats)})")
        reasons[f"r{pos}"] = reason
    end = "$" if whole else ""
    return ReasonPattern(re.compile(f"^(?:{'|'.join(groups)}){end}", _FLAGS), reasons)


@lru_cache(maxsize=8192)
def count_words(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class DebrisRules:
    """Regular expressions for one language, with the small predicates the cleaner asks."""

    whole: ReasonPattern
    prefix: ReasonPattern
    block_header: ReasonPattern
    caption_suffix: re.Pattern[str]
    agency_credit: re.Pattern[str]
    max_short_caption_words: int
    byline_card: re.Pattern[str]
    disclaimer: re.Pattern[str]
    numbered_heading: re.Pattern[str]
    author_tag_line: re.Pattern[str]
    author_tag_end: re.Pattern[str]
    dateline: re.Pattern[str]
    dateline_period: re.Pattern[str]
    header_byline: re.Pattern[str]
    outlet_hint_words: frozenset[str]
    max_headline_words: int
    min_prose_words: int

    def line_reason(self, line: str) -> str | None:
        """The debris reason of a line taken alone, or None when it may be article text."""
        reason = self.whole.match(line) or self.prefix.match(line)
        if reason:
            return reason
        if self.byline_card.fullmatch(line):
            return "byline"
        if count_words(line) <= _MAX_DISCLAIMER_WORDS and self.disclaimer.search(line):
            return "boilerplate"
        if self.is_caption(line):
            return "caption"
        return None

    def block_reason(self, line: str) -> str | None:
        """The reason of a block that this line opens (its short lines share it), or None."""
        return self.block_header.match(line)

    def is_caption(self, line: str) -> bool:
        n = count_words(line)
        tail = line[-_CREDIT_TAIL:]  # credits end the line: search only its end
        if n <= 40 and self.caption_suffix.search(tail):
            return True
        m = self.agency_credit.search(tail)
        if not m or n > self.max_short_caption_words:
            return False
        return not tail[: m.start()].rstrip().endswith((".", "!", "?", "\"", "”"))  # prose + credit: an author tag

    def is_numbered_heading(self, line: str) -> bool:
        return self.is_headline(line) and bool(self.numbered_heading.fullmatch(line))

    def is_headline(self, line: str) -> bool:
        """Short and without a sentence end: a headline, heading, tag or fragment."""
        n = count_words(line)
        return 0 < n <= self.max_headline_words and (not _END_PUNCT.search(line) or bool(_TEASER_END.search(line)))

    def is_teaser(self, line: str) -> bool:
        """A headline cut off with an ellipsis, as in lists of related stories."""
        return bool(_TEASER_END.search(line)) and count_words(line) <= self.max_headline_words and not _has_sentence_inside(line)

    def is_prose(self, line: str) -> bool:
        n = count_words(line)
        return n >= 20 or (n >= self.min_prose_words and bool(_END_PUNCT.search(line)))


def _has_sentence_inside(line: str) -> bool:
    return bool(_SENTENCE_INSIDE.search(line))


def _build(module: ModuleType) -> DebrisRules:
    return DebrisRules(
        whole=_compile_table(module.WHOLE_LINE, whole=True),
        prefix=_compile_table(module.LINE_PREFIX, whole=False),
        block_header=_compile_table(module.BLOCK_HEADER, whole=True),
        caption_suffix=re.compile(rf"(?:{_alternation(module.CAPTION_SUFFIX)})\s*$", _FLAGS),
        agency_credit=re.compile(rf"{module.AGENCY_CREDIT}\s*$", _FLAGS),
        max_short_caption_words=module.MAX_SHORT_CAPTION_WORDS,
        byline_card=re.compile(_alternation(module.BYLINE_CARD), _FLAGS),
        disclaimer=re.compile(_alternation(module.DISCLAIMER), _FLAGS),
        numbered_heading=re.compile(module.NUMBERED_HEADING, _FLAGS),
        author_tag_line=re.compile(rf"^{module.AUTHOR_TAG}$", _FLAGS),
        author_tag_end=re.compile(rf"\s*{module.AUTHOR_TAG}\s*$", _FLAGS),
        dateline=re.compile(
            rf"^(?P<prefix>(?P<segs>{module.DATELINE_SEGMENT}(?:\s*,\s*{module.DATELINE_SEGMENT}){{0,2}})"
            rf"(?:\s*\((?P<paren>[A-Za-z][\w .]{{1,30}})\))?{module.DATELINE_DASH})(?=\S)"
        ),
        dateline_period=re.compile(rf"^{module.DATELINE_PERIOD}"),
        header_byline=re.compile(rf"^{module.HEADER_BYLINE}$"),
        outlet_hint_words=frozenset(module.OUTLET_HINT_WORDS),
        max_headline_words=module.MAX_HEADLINE_WORDS,
        min_prose_words=module.MIN_PROSE_WORDS,
    )


@lru_cache(maxsize=8)
def load_rules(language: str = "id") -> DebrisRules:
    """The debris rules of a language; languages without their own fall back to Indonesian."""
    try:
        module = importlib.import_module(f"warta.lang.{language}.debris")
    except ModuleNotFoundError:
        module = importlib.import_module("warta.lang.id.debris")
    return _build(module)
