"""The metadata candidates of an HTML page, most trusted first: the headline, the declared tags
(`head`), the visible label lines of the article's header and of the lines after its text
(`labels`), bylines inside the text, and the location path above the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...dates import TIMESTAMP, parse_timestamp
from ...resources import alternation, data_lines, patterns
from .. import Extracted, LineKind
from ..bylines import byline_line, closing_byline, opening_byline
from ..keys import KeyedLine
from ..line_rules import parse_breadcrumb, path_label_end
from ..meta_lines import parse_meta_line
from .dom import Element
from .head import HeadMeta
from .headline import Headline, strip_injected_prefix
from .labels import (
    byline_author,
    clean_author,
    clean_source,
    dateline_author,
    label_fields,
    trailing_author,
    unlabelled_timestamp,
)
from .layout import RenderedLine

#: Lines after the article text that are still searched for its date and source (footer lines).
_TAIL_WINDOW = 15
_P = patterns("candidates")
#: Kinds of lines read for the author; CHROME holds credit lines (`□ 本报记者 XX`, credits.py).
_AUTHOR_KINDS = frozenset({LineKind.BYLINE, LineKind.STAMP, LineKind.BODY, LineKind.CHROME})
#: Kinds of lines read for label values (`发布时间：… 来源：…`) around the text.
_LABELLED = frozenset(
    (
        LineKind.META,
        LineKind.CHROME,
        LineKind.TOOLBAR,
        LineKind.LINKS,
        LineKind.EDITOR,
        LineKind.STAMP,
        LineKind.BODY,
        LineKind.FOOTER_LABEL,
    )
)


@dataclass(slots=True)
class Regions:
    """Where the article sits among the page's rendered lines (indices into them)."""

    #: The first line of the article's header: the headline, else a window above the text.
    head_from: int
    #: The first paragraph of the text.
    first_prose: int
    #: One past the last line of the text.
    body_end: int
    #: Where the header starts for the location path: above a disclosure table set over the
    #: headline, whose rows would otherwise push the path out of reach.
    crumbs_from: int | None = None


def add_candidates(
    out: Extracted,
    head: HeadMeta,
    headline: Headline | None,
    lines: list[RenderedLine],
    kinds: list[LineKind],
    keys: list[str],
    body: list[RenderedLine],
    regions: Regions,
) -> None:
    """Add candidates for every field, most trusted first (see meta.resolve for precedence).

    `keys` are the lines' `line_key`s, which the rules below read through `KeyedLine.keyed`.
    """
    head_from, first_prose, body_end = regions.head_from, regions.first_prose, regions.body_end
    if headline is not None:
        out.add("title", strip_injected_prefix(headline.text), f"html:{headline.origin}")
    for origin, value in head.titles:
        if origin != "html:title":
            out.add("title", strip_injected_prefix(value), origin)

    header = [lines[i] for i in range(head_from, min(first_prose, len(lines)))]
    trailer = [lines[i] for i in range(body_end, min(len(lines), body_end + _TAIL_WINDOW))]
    header_fields = _visible_fields(header, kinds, keys)
    trailer_fields = _visible_fields(trailer, kinds, keys)

    for field in ("published_at", "source", "author"):
        if field in header_fields:
            out.add(field, header_fields[field][0], f"visible:{header_fields[field][1]}")
        if field == "published_at":
            for origin, value in head.dates:
                out.add(field, parse_timestamp(value), origin)
        elif field == "source":
            for origin, value in head.sources:
                out.add(field, value, origin)
        if field in trailer_fields:
            out.add(field, trailer_fields[field][0], f"visible:tail-{trailer_fields[field][1]}")

    _body_meta(out, body, keys)
    for origin, value in head.urls:
        out.add("url", value, origin)
    crumbs = _breadcrumb(lines, head_from if regions.crumbs_from is None else regions.crumbs_from)
    if crumbs:
        out.add("breadcrumb", crumbs, "visible:breadcrumb")


