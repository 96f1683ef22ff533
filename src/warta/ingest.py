"""Ingest: read inputs, run the pipeline, write batches to the store, account for everything."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from .api import build_pipeline
from .document import Document
from .pipeline import Pipeline
from .read import read_inputs
from .settings import DEFAULT_SETTINGS, Settings
from .store import RunSummary, Store, StoreError

__all__ = ["ingest", "batched"]

log = logging.getLogger(__name__)


def batched(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Iterable[str], store: Store, *, settings: Settings = DEFAULT_SETTINGS,
           pipeline: Pipeline | None = None, batch_size: int = 200, command: str = "ingest",
           on_batch: Callable[[RunSummary], None] | None = None, stories: bool = True) -> RunSummary:
    """Ingest every document under ``paths`` into ``store``; returns the run's summary.

    Each batch is one transaction. With ``stories`` (the default) the articles not yet in a story are then
    placed in stories (near-duplicates found, stories clustered, events merged: one more transaction;
    ``summary.stories`` says what changed), the articles not yet in the search index are indexed (one
    more), the run is marked finished, and the store's read snapshot is published for readers in other
    processes. Every step works on what the store lacks, not on what this run added: after a crash at any
    point, the same command again completes the work (its inputs are then duplicates).
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    pipe = pipeline or build_pipeline(settings)
    pipe.warm_up()
    run = store.start_run(command)
    for number, batch in enumerate(batched(pipe.pipe(read_inputs(paths, settings)), batch_size), start=1):
        store.add_batch(batch, run)
        log.info("ingest %s: batch %d committed (read %d: new %d, duplicate %d, rejected %d)", run.run_id, number,
                 run.read, run.stored, run.duplicate, run.rejected)
        if on_batch is not None:
            on_batch(run)
    if stories:
        _complete_store(store, run)
    store.finish_run(run)
    if stories:
        publish_snapshot(store)
    log.info("ingest %s: read %d, new %d, duplicate %d, rejected %d", run.run_id, run.read, run.stored,
             run.duplicate, run.rejected)
    return run


def _complete_store(store: Store, run: RunSummary) -> None:
    """Place every article not yet in a story, then index every article not yet in the search index."""
    from .store.search import update_search_index
    from .stories.build import update_stories

    log.info("ingest %s: phase stories", run.run_id)
    run.stories = update_stories(store).to_dict()
    log.info("ingest %s: phase search-index", run.run_id)
    update_search_index(store.con)


def publish_snapshot(store: Store) -> None:
    """Readers in other processes (``warta serve``) read the snapshot; a failure to write it (disk full)
    leaves the older snapshot in place and the ingest done."""
    log.info("ingest: phase snapshot")
    try:
        path = store.publish_snapshot()
    except StoreError as exc:
        log.warning("%s", exc)
        return
    log.info("ingest: snapshot published at %s", path)
