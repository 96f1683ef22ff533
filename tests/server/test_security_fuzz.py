"""Issue 8, item 5: parametrised queries only, proven by fuzzing every parameter of every GET route.

Every route the app has (the JSON API and the pages, found from ``app.routes``, so a new route or parameter
is fuzzed without touching this file) gets hypothesis-drawn adversarial values in its query and path
parameters: SQL, LIKE wildcards, quotes and backslashes, control characters and NUL, random unicode, right-to-
left and emoji text, invalid UTF-8, empty values, 10 KB values, numbers out of range, repeated parameters. Every answer
must be 200, or a 4xx whose message names the parameter (or, for a path parameter, says the id is unknown),
never a 5xx; API answers are JSON, pages HTML. Every SQL statement the server runs is recorded through its
connections: no value the client sent may appear in a statement's text (it travels as a parameter), and the
store is unchanged afterwards (row counts and a checksum of every table).

``WARTA_FUZZ_EXAMPLES`` raises the number of examples per route (default 40); with
``WARTA_SECURITY_COUNTS=FILE`` the inputs tried per kind are written to FILE as JSON.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from security_helpers import fingerprint, record_counts

from warta.server.access import StorePool
from warta.server.app import create_app

EXAMPLES = int(os.environ.get("WARTA_FUZZ_EXAMPLES", "40"))
TRIED: Counter = Counter()   # inputs tried per kind, for the report
PROBLEMS: Counter = Counter()

SQL = ["'", "''", "\"", "' OR '1'='1", "'; DROP TABLE articles; --", "x'); DELETE FROM articles; --",
       "1 UNION SELECT id, text FROM articles --", "' || (SELECT text FROM articles LIMIT 1) || '",
       "$1", "?", "%s", "{0}", "';ATTACH '/tmp/x.duckdb' AS x;--", "') OR 1=1 --", "\\'; COPY articles TO '/tmp/x'; --",
       "'; PRAGMA database_list; --", "CHN' OR '1'='1-RUS", "1; SELECT 1"]
LIKE = ["%", "_", "%%", "%_%", "\\", "\\%", "\\_", "a%b", "_%_%_%_%_%_%_%_%_%_%", "[a-z]%", "^.*$", "(?i).*"]
UNICODE_FIXED = ["\u202e\u0645\u0631\u062d\u0628\u0627", "\U0001f600\U0001f4a5", "e\u0301\u0301\u0301", "\ufeffCHN",
                 "\u200b", "\uff0e\uff0e\uff0f", "ǅ", "İ", "ß", "\U0010ffff", "Ａ" * 30]
NUMBERS = ["-1", "0", "-0", "1e9", "1e400", "NaN", "inf", "-inf", "0x10", " 1", "1.5", "9" * 40, "+5", "1_000",
           "²", "١٢"]
DATES = ["2022-02-30", "2022-13", "0000-00", "9999-12-31", "0001-01-01", "2022-1-1", "22-01-01", "2022/01/01"]
INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xed\xa0\x80", b"\xc0\xae\xc0\xae", b"\x80abc", b"ok\xe2\x82"]


def _kinds() -> dict[str, st.SearchStrategy[bytes]]:
    text = lambda s: s.map(lambda v: v.encode("utf-8"))  # noqa: E731 - a one-line adapter
    return {
        "sql": text(st.sampled_from(SQL)),
        "like": text(st.sampled_from(LIKE) | st.text(alphabet="%_\\'\"ab", min_size=1, max_size=12)),
        "control": text(st.text(alphabet=st.characters(max_codepoint=31), min_size=1, max_size=8)
                        | st.sampled_from(["\x00", "a\x00b", "\r\nX-Injected: 1", "\t", "\x7f"])),
        "unicode": text(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
                        | st.sampled_from(UNICODE_FIXED)),
        "long": text(st.sampled_from([200, 201, 1000, 4000, 10_000]).flatmap(
            lambda n: st.sampled_from(["x" * n, "é" * (n // 2), "'" * n, "%" * n]))),
        "number": text(st.integers(min_value=-10**20, max_value=10**20).map(str) | st.sampled_from(NUMBERS)),
        "date": text(st.sampled_from(DATES) | st.dates().map(lambda d: d.isoformat()[:7])),
        "invalid-utf8": st.sampled_from(INVALID_UTF8),
        "empty": st.sampled_from([b"", b" ", b"+", b"%20%20"]),
    }


KINDS = _kinds()


def _encode(value: bytes) -> str:
    return quote(value, safe="")


# -- recording every statement ------------------------------------------------------------------------------

class RecordingConnection:
    """A DuckDB connection (or cursor) that notes the text of every statement it runs."""

    def __init__(self, con: Any, statements: list[str]) -> None:
        self._con = con
        self.statements = statements

    def execute(self, query: str, parameters: Any = None):
        self.statements.append(str(query))
        return self._con.execute(query) if parameters is None else self._con.execute(query, parameters)

    def cursor(self) -> "RecordingConnection":
        return RecordingConnection(self._con.cursor(), self.statements)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


@pytest.fixture(scope="module")
def recorded(demo_db):
    """(client, statements): the app over the demo store, every statement its requests run recorded."""
    statements: list[str] = []
    original = StorePool.reader

    @contextlib.contextmanager
    def recording_reader(self):
        with original(self) as store:
            store.con = RecordingConnection(store.con, statements)
            yield store

    patch = pytest.MonkeyPatch()
    patch.setattr(StorePool, "reader", recording_reader)
    try:
        app = create_app(demo_db)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, statements
    finally:
        patch.undo()
    _write_counts()


def _write_counts() -> None:
    record_counts("fuzz", TRIED, problems=dict(PROBLEMS))


def fill_path(path: str, name: str, value: str) -> str:
    """The route's path with the parameter ``name`` (``{name}`` or ``{name:converter}``) set to ``value``."""
    return re.sub(r"\{" + name + r"(:[a-z]+)?\}", lambda _: value, path)


