"""Batch runs: many inputs -> one output file, in parallel, resumable after any kill.

The unit of work is a *shard*: a run of consecutive input documents (`sources.Unit`s). One function,
`run_shard`, turns a shard into part files in a parts directory and then writes a done marker;
every executor (the local process pool, Ray) calls that same function, so their outputs are
identical. The driver plans shards lazily, skips shards whose marker says they are done (resume),
and appends finished parts to the output in shard order (ordered output) — parts are only deleted
after the output is renamed into place, so a kill at any moment loses nothing and duplicates
nothing.

The parts directory and the assembly are in `parts.py`, the progress bar in `progress.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from .document import Document
from .options import Options
from .parts import LAYOUT_VERSION, Assembler, PartsError, PartsLayout
from .pipeline import parse
from .progress import Progress
from .sources import Item, Limits, Selection, Unit, plan_units, read_units
from .writers import CsvSink, JsonlSink, ParquetSink, Sink

FORMATS = ("jsonl", "csv", "parquet")
DEFAULT_SHARD_DOCS = 100
DEFAULT_SHARD_BYTES = 32 * 1024 * 1024


class BatchError(Exception):
    """A run cannot start or go on (bad parts directory, changed inputs): a usage-level problem."""


# --------------------------------------------------------------------------------------------
# Shards and the configuration they run with


@dataclass(frozen=True, slots=True)
class BatchConfig:
    """Everything `run_shard` needs besides the shard itself; identical for every executor."""

    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)
    format: str = "jsonl"
    split_errors: bool = False
    timeout: float | None = None

    def fingerprint(self) -> str:
        return _sha1(repr((LAYOUT_VERSION, self.options, self.limits, self.format, self.split_errors)))


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    units: tuple[Unit, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def fingerprint(self, config: BatchConfig) -> str:
        return _sha1(json.dumps([config.fingerprint(), [u.to_list() for u in self.units]]))


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def plan_shards(
    units: Iterable[Unit], max_docs: int = DEFAULT_SHARD_DOCS, max_bytes: int = DEFAULT_SHARD_BYTES
) -> Iterator[Shard]:
    """Group consecutive units into shards of at most `max_docs` documents / about `max_bytes`.

    Depends only on the inputs, never on the number of workers, so every executor and every
    resumed run sees the same shards.
    """
    batch: list[Unit] = []
    size = 0
    index = 0
    for unit in units:
        if batch and (len(batch) >= max_docs or size + unit.size > max_bytes):
            yield Shard(index, tuple(batch))
            index, batch, size = index + 1, [], 0
        batch.append(unit)
        size += unit.size
    if batch:
        yield Shard(index, tuple(batch))


# --------------------------------------------------------------------------------------------
# Statistics


@dataclass(slots=True)
class Stats:
    documents: int = 0
    ok: int = 0
    failed: int = 0
    facts: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)

    def add_doc(self, doc: Document, nbytes: int) -> None:
        self.documents += 1
        self.bytes += nbytes
        if doc.error is None:
            self.ok += 1
            self.facts += len(doc.facts)
        else:
            self.failed += 1
            kind = doc.error_kind or "error"
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def merge(self, other: Stats) -> None:
        self.documents += other.documents
        self.ok += other.ok
        self.failed += other.failed
        self.facts += other.facts
        self.bytes += other.bytes
        for kind, n in other.errors.items():
            self.errors[kind] = self.errors.get(kind, 0) + n

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["errors"] = dict(sorted(self.errors.items()))
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Stats:
        return cls(**{k: d[k] for k in ("documents", "ok", "failed", "facts", "bytes", "seconds")},
                   errors=dict(d.get("errors", {})))


# --------------------------------------------------------------------------------------------
# The per-shard function shared by every executor


class DocumentTimeout(BaseException):
    """Raised by the alarm inside a slow parse; a BaseException so parse() does not swallow it."""


#: Progress events a worker may report: ("start", doc_index) before a document, ("doc", bytes,
#: error_kind, path) after it.
EventSink = Callable[[tuple[Any, ...]], None]


def run_shard(
    shard: Shard,
    config: BatchConfig,
    parts_dir: str,
    *,
    poison: Mapping[int, tuple[str, str]] | None = None,
    on_event: EventSink | None = None,
) -> dict[str, Any]:
    """Parse every document of `shard` into its part files, then write its done marker.

    Idempotent: a shard whose marker matches is not run again, and parts are written under
    temporary names and renamed, so two runs of one shard (a retry, an orphaned worker) agree.
    `poison` maps a document index to an error (kind, message) given instead of parsing it: how
    the local pool reports a document that hung or crashed its worker.
    """
    layout = PartsLayout(parts_dir, config.format)
    fingerprint = shard.fingerprint(config)
    done = layout.read_marker(shard.name)
    if done is not None and done.get("fingerprint") == fingerprint:
        return dict(done["stats"])
    poison = poison or {}
    stats = Stats()
    started = time.perf_counter()
    tag = f"{os.getpid()}-{threading.get_ident()}"
    finals = layout.part_files(shard.name, config.split_errors)
    temps = [f"{p}.{tag}.tmp" for p in finals]
    try:
        main_sink, error_sink, handles = _open_sinks(config, temps)
        try:
            items = read_units(shard.units, config.limits)
            for index in range(len(shard.units)):
                # Announced before reading: a slow read counts against the document's time limit.
                if on_event is not None:
                    on_event(("start", index))
                item = next(items)  # exactly one item per unit
                doc = _document(item, config, poison.get(index))
                stats.add_doc(doc, item.size)
                (error_sink if error_sink is not None and doc.error else main_sink).write(doc)
                if on_event is not None:
                    on_event(("doc", item.size, doc.error_kind, doc.path if doc.error else None))
        finally:
            main_sink.close()
            if error_sink is not None:
                error_sink.close()
            for fh in handles:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
        for tmp, final in zip(temps, finals):
            os.replace(tmp, final)
    finally:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    stats.seconds = round(time.perf_counter() - started, 3)
    layout.write_marker(shard.name, {"fingerprint": fingerprint, "stats": stats.to_dict(),
                                     "documents": len(shard.units)})
    return stats.to_dict()


def _open_sinks(config: BatchConfig, temps: list[str]) -> tuple[Sink, Sink | None, list[IO[Any]]]:
    handles: list[IO[Any]] = []
    if config.format == "parquet":
        main: Sink = ParquetSink(temps[0], temps[1])
        rest = temps[2:]
    else:
        fh = open(temps[0], "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by caller
        handles.append(fh)
        main = CsvSink(fh) if config.format == "csv" else JsonlSink(fh)
        rest = temps[1:]
    errors: Sink | None = None
    if rest:
        efh = open(rest[0], "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by caller
        handles.append(efh)
        errors = JsonlSink(efh)
    return main, errors, handles


def _document(item: Item, config: BatchConfig, poisoned: tuple[str, str] | None) -> Document:
    """The document for one item: its error, the poison given for it, or the parse result."""
    if poisoned is not None:
        return _error_doc(item.path, *poisoned)
    if item.error is not None or item.data is None:
        return _error_doc(item.path, item.error_kind or "unreadable", item.error or "no data")
    with _alarm(config.timeout):
        try:
            return parse(item.data, config.options, path=item.path, url=item.url,
                         ref_date=item.ref_date, declared_charset=item.declared_charset)
        except DocumentTimeout:
            return _error_doc(item.path, "timeout", f"parsing took longer than {config.timeout:g} s")


def _error_doc(path: str, kind: str, message: str) -> Document:
    doc = Document(path=path)
    doc.error, doc.error_kind = message, kind
    return doc


@contextlib.contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """A soft per-document time limit (SIGALRM), where signals can be used: the main thread on POSIX.

    Code stuck inside one C call is not interrupted by it; the local pool's hard limit (kill and
    replace the worker) covers that case.
    """
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------------------------
# Running a batch


@dataclass(slots=True)
class BatchResult:
    stats: Stats
    wall_seconds: float
    shards: int
    stopped_early: bool = False
    first_failure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = self.stats.to_dict()
        d["seconds"] = round(self.wall_seconds, 3)
        d["parse_seconds"] = round(self.stats.seconds, 3)
        d["shards"] = self.shards
        d["docs_per_second"] = round(self.stats.documents / self.wall_seconds, 2) if self.wall_seconds else 0
        d["mb_per_second"] = round(self.stats.bytes / 1e6 / self.wall_seconds, 3) if self.wall_seconds else 0
        d["stopped_early"] = self.stopped_early
        return d


class Events:
    """What executors report back to the driver; the driver decides what to show and when to stop."""

    def __init__(self, progress: Progress | None, fail_fast: bool) -> None:
        self.progress = progress
        self.fail_fast = fail_fast
        self.stop = False
        self.first_failure: str | None = None
        self.on_shard: Callable[[int, dict[str, Any]], None] = lambda i, s: None

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
                self.progress.advance(stats["bytes"], False, docs=stats["documents"],
                                      errors=stats["failed"])
            if stats["failed"] and self.fail_fast:
                self.stop = True
                self.first_failure = self.first_failure or f"shard {index}: {stats['failed']} failed"
        self.on_shard(index, stats)


def run_batch(
    inputs: list[str],
    *,
    output: str | None,
    config: BatchConfig,
    selection: Selection | None = None,
    errors_path: str | None = None,
    workers: int | None = None,
    executor: str = "local",
    ray_address: str | None = None,
    resume: bool = False,
    fail_fast: bool = False,
    work_dir: str | None = None,
    keep_parts: bool = False,
    shard_docs: int = DEFAULT_SHARD_DOCS,
    bom: bool = False,
    progress: bool = False,
) -> BatchResult:
    """Parse every input document into `output` (None or '-' = stdout); see the module docstring."""
    started = time.perf_counter()
    to_stdout = output in (None, "-")
    if config.format == "parquet" and to_stdout:
        raise BatchError("Parquet output needs -o DIR")
    temp_dir = None
    if work_dir is None and to_stdout:
        temp_dir = tempfile.mkdtemp(prefix="ipextract-parts-")
        work_dir = temp_dir
    parts_root = work_dir or f"{output}.parts"
    layout = PartsLayout(parts_root, config.format)
    try:
        layout.prepare(config, resume=resume)
    except PartsError as exc:
        raise BatchError(str(exc)) from exc
    for target in (output if not to_stdout else None, errors_path):
        _remove_stale_temps(target)

    selection = selection or Selection()
    bar = Progress(inputs, selection, config.limits) if progress else None
    events = Events(bar, fail_fast)
    total = Stats()
    shard_count = 0
    completed = True
    try:
        with Assembler(layout, config, None if to_stdout else output, errors_path, bom=bom) as assembler:

            def on_shard(index: int, stats: dict[str, Any]) -> None:
                total.merge(Stats.from_dict(stats))
                total.seconds += stats["seconds"]
                assembler.shard_done(index)

            events.on_shard = on_shard
            shards = plan_shards(plan_units(inputs, selection, config.limits), max_docs=shard_docs)
            pending = _skip_done(shards, layout, config, events)

            def counting(it: Iterator[Shard]) -> Iterator[Shard]:
                nonlocal shard_count
                for shard in it:
                    shard_count = max(shard_count, shard.index + 1)
                    yield shard

            if bar is not None:
                bar.start()
            run = _executor(executor)
            run(counting(pending), config, str(layout.root), events,
                workers=workers, ray_address=ray_address)
            shard_count = max(shard_count, assembler.next, *(i + 1 for i in assembler.finished))
            if events.stop or assembler.finished:
                completed = False
                raise _Stopped
    except _Stopped:
        pass
    finally:
        if bar is not None:
            bar.stop()
        if temp_dir is not None and not keep_parts:
            # Parts of a run to stdout cannot be resumed without --work-dir: never leave them.
            shutil.rmtree(temp_dir, ignore_errors=True)
    if completed and not keep_parts:
        layout.remove()
    return BatchResult(total, time.perf_counter() - started, shard_count,
                       stopped_early=not completed, first_failure=events.first_failure)


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


class _Stopped(Exception):
    """Leaves the Assembler with an exception so the incomplete output is discarded."""


def _skip_done(shards: Iterable[Shard], layout: PartsLayout, config: BatchConfig,
               events: Events) -> Iterator[Shard]:
    """Shards still to run; those with a matching done marker are reported done at once."""
    for shard in shards:
        if events.stop:
            return
        marker = layout.read_marker(shard.name)
        if marker is not None:
            if marker.get("fingerprint") != shard.fingerprint(config):
                raise BatchError(f"the inputs changed since {layout.root} was written "
                                 f"({shard.name} differs); run again without --resume")
            events.shard_done(shard.index, marker["stats"], counted=False)
            continue
        yield shard


def _executor(name: str) -> Callable[..., None]:
    if name == "local":
        from .executors.local import run_local

        return run_local
    if name == "ray":
        from .executors.ray import run_ray

        return run_ray
    raise BatchError(f"unknown executor {name!r} (local or ray)")


def summary_line(result: BatchResult) -> str:
    """The one-line summary printed on stderr at the end of a run."""
    s = result.stats
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(s.errors.items(), key=lambda kv: (-kv[1], kv[0])))
    failed = f"{s.failed:,} failed" + (f" ({kinds})" if kinds else "")
    secs = max(result.wall_seconds, 1e-9)
    return (f"ipextract batch: {s.documents:,} documents: {s.ok:,} ok, {failed}; {s.facts:,} facts; "
            f"{s.bytes / 1e6:,.1f} MB in {result.wall_seconds:,.1f} s "
            f"({s.documents / secs:,.1f} docs/s, {s.bytes / 1e6 / secs:,.2f} MB/s)")
