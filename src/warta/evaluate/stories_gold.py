"""Gold story clusters: load ``tests/gold/stories_gold.json`` and score a clustering with BCubed.

The gold says which articles report the same real-world story (format and judging rule in
``tests/gold/STORIES_FORMAT.md``). Its articles come from three places:

- IndoSum folds in ``../shared`` (``kind: indosum``), pointed at by fold file, article id and the first words of
  the first paragraph; never copied. The document is built the way warta's IndoSum evaluations build it: the
  detokenised paragraphs joined by a blank line, the title from the URL slug, ``published`` from the id's unix
  timestamp (in WIB) and ``outlet`` from the record's ``source``;
- ``examples/`` (``kind: example``): a path and the 0-based document number in that file (JSONL line, WARC
  response record), read with :func:`warta.read.read_inputs`;
- our own articles in ``tests/gold/stories_corpus/articles.jsonl`` (``kind: corpus``): a path and a 1-based line.

:func:`load_story_gold` verifies every article's check words and fails with the gold file and the entry named
when an article moved or is missing; without ``../shared`` the IndoSum items are skipped and the result says so.
:func:`bcubed` scores predicted clusters against the gold labels (item-level BCubed, Amigó et al. 2009).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..document import Document
from .indosum import IndoSumArticle, load_indosum

__all__ = [
    "GoldStoryItem",
    "HardNegative",
    "StoryGold",
    "bcubed",
    "default_story_gold_path",
    "gold_labels",
    "hard_negatives_apart",
    "load_story_gold",
]

logger = logging.getLogger(__name__)

PARAGRAPH_SEPARATOR = "\n\n"
WIB = dt.timezone(dt.timedelta(hours=7))
KINDS = ("indosum", "example", "corpus")
_TOP_KEYS = {"description", "annotator", "rule", "stories", "articles", "hard_negatives"}


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def default_story_gold_path() -> Path:
    """``tests/gold/stories_gold.json`` of a source checkout."""
    return _repo_root() / "tests" / "gold" / "stories_gold.json"


# ---------------------------------------------------------------------------------------------------------
# The gold records
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class GoldStoryItem:
    """One gold article: its unique key, its gold story label and how to get warta's document for it.

    ``needs_cleaning`` is true for examples and corpus articles (their document is the raw input, to go through
    the whole pipeline) and false for IndoSum (its document already holds the clean text).
    """

    key: str
    story: str
    kind: str
    gold_file: str
    source_doc: Document = field(repr=False, compare=False)

    @property
    def needs_cleaning(self) -> bool:
        return self.kind != "indosum"

    def document(self) -> Document:
        """A fresh copy of the article's document (pipelines change documents in place)."""
        return copy.deepcopy(self.source_doc)


@dataclass(frozen=True, kw_only=True)
class HardNegative:
    """Two gold articles that look alike but belong to different stories, and why."""

    a: str
    b: str
    why: str


class StoryGold(list):
    """The loaded items (a list of :class:`GoldStoryItem`) plus what the loader has to report.

    ``skipped`` counts IndoSum items left out because ``../shared`` is absent (``skip_reason`` says why);
    ``hard_negatives`` lists the look-alike pairs between the loaded items.
    """

    def __init__(self, items=(), *, skipped: int = 0, skip_reason: str = "",
                 hard_negatives: list[HardNegative] | None = None) -> None:  # fmt: skip
        super().__init__(items)
        self.skipped = skipped
        self.skip_reason = skip_reason
        self.hard_negatives = hard_negatives or []


def gold_labels(items: list[GoldStoryItem]) -> dict[str, str]:
    """key -> gold story label, the ``gold`` argument of :func:`bcubed`."""
    return {item.key: item.story for item in items}


# ---------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------


def _fold_ws(text: str) -> str:
    return " ".join(text.split())


class _Sources:
    """Reads each IndoSum fold and each input file once while one load runs."""

    def __init__(self, shared_dir: Path | None) -> None:
        self.shared_dir = shared_dir
        self.folds: dict[str, dict[str, IndoSumArticle]] = {}
        self.files: dict[Path, list[Document]] = {}

    def indosum(self, file: str) -> dict[str, IndoSumArticle]:
        if file not in self.folds:
            path = self.shared_dir / "data" / "news" / "indosum" / file  # type: ignore[operator]
            self.folds[file] = {article.id: article for article in load_indosum(path)}
        return self.folds[file]

    def documents(self, path: Path) -> list[Document]:
        from ..read import read_inputs

        if path not in self.files:
            self.files[path] = list(read_inputs([str(path)]))
        return self.files[path]


