"""Quality gate for stories: clustering (BCubed on tests/gold/stories_gold.json), summaries (ROUGE on IndoSum
against LEAD-3) and near-duplicates (made pairs and distinct IndoSum articles).

Floors live in floors.json (key "stories"); they only go up. The IndoSum parts need ../shared and skip
with a message when it is absent; the clustering gate then runs on the examples and our own corpus.
"""

import json
from pathlib import Path

import pytest

from samples import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))["stories"]


def _shared():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: this gate needs the shared datasets")
    return SHARED


@pytest.fixture(scope="module")
def clustering():
    from warta.evaluate.stories_eval import evaluate_stories

    return evaluate_stories(SHARED if SHARED.is_dir() else None)


def test_gold_is_large_enough(clustering):
    if clustering["skipped"]:
        pytest.skip("the IndoSum part of the story gold needs ../shared")
    assert clustering["articles"] >= 100 and clustering["bcubed"]["gold_stories"] >= 25


@pytest.mark.parametrize("measure", ["precision", "recall", "f1"])
def test_clustering_bcubed(clustering, measure):
    if clustering["skipped"]:
        floor = FLOORS["clustering_without_shared"][measure]
    else:
        floor = FLOORS["clustering"][measure]
    assert clustering["bcubed"][measure] >= floor, clustering["bcubed"]


def test_hard_negatives_kept_apart(clustering):
    if clustering["skipped"]:
        pytest.skip("most hard negatives are IndoSum articles")
    assert clustering["hard_negatives"]["apart"] >= FLOORS["hard_negatives_apart"], clustering["hard_negatives"]


@pytest.fixture(scope="module")
def summaries():
    from warta.evaluate.summary_eval import evaluate_summaries

    return evaluate_summaries(_shared())


@pytest.mark.parametrize("measure", ["rouge1", "rouge2", "rougeL"])
def test_summaries_rouge_and_not_below_lead3(summaries, measure):
    overall = summaries["overall"]
    assert overall["ours"][measure] >= FLOORS["summaries"][measure], overall
    assert overall["ours"][measure] >= overall["lead3"][measure], overall


@pytest.fixture(scope="module")
def near_duplicates():
    from warta.evaluate.neardup_eval import evaluate_near_duplicates

    return evaluate_near_duplicates(_shared(), pairs_per_kind=100, rebuild_entries=1000)


def test_near_duplicate_copies_found_and_no_false_pair(near_duplicates):
    assert near_duplicates["overall"]["recall"] >= FLOORS["near_duplicates"]["recall"], near_duplicates["overall"]
    for kind, scores in near_duplicates["kinds"].items():
        assert scores["recall"] >= FLOORS["near_duplicates"]["recall"], (kind, scores["misses"])
    assert near_duplicates["distinct"]["false_pairs"] <= FLOORS["near_duplicates"]["false_pairs_max"]
    assert near_duplicates["distinct"]["articles"] >= 1400
