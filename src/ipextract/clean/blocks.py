"""The rendered text of a tree as lines, the way a browser lays it out, in one iterative walk.

Block elements and <br> start a new line; inline elements never do, so `<font>2883.5</font>亿元`
stays one number. A data table's row becomes one line with its cells joined by a tab. Elements
that are never rendered (script, style, hidden by CSS) are skipped and recorded; elements that
are rendered but are page furniture (nav, header, footer, aside, form) are walked, but their lines
are marked `chrome` so they can serve metadata and never the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import lxml.etree

from .dom import LIBXML_MAX_DEPTH, Element, text_of
from .visibility import HiddenSelectors, hidden_selectors, inline_style_hides

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
_BOLD = frozenset(("b", "strong"))
_CELLS = frozenset(("td", "th"))

_WS = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CELL_SEP = "\x1f"
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)

#: A table cell longer than this is page layout, not data.
_MAX_DATA_CELL = 300
#: How much of a dropped element's text is kept for `ipextract show --removed`.
RECORD_CHARS = 200


@dataclass(slots=True)
class Line:
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
        return tuple(p for p in (_clean(x) for x in self.raw_parts) if p)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass(slots=True)
class Layout:
    lines: list[Line] = field(default_factory=list)
    max_depth: int = 0
    truncated: bool = False


@dataclass(slots=True)
class _Pending:
    """The line being assembled: its text runs, and the runs inside links and bold text (their
    characters are counted once, when the line is complete)."""

    pieces: list[str] = field(default_factory=list)
    link_pieces: list[str] = field(default_factory=list)
    bold_pieces: list[str] = field(default_factory=list)
    owner: Element | None = None
    depth: int = 1
    heading: int = 0
    chrome: bool = False
    centered: bool = False
    row: bool = False


def _visible_chars(text: str) -> int:
    """Characters that count for link and bold shares: all but spaces and line breaks."""
    return len(text) - text.count(" ") - text.count("\n")


Recorder = Callable[[str, str], None]


def layout(
    root: Element,
    record: Recorder,
    *,
    max_depth: int = 512,
) -> Layout:
    """Walk the tree once and return its rendered lines.

    `record(kind, text)` is called for every skipped element that carried text, with kind
    "hidden_elements" or "boilerplate_elements".
    """
    selectors = hidden_selectors([text_of(s) for s in root.iter("style")])
    body = root.find("body")
    start = body if body is not None else root
    return _Walker(record, selectors, start, max_depth).run(start)


def _big_threshold(body: Element) -> int:
    """Chrome-tag containers holding more text than this are page wrappers, not furniture.

    ASP.NET pages wrap everything in one <form>; some templates put the article in <header>.
    """
    return max(100, int(len(text_of(body)) * 0.4))


# What a tag is, as bits, so that one dict lookup per element replaces a chain of set tests.
(_T_SILENT, _T_DROPPED, _T_BR, _T_IMG, _T_TABLE, _T_BLOCK, _T_CHROME, _T_LINK, _T_BOLD, _T_HEAD, _T_CENTER,
 _T_CELL, _T_TR) = (1 << i for i in range(13))


def _tag_bits() -> dict[str, int]:
    bits: dict[str, int] = {}

    def mark(tags: Iterable[str], bit: int) -> None:
        for tag in tags:
            bits[tag] = bits.get(tag, 0) | bit

    mark(SILENT_TAGS, _T_SILENT)
    mark(DROPPED_TAGS, _T_DROPPED)
    mark(("br",), _T_BR)
    mark(("img",), _T_IMG)
    mark(("table",), _T_TABLE)
    mark(BLOCK_TAGS, _T_BLOCK)
    mark(CHROME_TAGS, _T_CHROME)
    mark(("a",), _T_LINK)
    mark(_BOLD, _T_BOLD)
    mark(_HEADINGS, _T_HEAD)
    mark(("center",), _T_CENTER)
    mark(_CELLS, _T_CELL)
    mark(("tr",), _T_TR)
    return bits


_TAG_BITS = _tag_bits()


class _Walker:
    """The layout state machine. `run` is the hot loop (every element of every page passes
    through it), so the common path reads tag facts from one table and touches few attributes."""

    def __init__(self, record: Recorder, selectors: HiddenSelectors, start: Element, max_depth: int) -> None:
        self.record = record
        self.selectors = selectors if selectors else None
        self.start_element = start
        self.big = -1  # _big_threshold(start), computed when a chrome tag first needs it
        self.max_depth = max_depth
        self.out = Layout()
        self.cur = _Pending()
        self.blocks: list[Element] = []
        self.block_depths: list[int] = []
        self.headings: list[int] = []
        self.links = 0
        self.bold = 0
        self.chrome = 0
        self.centered = 0
        self.cell = 0
        self.data_tables = 0
        self.row_open = False
        self.cells_in_row = 0
        self.image_seen = False

    # flags pushed per element
    _BLOCK, _LINK, _BOLD, _CHROME, _CENTER, _CELL, _DATA, _HEAD, _SKIP = (1 << i for i in range(9))

    def run(self, start: Element) -> Layout:
        # Per open element, what its start event pushed, so its end event pops the same things.
        pushed: list[int] = []
        push, pop = pushed.append, pushed.pop
        begin, finish, add = self._start, self._end, self._add
        skip = self._SKIP
        walker = lxml.etree.iterwalk(start, events=("start", "end"))
        depth = 0
        deepest = 0
        for event, el in walker:
            if event == "start":
                depth += 1
                if depth > deepest:
                    deepest = depth
                flags = begin(el, depth)
                push(flags)
                if flags & skip:
                    walker.skip_subtree()
            else:
                depth -= 1
                flags = pop()
                if flags & ~skip:
                    finish(el, flags)
                else:
                    tail = el.tail
                    if tail:
                        add(tail)
        self.out.max_depth = deepest
        self._flush()
        self.out.truncated = self.out.max_depth >= LIBXML_MAX_DEPTH - 2
        return self.out

    def _start(self, el: Element, depth: int) -> int:
        tag = el.tag
        if tag.__class__ is not str:
            return self._SKIP
        bits = _TAG_BITS.get(tag, 0)
        if bits & _T_SILENT:
            return self._SKIP
        if depth > self.max_depth:
            # Past the depth guard (runaway unclosed tags) elements are transparent: their text
            # still counts, their structure no longer does.
            if bits & _T_BR:
                self._flush()
            else:
                text = el.text
                if text:
                    self._add(text)
            return 0
        if bits & _T_DROPPED:
            self._record("boilerplate_elements", el)
            return self._SKIP
        get = el.get
        style = get("style")
        if (
            (style is not None and inline_style_hides(style))
            or get("hidden") is not None
            or (self.selectors is not None and self.selectors.hides(el))
        ):
            self._record("hidden_elements", el)
            return self._SKIP
        flags = 0
        if bits & (_T_BR | _T_IMG | _T_TABLE | _T_BLOCK):
            if bits & _T_BR:
                if self.cell:
                    self._add(" ")
                elif self.cur.pieces:
                    self._flush()
                return 0
            if bits & _T_IMG:
                self.image_seen = True
                return 0
            if bits & _T_TABLE and not self.cell and _is_data_table(el):
                flags |= self._DATA
                self.data_tables += 1
            if bits & _T_BLOCK:
                if self.data_tables and not self.cell and bits & _T_TR:
                    if self.cur.pieces:
                        self._flush()
                    self.row_open = True
                    self.cells_in_row = 0
                elif self.data_tables and bits & _T_CELL and self.row_open and not self.cell:
                    if self.cells_in_row:
                        self._add(_CELL_SEP)
                    self.cells_in_row += 1
                    flags |= self._CELL
                    self.cell += 1
                elif not self.cell and self.cur.pieces:
                    self._flush()
                flags |= self._BLOCK
                self.blocks.append(el)
                self.block_depths.append(depth)
        if (bits & _T_CHROME and self._chrome_sized(el)) or get("role") in _CHROME_ROLES:
            flags |= self._CHROME
            self.chrome += 1
            self._record("boilerplate_elements", el)
        if bits & _T_LINK:
            flags |= self._LINK
            self.links += 1
        if bits & _T_BOLD or (style and "weight" in style and _BOLD_STYLE.search(style)):
            flags |= self._BOLD
            self.bold += 1
        if bits & _T_HEAD:
            flags |= self._HEAD
            self.headings.append(_HEADINGS[tag])
        align = get("align")
        if (
            bits & _T_CENTER
            or (align is not None and align.lower() == "center")
            or (style and "center" in style and _CENTER_STYLE.search(style))
        ):
            flags |= self._CENTER
            self.centered += 1
        text = el.text
        if text:
            self._add(text)
        return flags

    def _chrome_sized(self, el: Element) -> bool:
        """A furniture tag holding less text than a page wrapper would (see _big_threshold)."""
        if self.big < 0:
            self.big = _big_threshold(self.start_element)
        return len(text_of(el)) < self.big

    def _end(self, el: Element, flags: int) -> None:
        if flags & self._BLOCK:
            if flags & self._CELL:
                self.cell -= 1
            elif el.tag == "tr" and self.row_open and not self.cell:
                self._flush()
                self.row_open = False
            elif not self.cell and self.cur.pieces:
                self._flush()
            if self.blocks and self.blocks[-1] is el:
                self.blocks.pop()
                self.block_depths.pop()
        if flags & self._DATA:
            self._flush()
            self.data_tables -= 1
        if flags & self._LINK:
            self.links -= 1
        if flags & self._BOLD:
            self.bold -= 1
        if flags & self._CHROME:
            self.chrome -= 1
        if flags & self._CENTER:
            self.centered -= 1
        if flags & self._HEAD:
            self.headings.pop()
        tail = el.tail
        if tail:
            self._add(tail)

    def _record(self, kind: str, el: Element) -> None:
        text = _excerpt(el)
        if text:
            self.record(kind, text)

    def _add(self, text: str) -> None:
        cur = self.cur
        if text is _CELL_SEP:
            if cur.pieces:
                cur.pieces.append(_CELL_SEP)
            return
        if not cur.pieces and not text.strip():
            return
        if cur.owner is None:
            cur.owner = self.blocks[-1] if self.blocks else None
            cur.depth = self.block_depths[-1] if self.block_depths else 1
            cur.heading = self.headings[-1] if self.headings else 0
            cur.chrome = self.chrome > 0
            cur.centered = self.centered > 0
            cur.row = self.data_tables > 0 and self.row_open
        cur.pieces.append(text)
        if self.links:
            cur.link_pieces.append(text)
        if self.bold:
            cur.bold_pieces.append(text)

    def _flush(self) -> None:
        cur = self.cur
        if not cur.pieces:
            return
        self.cur = _Pending()
        raw = "".join(cur.pieces)
        separated = _CELL_SEP in raw
        if cur.row:
            cells = [_clean(c) for c in raw.split(_CELL_SEP)]
            while cells and not cells[-1]:
                cells.pop()
            while cells and not cells[0]:
                cells.pop(0)
            text = "\t".join(cells)
        else:
            text = _clean(raw.replace(_CELL_SEP, " ") if separated else raw)
        if not text or cur.owner is None:
            return
        separators = sum(1 for x in cur.pieces if x is _CELL_SEP) if separated else 0
        plain = max(1, _visible_chars(raw) - separators)
        links = _visible_chars("".join(cur.link_pieces)) if cur.link_pieces else 0
        bold = _visible_chars("".join(cur.bold_pieces)) if cur.bold_pieces else 0
        self.out.lines.append(
            Line(
                text=text,
                owner=cur.owner,
                index=len(self.out.lines),
                depth=cur.depth,
                link_chars=min(len(text), round(links * len(text) / plain)),
                chrome=cur.chrome,
                heading=cur.heading,
                bold=bold >= plain * 0.9,
                centered=cur.centered,
                row=cur.row and "\t" in text,
                image_before=self.image_seen,
                raw_parts=tuple(x for x in cur.pieces if x is not _CELL_SEP) if separated else tuple(cur.pieces),
            )
        )
        self.image_seen = False


def _clean(text: str) -> str:
    # str.split() splits at exactly the characters _WS matches (str.isspace).
    return " ".join(_INVISIBLE.sub("", text).split())


def _excerpt(el: Element) -> str:
    return _clean(text_of(el)[: RECORD_CHARS * 4])[:RECORD_CHARS]


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
        cells = 0
        for cell in el:
            if cell.tag in _CELLS:
                cells += 1
                if len(text_of(cell)) > _MAX_DATA_CELL:
                    return False
        widest = max(widest, cells)
    return rows >= 2 and widest >= 2
