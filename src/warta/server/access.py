"""Opening the store for a request, and the API's errors.

DuckDB lets one process write a file; readers in other processes cannot open it while it does, and a
process that holds a read-only connection keeps writers out. The server therefore holds its read-only
connection only while requests keep coming (see :class:`StorePool`), so ``warta ingest`` in another
process can take the file in a pause; while another process writes, requests are answered 503 with
``Retry-After``. This server's own ingest endpoint takes the file through the pool, and requests go on
reading meanwhile.
"""

from __future__ import annotations

import contextlib
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

__all__ = ["ApiError", "BadParameter", "StoreBusy", "StorePool", "ResultCache", "is_busy_error"]

log = logging.getLogger(__name__)


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
    the store may have changed: its own ingest wrote, or the file changed between two read-only opens."""

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
        with self._lock:
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
        self.read_only = True
        self.con = con
        self._known_ids = None


class StorePool:
    """Connections to one store for the server's requests.

    A fresh DuckDB instance starts with an empty buffer cache (a first query on a 100,000-article store
    costs ~90 ms instead of ~15 ms), so requests share one read-only connection (each request gets its own
    cursor) for as long as requests keep coming; it is closed after ``idle_seconds`` without a request, so an
    ingest in another process can take the file in a pause. While this server's own ingest writes, requests
    read through cursors of the writer's connection (they see each committed batch). Opening while another
    process writes raises :class:`StoreBusy` (503 with ``Retry-After``)."""

    def __init__(self, path: str, *, idle_seconds: float = 1.0, retry_after: int = 2) -> None:
        if idle_seconds < 0:
            raise ValueError(f"idle_seconds must be >= 0, got {idle_seconds}")
        self.path = path
        self.idle_seconds = idle_seconds
        self.retry_after = retry_after
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._writing = False      # this server's ingest holds (or is taking) the file
        self._switching = False    # waiting for readers to leave the read-only connection
        self._active = 0
        self._last_used = 0.0
        self._reaper: threading.Thread | None = None
        self._file_state: tuple | None = None
        self.cache = ResultCache()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        with self._cond:
            while self._switching:
                self._cond.wait()
            if self._con is None:
                self._con = self._open_read_only()
                self._start_reaper()
            cursor = self._con.cursor()
            self._active += 1
        try:
            yield _CursorStore(self.path, cursor)
        finally:
            cursor.close()
            with self._cond:
                self._active -= 1
                self._last_used = time.monotonic()
                self._cond.notify_all()

    @contextlib.contextmanager
    def writer(self) -> Iterator[Store]:
        """The store opened for writing; readers wait for the switch, then read through its cursors."""
        with self._cond:
            if self._writing:
                raise StoreBusy(self.path, self.retry_after * 5, "this server's ingest is writing to it")
            self._writing = self._switching = True
            while self._active:
                self._cond.wait()
            self._close_connection()
            try:
                store = _open_store(self.path, read_only=False, retry_after=self.retry_after * 5)
            except BaseException:
                self._writing = self._switching = False
                self._cond.notify_all()
                raise
            self._con = store.con
            self._switching = False
            self._cond.notify_all()
        try:
            yield store
        finally:
            with self._cond:
                self._switching = True
                while self._active:
                    self._cond.wait()
                self._con = None
                store.close()
                self.cache.clear()
                self._file_state = None
                self._writing = self._switching = False
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            if not self._writing:
                self._close_connection()

    def _open_read_only(self) -> duckdb.DuckDBPyConnection:
        con = _open_store(self.path, read_only=True, retry_after=self.retry_after).con
        state = _file_state(self.path)
        if state != self._file_state:  # written by someone since the cached answers were made
            self.cache.clear()
            self._file_state = state
        return con

    def _close_connection(self) -> None:
        if self._con is not None:
            self._con.close()
        self._con = None

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="warta-store-reaper", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        """Close the read-only connection once no request came for ``idle_seconds``; end with it."""
        with self._cond:
            while self._con is not None:
                idle = time.monotonic() - self._last_used
                if not self._writing and self._active == 0 and idle >= self.idle_seconds:
                    self._con.close()
                    self._con = None
                    return
                self._cond.wait(timeout=max(0.05, self.idle_seconds - idle if self._active == 0 else self.idle_seconds))


def _open_store(path: str, *, read_only: bool, retry_after: int) -> Store:
    try:
        return Store(path, read_only=read_only)
    except StoreError as exc:
        if is_busy_error(exc.__cause__):
            detail = _busy_detail(exc.__cause__) if read_only else \
                "another process reads or writes it"
            raise StoreBusy(path, retry_after, detail) from exc
        if read_only:
            raise ApiError(503, f"the store cannot be opened: {exc}",
                           headers={"Retry-After": str(retry_after)}) from exc
        raise
