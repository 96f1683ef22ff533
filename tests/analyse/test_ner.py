"""Named-entity recogniser: the shipped model, BIO repair, offsets, the pipeline component, hard inputs.

Sentences here are written for these tests. The quality test reads the shared NER sets and skips
when ../shared is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warta.analyse.ner import (
    MAX_CHUNK, EntityTagger, RecogniseEntities, bio_spans, clear_cache, default_tagger, entities_from_bio,
    model_attributes, repair_bio, sentence_features, style_features,
)
from warta.document import Document
from warta.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
#: Measured test-split F1 of the shipped model (scripts/train_ner.py), minus a small margin.
F1_FLOORS = {"idner": 0.87, "nergrit": 0.71, "nerp": 0.76}

SENTENCE = "Menteri Luar Negeri China Wang Yi berbicara dengan Sergei Lavrov di Moskow."


def tokenise(text: str) -> list[tuple[int, int]]:
    """A stand-in tokenizer for the tests: words, parenthesised words and single punctuation marks."""
    return [m.span() for m in re.finditer(r"\(\w+\)|\w+(?:[-.]\w+)*|[^\w\s]", text)]


def make_doc(text: str) -> Document:
    """A document with token spans and one sentence span per line."""
    doc = Document(source="test", text=text)
    sentences, pos = [], 0
    for line in text.split("\n"):
        sentences.append((pos, pos + len(line)))
        pos += len(line) + 1
    doc.tokens, doc.sentences = tokenise(text), sentences
    return doc


def entities(text: str) -> set[tuple[str, str]]:
    doc = RecogniseEntities()(make_doc(text))
    return {(e["text"], e["label"]) for e in doc.entities}


def test_model_loads_from_the_package_once():
    tagger = default_tagger()
    assert tagger.load() is tagger.load()
    assert default_tagger() is tagger


def test_people_and_places_in_a_news_sentence():
    found = entities(SENTENCE)
    assert {("Wang Yi", "PER"), ("Sergei Lavrov", "PER"), ("Moskow", "LOC")} <= found


def test_offsets_point_into_the_text():
    doc = RecogniseEntities()(make_doc("Presiden Joko Widodo meninjau banjir di Semarang.\n"
                                       "Ketua Umum Partai Golkar Airlangga Hartarto hadir di Jakarta."))
    assert doc.entities
    for ent in doc.entities:
        assert doc.text[ent["start"]:ent["end"]] == ent["text"]
        assert ent["actor"] is None and ent["label"] in {"PER", "ORG", "LOC", "EVT"}
    assert ("Joko Widodo", "PER") in {(e["text"], e["label"]) for e in doc.entities}


def test_parenthesised_acronym_is_tagged_without_its_parentheses():
    text = "Pemerintah Amerika Serikat (AS) menolak usul Perserikatan Bangsa-Bangsa (PBB) itu."
    doc = make_doc(text)
    assert "(AS)" in [text[s:e] for s, e in doc.tokens]
    found = {e["text"] for e in RecogniseEntities()(doc).entities}
    assert "AS" in found or "PBB" in found
    assert not any("(" in t or ")" in t for t in found)


def test_entities_from_bio_strips_the_parentheses_of_a_wrapped_token():
    text = "kata Badan Intelijen Negara (BIN) kemarin"
    spans = tokenise(text)
    labels = ["O", "B-ORG", "I-ORG", "I-ORG", "B-ORG", "O"]
    ents = entities_from_bio(spans, labels, text)
    assert [(e["text"], e["label"]) for e in ents] == [("Badan Intelijen Negara", "ORG"), ("BIN", "ORG")]


def test_an_i_label_without_b_starts_an_entity():
    assert repair_bio(["O", "I-PER", "I-PER", "I-LOC", "O"]) == ["O", "B-PER", "I-PER", "B-LOC", "O"]
    assert bio_spans(["I-ORG", "O", "B-PER", "I-PER", "I-PER"]) == [(0, 1, "ORG"), (2, 5, "PER")]
    text = "Sergei Lavrov tiba"
    ents = entities_from_bio(tokenise(text), ["I-PER", "I-PER", "O"], text)
    assert [(e["start"], e["end"], e["text"]) for e in ents] == [(0, 13, "Sergei Lavrov")]


def test_entities_from_bio_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="pair up"):
        entities_from_bio([(0, 3)], ["O", "O"], "abc def")


def test_unknown_style_is_refused():
    with pytest.raises(ValueError, match="unknown style"):
        EntityTagger(style="wikipedia")


def test_document_fields_are_read_before_hints():
    doc = Document(source="test", text=SENTENCE)
    doc.tokens = tokenise(SENTENCE)
    doc.sentences = [(0, len(SENTENCE))]
    found = {(e["text"], e["label"]) for e in RecogniseEntities()(doc).entities}
    assert ("Sergei Lavrov", "PER") in found


def test_features_are_the_same_for_the_same_word_in_the_same_place():
    a = sentence_features(["di", "Jakarta", "kemarin"])
    b = sentence_features(["di", "Jakarta", "kemarin"])
    assert a == b and "w=jakarta" in a[1] and "-1w=di" in a[1]


#: Sentences whose features take every path: edges, one and two tokens, a title and its office, a
#: parenthesised token, a word holding the pair separator ``|``, lowercase text (the style copy).
ITEM_SENTENCES = [
    ["Jakarta"],
    ["di", "Jakarta"],
    SENTENCE.replace(".", " .").split(),
    "Menteri Luar Negeri Amerika Serikat (AS) Mike Pompeo | Presiden Joko Widodo |".split(),
    "presiden joko widodo berkunjung ke surabaya kemarin .".split(),
    ["||", "|", "a|b", "Komisi", "Pemilihan", "Umum", "(KPU)", "🙂", "1.500", "Rp1.500"],
]


@pytest.mark.parametrize("tokens", ITEM_SENTENCES)
def test_model_items_are_the_known_features_in_order(tokens):
    """The fast path hands crfsuite exactly what it would keep of the full string features."""
    tagger = default_tagger()
    tagger.load()
    known = model_attributes(tagger._model)
    expected = style_features(sentence_features(tokens), tagger._style_of(tokens))
    expected = [[f.encode() for f in feats if f.encode() in known] for feats in expected]
    assert tagger.items(tokens) == expected
    assert tagger.tag(tokens) == repair_bio(tagger.load().tag(style_features(sentence_features(tokens),
                                                                              tagger._style_of(tokens))))


def test_model_attributes_are_the_models_attribute_dictionary():
    tagger = default_tagger()
    info = tagger.load().info()
    assert model_attributes(tagger._model) == {attr.encode() for attr, _ in info.state_features}
    with pytest.raises(ValueError, match="not a crfsuite model"):
        model_attributes(b"not a model")


def test_clear_cache_also_forgets_the_encoded_words():
    """Regression: clear_cache() must empty the per-model encoded words too, or a cold timing is warm."""
    tagger = default_tagger()
    tagger.tag(["Presiden", "Joko", "Widodo"])
    assert tagger._encoders[""]._words
    clear_cache()
    assert not tagger._encoders[""]._words
    assert tagger.tag(["Presiden", "Joko", "Widodo"])[1:] == ["B-PER", "I-PER"]


def test_empty_inputs():
    assert EntityTagger().tag([]) == []
    doc = RecogniseEntities()(make_doc(""))
    assert doc.entities == []


def test_lowercase_text_is_tagged_in_the_lowercase_style():
    tokens = "presiden joko widodo berkunjung ke surabaya kemarin .".split()
    labels = default_tagger().tag(tokens)
    assert labels[1:3] == ["B-PER", "I-PER"] and labels[5] == "B-LOC"


def test_pipeline_accepts_the_component_after_tokens_and_sentences():
    class Tokens:
        name, needs, sets = "tokens", frozenset({"hints"}), frozenset({"text", "tokens", "sentences"})

        def __call__(self, doc: Document) -> Document:
            return doc

    pipeline = Pipeline([Tokens(), RecogniseEntities()])
    pipeline.warm_up()
    doc = pipeline(make_doc(SENTENCE))
    assert ("Moskow", "LOC") in {(e["text"], e["label"]) for e in doc.entities}


def test_pathological_sentence_finishes():
    """A 20,000-token sentence of repeated words, capitals and emoji is tagged in chunks."""
    words = ["JAKARTA", "🔥🔥", "Presiden", "AAAAAAAAAAAAAAAAAAAAAAAAAA", "(X)", "di", "😀", "Wang"]
    tokens = [words[i % len(words)] for i in range(20_000)]
    assert len(tokens) > 60 * MAX_CHUNK
    labels = default_tagger().tag(tokens)
    assert len(labels) == len(tokens)
    assert all(label == "O" or label[:2] in ("B-", "I-") for label in labels)


def test_pathological_document_offsets_stay_inside_the_text():
    text = " ".join(["MENTERI", "Wang", "Yi", "🙂", "(AS)"] * 4000)
    doc = RecogniseEntities()(make_doc(text))
    for ent in doc.entities:
        assert 0 <= ent["start"] < ent["end"] <= len(text)
        assert text[ent["start"]:ent["end"]] == ent["text"]


@pytest.fixture(scope="module")
def ner_results():
    if not (SHARED / "data" / "ner").is_dir():
        pytest.skip(f"{SHARED / 'data' / 'ner'} is absent: the NER quality test needs the shared datasets")
    from warta.evaluate.ner_eval import evaluate_ner

    return evaluate_ner(SHARED)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(F1_FLOORS))
def test_test_split_f1_at_or_above_its_floor(ner_results, name):
    result = ner_results[name]
    if "skipped" in result:
        pytest.skip(f"{name}: {result['skipped']}")
    assert result["f1"] >= F1_FLOORS[name], f"{name} entity F1 fell to {result['f1']} (floor {F1_FLOORS[name]})"
