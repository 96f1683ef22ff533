"""The CI quality gate: cleaning scores on gold must not fall below their pinned floors.

Sets built from ../shared are skipped (with a message) when it is absent; the examples/ set
always runs. Floors live in floors.json beside this file and only go up.
"""

import json
from pathlib import Path

import pytest

from samples import SHARED
from warta.evaluate.clean_eval import evaluate_cleaning

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))["cleaning"]


@pytest.fixture(scope="module")
def results():
    return evaluate_cleaning(SHARED)


def cases(kind):
    return [(name, key, value) for name, scores in FLOORS[kind].items() for key, value in scores.items()]


@pytest.mark.parametrize("name, key, floor", cases("floors"))
def test_score_at_or_above_its_floor(results, name, key, floor):
    if "skipped" in results.get(name, {"skipped": "absent"}):
        pytest.skip(f"{name}: {results.get(name, {}).get('skipped', 'not measured')}")
    assert results[name][key] >= floor, f"{name} {key} fell to {results[name][key]} (floor {floor})"


@pytest.mark.parametrize("name, key, ceiling", cases("ceilings"))
def test_error_count_at_or_below_its_ceiling(results, name, key, ceiling):
    if name not in results or "skipped" in results[name]:
        pytest.skip(f"{name}: needs {SHARED}")
    assert results[name][key] <= ceiling, f"{name} {key} rose to {results[name][key]} (ceiling {ceiling})"
