"""Indonesian (and a few international) news outlets: canonical name, spellings seen in text, domains.

Data only, read by :mod:`warta.clean.metadata`. A spelling is matched case-insensitively against a
dateline segment (``KOMPAS.com``), a copyright line or a site name; a domain against the URL's host.
"""

from __future__ import annotations

from functools import lru_cache

#: canonical name -> (spellings in text, domains)
OUTLETS: dict[str, tuple[list[str], list[str]]] = {
    "SINDOnews": (["sindonews", "sindonews.com", "koran sindo"], ["sindonews.com"]),
    "IDN Times": (["idn times", "idntimes", "idntimes.com"], ["idntimes.com"]),
    "Intisari-Online": (["intisari-online", "intisari-online.com", "intisari online", "intisari"], ["intisari-online.com", "intisari.grid.id"]),
    "IVOOX.id": (["ivoox.id", "ivoox"], ["ivoox.id"]),
    "Kompas.com": (["kompas.com", "kompas"], ["kompas.com", "kompas.id"]),
    "Antara": (["antara", "antaranews", "antaranews.com", "antara news"], ["antaranews.com"]),
    "Tempo.co": (["tempo.co", "tempo", "tempo.co.id"], ["tempo.co"]),
    "Detik.com": (["detik.com", "detikcom", "detiknews", "detik"], ["detik.com"]),
    "CNN Indonesia": (["cnn indonesia", "cnnindonesia.com", "cnnindonesia"], ["cnnindonesia.com"]),
    "Liputan6.com": (["liputan6.com", "liputan6"], ["liputan6.com"]),
    "Okezone": (["okezone", "okezone.com"], ["okezone.com"]),
    "Republika": (["republika.co.id", "republika"], ["republika.co.id"]),
    "Kumparan": (["kumparan", "kumparan.com", "kumparannews"], ["kumparan.com"]),
    "Merdeka.com": (["merdeka.com", "merdeka"], ["merdeka.com"]),
    "Suara.com": (["suara.com"], ["suara.com"]),
    "Tribunnews": (["tribunnews", "tribunnews.com", "tribun"], ["tribunnews.com"]),
    "VIVA": (["viva", "viva.co.id", "vivanews"], ["viva.co.id"]),
    "Bisnis.com": (["bisnis.com", "bisnis indonesia"], ["bisnis.com"]),
    "CNBC Indonesia": (["cnbc indonesia", "cnbcindonesia.com"], ["cnbcindonesia.com"]),
    "Jawa Pos": (["jawapos.com", "jawa pos", "jawapos"], ["jawapos.com"]),
    "Media Indonesia": (["media indonesia", "mediaindonesia.com"], ["mediaindonesia.com"]),
    "Kontan": (["kontan", "kontan.co.id"], ["kontan.co.id"]),
    "Poskota": (["poskotanews", "poskota", "poskotanews.com", "pos kota"], ["poskotanews.com"]),
    "Rimanews": (["rimanews"], ["rimanews.com"]),
    "Suara Merdeka": (["suara merdeka", "suaramerdeka.com"], ["suaramerdeka.com"]),
    "iNews": (["inews", "inews.id"], ["inews.id"]),
    "Jakarta Post": (["the jakarta post", "jakarta post", "thejakartapost.com"], ["thejakartapost.com"]),
    "VOA Indonesia": (["voa indonesia", "voaindonesia.com"], ["voaindonesia.com"]),
    "BBC News Indonesia": (["bbc news indonesia", "bbc indonesia"], ["bbc.com"]),
    "Katadata": (["katadata", "katadata.co.id"], ["katadata.co.id"]),
    "Gatra": (["gatra", "gatra.com"], ["gatra.com"]),
    "Medcom": (["medcom.id", "medcom"], ["medcom.id"]),
    "Juara.net": (["juara.net", "juara"], ["juara.net"]),
    "Goal Indonesia": (["goal indonesia", "goal.com"], ["goal.com"]),
    "DailySocial": (["dailysocial", "dailysocial.id"], ["dailysocial.id"]),
    "Jakarta Globe": (["jakarta globe", "jakartaglobe.id"], ["jakartaglobe.id"]),
    "Reuters": (["reuters"], ["reuters.com"]),
}


@lru_cache(maxsize=1)
def known_outlet_spellings() -> frozenset[str]:
    """Every spelling and domain of every outlet, lower-cased."""
    return frozenset(k.lower() for name, (spellings, domains) in OUTLETS.items() for k in [name, *spellings, *domains])