def get_routes(app) -> list[APIRoute]:
    """Every GET route with parameters to fuzz, API and pages alike."""
    return [r for r in app.routes if isinstance(r, APIRoute) and "GET" in r.methods
            and (r.dependant.query_params or r.dependant.path_params)]


# -- what every answer must be ------------------------------------------------------------------------------

def _decoded(value: bytes) -> str:
    return value.decode("utf-8", "replace")


def check_answer(response, path: str, sent: list[tuple[str, bytes]], path_params: set[str]) -> None:
    """200, or a 4xx that says which parameter (or id) was wrong; JSON under /api, HTML for pages."""
    status = response.status_code
    names = {name for name, _ in sent}
    where = f"{path} {[(n, v[:60]) for n, v in sent]}"
    assert status < 500, f"{status} on {where}: {response.text[:300]}"
    api = path.startswith("/api") or path.startswith("/docs")
    if api:
        body = response.json()  # valid JSON or the test fails
        text = body.get("detail", "") if isinstance(body, dict) else ""
        assert response.headers["content-type"].startswith("application/json"), where
    else:
        assert response.headers["content-type"].startswith("text/html"), where
        text = response.text
    if status == 200:
        return
    assert status in (400, 404, 414, 422), f"{status} on {where}"
    if status == 414:
        assert "query string" in text or "path" in text, where
    elif status == 422:
        if api:
            assert {e["parameter"] for e in body["errors"]} <= names | path_params, where
        assert any(name in text for name in names | path_params), where
    else:  # an unknown or ambiguous id: only where the route has an id in its path
        assert path_params, f"{status} on {where} without a path parameter"


def _run_route(client, statements, route: APIRoute) -> None:
    query_names = [p.alias for p in route.dependant.query_params]
    required = {p.alias for p in route.dependant.query_params if p.field_info.is_required()}
    path_names = [p.alias for p in route.dependant.path_params]
    defaults = {"q": b"pasukan", "a": b"CHN", "b": b"RUS"}
    kinds = st.sampled_from(sorted(KINDS))

    def drawn(kind):
        return KINDS[kind].map(lambda value: (kind, value))

    params = st.lists(st.tuples(st.sampled_from(query_names), kinds.flatmap(drawn)), max_size=4) \
        if query_names else st.just([])
    ids = st.fixed_dictionaries({n: kinds.flatmap(drawn) for n in path_names})

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(params=params, ids=ids)
    def run(params, ids):
        path = route.path
        for name, (kind, value) in ids.items():
            path = fill_path(path, name, _encode(value) or "x")
            TRIED[kind] += 1
        sent = [(name, value) for name, (kind, value) in params]
        for _, (kind, _) in params:
            TRIED[kind] += 1
        if len({n for n, _ in sent}) < len(sent):
            TRIED["repeated-parameter"] += 1
        fill = [(n, defaults[n]) for n in required if n not in {s for s, _ in sent}]
        query = "&".join(f"{quote(n)}={_encode(v)}" for n, v in sent + fill)
        url = path + ("?" + query if query else "")
        assume(len(url) < 60_000)  # the test client's own limit is 64 KiB; the server refuses 4 KiB already
        before = len(statements)
        response = client.get(url)
        try:
            check_answer(response, route.path, sent + [(n, v) for n, (_, v) in ids.items()], set(path_names))
            for value in [v for _, v in sent] + [v for _, v in ids.values()]:
                text = _decoded(value)
                if len(text) >= 6 and text.strip() and (any(c in text for c in "'\"%;") or not text.isascii()):
                    leaked = [s for s in statements[before:] if text in s]
                    assert not leaked, f"{text[:40]!r} was formatted into SQL: {leaked[0][:200]}"
        except AssertionError:
            PROBLEMS[route.path] += 1
            raise

    run()


