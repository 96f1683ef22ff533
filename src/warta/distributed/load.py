"""From Parquet parts to a store: the reduce step of ``warta run`` and the ``warta load`` command.

:func:`load_parts` brings the shards' parts into a store in input order, in one transaction: the first
copy of each article (by shard, then position) is stored, every later copy and every article the store
already holds is recorded as a duplicate of it, rejects keep their reasons: the same accounting as one
``warta ingest`` of the same inputs. The store's own story update then runs over it.

``warta run`` does this in a working store beside its parts, then exports every table to
``DIR/tables/*.parquet``; :func:`load_run` copies those tables into an empty store, or, when the store
already holds articles, loads the parts into it and updates its stories incrementally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..store import RunSummary, Store, StoreError
from ..store.sql import transaction
from .shards import Shard
from .worker import FEATURES_PART, PART_TABLES, parts_path

__all__ = ["RESULT_TABLES", "load_parts", "export_tables", "load_run", "LoadError"]

#: every table of a finished run's result, in the order they are loaded
RESULT_TABLES = ("runs", "articles", "entities", "actors", "events", "quotes", "inputs", "article_signatures",
                 "near_duplicates", "stories", "story_articles", "merged_events", "event_mentions")


class LoadError(RuntimeError):
    """A run folder that cannot be loaded; the message says which folder and why."""


def _sql_list(paths: Iterable[Path]) -> str:
    quoted = ["'" + str(p).replace("'", "''") + "'" for p in paths]
    return "[" + ", ".join(quoted) + "]"


def _part_files(out_dir: Path, shards: list[Shard], table: str) -> str:
    files = [parts_path(out_dir, s) / f"{table}.parquet" for s in shards]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise LoadError(f"{out_dir}: {len(missing)} shard part(s) missing, e.g. {missing[0]}; "
                        f"finish the run first (run the same `warta run` command again)")
    return _sql_list(files)


def load_parts(store: Store, out_dir: Path, shards: list[Shard], *, command: str = "load") -> RunSummary:
    """Load the shards' parts into ``store`` in input order (one transaction) and account for every input."""
    if not shards:
        run = store.start_run(command)
        store.finish_run(run)
        return run
    con = store.con
    run = store.start_run(command)
    now = dt.datetime.now(dt.timezone.utc)
    inputs = _part_files(out_dir, shards, "inputs")
    try:
        with transaction(con):
            con.execute(f"CREATE OR REPLACE TEMP TABLE part_inputs AS SELECT * FROM read_parquet({inputs})")
            # the first stored copy of each article not yet in the store, by shard (input order)
            con.execute("""CREATE OR REPLACE TEMP TABLE part_winners AS
                SELECT article_id, min(shard) AS shard FROM part_inputs
                WHERE outcome = 'stored' AND article_id NOT IN (SELECT id FROM articles) GROUP BY article_id""")
            articles = _part_files(out_dir, shards, "articles")
            con.execute(f"""INSERT INTO articles BY NAME
                SELECT p.* EXCLUDE (shard), ? AS run_id, ? AS ingested_at FROM read_parquet({articles}) p
                SEMI JOIN part_winners w ON p.id = w.article_id AND p.shard = w.shard""", [run.run_id, now])
            for table in PART_TABLES:
                if table in ("articles", "inputs"):
                    continue
                files = _part_files(out_dir, shards, table)
                con.execute(f"""INSERT INTO {table} BY NAME
                    SELECT p.* EXCLUDE (shard) FROM read_parquet({files}) p
                    SEMI JOIN part_winners w ON p.article_id = w.article_id AND p.shard = w.shard""")
            # the workers' per-article story features, for the story update that follows on this connection
            features = _part_files(out_dir, shards, FEATURES_PART)
            con.execute(f"""CREATE OR REPLACE TEMP TABLE {FEATURES_PART} AS
                SELECT p.* EXCLUDE (shard) FROM read_parquet({features}) p
                SEMI JOIN part_winners w ON p.article_id = w.article_id AND p.shard = w.shard""")
            con.execute("""INSERT INTO inputs BY NAME
                SELECT ? AS run_id, row_number() OVER (ORDER BY i.shard, i.seq) - 1 AS seq, i.input_ref, i.source,
                       CASE WHEN i.outcome = 'stored' AND w.article_id IS NULL THEN 'duplicate' ELSE i.outcome END
                           AS outcome,
                       i.article_id, i.reason, i.detail, ? AS read_at
                FROM part_inputs i LEFT JOIN part_winners w ON i.article_id = w.article_id AND i.shard = w.shard""",
                    [run.run_id, now])
            _account(store, run)
            store.finish_run(run)
    finally:
        con.execute("DROP TABLE IF EXISTS part_inputs")
        con.execute("DROP TABLE IF EXISTS part_winners")
    store.articles_changed()  # written here in SQL, not through add_batch
    return run


