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
from itertools import chain

from .dom import LIBXML_MAX_DEPTH, Element, text_length, text_of
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
    # A <style> holds raw text only (the HTML parser makes no children inside it), so its .text is
    # its whole text: read directly rather than serialised by text_of().
    selectors = hidden_selectors([s.text or "" for s in root.iter("style")])
    body = root.find("body")
    start = body if body is not None else root
    return _walk(start, record, selectors, max_depth)


_MIN_BIG = 100


def _big_threshold(body: Element) -> int:
    """Chrome-tag containers holding more text than this are page wrappers, not furniture.

    ASP.NET pages wrap everything in one <form>; some templates put the article in <header>.
    """
    return max(_MIN_BIG, int(text_length(body) * 0.4))


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
    # The walk tests these kinds by equality: a skipped tag is nothing else.
    assert all(bits[tag] == _T_SILENT for tag in SILENT_TAGS)
    assert all(bits[tag] == _T_DROPPED for tag in DROPPED_TAGS)
    return bits


_TAG_BITS = _tag_bits()


#: Attributes read from every element that has them (id and class too when the page's styles
#: hide some).
_READ_ATTRIBUTES = frozenset(("style", "hidden", "role", "align"))

# What an open element pushed, so that its end event undoes exactly that.
_BLOCK, _LINK, _BOLD, _CHROME, _CENTER, _CELL, _DATA, _HEAD, _SKIP, _TR = (1 << i for i in range(10))
_RARE = _DATA | _BOLD | _CHROME | _CENTER | _HEAD
_T_LAYOUT = _T_BR | _T_IMG | _T_TABLE | _T_BLOCK
#: Tags that may mark an element chrome, link, bold, heading or centred (attributes aside).
_T_MARKS = _T_CHROME | _T_LINK | _T_BOLD | _T_HEAD | _T_CENTER


