"""A real warta server (uvicorn on a free 127.0.0.1 port, in a thread) over the demo corpus plus one crafted
article, and a headless system Chromium driven by selenium. Everything here is built once per session.

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

import pytest

from warta.ingest import ingest
from warta.store import Store
from warta.store.search import update_search_index

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
