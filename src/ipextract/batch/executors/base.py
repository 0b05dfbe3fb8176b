"""What an executor is: something that runs shards through `run_shard` and reports back.

The driver (`batch.run`) plans the shards and assembles the output; an executor only runs the
shards it is given, each exactly once to completion (retrying as it sees fit: `run_shard` is
idempotent), and tells the driver through `Events` what finished.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from ..config import ShardConfig
from ..shard import Shard


class Events(Protocol):
    """What executors report to the driver; the driver decides what to show and when to stop."""

    #: Set by the driver when the run must stop (--fail-fast): start no more shards.
    stop: bool

    def doc(self, nbytes: int, error_kind: str | None, path: str | None) -> None:
        """One document is done (executors that see documents one by one: the local pool)."""

    def shard_done(self, index: int, stats: dict[str, Any], *, counted: bool = True) -> None:
        """Shard `index` is done with these stats; `counted` is False when no `doc` events were sent for it."""


class Executor(Protocol):
    def run(self, shards: Iterator[Shard], config: ShardConfig, parts_dir: str, events: Events) -> None:
        """Run `shards` until every one is done or `events.stop` is set."""
