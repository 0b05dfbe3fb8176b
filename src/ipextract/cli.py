"""The `ipextract` command: thin typer commands over the library."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .document import Document, document_schema
from .options import Options
from .pipeline import parse, parse_file
from .writers import atomic_output, dumps, write_json, write_jsonl

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


class Script(str, Enum):
    simplified = "simplified"
    keep = "keep"


def _version(value: bool) -> None:
    if value:
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


def _ref_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[str], typer.Argument(help="Pages to parse (.html, .htm, .txt); '-' reads stdin.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
    script: Annotated[Script, typer.Option(help="Simplified output, or keep the page's script.")] = Script.simplified,
    keep_pinyin: Annotated[bool, typer.Option("--keep-pinyin", help="Keep pinyin annotations like 發(fā).")] = False,
    ref_date: Annotated[
        str | None, typer.Option("--ref-date", help="YYYY-MM-DD for relative dates when the page has none.")
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent JSON output.")] = False,
) -> None:
    """Parse pages into documents (JSON).

    [bold]Examples[/bold]

      ipextract parse page.txt

      ipextract parse a.html b.html -o out.jsonl --format jsonl

      cat page.html | ipextract parse - | jq .title
    """
    options = Options(script=script.value, keep_pinyin=keep_pinyin, ref_date=_ref_date(ref_date))
    docs = [_parse_one(p, options) for p in paths]
    for d in docs:
        if d.error:
            typer.echo(f"ipextract: {d.path}: {d.error}", err=True)
    writer = write_json if format is OutputFormat.json else write_jsonl
    if output is None:
        writer(docs, sys.stdout, pretty=pretty)
        sys.stdout.flush()
    else:
        with atomic_output(output) as fh:
            writer(docs, fh, pretty=pretty)
    if any(d.error for d in docs):
        raise typer.Exit(1)


def _parse_one(path: str, options: Options) -> Document:
    if path == "-":
        return parse(sys.stdin.buffer.read(), options, path="-")
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
    script: Annotated[Script, typer.Option(help="Simplified output, or keep the page's script.")] = Script.simplified,
    keep_pinyin: Annotated[bool, typer.Option("--keep-pinyin", help="Keep pinyin annotations like 發(fā).")] = False,
    ref_date: Annotated[
        str | None, typer.Option("--ref-date", help="YYYY-MM-DD for relative dates when the page has none.")
    ] = None,
) -> None:
    """Show one page's extraction in the terminal: metadata, body with facts highlighted, facts, removed.

    [bold]Examples[/bold]

      ipextract show page.txt

      ipextract show page.html --facts-only

      NO_COLOR=1 ipextract show page.html --removed | less
    """
    from .show import ShowOptions, make_console, show

    options = Options(script=script.value, keep_pinyin=keep_pinyin, ref_date=_ref_date(ref_date))
    doc = _parse_one(path, options)
    console = make_console(no_color=no_color or bool(os.environ.get("NO_COLOR")), width=width)
    show(doc, console, ShowOptions(body=not no_body, facts_only=facts_only, removed_all=removed), pager=pager)
    if doc.error:
        typer.echo(f"ipextract: {doc.path}: {doc.error}", err=True)
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point: UTF-8 streams whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    app()
