"""Run shards as Ray tasks: the same `run_shard` as the local pool, so the output is identical.

The driver (this process) plans shards and sends each task a Shard — paths and offsets, never a
payload and never a shell string; each task reads its documents straight from the inputs and
writes its part files and done marker into the parts directory. On a cluster, inputs and the parts
directory must be on storage every node sees at the same path (NFS, a mounted bucket). The driver
only gathers stats and assembles finished parts in order.

Needs the `ipextract[ray]` extra. `--ray-address auto` (or `ray://head:10001`) joins a running
cluster; without an address a local Ray is started for the run and stopped after it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ..batch import BatchConfig, BatchError, Events, Shard, run_shard


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise BatchError("--executor ray needs Ray: pip install 'ipextract[ray]'") from exc
    return ray


def _task(shard: Shard, config: BatchConfig, parts_dir: str) -> tuple[int, dict[str, Any]]:
    """The Ray task body: one shard into its parts, stats back to the driver."""
    from . import warm  # noqa: F401 - per-process resources load before the first document's clock
    return shard.index, run_shard(shard, config, parts_dir)


def run_ray(
    shards: Iterator[Shard],
    config: BatchConfig,
    parts_dir: str,
    events: Events,
    *,
    workers: int | None = None,
    ray_address: str | None = None,
) -> None:
    """Run `shards` as Ray tasks; at most about two tasks per CPU are in flight (bounded memory)."""
    ray = _ray()
    started_here = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"address": ray_address} if ray_address else {"num_cpus": workers}
        try:
            ray.init(include_dashboard=False, log_to_driver=False, logging_level="ERROR", **kwargs)
        except Exception as exc:  # Ray raises many types for a bad or unreachable address
            raise BatchError(f"cannot start or reach Ray ({ray_address or 'local'}): {exc}") from exc
        started_here = True
    try:
        # Tasks may be retried on node failure; run_shard is idempotent, so that is safe.
        remote = ray.remote(num_cpus=1, max_retries=3)(_task)
        window = max(2, 2 * int(ray.cluster_resources().get("CPU", workers or os.cpu_count() or 1)))
        in_flight: list[Any] = []
        for shard in shards:
            if events.stop:
                break
            in_flight.append(remote.remote(shard, config, os.path.abspath(parts_dir)))
            if len(in_flight) >= window:
                in_flight = _collect(ray, in_flight, events, block=1)
        while in_flight and not events.stop:
            in_flight = _collect(ray, in_flight, events, block=1)
        for ref in in_flight:
            ray.cancel(ref)
    finally:
        if started_here:
            ray.shutdown()


def _collect(ray: Any, refs: list[Any], events: Events, *, block: int) -> list[Any]:
    ready, rest = ray.wait(refs, num_returns=block)
    for index, stats in ray.get(ready):
        events.shard_done(index, stats, counted=False)
    return rest
