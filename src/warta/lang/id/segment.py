"""Indonesian knowledge for repairing words glued together where links were stripped.

Data only, read by :mod:`warta.clean.repair`.
"""

from __future__ import annotations

#: Short words that may stand as a piece of a glued token (any other piece needs >= 3 letters).
SHORT_WORDS: frozenset[str] = frozenset({"di", "ke", "ia", "ya"})

#: Frequent function words: a capitalised token (which may be a name) is only split when one of
#: its pieces is among these, or when every piece is long and common.
GLUE_WORDS: frozenset[str] = frozenset("""
dan di ke dari yang itu ini untuk dengan adalah pada oleh bahwa atau juga akan telah sudah dalam
sebagai karena saat tidak kata ujar ucap jelas tegas menurut seperti serta namun tetapi tapi bagi
kepada terhadap antara hingga sampai sejak setelah sebelum ketika jika kalau agar supaya maka lalu
kemudian bersama tentang atas para masih belum bisa dapat harus ingin mau pun sendiri tersebut
mereka kami kita dia ia beliau sang si kedua pihak mengatakan menyatakan menjelaskan disampaikan
""".split())

#: Clitics and suffixes that never stand alone as a piece of a split.
NEVER_ALONE: frozenset[str] = frozenset({"nya", "lah", "kah", "tah", "mu", "ku", "an", "kan", "i", "pun"})

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
