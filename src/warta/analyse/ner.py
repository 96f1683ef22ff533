"""Named entities (PER, ORG, LOC, EVT) with a linear-chain CRF over hand-made token features.

The model (``warta/models/ner-id.crfsuite``) is trained by ``scripts/train_ner.py`` on three public
Indonesian NER sets; see that script for the data and the choices. Features are built per word
type once (and cached), so a token's feature list is a few list concatenations: its own features
plus its neighbours' features shifted to their offsets.

At inference the same features go to crfsuite as UTF-8 bytes and without the attributes the model
does not know (:class:`_FeatureEncoder`): crfsuite skips unknown attributes and adds the known ones'
weights in order, so the scores and labels are exactly those of the full string features, and
about twice as fast to hand over.

Text in the cased style (nearly all news) is not handed to crfsuite at all: the model's weights are read
from the file (:func:`model_weights`) and :class:`_StateScorer` does crfsuite's own arithmetic in numpy,
for all sentences of a document at once. A token's state score is the sum of its attributes' weights,
added in the order crfsuite adds them (its own attributes, summed once per word type, then the
neighbours', the word pairs and the office flag), and the best label path is crfsuite's Viterbi (the
first of equal scores wins), so the labels are exactly crfsuite's, without building its attribute
strings per token. The lowercase style still goes through crfsuite.

Two annotation styles were trained together: ``cased`` (idner-news-2k and NERGrit, pooled) and
``lowercase`` (NERP, whose text is all lowercase). Every training sentence carries the general
features; a lowercase sentence also carries a copy of them prefixed ``lowercase:`` ("frustratingly
easy" domain adaptation), so that what only holds for lowercased text goes to the copy. At
inference a sentence with a capital letter is tagged in the cased style (general features only)
and a sentence without one in the lowercase style.
"""

from __future__ import annotations

import functools
import logging
import struct
import weakref
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np
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
    for encoder in _encoders:
        encoder.clear()


def _word_info(word: str) -> _WordInfo:
    """Own features, context features and lowercase form of a word, once per word type (bounded cache)."""
    info = _cache.get(word)
    if info is None:
        info = _build_word_info(word)
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        _cache[word] = info
    return info


def _peek_word_info(word: str) -> _WordInfo:
    """:func:`_word_info` without filling the cache."""
    return _cache.get(word) or _build_word_info(word)


def _build_word_info(word: str) -> _WordInfo:
    inner = word[1:-1] if _is_wrapped(word) else word
    low = inner.lower()
    shape = word_shape(inner)
    cue = _cue(low)
    own = _own_features(inner, low, shape, cue)
    if inner is not word:
        own.append("paren")
    office = 2 if cue == "title" else 1 if low in gaz.OFFICE_WORDS else 0
    return own, _context_features(low, shape, cue), low, office


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


def model_attributes(model: bytes) -> frozenset[bytes]:
    """The attribute names a crfsuite model knows, read from its attribute dictionary."""
    return frozenset(model_attribute_ids(model))


def model_attribute_ids(model: bytes) -> dict[bytes, int]:
    """The attribute names a crfsuite model knows, with their ids, read from its attribute dictionary.

    A model file (``lCRF``) has a 48-byte header whose 10th word is the offset of the attribute
    dictionary, a CQDB: after ``CQDB`` and four words, its 6th word locates a table of record
    offsets, and each record is ``id``, ``key size`` and the key with a closing NUL.
    """
    if model[:4] != b"lCRF" or len(model) < 48:
        raise ValueError("not a crfsuite model: it does not start with b'lCRF'; give the bytes of a .crfsuite file")
    (base,) = struct.unpack_from("<I", model, 36)
    if model[base:base + 4] != b"CQDB":
        raise ValueError(f"crfsuite model without an attribute dictionary at byte {base}: is the file truncated?")
    count, table = struct.unpack_from("<2I", model, base + 16)
    out = {}
    for offset in struct.unpack_from(f"<{count}I", model, base + table):
        start = base + offset + 8
        ident, size = struct.unpack_from("<iI", model, start - 8)
        out[model[start:start + size - 1]] = ident
    return out


_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


