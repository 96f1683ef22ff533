"""Make real IndoSum articles dirty the way scraped Indonesian news pages arrive, with gold annotations.

:func:`make_dirty` takes one clean :class:`~warta.evaluate.indosum.IndoSumArticle` and a seed and returns
the text a scraper would have saved (headline, date and byline lines, reader widgets, ``Baca juga`` lines,
related blocks, photo captions, ads, promos, tags, comment widgets, repeated paragraphs, an outlet dateline
and words glued together where links were stripped) plus the gold answer in the terms of the seeds in
``shared/dev/seeds/*.gold.json``: ``title``, ``outlet``, ``dateline``, ``published``, ``author``, ``body``
(the clean paragraphs, in order), ``debris`` (every injected or original piece with its reason) and
``repairs`` (each glued token with the words it came from).

All randomness comes from ``random.Random(f"{article.id}:{seed}")``: the same article and seed give the
same text. The templates below are our own words; the articles are read from ``../shared`` at evaluation
time and never stored in the repository. :func:`load_dirty_gold` builds the whole evaluation set from the
pointer file ``tests/gold/indosum_dirty.json``.
"""

from __future__ import annotations

import json
import logging
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .indosum import IndoSumArticle, load_indosum

__all__ = [
    "DEBRIS_REASONS",
    "OUTLETS",
    "DirtyArticle",
    "Outlet",
    "default_gold_path",
    "load_dirty_gold",
    "make_dirty",
]

logger = logging.getLogger(__name__)

DEBRIS_REASONS = (
    "title", "date", "byline", "author-tag", "dateline", "boilerplate", "caption", "related", "promo",
    "copyright", "tags", "heading", "comment-widget", "advertisement", "duplicate",
)  # fmt: skip


# --------------------------------------------------------------------------------------------------
# Outlets: how each names itself in the dateline that opens the first paragraph.
# --------------------------------------------------------------------------------------------------


@dataclass(kw_only=True, frozen=True)
class Outlet:
    """A dateline style. ``dateline`` holds ``{PLACE}`` (upper-cased place), ``{Place}`` or no place."""

    key: str
    name: str | None  # the gold ``outlet``; None when the dateline does not name the outlet
    dateline: str  # e.g. "{PLACE}, KOMPAS.com - "; "" for outlets that print no dateline

    def render(self, place: str) -> tuple[str, str | None]:
        """The dateline prefix and the place as printed in it (None when the style has no place)."""
        if "{PLACE}" in self.dateline:
            return self.dateline.replace("{PLACE}", place.upper()), place.upper()
        if "{Place}" in self.dateline:
            shown = place.title() if place.isupper() else place
            return self.dateline.replace("{Place}", shown), shown
        return self.dateline, None


OUTLETS: dict[str, Outlet] = {
    o.key: o
    for o in (
        Outlet(key="kompas", name="Kompas.com", dateline="{PLACE}, KOMPAS.com - "),
        Outlet(key="idntimes", name="IDN Times", dateline="{Place}, IDN Times - "),
        Outlet(key="antara", name="Antara", dateline="{Place} (ANTARA) - "),
        Outlet(key="tempo", name="Tempo.co", dateline="TEMPO.CO, {Place} - "),
        Outlet(key="liputan6", name="Liputan6.com", dateline="Liputan6.com, {Place} - "),
        Outlet(key="sindonews", name=None, dateline="{PLACE} - "),
        Outlet(key="intisari", name="Intisari-Online", dateline="Intisari-Online.com - "),
        Outlet(key="ivoox", name="IVOOX.id", dateline="IVOOX.id, {Place} - "),
        Outlet(key="suara", name="Suara.com", dateline="Suara.com - "),
        Outlet(key="republika", name="Republika", dateline="REPUBLIKA.CO.ID, {PLACE} -- "),
        Outlet(key="cnnindonesia", name="CNN Indonesia", dateline="{Place}, CNN Indonesia -- "),
        Outlet(key="merdeka", name="Merdeka.com", dateline="Merdeka.com - "),
        Outlet(key="tribun", name="Tribunnews", dateline="TRIBUNNEWS.COM, {PLACE} - "),
        Outlet(key="detik", name=None, dateline="{Place} - "),
        Outlet(key="poskota", name="Poskota", dateline="{PLACE} (Pos Kota) – "),
        Outlet(key="bisnis", name="Bisnis.com", dateline="Bisnis.com, {PLACE} - "),
        Outlet(key="jpnn", name="JPNN.com", dateline="JPNN.com, {PLACE} - "),
        Outlet(key="cnbc", name="CNBC Indonesia", dateline="{Place}, CNBC Indonesia - "),
        Outlet(key="beritasatu", name="Beritasatu.com", dateline="{Place}, Beritasatu.com - "),
        Outlet(key="kumparan", name=None, dateline=""),
    )
}

_PLACES = (
    "Jakarta", "Jakarta", "Jakarta", "Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Semarang",
    "Yogyakarta", "Denpasar", "Palembang", "Pontianak", "Jayapura", "Washington", "Beijing", "Moskow",
    "Jenewa", "Tokyo", "Kuala Lumpur", "London", "Paris",
)  # fmt: skip

# --------------------------------------------------------------------------------------------------
# Our own words for the debris a scraper picks up around an article.
# --------------------------------------------------------------------------------------------------

_FIRST_NAMES = (
    "Andi", "Bagas", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Kurnia", "Laras",
    "Maya", "Nanda", "Oki", "Putri", "Rizky", "Sari", "Taufik", "Umar", "Vina", "Wahyu", "Yusuf",
    "Zainal", "Arif", "Bayu", "Dewi", "Fikri", "Galih", "Hana", "Irfan", "Mega", "Nur", "Rani",
    "Satria", "Tika", "Wulan", "Ayu", "Reza", "Lutfi", "Sekar",
)  # fmt: skip
_LAST_NAMES = (
    "Pratama", "Saputra", "Wijaya", "Kusuma", "Hidayat", "Nugroho", "Lestari", "Permana", "Santoso",
    "Siregar", "Nasution", "Simanjuntak", "Rahmawati", "Setiawan", "Firmansyah", "Hakim", "Utami",
    "Purnomo", "Syahputra", "Wibowo", "Harahap", "Maharani", "Anggraini", "Ramadhan", "Prasetyo",
)  # fmt: skip
_FOREIGN_NAMES = ("Mark Hollis", "Jane Doherty", "Tom Becker", "Anna Schultz", "Carlos Medina", "Li Wei")
_TAG_INITIALS = (
    "esn", "min", "ant", "rhs", "dal", "nkn", "wis", "ayp", "ery", "dhf", "mdk", "fik", "sur", "rzk",
    "gil", "tsr", "bmw", "ded", "adt", "lav",
)  # fmt: skip