def _account(store: Store, run: RunSummary) -> None:
    rows = store.con.execute("SELECT outcome, count(*) FROM inputs WHERE run_id = ? GROUP BY outcome",
                             [run.run_id]).fetchall()
    counts = dict(rows)
    run.stored, run.duplicate, run.rejected = (counts.get(k, 0) for k in ("stored", "duplicate", "rejected"))
    run.read = run.stored + run.duplicate + run.rejected
    run.rejects = [tuple(r) for r in store.con.execute(
        "SELECT input_ref, reason, detail FROM inputs WHERE run_id = ? AND outcome = 'rejected' ORDER BY seq",
        [run.run_id]).fetchall()]
    run.reasons.update(reason for _, reason, _ in run.rejects)


def export_tables(store: Store, folder: Path) -> dict[str, int]:
    """Every result table to ``folder/<table>.parquet`` (written beside, then renamed); row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in RESULT_TABLES:
        target = folder / f"{table}.parquet"
        tmp = folder / f".{table}.parquet.tmp"
        literal = str(tmp).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{literal}' (FORMAT parquet, COMPRESSION zstd)")
        tmp.replace(target)
        counts[table] = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counts


def _read_manifest(run_dir: Path) -> dict[str, Any]:
    import json

    manifest = run_dir / "manifest.json"
    if not manifest.exists():
        what = "an unfinished run (run the same `warta run` command again to finish it)" \
            if (run_dir / "plan.json").exists() else "not the output folder of `warta run`"
        raise LoadError(f"{run_dir}: no manifest.json; {what}")
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise LoadError(f"{manifest}: not valid JSON ({exc}); run `warta run` again into this folder") from exc


def load_run(run_dir: str | Path, store: Store) -> dict[str, Any]:
    """Bring a finished ``warta run`` into ``store``; returns what was loaded and how.

    Into an empty store the run's tables (articles, events, stories, ...) are copied as they are; into a
    store that already holds articles the run's parts are loaded as a new ingest (articles the store holds
    become duplicates) and the store's stories are updated with the new articles.
    """
    from ..ingest import publish_snapshot
    from ..store.search import update_search_index
    from ..stories.build import update_stories

    run_dir = Path(run_dir)
    manifest = _read_manifest(run_dir)
    empty = store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0 and \
        store.con.execute("SELECT count(*) FROM inputs").fetchone()[0] == 0
    if empty:
        tables = run_dir / "tables"
        missing = [t for t in RESULT_TABLES if not (tables / f"{t}.parquet").exists()]
        if missing:
            raise LoadError(f"{tables}: missing {', '.join(missing)}.parquet; run `warta run` again to finish")
        try:
            with transaction(store.con):
                for table in RESULT_TABLES:
                    literal = str(tables / f"{table}.parquet").replace("'", "''")
                    store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet('{literal}')")
        except Exception as exc:
            raise StoreError(f"{store.path}: loading {run_dir} failed ({exc}); the store is unchanged") from exc
        store.articles_changed()
        update_search_index(store.con)
        publish_snapshot(store)
        totals = manifest["totals"]
        return {"mode": "copy", "run_dir": str(run_dir), **{k: totals[k] for k in
                ("read", "stored", "duplicate", "rejected", "reasons")}, "stories": manifest.get("stories")}
    shards = [Shard.from_dict(s) for s in manifest["shards"]]
    run = load_parts(store, run_dir, shards, command="load")
    run.stories = update_stories(store).to_dict()
    update_search_index(store.con)
    publish_snapshot(store)
    return {"mode": "incremental", "run_dir": str(run_dir)} | run.to_dict()
