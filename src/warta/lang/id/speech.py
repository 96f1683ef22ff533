"""Indonesian words of reported speech and of citing an upstream source.

Data only, read by :mod:`warta.analyse.quotes`. Every list is lower-case; the code matches them
case-insensitively as whole words.
"""

from __future__ import annotations

#: Verbs that introduce indirect speech and take any clause after them:
#: ``Wang mengatakan bahwa ...``, ``Kremlin menyatakan Rusia akan ...``, ``X membantah ...``.
SPEECH_VERBS: tuple[str, ...] = (
    "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menambahkan",
    "menilai", "meyakini", "mengklaim", "membantah", "menuturkan", "berkata",
    "mengakui", "menekankan", "mengemukakan", "mengutarakan", "menerangkan", "menggarisbawahi",
    "berpendapat", "bilang", "menandaskan", "membeberkan", "menyebutkan", "mengaku", "bersikeras",
    "berkeras", "bersikukuh",
)

#: Speech verbs that only report speech when ``bahwa`` or a colon follows (otherwise they take a
#: noun: ``mengumumkan paket sanksi``, ``menyebut X sebagai Y``).
WEAK_SPEECH_VERBS: tuple[str, ...] = (
    "menyebut", "mengumumkan", "menyampaikan", "memperingatkan", "melaporkan", "memaparkan", "menduga",
    "menganggap", "mengingatkan",
    "menuding", "menuduh", "mengisyaratkan", "menginformasikan", "memastikan", "mengeklaim",
    "memprediksi", "memperkirakan",
)

#: Words after a speech verb that make it an expression of a stance (an event), not reported speech:
#: ``menyatakan dukungan``, ``menyampaikan belasungkawa``.
NOT_A_CLAUSE: tuple[str, ...] = (
    "dukungan", "dukungannya", "keprihatinan", "keprihatinannya", "belasungkawa", "duka", "penolakan",
    "penolakannya", "kesiapan", "kesiapannya", "komitmen", "komitmennya", "sikap", "sikapnya",
    "terima", "selamat", "apresiasi", "permintaan", "permohonan", "pidato", "pesan", "hal", "pandangan",
    "pandangannya", "langkah-langkah", "kekecewaan", "kekecewaannya", "rasa", "ucapan",
)

#: Roots of speaker tags after (or before) direct speech: ``"...," kata Wang``, ``ujarnya``,
#: ``tegas Menteri Luar Negeri Retno Marsudi``, ``Kata Putin, "..."``. ``-nya`` on any of them is the
#: pronoun ``he/she/they`` (``imbuhnya``).
TAG_VERBS: tuple[str, ...] = (
    "kata", "ujar", "ucap", "tutur", "jelas", "tegas", "imbuh", "tambah", "ungkap", "terang", "sebut",
    "papar", "lanjut", "tanya", "tulis", "seru", "pungkas", "timpal", "sambung", "kilah", "klaim",
    "bantah", "aku", "cetus", "tukas", "urai", "beber", "bunyi", "kenang", "tutup", "cuit", "tandas",
    "kelakar", "jawab", "pinta", "ajak", "desak", "sindir", "keluh", "tuding", "harap",
)

#: Tag roots that are also ordinary words (``jelas`` clear, ``tegas`` firm, ``lanjut`` further); after
#: unquoted speech (``..., kata Wang.``) only the other roots count.
AMBIGUOUS_TAGS: frozenset[str] = frozenset({"jelas", "tegas", "lanjut", "sebut", "tulis", "aku", "urai",
                                            "terang", "tambah", "bunyi", "klaim", "seru", "kenang", "tutup",
                                            "jawab", "harap", "desak", "ajak", "pinta"})

#: Pronouns that can be the speaker of a tag or a speech verb.
PERSON_PRONOUNS: frozenset[str] = frozenset({"dia", "ia", "beliau", "nya", "dirinya"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"mereka", "pihaknya", "kami"})

#: Nouns for a statement: its author is the speaker (``sebuah pernyataan dari Kementerian ...``,
#: ``bunyi pernyataan resmi tersebut``, ``lanjut pernyataan tersebut``).
STATEMENT_NOUNS: tuple[str, ...] = (
    "pernyataan", "pernyataannya", "keterangan", "keterangannya", "rilis", "siaran pers",
    "pernyataan resmi", "keterangan resmi", "keterangan tertulis", "komunike", "laporan",
)

