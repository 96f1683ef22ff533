"""Events and quotes in the store: written with their article, filtered as `warta events`/`quotes` do."""

import datetime as dt

from warta.document import Document
from warta.store import Store

TEXT = ("Menteri Luar Negeri China Wang Yi menelepon Sergey Lavrov. Rusia menyerang Ukraina pada 24 Februari. "
        "Beijing tidak mengutuk Moskow.")


def _side(actor, country, text):
    return {"actor": actor, "country": country, "sector": "GOV" if actor else None, "text": text}


def _event(type_, src, tgt, *, date=None, negated=False, modality="asserted", trigger="x"):
    return {"type": type_, "mode": None, "cameo": None, "source": src, "target": tgt, "negated": negated,
            "modality": modality, "date": date, "location": None, "sentence": [0, 10], "trigger": trigger,
            "reported_by": {"actor": "wang-yi", "text": "Wang"}, "attributed_to": "Reuters", "intensity": 1.0}


def _doc() -> Document:
    doc = Document(source="hand.txt", text=TEXT, published="2022-03-01T10:00:00+07:00", outlet="Hand")
    doc.events = [
        _event("CONSULT", _side("wang-yi", "CHN", "Wang Yi"), _side("sergey-lavrov", "RUS", "Sergey Lavrov"),
               date="2022-03-01"),
        _event("ASSAULT", _side("RUS", "RUS", "Rusia"), _side("UKR", "UKR", "Ukraina"), date="2022-02-24"),
        _event("ACCUSE", _side("CHN", "CHN", "Beijing"), _side("RUS", "RUS", "Moskow"), date="2022-03", negated=True),
        _event("PROTEST", _side(None, "KAZ", "pengunjuk rasa"), None, modality="future"),
    ]
    doc.quotes = [{"text": "kami mendukung", "start": 5, "end": 19, "direct": True,
                   "speaker": {"actor": "wang-yi", "text": "Wang", "name": "Wang Yi"}, "attributed_to": "Reuters"},
                  {"text": "tidak ada", "start": 30, "end": 39, "direct": False,
                   "speaker": {"actor": None, "text": "seorang pejabat", "name": None}, "attributed_to": None}]
    return doc


def _store(tmp_path) -> Store:
    store = Store(tmp_path / "w.duckdb")
    store.add_batch([_doc()], store.start_run("t"))
    return store


def test_events_round_trip_in_the_contract_shape(tmp_path):
    with _store(tmp_path) as store:
        rows = store.list_events(limit=10)
        assert store.get_article(_doc().id)["events"] == _doc().events
    assert [r["type"] for r in rows] == ["ASSAULT", "CONSULT", "ACCUSE", "PROTEST"]  # by date, month as its 1st
    consult = rows[1]
    assert consult["source"] == _side("wang-yi", "CHN", "Wang Yi")
    assert consult["reported_by"] == {"actor": "wang-yi", "text": "Wang"}
    assert consult["attributed_to"] == "Reuters" and consult["outlet"] == "Hand"
    assert rows[3]["target"] is None


def test_event_filters(tmp_path):
    with _store(tmp_path) as store:
        types = lambda **kw: sorted(r["type"] for r in store.list_events(**kw))  # noqa: E731
        assert types(pair=("CHN", "RUS")) == ["ACCUSE", "CONSULT"]
        assert types(pair=("RUS", "CHN")) == ["ACCUSE", "CONSULT"]  # either direction
        assert types(pair=("RUS", "CHN"), directed=True) == []
        assert types(actor="lavrov") == ["CONSULT"]  # part of the surface text or id
        assert types(country="ukr") == ["ASSAULT"]
        assert types(type="accuse") == ["ACCUSE"]
        assert types(negated=True) == ["ACCUSE"]
        assert types(since=dt.date(2022, 3, 1)) == ["ACCUSE", "CONSULT", "PROTEST"]  # undated: article date
        assert types(until=dt.date(2022, 2, 28)) == ["ASSAULT"]
        assert types(modality="future") == ["PROTEST"]
        assert types(article="ffff") == []


def test_filter_values_are_parameters_not_sql(tmp_path):
    with _store(tmp_path) as store:
        assert store.list_events(actor="x' OR 1=1 --") == []
        assert store.list_quotes(speaker="%' OR '1'='1") == []
        assert len(store.list_events(limit=10)) == 4


def test_quotes_filter_by_speaker(tmp_path):
    with _store(tmp_path) as store:
        assert [q["text"] for q in store.list_quotes(speaker="wang")] == ["kami mendukung"]
        assert [q["text"] for q in store.list_quotes(speaker="pejabat")] == ["tidak ada"]
        assert [q["direct"] for q in store.list_quotes(direct=False)] == [False]
        assert len(store.list_quotes()) == 2
