"""Named entities (PER, ORG, LOC, EVT) with a linear-chain CRF over hand-made token features.

The model (``warta/models/ner-id.crfsuite``) is trained by ``scripts/train_ner.py`` on three public
Indonesian NER sets; see that script for the data and the choices. Features are built per word
type once (and cached), so a token's feature list is a few list concatenations: its own features
plus its neighbours' features shifted to their offsets.

Two annotation styles were trained together: ``cased`` (idner-news-2k and NERGrit, pooled) and
``lowercase`` (NERP, whose text is all lowercase). Every training sentence carries the general
features; a lowercase sentence also carries a copy of them prefixed ``lowercase:`` ("frustratingly
easy" domain adaptation), so that what only holds for lowercased text goes to the copy. At
inference a sentence with a capital letter is tagged in the cased style (general features only)
and a sentence without one in the lowercase style.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pycrfsuite

from ..document import Document
from ..lang.id import ner_gazetteer as gaz

__all__ = [
    "EntityTagger", "RecogniseEntities", "bio_spans", "clear_cache", "default_tagger", "entities_from_bio",
    "repair_bio", "sentence_features", "style_features", "CASED_STYLE", "COPY_STYLES", "LOWERCASE_STYLE",
    "MAX_CHUNK", "STYLES",
]

log = logging.getLogger(__name__)

MODEL_RESOURCE = "ner-id.crfsuite"
#: Sentences longer than this many tokens are tagged in chunks (memory and time stay linear).
MAX_CHUNK = 300
#: The style of text with capital letters: general features only (idner-news-2k and NERGrit).
CASED_STYLE = "cased"
#: The style a sentence without capital letters is tagged in (NERP is all lowercase).
LOWERCASE_STYLE = "lowercase"
#: Styles whose sentences carry their own prefixed copy of the features.
COPY_STYLES: frozenset[str] = frozenset({LOWERCASE_STYLE})
STYLES = ("auto", CASED_STYLE, LOWERCASE_STYLE)
_CACHE_LIMIT = 30_000  # word types; about 1.8 kB each, so at most about 55 MB
_OFFSETS = ("-2", "-1", "+1", "+2")
_EDGE = {"-2": ["-2w=<s>"], "-1": ["-1w=<s>"], "+1": ["+1w=</s>"], "+2": ["+2w=</s>"]}
_CUES = ((gaz.PERSON_TITLES, "title"), (gaz.ORG_HEADS, "org"), (gaz.PLACE_CUES, "place"),
         (gaz.EVENT_HEADS, "event"), (gaz.PLACE_PREPOSITIONS, "prep"), (gaz.SPEECH_WORDS, "speech"),
         (gaz.PLACE_NAMES, "placename"))
_PREFIXES = (("meng", "me-"), ("meny", "me-"), ("mem", "me-"), ("men", "me-"), ("me", "me-"),
             ("di", "di-"), ("ber", "ber-"), ("ter", "ter-"), ("pe", "pe-"), ("ke", "ke-"))
_SUFFIXES = (("kannya", "-kan"), ("kan", "-kan"), ("annya", "-an"), ("nya", "-nya"), ("an", "-an"),
             ("lah", "-lah"))


def _is_wrapped(token: str) -> bool:
    """A parenthesised token such as ``(AS)`` that arrived as one token."""
    return len(token) > 2 and token[0] == "(" and token[-1] == ")"


def word_shape(word: str) -> str:
    """Letters as X/x, digits as d, other characters kept, runs collapsed: ``Xx``, ``X``, ``d/d``, ``X-d``."""
    out = ""
    for ch in word[:16]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out.endswith(c):
            out += c
    return out


def _affixes(low: str) -> list[str]:
    """Indonesian affix cues of a lowercased word (prefix ``me-``, ``di-``...; suffix ``-kan``, ``-nya``...)."""
    if len(low) < 5 or not low.isalpha():
        return []
    out = [f"af={tag}" for pre, tag in _PREFIXES if low.startswith(pre)][:1]
    out += [f"af={tag}" for suf, tag in _SUFFIXES if low.endswith(suf)][:1]
    return out


def _cue(low: str) -> str | None:
    """The cue class of a lowercased word (title, org, place, event, prep, speech, placename) or None."""
    for words, name in _CUES:
        if low in words:
            return name
    return None


def _own_features(word: str, low: str, shape: str, cue: str | None) -> list[str]:
    """A word's own features: identity, prefixes and suffixes, shape, case flags, affixes, cue."""
    feats = ["b", "w=" + low, "sh=" + shape]
    feats += ["p%d=%s" % (n, low[:n]) for n in (1, 2, 3, 4) if len(low) > n]
    feats += ["s%d=%s" % (n, low[-n:]) for n in (1, 2, 3, 4) if len(low) > n]
    if word.istitle():
        feats.append("T")
    if word.isupper() and len(word) > 1:
        feats.append("U")
    if any(ch.isdigit() for ch in word):
        feats.append("D")
    if not any(ch.isalnum() for ch in word):
        feats.append("P")
    if cue:
        feats.append("g=" + cue)
    return feats + _affixes(low)


