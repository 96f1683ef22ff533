"""Train warta's named-entity CRF (``src/warta/models/ner-id.crfsuite``) and report its scores.

Data (read from ``../shared/data/ner``, never copied): idner-news-2k (MIT), IndoNLU NERGrit and
NERP (Apache-2.0); labels mapped to PER/ORG/LOC/EVT by :mod:`warta.evaluate.ner_eval`. Train
sentences sharing a word 8-gram with any dev or test sentence of any set are dropped first: NERP's
train split holds most of idner's test sentences, lowercased.

The three train splits are pooled; ``--mode`` says how their annotation styles are told apart:

- ``shipped``: idner and NERGrit pooled as the ``cased`` style (general features only); NERP's
  sentences also carry a ``lowercase:`` copy of every feature. This is what
  :class:`warta.analyse.ner.EntityTagger` does at inference.
- ``augment-idner``: idner is the reference; NERGrit and NERP each carry their own copy; dev
  sets are tagged as idner (NERP as NERP).
- ``copy-all``: every set carries its own copy; dev sets are tagged with the general features only.
- ``plain``: general features only; ``bias``: plus one ``style=<set>`` feature per token.

Only ``shipped`` can train the packaged model; the others are for ``--search-only`` comparisons.

Choices, on the dev splits (entity F1 idner / NERGrit / NERP; cased sets tagged as the tagger does):
pooling idner and NERGrit (0.82 / 0.73 / 0.74) beats making idner the reference with NERGrit and
NERP copies (0.84 / 0.61 / 0.73): idner leaves many countries used as actors unmarked and the
reference style learns to miss them (it also misses "Obama", "Inggris" in NERGrit). Repeating
idner twice or three times, or NERP with copies only, did not beat the mean; dropping NERP cost
two points on both cased sets. Word bigrams, office phrases and place names were kept; a ±3
window, shape trigrams, position and length features changed nothing beyond noise (about ±1).
c1/c2 grid: flat (mean 0.759-0.769); c1=0.02, c2=0.03 has the best mean. 150 L-BFGS iterations
(300 was no better).

    python scripts/train_ner.py                       # train the shipped model, print test scores and speed
    python scripts/train_ner.py --search-only         # c1/c2 grid on the dev splits
    python scripts/train_ner.py --search-only --mode plain --c1-grid 0.05 --c2-grid 0.01
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pycrfsuite

from warta.analyse.ner import CASED_STYLE, LOWERCASE_STYLE, sentence_features, style_features
from warta.evaluate import find_shared
from warta.evaluate.ner_eval import DATASETS, Sentence, evaluate_ner, read_split, score_entities

REPO = Path(__file__).resolve().parents[1]
MODEL_PATH = REPO / "src" / "warta" / "models" / "ner-id.crfsuite"
#: The annotation style each set is trained (and, for the shipped mode, tagged) in.
DATASET_STYLES = {"idner": CASED_STYLE, "nergrit": CASED_STYLE, "nerp": LOWERCASE_STYLE}
OVERLAP_N = 8
_NON_ALNUM = re.compile(r"[^0-9a-z]")
#: Features of a sentence of the named set: ``(tokens, set name) -> per-token feature lists``.
Featurizer = Callable[[list[str], str], list[list[str]]]


def features_shipped(tokens: list[str], name: str) -> list[list[str]]:
    """General features plus the ``lowercase:`` copy for NERP: what the tagger does."""
    return style_features(sentence_features(tokens), DATASET_STYLES[name])


def features_augment_idner(tokens: list[str], name: str) -> list[list[str]]:
    """General features plus the set's own copy, except for idner (the reference)."""
    return style_features(sentence_features(tokens), name, frozenset({"nergrit", "nerp"}))


def features_copy_all(tokens: list[str], name: str) -> list[list[str]]:
    """General features plus the set's own copy; ``general`` (at dev time) gets none."""
    return style_features(sentence_features(tokens), name, frozenset(DATASETS))


def features_plain(tokens: list[str], name: str) -> list[list[str]]:
    """General features only: the sets pooled as if they were one."""
    return sentence_features(tokens)


def features_bias(tokens: list[str], name: str) -> list[list[str]]:
    """General features plus one feature naming the set."""
    return [feats + ["style=" + name] for feats in sentence_features(tokens)]


MODES: dict[str, Featurizer] = {"shipped": features_shipped, "augment-idner": features_augment_idner,
                                "copy-all": features_copy_all, "plain": features_plain, "bias": features_bias}
#: The set name dev sentences of a cased set are featurized as, per mode (NERP always as itself).
CASED_AS = {"shipped": "idner", "augment-idner": "idner", "copy-all": "general", "plain": "idner", "bias": "idner"}


def load_splits(shared: Path, names: list[str], split: str) -> dict[str, list[Sentence]]:
    """The named sets' sentences of one split."""
    return {name: read_split(shared, name, split) for name in names}


def _grams(tokens: list[str], n: int = OVERLAP_N) -> set[tuple[str, ...]]:
    """Word n-grams of a sentence, lowercased and letters/digits only (the whole sentence if shorter)."""
    words = [w for w in (_NON_ALNUM.sub("", t.lower()) for t in tokens) if w]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)} or {tuple(words)}


