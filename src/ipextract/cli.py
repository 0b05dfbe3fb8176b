"""The `ipextract` command: thin typer commands over the library.

Options shared by several commands are declared once, as `Annotated` aliases below, so a flag
means the same thing (and is documented the same way) wherever it appears.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from .allocator import keep_heap
from .document import Document, document_schema
from .errors import printable
from .options import DEFAULT_MAX_BYTES, Options
from .pipeline import parse, parse_file
from .writers import OutputError, atomic_output, dumps

if TYPE_CHECKING:
    from .batch import BatchConfig, BatchResult

T = TypeVar("T")

app = typer.Typer(
    name="ipextract",
    help="Clean Simplified text, metadata and dated numeric facts from saved Chinese government pages.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Script(str, Enum):
    simplified = "simplified"
    keep = "keep"


class ExecutorName(str, Enum):
    local = "local"
    ray = "ray"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


# --------------------------------------------------------------------------------------------
# Options, declared once

ScriptOption = Annotated[Script, typer.Option("--script", help="Simplified output, or keep the page's script.")]
KeepPinyinOption = Annotated[bool, typer.Option("--keep-pinyin", help="Keep pinyin annotations like 發(fā).")]
RefDateOption = Annotated[
    dt.date | None,
    typer.Option("--ref-date", parser=_date, metavar="YYYY-MM-DD",
                 help="YYYY-MM-DD for relative dates when the page has none."),
]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", min=1, help="Larger documents get error too_large.")]
BomOption = Annotated[bool, typer.Option("--bom", help="CSV: start with a UTF-8 byte-order mark (for Excel).")]

# batch
InputsArgument = Annotated[
    list[str],
    typer.Argument(help="Pages, folders, .gz pages, .zip/.tar/.tar.gz/.tgz/.warc/.warc.gz; '-' = paths on stdin."),
]
BatchOutputOption = Annotated[
    str, typer.Option("--output", "-o", help="Output (.jsonl .ndjson .csv [.gz], DIR.parquet); '-' is stdout.")
]
BatchFormatOption = Annotated[
    BatchFormat | None,
    typer.Option("--format", "-f", help="Output format (default: from the output's extension; jsonl on stdout)."),
]
ErrorsOption = Annotated[
    str | None, typer.Option("--errors", help="Write error records (JSONL) here instead of into the output.")
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", "-j", min=1, help="Worker processes (default: all cores).")
]
ExecutorOption = Annotated[ExecutorName, typer.Option("--executor", help="Run on this machine, or on Ray.")]
RayAddressOption = Annotated[
    str | None, typer.Option("--ray-address", help="Ray cluster: auto or ray://host:10001 (default: a local Ray).")
]
ResumeOption = Annotated[bool, typer.Option("--resume", help="Go on from an interrupted run's finished parts.")]
OverwriteOption = Annotated[bool, typer.Option("--overwrite", help="Start over, deleting an earlier run's parts.")]
RetryErrorsOption = Annotated[
    bool, typer.Option("--retry-errors", help="With --resume: run again shards with timeout or crash records.")
]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first document that fails.")]
IncludeOption = Annotated[
    list[str] | None, typer.Option("--include", help="Glob of folder files / archive members to take (repeatable).")
]
ExcludeOption = Annotated[list[str] | None, typer.Option("--exclude", help="Glob to leave out (repeatable).")]
StatsOption = Annotated[str | None, typer.Option("--stats", help="Write the run summary here as JSON.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]
WorkDirOption = Annotated[
    str | None, typer.Option("--work-dir", help="Folder for part files and done markers (default: OUTPUT.parts).")
]
KeepPartsOption = Annotated[bool, typer.Option("--keep-parts", help="Keep the part files after a run.")]
ShardSizeOption = Annotated[int, typer.Option("--shard-size", min=1, help="Documents per part file.")]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0, help="Seconds per document before error timeout (0 = none).")
]


def _options(
    script: Script, keep_pinyin: bool, ref_date: dt.date | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Options:
    return Options(script=script.value, keep_pinyin=keep_pinyin, ref_date=ref_date, max_bytes=max_bytes)


def _report(message: str) -> None:
    """One line on stderr per problem."""
    typer.echo(printable(message), err=True)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"ipextract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """Turn saved Chinese government news pages into clean text and tables of dated numbers."""


# --------------------------------------------------------------------------------------------
# parse, schema, show


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[str], typer.Argument(help="Pages to parse (.html, .htm, .txt); '-' reads stdin.")],
    format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="Output format (default: from the -o extension; json on stdout)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write here (.json .jsonl .ndjson .csv [.gz], DIR.parquet), not stdout."),
    ] = None,
    script: ScriptOption = Script.simplified,
    keep_pinyin: KeepPinyinOption = False,
    ref_date: RefDateOption = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent JSON output.")] = False,
    bom: BomOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Parse pages into documents (JSON), or their facts as CSV rows (--format csv).

    [bold]Examples[/bold]

      ipextract parse page.txt

      ipextract parse a.html b.html -o out.jsonl

      cat page.html | ipextract parse - | jq .title

      ipextract parse *.html --bom -o facts.csv
    """
    from .outputs import ParseOutput, refuse_archive

    target = _usage(lambda: ParseOutput.plan(output, format.value if format else None, pretty=pretty, bom=bom))
    for path in paths:
        _usage(lambda p=path: refuse_archive(p))
    options = _options(script, keep_pinyin, ref_date, max_bytes)
    if len(paths) > 1:
        keep_heap()  # page after page: reuse the heap (see ipextract.allocator)
    docs = [_parse_one(p, options) for p in paths]
    for d in docs:
        if d.error:
            _report(f"ipextract: {d.path}: {d.error}")
    try:
        target.write(docs)
    except OSError as exc:
        _report(f"ipextract: {exc if isinstance(exc, OutputError) else _describe(exc, output)}")
        raise typer.Exit(1) from None
    if any(d.error for d in docs):
        raise typer.Exit(1)


