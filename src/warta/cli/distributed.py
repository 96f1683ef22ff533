"""``warta run`` (the pipeline over shards, on local processes or Ray) and ``warta load`` (its result into a store)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..store import DEFAULT_DB, Store, StoreError

__all__ = ["run", "load"]


def _reasons(reasons: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])) or "none"


def print_run(console: Console, result: dict[str, Any]) -> None:
    totals = result["totals"]
    done = "already complete, nothing to do" if result["already_complete"] else (
        f"{result['shards'] - result['shards_skipped']} processed, {result['shards_skipped']} resumed from an "
        f"earlier attempt" if result["shards_skipped"] else f"{result['shards']} processed")
    table = Table(title=f"warta run → {escape(result['out_dir'])}", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value")
    table.add_row("engine", f"{result['engine']}, {result['workers']} worker(s)")
    table.add_row("shards", f"{result['shards']} ({done})")
    table.add_row("read", f"{totals['read']:,}")
    table.add_row("new articles", f"{totals['stored']:,}")
    table.add_row("duplicates", f"{totals['duplicate']:,}")
    table.add_row("rejected", f"{totals['rejected']:,} ({_reasons(totals['reasons'])})")
    stories = result.get("stories") or {}
    if stories:
        table.add_row("stories", f"{stories.get('new_stories', 0):,} new, {stories.get('copies', 0):,} near-duplicate "
                                 f"copies, {stories.get('merged_events', 0):,} merged events")
    if not result["already_complete"]:
        rate = totals["read"] / result["seconds"] if result["seconds"] else 0.0
        table.add_row("time", f"{result['seconds']:.1f} s (pipeline {result['map_seconds']:.1f} s, stories "
                              f"{result['reduce_seconds']:.1f} s) · {rate:,.0f} documents/s")
        table.add_row("peak RSS per worker", f"{result['worker_peak_rss_mb']:,.0f} MB")
    console.print(table)
    console.print(f"load it into a store: [bold]warta load {escape(result['out_dir'])} --db warta.duckdb[/bold] "
                  f"(or query {escape(result['out_dir'])}/tables/*.parquet with DuckDB)")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output folder: Parquet parts per shard, the reduced tables, the plan and manifest.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: worker processes on this machine; ray: Ray actors (a local cluster, or --address).")
@click.option("--workers", type=click.IntRange(1, 4096), default=None,
              help="Worker processes (default: this machine's cores; with --address, the cluster's CPUs).")
@click.option("--address", default=None, help="Ray cluster address (ray://host:10001 or host:6379); --engine ray.")
@click.option("--shard-mb", type=click.FloatRange(0.001, 1e6), default=64.0, show_default=True,
              help="Input megabytes per shard (small files are grouped, large JSON Lines files are cut).")
@click.option("--restart", is_flag=True, help="Discard what an earlier run left in --out and start again.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def run(inputs: tuple[str, ...], out_dir: Path, engine: str, workers: int | None, address: str | None,
        shard_mb: float, restart: bool, progress: bool | None, fmt: str) -> None:
    """Run the whole pipeline over INPUTS in shards on several workers, writing Parquet to --out.

    Each shard (a group of files, or a part of a large JSON Lines file) is read, cleaned and analysed on its
    own by a worker and written as Parquet parts; then near-duplicates, stories and merged events are computed
    over all parts, and every table is written to OUT/tables/*.parquet. Killed midway, the same command
    resumes: finished shards are skipped. `warta load OUT --db PATH` brings the result into a store.
    """
    from ..distributed import RunError, run_pipeline

    err = Console(stderr=True)
    show = err.is_terminal if progress is None else progress
    bar = Progress(SpinnerColumn(), TextColumn("[bold]run[/bold]"), BarColumn(bar_width=None),
                   TextColumn("{task.completed}/{task.total} shards · {task.fields[docs]:,} documents"),
                   TimeElapsedColumn(), console=err, transient=True, disable=not show)
    state: dict[str, Any] = {"docs": 0}
    with bar:
        task = bar.add_task("run", total=None, docs=0)

        def on_plan(total: int, done: int) -> None:
            bar.update(task, total=total, completed=done)
            if done and done < total:
                err.print(f"resuming: {done} of {total} shards were finished by an earlier attempt")

        def on_shard(item: dict[str, Any]) -> None:
            state["docs"] += item["read"]
            bar.update(task, advance=1, docs=state["docs"])

        try:
            result = run_pipeline(list(inputs), out_dir, engine=engine, workers=workers, address=address,
                                  shard_bytes=max(1, int(shard_mb * 1024 * 1024)), restart=restart,
                                  on_plan=on_plan, on_shard=on_shard)
        except (RunError, StoreError) as exc:
            raise click.ClickException(str(exc)) from exc
    data = result.to_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        print_run(Console(), data)


@click.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def load(run_dir: Path, db: str, fmt: str) -> None:
    """Bring the result of `warta run` (RUN_DIR) into the store.

    Into a new or empty store the run's tables are copied as they are (articles, events, quotes, stories,
    merged events). Into a store that already holds articles they are added as one more ingest: articles
    the store already has count as duplicates, and the store's stories are updated with the new articles.
    """
    from ..distributed import LoadError, load_run

    started = time.perf_counter()
    try:
        with Store(db) as store:
            result = load_run(run_dir, store)
    except (LoadError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    result["seconds"] = round(time.perf_counter() - started, 3)
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
        return
    how = "copied into the empty store" if result["mode"] == "copy" else "added to the store as a new ingest"
    stories = result.get("stories") or {}
    Console().print(
        f"loaded {escape(str(run_dir))} into {escape(db)} ({how}) in {result['seconds']:.1f} s: read "
        f"{result['read']:,}, new {result['stored']:,}, duplicate {result['duplicate']:,}, rejected "
        f"{result['rejected']:,} ({_reasons(result['reasons'])}); stories: {stories.get('new_stories', 0):,} new, "
        f"{stories.get('touched_stories', 0):,} updated")
