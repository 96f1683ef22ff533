"""Issue 8, item 5: safe rendering. Articles whose title, outlet, author, url, dateline, text, removed debris,
entities, actors (ids and names), events, quotes and speakers hold markup are ingested (through
``warta.ingest`` with the real pipeline plus one component that plants the markup where the analysis would
put names) and every page that can show them is parsed: no tag the templates do not write, no event-handler
attribute, no ``href``/``src``/``action`` that is not a path or an http(s) URL (so never ``javascript:``),
the markup shown as text, and the Content-Security-Policy on every HTML answer.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from warta.api import build_pipeline
from warta.document import Removed
from warta.ingest import ingest
from warta.pipeline import Pipeline
from warta.server.app import create_app
from warta.server.pages import CSP, TEMPLATES
from warta.store import Store

PAYLOADS = {
    "script": "<script>alert('s')</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "textarea": "</textarea><svg/onload=alert(2)>",
    "style": "</style><style>body{background:url(javascript:alert(3))}</style>",
    "comment": "--><!--<iframe src=javascript:alert(4)>",
    "single-quote": "' onmouseover='alert(5)' x='",
    "entity": "&lt;script&gt;alert(6)&lt;/script&gt; &#106;avascript:alert(7)",
}
HOSTILE = " ".join(PAYLOADS.values())
ACTOR_IDS = ["javascript:alert(8)", '"><script>alert(9)</script>', "x' onclick='alert(10)"]
URLS = ["javascript:alert(document.domain)//https://", " JaVaScRiPt:alert(11)", "data:text/html,<script>alert(12)</script>",
        'https://example.org/"><script>alert(13)</script>?a=1&b=<i>']
SAFE_LINK = re.compile(r"^(/|\?|#|https?://)")
TRIED: Counter = Counter()


class PlantMarkup:
    """A pipeline component that puts markup in every field the analysis fills (names, roles, triggers,
    quotes, speakers, event sides) of the crafted articles, as a hostile page might make them."""

    name = "plant-markup"
    needs = frozenset({"text", "entities", "actors", "events", "quotes"})
    sets = frozenset({"author", "dateline"})

    def __call__(self, doc):
        first = doc.text.index(".") + 1
        doc.author = "Penulis " + HOSTILE
        doc.dateline = PAYLOADS["attribute"]
        doc.removed.append(Removed(text=HOSTILE, reason=PAYLOADS["attribute"]))
        for n, actor_id in enumerate(ACTOR_IDS):
            doc.entities.append({"start": n, "end": n + 5, "text": HOSTILE, "label": 'PER" onmouseover="alert(14)',
                                 "actor": actor_id})
            doc.actors.append({"id": actor_id, "name": HOSTILE, "country": "<b>RUS</b>", "sector": "GOV",
                               "role": HOSTILE, "kind": "person", "mentions": [[n, n + 5]]})
        side = lambda actor, country: {"actor": actor, "country": country, "sector": "GOV", "text": HOSTILE}  # noqa: E731
        doc.events.append({"type": "CONSULT", "mode": PAYLOADS["attribute"], "cameo": "040", "negated": False,
                           "modality": "asserted", "date": "2022-03-02", "location": HOSTILE, "sentence": [0, first],
                           "trigger": HOSTILE, "trigger_span": [0, 5], "intensity": 1.0,
                           "reported_by": {"actor": ACTOR_IDS[2], "text": HOSTILE}, "attributed_to": HOSTILE,
                           "source": side(ACTOR_IDS[0], "RUS"), "target": side(ACTOR_IDS[1], "CHN")})
        doc.quotes.append({"text": HOSTILE, "start": 0, "end": first, "direct": True, "sentence": [0, first],
                           "speaker": {"actor": ACTOR_IDS[1], "text": HOSTILE, "name": HOSTILE},
                           "attributed_to": HOSTILE})
        return doc


def _articles() -> list[dict]:
    body = ("Jakarta - Menteri Luar Negeri Retno Marsudi bertemu Wang Yi membahas festival zorbaktan di Jakarta "
            "pada Rabu (2/3/2022). " + HOSTILE + "\n\nPembaca menulis: " + HOSTILE + " tetap teks biasa.")
    return [{"url": url, "title": f"Zorbaktan {n} " + HOSTILE, "outlet": "Contoh " + PAYLOADS["attribute"],
             "published": f"2022-03-0{n + 2}T10:00:00+07:00", "text": body + f" Nomor {n}."}
            for n, url in enumerate(URLS)]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, demo_db):
    import shutil

    folder = tmp_path_factory.mktemp("hostile")
    db = str(folder / "hostile.duckdb")
    shutil.copyfile(demo_db, db)
    crafted = folder / "crafted.jsonl"
    crafted.write_text("".join(json.dumps(a) + "\n" for a in _articles()), encoding="utf-8")
    base = build_pipeline()
    pipeline = Pipeline(base.components + [PlantMarkup()], time_budget=base.time_budget)
    with Store(db) as store:
        run = ingest([str(crafted)], store, pipeline=pipeline)
        assert run.stored == len(URLS), run.to_dict()
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles WHERE title LIKE 'Zorbaktan%' ORDER BY title")
               .fetchall()]
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        yield client, ids
    target = os.environ.get("WARTA_SECURITY_COUNTS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"module": "render", "tried": dict(TRIED)}) + "\n")


class PageCheck(HTMLParser):
    """Collects every tag and every attribute of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    handle_startendtag = handle_starttag


