"""The web face of the store: a read-only JSON API under ``/api`` (FastAPI), an optional token-guarded
ingest endpoint, the ``warta serve`` command and a latency benchmark over a generated store.

Names are imported when first asked for, so ``warta`` commands that import :mod:`warta.server.cli` do not
load FastAPI, and ``python -m warta.server.bench`` runs cleanly."""

from importlib import import_module
from typing import Any

__all__ = ["ApiSettings", "create_app", "run_server", "bench_api", "generate_store"]

_WHERE = {"ApiSettings": "app", "create_app": "app", "run_server": "app", "bench_api": "bench",
          "generate_store": "bench"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
