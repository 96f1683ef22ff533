"""Extractive summaries: of one article (:func:`summarise`, with :func:`lead` as the baseline) and of a
story told by many articles (:func:`summarise_story`).

A sentence's worth is a small logistic-regression scorer over cues a reader of news would use: where
the sentence stands (index, paragraph, first of its paragraph), how central it is to the article
(TF-IDF cosine to the sum of the other sentences, likeness to the lead, share of its words the others
repeat), its length, and Indonesian cues from
:mod:`warta.lang.id.summary` (debris such as ``Baca juga``, a connective or pronoun that continues the
sentence before, direct quotes, an opening dateline). The weights are data
(``warta/data/summary_model.json``), fitted on IndoSum's extractive labels by ``scripts/train_summary.py``;
the file also holds one model per IndoSum fold, each trained without the articles of the other fold, so
that the evaluation only ever scores held-out articles (:mod:`warta.evaluate.summary_eval`).

The chosen sentences are the best-scored ones, skipping debris and any sentence too like one already
chosen (TF-IDF cosine), returned in text order.

A story summary pools the sentences of all its articles: copies of one sentence across outlets
(syndication, re-posts; word-set Jaccard or containment) become one unit, shown once from the earliest
article that has it; units are scored by their article-level score, their centrality to the whole story,
how many articles repeat them and how early their article came; the picks are returned in time order.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from typing import Any

from ..lang.id import summary as lang

__all__ = [
    "FEATURES",
    "StorySettings",
    "SummaryModel",
    "is_debris",
    "lead",
    "load_model",
    "model_names",
    "score_sentences",
    "sentence_features",
    "summarise",
    "summarise_story",
]

#: Names of the scorer's features, in the order of :func:`sentence_features` rows.
FEATURES: tuple[str, ...] = (
    "pos_0", "pos_1", "pos_2", "pos_3", "pos_4", "rel_pos", "para_0", "para_1", "first_in_para",
    "log_len", "short", "centrality", "sim_lead", "repeated_words", "debris", "continuation", "quote",
    "dateline", "question", "digits", "capitals", "log_sentences",
)
_POSITIONS = 5  # one-hot sentence index 0..4; later sentences share the baseline
_SHORT_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_DEBRIS_START = re.compile("|".join(f"(?:{p})" for p in lang.DEBRIS_PREFIXES), re.IGNORECASE)
_DEBRIS_END = re.compile("|".join(f"(?:{p})" for p in lang.DEBRIS_SUFFIXES), re.IGNORECASE)
_CONTINUATION = re.compile("|".join(f"(?:{p})" for p in lang.CONTINUATION_OPENERS), re.IGNORECASE)
_DATELINE = re.compile(lang.LEAD_DATELINE)
_OPENING_JUNK = "\"“”'‘’«»([ -–—"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@functools.cache
def _stopwords() -> frozenset[str]:
    """PySastrawi's Indonesian stopwords plus the news words of :mod:`warta.lang.id.summary`."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words()) | frozenset(lang.NEWS_STOPWORDS)


def _content_words(sentence: str) -> list[str]:
    stop = _stopwords()
    return [w for w in map(str.lower, _WORD.findall(sentence)) if len(w) > 1 and w not in stop]


def is_debris(sentence: str) -> bool:
    """Whether a sentence is page furniture a summary must not quote (``Baca juga: ...``, ``(ant/asa)``)."""
    text = sentence.strip()
    return not _WORD.search(text) or bool(_DEBRIS_START.match(text) or _DEBRIS_END.search(text))


# --- TF-IDF over the sentences of one text -----------------------------------------------------------


