"""Indonesian grammar words the event coder reads: data only, used by :mod:`warta.analyse.events`.

The triggers themselves (verbs and verbal nouns with their PLOVER type) are in ``data/event_triggers.tsv``;
this module holds the closed-class words around them: negation, modality, prepositions that introduce a
target, the passive agent marker, coordination, clause boundaries, light verbs and pronouns.
"""

from __future__ import annotations

#: Words that negate the trigger they stand before (``Beijing tidak mengutuk Moskow``).
NEGATION: frozenset[str] = frozenset({"tidak", "tak", "belum", "bukan", "tanpa", "enggan", "ogah", "jangan",
                                      "urung", "batal", "gagal"})

#: Modality cue -> the contract's modality. Read in the few words before the trigger (``akan menyerang``).
MODALITY_BEFORE: dict[str, str] = {
    "akan": "future", "bakal": "future", "hendak": "future", "berencana": "future", "merencanakan": "future",
    "berniat": "future", "ingin": "future", "siap": "future", "segera": "future", "berjanji": "future",
    "dijadwalkan": "future", "direncanakan": "future", "rencananya": "future", "terjadwal": "future",
    "harus": "obligation", "perlu": "obligation", "wajib": "obligation", "mesti": "obligation",
    "seharusnya": "obligation", "semestinya": "obligation", "sepatutnya": "obligation", "diminta": "obligation",
    "boleh": "obligation",  # only with a negation: ``tidak boleh`` (handled by the coder)
    "membantah": "denied-claim", "menyangkal": "denied-claim", "menampik": "denied-claim",
    "membantah telah": "denied-claim",
}

#: Conditional conjunctions: a trigger in a clause they open is hypothetical.
HYPOTHETICAL: frozenset[str] = frozenset({"jika", "jikalau", "kalau", "seandainya", "andaikan", "andai",
                                          "apabila", "bila", "bilamana", "manakala", "asalkan", "if"})

#: How far before the trigger (in words) negation and modality cues are looked for.
CUE_WINDOW = 4

#: Prepositions that introduce the target after a trigger (``mengirim pasukan ke Kazakhstan``).
TARGET_PREPOSITIONS: frozenset[str] = frozenset({"ke", "kepada", "terhadap", "dengan", "untuk", "atas", "bagi",
                                                 "melawan", "pada", "kpd", "thd", "menuju", "antara"})

#: The passive agent marker: ``diserang oleh Rusia``.
AGENT_MARKER = "oleh"

#: Words that join two actors into one coordinated subject or object.
COORDINATION: frozenset[str] = frozenset({"dan", "serta", "&", "bersama", ",", "maupun", "beserta", "and"})

#: Words that close the clause a trigger's arguments are looked for in.
CLAUSE_BREAKS: frozenset[str] = frozenset({";", ":", "bahwa", "sementara", "sedangkan", "namun", "tetapi",
                                           "tapi", "padahal", "sehingga", "karena", "meskipun", "walaupun",
                                           "sebelum", "sesudah", "hingga", "agar", "supaya", "(", ")", "?", "!",
                                           "“", "”", '"'})

#: Clause-break words that open an adverb with the word after them, not a clause (``Beijing hingga kini
#: tidak mengutuk``, ``sebelum ini``).
ADVERBIAL_PHRASES: frozenset[tuple[str, str]] = frozenset({
    ("hingga", "kini"), ("hingga", "sekarang"), ("hingga", "saat"), ("hingga", "hari"), ("sebelum", "ini"),
    ("sebelum", "itu"), ("sesudah", "itu"), ("karena", "itu"),
})

#: Words after which an object actor is still the argument of a noun trigger (``dukungan China untuk Rusia``).
POSSESSOR_GAP: frozenset[str] = frozenset({"dari", "pihak", "pemerintah", "negara"})

