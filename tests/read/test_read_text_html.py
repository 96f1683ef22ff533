"""Plain-text and HTML files: raw text, hints, and what content sniffing decides."""

from __future__ import annotations

from read_helpers import COMMENT, PARAGRAPHS, build_article

from warta.read import read_inputs
from warta.settings import Settings

PROSE = "\n\n".join(PARAGRAPHS) + "\n"


def test_plain_text_file_is_read_as_given(write) -> None:
    path = write("berita.txt", PROSE)
    [doc] = list(read_inputs([path]))
    assert doc.rejected is None
    assert (doc.source, doc.input_ref, doc.input_kind, doc.raw) == (path, path, "text", PROSE)
    assert doc.url is None
    assert doc.hints == {"encoding": "utf-8"}
    assert doc.warnings == []


def test_html_page_main_text_without_comments(write) -> None:
    path = write("halaman.html", build_article())
    [doc] = list(read_inputs([path]))
    assert doc.rejected is None
    assert doc.input_kind == "html"
    lines = doc.raw.splitlines()
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # one paragraph per line
    assert "Kerja sama ekonomi" in lines  # headings keep their own line
    assert any(line.endswith("Perdagangan minyak sawit") for line in lines)  # so do list items
    assert "Komentar pembaca" not in doc.raw
    assert COMMENT not in doc.raw
    assert "Beranda" not in doc.raw and "Hak cipta" not in doc.raw
    assert doc.hints["title"].startswith("Retno bertemu Menlu Malaysia")
    assert doc.hints["published"] == "2022-01-11T10:52:00+07:00"  # as written on the page
    assert doc.hints["author"] == "Budi Santoso"
    assert doc.hints["outlet"] == "Warta Kita"
    assert doc.hints["encoding"] == "utf-8"
    assert doc.source == path  # no URL on the page


def test_html_canonical_url_becomes_source_and_url(write) -> None:
    page = build_article().replace(
        "<head>", '<head><link rel="canonical" href="https://warta.example/retno">'
    )
    [doc] = list(read_inputs([write("p.html", page)]))
    assert doc.source == doc.url == "https://warta.example/retno"
    assert doc.hints["url"] == "https://warta.example/retno"


def test_html_saved_as_txt_is_html(write) -> None:
    [doc] = list(read_inputs([write("salah-nama.txt", build_article())]))
    assert doc.input_kind == "html"
    assert PARAGRAPHS[0] in doc.raw and "<p>" not in doc.raw


def test_prose_saved_as_html_is_text(write) -> None:
    path = write("bukan-halaman.html", PROSE)
    [doc] = list(read_inputs([path]))
    assert (doc.input_kind, doc.raw) == ("text", PROSE)


def test_html_fragment_without_html_tag_is_extracted(write) -> None:
    fragment = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    [doc] = list(read_inputs([write("potongan.txt", fragment)]))
    assert doc.input_kind == "html" and doc.rejected is None
    assert PARAGRAPHS[1] in doc.raw.splitlines()


def test_cp1252_html_page_uses_declared_charset(write) -> None:
    page = build_article("Menlu “Retno” di café", charset="windows-1252")
    [doc] = list(read_inputs([write("lama.html", page.encode("cp1252"))]))
    assert doc.rejected is None
    assert "Menlu “Retno” di café" in doc.hints["title"]
    assert doc.hints["encoding"] == "cp1252"
    assert doc.warnings and "cp1252" in doc.warnings[0]


def test_html_without_article_text_is_no_text(write) -> None:
    path = write(
        "kosong.html",
        "<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body></body></html>",
    )
    [doc] = list(read_inputs([path]))
    assert doc.rejected == "no-text"
    assert doc.raw == ""
    assert doc.rejected_detail.startswith(f"{path}: ")


def test_deeply_nested_html_does_not_crash(write) -> None:
    paragraph = "<p>" + " ".join(PARAGRAPHS) + "</p>"
    page = "<html><body>" + "<div>" * 10_000 + paragraph * 3 + "</div>" * 10_000 + "</body></html>"
    good = write("z-baik.txt", PROSE)
    docs = list(read_inputs([write("dalam.html", page), good]))
    assert len(docs) == 2
    assert docs[0].input_kind == "html"
    assert docs[0].rejected == "no-text"  # libxml2 drops what is nested below 256 levels
    assert "levels deep" in docs[0].rejected_detail
    assert docs[1].raw == PROSE


def test_html_above_max_doc_bytes_is_too_large(write) -> None:
    settings = Settings().with_overrides(max_doc_bytes=500)
    path = write("besar.html", build_article())
    [doc] = list(read_inputs([path], settings))
    assert doc.rejected == "too-large"
    assert path in doc.rejected_detail and "max_doc_bytes" in doc.rejected_detail


def test_published_prefers_page_metadata_as_written() -> None:
    from trafilatura.utils import load_html

    from warta.read.html import find_published

    jsonld = (
        '<html><head><meta name="publishdate" content="2022/01/11 10:52:00">'
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"datePublished": "2022-01-11T10:52:00+07:00"}]}</script></head><body><p>x</p><p>y</p></body></html>'
    )
    weak_only = (
        '<html><head><meta name="publishdate" content="2022/01/11 10:52:00"></head>'
        "<body><p>x</p></body></html>"
    )
    assert find_published(load_html(jsonld)) == "2022-01-11T10:52:00+07:00"
    assert find_published(load_html(weak_only)) == "2022/01/11 10:52:00"


def test_hidden_file_named_explicitly_is_read(write) -> None:
    [doc] = list(read_inputs([write(".catatan.txt", PROSE)]))
    assert doc.raw == PROSE
