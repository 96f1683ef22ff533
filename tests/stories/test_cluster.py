"""Story clustering: same happening across outlets joins, other happenings and the same pair months apart don't."""

import datetime as dt

import pytest

from warta.stories.cluster import Clusterer, Story, story_id_for
from warta.stories.features import StoryItem, cosine, vectorise, word_weight

KAZ_1 = ("Presiden Kazakhstan Kassym-Jomart Tokayev meminta bantuan pasukan CSTO untuk meredam kerusuhan di Almaty. "
         "Rusia mengirim pasukan penjaga perdamaian ke Kazakhstan.")
KAZ_2 = ("Pasukan penjaga perdamaian CSTO yang dipimpin Rusia tiba di Almaty, Kazakhstan, setelah Tokayev meminta "
         "bantuan untuk mengatasi kerusuhan.")
KAZ_3 = ("Tokayev menyatakan misi CSTO di Kazakhstan selesai dan pasukan penjaga perdamaian Rusia mulai ditarik "
         "dari Almaty.")
FOOTBALL = ("Persija Jakarta mengalahkan Persib Bandung 2-1 di Stadion Gelora Bung Karno. Gol kemenangan dicetak "
            "pada menit ke-88 lewat sundulan kepala.")
CHN_RUS_MARCH = ("Menteri Luar Negeri China Wang Yi bertemu Sergey Lavrov di Beijing membahas kerja sama energi "
                 "dan perdagangan gas kedua negara.")
CHN_RUS_OCTOBER = ("Menteri Luar Negeri China Wang Yi bertemu Sergey Lavrov di Moskow membahas kerja sama energi "
                   "dan pembangunan pipa gas kedua negara.")


def _item(n, text, day, title=""):
    return StoryItem(id=f"{n:016x}", title=title, text=text, date=day, outlet=f"outlet{n}")


def test_common_words_weigh_nothing_and_names_weigh_most():
    assert word_weight("yang") == 0.0
    assert word_weight("mengatakan") < word_weight("kazakhstan") < word_weight("tokayev")


def test_vectors_are_normalised_and_similar_for_the_same_story():
    a, b, c = (vectorise(_item(i, t, None)) for i, t in enumerate((KAZ_1, KAZ_2, FOOTBALL)))
    assert abs(sum(v * v for v in a.values()) - 1.0) < 1e-9
    assert cosine(a, b, 1.0) > 0.3 > cosine(a, c, 1.0)


def test_same_story_across_days_joins_and_another_story_does_not():
    day = dt.date(2022, 1, 6)
    clusterer = Clusterer()
    out = clusterer.run([_item(1, KAZ_1, day), _item(2, KAZ_2, day + dt.timedelta(days=1)),
                         _item(3, FOOTBALL, day), _item(4, KAZ_3, day + dt.timedelta(days=6))])
    story = {a.article_id: a.story_id for a in out}
    assert story[_item(1, "", None).id] == story[_item(2, "", None).id] == story[_item(4, "", None).id]
    assert story[_item(3, "", None).id] != story[_item(1, "", None).id]
    assert out[0].new_story and out[0].story_id == story_id_for(out[0].article_id)


def test_the_same_pair_months_apart_is_two_stories():
    out = Clusterer().run([_item(1, CHN_RUS_MARCH, dt.date(2022, 3, 1)),
                           _item(2, CHN_RUS_OCTOBER, dt.date(2022, 10, 12))])
    assert out[0].story_id != out[1].story_id
    near = Clusterer().run([_item(1, CHN_RUS_MARCH, dt.date(2022, 3, 1)),
                            _item(2, CHN_RUS_OCTOBER, dt.date(2022, 3, 2))])
    assert near[0].story_id == near[1].story_id  # the same words within days: one story


def test_a_story_grows_step_by_step_beyond_the_window():
    start = dt.date(2022, 1, 1)
    items = [_item(i, KAZ_1 if i % 2 else KAZ_2, start + dt.timedelta(days=4 * i)) for i in range(6)]
    out = Clusterer(window_days=5).run(items)
    assert len({a.story_id for a in out}) == 1  # 20 days, never more than 4 days between reports


def test_order_given_does_not_matter_and_undated_articles_come_last():
    day = dt.date(2022, 1, 6)
    items = [_item(1, KAZ_1, day), _item(2, KAZ_2, day), _item(3, FOOTBALL, None), _item(4, KAZ_3, day)]
    first = {a.article_id: a.story_id for a in Clusterer().run(items)}
    second = {a.article_id: a.story_id for a in Clusterer().run(list(reversed(items)))}
    assert first == second


def test_incremental_state_continues_a_story():
    day = dt.date(2022, 1, 6)
    clusterer = Clusterer()
    first = clusterer.add(_item(1, KAZ_1, day))
    saved = clusterer.stories[first.story_id]
    state = saved.to_state()
    later = Clusterer()
    later.load(Story(id=saved.id, centroid=state["centroid"], start=saved.start, end=saved.end, size=state["size"]))
    second = later.add(_item(2, KAZ_2, day + dt.timedelta(days=2)))
    assert second.story_id == first.story_id and not second.new_story


def test_join_forces_the_story_of_an_original_and_retire_frees_memory():
    day = dt.date(2022, 1, 6)
    clusterer = Clusterer()
    a = clusterer.add(_item(1, KAZ_1, day))
    b = clusterer.add(_item(2, FOOTBALL, day), join=a.story_id)
    assert b.story_id == a.story_id
    clusterer.add(_item(3, FOOTBALL, day + dt.timedelta(days=60)))
    gone = clusterer.retire(day + dt.timedelta(days=30))
    assert [s.id for s in gone] == [a.story_id] and a.story_id not in clusterer.stories


@pytest.mark.parametrize("kwargs", [{"threshold": 0}, {"threshold": 1.5}, {"window_days": -1}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        Clusterer(**kwargs)


def test_empty_and_odd_texts_do_not_crash():
    out = Clusterer().run([_item(1, "", None), _item(2, "🙂" * 1000, dt.date(2022, 1, 1)),
                           _item(3, "x" * 100_000, dt.date(2022, 1, 1))])
    assert len(out) == 3
