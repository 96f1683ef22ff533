"""Concurrent use (issue 8, item 3): ``warta serve`` keeps answering while ``warta ingest`` writes the same
store in another process. The server reads the snapshot the last ingest published and never opens the
store itself; the ingest is never blocked; when it ends, the server shows its articles."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from warta.ingest import ingest
from warta.store import Store

WARTA = [sys.executable, "-c", "from warta.cli.main import main; main()"]
ROUTES = ("/api/health", "/api/articles?limit=5", "/api/articles?limit=5&order=desc", "/api/stories?limit=5",
          "/api/events?limit=5", "/api/search?q=proyek", "/api/actors?limit=5", "/api/quotes?limit=5", "/")


def _corpus_module():
    """The generated corpus of the crash test (short reports in stories, duplicates, copies, rejects)."""
    path = Path(__file__).resolve().parents[1] / "store" / "test_crash_safety.py"
    spec = importlib.util.spec_from_file_location("warta_crash_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_for_server(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(f"{base}/api/health")[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)


class Hammer(threading.Thread):
    """Requests the API's routes in turn until stopped; keeps every answer's status and the article totals."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.failures: list[tuple[str, int, str]] = []
        self.answered = 0
        self.totals: list[int] = []

    def run(self) -> None:
        while not self.stop.is_set():
            for route in ROUTES:
                try:
                    status, body = _get(self.base + route)
                except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                    self.failures.append((route, 0, repr(exc)))
                    continue
                self.answered += 1
                if status != 200:
                    self.failures.append((route, status, body[:200].decode("utf-8", "replace")))
                elif route == "/api/articles?limit=5":
                    self.totals.append(json.loads(body)["total"])


@pytest.fixture
def store_with_snapshot(tmp_path):
    """A store made by an ingest (so with its read snapshot), and a second corpus for the concurrent ingest."""
    corpus = _corpus_module()
    lines = corpus.corpus_lines(360, seed=3)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:60]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[60:]) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        ingest([str(first)], store, batch_size=20)
    assert Path(f"{db}.read").is_file()
    return db, second


def test_serve_answers_every_request_while_ingest_writes(store_with_snapshot):
    db, second = store_with_snapshot
    with Store(db, read_only=True) as store:
        before = store.counts()["articles"]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(WARTA + ["serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    hammer = Hammer(base)
    try:
        _wait_for_server(server, base)
        hammer.start()
        writer = subprocess.run(WARTA + ["ingest", str(second), "--db", str(db), "--batch-size", "20",
                                         "--no-progress", "--format", "json"],
                                capture_output=True, text=True, timeout=300)
        answered_during_ingest = hammer.answered
        assert writer.returncode == 0, writer.stderr[-2000:]
        summary = json.loads(writer.stdout.strip().splitlines()[-1])
        assert summary["stored"] > 200
        expected = before + summary["stored"]
        deadline = time.monotonic() + 20
        while not (hammer.totals and hammer.totals[-1] == expected):  # the next request opens the new snapshot
            assert time.monotonic() < deadline, f"the server still shows {hammer.totals[-1:]} articles, not {expected}"
            time.sleep(0.1)
    finally:
        hammer.stop.set()
        hammer.join(timeout=60)
        server.terminate()
        server_log = server.communicate(timeout=30)[1]
    print(f"{hammer.answered} requests answered ({answered_during_ingest} during the ingest of {second.name}), "
          f"{len(hammer.failures)} failed; articles seen: {sorted(set(hammer.totals))}")
    assert hammer.failures == [], hammer.failures[:5]
    assert answered_during_ingest >= 2 * len(ROUTES), "the API was hardly asked while the ingest ran"
    assert hammer.totals[0] == before and set(hammer.totals) <= {before, expected}  # one snapshot or the next
    assert "not blocked" in server_log  # it read the snapshot, never the store being written
    assert "locked" not in writer.stderr  # the ingest never had to wait for the server
