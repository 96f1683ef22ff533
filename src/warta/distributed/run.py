"""``warta run``: the pipeline over shards on several processes or a Ray cluster, then one reduce.

Layout of the output folder ``DIR``::

    DIR/plan.json              the shards, the settings and their fingerprint
    DIR/parts/NNNNNN/*.parquet one shard's rows: articles, entities, actors, events, quotes, inputs
    DIR/done/NNNNNN.json       written last, once the shard's parts are complete (counts, times, memory)
    DIR/tables/*.parquet       the reduced result: every table of a store, stories and merged events included
    DIR/manifest.json          written last: totals, per-shard figures, timings

Map: each shard is processed on its own (:class:`~warta.distributed.worker.ShardWorker`), by local
processes (``engine="local"``) or Ray actors (``engine="ray"``). Reduce: the parts are loaded in input
order into a working DuckDB store (DuckDB reads the Parquet), where near-duplicates, stories and merged
events are computed by the same code as ``warta ingest``; its tables are then written to ``DIR/tables``.

Resuming: running the same command again skips every shard with a ``done`` marker, and a run whose
``manifest.json`` is written is complete. A run over other inputs or settings is refused, unless
``restart`` discards the folder's earlier work.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..settings import DEFAULT_SETTINGS, Settings
from .shards import DEFAULT_MAX_FILES, DEFAULT_SHARD_BYTES, Shard, plan_fingerprint, plan_shards
from .worker import done_path

__all__ = ["ENGINES", "RunError", "RunResult", "run_pipeline"]

log = logging.getLogger(__name__)
ENGINES = ("local", "ray")


class RunError(RuntimeError):
    """A run that cannot start or go on; the message says why and what to do."""


@dataclass
class RunResult:
    out_dir: str
    engine: str
    workers: int
    shards: int
    shards_skipped: int = 0
    totals: dict[str, Any] = field(default_factory=dict)
    map_seconds: float = 0.0
    reduce_seconds: float = 0.0
    stories: dict[str, Any] | None = None
    tables: dict[str, int] = field(default_factory=dict)
    worker_peak_rss_mb: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    already_complete: bool = False

    @property
    def seconds(self) -> float:
        return self.map_seconds + self.reduce_seconds

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["map_seconds"] = round(self.map_seconds, 3)
        data["reduce_seconds"] = round(self.reduce_seconds, 3)
        return data


def _settings_dict(settings: Settings) -> dict[str, Any]:
    return dataclasses.asdict(settings)


class _FolderLock:
    """One run at a time in a folder (two would write the same parts)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / ".lock"
        self.handle = None

    def __enter__(self) -> "_FolderLock":
        self.handle = open(self.path, "w")  # noqa: SIM115 - closed in __exit__
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self.handle.close()
            raise RunError(f"{self.path.parent}: another `warta run` is writing to this folder; "
                           f"wait for it or give another --out") from exc
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


def _discard(out_dir: Path) -> None:
    for name in ("parts", "done", "tables"):
        shutil.rmtree(out_dir / name, ignore_errors=True)
    for name in ("plan.json", "manifest.json", "reduce.duckdb", "reduce.duckdb.wal"):
        (out_dir / name).unlink(missing_ok=True)


def _prepare(out_dir: Path, shards: list[Shard], fingerprint: str, settings: Settings, restart: bool) -> None:
    plan = out_dir / "plan.json"
    if plan.exists() and not restart:
        try:
            old = json.loads(plan.read_text(encoding="utf-8")).get("fingerprint")
        except ValueError:
            old = None
        if old != fingerprint:
            raise RunError(f"{out_dir} holds a run over other inputs, settings or shard size (or its inputs changed since); "
                           f"give another --out, or --restart to discard that run")
        return
    if restart:
        _discard(out_dir)
    elif any((out_dir / name).exists() for name in ("parts", "done", "tables", "manifest.json")):
        raise RunError(f"{out_dir} holds files of a run without its plan.json; give another --out, or --restart "
                       f"to discard them")
    payload = {"fingerprint": fingerprint, "created": dt.datetime.now(dt.timezone.utc).isoformat(),
               "settings": _settings_dict(settings), "shards": [s.to_dict() for s in shards]}
    tmp = plan.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, plan)


