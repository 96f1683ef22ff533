"""Hand-written sample texts for the tests (our own sentences, not from ../shared), and where ../shared is."""

from pathlib import Path

#: the shared datasets beside the repository (tests needing them skip when it is absent)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

#: An article in the style of Indonesian online news, written for these tests, with debris.
DIRTY_ARTICLE = """Jepang dan Indonesia Sepakat Perluas Latihan Maritim
loading...
A
A
A
Kamis, 3 Maret 2022 - 14:05 WIB
Penulis: Dewi Larasati
TOKYO - Menteri Pertahanan Jepang menerima kunjungan mitranya dari Indonesia di Tokyo pada Kamis (3/3/2022). Keduanya membahas rencana latihan maritim bersama di Laut Natuna Utara.
Baca juga: Harga Minyak Dunia Naik Tiga Hari Berturut-turut
Pertemuan itu berlangsung sekitar dua jam. Menurut juru bicara kementerian, kedua pihak menyepakati jadwal latihan yang akan digelar pada paruh kedua tahun ini.
Kapal perang Jepang bersandar di pelabuhan. (Foto: Reuters/Kim Kyung-Hoon)
"Kerja sama ini penting bagi stabilitas kawasan," kata menteri itu kepada wartawan seusai pertemuan.
1. Latihan gabungan tahun depan
Selain latihan maritim, kedua negara juga berencana menggelar latihan gabungan penanggulangan bencana tahun depan, menurut pernyataan resmi kementerian.
Pertemuan itu berlangsung sekitar dua jam. Menurut juru bicara kementerian, kedua pihak menyepakati jadwal latihan yang akan digelar pada paruh kedua tahun ini.
ADVERTISEMENT
SCROLL TO CONTINUE WITH CONTENT
Berita Terkait
Menlu Bertemu Dubes Jepang di Jakarta
Indonesia Tambah Armada Patroli Laut...
Tags:
Jepang
Indonesia
Komentar
Berhasil Login
Anda yakin ingin menghapus komentar ?
Copyright © 2022 Contoh Berita. All rights reserved.
(dla)"""

DIRTY_BODY = [
    "Menteri Pertahanan Jepang menerima kunjungan mitranya dari Indonesia di Tokyo pada Kamis (3/3/2022). "
    "Keduanya membahas rencana latihan maritim bersama di Laut Natuna Utara.",
    "Pertemuan itu berlangsung sekitar dua jam. Menurut juru bicara kementerian, kedua pihak menyepakati jadwal "
    "latihan yang akan digelar pada paruh kedua tahun ini.",
    "\"Kerja sama ini penting bagi stabilitas kawasan,\" kata menteri itu kepada wartawan seusai pertemuan.",
    "Selain latihan maritim, kedua negara juga berencana menggelar latihan gabungan penanggulangan bencana tahun "
    "depan, menurut pernyataan resmi kementerian.",
]
