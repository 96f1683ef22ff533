"""The store: one DuckDB file holding articles and the account of every input read.

Compute, then write: components never touch the store; :meth:`Store.add_batch` writes a batch
of finished documents in one transaction, so a crash leaves whole batches or nothing. Every
document read becomes one row of ``inputs`` with its outcome (stored, duplicate, rejected), so
the totals always equal what was read.

DuckDB lets one process write a file and keeps every other process out meanwhile. Readers in other
processes (``warta serve``) therefore read a *snapshot*: after each ingest the writer checkpoints the
store and publishes a copy of it beside the store (:func:`snapshot_path`, swapped in atomically with
``os.replace``), and a writable store that already has a snapshot refreshes it when it is closed
(see docs/concurrency.md). A writer that finds the file locked waits for it (``lock_wait``), saying so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import logging
import os
import shutil
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..dates import date_of
from ..document import Document
from .sql import LIKE_ESCAPE_CLAUSE, escape_like, transaction
from .story_tables import STORY_SCHEMA, StoryQueries

__all__ = ["Store", "BatchResult", "RunSummary", "DEFAULT_DB", "StoreError", "snapshot_path", "snapshot_is_fresh",
           "publish_snapshot_of", "is_lock_error", "LOCK_WAIT_SECONDS"]

log = logging.getLogger(__name__)
DEFAULT_DB = "warta.duckdb"
SCHEMA_VERSION = 4
#: how long a writer waits for a store another process holds before giving up
LOCK_WAIT_SECONDS = 60.0
_LOCK_POLL_SECONDS = 0.25
SNAPSHOT_SUFFIX = ".read"

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY, command VARCHAR, started TIMESTAMPTZ, finished TIMESTAMPTZ,
        read BIGINT, stored BIGINT, duplicate BIGINT, rejected BIGINT)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, source VARCHAR, input_ref VARCHAR, input_kind VARCHAR, outlet VARCHAR,
        url VARCHAR, title VARCHAR, published VARCHAR, published_date DATE, language VARCHAR,
        dateline VARCHAR, author VARCHAR, text VARCHAR, removed JSON, repairs JSON, warnings JSON,
        doc JSON, run_id VARCHAR, ingested_at TIMESTAMPTZ)""",
    """CREATE TABLE IF NOT EXISTS entities (
        article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, label VARCHAR, actor_id VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS actors (
        article_id VARCHAR, actor_id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
        kind VARCHAR, mentions INTEGER, spans JSON)""",
    """CREATE TABLE IF NOT EXISTS events (
        article_id VARCHAR, seq INTEGER, type VARCHAR, mode VARCHAR, cameo VARCHAR,
        source_actor VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
        target_actor VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
        negated BOOLEAN, modality VARCHAR, date VARCHAR, event_date DATE, location VARCHAR,
        sent_start INTEGER, sent_end INTEGER, trigger VARCHAR, reported_by VARCHAR, reported_by_actor VARCHAR,
        attributed_to VARCHAR, intensity DOUBLE, published_date DATE, outlet VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR, seq INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR, direct BOOLEAN,
        speaker_actor VARCHAR, speaker_name VARCHAR, speaker_text VARCHAR, attributed_to VARCHAR,
        published_date DATE, outlet VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS inputs (
        run_id VARCHAR, seq BIGINT, input_ref VARCHAR, source VARCHAR, outcome VARCHAR,
        article_id VARCHAR, reason VARCHAR, detail VARCHAR, read_at TIMESTAMPTZ)""",
]

_ARTICLE_COLUMNS = ("id", "source", "input_ref", "input_kind", "outlet", "url", "title", "published",
                    "published_date", "language", "dateline", "author", "text", "removed", "repairs",
                    "warnings", "doc", "run_id", "ingested_at")