def _usage(step: Callable[[], T], command: str = "ipextract") -> T:
    """Run a check whose ValueError is a usage error: one line, exit status 2."""
    try:
        return step()
    except (ValueError, OutputError) as exc:
        _report(f"{command}: {exc}")
        raise typer.Exit(2) from None


def _describe(exc: OSError, path: str | None) -> str:
    from .writers import describe

    return describe(exc, path or "-")


def _parse_one(path: str, options: Options) -> Document:
    if path == "-":
        # Read one byte past the limit, not the whole stream: an endless pipe must not fill memory.
        return parse(sys.stdin.buffer.read(options.max_bytes + 1), options, path="-")
    return parse_file(path, options)


@app.command("schema")
def schema_cmd(
    pretty: Annotated[bool, typer.Option("--pretty/--compact", help="Indent the schema.")] = True,
) -> None:
    """Print the JSON Schema of a document.

    [bold]Example[/bold]

      ipextract schema > document.schema.json
    """
    typer.echo(dumps(document_schema(), pretty=pretty))


@app.command("show")
def show_cmd(
    path: Annotated[str, typer.Argument(help="The page to show (.html, .htm, .txt); '-' reads stdin.")],
    no_body: Annotated[bool, typer.Option("--no-body", help="Leave out the body text.")] = False,
    facts_only: Annotated[bool, typer.Option("--facts-only", help="Only the facts table.")] = False,
    removed: Annotated[bool, typer.Option("--removed", help="List every removed line, not a preview.")] = False,
    width: Annotated[int | None, typer.Option("--width", min=20, help="Render at this many columns.")] = None,
    pager: Annotated[bool, typer.Option("--pager", help="Page long output (on a terminal).")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours or styles (also NO_COLOR=1).")] = False,
    script: ScriptOption = Script.simplified,
    keep_pinyin: KeepPinyinOption = False,
    ref_date: RefDateOption = None,
) -> None:
    """Show one page's extraction in the terminal: metadata, body with facts highlighted, facts, removed.

    [bold]Examples[/bold]

      ipextract show page.txt

      ipextract show page.html --facts-only

      NO_COLOR=1 ipextract show page.html --removed | less
    """
    from .show import ShowOptions, make_console, show

    doc = _parse_one(path, _options(script, keep_pinyin, ref_date))
    console = make_console(no_color=no_color or bool(os.environ.get("NO_COLOR")), width=width)
    show(doc, console, ShowOptions(body=not no_body, facts_only=facts_only, removed_all=removed), pager=pager)
    if doc.error:
        _report(f"ipextract: {doc.path}: {doc.error}")
        raise typer.Exit(1)


# --------------------------------------------------------------------------------------------
# batch


@app.command("batch")
def batch_cmd(
    inputs: InputsArgument,
    output: BatchOutputOption = "-",
    format: BatchFormatOption = None,
    errors: ErrorsOption = None,
    workers: WorkersOption = None,
    executor: ExecutorOption = ExecutorName.local,
    ray_address: RayAddressOption = None,
    resume: ResumeOption = False,
    overwrite: OverwriteOption = False,
    retry_errors: RetryErrorsOption = False,
    fail_fast: FailFastOption = False,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    stats: StatsOption = None,
    quiet: QuietOption = False,
    bom: BomOption = False,
    work_dir: WorkDirOption = None,
    keep_parts: KeepPartsOption = False,
    shard_size: ShardSizeOption = 100,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    timeout: TimeoutOption = 30.0,
    script: ScriptOption = Script.simplified,
    keep_pinyin: KeepPinyinOption = False,
    ref_date: RefDateOption = None,
) -> None:
    """Parse whole crawls: folders, archives and WARCs into one JSONL, CSV or Parquet output.

    Every input document gives exactly one record (with [bold]error[/bold] set when it failed).
    Exit status: 0 all parsed, 1 some failed, 2 usage error. Killed at any point, run the same
    command again with --resume to finish: nothing is lost or duplicated.

    [bold]Examples[/bold]

      ipextract batch crawl/ -o docs.jsonl

      ipextract batch dump.zip site.warc.gz pages/ -o docs.jsonl.gz --errors errors.jsonl --stats stats.json

      ipextract batch pages/ --include '*.html' --exclude 'archive/*' -f csv --bom -o facts.csv

      find crawl -name '*.htm' | ipextract batch - -o docs.jsonl -j 4

      ipextract batch crawl.warc.gz -f parquet -o tables/ --resume

      ipextract batch s3-mounted/crawl/ -o /shared/out.jsonl --executor ray --ray-address auto
    """
    from .batch import BatchConfig
    from .sources import Selection

    fmt = _usage(lambda: _batch_output(output, format.value if format else None, errors), "ipextract batch")
    temp_parts = _stream_parts_dir(output) if work_dir is None else None
    work_dir = work_dir or temp_parts
    config = BatchConfig(
        output=output, format=fmt, errors=errors, options=_options(script, keep_pinyin, ref_date, max_bytes),
        timeout=timeout or None, selection=Selection(tuple(include or ()), tuple(exclude or ())),
        executor=executor.value, workers=workers, ray_address=ray_address, shard_docs=shard_size,
        resume=resume, overwrite=overwrite, retry_errors=retry_errors, fail_fast=fail_fast,
        work_dir=work_dir, keep_parts=keep_parts, bom=bom,
        progress=not quiet and sys.stderr.isatty(),
    )
    paths = _expand_stdin(inputs)
    _report_missing(paths)
    try:
        result = _run_batch(paths, config)
    finally:
        if temp_parts is not None:
            shutil.rmtree(temp_parts, ignore_errors=True)
    _report_batch(result, stats_path=stats, quiet=quiet)


def _report_missing(paths: list[str]) -> None:
    """Name each input that does not exist, as parse does; it still gets its `not_found` record."""
    for path in paths:
        if not os.path.exists(path):  # a broken symlink too: there is nothing to read
            _report(f"ipextract batch: {path}: no such file")


class _Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler, `kill`): stop as Ctrl-C does, with the same message."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _stream_parts_dir(output: str) -> str | None:
    """A temporary parts folder for an output written in place (a FIFO, /dev/stdout): beside it,
    `OUTPUT.parts` would be made in /dev or next to a pipe, and a stream cannot be resumed."""
    from .writers import is_stream

    if output == "-" or not is_stream(output):
        return None
    return tempfile.mkdtemp(prefix="ipextract-parts-")


