"""Pipeline components of the clean stage: debris, glued words, metadata, language."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..document import Document, Removed, Repair
from ..settings import DEFAULT_SETTINGS, Settings
from .debris import clean_lines
from .language import detect_language
from .metadata import canonical_outlet, outlet_from_removed, outlet_from_url, resolve_published
from .repair import GlueRepairer, default_repairer
from .rules import load_rules

__all__ = ["CleanDebris", "RepairGlue", "ResolveMetadata", "DetectLanguage", "join_paragraphs"]

log = logging.getLogger(__name__)
PARAGRAPH_SEP = "\n\n"


def join_paragraphs(doc: Document, paragraphs: list[str]) -> None:
    """Set the document's text from paragraphs, with their spans."""
    spans, pos = [], 0
    for para in paragraphs:
        spans.append((pos, pos + len(para)))
        pos += len(para) + len(PARAGRAPH_SEP)
    doc.text = PARAGRAPH_SEP.join(paragraphs)
    doc.paragraphs = spans


@dataclass
class CleanDebris:
    """Removes scraper debris; keeps each removed piece with its reason; rejects empty articles."""

    settings: Settings = DEFAULT_SETTINGS
    name: str = "clean"
    needs: frozenset[str] = frozenset({"raw", "hints"})
    sets: frozenset[str] = frozenset({"text", "paragraphs", "removed", "title", "dateline", "author"})

    def warm_up(self) -> None:
        load_rules(self.settings.default_language)

    def __call__(self, doc: Document) -> Document:
        result = clean_lines(doc.raw, load_rules(self.settings.default_language), title_hint=doc.hints.get("title"))
        doc.removed = [Removed(text=t, reason=r, line=i) for i, t, r in result.removed]
        join_paragraphs(doc, result.paragraphs)
        doc.title = result.title
        doc.dateline = result.dateline
        doc.author = result.byline or doc.hints.get("author") or result.author_tag
        doc.hints.update(date_line=result.date_line, header_published=result.published,
                         dateline_outlet=result.dateline_outlet or result.byline_outlet)
        if len(doc.text) < self.settings.min_text_chars:
            doc.reject("no-text", f"{doc.input_ref}: no article text left after cleaning "
                       f"({len(doc.removed)} lines removed as debris, {len(doc.text)} characters kept)")
        return doc


@dataclass
class RepairGlue:
    """Splits words glued together where links were stripped, recording each repair."""

    repairer: GlueRepairer | None = None
    name: str = "repair"
    needs: frozenset[str] = frozenset({"text", "paragraphs"})
    sets: frozenset[str] = frozenset({"text", "paragraphs", "repairs"})

    def warm_up(self) -> None:
        (self.repairer or default_repairer()).split("pemanasan")

    def __call__(self, doc: Document) -> Document:
        repairer = self.repairer or default_repairer()
        paragraphs, repairs = [], []
        offset = 0
        for start, end in doc.paragraphs:
            fixed, found = repairer.repair(doc.text[start:end])
            repairs.extend(_locate(fixed, found, offset))
            paragraphs.append(fixed)
            offset += len(fixed) + 2
        join_paragraphs(doc, paragraphs)
        doc.repairs = repairs
        return doc


def _locate(paragraph: str, found: list[tuple[str, str]], offset: int) -> list[Repair]:
    out, pos = [], 0
    for before, after in found:
        at = paragraph.find(after, pos)
        start = offset + at if at >= 0 else -1
        out.append(Repair(before=before, after=after, start=start, end=start + len(after) if at >= 0 else -1))
        pos = at + len(after) if at >= 0 else pos
    return out


@dataclass
class ResolveMetadata:
    """Outlet, published date, title and author from the text's signs, the reader's hints and the URL."""

    name: str = "metadata"
    needs: frozenset[str] = frozenset({"removed", "hints", "title"})
    sets: frozenset[str] = frozenset({"outlet", "published", "url"})

    def __call__(self, doc: Document) -> Document:
        hints = doc.hints
        doc.url = doc.url or hints.get("url")
        removed = [(r.text, r.reason) for r in doc.removed]
        doc.outlet = (canonical_outlet(hints.get("dateline_outlet")) or canonical_outlet(hints.get("outlet"))
                      or outlet_from_removed(removed) or outlet_from_url(doc.url))
        doc.published = resolve_published(hints.get("header_published"), hints.get("published"))
        if not doc.title and hints.get("title"):
            doc.title = hints["title"]
        if not doc.author and hints.get("author"):
            doc.author = hints["author"]
        return doc


@dataclass
class DetectLanguage:
    """ISO 639-1 language of the cleaned text."""

    name: str = "language"
    needs: frozenset[str] = frozenset({"text"})
    sets: frozenset[str] = frozenset({"language"})
    fallback: str | None = None

    def warm_up(self) -> None:
        detect_language("memuat daftar kata bahasa")

    def __call__(self, doc: Document) -> Document:
        doc.language = detect_language(doc.text) or doc.hints.get("language") or self.fallback
        return doc
