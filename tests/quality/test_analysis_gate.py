"""Quality gate for the analysis layer: tokens and sentences (UD), entities (NER test splits), actors.

Floors live in floors.json (keys "tokens", "ner", "actors"); they only go up. Needs ../shared: skips
with a message when it is absent.
"""

import json
from pathlib import Path

import pytest

from samples import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shared():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the analysis gate needs the shared datasets")
    return SHARED


def test_tokens_and_sentences_on_ud(shared):
    from warta.evaluate.tokens_eval import evaluate_ud

    result = evaluate_ud(shared / "data" / "ud" / "id-csui" / "test.conllu", min_seconds=0.01)
    floors = FLOORS["tokens"]
    assert result["tokens"]["f1"] >= floors["token_f1"]
    assert result["tokens_ud_compatible"]["f1"] >= floors["token_f1_ud_compatible"]
    assert result["sentences_split"]["f1"] >= floors["sentence_f1"]


def test_entities_on_each_dataset(shared):
    from warta.evaluate.ner_eval import evaluate_ner

    result = evaluate_ner(shared)
    for dataset, floor in FLOORS["ner"].items():
        assert result[dataset]["f1"] >= floor, f"{dataset} F1 fell to {result[dataset]['f1']} (floor {floor})"


@pytest.fixture(scope="module")
def actor_scores(shared):
    from warta.evaluate.actors_eval import evaluate_actors, evaluate_seed_actors

    return evaluate_actors(shared), evaluate_seed_actors(shared)


@pytest.mark.parametrize("level", ["mention", "country", "country_sector"])
def test_actor_resolution_on_indosum(actor_scores, level):
    overall = actor_scores[0]["overall"][level]
    floors = FLOORS["actors"]["indosum"][level]
    assert overall["precision"] >= floors["precision"] and overall["recall"] >= floors["recall"], overall


def test_seed_actors_found_with_country_and_sector(actor_scores):
    seeds = actor_scores[1]
    assert seeds["right_country_sector"] >= FLOORS["actors"]["seeds_right"], seeds["misses"]
