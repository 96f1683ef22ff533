"""Time expressions in Indonesian news text, resolved to the contract's dates against the article's date.

``Senin (10/1/2022) malam`` -> 2022-01-10; ``pada 24 Februari`` -> the year of the article (the one before
when that would lie more than two months after it); ``Pada hari Senin`` -> the latest Monday on or before
the article's date; ``pekan lalu`` -> the month of last week (a week cannot be written as a contract date);
``tahun lalu`` and ``pada 2014`` -> year precision and no value. Words are data in
:mod:`warta.lang.id.dates`; one compiled regular expression finds every form in a single linear scan.

Rules where a choice had to be made:

- News reports past events: a bare weekday is the latest such day on or before the article's date (the
  article's own day when they are equal); ``lalu``/``kemarin`` after it means strictly before, ``depan`` or
  ``mendatang`` strictly after; ``Senin pekan lalu`` is the Monday of last week.
- A day and month without a year (``24 Februari``, ``Jumat (7/1)``) take the year that puts them at most
  61 days after the article's date (so a date read in December can fall in the next January);
  ``lalu``/``depan`` after them force past or future. A weekday beside them is not checked against them.
- A month without a year (``akhir Februari``, ``Desember lalu``) works the same way, at most two months
  ahead; ``lalu`` means the latest such month up to the article's month.
- Weeks (``pekan lalu``, ``dua minggu lalu``, ``awal pekan lalu``) have precision ``week`` and the value of
  the month that holds the week's Wednesday (Monday for ``awal``, Saturday for ``akhir``): the seed gold
  codes ``Pekan lalu`` and ``awal pekan lalu`` read on 2022-01-11 as ``2022-01``. ``pekan ini`` is the
  article's month. ``beberapa hari lalu`` is a week (month value); ``beberapa pekan lalu`` a month.
- Years and vague words (``baru-baru ini``) have no value: the event is dated, just not to a month.
- ``minggu`` is Sunday only when capitalised or after ``hari`` and not followed by ``lalu``/``depan``/``ini``
  (``Minggu (9/1)``, ``hari Minggu lalu``); otherwise it is the week (``dua minggu lalu``, ``Minggu lalu,``).
- ``sehari sebelum ...`` counts back from the article's date (the story's day is taken to be the
  article's); ``beberapa hari setelah X ...`` dates the clause X it opens the same way (X came that long
  before the story's day), and not the main clause. ``sehari sebelumnya`` counts back from the date named
  before it, else from the article's.
- Carried dates: ``pada hari yang sama``, ``hari itu``, ``malam harinya``, ``keesokan harinya``,
  ``dua hari kemudian``, ``saat itu`` point back to the last date named before them (within 1,500
  characters) that is not after the article's date; a day moved from a week or a month keeps that week or
  month. With nothing named before them they give nothing: never an invented date. ``sejak saat itu``
  (from then on) is a span and dates nothing.
- For a trigger, only expressions of its own clause count (:func:`date_for_span`): not across a clause
  break, not into a subordinate clause (``tiba pekan lalu setelah Tokayev meminta``: the request is not
  dated by ``pekan lalu``), not for the verb of a relative clause after the date (``sejak Februari ...
  gerilyawan yang membunuh``). A sentence that goes on with the one before it (``Ia juga ...``) and has no
  date takes that sentence's. Reported speech with no date of its own takes the day it was said
  (:func:`frame_date`).
- A year needs a cue (``pada``, ``sejak``, ``tahun``, ``awal``): a bare four-digit number is a number.
  ``Nomor 10 Tahun 2022`` (a statute) is not a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..dates import date_of, normalise_published
from ..lang.id import dates as words

__all__ = ["TimeExpression", "find_time_expressions", "article_anchor", "date_for_span", "frame_date"]

PRECISIONS = ("day", "week", "month", "year")
KINDS = ("explicit", "relative", "weekday", "partial", "anaphoric")
_FORWARD_DAYS = 61  # a yearless date lies at most this far after the article's date
_FORWARD_MONTHS = 2
_NOON = 12
_YEARS = (1900, 2100)  # explicit dates and anchors outside these years are not news dates
_ANTECEDENT_CHARS = 1500  # how far before a scan an anaphor (``pada hari yang sama``) looks for its date
_SENTENCE_CHARS = 600  # the longest previous sentence a continuing one (``Ia juga ...``) looks back over
MAX_DATE_CANDIDATES = 16  # the expressions nearest a trigger tried for its date (see _nearest_reaching)


@dataclass(frozen=True, kw_only=True)
class TimeExpression:
    """A time expression at ``text[start:end]`` and the date it stands for."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD or YYYY-MM; None when coarser than a month or unresolvable
    precision: str  # day | week | month | year
    kind: str  # explicit | relative | weekday | partial

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"TimeExpression offsets must satisfy 0 <= start <= end, got {self.start}, {self.end}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"TimeExpression precision must be one of {PRECISIONS}, got {self.precision!r}")
        if self.kind not in KINDS:
            raise ValueError(f"TimeExpression kind must be one of {KINDS}, got {self.kind!r}")


