"""A user's % and _ are letters in every substring filter of the store (CLI and API alike), not wildcards."""

from __future__ import annotations

import pytest

from warta.store import Store
from warta.store.sql import escape_like


@pytest.fixture(scope="module")
def store(demo_db):
    with Store(demo_db, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("wild", ["_", "%", "%_%", "\\"])
def test_wildcards_match_only_themselves(store, wild):
    assert store.list_actors(name=wild) == []
    assert store.list_quotes(speaker=wild) == []
    assert store.list_merged(actor=wild) == []
    assert store.list_events(actor=wild) == []
    assert store.list_stories(actor=wild) == []
    assert store.list_stories(text=wild) == []
    assert store.list_articles(outlet=wild) == []


def test_the_same_filters_still_find_by_substring(store):
    assert store.list_actors(name="put") and store.list_quotes(speaker="wang")
    assert store.list_merged(actor="RUS") and store.list_merged(actor="sergey-lavrov")
    assert store.list_stories(actor="RUS") and store.list_stories(text="kazakhstan")
    outlet = store.list_articles(limit=1)[0]["outlet"]
    assert store.list_articles(outlet=outlet.upper())


def test_escape_like():
    assert escape_like("a_b%c\\d") == "a\\_b\\%c\\\\d"
