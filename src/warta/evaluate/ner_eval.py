"""Measure the named-entity recogniser on the three public Indonesian NER sets in ``shared/data/ner``.

- ``idner-news-2k``: ``token UPOS BIO`` per line (CRLF), PER/ORG/LOC;
- ``nergrit`` (IndoNLU): ``token<TAB>BIO``, PERSON/PLACE/ORGANISATION;
- ``nerp`` (IndoNLU, all lowercase): ``token<TAB>BIO``, PPL/PLC/IND/EVT/FNB.

Labels are mapped onto ours (PER/ORG/LOC/EVT; NERP's food and drink FNB becomes O). Scores are
CoNLL-style entity scores: an entity counts when its token span and type are both exact. A set
is scored on the types it annotates: a predicted EVT in a set without events is not counted,
since that set leaves events unmarked rather than calling them O.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..analyse.ner import EntityTagger, bio_spans, clear_cache

__all__ = ["DATASETS", "DatasetSpec", "Sentence", "evaluate_ner", "evaluate_split", "map_labels", "read_bio",
           "read_split", "score_entities"]

#: A sentence: its tokens and their (mapped) BIO labels.
Sentence = tuple[list[str], list[str]]


@dataclass(frozen=True, kw_only=True)
class DatasetSpec:
    """Where a set lives under ``shared/data/ner``, its split files and its label mapping."""

    folder: str
    splits: dict[str, str]
    labels: dict[str, str | None]

    @property
    def types(self) -> frozenset[str]:
        """Our entity types this set annotates."""
        return frozenset(v for v in self.labels.values() if v)


DATASETS: dict[str, DatasetSpec] = {
    "idner": DatasetSpec(folder="idner-news-2k",
                         splits={"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
                         labels={"PER": "PER", "ORG": "ORG", "LOC": "LOC"}),
    "nergrit": DatasetSpec(folder="nergrit",
                           splits={"train": "train.txt", "dev": "valid.txt", "test": "test.txt"},
                           labels={"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}),
    "nerp": DatasetSpec(folder="nerp",
                        splits={"train": "train.txt", "dev": "valid.txt", "test": "test.txt"},
                        labels={"PPL": "PER", "IND": "ORG", "PLC": "LOC", "EVT": "EVT", "FNB": None}),
}


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a file with a token first and its BIO label last on each line (tab or space)."""
    sentences, tokens, labels = [], [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t" if "\t" in line else " ")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, labels))
                tokens, labels = [], []
                continue
            if len(parts) < 2:
                raise ValueError(f"{path}: line {line!r} has no label; expected 'token<TAB>BIO' or 'token POS BIO'")
            tokens.append(parts[0])
            labels.append(parts[-1])
    if tokens:
        sentences.append((tokens, labels))
    return sentences


def map_labels(labels: Sequence[str], mapping: dict[str, str | None]) -> list[str]:
    """A set's BIO labels in our types; a type mapped to None (or unknown) becomes O."""
    out = []
    for label in labels:
        kind = mapping.get(label[2:]) if label[:2] in ("B-", "I-") else None
        out.append(label[:2] + kind if kind else "O")
    return out


def read_split(shared_dir: Path, name: str, split: str) -> list[Sentence]:
    """One split (train, dev or test) of a set, labels mapped to ours."""
    spec = DATASETS[name]
    path = Path(shared_dir) / "data" / "ner" / spec.folder / spec.splits[split]
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the NER sets are read from shared/data/ner")
    return [(tokens, map_labels(labels, spec.labels)) for tokens, labels in read_bio(path)]


def _keep(labels: Sequence[str], types: frozenset[str]) -> list[str]:
    """Labels of types outside ``types`` turned to O (a set is scored on the types it annotates)."""
    return [label if label == "O" or label[2:] in types else "O" for label in labels]


def score_entities(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]],
                   types: frozenset[str] | None = None) -> dict[str, Any]:
    """Entity-level precision, recall and F1 (exact span and type), micro over all and per type."""
    counts: dict[str, Counter] = {"tp": Counter(), "gold": Counter(), "pred": Counter()}
    for g_labels, p_labels in zip(gold, predicted, strict=True):
        if types is not None:
            g_labels, p_labels = _keep(g_labels, types), _keep(p_labels, types)
        g, p = set(bio_spans(g_labels)), set(bio_spans(p_labels))
        counts["tp"].update(s[2] for s in g & p)
        counts["gold"].update(s[2] for s in g)
        counts["pred"].update(s[2] for s in p)
    kinds = sorted(set(counts["gold"]) | set(counts["pred"]))
    out = _prf(sum(counts["tp"].values()), sum(counts["gold"].values()), sum(counts["pred"].values()))
    out["per_type"] = {k: _prf(counts["tp"][k], counts["gold"][k], counts["pred"][k]) for k in kinds}
    return out


def _prf(tp: int, gold: int, pred: int) -> dict[str, Any]:
    """Precision, recall, F1 (rounded to 4 places) and the counts behind them."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": gold, "predicted": pred, "correct": tp}


def evaluate_split(tagger: EntityTagger, sentences: list[Sentence], types: frozenset[str]) -> dict[str, Any]:
    """Tag a split's sentences, score them, and time the tagging (features included)."""
    tagger.load()
    started = time.perf_counter()
    predicted = tagger.tag_sentences([tokens for tokens, _ in sentences])
    seconds = time.perf_counter() - started
    tokens = sum(len(t) for t, _ in sentences)
    out = score_entities([labels for _, labels in sentences], predicted, types)
    out.update(sentences=len(sentences), tokens=tokens, seconds=round(seconds, 3),
               tokens_per_second=round(tokens / seconds) if seconds else None)
    return out


def evaluate_ner(shared_dir: Path, *, split: str = "test", tagger: EntityTagger | None = None,
                 model: bytes | None = None) -> dict[str, Any]:
    """Scores and speed of the recogniser on each set's ``split``; a missing set reports ``skipped``.

    Sets are tagged as warta tags text: ``tagger``, or else a tagger in the ``auto`` style with the
    shipped model (or ``model``, the bytes of another). The feature cache is emptied before each
    set, so the speed includes building every word's features once.
    """
    tagger = tagger or EntityTagger(model)
    results: dict[str, Any] = {}
    for name, spec in DATASETS.items():
        try:
            sentences = read_split(Path(shared_dir), name, split)
        except FileNotFoundError as exc:
            results[name] = {"skipped": str(exc)}
            continue
        clear_cache()
        results[name] = evaluate_split(tagger, sentences, spec.types)
    return results
