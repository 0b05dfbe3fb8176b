"""Running a batch: many inputs -> one output file, in parallel, resumable after any kill.

The driver plans shards lazily (`shard.plan_shards` over `sources.plan_units`), skips shards whose
done marker says they are finished (--resume), hands the rest to an executor, and appends
finished parts to the output in shard order (`assemble.Assembler`). Parts are only deleted after the
output is renamed into place, so a kill at any moment loses nothing and duplicates nothing.

The run holds a lock on its parts folder for its whole life (`lock`), so two runs never write one
output; it refuses to start over an earlier run's parts unless told (--resume or --overwrite), and
a run that fails before finishing any shard removes the folder it made.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..sources import plan_units
from .assemble import Assembler
from .config import BatchConfig, BatchError
from .executors import executor_named
from .lock import RunLock, make_temp_dir
from .parts import PartsLayout
from .progress import Progress
from .shard import Shard, Stats, plan_shards

#: Error kinds that say more about the run than about the page (a stopped job, a killed worker):
#: --resume --retry-errors runs their shards again.
TRANSIENT_ERRORS = frozenset({"timeout", "crashed", "worker_crashed"})


@dataclass(slots=True)
class BatchResult:
    """A run's totals; `resumed` holds the part of them an earlier run did (found done by --resume)."""

    stats: Stats
    wall_seconds: float
    shards: int
    stopped_early: bool = False
    first_failure: str | None = None
    resumed: Stats = field(default_factory=Stats)

    @property
    def docs_done_here(self) -> int:
        return self.stats.documents - self.resumed.documents

    @property
    def bytes_done_here(self) -> int:
        return self.stats.bytes - self.resumed.bytes

    def to_dict(self) -> dict[str, Any]:
        d = self.stats.to_dict()
        d["seconds"] = round(self.wall_seconds, 3)
        d["parse_seconds"] = round(self.stats.seconds, 3)
        d["shards"] = self.shards
        d["resumed_documents"] = self.resumed.documents
        # Rates are over the work this run did: resumed shards took no time here.
        secs = self.wall_seconds
        d["docs_per_second"] = round(self.docs_done_here / secs, 2) if secs else 0
        d["mb_per_second"] = round(self.bytes_done_here / 1e6 / secs, 3) if secs else 0
        d["stopped_early"] = self.stopped_early
        return d


def run_batch(inputs: list[str], config: BatchConfig | None = None) -> BatchResult:
    """Parse every input document into `config.output`; see the module docstring."""
    config = config or BatchConfig()
    config.check()
    started = time.perf_counter()
    # Parts of a run to stdout cannot be resumed without --work-dir: they go to a temporary folder.
    temp_dir = make_temp_dir() if config.work_dir is None and config.to_stdout else None
    layout = PartsLayout(temp_dir or config.work_dir or f"{config.output}.parts", config.format)
    created = layout.claim()
    lock = RunLock(layout.root, config.output or "-")
    completed = False
    # Every file of an input folder is read: the run's own files in it must not be.
    own = config.selection.with_own_files(None if config.to_stdout else config.output, config.errors,
                                          parts=str(layout.root))
    config = replace(config, selection=own)
    try:
        lock.acquire()
        layout.prepare(config.shard, resume=config.resume, overwrite=config.overwrite,
                       shard_docs=config.shard_docs)
        for target in (None if config.to_stdout else config.output, config.errors):
            _remove_stale_temps(target)
        driver = _Driver(inputs, config, layout)
        completed = driver.run()
    except BaseException:
        # A folder this run made that holds no finished shard is of no use to --resume.
        if created and temp_dir is None and not any(layout.root.glob("part-*.done")):
            layout.remove()
        raise
    finally:
        if temp_dir is not None and not config.keep_parts:
            shutil.rmtree(temp_dir, ignore_errors=True)
        elif completed and not config.keep_parts:
            layout.remove()
        lock.release()
    return BatchResult(driver.total, time.perf_counter() - started, driver.shards_seen,
                       stopped_early=not completed, first_failure=driver.events.first_failure,
                       resumed=driver.resumed)


class RunEvents:
    """The driver's side of `executors.base.Events`: progress, totals, and --fail-fast."""

    def __init__(self, progress: Progress | None, fail_fast: bool) -> None:
        self.progress = progress
        self.fail_fast = fail_fast
        self.stop = False
        self.first_failure: str | None = None
        self.on_shard = lambda index, stats: None

    def doc(self, nbytes: int, error_kind: str | None, path: str | None) -> None:
        if self.progress is not None:
            self.progress.advance(nbytes, error_kind is not None)
        if error_kind is not None and self.first_failure is None:
            self.first_failure = f"{path}: {error_kind}"
            if self.fail_fast:
                self.stop = True

    def shard_done(self, index: int, stats: dict[str, Any], *, counted: bool = True) -> None:
        """`counted` is False when per-document events were not seen (resumed shards, Ray)."""
        if not counted:
            if self.progress is not None:
                self.progress.advance(stats["bytes"], False, docs=stats["documents"], errors=stats["failed"])
            if stats["failed"] and self.fail_fast:
                self.stop = True
                self.first_failure = self.first_failure or f"shard {index}: {stats['failed']} failed"
        self.on_shard(index, stats)


