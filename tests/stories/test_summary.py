"""Extractive summaries: LEAD-n, one article, a story of many articles, and the IndoSum evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from warta.analyse.tokens import split_sentences, tokenize
from warta.stories.summary import (
    FEATURES,
    StorySettings,
    SummaryModel,
    is_debris,
    lead,
    load_model,
    score_sentences,
    sentence_features,
    summarise,
    summarise_story,
)

# A hand-written article: the lead, a related-link line, the facts, a reader's aside, a quote.
ARTICLE = [
    "Jakarta - Pemerintah Indonesia mengirim bantuan kemanusiaan berupa obat-obatan dan beras ke Kazakhstan.",
    "Baca juga: Harga cabai di pasar induk naik lagi",
    "Bantuan kemanusiaan itu diberangkatkan dengan pesawat TNI dari Bandara Halim Perdanakusuma.",
    "Kazakhstan meminta bantuan obat-obatan setelah kerusuhan di Almaty melukai ribuan warga.",
    "\"Kami senang sekali, terima kasih,\" kata seorang warga.",
    "Cuaca di Jakarta cerah.",
]


@dataclass
class Article:
    id: str
    text: str
    published: str | None
    sentences: list[tuple[int, int]] = field(default_factory=list)


def make_article(article_id: str, paragraphs: list[str], published: str | None) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(id=article_id, text=text, published=published, sentences=split_sentences(text, tokenize(text)))


SYNDICATED = "Menteri Luar Negeri Rusia Sergei Lavrov dan Menteri Luar Negeri China Wang Yi berbicara melalui telepon tentang situasi di Kazakhstan."


def story() -> list[Article]:
    second = make_article("b-second", [
        f"Moskow - {SYNDICATED}",
        "Kedua menteri menyatakan dukungan bagi pemerintah Kazakhstan dan pasukan penjaga perdamaian CSTO.",
        "Baca juga: Sepuluh tempat wisata murah di Bandung",
    ], "2022-01-11T15:00:00+07:00")
    first = make_article("a-first", [
        f"Beijing - {SYNDICATED}",
        "Wang Yi mengatakan China menentang campur tangan asing dalam urusan dalam negeri Kazakhstan.",
        "Lavrov menjelaskan pasukan CSTO akan ditarik setelah situasi stabil.",
    ], "2022-01-11T09:00:00+07:00")
    third = make_article("c-third", [
        f"{SYNDICATED}",
        "Pembicaraan telepon itu berlangsung sehari setelah Presiden Tokayev meminta bantuan CSTO. (ant/asa)",
    ], "2022-01-12")
    return [second, first, third]  # not in time order


# --- lead and one article ---------------------------------------------------------------------------


def test_lead_takes_the_first_sentences():
    assert lead(ARTICLE) == [0, 1, 2]
    assert lead(ARTICLE, n=1) == [0]
    assert lead(ARTICLE[:2], n=3) == [0, 1]
    assert lead([], n=3) == []
    assert lead(ARTICLE, n=0) == []
    with pytest.raises(ValueError):
        lead(ARTICLE, n=-1)


def test_debris_sentences_are_recognised():
    assert is_debris("Baca juga: Harga cabai di pasar induk naik lagi")
    assert is_debris("(Baca juga: Harga cabai naik)")
    assert is_debris("Simak video: banjir di Bekasi")
    assert is_debris("Pemerintah menaikkan harga BBM. (ant/asa)")
    assert is_debris("...")
    assert not is_debris(ARTICLE[0])
    assert not is_debris(ARTICLE[3])


def test_summary_skips_debris_and_asides_and_keeps_text_order():
    picked = summarise(ARTICLE, n=3)
    assert picked == sorted(picked) and len(set(picked)) == 3
    assert 0 in picked  # the lead
    assert 1 not in picked  # 'Baca juga' debris
    assert 5 not in picked  # a short aside about the weather
    assert 4 not in picked  # a reader's quote


LONG_ARTICLE = [
    "Jakarta - Pemerintah Indonesia mengirim bantuan kemanusiaan berupa obat-obatan dan beras ke Kazakhstan.",
    "Bantuan kemanusiaan itu diberangkatkan dengan pesawat TNI dari Bandara Halim Perdanakusuma.",
    "Obat-obatan dan beras bantuan Indonesia tiba di Almaty pada malam hari.",
    "Kementerian Luar Negeri menyebut bantuan kemanusiaan untuk Kazakhstan bernilai dua juta dolar.",
    "Kazakhstan meminta bantuan internasional setelah kerusuhan di Almaty melukai ribuan warga.",
    "Tim sepak bola Persija menang dua gol tanpa balas di Stadion Gelora Bung Karno.",
    "Pengiriman bantuan obat-obatan dan beras berikutnya ke Kazakhstan direncanakan pekan depan.",
    "Ribuan warga Almaty masih membutuhkan obat-obatan dan beras.",
    "Rumah sakit di Almaty kekurangan obat-obatan sejak kerusuhan.",
    "Pemerintah Kazakhstan berterima kasih atas bantuan kemanusiaan Indonesia.",
    "Bantuan beras dibagikan kepada warga Almaty oleh relawan.",
    "Kerusuhan di Almaty mereda setelah pasukan CSTO tiba.",
]
OFF_TOPIC = 5  # the football result


def test_summary_prefers_a_central_sentence_to_an_earlier_off_topic_one():
    picked = summarise(LONG_ARTICLE, n=6)
    assert OFF_TOPIC not in picked and OFF_TOPIC + 1 in picked
    on_topic = [*LONG_ARTICLE]
    on_topic[OFF_TOPIC] = "Bantuan obat-obatan Indonesia untuk warga Almaty diserahkan kepada pemerintah Kazakhstan."
    assert OFF_TOPIC in summarise(on_topic, n=6)  # same place, but about the story: chosen
    scores, on_scores = score_sentences(LONG_ARTICLE), score_sentences(on_topic)
    assert on_scores[OFF_TOPIC] > scores[OFF_TOPIC]


def test_summary_of_empty_and_one_sentence_input():
    assert summarise([]) == []
    assert summarise(["Presiden Joko Widodo tiba di Beijing."]) == [0]
    assert summarise(["Baca juga: Harga cabai naik"]) == []
    assert summarise(ARTICLE, n=0) == []
    assert summarise(ARTICLE[:2], n=5) == [0]
    with pytest.raises(ValueError):
        summarise(ARTICLE, n=-2)


def test_summary_drops_a_repeated_sentence():
    repeated = [ARTICLE[0], ARTICLE[0].replace("Jakarta - ", ""), ARTICLE[2], ARTICLE[3]]
    picked = summarise(repeated, n=3)
    assert not {0, 1} <= set(picked)  # the lead and its copy without the dateline are one sentence
    assert len(picked) == 3 and {2, 3} <= set(picked)


def test_features_have_one_row_per_sentence_and_the_named_columns():
    rows = sentence_features(ARTICLE, paragraphs=[0, 1, 2, 2, 3, 4])
    assert len(rows) == len(ARTICLE) and all(len(r) == len(FEATURES) for r in rows)
    debris = FEATURES.index("debris")
    assert [r[debris] for r in rows] == [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    with pytest.raises(ValueError):
        sentence_features(ARTICLE, paragraphs=[0, 1])


def test_a_model_for_other_features_is_refused():
    data = load_model().to_dict()
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        SummaryModel.from_dict("old", data)
    with pytest.raises(ValueError, match="no summary model"):
        load_model("no-such-model")


# --- a story ------------------------------------------------------------------------------------------


def test_story_summary_shows_a_syndicated_sentence_once_from_the_earliest_article():
    articles = story()
    picked = summarise_story(articles, n=4)
    texts = {a.id: a.text for a in articles}
    quoted = [texts[aid][start:end] for aid, start, end in picked]
    assert sum(SYNDICATED in q for q in quoted) == 1
    (copy,) = [p for p, q in zip(picked, quoted) if SYNDICATED in q]
    assert copy[0] == "a-first"
    assert not any(is_debris(q) for q in quoted)
    assert len(picked) == 4
    only_copies = summarise_story(articles, n=6, settings=StorySettings(redundancy=1.0))  # no cosine check
    assert sum(SYNDICATED in texts[aid][start:end] for aid, start, end in only_copies) == 1


def test_story_summary_is_in_time_order_and_points_at_sentences():
    articles = story()
    by_id = {a.id: a for a in articles}
    time_rank = {"a-first": 0, "b-second": 1, "c-third": 2}  # 11 Jan 09:00+07, 11 Jan 15:00+07, 12 Jan
    picked = summarise_story(articles, n=5)
    for aid, start, end in picked:
        assert (start, end) in by_id[aid].sentences
    keys = [(time_rank[aid], start) for aid, start, _ in picked]
    assert keys == sorted(keys)


def test_story_summary_edge_cases():
    assert summarise_story([]) == []
    lone = make_article("x", ["Presiden Tokayev meminta bantuan CSTO untuk memulihkan ketertiban."], None)
    assert summarise_story([lone]) == [("x", 0, len(lone.text))]
    assert summarise_story([lone], n=0) == []
    undated_first = [lone, *story()]
    ids = [aid for aid, _, _ in summarise_story(undated_first, n=10)]
    assert "x" in ids and ids[-1] == "x"  # undated articles come after the dated ones
    with pytest.raises(ValueError, match="ISO 8601"):
        summarise_story([make_article("y", ["Satu kalimat saja di sini."], "kemarin sore")])
    with pytest.raises(ValueError):
        StorySettings(redundancy=0.0)


def test_story_summary_accepts_mappings():
    articles = [{"id": a.id, "text": a.text, "sentences": a.sentences, "published": a.published} for a in story()]
    assert summarise_story(articles, n=3) == summarise_story(story(), n=3)


# --- the IndoSum evaluation -------------------------------------------------------------------------


@pytest.mark.shared
def test_evaluation_on_an_indosum_subset(shared_dir):
    from warta.evaluate.summary_eval import INDOSUM_FILES, evaluate_summaries

    report = evaluate_summaries(shared_dir, limit=30)
    assert set(report["files"]) == set(INDOSUM_FILES)
    for name, table in report["files"].items():
        assert table["articles"] == 30
        assert name not in table["model_trained_on"]  # only held-out predictions
        for system in ("lead3", "ours", "oracle"):
            assert all(0.0 < table[system][m] <= 1.0 for m in ("rouge1", "rouge2", "rougeL"))
        assert table["lead3"]["sentences"] == 3.0
    overall = report["overall"]
    assert overall["articles"] == 60
    assert overall["oracle"]["rouge1"] > overall["lead3"]["rouge1"]
    assert overall["oracle"]["rouge1"] > overall["ours"]["rouge1"]
    assert set(report["ours_minus_lead3"]) == {"rouge1", "rouge2", "rougeL"}
    head_to_head = report["ours_vs_lead3_articles"]["rouge1"]
    assert sum(head_to_head.values()) == 60


@pytest.mark.shared
def test_the_shipped_model_is_what_the_training_script_fits(shared_dir):
    import importlib.util
    import json
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "train_summary.py"
    spec = importlib.util.spec_from_file_location("train_summary", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fitted = module.train(shared_dir, l2=1.0)
    assert fitted["shared_ids_dropped"] > 0  # dev.01 and dev.02 share articles: dropped from fold training
    for name, data in fitted["models"].items():
        shipped = load_model(name)
        assert set(shipped.held_out).isdisjoint(data["trained_on"])
        assert shipped.held_out == tuple(data["held_out"])
        assert shipped.weights == pytest.approx(tuple(data["weights"]), abs=1e-4)
        assert shipped.bias == pytest.approx(data["bias"], abs=1e-4)
    assert json.dumps(fitted)  # plain data, no arrays
