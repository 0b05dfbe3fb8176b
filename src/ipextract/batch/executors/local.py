"""A local pool of worker processes that run shards, with a hard time limit and crash recovery.

Why not `multiprocessing.Pool` or `ProcessPoolExecutor`: they cannot replace one stuck worker (a
document looping inside a C call), and one killed worker breaks the whole pool. Here each worker
has its own pipe: it announces each document it starts, so the driver knows which document a
worker was on when it hung or died, replaces the worker and runs the shard again — an external
kill is simply retried, a document that kills its worker twice or passes the hard time limit gets
an error record (`crashed`, `timeout`) instead.

Workers are long-lived (one per core by default) and load jieba, OpenCC and the word lists once,
before they report ready (see `warm`); the hard time limit starts with the first document, not
with that loading. At most one shard per worker is in flight, so memory stays flat whatever the
input size.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from ..config import BatchError, RunError, ShardConfig
from ..shard import Shard, run_shard
from .base import Events
from .warm import prepare_worker

#: A shard whose worker dies more often than this stops the run: something is wrong beyond one page.
MAX_ATTEMPTS = 6


def _worker_main(conn: Connection) -> None:
    """Worker loop: get ready, then receive (shard, config, parts_dir, poison), run it, report."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    prepare_worker()
    try:
        conn.send(("ready",))
    except ConnectionError:
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        shard, config, parts_dir, poison = msg
        try:
            reply = ("done", shard.index, run_shard(shard, config, parts_dir, poison=poison, on_event=conn.send))
        except ConnectionError:
            return  # the driver is gone (see below)
        except Exception as exc:  # a disk or programming error: the driver stops the run
            reply = ("failed", shard.index, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except ConnectionError:
            # The driver is gone (killed): nobody to report to. The shard has no done marker,
            # so --resume runs it again; exit quietly instead of printing a traceback.
            return


class _Worker:
    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[Shard, dict[int, tuple[str, str]]] | None = None
        self.ready = False
        self.doc = -1
        self.doc_started = 0.0

    def assign(self, shard: Shard, poison: dict[int, tuple[str, str]], config: ShardConfig,
               parts_dir: str) -> None:
        self.task = (shard, poison)
        self.doc, self.doc_started = -1, time.monotonic()
        self.conn.send((shard, config, parts_dir, poison))

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.kill()
        self.conn.close()


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # Workers fork from a server that has already imported the pipeline: a fast start, and
        # no inherited threads or locks from the driver (whose progress thread runs).
        ctx.set_forkserver_preload(["ipextract.batch.executors.local"])
        return ctx
    return multiprocessing.get_context("spawn")


class LocalExecutor:
    """A pool of `workers` processes on this machine (default: one per core)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)

    def run(self, shards: Iterator[Shard], config: ShardConfig, parts_dir: str, events: Events) -> None:
        pool = _Pool(self.workers, config, parts_dir, events)
        try:
            pool.run(shards)
        finally:
            pool.shutdown()


class _Pool:
    def __init__(self, size: int, config: ShardConfig, parts_dir: str, events: Events) -> None:
        self.ctx = _context()
        self.size, self.config, self.parts_dir, self.events = size, config, parts_dir, events
        self.workers: list[_Worker] = []
        self.retries: deque[tuple[Shard, dict[int, tuple[str, str]]]] = deque()
        self.crashes: dict[int, list[int]] = {}
        t = config.timeout
        self.hard_limit = None if not t else t + max(2.0, t * 0.5)

    def run(self, shards: Iterator[Shard]) -> None:
        exhausted = False
        while True:
            for w in self._idle():
                if self.events.stop:
                    break
                if self.retries:
                    shard, poison = self.retries.popleft()
                elif not exhausted:
                    nxt = next(shards, None)
                    if nxt is None:
                        exhausted = True
                        break
                    shard, poison = nxt, {}
                else:
                    break
                try:
                    w.assign(shard, poison, self.config, self.parts_dir)
                except OSError:  # the worker died while idle: replace it and keep the shard
                    w.task = None
                    self.retries.appendleft((shard, poison))
                    w.kill()
                    self.workers.remove(w)
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                if exhausted or self.events.stop:
                    return
                continue
            if self.events.stop:
                return
            wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.5)
            for w in busy:
                self._service(w)

    def _idle(self) -> Iterator[_Worker]:
        while len(self.workers) < self.size:
            self.workers.append(_Worker(self.ctx))
        for w in list(self.workers):
            if w.task is None and w.process.is_alive():
                yield w
            elif w.task is None:
                w.kill()
                self.workers.remove(w)

    def _service(self, w: _Worker) -> None:
        while w.task is not None:
            # Only the pipe's own errors mean "the worker died"; an error while handling a message
            # (the assembler failing to write the output) must end the run, not be taken for one.
            try:
                if not w.conn.poll():
                    break
                msg = w.conn.recv()
            except (EOFError, OSError):
                break
            self._handle(w, msg)
        if w.task is None:
            return
        if not w.process.is_alive():
            self._died(w)
        elif w.ready and self.hard_limit and time.monotonic() - w.doc_started > self.hard_limit:
            self._stalled(w)

    def _handle(self, w: _Worker, msg: tuple[Any, ...]) -> None:
        kind = msg[0]
        if kind == "ready":
            w.ready, w.doc_started = True, time.monotonic()
        elif kind == "start":
            w.doc, w.doc_started = msg[1], time.monotonic()
        elif kind == "doc":
            w.doc, w.doc_started = -1, time.monotonic()
            self.events.doc(msg[1], msg[2], msg[3])
        elif kind == "done":
            w.task = None
            self.events.shard_done(msg[1], msg[2])
        elif kind == "failed":
            w.task = None
            raise RunError(f"shard {msg[1]} failed: {msg[2]}. The finished parts are kept: "
                           "fix the cause and run the same command with --resume to finish")

    def _attempts(self, w: _Worker) -> list[int]:
        """Documents a shard's earlier workers were on when they died or stalled."""
        assert w.task is not None
        shard = w.task[0]
        seen = self.crashes.setdefault(shard.index, [])
        if len(seen) >= MAX_ATTEMPTS:
            raise BatchError(f"shard {shard.index} lost its worker {len(seen)} times; giving up")
        return seen

    def _died(self, w: _Worker) -> None:
        """A worker died mid-shard: retry; a document that kills its worker twice is poisoned."""
        seen = self._attempts(w)
        poison_now = w.doc >= 0 and w.doc in seen
        seen.append(w.doc)
        why = None
        if poison_now:
            code = w.process.exitcode
            why = ("crashed", f"the worker process died while parsing this document (exit code {code})")
        self._replace(w, why)

    def _stalled(self, w: _Worker) -> None:
        """Silent past the hard limit: the document it is on times out; between documents
        (starting up, writing parts) the shard is simply run again."""
        if w.doc < 0:
            self._attempts(w).append(w.doc)
            self._replace(w, None)
            return
        self._replace(w, ("timeout", f"parsing took longer than {self.config.timeout:g} s; "
                                     "the worker was replaced"))

    def _replace(self, w: _Worker, why: tuple[str, str] | None) -> None:
        assert w.task is not None
        shard, poison = w.task
        if why is not None and w.doc >= 0:
            poison = {**poison, w.doc: why}
        self.retries.appendleft((shard, poison))
        w.task = None
        w.kill()
        self.workers.remove(w)

    def shutdown(self) -> None:
        for w in self.workers:
            if w.task is None:
                w.stop()
            else:
                w.kill()
        self.workers.clear()
