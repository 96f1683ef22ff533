"""Near-duplicate detection measured on IndoSum: copies found (recall per kind) and false pairs.

The distinct set is the IndoSum dev folds 01 and 02 (1,499 records), each read as
:func:`warta.evaluate.indosum.load_indosum` reads it (paragraphs joined by blank lines) and cleaned
by warta's cleaning layer, as a real ingest would. IndoSum itself holds true duplicates: 34 articles
are in both folds under the same id (the same article, a few with a longer or re-tokenised version).
They are kept out of the distinct set (first occurrence kept) and scored as true pairs of their own
(``indosum_repeats``). Articles with different ids are also compared exactly (word shingles, no
MinHash): any pair whose smaller text is at least half contained in the other would be a genuine
duplicate too and leave the distinct set; the largest such overlap is reported.

Copies are made from distinct articles chosen with a fixed seed, then cleaned, then looked up:

- ``debris``: the article as a scraper saves it (``warta.evaluate.dirty.make_dirty``: title, date,
  byline, widgets, related blocks, captions, ads, glued words, another outlet's dateline) and cleaned;
- ``retitled``: another article's headline (and sometimes a sub-headline) put on top, cleaned (the
  cleaner usually removes it); ``retitled-uncleaned``: the same text without cleaning, headline kept;
- ``cut``: the first 70 % of the words, paragraphs kept, the last one cut mid-sentence, cleaned;
- ``debris+cut``: the cut article made dirty, then cleaned.

A copy is found when its original is among the index's answers; ``top1`` counts the original as the best
answer, ``wrong_links`` answers that are some other article. False pairs are answers of
``find_or_add`` among the distinct articles themselves. Speed: signature and query per article on the
cleaned distinct texts, one core; rebuild: 10,000 stored signatures (from bytes) into a new index.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..bench import bench_pipeline
from ..pipeline import Pipeline
from ..read import read_bytes
from ..stories.neardup import (
    NearDuplicateIndex,
    NearDuplicateSettings,
    Signature,
    shingles,
    signature_from_bytes,
    signature_to_bytes,
    words,
)
from .dirty import make_dirty
from .indosum import IndoSumArticle, load_indosum

__all__ = ["KINDS", "evaluate_near_duplicates", "exact_overlaps", "make_copy"]

logger = logging.getLogger(__name__)

FOLDS = ("dev.01.jsonl", "dev.02.jsonl")
KINDS = ("debris", "retitled", "retitled-uncleaned", "cut", "debris+cut")
CUT = 0.7
GENUINE_CONTAINMENT = 0.5  # exact shingle containment from which two IndoSum articles count as one
RECALL_TARGET = 0.98
_REPORTED_OVERLAPS = 5


# -- the distinct set ------------------------------------------------------------------------------


def _load(shared_dir: Path) -> list[IndoSumArticle]:
    folder = shared_dir / "data" / "news" / "indosum"
    return [article for name in FOLDS for article in load_indosum(folder / name)]


def _text(article: IndoSumArticle) -> str:
    return "\n\n".join(article.paragraphs)


def exact_overlaps(texts: list[str], size: int, floor: float) -> list[tuple[float, int, int]]:
    """Pairs ``(containment of the smaller in the larger, i, j)`` with exact shingle containment >= floor,
    largest first; shingles shared by more than 50 texts (formulas) are passed over when counting."""
    sets = [shingles(words(t), size) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if 1 < len(ids) <= 50:
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    shared[ids[a], ids[b]] += 1
    found = []
    for (i, j), n in shared.items():
        containment = n / max(1, min(len(sets[i]), len(sets[j])))
        if containment >= floor:
            found.append((round(containment, 4), i, j))
    return sorted(found, key=lambda x: (-x[0], x[1], x[2]))


def _split_distinct(articles: list[IndoSumArticle],
                    size: int) -> tuple[list[IndoSumArticle], list[IndoSumArticle], dict[str, Any]]:  # fmt: skip
    """Distinct articles, the genuine repeats (later occurrences), and what was found about them."""
    first: dict[str, IndoSumArticle] = {}
    repeats = []
    for article in articles:
        if article.id in first:
            repeats.append(article)
        else:
            first[article.id] = article
    unique = list(first.values())
    overlaps = exact_overlaps([_text(a) for a in unique], size, 0.05)
    genuine = [(c, i, j) for c, i, j in overlaps if c >= GENUINE_CONTAINMENT]
    dropped = {j for _, _, j in genuine}
    info = {
        "read": len(articles),
        "repeated_ids": sorted(a.id for a in repeats),
        "cross_id_duplicates": [{"ids": [unique[i].id, unique[j].id], "containment": c} for c, i, j in genuine],
        "cross_id_max_containment": overlaps[0][0] if overlaps else 0.0,
        "cross_id_largest_overlaps": [
            {"ids": [unique[i].id, unique[j].id], "containment": c} for c, i, j in overlaps[:_REPORTED_OVERLAPS]
        ],
    }
    return [a for k, a in enumerate(unique) if k not in dropped], repeats, info


# -- copies ----------------------------------------------------------------------------------------


def _cut(article: IndoSumArticle, fraction: float = CUT) -> IndoSumArticle:
    """The first ``fraction`` of the words, paragraph breaks kept, the last paragraph cut mid-way."""
    total = sum(len(p.split()) for p in article.paragraphs)
    budget = max(1, round(total * fraction))
    kept = []
    for paragraph in article.paragraphs:
        tokens = paragraph.split()
        if budget <= 0:
            break
        kept.append(" ".join(tokens[:budget]))
        budget -= len(tokens)
    return dataclasses.replace(article, paragraphs=kept)


def _headline(rng: random.Random, pool: list[str]) -> str:
    lines = [rng.choice(pool)]
    if rng.random() < 0.3:
        lines.append(rng.choice(pool))  # a sub-headline
    return "\n".join(lines)


def make_copy(kind: str, article: IndoSumArticle, rng: random.Random, headlines: list[str],
              seed: int) -> tuple[str, bool]:  # fmt: skip
    """The raw text of one copy of ``article`` and whether it goes through the cleaner."""
    if kind == "debris":
        return make_dirty(article, seed, headlines=headlines).text, True
    if kind in ("retitled", "retitled-uncleaned"):
        return _headline(rng, headlines) + "\n\n" + _text(article), kind == "retitled"
    if kind == "cut":
        return _text(_cut(article)), True
    if kind == "debris+cut":
        return make_dirty(_cut(article), seed, headlines=headlines).text, True
    raise ValueError(f"unknown kind of copy {kind!r}; choose one of {KINDS}")


def _cleaner() -> Callable[[str, str], str]:
    pipeline: Pipeline = bench_pipeline("clean")
    pipeline.warm_up()

    def clean(text: str, name: str) -> str:
        doc = next(iter(read_bytes(text.encode("utf-8"), name)))
        doc = doc if doc.rejected else pipeline.run_safely(doc)
        return "" if doc.rejected else doc.text

    return clean


# -- scoring ---------------------------------------------------------------------------------------


def _summary(similarities: list[float]) -> dict[str, float]:
    if not similarities:
        return {}
    ordered = sorted(similarities)
    return {"min": ordered[0], "p02": ordered[len(ordered) // 50], "median": statistics.median(ordered)}


def _score_copies(index: NearDuplicateIndex, copies: list[tuple[str, str]]) -> dict[str, Any]:
    """``copies``: (original key, copy text). A copy the cleaner emptied (it would be rejected, never
    stored, so never counted twice) is counted apart and left out of ``recall``."""
    found = top1 = wrong = empty = 0
    sims, misses = [], []
    for original, text in copies:
        if not text.strip():
            empty += 1
            continue
        matches = index.query(index.signature(text))
        keys = [k for k, _ in matches]
        wrong += sum(index.original_of(k) != original for k in keys)
        if original in keys:
            found += 1
            top1 += keys[0] == original
            sims.append(dict(matches)[original])
        else:
            misses.append(original)
    n = len(copies) - empty
    return {
        "pairs": len(copies), "emptied_by_cleaner": empty, "found": found,
        "recall": round(found / n, 4) if n else None, "top1": round(top1 / n, 4) if n else None,
        "wrong_links": wrong, "similarity": _summary(sims), "misses": misses,
    }  # fmt: skip


def _index_distinct(index: NearDuplicateIndex, texts: dict[str, str]) -> dict[str, Any]:
    """Add every distinct text in order as ``find_or_add`` would; every answer is a false pair. Also the
    closest non-duplicates: LSH candidates of comparable size (within ``min_ratio``) with the highest
    estimated containment, to show the margin below the threshold."""
    false_pairs, closest = [], []
    for key, text in texts.items():
        sig = index.signature(text)
        comparable = [c for c in index.candidates(sig) if c[2] >= index.settings.min_ratio]
        if comparable:
            closest.append((comparable[0][1], comparable[0][0], key))
        matches = index.query(sig)
        if matches:
            false_pairs.append({"ids": [index.original_of(matches[0][0]), key], "similarity": matches[0][1]})
        index.add(key, sig, original=index.original_of(matches[0][0]) if matches else None)
    closest.sort(key=lambda c: (-c[0], c[1], c[2]))
    return {
        "articles": len(texts), "false_pairs": len(false_pairs), "false_pair_list": false_pairs,
        "closest_non_duplicates": [{"ids": [a, b], "similarity": c} for c, a, b in closest[:_REPORTED_OVERLAPS]],
    }  # fmt: skip


def _short_texts(texts: dict[str, str], seed: int) -> dict[str, str]:
    """The first 15-39 words of each text: short articles (news flashes) for the short-text rules."""
    rng = random.Random(f"short:{seed}")
    return {key: " ".join(text.split()[: rng.randint(15, 39)]) for key, text in texts.items()}


def _short_section(settings: NearDuplicateSettings, texts: dict[str, str], articles: dict[str, IndoSumArticle],
                   copy_maker: _CopyMaker, pairs: int) -> dict[str, Any]:  # fmt: skip
    """Short texts (< ``short_words`` words) on an index of their own: false pairs and copies found."""
    index = NearDuplicateIndex.from_settings(settings)
    short = _short_texts(texts, copy_maker.seed)
    report = _index_distinct(index, short)
    rng = random.Random(f"short-pairs:{copy_maker.seed}")
    keys = rng.sample(sorted(short), min(pairs, len(short)))
    chosen = [dataclasses.replace(articles[k], paragraphs=[short[k]]) for k in keys]
    report["kinds"] = {
        f"short-{kind}": _score_copies(index, copy_maker.copies(kind, chosen)) for kind in ("debris", "retitled", "cut")
    }
    return report


def _speed(index: NearDuplicateIndex, texts: list[str], vocabulary: list[str], rebuild: int,
           seed: int) -> dict[str, Any]:  # fmt: skip
    """Signature and query rates on the cleaned texts (one core), then the rebuild of ``rebuild`` stored
    signatures into a new index and the query rate against that larger index."""
    started = time.perf_counter()
    signatures = [index.signature(t) for t in texts]
    signing = time.perf_counter() - started
    querying = _time_queries(index, signatures)
    blobs = _rebuild_blobs(index, vocabulary, rebuild, seed)
    fresh = NearDuplicateIndex.from_settings(index.settings)
    started = time.perf_counter()
    fresh.add_many((f"synthetic-{i}", blob, None) for i, blob in enumerate(blobs))
    rebuilding = time.perf_counter() - started
    n = len(texts)
    return {
        "articles": n,
        "signature_per_second": round(n / signing, 1),
        "query_per_second": round(n / querying, 1),
        "signature_and_query_per_second": round(n / (signing + querying), 1),
        "rebuild_entries": len(blobs),
        "rebuild_seconds": round(rebuilding, 3),
        "query_per_second_in_rebuilt_index": round(n / _time_queries(fresh, signatures), 1),
        "signature_bytes": len(blobs[0]) if blobs else 0,
    }


def _time_queries(index: NearDuplicateIndex, signatures: list[Signature]) -> float:
    started = time.perf_counter()
    for sig in signatures:
        index.query(sig)
    return time.perf_counter() - started


def _rebuild_blobs(index: NearDuplicateIndex, vocabulary: list[str], count: int, seed: int) -> list[bytes]:
    """Stored signatures of ``count`` synthetic articles (300 words drawn from the corpus vocabulary)."""
    rng = random.Random(seed)
    return [signature_to_bytes(index.signature(" ".join(rng.choices(vocabulary, k=300)))) for _ in range(count)]


def _robustness(index: NearDuplicateIndex, seed: int) -> dict[str, Any]:
    """Odd inputs: each must give a signature, survive a bytes round-trip, match nothing and be added."""
    rng = random.Random(seed)
    cases = {
        "empty": "",
        "very-short": "Gempa mengguncang Bali pagi ini.",
        "no-space-1mb": "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=1_000_000)),
        "emoji-only": "😀🔥🙏🇮🇩" * 200,
    }
    report = {}
    for name, text in cases.items():
        started = time.perf_counter()
        sig = index.signature(text)
        round_trip = signature_from_bytes(signature_to_bytes(sig)) == sig
        first = index.find_or_add(f"robust:{name}:1", text)
        second = index.find_or_add(f"robust:{name}:2", text)
        report[name] = {"words": sig.words, "shingles": sig.shingles, "round_trip": round_trip,
                        "match_on_first_add": first, "match_on_second_add": second,
                        "seconds": round(time.perf_counter() - started, 3)}  # fmt: skip
    return report


@dataclasses.dataclass(kw_only=True)
class _CopyMaker:
    """Makes the copies of one kind for chosen articles, cleaned where the kind says so."""

    headlines: list[str]
    seed: int
    clean: Callable[[str, str], str]

    def copies(self, kind: str, chosen: list[IndoSumArticle]) -> list[tuple[str, str]]:
        rng = random.Random(f"{kind}:{self.seed}")
        copies = []
        for article in chosen:
            text, cleaned = make_copy(kind, article, rng, self.headlines, self.seed)
            copies.append((article.id, self.clean(text, f"{kind}/{article.id}") if cleaned else text))
        return copies


def _kinds_report(index: NearDuplicateIndex, distinct: list[IndoSumArticle], copy_maker: _CopyMaker,
                  pairs_per_kind: int) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
    """Recall per kind of copy, and over all kinds."""
    rng = random.Random(copy_maker.seed)
    kinds = {}
    for kind in KINDS:
        chosen = rng.sample(distinct, min(pairs_per_kind, len(distinct)))
        kinds[kind] = _score_copies(index, copy_maker.copies(kind, chosen))
    pairs = sum(k["pairs"] - k["emptied_by_cleaner"] for k in kinds.values())
    recall = sum(k["found"] for k in kinds.values()) / pairs if pairs else 0.0
    overall = {"pairs": pairs, "recall": round(recall, 4), "wrong_links": sum(k["wrong_links"] for k in kinds.values())}
    return kinds, overall


def evaluate_near_duplicates(shared_dir: str | Path, *, pairs_per_kind: int = 400, seed: int = 2026,
                             rebuild_entries: int = 10_000,
                             index: NearDuplicateIndex | None = None) -> dict[str, Any]:  # fmt: skip
    """Recall per kind of copy and overall, false pairs among the distinct IndoSum articles, short texts,
    speed and robustness, as a JSON-ready dict. ``index``: an empty index with the settings to measure."""
    index = index or NearDuplicateIndex()
    if len(index):
        raise ValueError("evaluate_near_duplicates needs an empty NearDuplicateIndex")
    distinct, repeats, found = _split_distinct(_load(Path(shared_dir)), index.settings.shingle_words)
    clean = _cleaner()
    texts = {a.id: clean(_text(a), f"indosum/{a.file}/{a.id}") for a in distinct}
    distinct_report = found | _index_distinct(index, texts)
    maker = _CopyMaker(headlines=sorted({a.title for a in distinct if a.title}), seed=seed, clean=clean)
    kinds, overall = _kinds_report(index, distinct, maker, pairs_per_kind)
    repeat_copies = [(a.id, clean(_text(a), f"indosum/{a.file}/{a.id}")) for a in repeats]
    vocabulary = sorted({w for t in texts.values() for w in words(t)})
    return {
        "settings": dataclasses.asdict(index.settings) | {"lsh_bands": index.bands[0], "lsh_rows": index.bands[1]},
        "distinct": distinct_report,
        "kinds": kinds,
        "overall": overall,
        "indosum_repeats": _score_copies(index, repeat_copies),
        "short_texts": _short_section(index.settings, texts, {a.id: a for a in distinct}, maker, pairs_per_kind),
        "speed": _speed(index, list(texts.values()), vocabulary, rebuild_entries, seed),
        "robustness": _robustness(index, seed),
        "targets": {"recall": RECALL_TARGET, "false_pairs": 0,
                    "met": overall["recall"] >= RECALL_TARGET and distinct_report["false_pairs"] == 0},
    }  # fmt: skip
