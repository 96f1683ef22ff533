"""The event-trigger lexicon, its matcher and the intensity table."""

from pathlib import Path

import pytest

from warta.analyse.lexicon import (
    PLOVER_TYPES,
    Trigger,
    TriggerIndex,
    intensity,
    load_intensities,
    load_triggers,
    stem,
    word_form,
)

HEADER = "lemma\tnext\ttype\tmode\tcameo\tforms\tnote\n"
TRIGGERS = load_triggers()
INDEX = TriggerIndex.default()


def entries() -> list[Trigger]:
    return [t for t in TRIGGERS if not t.is_blocker]


def matches(sentence: str) -> list[tuple[str, str, str | None]]:
    """(matched words, type, mode) of each match in a whitespace-tokenised sentence."""
    words = sentence.split()
    return [(" ".join(words[m.start:m.end]), m.type, m.mode) for m in INDEX.match(words)]


def types(sentence: str) -> list[str]:
    return [t for _, t, _ in matches(sentence)]


# --------------------------------------------------------------------------------------- the lexicon

def test_lexicon_has_at_least_600_entries_with_distinct_keys():
    keys = {t.key for t in entries()}
    assert len(keys) == len(entries()) >= 600


def test_every_plover_type_is_covered_richly():
    counts = {t: sum(1 for e in entries() if e.type == t) for t in PLOVER_TYPES}
    assert all(n >= 10 for n in counts.values()), counts


@pytest.mark.parametrize("entry", entries(), ids=lambda t: f"{t.lemma}+{'|'.join(t.next)[:20]}")
def test_every_form_of_an_entry_matches_that_entry(entry):
    for form in entry.forms:
        found = [m for m in INDEX.match(form.split()) if m.trigger == entry]
        assert found, f"{form!r} does not match {entry.lemma} {entry.next}: {INDEX.match(form.split())}"
        if entry.next:
            assert any(m.end - m.start >= 2 for m in found), f"{form!r}: complement not in the span"


