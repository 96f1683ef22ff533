"""Fuzzing the analysis (tokens, entities, actors, quotes, events, dates) with random and adversarial text.

Each component is called on documents it may meet in the wild and some no writer makes; whatever they hold,
the spans stay inside the text and nothing raises. Regression tests name the crash they pin."""

from __future__ import annotations

import bisect
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.analyse.timex import date_for_span, find_time_expressions
from warta.analyse.tokens import MAX_SENTENCE_CHARS, MAX_SENTENCE_TOKENS, split_sentences, tokenize
from warta.api import analyze
from warta.read import REASONS

PUBLISHED = "2022-01-11T10:00:00+07:00"


def check_spans(doc) -> None:
    """Every span any component set lies inside the cleaned text."""
    n = len(doc.text)
    assert all(0 <= a < b <= n for a, b in doc.tokens)
    assert all(0 <= a <= b <= n for a, b in doc.sentences)
    assert all(0 <= e["start"] < e["end"] <= n for e in doc.entities)
    assert all(0 <= s < e <= n for a in doc.actors for s, e in a["mentions"])
    assert all(0 <= q["start"] <= q["end"] <= n for q in doc.quotes)
    assert all(0 <= ev["sentence"][0] < ev["sentence"][1] <= n for ev in doc.events)
    doc.to_dict()


def test_tag_word_before_a_speech_verb_naming_no_one():
    """Regression: ``Rusia, kata Senin mengatakan ...`` made the quote finder look for the subject after
    ``kata`` ("Senin" names no one), get an empty speaker and fail with TypeError on its missing start."""
    doc = analyze("Judul\n\nRusia, kata Senin mengatakan bahwa China akan datang ke sana. Lalu Wang Yi datang "
                  "ke Moskow pada hari itu juga.", published=PUBLISHED)
    assert not doc.rejected, doc.rejected_detail
    check_spans(doc)


# -- tokens and sentences -------------------------------------------------------------------------------------

ODD = st.sampled_from([
    "\x00", "\x07", "\u202e", "\u2067", "\u2069", "\u200f", "\u200d", "\ufeff", "\u00ad", "\u0301", "\u0651",
    "👩‍👩‍👧‍👦", "🇮🇩", "🙂🏽", "مرحبا", "שלום", "Москва", "北京", "ภาษาไทย", "\ud800", "\udfff", "Rp1.500", "10/1/2022",
    "http://x.co/a?b=(c)", "a@b.co.id", "S.H.", "Dr.", "(AS)", "...", "…", "“", "”", "\"", "'", "(", ")", "[", "]",
    "-", "−4,9", "9" * 40, "\n", "\n\n", " ", "\t", ".", "!", "?", ",",
])
NASTY_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(ODD, st.sampled_from(["Rusia", "China", "kata", "mengecam", "Wang", "Yi"])),
             max_size=200).map(" ".join),
    st.lists(ODD, max_size=200).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(NASTY_TEXT)
def test_tokens_and_sentences_of_any_text(text):
    tokens = tokenize(text)
    assert all(a < b for a, b in tokens) and all(b <= c for (_, b), (c, _) in zip(tokens, tokens[1:]))
    assert all(not text[a:b].isspace() and " " not in text[a:b] for a, b in tokens)
    for with_tokens in (tokens, None):
        sentences = split_sentences(text, with_tokens)
        assert all(0 <= a < b <= len(text) for a, b in sentences)
        assert all(b <= c for (_, b), (c, _) in zip(sentences, sentences[1:]))


def test_a_flood_of_words_without_a_full_stop_is_cut_into_bounded_sentences():
    """A megabyte with no sentence end used to be one sentence, and every per-sentence step (subjects of speech
    verbs, dates near a trigger) scanned it again for each verb and trigger: quadratic, minutes per document."""
    text = "Judul\n\n" + " ".join(["Rusia", "mengecam", "China", "kata", "Wang", "Yi", ","] * 40_000)
    tokens = tokenize(text)
    sentences = split_sentences(text, tokens)
    starts = [a for a, _ in tokens]
    sizes = [bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) for a, b in sentences]
    assert max(sizes) <= MAX_SENTENCE_TOKENS and sum(sizes) == len(tokens)
    assert all(text[b - 1] == "," for _, b in sentences[1:-1])  # cut after a comma where there is one
    plain = split_sentences(text)
    assert max(b - a for a, b in plain) <= MAX_SENTENCE_CHARS
    assert "".join(text[a:b] for a, b in plain).replace(" ", "") == text.replace(" ", "").replace("\n", "")


