"""``warta evaluate stories``: story clustering against the gold story set (BCubed P/R/F1).

The gold articles are analysed as ingest would (examples and our own corpus through the whole pipeline,
IndoSum's clean text through the analysis components), written to a temporary store and placed in stories
by the same code ``warta ingest`` runs (near-duplicates, then time-windowed clustering). The score is
item-level BCubed over the gold articles, plus how many hard-negative pairs (look-alike articles of
different stories) stay apart, with every split and merge listed on request.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..document import Document
from ..store import Store
from ..stories.build import update_stories
from ..stories.cluster import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
from .stories_gold import bcubed, gold_labels, hard_negatives_apart, load_story_gold

__all__ = ["evaluate_stories", "analyse_story_gold", "cluster_gold"]


def analyse_story_gold(shared_dir: str | Path | None, gold_path: str | Path | None = None):
    """Load the gold and analyse its articles: (gold, key -> analysed document)."""
    from ..api import build_pipeline
    from .actors_eval import analysis_pipeline

    gold = load_story_gold(shared_dir, gold_path)
    full, text_only = build_pipeline(), analysis_pipeline()
    docs: dict[str, Document] = {}
    for item in gold:
        doc = (full if item.needs_cleaning else text_only)(item.document())
        if doc.rejected:
            raise ValueError(f"gold article {item.key} ({item.gold_file}) was rejected: {doc.rejected_detail}")
        docs[item.key] = doc
    return gold, docs


def cluster_gold(docs: dict[str, Document], *, threshold: float = DEFAULT_THRESHOLD,
                 window_days: int = DEFAULT_WINDOW_DAYS) -> tuple[dict[str, str], dict[str, str]]:
    """Store the analysed documents and place them in stories: (key -> story id, key -> original key of copies)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "stories.duckdb") as store:
        run = store.start_run("evaluate-stories")
        store.add_batch(list(docs.values()), run)
        update_stories(store, threshold=threshold, window_days=window_days)
        story_of = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        copies = dict(store.con.execute("SELECT article_id, original_id FROM near_duplicates").fetchall())
    key_of_id = {doc.id: key for key, doc in docs.items()}
    predicted = {key: story_of[doc.id] for key, doc in docs.items() if doc.id in story_of}
    copy_keys = {key_of_id[a]: key_of_id.get(o, o) for a, o in copies.items() if a in key_of_id}
    return predicted, copy_keys


def _errors(predicted: dict[str, str], gold: dict[str, str], docs: dict[str, Document]) -> dict[str, Any]:
    """Gold stories split over several clusters, and clusters that mix gold stories."""
    by_story: dict[str, set[str]] = defaultdict(set)
    by_cluster: dict[str, set[str]] = defaultdict(set)
    for key, story in gold.items():
        by_story[story].add(key)
        by_cluster[predicted.get(key, f"missing:{key}")].add(key)

    def describe(key: str) -> dict[str, Any]:
        doc = docs[key]
        return {"key": key, "title": doc.title, "published": doc.published, "gold": gold[key],
                "cluster": predicted.get(key)}

    split = [{"story": s, "clusters": sorted({predicted.get(k, "-") for k in keys}),
              "articles": [describe(k) for k in sorted(keys)]}
             for s, keys in sorted(by_story.items()) if len({predicted.get(k) for k in keys}) > 1]
    merged = [{"cluster": c, "stories": sorted({gold[k] for k in keys}), "articles": [describe(k) for k in sorted(keys)]}
              for c, keys in sorted(by_cluster.items()) if len({gold[k] for k in keys}) > 1]
    return {"split": split, "merged": merged}


def evaluate_stories(shared_dir: str | Path | None, *, threshold: float = DEFAULT_THRESHOLD,
                     window_days: int = DEFAULT_WINDOW_DAYS, errors: bool = False,
                     gold_path: str | Path | None = None) -> dict[str, Any]:
    """BCubed P/R/F1 of the story clustering on the gold, overall and per source kind."""
    gold_items, docs = analyse_story_gold(shared_dir, gold_path)
    gold = gold_labels(gold_items)
    predicted, copies = cluster_gold(docs, threshold=threshold, window_days=window_days)
    result: dict[str, Any] = {
        "settings": {"threshold": threshold, "window_days": window_days},
        "articles": len(gold),
        "skipped": gold_items.skipped,
        "bcubed": bcubed(predicted, gold),
        "hard_negatives": hard_negatives_apart(predicted, gold_items.hard_negatives),
        "near_duplicates": [{"copy": a, "original": o} for a, o in sorted(copies.items())],
        "by_kind": {},
    }
    for kind in sorted({item.kind for item in gold_items}):
        keys = {item.key for item in gold_items if item.kind == kind}
        result["by_kind"][kind] = bcubed({k: v for k, v in predicted.items() if k in keys},
                                         {k: v for k, v in gold.items() if k in keys})
    if gold_items.skip_reason:
        result["skip_reason"] = gold_items.skip_reason
    if errors:
        result["errors"] = _errors(predicted, gold, docs)
    else:
        result["hard_negatives"].pop("joined", None)
    return result