def _visible_fields(
    window: list[RenderedLine], kinds: list[LineKind], keys: list[str]
) -> dict[str, tuple[str, str]]:
    """Field -> (value, how) from label lines, then timestamp lines, of a window of lines."""
    found: dict[str, tuple[str, str]] = {}
    for line in window:
        if len(found) == 3:
            break
        kind = kinds[line.index]
        if kind in _LABELLED:
            parts = line.parts
            values = label_fields(parts)
            shared: dict[str, str] | None = None  # the shared parser's reading, when needed
            for field in ("published_at", "source", "author"):
                if field in found:
                    continue
                # Dates only from our own labels: the shared parser also reads 生成日期 / 成文日期.
                value = values.get(field)
                if not value and field != "published_at":
                    if shared is None:
                        shared = parse_meta_line(" ".join(parts)) if len(line.text) <= 120 else {}
                    value = shared.get(field)
                if field == "source":
                    value = clean_source(value)
                elif field == "author":
                    value = clean_author(value)
                if value:
                    found[field] = (value, "label")
    for line in window:
        if kinds[line.index] is not LineKind.STAMP or ("published_at" in found and "source" in found):
            continue
        keyed = KeyedLine.keyed(line.text, keys[line.index])
        if "published_at" not in found:
            ts = unlabelled_timestamp(keyed.key)
            if ts:
                found["published_at"] = (ts, "stamp")
        if "source" not in found:
            source = _stamp_source(keyed)
            if source:
                found["source"] = (source, "stamp")
    for line in window:
        if "author" not in found and kinds[line.index] in _AUTHOR_KINDS:
            keyed = KeyedLine.keyed(line.text, keys[line.index])
            if kinds[line.index] in (LineKind.BODY, LineKind.CHROME):  # CHROME: a credit line (credits.py)
                byline = byline_line(keyed)  # `□ 本报记者 王晓明`, `作者︱王晓明`
                author = byline.author if byline else None
            else:
                author = byline_author(keyed) or dateline_author(keyed) or _stamp_author(keyed)
            if author:
                found["author"] = (author, "byline")
    return found


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _stamp_source(line: KeyedLine) -> str | None:
    """The one name beside an unlabelled timestamp: `北京新浪網 (2020-01-21 11:12)` -> 北京新浪網."""
    # Blanked rather than removed, so that the offsets of what is left are the line's own.
    rest = _P.stamp_byline.sub(_blank, TIMESTAMP.sub(_blank, line.key))
    tokens = [m for m in _P.token.finditer(rest) if not _P.digit.search(m.group())]
    names = [m for m in tokens if _P.han_token.match(m.group())]
    return line.cut(*names[0].span()) if len(names) == 1 and len(tokens) == 1 else None


def _stamp_author(line: KeyedLine) -> str | None:
    m = _P.stamp_author.search(line.key)
    return clean_author(line.cut(*m.span(1))) if m else None


def _body_meta(out: Extracted, body: list[RenderedLine], keys: list[str]) -> None:
    """Bylines inside the text: a dateline in the first paragraph, a byline as the last line."""
    for line in body[:2]:
        author = dateline_author(KeyedLine.keyed(line.text, keys[line.index]))
        if author:
            out.add("author", author, "visible:dateline")
            return
    for line in body[-2:]:
        keyed = KeyedLine.keyed(line.text, keys[line.index])
        author = dateline_author(keyed) or byline_author(keyed) or trailing_author(keyed)
        if author:
            out.add("author", author, "visible:byline")
            return
    _bracketed_bylines(out, body, keys)


def _bracketed_bylines(out: Extracted, body: list[RenderedLine], keys: list[str]) -> None:
    """The shared byline shapes (`bylines`) where the page's own readers found none: a CNA
    dateline `（中央社記者王曉明台北4日電）` (its agency is the source), `…。（王晓明／台北报导）`."""
    if not body:
        return
    for byline, origin in (
        (opening_byline(KeyedLine.keyed(body[0].text, keys[body[0].index])), "dateline"),
        (closing_byline(KeyedLine.keyed(body[-1].text, keys[body[-1].index])), "byline"),
    ):
        if byline and byline.author:
            out.add("author", byline.author, f"visible:{origin}")
        if byline and byline.source:
            out.add("source", byline.source, "visible:dateline")


#: How far above the headline a location path is looked for, and how many short lines (one per
#: <li>) it may be spread over.
_CRUMB_WINDOW = 12
_CRUMB_PIECES = 8
_CRUMB_PIECE = 30


def _breadcrumb(lines: list[RenderedLine], head_from: int) -> list[str]:
    """The location path nearest above the headline (shared breadcrumb rules), on one line or
    spread over consecutive short lines (`首页` / `> 要闻` / `> 山西要闻`)."""
    lo = max(0, head_from - _CRUMB_WINDOW)
    for end in range(head_from, lo, -1):
        path = _longest_path(lines, lo, end)
        if path:
            return path
    # An element named for a path, or a path's label, says what it is: looked for further up.
    wide = max(0, head_from - _CRUMB_NAMED_WINDOW)
    return _named_path(lines, wide, head_from) or _labelled_path(lines, wide, head_from)


