"""The actor dictionary: shipped data is complete and consistent, lookup, offices by date, the text scan."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import time
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from warta.analyse.actor_dictionary import ActorDictionary, ActorEntry, Office, normalise

REPO = Path(__file__).resolve().parents[2]
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "CVL", "MED", "BUS"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def raw() -> dict[str, dict]:
    folder = resources.files("warta").joinpath("data", "actors")
    return {name: json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))
            for name in ("states", "igos", "people")}


def ids(entries) -> list[str]:
    return [e.id for e in entries]


# --- the shipped data ---------------------------------------------------------------------------

def test_load_is_cached_and_counts(actors):
    assert ActorDictionary.load() is actors
    assert len(actors.entries("state")) >= 249
    assert len(actors.entries("person")) >= 500
    assert len(actors.entries("igo")) >= 40


def test_every_file_is_versioned(raw):
    for name, doc in raw.items():
        assert doc["version"] == "2026.11", name
        assert doc["description"] and isinstance(doc["entries"], list), name


def test_every_iso_country_is_a_state(actors):
    states = {e.id for e in actors.entries("state")}
    assert {c.alpha_3 for c in pycountry.countries} <= states


def test_ids_are_unique_across_files(raw):
    all_ids = [e["id"] for doc in raw.values() for e in doc["entries"]]
    assert len(all_ids) == len(set(all_ids))


def test_igo_codes_are_not_state_codes(actors):
    states = {e.id for e in actors.entries("state")}
    assert not states & {e.id for e in actors.entries("igo")}


def test_every_office_is_dated_and_coded(actors):
    codes = {e.id for e in actors.entries("state")} | {e.id for e in actors.entries("igo")}
    for person in actors.entries("person"):
        assert person.offices, person.id
        assert person.country in codes, person.id
        for office in person.offices:
            assert ISO_DATE.match(office.start or ""), (person.id, office)
            assert office.end is None or ISO_DATE.match(office.end), (person.id, office)
            lo, hi = office.span
            assert lo <= hi, (person.id, office)
            assert office.country in codes, (person.id, office)
            assert office.sector in SECTORS, (person.id, office)
            assert 1 <= office.rank <= 5, (person.id, office)
            assert office.role and office.role_en, (person.id, office)


def test_igo_parents_and_members_exist(actors):
    codes = {e.id for e in actors.entries("state")} | {e.id for e in actors.entries("igo")}
    for igo in actors.entries("igo"):
        assert igo.parent is None or igo.parent in codes, igo.id
        assert set(igo.members) <= codes, igo.id


def test_every_alias_resolves_to_its_entry(actors):
    for entry in actors:
        for surface, via in entry.surfaces():
            if via == "place":
                assert entry in [h.entry for h in actors.match(surface)], (entry.id, surface)
            else:
                assert entry in actors.lookup(surface), (entry.id, surface, via)


def test_short_aliases_are_unambiguous(actors):
    for person in actors.entries("person"):
        for short in person.short:
            assert actors.lookup(short) == [person], (person.id, short, ids(actors.lookup(short)))


def test_states_file_is_what_the_build_script_makes():
    spec = importlib.util.spec_from_file_location("build_actor_states", REPO / "scripts" / "build_actor_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((REPO / "src" / "warta" / "data" / "actors" / "states.json").read_text(encoding="utf-8"))
    assert module.build() == shipped


def test_indonesian_names_come_from_pycountry(actors):
    assert "Jerman" in actors.get("DEU").names["id"]
    assert "Selandia Baru" in actors.get("NZL").names["id"]
    assert "Republik Islam Iran" in actors.get("IRN").names["id"]


# --- lookup ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("surface, code", [
    ("Rusia", "RUS"), ("Federasi Rusia", "RUS"), ("Amerika Serikat", "USA"), ("AS", "USA"), ("Amerika", "USA"),
    ("USA", "USA"), ("Inggris", "GBR"), ("Britania Raya", "GBR"), ("UK", "GBR"), ("Korea Selatan", "KOR"),
    ("Korsel", "KOR"), ("Korea", "KOR"), ("Korea Utara", "PRK"), ("Korut", "PRK"), ("DPRK", "PRK"),
    ("Arab Saudi", "SAU"), ("Saudi", "SAU"), ("Uni Emirat Arab", "ARE"), ("UEA", "ARE"), ("Belanda", "NLD"),
    ("Jerman", "DEU"), ("Prancis", "FRA"), ("Perancis", "FRA"), ("Jepang", "JPN"), ("Selandia Baru", "NZL"),
    ("Filipina", "PHL"), ("Singapura", "SGP"), ("Malaysia", "MYS"), ("Thailand", "THA"), ("Vietnam", "VNM"),
    ("Myanmar", "MMR"), ("Burma", "MMR"), ("Kamboja", "KHM"), ("Laos", "LAO"), ("Brunei", "BRN"),
    ("Timor Leste", "TLS"), ("Timor-Leste", "TLS"), ("Papua Nugini", "PNG"), ("PNG", "PNG"), ("Australia", "AUS"),
    ("India", "IND"), ("Pakistan", "PAK"), ("Bangladesh", "BGD"), ("Afganistan", "AFG"), ("Afghanistan", "AFG"),
    ("Iran", "IRN"), ("Irak", "IRQ"), ("Suriah", "SYR"), ("Israel", "ISR"), ("Palestina", "PSE"), ("Mesir", "EGY"),
    ("Turki", "TUR"), ("Turkiye", "TUR"), ("Türkiye", "TUR"), ("Ukraina", "UKR"), ("Belarus", "BLR"),
    ("Belarusia", "BLR"), ("Kazakhstan", "KAZ"), ("Kazakstan", "KAZ"), ("Uzbekistan", "UZB"), ("Kirgistan", "KGZ"),
    ("Kirgizstan", "KGZ"), ("Kyrgyzstan", "KGZ"), ("Tajikistan", "TJK"), ("Turkmenistan", "TKM"), ("Taiwan", "TWN"),
    ("Hong Kong", "HKG"), ("Meksiko", "MEX"), ("Brasil", "BRA"), ("Argentina", "ARG"), ("Kanada", "CAN"),
    ("Afrika Selatan", "ZAF"), ("Nigeria", "NGA"), ("Qatar", "QAT"), ("Yaman", "YEM"), ("Yemen", "YEM"),
    ("Libya", "LBY"), ("Sudan", "SDN"), ("Venezuela", "VEN"), ("Kuba", "CUB"), ("China", "CHN"),
    ("Tiongkok", "CHN"), ("Cina", "CHN"), ("RRT", "CHN"), ("RRC", "CHN"), ("Republik Rakyat Tiongkok", "CHN"),
    ("People's Republic of China", "CHN"), ("Indonesia", "IDN"), ("RI", "IDN"), ("NKRI", "IDN"),
])
def test_state_names(actors, surface, code):
    assert ids(actors.lookup(surface)) == [code]


@pytest.mark.parametrize("surface, code, via, sector", [
    ("Beijing", "CHN", "capital", None), ("Peking", "CHN", "capital", None), ("Moskow", "RUS", "capital", None),
    ("Moscow", "RUS", "capital", None), ("Kremlin", "RUS", "seat", None), ("Washington", "USA", "capital", None),
    ("Gedung Putih", "USA", "seat", None), ("White House", "USA", "seat", None), ("Pentagon", "USA", "seat", "MIL"),
    ("Kiev", "UKR", "capital", None), ("Kyiv", "UKR", "capital", None), ("Tokyo", "JPN", "capital", None),
    ("Seoul", "KOR", "capital", None), ("Pyongyang", "PRK", "capital", None), ("Canberra", "AUS", "capital", None),
    ("London", "GBR", "capital", None), ("Downing Street", "GBR", "seat", None), ("Paris", "FRA", "capital", None),
    ("Istana Elysee", "FRA", "seat", None), ("Berlin", "DEU", "capital", None), ("Brussel", "EU", "seat", None),
    ("Ankara", "TUR", "capital", None), ("Teheran", "IRN", "capital", None), ("Tel Aviv", "ISR", "capital", None),
    ("Riyadh", "SAU", "capital", None), ("New Delhi", "IND", "capital", None), ("Islamabad", "PAK", "capital", None),
    ("Astana", "KAZ", "capital", None), ("Nur-Sultan", "KAZ", "capital", None), ("Tashkent", "UZB", "capital", None),
    ("Bishkek", "KGZ", "capital", None), ("Dushanbe", "TJK", "capital", None), ("Ashgabat", "TKM", "capital", None),
    ("Minsk", "BLR", "capital", None), ("Wellington", "NZL", "capital", None), ("Putrajaya", "MYS", "capital", None),
    ("Manila", "PHL", "capital", None), ("Bangkok", "THA", "capital", None), ("Hanoi", "VNM", "capital", None),
    ("Naypyidaw", "MMR", "capital", None), ("Phnom Penh", "KHM", "capital", None), ("Vientiane", "LAO", "capital", None),
    ("Bandar Seri Begawan", "BRN", "capital", None), ("Dili", "TLS", "capital", None),
    ("Port Moresby", "PNG", "capital", None), ("Ottawa", "CAN", "capital", None), ("Brasilia", "BRA", "capital", None),
    ("Buenos Aires", "ARG", "capital", None), ("Pretoria", "ZAF", "capital", None), ("Jakarta", "IDN", "capital", None),
    ("Istana Merdeka", "IDN", "seat", None), ("Istana Negara", "IDN", "seat", None), ("Senayan", "IDN", "seat", "LEG"),
])
def test_capitals_and_seats_stand_for_their_state(actors, surface, code, via, sector):
    hits = [h for h in actors.match(surface) if h.how != "place"]
    assert [(h.entry.id, h.how, h.sector) for h in hits] == [(code, via, sector)]
    assert actors.sector_of(code, surface=surface) == sector


def test_places_are_named_but_do_not_stand_for_a_state(actors):
    assert actors.lookup("Yerusalem") == []
    assert [(h.entry.id, h.how) for h in actors.match("Yerusalem")] == [("ISR", "place")]
    assert ids(actors.lookup("Brussel")) == ["EU"]  # Brussel is the EU in the news, Belgium's only as a place


@pytest.mark.parametrize("surface, code", [
    ("PBB", "UN"), ("Perserikatan Bangsa-Bangsa", "UN"), ("Dewan Keamanan PBB", "UNSC"), ("DK PBB", "UNSC"),
    ("UNSC", "UNSC"), ("Majelis Umum PBB", "UNGA"), ("WHO", "WHO"), ("UNHCR", "UNHCR"), ("UNICEF", "UNICEF"),
    ("IAEA", "IAEA"), ("NATO", "NATO"), ("Pakta Pertahanan Atlantik Utara", "NATO"), ("CSTO", "CSTO"),
    ("ODKB", "CSTO"), ("Organisasi Perjanjian Keamanan Kolektif", "CSTO"), ("SCO", "SCO"),
    ("Organisasi Kerja Sama Shanghai", "SCO"), ("Uni Eropa", "EU"), ("EU", "EU"), ("ASEAN", "ASEAN"),
    ("G20", "G20"), ("G-20", "G20"), ("G7", "G7"), ("OKI", "OIC"), ("OIC", "OIC"), ("Liga Arab", "LAS"),
    ("Arab League", "LAS"), ("Uni Afrika", "AU"), ("APEC", "APEC"), ("BRICS", "BRICS"), ("OPEC", "OPEC"),
    ("IMF", "IMF"), ("Dana Moneter Internasional", "IMF"), ("Bank Dunia", "WB"), ("World Bank", "WB"), ("WTO", "WTO"),
    ("ICC", "ICC"), ("Mahkamah Pidana Internasional", "ICC"), ("ICJ", "ICJ"), ("Mahkamah Internasional", "ICJ"),
    ("Quad", "QUAD"), ("AUKUS", "AUKUS"), ("EAEU", "EAEU"), ("Uni Ekonomi Eurasia", "EAEU"), ("CIS", "CIS"),
    ("Persemakmuran Negara-Negara Merdeka", "CIS"), ("Gerakan Non-Blok", "NONALIGNED"), ("Interpol", "INTERPOL"),
    ("OPCW", "OPCW"),
])
def test_igo_names(actors, surface, code):
    assert ids(actors.lookup(surface)) == [code]


def test_igo_organs_and_members(actors):
    assert actors.get("UNSC").parent == "UN"
    assert actors.get("WHO").parent == "UN"
    assert set(actors.get("CSTO").members) == {"RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK"}
    assert actors.sector_of("ICC") == "JUD"
    assert actors.country_of("NATO") == "NATO"


@pytest.mark.parametrize("surface, person", [
    ("Sergey Lavrov", "sergey-lavrov"), ("Sergei Lavrov", "sergey-lavrov"), ("Lavrov", "sergey-lavrov"),
    ("Xi Jinping", "xi-jinping"), ("Xi Jing Ping", "xi-jinping"), ("Xi Jin Ping", "xi-jinping"),
    ("Zelensky", "volodymyr-zelensky"), ("Zelenskyy", "volodymyr-zelensky"), ("Zelenskiy", "volodymyr-zelensky"),
    ("Volodymyr Zelensky", "volodymyr-zelensky"), ("Joko Widodo", "joko-widodo"), ("Jokowi", "joko-widodo"),
    ("Kassym-Jomart Tokayev", "kassym-jomart-tokayev"), ("Kassym-Zhomart Tokayev", "kassym-jomart-tokayev"),
    ("Nikolai Patrushev", "nikolai-patrushev"), ("Nikolay Patrushev", "nikolai-patrushev"),
    ("Vladimir Putin", "vladimir-putin"), ("Vladimir Vladimirovich Putin", "vladimir-putin"),
    ("Mohammed bin Salman", "mohammed-bin-salman"), ("MBS", "mohammed-bin-salman"),
    ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"), ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Erdoğan", "recep-tayyip-erdogan"), ("Anwar Ibrahim", "anwar-ibrahim"),
    ("Ferdinand Marcos Jr.", "ferdinand-marcos-jr"), ("Bongbong Marcos", "ferdinand-marcos-jr"),
    ("Prabowo", "prabowo-subianto"), ("Retno Marsudi", "retno-marsudi"),
])
def test_person_aliases(actors, surface, person):
    assert ids(actors.lookup(surface)) == [person]


def test_bare_surname_shared_by_two_people_is_resolved_from_context(actors):
    assert actors.lookup("Patrushev") == []
    both = ids(actors.resolve_short("Patrushev"))
    assert set(both) == {"nikolai-patrushev", "dmitry-patrushev"}
    seen = [actors.get("nikolai-patrushev"), actors.get("vladimir-putin")]
    assert ids(actors.resolve_short("Patrushev", among=seen)) == ["nikolai-patrushev"]


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("Kassym-Jomart  Tokayev") == normalise("kassym jomart tokayev")
    assert normalise("Erdoğan") == "erdogan"
    assert normalise("Çavuşoğlu") == "cavusoglu"
    assert normalise("U.S.") == "us"
    assert normalise("Ma'ruf Amin") == normalise("Maruf Amin")
    assert normalise("Ferdinand Marcos Jr.") == "ferdinand marcos jr"


def test_acronyms_are_case_sensitive_in_lookup(actors):
    assert ids(actors.lookup("AS")) == ["USA"]
    assert actors.lookup("as") == []
    assert actors.lookup("Pbb") == []
    assert ids(actors.lookup("Nato")) == ["NATO"]  # long acronyms may be written as a name
    assert ids(actors.lookup("as", acronym_case=False)) == ["USA"]


# --- offices by date ------------------------------------------------------------------------------

@pytest.mark.parametrize("person, when, country, sector, role_en", [
    ("sergey-lavrov", "2022-01-11", "RUS", "GOV", "Minister of Foreign Affairs"),
    ("prabowo-subianto", "2022", "IDN", "GOV", "Minister of Defence"),
    ("prabowo-subianto", "2024-10-20", "IDN", "GOV", "President"),
    ("prabowo-subianto", "2025-03", "IDN", "GOV", "President"),
    ("wang-yi", "2022-01-11", "CHN", "GOV", "Minister of Foreign Affairs"),
    ("wang-yi", "2023-05-01", "CHN", "GOV", "Director of the Office of the Central Foreign Affairs Commission"),
    ("wang-yi", "2024-06-01", "CHN", "GOV", "Minister of Foreign Affairs"),
    ("qin-gang", "2023-05-01", "CHN", "GOV", "Minister of Foreign Affairs"),
    ("sergei-shoigu", "2023-06-01", "RUS", "GOV", "Minister of Defence"),
    ("sergei-shoigu", "2025-01-01", "RUS", "GOV", "Secretary of the Security Council of Russia"),
    ("andrei-belousov", "2025-01-01", "RUS", "GOV", "Minister of Defence"),
    ("nikolai-patrushev", "2022-04-01", "RUS", "GOV", "Secretary of the Security Council of Russia"),
    ("nikolai-patrushev", "2025-01-01", "RUS", "GOV", "Aide to the President of Russia"),
    ("joe-biden", "2022-06-01", "USA", "GOV", "President"),
    ("donald-trump", "2019-06-01", "USA", "GOV", "President"),
    ("donald-trump", "2025-06-01", "USA", "GOV", "President"),
    ("antony-blinken", "2023-01-01", "USA", "GOV", "Secretary of State"),
    ("marco-rubio", "2025-03-01", "USA", "GOV", "Secretary of State"),
    ("marco-rubio", "2025-06-01", "USA", "GOV", "Secretary of State"),  # the more senior of his two offices
    ("lloyd-austin", "2022-01-01", "USA", "GOV", "Secretary of Defense"),
    ("retno-marsudi", "2022-01-11", "IDN", "GOV", "Minister of Foreign Affairs"),
    ("sugiono", "2025-01-01", "IDN", "GOV", "Minister of Foreign Affairs"),
    ("kassym-jomart-tokayev", "2022-01-10", "KAZ", "GOV", "President"),
    ("volodymyr-zelensky", "2022-03-01", "UKR", "GOV", "President"),
    ("yang-jiechi", "2022-03-15", "CHN", "GOV", "Director of the Office of the Central Foreign Affairs Commission"),
    ("xi-jinping", "2022-03-15", "CHN", "GOV", "President"),
    ("antonio-guterres", "2022-03-15", "UN", "GOV", "Secretary-General of the United Nations"),
    ("puan-maharani", "2023-01-01", "IDN", "LEG", "Speaker of the House of Representatives (DPR)"),
    ("listyo-sigit-prabowo", "2023-01-01", "IDN", "COP", "Chief of the Indonesian National Police"),
    ("agus-subiyanto", "2024-01-01", "IDN", "MIL", "Commander of the Indonesian National Armed Forces"),
    ("firli-bahuri", "2021-01-01", "IDN", "JUD", "Chairman of the Corruption Eradication Commission (KPK)"),
    ("valery-gerasimov", "2022-03-01", "RUS", "MIL", "Chief of the General Staff"),
])
def test_office_on_a_date(actors, person, when, country, sector, role_en):
    office = actors.office_on(person, when)
    assert office is not None and office.role_en == role_en
    assert actors.country_of(person, when) == country
    assert actors.sector_of(person, when) == sector


def test_office_gaps_and_unknown_dates(actors):
    assert actors.office_on("joko-widodo", "2000-06-01") is None
    assert actors.country_of("joko-widodo", "2000-06-01") == "IDN"  # no office then: nationality
    assert actors.sector_of("joko-widodo", "2000-06-01") is None
    assert actors.sector_of("donald-trump", "2022-06-01") == "OPP"  # between terms: in opposition
    assert actors.office_on("prabowo-subianto").role_en == "President"  # no date: the latest office
    assert actors.office_on("joe-biden").role_en == "President"
    assert actors.office_on("sergey-lavrov", dt.date(2022, 1, 11)).role == "Menteri Luar Negeri"
    assert actors.office_on("sergey-lavrov", dt.datetime(2022, 1, 11, 10, 52)).role == "Menteri Luar Negeri"
    assert actors.office_on("sergey-lavrov", "2022-01-11T10:52:00+07:00").role == "Menteri Luar Negeri"


def test_describe_gives_the_contract_shape(actors):
    assert actors.describe("wang-yi", "2022-01-11") == {
        "id": "wang-yi", "name": "Wang Yi", "country": "CHN", "sector": "GOV", "role": "Menteri Luar Negeri"}
    assert actors.describe("USA", surface="Pentagon")["sector"] == "MIL"


def test_bad_dates_are_refused(actors):
    with pytest.raises(ValueError, match="ISO 8601"):
        actors.office_on("sergey-lavrov", "11 Januari 2022")
    with pytest.raises(ValueError, match="after end"):
        Office(role="x", role_en="x", country="IDN", sector="GOV", start="2020-01-01", end="2019-01-01")


def test_duplicate_ids_are_refused():
    one = ActorEntry(id="x", kind="person", name="X", country="IDN")
    with pytest.raises(ValueError, match="used twice"):
        ActorDictionary([one, ActorEntry(id="x", kind="person", name="Y", country="IDN")])


def test_from_data_builds_a_small_dictionary():
    doc = {"version": "t", "entries": [
        {"id": "IDN", "kind": "state", "name": "Indonesia", "names": {"id": ["Indonesia", "RI"]}, "capitals": ["Jakarta"]},
        {"id": "budi-contoh", "kind": "person", "name": "Budi Contoh", "aliases": ["Budi Contoh"], "short": ["Contoh"],
         "country": "IDN", "offices": [{"role": "Menteri", "role_en": "Minister", "country": "IDN", "sector": "GOV",
                                         "start": "2020-01", "end": None, "rank": 4}]}]}
    text = "Menteri Contoh tiba di Jakarta. RI menyambut."
    # without title words, a capitalised word before a bare short alias makes it part of a longer name
    assert found(ActorDictionary.from_data(doc), text) == [("Jakarta", "IDN", "capital"), ("RI", "IDN", "acronym")]
    small = ActorDictionary.from_data(doc, {"entries": [], "title_words": ["Menteri"]})
    assert found(small, text) == [
        ("Contoh", "budi-contoh", "short"), ("Jakarta", "IDN", "capital"), ("RI", "IDN", "acronym")]
    assert small.office_on("budi-contoh", "2021").role_en == "Minister"


# --- the text scan ---------------------------------------------------------------------------------

TEXT = ("BEIJING - Moskow dan Beijing harus bekerja sama. Menteri Luar Negeri China, Wang Yi, berbicara dengan "
        "rekannya dari Rusia, Sergey Lavrov. Komentar Wang muncul setelah Organisasi Perjanjian Keamanan Kolektif "
        "(CSTO) mengirim pasukan ke Kazakhstan. Presiden Kazakhstan Kassym-Jomart Tokayev menyebutnya kudeta. "
        "Mereka datang sebagai tamu, kata pejabat AS di Gedung Putih.")


def found(actors, text):
    return [(text[s:e], en.id, via) for s, e, en, via in actors.find_all(text)]


def test_find_all_on_a_news_paragraph(actors):
    assert found(actors, TEXT) == [
        ("BEIJING", "CHN", "capital"), ("Moskow", "RUS", "capital"), ("Beijing", "CHN", "capital"),
        ("China", "CHN", "name"), ("Wang Yi", "wang-yi", "alias"), ("Rusia", "RUS", "name"),
        ("Sergey Lavrov", "sergey-lavrov", "alias"), ("Wang", "wang-yi", "partial"),
        ("Organisasi Perjanjian Keamanan Kolektif", "CSTO", "name"), ("CSTO", "CSTO", "acronym"),
        ("Kazakhstan", "KAZ", "name"), ("Kazakhstan", "KAZ", "name"),
        ("Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "alias"), ("AS", "USA", "acronym"),
        ("Gedung Putih", "USA", "seat"),
    ]


def test_find_all_offsets_point_into_the_text(actors):
    for start, end, entry, via in actors.find_all(TEXT):
        assert normalise(TEXT[start:end]) in {normalise(s) for s, _ in entry.surfaces()} or via == "partial"


def test_acronyms_are_case_sensitive_in_the_scan(actors):
    assert found(actors, "Harga naik, sebagaimana as roda berputar.") == []
    assert found(actors, "Pemerintah AS menolak.") == [("AS", "USA", "acronym")]
    assert found(actors, "Ia lulus UN tahun lalu; PBB bersidang.") == [("PBB", "UN", "acronym")]
    assert found(actors, "pesawat TNI AU mendarat") == []
    assert found(actors, "starting XI tanpa penyerang") == []


def test_names_must_be_capitalised(actors):
    assert found(actors, "kata rusia") == []
    assert found(actors, "RUSIA SERANG UKRAINA") == [("RUSIA", "RUS", "name"), ("UKRAINA", "UKR", "name")]


def test_longest_name_wins(actors):
    assert found(actors, "Korea Selatan dan Korea Utara") == [("Korea Selatan", "KOR", "name"),
                                                              ("Korea Utara", "PRK", "name")]
    assert found(actors, "Papua Nugini") == [("Papua Nugini", "PNG", "name")]
    assert found(actors, "Sudan Selatan") == [("Sudan Selatan", "SSD", "name")]
    assert found(actors, "Listyo Sigit Prabowo") == [("Listyo Sigit Prabowo", "listyo-sigit-prabowo", "alias")]


def test_shadows_name_no_actor(actors):
    assert found(actors, "Negara-negara Amerika Latin dan Laut China Selatan") == []
    assert found(actors, "dikutip dari China Daily") == []
    assert found(actors, "dikutip dari Russia Today") == [("Russia Today", "rus-rt", "alias")]  # a media actor


def test_short_alias_inside_a_longer_name_is_someone_else(actors):
    assert found(actors, "Presiden Putin bertemu") == [("Putin", "vladimir-putin", "short")]
    assert found(actors, "kata Putin Senin lalu") == [("Putin", "vladimir-putin", "short")]
    assert found(actors, "pebalap Norifumi Abe menang") == []
    assert found(actors, "Presiden Rusia Vladimir Putin") == [("Rusia", "RUS", "name"),
                                                             ("Vladimir Putin", "vladimir-putin", "alias")]


def test_a_surface_naming_two_actors_gives_both(actors):
    doc = {"version": "t", "entries": [
        {"id": "a-one", "kind": "person", "name": "Ali Satu", "aliases": ["Ali Satu"], "country": "IDN"},
        {"id": "a-two", "kind": "person", "name": "Ali Satu", "aliases": ["Ali Satu"], "country": "MYS"}]}
    small = ActorDictionary.from_data(doc)
    assert [e.id for _, _, e, _ in small.find_all("Ali Satu tiba")] == ["a-one", "a-two"]


def test_scan_speed_is_printed(actors, capsys):
    paragraph = TEXT + " Presiden Joko Widodo menerima Perdana Menteri Anwar Ibrahim di Istana Merdeka. " * 3
    text = "\n\n".join([paragraph] * 400)
    start = time.perf_counter()
    matches = actors.find_all(text)
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f"\nactor scan: {len(text) / 1e6:.2f} M chars, {len(matches)} matches, "
              f"{elapsed * 1000:.0f} ms, {len(text) / max(elapsed, 1e-9) / 1e6:.2f} M chars/s")
    assert matches