def _sweep(out_dir: Path) -> None:
    """Remove what killed workers left half-written (the folder lock says no worker is writing now)."""
    for leftover in (*(out_dir / "parts").glob(".tmp-*"), *(out_dir / "done").glob("*.tmp-*")):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _finished(out_dir: Path, fingerprint: str) -> dict[str, Any] | None:
    manifest = out_dir / "manifest.json"
    if not manifest.exists():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return data if data.get("fingerprint") == fingerprint else None


def _run_local(shards: list[Shard], out_dir: Path, settings: Settings, workers: int,
               on_result: Callable[[dict[str, Any]], None], in_process: bool = True) -> None:
    from .worker import ShardWorker, init_worker, process_shard

    if workers == 1 and in_process:
        worker = ShardWorker(out_dir, settings)
        for shard in shards:
            on_result(_guarded(lambda s=shard: worker.process(s.to_dict()), shard))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("spawn")  # no DuckDB or thread state copied into the workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                             initargs=(str(out_dir), settings)) as pool:
        futures = {pool.submit(process_shard, shard.to_dict()): shard for shard in shards}
        for future in as_completed(futures):
            on_result(_guarded(future.result, futures[future]))


def _guarded(call: Callable[[], dict[str, Any]], shard: Shard) -> dict[str, Any]:
    try:
        return call()
    except Exception as exc:
        from concurrent.futures.process import BrokenProcessPool

        first = shard.items[0]["path"] if shard.items else "?"
        why = (" (a worker process died: killed, out of memory, or, when run_pipeline is called from a Python "
               "script, the script does not guard its code with `if __name__ == \"__main__\":`)"
               if isinstance(exc, BrokenProcessPool) else "")
        raise RunError(f"shard {shard.name} ({len(shard.items)} input(s) from {first}) failed: "
                       f"{type(exc).__name__}: {exc}{why}. The finished shards are kept: run the same command "
                       f"again to resume") from exc


def _run_ray(shards: list[Shard], out_dir: Path, settings: Settings, workers: int | None, address: str | None,
             on_result: Callable[[dict[str, Any]], None]) -> int:
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as exc:
        raise RunError("the ray engine needs Ray: pip install 'warta[ray]' (or use --engine local)") from exc
    from .worker import ShardWorker

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no reporting home from a closed network
    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"logging_level": logging.WARNING, "include_dashboard": False,
                                   "log_to_driver": False}
        if address:
            options["address"] = address
        else:
            options.update(num_cpus=workers or os.cpu_count() or 1, object_store_memory=100 * 1024 * 1024)
        try:
            ray.init(**options)
        except Exception as exc:
            where = address or "a local Ray cluster"
            raise RunError(f"could not start or reach {where}: {type(exc).__name__}: {exc}") from exc
    try:
        count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor_class = ray.remote(num_cpus=1)(ShardWorker)
        actors = [actor_class.remote(str(out_dir), settings) for _ in range(count)]
        pool = ActorPool(actors)
        pending = {shard.index: shard for shard in shards}
        try:
            for result in pool.map_unordered(lambda actor, data: actor.process.remote(data),
                                             [s.to_dict() for s in shards]):
                pending.pop(result["shard"], None)
                on_result(result)
        except Exception as exc:
            raise RunError(f"a Ray worker failed ({type(exc).__name__}: {exc}); {len(pending)} shard(s) unfinished. "
                           f"The finished shards are kept: run the same command again to resume") from exc
        return count
    finally:
        if started_here:
            ray.shutdown()


