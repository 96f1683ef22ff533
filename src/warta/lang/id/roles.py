"""Indonesian role, institution and group words: what a phrase says about an actor's sector.

Data only, read by :mod:`warta.analyse.actors`. Keys are lower-case phrases as they appear in
text (multi-word phrases allowed); longest match wins. A role phrase before a name gives that
person's role, country and sector (``Menteri Luar Negeri China Wang Yi``); an institution phrase
with a country is an organisation actor (``Kementerian Luar Negeri Rusia``); a group phrase is a
group actor (``tentara Rusia``, ``para pengunjuk rasa``).
"""

from __future__ import annotations

#: Titles and offices of people: phrase -> (canonical role, sector, rank). Rank orders seniority
#: (1 head of state ... 5 other officials) to choose among offices and to link ``Presiden`` back.
PERSON_ROLES: dict[str, tuple[str, str, int]] = {
    "presiden": ("Presiden", "GOV", 1),
    "wakil presiden": ("Wakil Presiden", "GOV", 2),
    "wapres": ("Wakil Presiden", "GOV", 2),
    "raja": ("Raja", "GOV", 1),
    "ratu": ("Ratu", "GOV", 1),
    "sultan": ("Sultan", "GOV", 1),
    "kaisar": ("Kaisar", "GOV", 1),
    "putra mahkota": ("Putra Mahkota", "GOV", 2),
    "pangeran": ("Pangeran", "GOV", 3),
    "emir": ("Emir", "GOV", 1),
    "pemimpin tertinggi": ("Pemimpin Tertinggi", "GOV", 1),
    "perdana menteri": ("Perdana Menteri", "GOV", 2),
    "pm": ("Perdana Menteri", "GOV", 2),
    "kanselir": ("Kanselir", "GOV", 2),
    "menteri luar negeri": ("Menteri Luar Negeri", "GOV", 3),
    "menlu": ("Menteri Luar Negeri", "GOV", 3),
    "menteri pertahanan": ("Menteri Pertahanan", "GOV", 3),
    "menhan": ("Menteri Pertahanan", "GOV", 3),
    "menteri dalam negeri": ("Menteri Dalam Negeri", "GOV", 3),
    "mendagri": ("Menteri Dalam Negeri", "GOV", 3),
    "menteri keuangan": ("Menteri Keuangan", "GOV", 3),
    "menkeu": ("Menteri Keuangan", "GOV", 3),
    "menteri perdagangan": ("Menteri Perdagangan", "GOV", 4),
    "menteri": ("Menteri", "GOV", 4),
    "menko": ("Menteri Koordinator", "GOV", 3),
    "menteri koordinator": ("Menteri Koordinator", "GOV", 3),
    "sekretaris negara": ("Sekretaris Negara", "GOV", 4),
    "mensesneg": ("Menteri Sekretaris Negara", "GOV", 4),
    "sekretaris dewan keamanan": ("Sekretaris Dewan Keamanan", "GOV", 4),
    "penasihat keamanan nasional": ("Penasihat Keamanan Nasional", "GOV", 4),
    "juru bicara": ("Juru Bicara", "GOV", 5),
    "jubir": ("Juru Bicara", "GOV", 5),
    "duta besar": ("Duta Besar", "GOV", 5),
    "dubes": ("Duta Besar", "GOV", 5),
    "diplomat": ("Diplomat", "GOV", 5),
    "diplomat top": ("Diplomat", "GOV", 4),
    "gubernur": ("Gubernur", "GOV", 5),
    "bupati": ("Bupati", "GOV", 5),
    "wali kota": ("Wali Kota", "GOV", 5),
    "walikota": ("Wali Kota", "GOV", 5),
    "sekretaris jenderal": ("Sekretaris Jenderal", "GOV", 4),
    "sekjen": ("Sekretaris Jenderal", "GOV", 4),
    "kepala negara": ("Kepala Negara", "GOV", 1),
    "kepala pemerintahan": ("Kepala Pemerintahan", "GOV", 2),
    "pejabat": ("Pejabat", "GOV", 5),
    "panglima": ("Panglima", "MIL", 4),
    "panglima tni": ("Panglima TNI", "MIL", 4),
    "jenderal": ("Jenderal", "MIL", 5),
    "laksamana": ("Laksamana", "MIL", 5),
    "marsekal": ("Marsekal", "MIL", 5),
    "kepala staf": ("Kepala Staf", "MIL", 5),
    "komandan": ("Komandan", "MIL", 5),
    "kolonel": ("Kolonel", "MIL", 5),
    "kapolri": ("Kapolri", "COP", 4),
    "kapolda": ("Kapolda", "COP", 5),
    "kapolres": ("Kapolres", "COP", 5),
    "kapolsek": ("Kapolsek", "COP", 5),
    "kepala polisi": ("Kepala Polisi", "COP", 5),
    "ketua dpr": ("Ketua DPR", "LEG", 4),
    "ketua mpr": ("Ketua MPR", "LEG", 4),
    "anggota dpr": ("Anggota DPR", "LEG", 5),
    "anggota parlemen": ("Anggota Parlemen", "LEG", 5),
    "senator": ("Senator", "LEG", 5),
    "anggota kongres": ("Anggota Kongres", "LEG", 5),
    "ketua parlemen": ("Ketua Parlemen", "LEG", 4),
    "hakim": ("Hakim", "JUD", 5),
    "jaksa": ("Jaksa", "JUD", 5),
    "jaksa agung": ("Jaksa Agung", "JUD", 4),
    "ketua kpk": ("Ketua KPK", "JUD", 4),
    "pemimpin oposisi": ("Pemimpin Oposisi", "OPP", 4),
    "tokoh oposisi": ("Tokoh Oposisi", "OPP", 5),
    "wartawan": ("Wartawan", "MED", 5),
    "jurnalis": ("Jurnalis", "MED", 5),
    "pengusaha": ("Pengusaha", "BUS", 5),
    "ceo": ("CEO", "BUS", 5),
    "direktur utama": ("Direktur Utama", "BUS", 5),
}

