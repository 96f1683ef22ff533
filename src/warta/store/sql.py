"""Small SQL helpers shared by the store and the server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["LIKE_ESCAPE", "LIKE_ESCAPE_CLAUSE", "escape_like", "transaction"]

#: the escape character of every LIKE/ILIKE pattern built from a user's value
LIKE_ESCAPE = "\\"
#: appended after ``ILIKE ?`` wherever the pattern comes from :func:`escape_like`
LIKE_ESCAPE_CLAUSE = "ESCAPE '\\'"


def escape_like(value: str) -> str:
    """``value`` as a LIKE pattern that matches only itself: a user's ``%`` and ``_`` are letters, not
    wildcards (use with :data:`LIKE_ESCAPE_CLAUSE`)."""
    return value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")


@contextmanager
def transaction(con: Any) -> Iterator[Any]:
    """One DuckDB transaction on ``con``: committed when the block ends, rolled back (and the error raised
    again) when it raises, so a crash or an error leaves all of the block's writes or none."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
