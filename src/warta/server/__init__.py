"""The web face of the store: a read-only JSON API under ``/api`` (FastAPI), an optional token-guarded
ingest endpoint, the ``warta serve`` command and a latency benchmark over a generated store."""

from typing import Any

from .app import ApiSettings, create_app, run_server

__all__ = ["ApiSettings", "create_app", "run_server", "bench_api", "generate_store"]


def __getattr__(name: str) -> Any:
    """The benchmark is imported when asked for, so ``python -m warta.server.bench`` runs it cleanly."""
    if name in ("bench_api", "generate_store"):
        from . import bench

        return getattr(bench, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
