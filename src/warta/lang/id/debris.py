"""Indonesian scraper debris: what is not article text, by kind.

Data only, read by :mod:`warta.clean.debris`. Patterns are regular expressions matched
case-insensitively against one whitespace-normalised line. They describe kinds of debris, not
sites: a pattern earns its place when it covers a habit shared by many outlets.

Reasons used here (the ``reason`` of a removed piece): title, date, byline, author-tag,
dateline, boilerplate, caption, related, promo, copyright, tags, heading, comment-widget,
advertisement, duplicate.
"""

from __future__ import annotations

#: Whole lines that are debris by themselves: reason -> patterns (anchored at both ends).
WHOLE_LINE: dict[str, list[str]] = {
    "boilerplate": [
        r"loading\s*\.{0,3}", r"memuat\s*\.{0,3}", r"a", r"a\s+a\s+a", r"aa?a?",
        r"ukuran\s+(teks|font|huruf)", r"(perbesar|perkecil)\s+(teks|font|huruf)",
        r"dengarkan(\s+(artikel|berita))?(\s+ini)?", r"putar\s+audio", r"bagikan(\s+(artikel|berita)(\s+ini)?)?",
        r"share(\s+this)?", r"salin\s+(link|tautan)", r"tautan\s+disalin", r"link\s+(berhasil\s+)?disalin",
        r"print", r"cetak", r"kembali\s+ke\s+atas", r"back\s+to\s+top", r"home", r"beranda",
        r"lihat\s+(semua|selengkapnya)", r"lihat\s+(foto|video|galeri)", r"selengkapnya", r"tutup", r"close", r"next", r"prev(ious)?",
        r"halaman\s+(selanjutnya|berikutnya|sebelumnya)", r"halaman\s+\d+(\s+(dari|of)\s+\d+)?",
        r"\d+\s*/\s*\d+", r"(hal(aman)?\.?\s*)?\d+\s+\d+\s+\d+(\s+\d+)*", r"(facebook|twitter|whatsapp|telegram|line|email|copy link|x)(\s+(facebook|twitter|whatsapp|telegram|line|email|copy link|x))*",
        r"ikuti\s+kami", r"follow\s+us", r"writer", r"verified\s+writer",
        r"terima\s+kasih\s+telah\s+membaca.*", r"baca\s+berita\s+(lainnya|lengkap).*",
    ],
    "advertisement": [
        r"advertisement", r"scroll\s+to\s+continue\s+with\s+content", r"iklan", r"sponsored(\s+content)?",
        r"konten\s+(berbayar|bersponsor|promosi)", r"ads?", r"gulir\s+(ke\s+bawah\s+)?untuk\s+melanjutkan.*",
        r"scroll\s+(down\s+)?to\s+(read|continue).*", r"lanjutkan\s+membaca(\s+artikel)?",
    ],
    "comment-widget": [
        r"berhasil\s+login", r"gagal\s+login", r"komentar", r"komentari", r"edit\s+komentar", r"hapus\s+komentar",
        r"anda\s+yakin\s+ingin\s+menghapus\s+komentar\s*\??", r"kirim(\s+komentar)?", r"batal", r"balas",
        r"tulis\s+komentar(\s+anda)?.*", r"\d+\s+komentar", r"lihat\s+(semua\s+)?komentar", r"tampilkan\s+komentar",
        r"(silakan\s+)?login\s+untuk\s+(berkomentar|komentar).*", r"belum\s+ada\s+komentar.*", r"komentar\s+\(\d+\)",
        r"masuk\s+untuk\s+berkomentar.*", r"laporkan(\s+komentar)?", r"suka", r"muat\s+lebih\s+banyak",
        r"bagaimana\s+(pendapatmu|pendapat\s+(anda|kamu))\s*\?", r"berikan\s+komentar(mu|\s+anda)?.*",
    ],
    "tags": [r"(topik|tags?|tag|tagar|kata\s+kunci|topic|label)\s*:?"],
    "related": [
        r"(berita|artikel|video|foto)\s+(terkait|terkini|terbaru|lainnya|pilihan|populer|rekomendasi)(\s+lainnya)?\s*:?",
        r"berita\s+terkini\s+lainnya", r"rekomendasi(\s+(untuk\s+anda|berita|artikel|editor))?\s*:?",
        r"infografis(\s+\w+){0,2}", r"terpopuler(\s+\w+){0,2}\s*:?", r"populer(\s+\w+){0,2}\s*:?", r"trending(\s+\w+){0,2}\s*:?",
        r"pilihan\s+(editor|redaksi)\s*:?", r"(baca|lihat|simak)\s+juga\s*:?", r"most\s+(popular|read)", r"terbaru\s*:?",
        r"(artikel|berita)\s+selanjutnya\s*:?", r"you\s+may\s+also\s+like", r"related(\s+(news|articles?))?\s*:?",
    ],
}

