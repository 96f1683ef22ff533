"""`warta events` and `warta quotes` over a store written from hand-built documents."""

import json

from click.testing import CliRunner

from store.test_store_events import _doc
from warta.cli.main import main
from warta.store import Store
from warta.stories.build import update_stories


def _db(tmp_path) -> str:
    path = str(tmp_path / "w.duckdb")
    with Store(path) as store:
        store.add_batch([_doc()], store.start_run("t"))
        update_stories(store)
    return path


def test_events_json_filters_by_pair_and_type(tmp_path):
    db = _db(tmp_path)
    result = CliRunner().invoke(main, ["events", "--db", db, "--pair", "CHN-RUS", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(e["type"] for e in json.loads(result.stdout)) == ["ACCUSE", "CONSULT"]
    result = CliRunner().invoke(main, ["events", "--db", db, "--type", "assault", "--since", "2022-02",
                                       "--format", "json"])
    assert [e["target"]["country"] for e in json.loads(result.stdout)] == ["UKR"]
    result = CliRunner().invoke(main, ["events", "--db", db, "--negated", "--format", "json"])
    assert [e["negated"] for e in json.loads(result.stdout)] == [True]


def test_events_table_shows_flags_and_credit(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", _db(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "4 events" in result.stdout and "NOT" in result.stdout and "Reuters" in result.stdout


def test_bad_filters_are_refused_with_the_reason(tmp_path):
    db = _db(tmp_path)
    result = CliRunner().invoke(main, ["events", "--db", db, "--type", "HUG"])
    assert result.exit_code == 2 and "not a PLOVER type" in result.output
    result = CliRunner().invoke(main, ["events", "--db", db, "--since", "last week"])
    assert result.exit_code == 2 and "not a date" in result.output
    result = CliRunner().invoke(main, ["events", "--db", db, "--pair", "CHN"])
    assert result.exit_code == 2 and "not a pair" in result.output
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output


def test_quotes_by_speaker(tmp_path):
    db = _db(tmp_path)
    result = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Wang", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [q["speaker_name"] for q in json.loads(result.stdout)] == ["Wang Yi"]
    result = CliRunner().invoke(main, ["quotes", "--db", db], env={"COLUMNS": "200"})
    assert "2 quotes" in result.stdout and "seorang pejabat" in result.stdout
