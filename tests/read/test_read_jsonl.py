"""JSON Lines: one document per non-blank line, bad lines rejected with their line number."""

from __future__ import annotations

import codecs
import gzip
import json

from read_helpers import COMMENT, PARAGRAPHS, build_article

from warta.read import read_bytes, read_inputs
from warta.settings import Settings


def _line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _mixed_lines() -> list[str]:
    return [
        _line(
            text=PARAGRAPHS[0],
            url="https://warta.example/1",
            title="Judul satu",
            published="2022-01-11 10:52",
            outlet="Warta Kita",
            author="Ani",
        ),
        _line(html=build_article(), url="https://warta.example/2"),
        "{ini bukan json",
        _line(title="tanpa isi", url="https://warta.example/4"),
        "",
        _line(text=PARAGRAPHS[1], date="11/01/2022", source="IVOOX.id"),
    ]


def test_jsonl_text_html_bad_and_missing_lines(write) -> None:
    path = write("berita.jsonl", "\n".join(_mixed_lines()) + "\n")
    docs = list(read_inputs([path]))
    assert [d.input_ref for d in docs] == [f"{path}:{n}" for n in (1, 2, 3, 4, 6)]
    assert [d.rejected for d in docs] == [None, None, "invalid-json", "missing-field", None]
    assert all(d.input_kind == "jsonl" for d in docs)
    text_doc, html_doc, bad, missing, alias_doc = docs
    assert text_doc.raw == PARAGRAPHS[0]
    assert text_doc.url == "https://warta.example/1"
    assert text_doc.source == path
    assert text_doc.hints == {
        "url": "https://warta.example/1",
        "title": "Judul satu",
        "published": "2022-01-11 10:52",
        "outlet": "Warta Kita",
        "author": "Ani",
        "encoding": "utf-8",
    }
    assert PARAGRAPHS[2] in html_doc.raw.splitlines()
    assert COMMENT not in html_doc.raw
    assert html_doc.source == html_doc.url == "https://warta.example/2"
    assert html_doc.hints["title"].startswith("Retno bertemu")
    assert html_doc.hints["published"] == "2022-01-11T10:52:00+07:00"
    assert bad.rejected_detail.startswith(f"{path}:3: ") and "not valid JSON" in bad.rejected_detail
    assert missing.rejected_detail.startswith(f"{path}:4: ") and '"text" or "html"' in missing.rejected_detail
    assert missing.raw == "" and bad.raw == ""
    assert alias_doc.hints["published"] == "11/01/2022" and alias_doc.hints["outlet"] == "IVOOX.id"


def test_jsonl_line_that_is_not_an_object(write) -> None:
    path = write(
        "a.jsonl", _line(text="Berita pertama.") + "\n[1, 2, 3]\n" + _line(text="Berita ketiga.") + "\n"
    )
    docs = list(read_inputs([path]))
    assert [d.rejected for d in docs] == [None, "invalid-json", None]
    assert "JSON list, not an object" in docs[1].rejected_detail


def test_jsonl_detected_by_content_and_last_line_without_newline(write) -> None:
    path = write("ekspor.txt", _line(text="Satu.") + "\n" + _line(text="Dua."))
    docs = list(read_inputs([path]))
    assert [(d.input_kind, d.raw) for d in docs] == [("jsonl", "Satu."), ("jsonl", "Dua.")]


def test_jsonl_empty_text_field_is_empty(write) -> None:
    docs = list(read_inputs([write("a.jsonl", _line(text="Isi.") + "\n" + _line(text="   ") + "\n")]))
    assert [d.rejected for d in docs] == [None, "empty"]


def test_jsonl_line_above_max_doc_bytes_is_too_large_and_the_rest_is_read(write) -> None:
    settings = Settings().with_overrides(max_doc_bytes=200)
    lines = [_line(text="Pendek."), _line(text="panjang " * 100), _line(text="Pendek lagi.")]
    docs = list(read_inputs([write("a.jsonl", "\n".join(lines) + "\n")], settings))
    assert [d.rejected for d in docs] == [None, "too-large", None]
    assert docs[1].input_ref.endswith(":2") and "max_doc_bytes" in docs[1].rejected_detail
    assert docs[2].raw == "Pendek lagi."


def test_jsonl_gz_and_utf16_jsonl(write) -> None:
    body = "\n".join([_line(text="Café “satu”."), _line(text="Dua.")]) + "\n"
    packed = write("a.jsonl.gz", gzip.compress(body.encode()))
    wide = write("b.jsonl", codecs.BOM_UTF16_LE + body.encode("utf-16-le"))
    for path in (packed, wide):
        docs = list(read_inputs([path]))
        assert [d.raw for d in docs] == ["Café “satu”.", "Dua."]
        assert docs[1].input_ref == f"{path}:2"


def test_truncated_jsonl_gz_keeps_lines_before_the_break(write) -> None:
    body = "".join(_line(text=f"Berita nomor {n} dari Jakarta.") + "\n" for n in range(200)).encode()
    packed = gzip.compress(body)
    path = write("putus.jsonl.gz", packed[: len(packed) * 2 // 3])
    docs = list(read_inputs([path]))
    assert docs[-1].rejected == "truncated"
    assert all(d.rejected is None for d in docs[:-1])
    assert len(docs) > 10
    assert f"documents read before it: {len(docs) - 1}" in docs[-1].rejected_detail


def test_jsonl_line_with_cp1252_bytes_is_decoded_with_a_warning() -> None:
    data = b'{"text": "Menteri \x93Retno\x94 di caf\xe9."}\n'
    [doc] = list(read_bytes(data, "<stdin>"))
    assert doc.raw == "Menteri “Retno” di café."
    assert doc.warnings == ["decoded as cp1252: not valid UTF-8"]
    assert doc.input_ref == "<stdin>:1"


def test_jsonl_of_many_small_lines_is_not_too_large(write) -> None:
    settings = Settings().with_overrides(max_doc_bytes=200)
    lines = [_line(text=f"Berita nomor {n}.") for n in range(100)]  # ~2.5 KB in all, each line ~30 bytes
    docs = list(read_inputs([write("banyak.jsonl", "\n".join(lines) + "\n")], settings))
    assert len(docs) == 100 and all(d.rejected is None for d in docs)
