"""Runs beyond one process: ``warta run`` over shards (local processes or Ray), Parquet parts, ``warta load``."""

from .load import LoadError, load_run
from .run import ENGINES, RunError, RunResult, run_pipeline
from .shards import Shard, plan_shards

__all__ = ["ENGINES", "LoadError", "RunError", "RunResult", "Shard", "load_run", "plan_shards", "run_pipeline"]