def test_cameo_codes_belong_to_their_type():
    for t in entries():
        assert t.cameo and t.cameo[:2] in {"02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                                          "13", "14", "15", "16", "17", "18", "19", "20"}


def test_plain_statements_are_not_triggers():
    assert matches("Wang Yi mengatakan bahwa China menyatakan sikapnya .") == []


# --------------------------------------------------------------------------------------- ambiguity

def test_menarik_alone_is_no_event():
    assert matches("Pameran itu sangat menarik bagi pengunjung") == []


def test_menarik_pasukan_is_retreat():
    assert matches("Rusia menarik pasukannya dari perbatasan") == [("menarik pasukannya", "RETREAT", "withdraw")]
    assert types("Rusia menarik seluruh pasukan dari Ukraina") == ["RETREAT"]
    assert types("AS menarik diri dari perjanjian itu") == ["RETREAT", "AGREE"]


def test_penarikan_pasukan_despite_the_stemmer():
    # PySastrawi stems penarikan to tari ("dance"): the literal row catches it
    assert types("penarikan pasukan AS dari Afghanistan") == ["RETREAT"]


def test_kirim_surat_is_not_troops():
    assert matches("Presiden mengirim surat kepada Kongres") == []
    assert matches("AS mengirim pasukan ke Polandia") == [("mengirim pasukan", "MOBILIZE", "troops")]
    assert matches("PBB mengirim pasukan perdamaian") == [("mengirim pasukan perdamaian", "AID", "peacekeeping")]


def test_stem_collisions_with_common_words_do_not_fire():
    assert matches("Ia menemukan dompet di desa itu tentang pukul 10") == []  # temu, desa, tentang, pukul
    assert matches("Undang-undang itu menuju tujuan yang baik") == []  # undang, tuju (setuju)
    assert matches("Presiden bertolak belakang dengan menteri") == []  # bertolak is not tolak "reject"
    assert matches("Bus itu tak kunjung datang") == []  # kunjung, kunjungan


def test_agent_nouns_are_not_events():
    assert matches("para pendukung dan penyerang tim itu") == []


def test_blockers_consume_their_words():
    assert matches("Ia meninggal karena serangan jantung") == []
    assert matches("Persib ditahan imbang Persija") == []
    assert types("Polisi mengamankan tersangka serangan bom") == ["COERCE", "ASSAULT"]


def test_adjacent_complement_must_follow_at_once():
    assert types("jam kerja guru akan sama dengan ASN") == []
    assert types("kedua negara sepakat kerja sama militer") == ["AGREE", "COOPERATE"]
    assert matches("kerja sama militer")[0][2] == "military"


def test_longest_match_wins_and_tokens_are_used_once():
    assert matches("AS menjatuhkan sanksi terhadap Rusia") == [("menjatuhkan sanksi", "SANCTION", "sanction")]
    assert matches("gencatan senjata berlaku") == [("gencatan senjata", "RETREAT", "ceasefire")]
    assert matches("Rusia berunjuk rasa") == [("berunjuk rasa", "PROTEST", "demo")]


def test_passive_head_takes_a_complement_before_it():
    assert matches("pasukan itu akhirnya ditarik") == [("pasukan itu akhirnya ditarik", "RETREAT", "withdraw")]
    assert matches("sanksi dijatuhkan kepada Iran") == [("sanksi dijatuhkan", "SANCTION", "sanction")]


def test_matches_carry_token_indices():
    words = "Kemarin , Jokowi bertemu dengan Xi Jinping".split()
    [m] = INDEX.match(words)
    assert (m.start, m.end, m.head, m.form, m.type, m.cameo) == (3, 4, 3, "verb", "CONSULT", "040")


def test_complement_does_not_cross_clause_punctuation():
    assert matches("Mereka menarik , kata dia , pasukan") == []


# --------------------------------------------------------------------------------------- forms

@pytest.mark.parametrize("word,form", [
    ("mendukung", "verb"), ("memperingatkan", "verb"), ("bertemu", "verb"), ("tertangkap", "verb"),
    ("mewanti-wanti", "verb"), ("menolak", "verb"), ("mengirim", "verb"),
    ("didukung", "passive"), ("ditolak", "passive"), ("diperingatkan", "passive"),
    ("dukungan", "noun"), ("penolakan", "noun"), ("pertemuan", "noun"), ("kesepakatan", "noun"),
    ("serangan", "noun"), ("dukungannya", "noun"),
    ("sanksi", "other"), ("invasi", "other"), ("demo", "other"),
])
def test_word_form_from_affixes(word, form):
    assert word_form(word) == form


def test_match_reports_the_form_of_the_head():
    assert [m.form for m in INDEX.match("dukungan didukung mendukung".split())] == ["noun", "passive", "verb"]


def test_clitics_case_and_reduplication():
    assert types("MENDUKUNGNYA") == ["SUPPORT"]
    assert types("menentangnya") == ["REJECT"]
    assert types("Ia mewanti-wanti Korea Utara") == ["THREATEN"]
    assert types("Ia diwanti-wanti") == ["THREATEN"]
    assert types("saling tembak-menembak") == ["ASSAULT"]
    assert stem("Mendukungnya") == "dukung" and stem("mewanti-wanti") == "wanti"


def test_tokens_that_are_not_words_are_safe():
    assert matches("( ) -- 3.000 Rp1.500 me-( ...") == []


# --------------------------------------------------------------------------------------- intensity

def test_intensity_table_is_complete_and_in_range():
    table = load_intensities()
    for plover in PLOVER_TYPES:
        assert (plover, "") in table
    assert all(-10 <= value <= 10 for value, _ in table.values())
    assert all(meaning for _, meaning in table.values())


def test_intensity_orders_cooperation_above_hostility():
    assert intensity("ASSAULT", "bombing") < intensity("ASSAULT") < intensity("THREATEN") < 0
    assert intensity("SUPPORT", "sign") > intensity("CONSULT") > 0
    assert intensity("REQUEST", "demand") < 0 < intensity("REQUEST")
    assert intensity("AID", "no-such-mode") == intensity("AID", None) == intensity("AID")


def test_intensity_rejects_unknown_types():
    with pytest.raises(ValueError, match="FIGHT"):
        intensity("FIGHT")


def test_intensity_table_rejects_bad_rows(tmp_path: Path):
    bad = tmp_path / "intensity.tsv"
    bad.write_text("type\tmode\tintensity\tmeaning\nASSAULT\t\t-12\ttoo hostile\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2.*outside"):
        load_intensities(bad)
    bad.write_text("type\tmode\tintensity\tmeaning\nASSAULT\t\t-9\tattacks\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no default row.*AGREE"):
        load_intensities(bad)


# --------------------------------------------------------------------------------------- validation

@pytest.mark.parametrize("row,message", [
    ("dukung\t\tSUPORT\t\t051\tmendukung\tsupport", "line 3: unknown type 'SUPORT'"),
    ("dukung\t\tSUPPORT\t\t5\tmendukung\tsupport", "line 3: bad cameo '5'"),
    ("dukung\t\tSUPPORT\t\t173\tmendukung\tsupport", "line 3: cameo 173 does not belong to SUPPORT"),
    ("dukung\t\tSUPPORT\tEndorse\t051\tmendukung\tsupport", "line 3: bad mode"),
    ("Dukung\t\tSUPPORT\t\t051\tmendukung\tsupport", "line 3: lemma 'Dukung'"),
    ("dukung\t\tSUPPORT\t\t051\t\tsupport", "line 3: no forms"),
    ("dukung\tA B\tSUPPORT\t\t051\tmendukung\tsupport", "line 3: bad complement"),
    ("dukung\t\tSUPPORT\t051\tmendukung", "line 3: bad mode '051'"),
    ("dukung\t\tSUPPORT\t\t051\tmendukung\tsupport\textra", "line 3: expected 7"),
])
def test_load_triggers_rejects_bad_rows_naming_the_line(tmp_path: Path, row, message):
    path = tmp_path / "triggers.tsv"
    path.write_text("# comment\n" + HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        load_triggers(path)


def test_load_triggers_rejects_duplicates_and_shared_complements(tmp_path: Path):
    path = tmp_path / "triggers.tsv"
    path.write_text(HEADER + "dukung\t\tSUPPORT\t\t051\tmendukung\ta\ndukung\t\tSUPPORT\t\t051\tdukungan\tb\n")
    with pytest.raises(ValueError, match="line 3: duplicate entry 'dukung'.*line 2"):
        load_triggers(path)
    path.write_text(HEADER + "tarik\tdiri|pasu\tRETREAT\t\t087\tmenarik diri\ta\n"
                             "tarik\tpasu\tSANCTION\t\t161\tmenarik pasukan\tb\n")
    with pytest.raises(ValueError, match="line 3: complement 'pasu' of 'tarik'"):
        load_triggers(path)


def test_load_triggers_needs_the_header(tmp_path: Path):
    path = tmp_path / "triggers.tsv"
    path.write_text("dukung\t\tSUPPORT\t\t051\tmendukung\tsupport\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: expected the header"):
        load_triggers(path)


def test_a_small_lexicon_builds_its_own_index(tmp_path: Path):
    path = tmp_path / "triggers.tsv"
    path.write_text(HEADER + "kirim\tpasu|+kapal perang\tMOBILIZE\ttroops\t154\tmengirim pasukan\tsend\n"
                             "serang\t\tASSAULT\t\t190\tserangan\tattack\n"
                             "serang\t+jantung\t-\t\t\t\tillness\n", encoding="utf-8")
    index = TriggerIndex(load_triggers(path))
    assert [m.type for m in index.match("Rusia mengirim kapal perang".split())] == ["MOBILIZE"]
    assert [m.type for m in index.match("mengirim banyak kapal perang".split())] == []
    assert [m.type for m in index.match("serangan jantung dan serangan udara".split())] == ["ASSAULT"]
    with pytest.raises(ValueError, match="at least one trigger"):
        TriggerIndex([])


def test_a_match_knows_the_words_between_its_head_and_complement():
    [m] = INDEX.match("Beijing menyebut Taiwan sebagai provinsi pembangkang".split())
    assert (m.type, m.head, m.complement, list(m.gap)) == ("ACCUSE", 1, 3, [2])
    # near miss: a complement right after the head leaves no gap, and a head alone has none either
    [m] = INDEX.match("kedua negara bekerja sama".split())
    assert list(m.gap) == []
    [m] = INDEX.match("Rusia mengecam Ukraina".split())
    assert list(m.gap) == []


def test_eksekusi_of_land_is_blocked_but_an_execution_is_an_assault():
    assert types("pengadilan melakukan eksekusi lahan sengketa") == []
    assert types("dua pejabat itu dieksekusi pekan lalu") == ["ASSAULT"]


def test_far_complement_leaves_room_for_the_object():
    [m] = INDEX.match("AS mendesak China dan Filipina untuk mematuhi".split()[:6])
    assert (m.type, m.complement, list(m.gap)) == ("REQUEST", 5, [2, 3, 4])
    # near miss: a nearer complement of the same length wins (``meminta bantuan untuk``)
    [m] = INDEX.match("Tokayev meminta bantuan untuk meredam kerusuhan".split()[:4])
    assert (m.mode, m.end) == ("aid", 3)


def test_complement_marks_are_checked(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "desak\t~\tREQUEST\t\t020\tmendesak\turge\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad complement"):
        load_triggers(bad)


def test_caught_on_camera_is_no_arrest():
    assert types("dia tertangkap kamera menggigit seorang tentara") == []
    assert types("dia tertangkap polisi di perbatasan") == ["COERCE"]


def test_tersebut_is_no_labelling_verb():
    assert "ACCUSE" not in types("Tokayev menjuluki demonstrasi tersebut sebagai upaya kudeta")[1:]
    assert types("negara tersebut sebagai anggota") == []
    # near miss: the labelling verb itself spans its object up to ``sebagai``
    assert matches("Tokayev menyebut demonstrasi tersebut sebagai upaya kudeta")[0] == (
        "menyebut demonstrasi tersebut sebagai", "ACCUSE", "accuse")


def test_a_topic_and_feeling_driven_are_no_events():
    assert types("kerusuhan itu menjadi pokok bahasan utama kedua diplomat") == ["PROTEST"]
    assert types("mereka terdorong untuk pulang") == []
    # near miss: discussing and urging are
    assert types("kedua menteri membahas kerusuhan itu") == ["CONSULT", "PROTEST"]
    assert types("AS mendorong China untuk mematuhi putusan") == ["REQUEST", "CONCEDE"]


def test_the_shipped_stems_are_what_pysastrawi_gives_and_cover_the_lexicon():
    """lang/id/data/stems.tsv (scripts/build_stems.py) only saves time: every stem in it is the one
    compute_stem gives, and it holds every word of the lexicon it was built from."""
    import random
    from importlib import resources

    from warta.analyse.lexicon import _shipped_stems, compute_stem, stem

    table = _shipped_stems()
    lexicon = resources.files("warta.lang.id").joinpath("data/lexicon.tsv").read_text(encoding="utf-8")
    words = {line.split("\t", 1)[0] for line in lexicon.splitlines() if line and not line.startswith("#")}
    assert words == set(table)
    sample = random.Random(3).sample(sorted(table), 3_000)
    assert [table[w] for w in sample] == [compute_stem(w) for w in sample]
    assert stem("Mendukungnya") == "dukung" and stem("kerjasama") == compute_stem("kerjasama")