def _template_tags() -> set[str]:
    tags = set()
    for path in Path(TEMPLATES).glob("*.html"):
        tags |= {t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", path.read_text(encoding="utf-8"))}
    return tags | {"html", "head", "body", "meta", "title", "h1", "p", "a"}  # the guard's own refusal page


ALLOWED_TAGS = _template_tags()


def check_page(response, where: str) -> str:
    """The page is HTML with the pages' policy, and nothing in it is active."""
    assert response.headers["content-type"].startswith("text/html"), where
    assert response.headers.get("content-security-policy") == CSP, where
    assert "script-src" not in CSP and "'unsafe-inline'" not in CSP
    page = PageCheck()
    page.feed(response.text)
    unexpected = set(page.tags) - ALLOWED_TAGS
    assert not unexpected, f"{where}: tags {unexpected} that no template writes"
    for tag, name, value in page.attributes:
        assert not name.lower().startswith("on"), f"{where}: <{tag} {name}={value!r}>"
        assert name.lower() not in ("style", "srcdoc", "formaction"), f"{where}: <{tag} {name}>"
        if name.lower() in ("href", "src", "action", "xlink:href", "data"):
            plain = re.sub(r"[\x00-\x20]", "", value).lower()
            assert not plain.startswith(("javascript:", "vbscript:", "data:")), f"{where}: <{tag} {name}={value!r}>"
            assert SAFE_LINK.match(value), f"{where}: <{tag} {name}={value!r}>"
    text = response.text
    for needle in ("<script", "<img", "<svg/", "<iframe", "</textarea", "<style", "<b>", "<i>"):
        assert needle not in text.lower(), f"{where}: {needle} unescaped"
    TRIED["page checked"] += 1
    return text


def _merged_ids(client, article_id) -> list[str]:
    return [e["id"] for e in client.get("/api/events", params={"article": article_id}).json()["items"]]


def test_every_page_shows_planted_markup_as_text(hostile):
    client, ids = hostile
    assert len(ids) == len(URLS)
    pages = ["/", "/?actor=zorbaktan", "/search?q=zorbaktan", "/search?q=" + quote(PAYLOADS["attribute"] + " zorbaktan"),
             "/events?actor=" + quote(ACTOR_IDS[0]), "/events?pair=RUS-CHN", "/dyad?a=RUS&b=CHN",
             "/dyad?a=" + quote(ACTOR_IDS[1]) + "&b=" + quote(PAYLOADS["attribute"]),
             "/?actor=" + quote(PAYLOADS["attribute"])]
    for aid in ids:
        pages += [f"/articles/{aid}", f"/articles/{aid}?s=0-5", f"/stories/{aid}"]
        pages += [f"/events/{mid}" for mid in _merged_ids(client, aid)]
    pages += ["/actors/" + quote(actor_id, safe="") for actor_id in ACTOR_IDS]
    seen_escaped = False
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        text = check_page(response, path)
        seen_escaped |= "&lt;script&gt;alert(" in text
    assert seen_escaped
    article = client.get(f"/articles/{ids[0]}").text
    for field in ("&lt;img src=x onerror=alert(1)&gt;", "&lt;/textarea&gt;", "&amp;lt;script&amp;gt;"):
        assert field in article, field   # shown, as text (an entity in the data stays an entity's text)
    assert client.get("/actors/" + quote(ACTOR_IDS[1], safe="")).text.count("&lt;script&gt;alert(9)") >= 1


def test_only_http_urls_become_links(hostile):
    client, ids = hostile
    for aid in ids:
        doc = client.get(f"/api/articles/{aid}").json()
        page = client.get(f"/articles/{aid}").text
        linked = 'rel="nofollow noopener noreferrer"' in page
        assert linked == doc["url"].startswith(("http://", "https://")), doc["url"]
        TRIED["hostile url"] += 1


def test_error_pages_escape_what_the_client_sent(hostile):
    client, _ = hostile
    for prefix in ("/articles/", "/stories/", "/events/", "/actors/", "/nothing/"):  # planted actor ids are 200
        for payload in list(PAYLOADS.values()) + ACTOR_IDS:
            response = client.get(prefix + quote(payload, safe=""))
            assert response.status_code in (200, 400, 404, 422), (prefix, payload, response.status_code)
            check_page(response, prefix + payload)
    bad = client.get("/?since=" + quote(PAYLOADS["script"]))
    assert bad.status_code == 422 and "since" in check_page(bad, "/?since=<script>")


def test_every_html_answer_has_the_policy(hostile):
    """Pages, error pages, refusals and /docs (its own policy: scripts from this server and one inline
    script by hash, never 'unsafe-inline' for scripts)."""
    client, ids = hostile
    answers = [client.get(p) for p in ("/", f"/articles/{ids[0]}", "/nothing", "/?page=0", "/?x=" + "a" * 5000)]
    answers.append(client.post("/"))
    answers.append(client.get("/stories/" + "a" * 3000))
    for response in answers:
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"] == CSP, response.request.url
        TRIED["page checked"] += 1
    docs = client.get("/docs")
    policy = docs.headers["content-security-policy"]
    scripts = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert "'unsafe-inline'" not in scripts and scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:])
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    api = client.get(f"/api/articles/{ids[0]}")
    assert api.headers["content-type"].startswith("application/json") and api.headers["x-content-type-options"] == "nosniff"
    assert api.headers["content-security-policy"].startswith("default-src 'none'")
