"""Cutting the inputs of ``warta run`` into shards: units of work any worker can process alone.

A shard is a list of *items*, each a whole file or a byte range of one file, in input order; the shards,
in order, hold every input exactly once, in the order ``warta ingest`` reads them, so that a run over
shards can be reduced to exactly what one ingest of the same inputs gives.

- Small files are grouped, in order, until a shard holds about ``shard_bytes`` or ``max_files`` files.
- A large uncompressed UTF-8 JSON Lines file is cut into byte ranges at line starts; each range knows the
  number of its first line, so documents keep the references (``file.jsonl:LINE``) of a whole-file read.
- Any other large file (a WARC, anything gzip-compressed) is one shard of its own: a WARC is streamed
  record by record, so its size costs time, not memory. Common Crawl's news WARCs (about 1 GB each) are
  natural shards.

The plan is a list of plain dicts (JSON-able, picklable) with a fingerprint of every file's size and
modification time, so that a resumed run can tell whether its inputs are still the ones it started on.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..read.detect import SNIFF_BYTES, detect_bom, detect_utf16_pattern, sniff_format
from ..read.paths import STDIN, iter_entries

__all__ = ["Shard", "plan_shards", "plan_fingerprint", "DEFAULT_SHARD_BYTES", "DEFAULT_MAX_FILES"]

#: about this many input bytes per shard (64 MiB: a few minutes of one core, ~150 MB of worker memory)
DEFAULT_SHARD_BYTES = 64 * 1024 * 1024
#: at most this many small files per shard
DEFAULT_MAX_FILES = 2000
_COUNT_CHUNK = 16 * 1024 * 1024


@dataclass
class Shard:
    """One unit of work: ``items`` read in order. ``index`` orders the shards of a run."""

    index: int
    items: list[dict[str, Any]] = field(default_factory=list)
    bytes: int = 0

    @property
    def name(self) -> str:
        return f"{self.index:06d}"

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "items": self.items, "bytes": self.bytes}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Shard":
        return cls(index=data["index"], items=list(data["items"]), bytes=data.get("bytes", 0))


def _stat(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _splittable_jsonl(path: str) -> bool:
    """An uncompressed JSON Lines file in UTF-8 (or ASCII): only such a file can be cut at newline bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return False
    if sniff_format(head) != "jsonl":
        return False
    encoding = detect_bom(head) or detect_utf16_pattern(head)
    return not (encoding and encoding.startswith(("utf-16", "utf-32")))


def _line_starts(path: str, size: int, shard_bytes: int) -> list[tuple[int, int, int]]:
    """(start, end, first line number) of each range: cut at the first line start at or after every
    ``shard_bytes`` boundary. One pass over the file counts the newlines before each cut."""
    cuts = [0]
    with open(path, "rb") as fh:
        target = shard_bytes
        while target < size:
            fh.seek(target - 1)
            rest = fh.readline()  # from the byte before the boundary to the end of its line
            cut = target - 1 + len(rest)
            if cut >= size:
                break
            if cut > cuts[-1]:
                cuts.append(cut)
            target = max(cut, target) + shard_bytes
        ranges: list[tuple[int, int, int]] = []
        fh.seek(0)
        line, position = 1, 0
        for start, end in zip(cuts, cuts[1:] + [size]):
            while position < start:  # count the newlines between the previous cut and this one
                chunk = fh.read(min(_COUNT_CHUNK, start - position))
                if not chunk:
                    break
                line += chunk.count(b"\n")
                position += len(chunk)
            ranges.append((start, end, line))
    return ranges


def plan_shards(paths: Iterable[str], *, shard_bytes: int = DEFAULT_SHARD_BYTES,
                max_files: int = DEFAULT_MAX_FILES, exclude: str | os.PathLike[str] | None = None) -> list[Shard]:
    """The shards of ``paths`` (files and folders, walked as ``warta ingest`` walks them), in input order.

    Files under ``exclude`` (the run's own output folder, when it lies inside an input folder) are left out:
    a run must not read its own parts."""
    if shard_bytes < 1 or max_files < 1:
        raise ValueError(f"shard_bytes and max_files must be >= 1, got {shard_bytes} and {max_files}")
    shards: list[Shard] = []
    group: Shard | None = None

    def close_group() -> None:
        nonlocal group
        if group is not None and group.items:
            shards.append(group)
        group = None

    skip = os.path.realpath(exclude) + os.sep if exclude is not None else None
    for entry in iter_entries(paths):
        if skip is not None and os.path.realpath(entry.path).startswith(skip):
            continue
        if entry.path == STDIN:
            raise ValueError("warta run reads files, not standard input: save it to a file first "
                             "(or use `warta ingest -`)")
        item: dict[str, Any] = {"path": entry.path, "from_walk": entry.from_walk}
        if entry.problem is not None:
            item["problem"] = [entry.problem.reason, entry.problem.detail]
        stat = None if entry.problem is not None else _stat(entry.path)
        size, mtime = stat if stat else (0, 0)
        item["size"], item["mtime_ns"] = size, mtime
        if size > shard_bytes and _splittable_jsonl(entry.path):
            close_group()
            for start, end, first_line in _line_starts(entry.path, size, shard_bytes):
                part = dict(item, start=start, end=end, first_line=first_line)
                shards.append(Shard(index=len(shards), items=[part], bytes=end - start))
            continue
        if size > shard_bytes:
            close_group()
            shards.append(Shard(index=len(shards), items=[item], bytes=size))
            continue
        if group is None:
            group = Shard(index=len(shards))
        group.items.append(item)
        group.bytes += size
        if group.bytes >= shard_bytes or len(group.items) >= max_files:
            close_group()
    close_group()
    return shards


def plan_fingerprint(shards: list[Shard], settings: dict[str, Any]) -> str:
    """A hash of the plan (every file's path, size, modification time, ranges) and the settings."""
    from .. import __version__

    payload = json.dumps({"shards": [s.to_dict() for s in shards], "settings": settings,
                          "warta": __version__}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
