"""The parts directory of a batch run, and the ordered assembly of its parts into the outputs.

Layout (`<output>.parts/` unless --work-dir):
    run.json                           the run's configuration fingerprint
    part-00000.jsonl | .csv            documents (or fact rows) of shard 0
    part-00000.documents.parquet, part-00000.facts.parquet   with --format parquet
    part-00000.errors.jsonl            error records of shard 0, when they go to --errors
    part-00000.done                    marker: shard fingerprint + stats; written last
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import shutil
import sys
from pathlib import Path
from typing import IO, Any

from ..writers import atomic_output, atomic_path, parquet_schemas, write_csv_header
from .config import LAYOUT_VERSION, BatchError, ShardConfig


class PartsLayout:
    """Names of part files and markers; markers are JSON written atomically."""

    def __init__(self, root: str | Path, fmt: str) -> None:
        self.root = Path(root)
        self.format = fmt

    def part_files(self, name: str, split_errors: bool) -> list[str]:
        base = str(self.root / name)
        files = ([f"{base}.documents.parquet", f"{base}.facts.parquet"] if self.format == "parquet"
                 else [f"{base}.{self.format}"])
        if split_errors:
            files.append(f"{base}.errors.jsonl")
        return files

    def marker(self, name: str) -> Path:
        return self.root / f"{name}.done"

    def read_marker(self, name: str) -> dict[str, Any] | None:
        try:
            return json.loads(self.marker(name).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def write_marker(self, name: str, content: dict[str, Any]) -> None:
        with atomic_output(self.marker(name)) as fh:
            fh.write(json.dumps(content, ensure_ascii=False))

    def prepare(self, config: ShardConfig, *, resume: bool) -> None:
        """Create the directory; on a fresh run clear old parts; on --resume check they match."""
        self.root.mkdir(parents=True, exist_ok=True)
        run_file = self.root / "run.json"
        wanted = {"layout": LAYOUT_VERSION, "config": config.fingerprint(), "format": config.format}
        if resume and run_file.exists():
            try:
                found = json.loads(run_file.read_text(encoding="utf-8"))
            except ValueError:
                found = None
            if found != wanted:
                raise BatchError(f"{self.root} holds parts of a run with other options; "
                                 "run again without --resume to start over")
        else:
            self.clear()
        for stale in self.root.glob("part-*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        with atomic_output(run_file) as fh:
            fh.write(json.dumps(wanted))

    def clear(self) -> None:
        """Remove our own files only: the directory may be one the user named."""
        for pattern in ("part-*", "run.json", ".part-*.tmp", ".run.json.*.tmp"):  # + what a kill left mid-write
            for p in self.root.glob(pattern):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()

    def remove(self) -> None:
        self.clear()
        with contextlib.suppress(OSError):
            self.root.rmdir()


# --------------------------------------------------------------------------------------------
# Ordered assembly of parts into the outputs


class Assembler:
    """Appends finished parts to the output in shard order, however they finish.

    Parts that finish early wait on disk (not in memory) until every shard before them is done.
    """

    def __init__(self, layout: PartsLayout, config: ShardConfig, output: str | None,
                 errors: str | None, *, bom: bool = False) -> None:
        self.layout, self.config = layout, config
        self.output, self.errors_path, self.bom = output, errors, bom
        self.finished: set[int] = set()
        self.next = 0
        self._stack = contextlib.ExitStack()
        self._main: Any = None
        self._errors: IO[bytes] | None = None

    def __enter__(self) -> Assembler:
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
        return self

    def _binary_output(self, path: str | None, *, gz: bool) -> IO[bytes]:
        if path is None or path == "-":
            return sys.stdout.buffer
        fh = self._stack.enter_context(atomic_output(path, "wb"))
        if gz:
            # mtime=0 keeps the output byte-identical between runs and executors.
            return self._stack.enter_context(gzip.GzipFile(fileobj=fh, mode="wb", mtime=0))
        return fh

    def shard_done(self, index: int) -> None:
        self.finished.add(index)
        while self.next in self.finished:
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
        self._stack.__exit__(exc_type, exc, tb)


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