def _walk(start: Element, record: Recorder, selectors: HiddenSelectors, max_depth: int) -> Layout:
    """The layout state machine over one walk of the tree in document order.

    Every element of every page passes through the loop below, so the state lives in local
    variables, tag facts come from one table lookup and the common path touches few attributes.
    """
    out = Layout()
    lines = out.lines
    hidden_ids = selectors.ids or None
    hidden_classes = selectors.classes or None
    # The attributes the walk reads: an element with none of them (most: class, href, src …)
    # is settled by one set test instead of a look for each name.
    relevant = _READ_ATTRIBUTES | {name for name, used in (("id", hidden_ids), ("class", hidden_classes)) if used}
    # The line being assembled: its text runs, and the runs inside links and bold text (their
    # characters are counted once, when the line is complete); its block and what the open
    # elements say about it are taken when its first text arrives. Locals, not an object made
    # per line: the lists are emptied by flush(), so `put` stays bound to `pieces`.
    pieces: list[str] = []
    link_pieces: list[str] = []
    bold_pieces: list[str] = []
    put = pieces.append
    owner: Element | None = None
    marks: tuple[int, int, bool, bool, bool] = (1, 0, False, False, False)
    # The depths of the open blocks: the innermost is opened[block_depths[-1]] (`opened`, the
    # open elements, holds the element of depth d at index d).
    block_depths: list[int] = []
    headings: list[int] = []
    links = bold = chrome = centered = cell = data_tables = cells_in_row = 0
    row_open = False
    image_seen = False
    big = -1  # _big_threshold(start), computed when a furniture tag first needs it

    def add(text: str) -> None:
        if text is _CELL_SEP:
            if pieces:
                put(_CELL_SEP)
            return
        if not pieces and not text.strip():
            return
        if owner is None:
            start_line(text)
            return
        put(text)
        if links:
            link_pieces.append(text)
        if bold:
            bold_pieces.append(text)

    def start_line(text: str) -> None:
        """The first text of a line (`owner` is None): the line takes its block and marks now.
        The walk calls it directly for a text that is not white space when no line is being
        assembled (flush() empties `pieces` and clears `owner` together)."""
        nonlocal owner, marks
        if block_depths:
            at = block_depths[-1]
            owner = opened[at]
        else:
            at = 1
            owner = None
        marks = (
            at,
            headings[-1] if headings else 0,
            chrome > 0,
            centered > 0,
            data_tables > 0 and row_open,
        )
        put(text)
        if links:
            link_pieces.append(text)
        if bold:
            bold_pieces.append(text)

    def flush() -> None:
        nonlocal owner, image_seen
        if not pieces:
            return
        line = _line(pieces, link_pieces, bold_pieces, owner, marks, len(lines), image_seen)
        pieces.clear()
        if link_pieces:
            link_pieces.clear()
        if bold_pieces:
            bold_pieces.clear()
        owner = None
        if line is not None:
            lines.append(line)
            image_seen = False

    def open_marks(
        el: Element, tag: str, bits: int, styled: str | None, style: str | None, role: str | None, align: str | None
    ) -> int:
        """Open the chrome, link, bold, heading or centred text an element with a styling tag or
        a style, role or align attribute marks; return the flags its end undoes.

        The attributes count only when `styled` (they were read for this element, and one is
        not empty: an empty one acts as none below)."""
        nonlocal big, chrome, links, bold, centered
        if not styled:
            style = role = align = None
        flags = 0
        furniture_text = None
        if bits & _T_CHROME:
            furniture_text = text_of(el)
            # The threshold is never below _MIN_BIG: the body is measured only when needed.
            if len(furniture_text) >= _MIN_BIG:
                if big < 0:
                    big = _big_threshold(start)
                if len(furniture_text) >= big:
                    furniture_text = None
        if furniture_text is not None or role in _CHROME_ROLES:
            flags |= _CHROME
            chrome += 1
            drop("boilerplate_elements", el, furniture_text)
        if bits & _T_LINK:
            flags |= _LINK
            links += 1
        if bits & _T_BOLD or (style and "weight" in style and _BOLD_STYLE.search(style)):
            flags |= _BOLD
            bold += 1
        if bits & _T_HEAD:
            flags |= _HEAD
            headings.append(_HEADINGS[tag])
        if (
            bits & _T_CENTER
            or (align is not None and align.lower() == "center")
            or (style and "center" in style and _CENTER_STYLE.search(style))
        ):
            flags |= _CENTER
            centered += 1
        return flags

    def drop(kind: str, el: Element, text: str | None = None) -> None:
        excerpt = _excerpt(el, text)
        if excerpt:
            record(kind, excerpt)

    pushed: list[int] = []
    push, pop = pushed.append, pushed.pop
    bits_of = _TAG_BITS.get
    # Elements in document order, their ends found from the parent of the next one: the open
    # elements are a stack, and whatever on it is not that parent has ended. (An iterwalk's start
    # and end events cost a tuple and a comparison each, about twice this.) A skipped subtree is
    # passed over up to the element where the walk resumes.
    opened: list[Element | None] = [start.getparent()]
    open_el, close_el = opened.append, opened.pop
    resume: object = _NO_SKIP
    depth = deepest = 0
    style = role = align = None  # read for an element with attributes, used only when `styled`
    for el in chain(start.iter(), (None,)):
        if resume is not _NO_SKIP:
            if el is not resume:
                continue
            resume = _NO_SKIP
        parent = el.getparent() if el is not None else opened[0]
        while opened[-1] is not parent:
            ended = close_el()
            depth -= 1
            flags = pop()
            # The two commonest ends first, each a whole value (an int == is cheap in the
            # interpreter, an int & a generic call): a link, and a block that is nothing else
            # (not a cell, a row, a data table, chrome …).
            if flags == _LINK:
                links -= 1
            elif flags == _BLOCK:
                if not cell and pieces:
                    flush()
                block_depths.pop()  # this block's: the open elements are a stack
            elif flags:
                if flags & _BLOCK:
                    if flags & _CELL:
                        cell -= 1
                    elif flags & _TR and row_open and not cell:
                        flush()
                        row_open = False
                    elif not cell and pieces:
                        flush()
                    block_depths.pop()
                if flags & _LINK:
                    links -= 1
                if flags & _RARE:
                    if flags & _DATA:
                        flush()
                        data_tables -= 1
                    if flags & _BOLD:
                        bold -= 1
                    if flags & _CHROME:
                        chrome -= 1
                    if flags & _CENTER:
                        centered -= 1
                    if flags & _HEAD:
                        headings.pop()
            tail = ended.tail
            if tail:
                if pieces:  # add(), its common case inline
                    put(tail)
                    if links:
                        link_pieces.append(tail)
                    if bold:
                        bold_pieces.append(tail)
                elif not tail.isspace():  # a line never starts with white space (see add)
                    start_line(tail)
        if el is None:
            break
        depth += 1
        open_el(el)
        if depth > deepest:
            deepest = depth
        tag = el.tag
        if tag.__class__ is not str:
            push(_SKIP)
            resume = _resume_after(el, start)
            continue
        bits = bits_of(tag, 0)
        # Tests of the commonest tag kinds compare the whole value (the skipped kinds never
        # share a tag with another, see _tag_bits): an int == is cheap in the interpreter, an
        # int & a generic call.
        if bits == _T_SILENT:
            push(_SKIP)
            resume = _resume_after(el, start)
            continue
        if depth > max_depth:
            # Past the depth guard (runaway unclosed tags) elements are transparent: their
            # text still counts, their structure no longer does.
            if bits & _T_BR:
                flush()
            else:
                text = el.text
                if text:
                    add(text)
            push(0)
            continue
        if bits == _T_DROPPED:
            drop("boilerplate_elements", el)
            push(_SKIP)
            resume = _resume_after(el, start)
            continue
        # One list of attribute names, then only the attributes present are fetched: a
        # quarter of the elements have none, most of the rest none the walk reads.
        names = el.keys()
        if names and not relevant.isdisjoint(names):
            get = el.get
            style = get("style") if "style" in names else None
            if (
                (style is not None and inline_style_hides(style))
                or "hidden" in names
                # HiddenSelectors.hides, inline: it runs for every element of pages with styles
                or (hidden_ids is not None and "id" in names and (ident := get("id")) and ident in hidden_ids)
                or (
                    hidden_classes is not None
                    and "class" in names
                    and (cls := get("class"))
                    and not hidden_classes.isdisjoint(cls.split())
                )
            ):
                drop("hidden_elements", el)
                push(_SKIP)
                resume = _resume_after(el, start)
                continue
            role = get("role") if "role" in names else None
            align = get("align") if "align" in names else None
            styled = style or role or align
        else:
            styled = None  # style, role and align are read only when this is true
        if bits == _T_BLOCK:
            # A block and nothing else (div, p, li …: the commonest kind): the general case below
            # reduced to what such a tag does.
            if not cell and pieces:
                flush()
            flags = _BLOCK
            block_depths.append(depth)
            if styled:
                flags |= open_marks(el, tag, bits, styled, style, role, align)
        elif bits == _T_LINK and not styled:
            # A plain link (the commonest element) only counts itself.
            flags = _LINK
            links += 1
        else:
            flags = 0
            if bits and bits & _T_LAYOUT:
                if bits & _T_BR:
                    if cell:
                        add(" ")
                    elif pieces:
                        flush()
                    push(0)
                    continue
                if bits & _T_IMG:
                    image_seen = True
                    push(0)
                    continue
                if bits & _T_TABLE and not cell and _is_data_table(el):
                    flags |= _DATA
                    data_tables += 1
                if bits & _T_BLOCK:
                    if data_tables and not cell and bits & _T_TR:
                        if pieces:
                            flush()
                        row_open = True
                        cells_in_row = 0
                    elif data_tables and bits & _T_CELL and row_open and not cell:
                        if cells_in_row:
                            add(_CELL_SEP)
                        cells_in_row += 1
                        flags |= _CELL
                        cell += 1
                    elif not cell and pieces:
                        flush()
                    flags |= (_BLOCK | _TR) if bits & _T_TR else _BLOCK
                    block_depths.append(depth)
            # Marks: chrome, link, bold, heading, centred, from the tag or the attributes.
            if styled or (bits and bits & _T_MARKS):
                flags |= open_marks(el, tag, bits, styled, style, role, align)
        text = el.text
        if text:
            if pieces:  # add(), its common case inline
                put(text)
                if links:
                    link_pieces.append(text)
                if bold:
                    bold_pieces.append(text)
            elif not text.isspace():  # a line never starts with white space (see add)
                start_line(text)
        push(flags)
    flush()
    out.max_depth = deepest
    out.truncated = deepest >= LIBXML_MAX_DEPTH - 2
    return out


