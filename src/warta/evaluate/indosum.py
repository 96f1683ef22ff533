"""Read IndoSum (Kurniawan & Louvan, 2018; CC BY-SA 4.0) articles back into natural text.

IndoSum stores each article tokenised: a paragraph is a list of sentences, a sentence a list of tokens
(``Zulkifli di Gedung DPR , Senayan , Jakarta``). :func:`detokenize` turns a token list back into the
text a reader would have seen (``Zulkifli di Gedung DPR, Senayan, Jakarta``) and :func:`load_indosum`
reads a ``*.jsonl`` fold into :class:`IndoSumArticle` records with detokenised paragraphs and summary.

The dataset is never copied into the project: it is read from ``../shared`` at evaluation time.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "IndoSumArticle",
    "detokenize",
    "iter_paragraph_sentences",
    "load_indosum",
    "title_from_url",
]

# How a punctuation token joins its neighbours; any token not listed is spaced on both sides.
_ATTACH_LEFT, _ATTACH_RIGHT, _ATTACH_BOTH, _TOGGLE, _HYPHEN = range(5)
_JOIN: dict[str, int] = {
    **dict.fromkeys([*",.;:!?)]}%”’»…", "...", "..", "’’", "''", "”)", "’)"], _ATTACH_LEFT),
    **dict.fromkeys("([{“‘«$€£¥", _ATTACH_RIGHT),  # opening brackets and quotes, currency before numbers
    "/": _ATTACH_BOTH,
    **dict.fromkeys(['"', "'", "`"], _TOGGLE),  # straight quotes open and close alternately
    "-": _HYPHEN,
}
_ALL_CAPS = re.compile(r"^[A-Z][A-Z.]{2,}$")
_DATELINE_WINDOW = 8  # a spaced dash this early after an outlet or place name is a dateline dash
_INVISIBLE = "\u200e\u200b\ufeff"


def _clean_tokens(tokens: list[str]) -> list[str]:
    """Drop whitespace-only tokens (IndoSum keeps ``\\xa0``, ``\\r\\n``, ``\\u200e``) and trim the rest."""
    cleaned = []
    for token in tokens:
        token = token.strip()
        if token and token.strip(_INVISIBLE):
            cleaned.append(token)
    return cleaned


def _is_dateline_dash(tokens: list[str], i: int) -> bool:
    """A ``-`` right after an outlet or place at the start of a paragraph: ``Rimanews - Polsek``."""
    if i >= _DATELINE_WINDOW or i == 0 or i + 1 >= len(tokens) or not tokens[i + 1][:1].isupper():
        return False
    before = tokens[i - 1]
    named = i == 1 and before[:1].isupper() and before.lower().endswith("news")  # Rimanews - Polsek
    return bool(_ALL_CAPS.match(before) or "." in before or before == ")" or named)


def _hyphen_joins(tokens: list[str], i: int) -> bool:
    """Whether the ``-`` at ``i`` is a word-internal hyphen (``e - KTP``, ``2 - 1``, ``Go - Jek``)."""
    if i == 0 or i == len(tokens) - 1:
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before[-1:].isalnum() and after[:1].isalnum()):
        return False
    return not _is_dateline_dash(tokens, i)


def _merge_double_dashes(tokens: list[str]) -> list[str]:
    """``- -`` (a split ``--``) becomes one ``--`` token."""
    merged: list[str] = []
    for token in tokens:
        if token == "-" and merged and merged[-1] == "-":
            merged[-1] = "--"
        else:
            merged.append(token)
    return merged


def detokenize(tokens: list[str]) -> str:
    """Join IndoSum tokens into natural text.

    No space before ``, . ; : ! ? ) ] }`` and closing quotes, none after ``( [ {`` and opening quotes;
    straight quotes (``"``, ``'``, `````) open and close alternately over the whole token list, so pass a
    whole paragraph to keep quote pairs right across its sentences. Word-internal hyphens and slashes are
    closed up (``e-KTP``, ``2-1``, ``8/9/2017``); a ``-`` that ends an opening dateline stays spaced.
    """
    toks = _merge_double_dashes(_clean_tokens(tokens))
    out: list[str] = []
    open_quote: dict[str, bool] = {}
    glue_next = True  # no space before the first token
    for i, tok in enumerate(toks):
        kind = _JOIN.get(tok)
        glue_this, glue_next = glue_next, False
        if kind is None:
            pass
        elif kind == _ATTACH_LEFT:
            glue_this = True
        elif kind == _ATTACH_RIGHT:
            glue_next = True
        elif kind == _TOGGLE:
            is_open = open_quote.get(tok, False)
            open_quote[tok] = not is_open
            glue_this, glue_next = (True, False) if is_open else (glue_this, True)
        elif kind == _ATTACH_BOTH or _hyphen_joins(toks, i):
            glue_this = glue_next = True
        out.append(tok if glue_this else " " + tok)
    return "".join(out)


@dataclass(kw_only=True)
class IndoSumArticle:
    """One IndoSum article with its paragraphs and summary turned back into text."""

    id: str
    file: str
    paragraphs: list[str]
    summary: list[str]
    category: str
    source: str
    url: str
    title: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError(f"IndoSumArticle from {self.file!r} has an empty id")


def iter_paragraph_sentences(record: dict) -> Iterator[list[str]]:
    """The sentences of each paragraph of a raw IndoSum record, each sentence detokenised on its own."""
    for paragraph in record["paragraphs"]:
        yield [detokenize(sentence) for sentence in paragraph]


_SMALL_WORDS = frozenset(
    "di ke dari pada dan yang untuk dengan ini itu atau oleh dalam bagi soal jadi vs v per atas usai "
    "hingga sampai agar saat kala tak".split()
)
# Acronyms a lower-cased slug loses and the article text may not spell out.
_ACRONYMS = frozenset(
    "ri wni wna kbri kpk dpr dprd mpr tni polri pbb as mk ma kpu bumn sdm dki ihsg bi ojk pssi ntb ntt isis "
    "ue uu ruu pt bpk bmkg bnn bnpb tki ktp cpo ceo lsm ham kjri fifa afc psg mu ac jk sby ahy pdip pks pkb "
    "ppp gp f1 nba wni ktt apec asean g20 imf who ri kri ott bpjs pln bbm".split()
)
_HASHLIKE = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9]{12,}$")
_SLUG_SPLIT = re.compile(r"[-._]+")


def _slug_words(segment: str) -> list[str]:
    segment = re.sub(r"\.html?$", "", segment)
    segment = re.sub(r"^\d+-", "", segment)  # 1821039-marc-marquez-...
    segment = re.sub(r"-\d{8,}$", "", segment)  # ...-yums-1493616676403
    return [w for w in _SLUG_SPLIT.split(segment) if w]


def _is_sensible_slug(words: list[str]) -> bool:
    if len(words) < 3 or any(_HASHLIKE.match(w.lower()) for w in words):
        return False
    if any(a.isdigit() and b.isdigit() for a, b in zip(words, words[1:])):  # 5-4 was 5,4
        return False
    return sum(w.isalpha() for w in words) >= 0.6 * len(words)


def _cased_forms(words: list[str], text: str) -> dict[str, str]:
    """Slug word -> its form in the text when that is most often written with inner capitals
    (``kpu`` -> ``KPU``, ``iphone`` -> ``iPhone``); plain and Capitalised words are left out."""
    wanted = sorted({w.lower() for w in words if w.isalnum()}, key=len, reverse=True)
    if not wanted or not text:
        return {}
    alternatives = "|".join(map(re.escape, wanted))
    pattern = re.compile(rf"\b(?:{alternatives})\b(?!\.[A-Za-z])", re.IGNORECASE)  # not JUARA.net
    by_word: dict[str, Counter[str]] = {}
    for form in pattern.findall(text):
        by_word.setdefault(form.lower(), Counter())[form] += 1
    forms = {low: max(counts, key=lambda f: (counts[f], not _is_special(f))) for low, counts in by_word.items()}
    return {low: form for low, form in forms.items() if _is_special(form)}


def _is_special(form: str) -> bool:
    """Written with capitals after the first letter: ``KPU``, ``iPhone`` (a tie goes to the plain form)."""
    return any(c.isupper() for c in form[1:])


def _case_word(word: str, index: int, forms: dict[str, str]) -> str:
    if word != word.lower():  # the slug kept its own casing (rimanews)
        return word
    if word in forms:
        return forms[word]
    if word in _ACRONYMS:
        return word.upper()
    if index > 0 and word in _SMALL_WORDS:
        return word
    return word[:1].upper() + word[1:]


def title_from_url(url: str, paragraphs: list[str] | None = None) -> str | None:
    """A headline rebuilt from the URL slug, cased with help of the article text; None when no slug fits."""
    path = urlsplit(url).path
    for segment in reversed([s for s in path.split("/") if s]):
        words = _slug_words(segment)
        if len(words) < 2:  # an id, a hash or a section word (report, preview): look further back
            continue
        if not _is_sensible_slug(words):  # the headline slug is there but unusable: no title
            return None
        forms = _cased_forms(words, " ".join(paragraphs or []))
        return " ".join(_case_word(w, i, forms) for i, w in enumerate(words))
    return None


def _article_from_record(record: dict, file: str) -> IndoSumArticle:
    paragraphs = [detokenize([t for s in p for t in s]) for p in record["paragraphs"]]
    paragraphs = [p for p in paragraphs if p]
    return IndoSumArticle(
        id=record["id"],
        file=file,
        paragraphs=paragraphs,
        summary=[detokenize(s) for s in record.get("summary", [])],
        category=record.get("category", ""),
        source=record.get("source", ""),
        url=record.get("source_url", ""),
        title=title_from_url(record.get("source_url", ""), paragraphs),
    )


def load_indosum(path: str | Path) -> list[IndoSumArticle]:
    """All articles of an IndoSum ``*.jsonl`` fold, in file order."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"IndoSum file {path} does not exist; expected a fold such as shared/data/news/indosum/dev.02.jsonl"
        )
    articles = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number} is not a JSON line: {err}") from err
            articles.append(_article_from_record(record, path.name))
    return articles
