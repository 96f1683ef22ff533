"""Issue 8, item 5: request size limits and no path traversal, at the ASGI level (the app called as uvicorn
calls it, with raw paths and bodies whose reading is counted) and once over a real ``warta serve``.

- a body above the limit is refused with 413 before any of it is read when ``Content-Length`` says so, and
  after at most one chunk beyond the limit when it comes chunked; a route that reads no body never reads
  more than the limit either; a slow upload without the token is answered 401 before its body is read;
- a path or query string above the limit is refused with 414, too many query parameters with 400, a
  ``Content-Length`` that is not an ASCII number with 400 (never 500);
- every route that serves files (the static folder, the docs assets) and every route with an id in its
  path answer ``../``, ``%2e%2e/``, ``..%2f``, double encoding, absolute paths, backslashes and NUL with a
  4xx or with a file from inside its own folder, never with anything outside it.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from security_helpers import record_counts

from warta.server import ApiSettings, create_app

TOKEN = "security-test-token-0123456789"
TRIED: Counter = Counter()
SERVER_DIR = Path(create_app.__code__.co_filename).resolve().parent


# -- calling the app as the server does -----------------------------------------------------------------------

class Answer:
    def __init__(self) -> None:
        self.status = 0
        self.headers: dict[str, str] = {}
        self.body = b""
        self.pulled = 0      # receive() calls that returned body bytes
        self.bytes_read = 0

    def json(self):
        return json.loads(self.body)


def call(app, method: str, raw_path: str, *, query: str = "", headers: dict[str, str] | None = None,
         chunks=None) -> Answer:
    """One request through the ASGI app: ``raw_path`` as sent on the wire (percent-decoded into ``path``
    as uvicorn does), ``chunks`` an iterable of body pieces (counted as the app pulls them)."""
    answer = Answer()
    pieces = iter(chunks or [])
    done = False

    async def receive():
        nonlocal done
        if done:
            await asyncio.sleep(0)
            return {"type": "http.disconnect"}
        piece = next(pieces, None)
        if piece is None:
            done = True
            return {"type": "http.request", "body": b"", "more_body": False}
        answer.pulled += 1
        answer.bytes_read += len(piece)
        return {"type": "http.request", "body": piece, "more_body": True}

    async def send(message):
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": unquote(raw_path),
             "raw_path": raw_path.encode("latin-1"), "root_path": "", "query_string": query.encode("latin-1"),
             "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}
    asyncio.run(app(scope, receive, send))
    return answer


def endless(size: int = 64 * 1024):
    while True:
        yield b"x" * size


@pytest.fixture(scope="module")
def app(demo_db):
    return create_app(demo_db)


@pytest.fixture(scope="module")
def ingest_app(demo_db):
    return create_app(demo_db, allow_ingest=True, token=TOKEN,
                      settings=ApiSettings(max_upload_bytes=300_000, max_body_bytes=64 * 1024))


def _paths(app) -> list[str]:
    """A concrete path for every route (ids filled with a word)."""
    out = []
    for route in app.routes:
        path = getattr(route, "path", "")
        if isinstance(route, Mount):
            path += "/warta.css"
        out.append(path.replace("{", "").replace("}", ""))
    return sorted(set(out))


# -- size limits --------------------------------------------------------------------------------------------

def test_a_declared_oversize_body_is_refused_before_it_is_read(ingest_app):
    auth = {"authorization": f"Bearer {TOKEN}"}
    for path in _paths(ingest_app):
        for method in ("GET", "POST"):
            limit = 300_000 if path == "/api/ingest" else 64 * 1024
            answer = call(ingest_app, method, path, headers=auth | {"content-length": str(limit + 1)},
                          chunks=endless())
            TRIED["oversize-declared"] += 1
            assert answer.status == 413, (method, path, answer.status)
            assert answer.pulled == 0, (method, path)
            assert f"{limit:,}" in answer.body.decode()


def test_a_chunked_upload_is_cut_at_the_limit(ingest_app):
    answer = call(ingest_app, "POST", "/api/ingest", headers={"authorization": f"Bearer {TOKEN}"},
                  chunks=endless())
    TRIED["oversize-chunked"] += 1
    assert answer.status == 413 and "300,000" in answer.json()["detail"]
    assert answer.bytes_read <= 300_000 + 64 * 1024


def test_routes_that_read_no_body_never_read_past_the_limit(app):
    for path in _paths(app):
        answer = call(app, "POST", path, chunks=endless())
        TRIED["oversize-chunked"] += 1
        assert answer.status < 500, path
        assert answer.bytes_read <= 64 * 1024 * 2, (path, answer.bytes_read)


def test_an_upload_without_the_token_is_401_before_its_body_is_read(ingest_app):
    for headers in ({}, {"authorization": "Bearer wrong"}, {"content-length": "1000"}):
        answer = call(ingest_app, "POST", "/api/ingest", headers=headers, chunks=endless())
        TRIED["upload-without-token"] += 1
        assert answer.status == 401 and answer.pulled == 0


@pytest.mark.parametrize("length", ["²", "١٠".encode().decode("latin-1"), "-1", "1e3", " 5", "0x10", "12a", "5, 5"])
def test_a_content_length_that_is_not_a_number_is_400(app, length):
    answer = call(app, "POST", "/api/articles", headers={"content-length": length}, chunks=[b"x" * 5])
    TRIED["bad-content-length"] += 1
    assert answer.status == 400 and "Content-Length" in answer.json()["detail"]


def test_long_urls_are_414_big_headers_431_and_too_many_parameters_400(app):
    long_query = call(app, "GET", "/api/articles", query="outlet=" + "a" * 5000)
    assert long_query.status == 414 and "query string" in long_query.json()["detail"]
    long_path = call(app, "GET", "/api/articles/" + "a" * 3000)
    assert long_path.status == 414 and "path" in long_path.json()["detail"]
    page = call(app, "GET", "/stories/" + "a" * 3000)
    assert page.status == 414 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    headers = call(app, "GET", "/api/health", headers={f"x-h{i}": "a" * 100 for i in range(200)})
    assert headers.status == 431 and "headers" in headers.json()["detail"]
    many = call(app, "GET", "/api/articles", query="&".join(["limit=1"] * 100))
    assert many.status == 400 and "parameters" in many.json()["detail"]
    just = call(app, "GET", "/api/articles", query="&".join(["limit=1"] * 60))
    assert just.status == 200
    TRIED["long-url"] += 5


# -- path traversal -----------------------------------------------------------------------------------------

TRAVERSALS = ["../app.py", "..%2fapp.py", "%2e%2e/app.py", "%2e%2e%2fapp.py", "%252e%252e%252fapp.py",
              "..%252fapp.py", "..\\app.py", "..%5capp.py", "....//app.py", "..;/app.py", ".%2e/app.py",
              "%c0%ae%c0%ae/app.py", "%uff0e%uff0e/app.py", "..%00/app.py", "warta.css%00.py", "%00",
              "/etc/passwd", "//etc/passwd", "%2fetc%2fpasswd", "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
              "../../../../../../etc/passwd", "C:\\Windows\\win.ini", "file:///etc/passwd", "~/.ssh/id_rsa",
              "./warta.css/../../app.py", "static/../../app.py", "%2e%2e%5c%2e%2e%5capp.py", "..%c0%afapp.py",
              "../templates/base.html", "..%2ftemplates%2fbase.html", "../../../pyproject.toml"]
SECRETS = [b"def create_app", b"root:x:0:0", b"[project]", b"{% block", b"DUCK"]


def _file_routes(app) -> list[tuple[str, Path | None]]:
    """(prefix, folder) of every route that serves files: mounts of StaticFiles, and routes named assets."""
    found = []
    for route in app.routes:
        if isinstance(route, Mount) and isinstance(route.app, StaticFiles):
            found.append((route.path + "/", Path(route.app.directory).resolve()))
        elif isinstance(route, APIRoute) and route.path.startswith("/docs-assets/"):
            found.append(("/docs-assets/", None))
    return found


def _inside(body: bytes, folder: Path | None) -> bool:
    if folder is None:
        from swagger_ui_bundle import swagger_ui_path
        folder = Path(swagger_ui_path)
    return any(p.is_file() and p.read_bytes() == body for p in folder.rglob("*"))


def test_no_route_that_serves_files_leaves_its_folder(app):
    routes = _file_routes(app)
    assert {prefix for prefix, _ in routes} >= {"/static/", "/docs-assets/"}
    assert call(app, "GET", "/static/warta.css").status == 200  # the payloads below are refused, not the route
    for prefix, folder in routes:
        for payload in TRAVERSALS:
            answer = call(app, "GET", prefix + payload)
            TRIED["path-traversal"] += 1
            assert answer.status in (200, 400, 404, 405), (prefix, payload, answer.status)
            assert not any(secret in answer.body for secret in SECRETS), (prefix, payload)
            if answer.status == 200:
                assert _inside(answer.body, folder), (prefix, payload)


def test_no_route_with_an_id_in_its_path_reads_a_file(app):
    prefixes = sorted({r.path.split("{")[0] for r in app.routes if isinstance(r, APIRoute) and "{" in r.path})
    assert "/articles/" in prefixes and "/api/articles/" in prefixes
    for prefix in prefixes:
        for payload in TRAVERSALS:
            answer = call(app, "GET", prefix + payload)
            TRIED["path-traversal"] += 1
            assert answer.status < 500, (prefix, payload)
            assert not any(secret in answer.body for secret in SECRETS), (prefix, payload)


def test_the_docs_serve_only_the_files_the_page_loads(app):
    assert call(app, "GET", "/docs-assets/swagger-ui-bundle.js").status == 200
    for name in ("index.html", "oauth2-redirect.html", "swagger-initializer.js", "index.j2", "swagger-ui.js.map"):
        assert call(app, "GET", "/docs-assets/" + name).status == 404, name


# -- over a real server -------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _raw(port: int, request: bytes, *, read_timeout: float = 10.0) -> bytes:
    """Send raw bytes, return what the server answers before it closes or goes quiet."""
    data = b""
    with socket.create_connection(("127.0.0.1", port), timeout=read_timeout) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):  # the server stopped reading: what did it say?
            pass
        try:
            while b"\r\n\r\n" not in data or len(data) < 12:
                piece = sock.recv(65536)
                if not piece:
                    break
                data += piece
        except (socket.timeout, ConnectionResetError):
            pass
    return data


def _listening(port: int) -> set[str]:
    """Local addresses listening on ``port`` according to /proc/net/tcp and tcp6 (hex, as the kernel says)."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(name):
            continue
        for line in Path(name).read_text().splitlines()[1:]:
            fields = line.split()
            address, state = fields[1], fields[3]
            if state == "0A" and int(address.rsplit(":", 1)[1], 16) == port:
                found.add(address.rsplit(":", 1)[0])
    return found