_HEADLINES = (
    "Harga Cabai Rawit di Pasar Induk Kembali Naik Jelang Akhir Pekan",
    "Pemkot Siapkan Ratusan Bus Gratis untuk Arus Balik Lebaran",
    "Ribuan Warga Padati Alun-alun untuk Saksikan Pesta Kembang Api",
    "Polisi Buru Pelaku Pembobolan Minimarket di Pinggiran Kota",
    "Menteri Minta Daerah Percepat Penyaluran Bantuan Sosial",
    "DPR Bentuk Panitia Khusus untuk Bahas Revisi Aturan Pemilu",
    "Banjir Rendam Ratusan Rumah, Warga Mengungsi ke Masjid",
    "Gubernur Resmikan Jembatan Penghubung Dua Kecamatan",
    "Dubes Baru Serahkan Surat Kepercayaan kepada Presiden",
    "Sidang Umum PBB Soroti Krisis Pangan di Kawasan Tanduk Afrika",
    "Parlemen Eropa Setujui Paket Sanksi Baru",
    "Menlu Bertemu Mitranya dari Kawasan Pasifik, Bahas Kerja Sama Maritim",
    "Kapal Nelayan Asing Ditangkap di Perairan Natuna",
    "Warga Desak Pemerintah Setempat Perbaiki Jalan Rusak",
    "Timnas Gelar Latihan Tertutup Jelang Laga Tandang",
    "Pelatih Akui Timnya Kehabisan Tenaga di Babak Kedua",
    "Klub Promosi Datangkan Tiga Pemain Asing Sekaligus",
    "Jadwal Lengkap Pertandingan Akhir Pekan Ini",
    "Pebulu Tangkis Muda Melaju ke Perempat Final",
    "Cara Mudah Mengosongkan Memori Ponsel Tanpa Menghapus Foto",
    "Startup Lokal Raih Pendanaan Seri A dari Investor Regional",
    "Lima Aplikasi Catatan yang Layak Dicoba Tahun Ini",
    "Operator Seluler Perluas Jaringan ke Daerah Terpencil",
    "Penyanyi Pendatang Baru Rilis Video Musik Perdana",
    "Film Horor Lokal Tembus Sejuta Penonton dalam Sepekan",
    "Aktor Senior Ungkap Kisah di Balik Layar Sinetron Lawas",
    "Festival Kuliner Nusantara Digelar Tiga Hari di Ibu Kota",
    "Tips Memilih Sepatu Lari untuk Pemula",
    "Cuaca Ekstrem Diprediksi Melanda Sejumlah Wilayah Pekan Depan",
    "Harga Emas Perhiasan Turun Tipis Pagi Ini",
    "Kurs Rupiah Ditutup Menguat terhadap Dolar AS",
    "Pemerintah Umumkan Libur Nasional dan Cuti Bersama Tahun Depan",
    "KPK Periksa Tiga Saksi Kasus Pengadaan Alat Kesehatan",
    "Wali Kota Larang Truk Besar Melintas pada Jam Sibuk",
    "Ratusan Pelari Ikuti Lomba Maraton Amal",
    "Begini Cara Cek Status Penerima Bantuan secara Daring",
    "Kebakaran Gudang Kayu Diduga Akibat Korsleting Listrik",
    "Dua Negara Sepakat Buka Kembali Jalur Penerbangan Langsung",
    "Pengamat: Koalisi Partai Masih Bisa Berubah Jelang Pendaftaran",
    "Presiden Terima Kunjungan Delegasi Pengusaha Asing di Istana",
    "Militer Gelar Latihan Gabungan di Perbatasan",
    "Pengungsi Kembali ke Kampung Halaman Setelah Gencatan Senjata",
    "Harga Minyak Dunia Melonjak Usai Pengumuman Pemangkasan Produksi",
    "Wisatawan Mancanegara Mulai Ramai Kunjungi Pulau Dewata",
    "Ini Daftar Ruas Jalan yang Ditutup Selama Perayaan Malam Tahun Baru",
)

_SUBTITLES = (
    "{ent} menjadi sorotan dalam beberapa hari terakhir",
    "Begini penjelasan lengkap soal {ent}",
    "Sejumlah pihak angkat bicara soal {ent}",
    "Simak rangkuman peristiwanya di bawah ini",
    "{ent} disebut punya peran penting",
    "Berikut fakta-fakta yang perlu kamu ketahui",
)

_BACA_JUGA = (
    "Baca juga: {h}", "Baca Juga: {h}", "BACA JUGA: {h}", "Baca juga : {h}", "(Baca juga: {h})",
    "[Baca juga: {h}]", "Baca Juga : {h}", "Lihat juga: {h}", "Simak juga: {h}", "BACA: {h}",
)  # fmt: skip
_RELATED_HEADERS = (
    "Berita Terkait", "Berita Terkini", "Rekomendasi", "Terpopuler", "Infografis", "Berita Terkini Lainnya",
    "Artikel Pilihan", "Baca Lainnya", "Rekomendasi untuk Anda",
)  # fmt: skip

