"""HTML page -> article blocks and metadata candidates.

parse (dom) -> rendered lines (layout) -> line kinds (body) -> article container (article)
-> headline (headline) -> body lines (body) -> metadata from declared tags (head) and from the
visible label lines around the headline and after the text (labels).
"""

from __future__ import annotations

import re

from ...dates import TIMESTAMP, parse_timestamp
from ...han import HAN
from ...options import Options
from .. import Extracted, LineKind
from .. import line_rules as shared_lines
from .. import spam as shared_spam
from ..keys import KeyedLine, line_keys
from ..repair import count_invisible
from .article import find_container, line_weight
from .body import is_prose, select
from .dom import LIBXML_MAX_DEPTH, parse_html
from .head import HeadMeta, read_head
from .headline import Headline, choose_headline, norm, strip_injected_prefix
from .kinds import classify
from .labels import (
    byline_author,
    clean_author,
    clean_source,
    dateline_author,
    label_fields,
    trailing_author,
    unlabelled_timestamp,
)
from .layout import RenderedLine, lay_out

#: Lines up to this length were checked against the shared line rules when classified.
_SHORT_CHECKED = 200
#: Lines after the article text that are still searched for its date and source (footer lines).
_TAIL_WINDOW = 15
#: Lines before the article container searched for the header when no headline was found.
_HEAD_WINDOW = 12
_STAMP_BYLINE = re.compile(r"(?:记者|作者|编辑)\S*")
_TOKEN = re.compile(r"[^\s()（）\[\]【】|｜/／]+")
_STAMP_AUTHOR = re.compile(rf"记者\s*([{HAN}·]{{2,4}})(?:[／/]|$|\s)")
_HAN_TOKEN = re.compile(rf"^[{HAN}][{HAN}·\-－]{{1,14}}$")
_DIGIT = re.compile(r"\d")
#: Kinds of lines that may repeat the headline near the text's start.
_TITLE_REPEATS = frozenset((LineKind.BODY, LineKind.META))
#: Kinds of lines read for label values (`发布时间：… 来源：…`) around the text.
_LABELLED = frozenset(
    (
        LineKind.META, LineKind.CHROME, LineKind.TOOLBAR, LineKind.LINKS, LineKind.EDITOR, LineKind.STAMP,
        LineKind.BODY, LineKind.FOOTER_LABEL,
    )
)


def clean_html(html: str, options: Options | None = None, *, utf8: bytes | None = None) -> Extracted:
    """Extract the article from an HTML page. Raises InputError for pages with nothing to parse.

    `utf8`, when given, is `html` encoded as UTF-8 (the page's own bytes): it is parsed as is.
    """
    options = options or Options()
    out = Extracted()
    parsed = parse_html(html, max_elements=options.max_elements, utf8=utf8)
    laid = lay_out(parsed.root, out.drop, max_depth=options.max_depth)
    out.removed["invisible_chars"] += _invisible_dropped(laid.lines)
    if laid.truncated:
        out.warnings.append(f"HTML nested too deeply: the page was cut at {LIBXML_MAX_DEPTH} levels")
    head = read_head(parsed.root)
    lines = laid.lines
    kinds = [classify(line, key) for line, key in zip(lines, line_keys([line.text for line in lines]))]
    weights = [line_weight(line, kind) for line, kind in zip(lines, kinds)]
    container = find_container(lines, weights)
    # No paragraph anywhere (a stub page, a fragment): whatever is not furniture is the text.
    inside = [line for line in lines if not line.chrome] if container is None else container.lines
    start, end = (inside[0].index, inside[-1].index + 1) if inside else (len(lines), len(lines))

    headline = choose_headline(lines, head.titles, start, kinds)
    title_keys = _title_keys(headline, lines)
    for i in headline.lines if headline else ():
        kinds[i] = LineKind.TITLE
    for line in inside:
        if line.index < start + 8 and kinds[line.index] in _TITLE_REPEATS and norm(line.text) in title_keys:
            kinds[line.index] = LineKind.TITLE

    local = [line.index for line in inside]
    chosen = select(
        inside, [kinds[i] for i in local], [is_prose(lines[i], kinds[i], weights[i]) for i in local]
    )
    for i, kind in chosen.dropped:
        out.drop_line(kind, inside[i].text)
    body_lines = _without_spam([inside[i] for i in chosen.kept], out)

    first_prose = inside[chosen.first_prose].index if chosen.first_prose < len(inside) else end
    body_end = body_lines[-1].index + 1 if body_lines else end
    head_from = min(headline.lines) if headline and headline.lines else max(0, start - _HEAD_WINDOW)
    _metadata(out, head, headline, lines, kinds, body_lines, head_from, first_prose, body_end)
    return out


def _invisible_dropped(lines: list[RenderedLine]) -> int:
    """Invisible characters the layout already took out of the line texts (zero-width spaces):
    counted here, since `repair` only sees and counts the ones still in the text."""
    if not count_invisible("".join(p for line in lines for p in line.raw_parts)):
        return 0
    return sum(count_invisible("".join(line.raw_parts)) - count_invisible(line.text) for line in lines)


def _without_spam(body: list[RenderedLine], out: Extracted) -> list[RenderedLine]:
    """Drop long spam lines and cut spam chains injected into sentences (shared spam rules).

    Lines up to _SHORT_CHECKED characters were checked when classified; longer ones are checked
    here, on the article only.
    """
    kept: list[RenderedLine] = []
    for line in body:
        if len(line.text) > _SHORT_CHECKED and shared_lines.is_spam_text(line.text):
            out.drop_line(LineKind.SPAM, line.text)
            continue
        text, chains = shared_spam.remove_inline_spam(line.text)
        for chain in chains:
            out.drop("spam_blocks", chain)
        out.blocks.append(" ".join(text.split()) if chains else text)
        kept.append(line)
    return kept


