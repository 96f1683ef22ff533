"""Byte streams the readers read from: a sniffed head put back in front, bounded gunzip, transcoding.

Everything here streams in fixed-size chunks, so a 2 GB input is never held in memory. Problems in
the stream itself (a gzip member cut off, corrupt compressed data, a decompression bomb) are
deferred: the data before the problem is delivered, the first read at the problem returns end of
data, and the read after that raises the :class:`~warta.read.problems.ReadError`. So a reader gets
every record before the break, and learns of the break by reading once more at the end (``drain``,
``probe_end``); the format readers turn it into one rejected document after the documents they yielded.
"""

from __future__ import annotations

import codecs
import io
import zlib
from typing import BinaryIO

from .problems import ReadError

__all__ = [
    "ChainReader",
    "GunzipReader",
    "TranscodeReader",
    "buffered",
    "drain",
    "probe_end",
    "read_exactly",
]

#: compressed bytes read from the file per step
CHUNK_BYTES = 64 * 1024
#: a gzip stream decompressing at more than this ratio, past RATIO_MIN_BYTES, is a bomb
MAX_GZIP_RATIO = 1000
RATIO_MIN_BYTES = 20_000_000


class ChainReader(io.RawIOBase):
    """Serves ``head`` first, then the rest of ``inner``; counts bytes for ``tell`` and notes EOF."""

    def __init__(self, inner: BinaryIO, head: bytes = b"") -> None:
        super().__init__()
        self._inner = inner
        self._head = memoryview(head)
        self.position = 0
        self.at_eof = False

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
        else:
            data = self._inner.read(len(buffer))
            size = len(data)
            buffer[:size] = data
            self.at_eof = size == 0
        self.position += size
        return size


class GunzipReader(io.RawIOBase):
    """Multi-member gzip decompression with an output limit, a ratio guard and truncation detection."""

    def __init__(self, inner: BinaryIO, name: str, limit: int | None) -> None:
        super().__init__()
        self._inner = inner
        self.name = name
        self.limit = limit  # None: no absolute limit (WARC), the ratio guard still applies
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._input = b""
        self._in_member = False
        self._done = False
        self.bytes_in = 0
        self.bytes_out = 0
        self.problem: ReadError | None = None

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.bytes_out

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.problem is not None:
            raise self.problem  # the previous read already reported the end of the good data
        try:
            data = self._next_output(len(buffer))
        except ReadError as exc:
            self.problem = exc
            return 0
        buffer[: len(data)] = data
        return len(data)

    def _next_output(self, size: int) -> bytes:
        if self.limit is not None:
            size = max(1, min(size, self.limit - self.bytes_out))  # deliver all data up to the limit
        while not self._done:
            if not self._fill_input():
                break
            out = self._decompress(size)
            if out:
                self._count_output(len(out))
                return out
        return b""

    def _fill_input(self) -> bool:
        """Make sure there is compressed input; False (and checks for a cut-off member) at the end."""
        if not self._in_member:
            self._input = self._input.lstrip(b"\x00")  # zero padding between or after members
        while not self._input:
            chunk = self._inner.read(CHUNK_BYTES)
            if not chunk:
                self._finish()
                return False
            self.bytes_in += len(chunk)
            self._input = chunk if self._in_member else chunk.lstrip(b"\x00")
        return True

    def _decompress(self, size: int) -> bytes:
        self._in_member = True
        try:
            out = self._z.decompress(self._input, size)
        except zlib.error as exc:
            raise ReadError(
                "malformed",
                f"{self.name}: gzip data is corrupt after {self.bytes_out:,} decompressed bytes ({exc}); "
                "re-download or re-compress the file",
            ) from exc
        self._input = self._z.unconsumed_tail
        if self._z.eof:
            self._input = self._z.unused_data
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._in_member = False
        return out

    def _finish(self) -> None:
        self._done = True
        if self._in_member:
            raise ReadError(
                "truncated",
                f"{self.name}: the gzip stream ends early (cut off after {self.bytes_in:,} compressed "
                "bytes); re-download or re-create the file",
            )

    def _count_output(self, size: int) -> None:
        self.bytes_out += size
        if self.limit is not None and self.bytes_out > self.limit:
            raise ReadError(
                "gzip-bomb",
                f"{self.name}: gzip data decompresses to more than {self.limit:,} bytes "
                "(settings.max_gunzip_bytes); decompress and split it yourself, or raise the limit",
            )
        if self.bytes_out > RATIO_MIN_BYTES and self.bytes_out > MAX_GZIP_RATIO * self.bytes_in:
            raise ReadError(
                "gzip-bomb",
                f"{self.name}: gzip data decompresses at more than {MAX_GZIP_RATIO}:1 "
                f"({self.bytes_out:,} bytes from {self.bytes_in:,}); this is not a news archive",
            )


class TranscodeReader(io.RawIOBase):
    """Re-encodes a UTF-16/UTF-32 byte stream as UTF-8, incrementally (the BOM is dropped)."""

    def __init__(self, inner: BinaryIO, encoding: str) -> None:
        super().__init__()
        self._inner = inner
        self._decoder = codecs.getincrementaldecoder(encoding.rsplit("-", 1)[0])(errors="replace")
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            chunk = self._inner.read(CHUNK_BYTES)
            self._done = not chunk
            self._pending = self._decoder.decode(chunk, final=self._done).encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def buffered(raw: io.RawIOBase) -> io.BufferedReader:
    """A buffered reader over one of the raw readers here (``read(n)`` then returns n bytes unless at EOF)."""
    return io.BufferedReader(raw, buffer_size=CHUNK_BYTES)


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the stream."""
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(min(remaining, CHUNK_BYTES * 16))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def probe_end(stream: BinaryIO) -> None:
    """At the end of a stream, read once more: raises the deferred problem of a broken stream."""
    if stream.read(1):
        raise ValueError("probe_end called before the end of the stream")


def drain(stream: BinaryIO) -> int:
    """Read a stream to its end without keeping it (raising a deferred problem); the bytes read."""
    total = 0
    while chunk := stream.read(CHUNK_BYTES):
        total += len(chunk)
    probe_end(stream)
    return total
