"""The numpy tagging of cased text (ner._StateScorer) gives exactly crfsuite's labels.

Sentences here are written for these tests; the comparison on real news runs over the shared IndoSum
articles and skips when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.analyse.ner import MAX_CHUNK, EntityTagger, _chunks, model_weights, repair_bio

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

SENTENCES = [
    ["Jakarta"],
    ["di", "Jakarta"],
    "Menteri Luar Negeri China Wang Yi berbicara dengan Sergei Lavrov di Moskow .".split(),
    "Menteri Luar Negeri Amerika Serikat (AS) Mike Pompeo | Presiden Joko Widodo |".split(),
    ["||", "|", "a|b", "Komisi", "Pemilihan", "Umum", "(KPU)", "🙂", "1.500", "Rp1.500"],
    "presiden joko widodo berkunjung ke surabaya kemarin .".split(),  # lowercase: crfsuite's own path
    "Sekretaris Jenderal PBB Antonio Guterres dan Kanselir Jerman Olaf Scholz bertemu di Berlin".split(),
    ("Menteri Pertahanan Prabowo Subianto " * 80).split(),  # longer than one chunk, offices throughout
]


def crfsuite_labels(tagger: EntityTagger, tokens: list[str]) -> list[str]:
    """What the tagger gave before the scorer: crfsuite on each chunk's items."""
    return repair_bio([label for start, end in _chunks(len(tokens)) for label in tagger._tag_chunk(tokens[start:end])])


def test_scorer_labels_are_crfsuites_labels():
    tagger = EntityTagger()
    assert len(SENTENCES[-1]) > MAX_CHUNK
    assert tagger.tag_sentences(SENTENCES) == [crfsuite_labels(tagger, s) for s in SENTENCES]
    assert tagger.tag_sentences([]) == [] and tagger.tag([]) == []


def test_one_sentence_or_many_give_the_same_labels():
    tagger = EntityTagger()
    assert [tagger.tag(s) for s in SENTENCES] == tagger.tag_sentences(SENTENCES)


def test_model_weights_are_the_models_transitions():
    tagger = EntityTagger()
    crf = tagger.load()
    labels = crf.labels()
    state, transition = model_weights(tagger._model, len(labels))
    info = crf.info()
    assert state.shape[1] == len(labels) and not state[-1].any()
    for (a, b), weight in info.transitions.items():
        assert transition[labels.index(a), labels.index(b)] == pytest.approx(weight, abs=1e-6)


@pytest.mark.shared
def test_scorer_equals_crfsuite_on_news():
    folder = SHARED / "data" / "news" / "indosum"
    files = sorted(folder.glob("dev.*.jsonl"))
    if not files:
        pytest.skip(f"{folder} is absent: this comparison needs the shared datasets")
    from warta.analyse.tokens import split_sentences, tokenize

    tagger = EntityTagger()
    sentences = []
    with files[0].open(encoding="utf-8") as fh:
        for line in list(fh)[:40]:
            record = json.loads(line)
            text = "\n\n".join(" ".join(tok for tok in sent) for para in record.get("paragraphs", [])
                               for sent in para) if "paragraphs" in record else record.get("text", "")
            tokens = tokenize(text)
            for start, end in split_sentences(text):
                sentences.append([text[s:e] for s, e in tokens if start <= s and e <= end])
    sentences = [s for s in sentences if s]
    assert len(sentences) > 100
    assert tagger.tag_sentences(sentences) == [crfsuite_labels(tagger, s) for s in sentences]
