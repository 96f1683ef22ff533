"""Measure cleaning against gold: body paragraphs kept, debris removed, glued words repaired.

Three gold sets, each in the seeds' gold terms (``body``, ``debris``, ``repairs``, metadata):
- ``seeds``: ``shared/dev/seeds/*.gold.json`` (real scraped articles),
- ``examples``: ``tests/gold/clean_examples.json`` (our own corpus in examples/, all four formats),
- ``indosum-dirty``: real IndoSum articles made dirty in a known way (``tests/gold/indosum_dirty.json``).

Scores: paragraph precision / recall / F1 (a body paragraph counts when it comes out with the
gold's characters, spacing aside, so that a missed glued-word repair is scored once, as a repair;
``paragraph_exact_f1`` also requires the exact spacing), debris kept (gold debris that survived as a paragraph), repair accuracy
(gold glued tokens split exactly right), false splits (repairs we made that gold does not
have), and metadata accuracy where gold gives it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..api import build_pipeline
from ..document import Document
from ..pipeline import Pipeline
from ..read import read_bytes, read_inputs

__all__ = ["GoldCase", "Scores", "evaluate_cases", "load_cases", "evaluate_cleaning", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[3]
_WS = re.compile(r"\s+")
_META_FIELDS = ("title", "outlet", "dateline", "published", "language", "author")


def norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def spaceless(text: str) -> str:
    """Paragraph identity for selection scores: a missed repair is scored apart, as a repair."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


@dataclass
class GoldCase:
    name: str
    doc: Document
    gold: dict[str, Any]


@dataclass
class Scores:
    articles: int = 0
    gold_paragraphs: int = 0
    predicted_paragraphs: int = 0
    matched_paragraphs: int = 0
    exact_paragraphs: int = 0
    debris_total: int = 0
    debris_kept: int = 0
    reason_checked: int = 0
    reason_agree: int = 0
    repairs_total: int = 0
    repairs_correct: int = 0
    false_splits: int = 0
    meta: Counter = field(default_factory=Counter)
    meta_total: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def ratio(self, num: int, den: int) -> float:
        return num / den if den else 1.0

    def summary(self) -> dict[str, Any]:
        p = self.ratio(self.matched_paragraphs, self.predicted_paragraphs)
        r = self.ratio(self.matched_paragraphs, self.gold_paragraphs)
        out = {
            "articles": self.articles,
            "paragraph_precision": round(p, 4),
            "paragraph_recall": round(r, 4),
            "paragraph_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "paragraph_exact_f1": round(_f1(self.ratio(self.exact_paragraphs, self.predicted_paragraphs),
                                            self.ratio(self.exact_paragraphs, self.gold_paragraphs)), 4),
            "debris_total": self.debris_total,
            "debris_kept": self.debris_kept,
            "debris_removed_rate": round(self.ratio(self.debris_total - self.debris_kept, self.debris_total), 4),
            "reason_agreement": round(self.ratio(self.reason_agree, self.reason_checked), 4),
            "repairs_total": self.repairs_total,
            "repair_accuracy": round(self.ratio(self.repairs_correct, self.repairs_total), 4),
            "false_splits": self.false_splits,
        }
        for key in _META_FIELDS:
            if self.meta_total[key]:
                out[f"{key}_accuracy"] = round(self.meta[key] / self.meta_total[key], 4)
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _score_paragraphs(scores: Scores, case: GoldCase, body: list[str]) -> None:
    gold = Counter(norm(p) for p in case.gold["body"])
    pred = Counter(norm(p) for p in body)
    scores.exact_paragraphs += sum((gold & pred).values())
    gold_keys = Counter(spaceless(p) for p in case.gold["body"])
    pred_keys = Counter(spaceless(p) for p in body)
    scores.gold_paragraphs += sum(gold.values())
    scores.predicted_paragraphs += sum(pred.values())
    scores.matched_paragraphs += sum((gold_keys & pred_keys).values())
    for missing in (gold - pred):
        scores.failures.append(f"{case.name}: body paragraph lost or altered: {missing[:90]!r}")
    for extra in (pred - gold):
        scores.failures.append(f"{case.name}: kept as body but not gold body: {extra[:90]!r}")


def _score_debris(scores: Scores, case: GoldCase, doc: Document) -> None:
    body = Counter(norm(doc.text[s:e]) for s, e in doc.paragraphs)
    gold_body = Counter(norm(p) for p in case.gold["body"])
    removed = {norm(r.text): r.reason for r in doc.removed}
    for item in case.gold.get("debris", []):
        text = norm(item["text"])
        if not text:
            continue
        scores.debris_total += 1
        if body[text] > gold_body[text]:  # a duplicate is kept when it comes out more often than gold has it
            scores.debris_kept += 1
            scores.failures.append(f"{case.name}: debris kept [{item['reason']}]: {text[:90]!r}")
        elif text in removed:
            scores.reason_checked += 1
            scores.reason_agree += removed[text] == item["reason"]


def _score_repairs(scores: Scores, case: GoldCase, doc: Document) -> None:
    gold = Counter((r["before"], norm(r["after"])) for r in case.gold.get("repairs", []))
    ours = Counter((r.before, norm(r.after)) for r in doc.repairs)
    scores.repairs_total += sum(gold.values())
    scores.repairs_correct += sum((gold & ours).values())
    wrong = ours - gold
    scores.false_splits += sum(wrong.values())
    for before, after in wrong:
        scores.failures.append(f"{case.name}: false split {before!r} -> {after!r}")
    for before, after in gold - ours:
        scores.failures.append(f"{case.name}: repair missed {before!r} -> {after!r}")


