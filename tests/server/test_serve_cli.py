"""``warta serve``: the token never on the command line, refusals with a reason, and a real server on
127.0.0.1 answering over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from warta.server.app import _is_loopback, run_server
from warta.server.cli import read_token, serve


def test_serve_has_no_token_option_and_binds_loopback_by_default():
    names = {p.name for p in serve.params}
    assert {"db", "host", "port", "allow_ingest", "token_file"} <= names and "token" not in names
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert run_server.__defaults__[0] == "127.0.0.1"
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("example.org")


def test_allow_ingest_without_a_token_is_refused(demo_db, monkeypatch):
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    result = CliRunner().invoke(serve, ["--db", demo_db, "--allow-ingest"])
    assert result.exit_code != 0 and "token" in result.output


def test_a_missing_store_is_refused(tmp_path):
    result = CliRunner().invoke(serve, ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "no such store" in result.output


def test_the_token_comes_from_a_file_or_the_environment(tmp_path, monkeypatch):
    token_file = tmp_path / "token"
    token_file.write_text("s3cret-token-from-a-file\n")
    token_file.chmod(0o600)
    assert read_token(token_file) == "s3cret-token-from-a-file"
    monkeypatch.setenv("WARTA_TOKEN", " from-the-environment-123 ")
    assert read_token(None) == "from-the-environment-123"
    monkeypatch.delenv("WARTA_TOKEN")
    assert read_token(None) is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, *, method: str = "GET", headers: dict[str, str] | None = None, data: bytes | None = None):
    """(status, headers, body) of one HTTP request, errors included (the standard library, no client)."""
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.slow
def test_a_real_server_answers_on_127_0_0_1(demo_copy):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = os.environ | {"WARTA_TOKEN": "token-for-the-real-server-1"}
    process = subprocess.Popen([sys.executable, "-c", "from warta.server.cli import serve; serve()", "--db", demo_copy,
                                "--port", str(port), "--allow-ingest", "--index"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, headers, body = _get(f"{base}/api/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert status == 200 and json.loads(body)["ingest"] is True
        assert headers["x-content-type-options"] == "nosniff"
        assert _get(f"{base}/api/health", headers={"Host": "evil.example"})[0] == 400  # DNS rebinding refused
        assert _get(f"{base}/api/ingest", method="POST", data=b"{}")[0] == 401
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert f"127.0.0.1:{port}" in output
