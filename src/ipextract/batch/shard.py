"""A shard — a run of consecutive input documents — and `run_shard`, which turns one into part files.

Every executor (the local process pool, Ray) calls the same `run_shard`, so their outputs are
identical. It is idempotent: a shard whose done marker matches is not run again, and parts are
written under temporary names and renamed, so two runs of one shard (a retry, an orphaned
worker) agree.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from ..document import Document
from ..pipeline import parse
from ..sources import Item, Unit, read_units
from ..sources.candidates import skip_kind
from ..writers import CsvSink, JsonlSink, ParquetSink, Sink
from .config import DEFAULT_SHARD_BYTES, DEFAULT_SHARD_DOCS, ShardConfig, sha1
from .parts import PartsLayout


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    units: tuple[Unit, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def fingerprint(self, config: ShardConfig) -> str:
        return sha1(json.dumps([config.fingerprint(), [u.to_list() for u in self.units]]))


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


@dataclass(slots=True)
class Stats:
    documents: int = 0
    ok: int = 0
    failed: int = 0
    facts: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)
    #: Files found in folders and archives that are no pages, by kind (image, pdf...): each has a
    #: `skipped` record, but is not a failure.
    skipped: dict[str, int] = field(default_factory=dict)

    def add_doc(self, doc: Document, nbytes: int) -> None:
        self.documents += 1
        self.bytes += nbytes
        if doc.error_kind == "skipped":
            kind = skip_kind(doc.error)
            self.skipped[kind] = self.skipped.get(kind, 0) + 1
        elif doc.error is None:
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
        self.seconds += other.seconds
        for kind, n in other.errors.items():
            self.errors[kind] = self.errors.get(kind, 0) + n
        for kind, n in other.skipped.items():
            self.skipped[kind] = self.skipped.get(kind, 0) + n

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["errors"] = dict(sorted(self.errors.items()))
        d["skipped"] = dict(sorted(self.skipped.items()))
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Stats:
        return cls(**{k: d[k] for k in ("documents", "ok", "failed", "facts", "bytes", "seconds")},
                   errors=dict(d.get("errors", {})), skipped=dict(d.get("skipped", {})))


class DocumentTimeout(BaseException):
    """Raised by the alarm inside a slow parse; a BaseException so parse() does not swallow it."""


#: Progress events a worker may report: ("start", doc_index) before a document, ("doc", bytes,
#: error_kind, path) after it.
EventSink = Callable[[tuple[Any, ...]], None]


def run_shard(
    shard: Shard,
    config: ShardConfig,
    parts_dir: str,
    *,
    poison: Mapping[int, tuple[str, str]] | None = None,
    on_event: EventSink | None = None,
) -> dict[str, Any]:
    """Parse every document of `shard` into its part files, then write its done marker; its stats.

    `poison` maps a document index to an error (kind, message) given instead of parsing it: how
    the local pool reports a document that hung or crashed its worker.
    """
    layout = PartsLayout(parts_dir, config.format)
    fingerprint = shard.fingerprint(config)
    done = layout.read_marker(shard.name)
    if done is not None and done.get("fingerprint") == fingerprint:
        return dict(done["stats"])
    started = time.perf_counter()
    tag = f"{os.getpid()}-{threading.get_ident()}"
    finals = layout.part_files(shard.name, config.split_errors)
    temps = [f"{p}.{tag}.tmp" for p in finals]
    try:
        stats = _write_parts(shard, config, temps, poison or {}, on_event)
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


def _write_parts(shard: Shard, config: ShardConfig, temps: list[str], poison: Mapping[int, tuple[str, str]],
                 on_event: EventSink | None) -> Stats:
    """The shard's documents into the (temporary) part files, flushed to disk."""
    stats = Stats()
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
    return stats


def _open_sinks(config: ShardConfig, temps: list[str]) -> tuple[Sink, Sink | None, list[IO[Any]]]:
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


def _document(item: Item, config: ShardConfig, poisoned: tuple[str, str] | None) -> Document:
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
