"""The read-only JSON API over the demo store: every route's happy path and shape, filters as in the CLI,
pagination, 4xx messages, injection-looking values, limits and headers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from warta.cli.main import main
from warta.server import ApiSettings, create_app
from warta.store import Store, StoreError


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db)) as client:
        yield client


def _cli_json(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_health_says_what_the_store_holds(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["articles"] == 16 and body["stories"] >= 1
    assert body["search_index"]["complete"] and body["read_only"] and body["ingest"] is False


def test_articles_list_envelope_and_pagination(client):
    first = client.get("/api/articles", params={"limit": 5}).json()
    assert set(first) == {"items", "limit", "offset", "total", "next_offset"}
    assert first["total"] == 16 and first["limit"] == 5 and first["offset"] == 0 and first["next_offset"] == 5
    assert set(first["items"][0]) == {"id", "published", "outlet", "title", "language", "chars", "url", "source",
                                      "story_id"}
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    last = client.get("/api/articles", params={"limit": 5, "offset": 15}).json()
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(set(ids)) == 10 and len(last["items"]) == 1 and last["next_offset"] is None
    everything = client.get("/api/articles", params={"limit": 500}).json()["items"]
    published = [a["published"] for a in everything]
    assert published == sorted(published)
    newest = client.get("/api/articles", params={"limit": 500, "order": "desc"}).json()["items"]
    assert [a["id"] for a in newest] == [a["id"] for a in everything][::-1]


def test_articles_filters(client, demo_db):
    kompas = client.get("/api/articles", params={"outlet": "kompas.com"}).json()
    assert kompas["total"] == 2 and all(a["outlet"] == "Kompas.com" for a in kompas["items"])
    january = client.get("/api/articles", params={"since": "2022-01", "until": "2022-01-31"}).json()["items"]
    assert january and all(a["published"].startswith("2022-01") for a in january)
    story_id = january[0]["story_id"]
    in_story = client.get("/api/articles", params={"story": story_id}).json()["items"]
    assert in_story and all(a["story_id"] == story_id for a in in_story)
    with Store(demo_db, read_only=True) as store:
        assert {a["id"] for a in in_story} == {a["id"] for a in store.get_story(story_id)["articles"]}
    titled = client.get("/api/articles", params={"q": "g20"}).json()["items"]
    assert titled and all("g20" in a["title"].lower() for a in titled)


def test_one_article_is_the_stored_contract_with_its_story(client, demo_db):
    some = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/api/articles/{some['id']}").json()
    with Store(demo_db, read_only=True) as store:
        assert body == store.get_article(some["id"]) | {"story_id": some["story_id"]}
    assert client.get(f"/api/articles/{some['id'][:6]}").json()["id"] == some["id"]
    missing = client.get("/api/articles/0000dead")
    assert missing.status_code == 404 and "0000dead" in missing.json()["detail"]


def test_stories_have_the_cli_json_shape(client, demo_db):
    body = client.get("/api/stories", params={"limit": 50}).json()
    assert body["items"] == _cli_json("stories", "--db", demo_db, "--format", "json")
    assert body["total"] == len(body["items"])
    grouped = client.get("/api/stories", params={"min_articles": 2}).json()["items"]
    assert grouped and all(s["article_count"] >= 2 for s in grouped)
    kaz = client.get("/api/stories", params={"country": "KAZ"}).json()["items"]
    assert kaz == _cli_json("stories", "--db", demo_db, "--country", "KAZ", "--format", "json")
    late = client.get("/api/stories", params={"since": "2022-11"}).json()["items"]
    assert late and all(s["end"] >= "2022-11-01" for s in late)
    paged = [client.get("/api/stories", params={"limit": 2, "offset": o}).json()["items"] for o in (0, 2)]
    assert [s["id"] for s in paged[0] + paged[1]] == [s["id"] for s in body["items"][:4]]


def test_one_story(client, demo_db):
    grouped = client.get("/api/stories", params={"min_articles": 2}).json()["items"][0]
    body = client.get(f"/api/stories/{grouped['id']}").json()
    with Store(demo_db, read_only=True) as store:
        assert body == json.loads(json.dumps(store.get_story(grouped["id"]), default=str))
    assert {"summary", "events", "quotes", "articles", "key_actors"} <= set(body)
    missing = client.get("/api/stories/nosuchstory")
    assert missing.status_code == 404 and "nosuchstory" in missing.json()["detail"]


def test_events_merged_with_mentions_and_filters_as_the_cli(client, demo_db):
    body = client.get("/api/events", params={"limit": 500}).json()
    assert body["items"] == _cli_json("events", "--db", demo_db, "--limit", "500", "--format", "json")
    assert body["total"] == len(body["items"]) and all("mention_list" in e for e in body["items"])
    pair = client.get("/api/events", params={"pair": "CHN-RUS", "limit": 500}).json()
    assert pair["items"] == _cli_json("events", "--db", demo_db, "--pair", "CHN-RUS", "--limit", "500",
                                      "--format", "json")
    assert pair["total"] == len(pair["items"]) > 0
    directed = client.get("/api/events", params={"pair": "RUS-CHN", "directed": True, "limit": 500}).json()
    assert 0 < directed["total"] < pair["total"]
    consult = client.get("/api/events", params={"type": "consult", "since": "2022-01", "until": "2022-01-31"}).json()
    assert consult["items"] and all(e["type"] == "CONSULT" for e in consult["items"])
    story = client.get("/api/stories", params={"min_articles": 2}).json()["items"][0]["id"]
    of_story = client.get("/api/events", params={"story": story, "limit": 500}).json()["items"]
    assert of_story and all(e["story_id"] == story for e in of_story)
    page = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert page["items"] == body["items"][3:6] and page["next_offset"] == 6


def test_event_mentions_and_one_event(client, demo_db):
    rows = client.get("/api/events", params={"mentions": True, "limit": 500}).json()["items"]
    assert rows == _cli_json("events", "--db", demo_db, "--mentions", "--limit", "500", "--format", "json")
    article = rows[0]["article_id"]
    of_article = client.get("/api/events", params={"mentions": True, "article": article}).json()["items"]
    assert of_article and all(r["article_id"] == article for r in of_article)
    merged = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    one = client.get(f"/api/events/{merged['id']}").json()
    assert one["id"] == merged["id"] and len(one["mention_list"]) == one["mentions"]
    assert client.get("/api/events/mnothere").status_code == 404


def test_actors_and_quotes(client, demo_db):
    actors = client.get("/api/actors", params={"limit": 500}).json()
    assert actors["items"] == _cli_json("actors", "--db", demo_db, "--limit", "500", "--format", "json")
    russians = client.get("/api/actors", params={"country": "RUS", "kind": "person"}).json()["items"]
    assert russians and all(a["country"] == "RUS" and a["kind"] == "person" for a in russians)
    quotes = client.get("/api/quotes", params={"limit": 500}).json()
    assert quotes["items"] == _cli_json("quotes", "--db", demo_db, "--limit", "500", "--format", "json")
    lavrov = client.get("/api/quotes", params={"speaker": "lavrov"}).json()["items"]
    assert lavrov and all("lavrov" in json.dumps(q).lower() for q in lavrov)
    direct = client.get("/api/quotes", params={"direct": True, "limit": 500}).json()["items"]
    assert direct and all(q["direct"] for q in direct)


def test_timeline_is_the_cli_series(client, demo_db):
    body = client.get("/api/timeline", params={"a": "CHN", "b": "RUS", "by": "month"}).json()
    cli = _cli_json("timeline", "CHN", "RUS", "--db", demo_db, "--no-chart", "--format", "json")
    assert body == {k: v for k, v in cli.items() if k != "charts"}
    assert body["events"] > 0 and all(p["event_ids"] or p["events"] == 0 for p in body["periods"])


def test_search_finds_an_article_by_a_word_of_its_text(client, demo_db):
    with Store(demo_db, read_only=True) as store:
        target = store.get_article(store.list_articles(limit=1)[0]["id"])
    word = max((w for w in target["text"].split() if w.isalpha()), key=len)
    body = client.get("/api/search", params={"q": word}).json()
    assert body["method"] == "index" and body["total"] >= 1
    hit = next(h for h in body["items"] if h["id"] == target["id"])
    snippet = hit["snippet"]
    assert target["text"][snippet["start"]:snippet["end"]] == snippet["text"]
    s, e = snippet["highlights"][0]
    assert snippet["text"][s:e].lower() == word.lower()
    two = client.get("/api/search", params={"q": "Lavrov Wang"}).json()
    lavrov = {h["id"] for h in client.get("/api/search", params={"q": "lavrov", "limit": 100}).json()["items"]}
    assert two["terms"] == ["lavrov", "wang"] and {h["id"] for h in two["items"]} <= lavrov
    assert client.get("/api/search", params={"q": "zzqqxxnotaword"}).json()["total"] == 0


@pytest.mark.parametrize(("url", "parameter"), [
    ("/api/articles?since=2022-13-01", "since"),
    ("/api/articles?until=yesterday", "until"),
    ("/api/events?since=2022-02-30", "since"),
    ("/api/articles?limit=0", "limit"),
    ("/api/articles?limit=501", "limit"),
    ("/api/stories?offset=-1", "offset"),
    ("/api/stories?offset=10001", "offset"),
    ("/api/stories?min_articles=0", "min_articles"),
    ("/api/events?pair=CHN", "pair"),
    ("/api/events?pair=A-B-C", "pair"),
    ("/api/events?type=HUG", "type"),
    ("/api/events?modality=perhaps", "modality"),
    ("/api/events?negated=maybe", "negated"),
    ("/api/events?mentions=true&story=s123", "mentions"),
    ("/api/actors?sector=XYZ", "sector"),
    ("/api/actors?kind=robot", "kind"),
    ("/api/timeline?a=CHN", "b"),
    ("/api/timeline?a=CHN&b=RUS&by=year", "by"),
    ("/api/search?q=", "q"),
    ("/api/search?q=%21%21%21", "q"),
    ("/api/articles?order=random", "order"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["detail"].startswith(f"{parameter}:") or f"{parameter}:" in body["detail"]
    assert any(e["parameter"] == parameter for e in body["errors"])


INJECTIONS = ["' OR '1'='1", "x'; DROP TABLE articles; --", "\" OR 1=1 --", "1) UNION SELECT id FROM articles --",
              "%' AND 1=0 UNION SELECT 1 --", "\\'; SELECT * FROM inputs; --"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(("path", "name"), [
    ("/api/articles", "outlet"), ("/api/articles", "story"), ("/api/stories", "actor"), ("/api/stories", "country"),
    ("/api/stories", "title"), ("/api/events", "actor"), ("/api/events", "country"), ("/api/events", "article"),
    ("/api/events", "story"), ("/api/actors", "name"), ("/api/actors", "country"), ("/api/quotes", "speaker"),
    ("/api/quotes", "article"),
])
def test_injection_looking_filters_find_nothing(client, path, name, value):
    response = client.get(path, params={name: value})
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_looking_ids_pairs_and_queries_are_not_errors(client, demo_db, value):
    assert client.get("/api/events", params={"pair": f"{value}-RUS"}).json()["items"] == []
    assert client.get(f"/api/articles/{value}").status_code == 404
    assert client.get("/api/stories/" + value.replace("/", "")).status_code == 404
    assert client.get("/api/search", params={"q": value}).status_code in (200, 422)
    assert client.get("/api/timeline", params={"a": value, "b": "RUS"}).json()["events"] == 0
    with Store(demo_db, read_only=True) as store:
        assert store.counts()["articles"] == 16


def test_the_ingest_route_is_absent_by_default(client):
    assert client.post("/api/ingest", content=b'{"text": "x"}').status_code in (404, 405)
    assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]


def test_openapi_describes_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/events", "/api/events/{event_id}", "/api/actors", "/api/quotes", "/api/timeline",
                 "/api/search", "/api/health"):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_request_size_limits_and_security_headers(client):
    big = client.request("GET", "/api/articles", content=b"x" * (65 * 1024))
    assert big.status_code == 413 and "bytes" in big.json()["detail"]
    long_query = client.get("/api/articles", params={"outlet": "a" * 5000})
    assert long_query.status_code == 414
    ok = client.get("/api/health")
    assert ok.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in ok.headers["content-security-policy"]
    assert client.get("/api/../../etc/passwd").status_code == 404


def test_host_check_when_allowed_hosts_are_set(demo_db):
    app = create_app(demo_db, settings=ApiSettings(allowed_hosts=("127.0.0.1", "localhost")))
    with TestClient(app) as client:
        assert client.get("/api/health").status_code == 400  # the test client says Host: testserver
        assert client.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_create_app_refuses_a_missing_store_and_ingest_without_a_token(tmp_path, demo_db):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "absent.duckdb")
    with pytest.raises(ValueError, match="token"):
        create_app(demo_db, allow_ingest=True)
    with pytest.raises(ValueError, match="token"):
        create_app(demo_db, allow_ingest=True, token="short")
