"""Measure the tokenizer and sentence splitter on a Universal Dependencies treebank (UD Indonesian-CSUI).

Tokens: each sentence's ``# text`` is tokenized and the predicted spans are scored against the gold surface
tokens (a multiword token ``3-4 rumahnya`` counts once, as written), which are placed in the text by
sequential search. Scores are given for warta's own conventions and for ``ud_compatible=True``, which splits
what warta keeps whole on purpose (``(AS)``, ``Rp1.500``, ``12,5%``); how many gold tokens each of those
deliberate merges covers is counted too.

Sentences: the treebank has no document marks, so consecutive test sentences are joined, ``group`` at a
time, by a space into pseudo-documents, and the predicted sentence ends inside each are scored against the
gold ends (the end of the pseudo-document is not counted: it is given).

Speed: tokens per second of :func:`tokenize` plus :func:`split_sentences` over the treebank's text.

A second, rougher check runs on real articles: IndoSum (:func:`evaluate_indosum`) stores each paragraph as
a list of sentences; its sentence ends are scored the same way (its own splitter set them, so list numbers
``1.`` and editor codes are sentences there), and speed is measured on whole articles.

Run: ``python -m warta.evaluate.tokens_eval [CONLLU] [--misses]`` (default: the CSUI test file in
../shared, plus IndoSum dev fold 02 when it is there).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analyse.tokens import Span, split_sentences, tokenize
from ..lang.id.tokens import CURRENCY_PREFIXES
from . import find_shared

__all__ = [
    "GoldSentence", "read_conllu", "score_tokens", "score_sentences", "count_deliberate_merges", "measure_speed",
    "evaluate_ud", "evaluate_indosum", "UD_TEST", "INDOSUM_FOLD",
]

UD_TEST = Path("data") / "ud" / "id-csui" / "test.conllu"
INDOSUM_FOLD = Path("data") / "news" / "indosum" / "dev.02.jsonl"
_RANGE = re.compile(r"^(\d+)-(\d+)$")
_MAX_MISSES = 40


@dataclass(kw_only=True)
class GoldSentence:
    """One treebank sentence: its id, its text, and its surface tokens placed in the text."""

    sent_id: str
    text: str
    tokens: list[Span] = field(default_factory=list)
    unplaced: int = 0  # gold tokens that were not found in the text in order


def read_conllu(path: str | Path) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file, with surface tokens (multiword ranges once, their parts not at all)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such CoNLL-U file; give the path of a UD treebank's .conllu file")
    sentences, meta, forms, skip_to = [], {}, [], 0
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if forms or meta:
                sentences.append(_place_tokens(meta, forms, path))
            meta, forms, skip_to = {}, [], 0
        elif line.startswith("#"):
            key, _, value = line[1:].partition("=")
            meta[key.strip()] = value.strip()
        else:
            skip_to = _add_surface_form(line.split("\t"), forms, skip_to)
    return sentences


def _add_surface_form(cols: list[str], forms: list[str], skip_to: int) -> int:
    """Append the surface form of one token line; return the last word id a multiword token covers."""
    if len(cols) < 2 or "." in cols[0]:
        return skip_to  # an empty node has no surface form
    span = _RANGE.match(cols[0])
    if span:
        forms.append(cols[1])
        return int(span.group(2))
    if cols[0].isdigit() and int(cols[0]) > skip_to:
        forms.append(cols[1])
    return skip_to


def _place_tokens(meta: dict[str, str], forms: list[str], path: Path) -> GoldSentence:
    text = meta.get("text")
    if text is None:
        raise ValueError(f"{path}: sentence {meta.get('sent_id', '?')} has no '# text =' line; cannot place tokens")
    sentence = GoldSentence(sent_id=meta.get("sent_id", ""), text=text)
    pos = 0
    for form in forms:
        at = text.find(form, pos)
        if at < 0:
            sentence.unplaced += 1
            continue
        sentence.tokens.append((at, at + len(form)))
        pos = at + len(form)
    return sentence


def _prf(true_pos: int, predicted: int, gold: int) -> dict[str, float]:
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_tokens(sentences: list[GoldSentence], *, ud_compatible: bool) -> dict[str, Any]:
    """Precision/recall/F1 of token spans; ``misses`` lists a few sentences' differences for reading."""
    true_pos = predicted = gold = 0
    misses: list[str] = []
    for s in sentences:
        pred = set(tokenize(s.text, ud_compatible=ud_compatible))
        truth = set(s.tokens)
        true_pos += len(pred & truth)
        predicted += len(pred)
        gold += len(truth)
        if pred != truth and len(misses) < _MAX_MISSES:
            extra = [s.text[a:b] for a, b in sorted(pred - truth)]
            missed = [s.text[a:b] for a, b in sorted(truth - pred)]
            misses.append(f"{s.sent_id}: predicted {extra} where gold has {missed}")
    return {**_prf(true_pos, predicted, gold), "gold_tokens": gold, "predicted_tokens": predicted,
            "misses": misses}


def count_deliberate_merges(sentences: list[GoldSentence]) -> dict[str, int]:
    """Gold tokens covered by tokens that warta keeps whole on purpose and UD splits, by kind."""
    counts: Counter[str] = Counter()
    for s in sentences:
        truth = set(s.tokens)
        for a, b in tokenize(s.text):
            if (a, b) in truth:
                continue
            inside = sum(1 for g in s.tokens if a <= g[0] and g[1] <= b)
            if inside > 1:
                counts[_merge_kind(s.text[a:b])] += inside
    return dict(counts)


