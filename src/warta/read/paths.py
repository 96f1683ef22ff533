"""Input paths to the files to read: directories walked recursively in sorted path order.

Hidden files and directories (``.git``, ``.DS_Store``) inside a directory are skipped; everything else
is handed on, so a file that is not news still gets a rejected document rather than vanishing. A
directory that cannot be listed, or a symlink loop, becomes an :class:`Entry` carrying the problem.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .problems import ReadError

__all__ = ["STDIN", "Entry", "is_regular_file", "iter_entries"]

log = logging.getLogger(__name__)

#: the path that means standard input
STDIN = "-"


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One input to read: a path (or ``-``), whether it came from a directory walk, or a problem."""

    path: str
    from_walk: bool = False
    problem: ReadError | None = None


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _list_directory(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as entries:
        return sorted(
            (entry for entry in entries if not _is_hidden(entry.name)), key=lambda entry: entry.name
        )


def _walk(path: str, seen: set[tuple[int, int]]) -> Iterator[Entry]:
    try:
        info = os.stat(path)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            detail = f"{path}: directory already visited (a symlink loop); remove the link"
            yield Entry(path=path, from_walk=True, problem=ReadError("unreadable", detail))
            return
        seen.add(key)
        entries = _list_directory(path)
    except OSError as exc:
        detail = f"{path}: directory could not be listed ({exc.strerror or exc}); check its permissions"
        yield Entry(path=path, from_walk=True, problem=ReadError("unreadable", detail))
        return
    for entry in entries:
        if _is_directory(entry):
            yield from _walk(entry.path, seen)
        else:
            yield Entry(path=entry.path, from_walk=True)


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks; loops are caught by the inode check
    except OSError:
        return False


def iter_entries(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Entry]:
    """Every input in order: ``-``, files as given, directories expanded (sorted, recursive)."""
    for item in paths:
        path = os.fspath(item)
        if path == STDIN:
            yield Entry(path=STDIN)
        elif os.path.isdir(path):
            count = 0
            for entry in _walk(path, set()):
                count += 1
                yield entry
            if not count:
                log.warning("%s: directory holds no (non-hidden) files", path)
        else:
            yield Entry(path=path)


def is_regular_file(path: str) -> bool:
    """True for a regular file (or a symlink to one); False for FIFOs, sockets and devices."""
    return stat.S_ISREG(os.stat(path).st_mode)
