"""Stories in the store: built after ingest, incremental, near-duplicate copies not counted twice, and the
`warta stories` / `story` / `timeline` / `events` commands over them."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli.main import main
from warta.ingest import ingest
from warta.store import Store
from warta.stories.build import update_stories

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KAZAKHSTAN = {"antara_pasukan_csto_tiba.txt", "ivoox_lavrov_wang_kazakhstan.txt", "kompas_tokayev_minta_csto.txt",
              "sindonews_wang_lavrov_telepon.txt", "tempo_tokayev_tarik_csto.html"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("stories") / "demo.duckdb")
    with Store(path) as store:
        run = ingest([str(EXAMPLES / k) for k in ("text", "html", "warc", "jsonl")], store, batch_size=50)
    assert run.stories["articles"] == run.stored
    return path


def _partition(store: Store) -> dict[str, frozenset[str]]:
    rows = store.con.execute("SELECT sa.story_id, a.input_ref FROM story_articles sa JOIN articles a "
                             "ON a.id = sa.article_id").fetchall()
    groups: dict[str, set[str]] = {}
    for story_id, ref in rows:
        groups.setdefault(story_id, set()).add(Path(ref).name)
    return {sid: frozenset(names) for sid, names in groups.items()}


def test_the_kazakhstan_reports_are_one_story_and_other_stories_stay_apart(demo_db):
    with Store(demo_db, read_only=True) as store:
        groups = _partition(store)
        kaz = [g for g in groups.values() if "kompas_tokayev_minta_csto.txt" in g][0]
        assert KAZAKHSTAN <= kaz
        patrushev = [g for g in groups.values() if "intisari_patrushev_china.txt" in g][0]
        assert "idntimes_patrushev_yang_jiechi.html" in patrushev and not patrushev & KAZAKHSTAN
        assert sum(len(g) for g in groups.values()) == store.counts()["articles"]
        assert store.unplaced_articles() == 0


def test_merged_events_count_each_real_event_once(demo_db):
    with Store(demo_db, read_only=True) as store:
        raw = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        merged = store.list_merged(limit=100_000)
        mentions = sum(m["mentions"] for m in merged)
        assert mentions == raw and len(merged) < raw
        multi = [m for m in merged if m["articles"] > 1]
        assert multi, "some event of the Kazakhstan or Patrushev story is reported by several outlets"
        one = store.list_merged(event_id=multi[0]["id"])[0]
        assert len({(x["article_id"], x["seq"]) for x in one["mention_list"]}) == one["mentions"]


def test_ingesting_in_two_parts_gives_the_same_stories(tmp_path, demo_db):
    path = str(tmp_path / "two.duckdb")
    with Store(path) as store:
        ingest([str(EXAMPLES / "text")], store)
        first = store.story_count()
        ingest([str(EXAMPLES / k) for k in ("html", "warc", "jsonl")], store)
        assert store.story_count() >= first
        two_parts = sorted(sorted(g) for g in _partition(store).values())
    with Store(demo_db, read_only=True) as store:
        at_once = sorted(sorted(g) for g in _partition(store).values())
    assert two_parts == at_once


def _copy_with_debris(text: str) -> str:
    paragraphs = text.split("\n\n")
    return "\n\n".join(["Baca juga: Harga minyak naik lagi"] + paragraphs[: max(1, len(paragraphs) * 8 // 10)]
                       + ["Simak berita lainnya di kanal kami."])


def test_a_near_duplicate_copy_joins_its_original_and_is_not_counted_twice(tmp_path):
    source = EXAMPLES / "text" / "kompas_tokayev_minta_csto.txt"
    copy = tmp_path / "repost.txt"
    original_text = source.read_text(encoding="utf-8")
    copy.write_text(_copy_with_debris(original_text), encoding="utf-8")
    path = str(tmp_path / "dup.duckdb")
    with Store(path) as store:
        ingest([str(source)], store)
        actors_before = {a["id"]: a["articles"] for a in store.list_actors(limit=1000)}
        quotes_before = len(store.list_quotes(limit=1000))
        run = ingest([str(copy)], store)
        assert run.stored == 1 and run.stories["copies"] == 1
        (copy_id, original_id, similarity), = store.con.execute(
            "SELECT article_id, original_id, similarity FROM near_duplicates").fetchall()
        assert similarity > 0.5
        (story,) = store.list_stories()
        assert story["article_count"] == 1 and story["copies"] == 1
        assert {a["id"]: a["copy_of"] for a in story["articles"]}[copy_id] == original_id
        assert {a["id"]: a["articles"] for a in store.list_actors(limit=1000)} == actors_before
        assert len(store.list_quotes(limit=1000)) == quotes_before
        assert all(m["articles"] == 1 for m in store.list_merged(limit=1000))


def test_rebuild_gives_the_same_stories(demo_db, tmp_path):
    import shutil

    path = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, path)
    with Store(path) as store:
        before = sorted(sorted(g) for g in _partition(store).values())
        done = update_stories(store, rebuild=True)
        assert done.articles == store.counts()["articles"]
        assert sorted(sorted(g) for g in _partition(store).values()) == before
        again = update_stories(store)
        assert again.articles == 0 and again.touched_stories == 0


def test_stories_json_has_the_documented_shape(demo_db):
    result = CliRunner().invoke(main, ["stories", "--db", demo_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)
    assert stories and all({"id", "title", "start", "end", "articles", "actors", "events"} <= set(s) for s in stories)
    assert all({"id", "source"} <= set(a) for s in stories for a in s["articles"])
    biggest = max(stories, key=lambda s: len(s["articles"]))
    assert biggest["start"] <= biggest["end"] and isinstance(biggest["events"], int)
    assert biggest["actors"] > len(biggest["key_actors"])  # a count of every actor, not only the key ones
    result = CliRunner().invoke(main, ["stories", "--db", demo_db, "--country", "KAZ", "--format", "json"])
    kaz_titles = {a["title"] for s in json.loads(result.stdout) for a in s["articles"]}
    assert any("Tokayev" in (t or "") for t in kaz_titles)
    result = CliRunner().invoke(main, ["stories", "--db", demo_db, "--since", "2022-09-01", "--until", "2022-09-30",
                                       "--format", "json"])
    assert all(s["end"] >= "2022-09-01" and s["start"] <= "2022-09-30" for s in json.loads(result.stdout))


def test_story_view_has_summary_timeline_quotes(demo_db):
    listing = json.loads(CliRunner().invoke(main, ["stories", "--db", demo_db, "--min-articles", "3",
                                                   "--format", "json"]).stdout)
    kaz = [s for s in listing if "kazakhstan" in (s["title"] or "").casefold() or "csto" in (s["title"] or "").casefold()]
    assert kaz, [s["title"] for s in listing]
    result = CliRunner().invoke(main, ["story", kaz[0]["id"][:8], "--db", demo_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    story = json.loads(result.stdout)
    assert story["summary"] and all(s["text"] for s in story["summary"])
    assert story["events"] and story["quotes"] and len(story["outlets"]) >= 3
    dates = [e["date"] for e in story["events"] if e["date"]]
    assert dates == sorted(dates)
    pretty = CliRunner().invoke(main, ["story", kaz[0]["id"], "--db", demo_db], env={"COLUMNS": "200"})
    assert pretty.exit_code == 0 and "summary" in pretty.stdout and "timeline" in pretty.stdout
    missing = CliRunner().invoke(main, ["story", "nosuchstory", "--db", demo_db])
    assert missing.exit_code == 1 and "no story" in missing.output


def test_timeline_prints_the_table_and_writes_the_chart(demo_db, tmp_path):
    result = CliRunner().invoke(main, ["timeline", "CHN", "RUS", "--db", demo_db, "--by", "month", "--out",
                                       str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["events"] > 0 and data["events"] == sum(p["events"] for p in data["periods"])
    assert Path(data["charts"]["png"]).is_file() and Path(data["charts"]["html"]).is_file()
    pretty = CliRunner().invoke(main, ["timeline", "CHN", "RUS", "--db", demo_db, "--out", str(tmp_path)],
                                env={"COLUMNS": "200"})
    assert "CHN – RUS by month" in pretty.stdout and "file://" in pretty.stdout
    none = CliRunner().invoke(main, ["timeline", "ISL", "NZL", "--db", demo_db, "--out", str(tmp_path)])
    assert none.exit_code == 0 and "no merged events" in none.stdout


def test_events_default_to_merged_and_mentions_lists_reports(demo_db):
    merged = json.loads(CliRunner().invoke(main, ["events", "--db", demo_db, "--pair", "CHN-RUS", "--limit", "1000",
                                                  "--format", "json"]).stdout)
    mentions = json.loads(CliRunner().invoke(main, ["events", "--db", demo_db, "--pair", "CHN-RUS", "--mentions",
                                                    "--limit", "1000", "--format", "json"]).stdout)
    assert len(merged) < len(mentions) == sum(m["mentions"] for m in merged)
    story = merged[0]["story_id"]
    in_story = json.loads(CliRunner().invoke(main, ["events", "--db", demo_db, "--story", story, "--limit", "1000",
                                                    "--format", "json"]).stdout)
    assert in_story and {e["story_id"] for e in in_story} == {story}


def test_a_store_without_story_tables_says_how_to_build_them(tmp_path):
    import duckdb

    path = str(tmp_path / "old.duckdb")
    duckdb.connect(path).execute("CREATE TABLE articles (id VARCHAR)").close()
    result = CliRunner().invoke(main, ["stories", "--db", path])
    assert result.exit_code == 1 and "warta stories --update" in result.output


def test_a_one_article_story_is_summarised_when_shown(demo_db):
    with Store(demo_db, read_only=True) as store:
        single = [s for s in store.list_stories(limit=100) if s["article_count"] == 1][0]
        stored = store.con.execute("SELECT summary FROM stories WHERE id = ?", [single["id"]]).fetchone()[0]
        assert json.loads(stored) == []  # not computed at ingest
        story = store.get_story(single["id"])
        assert story["summary"] and {s["article_id"] for s in story["summary"]} == {single["articles"][0]["id"]}
