"""Fuzzing the analysis (tokens, entities, actors, quotes, events, dates) with random and adversarial text.

Each component is called on documents it may meet in the wild and some no writer makes; whatever they hold,
the spans stay inside the text and nothing raises. Regression tests name the crash they pin."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.api import analyze

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
