"""IndoSum reading: the detokeniser and slug titles on hand-written tokens (no ../shared needed)."""

from __future__ import annotations

import json

import pytest

from warta.evaluate.indosum import IndoSumArticle, detokenize, iter_paragraph_sentences, load_indosum, title_from_url


def toks(text: str) -> list[str]:
    return text.split(" ")


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("Zulkifli di Gedung DPR , Senayan , Jakarta .", "Zulkifli di Gedung DPR, Senayan, Jakarta."),
        ("kata dia ; lalu : ya ! benar ?", "kata dia; lalu: ya! benar?"),
        ("pada Selasa ( 10/1 ) malam", "pada Selasa (10/1) malam"),
        ("pada Jumat ( 8 / 9 / 2017 ) .", "pada Jumat (8/9/2017)."),
        ("daftar [ 1 ] dan { a }", "daftar [1] dan {a}"),
        ("harga Rp 1.500 per liter", "harga Rp 1.500 per liter"),
        ("naik 10 % dari $ 999 atau € 13 juta", "naik 10% dari $999 atau €13 juta"),
        ("pemegang e - KTP dan Undang - undang", "pemegang e-KTP dan Undang-undang"),
        ("menang 2 - 1 atas tim U - 16", "menang 2-1 atas tim U-16"),
        ("negara-negara Asia Tengah", "negara-negara Asia Tengah"),
        ("Jakarta , CNN Indonesia - - Polisi menangkap", "Jakarta, CNN Indonesia -- Polisi menangkap"),
        ("Rimanews - Polisi menangkap", "Rimanews - Polisi menangkap"),
        ("MANCHESTER , JUARA.net - Perwakilan klub", "MANCHESTER, JUARA.net - Perwakilan klub"),
        ("Jakarta ( ANTARA News ) - Nilai tukar", "Jakarta (ANTARA News) - Nilai tukar"),
        ("SUKABUMI – Juru parkir", "SUKABUMI – Juru parkir"),
        ("tunggu ... lalu pergi", "tunggu... lalu pergi"),
    ],
)
def test_detokenize_spacing(tokens: str, expected: str) -> None:
    assert detokenize(toks(tokens)) == expected


def test_straight_double_quotes_pair_open_then_close() -> None:
    tokens = toks('" Tidak hanya tarif , " ucap Zulkifli . " Kami tunggu . "')
    assert detokenize(tokens) == '"Tidak hanya tarif," ucap Zulkifli. "Kami tunggu."'


def test_quote_pairing_runs_across_the_sentences_of_a_paragraph() -> None:
    first, second = toks('" Kami datang .'), toks('Kami pulang , " katanya .')
    assert detokenize(first + second) == '"Kami datang. Kami pulang," katanya.'


def test_single_and_curly_quotes() -> None:
    assert detokenize(toks("film ' Comic 8 : Casino King ' ini")) == "film 'Comic 8: Casino King' ini"
    assert detokenize(toks("“ Saya berharap , ” katanya .")) == "“Saya berharap,” katanya."
    assert detokenize(toks("sikap ‘ bandel’ dan ‘ nakal ’ itu")) == "sikap ‘bandel’ dan ‘nakal’ itu"


def test_quote_inside_brackets() -> None:
    assert detokenize(toks('( " kata " )')) == '("kata")'


def test_whitespace_tokens_are_dropped() -> None:
    assert detokenize(["1", "menit", "\u00a0", "33,556", "detik", "\r\n", "."]) == "1 menit 33,556 detik."
    assert detokenize([" ", "Carlton", "Cole", "\u200e", "tiba"]) == "Carlton Cole tiba"


