"""No input crashes the readers: arbitrary bytes always give documents, never an exception."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.read import REASONS, read_bytes

PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b'{"text": "x"}\n',
    b"<html><body><p>",
    b"\x1f\x8b\x08\x00",
    b"\xef\xbb\xbf",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000), packed=st.booleans())
def test_arbitrary_bytes_never_raise(prefix: bytes, body: bytes, packed: bool) -> None:
    data = prefix + body
    if packed:
        data = gzip.compress(data)[: max(10, len(data) // 2)]
    docs = list(read_bytes(data, "fuzz"))
    assert docs, "every input yields at least one document"
    for doc in docs:
        assert doc.rejected is None or doc.rejected in REASONS
        assert doc.rejected is None or (doc.raw == "" and doc.rejected_detail.startswith("fuzz"))