def _context_features(low: str, shape: str, cue: str | None) -> dict[str, list[str]]:
    """What a word says about its neighbours, once per offset: ``-1w=di``, ``+1sh=Xx``, ``-1g=title``."""
    out = {}
    for off in _OFFSETS:
        feats = [off + "w=" + low, off + "sh=" + shape]
        if cue:
            feats.append(off + "g=" + cue)
        out[off] = feats
    return out


#: Per word type: own features, features as a neighbour (by offset), lowercase form, office code
#: (2: a title such as ``menteri``, 1: a word that continues an office such as ``luar``, 0: neither).
_WordInfo = tuple[list[str], dict[str, list[str]], str, int]
_cache: dict[str, _WordInfo] = {}


def clear_cache() -> None:
    """Forget the per-word features (to time a cold start, or after a change of the cue lists)."""
    _cache.clear()


def _word_info(word: str) -> _WordInfo:
    """Own features, context features and lowercase form of a word, once per word type (bounded cache)."""
    info = _cache.get(word)
    if info is None:
        inner = word[1:-1] if _is_wrapped(word) else word
        low = inner.lower()
        shape = word_shape(inner)
        cue = _cue(low)
        own = _own_features(inner, low, shape, cue)
        if inner is not word:
            own.append("paren")
        office = 2 if cue == "title" else 1 if low in gaz.OFFICE_WORDS else 0
        info = (own, _context_features(low, shape, cue), low, office)
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        _cache[word] = info
    return info


def sentence_features(tokens: Sequence[str]) -> list[list[str]]:
    """The general CRF features of every token of a sentence (the same at training and inference)."""
    infos = [_word_info(t) for t in tokens]
    lows = ["<s>", *[info[2] for info in infos], "</s>"]
    n = len(infos)
    out = []
    office = 0
    for i, (own, _, low, code) in enumerate(infos):
        feats = own + (infos[i - 2][1]["-2"] if i > 1 else _EDGE["-2"])
        feats += infos[i - 1][1]["-1"] if i > 0 else _EDGE["-1"]
        feats += infos[i + 1][1]["+1"] if i + 1 < n else _EDGE["+1"]
        feats += infos[i + 2][1]["+2"] if i + 2 < n else _EDGE["+2"]
        feats.append("-1w|w=" + lows[i] + "|" + low)
        feats.append("w|+1w=" + low + "|" + lows[i + 2])
        office = _office_state(office, code, feats)
        out.append(feats)
    return out


def _office_state(state: int, code: int, feats: list[str]) -> int:
    """Track a title and the words of its office (``Menteri Luar Negeri``); mark the two words after it.

    ``state`` is 1 inside an office phrase, 2 on the first word after it, else 0. A
    word continuing an office gets ``office``; the next two words (where a country or a name
    usually stands) get ``after-office`` and ``after-office2``.
    """
    if code == 2 or (state == 1 and code == 1):
        if code == 1:
            feats.append("office")
        return 1
    if state == 1:
        feats.append("after-office")
        return 2
    if state == 2:
        feats.append("after-office2")
    return 0


def style_features(features: list[list[str]], style: str, copies: frozenset[str] | None = None) -> list[list[str]]:
    """Add a style's copy of every feature (``lowercase:w=jakarta``) when the style has copies (:data:`COPY_STYLES`)."""
    if style not in (COPY_STYLES if copies is None else copies):
        return features
    prefix = style + ":"
    return [feats + [prefix + f for f in feats] for feats in features]


def repair_bio(labels: Sequence[str]) -> list[str]:
    """BIO labels made well-formed: an ``I-X`` that does not continue an ``X`` starts one (``B-X``)."""
    out, prev = [], "O"
    for label in labels:
        if label.startswith("I-") and prev[2:] != label[2:]:
            label = "B-" + label[2:]
        out.append(label)
        prev = label
    return out


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities of a BIO sequence as ``(first token, last token + 1, type)``, after :func:`repair_bio`."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*repair_bio(labels), "O"]):
        if start >= 0 and not label.startswith("I-"):
            spans.append((start, i, kind))
            start = -1
        if label.startswith("B-"):
            start, kind = i, label[2:]
    return spans