# --- The pattern --------------------------------------------------------------------------------------


_CHAR_PATTERNS = {" ": r"\s+", "'": "['’]"}


def _alt(names) -> str:
    """One group matching any of ``names`` (lowercase), prefixes factored into a trie so a miss fails fast;
    the longest name wins; a space matches any run of whitespace."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_node(trie) + ")"


def _trie_node(node: dict) -> str:
    branches = [(_CHAR_PATTERNS.get(c) or re.escape(c)) + _trie_node(node[c]) for c in sorted(node) if c]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return body + "?" if "" in node else body


_WD = _alt(words.WEEKDAY_NAMES)
_MON = _alt(words.MONTHS)
_MONF = _alt(words.MONTH_NAMES)
_NUM = rf"(?:\d{{1,3}}|{_alt(words.NUMBER_WORDS)}|{_alt(words.FEW_WORDS)})"
_UNIT = _alt(words.UNITS)
_REL = _alt(words.RELATIONS)
_TOD = _alt(words.TIMES_OF_DAY)
_Y4 = r"(?:19|20)\d\d"

_ALTERNATIVES = {
    # Selasa, 11 Januari 2022 | 24 Februari | 24 Februari lalu
    "named": rf"(?:(?:hari\s+)?{_WD}\.?,?\s*)?(?P<a_d>\d{{1,2}})\s+(?P<a_mon>{_MON})\.?"
    rf"(?:,?\s+(?P<a_y>\d{{4}})(?!\d)|\s+(?P<a_rel>{_REL}))?",
    # Senin (10/1/2022) | Jumat (7/1) | (19/9)
    # (only "/": "(2-1)" is a score, "(2.5)" a number)
    "paren": rf"(?:(?:hari\s+)?{_WD},?\s*)?\(\s*(?P<b_d>\d{{1,2}})\s*/\s*(?P<b_m>\d{{1,2}})"
    rf"(?:\s*/\s*(?P<b_y>\d{{4}}|\d\d))?\s*\)",
    # 10/1/2022 | Senin, 10/1/2022
    "numeric": rf"(?:(?:hari\s+)?{_WD},?\s*)?(?P<c_d>\d{{1,2}})[/\-.](?P<c_m>\d{{1,2}})[/\-.]"
    rf"(?P<c_y>\d{{4}})(?!\d)",
    "iso": r"(?P<d_y>\d{4})-(?P<d_m>\d\d)-(?P<d_d>\d\d)(?!\d)",
    # January 11, 2022
    "month_first": rf"(?P<e_mon>{_MONF})\s+(?P<e_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<e_y>\d{{4}})(?!\d)",
    # Januari 2022 | bulan Januari tahun 2022
    "month_year": rf"(?:bulan\s+)?(?P<f_mon>{_MONF})\s+(?:tahun\s+)?(?P<f_y>{_Y4})(?!\d)",
    # English: last week, next Monday
    "before": rf"(?P<g_rel>{_alt(words.RELATIONS_BEFORE)})\s+(?:(?P<g_wd>{_WD})|(?P<g_unit>{_UNIT}))",
    # pada hari yang sama | keesokan harinya | saat itu: the date named before
    "anaphor": rf"(?P<n_ana>{_alt(list(words.DATE_ANAPHORS) + words.TIME_ANAPHORS)})",
    # pekan lalu | tiga hari yang lalu | sepekan lalu | beberapa hari lalu | tahun ini | 3 days ago
    "unit": rf"(?:(?P<h_n>{_NUM})\s+|(?P<h_se>se))?(?P<h_unit>{_UNIT})\s+"
    rf"(?:(?P<h_rel>{_REL})|(?P<h_next>{_alt(words.FOLLOWING)})|(?P<h_after>{_alt(words.AFTER_EVENT)}))",
    # pada hari Senin | Senin lalu | Senin pekan lalu
    "weekday": rf"(?P<i_hari>hari\s+)?(?P<i_wd>{_WD})(?:\s+(?P<i_week>pekan|minggu|week)\s+(?P<i_wrel>{_REL})"
    rf"|\s+(?P<i_rel>{_REL}))?",
    # akhir Februari | bulan Desember | Desember lalu | Januari tahun lalu
    "month": rf"(?P<j_bulan>bulan\s+)?(?P<j_mon>{_MONF})(?:\s+tahun\s+(?P<j_yrel>{_REL})|\s+(?P<j_rel>{_REL}))?",
    "vague": _alt(words.VAGUE_WORDS),
    "night": _alt(words.NIGHT_WORDS),
    "day": rf"(?P<l_day>{_alt(words.DAY_OFFSETS)})",
    # pada 2014 | tahun 2014 | akhir 2014
    "year": rf"(?P<m_tahun>tahun\s+)?(?P<m_y>{_Y4})(?!-an)",  # 2000-an: a decade
}

# Every expression starts with a digit, "(" or one of these words: checking that first lets most word
# starts fail in one step instead of trying each alternative (3x faster on IndoSum).
_FIRST_WORDS = {"bulan", "tahun", "hari"} | {"se" + unit for unit in words.UNITS} | {
    phrase.split()[0]
    for table in (words.DATE_CUES, words.PERIOD_PARTS, words.WEEKDAY_NAMES, words.MONTHS, words.NUMBER_WORDS,
                  words.FEW_WORDS, words.UNITS, words.VAGUE_WORDS, words.NIGHT_WORDS, words.DAY_OFFSETS,
                  words.RELATIONS_BEFORE, words.DATE_ANAPHORS, words.TIME_ANAPHORS)
    for phrase in table
}
_GATE = rf"(?<![\w/])(?=[\d(]|{_alt(_FIRST_WORDS)}(?!\w))"

_PATTERN = re.compile(
    _GATE + rf"(?:(?P<cue>{_alt(words.DATE_CUES)})\s+)?(?:(?P<part>{_alt(words.PERIOD_PARTS)})\s+)?"
    + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _ALTERNATIVES.items()) + ")"
    + rf"(?:\s+{_TOD}(?!\w))?(?:\s+waktu\s+setempat)?(?![\w/])",
    re.IGNORECASE,
)
_STATUTE = re.compile(r"(?:nomor|nomer|no\.?)\s*\d+[a-z]?\s*$", re.IGNORECASE)


# --- Calendar helpers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Anchor:
    day: dt.date
    hour: int | None


def _anchor_of(anchor: dt.date | dt.datetime | None) -> _Anchor | None:
    if anchor is None:
        return None
    if not isinstance(anchor, dt.date):
        raise ValueError(f"anchor must be a datetime.date, datetime.datetime or None, got {type(anchor).__name__}")
    if not _YEARS[0] <= anchor.year <= _YEARS[1]:
        raise ValueError(f"anchor {anchor.isoformat()} is not a news date ({_YEARS[0]}-{_YEARS[1]}); pass None")
    if isinstance(anchor, dt.datetime):
        return _Anchor(anchor.date(), anchor.hour)
    return _Anchor(anchor, None)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_of(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _month_value(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


# Letters the regex's case folding matches but str.lower() does not map to the listed word (ſ -> s, ı -> i).
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "\u0307": "", "’": "'"})


def _key(word: str) -> str:
    """The table key of matched words: lowercase, folded, single-spaced."""
    return " ".join(word.lower().translate(_FOLD).split())


def _rel_of(word: str | None) -> int | None:
    return None if word is None else words.RELATIONS[_key(word)]


def _resolve_day_month(day: int, month: int, rel: int | None, anchor: dt.date) -> dt.date | None:
    """The date of a yearless day and month read on ``anchor`` (see the module rules)."""
    candidates = [d for y in (anchor.year + 1, anchor.year, anchor.year - 1) if (d := _make_date(y, month, day))]
    if rel is not None and rel < 0:
        fits = [d for d in candidates if d <= anchor]
    elif rel is not None and rel > 0:
        fits = [d for d in reversed(candidates) if d >= anchor]
    else:
        fits = [d for d in candidates if (d - anchor).days <= _FORWARD_DAYS]
    return fits[0] if fits else None


def _resolve_month(month: int, rel: int | None, anchor: dt.date) -> tuple[int, int]:
    """(year, month) of a yearless month read on ``anchor``."""
    ahead = (month - anchor.month) % 12  # months from the anchor's month forward to ``month``
    if rel is not None and rel > 0:
        return _shift_month(anchor.year, anchor.month, ahead)
    if rel is not None and rel < 0 or ahead > _FORWARD_MONTHS:
        return _shift_month(anchor.year, anchor.month, ahead - 12 if ahead else 0)
    return _shift_month(anchor.year, anchor.month, ahead)


def _weekday_date(weekday: int, rel: int | None, anchor: dt.date) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    if rel is not None and rel > 0:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if rel is not None and rel < 0 and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _week_day(anchor: dt.date, weeks: int, weekday: int) -> dt.date:
    """``weekday`` of the calendar week (Monday first) ``weeks`` weeks from the anchor's week."""
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday + dt.timedelta(days=7 * weeks + weekday)


