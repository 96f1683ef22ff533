"""A pipeline of small components, checked for order when it is built.

A component is any object with ``name``, ``needs`` and ``sets`` (sets of attribute names of
:class:`~warta.document.Document`) and a ``__call__(doc) -> doc``. The pipeline verifies at
construction that every component's needs are set by the reader or an earlier component.

The time budget per document is checked after each component, and, where a timer signal can be used (the
main thread on Unix, no other timer running), also enforced *inside* a component: a component that runs on
past the budget (a pathological input hitting a slow path) is interrupted and the document rejected with
reason ``time-budget``. So one document can never hold up a run for longer than about its budget.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .document import Document

__all__ = ["BudgetExceeded", "Component", "Pipeline", "READER_SETS"]

log = logging.getLogger(__name__)

#: What a reader puts on a document before any component runs.
READER_SETS = frozenset({"source", "raw", "input_kind", "hints", "url"})


class BudgetExceeded(BaseException):
    """Raised inside a component when its document's time budget has run out.

    A ``BaseException`` (like ``KeyboardInterrupt``), so that a component's ``except Exception`` cannot
    swallow it; :meth:`Pipeline.__call__` turns it into a ``time-budget`` rejection."""


class _Alarm:
    """The budget's timer: SIGALRM raises :class:`BudgetExceeded` once, only while armed."""

    armed = False

    @classmethod
    def fire(cls, signum: int, frame: object) -> None:
        if cls.armed:
            cls.armed = False
            raise BudgetExceeded()

    @classmethod
    def usable(cls) -> bool:
        """A timer signal can interrupt this thread and no one else's timer or handler is in place."""
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return False
        handler = signal.getsignal(signal.SIGALRM)
        if handler not in (signal.SIG_DFL, signal.SIG_IGN, None, cls.fire):
            return False
        return signal.getitimer(signal.ITIMER_REAL)[0] == 0


@contextlib.contextmanager
def _hard_budget(seconds: float | None):
    """Interrupt the code inside after ``seconds`` (when a timer signal is usable; else do nothing)."""
    if seconds is None or not _Alarm.usable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _Alarm.fire)
    _Alarm.armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _Alarm.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
        """Run every component on one document; exceptions propagate (use ``pipe`` for batches), except
        running out of the time budget, which rejects the document with reason ``time-budget``."""
        began = time.perf_counter()
        comp: Component | None = None
        try:
            with _hard_budget(self.time_budget):
                for comp in self.components:
                    if doc.rejected:
                        break
                    started = time.perf_counter()
                    try:
                        doc = comp(doc)
                    finally:
                        self.times.add(comp.name, time.perf_counter() - started)
                    self._check_budget(doc, comp.name, began, "after")
        except BudgetExceeded:
            self._check_budget(doc, comp.name if comp is not None else "start", began, "in", force=True)
        self.times.docs += 1
        return doc

    def _check_budget(self, doc: Document, where: str, began: float, how: str, force: bool = False) -> None:
        spent = time.perf_counter() - began
        if self.time_budget is None or doc.rejected or not (force or spent > self.time_budget):
            return
        stopped = "stopped after" if how == "after" else "interrupted in"
        doc.reject("time-budget", f"{doc.input_ref}: processing took {spent:.1f} s, over the {self.time_budget:g} s "
                   f"budget per document ({stopped} {where!r}); split the document or raise "
                   "settings.doc_time_budget")

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