_CRUMB_NAMED_WINDOW = 40
#: How far up from a line its path element may be: the link, the list item, the list.
_CRUMB_NAME_REACH = 3


@cache
def _crumb_names() -> re.Pattern[str]:
    return re.compile(alternation(word.lower() for word in data_lines("html_crumb_names.txt")))


def _named_path(lines: list[RenderedLine], lo: int, end: int) -> list[str]:
    """The location path as the items of an element named for one (`<ol class="breadcrumb">`),
    when its separators are drawn by CSS and no text separates the levels: the nearest such
    element above the headline, its short lines in order."""
    items: list[str] = []
    holder: Element | None = None
    for line in reversed(lines[lo:end]):
        found = _crumb_element(line.owner)
        if found is None or (holder is not None and found is not holder) or len(line.text) > _CRUMB_PIECE:
            if items:
                break
            continue
        holder = found
        # Inline items (`<span>`s) render as one line of several text runs.
        items[:0] = [part.strip() for part in line.parts if part.strip()] or [line.text.strip()]
    return items if len(items) >= 2 else []


def _labelled_path(lines: list[RenderedLine], lo: int, end: int) -> list[str]:
    """The location path after its label (`当前位置：`) when nothing but images or CSS
    separates the levels: the label line's other text runs (`当前位置：<a>首页</a><img>…`), else
    the short link lines right under it (a list after the label)."""
    for i in range(end - 1, lo - 1, -1):
        if _PATH_LABEL_WORD not in lines[i].text:
            continue  # every path label says 位置 (当前位置, 您的位置): the rest are no label lines
        parts = [part.strip() for part in lines[i].parts if part.strip()]
        first = KeyedLine.of(parts[0]) if parts else None
        cut = path_label_end(first.key) if first else 0
        if not cut:
            continue
        items = [first.cut(cut).strip(), *parts[1:]] if first else []
        for line in lines[i + 1 : end]:
            if len(line.text) > _CRUMB_PIECE or line.link_density <= _NAV_LINK_SHARE:
                break
            items.append(line.text.strip())
        items = [item for item in items if item]
        return items if len(items) >= 2 and all(len(item) <= _CRUMB_PIECE for item in items) else []
    return []


_PATH_LABEL_WORD = "位置"
#: A line with more link text than this is a link (an item of a path under its label).
_NAV_LINK_SHARE = 0.5


def _crumb_element(el: Element | None) -> Element | None:
    """The ancestor of `el` (itself included, _CRUMB_NAME_REACH levels) named as a path (its
    class, id or aria-label)."""
    for _ in range(_CRUMB_NAME_REACH):
        if el is None:
            return None
        name = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('aria-label') or ''}".lower()
        if _crumb_names().search(name):
            return el
        el = el.getparent()
    return None


#: How far up two crumb pieces may have to go to meet: a cell, its row, its table, the outer cell.
_CRUMB_REACH = 4


def _one_list(a: Element, b: Element) -> bool:
    """Whether two pieces belong to one path: one element, siblings, or cells of nested tables."""
    if a is b or a.getparent() is b.getparent():
        return True
    ups: list[Element] = []
    node = b
    for _ in range(_CRUMB_REACH + 1):
        node = node.getparent()
        if node is None:
            break
        ups.append(node)
    node = a
    for _ in range(_CRUMB_REACH):
        node = node.getparent()
        if node is None:
            return False
        if any(node is up for up in ups) and node.tag in ("table", "tr", "td", "tbody"):
            return True
    return False


def _longest_path(lines: list[RenderedLine], lo: int, end: int) -> list[str]:
    """The longest location path that ends at line `end - 1`."""
    best: list[str] = []
    pieces: list[str] = []
    last = lines[end - 1]
    for line in reversed(lines[max(lo, end - _CRUMB_PIECES) : end]):
        if len(line.text) > _CRUMB_PIECE * (1 if pieces else 4):
            break
        # The pieces of one path are the items of one list: lines of one element or siblings, or
        # cells of one small table (a CMS nests the levels after 首页 in a table of their own).
        if pieces and not _one_list(line.owner, last.owner):
            break
        pieces.insert(0, line.text)
        joined = " ".join(pieces)
        if not _P.crumb_separator.search(joined):
            continue
        items = parse_breadcrumb(joined)
        if items and len(items) >= 2 and len(items) >= len(best):
            best = items
    return best
