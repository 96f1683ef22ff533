"""Gold actor mentions over IndoSum articles: load them against ``../shared`` and score predicted mentions.

The gold file (``tests/gold/actors_indosum.json``) points into the shared IndoSum folds: per article the fold
file, the id, the date, the first four words of its first paragraph as a check, and per mention a paragraph
index, character offsets into that detokenised paragraph, the mention's own surface words and the actor it
resolves to (``name``, ``kind``, ``country``, ``sector``). No article text is stored beyond those surfaces.

:func:`load_actor_gold` reads the articles with :func:`warta.evaluate.indosum.load_indosum`, verifies every
check and every mention surface, and turns the offsets into offsets into the article text as warta builds it
(the paragraphs joined by a blank line). :func:`score_actor_mentions` compares predicted mentions with the gold:
a gold mention is *found* when a prediction has the same span, or overlaps it and covers its head word; the
found mention is then judged on country, on country and sector, and on the normalised actor name.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from .indosum import IndoSumArticle, load_indosum

__all__ = [
    "ActorGoldArticle",
    "GoldMention",
    "IGO_CODES",
    "KINDS",
    "LEVELS",
    "MISS_KINDS",
    "SECTORS",
    "default_actor_gold_path",
    "is_actor_country",
    "load_actor_gold",
    "normalise_name",
    "paragraph_offsets",
    "score_actor_mentions",
]

logger = logging.getLogger(__name__)

KINDS = ("person", "state", "org", "igo", "group")
SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "CVL", "MED", "BUS")
# The contract's IGO codes plus the few others an Indonesian news corpus names (PCA: Permanent Court of Arbitration).
IGO_CODES = frozenset(
    {"UN", "NATO", "CSTO", "SCO", "EU", "ASEAN", "G20", "G7", "APEC", "AU", "OIC", "OPEC", "PCA", "ICC", "IMF", "WTO"}
)
LEVELS = ("mention", "country", "country_sector", "name")
MISS_KINDS = ("not_found", "wrong_country", "wrong_sector", "wrong_name", "spurious")
SCOPES = ("international", "domestic")
PARAGRAPH_SEPARATOR = "\n\n"
WIB = dt.timezone(dt.timedelta(hours=7))
_MENTION_KEYS = {"paragraph", "start", "end", "text", "name", "kind", "country", "sector"}

# Head-word heuristic (evaluation only): words that open a phrase without being its head, and titles that
# head a person's role phrase even when every word is capitalised ('Presiden Korea Selatan').
_NON_HEAD = frozenset(
    "para sang si kaum seorang sebuah sejumlah sekelompok beberapa kedua ketiga ribuan puluhan ratusan "
    "segenap seluruh semua mantan pihak terduga berbagai etnis pt".split()
)
_TITLE_WORDS = frozenset(
    "presiden wakil menteri menlu menhan menko mendagri kapolri kapolda kapolres kabid komisaris ketua kepala "
    "pejabat juru duta sekretaris jaksa hakim gubernur perdana pemimpin panglima direktur deputi penasihat "
    "pemenang wanita mantan negosiator penyidik diplomat jenderal pendiri".split()
)
_TOKEN = re.compile(r"[^\s()\[\],.;:!?\"'“”‘’]+")


def default_actor_gold_path() -> Path:
    """``tests/gold/actors_indosum.json`` of a source checkout."""
    return Path(__file__).resolve().parents[3] / "tests" / "gold" / "actors_indosum.json"


@dataclass(frozen=True, kw_only=True)
class GoldMention:
    """One gold mention; ``start``/``end`` index the article text, ``head`` is the head word's span there."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    paragraph: int
    head: tuple[int, int]


@dataclass(kw_only=True)
class ActorGoldArticle:
    """An IndoSum article with its date, its gold mentions and the spans where predictions are not scored."""

    article: IndoSumArticle
    date: dt.date
    scope: str
    mentions: list[GoldMention]
    ignore: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        """The article text as warta builds it: the paragraphs joined by a blank line."""
        return PARAGRAPH_SEPARATOR.join(self.article.paragraphs)


# ---------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------


