"""``warta evaluate events``: the event coder and the quote finder against the gold of ``tests/gold/events_*.json``
and the two seeds (see ``tests/gold/EVENTS_FORMAT.md``), overall and per gold file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .event_gold import analyse_gold, load_event_gold, score_events, score_quotes

__all__ = ["evaluate_events"]

_ERROR_LISTS = ("misses", "false_positives", "wrong_attributes", "wrong_speakers", "per_article")


def _summary(events: dict[str, Any], quotes: dict[str, Any]) -> dict[str, Any]:
    return {
        "events": {k: events[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "optional_matched",
                                          "unscored_gold", "unscored_predicted")},
        "negation": events["negation"], "modality": events["modality"], "date": events["date"],
        "quotes": {k: quotes[k] for k in ("precision", "recall", "f1", "gold", "predicted", "found")},
        "speaker": quotes["speaker"],
    }


def evaluate_events(shared: Path | None = None, *, errors: bool = False) -> dict[str, Any]:
    """Scores of events (P/R/F1 of (source country, target country, type); negation, modality and date
    accuracy on matched events) and quotes (P/R, speaker accuracy), overall and per gold file."""
    articles = load_event_gold(shared)
    docs = analyse_gold(articles)
    events, quotes = score_events(articles, docs).to_dict(), score_quotes(articles, docs).to_dict()
    result: dict[str, Any] = {"articles": len(articles), **_summary(events, quotes), "by_file": {}}
    for name in sorted({a.gold_file for a in articles}):
        subset = [a for a in articles if a.gold_file == name]
        sub_events = score_events(subset, docs).to_dict()
        sub_quotes = score_quotes(subset, docs).to_dict()
        result["by_file"][Path(name).name] = {"articles": len(subset), **_summary(sub_events, sub_quotes)}
    if errors:
        result["errors"] = {"events": {key: value for key, value in events.items() if key in _ERROR_LISTS},
                            "quotes": {key: value for key, value in quotes.items() if key in _ERROR_LISTS}}
    return result
