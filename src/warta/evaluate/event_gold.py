"""Gold events and quotes: load ``tests/gold/events_*.json`` and the seed gold, analyse, and score.

The gold format and the scoring rules are written down in ``tests/gold/EVENTS_FORMAT.md``. Gold over IndoSum
and over the seeds in ``../shared`` only points at the articles (paragraph, offsets, a few words to check);
gold over our own ``examples/`` may hold their words.

:func:`load_event_gold` reads every gold file and the two seeds, verifies every ``check`` and every ``words``
against the article text, and turns paragraph offsets into offsets into the article text warta analyses.
:func:`analyse_gold` runs warta over the articles; :func:`score_events` and :func:`score_quotes` compare the
``events`` and ``quotes`` of the analysed documents with the gold.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document
from . import find_shared
from .actor_gold import is_actor_country, paragraph_offsets
from .indosum import IndoSumArticle, load_indosum

__all__ = [
    "EVENT_TYPES",
    "MODALITIES",
    "EventScores",
    "GoldArticle",
    "GoldEvent",
    "GoldQuote",
    "QuoteScores",
    "SEED_SPEAKER_NAMES",
    "analyse_gold",
    "default_gold_dir",
    "load_event_gold",
    "score_events",
    "score_quotes",
]

logger = logging.getLogger(__name__)

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("asserted", "future", "obligation", "hypothetical", "denied-claim")
PARAGRAPH_SEPARATOR = "\n\n"
WIB = dt.timezone(dt.timedelta(hours=7))
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_EVENT_KEYS = {"source", "target", "type", "mode", "negated", "modality", "date", "optional", "evidence"}
_EVENT_OPTIONAL_KEYS = {"source_text", "target_text"}
_QUOTE_KEYS = {"direct", "speaker", "speaker_country", "attributed_to", "span"}
_QUOTE_OPTIONAL_KEYS = {"speaker_aliases"}

#: The seeds' English speaker names -> the names warta's actor resolution gives those speakers.
SEED_SPEAKER_NAMES = {
    "Russian Ministry of Foreign Affairs": "Kementerian Luar Negeri Rusia",
    "Security Council of Russia": "Dewan Keamanan Rusia",
}


def default_gold_dir() -> Path:
    """``tests/gold`` of a source checkout."""
    return Path(__file__).resolve().parents[3] / "tests" / "gold"


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


# ---------------------------------------------------------------------------------------------------------
# The gold records
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class GoldEvent:
    """One gold event; ``start``/``end`` index the article text (the evidence clause)."""

    source: str | None
    target: str | None
    type: str
    mode: str | None
    negated: bool
    modality: str
    date: str | None
    optional: bool
    start: int
    end: int
    words: str
    source_text: str | None = None
    target_text: str | None = None

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        return self.source, self.target, self.type

    @property
    def scored(self) -> bool:
        """Events whose source and target countries are both null are scored on neither side."""
        return self.source is not None or self.target is not None


@dataclass(frozen=True, kw_only=True)
class GoldQuote:
    """One gold quote; ``start``/``end`` index the article text."""

    direct: bool
    speaker: str
    aliases: tuple[str, ...]
    speaker_country: str | None
    attributed_to: str | None
    start: int
    end: int
    words: str

    def names(self) -> set[str]:
        return {_fold(n) for n in (self.speaker, *self.aliases) if n}


@dataclass(kw_only=True)
class GoldArticle:
    """A gold article: how to build warta's input for it, its text, and its gold events and quotes."""

    key: str
    kind: str  # indosum | example | seed
    gold_file: str
    text: str
    published: str | None
    anchor: str | None
    path: Path | None = None  # example/seed input file
    record: int = 0  # which document of that file (JSONL line, WARC response record)
    events: list[GoldEvent] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)

    def input_document(self) -> Document:
        """The document warta analyses: the raw input for examples and seeds, the clean text for IndoSum."""
        if self.kind == "indosum":
            return Document(source=f"indosum/{self.key.split(':', 1)[1]}", text=self.text, published=self.published)
        return _read_record(self.path, self.record)