#: `resume` when no subtree is being skipped (None means: skip to the end of the walk).
_NO_SKIP = object()


def _resume_after(el: Element, stop: Element) -> object:
    """Where a walk that skips `el`'s subtree resumes: the first element after it in document
    order inside `stop` (None: there is none), or _NO_SKIP when `el` has no children."""
    if not len(el):
        return _NO_SKIP
    while el is not stop:
        following = el.getnext()
        if following is not None:
            return following
        el = el.getparent()
    return None


def _line(
    pieces: list[str],
    link_pieces: list[str],
    bold_pieces: list[str],
    owner: Element | None,
    marks: tuple[int, int, bool, bool, bool],
    index: int,
    image_before: bool,
) -> Line | None:
    """The finished line, or None when it has no text or no block to belong to.

    `link_pieces` and `bold_pieces` are the runs of `pieces` inside links and bold text, in
    order (never a cell separator); `marks` the owner's depth, the heading level and whether
    the line is chrome, centred and in a data table's row.
    """
    raw = "".join(pieces)
    separated = _CELL_SEP in raw
    depth, heading, chrome, centered, row = marks
    if row:
        cells = [_clean(c) for c in raw.split(_CELL_SEP)]
        while cells and not cells[-1]:
            cells.pop()
        while cells and not cells[0]:
            cells.pop(0)
        text = "\t".join(cells)
    else:
        text = _clean(raw.replace(_CELL_SEP, " ") if separated else raw)
    if not text or owner is None:
        return None
    parts = tuple(x for x in pieces if x is not _CELL_SEP) if separated else tuple(pieces)
    size = len(text)
    link_chars = 0
    bold = False
    # The link and bold shares, for lines with link or bold text (three lines in four: menus).
    if link_pieces or bold_pieces:
        runs = len(pieces)
        # A line all of whose runs are links (or bold) needs no counting: its share is the
        # whole line. Its text is not empty, so it holds a character other than a space or a
        # line break, the counts below are equal and at least 1, and round(n * size / n) is
        # size exactly (int / int is correctly rounded).
        every_link = len(link_pieces) == runs
        every_bold = len(bold_pieces) == runs
        if every_link:
            link_chars = size
        if every_bold:
            bold = True
        if (link_pieces and not every_link) or (bold_pieces and not every_bold):
            # Characters counted for the shares: all but spaces, line breaks and cell separators.
            plain = len(raw) - raw.count(" ") - raw.count("\n") - (runs - len(parts))
            plain = max(1, plain)
            if link_pieces and not every_link:
                links = _visible_chars("".join(link_pieces))
                if links:
                    link_chars = min(size, round(links * size / plain))
            if bold_pieces and not every_bold:
                bold = _visible_chars("".join(bold_pieces)) >= plain * 0.9
    # Filled in here rather than through the generated __init__ (a second frame and twelve
    # arguments, twice the cost); every field is set.
    line = _new_line(Line)
    line.text = text
    line.owner = owner
    line.index = index
    line.depth = depth
    line.link_chars = link_chars
    line.chrome = chrome
    line.heading = heading
    line.bold = bold
    line.centered = centered
    line.row = row and "\t" in text
    line.image_before = image_before
    line.raw_parts = parts
    return line


