"""The rendered text of a tree as lines, the way a browser lays it out, in one walk.

Block elements and <br> start a new line; inline elements never do, so `<font>2883.5</font>亿元`
stays one number. A data table's row becomes one line with its cells joined by a tab. Elements
that are never rendered (script, style, hidden by CSS) are skipped and recorded; elements that
are rendered but are page furniture (nav, header, footer, aside, form) are walked, but their lines
are marked `chrome` so they can serve metadata and never the body.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

import lxml.etree

from ...resources import patterns
from .dom import LIBXML_MAX_DEPTH, Element, text_length, text_of
from .visibility import HiddenSelectors, element_hidden, hidden_selectors

_P = patterns("layout")

BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "legend",
    )
)
#: Never rendered as text, or widgets whose text is not page content; skipped without a count.
SILENT_TAGS = frozenset(
    (
        "script", "style", "template", "head", "title", "meta", "link", "base", "svg", "math",
        "canvas", "object", "embed", "applet", "audio", "video", "map", "select", "option",
        "optgroup", "datalist", "textarea", "button", "input",
    )
)
#: Counted as boilerplate elements when skipped.
DROPPED_TAGS = frozenset(("noscript", "iframe", "frameset", "frame"))
#: Rendered furniture: walked for metadata, never used as article text.
CHROME_TAGS = frozenset(("nav", "header", "footer", "aside", "form"))
_CHROME_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search", "menu"))
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD_TAGS = frozenset(("b", "strong"))
_CELL_TAGS = frozenset(("td", "th"))


#: A table cell longer than this is page layout, not data.
_MAX_DATA_CELL = 300
#: How much of a dropped element's text is kept for `ipextract show --removed`.
RECORD_CHARS = 200
#: Furniture tags holding this much text, and 40 % of the page, are page wrappers, not furniture.
_MIN_WRAPPER = 100
_WRAPPER_SHARE = 0.4


def fold(text: str) -> str:
    """White space folded to single spaces, invisible characters (zero-width, soft hyphen) removed."""
    text = " ".join(text.split())
    if text.isprintable():  # each invisible character is a format character, never printable
        return text
    return " ".join(_P.invisible.sub("", text).split())


@dataclass(slots=True)
class RenderedLine:
    """One rendered line and what the layout says about it."""

    text: str
    owner: Element
    index: int = 0
    #: Depth of `owner` below the walk's start element (the start element has depth 1).
    depth: int = 1
    link_chars: int = 0
    chrome: bool = False
    heading: int = 0
    bold: bool = False
    centered: bool = False
    row: bool = False
    image_before: bool = False
    #: The text runs the line was assembled from (text nodes), as found in the page.
    raw_parts: tuple[str, ...] = ()

    @property
    def parts(self) -> tuple[str, ...]:
        """The non-empty text runs, whitespace folded: for splitting label values at run ends."""
        return tuple(p for p in map(fold, self.raw_parts) if p)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass(slots=True)
class Layout:
    """The rendered lines of a page, and how deep its tree went (`truncated`: to libxml2's limit)."""

    lines: list[RenderedLine] = field(default_factory=list)
    max_depth: int = 0
    truncated: bool = False


#: `record(kind, text)`: told of every skipped element that carried text.
Recorder = Callable[[str, str], None]


def lay_out(root: Element, record: Recorder, *, max_depth: int = 512) -> Layout:
    """Walk the tree once and return its rendered lines.

    `record(kind, text)` is called for every skipped element that carried text, with kind
    "hidden_elements" or "boilerplate_elements". Below `max_depth` levels (runaway unclosed tags)
    elements still give their text but no longer break lines.
    """
    # A <style> holds raw text only (the HTML parser makes no children inside it).
    selectors = hidden_selectors([s.text or "" for s in root.iter("style")])
    body = root.find("body")
    return _Walker(body if body is not None else root, record, selectors, max_depth).walk()


@dataclass(slots=True)
class _Draft:
    """The line being assembled, and what the open elements said when its first text came."""

    owner: Element | None
    depth: int
    heading: int
    chrome: bool
    centered: bool
    #: The line is a row of a data table: its cells are joined by tabs.
    row: bool
    #: The text runs (text nodes) as found.
    runs: list[str] = field(default_factory=list)
    #: The visible characters (see _visible_chars) of the runs inside links and inside bold text.
    link_chars: int = 0
    bold_chars: int = 0
    #: Where each table cell after the first starts, as an index into `runs`.
    cell_starts: list[int] = field(default_factory=list)

    def cells(self) -> list[str]:
        if not self.cell_starts:
            return ["".join(self.runs)]
        bounds = [0, *self.cell_starts, len(self.runs)]
        return ["".join(self.runs[a:b]) for a, b in pairwise(bounds)]

    def finish(self, index: int, image_before: bool) -> RenderedLine | None:
        """The finished line, or None when it has no text or no block to belong to."""
        text = self._text()
        if not text or self.owner is None:
            return None
        link_chars, bold = self._shares(len(text))
        row = self.row and "\t" in text
        return RenderedLine(
            text, self.owner, index, self.depth, link_chars, self.chrome, self.heading, bold, self.centered, row,
            image_before, tuple(self.runs),
        )

    def _text(self) -> str:
        """The folded text: a row's cells joined by tabs (without empty cells at its ends)."""
        if not self.row:
            return fold(" ".join(self.cells()))
        cells = [fold(cell) for cell in self.cells()]
        while cells and not cells[-1]:
            cells.pop()
        while cells and not cells[0]:
            cells.pop(0)
        return "\t".join(cells)

    def _shares(self, size: int) -> tuple[int, bool]:
        """The line's link characters (their share of the text, scaled to its folded length) and
        whether nine tenths of it are bold."""
        if not self.link_chars and not self.bold_chars:
            return 0, False
        counted = max(1, _visible_chars("".join(self.runs)))
        return min(size, round(self.link_chars * size / counted)), self.bold_chars >= counted * 0.9


def _visible_chars(text: str) -> int:
    """Characters that count for link and bold shares: all but spaces and line breaks."""
    return len(text) - text.count(" ") - text.count("\n")


#: What undoes an open element's effect on the walk when the element ends.
Closer = Callable[[], None]
#: What the walk does with a tag: skip it silently, drop it (recorded), break the line, note an
#: image, open a block or a link; other tags are inline.
_TAG_KINDS = (
    dict.fromkeys(SILENT_TAGS, "silent")
    | dict.fromkeys(DROPPED_TAGS, "dropped")
    | dict.fromkeys(BLOCK_TAGS, "block")
    | {"br": "break", "img": "image", "a": "link"}
)
#: Tags that mark text as furniture, bold, a heading or centred (attributes aside).
_MARK_TAGS = CHROME_TAGS | _BOLD_TAGS | _HEADINGS.keys() | {"center"}
_READ_ATTRIBUTES = frozenset(("style", "hidden", "role", "align"))


class _Walker:
    """One walk over the tree in document order, assembling the rendered lines.

    An element's start opens what it is (a block, a row, a cell, a link, bold or centred text,
    a heading, furniture) and returns the closers that undo each of those at its end; its text
    and then, after its end, its tail join the line being assembled.
    """

    def __init__(self, start: Element, record: Recorder, selectors: HiddenSelectors, max_depth: int) -> None:
        self.start = start
        self.record = record
        self.selectors = selectors
        self.max_depth = max_depth
        self.lines: list[RenderedLine] = []
        self.draft: _Draft | None = None
        #: The open blocks with their depths, innermost last: a line belongs to the innermost.
        self.blocks: list[tuple[Element, int]] = []
        self.headings: list[int] = []
        #: How many open elements make text a link, bold, centred or furniture.
        self.links = self.bold = self.centered = self.chrome = 0
        self.data_tables = 0
        #: A data table's row is open; how many of its cells have opened; how deep in cells the
        #: walk is (blocks inside a cell do not break the row's line).
        self.row_open = False
        self.cells_in_row = 0
        self.cells = 0
        self.image_seen = False
        self.deepest = 0
        #: Furniture holding this much text wraps the page (measured when first needed).
        self.wrapper_size: int | None = None
        #: The attributes the walk reads (id and class only when the page's styles hide some).
        self.read_attributes = _READ_ATTRIBUTES | selectors.attributes()

    def walk(self) -> Layout:
        events = lxml.etree.iterwalk(self.start, events=("start", "end", "comment", "pi"))
        # The closers of the open elements: the stack's size is the depth of the next one.
        open_closers: list[tuple[Closer, ...]] = []
        for event, el in events:
            if event == "start":
                depth = len(open_closers) + 1
                if depth > self.deepest:
                    self.deepest = depth
                closers = self._start(el, depth)
                if closers is None:  # nothing inside is rendered
                    events.skip_subtree()
                    closers = ()
                open_closers.append(closers)
            elif event == "end":
                for close in open_closers.pop():
                    close()
                # lxml builds a new string on each read of .text or .tail: each is read once.
                if tail := el.tail:
                    self._add(tail)
            elif tail := el.tail:  # a comment or a processing instruction: only its tail is text
                self._add(tail)
        self._flush()
        return Layout(self.lines, self.deepest, self.deepest >= LIBXML_MAX_DEPTH - 2)

    # -- an element's start ----------------------------------------------------------------------

    def _start(self, el: Element, depth: int) -> tuple[Closer, ...] | None:
        """Open an element: its closers, or None when its subtree is skipped."""
        tag = el.tag
        kind = _TAG_KINDS.get(tag)
        if kind == "silent":
            return None
        if depth > self.max_depth:
            return self._transparent(el)
        if kind == "dropped":
            self._record("boilerplate_elements", text_of(el))
            return None
        style = role = align = None
        # Most elements carry no attribute the walk reads (only class, href, src …).
        if not self.read_attributes.isdisjoint(el.keys()):
            style = el.get("style")
            if element_hidden(el, self.selectors, style):
                self._record("hidden_elements", text_of(el))
                return None
            role, align = el.get("role"), el.get("align")
        closers: tuple[Closer, ...] = ()
        if kind == "block":
            closers = (self._open_block(el, tag, depth),)
            if tag == "table" and not self.cells and _is_data_table(el):
                closers += (self._open_data_table(),)
        elif kind == "link":
            closers = (self._open_link(),)
        elif kind == "break":
            self._line_break()
            return ()
        elif kind == "image":
            self.image_seen = True
            return ()
        if tag in _MARK_TAGS or style or role or align:
            closers += self._open_marks(el, tag, style, role, align)
        if text := el.text:
            self._add(text)
        return closers

    def _transparent(self, el: Element) -> tuple[Closer, ...]:
        """Past the depth guard elements give their text, their structure no longer counts."""
        if el.tag == "br":
            self._flush()
        else:
            self._add(el.text)
        return ()

    def _line_break(self) -> None:
        """<br>: a new line, but only a space inside a table cell."""
        if self.cells:
            self._add(" ")
        else:
            self._flush()

    # -- blocks, rows and cells ------------------------------------------------------------------

    def _open_block(self, el: Element, tag: str, depth: int) -> Closer:
        if tag == "tr" and self.data_tables and not self.cells:
            self._flush()
            self.row_open, self.cells_in_row = True, 0
        elif tag in _CELL_TAGS and self.data_tables and self.row_open and not self.cells:
            return self._open_cell(el, depth)
        elif not self.cells:
            self._flush()
        self.blocks.append((el, depth))
        return self._close_row if tag == "tr" else self._close_block

    def _close_block(self) -> None:
        if not self.cells:
            self._flush()
        self.blocks.pop()

    def _close_row(self) -> None:
        """The end of a table row ends its line (a data table's row is one line)."""
        if not self.cells:
            self._flush()
            self.row_open = False
        self.blocks.pop()

    def _open_cell(self, el: Element, depth: int) -> Closer:
        """A data cell joins the row's line, after a cell break."""
        if self.cells_in_row and self.draft is not None:
            self.draft.cell_starts.append(len(self.draft.runs))
        self.cells_in_row += 1
        self.cells += 1
        self.blocks.append((el, depth))
        return self._close_cell

    def _close_cell(self) -> None:
        self.cells -= 1
        self.blocks.pop()

    def _open_data_table(self) -> Closer:
        self.data_tables += 1
        return self._close_data_table

    def _close_data_table(self) -> None:
        self._flush()
        self.data_tables -= 1

    # -- marks: furniture, links, bold, headings, centred text --------------------------------

    def _open_marks(
        self, el: Element, tag: str, style: str | None, role: str | None, align: str | None
    ) -> tuple[Closer, ...]:
        """Open what a styling tag or a style, role or align attribute marks the text as."""
        closers: list[Closer] = []
        if tag in CHROME_TAGS or role in _CHROME_ROLES:
            text = self._furniture_text(el, role)
            if text is not None:
                closers.append(self._open_furniture(text))
        if tag in _BOLD_TAGS or (style and "weight" in style and _P.bold_style.search(style)):
            closers.append(self._open_bold())
        if tag in _HEADINGS:
            closers.append(self._open_heading(_HEADINGS[tag]))
        if (
            tag == "center"
            or (align and align.lower() == "center")
            or (style and "center" in style and _P.center_style.search(style))
        ):
            closers.append(self._open_centred())
        return tuple(closers)

    def _furniture_text(self, el: Element, role: str | None) -> str | None:
        """The text of an element with a furniture tag or role; None when it wraps the page
        instead (ASP.NET pages wrap everything in one <form>; some templates put the article in
        <header>)."""
        text = text_of(el)
        if role in _CHROME_ROLES or len(text) < _MIN_WRAPPER:
            return text
        if self.wrapper_size is None:
            self.wrapper_size = max(_MIN_WRAPPER, int(text_length(self.start) * _WRAPPER_SHARE))
        return text if len(text) < self.wrapper_size else None

    def _open_furniture(self, text: str) -> Closer:
        self._record("boilerplate_elements", text)
        self.chrome += 1
        return self._close_furniture

    def _close_furniture(self) -> None:
        self.chrome -= 1

    def _open_link(self) -> Closer:
        self.links += 1
        return self._close_link

    def _close_link(self) -> None:
        self.links -= 1

    def _open_bold(self) -> Closer:
        self.bold += 1
        return self._close_bold

    def _close_bold(self) -> None:
        self.bold -= 1

    def _open_heading(self, level: int) -> Closer:
        self.headings.append(level)
        return self._close_heading

    def _close_heading(self) -> None:
        self.headings.pop()

    def _open_centred(self) -> Closer:
        self.centered += 1
        return self._close_centred

    def _close_centred(self) -> None:
        self.centered -= 1

    # -- text ------------------------------------------------------------------------------------

    def _add(self, text: str | None) -> None:
        """A text node joins the line being assembled; a line never starts with white space."""
        if not text:
            return
        if self.draft is None:
            if text.isspace():
                return
            self.draft = self._new_draft()
        draft = self.draft
        draft.runs.append(text)
        if self.links:
            draft.link_chars += _visible_chars(text)
        if self.bold:
            draft.bold_chars += _visible_chars(text)

    def _new_draft(self) -> _Draft:
        owner, depth = self.blocks[-1] if self.blocks else (None, 1)
        heading = self.headings[-1] if self.headings else 0
        row = self.data_tables > 0 and self.row_open
        return _Draft(owner, depth, heading, self.chrome > 0, self.centered > 0, row)

    def _flush(self) -> None:
        """The line being assembled is complete."""
        draft, self.draft = self.draft, None
        if draft is None:
            return
        line = draft.finish(len(self.lines), self.image_seen)
        if line is not None:
            self.lines.append(line)
            self.image_seen = False

    def _record(self, kind: str, text: str) -> None:
        """Tell the recorder of a skipped element or furniture, by the start of its text."""
        excerpt = fold(text[: RECORD_CHARS * 4])[:RECORD_CHARS]
        if excerpt:
            self.record(kind, excerpt)


def _is_data_table(table: Element) -> bool:
    """A table of figures rather than page layout: no nested table, short cells, two columns."""
    widest = 0
    rows = 0
    for el in table.iter("table", "tr"):
        if el is table:
            continue
        if el.tag == "table":
            return False
        rows += 1
        cells = [cell for cell in el if cell.tag in _CELL_TAGS]
        if any(len(text_of(cell)) > _MAX_DATA_CELL for cell in cells):
            return False
        widest = max(widest, len(cells))
    return rows >= 2 and widest >= 2