def _indosum_document(article: IndoSumArticle) -> Document:
    text = PARAGRAPH_SEPARATOR.join(article.paragraphs)
    spans, start = [], 0
    for paragraph in article.paragraphs:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    stamp = dt.datetime.fromtimestamp(int(article.id.split("-", 1)[0]), WIB).isoformat()
    source = f"indosum/{article.file}:{article.id}"
    return Document(source=source, input_kind="text", text=text, paragraphs=spans, title=article.title,
                    published=stamp, outlet=article.source or None, url=article.url or None, language="id")  # fmt: skip


def _indosum_item(ref: dict[str, Any], story: str, where: str, sources: _Sources) -> GoldStoryItem:
    file, article_id, check = ref.get("file"), ref.get("id"), ref.get("check")
    if not (file and article_id and check):
        raise ValueError(f"{where}: an indosum ref needs file, id and check, got {ref!r}")
    article = sources.indosum(file).get(article_id)
    if article is None:
        raise ValueError(f"{where}: IndoSum article {article_id} is not in {file} any more; "
                         "the shared data changed: find the article again or drop the entry")  # fmt: skip
    first = _fold_ws(article.paragraphs[0]) if article.paragraphs else ""
    if not first.startswith(_fold_ws(check)):
        raise ValueError(f"{where}: IndoSum article {article_id} now starts {first[:60]!r}, not {check!r}; "
                         "the shared data or the detokeniser changed: re-check this entry")  # fmt: skip
    key = f"indosum:{file.removesuffix('.jsonl')}:{article_id}"
    return GoldStoryItem(key=key, story=story, kind="indosum", gold_file="", source_doc=_indosum_document(article))


def _input_item(ref: dict[str, Any], story: str, where: str, sources: _Sources) -> GoldStoryItem:
    kind, rel = ref["kind"], ref.get("path")
    if not rel or not ref.get("check"):
        raise ValueError(f"{where}: a {kind} ref needs path and check, got {ref!r}")
    path = _repo_root() / rel
    if not path.is_file():
        raise ValueError(f"{where}: {rel} does not exist; run from a source checkout (examples/, tests/gold/)")
    docs = sources.documents(path)
    if kind == "example":
        number = int(ref.get("record", 0))
        found = docs[number] if 0 <= number < len(docs) else None
        key, what = f"examples:{rel}#{number}", f"document {number}"
    else:
        number = int(ref.get("line", 0))
        found = next((d for d in docs if d.input_ref == f"{path}:{number}"), None)
        key, what = f"corpus:{number}", f"line {number}"
    if found is None or found.rejected:
        reason = f" (rejected: {found.rejected_detail})" if found is not None else ""
        raise ValueError(f"{where}: {rel} has no readable {what}{reason}; {len(docs)} document(s) read from it")
    if _fold_ws(ref["check"]) not in _fold_ws(found.raw):
        raise ValueError(f"{where}: {rel} {what} does not contain the check words {ref['check']!r}; "
                         "the file changed or the entry points at the wrong record: re-check this entry")  # fmt: skip
    return GoldStoryItem(key=key, story=story, kind=kind, gold_file="", source_doc=found)


