"""Article metadata from the text's own signs, the reader's hints and the URL.

Outlet: a dateline (``Jakarta, IDN Times -``), a copyright or self-description line, the
page's site name, else the URL's host. Names are made canonical with ``lang/id/outlets.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..dates import normalise_published
from ..lang.id.outlets import OUTLETS

__all__ = ["canonical_outlet", "outlet_from_url", "outlet_from_removed", "resolve_published"]

_COPYRIGHT_NAME = re.compile(r"(?:©|copyright|\(c\))\s*(?:\d{4}(?:\s*-\s*\d{4})?)?\s*(?:PT\.?\s+)?(?P<name>[\w.\- ]{2,40}?)(?:\.\s|,|\s+all\b|\s+hak\b|$)", re.IGNORECASE)
_NAME_LIKE = re.compile(r"(?:[A-Z][\w.\-]*\s?){1,4}")
_SELF_DESCRIPTION = re.compile(r"^(?P<name>[\w.\- ]{2,40}?)\s+(?:community\s+)?adalah\s+(?:media|portal|situs)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, (spellings, domains) in OUTLETS.items():
        for key in [name, *spellings, *domains]:
            table[key.lower()] = name
    return table


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    return {domain: name for name, (_, domains) in OUTLETS.items() for domain in domains}


def canonical_outlet(name: str | None) -> str | None:
    """The canonical name of an outlet spelled in text (``KOMPAS.com`` -> ``Kompas.com``)."""
    if not name or not name.strip():
        return None
    key = name.strip().strip("-–—:").strip().lower()
    if key in _spellings():
        return _spellings()[key]
    head = key.split(".")[0]
    return _spellings().get(head, name.strip())


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of a URL: a known domain's name, else the registered host (``example.co.id``)."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    if not host:
        return None
    for domain, name in _domains().items():
        if host == domain or host.endswith("." + domain):
            return name
    return host


def outlet_from_removed(removed: list[tuple[str, str]]) -> str | None:
    """An outlet named by a copyright line or a site's self-description among removed lines."""
    for text, reason in removed:
        pattern = _COPYRIGHT_NAME if reason == "copyright" else _SELF_DESCRIPTION if reason == "boilerplate" else None
        m = pattern.search(text) if pattern else None
        if m:
            name = canonical_outlet(m.group("name"))
            if name and (name.lower() in _spellings() or _NAME_LIKE.fullmatch(name)):
                return name
    return None


def resolve_published(*candidates: str | None) -> str | None:
    """The first candidate that parses as a date (header date line first, then page metadata)."""
    for value in candidates:
        iso = normalise_published(value) if value else None
        if iso:
            return iso
    return None
