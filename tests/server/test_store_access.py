"""The server and DuckDB's single writer. With a read snapshot (published by every ingest) the server reads
the snapshot and never stands in a writer's way; a new snapshot is read by the next request. Without one
(a store of an older warta), 503 with Retry-After while another process writes, and the read-only
connection let go when requests pause, so a writer can get in."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from warta.server import ApiSettings, create_app
from warta.server.access import StorePool
from warta.store import Store, StoreError

HOLD_WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
con.close()
"""


@pytest.fixture
def writer_process_factory():
    """Start a process that holds a store for writing until told "done" on its standard input."""
    started = []

    def start(path: str) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, path], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "holding"
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.communicate("done\n", timeout=30)


@pytest.fixture
def writer_process(demo_copy):
    process = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, demo_copy], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "holding"
    yield process
    if process.poll() is None:
        process.communicate("done\n", timeout=30)


def test_a_store_locked_by_a_writer_is_503_with_retry_after(demo_copy, writer_process):
    with TestClient(create_app(demo_copy, settings=ApiSettings(retry_after=3))) as client:
        for url in ("/api/health", "/api/articles", "/api/stories", "/api/search?q=rusia"):
            response = client.get(url)
            assert response.status_code == 503, response.text
            assert response.headers["retry-after"] == "3"
            assert "busy" in response.json()["detail"] and "try again" in response.json()["detail"]
        writer_process.communicate("done\n", timeout=30)
        assert client.get("/api/articles").json()["total"] == 16


def test_the_server_lets_a_writer_in_when_requests_pause(demo_copy):
    with TestClient(create_app(demo_copy, settings=ApiSettings(idle_seconds=0.05))) as client:
        assert client.get("/api/articles").status_code == 200
        deadline = time.monotonic() + 10
        while True:  # the read-only connection is closed once no request came for idle_seconds
            done = subprocess.run([sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1]).execute("
                                   "\"DELETE FROM articles WHERE outlet = 'Okezone'\")", demo_copy],
                                  capture_output=True, text=True)
            if done.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert done.returncode == 0, done.stderr
        # the answers cached before are dropped: the file changed
        assert client.get("/api/articles").json()["total"] == 15


def test_a_read_only_server_never_writes(demo_copy):
    with TestClient(create_app(demo_copy)) as client:
        assert client.get("/api/health").status_code == 200
        with pytest.raises(duckdb.Error):  # the pool's connection is read-only
            with client.app.state.pool.reader() as store:
                store.con.execute("DELETE FROM articles")
        assert client.get("/api/articles").json()["total"] == 16


# -- the read snapshot: one writer, readers of the last published state ---------------------------------------

def _publish(path: str) -> None:
    with Store(path, lock_wait=0) as store:
        store.publish_snapshot()


def test_with_a_snapshot_a_writer_in_another_process_is_not_in_the_way(demo_copy, writer_process_factory):
    _publish(demo_copy)
    with TestClient(create_app(demo_copy, settings=ApiSettings(retry_after=3))) as client:
        assert client.get("/api/articles").json()["total"] == 16
        writer = writer_process_factory(demo_copy)  # holds the store itself: the server never opens it
        for url in ("/api/health", "/api/articles", "/api/stories", "/api/search?q=rusia"):
            assert client.get(url).status_code == 200, url
        writer.communicate("done\n", timeout=30)


def test_a_new_snapshot_is_read_by_the_next_request_and_drops_the_cached_answers(demo_copy):
    _publish(demo_copy)
    with TestClient(create_app(demo_copy)) as client:
        assert client.get("/api/articles").json()["total"] == 16
        with client.app.state.pool.reader() as store:  # a request still running on the old snapshot
            with Store(demo_copy, lock_wait=0) as writer:  # a writer meanwhile: the server is not in its way
                writer.con.execute("DELETE FROM articles WHERE outlet = 'Okezone'")
                writer.publish_snapshot()
            assert client.get("/api/articles").json()["total"] == 15  # the next request reads the new one
            assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 16  # the old one goes on
        assert client.get("/api/articles").json()["total"] == 15


def test_an_answer_computed_on_a_replaced_snapshot_is_not_cached(demo_copy):
    _publish(demo_copy)
    pool = StorePool(demo_copy)
    reading, swapped = threading.Event(), threading.Event()

    def slow_request() -> None:  # its answer arrives after a new snapshot was opened
        with pool.reader() as store:
            total = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
            reading.set()
            swapped.wait(timeout=30)
        pool.cache.put("late", total)

    request = threading.Thread(target=slow_request)
    request.start()
    assert reading.wait(timeout=30)
    _publish_after_delete(demo_copy)
    with pool.reader() as store:  # the next request opens the new snapshot
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 15
    pool.cache.put("fresh", 15)
    swapped.set()
    request.join(timeout=30)
    assert pool.cache.get("late") is None and pool.cache.get("fresh") == 15
    pool.close()


def _publish_after_delete(path: str) -> None:
    with Store(path, lock_wait=0) as writer:
        writer.con.execute("DELETE FROM articles WHERE outlet = 'Okezone'")
        writer.publish_snapshot()


def test_closing_a_writer_refreshes_a_stale_snapshot(demo_copy):
    from warta.store.duckdb_store import snapshot_is_fresh, snapshot_path

    _publish(demo_copy)
    assert snapshot_is_fresh(demo_copy)
    with Store(demo_copy) as writer:  # any warta writer, e.g. `warta stories --rebuild`
        writer.con.execute("DELETE FROM articles WHERE outlet = 'Okezone'")
    assert snapshot_is_fresh(demo_copy)
    with duckdb.connect(snapshot_path(demo_copy), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 15
    with Store(demo_copy):  # opened and closed without writing: the snapshot is not copied again
        pass
    assert snapshot_is_fresh(demo_copy)


def test_a_read_only_store_reads_the_snapshot_while_another_process_writes(demo_copy, writer_process_factory):
    _publish(demo_copy)
    writer = writer_process_factory(demo_copy)
    with Store(demo_copy, read_only=True) as store:  # e.g. `warta articles` during an ingest
        assert store.source.endswith(".read") and store.counts()["articles"] == 16
    writer.communicate("done\n", timeout=30)
    with Store(demo_copy, read_only=True) as store:
        assert store.source == demo_copy


def test_a_writer_waits_for_the_lock_then_names_the_file(demo_copy, writer_process_factory, caplog):
    writer = writer_process_factory(demo_copy)
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"copy\.duckdb: the store is locked by another process after waiting"):
        Store(demo_copy, lock_wait=0.6)
    assert time.monotonic() - started >= 0.5
    assert "waiting up to" in caplog.text and "PID" in caplog.text
    threading.Timer(0.5, writer.communicate, kwargs={"input": "done\n", "timeout": 30}).start()
    with Store(demo_copy, lock_wait=30) as store:  # the lock is let go meanwhile: the writer gets in
        assert store.counts()["articles"] == 16


def test_serve_publishes_a_snapshot_without_writing_the_store(demo_copy):
    from warta.store.duckdb_store import publish_snapshot_of, snapshot_is_fresh

    before = Path(demo_copy).read_bytes()
    assert publish_snapshot_of(demo_copy) is True and snapshot_is_fresh(demo_copy)
    assert publish_snapshot_of(demo_copy) is False  # fresh already
    assert Path(demo_copy).read_bytes() == before