class _Stopped(Exception):
    """Leaves the Assembler with an exception so the incomplete output is discarded."""


class _Driver:
    """One run: feeds shards to the executor, adds up their stats, assembles their parts."""

    def __init__(self, inputs: list[str], config: BatchConfig, layout: PartsLayout) -> None:
        self.inputs, self.config, self.layout = inputs, config, layout
        self.shard_config = config.shard
        self.total = Stats()
        self.resumed = Stats()
        self.shards_seen = 0
        progress = Progress(inputs, config.selection, self.shard_config.limits) if config.progress else None
        self.events = RunEvents(progress, config.fail_fast)

    def run(self) -> bool:
        """True when every shard finished and the output is in place; False when stopped early."""
        config = self.config
        output = None if config.to_stdout else config.output
        executor = executor_named(config.executor, workers=config.workers, ray_address=config.ray_address)
        units = plan_units(self.inputs, config.selection, self.shard_config.limits)
        try:
            with Assembler(self.layout, self.shard_config, output, config.errors, bom=config.bom) as assembler:

                def shard_done(index: int, stats: dict[str, Any]) -> None:
                    self.total.merge(Stats.from_dict(stats))
                    assembler.shard_done(index)

                self.events.on_shard = shard_done
                if self.events.progress is not None:
                    self.events.progress.start()
                pending = self._pending(plan_shards(units, max_docs=config.shard_docs))
                executor.run(pending, self.shard_config, str(self.layout.root), self.events)
                self.shards_seen = max(self.shards_seen, assembler.next, *(i + 1 for i in assembler.finished))
                if self.events.stop or assembler.finished:
                    if self.events.first_failure is None:
                        self.events.first_failure = f"shard {assembler.next}, which did not finish"
                    raise _Stopped
        except _Stopped:
            return False
        finally:
            if self.events.progress is not None:
                self.events.progress.stop()
        return True

    def _pending(self, shards: Iterable[Shard]) -> Iterator[Shard]:
        """Shards still to run; those with a matching done marker are reported done at once."""
        for shard in shards:
            if self.events.stop:
                return
            self.shards_seen = max(self.shards_seen, shard.index + 1)
            marker = self.layout.read_marker(shard.name)
            if marker is None:
                yield shard
            elif marker.get("fingerprint") != shard.fingerprint(self.shard_config):
                raise BatchError(f"the inputs changed since {self.layout.root} was written "
                                 f"({shard.name} holds other documents); run with --overwrite to start over")
            elif self.config.retry_errors and TRANSIENT_ERRORS & marker["stats"].get("errors", {}).keys():
                self.layout.marker(shard.name).unlink(missing_ok=True)  # run_shard skips a marked shard
                yield shard
            else:
                self.resumed.merge(Stats.from_dict(marker["stats"]))
                self.events.shard_done(shard.index, marker["stats"], counted=False)


def _remove_stale_temps(target: str | None) -> None:
    """Temporary outputs a killed run left beside `target` (atomic_output's naming)."""
    if not target or target == "-":
        return
    path = Path(target)
    names = [path.parent.glob(f".{path.name}.*.tmp")]
    if path.is_dir():  # Parquet output folder
        names += [path.glob(".documents.parquet.*.tmp"), path.glob(".facts.parquet.*.tmp")]
    for found in names:
        for stale in found:
            with contextlib.suppress(OSError):
                stale.unlink()


def summary_line(result: BatchResult) -> str:
    """The one-line summary printed on stderr at the end of a run."""
    s = result.stats
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(s.errors.items(), key=lambda kv: (-kv[1], kv[0])))
    failed = f"{s.failed:,} failed" + (f" ({kinds})" if kinds else "")
    secs = max(result.wall_seconds, 1e-9)
    resumed = f" ({result.resumed.documents:,} done before)" if result.resumed.documents else ""
    if s.skipped:
        failed += "; skipped: " + ", ".join(
            f"{n:,} {k}{'s' if n > 1 else ''}" for k, n in sorted(s.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
        )
    here = result.docs_done_here
    return (f"ipextract batch: {s.documents:,} documents{resumed}: {s.ok:,} ok, {failed}; {s.facts:,} facts; "
            f"{result.bytes_done_here / 1e6:,.1f} MB in {result.wall_seconds:,.1f} s "
            f"({here / secs:,.1f} docs/s, {result.bytes_done_here / 1e6 / secs:,.2f} MB/s)")