def load_training(shared: Path, names: list[str], weights: dict[str, int]) -> dict[str, list[Sentence]]:
    """Train splits without sentences that share a word 8-gram with any set's dev or test split.

    The sets overlap: NERP's train split holds most of idner's test sentences (lowercased and
    tokenised differently), so pooling them as published would score the model on its training
    data. ``weights`` repeats a set's sentences (an integer weight).
    """
    held: set[tuple[str, ...]] = set()
    for name in DATASETS:
        for split in ("dev", "test"):
            for tokens, _ in read_split(shared, name, split):
                held |= _grams(tokens)
    out = {}
    for name, sentences in load_splits(shared, names, "train").items():
        kept = [s for s in sentences if not _grams(s[0]) & held]
        print(f"train {name}: {len(kept)} of {len(sentences)} sentences kept "
              f"({len(sentences) - len(kept)} overlap a dev or test sentence), weight {weights.get(name, 1)}",
              flush=True)
        out[name] = kept * weights.get(name, 1)
    return out


def train(data: dict[str, list[Sentence]], featurize: Featurizer, out: Path, *, c1: float, c2: float,
          max_iterations: int) -> float:
    """Train a CRF (L-BFGS, L1 + L2) on the sets' sentences; returns the seconds it took."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for name, sentences in data.items():
        for tokens, labels in sentences:
            trainer.append(featurize(tokens, name), labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    started = time.perf_counter()
    trainer.train(str(out))
    return time.perf_counter() - started


def dev_scores(model: Path, dev: dict[str, list[Sentence]], mode: str) -> dict[str, float]:
    """Dev F1 per set and their mean, each set featurized as the mode tags it."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    out = {}
    for name, sentences in dev.items():
        as_name = name if name == "nerp" else CASED_AS[mode]
        predicted = [tagger.tag(MODES[mode](tokens, as_name)) for tokens, _ in sentences]
        out[name] = score_entities([labels for _, labels in sentences], predicted, DATASETS[name].types)["f1"]
    out["mean"] = round(sum(out.values()) / len(out), 4)
    return out


def search(args: argparse.Namespace, shared: Path) -> tuple[float, float]:
    """Train a c1/c2 grid on the train splits; print dev F1; return the pair with the best mean."""
    train_data = load_training(shared, args.sets, {"idner": args.idner_weight})
    dev = load_splits(shared, list(DATASETS), "dev")
    best, best_pair = -1.0, (args.c1, args.c2)
    for c1, c2 in itertools.product(args.c1_grid, args.c2_grid):
        with tempfile.TemporaryDirectory() as tmp:
            model = Path(tmp) / "m.crfsuite"
            secs = train(train_data, MODES[args.mode], model, c1=c1, c2=c2, max_iterations=args.max_iterations)
            scores = dev_scores(model, dev, args.mode)
        print(f"dev mode={args.mode} c1={c1} c2={c2} train={secs:.0f}s {json.dumps(scores)}", flush=True)
        if scores["mean"] > best:
            best, best_pair = scores["mean"], (c1, c2)
    print(f"chosen on dev: c1={best_pair[0]} c2={best_pair[1]} (mean dev F1 {best})")
    return best_pair


def print_report(results: dict, out: Path) -> None:
    """Test-split scores per set and type, speed, and the model's size."""
    for name, res in results.items():
        if "skipped" in res:
            print(f"{name}: skipped ({res['skipped']})")
            continue
        print(f"{name:8s} P={res['precision']:.4f} R={res['recall']:.4f} F1={res['f1']:.4f} "
              f"({res['tokens']} tokens, {res['tokens_per_second']} tokens/s)")
        for kind, s in res["per_type"].items():
            print(f"    {kind}: P={s['precision']:.4f} R={s['recall']:.4f} F1={s['f1']:.4f} gold={s['gold']}")
    total = sum(r["tokens"] for r in results.values() if "tokens" in r)
    secs = sum(r["seconds"] for r in results.values() if "seconds" in r)
    if secs:
        print(f"speed: {total} tokens in {secs:.2f} s = {total / secs:,.0f} tokens/s "
              "(features from a cold cache + tagging, one core)")
    print(f"model: {out} ({out.stat().st_size / 1e6:.2f} MB)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (default: ../shared)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    parser.add_argument("--mode", choices=sorted(MODES), default="shipped")
    parser.add_argument("--sets", nargs="+", default=list(DATASETS), choices=list(DATASETS))
    parser.add_argument("--idner-weight", type=int, default=1, help="repeat idner's train sentences this often")
    parser.add_argument("--c1", type=float, default=0.02)
    parser.add_argument("--c2", type=float, default=0.03)
    parser.add_argument("--c1-grid", type=float, nargs="+", default=[0.02, 0.05, 0.1, 0.2])
    parser.add_argument("--c2-grid", type=float, nargs="+", default=[0.002, 0.01, 0.05])
    parser.add_argument("--max-iterations", type=int, default=150)
    parser.add_argument("--search", action="store_true", help="choose c1/c2 on the dev splits, then train")
    parser.add_argument("--search-only", action="store_true", help="only print the dev grid")
    args = parser.parse_args(argv)
    if args.mode != "shipped" and not args.search_only:
        parser.error(f"--mode {args.mode} is for comparisons: add --search-only (the tagger uses 'shipped')")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    shared = args.shared or find_shared()
    c1, c2 = search(args, shared) if args.search or args.search_only else (args.c1, args.c2)
    if args.search_only:
        return 0
    data = load_training(shared, args.sets, {"idner": args.idner_weight})
    secs = train(data, MODES[args.mode], args.out, c1=c1, c2=c2, max_iterations=args.max_iterations)
    print(f"trained sets={args.sets} c1={c1} c2={c2} iterations={args.max_iterations} in {secs:.0f} s -> {args.out}")
    print_report(evaluate_ner(shared, model=args.out.read_bytes()), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
