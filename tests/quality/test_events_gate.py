"""Quality gate for events and quotes on the gold of tests/gold/events_*.json and the two seeds.

Floors live in floors.json (key "events"); they only go up. Needs ../shared (IndoSum articles and the
seeds): skips with a message when it is absent.
"""

import json
from pathlib import Path

import pytest

from samples import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def scores():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the event gate needs the shared datasets")
    from warta.evaluate.events_eval import evaluate_events

    return evaluate_events(SHARED)


def test_gold_covers_at_least_sixty_articles(scores):
    assert scores["articles"] >= 60


@pytest.mark.parametrize("measure", ["precision", "recall", "f1"])
def test_event_tuples(scores, measure):
    assert scores["events"][measure] >= FLOORS["events"][measure], scores["events"]


@pytest.mark.parametrize("attribute", ["negation", "modality", "date"])
def test_event_attributes_on_matched_events(scores, attribute):
    assert scores[attribute]["accuracy"] >= FLOORS[attribute], scores[attribute]


def test_quotes_and_speakers(scores):
    assert scores["quotes"]["precision"] >= FLOORS["quotes"]["precision"], scores["quotes"]
    assert scores["quotes"]["recall"] >= FLOORS["quotes"]["recall"], scores["quotes"]
    assert scores["speaker"]["accuracy"] >= FLOORS["speaker"], scores["speaker"]
