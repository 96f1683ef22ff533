"""Processing one shard: read its items, run the per-document pipeline, write Parquet parts.

A worker writes a shard's rows with the store's own code (:meth:`warta.store.Store.add_batch` into a
working DuckDB file, one thread, memory capped), so a part holds exactly the rows an ingest would write, then copies each table to
one Parquet file. The files go to a temporary folder renamed into place when complete, and only then is
the shard's ``done`` marker written: a worker killed midway leaves no part that looks finished.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..bench import peak_rss_mb
from ..document import Document
from ..ingest import batched
from ..pipeline import Pipeline
from ..read.jsonl import iter_jsonl
from ..read.paths import Entry
from ..read.problems import ReadError, make_rejected
from ..read.streams import buffered
from ..settings import Settings
from ..store import Store
from .shards import Shard

__all__ = ["PART_TABLES", "ShardWorker", "process_shard", "read_shard", "done_path", "parts_path"]

#: the per-document tables a shard writes (the inputs table accounts for every document read)
PART_TABLES = ("articles", "entities", "actors", "events", "quotes", "inputs")
#: and each article's near-duplicate signature and story vector, so the reduce only clusters
FEATURES_PART = "article_features"
#: DuckDB's memory cap for one shard's rows (they spill to the shard's working file beyond it)
WORK_MEMORY = "256MB"
#: run-specific columns left out of the parts (the load gives them their own run)
_RUN_COLUMNS = {"articles": ("run_id", "ingested_at"), "inputs": ("run_id", "read_at")}


def parts_path(out_dir: Path, shard: Shard) -> Path:
    return out_dir / "parts" / shard.name


def done_path(out_dir: Path, shard: Shard) -> Path:
    return out_dir / "done" / f"{shard.name}.json"


class _RangeReader(io.RawIOBase):
    """Bytes [start, end) of an open file, as a raw stream."""

    def __init__(self, handle: BinaryIO, start: int, end: int) -> None:
        super().__init__()
        self._handle = handle
        self._end = end
        handle.seek(start)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        left = self._end - self._handle.tell()
        if left <= 0:
            return 0
        data = self._handle.read(min(len(buffer), left))
        buffer[: len(data)] = data
        return len(data)


def _read_range(item: dict[str, Any], settings: Settings) -> Iterator[Document]:
    path = item["path"]
    try:
        with open(path, "rb") as handle:
            stream = buffered(_RangeReader(handle, item["start"], item["end"]))
            yield from iter_jsonl(stream, path=path, settings=settings, first_line=item["first_line"])
    except OSError as exc:
        detail = (f"{path} (bytes {item['start']:,}-{item['end']:,}): reading failed ({exc.strerror or exc}); "
                  f"check the file")
        yield make_rejected(source=path, input_ref=f"{path}:{item['first_line']}", input_kind="jsonl",
                            reason="unreadable", detail=detail)


def read_shard(shard: Shard, settings: Settings) -> Iterator[Document]:
    """Every document of the shard, in order, as ``warta ingest`` would read them."""
    from ..read.inputs import _read_path

    for item in shard.items:
        if "start" in item:
            yield from _read_range(item, settings)
            continue
        problem = item.get("problem")
        entry = Entry(path=item["path"], from_walk=item.get("from_walk", False),
                      problem=ReadError(problem[0], problem[1]) if problem else None)
        yield from _read_path(entry, settings)


def _story_features(store: Store) -> None:
    """The per-article part of the story update (near-duplicate signature, story vector) for every stored
    article of the shard, computed here so that the serial reduce only compares and clusters."""
    from ..store.duckdb_store import _insert_many
    from ..stories.build import article_features

    ids = [row[0] for row in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    store.con.execute(f"CREATE TABLE {FEATURES_PART} (article_id VARCHAR, signature BLOB, vector VARCHAR)")
    _insert_many(store.con, FEATURES_PART, ("article_id", "signature", "vector"), article_features(store.con, ids))


class ShardWorker:
    """Processes shards one after another with one pipeline, built and warmed once per worker."""

    def __init__(self, out_dir: str | Path, settings: Settings) -> None:
        from ..api import build_pipeline

        self.out_dir = Path(out_dir)
        self.settings = settings
        self.pipeline: Pipeline = build_pipeline(settings)
        self.pipeline.warm_up()

    def process(self, shard_data: dict[str, Any]) -> dict[str, Any]:
        shard = Shard.from_dict(shard_data)
        started = time.perf_counter()
        cpu_started = time.process_time()
        before = dict(self.pipeline.times.seconds)
        final = parts_path(self.out_dir, shard)
        tmp = final.parent / f".tmp-{shard.name}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        work = tmp / "shard.duckdb"
        with Store(work) as store:  # on disk, memory capped: a shard of any size fits a worker
            store.con.execute(f"SET threads = 1; SET memory_limit = '{WORK_MEMORY}'")
            run = store.start_run("run")
            for batch in batched(self.pipeline.pipe(read_shard(shard, self.settings)), 200):
                store.add_batch(batch, run)
            features_started = time.perf_counter()
            _story_features(store)
            features_seconds = time.perf_counter() - features_started
            for table in (*PART_TABLES, FEATURES_PART):
                drop = _RUN_COLUMNS.get(table)
                columns = f"* EXCLUDE ({', '.join(drop)})" if drop else "*"
                target = str(tmp / f"{table}.parquet").replace("'", "''")
                store.con.execute(f"COPY (SELECT {shard.index}::INTEGER AS shard, {columns} FROM {table}) "
                                  f"TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        for leftover in (work, work.with_name(work.name + ".wal")):
            leftover.unlink(missing_ok=True)
        shutil.rmtree(final, ignore_errors=True)  # a part of an earlier, killed attempt
        os.replace(tmp, final)
        stages = {name: secs - before.get(name, 0.0) for name, secs in self.pipeline.times.seconds.items()}
        stages["story features"] = features_seconds
        result = {"shard": shard.index, "read": run.read, "stored": run.stored, "duplicate": run.duplicate,
                  "rejected": run.rejected, "reasons": dict(run.reasons), "bytes": shard.bytes,
                  "seconds": round(time.perf_counter() - started, 4),
                  "cpu_seconds": round(time.process_time() - cpu_started, 4),
                  "stage_seconds": {k: round(v, 4) for k, v in stages.items()},
                  "pid": os.getpid(), "peak_rss_mb": round(peak_rss_mb(), 1)}
        marker = done_path(self.out_dir, shard)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker_tmp = marker.with_suffix(f".tmp-{os.getpid()}")
        marker_tmp.write_text(json.dumps(result), encoding="utf-8")
        os.replace(marker_tmp, marker)
        return result


_WORKER: ShardWorker | None = None


def init_worker(out_dir: str, settings: Settings) -> None:
    """Process-pool initialiser: one warmed pipeline per worker process."""
    global _WORKER
    _WORKER = ShardWorker(out_dir, settings)


def process_shard(shard_data: dict[str, Any]) -> dict[str, Any]:
    """Process-pool task: the shard with this process's worker (see :func:`init_worker`)."""
    if _WORKER is None:
        raise RuntimeError("process_shard called in a process without init_worker")
    return _WORKER.process(shard_data)