#: Light verbs that make a verbal noun act as a verb: ``Rusia melakukan invasi ke Ukraina``.
LIGHT_VERBS: frozenset[str] = frozenset({
    "melakukan", "menggelar", "mengadakan", "memberikan", "memberi", "melancarkan", "mengeluarkan",
    "menyampaikan", "mengajukan", "menjalin", "menjalankan", "meluncurkan", "membuat", "menempuh",
    "menyatakan", "mengumumkan", "melayangkan", "mengirimkan", "mengirim", "menawarkan", "menggalang",
    "terlibat", "melaksanakan", "berkomitmen", "sepakat", "setuju", "memulai", "melanjutkan", "meningkatkan",
    "memperkuat", "memperdalam", "mempererat", "menerapkan", "memberlakukan", "memperbanyak", "memperluas",
    "mencapai", "mempersiapkan", "menyiapkan", "mengucapkan", "mengintensifkan", "menggencarkan", "mengikuti",
    "berpartisipasi", "bergabung",
})

#: Two-word light phrases before a preposition and a verbal noun: ``ikut serta dalam latihan militer``.
LIGHT_PHRASES: frozenset[tuple[str, str]] = frozenset({("ikut", "serta"), ("ambil", "bagian")})

#: Light verbs that turn the roles round: ``Moskow menerima kunjungan Wang`` (Wang -> Moskow).
RECEIVING_VERBS: frozenset[str] = frozenset({"menerima", "mendapat", "mendapatkan", "memperoleh", "menjadi",
                                             "menghadapi", "mengalami", "menjamu", "menyambut"})

#: Subject pronouns that stand for the person last named (``Ia juga mengecam ...``).
PERSON_PRONOUNS: frozenset[str] = frozenset({"ia", "dia", "beliau", "pihaknya", "dirinya"})

#: First-person pronouns that stand, inside a quote, for its speaker (``"Kami menolak ...," kata Lavrov``).
SPEAKER_PRONOUNS: frozenset[str] = frozenset({"kami", "kita", "saya", "aku"})

#: Relative pronoun: ``CSTO yang dipimpin Rusia mengirim pasukan`` -- the head before it is the subject.
RELATIVE = "yang"

#: PLOVER types whose action is mutual: between two parties it is coded in both directions.
SYMMETRIC_TYPES: frozenset[str] = frozenset({"CONSULT", "COOPERATE"})
#: Modes of other types that are mutual too (an agreement between two parties).
SYMMETRIC_TRIGGERS: frozenset[str] = frozenset({"sepakat", "setuju", "kesepakatan", "perjanjian", "bersepakat",
                                                "menyepakati", "damai", "berdamai", "bertemu", "pertemuan"})

#: Adverbs that make any action mutual: ``India dan Pakistan saling tuding``, ``saling mengecam``.
MUTUAL_ADVERBS: frozenset[str] = frozenset({"saling"})

#: Words that stand for the two parties last named: ``keduanya``, ``kedua negara``, ``Kami berdua``.
PAIR_WORDS: frozenset[str] = frozenset({"keduanya", "berdua"})
PAIR_NOUNS: frozenset[str] = frozenset({"negara", "pihak", "belah", "menteri", "pemimpin", "presiden", "pemerintah",
                                        "kepala", "delegasi", "diplomat", "menlu", "perdana", "militer", "angkatan"})

#: Speech tags that introduce the speaker, not a participant: ``Menurut Kemenlu Rusia, ...``, ``..., kata Xi,
#: ...``, ``..." ujar Lavrov``. The actors right after them (up to the next comma) are never event arguments.
SPEAKER_TAGS: frozenset[str] = frozenset({"menurut", "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas",
                                          "imbuh", "tambah", "lanjut", "papar", "terang", "sebut", "tandas",
                                          "kata-nya"})
#: Tags that mark a speaker wherever they stand; the others only after a comma or a quote mark.
SPEAKER_TAGS_ANYWHERE: frozenset[str] = frozenset({"menurut"})
#: Tokens after which a speech tag starts a speaker phrase (``..., kata Xi,``).
SPEAKER_TAG_OPENERS: frozenset[str] = frozenset({",", '"', "“", "”", "'", "‘", "’"})