def is_actor_country(code: str | None) -> bool:
    """None, an ISO 3166-1 alpha-3 code, or one of :data:`IGO_CODES`."""
    if code is None or code in IGO_CODES:
        return True
    return len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def head_span(text: str, kind: str) -> tuple[int, int]:
    """Offsets (within ``text``) of the head word: a name's last word, else the first word that can head."""
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    if not tokens:
        return 0, len(text)
    words = [text[s:e].lower() for s, e in tokens]
    if kind == "person" and text[:1].isupper() and words[0] not in _TITLE_WORDS and all(
        text[s:s + 1].isupper() or not text[s:s + 1].isalpha() for s, _ in tokens
    ):
        return tokens[-1]
    for span, word in zip(tokens, words):
        if word not in _NON_HEAD and not word.isdigit():
            return span
    return tokens[0]


def _moved(path: Path, entry: dict[str, Any], what: str) -> ValueError:
    return ValueError(
        f"{path}: article {entry['id']} of {entry['file']}: {what}; the shared IndoSum data (or the detokeniser) "
        "changed since the gold was annotated: re-check the annotations of this article"
    )


def _verify_article(article: IndoSumArticle, entry: dict[str, Any], path: Path) -> dt.date:
    first = " ".join(article.paragraphs[0].split(" ")[:4]) if article.paragraphs else ""
    if first != entry["check"]:
        raise _moved(path, entry, f"it now starts {first!r}, not {entry['check']!r}")
    if entry.get("scope") not in SCOPES:
        raise ValueError(f"{path}: article {entry['id']} has scope {entry.get('scope')!r}; use one of {SCOPES}")
    date = dt.date.fromisoformat(entry["date"])
    stamp = dt.datetime.fromtimestamp(int(entry["id"].split("-", 1)[0]), WIB).date()
    if date != stamp:
        raise ValueError(f"{path}: article {entry['id']} is dated {date}, but its id's timestamp is {stamp} (WIB)")
    return date


def _check_codes(mention: dict[str, Any], where: str) -> None:
    if set(mention) != _MENTION_KEYS:
        raise ValueError(f"{where}: a mention needs exactly the keys {sorted(_MENTION_KEYS)}, got {sorted(mention)}")
    if mention["kind"] not in KINDS:
        raise ValueError(f"{where}: kind {mention['kind']!r} is not one of {KINDS}")
    if not is_actor_country(mention["country"]):
        raise ValueError(f"{where}: country {mention['country']!r} is neither ISO 3166-1 alpha-3 nor an IGO code")
    if mention["sector"] is not None and mention["sector"] not in SECTORS:
        raise ValueError(f"{where}: sector {mention['sector']!r} is not one of {SECTORS}")
    if not mention["name"]:
        raise ValueError(f"{where}: the mention has no actor name")


def _convert_mention(mention: dict[str, Any], paragraphs: list[str], offsets: list[int],
                     entry: dict[str, Any], path: Path) -> GoldMention:  # fmt: skip
    p, start, end = mention["paragraph"], mention["start"], mention["end"]
    where = f"{path}: article {entry['id']} mention {mention.get('text')!r} (paragraph {p}, {start}-{end})"
    _check_codes(mention, where)
    if not 0 <= p < len(paragraphs) or not 0 <= start < end <= len(paragraphs[p]):
        raise _moved(path, entry, f"mention {mention['text']!r} points outside its paragraph")
    if paragraphs[p][start:end] != mention["text"]:
        found = paragraphs[p][start:end]
        raise _moved(path, entry, f"paragraph {p} [{start}:{end}] now reads {found!r}, not {mention['text']!r}")
    head_start, head_end = head_span(mention["text"], mention["kind"])
    base = offsets[p] + start
    return GoldMention(start=base, end=offsets[p] + end, text=mention["text"], name=mention["name"],
                       kind=mention["kind"], country=mention["country"], sector=mention["sector"],
                       paragraph=p, head=(base + head_start, base + head_end))  # fmt: skip


def _convert_ignore(span: dict[str, Any], paragraphs: list[str], offsets: list[int],
                    entry: dict[str, Any], path: Path) -> tuple[int, int]:  # fmt: skip
    p, start, end = span["paragraph"], span["start"], span["end"]
    if not 0 <= p < len(paragraphs) or not 0 <= start < end <= len(paragraphs[p]):
        raise _moved(path, entry, f"ignored span {span} points outside its paragraph")
    if not paragraphs[p][start:end].startswith(span["prefix"]):
        raise _moved(path, entry, f"ignored span {span} no longer starts with {span['prefix']!r}")
    return offsets[p] + start, offsets[p] + end


