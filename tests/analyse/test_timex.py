"""Time expressions: explicit, yearless, weekday and relative forms resolved against the article's date."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.analyse.timex import TimeExpression, article_anchor, date_for_span, find_time_expressions, frame_date

SEED = dt.date(2022, 1, 11)  # a Tuesday: the CSTO seed article, "Selasa (11/1/2022)"
SEPT = dt.date(2022, 9, 19)  # a Monday: the IDN Times seed article, "Senin (19/9/2022)"


def only(text: str, anchor=SEED) -> TimeExpression:
    found = find_time_expressions(text, anchor)
    assert len(found) == 1, found
    return found[0]


def value(text: str, anchor=SEED) -> str | None:
    return only(text, anchor).value


# --- explicit dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Senin (10/1/2022) malam", "2022-01-10", "day"),
        ("10/1/2022", "2022-01-10", "day"),
        ("10-1-2022", "2022-01-10", "day"),
        ("11 Januari 2022", "2022-01-11", "day"),
        ("Selasa, 11 Januari 2022", "2022-01-11", "day"),
        ("Rabu, 12 Jan 2022", "2022-01-12", "day"),
        ("Minggu (25/2/2018)", "2018-02-25", "day"),
        ("Senin (10/1/22)", "2022-01-10", "day"),
        ("2022-01-05", "2022-01-05", "day"),
        ("January 11, 2022", "2022-01-11", "day"),
        ("Januari 2022", "2022-01", "month"),
        ("bulan Juni 2017", "2017-06", "month"),
        ("sejak Maret 2021", "2021-03", "month"),
        ("akhir Desember 2021", "2021-12", "month"),
    ],
)
def test_explicit_dates(text, expected, precision):
    found = only(text)
    assert (found.value, found.precision, found.kind) == (expected, precision, "explicit")


def test_explicit_dates_need_no_anchor():
    assert value("Senin (10/1/2022)", None) == "2022-01-10"
    assert value("Januari 2022", None) == "2022-01"


@pytest.mark.parametrize("text", ["pada 2014", "tahun 2014", "sejak 2015", "akhir 2014", "pada tahun 2016"])
def test_years_have_year_precision_and_no_value(text):
    found = only(text)
    assert (found.value, found.precision) == (None, "year")


def test_impossible_dates_are_dropped():
    assert find_time_expressions("31/2/2022 dan (30/2)", SEED) == []


@pytest.mark.parametrize("text", ["31/2/2022", "Senin (45/13)", "(0/1)", "Jumat (31/4)", "pada 30 Februari",
                                  "29/2/2022", "Senin (10/13/2022)"])
def test_invalid_dates_from_the_issue_give_nothing(text):
    # issue 4, Bad input: no invented date (the weekday beside an impossible day does not stand in for it)
    assert find_time_expressions(text, SEED) == []
    assert date_for_span(text, 0, len(text), SEED, trigger=0, fallback=False) == (None, "none")


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Senin (10/1/2022) malam", "2022-01-10", "day"),
        ("pada 24 Februari", "2022-02-24", "day"),
        ("Jumat (7/1)", "2022-01-07", "day"),
        ("pekan lalu", "2022-01", "week"),
        ("kemarin", "2022-01-10", "day"),
        ("Senin lalu", "2022-01-10", "day"),
        ("tadi malam", "2022-01-11", "day"),
        ("dua hari lalu", "2022-01-09", "day"),
        ("awal pekan lalu", "2022-01", "week"),
    ],
)
def test_every_form_named_in_the_issue_dates_a_trigger(text, expected, precision):
    # issue 4, item 2: each form in a sentence, resolved against the published date (SEED, a Tuesday)
    sentence = f"Rusia mengirim pasukan ke Kazakhstan {text}."
    assert at(sentence, "mengirim") == (expected, precision)


# --- yearless dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("pada 24 Februari", SEPT, "2022-02-24"),  # the seed: invasion date read in September
        ("pada 24 Februari", SEED, "2022-02-24"),  # six weeks ahead: still this year
        ("pada 24 April", SEED, "2021-04-24"),  # more than two months ahead: last year
        ("pada 5 Januari", dt.date(2021, 12, 20), "2022-01-05"),  # read in December: next January
        ("Jumat (7/1)", SEED, "2022-01-07"),
        ("(19/9)", SEPT, "2022-09-19"),
        ("Senin (27/12)", dt.date(2022, 1, 3), "2021-12-27"),  # across the new year
        ("24 Desember lalu", SEED, "2021-12-24"),
        ("24 Februari lalu", SEED, "2021-02-24"),  # lalu: in the past, whatever the window says
        ("5 Februari mendatang", SEED, "2022-02-05"),
        ("pada Selasa (11/1) waktu setempat", SEED, "2022-01-11"),
    ],
)
def test_day_and_month_take_the_year_from_the_anchor(text, anchor, expected):
    found = only(text, anchor)
    assert (found.value, found.precision, found.kind) == (expected, "day", "partial")


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("akhir Februari", SEED, "2022-02"),
        ("awal Maret", SEED, "2022-03"),
        ("awal Mei", SEED, "2021-05"),
        ("Desember lalu", SEED, "2021-12"),  # read in January: the previous year
        ("bulan Desember", SEED, "2021-12"),
        ("Januari lalu", SEED, "2022-01"),
        ("Januari tahun lalu", SEED, "2021-01"),
        ("Maret mendatang", SEED, "2022-03"),
        ("Januari mendatang", dt.date(2022, 11, 2), "2023-01"),
        ("pada Juli", SEPT, "2022-07"),
    ],
)
def test_month_without_year(text, anchor, expected):
    found = only(text, anchor)
    assert (found.value, found.precision) == (expected, "month")


def test_a_bare_month_name_needs_a_cue():
    assert find_time_expressions("Mei Lan dan Juni Rahayu datang", SEED) == []


# --- weekdays ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pada hari Senin", "2022-01-10"),  # the seed
        ("pada hari Senin", "2022-01-10"),
        ("Senin (10/1)", "2022-01-10"),
        ("Senin lalu", "2022-01-10"),
        ("Senin kemarin", "2022-01-10"),
        ("Senin malam", "2022-01-10"),
        ("Selasa", "2022-01-11"),  # the anchor's own weekday: the anchor day
        ("Selasa lalu", "2022-01-04"),  # ... unless lalu
        ("Rabu", "2022-01-05"),
        ("Jumat", "2022-01-07"),
        ("Jum'at", "2022-01-07"),
        ("Sabtu pagi", "2022-01-08"),
        ("Minggu (9/1)", "2022-01-09"),
        ("hari Minggu", "2022-01-09"),
        ("hari Minggu lalu", "2022-01-09"),
        ("Senin depan", "2022-01-17"),
        ("Rabu mendatang", "2022-01-12"),
        ("Selasa depan", "2022-01-18"),
        ("Senin pekan lalu", "2022-01-03"),
        ("Jumat pekan depan", "2022-01-21"),
        ("on Monday", "2022-01-10"),
        ("last Friday", "2022-01-07"),
    ],
)
def test_weekdays_resolve_against_the_anchor(text, expected):
    found = only(text)
    assert (found.value, found.precision) == (expected, "day")


def test_weekday_kind():
    assert only("pada hari Senin").kind == "weekday"
    assert only("Senin (10/1)").kind == "partial"


# --- relative words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kemarin", "2022-01-10"),
        ("Kemarin", "2022-01-10"),
        ("kemarin sore", "2022-01-10"),
        ("hari ini", "2022-01-11"),
        ("tadi malam", "2022-01-11"),
        ("semalam", "2022-01-11"),
        ("tadi pagi", "2022-01-11"),
        ("dini hari tadi", "2022-01-11"),
        ("kemarin lusa", "2022-01-09"),
        ("dua hari lalu", "2022-01-09"),
        ("2 hari lalu", "2022-01-09"),
        ("tiga hari yang lalu", "2022-01-08"),
        ("sepuluh hari lalu", "2022-01-01"),
        ("12 hari lalu", "2021-12-30"),
        ("besok", "2022-01-12"),
        ("lusa", "2022-01-13"),
        ("dua hari lagi", "2022-01-13"),
        ("yesterday", "2022-01-10"),
        ("3 days ago", "2022-01-08"),
    ],
)
def test_relative_days(text, expected):
    found = only(text)
    assert (found.value, found.precision, found.kind) == (expected, "day", "relative")


def test_last_night_read_in_the_morning_is_the_day_before():
    morning, evening = dt.datetime(2022, 1, 11, 8, 30), dt.datetime(2022, 1, 11, 21, 0)
    assert value("tadi malam", morning) == "2022-01-10"
    assert value("semalam", morning) == "2022-01-10"
    assert value("tadi malam", evening) == "2022-01-11"
    assert value("tadi pagi", morning) == "2022-01-11"
    assert value("kemarin", morning) == "2022-01-10"


@pytest.mark.parametrize(
    ("text", "anchor", "expected", "precision"),
    [
        ("Pekan lalu", SEED, "2022-01", "week"),  # the seed gold
        ("awal pekan lalu", SEED, "2022-01", "week"),  # the seed gold
        ("minggu lalu", SEED, "2022-01", "week"),
        ("Minggu lalu", SEED, "2022-01", "week"),  # capitalised at a sentence start: still the week
        ("sepekan lalu", SEED, "2022-01", "week"),
        ("seminggu yang lalu", SEED, "2022-01", "week"),
        ("dua minggu lalu", SEED, "2021-12", "week"),  # Monday 27 Dec - Sunday 2 Jan: Wednesday is 29 Dec
        ("pekan lalu", dt.date(2022, 2, 1), "2022-01", "week"),
        ("pekan lalu", dt.date(2022, 3, 3), "2022-02", "week"),
        ("awal pekan lalu", dt.date(2022, 2, 3), "2022-01", "week"),  # Monday 24 Jan
        ("akhir pekan lalu", dt.date(2022, 2, 3), "2022-01", "week"),  # Saturday 29 Jan
        ("akhir pekan lalu", dt.date(2022, 3, 8), "2022-03", "week"),  # Saturday 5 Mar (Wed is 2 Mar)
        ("awal pekan lalu", dt.date(2022, 3, 8), "2022-02", "week"),  # Monday 28 Feb
        ("pekan depan", SEED, "2022-01", "week"),
        ("pekan depan", dt.date(2022, 1, 27), "2022-02", "week"),
        ("pekan ini", SEED, "2022-01", "week"),
        ("last week", SEED, "2022-01", "week"),
        ("beberapa hari lalu", SEPT, "2022-09", "week"),  # the seed gold
        ("beberapa hari lalu", dt.date(2022, 10, 1), "2022-09", "week"),
        ("bulan lalu", SEED, "2021-12", "month"),
        ("sebulan lalu", SEED, "2021-12", "month"),
        ("tiga bulan lalu", SEED, "2021-10", "month"),
        ("bulan depan", SEED, "2022-02", "month"),
        ("bulan depan", dt.date(2021, 12, 15), "2022-01", "month"),
        ("awal bulan ini", SEED, "2022-01", "month"),
        ("akhir bulan lalu", SEED, "2021-12", "month"),
        ("next month", SEED, "2022-02", "month"),
    ],
)
def test_relative_weeks_and_months(text, anchor, expected, precision):
    found = only(text, anchor)
    assert (found.value, found.precision, found.kind) == (expected, precision, "relative")


@pytest.mark.parametrize(
    "text", ["tahun lalu", "tahun ini", "tahun depan", "dua tahun lalu", "baru-baru ini", "belakangan ini",
             "beberapa bulan lalu", "beberapa waktu lalu"]
)
def test_coarse_and_vague_words_have_no_value(text):
    assert value(text) is None


# --- without an anchor ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision"),
    [("kemarin", "day"), ("Senin lalu", "day"), ("pada hari Senin", "day"), ("pekan lalu", "week"),
     ("bulan lalu", "month"), ("pada 24 Februari", "day"), ("Jumat (7/1)", "day"), ("akhir Februari", "month"),
     ("tadi malam", "day"), ("beberapa hari lalu", "week")],
)
def test_relative_forms_without_an_anchor_keep_precision_but_have_no_value(text, precision):
    found = only(text, None)
    assert (found.value, found.precision) == (None, precision)


# --- things that are not dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pasal 10/2022 mengatur hal itu",
        "UU Nomor 10 Tahun 2022 tentang Ibu Kota",
        "UU No. 11 Tahun 2020",
        "peringkat ke-10 dari 20 negara",
        "KTT G20 di Bali",
        "1/3 wilayah itu terendam",
        "pada pukul 10.52 WIB",
        "selama 24 jam",
        "selama dua minggu",
        "tiga minggu terakhir",
        "menang (2-1) atas tuan rumah",
        "nilai rata-rata (2.5)",
        "skor 3/4 dari total",
        "pada 2000-an dan awal 1990-an",
        "dalam seminggu ia datang",
        "minggu depannya",
        "hari lalu lintas",
        "jumlahnya 2014 orang",
        "keesokan harinya",
    ],
)
def test_not_dates(text):
    assert find_time_expressions(text, SEED) == []


def test_lowercase_minggu_alone_is_the_noun_week():
    assert find_time_expressions("dalam minggu yang sama", SEED) == []
    assert value("pada Minggu", SEED) == "2022-01-09"


# --- offsets -------------------------------------------------------------------------------------------


def test_offsets_point_into_the_text():
    text = "Demikian diungkapkan Wang Yi, Selasa (11/1/2022), menyusul kerusuhan pekan lalu di Kazakhstan."
    found = find_time_expressions(text, SEED)
    assert [(e.text, e.value) for e in found] == [("Selasa (11/1/2022)", "2022-01-11"), ("pekan lalu", "2022-01")]
    for e in found:
        assert text[e.start : e.end] == e.text
    assert found[0].start == text.index("Selasa")


def test_cue_words_stay_outside_the_span_and_parts_inside():
    text = "Rusia menyerang pada 24 Februari dan mundur pada akhir Maret."
    found = find_time_expressions(text, SEPT)
    assert [e.text for e in found] == ["24 Februari", "akhir Maret"]
    assert [e.start for e in found] == [text.index("24"), text.index("akhir")]


def test_start_and_end_limit_the_search_and_offsets_stay_absolute():
    text = "Kemarin polisi datang. Pada hari Senin, Tokayev berbicara."
    clause = text.index("Pada")
    found = find_time_expressions(text, SEED, clause, len(text))
    assert [(e.start, e.text, e.value) for e in found] == [(clause + 5, "hari Senin", "2022-01-10")]
    assert find_time_expressions(text, SEED, 0, 5) == []  # "Kemar" is cut: not the word kemarin


def test_letters_the_regex_folds_oddly_do_not_crash():
    # re.IGNORECASE matches "ſ" for s and "ı"/"İ" for i, which str.lower() does not map back
    assert value("1 ſeptember 2022") == "2022-09-01"
    assert value("Kamıs lalu") == "2022-01-06"
    assert value("HARİ İNİ") == "2022-01-11"


def test_time_expression_validates():
    with pytest.raises(ValueError, match="precision"):
        TimeExpression(start=0, end=1, text="x", value=None, precision="hour", kind="relative")
    with pytest.raises(ValueError, match="offsets"):
        TimeExpression(start=3, end=1, text="x", value=None, precision="day", kind="relative")


def test_bad_anchor_is_an_error():
    with pytest.raises(ValueError, match="anchor"):
        find_time_expressions("kemarin", "2022-01-11")
    with pytest.raises(ValueError, match="not a news date"):
        find_time_expressions("kemarin", dt.date(1, 1, 1))


# --- English -------------------------------------------------------------------------------------------


def test_common_english_forms():
    text = "Lavrov spoke yesterday; troops arrived last week and will leave next month, in 2023."
    assert [(e.text, e.value, e.precision) for e in find_time_expressions(text, SEED)] == [
        ("yesterday", "2022-01-10", "day"),
        ("last week", "2022-01", "week"),
        ("next month", "2022-02", "month"),
        ("2023", None, "year"),
    ]


# --- the article's date --------------------------------------------------------------------------------


def test_article_anchor_prefers_published():
    assert article_anchor("2022-01-11T10:52:00+07:00") == SEED
    assert article_anchor("2022-09-19", "Senin (10/1/2022)") == SEPT


def test_article_anchor_from_the_lead_when_nothing_is_published():
    text = (
        "China Ingin Rusia Bantu Usir Kekuatan Eksternal\nloading...\nA\nA\n"
        "BEIJING - Moskow dan Beijing harus bekerjasama. Demikian diungkapkan Menteri Luar Negeri China, "
        "Wang Yi, Selasa (11/1/2022), menyusul tuduhan itu.\n"
        "Pekan lalu, CSTO mengirim pasukan ke Kazakhstan pada 6 Januari 2022."
    )
    assert article_anchor(None, text) == SEED
    assert article_anchor("", text) == SEED


def test_article_anchor_skips_title_and_subtitle_lines():
    # seed 003: a title and a subtitle (no full stop) stand before the dated lead paragraph
    text = (
        "Semakin Dipojokkan Barat, Rusia Kian Mesra dengan China\n\n"
        "Biden ingatkan China untuk tidak membantu Rusia\n\n"
        "Jakarta, IDN Times - Rusia semakin dekat dengan China. Dewan Keamanan Rusia pada Senin (19/9/2022) "
        "mengatakan bahwa kerja sama militer berlanjut.\n\n"
        "Paragraf berikutnya menyebut 1 Maret 2021 sebagai tanggal lain."
    )
    assert article_anchor(None, text) == SEPT


def test_article_anchor_ignores_dates_after_the_lead_and_partial_dates():
    lead = "Paragraf pertama yang cukup panjang untuk dihitung, Senin (10/1).\n\n"
    second = "Paragraf kedua juga cukup panjang untuk dihitung sebagai paragraf.\n\n"
    assert article_anchor(None, lead + second + "Lalu pada 5 Januari 2022 terjadi sesuatu.") is None
    dated_second = lead + "Pada 5 Januari 2022 terjadi sesuatu di sana, kata polisi."
    assert article_anchor(None, dated_second) == dt.date(2022, 1, 5)
    assert article_anchor("0001-01-01", dated_second) == dt.date(2022, 1, 5)  # broken metadata does not count
    assert article_anchor(None, "") is None


# --- the date of a clause ------------------------------------------------------------------------------


SEED_TEXT = (
    "Pekan lalu, Organisasi Perjanjian Keamanan Kolektif (CSTO) mengirim pasukan ke Kazakhstan. "
    "Pada hari Senin, Presiden Tokayev menjuluki demonstrasi tersebut sebagai upaya kudeta. "
    "Kedua menteri membahas situasi di Asia Tengah. "
    "Rusia menyerang Ukraina sejak 2014 dan kerusuhan baru-baru ini."
)


def clause(words: str) -> tuple[int, int]:
    start = SEED_TEXT.index(words)
    return start, SEED_TEXT.index(".", start)


def test_date_for_span_uses_the_clause_expression():
    assert date_for_span(SEED_TEXT, *clause("Pekan lalu"), SEED) == ("2022-01", "week")
    assert date_for_span(SEED_TEXT, *clause("Pada hari Senin"), SEED) == ("2022-01-10", "day")


def test_date_for_span_falls_back_to_the_anchor():
    assert date_for_span(SEED_TEXT, *clause("Kedua menteri"), SEED) == ("2022-01-11", "article")
    assert date_for_span(SEED_TEXT, *clause("Kedua menteri"), SEED, fallback=False) == (None, "none")
    assert date_for_span(SEED_TEXT, *clause("Kedua menteri"), None) == (None, "none")
    assert date_for_span(SEED_TEXT, *clause("Kedua menteri"), dt.datetime(2022, 1, 11, 9)) == ("2022-01-11", "article")


def test_date_for_span_keeps_a_year_rather_than_the_anchor():
    assert date_for_span(SEED_TEXT, *clause("Rusia menyerang"), SEED) == (None, "year")


def test_date_for_span_prefers_the_expression_nearest_the_trigger():
    text = "Pada Senin (10/1) polisi menangkap 20 orang yang berdemo pekan lalu."
    assert date_for_span(text, 0, len(text), SEED) == ("2022-01-10", "day")
    assert date_for_span(text, 0, len(text), SEED, trigger=text.index("berdemo")) == ("2022-01", "week")
    assert date_for_span(text, 0, len(text), SEED, trigger=text.index("menangkap")) == ("2022-01-10", "day")


def at(text: str, word: str, anchor=SEED, fallback: bool = False) -> tuple[str | None, str]:
    """The date of the one-sentence ``text`` for the trigger at ``word``."""
    return date_for_span(text, 0, len(text), anchor, trigger=text.index(word), fallback=fallback)


def test_an_expression_across_a_clause_break_does_not_date_the_trigger():
    text = "Hakim memutuskan sidang dimulai pada 31 Januari, tetapi jaksa menolak permintaan itu."
    assert at(text, "menolak") == (None, "none")
    assert at(text, "menolak", fallback=True) == ("2022-01-11", "article")
    assert at(text, "dimulai") == ("2022-01-31", "day")
    text = "Ia ditahan sejak penangkapannya pada Oktober lalu dan dia telah menerima bantuan konsuler."
    assert at(text, "menerima") == (None, "none")
    assert at(text, "ditahan") == ("2021-10", "month")


def test_rusia_dan_china_is_one_clause():
    text = "Pada Senin (10/1) Rusia dan China sepakat memperluas kerja sama."
    assert at(text, "sepakat") == ("2022-01-10", "day")


def test_a_relative_clause_after_the_trigger_dates_another_noun():
    text = "Presiden meminta bantuan sekutunya untuk meredam protes yang melanda ibu kota sejak awal pekan ini."
    assert at(text, "meminta") == (None, "none")
    text = "Menlu itu mendukung rakyat Palestina di bawah presiden yang memenangkan pemilu pada Selasa (4/1) lalu."
    assert at(text, "mendukung") == (None, "none")


def test_a_relative_clause_about_the_event_itself_dates_it():
    text = "Menlu itu menjelaskan perundingan kedua negara di Wina yang berlangsung sehari sebelumnya."
    assert at(text, "perundingan") == ("2022-01-10", "day")
    text = "Ribuan orang tewas dalam perang saudara yang pecah pada Maret 2011 di negeri itu."
    assert at(text, "perang") == ("2011-03", "month")
    text = "Keduanya membahas kesepakatan yang dicapai para presiden pekan lalu."
    assert at(text, "kesepakatan") == ("2022-01", "week")


def test_a_relative_clause_ends_at_a_comma_and_the_name_yang_is_no_relative():
    text = ("Menteri itu bertemu Wakil Presiden, pejabat yang membidangi urusan luar negeri, di Bandung, "
            "Senin (10/1/2022).")
    assert at(text, "bertemu") == ("2022-01-10", "day")
    text = "Menteri itu bertemu Yang Jiechi di Nanping pada Senin (10/1/2022)."
    assert at(text, "bertemu") == ("2022-01-10", "day")


def test_a_date_before_the_trigger_reaches_past_a_relative_clause():
    text = "Pekan lalu, pasukan aliansi yang dipimpin Moskow mengirim 2.000 tentara ke negeri itu."
    assert at(text, "mengirim") == ("2022-01", "week")


def test_a_subordinate_clause_after_the_trigger_dates_another_event():
    text = "Perundingan damai itu gagal, setelah kelompok bersenjata menyerang pos tentara pada Sabtu (8/1)."
    assert at(text, "Perundingan") == (None, "none")
    assert at(text, "menyerang") == ("2022-01-08", "day")
    text = "Ancaman itu dilontarkan menyusul latihan militer gabungan awal pekan ini."
    assert at(text, "Ancaman") == (None, "none")


def test_a_date_after_a_speech_tag_is_the_day_the_words_were_said():
    text = ("Tokyo akan menjatuhkan sanksi baru menyusul uji coba rudal yang terus berulang, "
            "kata juru bicara pemerintah, Jumat.")
    assert at(text, "menjatuhkan") == ("2022-01-07", "day")


def test_days_before_the_story():
    assert value("sehari sebelumnya") == "2022-01-10"
    assert value("dua hari sebelumnya") == "2022-01-09"
    assert value("Sehari sebelum pembukaan") == "2022-01-10"
    assert only("sepekan sebelumnya").precision == "week"


# --- carried dates -------------------------------------------------------------------------------------


def test_the_same_day_is_the_day_named_before():
    text = ("Sehari sebelum pembukaan, Jokowi bertemu Biden di Nusa Dua. "
            "Pada hari yang sama, Biden dan Xi Jinping bertemu selama tiga jam.")
    start = text.index("Pada")
    published = dt.date(2022, 11, 15)
    assert date_for_span(text, start, len(text), published, trigger=text.index("bertemu", start)) == (
        "2022-11-14", "day")


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("Pada malam harinya, massa membakar rumah perdana menteri.", ("2022-07-09", "day")),
        ("Hari itu juga, massa membakar rumah perdana menteri.", ("2022-07-09", "day")),
        ("Keesokan harinya, massa membakar rumah perdana menteri.", ("2022-07-10", "day")),
        ("Dua hari kemudian, massa membakar rumah perdana menteri.", ("2022-07-11", "day")),
        ("Beberapa jam kemudian, massa membakar rumah perdana menteri.", ("2022-07-09", "day")),
        ("Sehari sebelumnya, massa membakar rumah perdana menteri.", ("2022-07-08", "day")),
        ("Saat itu, massa membakar rumah perdana menteri.", ("2022-07-09", "day")),
        ("Sepekan kemudian, massa membakar rumah perdana menteri.", ("2022-07", "week")),
    ],
)
def test_carried_dates_count_from_the_date_named_before(follow, expected):
    text = "Ribuan orang menyerbu istana presiden di Kolombo, Sabtu (9/7/2022).\n\nRekaman video beredar. " + follow
    start = text.index(follow)
    published = dt.datetime(2022, 7, 12, 8, 12)
    assert date_for_span(text, start, len(text), published, trigger=text.index("membakar")) == expected


def test_a_carried_date_skips_plans_after_the_article_and_keeps_a_coarser_period():
    text = ("Kedua menteri membahas kunjungan Putin ke Beijing pada 4 Februari. "
            "Pada hari yang sama, Tokayev mengumumkan penarikan pasukan.")
    found = find_time_expressions(text, SEED, text.index("Pada"))
    assert found == []  # 4 February is a plan, not the day the story went on from: nothing before it
    text = "Pada Juni 2015, Haradinaj ditangkap polisi Slovenia namun dibebaskan dua hari kemudian."
    assert [(e.text, e.value, e.precision) for e in find_time_expressions(text, SEED)] == [
        ("Juni 2015", "2015-06", "month"), ("dua hari kemudian", "2015-06", "month")]
    text = "Pada 2014, Rusia mencaplok Krimea. Saat itu, Barat menjatuhkan sanksi."
    assert [e.precision for e in find_time_expressions(text, SEED, text.index("Saat"))] == ["year"]


@pytest.mark.parametrize("text", ["pada hari yang sama", "keesokan harinya", "saat itu", "dua hari kemudian",
                                  "sehari setelahnya"])
def test_a_carried_date_with_nothing_before_it_is_no_date(text):
    assert find_time_expressions(f"Tokayev mengumumkan penarikan {text}.", SEED) == []


def test_sehari_sebelumnya_without_a_date_before_it_counts_from_the_article():
    assert (value("sehari sebelumnya"), only("sehari sebelumnya").kind) == ("2022-01-10", "relative")
    text = "Pernyataan itu disampaikan Selasa (4/1). Sehari sebelumnya, polisi menangkap 20 orang."
    assert find_time_expressions(text, SEED, text.index("Sehari"))[0].value == "2022-01-03"


def test_since_then_is_a_span_not_a_day():
    text = "Militan menyerang pos polisi pada 25 Agustus. Sejak saat itu, militer menggelar operasi."
    start = text.index("Sejak")
    assert find_time_expressions(text, SEED, start) == []


def test_hours_ago_are_the_article_day_or_the_day_before_across_midnight():
    assert value("dua jam lalu", dt.datetime(2022, 1, 11, 10)) == "2022-01-11"
    assert value("dua jam lalu", dt.datetime(2022, 1, 11, 1)) == "2022-01-10"
    assert value("beberapa jam lalu") == "2022-01-11"
    assert find_time_expressions("jam ini", SEED) == []


def test_days_after_an_event_date_that_event_not_the_main_clause():
    text = "Pertemuan di Fujian berlangsung beberapa hari setelah Putin dan Xi bertatap muka di Samarkand."
    assert at(text, "bertatap") == ("2022-01", "week")
    assert at(text, "Pertemuan") == (None, "none")
    text = "Sehari setelah Putin tiba di Beijing, Xi menyambutnya di istana."
    assert at(text, "tiba") == ("2022-01-10", "day")
    assert at(text, "menyambut") == (None, "none")
    assert find_time_expressions("berbulan-bulan usai pemain itu pindah", SEED) == []


def test_a_date_before_a_subordinate_clause_does_not_date_it():
    text = "Pasukan CSTO tiba di Kazakhstan pekan lalu setelah Tokayev meminta bantuan aliansi itu."
    assert at(text, "tiba") == ("2022-01", "week")
    assert at(text, "meminta") == (None, "none")
    text = "Pada Senin (10/1), setelah bertemu Putin, Tokayev mengumumkan penarikan pasukan."
    assert at(text, "mengumumkan") == ("2022-01-10", "day")


def test_the_verb_of_a_relative_clause_after_the_date_is_not_dated_by_it():
    text = "Kemarahan Duterte memuncak sejak Februari lalu saat terjadi perang dengan gerilyawan yang membunuh tentara."
    assert at(text, "perang") == ("2021-02", "month")
    assert at(text, "membunuh") == (None, "none")
    text = "Pekan lalu, pasukan aliansi yang dipimpin Moskow mengirim 2.000 tentara ke negeri itu."
    assert at(text, "mengirim") == ("2022-01", "week")


def test_a_continuing_sentence_takes_the_date_of_the_one_before():
    text = ("Pada Jumat (7/1), Tokayev mengizinkan aparat menembak tanpa peringatan. "
            "Ia juga menolak seruan untuk berunding dengan pengunjuk rasa.")
    start = text.index("Ia juga")
    assert date_for_span(text, start, len(text), SEED, trigger=text.index("menolak"), fallback=False) == (
        "2022-01-07", "day")
    other = text.replace("Ia juga", "Pemerintah")
    start = other.index("Pemerintah")
    assert date_for_span(other, start, len(other), SEED, trigger=other.index("menolak"), fallback=False) == (
        None, "none")
    apart = text.replace(". Ia", ".\n\nIa")  # a new paragraph does not go on with the last one
    start = apart.index("Ia juga")
    assert date_for_span(apart, start, len(apart), SEED, trigger=apart.index("menolak"), fallback=False) == (
        None, "none")


def test_frame_date_takes_a_carried_date():
    text = 'Pada Jumat (7/1), Tokayev menolak berunding. "Negosiasi apa?" katanya saat itu.'
    start = text.index('"')
    end = text.index('?"') + 1
    assert frame_date(text, start, len(text), start + 1, end, SEED) == ("2022-01-07", "day")


def test_frame_date_is_the_date_outside_the_quote():
    text = '"Kami akan membela tanah air kami," kata menteri itu di Ankara, Selasa (11/1).'
    end = text.index('," kata')
    assert frame_date(text, 0, len(text), 1, end, SEED - dt.timedelta(days=1)) == ("2022-01-11", "day")
    text = '"Serangan itu terjadi pada Senin (10/1)," kata menteri itu.'
    end = text.index('," kata')
    assert frame_date(text, 0, len(text), 1, end, SEED) == (None, "none")


# --- robustness ----------------------------------------------------------------------------------------

DATE_WORDS = st.sampled_from(
    ["Senin", "minggu", "Minggu", "lalu", "pekan", "(10/1)", "(31/2/2022)", "2022", "tahun", "pada", "awal",
     "akhir", "Februari", "24", "hari", "ini", "kemarin", "lusa", "dua", "beberapa", "se", "yang", "depan", "/",
     "(", ")", ",", "10.52", "WIB", "Nomor", "-an", "tadi", "malam", "last", "week", "ago", "Jum'at", "Jum’at",
     "baru-baru", "ſeptember", "İNİ", "itu", "saat", "keesokan", "harinya", "kemudian", "sebelumnya", "setelah",
     "sejak", "jam", "Ia", "juga", ".", "yang", "sama", "(45/13)"]
)


def check(text: str, anchor, start: int = 0, end: int | None = None) -> None:
    limit = len(text) if end is None else end
    previous = start
    for e in find_time_expressions(text, anchor, start, end):
        assert previous <= e.start < e.end <= limit
        assert text[e.start : e.end] == e.text
        assert e.value is None or len(e.value) in (7, 10)
        previous = e.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, SEED, dt.datetime(2022, 3, 1, 7), dt.date(1900, 1, 1)]))
def test_random_text_never_crashes(text, anchor):
    check(text, anchor)
    date_for_span(text, 0, len(text), anchor)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_WORDS, max_size=25), st.sampled_from([None, SEED, dt.date(2100, 12, 31)]), st.data())
def test_date_like_word_salad_never_crashes(tokens, anchor, data):
    text = " ".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check(text, anchor)
    check(text, anchor, start, end)
    value_, precision = date_for_span(text, start, end, anchor)
    assert precision in ("day", "week", "month", "year", "article", "none")


@pytest.mark.parametrize(
    "text",
    ["Senin (" * 3000, "hari itu " * 3000, "yang " * 3000 + "menyerang", "dua hari kemudian " * 2000,
     "Ia juga menolak. " * 2000, "Senin (45/13) 31/2/2022 " * 1000, "(" * 10000 + "10/1/2022",
     "a" * 20000 + " keesokan harinya"],
)
def test_long_adversarial_input_finishes(text):
    # issue 4, Bad input: the scan is linear and the look-backs are bounded (a hang would stall the suite)
    check(text, SEED)
    for start in range(0, len(text), max(1, len(text) // 20)):
        end = min(len(text), start + 500)
        value_, precision = date_for_span(text, start, end, SEED, trigger=start)
        assert precision in ("day", "week", "month", "year", "article", "none")