_WIDGETS = (
    ("loading...", "A", "A", "A"),
    ("loading...",),
    ("A", "A", "A"),
    ("Ukuran teks", "A", "A", "A"),
    ("Dengarkan artikel ini",),
    ("Dengarkan artikel ini", "Ukuran teks"),
    ("Bagikan", "Facebook", "Twitter", "WhatsApp", "Salin tautan"),
)
_ADS = (
    ("ADVERTISEMENT",),
    ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"),
    ("SCROLL TO CONTINUE WITH CONTENT",),
    ("Advertisement",),
    ("- Advertisement -",),
)
_PROMOS = (
    "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
    "Simak breaking news dan berita pilihan {name} langsung di ponselmu. Pilih saluran andalanmu.",
    "Dapatkan update berita setiap hari dengan bergabung di Telegram {name}. Klik tautan berikut lalu pilih Join.",
    "Ikuti kami di Google News",
    "Ikuti {name} di Google News untuk kabar terbaru setiap hari.",
    "Unduh aplikasi {name} dan baca berita tanpa gangguan iklan.",
    "Jangan lewatkan kabar terbaru lainnya, langganan buletin kami gratis!",
    "Follow juga akun Instagram dan TikTok kami untuk update harian.",
)
_COPYRIGHTS = (
    "Copyright © {year} {name}. All Rights Reserved.",
    "© {year} {name}, Hak Cipta Dilindungi Undang-Undang",
    "Copyright © {year} - All rights reserved",
    "Hak cipta © {year} dilindungi undang-undang.",
    "Copyright © {year} {name}",
)
_COMMENT_LINES = (
    "Komentar", "Tulis komentar Anda...", "Berhasil Login", "Gagal Login", "Silakan login untuk berkomentar",
    "Edit Komentar", "Hapus Komentar", "Anda yakin ingin menghapus komentar ?", "Batal", "Kirim",
    "Laporkan komentar",
)  # fmt: skip
_COMMENT_CORE = ("Komentar", "Berhasil Login", "Gagal Login", "Edit Komentar", "Hapus Komentar", "Kirim")

_TOPICS = {
    "tajuk utama": ("bendera", "gedung parlemen", "aksi unjuk rasa", "konferensi pers", "ruang sidang",
                    "pertemuan bilateral", "kantor kementerian", "jumpa pers"),
    "olahraga": ("stadion", "latihan tim", "selebrasi gol", "lintasan balap", "trofi juara", "bola"),
    "teknologi": ("aplikasi", "ponsel pintar", "pusat data", "peluncuran produk", "layar laptop"),
    "showbiz": ("panggung konser", "karpet merah", "lokasi syuting", "jumpa penggemar"),
    "hiburan": ("kuliner", "tempat wisata", "pakaian", "suasana kafe"),
}  # fmt: skip
_CATEGORY_TAGS = {
    "tajuk utama": ("Internasional", "Politik", "Nasional", "Peristiwa"),
    "olahraga": ("Sepak Bola", "Olahraga", "Liga", "Motorsport"),
    "teknologi": ("Gadget", "Teknologi", "Startup", "Aplikasi"),
    "showbiz": ("Selebriti", "Musik", "Film", "Hiburan"),
    "hiburan": ("Gaya Hidup", "Kuliner", "Wisata", "Tips"),
}
_HEADINGS = ("Latar belakang", "Sikap {ent}", "{ent} angkat bicara", "Peran {ent}", "Rencana ke depan")
_HEADINGS_BY_CATEGORY = {
    "tajuk utama": ("Tanggapan pemerintah", "Reaksi dunia internasional", "Kronologi kejadian",
                    "Langkah berikutnya", "Apa kata pengamat", "Dampak bagi warga", "Fakta di lapangan"),
    "olahraga": ("Jalannya pertandingan", "Statistik laga", "Komentar pelatih", "Jadwal berikutnya",
                 "Persaingan di klasemen"),
    "teknologi": ("Spesifikasi", "Harga dan ketersediaan", "Fitur unggulan", "Cara kerjanya", "Pesaing di pasar"),
    "showbiz": ("Kisah di balik layar", "Respons penggemar", "Proyek terbaru", "Perjalanan karier"),
    "hiburan": ("Tips memilih", "Yang perlu diperhatikan", "Cara membuatnya", "Lokasi dan harga"),
}  # fmt: skip
_NOT_NAMES = frozenset(
    "Ia Dia Mereka Namun Sementara Selain Hal Kami Saya Itu Ini Pada Dalam Di Sebelumnya Menurut Kini Meski "
    "Setelah Sejak Para Sebagai Bahkan Hingga Jadi Kalau Tapi Tetapi Karena Dengan Untuk Yang Apa Ada Secara "
    "Seperti Lalu Kemudian Sedangkan Adapun Berdasarkan Terkait Atas Oleh Saat Selama Tidak Bukan Kita Anda "
    "Sebab Walau Meskipun Jika Bila Ketika Sebanyak Seorang Sekitar Banyak Beberapa Sejumlah Salah Demikian "
    "Selasa Senin Rabu Kamis Jumat Sabtu Minggu Baca Juga Sumber Kamu Aku Begitu Alhasil Terlebih Berikut Tak "
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember Pak Bu".split()
)

# --------------------------------------------------------------------------------------------------
# Dates: the article's time comes from the IndoSum id (a Unix timestamp prefix).
# --------------------------------------------------------------------------------------------------

_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember")  # fmt: skip
_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_ZONES = (("WIB", 7), ("WIB", 7), ("WIB", 7), ("WIB", 7), ("WITA", 8), ("WIT", 9))
_TIMED_FORMATS = (
    "{day}, {d} {month} {Y} - {HH}:{MM} {zone}",
    "{day}, {d} {mon} {Y} | {HH}:{MM} {zone}",
    "{dd}/{mm}/{Y}, {HH}:{MM} {zone}",
    "{day} {dd} {mon} {Y} {HH}:{MM} {zone}",
    "{day}, {dd} {mon} {Y} {HH}:{MM} {zone}",
    "{day}, {d} {month} {Y} | {HH}.{MM} {zone}",
    "Diterbitkan {d} {month} {Y}, pukul {HH}.{MM} {zone}",
    "{d} {month} {Y}, {HH}:{MM} {zone}",
    "Dipublikasikan: {day}, {d} {month} {Y} {HH}:{MM} {zone}",
)
_DATE_ONLY_FORMATS = ("{day}, {d} {month} {Y}", "{d} {mon} {Y}")
_UPDATED_FORMATS = ("Diperbarui: {day}, {d} {month} {Y} {HH}:{MM} {zone}", "Diperbarui {dd}/{mm}/{Y} {HH}:{MM} {zone}")

_TIMESTAMP = re.compile(r"^(\d{9,10})-")


def _article_time(article: IndoSumArticle, rng: random.Random) -> datetime:
    """UTC time of the article: the id's Unix timestamp, or a seeded time in 2017 when it has none."""
    match = _TIMESTAMP.match(article.id)
    if match:
        return datetime.fromtimestamp(int(match.group(1)), tz=timezone.utc)
    return datetime(2017, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(365 * 24 * 60))


