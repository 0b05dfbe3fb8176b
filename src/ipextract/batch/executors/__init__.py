"""Executors run shards: `local` is a process pool on this machine, `ray` runs the same shards as
Ray tasks (the optional `ray` extra). Both implement `base.Executor`."""

from __future__ import annotations

from .base import Events, Executor
from .local import LocalExecutor
from .ray import RayExecutor

__all__ = ["Events", "Executor", "LocalExecutor", "RayExecutor", "executor_named"]


def executor_named(name: str, *, workers: int | None = None, ray_address: str | None = None) -> Executor:
    """The executor for --executor NAME (`workers` processes or CPUs; `ray_address` for Ray)."""
    if name == "ray":
        return RayExecutor(workers=workers, address=ray_address)
    return LocalExecutor(workers=workers)