def _batch_output(output: str, given: str | None, errors: str | None) -> str:
    """The batch format, after checking the outputs can be written (before any part is made)."""
    from .writers import check_output, output_format, require_pyarrow

    fmt = output_format(output, given, default="jsonl", offered=tuple(f.value for f in BatchFormat)).format
    if fmt == "parquet":
        if output == "-":
            raise ValueError("Parquet output needs -o FOLDER (e.g. -o tables.parquet)")
        require_pyarrow()
    if output != "-":
        check_output(output, folder=fmt == "parquet")
    if errors not in (None, "-"):
        check_output(errors)
    return fmt


def _expand_stdin(inputs: list[str]) -> list[str]:
    """`-` among the inputs stands for the paths listed on stdin."""
    if "-" not in inputs:
        return inputs
    from .sources import read_path_list

    listed = read_path_list(sys.stdin)
    return [q for p in inputs for q in (listed if p == "-" else [p])]


def _run_batch(inputs: list[str], config: BatchConfig) -> BatchResult:
    """run_batch, with its failures as one line on stderr and the exit status they mean."""
    import signal

    from .batch import BatchError, run_batch
    from .batch.config import RunError

    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return run_batch(inputs, config)
    except BatchError as exc:
        _report(f"ipextract batch: {exc}")
        raise typer.Exit(2) from None
    except OutputError as exc:
        _report(f"ipextract batch: {exc}")
        raise typer.Exit(1) from None
    except RunError as exc:
        _report(f"ipextract batch: {exc}")
        raise typer.Exit(1) from None
    except OSError as exc:
        _report(f"ipextract batch: {_describe(exc, config.output) if exc.filename is None else exc}")
        raise typer.Exit(1) from None
    except RuntimeError as exc:
        _report(f"ipextract batch: {exc}")
        raise typer.Exit(1) from None
    except KeyboardInterrupt as exc:
        how = "terminated" if isinstance(exc, _Terminated) else "interrupted"
        if config.to_stdout and config.work_dir is None:
            hint = "the output is incomplete; run again (with --work-dir DIR a run to stdout can --resume)"
        else:
            hint = "run the same command with --resume to finish"
        _report(f"ipextract batch: {how}; {hint}")
        raise typer.Exit(143 if how == "terminated" else 130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _report_batch(result: BatchResult, *, stats_path: str | None, quiet: bool) -> None:
    """The --stats file, the summary line, and exit status 1 when anything failed or stopped."""
    from .batch import summary_line

    if stats_path:
        with atomic_output(stats_path) as fh:
            fh.write(dumps(result.to_dict(), pretty=True) + "\n")
    if not quiet:
        typer.echo(summary_line(result), err=True)
    if result.stats.documents == 0 and not result.stopped_early:
        typer.echo("ipextract batch: no input documents found (check the paths and --include/--exclude)", err=True)
    if result.stopped_early:
        _report(f"ipextract batch: stopped at {result.first_failure}; --resume goes on")
    if result.stopped_early or result.stats.failed:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point: UTF-8 streams whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    app()
