"""Readers: raw inputs (text, HTML, WARC, JSONL; plain or gzip; files, folders, stdin) to Documents.

The format of every input is sniffed from its content, not its name. Every document found yields
one :class:`~warta.document.Document` with ``source``, ``input_ref``, ``input_kind``, ``raw``, ``url``
and ``hints``; every problem yields a rejected document with a reason code from :data:`REASONS` and a
sentence for the user, and reading goes on.
"""

from __future__ import annotations

from .decode import DecodeError, decode_bytes
from .inputs import STDIN_SOURCE, read_bytes, read_inputs
from .problems import REASONS

__all__ = ["REASONS", "STDIN_SOURCE", "DecodeError", "decode_bytes", "read_bytes", "read_inputs"]
