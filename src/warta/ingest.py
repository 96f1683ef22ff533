"""Ingest: read inputs, run the pipeline, write batches to the store, account for everything."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from .api import build_pipeline
from .document import Document
from .pipeline import Pipeline
from .read import read_inputs
from .settings import DEFAULT_SETTINGS, Settings
from .store import RunSummary, Store

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

    With ``stories`` (the default) the new articles are then placed in stories (near-duplicates found,
    stories clustered, events merged) in one more transaction; ``summary.stories`` says what changed.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    pipe = pipeline or build_pipeline(settings)
    pipe.warm_up()
    run = store.start_run(command)
    for batch in batched(pipe.pipe(read_inputs(paths, settings)), batch_size):
        store.add_batch(batch, run)
        if on_batch is not None:
            on_batch(run)
    store.finish_run(run)
    if stories:
        from .stories.build import update_stories

        run.stories = update_stories(store).to_dict()
        from .store.search import update_search_index

        update_search_index(store.con)
    log.info("ingest %s: read %d, new %d, duplicate %d, rejected %d", run.run_id, run.read, run.stored,
             run.duplicate, run.rejected)
    return run