def test_empty_token_list() -> None:
    assert detokenize([]) == ""
    assert detokenize(["\u00a0", " "]) == ""


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("http://www.juara.net/read/sepak-bola/spanyol/174596-jarang.main.james.rodriguez.menolak.menyerah",
         "Jarang Main James Rodriguez Menolak Menyerah"),
        ("https://www.cnnindonesia.com/nasional/20170808165905-12-233320/polisi-kantongi-identitas-pelaku/",
         "Polisi Kantongi Identitas Pelaku"),
        ("https://www.merdeka.com/peristiwa/cegah-bullying-mendikbud-minta-sekolah-berbenah.html",
         "Cegah Bullying Mendikbud Minta Sekolah Berbenah"),
        ("https://kumparan.com/@kumparanfood/pizza-dengan-telur-setengah-matang-1493616676403",
         "Pizza dengan Telur Setengah Matang"),
        ("https://www.antaranews.com/berita/669777/kbri-amman-imbau-wni-tak-kunjungi-yordania",
         "KBRI Amman Imbau WNI tak Kunjungi Yordania"),
        ("http://www.goal.com/id-ID/match/semen-padang-vs-barito-putera/2435776/report",
         "Semen Padang vs Barito Putera"),
        ("http://beta.goal.com/id/berita/neymar/1j524ifgx2kcg1q5dlyv7mp859", None),
        ("https://kumparan.com/penulis-satu/gempa-5-4-magnitudo-guncang-bengkulu", None),
        ("https://dailysocial.id/post/uber-chat", None),
    ],
)  # fmt: skip
def test_title_from_url(url: str, title: str | None) -> None:
    assert title_from_url(url) == title


def test_title_takes_casing_from_the_article_text() -> None:
    paragraphs = ["Ketua KPU menyebut iPhone baru. KPU menolak.", "Di Jakarta, juara bertahan JUARA.net kalah."]
    url = "https://example.id/berita/kpu-tolak-iphone-juara-jakarta"
    assert title_from_url(url, paragraphs) == "KPU Tolak iPhone Juara Jakarta"


def _record(**overrides: object) -> dict:
    record = {
        "id": "1500000000-contoh-berita-buatan",
        "category": "tajuk utama",
        "source": "contoh",
        "source_url": "https://contoh.id/berita/123-menteri-bertemu-duta-besar",
        "paragraphs": [
            [["Jakarta", ",", "Contoh", "-", "-", "Menteri", "bertemu", "duta", "besar", "."],
             ["Mereka", "berbicara", "selama", "satu", "jam", "."]],
            [["\u00a0"]],
            [['"', "Kami", "sepakat", ",", '"', "katanya", "."]],
        ],
        "summary": [["Menteri", "bertemu", "duta", "besar", "."]],
        "gold_labels": [[True, False], [False], [False]],
    }  # fmt: skip
    record.update(overrides)
    return record


def test_load_indosum_reads_a_fold(tmp_path) -> None:
    path = tmp_path / "dev.99.jsonl"
    path.write_text(json.dumps(_record()) + "\n\n", encoding="utf-8")
    [article] = load_indosum(path)
    assert isinstance(article, IndoSumArticle)
    assert article.id == "1500000000-contoh-berita-buatan" and article.file == "dev.99.jsonl"
    assert article.paragraphs == [
        "Jakarta, Contoh -- Menteri bertemu duta besar. Mereka berbicara selama satu jam.",
        '"Kami sepakat," katanya.',
    ]  # the whitespace-only paragraph is dropped
    assert article.summary == ["Menteri bertemu duta besar."]
    assert article.title == "Menteri Bertemu Duta Besar"
    assert (article.category, article.source) == ("tajuk utama", "contoh")
    assert article.url.endswith("menteri-bertemu-duta-besar")


def test_load_indosum_reports_bad_lines_and_missing_files(tmp_path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_record()) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        load_indosum(path)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_indosum(tmp_path / "missing.jsonl")


def test_iter_paragraph_sentences() -> None:
    sentences = list(iter_paragraph_sentences(_record()))
    assert sentences[0] == ["Jakarta, Contoh -- Menteri bertemu duta besar.", "Mereka berbicara selama satu jam."]
    assert sentences[2] == ['"Kami sepakat," katanya.']


def test_article_needs_an_id() -> None:
    with pytest.raises(ValueError, match="empty id"):
        IndoSumArticle(id="", file="x", paragraphs=[], summary=[], category="", source="", url="")
