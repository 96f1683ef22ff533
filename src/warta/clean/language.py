"""Which language an article is in: Indonesian, English or another (ISO 639-1).

Latin-script text is scored by the share of its words among each language's most frequent
words (wordfreq's lists); other scripts are named by their script. Indonesian wins ties with
Malay, its close relative, unless Malay-only words tip the balance.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["detect_language"]

_LATIN_LANGS = ("id", "en", "ms", "de", "fr", "es", "nl", "pt", "it", "tr", "vi", "fil", "pl", "sv", "da", "ro", "ca")
_SCRIPT_LANG = {"CYRILLIC": "ru", "ARABIC": "ar", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko",
                "THAI": "th", "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "BENGALI": "bn", "TAMIL": "ta"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_WORDS = 400
_TOP = 400


@lru_cache(maxsize=1)
def _top_words() -> dict[str, frozenset[str]]:
    import wordfreq

    return {lang: frozenset(wordfreq.top_n_list(lang, _TOP)) for lang in _LATIN_LANGS}


def _script_of(text: str) -> str | None:
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
    tops = _top_words()
    scores = {lang: sum(w in top for w in words) / len(words) for lang, top in tops.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "id"))
    if best == "ms" and scores["id"] >= scores["ms"] - 0.03:
        best = "id"
    if scores[best] < 0.15:
        return None
    return "tl" if best == "fil" else best