_new_line = Line.__new__


def _clean(text: str) -> str:
    """White space folded, invisible characters removed.

    Folded first: no _INVISIBLE character is white space, so folding keeps them all, and the
    folded text (free of line breaks, which are not printable) is tested instead of the raw one,
    which for four texts in ten holds a line break and would send them through the regex for
    nothing. An ASCII text holds no invisible character (isascii() is a flag test), nor does a
    printable one (each is a format character, not printable). Removing one can join two spaces,
    hence the second fold.
    """
    # str.split() splits at exactly the characters _WS matches (str.isspace).
    text = " ".join(text.split())
    if not text.isascii() and not text.isprintable():
        return " ".join(_INVISIBLE.sub("", text).split())
    return text


def _excerpt(el: Element, text: str | None = None) -> str:
    """The start of an element's text (`text`, when the caller has it already)."""
    return _clean((text if text is not None else _text_of(el))[: RECORD_CHARS * 4])[:RECORD_CHARS]


def _text_of(el: Element) -> str:
    """text_of(el), read directly when `el` has no children (most hidden elements, most table
    cells): its text is then its .text, and serialising costs ten times more."""
    return text_of(el) if len(el) else el.text or ""


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
                if len(_text_of(cell)) > _MAX_DATA_CELL:
                    return False
        widest = max(widest, cells)
    return rows >= 2 and widest >= 2
