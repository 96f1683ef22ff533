"""The Python entry points: build the pipeline, analyse one text or path, or many."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .clean.components import CleanDebris, DetectLanguage, RepairGlue, ResolveMetadata
from .document import Document
from .pipeline import Pipeline
from .read import read_bytes, read_inputs
from .settings import DEFAULT_SETTINGS, Settings

__all__ = ["build_pipeline", "analyze", "analyze_many"]

_HINT_FIELDS = ("url", "title", "published", "outlet", "author")
_SURROGATES = re.compile("[\ud800-\udfff]")


def analysis_components() -> list:
    """Tokens and sentences, named entities, actors, quotes (with cited sources), events."""
    from .analyse.actors import ResolveActors
    from .analyse.events import CodeEvents
    from .analyse.ner import RecogniseEntities
    from .analyse.quotes import FindQuotes
    from .analyse.tokens import Tokenize

    return [Tokenize(), RecogniseEntities(), ResolveActors(), FindQuotes(), CodeEvents()]


def build_pipeline(settings: Settings = DEFAULT_SETTINGS) -> Pipeline:
    """The default per-document pipeline: clean -> repair -> metadata -> language -> tokens -> entities -> actors
    -> quotes -> events."""
    components = [CleanDebris(settings=settings), ResolveMetadata()]
    if settings.repair_glued_words:
        components.insert(1, RepairGlue())
    components.append(DetectLanguage(fallback=None))
    components.extend(analysis_components())
    return Pipeline(components, time_budget=settings.doc_time_budget)


def _is_path(value: str | os.PathLike[str]) -> bool:
    if isinstance(value, os.PathLike):
        return True
    return value == "-" or ("\n" not in value and len(value) < 4096 and os.path.exists(value))


def _apply_metadata(doc: Document, metadata: dict[str, Any]) -> Document:
    unknown = set(metadata) - set(_HINT_FIELDS) - {"source"}
    if unknown:
        raise ValueError(f"unknown metadata {sorted(unknown)}; give any of {list(_HINT_FIELDS) + ['source']}")
    for key in _HINT_FIELDS:
        if metadata.get(key) is not None:
            doc.hints[key] = metadata[key]
    if metadata.get("url"):
        doc.url = metadata["url"]
    return doc


def analyze(text_or_path: str | os.PathLike[str], *, settings: Settings = DEFAULT_SETTINGS,
            pipeline: Pipeline | None = None, **metadata: Any) -> Document:
    """Analyse one article given as text or as the path of a file holding one article.

    Metadata (``url``, ``title``, ``published``, ``outlet``, ``author``, ``source``) fills in
    what the text does not say. A rejected input comes back with ``doc.rejected`` set.
    """
    if _is_path(text_or_path):
        docs = list(read_inputs([str(text_or_path)], settings))
    else:
        source = metadata.get("source") or "<text>"
        text = str(text_or_path)
        clean = _SURROGATES.sub("\ufffd", text)  # a lone surrogate (JSON "\\ud800") cannot be UTF-8
        docs = list(read_bytes(clean.encode("utf-8"), source, settings))
        if clean != text:
            for doc in docs:
                doc.warnings.append("lone surrogate code points in the text were replaced by U+FFFD")
    if len(docs) != 1:
        raise ValueError(f"{text_or_path!s:.80}: holds {len(docs)} documents; use warta.analyze_many for several")
    pipe = pipeline or build_pipeline(settings)
    return pipe(_apply_metadata(docs[0], metadata))


def analyze_many(paths: Iterable[str | os.PathLike[str]], *, settings: Settings = DEFAULT_SETTINGS,
                 pipeline: Pipeline | None = None) -> Iterator[Document]:
    """Analyse every document in the given paths (files, directories, ``-``), in input order."""
    pipe = pipeline or build_pipeline(settings)
    return pipe.pipe(read_inputs([str(Path(p)) if not isinstance(p, str) else p for p in paths], settings))
