"""A pipeline of small components, checked for order when it is built.

A component is any object with ``name``, ``needs`` and ``sets`` (sets of attribute names of
:class:`~warta.document.Document`) and a ``__call__(doc) -> doc``. The pipeline verifies at
construction that every component's needs are set by the reader or an earlier component.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .document import Document

__all__ = ["Component", "Pipeline", "READER_SETS"]

log = logging.getLogger(__name__)

#: What a reader puts on a document before any component runs.
READER_SETS = frozenset({"source", "raw", "input_kind", "hints", "url"})


@runtime_checkable
class Component(Protocol):
    name: str
    needs: frozenset[str]
    sets: frozenset[str]

    def __call__(self, doc: Document) -> Document: ...


@dataclass
class StageTimes:
    """Seconds spent in each component, accumulated over calls."""

    seconds: dict[str, float] = field(default_factory=dict)
    docs: int = 0

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


class Pipeline:
    """Runs components in order over one document (``__call__``) or many (``pipe``)."""

    def __init__(self, components: Iterable[Component], *, time_budget: float | None = None,
                 provided: Iterable[str] = READER_SETS) -> None:
        """``provided``: what documents carry before the first component (a reader's fields by default;
        an analysis-only pipeline over already clean text says ``{"text", "published", ...}``)."""
        self.components = list(components)
        self.time_budget = time_budget
        self.provided = frozenset(provided)
        self._check_order()
        self.times = StageTimes()

    def _check_order(self) -> None:
        available = set(self.provided)
        seen: set[str] = set()
        for comp in self.components:
            if not isinstance(comp, Component):
                raise ValueError(f"{comp!r} is not a component: it needs name, needs, sets and __call__")
            if comp.name in seen:
                raise ValueError(f"component {comp.name!r} appears twice in the pipeline")
            missing = set(comp.needs) - available
            if missing:
                raise ValueError(
                    f"component {comp.name!r} needs {sorted(missing)}, which no earlier component sets; "
                    f"order so far: {[c.name for c in self.components[: len(seen)]]}"
                )
            seen.add(comp.name)
            available |= set(comp.sets)

    def warm_up(self) -> None:
        """Load every component's data now (lexicons, models) rather than inside the first document."""
        for comp in self.components:
            load = getattr(comp, "warm_up", None)
            if load is not None:
                load()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, doc: Document) -> Document:
        """Run every component on one document; exceptions propagate (use ``pipe`` for batches)."""
        began = time.perf_counter()
        for comp in self.components:
            if doc.rejected:
                break
            started = time.perf_counter()
            doc = comp(doc)
            ended = time.perf_counter()
            self.times.add(comp.name, ended - started)
            if self.time_budget is not None and ended - began > self.time_budget and not doc.rejected:
                doc.reject("time-budget", f"{doc.input_ref}: processing took {ended - began:.1f} s, over the "
                           f"{self.time_budget:g} s budget per document (stopped after {comp.name!r})")
        self.times.docs += 1
        return doc

    def run_safely(self, doc: Document) -> Document:
        """Like ``__call__``, but a component failing on this document rejects it instead of ending the run."""
        try:
            return self(doc)
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError, AttributeError,
                UnicodeError, OverflowError, RuntimeError) as exc:
            log.exception("pipeline failed on %s", doc.input_ref)
            doc.reject("error", f"{doc.input_ref}: the pipeline failed on this document ({type(exc).__name__}: "
                       f"{exc}); it was skipped, please report it with the input")
            return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Process documents lazily, in input order; one bad document never stops the rest."""
        for doc in docs:
            yield doc if doc.rejected else self.run_safely(doc)
