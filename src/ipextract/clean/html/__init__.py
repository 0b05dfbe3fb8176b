"""HTML page -> article blocks and metadata candidates.

parse (dom) -> rendered lines (layout) -> line kinds (kinds) -> article container (article)
-> headline (headline) -> body lines (body) -> metadata candidates (candidates: from the declared
tags read by head, and from the visible label lines around the headline and after the text).
"""

from __future__ import annotations

from ...options import Options
from ...resources import patterns
from .. import Extracted, LineKind, credits, disclosure
from ..keys import KeyedLine, line_keys
from ..line_rules import is_spam_text
from ..repair import count_invisible
from ..spam import remove_inline_spam
from .article import find_container, line_weight
from .body import is_prose, mark_summary_rows, select
from .candidates import Regions, add_candidates
from .dom import LIBXML_MAX_DEPTH, parse_html
from .head import read_head
from .headline import Headline, choose_headline, norm, strip_injected_prefix
from .kinds import classify
from .layout import RenderedLine, lay_out
from .widgets import demote_widget_prose, mark_widgets

_P = patterns("html")

#: Lines up to this length were checked against the shared line rules when classified.
_SHORT_CHECKED = 200
#: Lines before the article container searched for the header when no headline was found.
_HEAD_WINDOW = 12
#: How far into the text a title split over lines is looked for, and over how many lines.
_TITLE_SEARCH = 8
#: Kinds of lines that may repeat the headline near the text's start.
_TITLE_REPEATS = frozenset((LineKind.BODY, LineKind.META))


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
    keys = line_keys([line.text for line in lines])
    kinds = [classify(line, key) for line, key in zip(lines, keys)]
    table = _disclosure(lines, keys, kinds)
    titles = [("gov:title", table.disclosure.title), *head.titles] if table and table.disclosure.title else head.titles
    weights = [line_weight(line, kind) for line, kind in zip(lines, kinds)]
    demote_widget_prose(lines, weights)
    container = find_container(lines, weights)
    # No paragraph anywhere (a stub page, a fragment): whatever is not furniture is the text.
    inside = [line for line in lines if not line.chrome] if container is None else container.lines
    start, end = (inside[0].index, inside[-1].index + 1) if inside else (len(lines), len(lines))

    headline = choose_headline(lines, titles, start, kinds, tuple(head.site_names))
    _mark_headline(kinds, headline, lines, inside, start)
    if table is not None and table.disclosure.title:
        _mark_split_title(kinds, inside, table.disclosure.title)

    _mark_value_labels(kinds, lines, inside)
    _keep_bilingual_english(inside, kinds)
    if container is not None:
        mark_widgets(inside, kinds, container.element)
    if any(line.row for line in inside):
        mark_summary_rows(inside, kinds)
    local = [line.index for line in inside]
    chosen = select(
        inside, [kinds[i] for i in local], [is_prose(lines[i], kinds[i], weights[i]) for i in local]
    )
    for i, kind in chosen.dropped:
        out.drop_line(kind, inside[i].text)
    body_lines = _without_spam([inside[i] for i in chosen.kept], out)

    head_from = min(headline.lines) if headline and headline.lines else max(0, start - _HEAD_WINDOW)
    regions = Regions(
        head_from=head_from,
        first_prose=inside[chosen.first_prose].index if chosen.first_prose < len(inside) else end,
        body_end=body_lines[-1].index + 1 if body_lines else end,
        crumbs_from=_crumbs_from(headline, head_from, inside, table),
    )
    add_candidates(out, head, headline, lines, kinds, keys, body_lines, regions)
    if table is not None:
        disclosure.offer(out, table, _header_date(out))
    return out


#: Origins of the dates read from the header's label and stamp lines (not the tail's).
_HEADER_DATES = frozenset(("visible:label", "visible:stamp"))


def _header_date(out: Extracted) -> str | None:
    """The date the header shows under the headline, as the candidates read it."""
    for c in out.candidates:
        if c.field == "published_at" and c.origin in _HEADER_DATES:
            return str(c.value)
    return None


def _crumbs_from(
    headline: Headline | None,
    head_from: int,
    inside: list[RenderedLine],
    table: disclosure.Found | None,
) -> int:
    """Where the location path is looked for above: the header's start; the line showing the
    headline when the headline came from a tag; the top of a disclosure table set over the
    headline."""
    at = head_from
    if headline is not None and not headline.lines:
        key = norm(headline.text)
        at = next((line.index for line in inside if line.index >= at and norm(line.text) == key), at)
    return min(at, table.lines[0]) if table is not None else at


