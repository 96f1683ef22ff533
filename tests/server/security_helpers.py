"""What the security tests share: a checksum of a store, and the record of how many inputs each tried."""

from __future__ import annotations

import json
import os
from typing import Any

import duckdb


def fingerprint(db: str) -> dict[str, tuple]:
    """Row count and an order-independent hash of every row, per table: equal before and after means the
    requests changed nothing."""
    con = duckdb.connect(db, read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        return {t: tuple(con.execute(f'SELECT count(*), bit_xor(hash(t)) FROM "{t}" t').fetchone()) for t in tables}
    finally:
        con.close()


def record_counts(module: str, tried: dict[str, int], **extra: Any) -> None:
    """Append the inputs tried (by kind) to the file named by $WARTA_SECURITY_COUNTS, for the report."""
    target = os.environ.get("WARTA_SECURITY_COUNTS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"module": module, "tried": dict(tried), **extra}) + "\n")
