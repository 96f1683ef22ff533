"""Storing documents: the DuckDB store."""

from .duckdb_store import DEFAULT_DB, BatchResult, RunSummary, Store, StoreError

__all__ = ["DEFAULT_DB", "BatchResult", "RunSummary", "Store", "StoreError"]
