from collections import Counter

import pytest

from samples import DIRTY_ARTICLE, DIRTY_BODY
from warta.clean.debris import clean_lines, normalise_line
from warta.clean.rules import load_rules

RULES = load_rules("id")


def reasons_of(result) -> dict[str, str]:
    return {text: reason for _, text, reason in result.removed}


def test_dirty_article_body_is_exactly_the_paragraphs():
    result = clean_lines(DIRTY_ARTICLE, RULES)
    assert result.paragraphs == DIRTY_BODY


@pytest.mark.parametrize("text, reason", [
    ("Jepang dan Indonesia Sepakat Perluas Latihan Maritim", "title"),
    ("loading...", "boilerplate"),
    ("A", "boilerplate"),
    ("Kamis, 3 Maret 2022 - 14:05 WIB", "date"),
    ("Penulis: Dewi Larasati", "byline"),
    ("TOKYO -", "dateline"),
    ("Baca juga: Harga Minyak Dunia Naik Tiga Hari Berturut-turut", "related"),
    ("Kapal perang Jepang bersandar di pelabuhan. (Foto: Reuters/Kim Kyung-Hoon)", "caption"),
    ("1. Latihan gabungan tahun depan", "heading"),
    ("ADVERTISEMENT", "advertisement"),
    ("SCROLL TO CONTINUE WITH CONTENT", "advertisement"),
    ("Berita Terkait", "related"),
    ("Menlu Bertemu Dubes Jepang di Jakarta", "related"),
    ("Indonesia Tambah Armada Patroli Laut...", "related"),
    ("Tags:", "tags"),
    ("Jepang", "tags"),
    ("Komentar", "comment-widget"),
    ("Berhasil Login", "comment-widget"),
    ("Anda yakin ingin menghapus komentar ?", "comment-widget"),
    ("Copyright © 2022 Contoh Berita. All rights reserved.", "copyright"),
    ("(dla)", "author-tag"),
])
def test_each_kind_of_debris_is_removed_with_its_reason(text, reason):
    assert reasons_of(clean_lines(DIRTY_ARTICLE, RULES))[text] == reason


def test_repeated_paragraph_keeps_the_first_and_records_the_second():
    result = clean_lines(DIRTY_ARTICLE, RULES)
    dup = [t for _, t, r in result.removed if r == "duplicate"]
    assert dup == [DIRTY_BODY[1]]
    assert result.paragraphs.count(DIRTY_BODY[1]) == 1


def test_header_facts_are_kept():
    result = clean_lines(DIRTY_ARTICLE, RULES)
    assert result.title == "Jepang dan Indonesia Sepakat Perluas Latihan Maritim"
    assert result.published == "2022-03-03T14:05:00+07:00"
    assert result.byline == "Dewi Larasati"
    assert result.dateline == "TOKYO"
    assert result.author_tag == "(dla)"


def test_removed_pieces_come_in_input_order_and_nothing_is_lost():
    result = clean_lines(DIRTY_ARTICLE, RULES)
    lines = [normalise_line(l) for l in DIRTY_ARTICLE.splitlines() if l.strip()]
    indices = [i for i, _, _ in result.removed]
    assert indices == sorted(indices)
    kept = " ".join(result.paragraphs) + " " + " ".join(t for _, t, _ in result.removed)
    for line in lines:
        for word in line.split():
            assert word in kept


@pytest.mark.parametrize("opening, place, outlet", [
    ("Jakarta, IDN Times - ", "Jakarta", "IDN Times"),
    ("IVOOX.id, Moscow - ", "Moscow", "IVOOX.id"),
    ("Intisari-Online.com - ", None, "Intisari-Online.com"),
    ("JAKARTA, KOMPAS.com - ", "JAKARTA", "KOMPAS.com"),
    ("Jakarta (ANTARA) - ", "Jakarta", "ANTARA"),
    ("TEMPO.CO, Jakarta - ", "Jakarta", "TEMPO.CO"),
    ("REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA", "REPUBLIKA.CO.ID"),
    ("BEIJING – ", "BEIJING", None),
])
def test_dateline_openings_of_many_outlets(opening, place, outlet):
    body = "Pemerintah mengumumkan kebijakan baru tentang impor beras pada hari ini untuk menjaga harga."
    result = clean_lines(f"Judul Berita Hari Ini\n{opening}{body}", RULES)
    assert result.paragraphs == [body]
    assert (result.dateline, result.dateline_outlet) == (place, outlet)
    assert ("dateline" in [r for _, _, r in result.removed])