def _mark_value_labels(kinds: list[LineKind], lines: list[RenderedLine], inside: list[RenderedLine]) -> None:
    """A lone label over a date line is that line's label: metadata with it, not text.

    Templates that set label and value in separate paragraphs leave the label looking like a
    short body line once the date line is read as the page's stamp.
    """
    for line in inside:
        i = line.index
        nxt = i + 1
        stamped = nxt < len(lines) and kinds[nxt] is LineKind.STAMP
        if stamped and kinds[i] is LineKind.BODY and _P.lone_label.match(line.text):
            kinds[i] = LineKind.META


#: Bilingual labels a container needs before its English lines are read as its text.
_MIN_BILINGUAL = 2


def _keep_bilingual_english(inside: list[RenderedLine], kinds: list[LineKind]) -> None:
    """English lines of a bilingual document are its text, not furniture without Han.

    A ministry report printed in Chinese and English labels its sections in both
    (`三、活動概要Activity Area:`); there the English renderings are part of what was published.
    """
    labels = [i for i, line in enumerate(inside) if _P.bilingual_label.search(line.text)]
    if len(labels) < _MIN_BILINGUAL:
        return
    # From the first label on: above it is the header (an English rendering of the headline).
    for line in inside[labels[0] :]:
        if kinds[line.index] is LineKind.NOHAN and len(_P.english_words.findall(line.text)) >= 2:
            kinds[line.index] = LineKind.BODY


def _mark_split_title(kinds: list[LineKind], inside: list[RenderedLine], title: str) -> None:
    """The document's name set over several centred lines at the text's start (`国务院办公厅` /
    `关于…的` / `通知`) is the title the disclosure table names: those lines are its TITLE lines."""
    want = norm(title)
    for at in range(min(len(inside), _TITLE_SEARCH)):
        joined = ""
        for end in range(at, min(len(inside), at + _TITLE_SEARCH)):
            joined += norm(inside[end].text)
            if not want.startswith(joined):
                break
            if joined == want:
                for line in inside[at : end + 1]:
                    kinds[line.index] = LineKind.TITLE
                return


def _disclosure(lines: list[RenderedLine], keys: list[str], kinds: list[LineKind]) -> disclosure.Found | None:
    """The disclosure table's rows are metadata, whatever their cells look like on their own."""
    table = disclosure.find(keys, lambda i: _row_key(lines[i], keys[i]))
    for i in table.lines if table else ():
        kinds[i] = LineKind.META
    return table


def _row_key(line: RenderedLine, key: str) -> str:
    """A line's key with its cells kept: a key folds a data row's tabs into spaces, and glues a
    label to its value when they are separate elements (`<b>索引号</b>K1618…`)."""
    if "\t" in line.text:
        return "\t".join(line_keys(line.text.split("\t")))
    parts = line.parts
    return (disclosure.label_cells(line_keys(list(parts))) or key) if len(parts) > 1 else key


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
        if len(line.text) > _SHORT_CHECKED and is_spam_text(line.text):
            out.drop_line(LineKind.SPAM, line.text)
            continue
        text, chains = remove_inline_spam(line.text)
        for chain in chains:
            out.drop("spam_blocks", chain)
        out.blocks.append(" ".join(text.split()) if chains else text)
        kept.append(line)
    if out.blocks:
        out.blocks[-1] = _without_closing_credit(out.blocks[-1], out)
    return kept


def _without_closing_credit(text: str, out: Extracted) -> str:
    """The last paragraph without a wire tag or outlet credit glued to its end (credits.py).

    A bracketed reporter byline there (`（记者：魏伟）`) stays: on HTML pages it is part of the
    article's last paragraph as published.
    """
    keyed = KeyedLine.of(text)
    cut = credits.closing_credit_start(keyed.key)
    if not cut:
        return text
    out.drop("meta_lines", keyed.cut(cut).strip())
    return keyed.cut(0, cut).rstrip()


def _mark_headline(
    kinds: list[LineKind], headline: Headline | None, lines: list[RenderedLine], inside: list[RenderedLine], start: int
) -> None:
    """The headline's lines, and a repeat of it at the start of the text, are TITLE lines."""
    if headline is None:
        return
    for i in headline.lines:
        kinds[i] = LineKind.TITLE
    keys = {norm(headline.text), norm(strip_injected_prefix(headline.text))}
    keys.update(norm(lines[i].text) for i in headline.lines)
    keys.discard("")
    for line in inside:
        if line.index < start + 8 and kinds[line.index] in _TITLE_REPEATS and norm(line.text) in keys:
            kinds[line.index] = LineKind.TITLE


