"""The dirty-article generator: determinism and gold that matches the text it describes.

Most tests use an article written for these tests; the last ones build the whole evaluation set from
``../shared`` (IndoSum dev fold 02) and skip with a message when it is absent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from warta.evaluate.dirty import DEBRIS_REASONS, OUTLETS, DirtyArticle, default_gold_path, load_dirty_gold, make_dirty
from warta.evaluate.indosum import IndoSumArticle

SHARED = Path(__file__).parents[2].parent / "shared"

PARAGRAPHS = [
    "Jakarta, Contoh News -- Menteri Luar Negeri Indonesia bertemu Duta Besar Jepang di Jakarta pada Senin (6/3). "
    "Keduanya membahas rencana kerja sama perikanan di kawasan Laut Natuna.",
    "Menurut keterangan Kementerian Luar Negeri, pertemuan itu berlangsung sekitar satu jam di Gedung Pancasila.",
    "Baca juga: Nelayan Natuna Minta Patroli Ditambah",
    "\"Kami ingin kerja sama yang saling menguntungkan,\" kata juru bicara Kementerian Luar Negeri kepada wartawan.",
    "Pemerintah Jepang sebelumnya menawarkan bantuan kapal patroli kepada Badan Keamanan Laut sejak tahun lalu.",
    "Selain itu, kedua negara sepakat menggelar pertemuan lanjutan di Tokyo bulan depan untuk membahas rincian "
    "anggaran dan jadwal pelatihan bagi para nelayan di Kepulauan Riau.",
    "Rencana itu juga mendapat dukungan dari Dewan Perwakilan Rakyat yang meminta pemerintah bergerak cepat. (abc)",
]
NOTES = [
    {"paragraph": 0, "reason": "dateline", "lead": 4, "place": [0, 1]},
    {"paragraph": 2, "reason": "related"},
    {"paragraph": 6, "reason": "author-tag", "tail": 1},
]
BODY = [
    "Menteri Luar Negeri Indonesia bertemu Duta Besar Jepang di Jakarta pada Senin (6/3). "
    "Keduanya membahas rencana kerja sama perikanan di kawasan Laut Natuna.",
    PARAGRAPHS[1],
    PARAGRAPHS[3],
    PARAGRAPHS[4],
    PARAGRAPHS[5],
    "Rencana itu juga mendapat dukungan dari Dewan Perwakilan Rakyat yang meminta pemerintah bergerak cepat.",
]


def article(**overrides: object) -> IndoSumArticle:
    fields: dict = {
        "id": "1488772800-contoh-menteri-bertemu-dubes", "file": "contoh.jsonl", "paragraphs": PARAGRAPHS,
        "summary": [], "category": "tajuk utama", "source": "contoh", "url": "https://contoh.id/a",
        "title": "Menteri Bertemu Dubes Jepang Bahas Perikanan",
    }  # fmt: skip
    fields.update(overrides)
    return IndoSumArticle(**fields)


def accounts_for_all_text(text: str, debris: list[str], body: list[str]) -> bool:
    """Whether the text is exactly the debris pieces and body paragraphs, each in its own order, with only
    whitespace between them (nothing was injected without being recorded)."""
    debris = [piece.strip() for piece in debris]  # a tag line may start with spaces ("  • Jepang")
    seen: set[tuple[int, int, int]] = set()
    stack = [(0, 0, 0)]
    while stack:
        pos, d, b = stack.pop()
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if (pos, d, b) in seen:
            continue
        seen.add((pos, d, b))
        if pos == len(text) and d == len(debris) and b == len(body):
            return True
        if d < len(debris) and text.startswith(debris[d], pos):
            stack.append((pos + len(debris[d]), d + 1, b))
        if b < len(body) and text.startswith(body[b], pos):
            stack.append((pos + len(body[b]), d, b + 1))
    return False


def check_consistent(dirty: DirtyArticle) -> None:
    """Everything the gold says is in the text, and the repairs undo exactly the glue."""
    gold, text = dirty.gold, dirty.text
    tokens = text.split()
    assert len(dirty.body_in_text) == len(gold["body"])
    for clean, printed in zip(gold["body"], dirty.body_in_text):
        assert printed in text, printed
        assert printed.replace(" ", "") == clean.replace(" ", "")  # glue only removes spaces
    for piece in gold["debris"]:
        assert piece["reason"] in DEBRIS_REASONS, piece
        assert piece["text"] and piece["text"] in text, piece
    for repair in gold["repairs"]:
        assert repair["before"] in tokens, repair
        words = repair["after"].split(" ")
        assert len(words) >= 2 and "".join(words) == repair["before"]
        assert all(word.isalpha() for word in words), repair  # never across punctuation or numbers
        assert any(repair["after"] in clean for clean in gold["body"]), repair
    assert accounts_for_all_text(text, [d["text"] for d in gold["debris"]], dirty.body_in_text)
    assert {"title", "outlet", "dateline", "published", "author", "body", "debris", "repairs"} <= set(gold)
    assert gold["title"] and gold["debris"][0] == {"text": gold["title"], "reason": "title"}
    assert text.startswith(gold["title"] + "\n")


def test_same_seed_gives_the_same_text() -> None:
    first = make_dirty(article(), 7, original_debris=NOTES)
    again = make_dirty(article(), 7, original_debris=NOTES)
    assert first.text == again.text and first.gold == again.gold
    others = {make_dirty(article(), seed, original_debris=NOTES).text for seed in range(8)}
    assert len(others) == 8


def test_the_global_random_state_is_not_used() -> None:
    import random

    random.seed(1)
    first = make_dirty(article(), 3).text
    random.seed(2)
    assert make_dirty(article(), 3).text == first


@pytest.mark.parametrize("seed", range(40))
def test_gold_matches_text(seed: int) -> None:
    dirty = make_dirty(article(), seed, original_debris=NOTES, headlines=["Judul Lain dari Contoh Berita"])
    check_consistent(dirty)
    assert dirty.gold["body"] == BODY


def test_original_debris_is_not_body() -> None:
    gold = make_dirty(article(), 5, original_debris=NOTES).gold
    assert "Baca juga: Nelayan Natuna Minta Patroli Ditambah" not in gold["body"]
    assert {"text": "Baca juga: Nelayan Natuna Minta Patroli Ditambah", "reason": "related"} in gold["debris"]
    assert {"text": "(abc)", "reason": "author-tag"} in gold["debris"]
    assert not any("Contoh News" in d["text"] for d in gold["debris"])  # the original dateline is replaced


def test_the_original_dateline_place_is_kept() -> None:
    for seed in range(10):
        dirty = make_dirty(article(), seed, outlet="kompas", original_debris=NOTES)
        assert dirty.gold["dateline"] == "JAKARTA" and dirty.gold["outlet"] == "Kompas.com"
        assert "JAKARTA, KOMPAS.com - Menteri" in dirty.text
        assert {"text": "JAKARTA, KOMPAS.com -", "reason": "dateline"} in dirty.gold["debris"]


@pytest.mark.parametrize("key", sorted(OUTLETS))
def test_every_outlet_style(key: str) -> None:
    dirty = make_dirty(article(), 11, outlet=key, original_debris=NOTES)
    check_consistent(dirty)
    outlet = OUTLETS[key]
    assert dirty.gold["outlet"] == outlet.name
    if outlet.dateline:
        datelines = [d["text"] for d in dirty.gold["debris"] if d["reason"] == "dateline"]
        assert datelines == [outlet.render("Jakarta")[0].rstrip()]
    if "{" not in outlet.dateline:
        assert dirty.gold["dateline"] is None


def test_unknown_outlet_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown outlet 'koran-x'"):
        make_dirty(article(), 1, outlet="koran-x")


def test_bad_annotations_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown reason"):
        make_dirty(article(), 1, original_debris=[{"paragraph": 1, "reason": "junk"}])
    with pytest.raises(ValueError, match="outside"):
        make_dirty(article(), 1, original_debris=[{"paragraph": 40, "reason": "related"}])
    with pytest.raises(ValueError, match="cut 1..6 words"):
        make_dirty(article(), 1, original_debris=[{"paragraph": 2, "reason": "related", "tail": 7}])


def test_published_follows_the_timestamp_in_the_id() -> None:
    # 1488772800 is 2017-03-06T04:00:00Z: 11:00 WIB, 12:00 WITA, 13:00 WIT
    local = {"+07:00": "11:00", "+08:00": "12:00", "+09:00": "13:00"}
    for seed in range(30):
        published = make_dirty(article(), seed).gold["published"]
        if "T" in published:
            assert published[:10] == "2017-03-06" and published[11:16] == local[published[-6:]]
        else:
            assert published == "2017-03-06"


def test_glue_is_recorded_for_each_glued_token() -> None:
    repairs = [r for seed in range(30) for r in make_dirty(article(), seed).gold["repairs"]]
    assert len(repairs) >= 60
    assert any(re.search(r"[a-z][A-Z]", r["before"]) for r in repairs)  # katanyaJepang-style glue
    assert any(r["before"].islower() for r in repairs)  # plain lower-case glue too


def test_article_made_only_of_debris_is_refused() -> None:
    notes = [{"paragraph": i, "reason": "related"} for i in range(len(PARAGRAPHS))]
    with pytest.raises(ValueError, match="nothing is left as body"):
        make_dirty(article(), 1, original_debris=notes)


# ---------------------------------------------------------------------------------------------------------
# The evaluation set over ../shared
# ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold_set() -> list[DirtyArticle]:
    if not (SHARED / "data" / "news" / "indosum").is_dir():
        pytest.skip(f"{SHARED} is absent: the IndoSum articles of the dirty evaluation set live there")
    return load_dirty_gold(SHARED)


def test_pointer_file_holds_no_article_text() -> None:
    spec = json.loads(default_gold_path().read_text(encoding="utf-8"))
    assert spec["description"]
    for entry in spec["articles"]:
        assert entry["file"] == "data/news/indosum/dev.02.jsonl"  # dev.01 is reserved for the lexicon
        assert len(entry["check"].split(" ")) <= 4
        assert set(entry) <= {"file", "id", "check", "seed", "group", "category", "original_debris", "notes", "outlet"}
        for note in entry["original_debris"]:
            assert set(note) <= {"paragraph", "reason", "lead", "tail", "place"}


def test_gold_set_size_and_coverage(gold_set: list[DirtyArticle]) -> None:
    assert len(gold_set) >= 40
    reasons = Counter(d["reason"] for a in gold_set for d in a.gold["debris"])
    thin = {reason: reasons[reason] for reason in DEBRIS_REASONS if reasons[reason] < 10}
    assert not thin, f"debris kinds seen fewer than 10 times over the set: {thin}"
    assert sum(len(a.gold["repairs"]) for a in gold_set) >= 100
    groups = Counter(json.loads(default_gold_path().read_text())["articles"][i]["group"] for i in range(len(gold_set)))
    assert groups["international"] >= 0.4 * len(gold_set)


def test_gold_set_is_consistent(gold_set: list[DirtyArticle]) -> None:
    for dirty in gold_set:
        check_consistent(dirty)


def test_gold_set_is_deterministic(gold_set: list[DirtyArticle]) -> None:
    again = load_dirty_gold(SHARED)
    assert [a.text for a in again] == [a.text for a in gold_set]
    assert [a.gold for a in again] == [a.gold for a in gold_set]


def test_changed_shared_data_is_reported(gold_set: list[DirtyArticle], tmp_path) -> None:
    spec = json.loads(default_gold_path().read_text(encoding="utf-8"))
    spec["articles"] = spec["articles"][:1]
    spec["articles"][0]["check"] = "Kata yang tidak ada"
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ValueError, match="shared IndoSum data .* changed"):
        load_dirty_gold(SHARED, path)
