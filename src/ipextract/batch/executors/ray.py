"""Run shards as Ray tasks: the same `run_shard` as the local pool, so the output is identical.

The driver (this process) plans shards and sends each task a Shard — paths and offsets, never a
payload and never a shell string; each task reads its documents straight from the inputs and
writes its part files and done marker into the parts directory. On a cluster, inputs and the parts
directory must be on storage every node sees at the same path (NFS, a mounted bucket). The driver
only gathers stats and assembles finished parts in order.

A shard whose task keeps dying (Ray gives up after `max_retries`) or passes its wall-clock limit
(a stopped or stuck task) gets error records (`worker_crashed`, `timeout`) written by the driver,
like the local pool's, and the run goes on; an error raised inside the task (a full disk) ends the
run with that cause. --resume --retry-errors runs such shards again.

Needs the `ray` extra (distribution.install_hint). `--ray-address auto` (or `ray://head:10001`) joins a running
cluster; without an address a local Ray is started for the run and stopped after it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

from ...distribution import install_hint
from ..config import BatchError, RunError, ShardConfig
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


#: Seconds between checks of the running tasks' time limits.
_POLL = 1.0
#: Seconds a task may take to start (a new Ray worker imports the pipeline and warms up).
_STARTUP = 60.0


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
            tasks = _Tasks(ray, config, os.path.abspath(parts_dir), events, window=max(2, 2 * int(cpus)))
            for shard in shards:
                if events.stop:
                    break
                tasks.submit(remote, shard)
                while tasks.full():
                    tasks.collect()
            while tasks.in_flight and not events.stop:
                tasks.collect()
            tasks.cancel_all()
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


class _Tasks:
    """The tasks in flight: their shards, when they were sent, and what to do when one fails."""

    def __init__(self, ray: Any, config: ShardConfig, parts_dir: str, events: Events, *, window: int) -> None:
        self.ray, self.config, self.parts_dir, self.events, self.window = ray, config, parts_dir, events, window
        self.in_flight: dict[Any, tuple[Shard, float]] = {}
        t = config.timeout
        self.doc_limit = None if not t else t + max(2.0, t * 0.5)  # as the local pool's hard limit

    def submit(self, remote: Any, shard: Shard) -> None:
        self.in_flight[remote.remote(shard, self.config, self.parts_dir)] = (shard, time.monotonic())

    def full(self) -> bool:
        return len(self.in_flight) >= self.window

    def limit(self, shard: Shard) -> float | None:
        """A shard's wall-clock limit from when it was sent: it may wait behind about one other
        shard per CPU (the window is two per CPU), hence twice its documents' limits."""
        return None if self.doc_limit is None else _STARTUP + 2 * len(shard.units) * self.doc_limit

    def collect(self) -> None:
        """Report the tasks that finished (waiting at most `_POLL`), then enforce the time limits."""
        ready, _ = self.ray.wait(list(self.in_flight), num_returns=1, timeout=_POLL)
        for ref in ready:
            shard, _sent = self.in_flight.pop(ref)
            self.events.shard_done(shard.index, self._result(ref, shard), counted=False)
        now = time.monotonic()
        for ref, (shard, sent) in list(self.in_flight.items()):
            limit = self.limit(shard)
            if limit is not None and now - sent > limit:
                self.ray.cancel(ref, force=True)
                del self.in_flight[ref]
                stats = self._error_records(shard, "timeout", f"the Ray task running this document's shard "
                                                              f"took longer than its limit ({limit:g} s)")
                self.events.shard_done(shard.index, stats, counted=False)

    def _result(self, ref: Any, shard: Shard) -> dict[str, Any]:
        exceptions = self.ray.exceptions
        try:
            _index, stats = self.ray.get(ref)
        except exceptions.RayTaskError as exc:  # raised inside run_shard: a disk or program error
            cause = getattr(exc, "cause", None) or exc
            raise RunError(f"shard {shard.index} failed: {type(cause).__name__}: {cause}. The finished parts are "
                           "kept: fix the cause and run the same command with --resume to finish") from None
        except exceptions.RayError as exc:  # the task's process died more often than Ray retries
            return self._error_records(shard, "worker_crashed", f"the Ray worker running this document's "
                                                                f"shard died ({type(exc).__name__})")
        return stats

    def _error_records(self, shard: Shard, kind: str, message: str) -> dict[str, Any]:
        """The shard's parts with an error record for every document, written here in the driver."""
        poison = dict.fromkeys(range(len(shard.units)), (kind, message))
        return run_shard(shard, self.config, self.parts_dir, poison=poison)

    def cancel_all(self) -> None:
        for ref in self.in_flight:
            self.ray.cancel(ref)
        self.in_flight.clear()