def _tfidf(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of sentences, the sentences themselves being the documents."""
    df: Counter[str] = Counter(w for bag in bags for w in bag)
    total = len(bags)
    vectors = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * (math.log((1 + total) / (1 + df[w])) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _leave_one_out(vectors: Sequence[Mapping[str, float]]) -> list[float]:
    """Each (unit) vector's cosine to the sum of all the others: how central it is, its own words aside."""
    total: Counter[str] = Counter()
    for vec in vectors:
        total.update(vec)
    total_sq = sum(v * v for v in total.values())
    out = []
    for vec in vectors:
        dot = sum(v * total[w] for w, v in vec.items())
        self_sq = sum(v * v for v in vec.values())
        other_sq = total_sq - 2 * dot + self_sq
        out.append((dot - self_sq) / math.sqrt(other_sq) if other_sq > 1e-12 and self_sq > 0 else 0.0)
    return out


# --- features and the scorer -------------------------------------------------------------------------


def _paragraph_starts(paragraphs: Sequence[int] | None, count: int) -> tuple[list[int], list[bool]]:
    """Paragraph index of each sentence and whether it opens its paragraph (one paragraph if unknown)."""
    if paragraphs is None:
        return [0] * count, [i == 0 for i in range(count)]
    if len(paragraphs) != count:
        raise ValueError(f"paragraphs has {len(paragraphs)} entries for {count} sentences; give one per sentence")
    ranks = {p: r for r, p in enumerate(sorted(set(paragraphs)))}
    firsts = [i == 0 or paragraphs[i] != paragraphs[i - 1] for i in range(count)]
    return [ranks[p] for p in paragraphs], firsts


def _surface_cues(sentence: str) -> list[float]:
    """debris, continuation, quote, dateline, question, digits, capitals (0/1 or shares)."""
    text = sentence.strip()
    words = _WORD.findall(text)
    opening = text.lstrip(_OPENING_JUNK)
    digits = sum(any(c.isdigit() for c in w) for w in words) / max(len(words), 1)
    capitals = sum(w[:1].isupper() for w in words[1:]) / max(len(words) - 1, 1)
    return [
        float(is_debris(text)),
        float(bool(_CONTINUATION.match(opening))),
        float(any(q in text for q in lang.QUOTE_MARKS)),
        float(bool(_DATELINE.match(text))),
        float(text.rstrip("\"”’' )").endswith(("?", "!"))),
        digits,
        capitals,
    ]


def sentence_features(sentences: Sequence[str], paragraphs: Sequence[int] | None = None) -> list[list[float]]:
    """One row of :data:`FEATURES` per sentence; ``paragraphs`` gives each sentence's paragraph number."""
    count = len(sentences)
    if count == 0:
        return []
    para, firsts = _paragraph_starts(paragraphs, count)
    bags = [Counter(_content_words(s)) for s in sentences]
    vectors = _tfidf(bags)
    centrality = _leave_one_out(vectors)
    lead_index = next((i for i, s in enumerate(sentences) if not is_debris(s)), 0)
    df = Counter(w for bag in bags for w in bag)
    shared = [sum(df[w] > 1 for w in bag) / max(len(bag), 1) for bag in bags]  # words other sentences repeat
    rows = []
    for i, sentence in enumerate(sentences):
        words = len(_WORD.findall(sentence))
        position = [float(i == k) for k in range(_POSITIONS)]
        rows.append([
            *position, i / max(count - 1, 1), float(para[i] == 0), float(para[i] == 1), float(firsts[i]),
            math.log1p(words), float(words < _SHORT_WORDS), centrality[i],
            1.0 if i == lead_index else _cosine(vectors[i], vectors[lead_index]), shared[i],
            *_surface_cues(sentence), math.log(count),
        ])
    return rows


@dataclass(frozen=True, kw_only=True)
class SummaryModel:
    """A logistic-regression sentence scorer: standardised :data:`FEATURES`, weights and bias."""

    name: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    trained_on: tuple[str, ...] = ()  # the IndoSum files it learned from
    held_out: tuple[str, ...] = ()  # IndoSum files none of whose articles it saw

    def __post_init__(self) -> None:
        if self.features != FEATURES:
            raise ValueError(f"summary model {self.name!r} was trained on features {self.features}, this code "
                             f"computes {FEATURES}; retrain with scripts/train_summary.py")
        if not len(self.mean) == len(self.scale) == len(self.weights) == len(FEATURES):
            raise ValueError(f"summary model {self.name!r}: mean, scale and weights need {len(FEATURES)} values each")

    def score(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each row's sentence belongs in the summary."""
        scores = []
        for row in rows:
            z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale))
            scores.append(1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0))))
        return scores

    @classmethod
    def from_dict(cls, name: str, data: Mapping[str, Any]) -> SummaryModel:
        return cls(name=name, features=tuple(data["features"]), mean=tuple(data["mean"]), scale=tuple(data["scale"]),
                   weights=tuple(data["weights"]), bias=float(data["bias"]), trained_on=tuple(data.get("trained_on", ())),
                   held_out=tuple(data.get("held_out", ())))

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights), "bias": self.bias, "trained_on": list(self.trained_on),
                "held_out": list(self.held_out)}


MODEL_FILE = "summary_model.json"