def _fold(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


# ---------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------


def _read_record(path: Path | None, record: int) -> Document:
    from ..read import read_inputs

    if path is None or not path.exists():
        raise ValueError(f"gold input {path} does not exist; run from a source checkout with examples/")
    docs = list(read_inputs([str(path)]))
    if not 0 <= record < len(docs):
        raise ValueError(f"{path} holds {len(docs)} document(s); the gold points at record {record}")
    return docs[record]


def _cleaning_pipeline():
    from ..api import build_pipeline

    return build_pipeline()


def _check_span(span: dict[str, Any], paragraphs: list[str], where: str) -> tuple[int, int, int]:
    try:
        p, start, end, words = span["paragraph"], span["start"], span["end"], span["words"]
    except (KeyError, TypeError) as err:
        raise ValueError(f"{where}: needs paragraph, start, end and words, got {span!r}") from err
    if not 0 <= p < len(paragraphs) or not 0 <= start < end <= len(paragraphs[p]):
        raise ValueError(f"{where}: paragraph {p} [{start}:{end}] lies outside the article's paragraphs; "
                         "the article text changed since it was annotated: re-check this item")  # fmt: skip
    found = paragraphs[p][start:end]
    if not words or len(words.split()) > 5 or not found.startswith(words):
        raise ValueError(f"{where}: paragraph {p} [{start}:{end}] now reads {found[:60]!r}, which does not start "
                         f"with {words!r}; the article text changed: re-check this item")  # fmt: skip
    return p, start, end


def _check_code(code: Any, what: str, where: str) -> None:
    if code is not None and (not isinstance(code, str) or not is_actor_country(code)):
        raise ValueError(f"{where}: {what} {code!r} is neither ISO 3166-1 alpha-3 nor an IGO code")


def _convert_event(item: dict[str, Any], paragraphs: list[str], offsets: list[int], text: str,
                   where: str) -> GoldEvent:  # fmt: skip
    keys = set(item)
    if not _EVENT_KEYS <= keys <= _EVENT_KEYS | _EVENT_OPTIONAL_KEYS:
        raise ValueError(f"{where}: an event needs the keys {sorted(_EVENT_KEYS)} (plus optional "
                         f"{sorted(_EVENT_OPTIONAL_KEYS)}), got {sorted(keys)}")  # fmt: skip
    if item["type"] not in EVENT_TYPES:
        raise ValueError(f"{where}: type {item['type']!r} is not one of the 16 PLOVER types {EVENT_TYPES}")
    if item["modality"] not in MODALITIES:
        raise ValueError(f"{where}: modality {item['modality']!r} is not one of {MODALITIES}")
    if item["date"] is not None and not _DATE.match(item["date"]):
        raise ValueError(f"{where}: date {item['date']!r} is not YYYY-MM-DD, YYYY-MM or null")
    if not isinstance(item["negated"], bool) or not isinstance(item["optional"], bool):
        raise ValueError(f"{where}: negated and optional must be true or false")
    _check_code(item["source"], "source", where)
    _check_code(item["target"], "target", where)
    for key in ("source_text", "target_text"):
        if item.get(key) and item[key] not in text:
            raise ValueError(f"{where}: {key} {item[key]!r} does not occur in the article; re-check this item")
    p, start, end = _check_span(item["evidence"], paragraphs, where)
    return GoldEvent(
        source=item["source"], target=item["target"], type=item["type"], mode=item["mode"],
        negated=item["negated"], modality=item["modality"], date=item["date"], optional=item["optional"],
        start=offsets[p] + start, end=offsets[p] + end, words=item["evidence"]["words"],
        source_text=item.get("source_text"), target_text=item.get("target_text"),
    )  # fmt: skip


def _convert_quote(item: dict[str, Any], paragraphs: list[str], offsets: list[int], where: str) -> GoldQuote:
    keys = set(item)
    if not _QUOTE_KEYS <= keys <= _QUOTE_KEYS | _QUOTE_OPTIONAL_KEYS:
        raise ValueError(f"{where}: a quote needs the keys {sorted(_QUOTE_KEYS)} (plus optional "
                         f"{sorted(_QUOTE_OPTIONAL_KEYS)}), got {sorted(keys)}")  # fmt: skip
    if not item["speaker"] or not isinstance(item["direct"], bool):
        raise ValueError(f"{where}: a quote needs a speaker name and direct true or false")
    _check_code(item["speaker_country"], "speaker_country", where)
    p, start, end = _check_span(item["span"], paragraphs, where)
    return GoldQuote(
        direct=item["direct"], speaker=item["speaker"], aliases=tuple(item.get("speaker_aliases") or ()),
        speaker_country=item["speaker_country"], attributed_to=item["attributed_to"],
        start=offsets[p] + start, end=offsets[p] + end, words=item["span"]["words"],
    )  # fmt: skip


class _Sources:
    """Caches IndoSum folds and the cleaned example documents while one load runs."""

    def __init__(self, shared_dir: Path | None) -> None:
        self.shared_dir = shared_dir
        self.folds: dict[str, dict[str, IndoSumArticle]] = {}
        self.pipeline = None

    def indosum(self, file: str) -> dict[str, IndoSumArticle] | None:
        if self.shared_dir is None:
            return None
        if file not in self.folds:
            path = self.shared_dir / file if "/" in file else self.shared_dir / "data" / "news" / "indosum" / file
            self.folds[file] = {a.id: a for a in load_indosum(path)}
        return self.folds[file]

    def cleaned(self, path: Path, record: int) -> Document:
        self.pipeline = self.pipeline or _cleaning_pipeline()
        return self.pipeline(_read_record(path, record))


def _article_from_ref(entry: dict[str, Any], sources: _Sources, gold_file: Path) -> GoldArticle | None:
    ref = entry.get("ref") or {}
    if ref.get("kind") == "indosum":
        fold = sources.indosum(ref["file"])
        if fold is None:
            return None
        article = fold.get(ref["id"])
        if article is None:
            raise ValueError(f"{gold_file}: IndoSum article {ref['id']} is not in {ref['file']}")
        first = " ".join(article.paragraphs[0].split(" ")[:4]) if article.paragraphs else ""
        if first != ref["check"]:
            raise ValueError(f"{gold_file}: IndoSum article {ref['id']} now starts {first!r}, not {ref['check']!r}; "
                             "the shared data or the detokeniser changed: re-check its annotations")  # fmt: skip
        stamp = dt.datetime.fromtimestamp(int(ref["id"].split("-", 1)[0]), WIB).date().isoformat()
        return GoldArticle(key=f"indosum:{ref['id']}", kind="indosum", gold_file=str(gold_file),
                           text=PARAGRAPH_SEPARATOR.join(article.paragraphs), published=stamp,
                           anchor=entry.get("anchor"))  # fmt: skip
    if ref.get("kind") == "example":
        path, record = _repo_root() / ref["path"], int(ref.get("record", 0))
        key = f"example:{ref['path']}" + (f"#{record}" if "record" in ref else "")
        return GoldArticle(key=key, kind="example", gold_file=str(gold_file), text="", published=None,
                           anchor=entry.get("anchor"), path=path, record=record)  # fmt: skip
    raise ValueError(f"{gold_file}: article ref {ref!r} has no known kind (indosum or example)")


def _paragraphs_of(article: GoldArticle, sources: _Sources) -> tuple[list[str], list[int]]:
    """The article's paragraphs and where each starts in its text (filling in an example's text)."""
    if article.kind == "indosum":
        paragraphs = article.text.split(PARAGRAPH_SEPARATOR)
        return paragraphs, paragraph_offsets(paragraphs)
    doc = sources.cleaned(article.path, article.record)
    article.text, article.published = doc.text, doc.published
    return [doc.text[s:e] for s, e in doc.paragraphs], [s for s, _ in doc.paragraphs]


def _load_gold_file(path: Path, sources: _Sources) -> list[GoldArticle]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(spec.get("articles"), list) or not spec.get("description"):
        raise ValueError(f"{path}: expected a 'description' and an 'articles' list at the top level")
    result = []
    for entry in spec["articles"]:
        article = _article_from_ref(entry, sources, path)
        if article is None:
            continue
        paragraphs, offsets = _paragraphs_of(article, sources)
        for n, item in enumerate(entry.get("events", [])):
            pair = f"{item.get('source')}->{item.get('target')}"
            where = f"{path}: article {article.key} event {n} ({item.get('type')} {pair})"
            article.events.append(_convert_event(item, paragraphs, offsets, article.text, where))
        for n, item in enumerate(entry.get("quotes", [])):
            where = f"{path}: article {article.key} quote {n} ({item.get('speaker')})"
            article.quotes.append(_convert_quote(item, paragraphs, offsets, where))
        result.append(article)
    return result


# --- the seeds ----------------------------------------------------------------------------------------------


def _seed_event(item: dict[str, Any], text: str, where: str) -> GoldEvent:
    start = text.find(item["evidence"])
    if start < 0:
        raise ValueError(f"{where}: evidence {item['evidence'][:60]!r} is not in the cleaned seed text")
    for key in ("source_country", "target_country"):
        _check_code(item[key], key, where)
    if item["type"] not in EVENT_TYPES or item["modality"] not in MODALITIES:
        raise ValueError(f"{where}: type {item['type']!r} or modality {item['modality']!r} is not valid")
    return GoldEvent(
        source=item["source_country"], target=item["target_country"], type=item["type"], mode=item["mode"],
        negated=bool(item["negated"]), modality=item["modality"], date=item["date"],
        optional=item.get("confidence") == "debatable", start=start, end=start + len(item["evidence"]),
        words=" ".join(item["evidence"].split(" ")[:5]),
        source_text=item.get("source_name"), target_text=item.get("target_name"),
    )  # fmt: skip


def _quote_end(text: str, start: int, direct: bool) -> int:
    """Where a seed quote given by its first words ends: its closing mark, else its sentence's end."""
    stop = text.find(PARAGRAPH_SEPARATOR, start)
    stop = len(text) if stop < 0 else stop
    if direct:
        marks = [i for i in (text.find(m, start, stop) for m in ('”', '"')) if i >= 0]
        return min(marks) if marks else stop
    sentence = re.search(r"[.!?](\s|$)", text[start:stop])
    return start + sentence.start() if sentence else stop


def _seed_quote(item: dict[str, Any], text: str, aliases: dict[str, list[str]], where: str) -> GoldQuote:
    start = text.find(item["starts_with"])
    if start < 0:
        raise ValueError(f"{where}: quote {item['starts_with']!r} is not in the cleaned seed text")
    english = item["speaker_name"]
    speaker = SEED_SPEAKER_NAMES.get(english, english)
    names = {english, *aliases.get(english, [])} - {speaker}
    return GoldQuote(
        direct=bool(item["direct"]), speaker=speaker, aliases=tuple(sorted(names)),
        speaker_country=item["speaker_country"], attributed_to=item["attributed_to"],
        start=start, end=max(_quote_end(text, start, bool(item["direct"])), start + len(item["starts_with"])),
        words=" ".join(item["starts_with"].split(" ")[:5]),
    )  # fmt: skip


def _load_seeds(shared_dir: Path, sources: _Sources) -> list[GoldArticle]:
    result = []
    for gold_path in sorted((shared_dir / "dev" / "seeds").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = gold_path.parent / gold["file"]
        doc = sources.cleaned(path, 0)
        article = GoldArticle(key=f"seed:{gold['file']}", kind="seed", gold_file=str(gold_path), text=doc.text,
                              published=doc.published, anchor=gold.get("published"), path=path)  # fmt: skip
        aliases = {a["name"]: a.get("mentions", []) for a in gold.get("actors", [])}
        for n, item in enumerate(gold.get("events", [])):
            article.events.append(_seed_event(item, doc.text, f"{gold_path}: event {n} ({item.get('type')})"))
        for n, item in enumerate(gold.get("quotes", [])):
            where = f"{gold_path}: quote {n} ({item.get('speaker_name')})"
            article.quotes.append(_seed_quote(item, doc.text, aliases, where))
        result.append(article)
    return result


def load_event_gold(shared_dir: str | Path | None = None, paths: list[str | Path] | None = None, *,
                    seeds: bool = True) -> list[GoldArticle]:  # fmt: skip
    """Every gold article of ``tests/gold/events_*.json`` (or of ``paths``) and of the two seeds, checked.

    ``shared_dir`` defaults to :func:`warta.evaluate.find_shared`; when it does not exist the IndoSum articles
    and the seeds are skipped (with a log message) and the example articles still load. Raises ``ValueError``
    naming the file, the article and the item when a check, an evidence's or a span's words, a code or a
    type no longer fits, or when two gold articles have the same key.
    """
    shared = Path(shared_dir) if shared_dir is not None else find_shared()
    if not shared.is_dir():
        logger.info("%s is absent: IndoSum gold articles and the seeds are skipped", shared)
        shared = None
    sources = _Sources(shared)
    files = [Path(p) for p in paths] if paths is not None else sorted(default_gold_dir().glob("events_*.json"))
    articles: list[GoldArticle] = []
    for path in files:
        articles.extend(_load_gold_file(path, sources))
    if seeds and shared is not None:
        articles.extend(_load_seeds(shared, sources))
    seen: dict[str, str] = {}
    for article in articles:
        if article.key in seen:
            raise ValueError(f"article {article.key} is annotated twice: in {seen[article.key]} "
                             f"and {article.gold_file}")
        seen[article.key] = article.gold_file
    logger.debug("loaded %d gold articles, %d events, %d quotes", len(articles),
                 sum(len(a.events) for a in articles), sum(len(a.quotes) for a in articles))  # fmt: skip
    return articles


# ---------------------------------------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------------------------------------


def analyse_gold(articles: list[GoldArticle], pipeline=None, *, text_pipeline=None) -> dict[str, Document]:
    """Run warta over the gold articles: key -> analysed document.

    Examples and seeds go through the full pipeline from their raw input (``pipeline``, default
    :func:`warta.api.build_pipeline`); IndoSum articles are already clean text and go through the analysis
    components only (``text_pipeline``, default the one the actor evaluation uses), with their date as
    ``published``. Raises ``ValueError`` when cleaning an example no longer gives the text the gold points into.
    """
    from .actors_eval import analysis_pipeline

    docs: dict[str, Document] = {}
    for article in articles:
        if article.kind == "indosum":
            text_pipeline = text_pipeline or analysis_pipeline()
            doc = text_pipeline(article.input_document())
        else:
            pipeline = pipeline or _cleaning_pipeline()
            doc = pipeline(article.input_document())
        if doc.text != article.text:
            raise ValueError(f"{article.key}: warta's cleaned text differs from the text the gold was loaded from")
        docs[article.key] = doc
    return docs


# ---------------------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(kw_only=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def add(self, right: bool) -> None:
        self.correct += int(right)
        self.total += 1


@dataclass(kw_only=True)
class EventScores:
    """Event counts, P/R/F1, attribute accuracies over matched pairs, per article, and the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0
    unscored_gold: int = 0  # gold events with both countries null
    unscored_predicted: int = 0
    negation: Accuracy = field(default_factory=Accuracy)
    modality: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    per_article: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_attributes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(precision=self.precision, recall=self.recall, f1=self.f1)
        for name in ("negation", "modality", "date"):
            out[name]["accuracy"] = getattr(self, name).value
        return out


@dataclass(kw_only=True)
class QuoteScores:
    """Quote counts, P/R/F1 and speaker accuracy over found quotes, per article, and the errors."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold quotes overlapped by a prediction
    correct_predictions: int = 0  # predictions that overlap a gold quote
    speaker: Accuracy = field(default_factory=Accuracy)
    per_article: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_speakers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.correct_predictions, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(precision=self.precision, recall=self.recall, f1=self.f1)
        out["speaker"]["accuracy"] = self.speaker.value
        return out


@dataclass(frozen=True, kw_only=True)
class _Predicted:
    key: tuple[str | None, str | None, str]
    negated: bool
    modality: str
    date: str | None
    start: int
    end: int


def _country(side: Any) -> str | None:
    if not isinstance(side, dict):
        return None
    return side.get("country") or None


def _read_events(doc: Document) -> list[_Predicted]:
    out = []
    for ev in doc.events:
        sentence = ev.get("sentence") or (0, 0)
        out.append(_Predicted(
            key=(_country(ev.get("source")), _country(ev.get("target")), ev.get("type")),
            negated=bool(ev.get("negated", False)), modality=ev.get("modality") or "asserted",
            date=ev.get("date"), start=int(sentence[0]), end=int(sentence[1]),
        ))  # fmt: skip
    return out


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _match_events(gold: list[GoldEvent], predicted: list[_Predicted]) -> dict[int, int]:
    """Gold index -> prediction index, one to one on equal tuples. Non-optional gold first; within each
    group, pairs whose evidence overlaps the predicted sentence first, then the nearest."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.key == p.key:
                overlap = _overlaps(g.start, g.end, p.start, p.end)
                pairs.append((g.optional, not overlap, abs(g.start - p.start), gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in sorted(pairs):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _tuple(key: tuple[str | None, str | None, str]) -> str:
    return f"{key[0] or '-'} -> {key[1] or '-'} {key[2]}"


def _score_article_events(article: GoldArticle, doc: Document, scores: EventScores) -> None:
    gold = [g for g in article.events if g.scored]
    predicted = [p for p in _read_events(doc) if p.key[0] is not None or p.key[1] is not None]
    scores.unscored_gold += len(article.events) - len(gold)
    scores.unscored_predicted += len(doc.events) - len(predicted)
    matched = _match_events(gold, predicted)
    counts = {"tp": 0, "fp": 0, "fn": 0, "gold": sum(not g.optional for g in gold), "predicted": len(predicted)}
    for gi, g in enumerate(gold):
        if gi not in matched:
            if not g.optional:
                counts["fn"] += 1
                scores.misses.append({"article": article.key, "tuple": _tuple(g.key), "evidence": g.words,
                                      "text": article.text[g.start:g.end]})  # fmt: skip
            continue
        if g.optional:
            scores.optional_matched += 1
            continue
        counts["tp"] += 1
        _judge_attributes(article, g, predicted[matched[gi]], scores)
    for pi, p in enumerate(predicted):
        if pi not in matched.values():
            counts["fp"] += 1
            scores.false_positives.append({"article": article.key, "tuple": _tuple(p.key),
                                           "sentence": doc.text[p.start:p.end]})  # fmt: skip
    scores.tp, scores.fp, scores.fn = scores.tp + counts["tp"], scores.fp + counts["fp"], scores.fn + counts["fn"]
    scores.per_article[article.key] = counts


def _judge_attributes(article: GoldArticle, g: GoldEvent, p: _Predicted, scores: EventScores) -> None:
    checks = {"negation": (g.negated, p.negated), "modality": (g.modality, p.modality), "date": (g.date, p.date)}
    for name, (want, got) in checks.items():
        getattr(scores, name).add(want == got)
        if want != got:
            scores.wrong_attributes.append({"article": article.key, "tuple": _tuple(g.key), "attribute": name,
                                            "gold": want, "predicted": got, "evidence": g.words})  # fmt: skip


def _check_docs(articles: list[GoldArticle], docs: dict[str, Document]) -> None:
    missing = [a.key for a in articles if a.key not in docs]
    if missing:
        raise ValueError(f"no analysed document for {len(missing)} gold article(s), e.g. {missing[0]!r}; "
                         "pass the result of analyse_gold(articles)")  # fmt: skip


def score_events(articles: list[GoldArticle], docs: dict[str, Document]) -> EventScores:
    """Micro P/R/F1 of (source country, target country, type) per EVENTS_FORMAT.md, plus attribute accuracy
    (negation, modality, date) over the true positives and the misses and false positives for error analysis."""
    _check_docs(articles, docs)
    scores = EventScores()
    for article in articles:
        _score_article_events(article, docs[article.key], scores)
    return scores


# --- quotes -------------------------------------------------------------------------------------------------


def _speaker_names(quote: dict[str, Any], doc: Document) -> set[str]:
    speaker = quote.get("speaker") or {}
    names = {speaker.get("name"), speaker.get("text"), speaker.get("actor")}
    names |= {a.get("name") for a in doc.actors if speaker.get("actor") and a.get("id") == speaker.get("actor")}
    return {_fold(n) for n in names if n}


def _score_article_quotes(article: GoldArticle, doc: Document, scores: QuoteScores) -> None:
    predicted = [(int(q["start"]), int(q["end"]), q) for q in doc.quotes]
    counts = {"gold": len(article.quotes), "predicted": len(predicted), "found": 0, "speaker_right": 0}
    for g in article.quotes:
        hits = [(min(e, g.end) - max(s, g.start), q) for s, e, q in predicted if _overlaps(s, e, g.start, g.end)]
        if not hits:
            scores.misses.append({"article": article.key, "speaker": g.speaker, "span": g.words,
                                  "text": article.text[g.start:g.end]})  # fmt: skip
            continue
        counts["found"] += 1
        best = max(hits, key=lambda h: h[0])[1]
        right = bool(_speaker_names(best, doc) & g.names())
        scores.speaker.add(right)
        counts["speaker_right"] += int(right)
        if not right:
            scores.wrong_speakers.append({"article": article.key, "gold": g.speaker, "span": g.words,
                                          "predicted": (best.get("speaker") or {})})  # fmt: skip
    for s, e, q in predicted:
        if any(_overlaps(s, e, g.start, g.end) for g in article.quotes):
            scores.correct_predictions += 1
        else:
            scores.false_positives.append({"article": article.key, "text": doc.text[s:e]})
    scores.gold += counts["gold"]
    scores.predicted += counts["predicted"]
    scores.found += counts["found"]
    scores.per_article[article.key] = counts


def score_quotes(articles: list[GoldArticle], docs: dict[str, Document]) -> QuoteScores:
    """Quote recall (a gold span overlapped by a prediction), precision (a prediction overlapping a gold span)
    and speaker accuracy over found quotes (name, surface text or actor id, case-folded, against the gold
    speaker and its aliases)."""
    _check_docs(articles, docs)
    scores = QuoteScores()
    for article in articles:
        _score_article_quotes(article, docs[article.key], scores)
    return scores
