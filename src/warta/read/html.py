"""HTML pages to raw article text and metadata hints, with trafilatura.

trafilatura's ``bare_extraction`` (comments and tables excluded, no deduplication) gives the main
text with one block per line (paragraphs, headings and list items each on their own line) and the
page's title, author, site name, canonical URL and a normalised date. The publication date *as
written* on the page (``article:published_time`` and friends, JSON-LD ``datePublished``) is looked up
here too, since trafilatura keeps only the day.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from ..document import Document
from .problems import ReadError, make_document
from .text import decode_checked

__all__ = [
    "PUBLISHED_META",
    "declared_charset",
    "extract_html",
    "find_published",
    "html_document",
    "html_text_document",
]

log = logging.getLogger(__name__)

#: meta names/properties/itemprops that carry the publication time as the outlet wrote it, best first
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "content_publisheddate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)
_PUBLISHED_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.I)
_FULL_DOCUMENT = re.compile(r"<(?:!doctype|html\b|head\b|body\b)", re.IGNORECASE)
#: libxml2 drops what is nested deeper than this; a run of that many opening tags explains an empty result
MAX_PARSER_DEPTH = 256
_DEEP_NESTING = re.compile(rf"(?:<[a-zA-Z][^<>]{{0,300}}>\s*){{{MAX_PARSER_DEPTH}}}")
#: largest JSON-LD block parsed for a date
MAX_JSONLD_CHARS = 200_000
#: more opening tags than this is no article page but an HTML bomb (news pages have a few thousand elements);
#: parsing and extracting 600,000 empty elements took 18 s and 300 MB
MAX_HTML_ELEMENTS = 100_000
_OPENING_TAG = re.compile(r"<[A-Za-z]")


def declared_charset(head: bytes) -> str | None:
    """The charset a ``<meta charset>`` or ``http-equiv`` tag in the first bytes declares, if any."""
    match = _META_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii") if match else None


def _meta_dates(tree: HtmlElement) -> list[tuple[int, str]]:
    found = []
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key in _PUBLISHED_RANK and value:
            found.append((_PUBLISHED_RANK[key], value))
    return found


def _search_jsonld(node: Any, depth: int = 0) -> str | None:
    if depth > 8:
        return None
    if isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str) and value.strip():
            return value.strip()
        node = list(node.values())
    if isinstance(node, list):
        for item in node[:50]:
            found = _search_jsonld(item, depth + 1)
            if found:
                return found
    return None


def _jsonld_date(tree: HtmlElement) -> str | None:
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        text = script.text or ""
        if "datePublished" not in text or len(text) > MAX_JSONLD_CHARS:
            continue
        try:
            found = _search_jsonld(json.loads(text))
        except ValueError:
            continue
        if found:
            return found
    return None


def find_published(tree: HtmlElement) -> str | None:
    """The publication date/time string exactly as the page states it in its metadata, or None.

    Open Graph/article properties first, then JSON-LD ``datePublished``, then an element with
    ``itemprop="datePublished"``, then the weaker meta names (``publishdate``, ``date`` ...).
    """
    metas = sorted(_meta_dates(tree))
    strong = [value for rank, value in metas if rank < _PUBLISHED_RANK["publishdate"]]
    itemprop = [str(value).strip() for value in tree.xpath('.//*[@itemprop="datePublished"]/@datetime')]
    weak = [value for _, value in metas]
    for candidates in (strong, [_jsonld_date(tree)], itemprop, weak):
        found = next((value for value in candidates if value), None)
        if found:
            return found
    return None


def _check_size(html: str, ref: str) -> None:
    tags = sum(1 for _ in _OPENING_TAG.finditer(html))
    if tags > MAX_HTML_ELEMENTS:
        raise ReadError(
            "too-large",
            f"{ref}: the HTML has {tags:,} elements, more than the {MAX_HTML_ELEMENTS:,} any article page has "
            "(an HTML bomb or a page dump); extract the article first",
        )


def _parse(html: str, ref: str) -> HtmlElement:
    if not _FULL_DOCUMENT.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"  # trafilatura expects a full document
    try:
        tree = load_html(html)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise ReadError("no-text", f"{ref}: the HTML could not be parsed ({exc}); check the file") from exc
    if tree is None:
        raise ReadError("no-text", f"{ref}: the HTML could not be parsed; check that it is a web page")
    return tree


def _bare_extract(tree: HtmlElement, url: str | None, ref: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            with_metadata=True,
            output_format="python",
        )
    except RecursionError as exc:
        raise ReadError(
            "no-text", f"{ref}: the HTML is nested too deeply to extract text from; check the page"
        ) from exc
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise ReadError("no-text", f"{ref}: text extraction failed ({exc}); check the page") from exc


def _no_text_detail(html: str, ref: str) -> str:
    if _DEEP_NESTING.search(html):
        return (
            f"{ref}: no article text could be extracted: the HTML nests elements more than "
            f"{MAX_PARSER_DEPTH} levels deep and the parser drops what lies below; check the page"
        )
    return (
        f"{ref}: no article text could be extracted from the HTML (navigation, scripts or an empty "
        "page only); check that the page holds an article"
    )


def extract_html(html: str, *, ref: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """(main text, hints) of a page; raises ReadError ``no-text`` when no article text is found, ``too-large``
    for a page of absurdly many elements."""
    _check_size(html, ref)
    tree = _parse(html, ref)
    published = find_published(tree)
    result = _bare_extract(tree, url, ref)
    text = (result.text or "").strip() if result is not None else ""
    if not text:
        raise ReadError("no-text", _no_text_detail(html, ref))
    hints = {
        "title": result.title,
        "published": published or result.date,
        "author": result.author,
        "outlet": result.sitename,
        "url": result.url or url,
        "hostname": result.hostname,
    }
    return text, hints


def html_text_document(
    html: str,
    *,
    source: str,
    ref: str,
    input_kind: str = "html",
    url: str | None = None,
    hints: dict[str, Any] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """A decoded web page as a document: main text as ``raw``; the caller's ``hints`` win over the page's."""
    raw, page_hints = extract_html(html, ref=ref, url=url)
    given = {key: value for key, value in (hints or {}).items() if value not in (None, "")}
    if url and page_hints.get("url") not in (None, url):
        page_hints["canonical_url"] = page_hints["url"]
    merged = {**page_hints, **given}
    final_url = url or merged.get("url")
    return make_document(
        source=final_url or source,
        input_ref=ref,
        input_kind=input_kind,
        raw=raw,
        url=final_url,
        hints=merged,
        warnings=warnings,
    )


def html_document(
    data: bytes,
    *,
    source: str,
    ref: str,
    input_kind: str = "html",
    url: str | None = None,
    hints: dict[str, Any] | None = None,
    declared: str | None = None,
) -> Document:
    """A web page given as bytes: decoded (BOM, UTF-8, declared charset, guess), then extracted."""
    html, encoding, warnings = decode_checked(data, ref, declared or declared_charset(data))
    return html_text_document(
        html,
        source=source,
        ref=ref,
        input_kind=input_kind,
        url=url,
        hints={**(hints or {}), "encoding": encoding},
        warnings=warnings,
    )
