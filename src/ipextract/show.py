"""The human view of one extraction: what was found, which numbers were taken, what was thrown away.

Rendering goes through rich; with colour off (NO_COLOR, --no-color, or output that is not a
terminal) the same layout is written as plain text and the facts are marked with «…» so they stay
visible without styles.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .document import Document, Fact
from .errors import printable

#: Colour per fact kind; chosen to stay readable on dark and light terminals.
KIND_STYLES: dict[str, str] = {
    "money": "bold black on green",
    "count": "bold black on cyan",
    "percent": "bold black on yellow",
    "points": "bold black on bright_yellow",
    "multiple": "bold black on magenta",
    "area": "bold black on bright_blue",
    "weight": "bold black on bright_cyan",
    "energy": "bold black on bright_red",
    "other": "bold black on white",
}

#: How each removed kind is described to a person.
REMOVED_LABELS: dict[str, str] = {
    "chrome_lines": "chrome lines (print/close/font-size/share toolbars)",
    "meta_lines": "metadata lines (date/source/author labels)",
    "breadcrumb_lines": "breadcrumb lines",
    "spam_blocks": "spam blocks",
    "hidden_elements": "hidden HTML elements",
    "boilerplate_elements": "boilerplate HTML elements (nav, footer, scripts …)",
    "pinyin_annotations": "pinyin annotations",
    "lost_char_runs": "runs of ? for lost characters",
    "invisible_chars": "invisible characters (zero-width, bidi controls)",
}

_PREVIEW = 40


@dataclass(frozen=True, slots=True)
class ShowOptions:
    """What to render. `removed_all` lists every removed item instead of a preview per kind."""

    body: bool = True
    facts_only: bool = False
    removed_all: bool = False


def render(doc: Document, options: ShowOptions | None = None, *, plain: bool = False) -> RenderableType:
    """Build the renderable for `doc`; `plain` marks facts with «» because styles will not show."""
    options = options or ShowOptions()
    if doc.error:
        return Panel(
            Text(printable(f"{doc.path or '-'}: {doc.error}"), style="bold red"),
            title=f"error: {doc.error_kind or 'failed'}",
            box=box.ASCII if plain else box.ROUNDED,
        )
    frame = box.ASCII if plain else box.ROUNDED
    parts: list[RenderableType] = []
    if not options.facts_only:
        parts.append(header_panel(doc, frame))
        if options.body:
            parts.append(Panel(highlighted_body(doc, plain=plain), title="Body", title_align="left", box=frame))
    parts.append(facts_table(doc.facts, frame))
    if not options.facts_only:
        parts.append(removed_panel(doc, frame, every=options.removed_all))
    return Group(*parts)


def header_panel(doc: Document, frame: box.Box) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    rows = [
        ("title", doc.title),
        ("published_at", doc.published_at),
        ("source", doc.source),
        ("author", doc.author),
        ("breadcrumb", " > ".join(doc.breadcrumb) if doc.breadcrumb else None),
        ("url", doc.url),
        ("encoding", doc.encoding),
        ("script", doc.script),
        ("format", doc.format),
    ]
    if doc.gov is not None:  # the disclosure table's stated fields, as `gov.<key>`
        rows += [(f"gov.{name}", value) for name, value in doc.gov.to_dict().items() if value]
    for name, value in rows:
        grid.add_row(name, Text(printable(value)) if value else Text("—", style="dim"))
    for warning in doc.warnings:
        grid.add_row("warning", Text(printable(warning), style="yellow"))
    return Panel(grid, title=Text(printable(doc.path or "-")), title_align="left", box=frame)


def highlighted_body(doc: Document, *, plain: bool = False) -> Text:
    """The body with each fact styled by kind and followed by its number, e.g. 1.43亿元[6]."""
    text = Text()
    cursor = 0
    for number, fact in sorted(enumerate(doc.facts, 1), key=lambda item: item[1].span[0]):
        start, end = fact.span
        if start < cursor or end > len(doc.text) or start >= end:
            continue
        text.append(doc.text[cursor:start])
        surface = doc.text[start:end]
        text.append(f"«{surface}»" if plain else surface, style=KIND_STYLES.get(fact.kind, KIND_STYLES["other"]))
        text.append(f"[{number}]", style="bold")
        cursor = end
    text.append(doc.text[cursor:])
    return text


def facts_table(facts: list[Fact], frame: box.Box) -> Table:
    table = Table(title=f"Facts ({len(facts)})", title_justify="left", box=frame, show_lines=False)
    for name, justify in (
        ("#", "right"), ("text", "left"), ("value", "right"), ("unit", "left"), ("qualifier", "left"),
        ("change", "left"), ("date", "left"), ("metric", "left"),
    ):
        table.add_column(name, justify=justify, overflow="fold")
    for number, f in enumerate(facts, 1):
        value = _number(f.value) + ("" if f.value_max is None else f"–{_number(f.value_max)}")
        table.add_row(
            str(number),
            Text(f.text, style=KIND_STYLES.get(f.kind, "")),
            value,
            f.unit,
            f.qualifier,
            f.change or "",
            f.date or "",
            f.metric or "",
        )
    return table


def removed_panel(doc: Document, frame: box.Box, *, every: bool = False) -> Panel:
    """Counts of what was thrown away; a preview of each removed item, or all of them with `every`."""
    lines = Text()
    counts = Counter({k: v for k, v in doc.removed.items() if v})
    if not counts:
        lines.append("nothing removed", style="dim")
    items_by_kind: dict[str, list[str]] = {}
    for item in doc.removed_items:
        items_by_kind.setdefault(item.kind, []).append(item.text)
    for kind, count in counts.items():
        lines.append(f"{count:>6}  {REMOVED_LABELS.get(kind, kind)}\n", style="bold")
        shown = items_by_kind.get(kind, [])
        limit = len(shown) if every else 3
        for snippet in shown[:limit]:
            one_line = " ".join(snippet.split())
            if not every and len(one_line) > _PREVIEW:
                one_line = one_line[:_PREVIEW] + "…"
            lines.append(f"        - {printable(one_line)}\n", style="dim")
        if len(shown) > limit:
            lines.append(f"        … {len(shown) - limit} more (--removed lists all)\n", style="dim")
    lines.rstrip()
    return Panel(lines, title="Removed", title_align="left", box=frame)


def _number(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1e6 else f"{x:g}"


def make_console(*, no_color: bool = False, width: int | None = None, file=None) -> Console:
    """A console honouring --no-color / NO_COLOR; output that is not a terminal gets no escape codes."""
    if no_color:
        return Console(color_system=None, no_color=True, width=width, file=file, highlight=False,
                       force_terminal=False, emoji=False)
    return Console(width=width, file=file, highlight=False, emoji=False)


def show(
    doc: Document,
    console: Console,
    options: ShowOptions | None = None,
    *,
    pager: bool = False,
) -> None:
    """Print the rendering of `doc` to `console`, through rich's pager when asked and on a terminal."""
    plain = console.no_color or console.color_system is None or not console.is_terminal
    renderable = render(doc, options, plain=plain)
    if pager and console.is_terminal:
        with _less_shows_colours(not plain), console.pager(styles=not plain):
            console.print(renderable)
    else:
        console.print(renderable)


@contextmanager
def _less_shows_colours(styled: bool) -> Iterator[None]:
    """rich's pager is pydoc's, which runs `less` without -R: styled output would show as raw
    escape codes. -R is added to $LESS for the pager's run (the user's other flags stay)."""
    before = os.environ.get("LESS")
    if styled and not ({"R", "r"} & set((before or "").replace("-", ""))):
        os.environ["LESS"] = f"{before} -R" if before else "-R"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("LESS", None)
        else:
            os.environ["LESS"] = before
