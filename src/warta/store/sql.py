"""Small SQL helpers shared by the store and the server."""

from __future__ import annotations

__all__ = ["LIKE_ESCAPE", "LIKE_ESCAPE_CLAUSE", "escape_like"]

#: the escape character of every LIKE/ILIKE pattern built from a user's value
LIKE_ESCAPE = "\\"
#: appended after ``ILIKE ?`` wherever the pattern comes from :func:`escape_like`
LIKE_ESCAPE_CLAUSE = "ESCAPE '\\'"


def escape_like(value: str) -> str:
    """``value`` as a LIKE pattern that matches only itself: a user's ``%`` and ``_`` are letters, not
    wildcards (use with :data:`LIKE_ESCAPE_CLAUSE`)."""
    return value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
