"""Fuzzing the readers with structured input: JSON Lines, WARC, HTML and text made of hostile pieces, gzip bombs
(flat, multi-member, nested), and the whole run end to end (``warta.analyze``, ``warta.ingest.ingest`` into a
temporary store) over a folder of the worst of them: every input is accounted for.

``tests/read/test_read_fuzz.py`` throws random bytes at the readers; here the bytes have the shape of each
format so that the fuzzing reaches past the sniffing into the format readers themselves."""

from __future__ import annotations

import gzip
import json
import re
import resource
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta.ingest import ingest
from warta.read import REASONS, read_bytes, read_inputs
from warta.settings import Settings
from warta.store import Store

NAME = "fuzzed-input"
ARTICLE = "Rusia mengecam China dan Wang Yi mengatakan bahwa Lavrov akan datang ke Kazakhstan pada Senin."
MEMORY_LIMIT_MB = 200
SURROGATE = re.compile("[\ud800-\udfff]")
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

NASTY = st.sampled_from([
    "\x00", "\x1b[31m", "\u202e", "\u2067", "\u200f", "\u200d", "\ufeff", "\u0301" * 30, "👩‍👩‍👧‍👦", "🇮🇩",
    "مرحبا", "Москва", "北京", "\ud800", "\udfff", "\r", "\r\n", "\n\n", "\t", "&amp;", "&#0;", "&#xD800;", "<", ">",
    "<p>", "</div>", "<script>", "<!--", "]]>", "\\", '"', "'", "{", "}", "[", "]", "9" * 30, "1e999", "NaN",
    "WARC/1.0", "Content-Length: -1", "x" * 2000, ARTICLE,
])
NASTY_TEXT = st.lists(NASTY, max_size=40).map("".join)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), NASTY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(NASTY_TEXT, inner, max_size=4)),
    max_leaves=20,
)


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates become invalid UTF-8, as scrapers write it


def read_checked(data: bytes) -> list:
    docs = list(read_bytes(data, NAME))
    assert docs, "every input yields at least one document"
    for doc in docs:
        assert doc.rejected is None or doc.rejected in REASONS, doc.rejected
        assert doc.rejected is None or doc.rejected_detail.startswith(NAME), doc.rejected_detail
        assert doc.rejected is not None or isinstance(doc.raw, str) and doc.raw.strip()
        texts = [doc.raw, *(v for v in doc.hints.values() if isinstance(v, str))]
        assert not any(SURROGATE.search(t) for t in texts), "a lone surrogate cannot be written out"
    return docs