def model_weights(model: bytes, labels: int) -> tuple[np.ndarray, np.ndarray]:
    """A crfsuite model's weights: ``state[attribute id, label]`` (one row more, all zero, for "no
    attribute") and ``transition[label, next label]``, zero where the model has no feature.

    The header's 8th word is the offset of the feature chunk (``FEAT``, its size, the number of features),
    followed by the features: type (0 state, 1 transition), source (attribute or label), destination
    label, weight (a double), 20 bytes each.
    """
    num_attrs, (offset,) = struct.unpack_from("<I", model, 24)[0], struct.unpack_from("<I", model, 28)
    if model[offset:offset + 4] != b"FEAT":
        raise ValueError(f"crfsuite model without a feature chunk at byte {offset}: is the file truncated?")
    (count,) = struct.unpack_from("<I", model, offset + 8)
    feats = np.frombuffer(model, dtype=_FEATURE, count=count, offset=offset + 12)
    state = np.zeros((num_attrs + 1, labels))
    transition = np.zeros((labels, labels))
    kind = feats["type"]
    state[feats["src"][kind == 0], feats["dst"][kind == 0]] = feats["weight"][kind == 0]
    transition[feats["src"][kind == 1], feats["dst"][kind == 1]] = feats["weight"][kind == 1]
    return state, transition


#: Per word type, for one model and prefix: own attributes; attributes as the -2, -1, +1 and +2
#: neighbour; lowercase form (UTF-8); office code (as in :data:`_WordInfo`).
_Attributes = tuple[bytes, ...]
#: ... and, last, the word's row in the general encoder's score tables (:class:`_StateScorer`)
_Encoded = tuple[_Attributes, _Attributes, _Attributes, _Attributes, _Attributes, bytes, int, int]
_ENCODED_LIMIT = 50_000  # word types; about 1 kB each (the attribute names are shared with the model's)
_encoders: weakref.WeakSet[_FeatureEncoder] = weakref.WeakSet()
#: rows 0 and 1 of the score tables are the sentence edges (before the first word, after the last)
_START_ROW, _END_ROW, _FIRST_ROW = 0, 1, 2
#: most attributes a word gives one neighbour (``w``, ``sh``, ``g``: :func:`_context_features`)
_CONTEXT_WIDTH = 3
#: tokens scored together at most (the Viterbi works on sentences padded to the longest of a batch)
_BATCH_TOKENS = 4096


class _FeatureEncoder:
    """:func:`sentence_features`, each feature after ``prefix`` (a style's copy), as crfsuite attributes:
    UTF-8 bytes, and only those the model knows, in their order (crfsuite would drop the others itself).
    The general encoder (no prefix) of a tagger also fills the tagger's :class:`_StateScorer` tables."""

    def __init__(self, known: dict[bytes, bytes], prefix: str, scorer: _StateScorer | None = None) -> None:
        self._keep = functools.partial(_known_attributes, known, prefix)
        self._left = _pair_index(known, (prefix + "-1w|w=").encode())
        self._right = _pair_index(known, (prefix + "w|+1w=").encode())
        self._start = ((), self._keep(_EDGE["-2"]), self._keep(_EDGE["-1"]), (), (), b"<s>", 0, _START_ROW)
        self._end = ((), (), (), self._keep(_EDGE["+1"]), self._keep(_EDGE["+2"]), b"</s>", 0, _END_ROW)
        self._words: dict[str, _Encoded] = {}
        self._scorer = scorer
        if scorer is not None:
            scorer.attach(self)
        # a style's copy is rare (lowercase text): it keeps the string features for the general encoder
        self._word_info = _word_info if prefix else _peek_word_info
        _encoders.add(self)

    def clear(self) -> None:
        self._words.clear()

    def room_for(self, tokens: int) -> None:
        """Make sure ``tokens`` more words can be encoded without the cache being emptied halfway."""
        if len(self._words) + tokens > _ENCODED_LIMIT:
            self._words.clear()

    def _encode(self, word: str) -> _Encoded:
        own, context, low, office = self._word_info(word)
        if len(self._words) >= _ENCODED_LIMIT:
            self._words.clear()
        row = _FIRST_ROW + len(self._words)
        info = (self._keep(own), *[self._keep(context[off]) for off in _OFFSETS], low.encode(), office, row)
        if self._scorer is not None:
            self._scorer.fill(row, info)
        self._words[word] = info
        return info

    def encoded(self, tokens: Sequence[str]) -> list[_Encoded]:
        words = self._words
        return [words.get(t) or self._encode(t) for t in tokens]

    def items(self, tokens: Sequence[str]) -> list[list[bytes]]:
        """One item (attribute list) per token, as :func:`sentence_features` orders them."""
        infos = self.encoded(tokens)
        padded = [self._start, self._start, *infos, self._end, self._end]
        left, right, out, office = self._left, self._right, [], 0
        for info, a, b, c, d in zip(infos, padded, padded[1:], padded[3:], padded[4:]):
            own, low, code = info[0], info[5], info[6]
            item = [*own, *a[1], *b[2], *c[3], *d[4]]
            if pair := left.get((b[5], low)):
                item.append(pair)
            if pair := right.get((low, c[5])):
                item.append(pair)
            if code or office:
                flags: list[str] = []
                office = _office_state(office, code, flags)
                item += self._keep(flags)
            out.append(item)
        return out


