"""Story gold: BCubed on hand-computed cases, then the loader on the real gold and on broken gold files.

The BCubed and the examples/corpus loader tests need nothing outside the repository; the IndoSum part of the
gold needs ``../shared`` and skips when it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from warta.evaluate.stories_gold import (
    HardNegative,
    bcubed,
    default_story_gold_path,
    gold_labels,
    hard_negatives_apart,
    load_story_gold,
)
from warta.read import read_inputs

CORPUS = "tests/gold/stories_corpus/articles.jsonl"
REPO = Path(__file__).resolve().parents[2]

# --- BCubed --------------------------------------------------------------------------------------------------

GOLD = {"a": "s1", "b": "s1", "c": "s1", "d": "s2", "e": "s2"}


def test_bcubed_perfect_clustering_scores_one():
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    assert bcubed(predicted, GOLD)["f1"] == pytest.approx(1.0)


def test_bcubed_hand_computed_split_and_merge():
    # predicted {a,b} {c,d,e}: precision a,b 1; c 1/3; d,e 2/3 -> 11/15
    # recall a,b 2/3 (story s1 has a,b,c); c 1/3; d,e 1 -> 11/15
    scores = bcubed({"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}, GOLD)
    assert scores["precision"] == pytest.approx(11 / 15)
    assert scores["recall"] == pytest.approx(11 / 15)
    assert scores["f1"] == pytest.approx(11 / 15)
    assert (scores["items"], scores["gold_stories"], scores["predicted_clusters"]) == (5, 2, 2)


def test_bcubed_asymmetric_case():
    # gold {a,b,c} {d}; predicted {a,b} {c,d}: P = (1+1+1/2+1/2)/4 = 3/4, R = (2/3+2/3+1/3+1)/4 = 2/3
    gold = {"a": "s1", "b": "s1", "c": "s1", "d": "s2"}
    scores = bcubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold)
    assert scores["precision"] == pytest.approx(3 / 4)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 * (3 / 4) * (2 / 3) / (3 / 4 + 2 / 3))


def test_bcubed_all_singletons():
    # gold {a,b} {c}: precision 1, recall (1/2 + 1/2 + 1)/3 = 2/3, F1 = 0.8
    gold = {"a": "s1", "b": "s1", "c": "s2"}
    scores = bcubed({"a": "a", "b": "b", "c": "c"}, gold)
    assert scores["precision"] == pytest.approx(1.0)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(0.8)


def test_bcubed_one_big_cluster():
    # gold {a,b} {c} in one cluster: precision (2/3 + 2/3 + 1/3)/3 = 5/9, recall 1, F1 = 5/7
    gold = {"a": "s1", "b": "s1", "c": "s2"}
    scores = bcubed({"a": "all", "b": "all", "c": "all"}, gold)
    assert scores["precision"] == pytest.approx(5 / 9)
    assert scores["recall"] == pytest.approx(1.0)
    assert scores["f1"] == pytest.approx(5 / 7)


def test_bcubed_all_singletons_on_all_singleton_gold_is_perfect():
    gold = {"a": "s1", "b": "s2"}
    assert bcubed({"a": "x", "b": "y"}, gold)["f1"] == pytest.approx(1.0)


def test_bcubed_missing_item_is_its_own_singleton():
    gold = {"a": "s1", "b": "s1", "c": "s2"}
    # c left out of the prediction: it stands alone, which is right here
    scores = bcubed({"a": "x", "b": "x"}, gold)
    assert scores["f1"] == pytest.approx(1.0)
    assert scores["missing"] == 1
    # b left out: a and c merged (P 1/2 each), b alone (P 1); recall a, b 1/2, c 1
    scores = bcubed({"a": "x", "c": "x"}, gold)
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 3)


def test_bcubed_missing_item_does_not_join_a_cluster_named_like_its_key():
    gold = {"a": "s1", "c": "s2"}
    # the predicted label "c" of a must not pull the missing item c into a's cluster
    assert bcubed({"a": "c"}, gold)["precision"] == pytest.approx(1.0)


def test_bcubed_ignores_and_counts_items_outside_the_gold():
    gold = {"a": "s1", "b": "s1"}
    scores = bcubed({"a": "x", "b": "x", "z": "x"}, gold)
    assert scores["f1"] == pytest.approx(1.0)
    assert scores["extra"] == 1


def test_bcubed_needs_gold_items():
    with pytest.raises(ValueError, match="at least one gold item"):
        bcubed({"a": "x"}, {})


def test_hard_negatives_apart_counts_pairs_in_different_clusters():
    pairs = [HardNegative(a="a", b="b", why="look-alike"), HardNegative(a="c", b="d", why="same people")]
    result = hard_negatives_apart({"a": "x", "b": "x", "c": "x", "d": "y"}, pairs)
    assert (result["pairs"], result["apart"], result["share"]) == (2, 1, 0.5)
    assert result["joined"] == [("a", "b", "look-alike")]
    assert hard_negatives_apart({"a": "x"}, pairs)["apart"] == 2  # missing items stand alone


# --- the real gold -------------------------------------------------------------------------------------------


def test_gold_without_shared_loads_examples_and_corpus_and_reports_the_skip():
    gold = load_story_gold(None)
    kinds = Counter(item.kind for item in gold)
    assert kinds == {"example": 16, "corpus": 30}
    assert gold.skipped > 0 and "IndoSum" in gold.skip_reason
    assert all(item.needs_cleaning for item in gold)
    assert len({item.key for item in gold}) == len(gold)


def test_gold_corpus_items_point_at_their_lines():
    gold = load_story_gold(None)
    corpus = [item for item in gold if item.kind == "corpus"]
    assert sorted(int(item.key.split(":")[1]) for item in corpus) == list(range(1, 31))
    for item in corpus:
        assert item.document().input_ref.endswith(f"articles.jsonl:{item.key.split(':')[1]}")


def test_document_returns_a_fresh_copy():
    item = load_story_gold(None)[0]
    doc = item.document()
    doc.text = "changed"
    assert item.document().text != "changed"


def test_corpus_is_read_by_warta_and_articles_are_news_sized():
    docs = list(read_inputs([str(REPO / CORPUS)]))
    assert len(docs) == 30 and not [d.input_ref for d in docs if d.rejected]
    for doc in docs:
        assert doc.hints["outlet"] and doc.hints["title"] and doc.url
        assert dt.datetime.fromisoformat(doc.hints["published"]).tzinfo is not None
        assert 120 <= len(doc.raw.split()) <= 300


@pytest.mark.shared
def test_full_gold_meets_the_targets(shared_dir):
    gold = load_story_gold(shared_dir)
    assert gold.skipped == 0
    sizes = Counter(item.story for item in gold)
    assert len(gold) >= 110
    assert sum(1 for size in sizes.values() if size > 1) >= 28
    assert sum(1 for size in sizes.values() if size == 1) >= 25
    labels = gold_labels(gold)
    for pair in gold.hard_negatives:
        assert labels[pair.a] != labels[pair.b]
    spec = json.loads(default_story_gold_path().read_text(encoding="utf-8"))
    assert set(sizes) == set(spec["stories"])


@pytest.mark.shared
def test_indosum_items_are_built_like_warta_builds_indosum(shared_dir):
    gold = load_story_gold(shared_dir)
    item = next(i for i in gold if i.kind == "indosum")
    doc = item.document()
    stamp = int(item.key.split(":")[2].split("-", 1)[0])
    assert dt.datetime.fromisoformat(doc.published).timestamp() == stamp
    assert doc.published.endswith("+07:00")
    assert doc.outlet and doc.title and doc.text
    assert [doc.text[s:e] for s, e in doc.paragraphs] == doc.text.split("\n\n")
    assert not item.needs_cleaning


# --- broken gold files ---------------------------------------------------------------------------------------


def _write_gold(tmp_path: Path, articles: list[dict], stories: dict | None = None, **extra) -> Path:
    spec = {
        "description": "test gold",
        "rule": "same story",
        "stories": stories or {"s1": "one story"},
        "articles": articles,
        **extra,
    }
    path = tmp_path / "stories_gold.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def _corpus_ref(line: int, check: str) -> dict:
    return {"ref": {"kind": "corpus", "path": CORPUS, "line": line, "check": check}, "story": "s1"}


def _first_words(line: int) -> str:
    text = (REPO / CORPUS).read_text(encoding="utf-8").splitlines()[line - 1]
    return " ".join(json.loads(text)["text"].split()[:5])


def test_loader_accepts_a_correct_small_gold(tmp_path):
    path = _write_gold(tmp_path, [_corpus_ref(2, _first_words(2)), _corpus_ref(3, _first_words(3))])
    gold = load_story_gold(None, path)
    assert [item.key for item in gold] == ["corpus:2", "corpus:3"]
    assert gold[0].gold_file == str(path)


def test_wrong_check_words_fail_naming_the_gold_file_and_entry(tmp_path):
    path = _write_gold(tmp_path, [_corpus_ref(2, _first_words(2)), _corpus_ref(3, "Kata-kata yang tidak ada")])
    with pytest.raises(ValueError) as err:
        load_story_gold(None, path)
    message = str(err.value)
    assert str(path) in message and "article 1" in message and "Kata-kata yang tidak ada" in message


def test_a_line_that_is_not_there_fails_loudly(tmp_path):
    path = _write_gold(tmp_path, [_corpus_ref(99, "Presiden")])
    with pytest.raises(ValueError, match=r"no readable line 99"):
        load_story_gold(None, path)


def test_an_example_record_that_is_not_there_fails_loudly(tmp_path):
    ref = {"kind": "example", "path": "examples/warc/crawl_sample.warc.gz", "record": 5, "check": "Rusia"}
    path = _write_gold(tmp_path, [{"ref": ref, "story": "s1"}])
    with pytest.raises(ValueError, match=r"stories_gold.json: article 0 .*no readable document 5"):
        load_story_gold(None, path)


def test_an_undescribed_story_label_fails(tmp_path):
    path = _write_gold(tmp_path, [{**_corpus_ref(2, _first_words(2)), "story": "s9"}])
    with pytest.raises(ValueError, match="story 's9' is not described"):
        load_story_gold(None, path)


def test_a_repeated_article_fails(tmp_path):
    path = _write_gold(tmp_path, [_corpus_ref(2, _first_words(2)), _corpus_ref(2, _first_words(2))])
    with pytest.raises(ValueError, match="repeats corpus:2"):
        load_story_gold(None, path)


def test_a_hard_negative_inside_one_story_fails(tmp_path):
    articles = [_corpus_ref(2, _first_words(2)), _corpus_ref(3, _first_words(3))]
    path = _write_gold(tmp_path, articles, hard_negatives=[{"a": "corpus:2", "b": "corpus:3", "why": "x"}])
    with pytest.raises(ValueError, match="hard negative 0 .*needs two stories"):
        load_story_gold(None, path)


@pytest.mark.shared
def test_a_moved_indosum_article_fails_naming_the_gold_file(shared_dir, tmp_path):
    ref = {"kind": "indosum", "file": "dev.01.jsonl", "id": "1490068848-kjri-dorong-pengusaha-jajaki-pasar-kopi-turki",
           "check": "Kata pertama yang salah"}  # fmt: skip
    path = _write_gold(tmp_path, [{"ref": ref, "story": "s1"}])
    with pytest.raises(ValueError, match=r"stories_gold.json: article 0 .*now starts"):
        load_story_gold(shared_dir, path)
    ref["id"] = "1490068848-no-such-article"
    path = _write_gold(tmp_path, [{"ref": ref, "story": "s1"}])
    with pytest.raises(ValueError, match=r"stories_gold.json: article 0 .*is not in dev.01.jsonl"):
        load_story_gold(shared_dir, path)
