"""The server and DuckDB's single writer: 503 with Retry-After while another process writes, and the
read-only connection let go when requests pause, so a writer can get in."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest
from fastapi.testclient import TestClient

from warta.server import ApiSettings, create_app

HOLD_WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
con.close()
"""


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
