"""Separate article text from scraper debris, line by line, keeping every removal's reason.

The input is text as scrapers save it: one paragraph a line (blank lines optional), with the
headline, date line, byline and site furniture around it. Each line gets a verdict: body, or
debris with a reason. Rules come from the language's data module (``lang/<code>/debris.py``);
here is only how they combine:

1. each line alone: widgets, prefixes (``Baca juga:``), captions, disclaimers, bylines;
2. the header before the first prose line: headline(s), date line, byline;
3. the dateline opening of the first paragraph (``BEIJING -``, ``Jakarta, IDN Times -``);
4. body lines: repeated headline, caption glued to the headline, numbered headings,
   repeated paragraphs, teasers;
5. blocks: a block header (``Berita Terkait``, ``Topik:``) takes the short lines after it;
6. short fragments next to debris take their neighbour's reason;
7. the trailing author tag (``(esn)``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..dates import parse_date_line
from ..lang.id.outlets import known_outlet_spellings
from .rules import DebrisRules, count_words

__all__ = ["LineVerdict", "CleanResult", "clean_lines", "normalise_line"]

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FOLD = re.compile(r"[\W_]+", re.UNICODE)
_BYLINE_VALUE = re.compile(r"^(?:[^:|]{2,30}:\s*|oleh\s+|(?:penulis|reporter|pewarta|wartawan)\s+)"
                           r"(?P<name>[^|]+?)(?:\s*\|.*)?$", re.IGNORECASE)
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'.\-]*\s?){1,5}$")
_DOMAINISH = re.compile(r"\.(com|id|co|net|org)\b|-online")
_SEG_SPLIT = re.compile(r"[\s.]+")
MIN_DUPLICATE_CHARS = 25


def normalise_line(line: str) -> str:
    """Whitespace and invisible characters folded; text otherwise untouched."""
    line = _CONTROL.sub(" ", _INVISIBLE.sub("", line))
    return _SPACES.sub(" ", line).strip()


def fold(text: str) -> str:
    """Comparison key: case, accents, punctuation and spacing folded away."""
    return _FOLD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


@dataclass
class LineVerdict:
    index: int
    text: str
    reason: str | None = None  # None: article text
    kind: str = "line"  # line | fragment | prose

    @property
    def is_body(self) -> bool:
        return self.reason is None


@dataclass
class CleanResult:
    """Body paragraphs and removed pieces (in input order), plus header facts found on the way."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[tuple[int, str, str]] = field(default_factory=list)  # (line index, text, reason)
    title: str | None = None
    date_line: str | None = None
    published: str | None = None
    byline: str | None = None
    byline_outlet: str | None = None
    author_tag: str | None = None
    dateline: str | None = None
    dateline_outlet: str | None = None


def clean_lines(raw: str, rules: DebrisRules, *, title_hint: str | None = None) -> CleanResult:
    """Clean one raw article text."""
    lines = [LineVerdict(i, normalise_line(t)) for i, t in enumerate(raw.splitlines())]
    lines = [v for v in lines if v.text]
    result = CleanResult(title=title_hint)
    _classify_alone(lines, rules)
    first = _classify_header(lines, rules, result)
    dateline_piece = _strip_dateline(lines, first, rules, result)
    _classify_body(lines, first, rules, result)
    _absorb_blocks(lines, rules)
    _absorb_fragments(lines, rules)
    tag_piece = _strip_author_tag(lines, rules, result)
    _collect(lines, result, dateline_piece, tag_piece)
    return result


def _classify_alone(lines: list[LineVerdict], rules: DebrisRules) -> None:
    for v in lines:
        v.reason = rules.line_reason(v.text)
        v.kind = "prose" if rules.is_prose(v.text) else ("fragment" if rules.is_headline(v.text) else "line")


def _first_prose(lines: list[LineVerdict], rules: DebrisRules) -> int:
    for pos, v in enumerate(lines):
        if v.is_body and (v.kind == "prose" or _dateline_match(v.text, rules)):
            return pos
    return len(lines)


def _dateline_match(text: str, rules: DebrisRules) -> re.Match[str] | None:
    """A dateline opening followed by prose (not ``Name - detikNews`` alone)."""
    m = rules.dateline.match(text)
    if m and rules.is_prose(text[m.end("prefix") :]):
        return m
    return None


def _classify_header(lines: list[LineVerdict], rules: DebrisRules, result: CleanResult) -> int:
    """Headline, subtitle, date and byline lines before the first prose line."""
    first = _first_prose(lines, rules)
    for v in lines[:first]:
        if v.reason is not None:
            _note_header_debris(v, result)
            continue
        published = parse_date_line(v.text)
        if published:
            v.reason = "date"
            result.date_line, result.published = v.text, result.published or published
        elif result.title is None or fold(v.text) == fold(result.title):
            v.reason, result.title = "title", result.title or v.text
        elif _NAME_LINE.match(v.text) and count_words(v.text) <= 4 and result.byline is None:
            v.reason, result.byline = "byline", _byline_name(v.text)
        elif (m := rules.header_byline.match(v.text)) and result.byline is None:
            v.reason, result.byline, result.byline_outlet = "byline", m.group("name"), m.group("outlet")
        elif v.kind != "prose":
            v.reason = "title"  # a subtitle or kicker
    return first


_BYLINE_LEAD = re.compile(r"^(?:oleh|by)\s+|^laporan\s+wartawan\s+[^,]{2,40},\s*", re.IGNORECASE)


def _byline_name(text: str) -> str:
    """The writer's name in a byline: ``Oleh Laras Anggraini``, ``Laporan Wartawan Tribunnews.com, Arif``."""
    return _BYLINE_LEAD.sub("", text).strip() or text