def _chunks(n: int, size: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """``(start, end)`` windows of at most ``size`` tokens covering ``range(n)``."""
    return [(i, min(i + size, n)) for i in range(0, n, size)]


def _is_lowercase(tokens: Sequence[str]) -> bool:
    """True when no token has a capital letter but some token has a letter (a lowercased text)."""
    text = " ".join(tokens)
    return text == text.lower() and text != text.upper()


class EntityTagger:
    """BIO tags of PER/ORG/LOC/EVT for tokenised sentences, with the shipped model (loaded once, lazily)."""

    def __init__(self, model: bytes | None = None, *, style: str = "auto") -> None:
        if style not in STYLES:
            raise ValueError(f"unknown style {style!r}: use one of {', '.join(STYLES)}")
        self._model = model
        self.style = style
        self._tagger: pycrfsuite.Tagger | None = None

    def load(self) -> pycrfsuite.Tagger:
        """Open the model (the shipped one unless bytes were given); later calls reuse it."""
        if self._tagger is None:
            # crfsuite reads the model in place: the bytes must live as long as the tagger
            self._model = self._model if self._model is not None else _shipped_model()
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self._model)
            log.debug("NER model loaded (%d bytes, labels %s)", len(self._model), tagger.labels())
            self._tagger = tagger
        return self._tagger

    def _style_of(self, tokens: Sequence[str]) -> str:
        if self.style != "auto":
            return self.style
        return LOWERCASE_STYLE if _is_lowercase(tokens) else CASED_STYLE

    def _tag_chunk(self, tokens: Sequence[str]) -> list[str]:
        feats = style_features(sentence_features(tokens), self._style_of(tokens))
        return list(self.load().tag(feats))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO label per token; long sentences are tagged in chunks of :data:`MAX_CHUNK` tokens."""
        if not tokens:
            return []
        labels: list[str] = []
        for start, end in _chunks(len(tokens)):
            labels += self._tag_chunk(tokens[start:end])
        return repair_bio(labels)

    def tag_sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """:meth:`tag` over many sentences."""
        return [self.tag(tokens) for tokens in sentences]


def _shipped_model() -> bytes:
    """The packaged model's bytes; a clear error when the package was built without it."""
    path = resources.files("warta") / "models" / MODEL_RESOURCE
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"the NER model {MODEL_RESOURCE} is missing from warta/models; "
                                "retrain it with `python scripts/train_ner.py` or reinstall warta") from exc


_default: EntityTagger | None = None


def default_tagger() -> EntityTagger:
    """One shared tagger with the shipped model, created on first use."""
    global _default
    if _default is None:
        _default = EntityTagger()
    return _default


def entities_from_bio(token_spans: Sequence[tuple[int, int]], labels: Sequence[str],
                      text: str) -> list[dict[str, Any]]:
    """The contract's entity dicts for BIO labels over tokens given as character spans into ``text``.

    A parenthesised token (``(AS)``) stands as an entity of its own, without its parentheses:
    ``Komisi Pemilihan Umum (KPU)`` tagged as one ORG gives ``Komisi Pemilihan Umum`` and ``KPU``.
    """
    if len(token_spans) != len(labels):
        raise ValueError(f"{len(token_spans)} token spans but {len(labels)} labels: they must pair up")
    out = []
    for first, last, kind in bio_spans(labels):
        for start, end in _split_wrapped(token_spans[first:last], text):
            out.append({"start": start, "end": end, "text": text[start:end], "label": kind, "actor": None})
    return out


def _split_wrapped(spans: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Character spans of an entity's tokens, cut apart at parenthesised tokens (kept without parentheses)."""
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for start, end in spans:
        if _is_wrapped(text[start:end]):
            out += [run] if run else []
            out.append((start + 1, end - 1))
            run = None
        else:
            run = (run[0] if run else start, end)
    return out + ([run] if run else [])


def _spans(doc: Document, name: str) -> list[tuple[int, int]]:
    """Token or sentence spans of a document: its field when set, else ``doc.hints[name]``."""
    return [(int(s), int(e)) for s, e in getattr(doc, name, None) or doc.hints.get(name) or []]


def _sentence_tokens(tokens: list[tuple[int, int]], sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The token spans (sorted by start) that lie inside one sentence span."""
    lo = bisect_left(tokens, (sentence[0], -1))
    hi = bisect_left(tokens, (sentence[1], -1), lo)
    return [t for t in tokens[lo:hi] if t[1] <= sentence[1]]


@dataclass
class RecogniseEntities:
    """Pipeline component: fills ``doc.entities`` from the document's token and sentence spans."""

    tagger: EntityTagger | None = None
    name: str = "entities"
    needs: frozenset[str] = frozenset({"tokens", "sentences"})
    sets: frozenset[str] = frozenset({"entities"})
    _ready: EntityTagger | None = field(default=None, init=False, repr=False)

    def _get_tagger(self) -> EntityTagger:
        if self._ready is None:
            self._ready = self.tagger or default_tagger()
        return self._ready

    def warm_up(self) -> None:
        self._get_tagger().load()

    def __call__(self, doc: Document) -> Document:
        tagger = self._get_tagger()
        tokens = sorted(_spans(doc, "tokens"))
        entities: list[dict[str, Any]] = []
        for sentence in _spans(doc, "sentences"):
            spans = _sentence_tokens(tokens, sentence)
            labels = tagger.tag([doc.text[s:e] for s, e in spans])
            entities += entities_from_bio(spans, labels, doc.text)
        doc.entities = entities
        return doc
