"""The store's own full-text index (no fts extension): built by DuckDB, incremental, AND of words, BM25
order, and the same hits as a scan of the texts."""

from __future__ import annotations

import duckdb
import pytest

from warta.store.search import (MAX_QUERY_TERMS, index_status, make_snippet, query_terms, search_articles,
                                update_search_index)


@pytest.fixture
def con(demo_copy):
    con = duckdb.connect(demo_copy)
    yield con
    con.close()


def test_query_terms_split_like_the_index():
    con = duckdb.connect()
    assert query_terms(con, "Rusia, CHINA! rusia G20-Bali anak-anak") == ["rusia", "china", "g20", "bali", "anak"]
    assert query_terms(con, "' OR 1=1 --") == ["or", "1"]
    assert query_terms(con, "!!! ???") == []
    assert len(query_terms(con, " ".join(f"kata{i}" for i in range(20)))) == MAX_QUERY_TERMS
    assert query_terms(con, "x" * 41 + " pendek") == ["pendek"]


def test_the_index_is_incremental_and_agrees_with_a_scan(con):
    con.execute("DROP TABLE IF EXISTS search_postings")
    con.execute("DROP TABLE IF EXISTS search_docs")
    con.execute("DROP TABLE IF EXISTS search_state")
    assert index_status(con) == {"articles": 16, "indexed": 0, "complete": False, "present": False}
    queries = [["lavrov"], ["rusia", "china"], ["kazakhstan", "csto", "tokayev"], ["g20"], ["tidakadakatanya"]]
    scanned = {tuple(q): search_articles(con, q, limit=100) for q in queries}
    assert all(r["method"] == "scan" for r in scanned.values())
    done = update_search_index(con)
    assert done["added"] == 16 and done["complete"]
    assert update_search_index(con)["added"] == 0
    for q in queries:
        indexed = search_articles(con, q, limit=100)
        assert indexed["method"] == "index"
        assert {a for a, _ in indexed["hits"]} == {a for a, _ in scanned[tuple(q)]["hits"]}
        assert indexed["total"] == scanned[tuple(q)]["total"] == len(indexed["hits"])
        scores = [s for _, s in indexed["hits"]]
        assert scores == sorted(scores, reverse=True)
    assert scanned[("lavrov",)]["total"] > 0 and scanned[("tidakadakatanya",)]["total"] == 0


def test_new_articles_make_the_index_incomplete_until_updated(con):
    update_search_index(con)
    con.execute("INSERT INTO articles (id, title, text, published_date) VALUES "
                "('feedfacefeedface', 'Judul baru', 'Teks tentang kuokkaberlari di kebun.', DATE '2023-01-01')")
    assert not index_status(con)["complete"]
    assert search_articles(con, ["kuokkaberlari"])["method"] == "scan"
    assert update_search_index(con)["added"] == 1
    found = search_articles(con, ["kuokkaberlari"])
    assert found["method"] == "index" and found["hits"][0][0] == "feedfacefeedface"
    rebuilt = update_search_index(con, rebuild=True)
    assert rebuilt["added"] == 17 and rebuilt["indexed"] == 17


def test_paging_a_search(con):
    update_search_index(con)
    everything = search_articles(con, ["rusia"], limit=100)
    pages = [search_articles(con, ["rusia"], limit=3, offset=o) for o in (0, 3, 300)]
    assert [a for a, _ in pages[0]["hits"] + pages[1]["hits"]] == [a for a, _ in everything["hits"][:6]]
    assert pages[2]["hits"] == [] and pages[2]["total"] == everything["total"]


def test_title_words_weigh_more(con):
    body = "Kata pengisi yang sama panjang untuk kedua artikel ini. " * 4
    con.execute("INSERT INTO articles (id, title, text) VALUES ('aaaa000000000001', 'Berita biasa', ?), "
                "('aaaa000000000002', 'Berita quokkaku', ?)", [body + "Ada quokkaku di sini.", body + "Tidak ada."])
    update_search_index(con)
    hits = search_articles(con, ["quokkaku"], limit=10)["hits"]
    assert [aid for aid, _ in hits] == ["aaaa000000000002", "aaaa000000000001"]


def test_snippets_point_into_the_text():
    text = "Pada hari Senin, Menteri Luar Negeri Rusia Sergei Lavrov bertemu Wang Yi. " * 5 + "Akhir."
    snippet = make_snippet(text, ["lavrov", "wang"])
    assert text[snippet["start"]:snippet["end"]] == snippet["text"]
    marked = [snippet["text"][s:e] for s, e in snippet["highlights"]]
    assert marked[:2] == ["Lavrov", "Wang"]
    assert make_snippet("Lavrovich bukan Lavrov.", ["lavrov"])["highlights"] == [[16, 22]]
    assert make_snippet("", ["x"])["text"] == ""
