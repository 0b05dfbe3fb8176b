"""Run shards as Ray tasks: the same `run_shard` as the local pool, so the output is identical.

The driver (this process) plans shards and sends each task a Shard — paths and offsets, never a
payload and never a shell string; each task reads its documents straight from the inputs and
writes its part files and done marker into the parts directory. On a cluster, inputs and the parts
directory must be on storage every node sees at the same path (NFS, a mounted bucket). The driver
only gathers stats and assembles finished parts in order.

Needs the `ray` extra (distribution.install_hint). `--ray-address auto` (or `ray://head:10001`) joins a running
cluster; without an address a local Ray is started for the run and stopped after it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ...distribution import install_hint
from ..config import BatchError, ShardConfig
from ..shard import Shard, run_shard
from .base import Events
from .warm import prepare_worker


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise BatchError(f"--executor ray needs Ray: {install_hint('ray')}") from exc
    return ray


def _task(shard: Shard, config: ShardConfig, parts_dir: str) -> tuple[int, dict[str, Any]]:
    """The Ray task body: one shard into its parts, stats back to the driver."""
    prepare_worker()  # once per Ray worker process, before the first document's clock starts
    return shard.index, run_shard(shard, config, parts_dir)


class RayExecutor:
    """Shards as Ray tasks; at most about two tasks per CPU are in flight (bounded memory)."""

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers, self.address = workers, address

    def run(self, shards: Iterator[Shard], config: ShardConfig, parts_dir: str, events: Events) -> None:
        ray = _ray()
        started_here = False
        if not ray.is_initialized():
            self._start(ray)
            started_here = True
        try:
            # Tasks may be retried on node failure; run_shard is idempotent, so that is safe.
            remote = ray.remote(num_cpus=1, max_retries=3)(_task)
            cpus = ray.cluster_resources().get("CPU", self.workers or os.cpu_count() or 1)
            window = max(2, 2 * int(cpus))
            in_flight: list[Any] = []
            for shard in shards:
                if events.stop:
                    break
                in_flight.append(remote.remote(shard, config, os.path.abspath(parts_dir)))
                if len(in_flight) >= window:
                    in_flight = _collect(ray, in_flight, events)
            while in_flight and not events.stop:
                in_flight = _collect(ray, in_flight, events)
            for ref in in_flight:
                ray.cancel(ref)
        finally:
            if started_here:
                ray.shutdown()

    def _start(self, ray: Any) -> None:
        """Join the cluster at `address`, or start a local Ray of `workers` CPUs for this run."""
        kwargs: dict[str, Any] = {"address": self.address} if self.address else {"num_cpus": self.workers}
        try:
            ray.init(include_dashboard=False, log_to_driver=False, logging_level="ERROR", **kwargs)
        except Exception as exc:  # Ray raises many types for a bad or unreachable address
            raise BatchError(f"cannot start or reach Ray ({self.address or 'local'}): {exc}") from exc


def _collect(ray: Any, refs: list[Any], events: Events) -> list[Any]:
    """Wait for one task to finish and report it; the tasks still running."""
    ready, rest = ray.wait(refs, num_returns=1)
    for index, stats in ray.get(ready):
        events.shard_done(index, stats, counted=False)
    return rest