def paragraph_offsets(paragraphs: list[str]) -> list[int]:
    """Where each paragraph starts in the article text warta builds (paragraphs joined by a blank line)."""
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return offsets


def _check_no_overlap(mentions: list[GoldMention], entry: dict[str, Any], path: Path) -> None:
    for before, after in zip(mentions, mentions[1:]):
        if after.start < before.end:
            raise ValueError(f"{path}: article {entry['id']}: mentions {before.text!r} and {after.text!r} overlap")


def _build_article(article: IndoSumArticle, entry: dict[str, Any], path: Path) -> ActorGoldArticle:
    date = _verify_article(article, entry, path)
    offsets = paragraph_offsets(article.paragraphs)
    mentions = [_convert_mention(m, article.paragraphs, offsets, entry, path) for m in entry["mentions"]]
    mentions.sort(key=lambda m: (m.start, m.end))
    _check_no_overlap(mentions, entry, path)
    ignore = [_convert_ignore(s, article.paragraphs, offsets, entry, path) for s in entry.get("ignore", [])]
    return ActorGoldArticle(article=article, date=date, scope=entry["scope"], mentions=mentions, ignore=ignore)


def _fold_path(shared_dir: Path, file: str) -> Path:
    return shared_dir / file if "/" in file else shared_dir / "data" / "news" / "indosum" / file


def load_actor_gold(shared_dir: str | Path, gold_path: str | Path | None = None) -> list[ActorGoldArticle]:
    """Every article of the gold file, read from ``shared_dir`` and checked, in file order.

    Raises ``ValueError`` naming the article when a check, a mention's surface or an ignored span no longer
    matches the shared data, when an article is missing, or when a kind, country or sector code is invalid.
    """
    shared_dir, gold_path = Path(shared_dir), Path(gold_path or default_actor_gold_path())
    spec = json.loads(gold_path.read_text(encoding="utf-8"))
    if not isinstance(spec.get("articles"), list) or not spec.get("description"):
        raise ValueError(f"{gold_path}: expected a 'description' and an 'articles' list at the top level")
    folds: dict[str, dict[str, IndoSumArticle]] = {}
    result = []
    for entry in spec["articles"]:
        if entry["file"] not in folds:
            folds[entry["file"]] = {a.id: a for a in load_indosum(_fold_path(shared_dir, entry["file"]))}
        article = folds[entry["file"]].get(entry["id"])
        if article is None:
            raise ValueError(f"{gold_path}: article {entry['id']} is not in {_fold_path(shared_dir, entry['file'])}")
        result.append(_build_article(article, entry, gold_path))
    logger.debug("loaded %d gold articles with %d mentions from %s",
                 len(result), sum(len(a.mentions) for a in result), gold_path)  # fmt: skip
    return result


# ---------------------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------------------