# --- One handler per alternative: (value, precision, kind) or None to drop the match -----------------

_Result = tuple[str | None, str, str] | None
_PENDING = "pending"  # the precision of an anaphor with nothing to fall back on before it is resolved
_WEEK_PART_DAY = {"start": 0, "end": 5, "middle": 2, None: 2}


def _weekday_of(name: str | None) -> int | None:
    return None if name is None else words.WEEKDAY_NAMES[_key(name)]


def _day_month(day: int, month: int, year: str | None, rel: int | None, a: _Anchor | None) -> _Result:
    if year is not None:
        date = _make_date(_year_of(year), month, day)
        if date is None or not _YEARS[0] <= date.year <= _YEARS[1]:
            return None
        return date.isoformat(), "day", "explicit"
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if a is None:
        return None, "day", "partial"
    date = _resolve_day_month(day, month, rel, a.day)
    return (date.isoformat(), "day", "partial") if date else None


def _on_named(m: re.Match[str], a: _Anchor | None) -> _Result:
    month = words.MONTHS[_key(m["a_mon"])]
    return _day_month(int(m["a_d"]), month, m["a_y"], _rel_of(m["a_rel"]), a)


def _on_paren(m: re.Match[str], a: _Anchor | None) -> _Result:
    return _day_month(int(m["b_d"]), int(m["b_m"]), m["b_y"], None, a)


