"""Which language an article is in: Indonesian, English or another (ISO 639-1).

Latin-script text is scored by the share of its words among each language's most frequent
words (wordfreq's lists, shipped as ``lang/data/top_words.json`` by ``scripts/build_lexicon.py``); other scripts are named by their script. Indonesian wins ties with
Malay, its close relative, unless Malay-only words tip the balance.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["detect_language"]

_LATIN_LANGS = ("id", "en", "ms", "de", "fr", "es", "nl", "pt", "it", "tr", "vi", "fil", "pl", "sv", "da", "ro", "ca")
_SCRIPT_LANG = {"CYRILLIC": "ru", "ARABIC": "ar", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko",
                "THAI": "th", "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "BENGALI": "bn", "TAMIL": "ta"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_WORDS = 400
_TOP = 400


@lru_cache(maxsize=1)
def _top_words() -> dict[str, tuple[str, ...]]:
    """Each frequent word -> the languages whose top words include it (lang/data/top_words.json)."""
    lists = json.loads(resources.files("warta.lang").joinpath("data/top_words.json").read_text(encoding="utf-8"))
    index: dict[str, list[str]] = {}
    for lang in _LATIN_LANGS:
        for word in lists[lang][:_TOP]:
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


def _script_of(text: str) -> str | None:
    if len(_NON_LATIN.findall(text[:4000])) < 20:
        return None  # Latin script (or too little of any other to matter): no per-character look-up
    counts: dict[str, int] = {}
    letters = 0
    for ch in text[:4000]:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        script = next((s for s in _SCRIPT_LANG if name.startswith(s)), None)
        if script:
            counts[script] = counts.get(script, 0) + 1
    if not letters or not counts:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    return _SCRIPT_LANG[script] if n / letters > 0.4 else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there are too few words to tell."""
    by_script = _script_of(text)
    if by_script:
        return by_script
    words = [w.lower() for w in _WORD.findall(text[:20000])][:_SAMPLE_WORDS]
    if len(words) < 3:
        return None
    index = _top_words()
    hits = dict.fromkeys(_LATIN_LANGS, 0)
    for word in words:
        for lang in index.get(word, ()):
            hits[lang] += 1
    scores = {lang: n / len(words) for lang, n in hits.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "id"))
    if best == "ms" and scores["id"] >= scores["ms"] - 0.03:
        best = "id"
    if scores[best] < 0.15:
        return None
    return "tl" if best == "fil" else best
