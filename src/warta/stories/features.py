"""What an article shares with others of its story: a sparse weighted vector of its distinctive words,
its actors and its coded event pairs.

Word weights come from a background frequency list (wordfreq's Indonesian or English list, shipped with
the package): a word's weight is how rare it is in general language (7 minus its Zipf frequency), so
function words and everyday news words (``yang``, ``mengatakan``, ``pemerintah``) weigh little and names,
places and topic words (``Kazakhstan``, ``CSTO``, ``Tokayev``) weigh much. The weights are fixed, not
learned from the store, so an article's vector never changes when more articles arrive: the basis of
incremental clustering.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["StoryItem", "Vector", "vectorise", "cosine", "add_into", "top_terms", "word_weight"]

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?", re.UNICODE)
#: weight of a word not in the frequency list (names, rare terms): as rare as Zipf 1.5
_UNKNOWN_ZIPF = 1.5
#: words at least this common (Zipf) carry nothing
_COMMON_ZIPF = 5.6
#: a word's weight is (_CEILING - zipf)
_CEILING = 7.0
_TITLE_BOOST = 2
#: weights of the non-word features, against a rare word's ~5.5
_ACTOR_WEIGHT = {"person": 4.0, "org": 3.5, "group": 2.0, "igo": 3.0, "state": 1.5}
_EVENT_WEIGHT = 2.0
_MIN_WORD_LENGTH = 3


@lru_cache(maxsize=4)
def _frequencies(language: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    try:
        return get_frequency_dict(language)
    except (LookupError, ValueError):
        return {}


@lru_cache(maxsize=200_000)
def word_weight(word: str, language: str = "id") -> float:
    """How distinctive a lower-cased word is: 0 for common words, up to 5.5 for unknown ones."""
    freq = _frequencies(language).get(word)
    zipf = math.log10(freq) + 9 if freq else _UNKNOWN_ZIPF
    if zipf >= _COMMON_ZIPF:
        return 0.0
    return _CEILING - zipf


@dataclass
class StoryItem:
    """One article as clustering sees it."""

    id: str
    title: str = ""
    text: str = ""
    date: "object | None" = None  # datetime.date or None when the article has no date
    outlet: str | None = None
    language: str = "id"
    actors: list[tuple[str, str, int]] = field(default_factory=list)  # (actor id, kind, mentions)
    events: list[tuple[str, str, str]] = field(default_factory=list)  # (source key, target key, type)


def _words(text: str) -> Iterable[str]:
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if len(word) >= _MIN_WORD_LENGTH:
            yield word


def _word_list(text: str) -> list[str]:
    """:func:`_words` as a list, at C speed: casefolding can lengthen a word (``ß`` -> ``ss``), so the length
    is checked after it, as there."""
    return [w for w in map(str.casefold, _WORD.findall(text)) if len(w) >= _MIN_WORD_LENGTH]


def vectorise(item: StoryItem) -> Vector:
    """The item's L2-normalised feature vector (sublinear term frequency x distinctiveness)."""
    counts: Counter[str] = Counter(_word_list(item.text))
    for word in _word_list(item.title or ""):
        counts[word] += _TITLE_BOOST
    language = item.language if item.language in ("id", "en") else "id"
    vector: Vector = {}
    log = math.log
    for word, count in counts.items():
        weight = word_weight(word, language)
        if weight > 0:
            vector[word] = (1.0 + log(count)) * weight
    for actor_id, kind, mentions in item.actors:
        weight = _ACTOR_WEIGHT.get(kind or "", 2.0)
        key = f"@{actor_id}"
        vector[key] = max(vector.get(key, 0.0), (1.0 + math.log(max(1, mentions))) * weight)
    for source, target, type_ in dict.fromkeys(item.events):  # distinct, in a fixed order (not a set: hash seed)
        if source and target:
            pair = "~".join(sorted((source, target)))
            vector[f"!{pair}:{type_}"] = _EVENT_WEIGHT
    return _normalised(vector)


def _normalised(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float], b_norm: float | None = None) -> float:
    """Cosine of two sparse vectors; ``a`` must be normalised, ``b_norm`` is ``b``'s norm if known."""
    if len(a) > len(b):
        small, large = b, a
    else:
        small, large = a, b
    dot = sum(v * large[k] for k, v in small.items() if k in large)
    if not dot:
        return 0.0
    if b_norm is None:
        b_norm = math.sqrt(sum(v * v for v in b.values()))
    return dot / b_norm if b_norm else 0.0


def add_into(total: dict[str, float], vector: Mapping[str, float]) -> None:
    for k, v in vector.items():
        total[k] = total.get(k, 0.0) + v


def top_terms(vector: Mapping[str, float], n: int) -> Vector:
    """The ``n`` heaviest features (ties broken by name, so the result is deterministic)."""
    if len(vector) <= n:
        return dict(vector)
    return {k: -v for v, k in heapq.nsmallest(n, [(-v, k) for k, v in vector.items()])}