def _on_numeric(m: re.Match[str], a: _Anchor | None) -> _Result:
    return _day_month(int(m["c_d"]), int(m["c_m"]), m["c_y"], None, a)


def _on_iso(m: re.Match[str], a: _Anchor | None) -> _Result:
    return _day_month(int(m["d_d"]), int(m["d_m"]), m["d_y"], None, a)


def _on_month_first(m: re.Match[str], a: _Anchor | None) -> _Result:
    return _day_month(int(m["e_d"]), words.MONTHS[_key(m["e_mon"])], m["e_y"], None, a)


def _on_month_year(m: re.Match[str], a: _Anchor | None) -> _Result:
    return f"{int(m['f_y']):04d}-{words.MONTHS[_key(m['f_mon'])]:02d}", "month", "explicit"


def _on_before(m: re.Match[str], a: _Anchor | None) -> _Result:
    rel = words.RELATIONS_BEFORE[_key(m["g_rel"])]
    if m["g_wd"]:
        return _weekday(_weekday_of(m["g_wd"]), rel, a)
    return _unit(1, words.UNITS[_key(m["g_unit"])], rel, m["part"], a)


def _on_unit(m: re.Match[str], a: _Anchor | None) -> _Result:
    if m["h_next"]:
        return None, _PENDING, "anaphoric"  # ``dua hari kemudian``: counted from the date named before
    rel = -1 if m["h_after"] else _rel_of(m["h_rel"])
    unit = words.UNITS[_key(m["h_unit"])]
    number = _key(m["h_n"] or "")
    if unit == "hour" and rel == 0:
        return None  # "jam ini"
    if m["h_after"] and not (number or m["h_se"]):
        return None  # "berbulan-bulan usai ...": no count, no date
    if number in words.FEW_WORDS:
        return _few(unit, rel, a)
    count = int(number) if number.isdigit() else words.NUMBER_WORDS.get(number, 1)
    if not number and not m["h_se"] and unit == "day" and _key(m["h_rel"] or "") not in ("ini", "kemarin"):
        return None  # "hari ini", "hari kemarin"; "hari lalu" (lalu lintas), "hari depan" are not dates
    if rel == 0 and (number or m["h_se"]):
        return None  # "dua hari ini", "sepekan ini": durations
    result = _unit(count, unit, rel, m["part"], a)
    if _key(m["h_rel"] or "") in words.ANAPHORIC_RELATIONS and result is not None:
        return result[0], result[1], "anaphoric"  # ``sehari sebelumnya``: before the date named before, if any
    return result


def _unit(count: int, unit: str, rel: int, part: str | None, a: _Anchor | None) -> _Result:
    kind = "relative"
    if unit == "year":
        return None, "year", kind
    if a is None:
        return None, "day" if unit == "hour" else unit, kind
    steps = count * (rel if rel else 0)
    if unit == "hour":  # ``dua jam lalu``: the article's day, or the day before when that crosses midnight
        back = a.hour is not None and rel < 0 and count > a.hour
        return (a.day - dt.timedelta(days=int(back))).isoformat(), "day", kind
    if unit == "day":
        return (a.day + dt.timedelta(days=steps)).isoformat(), "day", kind
    if unit == "month":
        return "%04d-%02d" % _shift_month(a.day.year, a.day.month, steps), "month", kind
    if rel == 0:
        return _month_value(a.day), "week", kind
    return _month_value(_week_day(a.day, steps, _WEEK_PART_DAY[_part_of(part)])), "week", kind