def normalise_name(name: str | None) -> str:
    """Case, accents, punctuation and spacing folded away: 'António  Guterres' == 'antonio guterres'."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


@dataclass(frozen=True, kw_only=True)
class _Prediction:
    start: int
    end: int
    actor_name: str | None
    country: str | None
    sector: str | None
    kind: str | None


def _read_predictions(article: ActorGoldArticle, raw: list[dict[str, Any]]) -> list[_Prediction]:
    size, kept = len(article.text), []
    for item in raw:
        try:
            start, end = int(item["start"]), int(item["end"])
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"article {article.id}: prediction {item!r} needs integer 'start' and 'end'") from err
        if not 0 <= start < end <= size:
            raise ValueError(f"article {article.id}: prediction {item!r} lies outside the {size}-character text")
        if any(s <= start and end <= e for s, e in article.ignore):
            continue  # inside a dateline or byline: not scored
        kept.append(_Prediction(
            start=start, end=end, actor_name=item.get("actor_name"),
            country=item.get("country"), sector=item.get("sector"), kind=item.get("kind"),
        ))  # fmt: skip
    return kept


def _match(gold: list[GoldMention], predicted: list[_Prediction]) -> dict[int, int]:
    """Gold index -> prediction index, one to one: exact spans first, then head-covering overlaps."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if (p.start, p.end) == (g.start, g.end):
                pairs.append((0, 0, gi, pi))
            elif p.start <= g.head[0] and g.head[1] <= p.end:
                overlap = min(p.end, g.end) - max(p.start, g.start)
                pairs.append((1, -overlap, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in sorted(pairs):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _same(a: str | None, b: str | None) -> bool:
    return (a or None) == (b or None)


def _judge(g: GoldMention, p: _Prediction) -> dict[str, bool]:
    country = _same(g.country, p.country.upper() if p.country else None)
    return {
        "mention": True,
        "country": country,
        "country_sector": country and _same(g.sector, p.sector.upper() if p.sector else None),
        "name": normalise_name(g.name) == normalise_name(p.actor_name),
    }


def _record(article: ActorGoldArticle, g: GoldMention | None, p: _Prediction | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": article.id}
    if g is not None:
        out["gold"] = {"start": g.start, "end": g.end, "text": g.text, "name": g.name, "kind": g.kind,
                       "country": g.country, "sector": g.sector}  # fmt: skip
    if p is not None:
        out["predicted"] = {"start": p.start, "end": p.end, "text": article.text[p.start:p.end],
                            "actor_name": p.actor_name, "country": p.country, "sector": p.sector}  # fmt: skip
    return out


@dataclass
class _Tally:
    gold: Counter = field(default_factory=Counter)  # (kind, level) -> gold mentions judged right; (kind, "") -> all
    pred: Counter = field(default_factory=Counter)  # (kind, level) -> predictions judged right; (kind, "") -> all
    misses: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in MISS_KINDS})


def _score_article(article: ActorGoldArticle, predicted: list[_Prediction], tally: _Tally) -> None:
    matched = _match(article.mentions, predicted)
    for gi, g in enumerate(article.mentions):
        tally.gold[(g.kind, "")] += 1
        if gi not in matched:
            tally.misses["not_found"].append(_record(article, g, None))
            continue
        p = predicted[matched[gi]]
        verdict = _judge(g, p)
        for level, ok in verdict.items():
            tally.gold[(g.kind, level)] += ok
            tally.pred[(g.kind, level)] += ok
        tally.pred[(g.kind, "")] += 1
        for level, key in (("country", "wrong_country"), ("name", "wrong_name")):
            if not verdict[level]:
                tally.misses[key].append(_record(article, g, p))
        if verdict["country"] and not verdict["country_sector"]:
            tally.misses["wrong_sector"].append(_record(article, g, p))
    for pi in sorted(set(range(len(predicted))) - set(matched.values())):
        p = predicted[pi]
        tally.pred[(p.kind or "unknown", "")] += 1
        tally.misses["spurious"].append(_record(article, None, p))


def _levels(gold: Counter, pred: Counter, kinds: list[str]) -> dict[str, Any]:
    n_gold = sum(gold[(k, "")] for k in kinds)
    n_pred = sum(pred[(k, "")] for k in kinds)
    out: dict[str, Any] = {"gold": n_gold, "predicted": n_pred}
    for level in LEVELS:
        right_gold = sum(gold[(k, level)] for k in kinds)
        right_pred = sum(pred[(k, level)] for k in kinds)
        precision = right_pred / n_pred if n_pred else 0.0
        recall = right_gold / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[level] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                      "correct": right_gold}  # fmt: skip
    return out


def score_actor_mentions(gold_articles: list[ActorGoldArticle],
                         predicted: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:  # fmt: skip
    """Precision and recall of predicted actor mentions against the gold, overall and by kind.

    ``predicted`` maps an article id to its mentions, each ``{"start", "end", "actor_name", "country",
    "sector"}`` with offsets into :attr:`ActorGoldArticle.text` (an optional ``"kind"`` places an unmatched
    prediction in the by-kind precision; otherwise it counts under ``"unknown"``). Levels: ``mention``
    (found), ``country``, ``country_sector`` and ``name`` (normalised with :func:`normalise_name`). A matched
    prediction takes its gold mention's kind. Predictions inside an ignored span (dateline, byline) are dropped.
    """
    by_id = {a.id: a for a in gold_articles}
    unknown = sorted(set(predicted) - set(by_id))
    if unknown:
        raise ValueError(f"predictions for {len(unknown)} article(s) not in the gold, e.g. {unknown[0]!r}")
    tally = _Tally()
    for article in gold_articles:
        _score_article(article, _read_predictions(article, predicted.get(article.id, [])), tally)
    kinds = sorted({k for k, _ in tally.gold} | {k for k, _ in tally.pred})
    return {
        "articles": len(gold_articles),
        "overall": _levels(tally.gold, tally.pred, kinds),
        "by_kind": {kind: _levels(tally.gold, tally.pred, [kind]) for kind in kinds},
        "misses": tally.misses,
    }