#: Institutions that, with a country, are organisation actors: phrase -> (sector, canonical name).
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "kementerian luar negeri": ("GOV", "Kementerian Luar Negeri"),
    "kemenlu": ("GOV", "Kementerian Luar Negeri"),
    "kementerian pertahanan": ("GOV", "Kementerian Pertahanan"),
    "kemenhan": ("GOV", "Kementerian Pertahanan"),
    "kementerian dalam negeri": ("GOV", "Kementerian Dalam Negeri"),
    "kementerian keuangan": ("GOV", "Kementerian Keuangan"),
    "kementerian perdagangan": ("GOV", "Kementerian Perdagangan"),
    "kementerian": ("GOV", "Kementerian"),
    "departemen luar negeri": ("GOV", "Departemen Luar Negeri"),
    "deplu": ("GOV", "Departemen Luar Negeri"),
    "departemen pertahanan": ("GOV", "Departemen Pertahanan"),
    "departemen keuangan": ("GOV", "Departemen Keuangan"),
    "dewan keamanan": ("GOV", "Dewan Keamanan"),
    "dewan keamanan nasional": ("GOV", "Dewan Keamanan Nasional"),
    "pemerintah": ("GOV", "Pemerintah"),
    "pemerintahan": ("GOV", "Pemerintah"),
    "kabinet": ("GOV", "Kabinet"),
    "istana": ("GOV", "Istana"),
    "kedutaan besar": ("GOV", "Kedutaan Besar"),
    "kedubes": ("GOV", "Kedutaan Besar"),
    "badan intelijen": ("GOV", "Badan Intelijen"),
    "dinas intelijen": ("GOV", "Dinas Intelijen"),
    "militer": ("MIL", "Militer"),
    "angkatan bersenjata": ("MIL", "Angkatan Bersenjata"),
    "angkatan darat": ("MIL", "Angkatan Darat"),
    "angkatan laut": ("MIL", "Angkatan Laut"),
    "angkatan udara": ("MIL", "Angkatan Udara"),
    "kementerian pertahanan nasional": ("GOV", "Kementerian Pertahanan"),
    "kepolisian": ("COP", "Kepolisian"),
    "polisi": ("COP", "Polisi"),
    "parlemen": ("LEG", "Parlemen"),
    "kongres": ("LEG", "Kongres"),
    "senat": ("LEG", "Senat"),
    "pengadilan": ("JUD", "Pengadilan"),
    "mahkamah agung": ("JUD", "Mahkamah Agung"),
    "kejaksaan": ("JUD", "Kejaksaan"),
    "bank sentral": ("GOV", "Bank Sentral"),
    "lembaga negara": ("GOV", "Lembaga Negara"),
}

