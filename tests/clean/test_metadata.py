import pytest

from warta.clean.language import detect_language
from warta.clean.metadata import canonical_outlet, outlet_from_removed, outlet_from_url


@pytest.mark.parametrize("spelled, name", [
    ("KOMPAS.com", "Kompas.com"), ("IDN Times", "IDN Times"), ("Intisari-Online.com", "Intisari-Online"),
    ("ANTARA", "Antara"), ("TEMPO.CO", "Tempo.co"), ("IVOOX.id", "IVOOX.id"), ("Media Baru", "Media Baru"),
])
def test_canonical_outlet(spelled, name):
    assert canonical_outlet(spelled) == name


@pytest.mark.parametrize("url, name", [
    ("https://international.sindonews.com/read/123/abc", "SINDOnews"),
    ("https://www.idntimes.com/news/world/x", "IDN Times"),
    ("http://berita.contoh.co.id/a", "berita.contoh.co.id"),
    (None, None),
])
def test_outlet_from_url(url, name):
    assert outlet_from_url(url) == name


def test_outlet_from_copyright_line():
    assert outlet_from_removed([("Copyright © 2022 SINDOnews.com, All Rights Reserved", "copyright")]) == "SINDOnews"


@pytest.mark.parametrize("text, lang", [
    ("Pemerintah Indonesia menyatakan bahwa kerja sama dengan negara tetangga akan terus diperkuat tahun ini.", "id"),
    ("The government said on Monday that cooperation with its neighbours would be strengthened this year.", "en"),
    ("Le gouvernement a déclaré lundi que la coopération avec ses voisins serait renforcée cette année.", "fr"),
    ("Правительство заявило в понедельник, что сотрудничество будет укреплено.", "ru"),
    ("12 34", None),
])
def test_language(text, lang):
    assert detect_language(text) == lang