#: Words that open a topic (``membahas situasi tentang Taiwan``): an actor after them is what is talked about,
#: not the trigger's target.
TOPIC_WORDS: frozenset[str] = frozenset({"tentang", "mengenai", "soal", "terkait", "perihal", "seputar"})

#: Prepositions that set a scene (``dalam pertemuan itu, ...``, ``di sela KTT``): a verbal noun right after them
#: with no possessor of its own has no arguments (the sentence's subject did something else at that meeting).
SETTING_WORDS: frozenset[str] = frozenset({"dalam", "di", "pada", "saat", "ketika", "usai", "seusai", "setelah",
                                           "sebelum", "selama", "jelang", "menjelang", "sela", "disela", "sejak",
                                           "pasca", "seperti", "sesudah"})

#: The preposition that brings a partner to a mutual action whose subject is already two parties
#: (``X dan Y bertemu dengan Z``); any other actor after such a trigger is a place or a topic.
PARTNER_PREPOSITIONS: frozenset[str] = frozenset({"dengan", "bersama"})

#: CONSULT modes and trigger lemmas that go one way only: a visit, a mediation, attending a meeting.
ONE_WAY_MODES: frozenset[str] = frozenset({"visit", "mediate"})
ONE_WAY_TRIGGERS: frozenset[str] = frozenset({"menghadiri"})

#: Trigger lemmas that are an event only with two or more parties as subject: ``Keduanya membahas ...``,
#: ``Retno dan Guterres membahas ...`` (they consulted); ``DPR membahas RUU`` is no event.
PLURAL_SUBJECT_TRIGGERS: frozenset[str] = frozenset({"bahas"})

#: Complements whose object stands between them and the head (``menyebut X sebagai``, ``menekan X agar``):
#: with no actor there, what follows the complement is a label or a clause, never the target.
GAP_OBJECT_COMPLEMENTS: frozenset[str] = frozenset({"sebagai", "agar", "supaya", "untuk", "dalang"})

#: Words that join two verb phrases with one subject: ``X menyebut ... dan menuduh Y``.
VERB_COORDINATION: frozenset[str] = frozenset({"dan", "serta", "lalu", "kemudian", "sekaligus", ","})

#: Adverbs that may stand between the joined verb phrases (``dan juga menuduh``).
VERB_PHRASE_ADVERBS: frozenset[str] = frozenset({"juga", "pun", "bahkan", "langsung", "sekaligus", "turut",
                                                 "segera"})

#: Types that are coded with one side only (protesters); other events need both a source and a target in their
#: sentence, or they are left out (measured on the gold: a one-sided MOBILIZE or RETREAT was mostly wrong).
ONE_SIDED_TYPES: frozenset[str] = frozenset({"PROTEST"})

#: (type, mode) of a trigger that armed forces as source turn into another (type, mode, CAMEO): *pasukan AS
#: akan membela Taiwan* is military protection (AID 074), not words of support.
MILITARY_SOURCE_TYPES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("SUPPORT", "defend"): ("AID", "peacekeeping", "074"),
}

#: Who never stages a PROTEST (the contract: civilians as source): states, organisations of states, and the
#: government, armed forces, police, courts and legislature (they ACCUSE or COERCE instead).
AUTHORITY_KINDS: frozenset[str] = frozenset({"state", "igo"})
AUTHORITY_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})

#: Words that make the actor after them a location (``di Uzbekistan``): never a source, a target only of the
#: types in PLACE_TARGET_TYPES (an attack on, troops sent to, aid for a place) and of visits.
LOCATIVE: frozenset[str] = frozenset({"di", "dalam", "ke", "menuju", "sekitar"})
PLACE_TARGET_TYPES: frozenset[str] = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT"})