#: Named domestic institutions whose country is implied (Indonesia unless said otherwise).
NAMED_INSTITUTIONS: dict[str, tuple[str, str, str]] = {
    "tni": ("IDN", "MIL", "Tentara Nasional Indonesia"),
    "polri": ("IDN", "COP", "Kepolisian Negara Republik Indonesia"),
    "dpr": ("IDN", "LEG", "Dewan Perwakilan Rakyat"),
    "dpr ri": ("IDN", "LEG", "Dewan Perwakilan Rakyat"),
    "mpr": ("IDN", "LEG", "Majelis Permusyawaratan Rakyat"),
    "dpd": ("IDN", "LEG", "Dewan Perwakilan Daerah"),
    "kpk": ("IDN", "JUD", "Komisi Pemberantasan Korupsi"),
    "kejagung": ("IDN", "JUD", "Kejaksaan Agung"),
    "kejaksaan agung": ("IDN", "JUD", "Kejaksaan Agung"),
    "mahkamah konstitusi": ("IDN", "JUD", "Mahkamah Konstitusi"),
    "mk": ("IDN", "JUD", "Mahkamah Konstitusi"),
    "ma": ("IDN", "JUD", "Mahkamah Agung"),
    "kemlu": ("IDN", "GOV", "Kementerian Luar Negeri"),
    "kemenlu ri": ("IDN", "GOV", "Kementerian Luar Negeri"),
    "kemhan": ("IDN", "GOV", "Kementerian Pertahanan"),
    "bin": ("IDN", "GOV", "Badan Intelijen Negara"),
    "bnpt": ("IDN", "GOV", "Badan Nasional Penanggulangan Terorisme"),
    "basarnas": ("IDN", "GOV", "Badan SAR Nasional"),
    "bnpb": ("IDN", "GOV", "Badan Nasional Penanggulangan Bencana"),
    "kbri": ("IDN", "GOV", "Kedutaan Besar Republik Indonesia"),
    "kpu": ("IDN", "GOV", "Komisi Pemilihan Umum"),
    "bawaslu": ("IDN", "GOV", "Badan Pengawas Pemilu"),
    "bank indonesia": ("IDN", "GOV", "Bank Indonesia"),
    "densus 88": ("IDN", "COP", "Densus 88"),
    "pentagon": ("USA", "MIL", "Pentagon"),
    "kremlin": ("RUS", "GOV", "Kremlin"),
    "gedung putih": ("USA", "GOV", "Gedung Putih"),
    "white house": ("USA", "GOV", "Gedung Putih"),
    "fbi": ("USA", "COP", "FBI"),
    "cia": ("USA", "GOV", "CIA"),
    "departemen luar negeri as": ("USA", "GOV", "Departemen Luar Negeri"),
}

#: Group nouns: phrase -> (sector, canonical group name). ``para``/``sekelompok`` may precede them.
GROUPS: dict[str, tuple[str, str]] = {
    "saksi": ("CVL", "saksi"),
    "tahanan": ("CVL", "tahanan"),
    "pendukung": ("CVL", "pendukung"),
    "umat": ("CVL", "umat"),
    "umat muslim": ("CVL", "umat Muslim"),
    "sopir": ("CVL", "sopir"),
    "pengemudi": ("CVL", "pengemudi"),
    "korban": ("CVL", "korban"),
    "relawan": ("CVL", "relawan"),
    "orang": ("CVL", "orang"),
    "lembaga negara": ("GOV", "lembaga negara"),
    "tentara": ("MIL", "tentara"),
    "pasukan": ("MIL", "pasukan"),
    "prajurit": ("MIL", "prajurit"),
    "personel militer": ("MIL", "personel militer"),
    "pasukan penjaga perdamaian": ("MIL", "pasukan penjaga perdamaian"),
    "penjaga perdamaian": ("MIL", "pasukan penjaga perdamaian"),
    "pasukan keamanan": ("MIL", "pasukan keamanan"),
    "aparat keamanan": ("COP", "aparat keamanan"),
    "aparat penegak hukum": ("COP", "aparat penegak hukum"),
    "aparat": ("COP", "aparat"),
    "petugas": ("COP", "petugas"),
    "polisi": ("COP", "polisi"),
    "pengunjuk rasa": ("CVL", "pengunjuk rasa"),
    "demonstran": ("CVL", "demonstran"),
    "massa": ("CVL", "massa"),
    "warga": ("CVL", "warga"),
    "warga sipil": ("CVL", "warga sipil"),
    "warga negara": ("CVL", "warga negara"),
    "warga negara asing": ("CVL", "warga negara asing"),
    "rakyat": ("CVL", "rakyat"),
    "masyarakat": ("CVL", "masyarakat"),
    "penduduk": ("CVL", "penduduk"),
    "mahasiswa": ("CVL", "mahasiswa"),
    "buruh": ("CVL", "buruh"),
    "petani": ("CVL", "petani"),
    "nelayan": ("CVL", "nelayan"),
    "pengungsi": ("CVL", "pengungsi"),
    "aktivis": ("CVL", "aktivis"),
    "pemberontak": ("REB", "pemberontak"),
    "militan": ("REB", "militan"),
    "separatis": ("REB", "separatis"),
    "teroris": ("REB", "teroris"),
    "perusuh": ("REB", "perusuh"),
    "penjahat": ("REB", "penjahat"),
    "tentara bayaran": ("REB", "tentara bayaran"),
    "kelompok bersenjata": ("REB", "kelompok bersenjata"),
    "oposisi": ("OPP", "oposisi"),
    "kubu oposisi": ("OPP", "oposisi"),
    "wartawan": ("MED", "wartawan"),
    "jurnalis": ("MED", "jurnalis"),
    "investor": ("BUS", "investor"),
    "pengusaha": ("BUS", "pengusaha"),
}

