"""Explicit dates and times as Indonesian news writes them, to ISO 8601.

``Selasa, 11 Januari 2022 - 10:52 WIB`` -> ``2022-01-11T10:52:00+07:00``; ``19/9/2022`` ->
``2022-09-19``. Impossible dates (``31/2/2022``) give None, never a guess. Words come from
:mod:`warta.lang.id.dates`. dateparser is the fallback for machine formats from page metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lang.id import dates as words

__all__ = ["FoundDate", "find_date", "parse_date_line", "normalise_published", "date_of"]

_MONTH = "|".join(sorted(words.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted((w.replace("'", "'?") for w in words.WEEKDAYS), key=len, reverse=True))
_TZ = "|".join(sorted(words.TIMEZONES, key=len, reverse=True))
_LEAD = "|".join(words.PUBLISHED_LEAD)

_DATE_NAMED = rf"(?P<d1>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
_DATE_NUMERIC = r"(?P<d2>\d{1,2})[/\-.](?P<m2>\d{1,2})[/\-.](?P<y2>\d{4}|\d{2})(?!\d)"
_DATE_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_DATE_MONTH_FIRST = rf"(?P<mon4>{_MONTH})\.?\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}})"
_TIME = (rf"(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?(?:\s*(?P<ampm>[ap]\.?m\.?)(?!\w))?"
         rf"(?:\s*(?P<tz>{_TZ})\b)?")

_DATE_TIME = re.compile(
    rf"(?:(?:{_WEEKDAY})\b\.?,?\s*)?(?:{_DATE_NAMED}|{_DATE_ISO}|{_DATE_MONTH_FIRST}|{_DATE_NUMERIC})"
    rf"(?:(?:\s*[,|\-–—/]\s*|\s+|T)(?:pukul\s+|jam\s+)?{_TIME})?",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(rf"\b(?:{_LEAD}|pada|pukul|jam|oleh|waktu|tanggal|tgl)\b|[\s,:|\-–—/()]+", re.IGNORECASE)
_ISO_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?)?$")


@dataclass(frozen=True, kw_only=True)
class FoundDate:
    """A date (and maybe a time) found in text: ISO value, precision and where it was."""

    value: str
    precision: str  # day | minute | second
    start: int
    end: int


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _date_from(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("d1"):
            return dt.date(_year(m.group("y1")), words.MONTHS[m.group("mon").lower()], int(m.group("d1")))
        if m.group("y3"):
            return dt.date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        if m.group("y4"):
            return dt.date(int(m.group("y4")), words.MONTHS[m.group("mon4").lower()], int(m.group("d4")))
        return dt.date(_year(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
    except ValueError:
        return None


def _iso_from(m: re.Match[str], date: dt.date, default_tz: int | None) -> tuple[str, str]:
    if m.group("h") is None:
        return date.isoformat(), "day"
    hour, minute, second = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").lower()[:1]
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return date.isoformat(), "day"
    tz_name = (m.group("tz") or "").lower()
    offset = words.TIMEZONES.get(tz_name, default_tz)
    tzinfo = dt.timezone(dt.timedelta(hours=offset)) if offset is not None else None
    stamp = dt.datetime(date.year, date.month, date.day, hour, minute, second, tzinfo=tzinfo)
    return stamp.isoformat(), "second" if m.group("s") else "minute"


def find_date(text: str, *, default_tz: int | None = 7) -> FoundDate | None:
    """The first valid explicit date (with its time, if any) in ``text``; None if there is none."""
    for m in _DATE_TIME.finditer(text):
        date = _date_from(m)
        if date is None or not 1900 <= date.year <= 2100:
            continue
        value, precision = _iso_from(m, date, default_tz)
        return FoundDate(value=value, precision=precision, start=m.start(), end=m.end())
    return None


def parse_date_line(line: str) -> str | None:
    """ISO date of a header line that is only a date (``Selasa, 11 Januari 2022 - 10:52 WIB``).

    Lines where a date is only part of a sentence give None: at most three other words may
    stand beside the date (``Diperbarui``, an author tag, a time-zone label).
    """
    if len(line) > 120:
        return None
    found = find_date(line)
    if found is None:
        return None
    rest = _LEFTOVER.sub(" ", line[: found.start] + " " + line[found.end :]).split()
    return found.value if len(rest) <= 3 else None


def normalise_published(value: str | None) -> str | None:
    """A published value from page metadata or a JSONL field, as ISO 8601, or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if _ISO_FULL.match(value):
        return _normalise_iso(value)
    found = find_date(value)
    if found is not None:
        return found.value
    return _dateparser_iso(value)


def _normalise_iso(value: str) -> str | None:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _dateparser_iso(value: str) -> str | None:
    import dateparser  # imported lazily: it is slow to import and rarely needed

    parsed = dateparser.parse(value, languages=["id", "en"], settings={"STRICT_PARSING": True})
    return parsed.isoformat() if parsed else None


def date_of(published: str | None) -> dt.date | None:
    """The calendar day of an ISO ``published`` value (date or date-time), or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