#: A passive tag that points back at the sentence(s) before it: ``Demikian diungkapkan Wang``,
#: ``Hal itu disampaikan Biden``. First the pointing word(s), then the passive verbs.
BACK_POINTERS: tuple[str, ...] = (
    "demikian", "hal itu", "hal tersebut", "hal ini", "pernyataan itu", "pernyataan tersebut",
    "keterangan itu", "keterangan tersebut", "penegasan itu", "penegasan tersebut",
    "pernyataan ini", "ungkapan itu", "ungkapan tersebut",
)
PASSIVE_SPEECH: tuple[str, ...] = (
    "diungkapkan", "disampaikan", "dikatakan", "ditegaskan", "dijelaskan", "dinyatakan",
    "diutarakan", "dikemukakan", "dituturkan", "diterangkan", "ditekankan", "disebutkan",
)

#: ``menurut X, ...``, ``menurutnya, ...``: X is the speaker, unless X is a report or a news outlet (then a
#: source). ``menurut`` may stand anywhere in its sentence (``..., menurut X.``).
ACCORDING_TO: tuple[str, ...] = ("menurut",)
#: Passive intros that name the speaker at the start of a sentence: ``Dikatakan Arief, ...``.
PASSIVE_INTROS: tuple[str, ...] = (
    "dikatakan", "dijelaskan", "ditambahkan", "ditegaskan", "diungkapkan", "disebutkan", "dituturkan",
)

#: Words that end a speaker phrase after a tag verb: ``kata Biden dalam sebuah wawancara``.
SPEAKER_STOPS: tuple[str, ...] = (
    "dalam", "kepada", "saat", "ketika", "di", "pada", "seperti", "usai", "seusai", "setelah",
    "melalui", "lewat", "via", "sebagaimana", "sambil", "kemarin", "menurut", "dilansir", "dikutip",
    "mengutip", "melansir", "yang", "dan", "sebelum", "sesudah", "selasa", "senin", "rabu", "kamis",
    "jumat", "sabtu", "minggu", "menanggapi", "terkait", "soal", "tentang", "mengenai", "bahwa",
    "lebih", "lantas", "pun", "juga", "pula", "turut", "lagi", "sembari", "seraya", "untuk", "ke",
)

#: Lower-case words that may follow a name inside a speaker phrase: ``kata mantan Ketua Bawaslu ini``.
AFTER_NAME: tuple[str, ...] = ("ini", "itu", "tersebut", "setempat", "bin", "binti", "van", "de", "al", "of",
                               "terpilih", "nonaktif")

#: Words that open a title inside a name phrase and may join its capitalised words: ``Duta Besar Rusia untuk
#: PBB Vassily Nebenzia``, ``Direktur Jenderal ... Kelautan dan Perikanan KKP Nilanto Perbowo``.
TITLE_JOINERS: tuple[str, ...] = ("dan", "untuk", "bidang", "urusan", "terpilih", "nonaktif")

#: Indefinite determiners before a speaker that are not part of it: ``seorang pejabat Kemlu Jepang``.
SPEAKER_DETERMINERS: tuple[str, ...] = ("seorang", "sebuah", "salah seorang", "salah satu")

#: Nouns and titles for a person in a role (lower-case): a speaker phrase that opens with one is a person
#: even when it resolves to an organisation or a state (``seorang juru bicara Kementerian Luar Negeri AS``
#: ... ``tuturnya``), and a comma piece that opens with one is an apposition (``Siswono, Kepala Badan ...,
#: mengatakan`` -> ``Siswono``).
PERSON_ROLES: tuple[str, ...] = (
    "juru bicara", "jubir", "pejabat", "menteri", "menlu", "menhan", "presiden", "wakil", "perdana menteri",
    "kepala", "ketua", "direktur", "sekretaris", "sekjen", "duta besar", "dubes", "konsul", "gubernur",
    "panglima", "komandan", "pemimpin", "pimpinan", "diplomat", "utusan", "perwakilan", "sumber", "anggota",
    "warga", "pengamat", "analis", "pakar", "ahli", "profesor", "guru besar", "peneliti", "mantan", "raja",
    "ratu", "pangeran", "kanselir", "senator", "jenderal", "kolonel", "letnan", "mayor", "kapten", "deputi",
    "asisten", "staf", "penasihat", "koordinator", "inspektur", "kapolri", "kapolda", "kapolres", "jaksa",
    "hakim", "pengacara", "kuasa hukum", "wali kota", "walikota", "bupati", "camat", "lurah", "kades",
    "imam", "ulama", "uskup", "paus", "pendeta", "aktivis", "tokoh", "politikus", "politisi", "legislator",
)