@FEW
@given(st.lists(st.one_of(
    st.fixed_dictionaries({"text": NASTY_TEXT}, optional={"title": JSON_VALUES, "published": JSON_VALUES,
                                                           "url": JSON_VALUES, "author": JSON_VALUES}),
    st.fixed_dictionaries({"html": NASTY_TEXT.map(lambda t: f"<html><body><p>{t}</p></body></html>")}),
    JSON_VALUES.map(lambda v: {"x": v}),
), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\n\n"]), st.booleans(), st.booleans())
def test_json_lines_of_hostile_objects(objects, newline, cut, escaped):
    lines = (json.dumps(o, ensure_ascii=escaped) for o in objects)  # escaped: "\ud800" escapes, not bad bytes
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    docs = read_checked(data[: len(data) * 2 // 3] if cut else data)
    assert len(docs) <= len(objects) + 1


@FEW
@given(st.lists(st.tuples(st.sampled_from(["response", "resource", "conversion", "request", "warcinfo", "bogus"]),
                          st.sampled_from(["text/html", "text/plain", "image/png", "", "application/http; msgtype=response"]),
                          NASTY_TEXT, st.integers(min_value=-10, max_value=10)),
                min_size=1, max_size=5), st.booleans())
def test_warc_records_of_hostile_parts(records, packed):
    data = b""
    for kind, ctype, body, skew in records:
        payload = encode(body)
        if ctype.startswith("application/http"):
            payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
        head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://x.id/{len(data)}\r\n"
                f"Content-Type: {ctype}\r\nContent-Length: {len(payload) + skew}\r\n\r\n").encode()
        data += head + payload + b"\r\n\r\n"
    read_checked(gzip.compress(data) if packed else data)


@FEW
@given(st.lists(st.one_of(NASTY, st.sampled_from(["<div>", "<p>", "<b>", "<table><tr><td>", "<meta charset=x>",
                                                     "<title>", '<meta property="article:published_time" content="',
                                                     '<script type="application/ld+json">{"datePublished": ']
                                                    )), max_size=200))
def test_html_pages_of_hostile_pieces(pieces):
    read_checked(encode("<html><body>" + "".join(pieces) + f"<p>{ARTICLE}</p></body></html>"))


@FEW
@given(NASTY_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"]))
def test_text_in_any_encoding(text, encoding):
    data = ("Judul\n\n" + text + ARTICLE).encode(encoding, "replace") if encoding != "utf-8" else encode(text)
    read_checked(data)


# -- gzip bombs ---------------------------------------------------------------------------------------------------

def zeros_member(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_gzip_bomb_expanding_to_ten_gigabytes_is_rejected_in_bounded_memory():
    """100 gzip members of 100 MB of zeros each, 10 MB on disk: rejected as gzip-bomb while decompressing."""
    bomb = zeros_member(100 << 20) * 100
    before = peak_rss_mb()
    docs = read_checked(bomb)
    assert [d.rejected for d in docs] == ["gzip-bomb"]
    assert peak_rss_mb() - before < MEMORY_LIMIT_MB


def test_a_gzip_bomb_of_text_is_stopped_at_the_gunzip_limit():
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = (ARTICLE + "\n").encode() * 10_000
    bomb = b"".join(packer.compress(block) for _ in range((300 << 20) // len(block))) + packer.flush()
    before = peak_rss_mb()
    docs = read_checked(bomb)
    assert docs[-1].rejected in ("gzip-bomb", "too-large")
    assert peak_rss_mb() - before < MEMORY_LIMIT_MB


def test_nested_gzip_bombs_are_not_unpacked_past_two_levels():
    docs = read_checked(gzip.compress(gzip.compress(zeros_member(100 << 20) * 10)))  # 1 GB, three deep
    assert [d.rejected for d in docs] == ["binary"] and "nested" in docs[0].rejected_detail
    inner = read_checked(gzip.compress(zeros_member(100 << 20) * 3))
    assert [d.rejected for d in inner] == ["gzip-bomb"]


# -- end to end ---------------------------------------------------------------------------------------------------

HOSTILE_FILES = {
    "article.txt": f"Judul\n\n{ARTICLE} {ARTICLE.replace('Senin', 'Selasa')}".encode(),
    "nospace.txt": b"Judul\n\n" + b"x" * 1_000_000,
    "controls.txt": bytes(range(32)) * 1000,
    "bidi.txt": ("Judul\n\n" + "\u202eمرحبا \u2067Rusia\u2069 mengecam " * 3000 + ARTICLE).encode(),
    "emoji.txt": ("Judul\n\n" + "👩‍👩‍👧‍👦 Rusia 🇮🇩 " * 3000 + ARTICLE).encode(),
    "invalid-utf8.txt": b"Judul\n\n" + ARTICLE.encode() + b"\xff\xfe\xc3(" * 2 + b"\xed\xa0\x80",
    "deep.html": ("<html><body>" + "<div>" * 20_000 + f"<p>{ARTICLE}</p>" + "</div>" * 20_000).encode(),
    "bomb.html": ("<html><body>" + "<i></i>" * 200_000 + f"<p>{ARTICLE}</p>").encode(),
    "deep.jsonl": ('{"text": "x", "d": ' + "[" * 50_000 + "]" * 50_000 + "}\n" + json.dumps({"text": ARTICLE})).encode(),
    "bomb.gz": zeros_member(64 << 20) * 40,
    "broken.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -7\r\n\r\nGARBAGE",
    "dates.txt": ("Judul\n\n" + "Rusia mengecam China pada 31/2/2022 dan 99999999999/1/2022 tahun 99999. " * 50).encode(),
}


def test_a_folder_of_hostile_files_is_read_analysed_and_stored_with_every_input_accounted_for(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name, data in HOSTILE_FILES.items():
        (folder / name).write_bytes(data)
    settings_ = Settings(doc_time_budget=5.0)
    read = list(read_inputs([str(folder)], settings_))
    with Store(tmp_path / "w.duckdb") as store:
        run = ingest([str(folder)], store, settings=settings_)
        counts = store.counts()
    assert run.read == len(read) == run.stored + run.duplicate + run.rejected
    assert counts["read"] == counts["stored"] + counts["duplicate"] + counts["rejected"] == run.read
    assert run.stored >= 1 and set(run.reasons) <= set(REASONS) | {"error", "time-budget", "no-text"}
    assert "error" not in run.reasons, run.rejects
    assert all(ref.startswith(str(folder)) for ref, _, _ in run.rejects)


def test_analyze_gives_a_document_or_a_reason_for_every_hostile_text():
    for name, data in HOSTILE_FILES.items():
        if name.endswith(".txt"):
            doc = warta.analyze(data.decode("utf-8", "replace"), source=name)
            assert doc.rejected or doc.text, name
            doc.to_dict()
