"""POST /api/ingest: only with a token, size-limited, uploads under names of our own, written through
warta.ingest (stories and the search index follow), reads going on meanwhile."""

from __future__ import annotations

import json
import threading

import pytest
from fastapi.testclient import TestClient

from warta.server import ApiSettings, create_app
from warta.server.access import StorePool
from warta.server.ingest_route import safe_name

TOKEN = "a-test-token-of-some-length-42"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# an article of our own, with a made-up word no other article holds
ARTICLE = {
    "title": "Warga Desa Sukamaju Gelar Festival Zorbaktan untuk Pertama Kali",
    "published": "2023-03-14T09:00:00+07:00",
    "outlet": "Contoh News",
    "text": ("Warga Desa Sukamaju, Kabupaten Bandung, menggelar festival zorbaktan untuk pertama kalinya pada "
             "Selasa (14/3/2023). Festival itu menampilkan kerajinan bambu, musik angklung dan makanan khas desa.\n\n"
             "Kepala desa mengatakan festival diharapkan menarik wisatawan dari luar daerah. Panitia mencatat "
             "lebih dari dua ribu pengunjung datang pada hari pertama.\n\n"
             "Pemerintah kabupaten berjanji mendukung festival serupa tahun depan dengan anggaran daerah."),
}


@pytest.fixture
def writable(demo_copy):
    app = create_app(demo_copy, allow_ingest=True, token=TOKEN,
                     settings=ApiSettings(max_upload_bytes=200_000, idle_seconds=0.05))
    with TestClient(app) as client:
        yield client


def test_ingest_needs_the_token(writable):
    body = json.dumps(ARTICLE).encode()
    missing = writable.post("/api/ingest", content=body)
    assert missing.status_code == 401 and "Bearer" in missing.json()["detail"]
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = writable.post("/api/ingest", content=body, headers={"Authorization": "Bearer wrong-token-123456789"})
    assert wrong.status_code == 401
    basic = writable.post("/api/ingest", content=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert writable.get("/api/health").json()["articles"] == 16


def test_oversize_uploads_are_413(writable):
    declared = writable.post("/api/ingest", content=b"x" * 200_001, headers=AUTH)
    assert declared.status_code == 413 and "200,000" in declared.json()["detail"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"y" * 10_000

    streamed = writable.post("/api/ingest", content=chunks(), headers=AUTH)
    assert streamed.status_code == 413
    assert writable.get("/api/health").json()["articles"] == 16


def test_a_jsonl_body_is_ingested_and_found(writable):
    response = writable.post("/api/ingest", content=(json.dumps(ARTICLE) + "\n").encode(),
                             headers=AUTH | {"Content-Type": "application/jsonl"})
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["read"] == 1 and summary["stored"] == 1 and summary["rejected"] == 0
    assert summary["stories"]["articles"] == 1 and summary["search_index"]["complete"]
    assert writable.get("/api/articles").json()["total"] == 17
    hits = writable.get("/api/search", params={"q": "zorbaktan"}).json()
    assert hits["total"] == 1 and hits["items"][0]["title"] == ARTICLE["title"]
    assert hits["items"][0]["story_id"]
    again = writable.post("/api/ingest", content=json.dumps(ARTICLE).encode(), headers=AUTH).json()
    assert again["duplicate"] == 1 and again["stored"] == 0


def test_multipart_files_are_saved_under_our_names(writable, tmp_path):
    files = [("files", ("../../../../tmp/evil.jsonl", json.dumps(ARTICLE).encode(), "application/jsonl")),
             ("files", ("notes.txt", b"\x00\x01\x02 binary junk \x00", "application/octet-stream"))]
    response = writable.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["read"] == 2 and summary["stored"] == 1 and summary["rejected"] == 1
    assert summary["uploaded"] == ["../../../../tmp/evil.jsonl", "notes.txt"]
    assert all("/" not in r["input"] for r in summary["rejects"]), summary["rejects"]
    assert not (tmp_path / "evil.jsonl").exists()


def test_an_empty_upload_is_400(writable):
    response = writable.post("/api/ingest", content=b"", headers=AUTH)
    assert response.status_code == 400 and "no file" in response.json()["detail"]


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd", "0003-passwd"), ("..\\..\\boot.ini", "0003-boot.ini"), (".hidden", "0003-hidden"),
    ("a b;rm -rf *.txt", "0003-a_b_rm_-rf__.txt"), ("", "0003-upload"), (None, "0003-upload"),
])
def test_safe_name_keeps_no_path(given, expected):
    assert safe_name(given, 3) == expected


def test_reads_go_on_while_the_pool_writes(demo_copy):
    pool = StorePool(demo_copy, idle_seconds=0.05)
    with pool.reader() as store:
        before = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    seen: list[int] = []
    with pool.writer() as writer:
        writer.con.execute("CREATE TABLE scratch AS SELECT 1 AS x")

        def read() -> None:
            with pool.reader() as store:
                seen.append(store.con.execute("SELECT count(*) FROM scratch").fetchone()[0])
                seen.append(store.con.execute("SELECT count(*) FROM articles").fetchone()[0])

        thread = threading.Thread(target=read)
        thread.start()
        thread.join(timeout=10)
    assert seen == [1, before]
    with pool.reader() as store:  # read-only again after the writer closed
        assert store.con.execute("SELECT count(*) FROM scratch").fetchone()[0] == 1
    pool.close()


def test_a_stalled_upload_holds_up_no_other_upload_and_times_out(demo_copy):
    """The body is saved before the ingest lock is taken, within ApiSettings.upload_seconds."""
    import asyncio

    app = create_app(demo_copy, allow_ingest=True, token=TOKEN,
                     settings=ApiSettings(max_upload_bytes=200_000, idle_seconds=0.05, upload_seconds=3))
    body = json.dumps(ARTICLE).encode()

    async def call(chunks, stall: bool) -> int:
        status: dict[str, int] = {}
        pieces = list(chunks)

        async def receive():
            if pieces:
                return {"type": "http.request", "body": pieces.pop(0), "more_body": bool(pieces) or stall}
            await asyncio.sleep(3600)  # a client that stopped sending
            return {"type": "http.disconnect"}

        async def send(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]

        headers = [(b"authorization", AUTH["Authorization"].encode()), (b"content-type", b"application/json")]
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                 "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest", "root_path": "",
                 "query_string": b"", "headers": headers, "client": ("127.0.0.1", 50000),
                 "server": ("127.0.0.1", 8000)}
        await app(scope, receive, send)
        return status["code"]

    async def both() -> tuple[int, int]:
        stalled = asyncio.create_task(call([body[:10]], stall=True))
        await asyncio.sleep(0.2)
        whole = await call([body], stall=False)
        return whole, await stalled

    whole, stalled = asyncio.run(both())
    assert whole == 200  # not 503 while the other upload trickles in
    assert stalled == 408
