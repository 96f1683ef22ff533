"""Events merged across reports, and dyad time series over merged events."""

import datetime as dt

import pytest

from warta.stories.merge import merge_events, side_key
from warta.stories.timeline import build_timeline, period_start, write_charts


def _ev(article, seq, type_="CONSULT", src=("wang-yi", "CHN", "Wang Yi"), tgt=("sergey-lavrov", "RUS", "Lavrov"),
        day=dt.date(2022, 1, 10), published=dt.date(2022, 1, 11), outlet="A", intensity=2.0, negated=False):
    return {"article_id": article, "seq": seq, "type": type_, "mode": "phone", "cameo": "040",
            "source_actor": src[0], "source_country": src[1], "source_sector": "GOV", "source_text": src[2],
            "target_actor": tgt[0], "target_country": tgt[1], "target_sector": "GOV", "target_text": tgt[2],
            "negated": negated, "modality": "asserted", "date": day.isoformat() if day else None, "event_date": day,
            "published_date": published, "outlet": outlet, "sent_start": 0, "sent_end": 10, "trigger": "menelepon",
            "intensity": intensity}


def test_side_key_prefers_actor_then_country_then_words():
    assert side_key("wang-yi", "CHN", "Wang") == "wang-yi"
    assert side_key(None, "CHN", "Beijing") == "CHN"
    assert side_key(None, None, "  Para  Demonstran ") == "para demonstran"
    assert side_key(None, None, None) is None


def test_one_call_reported_by_three_outlets_is_one_event_with_three_mentions():
    events = [_ev("a1", 0, outlet="A"), _ev("a2", 3, outlet="B", day=dt.date(2022, 1, 11)), _ev("a3", 1, outlet="C"),
              _ev("a4", 0, outlet="D")]
    merged = merge_events("s1", events, duplicate_of={"a4": "a1"})
    assert len(merged) == 1
    m = merged[0]
    assert m["date"] == "2022-01-10" and len(m["mentions"]) == 4
    assert m["articles"] == 3 and m["outlets"] == ["A", "B", "C"]  # the copy is a mention, not a report
    assert [x["duplicate_of"] for x in m["mentions"]].count("a1") == 1


def test_different_type_negation_or_dates_far_apart_stay_apart():
    events = [_ev("a1", 0), _ev("a1", 1, type_="ACCUSE", intensity=-3.0), _ev("a2", 0, negated=True),
              _ev("a3", 0, day=dt.date(2022, 2, 20), published=dt.date(2022, 2, 21))]
    merged = merge_events("s1", events)
    assert len(merged) == 4
    assert [m["date"] for m in merged] == sorted(m["date"] for m in merged)


def test_merge_ids_are_stable():
    events = [_ev("a1", 0), _ev("a2", 0)]
    assert [m["id"] for m in merge_events("s1", events)] == [m["id"] for m in merge_events("s1", events[::-1])]


def _merged(day, intensity, src="CHN", tgt="RUS"):
    return {"id": f"m{day}{src}{intensity}", "date": day, "intensity": intensity,
            "source": {"actor": None, "country": src, "text": src}, "target": {"actor": None, "country": tgt,
                                                                               "text": tgt}}


def test_timeline_months_without_gaps_cooperation_and_conflict_apart():
    events = [_merged("2022-01-10", 2.0), _merged("2022-01-20", -4.0, "RUS", "CHN"), _merged("2022-03-02", 5.0),
              _merged("2022-02-01", 3.0, "USA", "CHN")]
    series = build_timeline(events, "CHN", "RUS", by="month")
    rows = series.to_dict()["periods"]
    assert [r["period"] for r in rows] == ["2022-01", "2022-02", "2022-03"]
    assert (rows[0]["events"], rows[0]["cooperation"], rows[0]["conflict"]) == (2, 1, 1)
    assert rows[0]["net_intensity"] == -2.0 and rows[0]["a_to_b"] == 1 and rows[0]["b_to_a"] == 1
    assert rows[1]["events"] == 0 and series.total == 3


def test_a_mutual_action_coded_both_ways_counts_once_in_both_directions():
    call = [dict(_merged("2022-01-11", 2.5), type="CONSULT", story_id="s1", id="m1"),
            dict(_merged("2022-01-11", 2.5, "RUS", "CHN"), type="CONSULT", story_id="s1", id="m2"),
            dict(_merged("2022-01-11", 4.0, "RUS", "CHN"), type="AGREE", story_id="s1", id="m3")]
    (period,) = build_timeline(call, "CHN", "RUS", by="day").to_dict()["periods"]
    assert period["events"] == 2 and period["a_to_b"] == 1 and period["b_to_a"] == 2
    assert period["cooperation_intensity"] == 6.5 and period["event_ids"] == ["m1", "m2", "m3"]
    other_story = [call[0], dict(call[1], story_id="s2")]
    assert build_timeline(other_story, "CHN", "RUS", by="day").total == 2


def test_periods_start_on_monday_and_first_of_month():
    day = dt.date(2022, 1, 13)  # a Thursday
    assert period_start(day, "week") == dt.date(2022, 1, 10)
    assert period_start(day, "month") == dt.date(2022, 1, 1)
    with pytest.raises(ValueError):
        period_start(day, "year")


def test_charts_are_written_as_png_and_self_contained_html(tmp_path):
    series = build_timeline([_merged("2022-01-10", 2.0), _merged("2022-02-10", -6.0)], "CHN", "RUS", by="month")
    paths = write_charts(series, tmp_path)
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = paths["html"].read_text(encoding="utf-8")
    assert "<svg" in page and "2022-02" in page and "http" not in page.split("<svg", 1)[0].replace(
        'xmlns="http', "")
