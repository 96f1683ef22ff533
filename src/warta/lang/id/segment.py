"""Indonesian knowledge for repairing words glued together where links were stripped.

Data only, read by :mod:`warta.clean.repair`.
"""

from __future__ import annotations

#: Short words that may stand as a piece of a glued token (any other piece needs >= 3 letters).
SHORT_WORDS: frozenset[str] = frozenset({"di", "ke"})

#: Frequent function words: a capitalised token (which may be a name) is only split when one of
#: its pieces is among these, or when every piece is long and common.
GLUE_WORDS: frozenset[str] = frozenset("""
dan di ke dari yang itu ini untuk dengan adalah pada oleh bahwa atau juga akan telah sudah dalam
sebagai karena saat tidak kata ujar ucap jelas tegas menurut seperti serta namun tetapi tapi bagi
kepada terhadap antara hingga sampai sejak setelah sebelum ketika jika kalau agar supaya maka lalu
kemudian bersama tentang atas para masih belum bisa dapat harus ingin mau sendiri tersebut
mereka kami kita dia beliau sang kedua pihak mengatakan menyatakan menjelaskan disampaikan
kembali sambil kerap paling sekaligus alias ikut soal pekan tahun lalu usai seusai selama
satu dua tiga empat lima enam tujuh delapan sembilan sepuluh puluhan ratusan ribuan jutaan
sudah segera langsung hanya sangat lebih agar milik ada datang resmi mulai tiba
""".split())

#: Clitics and suffixes that never stand alone as a piece of a split.
NEVER_ALONE: frozenset[str] = frozenset({"nya", "lah", "kah", "tah", "mu", "ku", "an", "kan", "i", "pun", "nan"})

#: Words written in CamelCase on purpose: never split at their case change.
CAMEL_NAMES: frozenset[str] = frozenset(s.lower() for s in """
McDonald McDonalds MacBook iPhone iPad iPod iOS eBay YouTube WhatsApp LinkedIn PlayStation TikTok
GoPay GoJek GoTo GoFood GrabFood OVO DANA ShopeePay PayPal JavaScript OpenAI ChatGPT DeepMind
detikNews detikcom detikFinance kumparanNEWS kumparanBISNIS SINDOnews IDNTimes CNBCIndonesia
BeritaSatu MetroTV iNews KompasTV TVRI JakPost PlayStore AppStore WeChat SpaceX FedEx NetFlix
BlackRock HarperCollins MasterCard PowerPoint FaceTime AirAsia LionAir CitiLink SuperSoccer
DeMarco DiCaprio LeBron MacArthur McCarthy McConnell O'Brien
""".split())

#: A piece starting like this is more likely a suffix chain (-annya, -kanlah) than a word.
SUFFIX_STARTS: tuple[str, ...] = ("annya", "kannya", "kanlah", "anlah", "inya", "ilah")

#: Bound prefixes written joined to their word (``subkawasan``, ``pascaperang``): never a first piece.
BOUND_PREFIXES: frozenset[str] = frozenset("""
sub pra pasca non multi anti antar swa tuna nir purna semi ultra super inter ekstra mega mini makro
mikro neo pro kontra trans psiko mili bio tri giga tele omni homo hetero ber ter per pe me se ketidak
""".split())

#: Glue words too short or too common at the end of names (Rahmadi, Hamdan) to split off a short name.
WEAK_GLUE: frozenset[str] = frozenset({"di", "ke", "dan", "ini", "dia", "itu", "kita", "kami", "ada", "lima", "satu"})

#: The weakest: names end in -di (Mulyadi), -ke (Ryosuke), -ini (Platini), -ada, -dua (Kelapadua), so these
#: are only split off a known word.
WEAKEST_GLUE: frozenset[str] = frozenset({"di", "ke", "ini", "itu", "ada", "dia", "satu", "dua", "lima"})

#: Verb prefixes: a frequent verb glued after a name (``Firzamengaku``) may be split off it.
VERB_PREFIXES: tuple[str, ...] = ("me", "di", "ber", "ter", "mem", "men", "meng", "meny", "memper", "diper")

#: Titles and roles written before a name: ``PresidenJoko`` is glue, ``TopKarir`` a brand.
TITLE_WORDS: frozenset[str] = frozenset("""
presiden wakil menteri menlu menhan ketua gubernur bupati walikota wali kapolri kapolda kapolres panglima
jenderal direktur kepala sekjen sekretaris raja ratu pangeran perdana kanselir duta dubes juru jubir
ketum anggota pelatih kapten senator hakim jaksa profesor dokter pastor ustaz kiai imam syekh paus
""".split())

#: Prefixes and suffixes of Indonesian derivation: prefix + known root + suffix is a word, not glue.
DERIVATION_PREFIXES: tuple[str, ...] = (
    "memper", "diper", "mempel", "meng", "meny", "mem", "men", "me", "ber", "be", "ter", "di", "peng", "peny",
    "pem", "pen", "per", "pe", "se", "ke", "",
)
DERIVATION_SUFFIXES: tuple[str, ...] = ("kannya", "annya", "inya", "isasinya", "isasi", "isme", "kan", "an", "i", "nya", "lah",
                                       "kah", "pun", "ku", "mu", "")

#: Nasal prefixes that replace the root's first letter: meN-/peN- + tulis -> menulis, penulis.
NASAL_REPLACED: dict[str, str] = {"men": "t", "pen": "t", "mem": "p", "pem": "p", "meng": "k", "peng": "k",
                                  "meny": "s", "peny": "s"}

#: Number words written joined or apart (``ketigabelas`` / ``ketiga belas``): the text's choice is kept.
NUMERAL_TAILS: frozenset[str] = frozenset({"belas", "puluh", "ratus", "ribu", "juta", "miliar", "triliun"})