@functools.cache
def _model_file() -> dict[str, Any]:
    source = resources.files("warta") / "data" / MODEL_FILE
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise FileNotFoundError(f"the summary model {source} is missing; build it with scripts/train_summary.py") from err


def model_names() -> list[str]:
    """The names of the shipped scorers."""
    return sorted(_model_file()["models"])


def load_model(name: str = "all") -> SummaryModel:
    """A shipped scorer: ``all`` (trained on every IndoSum article used) or one trained for a held-out fold."""
    models = _model_file()["models"]
    if name not in models:
        raise ValueError(f"no summary model named {name!r}; the shipped ones are {sorted(models)}")
    return SummaryModel.from_dict(name, models[name])


def score_sentences(sentences: Sequence[str], *, paragraphs: Sequence[int] | None = None,
                    model: SummaryModel | None = None) -> list[float]:
    """Each sentence's probability of belonging in the article's summary."""
    return (model or load_model()).score(sentence_features(sentences, paragraphs))


# --- one article -------------------------------------------------------------------------------------


def _check_n(n: int) -> None:
    if n < 0:
        raise ValueError(f"a summary needs n >= 0 sentences, got {n}")


def lead(sentences: Sequence[str], n: int = 3) -> list[int]:
    """LEAD-n: the indices of the first ``n`` sentences."""
    _check_n(n)
    return list(range(min(n, len(sentences))))


def _pick(order: Sequence[int], vectors: Sequence[Mapping[str, float]], n: int, redundancy: float) -> list[int]:
    """The first ``n`` of ``order`` whose cosine to every earlier pick stays below ``redundancy``."""
    chosen: list[int] = []
    for i in order:
        if len(chosen) == n:
            break
        if all(_cosine(vectors[i], vectors[j]) < redundancy for j in chosen):
            chosen.append(i)
    return chosen


def summarise(sentences: Sequence[str], n: int = 3, *, paragraphs: Sequence[int] | None = None,
              model: SummaryModel | None = None, redundancy: float = 0.7) -> list[int]:
    """The indices, in text order, of the ``n`` sentences that best summarise one article.

    ``paragraphs`` (optional) gives each sentence's paragraph number; ``redundancy`` is the TF-IDF cosine
    above which a sentence repeats one already chosen. Debris sentences are never chosen.
    """
    _check_n(n)
    if not sentences or n == 0:
        return []
    scores = score_sentences(sentences, paragraphs=paragraphs, model=model)
    vectors = _tfidf([Counter(_content_words(s)) for s in sentences])
    order = sorted((i for i, s in enumerate(sentences) if not is_debris(s)), key=lambda i: (-scores[i], i))
    return sorted(_pick(order, vectors, n, redundancy))


# --- a story of many articles ------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StorySettings:
    """How a story summary weighs its cues and what counts as a repeat."""

    copy_jaccard: float = 0.6  # word-set Jaccard at which two sentences are copies of one
    copy_containment: float = 0.85  # share of the shorter sentence's words in the longer (a cut re-post)
    min_copy_words: int = 4  # shorter sentences are never merged as copies
    redundancy: float = 0.5  # TF-IDF cosine above which a unit repeats one already chosen
    centrality_weight: float = 0.5
    support_weight: float = 0.15  # per log2 of the number of articles that carry the sentence
    early_weight: float = 0.15  # the first article in time gets this much, the last none

    def __post_init__(self) -> None:
        for name in ("copy_jaccard", "copy_containment", "redundancy"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ValueError(f"StorySettings.{name} must be in (0, 1], got {getattr(self, name)}")


@dataclass(frozen=True, kw_only=True)
class _Sentence:
    article: int  # index in time order
    article_id: str
    start: int
    end: int
    text: str
    paragraph: int


def _field(article: Any, name: str) -> Any:
    if isinstance(article, Mapping):
        return article.get(name)
    return getattr(article, name, None)


def _time_key(published: str | None, index: int) -> tuple:
    """Sort key: dated articles by time (a date alone counts as its midnight UTC), then undated, then input order."""
    if not published:
        return (1, 0.0, index)
    try:
        moment = datetime.fromisoformat(published)
    except ValueError as err:
        raise ValueError(f"article {index}: published {published!r} is not an ISO 8601 date or time") from err
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return (0, moment.timestamp(), index)


def _article_sentences(rank: int, article: Any) -> list[_Sentence]:
    text, article_id = _field(article, "text") or "", str(_field(article, "id"))
    spans = _field(article, "sentences") or []
    out, paragraph, previous_end = [], 0, None
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"article {article_id}: sentence span ({start}, {end}) lies outside its text")
        if previous_end is not None and _BLANK_LINE.search(text, previous_end, start):
            paragraph += 1
        out.append(_Sentence(article=rank, article_id=article_id, start=start, end=end,
                             text=text[start:end], paragraph=paragraph))
        previous_end = end
    return out


