"""Gold events and quotes: the scorer on hand-built documents, then the real gold files.

The scorer tests build gold articles and predicted documents by hand and need nothing outside the repository.
The gold tests load ``tests/gold/events_*.json`` (and the seeds) against ``../shared`` and skip when it is absent.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from warta.document import Document
from warta.evaluate.actor_gold import is_actor_country
from warta.evaluate.event_gold import (
    EVENT_TYPES,
    MODALITIES,
    GoldArticle,
    GoldEvent,
    GoldQuote,
    default_gold_dir,
    load_event_gold,
    score_events,
    score_quotes,
)

TEXT = (
    "Wang Yi dan Sergei Lavrov berbicara melalui telepon pada Selasa. "
    "China mendukung Kazakhstan. Rusia tidak akan mengutuk China.\n\n"
    "\"Kita harus bekerja sama,\" kata Wang. Menurut Lavrov, Moskow menolak tuntutan itu."
)


def _span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def _gold_event(src, tgt, typ, clause, *, optional=False, negated=False, modality="asserted",
                date="2022-01-11") -> GoldEvent:  # fmt: skip
    start, end = _span(clause)
    return GoldEvent(source=src, target=tgt, type=typ, mode=None, negated=negated, modality=modality, date=date,
                     optional=optional, start=start, end=end, words=" ".join(clause.split()[:3]))  # fmt: skip


def _gold_quote(speaker, clause, aliases=()) -> GoldQuote:
    start, end = _span(clause)
    return GoldQuote(direct=True, speaker=speaker, aliases=tuple(aliases), speaker_country=None,
                     attributed_to=None, start=start, end=end, words=clause.split()[0])  # fmt: skip


def _article(events=(), quotes=()) -> GoldArticle:
    return GoldArticle(key="test:1", kind="example", gold_file="<test>", text=TEXT, published=None,
                       anchor="2022-01-11", events=list(events), quotes=list(quotes))  # fmt: skip


def _pred(src, tgt, typ, sentence_text, *, negated=False, modality="asserted", date="2022-01-11") -> dict:
    start, end = _span(sentence_text)
    return {"type": typ, "source": {"country": src}, "target": None if tgt is None else {"country": tgt},
            "negated": negated, "modality": modality, "date": date, "sentence": [start, end]}  # fmt: skip


def _doc(events=(), quotes=(), actors=()) -> Document:
    return Document(source="test", text=TEXT, events=list(events), quotes=list(quotes), actors=list(actors))


S1 = "Wang Yi dan Sergei Lavrov berbicara melalui telepon pada Selasa."
S2 = "China mendukung Kazakhstan."
S3 = "Rusia tidak akan mengutuk China."


# ---------------------------------------------------------------------------------------------------------
# Event scoring
# ---------------------------------------------------------------------------------------------------------


def test_events_tp_fp_fn_and_one_to_one_matching():
    gold = [_gold_event("CHN", "RUS", "CONSULT", "berbicara melalui telepon"),
            _gold_event("RUS", "CHN", "CONSULT", "berbicara melalui telepon"),
            _gold_event("CHN", "KAZ", "SUPPORT", "China mendukung Kazakhstan")]  # fmt: skip
    preds = [_pred("CHN", "RUS", "CONSULT", S1), _pred("CHN", "RUS", "CONSULT", S1),  # second copy: FP
             _pred("CHN", "KAZ", "SUPPORT", S2), _pred("KAZ", "CHN", "SUPPORT", S2)]  # wrong direction: FP
    scores = score_events([_article(gold)], {"test:1": _doc(preds)})
    assert (scores.tp, scores.fp, scores.fn) == (2, 2, 1)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert [m["tuple"] for m in scores.misses] == ["RUS -> CHN CONSULT"]
    assert sorted(f["tuple"] for f in scores.false_positives) == ["CHN -> RUS CONSULT", "KAZ -> CHN SUPPORT"]
    assert scores.false_positives[0]["sentence"] in (S1, S2)
    assert scores.per_article["test:1"] == {"tp": 2, "fp": 2, "fn": 1, "gold": 3, "predicted": 4}


def test_optional_gold_neither_rewarded_nor_punished():
    gold = [_gold_event("CHN", "KAZ", "SUPPORT", "China mendukung Kazakhstan", optional=True),
            _gold_event("RUS", "CHN", "ACCUSE", "tidak akan mengutuk China", optional=True)]  # fmt: skip
    scores = score_events([_article(gold)], {"test:1": _doc([_pred("CHN", "KAZ", "SUPPORT", S2)])})
    assert (scores.tp, scores.fp, scores.fn, scores.optional_matched) == (0, 0, 0, 1)
    assert scores.precision == 0.0 and scores.recall == 0.0


def test_prediction_matches_required_gold_before_optional():
    gold = [_gold_event("CHN", "KAZ", "SUPPORT", "China mendukung Kazakhstan", optional=True),
            _gold_event("CHN", "KAZ", "SUPPORT", "Rusia tidak akan mengutuk China")]  # fmt: skip
    scores = score_events([_article(gold)], {"test:1": _doc([_pred("CHN", "KAZ", "SUPPORT", S2)])})
    assert (scores.tp, scores.fp, scores.fn) == (1, 0, 0)


def test_overlapping_evidence_is_matched_first():
    gold = [_gold_event("RUS", "CHN", "ACCUSE", "tidak akan mengutuk China", negated=True, modality="future"),
            _gold_event("RUS", "CHN", "ACCUSE", "Moskow menolak tuntutan itu")]  # fmt: skip
    pred = _pred("RUS", "CHN", "ACCUSE", S3, negated=True, modality="future")
    scores = score_events([_article(gold)], {"test:1": _doc([pred])})
    assert (scores.tp, scores.fn) == (1, 1)
    assert scores.misses[0]["evidence"].startswith("Moskow")  # the clause in S3 was the one matched
    assert scores.negation.correct == scores.negation.total == 1
    assert scores.modality.value == 1.0


def test_events_with_both_countries_null_are_not_scored():
    gold = [_gold_event(None, None, "PROTEST", "China mendukung Kazakhstan")]
    preds = [_pred(None, None, "ASSAULT", S2)]
    scores = score_events([_article(gold)], {"test:1": _doc(preds)})
    assert (scores.tp, scores.fp, scores.fn) == (0, 0, 0)
    assert (scores.unscored_gold, scores.unscored_predicted) == (1, 1)


def test_target_none_is_a_country_pair_with_null_target():
    gold = [_gold_event("RUS", None, "REJECT", "Moskow menolak tuntutan itu")]
    preds = [_pred("RUS", None, "REJECT", "Menurut Lavrov, Moskow menolak tuntutan itu.")]
    scores = score_events([_article(gold)], {"test:1": _doc(preds)})
    assert (scores.tp, scores.fp, scores.fn) == (1, 0, 0)


def test_attribute_accuracies_over_matched_pairs():
    gold = [_gold_event("RUS", "CHN", "ACCUSE", "tidak akan mengutuk China", negated=True, modality="future"),
            _gold_event("CHN", "KAZ", "SUPPORT", "China mendukung Kazakhstan", date="2022-01")]  # fmt: skip
    preds = [_pred("RUS", "CHN", "ACCUSE", S3, negated=False, modality="future", date="2022-01-11"),
             _pred("CHN", "KAZ", "SUPPORT", S2, negated=False, modality="obligation", date=None)]  # fmt: skip
    scores = score_events([_article(gold)], {"test:1": _doc(preds)})
    assert scores.tp == 2
    assert (scores.negation.correct, scores.negation.total) == (1, 2)
    assert (scores.modality.correct, scores.modality.total) == (1, 2)
    assert (scores.date.correct, scores.date.total) == (1, 2)  # null is compared like any other value
    assert {w["attribute"] for w in scores.wrong_attributes} == {"negation", "modality", "date"}
    as_dict = scores.to_dict()
    assert as_dict["negation"]["accuracy"] == pytest.approx(0.5) and as_dict["tp"] == 2


def test_missing_documents_are_an_error():
    with pytest.raises(ValueError, match="no analysed document"):
        score_events([_article()], {})


# ---------------------------------------------------------------------------------------------------------
# Quote scoring
# ---------------------------------------------------------------------------------------------------------

QUOTE_1 = "Kita harus bekerja sama,"
QUOTE_2 = "Moskow menolak tuntutan itu"


def _qpred(quoted: str, **speaker) -> dict:
    start, end = _span(quoted)
    return {"text": quoted, "start": start, "end": end, "direct": True,
            "speaker": {"actor": None, "text": None, "name": None, **speaker}}  # fmt: skip


def test_quotes_found_by_overlap_and_speaker_by_name_alias_or_id():
    gold = [_gold_quote("Wang Yi", QUOTE_1, aliases=["Wang"]), _gold_quote("Sergei Lavrov", QUOTE_2)]
    preds = [_qpred("harus bekerja", text="wang"),  # overlaps, alias, case-folded
             _qpred("Moskow menolak", actor="sergei-lavrov"),  # right by the actor id's name
             _qpred("China mendukung Kazakhstan", name="China")]  # overlaps no gold quote
    actors = [{"id": "sergei-lavrov", "name": "Sergei Lavrov"}]
    scores = score_quotes([_article(quotes=gold)], {"test:1": _doc(quotes=preds, actors=actors)})
    assert (scores.gold, scores.predicted, scores.found, scores.correct_predictions) == (2, 3, 2, 2)
    assert scores.recall == 1.0 and scores.precision == pytest.approx(2 / 3)
    assert (scores.speaker.correct, scores.speaker.total) == (2, 2)
    assert scores.false_positives[0]["text"] == "China mendukung Kazakhstan"


def test_wrong_speaker_and_missed_quote():
    gold = [_gold_quote("Wang Yi", QUOTE_1, aliases=["Wang"]), _gold_quote("Sergei Lavrov", QUOTE_2)]
    preds = [_qpred("bekerja sama", name="Sergei Lavrov", text="Lavrov")]
    scores = score_quotes([_article(quotes=gold)], {"test:1": _doc(quotes=preds)})
    assert (scores.found, scores.speaker.correct, scores.speaker.total) == (1, 0, 1)
    assert scores.misses[0]["speaker"] == "Sergei Lavrov"
    assert scores.wrong_speakers[0]["gold"] == "Wang Yi"
    assert scores.per_article["test:1"] == {"gold": 2, "predicted": 1, "found": 1, "speaker_right": 0}


# ---------------------------------------------------------------------------------------------------------
# Loading: validation on a small file of our own, then the real gold
# ---------------------------------------------------------------------------------------------------------

EXAMPLE_ENTRY = {
    "ref": {"kind": "example", "path": "examples/text/sindonews_wang_lavrov_telepon.txt"},
    "anchor": "2022-01-11",
    "events": [{
        "source": "RUS", "target": "CHN", "type": "CONSULT", "mode": "phone", "negated": False,
        "modality": "asserted", "date": "2022-01-11", "optional": False,
        "source_text": "Sergei Lavrov", "target_text": "Wang Yi",
        "evidence": {"paragraph": 0, "start": 0, "end": 60, "words": "Menteri Luar Negeri Rusia"},
    }],
    "quotes": [],
}  # fmt: skip


def _write(tmp_path: Path, entry: dict) -> Path:
    path = tmp_path / "events_test.json"
    path.write_text(json.dumps({"description": "test", "articles": [entry]}), encoding="utf-8")
    return path


def test_example_gold_loads_without_shared(tmp_path):
    articles = load_event_gold(tmp_path / "absent", paths=[_write(tmp_path, EXAMPLE_ENTRY)])
    assert [a.key for a in articles] == ["example:examples/text/sindonews_wang_lavrov_telepon.txt"]
    event = articles[0].events[0]
    assert articles[0].text[event.start:event.end].startswith("Menteri Luar Negeri Rusia")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e["events"][0]["evidence"].update(words="Menteri Dalam Negeri"), "does not start with"),
        (lambda e: e["events"][0].update(type="HUG"), "PLOVER"),
        (lambda e: e["events"][0].update(modality="maybe"), "modality"),
        (lambda e: e["events"][0].update(source="XXX"), "alpha-3"),
        (lambda e: e["events"][0].update(date="11/1/2022"), "YYYY-MM"),
        (lambda e: e["events"][0].update(source_text="Antony Blinken"), "does not occur"),
        (lambda e: e["events"][0]["evidence"].update(paragraph=99), "outside"),
    ],
)
def test_broken_items_are_named(tmp_path, change, message):
    entry = copy.deepcopy(EXAMPLE_ENTRY)
    change(entry)
    with pytest.raises(ValueError, match=message) as err:
        load_event_gold(tmp_path / "absent", paths=[_write(tmp_path, entry)])
    assert "sindonews_wang_lavrov_telepon" in str(err.value) and "event 0" in str(err.value)


@pytest.mark.shared
def test_all_gold_loads_and_is_valid(shared_dir):
    articles = load_event_gold(shared_dir)
    assert len(articles) >= 60
    assert {a.kind for a in articles} == {"indosum", "example", "seed"}
    for article in articles:
        for event in article.events:
            assert event.type in EVENT_TYPES and event.modality in MODALITIES
            assert is_actor_country(event.source) and is_actor_country(event.target)
            assert 0 <= event.start < event.end <= len(article.text)
            assert article.text[event.start:event.end].startswith(event.words)
        for quote in article.quotes:
            assert article.text[quote.start:quote.end].startswith(quote.words)
            assert is_actor_country(quote.speaker_country)


@pytest.mark.shared
def test_own_gold_files_are_large_enough(shared_dir):
    paths = [default_gold_dir() / "events_examples.json", default_gold_dir() / "events_indosum_a.json"]
    articles = load_event_gold(shared_dir, paths=paths, seeds=False)
    assert len(articles) >= 40
    assert sum(a.kind == "example" for a in articles) == 16
    assert sum(a.kind == "indosum" for a in articles) >= 24
    assert sum(len(a.events) for a in articles) >= 400 and sum(len(a.quotes) for a in articles) >= 150
    assert all(a.anchor for a in articles)


@pytest.mark.shared
def test_seed_gold_is_converted(shared_dir):
    seeds = [a for a in load_event_gold(shared_dir, paths=[]) if a.kind == "seed"]
    assert len(seeds) == 2
    events = [e for a in seeds for e in a.events]
    assert any(e.optional for e in events) and any(not e.optional for e in events)
    speakers = {q.speaker for a in seeds for q in a.quotes}
    assert {"Kementerian Luar Negeri Rusia", "Dewan Keamanan Rusia", "Wang Yi"} <= speakers


@pytest.mark.shared
def test_perfect_predictions_score_one(shared_dir):
    articles = load_event_gold(shared_dir, paths=[default_gold_dir() / "events_indosum_a.json"], seeds=False)[:3]
    docs = {}
    for article in articles:
        events = [{"type": e.type, "source": {"country": e.source}, "target": {"country": e.target},
                   "negated": e.negated, "modality": e.modality, "date": e.date, "sentence": [e.start, e.end]}
                  for e in article.events if not e.optional and e.scored]  # fmt: skip
        quotes = [{"start": q.start, "end": q.end, "speaker": {"name": q.speaker}} for q in article.quotes]
        docs[article.key] = Document(source=article.key, text=article.text, events=events, quotes=quotes)
    ev, qu = score_events(articles, docs), score_quotes(articles, docs)
    assert ev.fp == ev.fn == 0 and ev.tp > 0 and ev.f1 == 1.0
    assert ev.negation.value == ev.modality.value == ev.date.value == 1.0
    assert qu.recall == qu.precision == qu.speaker.value == 1.0
