"""Which element holds the article: the subtree whose lines are most prose and least links.

Every rendered line gets a weight: prose (enough Han characters, sentence punctuation, few links)
counts for its length; navigation, link lists, furniture and footer lines count against. The
article container is the element with the largest total weight over its subtree — the tightest
element holding the prose, because adding menus, link lists or footers around it only lowers the
total. CMS class names (TRS_Editor, UCAPCONTENT …) are not consulted: the text decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...han import HAN
from .. import LineKind
from .dom import Element
from .layout import RenderedLine

# Han characters, ASCII letters and digits are counted as what is left once the rest is deleted.
# `X+` written `XX*`: a pattern that opens with a character class lets `re` skip ahead to a candidate
# character; one that opens with a repeat is tried at every position.
_NOT_COUNTED = re.compile(f"[^{HAN}A-Za-z0-9][^{HAN}A-Za-z0-9]*")
_ALL_HAN = re.compile(f"[{HAN}]*")
_SENTENCE_PUNCT = re.compile(r"[，。；！？、：,;!?（）《》“”]")

#: A line needs this many effective characters of its own text to count as prose.
_MIN_PROSE = 10
#: Short non-prose lines (labels, menu items without links, headings) cost a little each.
_SHORT_COST = 2.0
#: Climb from the best element to an ancestor while the ancestor loses at most this much weight
#: (a share of it, or a few short lines): a one-paragraph article next to its title and date
#: line is still the whole article block.
_CLIMB_SHARE = 0.03
_CLIMB_SLACK = 12.0


#: Longer lines are measured on a sample and scaled (a 10 MB line needs no exact count).
_SAMPLE = 4000


def effective_length(text: str) -> float:
    """Han characters count fully; Latin letters and digits a fifth (five letters ~ one word).

    Most lines (menu items, link titles) are Han only. Other lines are reduced to their Han
    characters, ASCII letters and digits.
    """
    sample = text[:_SAMPLE]
    if _ALL_HAN.fullmatch(sample):
        size = float(len(sample))
    else:
        counted = _NOT_COUNTED.sub("", sample)
        alnum = len(counted.encode("ascii", "ignore"))  # the ASCII ones left: letters and digits
        size = (len(counted) - alnum) + alnum / 5
    return size * len(text) / len(sample) if len(text) > _SAMPLE else size


#: Line kinds (see kinds.classify) that are furniture: they count against a container.
_FURNITURE = frozenset(
    (
        LineKind.CHROME, LineKind.FOOTER, LineKind.FOOTER_LABEL, LineKind.LINKS, LineKind.TOOLBAR,
        LineKind.END, LineKind.SPAM, LineKind.NOHAN, LineKind.BREADCRUMB,
    )
)
#: Line kinds that belong to an article's header or trailer: neutral-ish, like a short line.
_LABELS = frozenset((LineKind.META, LineKind.STAMP, LineKind.BYLINE, LineKind.EDITOR, LineKind.CAPTION))


def line_weight(line: RenderedLine, kind: LineKind = LineKind.BODY) -> float:
    """Positive for prose, negative for links, furniture and footers (see the module docstring)."""
    if kind in _LABELS:
        return -_SHORT_COST
    size = effective_length(line.text)
    if kind in _FURNITURE:
        return -max(_SHORT_COST, size)
    own = size * (1 - line.link_density)
    if own >= _MIN_PROSE and (_SENTENCE_PUNCT.search(line.text) or own >= 2 * _MIN_PROSE):
        return own - size * line.link_density
    return -_SHORT_COST


@dataclass(slots=True)
class Container:
    element: Element
    weight: float
    lines: list[RenderedLine]


def find_container(lines: list[RenderedLine], weights: list[float]) -> Container | None:
    """The article container and the lines inside it, or None when the page has no prose.

    `weights` are the lines' `line_weight` values. Subtree totals are summed bottom-up, deepest
    elements first, so each element is visited once however deep the page nests.
    """
    totals = _subtree_totals(lines, _counted_once(lines, weights))
    if not totals:
        return None
    # The heaviest subtree, the deepest of equals (the first of those found).
    best = max(totals.values(), key=lambda s: (s.total, s.depth))
    if best.total <= 0:
        return None
    best = _climb(best, totals)
    members = set(best.element.iter())
    block = _sentence_table(best, members, lines, totals)
    if block is not None:
        best, members = block, set(block.element.iter())
    element = best.element
    inside = [line for line in lines if line.owner in members]
    if all(line.owner is element for line in inside):
        # The winner is one paragraph of a flat page (<p> after <p> straight in <body>): its
        # neighbouring paragraphs are the rest of the article.
        run = _sibling_run(element, totals)
        if len(run) > 1:
            members = {el for sibling in run for el in sibling.iter()}
            inside = [line for line in lines if line.owner in members]
        elif best.total < _STUB_WEIGHT:
            inside = _short_line_report(element, lines) or inside
    return Container(element, best.total, inside)


#: A winning paragraph lighter than this may be one line of a report written in short lines.
_STUB_WEIGHT = 40.0
#: A report in short lines has at least this many text lines beside the winner.
_STUB_LINES = 5


def _short_line_report(element: Element, lines: list[RenderedLine]) -> list[RenderedLine] | None:
    """The lines of the winner's parent when the article is a report in short lines.

    A daily activity report, a notice of items or a list of figures has no paragraph long
    enough to outweigh the rest: the best line wins alone and its short siblings (the items
    themselves) would be lost. When the parent's other lines are mostly text rather than links,
    the parent is the article; select() still drops its furniture.
    """
    parent = element.getparent()
    if parent is None:
        return None
    members = set(parent.iter())
    inside = [line for line in lines if line.owner in members]
    linked = sum(1 for line in inside if line.link_density > 0.5)
    if len(inside) - linked < _STUB_LINES or linked * 2 > len(inside):
        return None
    return inside


#: A table row holding this much prose is a sentence of the document, not a figure.
_SENTENCE_ROW = 40
#: The block around a table of sentences may add this share of the table's weight (a title).
_TABLE_BLOCK_SHARE = 0.25


def _sentence_table(
    best: _Subtree, members: set[Element], lines: list[RenderedLine], totals: dict[int, _Subtree]
) -> _Subtree | None:
    """The block holding a table of sentences that outweighs the rest of `best`, if there is one.

    `members` are the elements of `best`'s subtree, which the caller collects anyway.

    A regulator's penalty decision (当事人, 主要违法违规事实, 行政处罚依据 …) is a table whose
    cells are sentences; next to it a sidebar of boilerplate (机构职能) can tip the heaviest
    subtree to the page column holding both. The table's block (the table, and a title or date
    line around it) is the article when it stands apart from that prose: it weighs more than all
    the prose outside it, and it is wrapped in an element of its own. A table inside an article,
    next to its paragraphs, is part of that article and changes nothing.
    """
    if not any(line.row for line in lines):
        return None
    counts: dict[int, int] = {}
    for line in lines:
        if line.row and line.owner in members and effective_length(line.text) >= _SENTENCE_ROW:
            table = next(line.owner.iterancestors("table"), None)
            if table is not None and id(table) in totals:
                counts[id(table)] = counts.get(id(table), 0) + 1
    for key, rows in counts.items():
        table = totals[key]
        if rows < 2:
            continue
        block = table
        parent = block.element.getparent()
        while parent is not None and parent is not best.element and id(parent) in totals:
            above = totals[id(parent)]
            if above.total - table.total > _TABLE_BLOCK_SHARE * table.total:
                break
            block, parent = above, parent.getparent()
        if block is not table and parent is best.element and table.total > best.total - block.total:
            return block
    return None


#: Lines at least this long that repeat an earlier line verbatim are a second copy of the text.
_MIN_REPEAT = 20


def _counted_once(lines: list[RenderedLine], weights: list[float]) -> list[float]:
    """The weights with the prose of a second copy of the text (a page's mobile version of the
    article, repeated below the desktop one) counted as nothing: otherwise the element holding
    both copies outweighs either, and the article would be the whole page."""
    seen: set[str] = set()
    out = list(weights)
    for i, line in enumerate(lines):
        if out[i] > 0 and len(line.text) >= _MIN_REPEAT:
            if line.text in seen:
                out[i] = 0.0
            seen.add(line.text)
    return out


@dataclass(slots=True)
class _Subtree:
    element: Element
    #: The weight of the lines in the subtree.
    total: float
    depth: int


def _subtree_totals(lines: list[RenderedLine], weights: list[float]) -> dict[int, _Subtree]:
    """id(element) -> its subtree's total weight, for every element holding a line or an
    ancestor of one (up to the walk's start)."""
    totals: dict[int, _Subtree] = {}
    by_depth: dict[int, list[_Subtree]] = {}
    for line, weight in zip(lines, weights):
        subtree = totals.get(id(line.owner))
        if subtree is None:
            subtree = totals[id(line.owner)] = _Subtree(line.owner, 0.0, line.depth)
            by_depth.setdefault(line.depth, []).append(subtree)
        subtree.total += weight
    # Every level from the deepest up, not only the levels that own lines: a row's line is owned
    # by its first cell, and the row above it holds no line of its own but must pass it on.
    for depth in range(max(by_depth, default=0), 0, -1):
        for subtree in by_depth.get(depth, ()):
            parent = subtree.element.getparent()
            if parent is None or depth <= 1:
                continue
            above = totals.get(id(parent))
            if above is None:
                above = totals[id(parent)] = _Subtree(parent, 0.0, depth - 1)
                by_depth.setdefault(depth - 1, []).append(above)
            above.total += subtree.total
    return totals


#: Extending a paragraph to its siblings stops at a sibling weighing less than this (a menu, a
#: footer line) ...
_RUN_STOP = -2 * _SHORT_COST
#: ... and never crosses more than this many consecutive non-prose siblings.
_RUN_GAP = 2


def _sibling_run(element: Element, totals: dict[int, _Subtree]) -> list[Element]:
    """The contiguous siblings around `element` that read as more of the same text."""
    parent = element.getparent()
    if parent is None:
        return [element]
    siblings = [el for el in parent if isinstance(el.tag, str)]
    at = next(i for i, el in enumerate(siblings) if el is element)
    weights = [totals[id(el)].total if id(el) in totals else None for el in siblings]
    return siblings[_run_edge(weights, at, -1) : _run_edge(weights, at, 1) + 1]


def _run_edge(weights: list[float | None], at: int, step: int) -> int:
    """How far from `at`, going by `step`, the siblings still read as text (None: no text at all,
    an image or an empty element)."""
    edge = at
    gap = 0
    i = at + step
    while 0 <= i < len(weights):
        weight = weights[i]
        if weight is not None:
            if weight < _RUN_STOP:
                break
            if weight > 0:
                edge, gap = i, 0
            else:
                gap += 1
                if gap > _RUN_GAP:
                    break
        i += step
    return edge


def _climb(best: _Subtree, totals: dict[int, _Subtree]) -> _Subtree:
    """The highest ancestor of `best` that weighs about as much (see _CLIMB_SHARE)."""
    floor = best.total - max(_CLIMB_SLACK, best.total * _CLIMB_SHARE)
    chosen = best
    parent = best.element.getparent()
    while parent is not None:
        above = totals.get(id(parent))
        if above is None or above.total < floor:
            break
        chosen = above
        parent = parent.getparent()
    return chosen