def _few(unit: str, rel: int, a: _Anchor | None) -> _Result:
    """``beberapa hari lalu``: a few units, so one step coarser (days -> a week, weeks -> a month)."""
    if unit == "hour" and rel != 0:
        return _unit(1, unit, rel, None, a)  # a few hours: the article's day
    if rel == 0 or unit in ("month", "year", "hour"):
        return None, "year", "relative"
    if a is None:
        return None, "week" if unit == "day" else "month", "relative"
    days = 3 if unit == "day" else 14
    day = a.day + dt.timedelta(days=days * (1 if rel > 0 else -1))
    return _month_value(day), "week" if unit == "day" else "month", "relative"


def _part_of(part: str | None) -> str | None:
    return None if part is None else words.PERIOD_PARTS[_key(part)]


def _on_weekday(m: re.Match[str], a: _Anchor | None) -> _Result:
    name = m["i_wd"]
    if _key(name) == "minggu" and not (m["i_hari"] or name[0] == "M"):
        return None  # lowercase "minggu" alone is the noun "week"
    weekday = _weekday_of(name)
    if m["i_week"]:
        if a is None:
            return None, "day", "weekday"
        return _week_day(a.day, _rel_of(m["i_wrel"]), weekday).isoformat(), "day", "weekday"
    return _weekday(weekday, _rel_of(m["i_rel"]), a)


def _weekday(weekday: int, rel: int | None, a: _Anchor | None) -> _Result:
    if a is None:
        return None, "day", "weekday"
    return _weekday_date(weekday, rel, a.day).isoformat(), "day", "weekday"


def _on_month(m: re.Match[str], a: _Anchor | None) -> _Result:
    if not (m["cue"] or m["part"] or m["j_bulan"] or m["j_rel"] or m["j_yrel"]):
        return None  # a bare month name may be a name (Mei, Juni); "pada Mei" is a date
    month = words.MONTHS[_key(m["j_mon"])]
    if a is None:
        return None, "month", "partial"
    if m["j_yrel"]:
        year = a.day.year + _rel_of(m["j_yrel"])
        return f"{year:04d}-{month:02d}", "month", "relative"
    return "%04d-%02d" % _resolve_month(month, _rel_of(m["j_rel"]), a.day), "month", "partial"


def _on_anaphor(m: re.Match[str], a: _Anchor | None) -> _Result:
    return None, _PENDING, "anaphoric"  # resolved against the expression before it by :func:`_carry`


def _on_vague(m: re.Match[str], a: _Anchor | None) -> _Result:
    return None, "year", "relative"


def _on_night(m: re.Match[str], a: _Anchor | None) -> _Result:
    if a is None:
        return None, "day", "relative"
    back = 1 if a.hour is not None and a.hour < _NOON else 0
    return (a.day - dt.timedelta(days=back)).isoformat(), "day", "relative"


def _on_day(m: re.Match[str], a: _Anchor | None) -> _Result:
    if a is None:
        return None, "day", "relative"
    offset = words.DAY_OFFSETS[_key(m["l_day"])]
    return (a.day + dt.timedelta(days=offset)).isoformat(), "day", "relative"


def _on_year(m: re.Match[str], a: _Anchor | None) -> _Result:
    if not (m["m_tahun"] or m["cue"] or m["part"]):
        return None
    if _STATUTE.search(m.string, max(0, m.start() - 20), m.start()):
        return None  # "Nomor 10 Tahun 2022": a statute's number, not a date
    return None, "year", "explicit"


_HANDLERS: dict[str, Callable[[re.Match[str], _Anchor | None], _Result]] = {
    "named": _on_named, "paren": _on_paren, "numeric": _on_numeric, "iso": _on_iso,
    "month_first": _on_month_first, "month_year": _on_month_year, "before": _on_before, "unit": _on_unit,
    "weekday": _on_weekday, "month": _on_month, "anaphor": _on_anaphor, "vague": _on_vague, "night": _on_night,
    "day": _on_day, "year": _on_year,
}


# --- Public functions -----------------------------------------------------------------------------------


def find_time_expressions(
    text: str, anchor: dt.date | dt.datetime | None, start: int = 0, end: int | None = None
) -> list[TimeExpression]:
    """Every time expression in ``text[start:end]``, in order, with offsets into ``text``.

    Relative expressions resolve against ``anchor`` (the article's date; a datetime also tells whether
    ``tadi malam`` was last night); without an anchor they keep their precision and have no value.
    Anaphors (``pada hari yang sama``, ``keesokan harinya``, ``dua hari kemudian``, ``saat itu``) take the
    last expression before them, in the range or up to 1,500 characters before it, that is not after the
    anchor; with none they are left out.
    """
    a = _anchor_of(anchor)
    return _scan(text, a, start, len(text) if end is None else end, look_back=True)


