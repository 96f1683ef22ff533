"""The web pages over the demo store (TestClient): every page renders, unknown ids answer an HTML 404,
text from articles is escaped, the article's marks are cut from its spans; and ``serve_demo``."""

from __future__ import annotations

import html
import json

import pytest
from fastapi.testclient import TestClient

from warta.ingest import ingest
from warta.store import Store
from warta.server import cli as server_cli
from warta.server.app import create_app
from warta.server.pages import CSP, dyad_bars, mark_article, sparkline

CRAFTED = {"url": "javascript:alert(1)", "outlet": "Contoh <b>Berita</b>", "title": "Judul <script>alert(1)</script>",
           "published": "2022-03-02T10:00:00+07:00",
           "text": "Jakarta - Menteri Luar Negeri Retno Marsudi bertemu Wang Yi di Jakarta pada Rabu (2/3/2022).\n\n"
                   "Pesan pembaca: <script>document.title='x'</script> <img src=x onerror=alert(2)> tetap teks."}


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db)) as test_client:
        yield test_client


def _story_ids(client) -> list[str]:
    return [s["id"] for s in client.get("/api/stories").json()["items"]]


def test_every_page_renders_with_the_page_headers(client):
    story = _story_ids(client)[0]
    detail = client.get(f"/api/stories/{story}").json()
    event = detail["events"][0]
    article = event["mention_list"][0]["article_id"]
    actor = detail["key_actors"][0]["id"]
    for path in ("/", "/?country=KAZ&since=2022-01", "/?page=2", f"/stories/{story}", f"/articles/{article}",
                 f"/events/{event['id']}", "/events?pair=CHN-RUS", "/dyad?a=CHN&b=RUS&by=week", f"/actors/{actor}",
                 "/search?q=pasukan", "/search?q="):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"] == CSP
        assert "<script" not in response.text and "http://" not in response.text.split("<main>")[0]
    css = client.get("/static/warta.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


def test_the_story_list_filters_and_pages(client):
    everything = client.get("/").text
    assert everything.count('class="story-row"') == len(_story_ids(client))
    only = client.get("/?country=LKA").text
    assert only.count('class="story-row"') == 1 and "Sri Lanka" in only
    assert "No story matches" in client.get("/?since=2030-01-01").text


def test_unknown_ids_and_bad_parameters_answer_html_pages_and_the_api_stays_json(client):
    for path in ("/stories/nothere", "/articles/nothere", "/events/mnothere", "/actors/nobody", "/no/page",
                 "/static/../app.py", "/static/%2e%2e/app.py"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html") and "404" in response.text
        assert "app.py" not in response.text or "create_app" not in response.text
    bad = client.get("/?since=yesterday")
    assert bad.status_code == 422 and "since" in bad.text and bad.headers["content-type"].startswith("text/html")
    assert client.get("/dyad?by=year").status_code == 422
    api = client.get("/api/stories/nothere")
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/json")
    assert client.get("/api/no-such-route").json() == {"detail": "Not Found"}


def test_markup_from_a_scraped_article_is_escaped_everywhere(demo_copy, tmp_path):
    crafted = tmp_path / "crafted.jsonl"
    crafted.write_text(json.dumps(CRAFTED) + "\n", encoding="utf-8")
    with Store(demo_copy) as store:
        ingest([str(crafted)], store)
        aid = store.con.execute("SELECT id FROM articles WHERE title LIKE 'Judul%'").fetchone()[0]
    with TestClient(create_app(demo_copy)) as client:
        page = client.get(f"/articles/{aid}").text
        story = client.get(f"/stories/{aid}").text  # an article id finds its story
        found = client.get("/search?q=pembaca").text
    for text in (page, story, found):
        assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert html.escape("Judul <script>alert(1)</script>", quote=False) in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert 'href="javascript:' not in page  # a scraped url is linked only when it is http(s)


def test_mark_article_cuts_the_text_at_every_span_and_keeps_it_whole():
    text = "Menlu China Wang Yi menelepon Lavrov. Ia berkata \"damai\" kemarin."
    doc = {"text": text,
           "entities": [{"start": 6, "end": 19, "text": "China Wang Yi", "label": "LOC", "actor": None},
                        {"start": 12, "end": 19, "text": "Wang Yi", "label": "PER", "actor": "wang-yi"},
                        {"start": 30, "end": 36, "text": "Lavrov", "label": "PER", "actor": "sergey-lavrov"},
                        {"start": 50, "end": 999, "text": "bad", "label": "PER", "actor": None}],
           "events": [{"type": "CONSULT", "sentence": [0, 37], "trigger_span": [20, 29], "negated": False,
                       "source": {"actor": "wang-yi", "text": "Wang Yi"},
                       "target": {"actor": "sergey-lavrov", "text": "Lavrov"}}],
           "quotes": [{"start": 50, "end": 55, "sentence": [38, 65], "speaker": {"name": "Ia"}}]}
    blocks = mark_article(doc, highlight=(0, 37))
    assert "".join(p["text"] for b in blocks for p in b["parts"]) == text
    first = blocks[0]
    assert first["sentence"] == (0, 37) and first["highlight"] and first["id"] == "s-0-37"
    parts = {p["text"]: p for p in first["parts"]}
    assert parts["Wang Yi"]["href"] == "/actors/wang-yi" and "ent-PER" in parts["Wang Yi"]["classes"]
    assert parts["China "]["href"] is None and "ent-LOC" in parts["China "]["classes"]
    assert "trigger" in parts["menelepon"]["classes"]
    quoted = [p for b in blocks for p in b["parts"] if "quote" in p["classes"]]
    assert [p["text"] for p in quoted] == ["damai"]
    assert not mark_article(doc, highlight=(0, 37))[1]["highlight"]
    assert all(not b["highlight"] for b in mark_article(doc, highlight=None))


def test_sparkline_counts_articles_per_day():
    story = {"start": "2022-01-05", "end": "2022-01-11",
             "articles": [{"published": "2022-01-05T10:00:00+07:00"}, {"published": "2022-01-05T12:00:00+07:00"},
                          {"published": "2022-01-11T09:00:00+07:00"}]}
    spark = sparkline(story)
    assert len(spark["bars"]) == 7
    heights = [b["h"] for b in spark["bars"]]
    assert heights[0] > heights[-1] > 0 and heights[1:-1] == [0] * 5
    assert sparkline({"start": None, "end": None, "articles": []})["bars"] == []
    long = sparkline({"start": "2022-01-01", "end": "2022-12-31", "articles": [{"published": "2022-06-01"}]})
    assert len(long["bars"]) <= 60 and sum(1 for b in long["bars"] if b["h"]) == 1


def test_dyad_bars_link_each_busy_period_to_its_whole_span():
    data = {"a": "CHN", "b": "RUS", "periods": [
        {"period": "2022-01", "start": "2022-01-01", "events": 2, "cooperation": 2, "conflict": 0},
        {"period": "2022-02", "start": "2022-02-01", "events": 0, "cooperation": 0, "conflict": 0},
        {"period": "2022-12", "start": "2022-12-01", "events": 1, "cooperation": 0, "conflict": 1}]}
    bars = dyad_bars(data, by="month")["bars"]
    assert bars[0]["href"] == "/events?pair=CHN-RUS&since=2022-01-01&until=2022-01-31"
    assert bars[1]["href"] is None
    assert bars[2]["href"].endswith("since=2022-12-01&until=2022-12-31")
    assert bars[0]["coop_h"] > 0 and bars[0]["conf_h"] == 0 and bars[2]["conf_h"] > 0


def test_serve_demo_says_where_and_opens_a_browser_only_with_a_display(demo_db, monkeypatch, capsys):
    served, opened = [], []
    monkeypatch.setattr("warta.server.app.run_server", lambda db, **kw: served.append((db, kw)))
    monkeypatch.setattr(server_cli, "_open_when_up", lambda url, port: opened.append(url))
    monkeypatch.setattr(server_cli.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    server_cli.serve_demo(demo_db, 8123, open_browser=True)
    assert served == [(demo_db, {"host": "127.0.0.1", "port": 8123})] and opened == []
    assert "http://127.0.0.1:8123/" in capsys.readouterr().out
    monkeypatch.setenv("DISPLAY", ":0")
    server_cli.serve_demo(demo_db, 8124, open_browser=True)
    server_cli.serve_demo(demo_db, 8125, open_browser=False)
    for _ in range(50):
        if opened:
            break
        import time
        time.sleep(0.02)
    assert opened == ["http://127.0.0.1:8124/"]
