"""Indonesian cue words for the named-entity recogniser: titles, organisation heads, place cues.

Data only, read by :mod:`warta.analyse.ner` as CRF features. Every word is lowercase; the
recogniser looks a token up by its lowercased form. These lists are cues, not gazetteers of
names: a title says "a name may follow", a head says "an organisation or place starts here".
"""

from __future__ import annotations

#: Titles, ranks and honorifics that stand before a person's name (``Presiden Joko Widodo``).
PERSON_TITLES: frozenset[str] = frozenset("""
presiden wapres wakil menteri menko mendagri menlu menkeu menhan menkes mendikbud gubernur wagub
bupati wabup walikota wali camat lurah kades ketua sekjen sekretaris direktur dirut kepala kapolri
kapolda kapolres kapolsek panglima pangdam kasad kasal kasau jaksa hakim senator anggota juru
jubir kabid kadis kasubdit kanit dubes duta raja ratu pangeran sultan paus imam ustaz ustad kiai
kh habib syekh pendeta romo uskup jenderal jend letjen mayjen brigjen kolonel kol letkol mayor
kapten lettu letda serka sertu serda kopral komjen irjen kombes akbp kompol akp iptu ipda aiptu
bripka brigadir briptu bripda laksamana laksdya laksda marsekal marsdya marsda pelatih kapten
bapak ibu pak bu bung mas mbak kak sdr saudara saudari tuan nyonya nona dr drs dra ir prof
profesor hj haji h mr mrs ms sir perdana pm ceo komisaris komisioner penyidik pengacara advokat
kuasa aktor aktris penyanyi artis pebulutangkis petinju pebalap striker kiper gelandang bek
""".split())

#: Words that head an organisation's name (``Kementerian Luar Negeri``, ``Partai Golkar``, ``PT Pertamina``).
ORG_HEADS: frozenset[str] = frozenset("""
kementerian kemenlu kemenkeu kemendagri kemenkes departemen badan lembaga komisi dewan majelis
mahkamah pengadilan kejaksaan kejagung kejati kejari kepolisian polda polres polsek polri tni
partai fraksi pt cv tbk persero perum bank universitas univ institut sekolah akademi politeknik
yayasan perhimpunan persatuan perkumpulan ikatan asosiasi serikat himpunan gabungan federasi
organisasi koalisi front gerakan aliansi forum komite kantor biro direktorat dinas pemerintah
pemkot pemkab pemprov pemda kpu bawaslu kpk dpr dprd mpr dpd ma mk bpk bi ojk bumn klub fc
persatuan grup group corporation corp inc ltd co company airlines airways
""".split())

#: Words that head or cue a place name (``Kota Bandung``, ``Jalan Sudirman``, ``Provinsi Aceh``).
PLACE_CUES: frozenset[str] = frozenset("""
kota kabupaten kab provinsi prov kecamatan kec kelurahan desa dusun kampung jalan jl jln gang
gg pulau kepulauan selat teluk gunung danau sungai laut samudra samudera tanjung lembah bukit
pantai bandara pelabuhan stasiun terminal gedung istana masjid gereja pura vihara candi taman
lapangan stadion alun-alun pasar rumah hotel kawasan wilayah daerah negara negeri benua kerajaan
republik utara selatan timur barat tengah raya
""".split())

#: Words that head a named event (``Piala Dunia``, ``KTT G20``, ``Perang Dunia``).
EVENT_HEADS: frozenset[str] = frozenset("""
piala liga kejuaraan turnamen olimpiade asian sea pon ktt konferensi kongres muktamar munas
musyawarah rapat sidang pemilu pilpres pileg pilkada perang pertempuran festival pekan konser
hari tahun natal lebaran idulfitri iduladha ramadan imlek paskah
""".split())

#: Prepositions that put a following name at a place (``di Jakarta``, ``ke Moskow``, ``dari Gaza``).
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"di", "ke", "dari", "menuju", "asal", "sekitar"})

#: Verbs of saying that tend to follow a speaker's name (``kata Jokowi``, ``ujar Prabowo``).
SPEECH_WORDS: frozenset[str] = frozenset("""
kata ujar ucap tutur ungkap jelas tegas papar terang sebut imbuh tambah lanjut katanya ujarnya
""".split())