def _date_fields(moment: datetime, zone: str) -> dict[str, str]:
    return {
        "day": _DAYS[moment.weekday()], "d": str(moment.day), "dd": f"{moment.day:02d}",
        "month": _MONTHS[moment.month - 1], "mon": _MONTHS_SHORT[moment.month - 1], "mm": f"{moment.month:02d}",
        "Y": str(moment.year), "HH": f"{moment.hour:02d}", "MM": f"{moment.minute:02d}", "zone": zone,
    }  # fmt: skip


def _date_lines(utc: datetime, rng: random.Random) -> tuple[list[str], str]:
    """One or two date lines and the gold ``published`` (ISO 8601 with offset, or a date alone)."""
    zone, hours = rng.choice(_ZONES)
    local = utc.astimezone(timezone(timedelta(hours=hours))).replace(second=0, microsecond=0)
    if rng.random() < 0.12:
        return [rng.choice(_DATE_ONLY_FORMATS).format(**_date_fields(local, zone))], local.date().isoformat()
    lines = [rng.choice(_TIMED_FORMATS).format(**_date_fields(local, zone))]
    if rng.random() < 0.3:
        later = local + timedelta(minutes=rng.randint(5, 240))
        lines.append(rng.choice(_UPDATED_FORMATS).format(**_date_fields(later, zone)))
    return lines, local.isoformat()


# --------------------------------------------------------------------------------------------------
# The article as annotated: body paragraphs and the original debris IndoSum kept.
# --------------------------------------------------------------------------------------------------


@dataclass(kw_only=True)
class _Item:
    """One original paragraph: a body paragraph (maybe with a debris piece before or after it) or debris."""

    body: str | None = None
    debris: tuple[str, str] | None = None  # whole paragraph (text, reason)
    lead: tuple[str, str] | None = None
    tail: tuple[str, str] | None = None


@dataclass(kw_only=True)
class DirtyArticle:
    """A dirty article and its gold answer."""

    id: str
    file: str
    seed: int
    text: str
    gold: dict[str, Any]
    body_in_text: list[str] = field(default_factory=list)  # gold body paragraphs as printed (with glue)
    notes: str = ""


def _words_piece(words: list[str], span: Sequence[int], what: str) -> str:
    start, end = span
    if not 0 <= start < end <= len(words):
        raise ValueError(f"{what} span {list(span)} is outside a paragraph of {len(words)} words")
    return " ".join(words[start:end]).strip(",;:()[] ")


def _check_annotation(note: dict[str, Any], n_paragraphs: int, article_id: str) -> None:
    if note.get("reason") not in DEBRIS_REASONS:
        raise ValueError(f"{article_id}: original debris {note} has an unknown reason; use one of {DEBRIS_REASONS}")
    if not isinstance(note.get("paragraph"), int) or not 0 <= note["paragraph"] < n_paragraphs:
        raise ValueError(f"{article_id}: original debris {note} points outside the {n_paragraphs} paragraphs")


def _annotate(article: IndoSumArticle, notes: Sequence[dict[str, Any]]) -> tuple[list[_Item], str | None]:
    """Split the article into items using the original-debris notes; return them and the dateline place.

    A note is ``{"paragraph": i, "reason": r}`` (the whole paragraph), with ``"lead": n`` or ``"tail": n``
    (its first or last n words), and for ``dateline`` notes optionally ``"place": [start, end]`` (words of
    the paragraph naming the place). Original datelines are dropped: the dirty text gets a new one.
    """
    by_paragraph: dict[int, list[dict[str, Any]]] = {}
    for note in notes:
        _check_annotation(note, len(article.paragraphs), article.id)
        by_paragraph.setdefault(note["paragraph"], []).append(note)
    items: list[_Item] = []
    place = None
    for index, paragraph in enumerate(article.paragraphs):
        item, found_place = _annotate_paragraph(paragraph, by_paragraph.get(index, []), article.id)
        place = place or found_place
        if item is not None:
            items.append(item)
    if not any(item.body for item in items):
        raise ValueError(f"{article.id}: every paragraph is annotated as debris; nothing is left as body")
    return items, place


def _annotate_paragraph(
    paragraph: str, notes: list[dict[str, Any]], article_id: str
) -> tuple[_Item | None, str | None]:
    words = paragraph.split(" ")
    item = _Item(body=paragraph)
    place = None
    for note in notes:
        reason = note["reason"]
        if "place" in note:
            place = _words_piece(words, note["place"], f"{article_id} dateline place")
        if "lead" in note or "tail" in note:
            count = note.get("lead", note.get("tail"))
            if not isinstance(count, int) or not 0 < count < len(words):
                raise ValueError(f"{article_id}: {note} must cut 1..{len(words) - 1} words off the paragraph")
        if "lead" in note:
            piece, words = " ".join(words[: note["lead"]]), words[note["lead"] :]
            item.lead = None if reason == "dateline" else (piece, reason)
        elif "tail" in note:
            piece, words = " ".join(words[-note["tail"] :]), words[: -note["tail"]]
            item.tail = (piece, reason)
        else:
            return (None if reason == "dateline" else _Item(debris=(paragraph, reason))), place
    item.body = " ".join(words)
    return item, place


# --------------------------------------------------------------------------------------------------
# Glue: simulate links stripped from the HTML, which take the spaces around the anchor text with them.
# --------------------------------------------------------------------------------------------------


