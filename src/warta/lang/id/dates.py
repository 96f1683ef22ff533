"""Indonesian date and time words: data only, read by :mod:`warta.dates` (explicit dates) and
:mod:`warta.analyse.timex` (relative time words: ``kemarin``, ``pekan lalu``, ``tiga hari yang lalu``)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}

#: Indonesian time zones and their UTC offsets in hours.
TIMEZONES: dict[str, int] = {"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0}

#: Words that introduce a publication or update time in a header line.
PUBLISHED_LEAD: list[str] = [
    "diperbarui", "diterbitkan", "dipublikasikan", "dipublikasi", "publikasi", "terbit", "tayang", "updated",
    "published", "update", "posted", "dibuat", "rilis",
]


# --- Running text (read by warta.analyse.timex) -------------------------------------------------
# Abbreviations (``sen``, ``min``, ``mar``) are ordinary words in running text, so these lists hold only
# the forms a sentence uses without a day number beside them.

#: Weekday names in running text (no abbreviations). ``minggu`` is also the noun "week": the code
#: reads it as Sunday only when capitalised or after ``hari``.
WEEKDAY_NAMES: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jumaat": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

#: Month names that stand without a day number (``Januari 2022``, ``akhir Februari``).
MONTH_NAMES: dict[str, int] = {
    name: MONTHS[name]
    for name in ("januari", "january", "februari", "pebruari", "february", "maret", "march", "april", "mei", "may",
                 "juni", "june", "juli", "july", "agustus", "august", "september", "oktober", "october",
                 "november", "nopember", "desember", "december")
}

#: Cardinal number words for ``tiga hari yang lalu``; ``beberapa`` (a few) is handled apart as vague.
NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "a": 1,
}

#: "A few": the count is unknown, so the expression is one step coarser (days -> week, weeks -> month).
FEW_WORDS: list[str] = ["beberapa", "a few", "several"]

#: Calendar units and their names; ``se`` glued in front means one (``sepekan``, ``sebulan``).
UNITS: dict[str, str] = {
    "jam": "hour", "hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "hour": "hour", "hours": "hour",
}

#: Words after a unit, weekday or month that say which one: -1 the previous, 0 this, +1 the next.
#: After a weekday or a dated day ``lalu`` only says "in the past" (``Senin lalu``, ``24 Februari lalu``).
RELATIONS: dict[str, int] = {
    "yang lalu": -1, "lalu": -1, "silam": -1, "kemarin": -1, "ago": -1,
    # ``sehari sebelumnya``, ``sehari sebelum pembukaan``: before the story's day, taken as the article's
    "sebelumnya": -1, "sebelum": -1,
    "ini": 0,
    "depan": 1, "mendatang": 1, "yang akan datang": 1, "lagi": 1,
}

#: English relation words written before the unit (``last week``, ``next Monday``).
RELATIONS_BEFORE: dict[str, int] = {"last": -1, "past": -1, "this": 0, "next": 1}

#: Words for a day, as an offset in days from the article's date.
DAY_OFFSETS: dict[str, int] = {
    "kemarin lusa": -2, "kemarin dulu": -2, "kemarin": -1, "hari ini": 0, "besok lusa": 2, "besok": 1,
    "esok hari": 1, "esok": 1, "lusa": 2,
    "tadi pagi": 0, "pagi tadi": 0, "pagi ini": 0, "tadi siang": 0, "siang tadi": 0, "siang ini": 0,
    "tadi sore": 0, "sore tadi": 0, "sore ini": 0, "malam ini": 0, "dini hari tadi": 0,
    "yesterday": -1, "today": 0, "tomorrow": 1, "this morning": 0, "tonight": 0,
}

#: Words that point back to a date the text named before them (``Sehari sebelum pembukaan, Jokowi bertemu
#: Biden. Pada hari yang sama, ...``): the nearest dated expression before the words, moved by this many days.
#: The ``hari`` forms need a day before them; ``saat itu`` takes whatever was named (a day, a month, a year).
#: With nothing dated before them they give nothing (never the article's date).
DATE_ANAPHORS: dict[str, int] = {
    "hari yang sama": 0, "hari itu": 0, "hari itu juga": 0, "malam harinya": 0, "pagi harinya": 0,
    "siang harinya": 0, "sore harinya": 0, "petang harinya": 0, "malam itu": 0, "pagi itu": 0, "siang itu": 0,
    "sore itu": 0, "keesokan harinya": 1, "keesokan hari": 1, "keesokan paginya": 1, "keesokan malamnya": 1,
    "esok harinya": 1, "hari berikutnya": 1, "hari sebelumnya": -1,
    "the same day": 0, "that day": 0, "the next day": 1, "the following day": 1,
}

#: Anaphors that carry the earlier expression whatever its precision: ``saat itu`` after ``pada 2014`` is a year.
TIME_ANAPHORS: list[str] = ["saat itu", "waktu itu", "ketika itu", "kala itu", "masa itu", "at that time"]

#: Relations after a unit counted from the date named before them, not from the article's (``dua hari
#: kemudian``, ``sepekan setelahnya``, ``beberapa jam kemudian``); ``sebelumnya`` (in :data:`RELATIONS`) counts
#: back from that date too, and from the article's when none was named.
FOLLOWING: dict[str, int] = {"kemudian": 1, "setelahnya": 1, "sesudahnya": 1, "berikutnya": 1, "later": 1}
ANAPHORIC_RELATIONS: dict[str, int] = {**FOLLOWING, "sebelumnya": -1}

#: Conjunctions after a unit that date the clause they open (``beberapa hari setelah Putin dan Xi bertatap
#: muka``): the story's day is taken to be the article's, so the event after the conjunction lies that long
#: before it; the main clause keeps the article's day. (``sehari sebelum pembukaan, X`` is the mirror: X lies
#: that long before the article's day; ``sebelum`` is in :data:`RELATIONS`.)
AFTER_EVENT: list[str] = ["setelah", "sesudah", "seusai", "usai", "selepas", "pasca", "after"]

#: Cues before an anaphor that make it a span, not a day: ``sejak saat itu`` (from then on), ``hingga hari itu``.
SPAN_CUES: list[str] = ["sejak", "sejak tahun", "hingga", "sampai", "since", "until"]

#: "Last night": the article's day, or the day before when the article is dated before noon.
NIGHT_WORDS: list[str] = ["tadi malam", "malam tadi", "semalam", "last night"]

#: Vague recent time: an expression with no value (the event is not dated by it).
VAGUE_WORDS: list[str] = [
    "baru-baru ini", "belakangan ini", "akhir-akhir ini", "beberapa waktu lalu", "beberapa waktu yang lalu",
    "recently",
]

#: Part of a period before it: ``awal pekan lalu``, ``akhir Februari``, ``pertengahan 2014``.
PERIOD_PARTS: dict[str, str] = {
    "awal": "start", "akhir": "end", "penghujung": "end", "pertengahan": "middle", "medio": "middle",
    "early": "start", "late": "end", "mid": "middle",
}

#: Times of day that may follow a date (``Senin (10/1/2022) malam``), kept inside the expression.
TIMES_OF_DAY: list[str] = [
    "dini hari", "pagi", "siang", "sore", "petang", "malam", "subuh", "morning", "evening", "night",
]

#: Words before a date that are not part of it; a bare year needs one (``pada 2014``, ``sejak 2014``).
DATE_CUES: list[str] = [
    "pada tanggal", "pada tahun", "pada", "sejak tahun", "sejak", "hingga", "sampai", "tanggal", "tgl.", "tgl",
    "on", "in", "since", "until",
]

# --- Which expression dates a trigger (read by warta.analyse.timex.date_for_span) -----------------------

#: Words that end one clause and start another: an expression on the far side of one of these (between it
#: and the trigger) dates the other clause (``Mereka memutuskan sidang dimulai 31 Januari, tapi dakwaannya
#: ...``). ``dan`` counts only before a subject pronoun (``... pada Oktober lalu dan dia telah menerima``):
#: ``Rusia dan China`` is one clause.
CLAUSE_BREAKS: list[str] = [
    "tetapi", "tapi", "namun", "sedangkan", "padahal", "di mana", "dimana",
    "dan ia", "dan dia", "dan mereka", "dan kami", "dan kita", "dan saya", "dan aku", "dan beliau",
]

#: ``yang`` after the trigger opens a relative clause about another noun (``meminta bantuan ... kerusuhan
#: yang melanda negaranya sejak awal pekan ini``): its date is not the trigger's, unless one of these verbs
#: says the clause is about the event itself (``pembicaraan ... yang berlangsung sehari sebelumnya``).
OCCURRENCE_VERBS: list[str] = [
    "terjadi", "berlangsung", "digelar", "diadakan", "dilaksanakan", "diselenggarakan", "dilakukan", "dimulai",
    "berakhir", "dijadwalkan", "pecah", "meletus", "dicapai",
]

#: Auxiliaries between a relative ``yang`` and its verb (``gerilyawan yang telah membunuh tentara``): a trigger
#: that is that verb tells what the noun before ``yang`` does, and a date before the noun does not date it.
AUXILIARIES: list[str] = [
    "telah", "sudah", "akan", "sedang", "tengah", "pernah", "masih", "terus", "juga", "kerap", "sering", "dapat",
    "bisa", "harus", "tidak", "tak", "belum",
]

#: Conjunctions that open a clause about an earlier or causing event: an expression after one of these,
#: when the trigger stands before it, dates that event (``Perundingan ... gagal, setelah pemberontak
#: memerintahkan serangan pada Sabtu (27/5)``; ``dilontarkan menyusul latihan ... awal pekan ini``).
SUBORDINATORS: list[str] = [
    "setelah", "sesudah", "sebelum", "menyusul", "usai", "seusai", "selepas", "pasca", "karena", "akibat",
]

#: Speech tags after reported words (``..., kata juru bicara, Jumat``): a date after one is the day the
#: words were said, and reported speech takes that day when its own clause has none.
SPEECH_TAGS: list[str] = [
    "kata", "katanya", "ujar", "ujarnya", "ungkap", "ungkapnya", "jelas", "jelasnya", "tegas", "tegasnya",
    "tutur", "tuturnya", "ucap", "ucapnya", "imbuh", "imbuhnya", "tambah", "tambahnya", "lanjut", "lanjutnya",
    "papar", "paparnya", "terang", "terangnya", "sebut", "sebutnya", "menurut", "demikian", "said", "says",
]

#: Sentence openings that go on with the previous sentence's episode (``Pada Jumat (7/1), Tokayev mengizinkan
#: ... Ia juga menolak ...``): with no date of its own, such a sentence takes the date of the sentence before
#: it in the same paragraph.
CONTINUING_OPENERS: list[str] = [
    "ia juga", "dia juga", "beliau juga", "mereka juga", "keduanya juga", "ia pun", "dia pun", "mereka pun",
    "he also", "she also", "they also",
]
