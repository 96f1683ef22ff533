"""Whole JSON files (not JSON Lines): one article, an array of articles, or something else."""

import json

from warta.read import read_inputs


def test_pretty_printed_article_object_is_one_document(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Isi berita yang cukup panjang untuk dibaca.", "url": "https://x.id/a"},
                               indent=2), encoding="utf-8")
    [doc] = list(read_inputs([str(path)]))
    assert not doc.rejected and doc.raw.startswith("Isi berita") and doc.url == "https://x.id/a"


def test_array_of_articles_gives_one_document_each(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": "Berita pertama."}, {"html": "<p>Berita kedua yang panjang sekali di sini.</p>"}]),
                    encoding="utf-8")
    docs = list(read_inputs([str(path)]))
    assert [d.input_ref for d in docs] == [f"{path}#0", f"{path}#1"]


def test_json_that_is_not_an_article_is_rejected_with_a_reason(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"file": "x.txt", "body": ["a"]}, indent=1), encoding="utf-8")
    [doc] = list(read_inputs([str(path)]))
    assert doc.rejected == "not-news" and str(path) in doc.rejected_detail


def test_text_starting_with_a_bracket_is_still_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("[Foto] Judul berita\nIsi berita yang panjang sekali di sini untuk diuji.", encoding="utf-8")
    [doc] = list(read_inputs([str(path)]))
    assert not doc.rejected and doc.raw.startswith("[Foto]")