def _is_known_word(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether a glued string is itself a word (``apalagi``, ``disana``): such glue is not used."""
    low = word.lower()
    if low in vocabulary:
        return True
    from wordfreq import zipf_frequency  # imported here: only evaluation runs need it

    return zipf_frequency(low, "id") > 0 or zipf_frequency(low, "en") > 0


def _can_glue(words: list[str], b: int, glued: set[int], vocabulary: frozenset[str]) -> bool:
    """Whether the space between words ``b`` and ``b + 1`` may be removed: letters only on both sides."""
    if b < 0 or b + 1 >= len(words) or b in glued:
        return False
    left, right = words[b], words[b + 1]
    if not (left.isalpha() and right.isalpha()):
        return False
    chain = 2 + sum(1 for k in (b - 1, b - 2) if k in glued) + sum(1 for k in (b + 1, b + 2) if k in glued)
    return chain <= 5 and not _is_known_word(left + right, vocabulary)


def _name_spans(words: list[str]) -> list[tuple[int, int]]:
    """Whole runs of 1-3 capitalised or upper-case words (names, acronyms) that glue could surround.

    Longer runs are skipped (glue inside a long name is not what a stripped link leaves) and so is a
    single capitalised word that only starts a sentence (``Pejabat``).
    """
    spans, i = [], 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].isalpha() and words[j][0].isupper():
            j += 1
        if j == i:
            i += 1
            continue
        starts_sentence = i == 0 or words[i - 1][-1:] in ".!?:\"”"
        single_common = j - i == 1 and (starts_sentence or words[i] in _NOT_NAMES)
        if j - i <= 3 and not single_common:
            spans.append((i, j))
        i = j
    return spans


def _glue_span(words: list[str], span: tuple[int, int], glued: set[int], rng: random.Random,
               vocabulary: frozenset[str]) -> bool:  # fmt: skip
    """Remove the space before and/or after a span; True when something was glued."""
    before, after = span[0] - 1, span[1] - 1
    mode = rng.choice(("before", "after", "both", "both"))
    wanted = [b for b, side in ((before, "before"), (after, "after")) if mode in (side, "both")]
    done = False
    for b in wanted:
        if _can_glue(words, b, glued, vocabulary):
            glued.add(b)
            done = True
    return done


def _glue_plain(words: list[str], glued: set[int], rng: random.Random, vocabulary: frozenset[str]) -> bool:
    """Glue two plain lower-case words of three letters or more (``itu sendiri`` -> ``itusendiri``)."""
    candidates = [
        b for b in range(len(words) - 1)
        if words[b].islower() and words[b + 1].islower() and len(words[b]) >= 3 and len(words[b + 1]) >= 3
    ]  # fmt: skip
    rng.shuffle(candidates)
    for b in candidates[:8]:
        if _can_glue(words, b, glued, vocabulary):
            glued.add(b)
            return True
    return False


def _glued_text(words: list[str], glued: set[int]) -> tuple[str, list[dict[str, str]]]:
    """The paragraph with the glued spaces removed, and one repair per glued token, in text order."""
    tokens: list[list[str]] = [[words[0]]]
    for b in range(len(words) - 1):
        if b in glued:
            tokens[-1].append(words[b + 1])
        else:
            tokens.append([words[b + 1]])
    repairs = [{"before": "".join(t), "after": " ".join(t)} for t in tokens if len(t) > 1]
    return " ".join("".join(t) for t in tokens), repairs


def _glue_body(body: list[str], rng: random.Random) -> tuple[list[str], list[dict[str, str]]]:
    """Glue 2-4 name spans and 0-2 plain word pairs across the body; return printed paragraphs and repairs."""
    vocabulary = frozenset(w.lower() for p in body for w in p.split(" "))
    words = [p.split(" ") for p in body]
    glued: list[set[int]] = [set() for _ in body]
    spans = [(i, s) for i, ws in enumerate(words) for s in _name_spans(ws)]
    rng.shuffle(spans)
    target, used = rng.randint(2, 4), []
    for i, span in spans:
        name = " ".join(words[i][span[0] : span[1]])
        if len(used) >= target or name in used:
            continue  # glue each name once: a repeated name glued everywhere is one easy pattern
        if _glue_span(words[i], span, glued[i], rng, vocabulary):
            used.append(name)
    for _ in range(rng.choice((0, 1, 1, 2))):
        i = rng.randrange(len(body))
        _glue_plain(words[i], glued[i], rng, vocabulary)
    printed, repairs = [], []
    for ws, gs in zip(words, glued):
        text, found = _glued_text(ws, gs)
        printed.append(text)
        repairs.extend(found)
    return printed, repairs


# --------------------------------------------------------------------------------------------------
# Building the dirty page.
# --------------------------------------------------------------------------------------------------


@dataclass(kw_only=True)
class _Line:
    text: str
    debris: list[tuple[str, str]] = field(default_factory=list)
    tight: bool = False  # joined to the line before by a single newline (inside a widget block)


def _debris_lines(texts: Sequence[str], reason: str) -> list[_Line]:
    return [_Line(text=t, debris=[(t, reason)], tight=k > 0) for k, t in enumerate(texts)]


_PUNCT = ",.;:!?()[]\"'“”‘’"


def _entities(body: list[str]) -> list[str]:
    """Names, places and bodies in the body (capitalised runs of up to three words), most frequent first.

    A lone capitalised word that only opens a sentence (``Kemeja``, ``Tas``) is not taken for a name.
    """
    counts: Counter[str] = Counter()
    for paragraph in body:
        words = paragraph.split(" ")
        i = 0
        while i < len(words):
            run, j = [], i
            while j < len(words) and len(run) < 3:
                core = words[j].strip(_PUNCT)
                if not (core.isalpha() and core[0].isupper() and (run or core not in _NOT_NAMES)):
                    break
                run.append(core)
                j += 1
                if words[j - 1][-1:] in _PUNCT:
                    break  # punctuation after the word ends the name
            opens_sentence = i == 0 or words[i - 1][-1:] in ".!?:\"”"
            if run and (len(run) > 1 or not opens_sentence):
                counts[" ".join(run)] += 1
            i = max(j, i + 1)
    names = [name for name, _ in counts.most_common() if len(name) > 2]
    return names or ["Warga"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"


def _headline(rng: random.Random, pool: Sequence[str]) -> str:
    if pool and rng.random() < 0.5:
        return rng.choice(pool)
    return rng.choice(_HEADLINES)


def _cut(headline: str, rng: random.Random) -> str:
    """A headline cut off mid-way with ``...``, as related boxes print long titles."""
    words = headline.split(" ")
    if len(words) < 6:
        return headline
    return " ".join(words[: rng.randint(3, len(words) - 2)]).rstrip(",:") + "..."


def _made_up_title(body: list[str], rng: random.Random) -> str:
    """A headline from the first words of the first sentence, in headline case."""
    sentence = re.split(r"(?<=[.!?])\s", body[0])[0]
    words = [w.strip(",.;:!?\"'“”()") for w in sentence.split(" ")][: rng.randint(6, 10)]
    words = [w for w in words if w]
    while len(words) > 3 and words[-1].lower() in {"di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada"}:
        words.pop()
    return " ".join(w if not w.islower() or w in {"di", "ke", "dan", "yang"} else w.capitalize() for w in words)


def _caption(rng: random.Random, ctx: _Context) -> str:
    ent = rng.choice(ctx.entities[:6])
    topic = rng.choice(_TOPICS.get(ctx.category, _TOPICS["tajuk utama"]))
    who, handle = _person(rng), rng.choice(_FIRST_NAMES).lower() + str(rng.randint(1, 99))
    return rng.choice((
        f"{ent} saat memberikan keterangan kepada wartawan. (Foto: ANTARA/{who})",
        f"Suasana {topic} di {ctx.place_name}. ANTARA FOTO/{who}/{rng.choice(_TAG_INITIALS)}",
        f"Ilustrasi {topic}. (Pixabay.com/{handle})",
        f"{ent} (Dok. Istimewa)",
        f"{ent} dalam sebuah kesempatan. (Getty Images)",
        f"Ilustrasi {topic} (Foto: Shutterstock)",
        f"{ent}. REUTERS/{rng.choice(_FOREIGN_NAMES)}",
        f"Foto: {ent} ({ctx.outlet.name or 'Dok. Redaksi'}/{who})",
    ))  # fmt: skip


def _glued_caption(rng: random.Random, ctx: _Context) -> str:
    """IDN Times style: the repeated headline glued to the caption that follows it."""
    ent = rng.choice(ctx.entities[:6])
    handle = re.sub(r"\W", "", ent) or "akun"
    tail = rng.choice((f"{ent} (Twitter.com/{handle})", f"Ilustrasi {ent} (Pixabay.com/{handle.lower()})",
                       f"{ent} (Instagram.com/{handle.lower()})"))  # fmt: skip
    return ctx.title + tail


@dataclass(kw_only=True)
class _Context:
    rng: random.Random
    outlet: Outlet
    title: str
    place_name: str
    category: str
    entities: list[str]
    headlines: Sequence[str]
    year: int


def _related_block(ctx: _Context) -> list[_Line]:
    rng = ctx.rng
    header = rng.choice(_RELATED_HEADERS)
    items = [_headline(rng, ctx.headlines) for _ in range(rng.randint(2, 5))]
    items = [_cut(h, rng) if rng.random() < 0.35 else h for h in items]
    return _debris_lines([header, *items], "related")


def _baca_juga(ctx: _Context) -> list[_Line]:
    text = ctx.rng.choice(_BACA_JUGA).format(h=_headline(ctx.rng, ctx.headlines))
    return _debris_lines([text], "related")


def _headings(count: int, ctx: _Context) -> list[str]:
    """``1. Latar belakang``-style numbered section headings, all different."""
    bank = _HEADINGS + _HEADINGS_BY_CATEGORY.get(ctx.category, _HEADINGS_BY_CATEGORY["tajuk utama"])
    texts = [h.format(ent=ctx.rng.choice(ctx.entities[:5])) for h in ctx.rng.sample(bank, count)]
    return [f"{n}. {h[0].upper()}{h[1:]}" for n, h in enumerate(texts, 1)]


def _byline(ctx: _Context) -> tuple[list[str], str | None, bool]:
    """Byline lines, the gold author they name (None for an editor alone) and whether it goes at the end."""
    rng = ctx.rng
    writer, editor = _person(rng), _person(rng)
    options = (
        ([f"Penulis: {writer}"], writer, False),
        ([f"Reporter: {writer}"], writer, False),
        ([f"Oleh {writer}"], writer, False),
        ([f"Oleh: {writer}"], writer, False),
        ([f"Editor: {editor}"], None, False),
        ([f"Penulis: {writer} | Editor: {editor}"], writer, False),
        ([f"Reporter: {writer}", f"Editor: {editor}"], writer, rng.random() < 0.5),
        ([f"{writer} Photo Verified Writer {writer}"], writer, True),
        ([f"Laporan wartawan {ctx.outlet.name or 'kami'}, {writer}"], writer, False),
    )
    return rng.choice(options)


def _author_tag(rng: random.Random) -> str:
    first, second = rng.choice(_TAG_INITIALS), rng.choice(_TAG_INITIALS)
    return rng.choice((f"({first})", f"({first})", f"({first}/{second})", f"[{first}]"))


def _tags(ctx: _Context) -> list[str]:
    rng = ctx.rng
    items = ctx.entities[: rng.randint(2, 4)] + [rng.choice(_CATEGORY_TAGS.get(ctx.category, ("Berita",)))]
    style = rng.randrange(4)
    if style == 0:
        return ["Tag: " + ", ".join(items)]
    if style == 1:
        return ["Tags:", *items]
    if style == 2:
        return ["Topik:", *(f"  • {i}" for i in items)]
    return ["Tagar:", *("#" + re.sub(r"\W", "", i) for i in items)]


def _comment_widget(rng: random.Random) -> list[str]:
    chosen = [line for line in _COMMENT_LINES if rng.random() < 0.5]
    if not any(line in _COMMENT_CORE for line in chosen):
        chosen.insert(0, rng.choice(_COMMENT_CORE))
    return chosen


def _promo_line(ctx: _Context) -> str:
    templates = [t for t in _PROMOS if "{name}" not in t or ctx.outlet.name]
    return ctx.rng.choice(templates).format(name=ctx.outlet.name)


def _copyright_line(ctx: _Context) -> str:
    templates = [t for t in _COPYRIGHTS if "{name}" not in t or ctx.outlet.name]
    return ctx.rng.choice(templates).format(name=ctx.outlet.name, year=ctx.year + ctx.rng.choice((0, 0, 1, 5)))


# --------------------------------------------------------------------------------------------------
# Assembly.
# --------------------------------------------------------------------------------------------------


@dataclass(kw_only=True)
class _Page:
    top: list[_Line] = field(default_factory=list)
    gaps: dict[int, list[_Line]] = field(default_factory=dict)  # lines before item i (len(items): after all)
    before_body: dict[int, list[_Line]] = field(default_factory=dict)  # headings/captions right before item i
    end: list[_Line] = field(default_factory=list)
    author: str | None = None

    def add_gap(self, index: int, lines: list[_Line]) -> None:
        self.gaps.setdefault(index, []).extend(lines)


def _top_section(ctx: _Context, page: _Page, dates: list[str]) -> None:
    rng = ctx.rng
    page.top.extend(_debris_lines([ctx.title], "title"))
    if rng.random() < 0.25:
        subtitle = rng.choice(_SUBTITLES).format(ent=rng.choice(ctx.entities[:4]))
        page.top.append(_Line(text=subtitle, debris=[(subtitle, "title")]))
    byline = _byline(ctx) if rng.random() < 0.7 else None
    date_block = _debris_lines(dates, "date")
    if byline and not byline[2]:
        block = _debris_lines(byline[0], "byline")
        page.top.extend(block + date_block if rng.random() < 0.4 else date_block + block)
    else:
        page.top.extend(date_block)
    if byline:
        page.author = byline[1]
        if byline[2]:
            page.end.extend(_debris_lines(byline[0], "byline"))
    if rng.random() < 0.5:
        page.top.extend(_debris_lines(rng.choice(_WIDGETS), "boilerplate"))


def _middle_gaps(ctx: _Context, page: _Page, body_items: list[int], n_items: int) -> None:
    """Baca juga lines, related blocks, ads, captions and numbered headings between the paragraphs."""
    rng = ctx.rng
    inner = list(range(1, n_items)) or [n_items]
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        page.add_gap(rng.choice(inner), _baca_juga(ctx))
    if rng.random() < 0.35:
        page.add_gap(rng.choice(inner), _related_block(ctx))
    if rng.random() < 0.45:
        for _ in range(rng.randint(1, 2)):
            page.add_gap(rng.choice(inner), _debris_lines(rng.choice(_ADS), "advertisement"))
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        text = _glued_caption(rng, ctx) if rng.random() < 0.25 else _caption(rng, ctx)
        page.before_body.setdefault(rng.choice([0, *inner]), []).extend(_debris_lines([text], "caption"))
    if rng.random() < 0.3 and len(body_items) >= 4:
        count = rng.randint(2, min(4, len(body_items) - 1))
        starts = sorted(rng.sample(body_items[1:], count))
        for item_index, heading in zip(starts, _headings(count, ctx)):
            line = _debris_lines([heading], "heading")
            page.before_body[item_index] = line + page.before_body.get(item_index, [])


def _duplicates(ctx: _Context, page: _Page, items: list[_Item], printed: dict[int, str]) -> None:
    """Repeat a run of 1-4 body paragraphs later in the page; the copy is debris ``duplicate``."""
    rng = ctx.rng
    order = sorted(printed)[1:]  # body items after the first (which carries the dateline)
    if not order or rng.random() >= 0.35:
        return
    start = rng.randrange(len(order))
    run: list[int] = []
    for index in order[start : start + rng.randint(1, 4)]:
        if items[index].lead or items[index].tail:
            break
        run.append(index)
    if not run:
        return
    copy = [_Line(text=printed[i], debris=[(printed[i], "duplicate")]) for i in run]
    later = len(items) if rng.random() < 0.6 else rng.randint(run[-1] + 1, len(items))
    page.add_gap(later, copy)


def _end_section(ctx: _Context, page: _Page, has_tag: bool) -> tuple[str | None, bool]:
    """Author tag, tags, promos, copyright, comment widget and related block after the body.

    Returns the injected author tag (or None) and whether it is printed at the end of the last paragraph.
    """
    rng = ctx.rng
    tag, inline = None, False
    if not has_tag and rng.random() < 0.5:
        tag = _author_tag(rng)
        inline = rng.random() < 0.6
        if not inline:
            page.end.insert(0, _Line(text=tag, debris=[(tag, "author-tag")]))
    extras: list[list[_Line]] = []
    if rng.random() < 0.4:
        extras.append(_debris_lines(_tags(ctx), "tags"))
    if rng.random() < 0.5:
        extras.append(_debris_lines([_promo_line(ctx) for _ in range(rng.randint(1, 2))], "promo"))
    if rng.random() < 0.3:
        extras.append(_related_block(ctx))
    if rng.random() < 0.3:
        extras.append(_debris_lines(_comment_widget(rng), "comment-widget"))
    rng.shuffle(extras)
    if rng.random() < 0.4:
        extras.append(_debris_lines([_copyright_line(ctx)], "copyright"))
    for block in extras:
        page.end.extend(block)
    return tag, inline


def _join(lines: list[_Line], rng: random.Random) -> str:
    mode = rng.choice(("single", "double", "mixed"))
    parts = [lines[0].text]
    for line in lines[1:]:
        if line.tight or mode == "single":
            sep = "\n"
        elif mode == "double":
            sep = "\n\n"
        else:
            sep = rng.choice(("\n", "\n\n"))
        parts.append(sep + line.text)
    return "".join(parts) + "\n"


def _body_line(item: _Item, printed: str, prefix: str, tail: tuple[str, str] | None) -> _Line:
    debris: list[tuple[str, str]] = []
    text = printed
    if item.lead:
        text = f"{item.lead[0]} {text}"
        debris.append(item.lead)
    if prefix:
        debris.insert(0, (prefix.rstrip(), "dateline"))
        text = prefix + text
    if tail:
        text = f"{text} {tail[0]}"
        debris.append(tail)
    return _Line(text=text, debris=debris)


def _choose_outlet(outlet: str | None, rng: random.Random) -> Outlet:
    if outlet is None:
        return OUTLETS[rng.choice(sorted(OUTLETS))]
    if outlet not in OUTLETS:
        raise ValueError(f"unknown outlet {outlet!r}; choose one of {sorted(OUTLETS)}")
    return OUTLETS[outlet]


def _author_from(page_author: str | None, items: list[_Item], tag: str | None) -> str | None:
    """The gold author: a byline writer first, else an author tag (injected or original)."""
    if page_author:
        return page_author
    for item in items:
        if item.debris and item.debris[1] == "byline":
            match = re.match(r"(?:Penulis|Reporter|Oleh)\s*:?\s*(.+)", item.debris[0])
            if match:
                return match.group(1).strip()
    if tag:
        return tag
    for item in reversed(items):
        for piece in (item.tail, item.debris):
            if piece and piece[1] == "author-tag":
                return piece[0]
    return None


@dataclass(kw_only=True)
class _Frame:
    """What frames the body: outlet, dateline prefix, title and date lines, and the shared context."""

    ctx: _Context
    prefix: str
    dateline: str | None
    outlet: str | None
    dates: list[str]
    published: str


def _frame(article: IndoSumArticle, body: list[str], place: str | None, outlet: str | None,
           rng: random.Random, headlines: Sequence[str]) -> _Frame:  # fmt: skip
    chosen = _choose_outlet(outlet, rng)
    place = place or rng.choice(_PLACES)
    prefix, dateline = chosen.render(place) if rng.random() < 0.9 or outlet else ("", None)
    title = article.title if article.title and rng.random() < 0.85 else _made_up_title(body, rng)
    utc = _article_time(article, rng)
    dates, published = _date_lines(utc, rng)
    ctx = _Context(rng=rng, outlet=chosen if prefix else OUTLETS["kumparan"], title=title, place_name=place,
                   category=article.category, entities=_entities(body), headlines=headlines, year=utc.year)  # fmt: skip
    return _Frame(ctx=ctx, prefix=prefix, dateline=dateline, outlet=chosen.name if prefix else None, dates=dates,
                  published=published)  # fmt: skip


def _page_lines(items: list[_Item], page: _Page, printed: dict[int, str], prefix: str, tag: str | None) -> list[_Line]:
    """All lines in page order; ``tag`` is an injected author tag printed after the last paragraph."""
    first, last = min(printed), max(printed)
    lines = list(page.top)
    for index, item in enumerate(items):
        lines.extend(page.gaps.get(index, []))
        lines.extend(page.before_body.get(index, []))
        if item.debris:
            lines.append(_Line(text=item.debris[0], debris=[item.debris]))
            continue
        tail = item.tail or ((tag, "author-tag") if tag and index == last else None)
        lines.append(_body_line(item, printed[index], prefix if index == first else "", tail))
    lines.extend(page.gaps.get(len(items), []))
    lines.extend(page.end)
    return lines


def make_dirty(
    article: IndoSumArticle,
    seed: int,
    *,
    outlet: str | None = None,
    original_debris: Sequence[dict[str, Any]] = (),
    headlines: Sequence[str] = (),
) -> DirtyArticle:
    """The article as a scraper would have saved it, and the gold answer for cleaning it.

    ``outlet`` forces a dateline style (a key of :data:`OUTLETS`); ``original_debris`` marks paragraphs
    (or their first/last words) of the IndoSum text that are themselves debris; ``headlines`` are extra
    titles for ``Baca juga`` lines and related blocks (our own bank is used as well).
    """
    rng = random.Random(f"{article.id}:{seed}")
    items, original_place = _annotate(article, original_debris)
    body_index = [i for i, item in enumerate(items) if item.body]
    body = [items[i].body or "" for i in body_index]
    printed_body, repairs = _glue_body(body, rng)
    printed = dict(zip(body_index, printed_body))
    frame = _frame(article, body, original_place, outlet, rng, headlines)
    page = _Page()
    _top_section(frame.ctx, page, frame.dates)
    _middle_gaps(frame.ctx, page, body_index, len(items))
    _duplicates(frame.ctx, page, items, printed)
    has_tag = any((it.tail or it.debris or ("", ""))[1] == "author-tag" for it in items)
    tag, inline = _end_section(frame.ctx, page, has_tag)
    lines = _page_lines(items, page, printed, frame.prefix, tag if inline else None)
    gold = {
        "id": f"{article.id}:{seed}", "file": article.file, "title": frame.ctx.title, "outlet": frame.outlet,
        "dateline": frame.dateline, "published": frame.published, "author": _author_from(page.author, items, tag),
        "body": body, "debris": [{"text": t, "reason": r} for line in lines for t, r in line.debris],
        "repairs": repairs,
    }  # fmt: skip
    return DirtyArticle(id=article.id, file=article.file, seed=seed, text=_join(lines, rng), gold=gold,
                        body_in_text=printed_body)  # fmt: skip


# --------------------------------------------------------------------------------------------------
# The evaluation set.
# --------------------------------------------------------------------------------------------------


_RESERVED_FILES = ("dev.01",)  # IndoSum dev fold 01 builds the word-frequency lexicon: never evaluate on it


def default_gold_path() -> Path:
    """``tests/gold/indosum_dirty.json`` of a source checkout."""
    return Path(__file__).resolve().parents[3] / "tests" / "gold" / "indosum_dirty.json"


def _verify_check(article: IndoSumArticle, entry: dict[str, Any], path: Path) -> None:
    first = " ".join(article.paragraphs[0].split(" ")[:4]) if article.paragraphs else ""
    if first != entry["check"]:
        raise ValueError(
            f"{path}: article {entry['id']} of {entry['file']} now starts {first!r}, not {entry['check']!r}: "
            "the shared IndoSum data (or the detokeniser) changed; re-check the annotations of this article"
        )


def load_dirty_gold(shared_dir: str | Path, gold_path: str | Path | None = None) -> list[DirtyArticle]:
    """Every article of the pointer file, loaded from ``shared_dir``, checked and made dirty."""
    shared_dir, gold_path = Path(shared_dir), Path(gold_path or default_gold_path())
    spec = json.loads(gold_path.read_text(encoding="utf-8"))
    files: dict[str, dict[str, IndoSumArticle]] = {}
    result = []
    for entry in spec["articles"]:
        if any(part in entry["file"] for part in _RESERVED_FILES):
            raise ValueError(f"{gold_path}: {entry['id']} is from {entry['file']}, which is reserved for the lexicon")
        if entry["file"] not in files:
            files[entry["file"]] = {a.id: a for a in load_indosum(shared_dir / entry["file"])}
        by_id = files[entry["file"]]
        if entry["id"] not in by_id:
            raise ValueError(f"{gold_path}: article {entry['id']} is not in {shared_dir / entry['file']}")
        article = by_id[entry["id"]]
        _verify_check(article, entry, gold_path)
        pool = [a.title for a in by_id.values() if a.title and a.id != article.id]
        dirty = make_dirty(article, entry["seed"], original_debris=entry.get("original_debris", ()),
                           headlines=pool, outlet=entry.get("outlet"))  # fmt: skip
        dirty.file = dirty.gold["file"] = entry["file"]
        dirty.notes = entry.get("notes", "")
        result.append(dirty)
    logger.debug("made %d dirty articles from %s", len(result), gold_path)
    return result
