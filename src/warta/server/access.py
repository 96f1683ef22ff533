"""Opening the store for a request, and the API's errors.

DuckDB lets one process write a file, and while it does no other process can open it. Writers publish a
read snapshot of the store after each ingest (``<store>.read``, swapped in atomically; see
:mod:`warta.store.duckdb_store` and docs/concurrency.md). When the store has one, the server reads only
the snapshot and never opens the store itself, so ``warta ingest`` in another process writes undisturbed
and requests go on being answered meanwhile from the state after the last finished ingest; the first
request after a new snapshot appears opens it (and drops the cached answers), requests still running on
the old one finish there.

A store without a snapshot (written by an older warta) is read directly, as before: the read-only
connection is held only while requests keep coming (see :class:`StorePool`), so an ingest in another
process can take the file in a pause; while another process writes, requests are answered 503 with
``Retry-After``. This server's own ingest endpoint writes through the pool; without a snapshot, requests
read through the writer's connection meanwhile.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any
from pathlib import Path

import duckdb

from ..store import Store, StoreError
from ..store.duckdb_store import snapshot_path

__all__ = ["ApiError", "BadParameter", "StoreBusy", "StorePool", "ResultCache", "is_busy_error"]

log = logging.getLogger(__name__)
#: the connection the current request reads (set by :meth:`StorePool.reader`): answers computed on one
#: that has been replaced since are not cached
_READING: contextvars.ContextVar["_Connection | None"] = contextvars.ContextVar("warta_reading", default=None)


class ApiError(Exception):
    """An error answered with ``status`` and a message saying what was wrong and what to do."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class BadParameter(ApiError):
    """A query parameter the API cannot use: 422 naming the parameter and the reason."""

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(422, f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason


class StoreBusy(ApiError):
    """The store is being written (DuckDB's single-writer lock): 503, try again shortly."""

    def __init__(self, path: str, retry_after: int, detail: str) -> None:
        super().__init__(503, f"the store {Path(path).name} is busy ({detail}); "
                              f"try again in {retry_after} s", headers={"Retry-After": str(retry_after)})


def is_busy_error(exc: BaseException | None) -> bool:
    """DuckDB's lock conflict with another process, or this process holding the file for writing."""
    if isinstance(exc, duckdb.IOException):
        return "lock" in str(exc).lower()
    return isinstance(exc, duckdb.ConnectionException) and "different configuration" in str(exc)


def _busy_detail(exc: BaseException) -> str:
    return "an ingest in another process holds the write lock" if isinstance(exc, duckdb.IOException) \
        else "this server's ingest is writing to it"


class ResultCache:
    """Answers of the current store state, least recently used dropped first. The pool clears it whenever
    the store may have changed: a new snapshot, its own ingest wrote, or the file changed between two
    read-only opens. An answer computed on a connection replaced meanwhile is not kept."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Any, value: Any) -> None:
        reading = _READING.get()
        with self._lock:
            if reading is not None and reading.retired:  # computed on data older than the cache now holds
                return
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _file_state(path: str) -> tuple:
    """What changes when anyone writes the store: the file's and its write-ahead log's size and mtime."""
    state = []
    for name in (path, path + ".wal"):
        try:
            info = os.stat(name)
            state.append((info.st_size, info.st_mtime_ns))
        except FileNotFoundError:
            state.append(None)
    return tuple(state)


class _CursorStore(Store):
    """A :class:`Store` over a cursor of a connection the pool holds (no file of its own to open)."""

    def __init__(self, path: str, con: duckdb.DuckDBPyConnection) -> None:  # noqa: D107 - no open on purpose
        self.path = path
        self.source = path
        self.read_only = True
        self.con = con
        self._known_ids = None

    def close(self) -> None:
        self.con.close()


class _Connection:
    """One connection the pool reads through, and the requests on it."""

    def __init__(self, con: duckdb.DuckDBPyConnection, kind: str, key: Any = None, *, catalog: str | None = None,
                 owned: bool = True) -> None:
        self.con = con
        self.kind = kind          # "snapshot", "store" (read-only on the store itself) or "writer"
        self.key = key            # what identifies the file it reads (a snapshot's inode and mtime)
        self.catalog = catalog    # the attached snapshot's name, made the default of every cursor
        self.owned = owned        # closed by the pool (a writer's connection is closed by its store)
        self.active = 0
        self.retired = False

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = self.con.cursor()
        if self.catalog:
            cursor.execute(f"USE {self.catalog}")
        return cursor

    def close(self) -> None:
        if self.owned:
            self.con.close()


def _snapshot_key(path: str) -> tuple | None:
    """What changes when a writer publishes a new snapshot (a new file renamed over the old one)."""
    try:
        info = os.stat(snapshot_path(path))
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def _open_snapshot(path: str, key: tuple) -> _Connection:
    """A read-only connection to the snapshot, attached to a fresh in-memory database: DuckDB hands a second
    ``connect`` of the same path the database already open in this process, which would be the old file."""
    con = duckdb.connect(":memory:")
    quoted = snapshot_path(path).replace("'", "''")
    try:
        con.execute(f"ATTACH '{quoted}' AS warta_snapshot (READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise ApiError(503, f"the snapshot of the store cannot be read ({exc}); try again shortly",
                       headers={"Retry-After": "1"}) from exc
    return _Connection(con, "snapshot", key, catalog="warta_snapshot")


class StorePool:
    """Connections to one store for the server's requests.

    With a snapshot (see the module's text) requests read it through one shared connection (each request
    gets its own cursor), reopened when a newer snapshot appears; the store itself is never opened. Without
    one, requests share a read-only connection to the store for as long as requests keep coming: a fresh
    DuckDB instance starts with an empty buffer cache (a first query on a 100,000-article store costs ~90 ms
    instead of ~15 ms); it is closed after ``idle_seconds`` without a request, so an ingest in another
    process can take the file in a pause, and opening while another process writes raises
    :class:`StoreBusy` (503 with ``Retry-After``). While this server's own ingest writes a store without a
    snapshot, requests read through cursors of the writer's connection (they see each committed batch)."""

    def __init__(self, path: str, *, idle_seconds: float = 1.0, retry_after: int = 2) -> None:
        if idle_seconds < 0:
            raise ValueError(f"idle_seconds must be >= 0, got {idle_seconds}")
        self.path = path
        self.idle_seconds = idle_seconds
        self.retry_after = retry_after
        self._cond = threading.Condition()
        self._current: _Connection | None = None
        self._writing = False      # this server's ingest holds (or is taking) the file
        self._switching = False    # waiting for readers to leave a connection to the store itself
        self._last_used = 0.0
        self._reaper: threading.Thread | None = None
        self._file_state: tuple | None = None
        self.cache = ResultCache()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        with self._cond:
            while self._switching:
                self._cond.wait()
            conn = self._connection()
            conn.active += 1
            try:
                cursor = conn.cursor()
            except BaseException:
                self._leave(conn)
                raise
        _READING.set(conn)
        try:
            yield _CursorStore(self.path, cursor)
        finally:
            cursor.close()
            with self._cond:
                self._leave(conn)

    def _leave(self, conn: _Connection) -> None:
        conn.active -= 1
        self._last_used = time.monotonic()
        if conn.retired and conn.active == 0:
            conn.close()
        self._cond.notify_all()

    def _connection(self) -> _Connection:
        """The connection a request reads through now (called with the condition held)."""
        current = self._current
        if current is not None and current.kind == "writer":
            return current
        key = _snapshot_key(self.path)
        if key is not None:
            if current is None or current.kind != "snapshot" or current.key != key:
                self._replace(_open_snapshot(self.path, key))
                log.info("reading the snapshot of %s published at %s", self.path,
                         time.strftime("%H:%M:%S", time.localtime(key[1] / 1e9)))
            return self._current
        if current is None or current.kind != "store":
            con = _open_store(self.path, read_only=True, retry_after=self.retry_after).con
            state = _file_state(self.path)
            self._replace(_Connection(con, "store"), clear=state != self._file_state)
            self._file_state = state  # the cached answers stay valid when nobody wrote since they were made
            self._start_reaper()
        return self._current

    def _replace(self, new: _Connection | None, *, clear: bool = True) -> None:
        """Make ``new`` the connection of the next requests; the old one closes when its last request ends."""
        old, self._current = self._current, new
        if old is not None:
            old.retired = True
            if old.active == 0:
                old.close()
        if clear:
            self.cache.clear()  # after ``retired`` is set: a late answer of the old connection is not kept

    @contextlib.contextmanager
    def writer(self) -> Iterator[Store]:
        """The store opened for writing. Readers of a snapshot go on meanwhile; readers of the store itself
        wait for the switch, then read through the writer's cursors."""
        with self._cond:
            if self._writing:
                raise StoreBusy(self.path, self.retry_after * 5, "this server's ingest is writing to it")
            self._writing = True
            if self._current is not None and self._current.kind == "store":
                self._switching = True
                while self._current.active:
                    self._cond.wait()
                self._replace(None, clear=False)
            try:
                store = _open_store(self.path, read_only=False, retry_after=self.retry_after * 5)
            except BaseException:
                self._writing = self._switching = False
                self._cond.notify_all()
                raise
            if _snapshot_key(self.path) is None:
                self._replace(_Connection(store.con, "writer", owned=False), clear=False)
            self._switching = False
            self._cond.notify_all()
        try:
            yield store
        finally:
            with self._cond:
                if self._current is not None and self._current.kind == "writer":  # readers wait until it is closed
                    self._switching = True
                    while self._current.active:
                        self._cond.wait()
                    self._replace(None)
            try:
                store.close()  # publishes a fresh snapshot when the store has one (see Store.close)
            finally:
                with self._cond:
                    if self._switching:
                        self.cache.clear()
                        self._file_state = None
                    self._writing = self._switching = False
                    self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            if self._current is not None and self._current.kind != "writer":
                self._replace(None, clear=False)

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="warta-store-reaper", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        """Close the read-only connection to the store once no request came for ``idle_seconds``; end with it.
        (A snapshot's connection stays: nobody needs its file.)"""
        with self._cond:
            while self._current is not None and self._current.kind == "store":
                idle = time.monotonic() - self._last_used
                if not self._writing and self._current.active == 0 and idle >= self.idle_seconds:
                    self._replace(None, clear=False)
                    return
                self._cond.wait(timeout=max(0.05, self.idle_seconds - idle if self._current.active == 0
                                            else self.idle_seconds))


def _open_store(path: str, *, read_only: bool, retry_after: int) -> Store:
    try:
        return Store(path, read_only=read_only, lock_wait=0.0)
    except StoreError as exc:
        if is_busy_error(exc.__cause__):
            detail = _busy_detail(exc.__cause__) if read_only else \
                "another process reads or writes it"
            raise StoreBusy(path, retry_after, detail) from exc
        if read_only:
            raise ApiError(503, f"the store cannot be opened: {exc}",
                           headers={"Retry-After": str(retry_after)}) from exc
        raise