class _StateScorer:
    """crfsuite's tagging of the general (cased) style, in numpy: the same sums in the same order, the same
    Viterbi, so the same labels, for many sentences at once.

    crfsuite scores a token's label as 0 plus the weight of each of the token's attributes for that label,
    in the item's order (:meth:`_FeatureEncoder.items`: own attributes, the -2, -1, +1 and +2 neighbours',
    the two word pairs, the office flag). Here a word type's own attributes are summed once, in order
    (:meth:`fill`); the rest is added one attribute position at a time for all tokens together, a missing
    attribute adding the zero row. Viterbi keeps crfsuite's order of operations and its tie rule (the first
    of equal scores wins).
    """

    def __init__(self, model: bytes, labels: list[str], known_ids: dict[bytes, int]) -> None:
        self.labels = labels
        self._ids = known_ids
        self._state, self._transition = model_weights(model, len(labels))
        self._zero = len(self._state) - 1
        self._incoming = np.ascontiguousarray(self._transition.T)  # [to, from]
        self._own = np.zeros((_FIRST_ROW + _ENCODED_LIMIT, len(labels)))
        self._context = np.full((_FIRST_ROW + _ENCODED_LIMIT, len(_OFFSETS), _CONTEXT_WIDTH), self._zero,
                                dtype=np.int32)
        self._encoder: _FeatureEncoder | None = None
        self._pending: dict[int, _Encoded] = {}

    def attach(self, encoder: _FeatureEncoder) -> None:
        """Take the rows of ``encoder`` (the general one); the sentence edges are rows 0 and 1."""
        self._encoder = encoder
        self._left = {k: self._ids[v] for k, v in encoder._left.items()}
        self._right = {k: self._ids[v] for k, v in encoder._right.items()}
        self._flags = {f: self._id_of(encoder._keep([f])) for f in ("office", "after-office", "after-office2")}
        self.fill(_START_ROW, encoder._start)
        self.fill(_END_ROW, encoder._end)
        self.flush()

    def _id_of(self, attributes: _Attributes) -> int:
        return self._ids[attributes[0]] if attributes else self._zero

    def fill(self, row: int, info: _Encoded) -> None:
        """Note a new word's row; its scores are computed with the others' before the next batch (:meth:`flush`)."""
        self._pending[row] = info

    def flush(self) -> None:
        """Store the noted words' own scores (their own attributes' weights summed in order: a running sum,
        padded with the zero row) and their neighbour attributes."""
        if not self._pending:
            return
        rows, infos = list(self._pending), list(self._pending.values())
        self._pending = {}
        ids, zero = self._ids, self._zero
        own = [[ids[a] for a in info[0]] for info in infos]
        width = max(1, max(map(len, own)))
        own = np.array([ws + [zero] * (width - len(ws)) for ws in own])
        self._own[rows] = np.cumsum(self._state[own], axis=1)[:, -1]
        if any(len(attributes) > _CONTEXT_WIDTH for info in infos for attributes in info[1:5]):
            raise ValueError(f"a word gives a neighbour more than {_CONTEXT_WIDTH} attributes: widen _CONTEXT_WIDTH")
        pad = [zero] * _CONTEXT_WIDTH
        context = [[([ids[a] for a in attributes] + pad)[:_CONTEXT_WIDTH] for attributes in info[1:5]]
                   for info in infos]
        self._context[rows] = context

    def _office_flags(self, infos: list[_Encoded]) -> list[int]:
        out, office, zero = [], 0, self._zero
        for info in infos:
            code = info[6]
            if code or office:
                flags: list[str] = []
                office = _office_state(office, code, flags)
                out.append(self._flags[flags[0]] if flags else zero)
            else:
                out.append(zero)
        return out

    def tag(self, sequences: list[Sequence[str]]) -> list[list[str]]:
        """The labels crfsuite gives each sequence (each at most :data:`MAX_CHUNK` tokens), in batches."""
        out: list[list[str]] = []
        batch: list[Sequence[str]] = []
        size = 0
        for tokens in sequences:
            if batch and size + len(tokens) > _BATCH_TOKENS:
                out += self._tag_batch(batch)
                batch, size = [], 0
            batch.append(tokens)
            size += len(tokens)
        return out + (self._tag_batch(batch) if batch else [])

    def _tag_batch(self, sequences: list[Sequence[str]]) -> list[list[str]]:
        encoder = self._encoder
        encoder.room_for(sum(map(len, sequences)))
        rows, neighbours, extra = [], ([], [], [], []), ([], [], [])
        left, right, zero = self._left, self._right, self._zero
        for tokens in sequences:
            infos = encoder.encoded(tokens)
            own = [info[7] for info in infos]
            n = len(own)
            padded = [_START_ROW, _START_ROW, *own, _END_ROW, _END_ROW]
            for j, shift in enumerate((0, 1, 3, 4)):
                neighbours[j].extend(padded[shift:shift + n])
            rows += own
            lows = [info[5] for info in infos]
            extra[0].extend([left.get(pair, zero) for pair in zip([b"<s>", *lows], lows)])
            extra[1].extend([right.get(pair, zero) for pair in zip(lows, [*lows[1:], b"</s>"])])
            extra[2].extend(self._office_flags(infos) if any(info[6] for info in infos) else [zero] * n)
        self.flush()
        return self._viterbi(self._scores(rows, neighbours, extra), [len(tokens) for tokens in sequences])

    def _scores(self, rows: list[int], neighbours: tuple[list[int], ...], extra: tuple[list[int], ...]) -> np.ndarray:
        """Every token's state scores ``(tokens, labels)``, added in crfsuite's order (an attribute position
        that no token of the batch fills adds only zeros, and is skipped)."""
        state, zero = self._state, self._zero
        scores = self._own[rows]
        columns = [self._context[at, j] for j, at in enumerate(neighbours)]
        for ids in [c[:, k] for c in columns for k in range(_CONTEXT_WIDTH)] + [np.array(ids) for ids in extra]:
            if (ids != zero).any():
                scores += state[ids]
        return scores

    def _viterbi(self, scores: np.ndarray, lengths: list[int]) -> list[list[str]]:
        """crfsuite's Viterbi over each sequence, all sequences stepped together: longest first, so that at
        step ``t`` the sequences still running are the first ``active[t]``, and their tokens ``t`` are the
        rows ``at[t]:at[t + 1]`` of the scores reordered by step."""
        order = sorted(range(len(lengths)), key=lambda s: -lengths[s])
        ranked = np.array([lengths[s] for s in order])
        first = np.cumsum(np.array(lengths)) - np.array(lengths)
        active = (ranked[None, :] > np.arange(ranked[0])[:, None]).sum(axis=1)
        at = np.concatenate(([0], np.cumsum(active)))
        step = np.repeat(np.arange(len(active)), active)  # by step, then by rank
        rank = np.arange(len(step)) - at[step]
        tokens = first[np.array(order)][rank] + step  # row in ``scores`` of each (step, rank)
        state = scores[tokens]
        incoming = self._incoming
        best = np.empty_like(state)
        back = np.empty(state.shape, dtype=np.intp)
        buffer = np.empty((active[0], *incoming.shape))
        best[: at[1]] = state[: at[1]]
        for t in range(1, len(active)):
            here = slice(at[t], at[t + 1])
            candidates = np.add(best[at[t - 1] : at[t - 1] + active[t], None, :], incoming, out=buffer[: active[t]])
            candidates.argmax(axis=2, out=back[here])  # [sequence, to, from]: the first best "from" wins
            candidates.max(axis=2, out=best[here])
            best[here] += state[here]
        labels = np.zeros(len(order), dtype=np.intp)
        path = np.empty(len(step), dtype=np.intp)
        for t in range(len(active) - 1, -1, -1):
            ending = slice(active[t + 1] if t + 1 < len(active) else 0, active[t])  # sequences whose last token is t
            labels[ending] = best[at[t] + ending.start : at[t] + ending.stop].argmax(axis=1)
            path[at[t] : at[t + 1]] = labels[: active[t]]
            if t:
                labels[: active[t]] = back[at[t] + np.arange(active[t]), labels[: active[t]]]
        by_token = np.empty(len(step), dtype=np.intp)
        by_token[tokens] = path
        names = [self.labels[i] for i in by_token.tolist()]
        return [names[start : start + n] for start, n in zip(first.tolist(), lengths)]


