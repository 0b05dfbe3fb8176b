"""Ordered assembly of finished parts into the outputs; a write that fails ends the run.

Assembly is the one place the output is written. A failed write (a full disk, a lost mount)
must never be retried blindly: the bytes already appended cannot be taken back, so appending the
part again would duplicate records or leave a torn line. So every OSError while writing the
outputs becomes an `AssemblyError` that stops the run; the temporary output is discarded (the
final file is complete or absent) and the parts stay for --resume.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import shutil
import sys
from pathlib import Path
from typing import IO, Any

from ..writers import atomic_output, atomic_path, parquet_schemas, write_csv_header
from .config import AssemblyError, ShardConfig
from .parts import PartsLayout


class Assembler:
    """Appends finished parts to the output in shard order, however they finish.

    Parts that finish early wait on disk (not in memory) until every shard before them is done.
    Once a write failed the assembler is broken: it raises the same error for every later shard.
    """

    def __init__(self, layout: PartsLayout, config: ShardConfig, output: str | None,
                 errors: str | None, *, bom: bool = False) -> None:
        self.layout, self.config = layout, config
        self.output, self.errors_path, self.bom = output, errors, bom
        self.finished: set[int] = set()
        self.next = 0
        self.failed: AssemblyError | None = None
        self._stack = contextlib.ExitStack()
        self._main: Any = None
        self._errors: IO[bytes] | None = None

    def __enter__(self) -> Assembler:
        with self._writing(self.output):
            self._open()
        return self

    def _open(self) -> None:
        fmt = self.config.format
        if fmt == "parquet":
            assert self.output is not None
            self._main = _ParquetMerger(self._stack, self.output)
        else:
            out = self._binary_output(self.output, gz=bool(self.output and self.output.endswith(".gz")))
            if fmt == "csv":
                head = io.StringIO()
                write_csv_header(head, bom=self.bom)
                out.write(head.getvalue().encode("utf-8"))
            self._main = out
        if self.config.split_errors and self.errors_path:
            self._errors = self._binary_output(self.errors_path, gz=self.errors_path.endswith(".gz"))

    def _binary_output(self, path: str | None, *, gz: bool) -> IO[bytes]:
        if path is None or path == "-":
            return sys.stdout.buffer
        fh = self._stack.enter_context(atomic_output(path, "wb"))
        if gz:
            # mtime=0 keeps the output byte-identical between runs and executors.
            return self._stack.enter_context(gzip.GzipFile(fileobj=fh, mode="wb", mtime=0))
        return fh

    @contextlib.contextmanager
    def _writing(self, path: str | None) -> Any:
        """Turn a write error into the AssemblyError that ends the run (and remember it)."""
        if self.failed is not None:
            raise self.failed
        try:
            yield
        except OSError as exc:
            self.failed = AssemblyError(path or "-", exc)
            raise self.failed from exc

    def shard_done(self, index: int) -> None:
        self.finished.add(index)
        while self.next in self.finished:
            with self._writing(self.output):
                self._append(self.next)
            self.finished.discard(self.next)
            self.next += 1

    def _append(self, index: int) -> None:
        name = f"part-{index:05d}"
        files = self.layout.part_files(name, self.config.split_errors)
        if self.config.format == "parquet":
            self._main.append(files[0], files[1])
        else:
            _copy(files[0], self._main)
        if self.config.split_errors and self._errors is not None:
            _copy(files[-1], self._errors)
        if self._main is sys.stdout.buffer:
            sys.stdout.buffer.flush()

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        # Leaving with an exception discards the temporary outputs; parts stay for --resume.
        # Leaving normally flushes, syncs and renames them: that can fail too (a full disk).
        failing = exc_type is not None or self.failed is not None
        if failing:
            self._stack.__exit__(exc_type or AssemblyError, exc or self.failed, tb)
            if exc_type is None and self.failed is not None:
                raise self.failed  # a caller swallowed it: the run still must not look finished
            return
        with self._writing(self.output):
            self._stack.close()


def _copy(path: str, out: IO[bytes]) -> None:
    with open(path, "rb") as fh:
        shutil.copyfileobj(fh, out, 1024 * 1024)


class _ParquetMerger:
    """documents.parquet and facts.parquet in the output directory, one row group per part."""

    def __init__(self, stack: contextlib.ExitStack, outdir: str) -> None:
        import pyarrow.parquet as pq

        Path(outdir).mkdir(parents=True, exist_ok=True)
        docs_schema, facts_schema = parquet_schemas()
        docs_tmp = stack.enter_context(atomic_path(Path(outdir) / "documents.parquet"))
        facts_tmp = stack.enter_context(atomic_path(Path(outdir) / "facts.parquet"))
        self.docs = pq.ParquetWriter(str(docs_tmp), docs_schema)
        self.facts = pq.ParquetWriter(str(facts_tmp), facts_schema)
        # Writers must be closed before the atomic renames (callbacks run in reverse order).
        stack.callback(self.facts.close)
        stack.callback(self.docs.close)

    def append(self, docs_part: str, facts_part: str) -> None:
        import pyarrow.parquet as pq

        for part, writer in ((docs_part, self.docs), (facts_part, self.facts)):
            table = pq.read_table(part)
            if table.num_rows:
                writer.write_table(table)