#: Lines that begin like this are debris, whatever follows (prefix, case-insensitive).
LINE_PREFIX: dict[str, list[str]] = {
    "related": [
        r"[\[(]?\s*(baca|lihat|simak|cek)\s+(juga|pula|selengkapnya|berita\s+lainnya)\s*[:\-–—]", r"[\[(]?\s*baca\s+juga\b",
        r"[\[(]\s*(baca|lihat|simak)\s*:", r"(baca|lihat)\s*:\s*\S",
        r"artikel\s+terkait\s*:", r"berita\s+terkait\s*:", r"saksikan\s+(juga\s+)?video\s*:", r"\[gambas:",
        r"(tonton|simak)\s+(juga\s+)?video", r"(read|see)\s+also\s*:", r"read\s+more\s*:", r"baca\s+artikel\s+(selengkapnya|asli)",
    ],
    "byline": [
        r"(penulis|reporter|pewarta|editor|penyunting|redaktur|kontributor|wartawan|jurnalis|author|writer)\s*:",
        r"oleh\s*:", r"by\s*:", r"laporan\s+wartawan\b", r"editor\s+\w+\s*$",
        r"(penulis|reporter|pewarta|wartawan)\s+[a-z][\w'.]*(\s+[a-z][\w'.]*){0,3}\s*(\|.*)?$",
        r"sumber\s*:\s*[\w.\- ]{2,40}\.?(\s+(gambar|foto)(\s+header)?\s*:.{0,60})?$",
    ],
    "tags": [r"(topik|tags?|tagar|kata\s+kunci|topic)\s*:\s*\S"],
    "copyright": [r"copyright\b", r"©", r"\(c\)\s*\d{4}", r"hak\s+cipta\b", r"all\s+rights\s+reserved"],
    "promo": [
        r"(simak|ikuti|dapatkan|baca|cek|pantau|gabung|bergabung)\b.{0,80}\b(google\s+news|whatsapp\s+channel|telegram|channel|aplikasi|instagram|tiktok|youtube|ponselmu|newsletter)",
        r"(dapatkan|terima)\s+(update|informasi|berita)\b", r"(download|unduh)\s+(aplikasi|app)\b", r"klik\s+(di\s+)?(sini|link)",
        r"(langganan|berlangganan|subscribe)\b", r"daftar\s+(sekarang|newsletter|gratis)", r"follow\s+(instagram|twitter|akun)",
        r"ikuti\s+(berita|update|kami|akun)", r"jangan\s+lewatkan\b", r"follow\b.{0,60}\b(instagram|tiktok|twitter|youtube|facebook|akun)",
        r".{0,80}\b(langganan|berlangganan)\s+(buletin|newsletter|notifikasi)",
        r"(kunjungi|klik)\s+\S+\.(com|id|co)\b",
    ],
    "caption": [r"(foto|ilustrasi|gambar|dok(umentasi)?|sumber\s+foto|photo|image)\s*[:.]", r"antara\s+foto\s*/", r"\(foto\s*:",
                r"(arsip\s+)?(foto|ilustrasi)\s+(arsip\s+)?[-–—]\s"],
    "advertisement": [r"advertisement\b", r"scroll\s+to\s+continue"],
}

#: A line ending like this is a photo caption or credit (searched at the end of the line).
CAPTION_SUFFIX: list[str] = [
    r"\((foto|photo|dok\.?|dokumentasi|ilustrasi|sumber|istimewa|ist|net|internet|repro|screenshot|tangkapan\s+layar|capture|file)\b[^()]{0,80}\)",
    r"\((getty\s*images?|shutterstock|pixabay|unsplash|freepik|wikimedia|wikipedia|ap\s+photo)\b[^()]{0,80}\)",
    r"\((reuters|ap|afp|antara|epa|xinhua|tass|sputnik|anadolu|bloomberg|dpa|kyodo|yonhap|bernama)\s*/\s*(?!(reuters|ap|afp|antara|epa|xinhua|tass|sputnik|anadolu|bloomberg|dpa|kyodo|yonhap|bernama)\b)[^()/]{2,60}\)",
    r"\([\w.\-]+\.(com|id|org|net|co|gov|int|tv|news|io)(\.\w{2})?\s*/[^()]{0,80}\)",
    r"\((twitter|instagram|facebook|youtube|tiktok|x)(\.com)?\s*[/@][^()]{0,80}\)",
    r"antara\s+foto\s*/[^()]{0,120}",
    r"(foto|photo)\s*:\s*[\w .,/&@\-]{2,60}",
]