@pytest.mark.slow
def test_a_real_server_binds_loopback_and_refuses_before_reading(demo_copy):
    port = _free_port()
    env = os.environ | {"WARTA_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-c", "from warta.cli.main import main; main()", "serve",
                                "--db", demo_copy, "--port", str(port), "--allow-ingest"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    host = f"Host: 127.0.0.1:{port}\r\n".encode()
    try:
        deadline = time.monotonic() + 60
        while not (_port_open(port) and
                   _raw(port, b"GET /api/health HTTP/1.1\r\n" + host + b"\r\n").startswith(b"HTTP/1.1 200")):
            assert process.poll() is None, process.stdout.read()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        if os.path.exists("/proc/net/tcp"):
            assert _listening(port) == {"0100007F"}  # 127.0.0.1 only, no 0.0.0.0, no IPv6 wildcard
        started = time.monotonic()
        slow = _raw(port, b"POST /api/ingest HTTP/1.1\r\n" + host + b"Content-Length: 10000000\r\n\r\n" + b"x" * 10)
        assert slow.startswith(b"HTTP/1.1 401") and time.monotonic() - started < 5
        huge = _raw(port, b"POST /api/ingest HTTP/1.1\r\n" + host + f"Authorization: Bearer {TOKEN}\r\n".encode()
                    + b"Content-Length: 10000000000\r\n\r\n")
        assert huge.startswith(b"HTTP/1.1 413")
        for size in (100_000, 4_000_000):  # refused by the app (one read) or by uvicorn (several)
            bomb = _raw(port, b"GET /api/health HTTP/1.1\r\n" + host + b"X-Big: " + b"a" * size + b"\r\n\r\n")
            assert bomb[:12] in (b"HTTP/1.1 431", b"HTTP/1.1 400", b""), bomb[:100]
            TRIED["header-bomb"] += 1
        for payload in ("/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
                        "/docs-assets/../../app.py", "/static/..\\app.py", "/static/%00"):
            answer = _raw(port, f"GET {payload} HTTP/1.1\r\n".encode() + host + b"\r\n")
            assert answer[:12] in (b"HTTP/1.1 404", b"HTTP/1.1 400"), (payload, answer[:200])
            TRIED["path-traversal"] += 1
        assert _raw(port, b"GET /api/health HTTP/1.1\r\n" + host + b"\r\n").startswith(b"HTTP/1.1 200")
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert f"127.0.0.1:{port}" in output


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module", autouse=True)
def _counts():
    yield
    record_counts("http", TRIED)
