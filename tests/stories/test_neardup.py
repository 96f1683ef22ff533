"""Near-duplicate index: copies with other debris, new headlines or cut short are linked to their
original; a different story about the same people is not. Texts are written for these tests."""

from __future__ import annotations

import pickle

import pytest

from warta.stories.neardup import (
    NearDuplicateIndex,
    NearDuplicateSettings,
    lsh_bands,
    signature_from_bytes,
    signature_to_bytes,
    words,
)

ORIGINAL = """\
Menteri Luar Negeri China Wang Yi melakukan pembicaraan telepon dengan Menteri Luar Negeri Rusia Sergei Lavrov pada Senin malam untuk membahas situasi keamanan di Kazakhstan setelah kerusuhan yang melanda sejumlah kota besar di negara itu.

Dalam pembicaraan tersebut Wang menyatakan bahwa Beijing mendukung langkah pemerintah Kazakhstan untuk memulihkan ketertiban dan menolak campur tangan pihak luar dalam urusan dalam negeri negara tetangganya.

Lavrov menjelaskan bahwa pasukan penjaga perdamaian dari Organisasi Perjanjian Keamanan Kolektif dikirim atas permintaan Presiden Kassym-Jomart Tokayev dan akan ditarik setelah situasi kembali stabil sepenuhnya.

Kedua menteri juga sepakat untuk terus berkoordinasi erat mengenai perkembangan di Asia Tengah, termasuk kerja sama ekonomi dan keamanan perbatasan, serta menjadwalkan pertemuan langsung dalam beberapa pekan mendatang."""

DEBRIS_COPY = """\
BEIJING, KOMPAS.com - Menteri Luar Negeri China Wang Yi melakukan pembicaraan telepon dengan Menteri Luar Negeri Rusia Sergei Lavrov pada Senin malam untuk membahas situasi keamanan di Kazakhstan setelah kerusuhan yang melanda sejumlah kota besar di negara itu.

Baca juga: Harga Minyak Dunia Naik Tajam Pekan Ini

Dalam pembicaraan tersebut Wang menyatakan bahwa Beijing mendukung langkah pemerintah Kazakhstan untuk memulihkan ketertiban dan menolak campur tangan pihak luar dalam urusan dalam negeri negara tetangganya.

Lavrov menjelaskan bahwa pasukan penjaga perdamaian dari Organisasi Perjanjian Keamanan Kolektif dikirim atas permintaan Presiden Kassym-Jomart Tokayev dan akan ditarik setelah situasi kembali stabil sepenuhnya.

Kedua menteri juga sepakat untuk terus berkoordinasi erat mengenai perkembangan di Asia Tengah, termasuk kerja sama ekonomi dan keamanan perbatasan, serta menjadwalkan pertemuan langsung dalam beberapa pekan mendatang. (esn)

Simak berita pilihan lainnya di kanal kami."""

SAME_PEOPLE_OTHER_STORY = """\
Menteri Luar Negeri Rusia Sergei Lavrov bertemu Menteri Luar Negeri China Wang Yi di Moskow pada Kamis untuk membicarakan rencana latihan militer bersama di Laut Jepang yang dijadwalkan berlangsung musim panas tahun depan.

Wang mengatakan kerja sama pertahanan kedua negara tidak ditujukan kepada pihak ketiga mana pun, sementara Lavrov menyebut latihan itu sebagai bagian dari kemitraan strategis yang sudah terjalin lama.

Selain latihan militer, keduanya membahas pembangunan jalur pipa gas baru dari Siberia ke wilayah timur laut China serta perluasan penggunaan mata uang nasional dalam perdagangan bilateral.

Pertemuan tersebut berlangsung selama tiga jam dan ditutup dengan makan malam resmi di kediaman Menteri Luar Negeri Rusia di pinggiran ibu kota."""

SHORT = ("Gempa bermagnitudo 5,2 mengguncang wilayah selatan Pulau Jawa pada Selasa pagi dan getarannya terasa "
         "hingga Yogyakarta, namun tidak menimbulkan kerusakan berarti menurut petugas setempat.")  # fmt: skip


def cut(text: str, fraction: float = 0.7) -> str:
    tokens = text.split(" ")
    return " ".join(tokens[: round(len(tokens) * fraction)])


@pytest.fixture
def index() -> NearDuplicateIndex:
    idx = NearDuplicateIndex()
    assert idx.find_or_add("original", ORIGINAL) is None
    return idx


def test_copy_with_other_debris_is_linked_to_its_original(index):
    original, similarity = index.find_or_add("copy", DEBRIS_COPY)
    assert original == "original"
    assert similarity >= index.settings.threshold
    assert index.original_of("copy") == "original"


def test_retitled_copy_is_found(index):
    retitled = "Wang Yi dan Lavrov Bahas Kazakhstan Lewat Telepon\n\nKrisis Asia Tengah\n\n" + ORIGINAL
    assert index.find_or_add("retitled", retitled)[0] == "original"


def test_copy_cut_at_seventy_percent_is_found(index):
    matches = index.query(index.signature(cut(ORIGINAL)))
    assert [key for key, _ in matches] == ["original"]


def test_copy_cut_with_debris_is_found(index):
    assert index.find_or_add("cut", "Penulis: Redaksi\n\n" + cut(DEBRIS_COPY))[0] == "original"


def test_different_story_about_the_same_people_is_not_a_duplicate(index):
    assert index.find_or_add("other", SAME_PEOPLE_OTHER_STORY) is None
    assert index.original_of("other") == "other"


def test_a_short_teaser_of_an_article_is_no_copy_of_it(index):
    teaser = cut(ORIGINAL, 0.2)
    assert index.query(index.signature(teaser)) == []


