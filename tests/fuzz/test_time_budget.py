"""The per-document time budget (``Settings.doc_time_budget``) really stops pathological work.

It is checked between components and, in the main thread, enforced inside one: a component stuck in a slow
loop is interrupted and the document rejected with reason ``time-budget``. No test here asserts a duration:
each checks *that* the work was cut off (a loop that did not run to its end) and what the document says."""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field

from warta.api import build_pipeline
from warta.document import Document
from warta.pipeline import Pipeline
from warta.read import read_bytes
from warta.settings import Settings

LOOPS = 3000  # x 10 ms: the component would run for half a minute if nothing stopped it


@dataclass
class Stuck:
    """A component that loops far past any budget, counting its rounds."""

    name: str = "stuck"
    needs: frozenset[str] = frozenset({"raw"})
    sets: frozenset[str] = frozenset({"text"})
    rounds: list[int] = field(default_factory=list)
    loops: int = LOOPS

    def __call__(self, doc: Document) -> Document:
        for i in range(self.loops):
            self.rounds.append(i)
            time.sleep(0.01)
        doc.text = doc.raw
        return doc


@dataclass
class Swallower(Stuck):
    """A component that catches every ``Exception`` while it loops: the budget must still stop it."""

    name: str = "swallower"

    def __call__(self, doc: Document) -> Document:
        try:
            return super().__call__(doc)
        except Exception:  # noqa: BLE001 - the point of the test
            doc.text = "swallowed"
            return doc


def a_document(text: str = "Judul\n\nRusia mengecam China.") -> Document:
    return next(read_bytes(text.encode(), "budget-test"))


def test_a_stuck_component_is_interrupted_and_the_document_rejected():
    stuck = Stuck()
    doc = Pipeline([stuck], time_budget=0.2)(a_document())
    assert doc.rejected == "time-budget"
    assert "budget-test" in doc.rejected_detail and "'stuck'" in doc.rejected_detail
    assert len(stuck.rounds) < LOOPS, "the loop ran to its end: the budget did not interrupt it"


def test_a_component_catching_every_exception_cannot_swallow_the_budget():
    stuck = Swallower()
    doc = Pipeline([stuck], time_budget=0.2)(a_document())
    assert doc.rejected == "time-budget" and doc.text != "swallowed"
    assert len(stuck.rounds) < LOOPS


def test_the_timer_is_left_as_it_was_found():
    before = signal.getsignal(signal.SIGALRM)
    Pipeline([Stuck()], time_budget=0.1)(a_document())
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_outside_the_main_thread_the_budget_is_checked_after_each_component():
    """No timer signal in a worker thread: the component runs to its end, then the budget rejects."""
    stuck = Stuck(loops=20)  # this one must end by itself
    results: list[Document] = []
    pipe = Pipeline([stuck], time_budget=0.05)
    thread = threading.Thread(target=lambda: results.append(pipe(a_document())))
    thread.start()
    thread.join()
    assert results[0].rejected == "time-budget" and "stopped after 'stuck'" in results[0].rejected_detail
    assert len(stuck.rounds) == 20


def test_the_whole_pipeline_rejects_a_pathological_article_when_over_budget():
    """A megabyte of words in one paragraph, through the real pipeline with a tiny budget."""
    text = "Judul\n\n" + " ".join(["Rusia", "mengecam", "China", "kata", "Wang", "Yi", ","] * 30_000)
    pipe = build_pipeline(Settings(doc_time_budget=0.05))
    doc = pipe.run_safely(a_document(text))
    assert doc.rejected == "time-budget", doc.rejected
    assert doc.rejected_detail.startswith("budget-test")


def test_a_normal_article_is_not_touched_by_the_budget():
    pipe = build_pipeline(Settings(doc_time_budget=60))
    doc = pipe(a_document("Judul\n\nMenteri Luar Negeri China Wang Yi mengatakan bahwa China mendukung "
                          "Kazakhstan, Senin (10/1/2022)."))
    assert not doc.rejected and doc.events is not None
