"""Query parameters the API shares with the CLI (dates, pairs, PLOVER types), checked with messages that
name the parameter, and the list envelope ``{"items", "limit", "offset", "total", "next_offset"}``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..analyse.plover import MODALITIES, PLOVER_TYPES
from ..store.sql import LIKE_ESCAPE, escape_like
from .access import BadParameter

__all__ = ["escape_like", "LIKE_ESCAPE", "parse_date", "parse_pair", "parse_choice", "parse_type", "parse_modality",
           "page_of", "page", "MAX_LIMIT", "MAX_OFFSET", "MAX_SQL_OFFSET", "SECTORS", "KINDS"]

MAX_LIMIT = 500
#: lists paged over the store's own queries (which have no OFFSET) go this deep; narrow them with filters
MAX_OFFSET = 10_000
#: lists paged in SQL (articles, search) go deeper
MAX_SQL_OFFSET = 1_000_000
SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "CVL", "MED", "BUS")
KINDS = ("person", "state", "org", "igo", "group")


def parse_date(name: str, value: str | None) -> dt.date | None:
    """``YYYY-MM-DD``, or ``YYYY-MM`` for the month's first day (as the CLI's --since/--until)."""
    if value is None or value == "":
        return None
    try:
        if len(value) == 7:
            return dt.date.fromisoformat(f"{value}-01")
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise BadParameter(name, f"{value[:40]!r} is not a date: give YYYY-MM-DD or YYYY-MM")


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """``A-B`` (or ``A,B``): two actors or countries, as the CLI's --pair."""
    if value is None or value == "":
        return None
    parts = [p for p in value.replace(",", "-").split("-") if p]
    if len(parts) != 2:
        raise BadParameter("pair", f"{value[:40]!r} is not a pair: give two actors or countries as A-B, e.g. CHN-RUS")
    return parts[0], parts[1]


def parse_choice(name: str, value: str | None, choices: tuple[str, ...], *, upper: bool = False) -> str | None:
    if value is None or value == "":
        return None
    wanted = value.upper() if upper else value.lower()
    if wanted not in choices:
        raise BadParameter(name, f"{value[:40]!r} is not one of {', '.join(choices)}")
    return wanted


def parse_type(value: str | None) -> str | None:
    return parse_choice("type", value, PLOVER_TYPES, upper=True)


def parse_modality(value: str | None) -> str | None:
    return parse_choice("modality", value, MODALITIES)


def page(items: list[Any], *, limit: int, offset: int, total: int | None) -> dict[str, Any]:
    """The list envelope; ``next_offset`` is null on the last page."""
    more = total > offset + len(items) if total is not None else len(items) == limit
    return {"items": items, "limit": limit, "offset": offset, "total": total,
            "next_offset": offset + len(items) if more and items else None}


def page_of(fetch: Callable[[int], list[Any]], *, limit: int, offset: int,
            total: Callable[[], int] | None = None, cache: Any = None, key: Any = None,
            chunk: int = 1) -> dict[str, Any]:
    """A page of a store query that has a limit but no offset: fetch the first ``offset + limit + 1`` rows
    (rounded up to a multiple of ``chunk``) and slice. With a ``cache`` the fetched rows are kept under
    ``key`` and later pages within them are sliced from there. ``total`` is exact when the rows ran out,
    or when a cheap ``total`` function is given; otherwise null (``next_offset`` says where to go on)."""
    need = offset + limit + 1
    cached = cache.get(key) if cache is not None else None
    if cached is not None and (len(cached[1]) >= need or len(cached[1]) < cached[0]):
        size, rows = cached
    else:
        size = -(-need // chunk) * chunk
        rows = fetch(size)
        if cache is not None:
            cache.put(key, (size, rows))
    items = rows[offset:offset + limit]
    if len(rows) < size or len(rows) <= offset + limit:  # every matching row was fetched
        count: int | None = len(rows)
    else:
        count = total() if total is not None else None
    envelope = page(items, limit=limit, offset=offset, total=count)
    if count is None:
        envelope["next_offset"] = offset + limit
    return envelope
