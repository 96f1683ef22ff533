"""Quality measurement on gold data."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["find_shared"]


def find_shared() -> Path:
    """The shared datasets folder: $WARTA_SHARED, else ../shared beside the working directory or the checkout."""
    if os.environ.get("WARTA_SHARED"):
        return Path(os.environ["WARTA_SHARED"])
    candidates = [Path.cwd().parent / "shared", Path(__file__).resolve().parents[3].parent / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])