def _merge_kind(token: str) -> str:
    """Why warta made one token where UD has several (the first three are what ``ud_compatible`` splits)."""
    if token.startswith("(") and token.endswith(")"):
        return "parenthesised_acronym"
    if token.endswith("%"):
        return "percent"
    if token.startswith(tuple(CURRENCY_PREFIXES)) and any(c.isdigit() for c in token):
        return "currency"
    if "-" in token:
        return "hyphenated"
    return "other"


def score_sentences(sentences: list[GoldSentence], group: int = 10) -> dict[str, Any]:
    """Precision/recall/F1 of sentence ends inside pseudo-documents of ``group`` sentences joined by a space."""
    groups = [[s.text for s in sentences[i : i + group]] for i in range(0, len(sentences), group)]
    return {**score_sentence_groups(groups), "group": group}


def score_sentence_groups(groups: list[list[str]]) -> dict[str, Any]:
    """Precision/recall/F1 of sentence ends when each group of sentences is joined by a space."""
    true_pos = predicted = gold = 0
    misses: list[str] = []
    for texts in groups:
        doc = " ".join(texts)
        gold_ends, pos = set(), 0
        for text in texts[:-1]:
            pos += len(text)
            gold_ends.add(pos)
            pos += 1
        pred_ends = {end for _, end in split_sentences(doc, tokenize(doc))} - {len(doc)}
        true_pos += len(pred_ends & gold_ends)
        predicted += len(pred_ends)
        gold += len(gold_ends)
        for end in sorted(pred_ends ^ gold_ends)[: max(0, _MAX_MISSES - len(misses))]:
            kind = "false cut" if end in pred_ends else "missed cut"
            misses.append(f"{kind}: ...{doc[max(0, end - 40):end]} | {doc[end:end + 25]}...")
    return {**_prf(true_pos, predicted, gold), "gold_boundaries": gold, "predicted_boundaries": predicted,
            "misses": misses}


def measure_speed(texts: list[str], *, min_seconds: float = 1.0) -> dict[str, float]:
    """Tokens per second of tokenize + split_sentences over ``texts``: passes repeat for ``min_seconds``; the
    median pass and the fastest (least disturbed by other work on the machine) are reported."""
    passes: list[float] = []
    tokens = 0
    while sum(passes) < min_seconds or len(passes) < 3:
        began, tokens = time.perf_counter(), 0
        for text in texts:
            spans = tokenize(text)
            split_sentences(text, spans)
            tokens += len(spans)
        passes.append(time.perf_counter() - began)
    passes.sort()
    return {"tokens_per_second": round(tokens / passes[len(passes) // 2]),
            "tokens_per_second_best": round(tokens / passes[0]), "tokens_per_pass": tokens,
            "texts_per_second": round(len(texts) / passes[len(passes) // 2]), "passes": len(passes)}


def evaluate_ud(conllu_path: str | Path, *, group: int = 10, min_seconds: float = 1.0) -> dict[str, Any]:
    """Token and sentence scores and speed on a CoNLL-U treebank (see the module's docstring)."""
    sentences = read_conllu(conllu_path)
    tokenize("Pemanasan (AS).")  # compile the regex outside the timing
    texts = [" ".join(s.text for s in sentences[i : i + group]) for i in range(0, len(sentences), group)]
    return {
        "file": str(conllu_path),
        "sentences": len(sentences),
        "unplaced_gold_tokens": sum(s.unplaced for s in sentences),
        "tokens": score_tokens(sentences, ud_compatible=False),
        "tokens_ud_compatible": score_tokens(sentences, ud_compatible=True),
        "deliberate_merges": count_deliberate_merges(sentences),
        "sentences_split": score_sentences(sentences, group),
        "speed": measure_speed(texts, min_seconds=min_seconds),
    }


def evaluate_indosum(jsonl_path: str | Path, *, min_seconds: float = 1.0) -> dict[str, Any]:
    """Sentence ends of IndoSum paragraphs against IndoSum's own split, and speed on its whole articles."""
    from .indosum import iter_paragraph_sentences, load_indosum

    path = Path(jsonl_path)
    groups = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for paragraph in iter_paragraph_sentences(json.loads(line)):
                groups.append([s for s in paragraph if s.strip()])
    articles = ["\n\n".join(a.paragraphs) for a in load_indosum(path)]
    return {"file": str(path), "paragraphs": len(groups), "articles": len(articles),
            "sentences_split": score_sentence_groups([g for g in groups if g]),
            "speed": measure_speed(articles, min_seconds=min_seconds)}


def _without_misses(result: Any) -> Any:
    if isinstance(result, dict):
        return {k: _without_misses(v) for k, v in result.items() if k != "misses"}
    return result


def _print_report(result: dict[str, Any], *, misses: bool) -> None:
    sys.stdout.write(json.dumps(result if misses else _without_misses(result), ensure_ascii=False, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_misses = "--misses" in args
    args = [a for a in args if a != "--misses"]
    path = Path(args[0]) if args else find_shared() / UD_TEST
    if not path.is_file():
        sys.stderr.write(f"{path} not found: give the path of a CoNLL-U file (UD Indonesian-CSUI test.conllu)\n")
        return 2
    _print_report(evaluate_ud(path), misses=show_misses)
    indosum = find_shared() / INDOSUM_FOLD
    if not args and indosum.is_file():
        _print_report({"indosum": evaluate_indosum(indosum)}, misses=show_misses)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
