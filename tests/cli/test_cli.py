import json

from click.testing import CliRunner

from samples import DIRTY_ARTICLE
from warta.cli.main import main


def write_inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(DIRTY_ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(DIRTY_ARTICLE.replace("Jepang", "Korea"), encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(DIRTY_ARTICLE, encoding="utf-8")  # same article again
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bin.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder


def test_analyze_prints_one_contract_line_per_document_in_order(tmp_path):
    folder = write_inputs(tmp_path)
    result = CliRunner().invoke(main, ["analyze", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(l) for l in result.stdout.splitlines()]
    assert [d["source"].split("/in/")[1] for d in lines] == ["a.txt", "sub/b.txt", "sub/c.txt"]
    assert "rejected" in result.stderr and "empty.txt" in result.stderr and "bin.dat" in result.stderr


def test_ingest_summary_and_idempotence(tmp_path):
    folder = write_inputs(tmp_path)
    db = str(tmp_path / "w.duckdb")
    first = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 0, first.output
    assert "read" in first.stdout and "new" in first.stdout
    for word in ("empty", "binary"):
        assert word in first.stdout
    second = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--format", "json"])
    assert second.exit_code == 0, second.output
    summary = json.loads(second.stdout)
    assert summary["stored"] == 0 and summary["duplicate"] == 3 and summary["read"] == 5


def test_show_prints_removed_with_reasons(tmp_path):
    folder = write_inputs(tmp_path)
    db = str(tmp_path / "w.duckdb")
    CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    listing = CliRunner().invoke(main, ["articles", "--db", db, "--format", "json"])
    first_id = json.loads(listing.stdout)[0]["id"]
    shown = CliRunner().invoke(main, ["show", first_id[:8], "--db", db])
    assert shown.exit_code == 0, shown.output
    for piece in ("removed", "advertisement", "comment-widget", "Baca juga"):
        assert piece in shown.stdout
    missing = CliRunner().invoke(main, ["show", "zzzzzzzz", "--db", db])
    assert missing.exit_code != 0 and "no article" in missing.output


def test_show_on_a_missing_store_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["show", "abcd", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "warta ingest" in result.output


def test_actors_lists_people_states_and_filters(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Rusia dan China Sepakat\nMOSKOW - Menteri Luar Negeri Rusia Sergei Lavrov bertemu Menteri Luar Negeri "
        "China Wang Yi di Moskow pada Rabu (12/1/2022). Lavrov mengatakan Rusia mendukung China.\n", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    assert CliRunner().invoke(main, ["ingest", str(folder), "--db", db]).exit_code == 0
    result = CliRunner().invoke(main, ["actors", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["sergey-lavrov"]["country"] == "RUS" and rows["sergey-lavrov"]["mentions"] == 2
    assert rows["wang-yi"]["sector"] == "GOV" and rows["RUS"]["kind"] == "state"
    only_people = json.loads(CliRunner().invoke(main, ["actors", "--db", db, "--kind", "person", "--format", "json"]).stdout)
    assert {r["kind"] for r in only_people} == {"person"}
    china = json.loads(CliRunner().invoke(main, ["actors", "--db", db, "--country", "chn", "--format", "json"]).stdout)
    assert {r["country"] for r in china} == {"CHN"}
    shown = CliRunner().invoke(main, ["show", json.loads(CliRunner().invoke(
        main, ["articles", "--db", db, "--format", "json"]).stdout)[0]["id"], "--db", db])
    assert "actors" in shown.stdout and "Sergei Lavrov" in shown.stdout
