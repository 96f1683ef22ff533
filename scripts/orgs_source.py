"""Source of src/warta/data/actors/orgs.json: organisations that are not states or IGOs.

Written for warta from general knowledge (parties' coalition periods are approximate to the month).
Run ``python scripts/orgs_source.py`` to regenerate the JSON. Fields: id, name, country, sector,
aliases (full names and variants), acronyms (case-sensitive), and for parties ``offices``: the
periods in which the party was in government (GOV) or opposition (OPP).
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "data" / "actors" / "orgs.json"


def org(id, name, country, sector, aliases=(), acronyms=(), periods=()):
    entry = {"id": id, "kind": "org", "name": name, "country": country, "sector": sector,
             "aliases": [name, *(a for a in aliases if a != name)], "acronyms": list(acronyms)}
    if periods:
        entry["offices"] = [{"role": "partai pemerintah" if s == "GOV" else "partai oposisi",
                             "role_en": "governing party" if s == "GOV" else "opposition party",
                             "country": country, "sector": s, "start": a, "end": b, "rank": 5, "approx": True}
                            for s, a, b in periods]
    return entry


J1, J2, P1 = "2014-10-20", "2019-10-20", "2024-10-20"

PARTIES = [
    org("idn-pdip", "Partai Demokrasi Indonesia Perjuangan", "IDN", None, ["PDI Perjuangan", "PDI-P", "PDIP"], ["PDI-P", "PDIP"],
        [("OPP", "2004-10-20", J1), ("GOV", J1, P1), ("OPP", P1, None)]),
    org("idn-golkar", "Partai Golongan Karya", "IDN", None, ["Partai Golkar", "Golkar"], [],
        [("OPP", J1, "2016-05"), ("GOV", "2016-05", None)]),
    org("idn-gerindra", "Partai Gerakan Indonesia Raya", "IDN", None, ["Partai Gerindra", "Gerindra"], [],
        [("OPP", "2008-02", J2), ("GOV", J2, None)]),
    org("idn-nasdem", "Partai NasDem", "IDN", None, ["NasDem", "Partai Nasional Demokrat"], [], [("GOV", J1, None)]),
    org("idn-pkb", "Partai Kebangkitan Bangsa", "IDN", None, [], ["PKB"], [("GOV", J1, None)]),
    org("idn-pks", "Partai Keadilan Sejahtera", "IDN", None, [], ["PKS"], [("OPP", J1, P1), ("GOV", P1, None)]),
    org("idn-pan", "Partai Amanat Nasional", "IDN", None, [], ["PAN"],
        [("OPP", J1, "2015-09"), ("GOV", "2015-09", "2018-08"), ("OPP", "2018-08", "2022-06"), ("GOV", "2022-06", None)]),
    org("idn-demokrat", "Partai Demokrat", "IDN", None, ["Demokrat"], [],
        [("GOV", "2004-10-20", J1), ("OPP", J1, "2024-02-21"), ("GOV", "2024-02-21", None)]),
    org("idn-ppp", "Partai Persatuan Pembangunan", "IDN", None, [], ["PPP"], [("GOV", J1, None)]),
    org("idn-hanura", "Partai Hati Nurani Rakyat", "IDN", None, ["Hanura", "Partai Hanura"], [], [("GOV", J1, J2)]),
    org("idn-perindo", "Partai Persatuan Indonesia", "IDN", None, ["Perindo", "Partai Perindo"], [], []),
    org("idn-psi", "Partai Solidaritas Indonesia", "IDN", None, [], ["PSI"], []),
    org("idn-pki", "Partai Komunis Indonesia", "IDN", None, [], ["PKI"], []),
]

INDONESIA = [
    org("idn-polda-metro-jaya", "Polda Metro Jaya", "IDN", "COP", ["Polda Metro Jaya", "Polda Metro"]),
    org("idn-kominfo", "Kementerian Komunikasi dan Informatika", "IDN", "GOV", ["Kemkominfo", "Kemenkominfo", "Kominfo"]),
    org("idn-kemenkumham", "Kementerian Hukum dan Hak Asasi Manusia", "IDN", "GOV", ["Kemenkumham", "Kementerian Hukum dan HAM"]),
    org("idn-pssi", "Persatuan Sepak Bola Seluruh Indonesia", "IDN", None, [], ["PSSI"]),
    org("idn-pertamina", "Pertamina", "IDN", "BUS", ["PT Pertamina", "PT Pertamina (Persero)"]),
    org("idn-pln", "Perusahaan Listrik Negara", "IDN", "BUS", ["PT PLN"], ["PLN"]),
    org("idn-garuda", "Garuda Indonesia", "IDN", "BUS", ["PT Garuda Indonesia"]),
    org("idn-freeport", "Freeport Indonesia", "IDN", "BUS", ["PT Freeport Indonesia"], ["PTFI"]),
    org("idn-nu", "Nahdlatul Ulama", "IDN", "CVL", ["PBNU", "Pengurus Besar Nahdlatul Ulama"], ["NU", "PBNU"]),
    org("idn-muhammadiyah", "Muhammadiyah", "IDN", "CVL", ["PP Muhammadiyah"]),
    org("idn-mui", "Majelis Ulama Indonesia", "IDN", "CVL", [], ["MUI"]),
    org("idn-fpi", "Front Pembela Islam", "IDN", "CVL", [], ["FPI"]),
    org("idn-hti", "Hizbut Tahrir Indonesia", "IDN", "CVL", [], ["HTI"]),
    org("idn-kontras", "Komisi untuk Orang Hilang dan Korban Tindak Kekerasan", "IDN", "CVL", ["KontraS"]),
    org("idn-ylbhi", "Yayasan Lembaga Bantuan Hukum Indonesia", "IDN", "CVL", [], ["YLBHI", "LBH"]),
    org("idn-icw", "Indonesia Corruption Watch", "IDN", "CVL", [], ["ICW"]),
    org("idn-komnas-ham", "Komisi Nasional Hak Asasi Manusia", "IDN", "GOV", ["Komnas HAM"]),
    org("idn-ojk", "Otoritas Jasa Keuangan", "IDN", "GOV", [], ["OJK"]),
    org("idn-bpk", "Badan Pemeriksa Keuangan", "IDN", "GOV", [], ["BPK"]),
    org("idn-bssn", "Badan Siber dan Sandi Negara", "IDN", "GOV", [], ["BSSN"]),
    org("idn-jad", "Jamaah Ansharut Daulah", "IDN", "REB", [], ["JAD"]),
    org("idn-ji", "Jemaah Islamiyah", "IDN", "REB", [], ["JI"]),
    org("idn-opm", "Organisasi Papua Merdeka", "IDN", "REB", ["KKB", "Kelompok Kriminal Bersenjata"], ["OPM", "KKB"]),
    org("idn-gojek", "Gojek", "IDN", "BUS", ["Go-Jek", "GoTo"]),
    org("idn-tokopedia", "Tokopedia", "IDN", "BUS"),
    org("idn-persib", "Persib Bandung", "IDN", None, ["Persib"]),
    org("idn-persija", "Persija Jakarta", "IDN", None, ["Persija"]),
    org("idn-arema", "Arema FC", "IDN", None, ["Arema"]),
    org("idn-persebaya", "Persebaya Surabaya", "IDN", None, ["Persebaya"]),
]

ARMED_GROUPS = [
    org("isis", "Islamic State", None, "REB", ["Negara Islam", "Negara Islam Irak dan Suriah", "ISIL", "Daesh", "Daulah Islamiyah", "NIIS"], ["ISIS", "ISIL", "IS", "NIIS"]),
    org("al-qaeda", "Al-Qaeda", None, "REB", ["Al Qaeda", "Al-Qaida", "Alqaeda"]),
    org("pse-hamas", "Hamas", "PSE", "REB", ["Harakat al-Muqawama al-Islamiya"]),
    org("pse-qassam", "Izz ad-Din al-Qassam Brigades", "PSE", "REB", ["Brigade Al-Qassam", "Brigade Izzuddin al-Qassam"]),
    org("lbn-hezbollah", "Hizbullah", "LBN", "REB", ["Hezbollah", "Hizbulloh"]),
    org("afg-taliban", "Taliban", "AFG", "REB", []),
    org("yem-houthi", "Houthi", "YEM", "REB", ["Huthi", "kelompok Houthi", "Ansarullah"]),
    org("mmr-arsa", "Arakan Rohingya Salvation Army", "MMR", "REB", ["Tentara Pembebasan Rohingya Arakan"], ["ARSA"]),
    org("mmr-tatmadaw", "Tatmadaw", "MMR", "MIL", ["militer Myanmar"]),
    org("phl-abu-sayyaf", "Abu Sayyaf", "PHL", "REB", ["kelompok Abu Sayyaf"], ["ASG"]),
    org("phl-maute", "Maute", "PHL", "REB", ["kelompok Maute"]),
    org("phl-npa", "New People's Army", "PHL", "REB", ["Tentara Rakyat Baru"], ["NPA"]),
    org("phl-ndf", "National Democratic Front of the Philippines", "PHL", "REB", ["Front Demokratik Nasional"], ["NDF", "NDFP"]),
    org("phl-cpp", "Communist Party of the Philippines", "PHL", "REB", ["Partai Komunis Filipina"], ["CPP"]),
    org("phl-milf", "Moro Islamic Liberation Front", "PHL", "REB", ["Front Pembebasan Islam Moro"], ["MILF"]),
    org("syr-hts", "Hayat Tahrir al-Sham", "SYR", "REB", ["Jabhat Fatah al-Sham", "Front al-Nusra", "Jabhat al-Nusra"], ["HTS"]),
    org("syr-sdf", "Syrian Democratic Forces", "SYR", "REB", ["Pasukan Demokratik Suriah"], ["SDF"]),
    org("nga-boko-haram", "Boko Haram", "NGA", "REB"),
    org("tur-pkk", "Partai Pekerja Kurdistan", "TUR", "REB", ["Kurdistan Workers' Party"], ["PKK"]),
    org("rus-wagner", "Wagner Group", "RUS", "REB", ["Grup Wagner", "Wagner"]),
]

MEDIA = [
    org("gbr-reuters", "Reuters", "GBR", "MED", ["kantor berita Reuters"]),
    org("fra-afp", "Agence France-Presse", "FRA", "MED", ["AFP", "kantor berita AFP"], ["AFP"]),
    org("usa-ap", "Associated Press", "USA", "MED", ["kantor berita AP"], ["AP"]),
    org("chn-xinhua", "Xinhua", "CHN", "MED", ["kantor berita Xinhua"]),
    org("rus-tass", "TASS", "RUS", "MED", ["kantor berita TASS"], ["TASS"]),
    org("rus-ria", "RIA Novosti", "RUS", "MED"),
    org("rus-rt", "Russia Today", "RUS", "MED", []),
    org("qat-aljazeera", "Al Jazeera", "QAT", "MED", ["Aljazeera"]),
    org("gbr-bbc", "BBC", "GBR", "MED", ["BBC News"], ["BBC"]),
    org("usa-cnn", "CNN", "USA", "MED", [], ["CNN"]),
    org("usa-bloomberg", "Bloomberg", "USA", "MED"),
    org("usa-nyt", "The New York Times", "USA", "MED", ["New York Times"]),
    org("usa-wapo", "The Washington Post", "USA", "MED", ["Washington Post"]),
    org("gbr-guardian", "The Guardian", "GBR", "MED", ["Guardian"]),
    org("gbr-independent", "The Independent", "GBR", "MED"),
    org("gbr-sky", "Sky News", "GBR", "MED"),
    org("jpn-kyodo", "Kyodo", "JPN", "MED", ["Kyodo News"]),
    org("kor-yonhap", "Yonhap", "KOR", "MED", ["kantor berita Yonhap"]),
    org("prk-kcna", "Korean Central News Agency", "PRK", "MED", ["kantor berita KCNA"], ["KCNA"]),
    org("tur-anadolu", "Anadolu Agency", "TUR", "MED", ["kantor berita Anadolu", "Anadolu"]),
    org("sgp-cna", "Channel NewsAsia", "SGP", "MED", ["CNA"], []),
    org("sgp-straits-times", "The Straits Times", "SGP", "MED", ["Straits Times"]),
    org("hkg-scmp", "South China Morning Post", "HKG", "MED", [], ["SCMP"]),
    org("chn-global-times", "Global Times", "CHN", "MED"),
    org("idn-antara", "Antara", "IDN", "MED", ["kantor berita Antara", "LKBN Antara"]),
    org("idn-kompas", "Kompas", "IDN", "MED", ["Kompas.com", "Harian Kompas"]),
    org("idn-tempo", "Tempo", "IDN", "MED", ["Tempo.co", "Majalah Tempo"]),
    org("idn-kumparan", "kumparan", "IDN", "MED", ["kumparan.com"]),
    org("idn-cnn-indonesia", "CNN Indonesia", "IDN", "MED", ["CNNIndonesia.com"]),
    org("idn-detik", "Detik.com", "IDN", "MED", ["detikcom", "detikNews"]),
]

COMPANIES_AND_OTHERS = [
    org("sgp-grab", "Grab", "SGP", "BUS", ["Grab Indonesia"]),
    org("usa-meta", "Facebook", "USA", "BUS", ["Meta", "Meta Platforms"]),
    org("usa-google", "Google", "USA", "BUS", ["Alphabet"]),
    org("usa-twitter", "Twitter", "USA", "BUS", ["X Corp"]),
    org("usa-apple", "Apple", "USA", "BUS", ["Apple Inc"]),
    org("usa-microsoft", "Microsoft", "USA", "BUS"),
    org("usa-amazon", "Amazon", "USA", "BUS"),
    org("usa-tesla", "Tesla", "USA", "BUS"),
    org("usa-uber", "Uber", "USA", "BUS"),
    org("usa-openai", "OpenAI", "USA", "BUS"),
    org("telegram", "Telegram", None, "BUS", []),
    org("kor-samsung", "Samsung", "KOR", "BUS", ["Samsung Electronics"]),
    org("chn-huawei", "Huawei", "CHN", "BUS"),
    org("chn-didi", "Didi Chuxing", "CHN", "BUS", ["Didi"]),
    org("chn-tiktok", "TikTok", "CHN", "BUS", ["ByteDance"]),
    org("jpn-softbank", "SoftBank", "JPN", "BUS"),
    org("fifa", "Fédération Internationale de Football Association", None, None, [], ["FIFA"]),
    org("afc", "Asian Football Confederation", None, None, ["Konfederasi Sepak Bola Asia"], ["AFC"]),
    org("ioc", "International Olympic Committee", None, None, ["Komite Olimpiade Internasional"], ["IOC"]),
    org("icrc", "International Committee of the Red Cross", None, "CVL", ["Komite Internasional Palang Merah", "Palang Merah Internasional"], ["ICRC"]),
    org("amnesty", "Amnesty International", None, "CVL", ["Amnesty"]),
    org("hrw", "Human Rights Watch", None, "CVL", [], ["HRW"]),
    org("greenpeace", "Greenpeace", None, "CVL"),
    org("msf", "Médecins Sans Frontières", None, "CVL", ["Dokter Lintas Batas", "Doctors Without Borders"], ["MSF"]),
    org("syr-sohr", "Syrian Observatory for Human Rights", "SYR", "CVL", ["Observatorium Suriah untuk Hak Asasi Manusia", "Syrian Observatory"], ["SOHR"]),
    org("pse-pa", "Palestinian Authority", "PSE", "GOV", ["Otoritas Palestina", "Otoritas Nasional Palestina"]),
    org("pse-fatah", "Fatah", "PSE", "GOV", ["Partai Fatah"]),
    org("mmr-nld", "National League for Democracy", "MMR", None, ["Liga Nasional untuk Demokrasi"], ["NLD"]),
]


def main() -> None:
    entries = PARTIES + INDONESIA + ARMED_GROUPS + MEDIA + COMPANIES_AND_OTHERS
    doc = {"version": "2026.11", "description": "Organisations that are neither states nor IGOs: parties (with "
           "their periods in government or opposition), domestic bodies, armed groups, media, companies, NGOs "
           "and sports bodies. Generated by scripts/orgs_source.py; written for warta.", "entries": entries}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} organisations to {OUT}")


if __name__ == "__main__":
    main()
