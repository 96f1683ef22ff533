import pytest

from warta.dates import find_date, normalise_published, parse_date_line


@pytest.mark.parametrize("line, iso", [
    ("Selasa, 11 Januari 2022 - 10:52 WIB", "2022-01-11T10:52:00+07:00"),
    ("Senin, 19 Sep 2022 | 14:30 WITA", "2022-09-19T14:30:00+08:00"),
    ("Rabu 12 Jan 2022 07:05 WIT", "2022-01-12T07:05:00+09:00"),
    ("11/01/2022, 10:52 WIB", "2022-01-11T10:52:00+07:00"),
    ("Diperbarui: Senin, 19 September 2022 14.30 WIB", "2022-09-19T14:30:00+07:00"),
    ("19 September 2022", "2022-09-19"),
    ("Kamis, 10 Nov 2022 20:15:33 WIB", "2022-11-10T20:15:33+07:00"),
])
def test_indonesian_date_lines(line, iso):
    assert parse_date_line(line) == iso


@pytest.mark.parametrize("line", [
    "Jumat, 31/2/2022", "Senin (45/13)", "Rusia pada Senin (19/9/2022) mengatakan bahwa kerja sama akan berlanjut",
    "25:99 WIB", "",
])
def test_no_invented_dates(line):
    assert parse_date_line(line) is None


def test_find_date_in_a_sentence_gives_position():
    found = find_date("Dewan itu pada Senin (19/9/2022) mengatakan")
    assert found.value == "2022-09-19" and found.precision == "day"


@pytest.mark.parametrize("value, iso", [
    ("2022-01-11T10:52:00+07:00", "2022-01-11T10:52:00+07:00"),
    ("2022-01-11", "2022-01-11"),
    ("2022-01-11T03:52:00Z", "2022-01-11T03:52:00+00:00"),
    ("Tue, 11 Jan 2022 03:52:00 GMT", "2022-01-11T03:52:00+00:00"),
    ("bukan tanggal", None),
    (None, None),
])
def test_normalise_published(value, iso):
    assert normalise_published(value) == iso