def _reduce(out_dir: Path, shards: list[Shard]) -> tuple[dict[str, Any], dict[str, int], dict[str, Any]]:
    from ..store import Store
    from ..stories.build import update_stories
    from .load import export_tables, load_parts

    work = out_dir / "reduce.duckdb"
    for leftover in (work, work.with_name(work.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        with Store(work) as store:
            run = load_parts(store, out_dir, shards, command="run")
            stories = update_stories(store).to_dict()
            tables = export_tables(store, out_dir / "tables")
    finally:
        for leftover in (work, work.with_name(work.name + ".wal")):
            leftover.unlink(missing_ok=True)
    totals = {k: v for k, v in run.to_dict().items() if k in ("read", "stored", "duplicate", "rejected", "reasons")}
    return totals, tables, stories


def run_pipeline(inputs: Iterable[str], out_dir: str | Path, *, engine: str = "local", workers: int | None = None,
                 address: str | None = None, settings: Settings = DEFAULT_SETTINGS,
                 shard_bytes: int = DEFAULT_SHARD_BYTES, max_files: int = DEFAULT_MAX_FILES, restart: bool = False,
                 on_plan: Callable[[int, int], None] | None = None,
                 on_shard: Callable[[dict[str, Any]], None] | None = None, in_process: bool = True) -> RunResult:
    """Run the pipeline over ``inputs`` into ``out_dir`` (see the module docstring); resumes a killed run.

    ``on_plan(total, already_done)`` is called once the shards are known, ``on_shard(result)`` as each
    shard finishes. ``in_process=False`` runs even a single local worker in a process of its own (as
    ``warta bench`` does, so that one worker and several are timed alike)."""
    if engine not in ENGINES:
        raise RunError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise RunError(f"--workers must be >= 1, got {workers}")
    if address and engine != "ray":
        raise RunError("--address is for --engine ray")
    inputs = list(inputs)
    if not inputs:
        raise RunError("no inputs given")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RunError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from exc
    with _FolderLock(out):
        try:
            shards = plan_shards(inputs, shard_bytes=shard_bytes, max_files=max_files, exclude=out)
        except ValueError as exc:
            raise RunError(str(exc)) from exc
        fingerprint = plan_fingerprint(shards, _settings_dict(settings))
        _prepare(out, shards, fingerprint, settings, restart)
        _sweep(out)
        local_workers = workers or min(os.cpu_count() or 1, max(1, len(shards)))
        result = RunResult(out_dir=str(out), engine=engine, workers=local_workers if engine == "local" else workers or 0,
                           shards=len(shards))
        finished = _finished(out, fingerprint)
        if finished is not None:
            result.already_complete = True
            result.shards_skipped = len(shards)
            result.totals, result.stories, result.tables = finished["totals"], finished["stories"], finished["tables"]
            if on_plan:
                on_plan(len(shards), len(shards))
            return result
        done = [s for s in shards if done_path(out, s).exists()]
        todo = [s for s in shards if not done_path(out, s).exists()]
        result.shards_skipped = len(done)
        if on_plan:
            on_plan(len(shards), len(done))
        shard_results = [json.loads(done_path(out, s).read_text(encoding="utf-8")) for s in done]

        def collect(item: dict[str, Any]) -> None:
            shard_results.append(item)
            if on_shard:
                on_shard(item)

        started = time.perf_counter()
        if todo:
            if engine == "local":
                _run_local(todo, out, settings, min(local_workers, len(todo)), collect, in_process)
            else:
                result.workers = _run_ray(todo, out, settings, workers, address, collect)
        result.map_seconds = time.perf_counter() - started
        started = time.perf_counter()
        result.totals, result.tables, result.stories = _reduce(out, shards)
        result.reduce_seconds = time.perf_counter() - started
        for item in shard_results:
            for name, secs in item.get("stage_seconds", {}).items():
                result.stage_seconds[name] = result.stage_seconds.get(name, 0.0) + secs
        result.worker_peak_rss_mb = max((r.get("peak_rss_mb", 0.0) for r in shard_results), default=0.0)
        manifest = {"fingerprint": fingerprint, "finished": dt.datetime.now(dt.timezone.utc).isoformat(),
                    "engine": engine, "workers": result.workers, "totals": result.totals, "stories": result.stories,
                    "tables": result.tables, "map_seconds": result.map_seconds,
                    "reduce_seconds": result.reduce_seconds,
                    "shards": [s.to_dict() for s in shards],
                    "shard_results": sorted(shard_results, key=lambda r: r["shard"])}
        tmp = out / "manifest.json.tmp"
        tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, out / "manifest.json")
        return result