def test_copy_of_a_copy_is_linked_to_the_first_original(index):
    index.find_or_add("copy", DEBRIS_COPY)
    key, _ = index.find_or_add("copy-of-copy", cut(DEBRIS_COPY, 0.75))
    assert key == "original"
    assert index.original_of("copy-of-copy") == "original"


def test_signature_survives_bytes_and_pickle(index):
    sig = index.signature(DEBRIS_COPY)
    blob = signature_to_bytes(sig)
    assert isinstance(blob, bytes)
    assert signature_from_bytes(blob) == sig
    assert pickle.loads(pickle.dumps(sig)) == sig
    assert index.query(signature_from_bytes(blob)) == index.query(sig)


def test_rebuilt_index_answers_like_the_original_one(index):
    index.find_or_add("copy", DEBRIS_COPY)
    index.find_or_add("other", SAME_PEOPLE_OTHER_STORY)
    stored = [(key, signature_to_bytes(index.signature_of(key)), None if index.original_of(key) == key
               else index.original_of(key)) for key in ("original", "copy", "other")]  # fmt: skip
    rebuilt = NearDuplicateIndex.from_settings(index.settings)
    rebuilt.add_many(stored)
    probe = rebuilt.signature(cut(ORIGINAL))
    assert rebuilt.query(probe) == index.query(probe)
    assert rebuilt.original_of("copy") == "original"


def test_same_inputs_in_same_order_give_same_results():
    texts = [ORIGINAL, SAME_PEOPLE_OTHER_STORY, DEBRIS_COPY, cut(ORIGINAL), SHORT]
    runs = []
    for _ in range(2):
        idx = NearDuplicateIndex()
        runs.append([idx.find_or_add(f"k{i}", t) for i, t in enumerate(texts)])
    assert runs[0] == runs[1]
    assert runs[0][2][0] == "k0" and runs[0][3][0] == "k0"


def test_equal_matches_come_in_insertion_order():
    idx = NearDuplicateIndex()
    sig = idx.signature(ORIGINAL)
    for key in ("b", "a", "c"):
        idx.add(key, sig)
    assert [key for key, _ in idx.query(sig)] == ["b", "a", "c"]


def test_short_text_copy_is_found_but_tiny_texts_are_never_judged():
    idx = NearDuplicateIndex()
    assert idx.find_or_add("short", SHORT) is None
    assert idx.find_or_add("short-retitled", "Gempa Guncang Selatan Jawa\n\n" + SHORT)[0] == "short"
    assert idx.find_or_add("tiny", "Gempa mengguncang Bali pagi ini.") is None
    assert idx.find_or_add("tiny-again", "Gempa mengguncang Bali pagi ini.") is None


@pytest.mark.parametrize("text", ["", "😀🔥🙏🇮🇩" * 200, "x" * 1_000_000, "   \n\n  ", "!!! ??? ..."])
def test_odd_texts_give_a_signature_and_match_nothing(index, text):
    sig = index.signature(text)
    assert signature_from_bytes(signature_to_bytes(sig)) == sig
    assert index.query(sig) == []
    assert index.find_or_add("odd", text) is None
    assert index.find_or_add("odd-again", text) is None


def test_words_ignore_case_punctuation_and_compatibility_forms():
    assert words("Ｗａｎｇ YI, berkata: \"Kami MENDUKUNG!\"") == ["wang", "yi", "berkata", "kami", "mendukung"]


def test_signature_from_another_configuration_is_refused(index):
    other = NearDuplicateIndex(num_perm=64).signature(ORIGINAL)
    with pytest.raises(ValueError, match="num_perm=64"):
        index.query(other)


def test_bad_bytes_and_bad_settings_are_refused(index):
    with pytest.raises(ValueError, match="not a warta near-duplicate signature"):
        signature_from_bytes(b"garbage")
    blob = signature_to_bytes(index.signature(ORIGINAL))
    with pytest.raises(ValueError, match="needs"):
        signature_from_bytes(blob[:-4])
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateSettings(threshold=1.5)
    with pytest.raises(ValueError, match="min_words"):
        NearDuplicateIndex(shingle_words=8, min_words=5)
    with pytest.raises(ValueError, match="already"):
        index.add("original", index.signature(ORIGINAL))
    with pytest.raises(ValueError, match="add it first"):
        index.add("copy", index.signature(DEBRIS_COPY), original="missing")


def test_lsh_bands_catch_the_weakest_qualifying_pair():
    settings = NearDuplicateSettings()
    bands, rows = lsh_bands(settings.num_perm, settings.weakest_jaccard)
    assert bands * rows <= settings.num_perm
    assert 1 - (1 - settings.weakest_jaccard**rows) ** bands >= 0.995


@pytest.mark.shared
def test_near_duplicates_on_indosum(shared_dir):
    from warta.evaluate.neardup_eval import KINDS, evaluate_near_duplicates

    result = evaluate_near_duplicates(shared_dir, pairs_per_kind=40, rebuild_entries=200)
    assert result["distinct"]["articles"] >= 1400
    assert len(result["distinct"]["repeated_ids"]) >= 30  # IndoSum repeats articles across its folds
    assert result["distinct"]["false_pairs"] == 0
    for kind in KINDS:
        assert result["kinds"][kind]["recall"] >= 0.98, (kind, result["kinds"][kind]["misses"])
        assert result["kinds"][kind]["wrong_links"] == 0
    assert result["overall"]["recall"] >= 0.98
    assert result["indosum_repeats"]["recall"] >= 0.95
    assert result["short_texts"]["false_pairs"] == 0
    assert all(case["match_on_second_add"] is None for case in result["robustness"].values())