#: Words that may open a group phrase without changing it.
GROUP_QUANTIFIERS: tuple[str, ...] = ("para", "sekelompok", "ratusan", "ribuan", "puluhan", "sejumlah", "banyak")

#: Prepositions after which a capital or country name is a place, not an actor (``di Beijing``).
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"di", "ke", "menuju", "sekitar", "seluruh", "wilayah",
                                                "kota", "ibu", "negara", "kawasan", "perbatasan"})

#: ``rekannya dari Rusia``, ``mitranya dari China``: a person's country given after a counterpart word.
COUNTERPART_WORDS: tuple[str, ...] = ("rekannya", "mitranya", "sejawatnya", "koleganya", "counterpart")

#: Demonstrative words closing a back-reference: ``menteri luar negeri itu``, ``diplomat top tersebut``.
ANAPHOR_CLOSERS: tuple[str, ...] = ("itu", "tersebut", "ini")

#: Nouns that refer back to the organisation of states last named when a closer follows them, perhaps after
#: a few words (``aliansi itu``, ``aliansi pimpinan Rusia itu``, ``organisasi tersebut``).
IGO_ANAPHORS: tuple[str, ...] = ("aliansi", "organisasi", "blok", "pakta", "perhimpunan", "himpunan")
#: How many words may stand between such a noun and its closer.
IGO_ANAPHOR_GAP = 3

#: The country assumed for an Indonesian article's actors when it names no state at all.
HOME_COUNTRY = "IDN"

#: Institution words that stand alone for the article's own government (``pemerintah``).
BARE_INSTITUTIONS: frozenset[str] = frozenset({"pemerintah", "pemerintah pusat", "kepolisian", "kementerian luar negeri",
                                               "kemenlu", "parlemen", "kejaksaan"})

#: Words after a capital that show it acting for its state (``Beijing tidak ...``, ``Moskow akan ...``).
AUXILIARIES: frozenset[str] = frozenset({"tidak", "tak", "belum", "telah", "sudah", "akan", "harus", "juga", "pun",
                                         "masih", "sedang", "terus", "segera", "bisa", "dapat", "ingin", "mau",
                                         "enggan", "siap", "sepakat", "setuju", "menolak", "yakin", "berharap"})

#: Adverbs that may stand between a capital acting as its state and its verb (``Beijing hingga kini tidak``,
#: ``Washington sendiri terus menekan``, ``Moskow kembali menyatakan``).
SUBJECT_ADVERBS: frozenset[str] = frozenset({"hingga", "kini", "sendiri", "selalu", "kembali", "langsung",
                                             "lalu", "kemudian", "bahkan", "pun"})

#: Speech tags of a speaker phrase set off by commas after a capital (``Beijing, kata Xi, siap ...``): the
#: capital's verb comes after the phrase.
INTERJECTED_SPEECH_TAGS: frozenset[str] = frozenset({"kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas",
                                                     "imbuh", "tambah", "lanjut", "papar", "terang", "menurut"})

#: Prepositions before a capital that make it a party, not a place: ``kepada Beijing``, ``terhadap Moskow``.
PARTY_PREPOSITIONS: frozenset[str] = frozenset({"kepada", "terhadap", "dengan", "antara", "oleh", "melawan",
                                                "atas", "bagi", "untuk"})

VERB_PREFIXES: tuple[str, ...] = ("me", "di", "ber", "ter", "mem", "men", "meng", "meny", "memper", "diper")

#: Words before capitals that are a person's initials, not an acronym (``tersangka berinisial AS``).
INITIALS_CUES: frozenset[str] = frozenset({"inisial", "berinisial", "tersangka", "terdakwa", "pelaku", "korban",
                                           "saksi", "terduga", "tahanan", "pria", "wanita", "perempuan", "bocah"})

#: Group words that are actors only with a country after them (``orang Amerika``, not ``dua orang``).
GROUPS_NEED_COUNTRY: frozenset[str] = frozenset({"orang"})

#: Peoples named in the news as actors: name -> country they are usually of (None when spread out).
#: ``orang Rohingya``, ``militan Rohingya``, ``Rohingya`` alone: a group of that people.
PEOPLES: dict[str, str | None] = {
    "rohingya": "MMR", "uighur": "CHN", "uyghur": "CHN", "uigur": "CHN", "kurdi": None, "kurdish": None,
    "tamil": "LKA", "pashtun": "AFG", "hazara": "AFG",
}
