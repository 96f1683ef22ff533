"""``warta run`` gives what ``warta ingest`` gives, whatever the engine and worker count, and resumes."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import content, generated_articles, inputs_in_order, tables_content, write_mixed_inputs

from warta.cli.main import main
from warta.distributed import LoadError, RunError, load_run, run_pipeline
from warta.ingest import ingest
from warta.store import Store

SHARD_BYTES = 4_000  # about 20 shards of the mixed inputs: several per worker


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    return write_mixed_inputs(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ingest") / "ingest.duckdb"
    with Store(db) as store:
        ingest(corpus, store)
    return db


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "run"
    result = run_pipeline(corpus, out, engine="local", workers=2, shard_bytes=SHARD_BYTES)
    assert result.shards >= 8 and result.shards_skipped == 0 and result.workers == 2
    return out


def test_two_local_workers_then_load_give_exactly_what_one_ingest_gives(ingested, local_run, tmp_path):
    db = tmp_path / "loaded.duckdb"
    with Store(db) as store:
        loaded = load_run(local_run, store)
    assert loaded["mode"] == "copy"
    expected = content(ingested)
    assert expected["articles"] and expected["events"] and expected["stories"] and expected["merged_events"]
    assert any(row[1] == "duplicate" for row in inputs_in_order(ingested))
    assert any(row[1] == "rejected" for row in inputs_in_order(ingested))
    assert content(db) == expected
    assert inputs_in_order(db) == inputs_in_order(ingested)  # same references, outcomes and reasons, same order
    assert tables_content(local_run / "tables") == expected
    with Store(db, read_only=True) as store:  # the search index is built on load
        assert store.con.execute("SELECT count(*) FROM search_docs").fetchone()[0] == len(expected["articles"])


def test_the_manifest_accounts_for_every_input_and_every_shard(local_run, ingested):
    manifest = json.loads((local_run / "manifest.json").read_text())
    totals = manifest["totals"]
    assert totals["read"] == totals["stored"] + totals["duplicate"] + totals["rejected"] == len(inputs_in_order(ingested))
    assert len(manifest["shard_results"]) == len(manifest["shards"])
    assert sum(r["read"] for r in manifest["shard_results"]) == totals["read"]
    assert all(r["peak_rss_mb"] > 0 for r in manifest["shard_results"])
    assert len({r["pid"] for r in manifest["shard_results"]}) == 2  # both workers took shards


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="Ray is not installed (pip install 'warta[ray]')")
def test_a_local_ray_cluster_of_two_workers_gives_the_same_result(corpus, local_run, tmp_path):
    out = tmp_path / "ray"
    result = run_pipeline(corpus, out, engine="ray", workers=2, shard_bytes=SHARD_BYTES)
    assert result.workers == 2 and result.engine == "ray"
    assert tables_content(out / "tables") == tables_content(local_run / "tables")
    manifest = json.loads((out / "manifest.json").read_text())
    assert len({r["pid"] for r in manifest["shard_results"]}) == 2


def test_one_worker_gives_the_same_result(corpus, local_run, tmp_path):
    out = tmp_path / "one"
    run_pipeline(corpus, out, engine="local", workers=1, shard_bytes=SHARD_BYTES)
    assert tables_content(out / "tables") == tables_content(local_run / "tables")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta.cli.main", *args]


def test_a_run_killed_midway_resumes_and_ends_as_an_uninterrupted_run(corpus, local_run, tmp_path):
    out = tmp_path / "killed"
    proc = subprocess.Popen(_cli("run", *corpus, "--out", str(out), "--workers", "1", "--shard-mb",
                                 str(SHARD_BYTES / 1024 / 1024), "--no-progress"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((out / "done").glob("*.json"))) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read().decode()[-500:]}"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    finished_before = len(list((out / "done").glob("*.json")))
    assert not (out / "manifest.json").exists()
    # a shard killed while being written leaves its temporary folder; a resumed run ignores and replaces it
    again = subprocess.run(_cli("run", *corpus, "--out", str(out), "--workers", "2", "--shard-mb",
                                str(SHARD_BYTES / 1024 / 1024), "--format", "json", "--no-progress"),
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    result = json.loads(again.stdout)
    assert result["shards_skipped"] == finished_before >= 3
    assert tables_content(out / "tables") == tables_content(local_run / "tables")
    assert not list((out / "parts").glob(".tmp-*"))


def test_lost_markers_and_partial_parts_are_redone(corpus, local_run, tmp_path):
    out = tmp_path / "partial"
    shutil.copytree(local_run, out)
    (out / "manifest.json").unlink()
    markers = sorted((out / "done").glob("*.json"))
    for marker in markers[::3]:
        marker.unlink()  # killed after writing the parts, before the marker
    first = markers[1].stem
    (out / "done" / f"{first}.json").unlink()
    for part in (out / "parts" / first).glob("*.parquet"):
        part.write_bytes(b"PAR1 cut off")  # killed while writing
    (out / "parts" / ".tmp-000001-999").mkdir()
    result = run_pipeline(corpus, out, engine="local", workers=1, shard_bytes=SHARD_BYTES)
    assert result.shards_skipped == len(markers) - len(markers[::3]) - 1
    assert tables_content(out / "tables") == tables_content(local_run / "tables")


def test_a_finished_run_is_not_redone(corpus, local_run):
    before = (local_run / "manifest.json").stat().st_mtime_ns
    result = run_pipeline(corpus, local_run, engine="local", workers=2, shard_bytes=SHARD_BYTES)
    assert result.already_complete and result.shards_skipped == result.shards
    assert (local_run / "manifest.json").stat().st_mtime_ns == before


def test_a_folder_of_another_run_is_refused_unless_restarted(corpus, tmp_path):
    out = tmp_path / "other"
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(json.dumps(a) for a in generated_articles(3)) + "\n", encoding="utf-8")
    run_pipeline([str(small)], out, workers=1)
    with pytest.raises(RunError, match="other inputs"):
        run_pipeline(corpus, out, workers=1, shard_bytes=SHARD_BYTES)
    result = run_pipeline([str(small), str(small)], out, workers=1, restart=True)
    assert result.totals["read"] == 6 and result.totals["duplicate"] == 3


def test_bad_requests_are_refused_with_a_reason(tmp_path, corpus):
    for kwargs, message in [({"engine": "spark"}, "unknown engine"), ({"workers": 0}, "workers"),
                            ({"address": "ray://x:1"}, "--address is for --engine ray")]:
        with pytest.raises(RunError, match=message):
            run_pipeline(corpus, tmp_path / "x", **kwargs)
    with pytest.raises(RunError, match="standard input"):
        run_pipeline(["-"], tmp_path / "x")
    with pytest.raises(LoadError, match="not the output folder"):
        with Store(tmp_path / "s.duckdb") as store:
            load_run(tmp_path, store)


def test_two_runs_cannot_write_one_folder_at_once(tmp_path, corpus):
    import fcntl

    out = tmp_path / "locked"
    out.mkdir()
    with open(out / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(RunError, match="another `warta run`"):
            run_pipeline(corpus, out)


def test_an_unfinished_run_cannot_be_loaded(corpus, local_run, tmp_path):
    out = tmp_path / "unfinished"
    shutil.copytree(local_run, out)
    (out / "manifest.json").unlink()
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(LoadError, match="unfinished run"):
        load_run(out, store)


def test_loading_into_a_store_with_articles_adds_a_run_and_updates_stories(corpus, local_run, tmp_path):
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(json.dumps(a) for a in generated_articles(8, seed=3)) + "\n", encoding="utf-8")
    expected_db, db = tmp_path / "expected.duckdb", tmp_path / "loaded.duckdb"
    with Store(expected_db) as store:
        ingest([str(first)], store)
        ingest(corpus, store)
    with Store(db) as store:
        ingest([str(first)], store)
        loaded = load_run(local_run, store)
    assert loaded["mode"] == "incremental" and loaded["duplicate"] >= 8
    assert content(db) == content(expected_db)


def test_the_cli_runs_and_loads(corpus, tmp_path):
    runner = CliRunner()
    out, db = tmp_path / "cli-run", tmp_path / "cli.duckdb"
    result = runner.invoke(main, ["run", *corpus, "--out", str(out), "--workers", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["totals"]["rejected"] > 0 and data["shards"] == 1  # rejects do not fail the run
    pretty = runner.invoke(main, ["run", *corpus, "--out", str(out), "--workers", "1"])
    assert pretty.exit_code == 0 and "already complete" in " ".join(pretty.output.split())
    loaded = runner.invoke(main, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0 and "copied into the empty store" in " ".join(loaded.output.split())
    missing = runner.invoke(main, ["load", str(tmp_path / "nowhere"), "--db", str(db)])
    assert missing.exit_code != 0 and "no manifest.json" in missing.output
    refused = runner.invoke(main, ["run", "-", "--out", str(tmp_path / "x")])
    assert refused.exit_code != 0 and "standard input" in refused.output
    assert os.path.exists(db)


def test_an_output_folder_inside_an_input_folder_is_not_read(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(json.dumps(a) for a in generated_articles(4)) + "\n", encoding="utf-8")
    out = folder / "run"
    first = run_pipeline([str(folder)], out, workers=1)
    again = run_pipeline([str(folder)], out, workers=1)  # its own parts are not new inputs
    assert first.totals["read"] == 4 and again.already_complete