def test_the_recorder_sees_the_statements(recorded):
    client, statements = recorded
    before = len(statements)
    assert client.get("/api/articles", params={"outlet": "Kompas.com"}).json()["total"] == 2
    assert any("FROM articles" in s for s in statements[before:])


def test_every_get_route_survives_adversarial_parameters(recorded, demo_db):
    client, statements = recorded
    routes = get_routes(client.app)
    paths = {r.path for r in routes}
    assert {"/api/articles", "/api/events", "/api/search", "/", "/events", "/search", "/articles/{article_id}",
            "/actors/{actor_id:path}"} <= paths  # the enumeration finds the API and the pages
    before = fingerprint(demo_db)
    for route in routes:
        _run_route(client, statements, route)
    assert fingerprint(demo_db) == before


@pytest.mark.parametrize("value", ["wartaCanary' OR '1'='1", "wartaCanary\"; DROP TABLE articles; --",
                                   "wartaCanary%_\\%"])
def test_no_value_is_ever_formatted_into_sql(recorded, demo_db, value):
    """A marked value in every query parameter of every route, one at a time: the marker never reaches a
    statement's text, and every route that reads the store was seen running statements."""
    client, statements = recorded
    before_store = fingerprint(demo_db)
    defaults = {"q": "pasukan", "a": "CHN", "b": "RUS"}
    ran = 0
    for route in get_routes(client.app):
        path = route.path
        for p in route.dependant.path_params:
            path = fill_path(path, p.alias, quote(value, safe=""))
        for p in route.dependant.query_params or [None]:
            params = {n: v for n, v in defaults.items() if n in {q.alias for q in route.dependant.query_params}}
            if p is not None:
                params[p.alias] = value
            before = len(statements)
            response = client.get(path, params=params)
            TRIED["sql"] += 1
            assert response.status_code < 500, (path, p and p.alias, response.text[:300])
            ran += len(statements) - before
            assert not [s for s in statements[before:] if "wartaCanary" in s], (path, p and p.alias)
    assert ran > 50
    assert fingerprint(demo_db) == before_store


@pytest.mark.parametrize(("url", "expected"), [
    ("/api/articles?outlet=%25", 0), ("/api/articles?outlet=_ompas.com", 0), ("/api/articles?outlet=KOMPAS.COM", 2),
    ("/api/articles?q=%25", 0), ("/api/articles?q=_", 0),
])
def test_like_wildcards_from_the_user_match_only_themselves(recorded, url, expected):
    """``%`` and ``_`` sent to the article filters are letters, not wildcards (they matched every article)."""
    client, _ = recorded
    assert client.get(url).json()["total"] == expected


def test_repeated_and_many_parameters(recorded):
    client, _ = recorded
    both = client.get("/api/articles?limit=1&limit=2&outlet=x&outlet=Kompas.com")
    assert both.status_code == 200 and len(both.json()["items"]) <= 2
    bad = client.get("/api/articles?limit=1&limit=-5")
    assert bad.status_code == 422 and "limit" in bad.json()["detail"]
    many = client.get("/api/articles?" + "&".join(f"p{i}=1" for i in range(65)))
    assert many.status_code == 400 and "parameters" in many.json()["detail"]
    TRIED["repeated-parameter"] += 3


@pytest.mark.parametrize("url", ["/api/timeline?a=CHN&b=RUS&by=", "/dyad?a=CHN&b=RUS&by="])
def test_an_empty_period_is_the_default_month(recorded, url):
    """Regression: ``by=`` (empty) reached the timeline as None and failed with a 500 (found by schemathesis)."""
    client, _ = recorded
    response = client.get(url)
    assert response.status_code == 200
    if url.startswith("/api"):
        assert response.json()["by"] == "month"
