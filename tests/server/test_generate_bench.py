"""The synthetic store behind the latency benchmark: every copied row hangs on a copied article, story or
merged event, and the benchmark answers every endpoint (no time is asserted)."""

from __future__ import annotations

import json

import pytest

from warta.server.bench import bench_api, generate_store
from warta.store import Store


@pytest.fixture(scope="module")
def generated(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "gen.duckdb"
    made = generate_store(path, articles=40, source=demo_db)
    return str(path), made


def test_generated_store_multiplies_every_table_consistently(generated, demo_db):
    path, made = generated
    assert made["copies"] == 3 and made["articles"] == 48
    with Store(demo_db, read_only=True) as src, Store(path, read_only=True) as store:
        for table in ("articles", "entities", "actors", "events", "quotes", "stories", "story_articles",
                      "merged_events", "event_mentions", "inputs"):
            n = src.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 3 * n, table
        con = store.con
        assert con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == 48
        for child, column in (("events", "article_id"), ("quotes", "article_id"), ("story_articles", "article_id"),
                              ("event_mentions", "article_id"), ("actors", "article_id")):
            orphans = con.execute(f"SELECT count(*) FROM {child} WHERE {column} NOT IN (SELECT id FROM articles)")
            assert orphans.fetchone()[0] == 0, child
        assert con.execute("SELECT count(*) FROM story_articles WHERE story_id NOT IN "
                           "(SELECT id FROM stories)").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM event_mentions WHERE merged_id NOT IN "
                           "(SELECT id FROM merged_events)").fetchone()[0] == 0
        summary_ids = {item["article_id"] for (summary,) in con.execute("SELECT summary FROM stories").fetchall()
                       for item in json.loads(summary)}
        assert summary_ids and summary_ids <= {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
        assert store.counts()["stored"] == 48
        story = store.list_stories(min_articles=2, limit=1)[0]
        assert store.get_story(story["id"])["events"]
        assert store.con.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 48


def test_generated_copies_are_moved_in_time_and_findable(generated):
    path, _ = generated
    with Store(path, read_only=True) as store:
        days = store.con.execute("SELECT count(DISTINCT published_date) FROM articles").fetchone()[0]
        original = store.con.execute("SELECT count(DISTINCT published_date) FROM articles "
                                     "WHERE input_ref LIKE '%#copy0'").fetchone()[0]
        assert days > original
        rare = store.con.execute("SELECT count(*) FROM articles WHERE text LIKE '%arsip2'").fetchone()[0]
        assert rare == 16


def test_generate_store_refuses_to_overwrite(generated):
    with pytest.raises(FileExistsError):
        generate_store(generated[0], articles=10)
    with pytest.raises(ValueError):
        generate_store(generated[0] + ".new", articles=0)


def test_bench_answers_every_endpoint(generated):
    result = bench_api(generated[0], requests=2, warmup=0)
    assert result["articles"] == 48
    for name, figures in result["endpoints"].items():
        assert figures["failures"] == [], (name, figures["failures"])
        assert {"p50_ms", "p95_ms", "max_ms", "target_ms", "meets_target"} <= set(figures)
    assert result["endpoints"]["story page"]["target_ms"] == 300.0