# -- dates -------------------------------------------------------------------------------------------------------

DATE_WORDS = st.sampled_from([
    "Senin", "(10/1)", "(45/13)", "(0/0/2022)", "31/2/2022", "99999999999999999999/1/2022", "1/99999999999999999",
    "10", "Januari", "Februari", "2022", "9999", "10000", "0", "-1", "99999999999999999999", "tahun", "pekan",
    "lalu", "depan", "kemarin", "besok", "hari", "yang", "sama", "keesokan", "harinya", "dua", "kemudian",
    "1.000.000", "abad", "ke-21", "pukul", "25:99", "WIB", "Jumat", "tanggal", "bulan", "2022-13-45", "pada",
    "Rusia", "mengecam", "China", ",", ".", "dan", "setelah", "kata", "juru", "bicara", "tadi", "malam",
])
NEWS_YEARS = {"min_value": dt.datetime(1900, 1, 1), "max_value": dt.datetime(2100, 12, 31)}  # timex refuses others
ANCHORS = st.one_of(st.none(), st.datetimes(**NEWS_YEARS), st.datetimes(**NEWS_YEARS).map(dt.datetime.date))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.lists(DATE_WORDS, max_size=80).map(" ".join), ANCHORS, st.integers(min_value=0, max_value=600))
def test_dates_of_any_words_are_real_dates_inside_the_text(text, anchor, trigger):
    for e in find_time_expressions(text, anchor):
        assert 0 <= e.start <= e.end <= len(text) and e.text == text[e.start:e.end]
        assert e.value is None or _is_date(e.value), e
    value, precision = date_for_span(text, 0, len(text), anchor, trigger=min(trigger, len(text)))
    assert value is None or _is_date(value)
    assert precision in {"day", "week", "month", "year", "article", "none"}


def _is_date(value: str) -> bool:
    try:
        (dt.date.fromisoformat if len(value) == 10 else lambda v: dt.date.fromisoformat(v + "-01"))(value)
    except ValueError:
        return False
    return True


def test_a_list_of_thousands_of_dates_and_triggers_is_dated_without_rescanning_it_per_trigger():
    """Every trigger of a sentence full of dates tried every date, scanning the text between them each time
    (quadratic: half a minute for 30,000 words); now the nearest few are tried, nearest first."""
    text = " ".join(["Rusia", "menyerang", "Ukraina", "pada", "Senin", "(10/1)", "dan", "China", "mengecam"] * 3000)
    anchor = dt.date(2022, 1, 11)
    triggers = [i for i in range(0, len(text), 997)]
    dates = {date_for_span(text, 0, len(text), anchor, trigger=t) for t in triggers}
    assert dates <= {("2022-01-10", "day"), (None, "none")}


# -- the whole analysis ---------------------------------------------------------------------------------------------

NEWS_WORDS = st.sampled_from([
    "Rusia", "China", "Amerika Serikat", "Wang Yi", "Lavrov", "Presiden", "Menteri", "kata", "ujarnya", "mengatakan",
    "bahwa", "menurut", "Reuters", "mengecam", "menyerang", "mendukung", "tidak", "akan", "yang", "dan", "Senin",
    "(10/1)", "31/2/2022", "pekan", "lalu", "kemarin", "\"", "“", "”", "'", ",", ".", ":", "\n", "\n\n", "Baca juga:",
    "(esn)", "Foto:", "©", "ADVERTISEMENT", "BEIJING -", "Jakarta (ANTARA) -",
])
# lone surrogates included: warta.analyze replaces them by U+FFFD with a warning
ARTICLES = st.lists(st.one_of(NEWS_WORDS, ODD), min_size=1, max_size=300).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(ARTICLES, st.sampled_from([None, PUBLISHED, "0001-01-01", "9999-12-31T23:59:59+14:00", "kemarin"]))
def test_the_whole_analysis_of_hostile_news_text(text, published):
    doc = analyze("Judul\n\n" + text, published=published)
    if doc.rejected:
        assert doc.rejected in set(REASONS) | {"time-budget"} and doc.rejected_detail.startswith("<text>")
    else:
        check_spans(doc)


def test_lone_surrogates_in_a_text_argument_are_replaced_with_a_warning():
    doc = analyze("Judul berita hari ini\n\nRusia \ud800 mengecam China atas latihan militer di perbatasan pada "
                  "Senin, kata juru bicara \udfff kementerian.")
    assert not doc.rejected and "\ufffd" in doc.text
    assert any("U+FFFD" in warning for warning in doc.warnings)
