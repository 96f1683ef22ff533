"""Indonesian cue words for the named-entity recogniser: titles, organisation heads, place cues.

Data only, read by :mod:`warta.analyse.ner` as CRF features. Every word is lowercase; the
recogniser looks a token up by its lowercased form. These lists are cues that the CRF weighs in
context, not a dictionary of entities: a title says "a name may follow", a head says "an
organisation or place starts here", a place name says "often a place" (``Indonesia`` is also
part of ``Timnas Indonesia``). A word in several lists counts as the first list in
``warta.analyse.ner._CUES``. Changing a list changes the features: retrain the model after it.
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
bripka brigadir briptu bripda laksamana laksdya laksda marsekal marsdya marsda pelatih
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
grup group corporation corp inc ltd co company airlines airways
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

#: Words that continue a title into an office (``Menteri Luar Negeri``, ``Ketua Umum``,
#: ``Kepala Staf Kepresidenan``): the name comes after the whole office, not after its first word.
OFFICE_WORDS: frozenset[str] = frozenset("""
luar negeri dalam umum pertahanan keamanan keuangan agama sosial perhubungan perdagangan
perindustrian pertanian kesehatan pendidikan kebudayaan riset teknologi koordinator bidang politik
hukum perekonomian kemaritiman investasi ketenagakerjaan tenaga kerja lingkungan hidup kehutanan
energi sumber daya mineral pariwisata ekonomi kreatif pekerjaan perumahan rakyat sekretaris kabinet
staf kepresidenan besar muda utama pelaksana tugas plt harian komunikasi informatika kelautan
perikanan hak asasi manusia ham pembangunan transmigrasi pemuda olahraga pemberdayaan perempuan
perlindungan anak aparatur reformasi birokrasi agraria tata ruang perencanaan nasional pengawas
penasihat khusus senior eksekutif operasional hubungan masyarakat humas negara bersenjata darat
udara laut angkatan umumnya terpilih nonaktif baru lama sementara dewan pembina kehormatan tertinggi
""".split())

#: Place names frequent in Indonesian news: countries and regions (Indonesian spellings), capitals
#: and cities in the news, Indonesian provinces, islands and cities. A multiword name is listed by
#: its first word (``arab`` for Arab Saudi, ``korea``, ``kuala``); the CRF weighs the cue in context.
PLACE_NAMES: frozenset[str] = frozenset("""
afganistan afghanistan albania aljazair algeria andorra angola argentina armenia australia austria
azerbaijan bahama bahrain bangladesh barbados belarus belgia belize benin bhutan bolivia bosnia
botswana brasil brazil brunei bulgaria burkina burundi kamboja kamerun kanada chad cile chili china
tiongkok cina kolombia komoro kongo kosta kroasia kuba siprus ceko denmark djibouti dominika
ekuador mesir salvador eritrea estonia eswatini etiopia ethiopia fiji filipina finlandia prancis
perancis gabon gambia georgia jerman ghana yunani grenada guatemala guinea guyana haiti honduras
hongaria islandia india indonesia iran irak irlandia israel italia jamaika jepang yordania
kazakhstan kenya kiribati korea kuwait kirgizstan laos latvia lebanon libanon lesotho liberia libya
liechtenstein lituania luksemburg madagaskar malawi malaysia maladewa mali malta mauritania
mauritius meksiko mikronesia moldova monako mongolia montenegro maroko mozambik myanmar burma
namibia nauru nepal belanda selandia nikaragua niger nigeria makedonia norwegia oman pakistan palau
palestina panama paraguay peru polandia portugal qatar rumania rusia rwanda samoa arab senegal
serbia seychelles sierra singapura slowakia slovakia slovenia somalia spanyol sri sudan suriname
swedia swiss suriah taiwan tajikistan tanzania thailand timor togo tonga trinidad tunisia turki
turkmenistan tuvalu uganda ukraina emirat inggris britania amerika as uruguay uzbekistan vanuatu
vatikan venezuela vietnam yaman zambia zimbabwe eropa asia afrika antartika skotlandia wales
washington moskow beijing tokyo london paris berlin roma madrid canberra sydney melbourne seoul
pyongyang bangkok hanoi manila kuala teheran tehran baghdad bagdad damaskus kairo riyadh mekkah
makkah madinah yerusalem jerusalem gaza tel ankara istanbul kabul islamabad delhi mumbai dhaka
kathmandu colombo yangon phnom vientiane dili wellington ottawa brasilia bogota caracas havana kiev
kyiv minsk warsawa praha wina budapest athena brussel amsterdam jenewa zurich stockholm oslo
kopenhagen helsinki dublin lisbon doha dubai abu amman beirut sanaa nairobi lagos abuja
johannesburg pretoria hongkong shanghai taipei osaka wuhan xinjiang tibet krimea crimea donetsk
luhansk kharkiv mariupol odesa aleppo idlib mosul kashmir rakhine rafah samarkand astana almaty
tashkent hawaii california texas florida
aceh sumatera sumut sumbar sumsel riau jambi bengkulu lampung bangka belitung jawa jabar jateng
jatim yogyakarta jogja jakarta dki banten bali ntb ntt nusa lombok sumbawa flores kalimantan
kalbar kalteng kalsel kaltim kaltara sulawesi sulut sulteng sulsel sultra sulbar gorontalo maluku
papua medan padang pekanbaru palembang serang tangerang bekasi depok bogor bandung cirebon semarang
solo surakarta surabaya malang kediri madiun denpasar mataram kupang pontianak palangkaraya
banjarmasin samarinda balikpapan manado palu makassar kendari ambon ternate jayapura sorong merauke
batam tanjungpinang mimika wamena cianjur garut sukabumi tasikmalaya karawang purwakarta purwokerto
tegal pekalongan kudus pati jepara magelang klaten sleman bantul banyuwangi jember sidoarjo gresik
mojokerto probolinggo pasuruan blitar lamongan tuban bojonegoro ponorogo madura sumenep bangkalan
senayan menteng cikini monas cengkareng kemayoran kebayoran jakut jaksel jakbar jaktim jakpus
""".split())
