"""Issue 8, item 5: token auth on every write endpoint, and ``warta serve`` binds 127.0.0.1 unless told.

The write routes are found from ``app.routes`` (every method but GET and HEAD), so a write route added
without the token check fails ``test_every_write_route_needs_the_token``; ``test_the_check_catches_an_
unguarded_write_route`` shows that it would.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections import Counter

import pytest
from click.testing import CliRunner
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from security_helpers import fingerprint, record_counts

from warta.server import ApiSettings, create_app

TOKEN = "auth-test-token-0123456789abcdef"
READ = {"GET", "HEAD"}
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
TRIED: Counter = Counter()


def bad_credentials() -> dict[str, dict[str, str | bytes]]:
    """Authorization headers (and other places a token might be looked for) that must all be refused."""
    return {
        "none": {},
        "wrong token, same length": {"Authorization": "Bearer " + "x" * len(TOKEN)},
        "wrong token, shorter": {"Authorization": "Bearer " + TOKEN[:-1]},
        "wrong token, longer": {"Authorization": "Bearer " + TOKEN + "0"},
        "token as a prefix of a longer one": {"Authorization": "Bearer " + TOKEN + TOKEN},
        "empty bearer": {"Authorization": "Bearer "},
        "bearer alone": {"Authorization": "Bearer"},
        "Bearer missing": {"Authorization": TOKEN},
        "Basic scheme": {"Authorization": f"Basic {TOKEN}"},
        "Token scheme": {"Authorization": f"Token {TOKEN}"},
        "scheme glued": {"Authorization": f"Bearer{TOKEN}"},
        "upper-cased token": {"Authorization": f"Bearer {TOKEN.upper()}"},
        "token in another header": {"X-Token": TOKEN, "X-Api-Key": TOKEN},
        "token in a cookie": {"Cookie": f"token={TOKEN}"},
        "non-ASCII token": {"Authorization": ("Bearer " + "é" * 16).encode()},
    }


def write_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every route that accepts anything but GET and HEAD; mounts are checked apart."""
    found = []
    for route in app.routes:
        if isinstance(route, (APIRoute, Route)):
            for method in sorted((route.methods or set()) - READ):
                found.append((method, route.path))
    return found


def unguarded(client: TestClient, routes: list[tuple[str, str]], fingerprint) -> list[str]:
    """The write routes that answer anything but 401 to a request without the right token, or change the
    store while refusing."""
    before = fingerprint()
    problems = []
    for method, path in routes:
        concrete = path.replace("{", "").replace("}", "")
        for name, headers in bad_credentials().items():
            body = b'{"text": "Sebuah berita pendek tentang festival desa di Bandung pada Selasa."}\n'
            answer = client.request(method, concrete + ("?token=" + TOKEN if name == "none" else ""),
                                    content=body, headers=headers | {"Content-Type": "application/jsonl"})
            TRIED["write without the token"] += 1
            if answer.status_code != 401:
                problems.append(f"{method} {path} with {name}: {answer.status_code}")
            elif "Bearer" not in answer.headers.get("www-authenticate", ""):
                problems.append(f"{method} {path} with {name}: 401 without WWW-Authenticate")
    if fingerprint() != before:
        problems.append("the store changed")
    return problems


@pytest.fixture
def store_fingerprint(demo_copy):
    return lambda: fingerprint(demo_copy)


def test_every_write_route_needs_the_token(demo_copy, store_fingerprint):
    app = create_app(demo_copy, allow_ingest=True, token=TOKEN, settings=ApiSettings(idle_seconds=0.05))
    routes = write_routes(app)
    assert ("POST", "/api/ingest") in routes
    with TestClient(app) as client:
        assert unguarded(client, routes, store_fingerprint) == []
        # the right token passes the same check (so the refusals above were about the token)
        empty = client.post("/api/ingest", content=b"", headers={"Authorization": f"Bearer {TOKEN}"})
        assert empty.status_code == 400 and "no file" in empty.json()["detail"]