def test_sentence_with_spaced_dash_mid_text_is_not_a_dateline():
    body = "Hubungan kedua negara membaik setelah pertemuan puncak - yang berlangsung di Bali - pekan lalu, kata pejabat itu."
    assert clean_lines(body, RULES).paragraphs == [body]


def test_body_lines_that_start_like_widgets_are_kept():
    body = ["Komentar Menteri itu muncul setelah panggilan telepon dengan rekannya dari Jepang pada Senin malam.",
            "Topik pembicaraan mereka adalah kerja sama energi dan pangan di kawasan Asia Tenggara tahun ini."]
    assert clean_lines("\n".join(body), RULES).paragraphs == body


def test_caption_glued_to_repeated_headline():
    title = "Harga Beras Naik di Pasar Tradisional"
    body = "Harga beras di sejumlah pasar tradisional naik sekitar sepuluh persen dalam sepekan terakhir, kata pedagang."
    raw = f"{title}\n{body}\n{title}Pedagang beras di pasar (Dok. Istimewa)\nPedagang berharap harga kembali turun menjelang akhir bulan ini, ujar seorang penjual."
    result = clean_lines(raw, RULES)
    assert reasons_of(result)[f"{title}Pedagang beras di pasar (Dok. Istimewa)"] == "caption"
    assert len(result.paragraphs) == 2


def test_community_writer_footer_is_removed_entirely():
    raw = ("Judul Artikel Komunitas\n"
           "Para petani di lereng gunung mulai menanam kopi jenis baru yang lebih tahan terhadap perubahan cuaca tahun ini.\n"
           "Budi Santoso Photo Verified Writer Budi Santoso\n"
           "Penikmat Kopi\n"
           "Situs Contoh Community adalah media yang menyediakan platform untuk menulis. Semua karya tulis yang dibuat adalah sepenuhnya tanggung jawab dari penulis.\n"
           "Topik:\n"
           "  • Rina Wati\n"
           "Berita Terkini Lainnya")
    result = clean_lines(raw, RULES)
    assert len(result.paragraphs) == 1
    assert Counter(r for _, _, r in result.removed)["byline"] == 2


def test_empty_and_whitespace_input_gives_no_paragraphs():
    assert clean_lines("", RULES).paragraphs == []
    assert clean_lines(" \n\t\n", RULES).paragraphs == []


def test_control_and_invisible_characters_are_folded():
    assert normalise_line("a\u200bb\u00a0 c\x07d") == "ab c d"


def test_byline_without_colon_and_photo_button_are_debris_and_the_writer_is_the_author():
    from warta.api import analyze

    text = ("Kerusuhan Meluas di Almaty\nKamis, 6 Januari 2022 | 07:45 WIB\n"
            "Penulis Dimas Prakoso | Editor Laras Wulandari\n\nLihat Foto\n\n"
            "JAKARTA, KOMPAS.com - Presiden Kazakhstan meminta bantuan pasukan untuk meredam kerusuhan di negaranya "
            "sejak awal pekan ini, kata juru bicara kepresidenan.\n\nKerusuhan itu dipicu kenaikan harga gas.")
    doc = analyze(text)
    assert doc.author == "Dimas Prakoso"
    assert {r.reason for r in doc.removed if r.text == "Lihat Foto"} == {"boilerplate"}
    assert "Lihat Foto" not in doc.text and "Penulis" not in doc.text


def test_oleh_and_laporan_wartawan_bylines_give_the_name():
    from warta.clean.debris import _byline_name

    assert _byline_name("Oleh Laras Anggraini") == "Laras Anggraini"
    assert _byline_name("Laporan Wartawan Tribunnews.com, Arif Setiawan") == "Arif Setiawan"
    assert _byline_name("Olehsari Putri") == "Olehsari Putri"