def _known_attributes(known: dict[bytes, bytes], prefix: str, feats: Iterable[str]) -> _Attributes:
    """``feats`` with ``prefix``, as the model's own attribute objects; those it does not know are left out."""
    names = [(prefix + f).encode() for f in feats] if prefix else [f.encode() for f in feats]
    return tuple(a for a in map(known.get, names) if a is not None)


def _pair_index(known: dict[bytes, bytes], head: bytes) -> dict[tuple[bytes, bytes], bytes]:
    """The model's word-pair attributes ``head + a + b"|" + b`` by ``(a, b)``; a word may hold ``|`` itself, so
    every cut at a ``|`` is a key (each rebuilds the same attribute, so a lookup equals a membership test)."""
    out = {}
    for attr in known:
        if attr.startswith(head):
            body = attr[len(head):]
            cut = body.find(b"|")
            while cut >= 0:
                out[(body[:cut], body[cut + 1:])] = attr
                cut = body.find(b"|", cut + 1)
    return out


def repair_bio(labels: Sequence[str]) -> list[str]:
    """BIO labels made well-formed: an ``I-X`` that does not continue an ``X`` starts one (``B-X``)."""
    if labels.count("O") == len(labels):
        return list(labels)
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
        self._known: dict[bytes, bytes] = {}
        self._encoders: dict[str, _FeatureEncoder] = {}
        self._scorer: _StateScorer | None = None

    def load(self) -> pycrfsuite.Tagger:
        """Open the model (the shipped one unless bytes were given); later calls reuse it."""
        if self._tagger is None:
            # crfsuite reads the model in place: the bytes must live as long as the tagger
            self._model = self._model if self._model is not None else _shipped_model()
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self._model)
            log.debug("NER model loaded (%d bytes, labels %s)", len(self._model), tagger.labels())
            ids = model_attribute_ids(self._model)
            self._known = {attr: attr for attr in ids}
            self._scorer = _StateScorer(self._model, tagger.labels(), ids)
            self._encoders = {"": _FeatureEncoder(self._known, "", self._scorer)}
            self._tagger = tagger
        return self._tagger

    def _style_of(self, tokens: Sequence[str]) -> str:
        if self.style != "auto":
            return self.style
        return LOWERCASE_STYLE if _is_lowercase(tokens) else CASED_STYLE

    def _encoder(self, prefix: str) -> _FeatureEncoder:
        encoder = self._encoders.get(prefix)
        if encoder is None:
            encoder = self._encoders[prefix] = _FeatureEncoder(self._known, prefix)
        return encoder

    def items(self, tokens: Sequence[str]) -> list[list[bytes]]:
        """The model's attributes per token: :func:`style_features` of :func:`sentence_features` in this
        sentence's style, as UTF-8 bytes, without the attributes the model does not know."""
        self.load()
        style = self._style_of(tokens)
        if style not in COPY_STYLES:
            return self._encoder("").items(tokens)
        copies = self._encoder(style + ":").items(tokens)  # first: it caches the words' string features
        return [general + copy for general, copy in zip(self._encoder("").items(tokens), copies)]

    def _tag_chunk(self, tokens: Sequence[str]) -> list[str]:
        """crfsuite's labels for one chunk, in the chunk's style."""
        return self.load().tag(self.items(tokens))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO label per token; long sentences are tagged in chunks of :data:`MAX_CHUNK` tokens."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """:meth:`tag` over many sentences: chunks in the cased style are tagged together by the
        :class:`_StateScorer`, the others by crfsuite; the labels are crfsuite's either way."""
        self.load()
        chunked = [[tokens[start:end] for start, end in _chunks(len(tokens))] for tokens in sentences]
        chunks = [chunk for parts in chunked for chunk in parts]
        copies = [self._style_of(chunk) in COPY_STYLES for chunk in chunks]
        scored = iter(self._scorer.tag([chunk for chunk, copy in zip(chunks, copies) if not copy]))
        labels = iter([self._tag_chunk(chunk) if copy else next(scored) for chunk, copy in zip(chunks, copies)])
        return [repair_bio([label for _ in parts for label in next(labels)]) for parts in chunked]


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
        text = doc.text
        sentences = [_sentence_tokens(tokens, sentence) for sentence in _spans(doc, "sentences")]
        tagged = tagger.tag_sentences([[text[s:e] for s, e in spans] for spans in sentences])
        entities: list[dict[str, Any]] = []
        for spans, labels in zip(sentences, tagged):
            if labels.count("O") < len(labels):
                entities += entities_from_bio(spans, labels, text)
        doc.entities = entities
        return doc