#: Words that open a clause inside a sentence; the subject of a speech verb comes after the last one
#: (``Isu itu marak karena ratusan perempuan melaporkan ...`` -> ``ratusan perempuan``).
CLAUSE_OPENERS: tuple[str, ...] = (
    "karena", "setelah", "sebelum", "ketika", "saat", "jika", "kalau", "bila", "apabila", "sehingga",
    "sedangkan", "bahwa", "agar", "supaya", "meski", "meskipun", "walaupun", "usai", "sejak", "namun",
    "tetapi", "tapi", "padahal", "sementara", "kendati", "walau", "seraya", "sembari",
)

#: A word right before a speech verb that makes it something other than reported speech: a modal or a
#: negation (``pengguna dapat menambahkan``, ``ia tidak mengatakan``, ``akan menjelaskan``).
NOT_SPEECH_BEFORE: tuple[str, ...] = (
    "dapat", "bisa", "boleh", "ingin", "mau", "hendak", "perlu", "harus", "akan", "tidak", "tak", "belum",
    "bukan", "enggan", "sulit", "untuk", "guna", "sempat", "berani", "mampu", "jangan", "sering", "selalu",
)

#: Adverbs between a subject and its speech verb: ``Diplomat top itu juga mengatakan``.
SUBJECT_TRAILERS: tuple[str, ...] = (
    "juga", "pun", "telah", "sudah", "kemudian", "sebelumnya", "lalu", "pula", "bahkan", "kembali",
    "lebih", "lanjut", "secara", "tegas", "justru", "hanya", "sendiri", "lantas", "turut", "pula",
    "sempat", "langsung", "pernah", "malah", "sekali", "lagi",
)

#: Connectives before a subject that are not part of it: ``Namun sebuah penelitian ... mengungkapkan``.
SUBJECT_LEADERS: tuple[str, ...] = (
    "namun", "tetapi", "tapi", "akan", "sementara", "sedangkan", "adapun", "lalu", "kemudian", "bahkan",
    "selain", "itu", "dan", "serta", "maka", "sehingga", "karena", "sebab", "meski", "meskipun", "walau",
    "hanya", "saja", "apalagi", "terlebih",
)

#: Words that cannot open a subject: a relative clause, a date or time (``Sabtu (10/2) malam mengatakan``).
NOT_SUBJECTS: tuple[str, ...] = (
    "yang", "pada", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "pukul", "hari",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
    "november", "desember", "kemarin", "tadi", "saat", "ketika", "sejak", "setelah", "sebelum", "dalam",
    "di", "ke", "dari", "untuk", "dengan", "kepada", "melalui", "lewat", "via", "bersama", "terhadap",
    "atas",
)

# -- citing an upstream source -----------------------------------------------------------------

#: Passive cues: ``(seperti) dilansir (dari) Reuters``, ``dikutip dari Russia Today``.
PASSIVE_CITE: tuple[str, ...] = (
    "dilansir", "dikutip", "diberitakan", "dilaporkan", "diwartakan", "disiarkan", "dirilis",
    "lansir", "kutip",
)
#: Active cues: ``mengutip Al Jazeera``, ``melansir CNN``.
ACTIVE_CITE: tuple[str, ...] = ("mengutip", "melansir", "menukil", "merujuk")
#: ``menurut laporan Xinhua``, ``menurut kantor berita TASS``: the words that make ``menurut`` cite.
ACCORDING_TO_REPORT: tuple[str, ...] = (
    "laporan", "kantor berita", "media", "situs", "laman", "harian", "surat kabar", "stasiun televisi",
    "televisi", "jaringan berita", "portal berita", "koran", "majalah",
)
#: Words before an outlet's name that are not part of it: ``kantor berita TASS`` -> ``TASS``.
OUTLET_PREFIXES: tuple[str, ...] = (
    "kantor berita", "media", "situs", "situs web", "laman", "laman resmi", "harian", "surat kabar",
    "stasiun televisi", "televisi", "jaringan berita", "portal berita", "koran", "majalah", "laporan",
    "media pemerintah", "media milik pemerintah", "stasiun tv", "tv", "outlet berita",
)
#: A source line: ``Sumber: Reuters``, ``(Sumber: AFP)``.
SOURCE_LABELS: tuple[str, ...] = ("sumber", "source")

#: Words that open a clause before a cue and belong to it: ``seperti dilansir``.
CITE_OPENERS: tuple[str, ...] = ("seperti", "sebagaimana", "sebagaimana yang", "seperti yang")