def _score_meta(scores: Scores, case: GoldCase, doc: Document) -> None:
    for key in _META_FIELDS:
        if key not in case.gold:
            continue
        expected, got = case.gold[key], getattr(doc, key)
        if key == "dateline" and expected is None:
            continue  # gold says nothing about a missing dateline's place
        scores.meta_total[key] += 1
        ok = (expected or None) == (got or None) if key != "title" else norm(expected or "") == norm(got or "")
        scores.meta[key] += ok
        if not ok:
            scores.failures.append(f"{case.name}: {key} {got!r}, gold {expected!r}")


def evaluate_cases(cases: list[GoldCase], pipeline: Pipeline | None = None) -> Scores:
    pipe = pipeline or build_pipeline()
    scores = Scores()
    for case in cases:
        doc = case.doc if case.doc.rejected else pipe.run_safely(case.doc)
        scores.articles += 1
        body = [] if doc.rejected else [doc.text[s:e] for s, e in doc.paragraphs]
        _score_paragraphs(scores, case, body)
        _score_debris(scores, case, doc)
        _score_repairs(scores, case, doc)
        _score_meta(scores, case, doc)
    return scores


# -- gold sets ---------------------------------------------------------------------------------

def seed_cases(shared: Path) -> Iterator[GoldCase]:
    for gold_path in sorted((shared / "dev" / "seeds").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (gold_path.parent / gold["file"]).read_bytes()
        doc = next(iter(read_bytes(raw, str(gold_path.parent / gold["file"]))))
        gold = {k: v for k, v in gold.items() if k != "published" or v is not None}
        yield GoldCase(name=f"seeds/{gold['file']}", doc=doc, gold=gold)


def example_cases(repo: Path = REPO_ROOT) -> Iterator[GoldCase]:
    gold_file = repo / "tests" / "gold" / "clean_examples.json"
    cache: dict[str, list[Document]] = {}
    for gold in json.loads(gold_file.read_text(encoding="utf-8")):
        path = repo / gold["file"]
        if gold["file"] not in cache:
            cache[gold["file"]] = list(read_inputs([str(path)]))
        docs = [d for d in cache[gold["file"]] if not d.rejected or "record" not in gold]
        doc = docs[gold.get("record", 0)]
        yield GoldCase(name=f"{gold['file']}#{gold.get('record', 0)}", doc=doc, gold=gold)


def dirty_cases(shared: Path) -> Iterator[GoldCase]:
    from .dirty import load_dirty_gold

    for art in load_dirty_gold(shared):
        doc = next(iter(read_bytes(art.text.encode("utf-8"), f"indosum-dirty/{art.id}")))
        yield GoldCase(name=f"indosum-dirty/{art.id}", doc=doc, gold=art.gold)


def load_cases(name: str, shared: Path) -> list[GoldCase]:
    if name == "seeds":
        return list(seed_cases(shared))
    if name == "examples":
        return list(example_cases())
    if name == "indosum-dirty":
        return list(dirty_cases(shared))
    raise ValueError(f"unknown gold set {name!r}; choose seeds, examples or indosum-dirty")


def clean_text_splits(shared: Path) -> dict[str, Any]:
    """Repairs made on text with no glue injected (IndoSum dev.02 as published): an upper bound on
    false splits. Some of them are real glue in the source (``marketplaceShopee``)."""
    from ..clean.repair import default_repairer
    from .indosum import load_indosum

    repairer = default_repairer()
    tokens, splits = 0, Counter()
    for art in load_indosum(shared / "data" / "news" / "indosum" / "dev.02.jsonl"):
        for para in art.paragraphs:
            tokens += len(para.split())
            splits.update(repairer.repair(para)[1])
    total = sum(splits.values())
    return {"tokens": tokens, "splits": total, "splits_per_1000_tokens": round(1000 * total / tokens, 4),
            "examples": [f"{b} -> {a}" for (b, a), _ in splits.most_common(30)]}


def evaluate_cleaning(shared: Path, sets: tuple[str, ...] = ("seeds", "examples", "indosum-dirty")) -> dict[str, Any]:
    """Scores per gold set and over all of them; sets needing ``shared`` are skipped when it is absent."""
    results: dict[str, Any] = {}
    total = Scores()
    for name in sets:
        if name != "examples" and not shared.is_dir():
            results[name] = {"skipped": f"{shared} not found"}
            continue
        scores = evaluate_cases(load_cases(name, shared))
        results[name] = scores.summary() | {"failures": scores.failures}
        _merge(total, scores)
    results["all"] = total.summary()
    if shared.is_dir():
        results["clean-text"] = clean_text_splits(shared)
    return results


def _merge(total: Scores, part: Scores) -> None:
    """Add one set's counts into the total (every int and Counter field; failures stay per set)."""
    for f in dataclasses.fields(Scores):
        value = getattr(part, f.name)
        if isinstance(value, Counter):
            getattr(total, f.name).update(value)
        elif isinstance(value, int):
            setattr(total, f.name, getattr(total, f.name) + value)
