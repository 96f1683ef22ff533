"""`warta audit`: every input read is accounted for, read = stored + duplicate + rejected."""

import json
from pathlib import Path

from click.testing import CliRunner

from warta.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "text"


def test_audit_accounts_for_stored_duplicate_and_rejected_inputs(tmp_path):
    db = str(tmp_path / "a.duckdb")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["ingest", str(EXAMPLES / "kompas_tokayev_minta_csto.txt"), str(empty),
                                  str(tmp_path / "missing.txt"), "--db", db])
    assert result.exit_code == 0, result.output  # rejected inputs do not make the run fail
    data = json.loads(runner.invoke(main, ["audit", "--db", db, "--format", "json"]).stdout)
    stored = len(list(EXAMPLES.glob("*.txt")))
    assert (data["read"], data["stored"], data["duplicate"], data["rejected"]) == (stored + 3, stored, 1, 2)
    assert data["read"] == data["stored"] + data["duplicate"] + data["rejected"]
    assert data["reasons"] == {"empty": 1, "not-found": 1}
    assert {Path(r["input"]).name for r in data["rejects"]} == {"empty.txt", "missing.txt"}
    assert all(r["detail"] for r in data["rejects"])
    (dup,) = data["duplicates"]
    assert dup["input"].endswith("kompas_tokayev_minta_csto.txt") and len(dup["duplicate_of"]) == 16
    assert [r["command"] for r in data["runs"]] == ["ingest", "ingest"]
    pretty = runner.invoke(main, ["audit", "--db", db], env={"COLUMNS": "200"})
    assert "read = stored + duplicate + rejected: yes" in pretty.stdout and "not-found" in pretty.stdout


def test_audit_of_a_missing_store_says_so(tmp_path):
    result = CliRunner().invoke(main, ["audit", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output
