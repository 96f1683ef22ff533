"""Build the state part of warta's actor dictionary: src/warta/data/actors/states.json.

Every ISO 3166-1 entry that pycountry knows (249: states and territories alike) becomes one actor with
- its English names from pycountry (short, official and common name) and
- its Indonesian names from pycountry's gettext catalogue (`iso3166-1`, locale `id`),
to which the hand-written ``OVERRIDES`` below add what Indonesian international news actually writes:
short forms and acronyms (AS, Korsel, UEA, RRT), older spellings (Perancis, Kirgizstan), English
demonyms, capitals and seats of government that stand for the state (Moskow, Kremlin, Gedung Putih), and
places that are named in the news but do *not* stand for a state's government (``places``: Yerusalem).

Names that pycountry gets wrong for news use, or that are political rather than geographic labels,
are dropped with ``DROP``. Run:  python scripts/build_actor_states.py  (deterministic; no network).
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "data" / "actors" / "states.json"
VERSION = "2026.11"

#: hand-curated additions, keyed by alpha-3. Keys: name (English display name), id / en (extra names),
#: demonyms (English), capitals, seats, seats_sector ({seat: sector}), places (named, not metonyms).
OVERRIDES: dict[str, dict] = {
    # --- Indonesia and its neighbours -------------------------------------------------------------
    "IDN": dict(id=["Indonesia", "RI", "NKRI", "Republik Indonesia", "Tanah Air", "Ibu Pertiwi"],
                en=["Indonesia", "Republic of Indonesia"], demonyms=["Indonesian"],
                capitals=["Jakarta", "DKI Jakarta"],
                seats=["Istana Merdeka", "Istana Negara", "Istana Kepresidenan", "Istana Bogor",
                       "Istana Presiden", "Senayan", "Cilangkap", "Trunojoyo", "Pejambon"],
                seats_sector={"Senayan": "LEG", "Cilangkap": "MIL", "Trunojoyo": "COP"},
                places=["Ibu Kota Nusantara", "IKN", "Nusantara"]),
    "MYS": dict(id=["Malaysia", "Negeri Jiran", "Negara Jiran"], en=["Malaysia"], demonyms=["Malaysian"],
                capitals=["Kuala Lumpur", "Putrajaya"], seats=["Seri Perdana", "Wisma Putra"]),
    "SGP": dict(id=["Singapura", "Negeri Singa", "Republik Singapura"], en=["Singapore", "Republic of Singapore"],
                demonyms=["Singaporean"], seats=["Istana Singapura"]),
    "PHL": dict(id=["Filipina", "Republik Filipina"], en=["Philippines", "the Philippines"],
                demonyms=["Filipino", "Philippine"], capitals=["Manila"],
                seats=["Malacanang", "Malacañang", "Istana Malacanang", "Malacañang Palace"]),
    "THA": dict(id=["Thailand", "Muangthai", "Kerajaan Thailand", "Negeri Gajah Putih"],
                en=["Thailand", "Kingdom of Thailand"], demonyms=["Thai"], capitals=["Bangkok"],
                seats=["Government House Thailand"]),
    "VNM": dict(name="Vietnam", id=["Vietnam", "Viet Nam", "Republik Sosialis Vietnam"],
                en=["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"], demonyms=["Vietnamese"],
                capitals=["Hanoi", "Ha Noi"]),
    "BRN": dict(name="Brunei", id=["Brunei", "Brunei Darussalam", "Negara Brunei Darussalam"],
                en=["Brunei", "Brunei Darussalam"], demonyms=["Bruneian"], capitals=["Bandar Seri Begawan"]),
    "TLS": dict(name="Timor-Leste", id=["Timor Leste", "Timor-Leste", "Republik Demokratik Timor Leste", "RDTL"],
                en=["Timor-Leste", "East Timor", "Democratic Republic of Timor-Leste"],
                demonyms=["Timorese"], capitals=["Dili"]),
    "PNG": dict(id=["Papua Nugini", "Papua New Guinea", "PNG"], en=["Papua New Guinea", "PNG"],
                demonyms=["Papua New Guinean"], capitals=["Port Moresby"]),
    "AUS": dict(id=["Australia", "Negeri Kanguru", "Persemakmuran Australia"],
                en=["Australia", "Commonwealth of Australia"], demonyms=["Australian"],
                capitals=["Canberra"], seats=["Parliament House Canberra"]),
    "NZL": dict(id=["Selandia Baru"], en=["New Zealand", "Aotearoa"], demonyms=["New Zealander"],
                capitals=["Wellington"]),
    "MMR": dict(id=["Myanmar", "Burma", "Birma", "Republik Persatuan Myanmar"],
                en=["Myanmar", "Burma", "Republic of the Union of Myanmar"], demonyms=["Burmese", "Myanmarese"],
                capitals=["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"], places=["Yangon", "Rangoon"]),
    "KHM": dict(id=["Kamboja", "Kerajaan Kamboja"], en=["Cambodia"], demonyms=["Cambodian"],
                capitals=["Phnom Penh"]),
    "LAO": dict(name="Laos", id=["Laos", "Republik Demokratik Rakyat Laos", "RDR Laos"],
                en=["Laos", "Lao PDR", "Lao People's Democratic Republic"], demonyms=["Laotian", "Lao"],
                capitals=["Vientiane", "Vientiane"]),
    # --- great powers --------------------------------------------------------------------------------
    "CHN": dict(id=["China", "Tiongkok", "Cina", "RRT", "RRC", "Republik Rakyat Tiongkok", "Republik Rakyat China",
                    "Republik Rakyat Cina", "Negeri Tirai Bambu", "Tirai Bambu"],
                en=["China", "People's Republic of China", "PRC"], demonyms=["Chinese"],
                capitals=["Beijing", "Peking", "Beijing"], seats=["Zhongnanhai", "Balai Agung Rakyat",
                                                                "Great Hall of the People"]),
    "RUS": dict(name="Russia", id=["Rusia", "Federasi Rusia", "Negeri Beruang Merah"],
                en=["Russia", "Russian Federation"], demonyms=["Russian"],
                capitals=["Moskow", "Moscow", "Moskwa"], seats=["Kremlin", "Kremlin Moskow"]),
    "USA": dict(id=["Amerika Serikat", "AS", "Amerika", "USA", "Negeri Paman Sam", "Paman Sam"],
                en=["United States", "United States of America", "USA", "America"], demonyms=["American"],
                capitals=["Washington", "Washington DC", "Washington D.C."],
                seats=["Gedung Putih", "White House", "Pentagon", "Capitol Hill", "Gedung Capitol",
                       "Departemen Luar Negeri AS", "Foggy Bottom"],
                seats_sector={"Pentagon": "MIL", "Capitol Hill": "LEG", "Gedung Capitol": "LEG"}),
    "GBR": dict(id=["Inggris", "Britania Raya", "Kerajaan Inggris", "Kerajaan Bersatu", "UK", "Britania"],
                en=["United Kingdom", "UK", "Britain", "Great Britain"], demonyms=["British"],
                capitals=["London"], seats=["Downing Street", "Whitehall", "Westminster"],
                seats_sector={"Westminster": "LEG"}),
    "FRA": dict(name="France", id=["Prancis", "Perancis", "Republik Prancis"], en=["France", "French Republic"],
                demonyms=["French"], capitals=["Paris"],
                seats=["Elysee", "Élysée", "Istana Elysee", "Istana Élysée", "Quai d'Orsay", "Matignon"]),
    "DEU": dict(id=["Jerman", "Republik Federal Jerman"], en=["Germany", "Federal Republic of Germany"],
                demonyms=["German"], capitals=["Berlin"], seats=["Bundestag", "Kanselir Jerman"],
                seats_sector={"Bundestag": "LEG"}),
    "JPN": dict(id=["Jepang", "Negeri Sakura", "Negeri Matahari Terbit"], en=["Japan"], demonyms=["Japanese"],
                capitals=["Tokyo"], seats=["Kantei"]),
    "IND": dict(id=["India", "Republik India"], en=["India", "Republic of India"], demonyms=["Indian"],
                capitals=["New Delhi", "Delhi"]),
    # --- Korea, Taiwan, Hong Kong ---------------------------------------------------------------------
    "KOR": dict(name="South Korea", id=["Korea Selatan", "Korsel", "Republik Korea", "Korea"],
                en=["South Korea", "Republic of Korea", "ROK"], demonyms=["South Korean"], capitals=["Seoul"],
                seats=["Blue House", "Cheong Wa Dae", "Gedung Biru", "Yongsan"]),
    "PRK": dict(name="North Korea", id=["Korea Utara", "Korut", "Republik Rakyat Demokratik Korea", "RRDK",
                                       "Republik Demokratik Rakyat Korea"],
                en=["North Korea", "DPRK", "Democratic People's Republic of Korea"],
                demonyms=["North Korean"], capitals=["Pyongyang"]),
    "TWN": dict(name="Taiwan", id=["Taiwan", "Republik China"], en=["Taiwan", "Republic of China"],
                demonyms=["Taiwanese"], capitals=["Taipei"]),
    "HKG": dict(id=["Hong Kong", "Hongkong"], en=["Hong Kong"]),
    "MAC": dict(id=["Makau", "Macau", "Macao"], en=["Macau", "Macao"]),
    "MNG": dict(id=["Mongolia"], en=["Mongolia"], demonyms=["Mongolian"], capitals=["Ulan Bator", "Ulaanbaatar"]),
    # --- South and Central Asia, Eastern Europe --------------------------------------------------------
    "PAK": dict(id=["Pakistan"], en=["Pakistan"], demonyms=["Pakistani"], capitals=["Islamabad"],
                places=["Rawalpindi"]),
    "BGD": dict(id=["Bangladesh"], en=["Bangladesh"], demonyms=["Bangladeshi"], capitals=["Dhaka", "Dakka"]),
    "AFG": dict(id=["Afganistan", "Afghanistan", "Imarah Islam Afghanistan"], en=["Afghanistan"],
                demonyms=["Afghan"], capitals=["Kabul"]),
    "LKA": dict(id=["Sri Lanka"], en=["Sri Lanka"], demonyms=["Sri Lankan"], capitals=["Kolombo", "Colombo"]),
    "NPL": dict(id=["Nepal"], en=["Nepal"], demonyms=["Nepali", "Nepalese"], capitals=["Kathmandu"]),
    "KAZ": dict(id=["Kazakhstan", "Kazakstan", "Kazakhtan", "Republik Kazakhstan"], en=["Kazakhstan"],
                demonyms=["Kazakh", "Kazakhstani"], capitals=["Astana", "Nur-Sultan", "Nursultan"],
                seats=["Akorda"], places=["Almaty", "Alma-Ata"]),
    "UZB": dict(id=["Uzbekistan", "Republik Uzbekistan"], en=["Uzbekistan"], demonyms=["Uzbek"],
                capitals=["Tashkent", "Taskent", "Toshkent"], places=["Samarkand"]),
    "KGZ": dict(name="Kyrgyzstan", id=["Kirgistan", "Kirgizstan", "Kyrgyzstan", "Kirgizia", "Kirgiztan",
                                       "Republik Kirgiz"],
                en=["Kyrgyzstan", "Kyrgyz Republic", "Kirghizia"], demonyms=["Kyrgyz"], capitals=["Bishkek"]),
    "TJK": dict(id=["Tajikistan", "Tadjikistan", "Tajikstan"], en=["Tajikistan"], demonyms=["Tajik"],
                capitals=["Dushanbe"]),
    "TKM": dict(id=["Turkmenistan"], en=["Turkmenistan"], demonyms=["Turkmen"],
                capitals=["Ashgabat", "Ashkhabad", "Asgabat"]),
    "UKR": dict(id=["Ukraina", "Ukrania"], en=["Ukraine", "the Ukraine"], demonyms=["Ukrainian"],
                capitals=["Kiev", "Kyiv", "Kiev"], seats=["Bankova"],
                places=["Donbas", "Donbass", "Crimea", "Krimea", "Donetsk", "Luhansk", "Kharkiv", "Odesa", "Odessa"]),
    "BLR": dict(id=["Belarus", "Belarusia", "Republik Belarus", "Bielorusia"], en=["Belarus", "Byelorussia"],
                demonyms=["Belarusian"], capitals=["Minsk"]),
    "MDA": dict(name="Moldova", id=["Moldova", "Moldavia"], en=["Moldova"], demonyms=["Moldovan"],
                capitals=["Chisinau", "Chișinău"]),
    "GEO": dict(id=["Georgia"], en=["Georgia"], demonyms=["Georgian"], capitals=["Tbilisi"]),
    "ARM": dict(id=["Armenia"], en=["Armenia"], demonyms=["Armenian"], capitals=["Yerevan"]),
    "AZE": dict(id=["Azerbaijan"], en=["Azerbaijan"], demonyms=["Azerbaijani"], capitals=["Baku"]),
    "POL": dict(id=["Polandia"], en=["Poland"], demonyms=["Polish"], capitals=["Warsawa", "Warsaw"]),
    "CZE": dict(id=["Ceko", "Republik Ceko", "Cheska"], en=["Czechia", "Czech Republic"], demonyms=["Czech"],
                capitals=["Praha", "Prague"]),
    "HUN": dict(id=["Hongaria", "Hungaria"], en=["Hungary"], demonyms=["Hungarian"], capitals=["Budapest"]),
    "ROU": dict(id=["Rumania", "Romania"], en=["Romania"], demonyms=["Romanian"], capitals=["Bukares", "Bucharest"]),
    "BGR": dict(id=["Bulgaria"], en=["Bulgaria"], demonyms=["Bulgarian"], capitals=["Sofia"]),
    "SRB": dict(id=["Serbia"], en=["Serbia"], demonyms=["Serbian"], capitals=["Beograd", "Belgrade"]),
    "EST": dict(id=["Estonia"], en=["Estonia"], demonyms=["Estonian"], capitals=["Tallinn"]),
    "LVA": dict(id=["Latvia"], en=["Latvia"], demonyms=["Latvian"], capitals=["Riga"]),
    "LTU": dict(id=["Lituania", "Lithuania"], en=["Lithuania"], demonyms=["Lithuanian"], capitals=["Vilnius"]),
    "FIN": dict(id=["Finlandia"], en=["Finland"], demonyms=["Finnish"], capitals=["Helsinki"]),
    "SWE": dict(id=["Swedia"], en=["Sweden"], demonyms=["Swedish"], capitals=["Stockholm"]),
    "NOR": dict(id=["Norwegia"], en=["Norway"], demonyms=["Norwegian"], capitals=["Oslo"]),
    "DNK": dict(id=["Denmark", "Denmark"], en=["Denmark"], demonyms=["Danish"], capitals=["Kopenhagen", "Copenhagen"]),
    # --- Western Europe --------------------------------------------------------------------------------
    "ITA": dict(id=["Italia"], en=["Italy"], demonyms=["Italian"], capitals=["Roma", "Rome"],
                seats=["Palazzo Chigi"]),
    "ESP": dict(id=["Spanyol"], en=["Spain"], demonyms=["Spanish"], capitals=["Madrid"]),
    "PRT": dict(id=["Portugal"], en=["Portugal"], demonyms=["Portuguese"], capitals=["Lisbon", "Lisboa"]),
    "NLD": dict(id=["Belanda", "Kerajaan Belanda", "Negeri Kincir Angin"], en=["Netherlands", "the Netherlands",
                                                                              "Holland"],
                demonyms=["Dutch"], capitals=["Amsterdam"], places=["Den Haag", "The Hague"]),
    "BEL": dict(id=["Belgia"], en=["Belgium"], demonyms=["Belgian"], places=["Brussel", "Brussels"]),
    "CHE": dict(name="Switzerland", id=["Swiss", "Swiss", "Switzerland", "Konfederasi Swiss"], en=["Switzerland"],
                demonyms=["Swiss"], capitals=["Bern"], places=["Jenewa", "Geneva", "Davos"]),
    "AUT": dict(id=["Austria"], en=["Austria"], demonyms=["Austrian"], capitals=["Wina", "Vienna"]),
    "IRL": dict(id=["Irlandia"], en=["Ireland"], demonyms=["Irish"], capitals=["Dublin"]),
    "GRC": dict(id=["Yunani"], en=["Greece"], demonyms=["Greek"], capitals=["Athena", "Athens"]),
    "TUR": dict(name="Türkiye", id=["Turki", "Turkiye", "Türkiye", "Republik Turki"],
                en=["Türkiye", "Turkiye", "Turkey"], demonyms=["Turkish"], capitals=["Ankara"],
                places=["Istanbul"]),
    "CYP": dict(id=["Siprus"], en=["Cyprus"], demonyms=["Cypriot"], capitals=["Nicosia"]),
    "VAT": dict(name="Holy See", id=["Vatikan", "Takhta Suci", "Tahta Suci", "Negara Kota Vatikan"],
                en=["Holy See", "Vatican", "Vatican City"]),
    # --- Middle East and North Africa -----------------------------------------------------------------
    "SAU": dict(id=["Arab Saudi", "Saudi", "Saudi Arabia", "Kerajaan Arab Saudi"],
                en=["Saudi Arabia", "KSA"], demonyms=["Saudi"], capitals=["Riyadh"],
                places=["Mekkah", "Makkah", "Madinah", "Jeddah"]),
    "ARE": dict(id=["Uni Emirat Arab", "UEA", "Emirat Arab"], en=["United Arab Emirates", "UAE"],
                demonyms=["Emirati"], capitals=["Abu Dhabi"], places=["Dubai"]),
    "QAT": dict(id=["Qatar", "Katar"], en=["Qatar"], demonyms=["Qatari"], capitals=["Doha"]),
    "KWT": dict(id=["Kuwait"], en=["Kuwait"], demonyms=["Kuwaiti"], capitals=["Kuwait City", "Kota Kuwait"]),
    "BHR": dict(id=["Bahrain"], en=["Bahrain"], demonyms=["Bahraini"], capitals=["Manama"]),
    "OMN": dict(id=["Oman"], en=["Oman"], demonyms=["Omani"], capitals=["Muscat", "Masqat"]),
    "YEM": dict(id=["Yaman", "Yemen"], en=["Yemen"], demonyms=["Yemeni"], capitals=["Sanaa", "Sana'a"],
                places=["Aden", "Hodeidah"]),
    "IRN": dict(name="Iran", id=["Iran", "Republik Islam Iran"], en=["Iran", "Islamic Republic of Iran"],
                demonyms=["Iranian"], capitals=["Teheran", "Tehran"]),
    "IRQ": dict(id=["Irak", "Iraq"], en=["Iraq"], demonyms=["Iraqi"], capitals=["Baghdad", "Bagdad"]),
    "SYR": dict(name="Syria", id=["Suriah", "Syria", "Siria", "Republik Arab Suriah"], en=["Syria"],
                demonyms=["Syrian"], capitals=["Damaskus", "Damascus"], places=["Aleppo", "Idlib"]),
    "LBN": dict(id=["Lebanon", "Libanon"], en=["Lebanon"], demonyms=["Lebanese"], capitals=["Beirut"]),
    "JOR": dict(id=["Yordania", "Yordan"], en=["Jordan"], demonyms=["Jordanian"], capitals=["Amman"]),
    # Tel Aviv is what Indonesian news writes for Israel's government; Yerusalem is written as a place.
    "ISR": dict(id=["Israel", "Negara Israel", "Zionis Israel"], en=["Israel", "State of Israel"],
                demonyms=["Israeli"], capitals=["Tel Aviv"], seats=["Knesset"], seats_sector={"Knesset": "LEG"},
                places=["Yerusalem", "Jerusalem", "Yerusalem Barat"]),
    "PSE": dict(name="Palestine", id=["Palestina", "Negara Palestina"], en=["Palestine", "State of Palestine"],
                demonyms=["Palestinian"], capitals=["Ramallah"],
                places=["Gaza", "Jalur Gaza", "Tepi Barat", "West Bank", "Yerusalem Timur", "East Jerusalem",
                        "Rafah", "Khan Younis"]),
    "EGY": dict(id=["Mesir"], en=["Egypt"], demonyms=["Egyptian"], capitals=["Kairo", "Cairo"]),
    "LBY": dict(id=["Libya"], en=["Libya"], demonyms=["Libyan"], capitals=["Tripoli"], places=["Benghazi"]),
    "TUN": dict(id=["Tunisia"], en=["Tunisia"], demonyms=["Tunisian"], capitals=["Tunis"]),
    "DZA": dict(id=["Aljazair", "Algeria"], en=["Algeria"], demonyms=["Algerian"], capitals=["Aljir", "Algiers"]),
    "MAR": dict(id=["Maroko"], en=["Morocco"], demonyms=["Moroccan"], capitals=["Rabat"]),
    "SDN": dict(id=["Sudan"], en=["Sudan"], demonyms=["Sudanese"], capitals=["Khartoum"]),
    "SSD": dict(id=["Sudan Selatan"], en=["South Sudan"], capitals=["Juba"]),
    # --- Africa -----------------------------------------------------------------------------------------
    "ZAF": dict(id=["Afrika Selatan", "Afsel"], en=["South Africa"], demonyms=["South African"],
                capitals=["Pretoria"], places=["Johannesburg", "Cape Town", "Tanjung Harapan"]),
    "NGA": dict(id=["Nigeria"], en=["Nigeria"], demonyms=["Nigerian"], capitals=["Abuja"], places=["Lagos"]),
    "ETH": dict(id=["Ethiopia", "Etiopia"], en=["Ethiopia"], demonyms=["Ethiopian"],
                capitals=["Addis Ababa"]),
    "KEN": dict(id=["Kenya"], en=["Kenya"], demonyms=["Kenyan"], capitals=["Nairobi"]),
    "SOM": dict(id=["Somalia"], en=["Somalia"], demonyms=["Somali"], capitals=["Mogadishu"]),
    "COD": dict(name="DR Congo", id=["Republik Demokratik Kongo", "Republik Demokrat Kongo", "RD Kongo"],
                en=["Democratic Republic of the Congo", "DR Congo", "DRC"], capitals=["Kinshasa"]),
    "MLI": dict(id=["Mali"], en=["Mali"], capitals=["Bamako"]),
    "NER": dict(id=["Niger"], en=["Niger"], capitals=["Niamey"]),
    # --- Americas ----------------------------------------------------------------------------------------
    "CAN": dict(id=["Kanada"], en=["Canada"], demonyms=["Canadian"], capitals=["Ottawa"]),
    "MEX": dict(id=["Meksiko", "Mexico"], en=["Mexico"], demonyms=["Mexican"],
                capitals=["Mexico City", "Kota Meksiko"]),
    "BRA": dict(id=["Brasil", "Brazil"], en=["Brazil"], demonyms=["Brazilian"], capitals=["Brasilia", "Brasília"],
                places=["Rio de Janeiro", "Sao Paulo"]),
    "ARG": dict(id=["Argentina"], en=["Argentina"], demonyms=["Argentine", "Argentinian"],
                capitals=["Buenos Aires"], seats=["Casa Rosada"]),
    "CHL": dict(id=["Chili", "Cile"], en=["Chile"], demonyms=["Chilean"], capitals=["Santiago"]),
    "COL": dict(id=["Kolombia"], en=["Colombia"], demonyms=["Colombian"], capitals=["Bogota", "Bogotá"]),
    "PER": dict(id=["Peru"], en=["Peru"], demonyms=["Peruvian"], capitals=["Lima"]),
    "VEN": dict(name="Venezuela", id=["Venezuela"], en=["Venezuela"], demonyms=["Venezuelan"],
                capitals=["Caracas"], seats=["Miraflores"]),
    "CUB": dict(id=["Kuba"], en=["Cuba"], demonyms=["Cuban"], capitals=["Havana", "Havana"]),
    "BOL": dict(name="Bolivia", id=["Bolivia"], en=["Bolivia"], capitals=["La Paz", "Sucre"]),
    # --- Pacific ------------------------------------------------------------------------------------------
    "FJI": dict(id=["Fiji"], en=["Fiji"], demonyms=["Fijian"], capitals=["Suva"]),
    "SLB": dict(id=["Kepulauan Solomon"], en=["Solomon Islands"], capitals=["Honiara"]),
    "VUT": dict(id=["Vanuatu"], en=["Vanuatu"], capitals=["Port Vila"]),
    "NCL": dict(id=["Kaledonia Baru"], en=["New Caledonia"], places=["Noumea"]),
}

#: names pycountry gives that are not used, or mislead, in news
DROP: dict[str, set[str]] = {
    "TWN": {"Taiwan, Province of China", "Taiwan, Provinsi China", "Province of China Taiwan",
            "Provinsi China Taiwan"},
    "PRK": {"Korea"},
    "COD": {"Congo", "Kongo"},
    "AND": {"Kepemimpinan Andorra"},
    "FIN": {"Repulik Finlandia"},
    "HKG": {"Hongkong, Daerah Administratif Istimewa China"},
    "MAC": {"Makau, Daerah Administratif Istimewa China"},
}

#: phrases that contain a state's name but name no actor: a text scan swallows them whole, so that
#: 'Amerika Latin' is not the USA and 'China Daily' is not China (media are actors of their own, elsewhere)
SHADOWS = [
    "Amerika Latin", "Amerika Selatan", "Amerika Utara", "Amerika Tengah", "Semenanjung Korea",
    "Laut China Selatan", "Laut Cina Selatan", "Laut Tiongkok Selatan", "Laut China Timur", "Laut Cina Timur",
    "Selat Taiwan", "Irlandia Utara", "Hindia Belanda", "Turki Utsmani", "Jerman Barat", "Jerman Timur",
    "Vietnam Selatan", "Vietnam Utara", "Yaman Selatan", "Yaman Utara", "Uni Soviet",
    "China Daily", "Global Times", "Russia Today", "RT Arabic", "Washington Post", "The Washington Post",
    "New York Times", "The New York Times", "Jakarta Post", "The Jakarta Post", "Jakarta Globe", "Korea Herald",
    "The Korea Herald", "Korea Times", "The Korea Times", "Japan Times", "The Japan Times", "Bangkok Post",
    "Kyiv Independent", "Kyiv Post", "Moscow Times", "The Moscow Times", "Times of Israel", "The Times of Israel",
    "Voice of America", "South China Morning Post", "Taipei Times", "Tehran Times", "Manila Times",
    "Philippine Daily Inquirer", "New Straits Times", "Straits Times", "The Straits Times", "Hindustan Times",
    "Times of India", "Saudi Gazette", "Arab News", "Garuda Indonesia", "Universitas Indonesia",
    "Singapore Airlines", "Malaysia Airlines", "Air China", "Bank of China", "Bank of America",
    "Korean Air", "Qatar Airways", "Turkish Airlines", "USA Today",
    # football clubs and sporting events named after capitals
    "Real Madrid", "Atletico Madrid", "Atlético Madrid", "AS Roma", "Paris Saint-Germain", "Paris Saint Germain",
    "Paris St Germain", "Hertha Berlin", "Union Berlin", "Dynamo Kiev", "Dynamo Kyiv", "Dinamo Kiev", "CSKA Moskow",
    "CSKA Moscow", "Spartak Moskow", "Spartak Moscow", "Dinamo Moskow", "Dynamo Moscow", "Lokomotiv Moskow",
    "Persija Jakarta", "Beijing Guoan", "Bangkok United", "Tokyo Verdy", "FC Tokyo", "AS Terbuka", "US Open",
    "Australia Terbuka", "Australian Open", "Indonesia Open", "Indonesia Masters", "Malaysia Open", "Malaysia Masters",
    "Singapore Open", "Thailand Open", "Japan Open", "China Open", "Korea Open", "India Open", "Prancis Terbuka",
    "French Open", "Jepang Terbuka", "China Terbuka", "Indonesia Terbuka", "Malaysia Terbuka",
]

#: words that start the second half of an inverted pycountry name ('Iran, Islamic Republic of')
TITLE_WORDS = ("Republik", "Negara", "Republic", "State", "Federasi", "Federated", "Provinsi",
               "Plurinational", "Bolivarian", "Islamic", "United")


def variants(name: str) -> list[str]:
    """pycountry writes some names inverted ('Iran, Islamic Republic of'); give the readable forms."""
    out = [name]
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if base != name:
        out.append(base)
    if ", " in base:
        head, tail = base.split(", ", 1)
        if tail.split()[0] in TITLE_WORDS or tail.startswith("The "):
            tail = re.sub(r"^The ", "", tail)
            out.append(f"{tail} {head}")
            out.append(head)
    return out


def dedupe(names: list[str], drop: set[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        if not name or name in drop:
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def state_entry(country, translate) -> dict:
    code = country.alpha_3
    over = OVERRIDES.get(code, {})
    drop = DROP.get(code, set())
    en_raw = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
    en = [v for raw in en_raw if raw for v in variants(raw)]
    id_raw = [translate(raw) for raw in en_raw if raw and translate(raw) != raw] or [country.name]
    idn = [v for raw in id_raw for v in variants(raw)]
    name = over.get("name") or getattr(country, "common_name", None) or country.name
    entry = {
        "id": code, "kind": "state", "name": name,
        "names": {"id": dedupe(over.get("id", []) + idn, drop), "en": dedupe([name] + over.get("en", []) + en, drop)},
        "alpha_2": country.alpha_2,
    }
    for key in ("demonyms",):
        if over.get(key):
            entry["demonyms"] = {"en": dedupe(over[key], set())}
    for key in ("capitals", "seats", "places"):
        if over.get(key):
            entry[key] = dedupe(over[key], set())
    if over.get("seats_sector"):
        entry["seats_sector"] = over["seats_sector"]
    return entry


def check(entries: list[dict]) -> None:
    """Fail on a name that two states share, and on an override for a code pycountry does not know."""
    owner: dict[str, str] = {}
    for entry in entries:
        for name in {n.casefold() for lang in entry["names"].values() for n in lang}:
            if owner.setdefault(name, entry["id"]) != entry["id"]:
                raise SystemExit(f"state name {name!r} belongs to both {owner[name]} and {entry['id']}: fix OVERRIDES")
    unknown = set(OVERRIDES) - {e["id"] for e in entries}
    if unknown:
        raise SystemExit(f"OVERRIDES has codes that are not ISO 3166-1 alpha-3: {sorted(unknown)}")


def build() -> dict:
    import pycountry as pc
    translation = gettext.translation("iso3166-1", pc.LOCALES_DIR, languages=["id"])
    entries = [state_entry(c, translation.gettext) for c in sorted(pc.countries, key=lambda c: c.alpha_3)]
    check(entries)
    return {
        "version": VERSION,
        "description": ("ISO 3166-1 states and territories for warta's actor dictionary: English names from "
                        f"pycountry {pycountry.__version__}, Indonesian names from its iso3166-1 'id' catalogue, "
                        "plus hand-curated news variants, capitals and seats of government "
                        "(scripts/build_actor_states.py). 'capitals' and 'seats' stand for the state; "
                        "'places' are named in the news but do not stand for its government."),
        "entries": entries,
        "shadows": SHADOWS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['entries'])} states -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
