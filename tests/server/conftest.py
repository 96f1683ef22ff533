"""The demo corpus (examples/) ingested once for the server tests, with its search index; tests that write
get their own copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warta.ingest import ingest
from warta.store import Store
from warta.store.search import update_search_index

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FORMATS = ("text", "html", "warc", "jsonl")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("server") / "demo.duckdb")
    with Store(path) as store:
        ingest([str(EXAMPLES / kind) for kind in FORMATS], store, batch_size=50)
        update_search_index(store.con)
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path) -> str:
    """A copy of the demo store a test may write to."""
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(demo_db, path)
    return str(path)
