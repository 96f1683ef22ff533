"""Fit warta's sentence scorer for extractive summaries on IndoSum's extractive labels.

Writes ``src/warta/data/summary_model.json`` with three logistic-regression models over
:data:`warta.stories.summary.FEATURES`:

- ``dev.01``: trained on dev.01 without the articles dev.02 also holds (same id or same text): it is the
  model the evaluation uses on dev.02;
- ``dev.02``: the same the other way round, used on dev.01;
- ``all``: trained on both files (each article once), the model ``summarise`` uses by default.

Fitting is L2-regularised logistic regression by Newton's method on standardised features (numpy), so a run
is deterministic and takes seconds. Usage::

    python scripts/train_summary.py [--shared ../shared] [--l2 1.0] [--out src/warta/data/summary_model.json]

The file holds only weights and feature statistics, never a sentence of the dataset.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from warta.evaluate.summary_eval import INDOSUM_DIR, INDOSUM_FILES, SummaryCase, load_cases
from warta.stories.summary import FEATURES, sentence_features

REPO = Path(__file__).resolve().parents[1]
NEWTON_STEPS = 25


def text_key(case: SummaryCase) -> str:
    return hashlib.sha1(" ".join(" ".join(case.sentences).split()).lower().encode("utf-8")).hexdigest()


def disjoint(train: list[SummaryCase], held_out: list[SummaryCase]) -> list[SummaryCase]:
    """The training articles that are not in ``held_out``, by id or by text."""
    ids = {c.id for c in held_out}
    texts = {text_key(c) for c in held_out}
    return [c for c in train if c.id not in ids and text_key(c) not in texts]


def design(cases: list[SummaryCase]) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for case in cases:
        rows.extend(sentence_features(case.sentences, case.paragraphs))
        labels.extend(case.labels)
    return np.asarray(rows, dtype=float), np.asarray(labels, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> dict:
    """Standardise, then Newton's method on the L2-penalised log-likelihood (the bias is not penalised)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -40, 40)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"features": list(FEATURES), "mean": [round(v, 6) for v in mean], "scale": [round(v, 6) for v in scale],
            "weights": [round(v, 6) for v in w[1:]], "bias": round(float(w[0]), 6)}


def train(shared: Path, l2: float) -> dict:
    folder = shared / INDOSUM_DIR
    first, second = INDOSUM_FILES
    cases = {name: load_cases(folder / name) for name in INDOSUM_FILES}
    sets = {
        first: (disjoint(cases[first], cases[second]), [first], [second]),
        second: (disjoint(cases[second], cases[first]), [second], [first]),
        "all": (cases[first] + disjoint(cases[second], cases[first]), [first, second], []),
    }
    models = {}
    for name, (train_cases, trained_on, held_out) in sets.items():
        x, y = design(train_cases)
        models[name] = fit(x, y, l2) | {"trained_on": trained_on, "held_out": held_out,
                                         "articles": len(train_cases), "sentences": len(y)}
        print(f"{name}: {len(train_cases)} articles, {len(y)} sentences, {int(y.sum())} in gold summaries")
    shared_ids = len({c.id for c in cases[first]} & {c.id for c in cases[second]})
    return {"about": "warta extractive-summary sentence scorers (scripts/train_summary.py); logistic regression "
                     "on standardised features; trained on IndoSum extractive labels (Kurniawan & Louvan 2018)",
            "l2": l2, "shared_ids_dropped": shared_ids, "models": models}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=REPO / "src" / "warta" / "data" / "summary_model.json")
    args = parser.parse_args()
    data = train(args.shared, args.l2)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
