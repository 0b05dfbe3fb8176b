"""What a batch run is given: `BatchConfig` for the whole run, `ShardConfig` for each shard.

`ShardConfig` is the part every worker needs (parse options, output format, the time limit); it
crosses to worker processes and Ray tasks as plain data, and its fingerprint is written beside
the parts so that --resume never mixes parts made with other settings. `BatchConfig` adds what
only the driver needs: where the output goes, which inputs are taken, how the shards are run.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass, field

from ..distribution import install_hint
from ..options import Options
from ..sources import Limits, Selection
from ..writers.atomic import describe

FORMATS = ("jsonl", "csv", "parquet")
EXECUTORS = ("local", "ray")
DEFAULT_SHARD_DOCS = 100
DEFAULT_SHARD_BYTES = 32 * 1024 * 1024
#: Bumped when part files change shape, so --resume never mixes parts of two versions.
LAYOUT_VERSION = 1


class BatchError(Exception):
    """A run cannot start or go on (bad parts directory, changed inputs): a usage-level problem."""


class RunError(Exception):
    """The run could not finish (a write failed, a worker could not go on): exit status 1.

    The finished parts are kept, so the message says how --resume finishes the run.
    """


class AssemblyError(RunError):
    """Writing an output failed (a full disk, a lost mount): the output is left as it was."""

    def __init__(self, path: str, exc: OSError) -> None:
        self.path, self.cause = path, exc
        super().__init__(f"{describe(exc, path)}; it was not changed. The finished parts are "
                         "kept: fix the cause and run the same command with --resume to finish")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class ShardConfig:
    """Everything `run_shard` needs besides the shard itself; identical for every executor.

    split_errors: error records go to their own part files (for --errors) instead of the output.
    timeout: seconds a document may take before it gets an error record `timeout` (None: no limit).
    """

    options: Options = field(default_factory=Options)
    format: str = "jsonl"
    split_errors: bool = False
    timeout: float | None = None

    @property
    def limits(self) -> Limits:
        """Reading obeys the parse's own `max_bytes`: one limit, set once."""
        return Limits.for_options(self.options)

    def fingerprint(self) -> str:
        return sha1(repr((LAYOUT_VERSION, self.options, self.limits, self.format, self.split_errors)))


@dataclass(frozen=True, slots=True)
class BatchConfig:
    """One batch run.

    output: the output file (.jsonl, .jsonl.gz, .csv), a folder for Parquet; None or '-' is stdout.
    errors: error records (JSONL) go here instead of into the output.
    selection: --include/--exclude for folder files and archive members.
    executor: "local" (a process pool of `workers`, default all cores) or "ray" (`ray_address`
        joins a cluster; None starts a local Ray for the run).
    shard_docs: documents per shard (one part file each).
    resume: go on from the finished parts of an interrupted run with the same settings.
    overwrite: start over when the parts folder holds an earlier run's parts (without it, and
        without resume, such a run is refused rather than deleting finished work).
    retry_errors: with resume, run again the shards whose records include a transient error
        (`timeout`, `crashed`, `worker_crashed`: a stopped job or a killed worker, not the page).
    fail_fast: stop at the first document that fails.
    work_dir: folder for part files and done markers (default `<output>.parts`); keep_parts keeps
        them after the run.
    bom: CSV output starts with a UTF-8 byte-order mark (for Excel).
    progress: show a progress bar on stderr.
    """

    output: str | None = None
    format: str = "jsonl"
    errors: str | None = None
    options: Options = field(default_factory=Options)
    timeout: float | None = None
    selection: Selection = field(default_factory=Selection)
    executor: str = "local"
    workers: int | None = None
    ray_address: str | None = None
    shard_docs: int = DEFAULT_SHARD_DOCS
    resume: bool = False
    overwrite: bool = False
    retry_errors: bool = False
    fail_fast: bool = False
    work_dir: str | None = None
    keep_parts: bool = False
    bom: bool = False
    progress: bool = False

    @property
    def to_stdout(self) -> bool:
        return self.output in (None, "-")

    @property
    def shard(self) -> ShardConfig:
        return ShardConfig(options=self.options, format=self.format, split_errors=self.errors is not None,
                           timeout=self.timeout or None)

    def check(self) -> None:
        """Raise BatchError for settings that cannot work together."""
        if self.format not in FORMATS:
            raise BatchError(f"unknown format {self.format!r} ({', '.join(FORMATS)})")
        if self.executor not in EXECUTORS:
            raise BatchError(f"unknown executor {self.executor!r} ({' or '.join(EXECUTORS)})")
        if self.resume and self.overwrite:
            raise BatchError("--resume and --overwrite cannot be used together")
        if self.format == "parquet" and self.to_stdout:
            raise BatchError("Parquet output needs -o DIR")
        # Checked before anything is written: failing in the first shard left a parts folder.
        if self.format == "parquet" and importlib.util.find_spec("pyarrow") is None:
            raise BatchError(f"Parquet output needs pyarrow: {install_hint('parquet')}")