#: A short line ending with an agency credit is a caption; a paragraph ending so is article text
#: whose trailing credit is an author tag (``... kata dia. (Antara/Reuters)``).
_AGENCIES = r"(reuters|ap|afp|antara|epa|xinhua|tass|sputnik|anadolu|bloomberg|dpa|kyodo|yonhap|bernama)"
AGENCY_CREDIT = rf"\({_AGENCIES}\b[^()]{{0,60}}\)"
#: ``(AFP/STRINGER)``, ``(REUTERS/Thomas Peter)``: an agency and its photographer, a photo credit.
PHOTOGRAPHER_CREDIT = rf"\({_AGENCIES}\s*/\s*(?!{_AGENCIES}\b)[^()/]{{2,60}}\)"
MAX_SHORT_CAPTION_WORDS = 15

#: A whole short block header; following short lines belong to the block (reason -> patterns).
BLOCK_HEADER: dict[str, list[str]] = {
    "related": WHOLE_LINE["related"],
    "tags": WHOLE_LINE["tags"],
    "comment-widget": [r"komentar(\s+\(\d+\))?", r"\d+\s+komentar", r"tulis\s+komentar.*"],
}

#: Byline lines in the style ``Name Photo Verified Writer Name`` (community writer cards).
BYLINE_CARD: list[str] = [r".{2,60}\bverified\s+writer\b.{0,60}", r".{2,60}\bcommunity\s+writer\b.{0,60}"]

#: Disclaimers and site self-descriptions, searched anywhere in a line.
DISCLAIMER: list[str] = [
    r"sepenuhnya\s+(menjadi\s+)?tanggung\s+jawab\s+(dari\s+)?(penulis|pengirim)",
    r"adalah\s+media\s+yang\s+menyediakan\s+platform",
    r"di\s+luar\s+tanggung\s+jawab\s+redaksi",
    r"artikel\s+ini\s+(telah|sudah)\s+(tayang|terbit|dimuat)\s+di\b",
    r"^disclaimer\s*:", r"^catatan\s+redaksi\s*:",
    r"^[\w.\-]+(\s[\w.\-]+){0,3}\s+adalah\s+(media|portal|situs|platform)\s+(berita|informasi|media|digital|yang)\b",
    r"\bsimak\s+(terus|selengkapnya)\b.{0,80}\bhanya\s+di\s+\w+", r"\bhanya\s+di\s+[\w.]+\s*!\s*$",
    r"isi\s+(artikel|tulisan)\s+(ini\s+)?menjadi\s+tanggung\s+jawab",
]

#: Numbered section headings: ``1. Kerja sama militer``, ``2) Judul``.
NUMBERED_HEADING = r"(\d{1,2}|[ivx]{1,4})\s*[.)]\s+\S.{0,120}"

#: Trailing author tags: ``(esn)``, ``(min)``, ``(ant/rhs)``, ``(*)``; also ``[ant]``.
AUTHOR_TAG = r"[(\[]\s*([a-z][a-z0-9]{0,7}\.?(\s*[/,.]?\s*[a-z][a-z0-9]{1,7}){0,3}|\*{1,3})\s*[)\]]"

#: Dateline openings: ``BEIJING -``, ``Jakarta, IDN Times -``, ``Jakarta (ANTARA) -``,
#: ``IVOOX.id, Moscow -``, ``Intisari-Online.com -``, ``REPUBLIKA.CO.ID, JAKARTA --``.
#: Segments are separated by commas; the opening ends with a dash surrounded by spaces.
DATELINE_SEGMENT = r"[A-Z][\w.'&\-]*(?:[ ][A-Z][\w.'&\-]*){0,3}"
DATELINE_DASH = r"\s+(?:-{1,2}|–|—)\s*"

#: A byline that names the writer and the outlet: ``Firda Amalia - detikNews`` (header lines only).
HEADER_BYLINE = r"(?P<name>[A-Z][\w'.]+(?:\s[A-Z][\w'.]+){0,3})\s+[-–|]\s+(?P<outlet>[\w.]+(?:\s[\w.]+)?)"

#: The ``Phnom Penh. Southeast Asian ...`` dateline: a place and a full stop opening the first paragraph.
DATELINE_PERIOD = r"(?P<prefix>(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\.\s+)(?=[A-Z])"

#: Words that, alone in a dateline segment, are outlets rather than places.
OUTLET_HINT_WORDS = ("times", "news", "online", "com", "id", "co", "antara", "tribun", "post", "pos", "today")

#: Short ``Kirim``-like words used to tell a comment form apart.
MAX_HEADLINE_WORDS = 22
MIN_PROSE_WORDS = 6
