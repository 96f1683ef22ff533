"""Fixtures for the reader tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def write(tmp_path) -> Callable[[str, bytes | str], str]:
    """Write a file under tmp_path (parents created) and return its path as a string."""

    def _write(name: str, content: bytes | str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    return _write
