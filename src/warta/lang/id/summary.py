"""Indonesian cues for extractive summaries: which words carry no content, which sentences open or
continue a news story, which are debris a summary must never quote.

Data only, read by :mod:`warta.stories.summary`. Patterns are regular expressions matched
case-insensitively at the start of one sentence (``re.match``). Stopwords are not listed again here:
the stopword list is PySastrawi's (already a dependency for stemming), extended by the news words below.
"""

from __future__ import annotations

from .debris import LINE_PREFIX

#: News words that are frequent in every article and say nothing about this one (added to
#: PySastrawi's stopword list): speech tags, time words, the outlet furniture of a lead.
NEWS_STOPWORDS: tuple[str, ...] = (
    "kata", "katanya", "ujar", "ujarnya", "ucap", "ucapnya", "tutur", "tuturnya", "jelas", "jelasnya",
    "tegas", "tegasnya", "imbuh", "imbuhnya", "tambah", "tambahnya", "ungkap", "ungkapnya", "sebut",
    "sebutnya", "lanjut", "lanjutnya", "terang", "terangnya", "mengatakan", "menyatakan", "menjelaskan",
    "menambahkan", "mengungkapkan", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    "pukul", "wib", "wita", "wit", "hari", "tahun", "bulan", "pekan", "tanggal", "com", "co", "id",
    "www", "http", "https", "jakarta",
)

#: A sentence that begins like this is debris, never summary material: the ``related``, ``promo``,
#: ``caption``, ``byline`` and ``copyright`` line prefixes of :mod:`warta.lang.id.debris`, plus
#: sentence-level habits of news pages that survive cleaning.
DEBRIS_PREFIXES: tuple[str, ...] = (
    *(p for reason in ("related", "promo", "caption", "byline", "copyright") for p in LINE_PREFIX[reason]),
    r"(simak|tonton|saksikan|lihat)\s+(juga\s+)?(video|foto|galeri|infografis)",
    r"(berikut|inilah|ini)\s+(daftar|video|foto|selengkapnya|ulasannya)\b",
    r"(artikel|berita)\s+ini\s+(telah\s+)?(tayang|terbit|dimuat)",
    r"(sumber|via)\s*:",
)

#: A sentence that ends like this is an editor's sign-off or a reader widget, not content.
DEBRIS_SUFFIXES: tuple[str, ...] = (
    r"\(\s*[a-z]{2,6}\s*/\s*[a-z]{2,6}\s*\)\s*$",  # (ant/asa)
    r"\b(baca|lihat)\s+selengkapnya\s*\W*$",
)

#: Openers of a sentence that continues the one before it (a connective or a pronoun that refers
#: back): such a sentence rarely stands in a summary on its own.
CONTINUATION_OPENERS: tuple[str, ...] = (
    r"sementara\s+itu\b", r"selain\s+itu\b", r"di\s+sisi\s+lain\b", r"oleh\s+(karena|sebab)\s+itu\b",
    r"karena\s+itu\b", r"untuk\s+itu\b", r"dengan\s+(demikian|begitu)\b", r"meski(pun)?\s+(demikian|begitu)\b",
    r"namun\b", r"tetapi\b", r"tapi\b", r"akan\s+tetapi\b", r"adapun\b", r"kemudian\b", r"lalu\b",
    r"selanjutnya\b", r"sebelumnya\b", r"tak\s+hanya\s+itu\b", r"tidak\s+hanya\s+itu\b", r"bahkan\b",
    r"hal\s+(ini|itu|tersebut)\b", r"itu\b", r"ini\b", r"(ia|dia|beliau|mereka|kami|saya|kita|aku)\b",
    r"menurut(nya|\s+dia|\s+ia)\b", r"dalam\s+kesempatan\s+(itu|tersebut|yang\s+sama)\b", r"pun\b",
    r"begitu\s+juga\b", r"demikian\s+juga\b", r"sedangkan\b", r"padahal\b",
)

#: A dateline that opens the lead of a news article (``JAKARTA, KOMPAS.com -``, ``Jakarta (ANTARA) -``,
#: ``Liputan6.com, Jakarta -``): a sentence starting so is an article's first sentence.
LEAD_DATELINE: str = (
    r"[A-Z][\w.'&\-]*(?:[ ,][ ]?[A-Z][\w.'&\-]*){0,3}\s*(?:\([A-Za-z.]+\))?\s*(?:-{1,2}|–|—)\s+\S"
)

#: Quote marks: a sentence holding direct speech quotes a person rather than telling what happened.
QUOTE_MARKS: str = "\"“”«»"