def _note_header_debris(v: LineVerdict, result: CleanResult) -> None:
    if v.reason == "byline" and result.byline is None:
        m = _BYLINE_VALUE.match(v.text)
        result.byline = _byline_name((m.group("name") if m else v.text).strip())


def _strip_dateline(lines: list[LineVerdict], first: int, rules: DebrisRules, result: CleanResult) -> tuple[int, str] | None:
    """Cut ``BEIJING -`` or ``Jakarta, IDN Times -`` off the first paragraph."""
    if first >= len(lines):
        return None
    v = lines[first]
    m = _dateline_match(v.text, rules)
    if m:
        segments = [s.strip() for s in m.group("segs").split(",")]
        place, outlet = _split_dateline(segments, m.group("paren"), rules)
    else:
        m = rules.dateline_period.match(v.text)
        place, outlet = (m.group("place"), None) if m and rules.is_prose(v.text[m.end("prefix"):]) else (None, None)
    if place is None and outlet is None:
        return None
    result.dateline, result.dateline_outlet = place, outlet
    v.text = v.text[m.end("prefix") :].lstrip()
    v.kind = "prose" if rules.is_prose(v.text) else v.kind
    return v.index, m.group("prefix").strip()


def _split_dateline(segments: list[str], paren: str | None, rules: DebrisRules) -> tuple[str | None, str | None]:
    place = outlet = None
    for seg in segments:
        if _looks_like_outlet(seg, rules):
            outlet = outlet or seg
        elif _looks_like_place(seg):
            place = place or seg
        else:
            return None, None
    if paren:
        outlet = outlet or paren.strip()
    return place, outlet


def _looks_like_outlet(seg: str, rules: DebrisRules) -> bool:
    low = seg.lower()
    if low in known_outlet_spellings():
        return True
    if _DOMAINISH.search(low):
        return True
    parts = _SEG_SPLIT.split(low)
    return len(parts) > 1 and parts[-1] in rules.outlet_hint_words


def _looks_like_place(seg: str) -> bool:
    words = seg.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)


def _classify_body(lines: list[LineVerdict], first: int, rules: DebrisRules, result: CleanResult) -> None:
    title_key = fold(result.title) if result.title else None
    seen: set[str] = set()
    for v in lines[first:]:
        if v.reason is not None:
            continue
        key = fold(v.text)
        if title_key and key == title_key:
            v.reason = "title"
        elif title_key and key.startswith(title_key) and count_words(v.text) <= 40 and v.kind != "prose":
            v.reason = "caption"  # a photo caption glued to a repeated headline
        elif rules.is_numbered_heading(v.text):
            v.reason = "heading"
        elif len(key) >= MIN_DUPLICATE_CHARS and key in seen:
            v.reason = "duplicate"
        elif rules.is_teaser(v.text):
            v.reason = "related"
        if v.reason is None:
            seen.add(key)


def _absorb_blocks(lines: list[LineVerdict], rules: DebrisRules) -> None:
    """A block header (``Berita Terkait``, ``Topik:``) takes the short lines that follow it."""
    block: str | None = None
    for v in lines:
        opened = rules.block_reason(v.text)
        if opened:
            block = opened
            continue
        if block is None:
            continue
        if v.is_body and v.kind == "fragment" and not _is_sentence_like(v.text):
            v.reason = block
        elif v.is_body:
            block = None


def _is_sentence_like(text: str) -> bool:
    return count_words(text) > 14


def _absorb_fragments(lines: list[LineVerdict], rules: DebrisRules) -> None:
    """Short fragments beside debris share its reason; those between prose are headings."""
    changed = True
    while changed:
        changed = False
        for pos, v in enumerate(lines):
            if not v.is_body or v.kind != "fragment":
                continue
            before = lines[pos - 1] if pos > 0 else None
            after = lines[pos + 1] if pos + 1 < len(lines) else None
            neighbour = _debris_neighbour(before, after)
            if neighbour is not None:
                v.reason, changed = neighbour, True
    for v in lines:
        if v.is_body and v.kind == "fragment" and count_words(v.text) <= 12:
            v.reason = "heading"


def _debris_neighbour(before: LineVerdict | None, after: LineVerdict | None) -> str | None:
    if before is not None and not before.is_body and before.reason not in ("duplicate", "title", "date"):
        return before.reason
    if after is not None and not after.is_body and after.reason not in ("duplicate", "title", "date", "heading"):
        if before is None or not before.is_body or before.kind != "prose":
            return after.reason
    return None


def _strip_author_tag(lines: list[LineVerdict], rules: DebrisRules, result: CleanResult) -> tuple[int, str] | None:
    """A trailing ``(esn)``: on its own line after the body, or at the end of the last paragraph."""
    body = [v for v in lines if v.is_body]
    if not body:
        return None
    last = body[-1]
    for v in lines[lines.index(last) + 1 :]:
        if rules.author_tag_line.match(v.text):
            v.reason, result.author_tag = "author-tag", v.text
            return None
    if rules.author_tag_line.match(last.text):
        last.reason, result.author_tag = "author-tag", last.text
        return None
    m = rules.author_tag_end.search(last.text)
    if m and m.start() > 0:
        tag = m.group(0).strip()
        last.text, result.author_tag = last.text[: m.start()].rstrip(), tag
        return last.index, tag
    return None


def _collect(lines: list[LineVerdict], result: CleanResult, *pieces: tuple[int, str] | None) -> None:
    removed = [(v.index, v.text, v.reason) for v in lines if v.reason is not None]
    for piece, reason in zip(pieces, ("dateline", "author-tag")):
        if piece is not None:
            removed.append((piece[0], piece[1], reason))
    removed.sort(key=lambda r: (r[0], r[2] != "dateline"))
    result.removed = removed
    result.paragraphs = [v.text for v in lines if v.is_body]
