import pytest

from warta.clean.repair import GlueRepairer, Lexicon, default_repairer


@pytest.fixture(scope="module")
def repairer() -> GlueRepairer:
    return default_repairer()


@pytest.mark.parametrize("glued, spaced", [
    ("bahwaRusiadanChinaadalahmusuh", "bahwa Rusia dan China adalah musuh"),
    ("ketegangandiAS", "ketegangan di AS"),
    ("Dukunganitu", "Dukungan itu"),
    ("sendiridisampaikan", "sendiri disampaikan"),
    ("mengatakanbahwa", "mengatakan bahwa"),
    ("PresidenJoko", "Presiden Joko"),
    ("KPKMenangkap", "KPK Menangkap"),
    ("DPRdan", "DPR dan"),
    ("itusendiri", "itu sendiri"),
])
def test_glued_words_are_split(repairer, glued, spaced):
    assert " ".join(repairer.split(glued) or [glued]) == spaced


@pytest.mark.parametrize("word", [
    "Kazakhstan", "menstabilkan", "Tokayev", "CSTO", "Kemenlu", "Patrushev", "Megawati", "Indrawati",
    "didiskualifikasinya", "ketidakmampuannya", "iPhone", "YouTube", "WhatsApp", "McDonald", "ASEAN",
    "Zelenskyy", "Samarkand", "boilerplate", "Kemenhan", "memperdalam",
])
def test_correct_words_and_names_are_never_split(repairer, word):
    assert repairer.split(word) is None


def test_repair_text_keeps_everything_else_and_reports_each_repair(repairer):
    text = "Dia mengatakan bahwaRusiadanChinaadalahmusuh, lihat https://contoh.com/beritaTerkini ketegangandiAS."
    fixed, repairs = repairer.repair(text)
    assert fixed == "Dia mengatakan bahwa Rusia dan China adalah musuh, lihat https://contoh.com/beritaTerkini ketegangan di AS."
    assert repairs == [("bahwaRusiadanChinaadalahmusuh", "bahwa Rusia dan China adalah musuh"),
                       ("ketegangandiAS", "ketegangan di AS")]


def test_small_lexicon_segmentation_prefers_fewer_frequent_words():
    lex = Lexicon({"kerja": 5.0, "sama": 5.5, "kerjasama": 4.0, "dan": 6.5, "rusia": 4.5})
    rep = GlueRepairer(lex)
    assert rep.split("kerjasamadan") == ["kerjasama", "dan"]
    assert rep.split("kerjasama") is None


def test_huge_token_is_left_alone(repairer):
    token = "a" * 100_000
    assert repairer.repair(token) == (token, [])


@pytest.mark.parametrize("glued, spaced", [
    ("memintanegara-negara", "meminta negara-negara"),
    ("menjelaskanlangkah-langkah", "menjelaskan langkah-langkah"),
    ("anak-anakdi", "anak-anak di"),
])
def test_glue_at_the_ends_of_hyphenated_words(repairer, glued, spaced):
    fixed, repairs = repairer.repair(f"Ia {glued} sana.")
    assert fixed == f"Ia {spaced} sana." and repairs == [(glued, spaced)]


@pytest.mark.parametrize("word", ["Kassym-Jomart", "negara-negara", "Moskow-Beijing", "baru-baru"])
def test_hyphenated_words_stay_whole(repairer, word):
    assert repairer.repair(word) == (word, [])


def test_number_words_keep_the_texts_spelling(repairer):
    """Regression: 'ketigabelas' was split although joined number words are a valid spelling."""
    assert repairer.split("ketigabelas") is None and repairer.split("duapuluh") is None