def _scan(text: str, a: _Anchor | None, start: int, end: int, *, look_back: bool) -> list[TimeExpression]:
    """The expressions of ``text[start:end]``; an anaphor takes the expression before it, looked for before
    ``start`` too when ``look_back`` (that earlier scan does not look back again)."""
    found: list[TimeExpression] = []
    earlier: list[TimeExpression] | None = None
    for m in _PATTERN.finditer(text, start, end):
        name = m.lastgroup  # the alternative's group closes last: the suffix after it captures nothing
        result = _HANDLERS[name](m, a)
        if result is None:
            continue
        value, precision, kind = result
        if kind == "anaphoric":
            if m["cue"] and _key(m["cue"]) in words.SPAN_CUES:
                continue  # ``sejak saat itu``: from then on, not a day
            antecedent = _antecedent(found, a)
            if antecedent is None and look_back:
                earlier = _earlier(text, a, start) if earlier is None else earlier
                antecedent = _antecedent(earlier, a)
            carried = _carry(m, antecedent)
            if carried is not None:
                value, precision = carried
            elif precision == _PENDING:
                continue  # nothing dated before it: no date rather than an invented one
            else:
                kind = "relative"  # ``sehari sebelumnya`` with nothing before it: before the article's day
        first = m.start("part") if m["part"] else m.start(name)
        found.append(TimeExpression(start=first, end=m.end(), text=text[first : m.end()], value=value,
                                    precision=precision, kind=kind))
    return found


def _earlier(text: str, a: _Anchor | None, start: int) -> list[TimeExpression]:
    """The expressions in the stretch of text before ``start`` where an anaphor's date is looked for."""
    if start == 0:
        return []
    begin = max(0, start - _ANTECEDENT_CHARS)
    if begin > 0:  # start at a word, not inside one
        space = _SPACE.search(text, begin, start)
        begin = space.end() if space else start
    return _scan(text, a, begin, start, look_back=False)


_SPACE = re.compile(r"\s")


def _antecedent(expressions: list[TimeExpression], a: _Anchor | None) -> TimeExpression | None:
    """The date an anaphor points back to: the last expression before it that is not after the article's date
    (``kunjungan ... pada 4 Februari`` read in January is a plan, not the day a story went on from)."""
    for expression in reversed(expressions):
        value = expression.value
        if a is None or value is None or value <= a.day.isoformat()[: len(value)]:
            return expression
    return None


def _carry(m: re.Match[str], antecedent: TimeExpression | None) -> tuple[str | None, str] | None:
    """(value, precision) of the anaphor ``m`` whose antecedent is ``antecedent``; None when there is none."""
    if antecedent is None:
        return None
    if m["n_ana"] is not None:
        key = _key(m["n_ana"])
        if key in words.TIME_ANAPHORS:
            return antecedent.value, antecedent.precision
        return _moved(antecedent, words.DATE_ANAPHORS[key], "day")
    unit = words.UNITS[_key(m["h_unit"])]
    number = _key(m["h_n"] or "")
    direction = words.ANAPHORIC_RELATIONS[_key(m["h_next"] or m["h_rel"])]
    if number in words.FEW_WORDS:
        return _moved_a_few(antecedent, direction, unit)
    count = int(number) if number.isdigit() else words.NUMBER_WORDS.get(number, 1)
    return _moved(antecedent, count * direction, unit)


_NEAR_DAYS = 7  # a day this close to a week or month named before is taken to lie in it


def _moved(antecedent: TimeExpression, steps: int, unit: str) -> tuple[str | None, str]:
    """The date ``steps`` units (hour, day, week, month, year) from ``antecedent``."""
    value, precision = antecedent.value, antecedent.precision
    if unit == "hour" or steps == 0:
        return value, precision  # hours later: the same day, as near as the text says
    if unit == "year" or precision == "year":
        return None, "year"
    if value is None:
        return None, unit
    if precision != "day":  # from a week or a month
        if unit == "day" and abs(steps) <= _NEAR_DAYS:
            return value, precision
        if unit == "month" and precision == "month":
            year, month = (int(part) for part in value.split("-"))
            return "%04d-%02d" % _shift_month(year, month, steps), "month"
        return None, unit
    day = dt.date.fromisoformat(value)
    if unit == "day":
        return (day + dt.timedelta(days=steps)).isoformat(), "day"
    if unit == "week":
        return _month_value(day + dt.timedelta(days=7 * steps)), "week"
    return "%04d-%02d" % _shift_month(day.year, day.month, steps), "month"