def _read_spec(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise FileNotFoundError(f"story gold {path} does not exist; expected tests/gold/stories_gold.json")
    spec = json.loads(path.read_text(encoding="utf-8"))
    missing = {"description", "rule", "stories", "articles"} - set(spec)
    if missing or set(spec) - _TOP_KEYS:
        raise ValueError(f"{path}: expected the top-level keys {sorted(_TOP_KEYS)}, missing {sorted(missing)}, "
                         f"unknown {sorted(set(spec) - _TOP_KEYS)}")  # fmt: skip
    if not isinstance(spec["articles"], list) or not isinstance(spec["stories"], dict):
        raise ValueError(f"{path}: 'articles' must be a list and 'stories' an object of label -> description")
    return spec


def _entry_item(entry: dict[str, Any], n: int, spec: dict[str, Any], sources: _Sources,
                path: Path) -> GoldStoryItem | None:  # fmt: skip
    ref, story = entry.get("ref") or {}, entry.get("story")
    where = f"{path}: article {n} ({ref.get('kind')} {ref.get('id') or ref.get('path')})"
    if story not in spec["stories"]:
        raise ValueError(f"{where}: story {story!r} is not described under 'stories'; add it or fix the label")
    if ref.get("kind") not in KINDS:
        raise ValueError(f"{where}: ref kind {ref.get('kind')!r} is not one of {KINDS}")
    if ref["kind"] == "indosum":
        if sources.shared_dir is None:
            return None
        item = _indosum_item(ref, story, where, sources)
    else:
        item = _input_item(ref, story, where, sources)
    return replace(item, gold_file=str(path))


def _hard_negatives(spec: dict[str, Any], items: dict[str, GoldStoryItem], path: Path,
                    complete: bool) -> list[HardNegative]:  # fmt: skip
    pairs = []
    for n, pair in enumerate(spec.get("hard_negatives", [])):
        where = f"{path}: hard negative {n} ({pair.get('a')} / {pair.get('b')})"
        a, b = items.get(pair.get("a")), items.get(pair.get("b"))
        if a is None or b is None:
            if complete:
                raise ValueError(f"{where}: names an article that is not in the gold; fix the key")
            continue
        if a.story == b.story:
            raise ValueError(f"{where}: both articles are labelled {a.story!r}; a hard negative needs two stories")
        pairs.append(HardNegative(a=a.key, b=b.key, why=pair.get("why", "")))
    return pairs


def load_story_gold(shared_dir: str | Path | None, gold_path: str | Path | None = None) -> StoryGold:
    """Every gold article with its story label, check words verified; IndoSum items need ``shared_dir``.

    ``shared_dir`` is the ``../shared`` folder; when it is None or absent the IndoSum items are skipped, logged
    and counted in ``StoryGold.skipped``. Raises ``ValueError`` naming the gold file and the entry when an article
    moved, is missing, or an entry is malformed.
    """
    path = Path(gold_path) if gold_path else default_story_gold_path()
    spec = _read_spec(path)
    shared = Path(shared_dir) if shared_dir else None
    reason = ""
    if shared is None or not (shared / "data" / "news" / "indosum").is_dir():
        reason = f"{shared or 'no shared folder given'}: IndoSum folds absent, their gold items are skipped"
        shared = None
    sources, items, skipped = _Sources(shared), {}, 0
    for n, entry in enumerate(spec["articles"]):
        item = _entry_item(entry, n, spec, sources, path)
        if item is None:
            skipped += 1
        elif item.key in items:
            raise ValueError(f"{path}: article {n} repeats {item.key}; every article may appear once")
        else:
            items[item.key] = item
    if skipped:
        logger.warning("%s (%d of %d articles)", reason, skipped, len(spec["articles"]))
    negatives = _hard_negatives(spec, items, path, complete=not skipped)
    return StoryGold(items.values(), skipped=skipped, skip_reason=reason if skipped else "", hard_negatives=negatives)


# ---------------------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------------------


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, Any]:
    """Item-level BCubed precision, recall and F1 (Amigó, Gonzalo, Artiles & Verdejo 2009) over the gold items.

    ``predicted`` and ``gold`` map item key -> cluster label. For each gold item e, precision is the share of
    the items in e's predicted cluster that share e's gold story, recall the share of the items of e's gold
    story that share e's predicted cluster (e itself counts in both); both are averaged over the items and F1
    is their harmonic mean. A gold item missing from ``predicted`` is its own singleton; predicted keys that
    are not gold items are ignored (counted in ``extra``).
    """
    if not gold:
        raise ValueError("bcubed needs at least one gold item")
    assigned = {key: ("cluster", predicted[key]) if key in predicted else ("missing", key) for key in gold}
    cluster_sizes = Counter(assigned.values())
    story_sizes = Counter(gold.values())
    both = Counter((assigned[key], gold[key]) for key in gold)
    precision = sum(both[assigned[k], gold[k]] / cluster_sizes[assigned[k]] for k in gold) / len(gold)
    recall = sum(both[assigned[k], gold[k]] / story_sizes[gold[k]] for k in gold) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "items": len(gold),
        "gold_stories": len(story_sizes),
        "predicted_clusters": len(cluster_sizes),
        "missing": sum(1 for key in gold if key not in predicted),
        "extra": sum(1 for key in predicted if key not in gold),
    }


def hard_negatives_apart(predicted: Mapping[str, str], pairs: list[HardNegative]) -> dict[str, Any]:
    """How many look-alike pairs the clustering keeps in different clusters (a missing item stands alone)."""
    apart = [p for p in pairs if p.a not in predicted or p.b not in predicted or predicted[p.a] != predicted[p.b]]
    joined = [(p.a, p.b, p.why) for p in pairs if p not in apart]
    return {"pairs": len(pairs), "apart": len(apart), "share": len(apart) / len(pairs) if pairs else 1.0,
            "joined": joined}  # fmt: skip
