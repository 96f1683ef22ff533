"""The analyst's pages in a real (headless) Chromium over the demo store: what a user sees and clicks.

A real warta server (uvicorn on a free 127.0.0.1 port, in a thread) over the demo corpus plus one crafted
article, and a headless system Chromium driven by selenium. The store, server and browser are built once per session.

The tests skip, saying why, when selenium, chromium or chromedriver is missing (``.ci/run`` installs
Debian's ``chromium`` and ``chromium-driver``). ``WARTA_CHROMIUM`` / ``WARTA_CHROMEDRIVER`` point at other
binaries. Each test leaves a screenshot in ``artifacts/screenshots/<test>.png``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from warta.ingest import ingest
from warta.store import Store
from warta.store.search import update_search_index

pytestmark = pytest.mark.slow

By = pytest.importorskip("selenium.webdriver.common.by", reason="selenium is not installed").By


REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SCREENSHOTS = REPO / "artifacts" / "screenshots"
FORMATS = ("text", "html", "warc", "jsonl")

#: an article a scraper could have saved: markup in its title and body must reach the reader as text
CRAFTED = {
    "url": "https://contoh.example/berita/uji-skrip", "outlet": "Contoh Berita",
    "title": "Uji <script>alert('judul')</script> di Jakarta", "published": "2022-03-02T10:00:00+07:00",
    "text": "Jakarta - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri China Wang Yi di Jakarta pada "
            "Rabu (2/3/2022).\n\nPesan dari pembaca: <script>document.title='diretas'</script> dan "
            "<img src=x onerror=\"document.title='diretas'\"> harus tampil sebagai teks.\n\n"
            "Kedua menteri membahas kerja sama ekonomi kedua negara.",
}


def _binary(env: str, *names: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env] if os.access(os.environ[env], os.X_OK) else None
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("browser")
    crafted = folder / "crafted.jsonl"
    crafted.write_text(json.dumps(CRAFTED, ensure_ascii=False) + "\n", encoding="utf-8")
    path = str(folder / "demo.duckdb")
    with Store(path) as store:
        ingest([str(EXAMPLES / kind) for kind in FORMATS] + [str(crafted)], store, batch_size=50)
        update_search_index(store.con)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(browser_store) -> str:
    """The base address of the app served by uvicorn on 127.0.0.1."""
    import uvicorn

    from warta.server.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(browser_store), host="127.0.0.1", port=port, log_level="warning",
                            server_header=False)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, name="warta-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def api(server):
    """GET one API path as JSON (what the pages should show)."""
    def get(path: str):
        with urllib.request.urlopen(server + path, timeout=10) as response:
            return json.loads(response.read())
    return get


@pytest.fixture(scope="session")
def driver():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    chromium = _binary("WARTA_CHROMIUM", "chromium", "chromium-browser")
    chromedriver = _binary("WARTA_CHROMEDRIVER", "chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("the browser tests need the system chromium and chromedriver "
                    "(apt-get install chromium chromium-driver); "
                    f"found chromium={chromium or 'no'}, chromedriver={chromedriver or 'no'}")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions", "--lang=en"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


@pytest.fixture
def page(driver, server, request):
    """The browser, with a screenshot of where the test ended saved as an artefact."""
    yield driver
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{request.node.name}.png"))


def _go(page, action, path_prefix: str, timeout: float = 15) -> None:
    """Do what navigates (a click, a form submit) and wait until the new page has loaded: a submit does not
    wait for the navigation it starts, so asserting on current_url at once can see the old page."""
    from selenium.webdriver.support.ui import WebDriverWait

    action()
    WebDriverWait(page, timeout).until(
        lambda d: urlparse(d.current_url).path.startswith(path_prefix)
        and d.execute_script("return document.readyState") == "complete")


def _no_script(page) -> None:
    """The pages work without JavaScript: they carry none."""
    assert page.find_elements(By.TAG_NAME, "script") == []


def test_story_list_to_story_to_event_mention_to_article(page, server, api):
    page.get(server + "/")
    rows = page.find_elements(By.CSS_SELECTOR, "tr.story-row")
    assert len(rows) == api("/api/stories")["total"] or len(rows) == len(api("/api/stories")["items"])
    assert all(row.find_elements(By.CSS_SELECTOR, "svg.spark rect") for row in rows), "every story has a sparkline"
    _no_script(page)

    _go(page, page.find_element(By.PARTIAL_LINK_TEXT, "Presiden Kazakhstan").click, "/stories/")
    story_id = urlparse(page.current_url).path.rsplit("/", 1)[-1]
    story = api(f"/api/stories/{story_id}")
    assert page.find_element(By.CSS_SELECTOR, "h1.story-title").text == story["title"]
    assert "Kazakhstan" in story["title"]
    outlets = page.find_element(By.XPATH, "//dt[text()='Outlets']/following-sibling::dd[1]").text
    assert set(story["outlets"]) == set(outlets.split(", "))

    mention = page.find_element(By.CSS_SELECTOR, "ol.events a.mention")
    trigger = mention.text.split("“", 1)[1].rstrip("”")
    _go(page, mention.click, "/articles/")

    url = urlparse(page.current_url)
    assert url.path.startswith("/articles/")
    article = api("/api/articles/" + url.path.rsplit("/", 1)[-1])
    start, end = (int(x) for x in parse_qs(url.query)["s"][0].split("-"))
    assert page.find_element(By.CSS_SELECTOR, "h1.article-title").text == article["title"]
    highlighted = page.find_element(By.CSS_SELECTOR, ".sent.highlight")
    assert highlighted.is_displayed() and highlighted.get_attribute("id") == f"s-{start}-{end}"
    assert highlighted.text == article["text"][start:end].strip()
    assert trigger in highlighted.text
    assert highlighted.find_elements(By.CSS_SELECTOR, ".trigger"), "the event's trigger is marked"
    linked = [e for e in article["entities"] if e.get("actor")]
    entity = page.find_element(By.CSS_SELECTOR, f"a.ent[href='/actors/{linked[0]['actor']}']")
    assert entity.is_displayed() and entity.text in linked[0]["text"]
    _no_script(page)


def test_removed_debris_opens_with_its_reasons(page, server, api):
    stored = api("/api/articles?limit=100")["items"]
    doc = next(d for d in (api(f"/api/articles/{a['id']}") for a in stored) if len(d["removed"]) >= 3)
    page.get(f"{server}/articles/{doc['id']}")
    table = page.find_element(By.CSS_SELECTOR, "details.removed table")
    assert not table.is_displayed(), "the debris is hidden until asked for"
    page.find_element(By.CSS_SELECTOR, "details.removed summary").click()
    assert table.is_displayed()
    reasons = [td.text for td in page.find_elements(By.CSS_SELECTOR, "details.removed td.reason")]
    assert reasons == [r["reason"] for r in doc["removed"]]
    first = page.find_element(By.CSS_SELECTOR, "details.removed td.debris").text
    assert first == doc["removed"][0]["text"].strip()


def test_dyad_chart_bar_links_to_that_periods_events(page, server, api):
    page.get(server + "/dyad?a=CHN&b=RUS&by=month")
    timeline = api("/api/timeline?a=CHN&b=RUS&by=month")
    busy = [p for p in timeline["periods"] if p["events"]]
    links = page.find_elements(By.CSS_SELECTOR, "svg.dyad a.bar-link")
    assert len(links) == len(busy) > 0
    rows = page.find_elements(By.CSS_SELECTOR, "table.dyad-table tbody tr")
    assert len(rows) == len(timeline["periods"])
    _go(page, links[0].find_element(By.CSS_SELECTOR, "rect.slot").click, "/events")

    query = parse_qs(urlparse(page.current_url).query)
    assert urlparse(page.current_url).path == "/events" and query["pair"] == ["CHN-RUS"]
    assert query["since"] == [busy[0]["start"]]
    shown = page.find_elements(By.CSS_SELECTOR, "table.events-table a.event-link")
    assert len(shown) == len(busy[0]["event_ids"]) >= busy[0]["events"]  # mutual acts: two records, one event
    ids = {a.get_attribute("href").rsplit("/", 1)[-1] for a in shown}
    assert ids == set(busy[0]["event_ids"])


def test_search_from_the_nav_finds_marked_words_and_opens_the_article(page, server, api):
    page.get(server + "/")
    box = page.find_element(By.CSS_SELECTOR, "nav.top input[name=q]")
    box.send_keys("pasukan")
    _go(page, box.submit, "/search")
    assert urlparse(page.current_url).path == "/search"
    results = page.find_elements(By.CSS_SELECTOR, "li.result")
    expected = api("/api/search?q=pasukan&limit=20")
    assert len(results) == len(expected["items"]) > 0
    marks = page.find_elements(By.CSS_SELECTOR, "li.result mark")
    assert marks and all(m.text.lower() == "pasukan" for m in marks)
    first = page.find_element(By.CSS_SELECTOR, "a.result-link")
    title = first.text
    _go(page, first.click, "/articles/")
    assert page.find_element(By.CSS_SELECTOR, "h1.article-title").text == title == expected["items"][0]["title"]


def test_markup_in_a_scraped_article_shows_as_text(page, server, api):
    hit = api("/api/search?q=diretas")["items"]
    assert len(hit) == 1
    page.get(f"{server}/articles/{hit[0]['id']}")
    assert page.find_element(By.CSS_SELECTOR, "h1.article-title").text == "Uji <script>alert('judul')</script> di Jakarta"
    body = page.find_element(By.CSS_SELECTOR, "article.text").text
    assert "<script>document.title='diretas'</script>" in body
    assert "<img src=x onerror=" in body
    _no_script(page)
    assert page.find_elements(By.CSS_SELECTOR, "article img") == []
    assert "diretas" not in page.title
    page.get(f"{server}/search?q=diretas")
    assert "<script>" in page.find_element(By.CSS_SELECTOR, "a.result-link").text
    _no_script(page)


def test_actor_page_from_an_entity_shows_counterparts_and_network(page, server, api):
    page.get(f"{server}/actors/sergey-lavrov")
    assert page.find_element(By.CSS_SELECTOR, "h1.actor-name").text == "Sergei Lavrov"
    offices = page.find_elements(By.CSS_SELECTOR, "ul.offices li")
    assert any("Foreign" in li.text for li in offices)
    nodes = page.find_elements(By.CSS_SELECTOR, "svg.network a")
    counterparts = page.find_elements(By.CSS_SELECTOR, "table.counterparts tbody tr")
    assert counterparts and len(nodes) == min(len(counterparts), 12)
    assert page.find_elements(By.CSS_SELECTOR, "table.by-type tr")


def test_unknown_ids_answer_a_404_page(page, server):
    for path in ("/stories/s000000nothere", "/articles/nothere00", "/events/mnothere", "/actors/nobody-here",
                 "/no/such/page"):
        page.get(server + path)
        assert page.find_element(By.CSS_SELECTOR, "h1.error-title").text.startswith("404"), path
        assert page.find_element(By.CSS_SELECTOR, "nav.top a.brand").is_displayed()


def test_story_to_event_page_to_each_report_of_it(page, server, api):
    stories = api("/api/stories?min_articles=2&limit=50")["items"]
    story = next(s for s in stories if "Kazakhstan" in (s["title"] or ""))
    page.get(f"{server}/stories/{story['id']}")
    events = api(f"/api/events?story={story['id']}&limit=500")["items"]
    reported_twice = next(e for e in events if e["articles"] >= 2)
    link = page.find_element(By.CSS_SELECTOR, f"a.event-link[href='/events/{reported_twice['id']}']")
    _go(page, link.click, "/events/")
    assert page.find_element(By.CSS_SELECTOR, "h1.event-title").text
    mentions = page.find_elements(By.CSS_SELECTOR, "ol.mentions a.mention")
    assert len(mentions) == reported_twice["mentions"] >= 2  # one real event, every report of it listed
    outlets = {m.text.split(" · ")[0] for m in mentions}
    assert set(reported_twice["outlets"]) <= outlets
    _go(page, mentions[-1].click, "/articles/")
    url = urlparse(page.current_url)
    start, end = (int(x) for x in parse_qs(url.query)["s"][0].split("-"))
    article = api("/api/articles/" + url.path.rsplit("/", 1)[-1])
    highlighted = page.find_element(By.CSS_SELECTOR, ".sent.highlight")
    assert highlighted.get_attribute("id") == f"s-{start}-{end}"
    assert highlighted.text == article["text"][start:end].strip()