def _moved_a_few(antecedent: TimeExpression, direction: int, unit: str) -> tuple[str | None, str]:
    """``beberapa hari kemudian``: as :func:`_few`, counted from ``antecedent``."""
    if unit == "hour":
        return antecedent.value, antecedent.precision
    if unit not in ("day", "week"):
        return None, "year"
    days, coarser = (3, "week") if unit == "day" else (14, "month")
    value, _ = _moved(antecedent, days * direction, "day")
    return (value[:7] if value else None), coarser


# A lead paragraph is a line of running text ending a sentence; titles, subtitles and page debris
# ("loading...", "A") are shorter or carry no final full stop and do not count.
_SENTENCE_LINE = re.compile(r"^[^\n]{40,}?[.!?…][\"'”’)\]]*[^\S\n]*$", re.MULTILINE)
_LEAD_PARAGRAPHS = 2


def article_anchor(published: str | None, text: str = "") -> dt.date | None:
    """The article's date: ``published``, else the first full explicit date in its first two paragraphs.

    A published value outside 1900-2100 (``0001-01-01`` from broken metadata) does not count.
    """
    day = date_of(published) or (date_of(normalise_published(published)) if published else None)
    if day is not None and _YEARS[0] <= day.year <= _YEARS[1]:
        return day
    for expression in find_time_expressions(_lead(text), None):
        if expression.kind == "explicit" and expression.precision == "day":
            return dt.date.fromisoformat(expression.value)
    return None


_AFTER_EVENT_END = re.compile(rf"(?<!\w){_alt(words.AFTER_EVENT)}$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;]")
_BREAK = re.compile(rf"(?<!\w)(?:{_alt(words.CLAUSE_BREAKS)})(?!\w)|;", re.IGNORECASE)
_SUBORDINATE = re.compile(rf"(?<!\w){_alt(words.SUBORDINATORS)}(?!\w)", re.IGNORECASE)
_SPEECH_TAG = re.compile(rf"[,\"”]\s*[\"”]?\s*{_alt(words.SPEECH_TAGS)}(?!\w)", re.IGNORECASE)
# A lowercase relative "yang" (not the name Yang) and its clause up to the next comma.
_RELATIVE = re.compile(r"(?<!\w)yang(?!\w)[^,]*$")
# The trigger is the verb of a relative clause after the date (``sejak Februari ... gerilyawan yang membunuh
# tentara``): it tells what the noun before "yang" is or does, not what happened on that date.
_RELATIVE_VERB = re.compile(rf"(?<!\w)yang(?:\s+{_alt(words.AUXILIARIES)})?\s+$")
_OCCURRENCE = re.compile(rf"(?:\s+\w+){{0,3}}?\s+{_alt(words.OCCURRENCE_VERBS)}(?!\w)", re.IGNORECASE)
_HEAD_WORDS = 2  # "yang" this close after the trigger word describes the trigger itself ("Perang Suriah yang")


