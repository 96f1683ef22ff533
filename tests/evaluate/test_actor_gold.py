"""Gold actor mentions: the loader and the scorer on a hand-made IndoSum fold, then the real gold set.

The hand-made tests need nothing outside the repository. The tests of ``tests/gold/actors_indosum.json``
read the IndoSum articles from ``../shared`` and skip with a message when it is absent.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

import pytest

from warta.evaluate.actor_gold import (
    IGO_CODES,
    KINDS,
    LEVELS,
    SECTORS,
    ActorGoldArticle,
    default_actor_gold_path,
    is_actor_country,
    load_actor_gold,
    normalise_name,
    score_actor_mentions,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# ---------------------------------------------------------------------------------------------------------
# A hand-made fold: one article in IndoSum's tokenised form (our own sentences)
# ---------------------------------------------------------------------------------------------------------

ARTICLE_ID = "1500000000-contoh-kunjungan"  # 2017-07-14 in WIB
TOKENS = [
    [
        "Jakarta , CNN Indonesia - - Presiden Joko Widodo menerima Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta .",
    ],
    ["Jokowi mengatakan Indonesia dan Rusia sepakat .", "Para pengunjuk rasa berkumpul di depan Kedutaan Besar Rusia ."],
]
PARAGRAPHS = [
    "Jakarta, CNN Indonesia -- Presiden Joko Widodo menerima Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta.",
    "Jokowi mengatakan Indonesia dan Rusia sepakat. Para pengunjuk rasa berkumpul di depan Kedutaan Besar Rusia.",
]
MENTIONS = [  # (paragraph, surface, occurrence, name, kind, country, sector)
    (0, "Joko Widodo", 1, "Joko Widodo", "person", "IDN", "GOV"),
    (0, "Sergei Lavrov", 1, "Sergei Lavrov", "person", "RUS", "GOV"),
    (1, "Jokowi", 1, "Joko Widodo", "person", "IDN", "GOV"),
    (1, "Indonesia", 1, "Indonesia", "state", "IDN", None),
    (1, "Rusia", 1, "Russia", "state", "RUS", None),
    (1, "Para pengunjuk rasa", 1, "pengunjuk rasa", "group", "IDN", "CVL"),
    (1, "Kedutaan Besar Rusia", 1, "Embassy of Russia in Indonesia", "org", "RUS", "GOV"),
]


def _offset(paragraph: str, surface: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = paragraph.index(surface, start + 1)
    return start


def _mention_entry(p: int, surface: str, k: int, name: str, kind: str, country, sector) -> dict:
    start = _offset(PARAGRAPHS[p], surface, k)
    return {"paragraph": p, "start": start, "end": start + len(surface), "text": surface, "name": name,
            "kind": kind, "country": country, "sector": sector}  # fmt: skip


def _gold_spec() -> dict:
    return {
        "description": "hand-made test gold",
        "conventions": [],
        "articles": [
            {
                "file": "test.jsonl",
                "id": ARTICLE_ID,
                "date": "2017-07-14",
                "check": "Jakarta, CNN Indonesia --",
                "category": "tajuk utama",
                "scope": "international",
                "ignore": [{"paragraph": 0, "start": 0, "end": 25, "prefix": "Jakarta, CNN", "reason": "dateline"}],
                "mentions": [_mention_entry(*m) for m in MENTIONS],
            }
        ],
    }


@pytest.fixture
def fake_shared(tmp_path: Path) -> Path:
    fold = tmp_path / "data" / "news" / "indosum"
    fold.mkdir(parents=True)
    record = {"id": ARTICLE_ID, "paragraphs": [[s.split(" ") for s in p] for p in TOKENS], "summary": [],
              "category": "tajuk utama", "source": "test", "source_url": "https://example.org/contoh"}  # fmt: skip
    (fold / "test.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return tmp_path


def _write_gold(tmp_path: Path, spec: dict) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.fixture
def fake_gold(fake_shared: Path) -> list[ActorGoldArticle]:
    return load_actor_gold(fake_shared, _write_gold(fake_shared, _gold_spec()))


def _perfect(article: ActorGoldArticle) -> list[dict]:
    return [{"start": m.start, "end": m.end, "actor_name": m.name, "country": m.country, "sector": m.sector}
            for m in article.mentions]  # fmt: skip


def _span(article: ActorGoldArticle, surface: str, occurrence: int = 1) -> tuple[int, int]:
    start = _offset(article.text, surface, occurrence)
    return start, start + len(surface)


# ---------------------------------------------------------------------------------------------------------
# Loading the hand-made fold
# ---------------------------------------------------------------------------------------------------------


def test_hand_made_fold_detokenises_as_expected(fake_gold: list[ActorGoldArticle]) -> None:
    assert fake_gold[0].article.paragraphs == PARAGRAPHS


def test_offsets_are_converted_into_the_joined_text(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert [article.text[m.start:m.end] for m in article.mentions] == [m[1] for m in MENTIONS]
    jokowi = next(m for m in article.mentions if m.text == "Jokowi")
    assert jokowi.start == len(PARAGRAPHS[0]) + 2 and jokowi.paragraph == 1
    assert article.ignore == [(0, 25)]
    assert str(article.date) == "2017-07-14" and article.scope == "international"


def test_head_word_of_a_name_is_its_last_word_and_of_a_phrase_its_noun(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    heads = {m.text: article.text[m.head[0]:m.head[1]] for m in article.mentions}
    assert heads["Joko Widodo"] == "Widodo"
    assert heads["Para pengunjuk rasa"] == "pengunjuk"
    assert heads["Kedutaan Besar Rusia"] == "Kedutaan"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a.update(check="Medan, CNN Indonesia --"), "now starts"),
        (lambda a: a["mentions"][0].update(text="Joko Widada"), "now reads"),
        (lambda a: a["mentions"][0].update(start=200, end=211), "points outside"),
        (lambda a: a["ignore"][0].update(prefix="Medan,"), "no longer starts"),
    ],
)
def test_moved_data_is_reported(fake_shared: Path, change, message: str) -> None:
    spec = _gold_spec()
    change(spec["articles"][0])
    with pytest.raises(ValueError, match=f"{message}.*changed since the gold was annotated"):
        load_actor_gold(fake_shared, _write_gold(fake_shared, spec))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("country", "XYZ", "neither ISO 3166-1 alpha-3 nor an IGO code"),
        ("country", "ID", "neither ISO 3166-1 alpha-3 nor an IGO code"),
        ("sector", "ARMY", "is not one of"),
        ("kind", "place", "is not one of"),
        ("name", "", "no actor name"),
    ],
)
def test_invalid_codes_are_refused(fake_shared: Path, field: str, value: str, message: str) -> None:
    spec = _gold_spec()
    spec["articles"][0]["mentions"][0][field] = value
    with pytest.raises(ValueError, match=message):
        load_actor_gold(fake_shared, _write_gold(fake_shared, spec))


def test_date_must_agree_with_the_id_timestamp(fake_shared: Path) -> None:
    spec = _gold_spec()
    spec["articles"][0]["date"] = "2017-07-15"
    with pytest.raises(ValueError, match="timestamp is 2017-07-14"):
        load_actor_gold(fake_shared, _write_gold(fake_shared, spec))


def test_overlapping_mentions_are_refused(fake_shared: Path) -> None:
    spec = _gold_spec()
    spec["articles"][0]["mentions"].append(_mention_entry(0, "Presiden Joko", 1, "Joko Widodo", "person", "IDN", "GOV"))
    with pytest.raises(ValueError, match="overlap"):
        load_actor_gold(fake_shared, _write_gold(fake_shared, spec))


def test_missing_article_is_reported(fake_shared: Path) -> None:
    spec = _gold_spec()
    spec["articles"][0]["id"] = "1500000000-tidak-ada"
    with pytest.raises(ValueError, match="is not in"):
        load_actor_gold(fake_shared, _write_gold(fake_shared, spec))


def test_country_codes() -> None:
    assert is_actor_country("IDN") and is_actor_country("PSE") and is_actor_country("TWN")
    assert is_actor_country("UN") and is_actor_country("ASEAN") and is_actor_country(None)
    assert not is_actor_country("XYZ") and not is_actor_country("idn") and not is_actor_country("RI")


# ---------------------------------------------------------------------------------------------------------
# Scoring on the hand-made fold
# ---------------------------------------------------------------------------------------------------------


def test_perfect_predictions_score_one_everywhere(fake_gold: list[ActorGoldArticle]) -> None:
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: _perfect(fake_gold[0])})
    for level in LEVELS:
        assert scores["overall"][level]["precision"] == scores["overall"][level]["recall"] == 1.0
    assert scores["overall"]["gold"] == scores["overall"]["predicted"] == len(MENTIONS)
    assert all(not misses for misses in scores["misses"].values())


def test_no_predictions_score_zero(fake_gold: list[ActorGoldArticle]) -> None:
    scores = score_actor_mentions(fake_gold, {})
    assert scores["overall"]["mention"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "correct": 0}
    assert len(scores["misses"]["not_found"]) == len(MENTIONS)


def test_wider_span_covering_the_head_word_is_found(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    start, end = _span(article, "Presiden Joko Widodo")
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: [
        {"start": start, "end": end, "actor_name": "joko  widodo", "country": "idn", "sector": "gov"}
    ]})  # fmt: skip
    person = scores["by_kind"]["person"]
    assert person["mention"]["correct"] == person["name"]["correct"] == person["country_sector"]["correct"] == 1
    assert scores["overall"]["mention"]["precision"] == 1.0


def test_overlap_without_the_head_word_is_not_found(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    start, end = _span(article, "Presiden Joko")  # misses 'Widodo', the head of 'Joko Widodo'
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: [
        {"start": start, "end": end, "actor_name": "Joko Widodo", "country": "IDN", "sector": "GOV", "kind": "person"}
    ]})  # fmt: skip
    assert scores["overall"]["mention"]["correct"] == 0
    assert [m["predicted"]["text"] for m in scores["misses"]["spurious"]] == ["Presiden Joko"]
    assert scores["by_kind"]["person"]["predicted"] == 1  # the unmatched prediction counts under its own kind


def test_country_sector_and_name_are_judged_separately(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    lavrov, kedutaan, rusia = _span(article, "Sergei Lavrov"), _span(article, "Kedutaan Besar Rusia"), \
        _span(article, "Rusia", 2)  # fmt: skip
    predicted = [
        {"start": lavrov[0], "end": lavrov[1], "actor_name": "Sergey Lavrov", "country": "RUS", "sector": "GOV"},
        {"start": kedutaan[0], "end": kedutaan[1], "actor_name": "Embassy of Russia in Indonesia",
         "country": "RUS", "sector": None},
        {"start": rusia[0], "end": rusia[1], "actor_name": "Russia", "country": "UKR", "sector": None},
    ]  # fmt: skip
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: predicted})
    overall = scores["overall"]
    assert overall["mention"]["correct"] == 3 and overall["country"]["correct"] == 2
    assert overall["country_sector"]["correct"] == 1 and overall["name"]["correct"] == 2
    assert overall["mention"]["precision"] == 1.0 and overall["mention"]["recall"] == round(3 / len(MENTIONS), 4)
    assert [m["gold"]["text"] for m in scores["misses"]["wrong_name"]] == ["Sergei Lavrov"]
    assert [m["gold"]["text"] for m in scores["misses"]["wrong_sector"]] == ["Kedutaan Besar Rusia"]
    assert [m["predicted"]["country"] for m in scores["misses"]["wrong_country"]] == ["UKR"]


def test_one_prediction_finds_one_gold_mention(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    start, _ = _span(article, "Indonesia", 2)
    _, end = _span(article, "Rusia", 2)  # one span over 'Indonesia dan Rusia' covers both heads
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: [
        {"start": start, "end": end, "actor_name": "Indonesia", "country": "IDN", "sector": None}
    ]})  # fmt: skip
    assert scores["by_kind"]["state"]["mention"]["correct"] == 1
    assert scores["by_kind"]["state"]["mention"]["recall"] == 0.5


def test_predictions_inside_an_ignored_dateline_are_not_scored(fake_gold: list[ActorGoldArticle]) -> None:
    article = fake_gold[0]
    start, end = _span(article, "CNN Indonesia")
    predicted = _perfect(article) + [{"start": start, "end": end, "actor_name": "CNN Indonesia",
                                      "country": "IDN", "sector": "MED"}]  # fmt: skip
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: predicted})
    assert scores["overall"]["mention"]["precision"] == 1.0 and not scores["misses"]["spurious"]


def test_scores_split_by_kind(fake_gold: list[ActorGoldArticle]) -> None:
    scores = score_actor_mentions(fake_gold, {ARTICLE_ID: _perfect(fake_gold[0])[:3]})  # the three persons
    assert set(scores["by_kind"]) == {"person", "state", "group", "org"}
    assert scores["by_kind"]["person"]["mention"]["recall"] == 1.0
    assert scores["by_kind"]["state"]["mention"]["recall"] == 0.0
    assert scores["by_kind"]["person"]["gold"] == 3 and scores["overall"]["gold"] == len(MENTIONS)


def test_bad_predictions_are_refused(fake_gold: list[ActorGoldArticle]) -> None:
    with pytest.raises(ValueError, match="not in the gold"):
        score_actor_mentions(fake_gold, {"1500000001-lain": []})
    with pytest.raises(ValueError, match="outside the"):
        score_actor_mentions(fake_gold, {ARTICLE_ID: [{"start": 5, "end": 10_000}]})
    with pytest.raises(ValueError, match="integer 'start' and 'end'"):
        score_actor_mentions(fake_gold, {ARTICLE_ID: [{"start": "x", "end": 3}]})


def test_name_normalisation() -> None:
    assert normalise_name("António  Guterres") == normalise_name("antonio guterres")
    assert normalise_name("Kassym-Jomart Tokayev") == "kassym jomart tokayev"
    assert normalise_name(None) == normalise_name("") == ""


# ---------------------------------------------------------------------------------------------------------
# The gold set over ../shared
# ---------------------------------------------------------------------------------------------------------


def _spec() -> dict:
    return json.loads(default_actor_gold_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold_set() -> list[ActorGoldArticle]:
    if not (SHARED / "data" / "news" / "indosum").is_dir():
        pytest.skip(f"{SHARED} is absent: the IndoSum articles of the actor gold set live there")
    return load_actor_gold(SHARED)


def test_pointer_file_holds_no_article_text() -> None:
    spec = _spec()
    assert spec["description"] and spec["conventions"]
    for entry in spec["articles"]:
        assert set(entry) <= {"file", "id", "date", "check", "category", "scope", "ignore", "mentions"}
        assert entry["file"] in {"dev.01.jsonl", "dev.02.jsonl"}
        assert len(entry["check"].split(" ")) <= 4
        for span in entry.get("ignore", []):
            assert set(span) == {"paragraph", "start", "end", "prefix", "reason"} and len(span["prefix"]) <= 24
        for mention in entry["mentions"]:
            words = mention["text"].split()
            assert len(words) <= 8, mention  # a name or a short phrase, never a sentence
            assert not any(w.endswith((".", "!", "?")) and len(w) > 3 for w in words[:-1]), mention


def test_gold_set_size_and_mix(gold_set: list[ActorGoldArticle]) -> None:
    assert len(gold_set) >= 40
    assert len({a.id for a in gold_set}) == len(gold_set)
    scopes = Counter(a.scope for a in gold_set)
    assert 0.5 <= scopes["international"] / len(gold_set) <= 0.7
    assert scopes["domestic"] >= 0.3 * len(gold_set)
    categories = Counter(a.article.category for a in gold_set)
    assert categories["olahraga"] >= 2 and categories["teknologi"] >= 2
    assert sum(len(a.mentions) for a in gold_set) >= 1000
    assert all(len(a.mentions) >= 10 for a in gold_set)


def test_every_offset_round_trips(gold_set: list[ActorGoldArticle]) -> None:
    spec = {e["id"]: e for e in _spec()["articles"]}
    for article in gold_set:
        for raw in spec[article.id]["mentions"]:
            assert article.article.paragraphs[raw["paragraph"]][raw["start"]:raw["end"]] == raw["text"]
        for mention in article.mentions:
            assert article.text[mention.start:mention.end] == mention.text
            assert mention.start <= mention.head[0] < mention.head[1] <= mention.end
        for start, end in article.ignore:
            assert not any(m.start < end and start < m.end for m in article.mentions)


def test_codes_are_valid(gold_set: list[ActorGoldArticle]) -> None:
    mentions = [m for a in gold_set for m in a.mentions]
    assert {m.kind for m in mentions} == set(KINDS)
    assert all(is_actor_country(m.country) for m in mentions)
    assert all(m.sector is None or m.sector in SECTORS for m in mentions)
    assert all(m.country in IGO_CODES for m in mentions if m.kind == "igo")
    assert all(m.sector is None and m.country not in IGO_CODES for m in mentions if m.kind == "state")
    assert len({m.country for m in mentions if m.country}) >= 15
    assert {m.sector for m in mentions} >= set(SECTORS)


def test_an_actor_keeps_its_codes_on_one_date(gold_set: list[ActorGoldArticle]) -> None:
    codes: dict[tuple, set] = {}
    for article in gold_set:
        for m in article.mentions:
            codes.setdefault((m.name, article.date), set()).add((m.kind, m.country, m.sector))
    assert not {key: value for key, value in codes.items() if len(value) > 1}


def test_gold_scored_against_itself_is_perfect(gold_set: list[ActorGoldArticle]) -> None:
    scores = score_actor_mentions(gold_set, {a.id: _perfect(a) for a in gold_set})
    assert all(scores["overall"][level]["f1"] == 1.0 for level in LEVELS)
    assert set(scores["by_kind"]) == set(KINDS)


def test_changed_shared_data_is_reported(gold_set: list[ActorGoldArticle], tmp_path: Path) -> None:
    spec = _spec()
    spec["articles"] = spec["articles"][:1]
    moved = copy.deepcopy(spec)
    moved["articles"][0]["mentions"][0]["start"] += 1
    moved["articles"][0]["mentions"][0]["end"] += 1
    with pytest.raises(ValueError, match="changed since the gold was annotated"):
        load_actor_gold(SHARED, _write_gold(tmp_path, moved))
    spec["articles"][0]["check"] = "Kata yang tidak ada"
    with pytest.raises(ValueError, match="now starts"):
        load_actor_gold(SHARED, _write_gold(tmp_path, spec))
