"""Actor resolution against gold: the IndoSum actor gold (45 articles) and the two seed articles.

The analysis runs on the gold article text as given (no cleaning: the gold offsets point into the
paragraphs joined by a blank line), with the article's date as ``published`` so that offices are
checked against it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from .actor_gold import load_actor_gold, score_actor_mentions

__all__ = ["analysis_pipeline", "predict_mentions", "evaluate_actors", "evaluate_seed_actors"]


def analysis_pipeline() -> Pipeline:
    """Tokens, entities and actors over text that is already clean."""
    from ..api import analysis_components

    return Pipeline(analysis_components(), provided={"text", "published", "paragraphs", "source", "hints"})


def predict_mentions(doc: Document) -> list[dict[str, Any]]:
    """Every actor mention of an analysed document, as the scorer reads them."""
    out = []
    for actor in doc.actors:
        for start, end in actor["mentions"]:
            out.append({"start": start, "end": end, "actor_name": actor["name"], "country": actor["country"],
                        "sector": actor["sector"], "kind": actor.get("kind")})
    return out


def evaluate_actors(shared: Path, *, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Precision/recall of (mention, country, sector, name) on the IndoSum actor gold."""
    pipe = pipeline or analysis_pipeline()
    gold = load_actor_gold(shared)
    predicted = {}
    for article in gold:
        doc = Document(source=f"indosum/{article.id}", text=article.text, published=article.date.isoformat())
        predicted[article.id] = predict_mentions(pipe(doc))
    return score_actor_mentions(gold, predicted)


def evaluate_seed_actors(shared: Path, *, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """On the seeds: is every gold actor found (any of its gold mentions) with the right country and sector?"""
    from ..api import build_pipeline

    pipe = pipeline or build_pipeline()
    results = []
    for gold_path in sorted((shared / "dev" / "seeds").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = pipe(next(iter(_read(gold_path.parent / gold["file"]))))
        for actor in gold["actors"]:
            results.append(_seed_verdict(doc, actor, gold["file"]))
    found = sum(r["found"] for r in results)
    right = sum(r["right"] for r in results)
    return {"actors": len(results), "found": found, "right_country_sector": right,
            "misses": [r for r in results if not r["right"]]}


def _read(path: Path):
    from ..read import read_inputs

    return read_inputs([str(path)])


def _seed_verdict(doc: Document, gold: dict[str, Any], file: str) -> dict[str, Any]:
    surfaces = {m.casefold() for m in gold["mentions"]}
    hits = [a for a in doc.actors if any(doc.text[s:e].casefold() in surfaces for s, e in a["mentions"])]
    right = [a for a in hits if a["country"] == gold["country"] and a["sector"] == gold["sector"]]
    return {"file": file, "actor": gold["name"], "kind": gold["kind"], "found": bool(hits), "right": bool(right),
            "got": [(a["name"], a["country"], a["sector"]) for a in hits]}