def _reaches(text: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether ``expression`` may date the trigger at offset ``trigger`` of the same sentence: not across a
    clause break; when it follows the trigger, not inside a subordinate clause or a relative clause about
    another noun, unless a speech tag stands between (``..., kata juru bicara, Jumat``: the speech's day)."""
    if expression.start <= trigger < expression.end:
        return True
    if _AFTER_EVENT_END.search(expression.text):  # ``beberapa hari setelah X bertemu Y``: only X's clause
        gap = (expression.end, trigger)
        return expression.end <= trigger and not (_CLAUSE_END.search(text, *gap) or _BREAK.search(text, *gap))
    if expression.end <= trigger:
        gap = (expression.end, trigger)
        return not (_BREAK.search(text, *gap) or _opens_clause(text, *gap) or _RELATIVE_VERB.search(text, *gap))
    gap = text[trigger : expression.start]
    if _SPEECH_TAG.search(gap):
        return True
    if _BREAK.search(gap) or _SUBORDINATE.search(gap):
        return False
    relative = _RELATIVE.search(gap)
    if relative is None:
        return True
    if len(gap[: relative.start()].split()) <= _HEAD_WORDS:
        return True
    return bool(_OCCURRENCE.match(gap, relative.start() + len("yang")))


def _opens_clause(text: str, start: int, trigger: int) -> bool:
    """Whether the trigger stands in a subordinate clause opened between ``start`` and it (``Pasukan tiba
    pekan lalu setelah Tokayev meminta bantuan``: the request came before); a comma after the conjunction
    closes that clause (``Pada Senin, setelah bertemu Putin, Tokayev mengumumkan ...``)."""
    opened = None
    for opened in _SUBORDINATE.finditer(text, start, trigger):
        pass
    return opened is not None and "," not in text[opened.end() : trigger]


def frame_date(
    text: str, start: int, end: int, quote_start: int, quote_end: int, anchor: dt.date | dt.datetime | None
) -> tuple[str | None, str]:
    """The date of the speech act around a quote: the first time expression of the quote's sentence
    ``text[start:end]`` outside the quote ``text[quote_start:quote_end]`` (``"...," ungkap Erdogan, pada
    Selasa (25/7)``), as (value, precision); ``(None, "none")`` when the frame has none. Reported speech
    is dated by the day it was said when its own clause has no date."""
    for expression in find_time_expressions(text, anchor, start, end):
        if expression.end <= quote_start or expression.start >= quote_end:
            return expression.value, expression.precision
    return None, "none"


def _lead(text: str) -> str:
    """The text up to the end of its second lead paragraph (all of it when it has fewer)."""
    for seen, m in enumerate(_SENTENCE_LINE.finditer(text), 1):
        if seen == _LEAD_PARAGRAPHS:
            return text[: m.end()]
    return text


def date_for_span(
    text: str,
    start: int,
    end: int,
    anchor: dt.date | dt.datetime | None,
    *,
    fallback: bool = True,
    trigger: int | None = None,
) -> tuple[str | None, str]:
    """The date of the clause ``text[start:end]`` as (value, precision).

    The clause's own time expression decides: the one nearest ``trigger`` (an offset into ``text``) when
    given, else the first. With a trigger, an expression in another clause does not count: one across a
    clause break (``tapi``, ``namun``, ``di mana``, ``dan dia``, ``;``) or, after the trigger, inside a
    subordinate clause (``gagal, setelah pemberontak menyerang pada Sabtu``) or a relative ``yang`` clause
    about another noun (``meminta bantuan ... kerusuhan yang melanda negaranya sejak awal pekan ini``;
    ``yang berlangsung pada ...`` is about the event and counts); a date after a speech tag (``..., kata
    juru bicara, Jumat``) is the day the words were said and reaches the whole sentence. A year or vague
    expression (``pada 2014``, ``baru-baru ini``) gives no value rather than the article's date. A
    sentence opening with a continuing subject (``Ia juga``, ``Mereka pun``) and no expression of its own
    takes the date of the sentence before it in the same paragraph. Otherwise: the anchor's date with
    precision ``article`` when ``fallback``, else ``(None, "none")``.
    """
    expressions = _expressions_of(text, anchor, start, end)
    if trigger is None:
        chosen = expressions[0] if expressions else None
    else:
        chosen = _nearest_reaching(text, expressions, trigger)
    if chosen is not None:
        return chosen.value, chosen.precision
    if trigger is not None and _CONTINUING.match(text, start, end):
        before = _previous_sentence(text, start)
        if before is not None:
            value, precision = date_for_span(text, *before, anchor, fallback=False)
            if precision != "none":
                return value, precision
    a = _anchor_of(anchor)
    if fallback and a is not None:
        return a.day.isoformat(), "article"
    return None, "none"


@functools.lru_cache(maxsize=8)
def _expressions_of(
    text: str, anchor: dt.date | dt.datetime | None, start: int, end: int
) -> tuple[TimeExpression, ...]:
    """:func:`find_time_expressions` remembered for the last few clauses: every trigger of a sentence asks
    for the same sentence's expressions."""
    return tuple(find_time_expressions(text, anchor, start, end))


def _nearest_reaching(text: str, expressions: Sequence[TimeExpression], trigger: int) -> TimeExpression | None:
    """The expression nearest the trigger (the earlier of two as near) that reaches it, among the
    :data:`MAX_DATE_CANDIDATES` nearest: each test scans the text between the two, so trying every
    expression of a long list of dates for every trigger in it would be quadratic."""
    ranked = sorted(expressions, key=lambda e: (max(e.start - trigger, trigger - e.end, 0), e.start))
    return next((e for e in ranked[:MAX_DATE_CANDIDATES] if _reaches(text, e, trigger)), None)


_CONTINUING = re.compile(rf"\s*{_alt(words.CONTINUING_OPENERS)}(?!\w)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+$")
_SENTENCE_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")


def _previous_sentence(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the sentence just before offset ``start`` in the same paragraph, or None."""
    gap = _SENTENCE_END.search(text, max(0, start - 8), start)
    if gap is None or "\n\n" in text[gap.start() : start]:
        return None
    end = gap.start() + 1
    begin = max(0, end - _SENTENCE_CHARS)
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, begin, end - 1)]
    if stops:
        begin = stops[-1]
    elif begin > 0:
        return None  # a sentence longer than the look-back: too far to tell where it starts
    return begin, end