def _copy_groups(sentences: Sequence[_Sentence], settings: StorySettings) -> list[int]:
    """A group number per sentence: near-identical sentences (across or within articles) share one."""
    words = [frozenset(_content_words(s.text)) for s in sentences]
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(words, settings.min_copy_words):
        shared = len(words[i] & words[j])
        jaccard = shared / len(words[i] | words[j])
        containment = shared / min(len(words[i]), len(words[j]))
        if jaccard >= settings.copy_jaccard or containment >= settings.copy_containment:
            parent[root(j)] = root(i)
    return [root(i) for i in range(len(sentences))]


def _candidate_pairs(words: Sequence[frozenset[str]], min_words: int) -> set[tuple[int, int]]:
    """Pairs of sentences that share one of their three rarest words (an inverted index, not all pairs)."""
    df = Counter(w for bag in words for w in bag)
    index: dict[str, list[int]] = {}
    for i, bag in enumerate(words):
        if len(bag) >= min_words:
            for w in sorted(bag, key=lambda w: (df[w], w))[:3]:
                index.setdefault(w, []).append(i)
    return {(a, b) for members in index.values() for k, a in enumerate(members) for b in members[k + 1:]}


def _unit_scores(sentences: Sequence[_Sentence], groups: Sequence[int], local: Sequence[float],
                 articles: int, settings: StorySettings) -> dict[int, float]:
    """A score per copy group: best article-level score, story centrality, support and earliness."""
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    representatives = {g: ms[0] for g, ms in members.items()}  # sentences come in time order: the earliest copy
    keys = sorted(members)
    vectors = _tfidf([Counter(_content_words(sentences[representatives[g]].text)) for g in keys])
    centrality = dict(zip(keys, _leave_one_out(vectors)))
    scores = {}
    for g in keys:
        support = len({sentences[i].article for i in members[g]})
        earliest = sentences[representatives[g]].article / max(articles - 1, 1)
        scores[g] = (max(local[i] for i in members[g]) + settings.centrality_weight * centrality[g]
                     + settings.support_weight * math.log2(support) + settings.early_weight * (1.0 - earliest))
    return scores


def summarise_story(articles: Sequence[Any], n: int = 5, *, model: SummaryModel | None = None,
                    settings: StorySettings | None = None) -> list[tuple[str, int, int]]:
    """A summary of a story told by several articles: ``(article_id, start, end)`` of ``n`` sentences.

    ``articles`` are objects (or mappings) with ``id``, ``text``, ``sentences`` (``(start, end)`` spans into
    ``text``) and ``published`` (ISO 8601 or None). A sentence repeated by several outlets appears once, from
    the earliest article; the picks are given in time order (article time, then place in the article).
    """
    _check_n(n)
    settings = settings or StorySettings()
    model = model or load_model()
    ordered = sorted(range(len(articles)), key=lambda i: _time_key(_field(articles[i], "published"), i))
    sentences = [s for rank, i in enumerate(ordered) for s in _article_sentences(rank, articles[i])]
    sentences = [s for s in sentences if not is_debris(s.text)]
    if not sentences or n == 0:
        return []
    local: list[float] = []
    for rank in range(len(ordered)):
        own = [s for s in sentences if s.article == rank]
        if own:
            local.extend(model.score(sentence_features([s.text for s in own], [s.paragraph for s in own])))
    groups = _copy_groups(sentences, settings)
    scores = _unit_scores(sentences, groups, local, len(ordered), settings)
    representative = {}
    for i, g in enumerate(groups):
        representative.setdefault(g, i)  # sentences are in time order, so the first member is the earliest
    keys = sorted(scores, key=lambda g: (-scores[g], representative[g]))
    vectors = _tfidf([Counter(_content_words(sentences[representative[g]].text)) for g in keys])
    picked = [keys[k] for k in _pick(range(len(keys)), vectors, n, settings.redundancy)]
    chosen = sorted((sentences[representative[g]] for g in picked), key=lambda s: (s.article, s.start))
    return [(s.article_id, s.start, s.end) for s in chosen]