def test_the_check_catches_an_unguarded_write_route(demo_copy, store_fingerprint):
    app = create_app(demo_copy, allow_ingest=True, token=TOKEN)

    @app.delete("/api/articles/{article_id}")
    def forgot_the_token(article_id: str):
        return {"deleted": article_id}

    with TestClient(app) as client:
        problems = unguarded(client, write_routes(app), store_fingerprint)
    assert problems and all(p.startswith("DELETE /api/articles/{article_id}") for p in problems)


def test_without_allow_ingest_nothing_accepts_a_write(demo_copy, store_fingerprint):
    app = create_app(demo_copy)
    assert write_routes(app) == []
    before = store_fingerprint()
    paths = sorted({getattr(r, "path", "") for r in app.routes} | {"/api/ingest", "/api/ingest/", "/static/warta.css",
                                                                   "/docs-assets/swagger-ui.css"})
    with TestClient(app) as client:
        for path in paths:
            concrete = path.replace("{", "").replace("}", "")
            for method in WRITE_METHODS:
                answer = client.request(method, concrete, content=b"{}",
                                        headers={"Authorization": f"Bearer {TOKEN}"})
                TRIED["write with ingest off"] += 1
                assert answer.status_code in (404, 405), (method, path, answer.status_code)
        assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]
        assert client.get("/api/health").json()["ingest"] is False
    assert store_fingerprint() == before


def test_mounted_apps_take_no_writes(demo_db):
    app = create_app(demo_db)
    mounts = [r for r in app.routes if isinstance(r, Mount)]
    assert mounts
    with TestClient(app) as client:
        for mount in mounts:
            for method in WRITE_METHODS:
                assert client.request(method, mount.path + "/warta.css").status_code in (404, 405)


# -- binding --------------------------------------------------------------------------------------------------

def test_warta_serve_binds_127_0_0_1_by_default(demo_db, monkeypatch):
    from warta.cli.main import main
    from warta.server import app as app_module

    calls = []
    monkeypatch.setattr(app_module, "run_server", lambda db, **kw: calls.append(kw))
    result = CliRunner().invoke(main, ["serve", "--db", demo_db])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["host"] == "127.0.0.1"
    result = CliRunner().invoke(main, ["serve", "--db", demo_db, "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0 and calls[1]["host"] == "0.0.0.0" and calls[1]["port"] == 8123


def test_run_server_binds_what_it_is_given_and_warns_off_loopback(demo_db, monkeypatch, caplog):
    import uvicorn

    from warta.server.app import run_server

    bound = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: bound.append((app, kw)))
    with caplog.at_level(logging.WARNING, logger="warta.server.app"):
        run_server(demo_db)
        assert not [r for r in caplog.records if "other machines" in r.getMessage()]
        run_server(demo_db, host="0.0.0.0")
    assert bound[0][1]["host"] == "127.0.0.1" and bound[1][1]["host"] == "0.0.0.0"
    assert [r for r in caplog.records if "0.0.0.0" in r.getMessage() and "other machines" in r.getMessage()]
    # on loopback the Host header is checked (DNS rebinding); off loopback any name may reach it
    with TestClient(bound[0][0]) as client:
        assert client.get("/api/health", headers={"host": "evil.example"}).status_code == 400
        assert client.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert client.get("/api/health", headers={"host": "[::1]:8000"}).status_code == 200
        assert client.get("/api/health", headers={"host": "localhost"}).status_code == 200


@pytest.mark.parametrize(("host", "warned"), [("0.0.0.0", True), ("::", True), ("127.0.0.1", False)])
def test_warta_serve_prints_a_warning_for_a_non_loopback_host(demo_db, host, warned):
    """The command as a user runs it (uvicorn.run replaced, so nothing is bound): the warning is on stderr."""
    code = ("import uvicorn; uvicorn.run = lambda app, **kw: print('BIND', kw['host']); "
            "from warta.cli.main import main; main()")
    env = {k: v for k, v in os.environ.items() if k != "WARTA_TOKEN"}
    done = subprocess.run([sys.executable, "-c", code, "serve", "--db", demo_db, "--host", host],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert f"BIND {host}" in done.stdout
    assert ("reachable from other machines" in done.stderr) is warned, done.stderr


@pytest.fixture(scope="module", autouse=True)
def _counts():
    yield
    record_counts("auth", TRIED)
