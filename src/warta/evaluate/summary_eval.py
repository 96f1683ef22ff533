"""Extractive summaries against IndoSum's gold summaries: LEAD-3, warta's summariser and an oracle.

Every system picks sentences of the article; its summary (the picked sentences) is compared with the
article's gold ``summary`` by ROUGE-1, ROUGE-2 and ROUGE-L **F1** (rouge-score 0.1.2, its default
tokenizer: lower case, ``[a-z0-9]`` runs; no stemmer, Porter's is for English; ROUGE-L is the longest
common subsequence over the whole summary, ``rougeL``). Scores are means over articles, per file and
over both files.

- ``lead3``: the first three sentences;
- ``ours``: :func:`warta.stories.summary.summarise` with ``n=3``, each file scored only by the shipped
  model that never saw its articles (trained on the other file without the ids the two files share);
- ``oracle``: the sentences IndoSum's ``gold_labels`` mark, a ceiling for any extractive system.

The dataset is read from ``shared/data/news/indosum`` and never copied into the project.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..stories.summary import SummaryModel, lead, load_model, model_names, summarise
from .indosum import detokenize, iter_paragraph_sentences

__all__ = ["INDOSUM_FILES", "SummaryCase", "evaluate_summaries", "load_cases", "model_for"]

INDOSUM_DIR = Path("data/news/indosum")
INDOSUM_FILES: tuple[str, ...] = ("dev.01.jsonl", "dev.02.jsonl")
METRICS: tuple[str, ...] = ("rouge1", "rouge2", "rougeL")
SYSTEMS: tuple[str, ...] = ("lead3", "ours", "oracle")


@dataclass(kw_only=True)
class SummaryCase:
    """One IndoSum article as sentences, with its gold labels and gold summary."""

    id: str
    file: str
    sentences: list[str]
    paragraphs: list[int]  # paragraph number of each sentence
    labels: list[bool]
    summary: list[str]


def _case_from_record(record: dict, file: str) -> SummaryCase:
    sentences, paragraphs = [], []
    for number, paragraph in enumerate(iter_paragraph_sentences(record)):
        sentences.extend(paragraph)
        paragraphs.extend([number] * len(paragraph))
    labels = [bool(x) for paragraph in record["gold_labels"] for x in paragraph]
    if len(labels) != len(sentences):
        raise ValueError(f"{file} article {record['id']}: {len(labels)} gold labels for {len(sentences)} sentences")
    return SummaryCase(id=record["id"], file=file, sentences=sentences, paragraphs=paragraphs, labels=labels,
                       summary=[detokenize(s) for s in record["summary"]])


def load_cases(path: str | Path, limit: int | None = None) -> list[SummaryCase]:
    """The first ``limit`` (default all) articles of an IndoSum ``*.jsonl`` file."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"IndoSum file {path} does not exist; expected shared/{INDOSUM_DIR}/dev.01.jsonl")
    cases = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and len(cases) >= limit:
                break
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{number} is not a JSON line: {err}") from err
                cases.append(_case_from_record(record, path.name))
    return cases


def model_for(file: str) -> SummaryModel:
    """The shipped scorer that holds ``file`` out; ValueError if every model saw some of its articles."""
    for name in model_names():
        model = load_model(name)
        if file in model.held_out:
            return model
    raise ValueError(f"no shipped summary model holds out {file}; retrain with scripts/train_summary.py")


def _choices(case: SummaryCase, model: SummaryModel, n: int) -> dict[str, list[int]]:
    return {
        "lead3": lead(case.sentences, n),
        "ours": summarise(case.sentences, n, paragraphs=case.paragraphs, model=model),
        "oracle": [i for i, gold in enumerate(case.labels) if gold],
    }


def _mean_table(rows: list[dict[str, dict[str, float]]]) -> dict[str, Any]:
    count = max(len(rows), 1)
    table: dict[str, Any] = {"articles": len(rows)}
    for system in SYSTEMS:
        table[system] = {m: round(sum(r[system][m] for r in rows) / count, 4) for m in (*METRICS, "sentences")}
    return table


def _score_file(cases: list[SummaryCase], model: SummaryModel, n: int) -> list[dict[str, dict[str, float]]]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=False)
    rows = []
    for case in cases:
        reference = "\n".join(case.summary)
        row = {}
        for system, picked in _choices(case, model, n).items():
            scores = scorer.score(reference, "\n".join(case.sentences[i] for i in picked))
            row[system] = {m: scores[m].fmeasure for m in METRICS} | {"sentences": float(len(picked))}
        rows.append(row)
    return rows


def evaluate_summaries(shared_dir: str | Path, *, limit: int | None = None, n: int = 3) -> dict[str, Any]:
    """ROUGE-1/2/L F1 of LEAD-3, warta's summariser (held-out) and the oracle on IndoSum dev.01 and dev.02.

    ``limit`` scores only the first articles of each file (for quick checks).
    """
    folder = Path(shared_dir) / INDOSUM_DIR
    files: dict[str, Any] = {}
    every_row: list[dict[str, dict[str, float]]] = []
    for name in INDOSUM_FILES:
        model = model_for(name)
        rows = _score_file(load_cases(folder / name, limit), model, n)
        files[name] = _mean_table(rows) | {"model": model.name, "model_trained_on": list(model.trained_on)}
        every_row.extend(rows)
    overall = _mean_table(every_row)
    return {
        "dataset": f"IndoSum {' + '.join(INDOSUM_FILES)}",
        "measure": "ROUGE F1, mean over articles (rouge-score 0.1.2, default tokenizer, no stemmer; rougeL over the "
                   "whole summary); 'sentences' is the mean number of sentences picked",
        "n": n,
        "files": files,
        "overall": overall,
        "ours_minus_lead3": {m: round(overall["ours"][m] - overall["lead3"][m], 4) for m in METRICS},
        "ours_vs_lead3_articles": _head_to_head(every_row),
    }


def _head_to_head(rows: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, int]]:
    """Per metric, on how many articles ours scores better than, the same as, or worse than LEAD-3."""
    table = {}
    for m in METRICS:
        diffs = [r["ours"][m] - r["lead3"][m] for r in rows]
        table[m] = {"better": sum(d > 1e-9 for d in diffs), "same": sum(abs(d) <= 1e-9 for d in diffs),
                    "worse": sum(d < -1e-9 for d in diffs)}
    return table