_INPUT_COLUMNS = ("run_id", "seq", "input_ref", "source", "outcome", "article_id", "reason", "detail", "read_at")
_ENTITY_COLUMNS = ("article_id", "start_char", "end_char", "text", "label", "actor_id")
_ACTOR_COLUMNS = ("article_id", "actor_id", "name", "country", "sector", "role", "kind", "mentions", "spans")
_EVENT_COLUMNS = ("article_id", "seq", "type", "mode", "cameo", "source_actor", "source_country", "source_sector",
                  "source_text", "target_actor", "target_country", "target_sector", "target_text", "negated",
                  "modality", "date", "event_date", "location", "sent_start", "sent_end", "trigger", "reported_by",
                  "reported_by_actor", "attributed_to", "intensity", "published_date", "outlet")
_QUOTE_COLUMNS = ("article_id", "seq", "start_char", "end_char", "text", "direct", "speaker_actor", "speaker_name",
                  "speaker_text", "attributed_to", "published_date", "outlet")


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message says which file and why."""


@dataclass
class BatchResult:
    stored: list[str] = field(default_factory=list)
    duplicate: list[tuple[str, str]] = field(default_factory=list)  # (input_ref, id of the original)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (input_ref, reason, detail)


@dataclass
class RunSummary:
    run_id: str
    read: int = 0
    stored: int = 0
    duplicate: int = 0
    rejected: int = 0
    reasons: Counter = field(default_factory=Counter)
    rejects: list[tuple[str, str, str]] = field(default_factory=list)
    stories: dict[str, Any] | None = None  # what the story update after the run changed

    def add(self, batch: BatchResult) -> None:
        self.stored += len(batch.stored)
        self.duplicate += len(batch.duplicate)
        self.rejected += len(batch.rejected)
        self.read += len(batch.stored) + len(batch.duplicate) + len(batch.rejected)
        self.reasons.update(reason for _, reason, _ in batch.rejected)
        self.rejects.extend(batch.rejected)

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "read": self.read, "stored": self.stored, "duplicate": self.duplicate,
                "rejected": self.rejected, "reasons": dict(self.reasons)} | (
                    {"stories": self.stories} if self.stories is not None else {})


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Store(StoryQueries):
    """A DuckDB file of articles. Use as a context manager; one writer at a time."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False,
                 lock_wait: float | None = None) -> None:
        """Open (or create) the store. A writer waits up to ``lock_wait`` seconds (default
        :data:`LOCK_WAIT_SECONDS`) while another process holds the file; a reader does not wait: it reads
        the store's snapshot instead when there is one (``self.source`` says which file is read)."""
        self.path = str(path)
        self.read_only = read_only
        if lock_wait is not None and lock_wait < 0:
            raise ValueError(f"lock_wait must be >= 0, got {lock_wait}")
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store; run `warta ingest` or `warta demo` first")
        self.source = self.path
        self.con = self._connect(0.0 if read_only else LOCK_WAIT_SECONDS if lock_wait is None else lock_wait)
        if not read_only:
            self._create_schema()
        self._known_ids: set[str] | None = None

    def _connect(self, lock_wait: float) -> duckdb.DuckDBPyConnection:
        deadline, warned = time.monotonic() + lock_wait, False
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.Error as exc:
                if not is_lock_error(exc):
                    raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
                if self.read_only and Path(snapshot_path(self.path)).is_file():
                    return self._connect_snapshot()
                if time.monotonic() >= deadline:
                    waited = f" after waiting {lock_wait:.0f} s" if lock_wait else ""
                    raise StoreError(f"{self.path}: the store is locked by another process{waited} ({exc}); "
                                     f"wait for that process (another `warta ingest`?) to finish, "
                                     f"then run again") from exc
                if not warned:
                    log.warning("%s is locked by another process (%s); waiting up to %.0f s for it", self.path,
                                _lock_holder(exc), lock_wait)
                    warned = True
                time.sleep(_LOCK_POLL_SECONDS)

    def _connect_snapshot(self) -> duckdb.DuckDBPyConnection:
        """While another process writes the store, readers read its last published snapshot."""
        self.source = snapshot_path(self.path)
        published = dt.datetime.fromtimestamp(os.stat(self.source).st_mtime).strftime("%Y-%m-%d %H:%M:%S")
        log.warning("%s is being written by another process; reading its snapshot of %s (the state after the "
                    "last finished ingest)", self.path, published)
        try:
            return duckdb.connect(self.source, read_only=True)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: the store is being written by another process and its snapshot "
                             f"{self.source} cannot be read ({exc}); try again when the writer is done") from exc

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store; a writable store whose snapshot is older than what it wrote refreshes it first."""
        try:
            if not self.read_only and Path(snapshot_path(self.path)).is_file():
                self.con.execute("CHECKPOINT")
                if not snapshot_is_fresh(self.path):
                    self.publish_snapshot()
        except (duckdb.Error, StoreError) as exc:
            log.warning("%s: the read snapshot was not refreshed (%s)", self.path, exc)
        finally:
            self.con.close()

    def publish_snapshot(self) -> str:
        """Checkpoint the store and publish a copy of it as its read snapshot (atomically replaced);
        returns the snapshot's path. Only a writer can: it holds the file, so nothing changes during the copy."""
        if self.read_only:
            raise StoreError(f"{self.path}: a read-only store cannot publish a snapshot")
        try:
            self.con.execute("CHECKPOINT")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot checkpoint the store for its snapshot ({exc})") from exc
        if _wal_size(self.path):
            raise StoreError(f"{self.path}: the checkpoint left a write-ahead log (another transaction of this "
                             f"process is open); the snapshot was not published")
        return _copy_to_snapshot(self.path)

    def _create_schema(self) -> None:
        """All tables in one transaction: a store killed while it is made has all of them or none."""
        try:
            with transaction(self.con):
                for statement in _SCHEMA + STORY_SCHEMA:
                    self.con.execute(statement)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"{self.path}: cannot create the store's tables ({exc})") from exc

    # -- writing -----------------------------------------------------------------------------

    def start_run(self, command: str) -> RunSummary:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute("INSERT INTO runs (run_id, command, started) VALUES (?, ?, ?)", [run_id, command, _now()])
        return RunSummary(run_id=run_id)

    def finish_run(self, summary: RunSummary) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, read = ?, stored = ?, duplicate = ?, rejected = ? WHERE run_id = ?",
            [_now(), summary.read, summary.stored, summary.duplicate, summary.rejected, summary.run_id])

    def articles_changed(self) -> None:
        """Forget the ids remembered by :meth:`known_ids`: articles were written (or not) by other means."""
        self._known_ids = None

    def known_ids(self) -> set[str]:
        if self._known_ids is None:
            self._known_ids = {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}
        return self._known_ids

    def add_batch(self, docs: Iterable[Document], run: RunSummary) -> BatchResult:
        """Write finished documents in one transaction; account for every one of them."""
        result, article_rows, input_rows = BatchResult(), [], []
        entity_rows: list[tuple] = []
        actor_rows: list[tuple] = []
        event_rows: list[tuple] = []
        quote_rows: list[tuple] = []
        known, now = self.known_ids(), _now()
        for doc in docs:
            outcome, article_id, reason, detail = self._outcome(doc, known)
            if outcome == "stored":
                known.add(article_id)
                article_rows.append(self._article_row(doc, run.run_id, now))
                entity_rows.extend(_entity_rows(article_id, doc))
                actor_rows.extend(_actor_rows(article_id, doc))
                event_rows.extend(_event_rows(article_id, doc))
                quote_rows.extend(_quote_rows(article_id, doc))
                result.stored.append(article_id)
            elif outcome == "duplicate":
                result.duplicate.append((doc.input_ref, article_id))
            else:
                result.rejected.append((doc.input_ref, reason, detail))
            input_rows.append((run.run_id, run.read + len(input_rows), doc.input_ref, doc.source, outcome,
                               article_id, reason, detail, now))
        self._write({"articles": (_ARTICLE_COLUMNS, article_rows), "entities": (_ENTITY_COLUMNS, entity_rows),
                     "actors": (_ACTOR_COLUMNS, actor_rows), "events": (_EVENT_COLUMNS, event_rows),
                     "quotes": (_QUOTE_COLUMNS, quote_rows), "inputs": (_INPUT_COLUMNS, input_rows)})
        run.add(result)
        return result

    @staticmethod
    def _outcome(doc: Document, known: set[str]) -> tuple[str, str | None, str | None, str | None]:
        if doc.rejected:
            return "rejected", None, doc.rejected, doc.rejected_detail
        article_id = doc.id
        if article_id in known:
            return "duplicate", article_id, None, None
        return "stored", article_id, None, None

    @staticmethod
    def _article_row(doc: Document, run_id: str, now: dt.datetime) -> tuple:
        data = doc.to_dict()
        rest = {k: v for k, v in data.items() if k not in _OWN_COLUMNS}  # entities, events, ...: JSON once
        return (data["id"], doc.source, doc.input_ref, doc.input_kind, doc.outlet, doc.url, doc.title, doc.published,
                date_of(doc.published), doc.language, doc.dateline, doc.author, doc.text,
                json.dumps(data["removed"], ensure_ascii=False), json.dumps(data["repairs"], ensure_ascii=False),
                json.dumps(data["warnings"], ensure_ascii=False), json.dumps(rest, ensure_ascii=False), run_id, now)

    def _write(self, tables: dict[str, tuple[tuple[str, ...], list[tuple]]]) -> None:
        """All rows of one batch in one transaction: a crash leaves the whole batch or nothing."""
        try:
            with transaction(self.con):
                for table, (columns, rows) in tables.items():
                    _insert_many(self.con, table, columns, rows)
        except duckdb.Error as exc:
            self.articles_changed()
            count = len(tables["inputs"][1])
            raise StoreError(f"{self.path}: writing a batch of {count} documents failed ({exc})") from exc

    # -- reading -----------------------------------------------------------------------------

    def get_article(self, ref: str) -> dict[str, Any] | None:
        """The stored document (contract JSON) by id, or by a unique id prefix of >= 4 characters."""
        select = f"SELECT {', '.join(_OWN_COLUMNS)}, doc FROM articles"
        rows = self.con.execute(f"{select} WHERE id = ?", [ref]).fetchall()
        if not rows and len(ref) >= 4:
            rows = self.con.execute(f"{select} WHERE starts_with(id, ?) LIMIT 2", [ref]).fetchall()
            if len(rows) > 1:
                raise StoreError(f"id prefix {ref!r} matches several articles; give more characters")
        return _contract(rows[0]) if rows else None

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        rows = self.con.execute("SELECT input_ref, input_kind, run_id, ingested_at FROM articles WHERE id = ?",
                                [article_id]).fetchall()
        if not rows:
            return None
        return dict(zip(("input_ref", "input_kind", "run_id", "ingested_at"), rows[0]))

    def list_articles(self, *, limit: int = 50, outlet: str | None = None) -> list[dict[str, Any]]:
        query = "SELECT id, published, outlet, title, language, length(text) FROM articles"
        params: list[Any] = []
        if outlet:
            query += f" WHERE outlet ILIKE ? {LIKE_ESCAPE_CLAUSE}"
            params.append(escape_like(outlet))
        query += " ORDER BY published NULLS LAST, id LIMIT ?"
        params.append(limit)
        keys = ("id", "published", "outlet", "title", "language", "chars")
        return [dict(zip(keys, row)) for row in self.con.execute(query, params).fetchall()]

    def list_actors(self, *, country: str | None = None, sector: str | None = None, kind: str | None = None,
                    name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Actors across articles with their mention and article counts, most mentioned first."""
        where, params = [], []
        for column, value in (("country", country), ("sector", sector), ("kind", kind)):
            if value:
                where.append(f"{column} = ?")
                params.append(value.upper() if column != "kind" else value.lower())
        if name:
            where.append(f"(name ILIKE ? {LIKE_ESCAPE_CLAUSE} OR actor_id ILIKE ? {LIKE_ESCAPE_CLAUSE})")
            params += [f"%{escape_like(name)}%"] * 2
        if self.has_table("near_duplicates"):  # a copy of an article does not count it twice
            where.append("article_id NOT IN (SELECT article_id FROM near_duplicates)")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        query = (f"SELECT actor_id, arg_max(name, mentions), country, sector, kind, arg_max(role, mentions), "
                 f"sum(mentions)::INTEGER, count(*)::INTEGER FROM actors {clause} "
                 f"GROUP BY actor_id, country, sector, kind ORDER BY 7 DESC, 1 LIMIT ?")
        keys = ("id", "name", "country", "sector", "kind", "role", "mentions", "articles")
        return [dict(zip(keys, row)) for row in self.con.execute(query, params + [limit]).fetchall()]

    def list_events(self, *, actor: str | None = None, country: str | None = None,
                    pair: tuple[str, str] | None = None, directed: bool = False, type: str | None = None,
                    since: dt.date | None = None, until: dt.date | None = None, negated: bool | None = None,
                    modality: str | None = None, article: str | None = None,
                    limit: int = 50) -> list[dict[str, Any]]:
        """Coded events, filtered; ``pair`` matches either direction unless ``directed``."""
        where, params = _event_filters(actor=actor, country=country, pair=pair, directed=directed, type=type,
                                       since=since, until=until, negated=negated, modality=modality, article=article)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        query = (f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events {clause} "
                 f"ORDER BY coalesce(event_date, published_date) NULLS LAST, article_id, seq LIMIT ?")
        rows = self.con.execute(query, params + [limit]).fetchall()
        return [_event_record(dict(zip(_EVENT_COLUMNS, row))) for row in rows]

    def list_merged(self, *, actor: str | None = None, country: str | None = None,
                    pair: tuple[str, str] | None = None, directed: bool = False, type: str | None = None,
                    since: dt.date | None = None, until: dt.date | None = None, negated: bool | None = None,
                    modality: str | None = None, article: str | None = None, story: str | None = None,
                    event_id: str | None = None, limit: int = 50,
                    with_mentions: bool = True) -> list[dict[str, Any]]:
        """Merged events (one per real-world event, with its mentions), filtered as :meth:`list_events`."""
        self.require_stories()
        where, params = _event_filters(actor=actor, country=country, pair=pair, directed=directed, type=type,
                                       since=since, until=until, negated=negated, modality=modality, article=None)
        if article:
            where.append("id IN (SELECT merged_id FROM event_mentions WHERE starts_with(article_id, ?))")
            params.append(article)
        if event_id:
            where.append("starts_with(id, ?)")
            params.append(event_id)
        return self.list_merged_events(where=where, params=params, story=story, limit=limit,
                                       with_mentions=with_mentions)

    def timeline(self, a: str, b: str, *, by: str = "month", since: dt.date | None = None,
                 until: dt.date | None = None):
        """The dyad time series of merged events between ``a`` and ``b`` (see :mod:`warta.stories.timeline`)."""
        from ..stories.timeline import build_timeline

        events = self.list_merged(pair=(a, b), since=since, until=until, limit=10_000_000, with_mentions=False)
        return build_timeline(events, a, b, by=by)

    def require_stories(self) -> None:
        """Stores written before stories existed lack their tables; say how to build them."""
        if not self.has_table("merged_events"):
            raise StoreError(f"{self.path} was written by an older warta and has no stories yet; "
                             f"run `warta stories --update --db {self.path}` once")

    def list_quotes(self, *, speaker: str | None = None, article: str | None = None, direct: bool | None = None,
                    copies: bool = False, limit: int = 50) -> list[dict[str, Any]]:
        """Quotes, filtered by speaker (actor id, canonical or surface name; case-insensitive substring).

        Quotes of near-duplicate copies are left out unless ``copies`` (or the copy is asked for by id)."""
        where, params = [], []
        if not copies and not article and self.has_table("near_duplicates"):
            where.append("article_id NOT IN (SELECT article_id FROM near_duplicates)")
        if speaker:
            where.append(f"(speaker_actor ILIKE ? {LIKE_ESCAPE_CLAUSE} OR speaker_name ILIKE ? {LIKE_ESCAPE_CLAUSE} "
                         f"OR speaker_text ILIKE ? {LIKE_ESCAPE_CLAUSE})")
            params += [f"%{escape_like(speaker)}%"] * 3
        if article:
            where.append("starts_with(article_id, ?)")
            params.append(article)
        if direct is not None:
            where.append("direct = ?")
            params.append(direct)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        query = (f"SELECT {', '.join(_QUOTE_COLUMNS)} FROM quotes {clause} "
                 f"ORDER BY published_date NULLS LAST, article_id, seq LIMIT ?")
        return [dict(zip(_QUOTE_COLUMNS, row)) for row in self.con.execute(query, params + [limit]).fetchall()]

    def has_table(self, name: str) -> bool:
        """Whether the store has this table (stores written by an older warta lack the newer ones). A table
        once seen is remembered: tables are added, never dropped."""
        known = self.__dict__.setdefault("_tables_seen", set())
        if name not in known and self.con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'",
                [name]).fetchone()[0]:
            known.add(name)
        return name in known

    def story_of_article(self, article_id: str) -> tuple[str | None, str | None]:
        """(the article's story, the original it copies) — (None, None) when it is in no story yet."""
        if not self.has_table("story_articles"):
            return None, None
        row = self.con.execute("SELECT story_id, copy_of FROM story_articles WHERE article_id = ?",
                               [article_id]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def counts(self) -> dict[str, Any]:
        """Totals over every input ever read: read = stored + duplicate + rejected."""
        rows = self.con.execute("SELECT outcome, count(*) FROM inputs GROUP BY outcome").fetchall()
        by = dict(rows)
        reasons = dict(self.con.execute(
            "SELECT reason, count(*) FROM inputs WHERE outcome = 'rejected' GROUP BY reason ORDER BY 2 DESC").fetchall())
        return {"read": sum(by.values()), "stored": by.get("stored", 0), "duplicate": by.get("duplicate", 0),
                "rejected": by.get("rejected", 0), "reasons": reasons,
                "articles": self.con.execute("SELECT count(*) FROM articles").fetchone()[0]}


    def audit(self, *, limit: int = 100) -> dict[str, Any]:
        """Where every input ended: the totals (read = stored + duplicate + rejected), the reasons, the
        rejects (up to ``limit``, newest run first) and the duplicates with the id of the article they repeat;
        near-duplicate copies are stored articles, counted apart with their original."""
        totals = self.counts()
        rejects = self.con.execute(
            "SELECT i.input_ref, i.reason, i.detail, i.run_id, r.command FROM inputs i LEFT JOIN runs r "
            "ON r.run_id = i.run_id WHERE i.outcome = 'rejected' ORDER BY i.read_at DESC, i.seq LIMIT ?",
            [limit]).fetchall()
        duplicates = self.con.execute(
            "SELECT input_ref, article_id FROM inputs WHERE outcome = 'duplicate' ORDER BY read_at DESC, seq "
            "LIMIT ?", [limit]).fetchall()
        copies = (self.con.execute("SELECT count(*) FROM near_duplicates").fetchone()[0]
                  if self.has_table("near_duplicates") else 0)
        runs = self.con.execute(
            "SELECT run_id, command, started, finished, read, stored, duplicate, rejected FROM runs "
            "ORDER BY started").fetchall()
        keys = ("run_id", "command", "started", "finished", "read", "stored", "duplicate", "rejected")
        return {"read": totals["read"], "stored": totals["stored"], "duplicate": totals["duplicate"],
                "rejected": totals["rejected"], "reasons": totals["reasons"], "near_duplicate_copies": copies,
                "articles": totals["articles"],
                "rejects": [{"input": ref, "reason": reason, "detail": detail, "run": run, "command": command}
                            for ref, reason, detail, run, command in rejects],
                "duplicates": [{"input": ref, "duplicate_of": aid} for ref, aid in duplicates],
                "runs": [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(keys, row)}
                         for row in runs]}


def snapshot_path(path: str | Path) -> str:
    """Where the read snapshot of the store at ``path`` is published: ``<path>.read`` beside it."""
    return str(path) + SNAPSHOT_SUFFIX


def is_lock_error(exc: BaseException | None) -> bool:
    """DuckDB's conflict with another process holding the file (its single-writer lock)."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def _lock_holder(exc: BaseException) -> str:
    text = str(exc)
    at = text.find("Conflicting lock is held in")
    return text[at:].split(". See")[0] if at >= 0 else text


def _wal_size(path: str) -> int:
    try:
        return os.stat(path + ".wal").st_size
    except FileNotFoundError:
        return 0


def snapshot_is_fresh(path: str | Path) -> bool:
    """Whether the snapshot holds what the store holds: it carries the store's modification time, which
    every checkpoint changes, and no write is waiting in the store's write-ahead log."""
    try:
        main, snapshot = os.stat(path), os.stat(snapshot_path(path))
    except FileNotFoundError:
        return False
    return main.st_mtime_ns == snapshot.st_mtime_ns and not _wal_size(str(path))


def _copy_to_snapshot(path: str) -> str:
    """Copy the (checkpointed, held) store to a temporary file beside it, flush it to disk, stamp it with
    the store's modification time and rename it over the snapshot: readers see the old or the new one whole."""
    folder, name = os.path.split(os.path.abspath(path))
    for stale in glob.glob(os.path.join(glob.escape(folder), glob.escape(name) + SNAPSHOT_SUFFIX + ".*.tmp")):
        with contextlib.suppress(OSError):  # left by a copy that was killed; nobody else copies while we hold the store
            os.remove(stale)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=name + SNAPSHOT_SUFFIX + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        stat = os.stat(path)
        os.chmod(tmp, stat.st_mode & 0o777)  # readable by whoever may read the store
        os.utime(tmp, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        os.replace(tmp, snapshot_path(path))
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise StoreError(f"{path}: cannot write its read snapshot {snapshot_path(path)} ({exc})") from exc
    return snapshot_path(path)


def publish_snapshot_of(path: str | Path) -> bool:
    """Publish the snapshot of a store nobody is writing, without writing to the store: opened read-only,
    it is held against writers during the copy. Returns False (and changes nothing) when the snapshot is
    already fresh, another process writes the store, or a write-ahead log is pending (a writer was killed;
    the next writer replays it and publishes)."""
    path = str(path)
    if snapshot_is_fresh(path):
        return False
    try:
        con = duckdb.connect(path, read_only=True)
    except duckdb.Error as exc:
        log.info("%s: no snapshot published (%s)", path, exc)
        return False
    try:
        if _wal_size(path) or snapshot_is_fresh(path):
            return False
        _copy_to_snapshot(path)
        return True
    finally:
        con.close()


#: contract fields stored in their own columns (the rest of the contract is the ``doc`` JSON)
_OWN_COLUMNS = ("id", "source", "outlet", "url", "title", "published", "language", "dateline", "author", "text",
                "removed", "repairs", "warnings")
_JSON_COLUMNS = {"removed", "repairs", "warnings"}
_CONTRACT_ORDER = ("id", "source", "outlet", "url", "title", "published", "language", "dateline", "author", "text",
                   "removed", "entities", "actors", "events", "quotes")


def _contract(row: tuple) -> dict[str, Any]:
    """A stored row back to the contract's JSON object, fields in the contract's order."""
    data = {k: (json.loads(v) if k in _JSON_COLUMNS else v) for k, v in zip(_OWN_COLUMNS, row)}
    data.update(json.loads(row[-1]))
    ordered = {k: data.pop(k) for k in _CONTRACT_ORDER if k in data}
    return ordered | data


def _entity_rows(article_id: str, doc: Document) -> list[tuple]:
    return [(article_id, e["start"], e["end"], e["text"], e["label"], e.get("actor")) for e in doc.entities]


def _actor_rows(article_id: str, doc: Document) -> list[tuple]:
    return [(article_id, a["id"], a["name"], a.get("country"), a.get("sector"), a.get("role"), a.get("kind"),
             len(a.get("mentions", [])), json.dumps(a.get("mentions", []))) for a in doc.actors]


def _side(column_prefix: str, value: str) -> tuple[str, list[Any]]:
    """One side of an event matches a country code, an actor id, or (substring) the actor's surface text."""
    clause = (f"({column_prefix}_country = ? OR {column_prefix}_actor ILIKE ? {LIKE_ESCAPE_CLAUSE} "
              f"OR {column_prefix}_text ILIKE ? {LIKE_ESCAPE_CLAUSE})")
    return clause, [value.upper(), escape_like(value), f"%{escape_like(value)}%"]


def _event_filters(*, actor, country, pair, directed, type, since, until, negated, modality,
                   article) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for value in (actor, country):
        if value:
            (src, src_params), (tgt, tgt_params) = _side("source", value), _side("target", value)
            where.append(f"({src} OR {tgt})")
            params += src_params + tgt_params
    if pair:
        (a_src, p1), (b_tgt, p2) = _side("source", pair[0]), _side("target", pair[1])
        forward = f"({a_src} AND {b_tgt})"
        if directed:
            where.append(forward)
            params += p1 + p2
        else:
            (b_src, p3), (a_tgt, p4) = _side("source", pair[1]), _side("target", pair[0])
            where.append(f"({forward} OR ({b_src} AND {a_tgt}))")
            params += p1 + p2 + p3 + p4
    simple = (("type = ?", type.upper() if type else None), ("modality = ?", modality),
              ("coalesce(event_date, published_date) >= ?", since),
              ("coalesce(event_date, published_date) <= ?", until), ("negated = ?", negated),
              ("starts_with(article_id, ?)", article))
    for clause, value in simple:
        if value is not None and value != "":
            where.append(clause)
            params.append(value)
    return where, params


def _side_record(row: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {key: row[f"{prefix}_{key}"] for key in ("actor", "country", "sector", "text")}


def _event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row in the contract's nested shape, with where it came from."""
    target = _side_record(row, "target") if any(row[f"target_{k}"] for k in ("actor", "country", "text")) else None
    reported = ({"actor": row["reported_by_actor"], "text": row["reported_by"]}
                if row["reported_by"] or row["reported_by_actor"] else None)
    return {"article_id": row["article_id"], "seq": row["seq"], "type": row["type"], "mode": row["mode"],
            "cameo": row["cameo"], "source": _side_record(row, "source"), "target": target, "negated": row["negated"],
            "modality": row["modality"], "date": row["date"], "location": row["location"],
            "sentence": [row["sent_start"], row["sent_end"]], "trigger": row["trigger"], "reported_by": reported,
            "attributed_to": row["attributed_to"], "intensity": row["intensity"], "outlet": row["outlet"],
            "published": row["published_date"].isoformat() if row["published_date"] else None}


def _event_date(value: str | None) -> dt.date | None:
    """The first day an event's date can mean: ``2022-01-10`` or ``2022-01`` -> a date to filter on."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")
    except ValueError:
        return None


def _event_rows(article_id: str, doc: Document) -> list[tuple]:
    published = date_of(doc.published)
    rows = []
    for seq, ev in enumerate(doc.events):
        src, tgt = ev.get("source") or {}, ev.get("target") or {}
        reported = ev.get("reported_by") or {}
        sentence = ev.get("sentence") or [None, None]
        rows.append((article_id, seq, ev["type"], ev.get("mode"), ev.get("cameo"), src.get("actor"),
                     src.get("country"), src.get("sector"), src.get("text"), tgt.get("actor"), tgt.get("country"),
                     tgt.get("sector"), tgt.get("text"), bool(ev.get("negated")), ev.get("modality"), ev.get("date"),
                     _event_date(ev.get("date")), ev.get("location"), sentence[0], sentence[1], ev.get("trigger"),
                     reported.get("text"), reported.get("actor"), ev.get("attributed_to"),
                     float(ev.get("intensity") or 0.0), published, doc.outlet))
    return rows


def _quote_rows(article_id: str, doc: Document) -> list[tuple]:
    published = date_of(doc.published)
    rows = []
    for seq, q in enumerate(doc.quotes):
        speaker = q.get("speaker") or {}
        rows.append((article_id, seq, q["start"], q["end"], q["text"], bool(q.get("direct")), speaker.get("actor"),
                     speaker.get("name"), speaker.get("text"), q.get("attributed_to"), published, doc.outlet))
    return rows


def _insert_many(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows in one statement: each column goes in as one list parameter and is unnested, which
    DuckDB does vectorised (ten times faster than multi-row VALUES, a hundred times executemany)."""
    if not rows:
        return
    values = [list(column) for column in zip(*rows)]
    unnest = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {unnest}", values)