def _title_keys(headline: Headline | None, lines: list[RenderedLine]) -> set[str]:
    if headline is None:
        return set()
    keys = {norm(headline.text), norm(strip_injected_prefix(headline.text))}
    keys.update(norm(lines[i].text) for i in headline.lines)
    return {k for k in keys if k}


def _metadata(
    out: Extracted,
    head: HeadMeta,
    headline: Headline | None,
    lines: list[RenderedLine],
    kinds: list[LineKind],
    body: list[RenderedLine],
    head_from: int,
    first_prose: int,
    body_end: int,
) -> None:
    """Add candidates for every field, most trusted first (see meta.resolve for precedence)."""
    if headline is not None:
        out.add("title", strip_injected_prefix(headline.text), f"html:{headline.origin}")
    for origin, value in head.titles:
        if origin != "html:title":
            out.add("title", strip_injected_prefix(value), origin)

    header = [lines[i] for i in range(head_from, min(first_prose, len(lines)))]
    trailer = [lines[i] for i in range(body_end, min(len(lines), body_end + _TAIL_WINDOW))]
    header_fields = _visible_fields(header, kinds)
    trailer_fields = _visible_fields(trailer, kinds)

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

    _body_meta(out, body)
    for origin, value in head.urls:
        out.add("url", value, origin)
    crumbs = _breadcrumb(lines, head_from)
    if crumbs:
        out.add("breadcrumb", crumbs, "visible:breadcrumb")


def _visible_fields(window: list[RenderedLine], kinds: list[LineKind]) -> dict[str, tuple[str, str]]:
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
                        shared = shared_lines.parse_meta_line(" ".join(parts)) if len(line.text) <= 120 else {}
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
        keyed = KeyedLine.of(line.text)
        if "published_at" not in found:
            ts = unlabelled_timestamp(keyed.key)
            if ts:
                found["published_at"] = (ts, "stamp")
        if "source" not in found:
            source = _stamp_source(keyed)
            if source:
                found["source"] = (source, "stamp")
    for line in window:
        if "author" not in found and kinds[line.index] in (LineKind.BYLINE, LineKind.STAMP):
            keyed = KeyedLine.of(line.text)
            author = byline_author(keyed) or dateline_author(keyed) or _stamp_author(keyed)
            if author:
                found["author"] = (author, "byline")
    return found


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _stamp_source(line: KeyedLine) -> str | None:
    """The one name beside an unlabelled timestamp: `北京新浪網 (2020-01-21 11:12)` -> 北京新浪網."""
    # Blanked rather than removed, so that the offsets of what is left are the line's own.
    rest = _STAMP_BYLINE.sub(_blank, TIMESTAMP.sub(_blank, line.key))
    tokens = [m for m in _TOKEN.finditer(rest) if not _DIGIT.search(m.group())]
    names = [m for m in tokens if _HAN_TOKEN.match(m.group())]
    return line.cut(*names[0].span()) if len(names) == 1 and len(tokens) == 1 else None


def _stamp_author(line: KeyedLine) -> str | None:
    m = _STAMP_AUTHOR.search(line.key)
    return clean_author(line.cut(*m.span(1))) if m else None


def _body_meta(out: Extracted, body: list[RenderedLine]) -> None:
    """Bylines inside the text: a dateline in the first paragraph, a byline as the last line."""
    for line in body[:2]:
        author = dateline_author(KeyedLine.of(line.text))
        if author:
            out.add("author", author, "visible:dateline")
            return
    for line in body[-2:]:
        keyed = KeyedLine.of(line.text)
        author = dateline_author(keyed) or byline_author(keyed) or trailing_author(keyed)
        if author:
            out.add("author", author, "visible:byline")
            return


#: How far above the headline a location path is looked for, and how many short lines (one per
#: <li>) it may be spread over.
_CRUMB_WINDOW = 12
_CRUMB_PIECES = 8
_CRUMB_PIECE = 30
_CRUMB_SEPARATOR = re.compile(r"(?:>|»|›|＞|→|/)")


def _breadcrumb(lines: list[RenderedLine], head_from: int) -> list[str]:
    """The location path nearest above the headline (shared breadcrumb rules), on one line or
    spread over consecutive short lines (`首页` / `> 要闻` / `> 山西要闻`)."""
    lo = max(0, head_from - _CRUMB_WINDOW)
    for end in range(head_from, lo, -1):
        path = _longest_path(lines, lo, end)
        if path:
            return path
    return []


def _longest_path(lines: list[RenderedLine], lo: int, end: int) -> list[str]:
    """The longest location path that ends at line `end - 1`."""
    best: list[str] = []
    pieces: list[str] = []
    last = lines[end - 1]
    for line in reversed(lines[max(lo, end - _CRUMB_PIECES) : end]):
        if len(line.text) > _CRUMB_PIECE * (1 if pieces else 4):
            break
        # The pieces of one path are the items of one list: lines of one element or siblings.
        if pieces and line.owner is not last.owner and line.owner.getparent() is not last.owner.getparent():
            break
        pieces.insert(0, line.text)
        joined = " ".join(pieces)
        if not _CRUMB_SEPARATOR.search(joined):
            continue
        items = shared_lines.parse_breadcrumb(joined)
        if items and len(items) >= 2 and len(items) >= len(best):
            best = items
    return best
