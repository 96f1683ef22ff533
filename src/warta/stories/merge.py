"""One event from many reports.

Ten outlets reporting one phone call between Wang Yi and Lavrov give ten coded events; inside a story,
events with the same source, target, type, negation and modality whose dates lie within a few days of
each other are one real-world event. The merged event keeps the list of its mentions (article, event
number, sentence, outlet), so every count is of merged events and every mention stays one step away.
Mentions from near-duplicate copies are kept and marked, and never count as an independent report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["merge_events", "side_key", "MERGE_WINDOW_DAYS"]

MERGE_WINDOW_DAYS = 3


def side_key(actor: str | None, country: str | None, text: str | None) -> str | None:
    """What identifies one side of an event across reports: the actor id, else the country, else the words."""
    if actor:
        return actor
    if country:
        return country
    if text:
        return " ".join(text.casefold().split())
    return None


def _effective_date(event: Mapping[str, Any]) -> dt.date | None:
    return event.get("event_date") or event.get("published_date")


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, c in counts.items() if c == best)  # deterministic among ties


def _side(group: list[Mapping[str, Any]], prefix: str) -> dict[str, Any] | None:
    fields = {k: _most_common(e.get(f"{prefix}_{k}") for e in group) for k in ("actor", "country", "sector", "text")}
    return fields if any(fields[k] for k in ("actor", "country", "text")) else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def merge_events(story_id: str, events: Iterable[Mapping[str, Any]], *,
                 duplicate_of: Mapping[str, str] | None = None,
                 window_days: int = MERGE_WINDOW_DAYS) -> list[dict[str, Any]]:
    """Merge one story's stored event rows (dicts with the ``events`` table's columns).

    Returns merged events in date order, each with its ``mentions``; ``duplicate_of`` maps the ids of
    near-duplicate articles to their originals.
    """
    duplicate_of = duplicate_of or {}
    window = dt.timedelta(days=window_days)
    groups: dict[tuple, list[Mapping[str, Any]]] = {}
    for event in events:
        key = (side_key(event.get("source_actor"), event.get("source_country"), event.get("source_text")),
               side_key(event.get("target_actor"), event.get("target_country"), event.get("target_text")),
               event["type"], bool(event.get("negated")), event.get("modality"))
        groups.setdefault(key, []).append(event)
    merged: list[dict[str, Any]] = []
    for key, members in groups.items():
        members.sort(key=lambda e: (_effective_date(e) is None, _effective_date(e) or dt.date.min,
                                    e["article_id"], e["seq"]))
        run: list[Mapping[str, Any]] = []
        for event in members:
            date = _effective_date(event)
            first = _effective_date(run[0]) if run else None
            if run and date is not None and first is not None and date - first > window:
                merged.append(_merged(story_id, key, run, duplicate_of))
                run = []
            run.append(event)
        if run:
            merged.append(_merged(story_id, key, run, duplicate_of))
    merged.sort(key=lambda m: (m["date"] is None, m["date"] or "", m["id"]))
    return merged


def _merged(story_id: str, key: tuple, run: list[Mapping[str, Any]], duplicate_of: Mapping[str, str]) -> dict:
    dates = [d for d in (e.get("event_date") for e in run) if d is not None]
    reported = [d for d in (e.get("published_date") for e in run) if d is not None]
    first = run[0]
    digest = hashlib.sha1(f"{story_id}|{key}|{first['article_id']}|{first['seq']}".encode()).hexdigest()[:15]
    mentions = [{"article_id": e["article_id"], "seq": e["seq"], "outlet": e.get("outlet"),
                 "published": _iso(e.get("published_date")), "sentence": [e.get("sent_start"), e.get("sent_end")],
                 "trigger": e.get("trigger"), "date": e.get("date"),
                 "duplicate_of": duplicate_of.get(e["article_id"])} for e in run]
    originals = {m["article_id"] for m in mentions if not m["duplicate_of"]}
    intensities = [float(e.get("intensity") or 0.0) for e in run]
    return {
        "id": f"m{digest}",
        "story_id": story_id,
        "type": first["type"],
        "mode": _most_common(e.get("mode") for e in run),
        "cameo": _most_common(e.get("cameo") for e in run),
        "source": _side(run, "source"),
        "target": _side(run, "target"),
        "negated": bool(first.get("negated")),
        "modality": first.get("modality"),
        "date": _iso(min(dates)) if dates else (_iso(min(reported)) if reported else None),
        "first_reported": _iso(min(reported)) if reported else None,
        "last_reported": _iso(max(reported)) if reported else None,
        "intensity": round(sum(intensities) / len(intensities), 2),
        "articles": len(originals),
        "outlets": sorted({m["outlet"] for m in mentions if m["outlet"] and not m["duplicate_of"]}),
        "reported_by": sorted({e.get("reported_by") for e in run if e.get("reported_by")}),
        "attributed_to": sorted({e.get("attributed_to") for e in run if e.get("attributed_to")}),
        "mentions": mentions,
    }
