import json
from dataclasses import dataclass

import pytest

import warta
from samples import DIRTY_ARTICLE, DIRTY_BODY
from warta.document import Document, compute_id
from warta.pipeline import Pipeline

CONTRACT_KEYS = ["id", "source", "outlet", "url", "title", "published", "language", "dateline", "author", "text",
                 "removed", "entities", "actors", "events", "quotes"]


def test_analyze_text_gives_the_contract():
    doc = warta.analyze(DIRTY_ARTICLE, url="https://www.idntimes.com/news/x")
    data = doc.to_dict()
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert data["text"] == "\n\n".join(DIRTY_BODY)
    for item in data["events"] + data["quotes"]:  # every record points into the text
        start, end = item["sentence"]
        assert 0 <= start < end <= len(data["text"])
    assert data["entities"] and data["actors"]
    for ent in data["entities"]:
        assert data["text"][ent["start"]:ent["end"]] == ent["text"]
    assert {"JPN", "IDN"} <= {a["country"] for a in data["actors"]}
    assert data["published"] == "2022-03-03T14:05:00+07:00"
    assert data["language"] == "id" and data["dateline"] == "TOKYO"
    assert data["outlet"] == "Contoh Berita"  # the text's own copyright line comes before the URL
    assert data["url"] == "https://www.idntimes.com/news/x"
    assert data["author"] == "Dewi Larasati"
    json.dumps(data)


def test_outlet_from_the_url_when_the_text_names_none():
    text = DIRTY_ARTICLE.replace("Copyright © 2022 Contoh Berita. All rights reserved.", "")
    assert warta.analyze(text, url="https://www.idntimes.com/news/x").outlet == "IDN Times"
    assert warta.analyze(text).outlet is None


def test_analyze_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY_ARTICLE, encoding="utf-8")
    doc = warta.analyze(path)
    assert doc.source == str(path) and doc.text.startswith("Menteri Pertahanan Jepang")


def test_analyze_rejects_unknown_metadata():
    with pytest.raises(ValueError, match="unknown metadata"):
        warta.analyze(DIRTY_ARTICLE, colour="red")


def test_paragraph_spans_point_into_text():
    doc = warta.analyze(DIRTY_ARTICLE)
    assert [doc.text[s:e] for s, e in doc.paragraphs] == DIRTY_BODY


def test_id_is_stable_under_whitespace_and_case():
    assert compute_id("Satu  dua\nTiga") == compute_id("satu dua tiga")
    assert compute_id("satu") != compute_id("dua")


def test_document_requires_a_source():
    with pytest.raises(ValueError):
        Document(source="")


@dataclass
class Comp:
    name: str
    needs: frozenset
    sets: frozenset

    def __call__(self, doc):
        if self.name == "boom":
            raise ValueError("bad input inside")
        return doc


def test_pipeline_checks_order_when_built():
    a = Comp("a", frozenset({"raw"}), frozenset({"text"}))
    b = Comp("b", frozenset({"text"}), frozenset({"entities"}))
    Pipeline([a, b])
    with pytest.raises(ValueError, match="needs \\['text'\\]"):
        Pipeline([b, a])
    with pytest.raises(ValueError, match="twice"):
        Pipeline([a, a])


def test_pipe_turns_a_component_failure_into_a_rejection_and_goes_on():
    pipe = Pipeline([Comp("boom", frozenset(), frozenset())])
    docs = list(pipe.pipe([Document(source="x.txt", raw="a"), Document(source="y.txt", raw="b")]))
    assert [d.rejected for d in docs] == ["error", "error"]
    assert "x.txt" in docs[0].rejected_detail and "ValueError" in docs[0].rejected_detail
