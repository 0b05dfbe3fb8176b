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
from operator import itemgetter

from ...han import HAN
from .. import LineKind
from .dom import Element
from .layout import RenderedLine

# Counted as what is left after deleting everything else: no list of matches is built.
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

    Most lines (menu items, link titles) are Han only: one scan says so. Other lines lose
    everything but Han characters and ASCII letters and digits in one deletion; the ASCII ones
    among what is left are the letters and digits (an ASCII encoding that drops the rest skips
    each Han run in one step).
    """
    sample = text[:_SAMPLE]
    if _ALL_HAN.fullmatch(sample):
        size = float(len(sample))
    else:
        counted = _NOT_COUNTED.sub("", sample)
        alnum = len(counted.encode("ascii", "ignore"))
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


_TOTAL_DEPTH = itemgetter(1, 2)


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
    totals: dict[int, list] = {}  # id(element) -> [element, total, depth]
    by_depth: dict[int, list[int]] = {}
    for line, weight in zip(lines, weights):
        key = id(line.owner)
        entry = totals.get(key)
        if entry is None:
            totals[key] = [line.owner, weight, line.depth]
            by_depth.setdefault(line.depth, []).append(key)
        else:
            entry[1] += weight
    for depth in sorted(by_depth, reverse=True):
        for key in by_depth[depth]:
            el, total, _ = totals[key]
            parent = el.getparent()
            if parent is None or depth <= 1:
                continue
            pkey = id(parent)
            entry = totals.get(pkey)
            if entry is None:
                totals[pkey] = [parent, total, depth - 1]
                by_depth.setdefault(depth - 1, []).append(pkey)
            else:
                entry[1] += total
    if not totals:
        return None
    # The first entry with the largest (total, depth), as max over the keys with a lambda gave.
    best = id(max(totals.values(), key=_TOTAL_DEPTH)[0])
    if totals[best][1] <= 0:
        return None
    best = _climb(best, totals)
    element = totals[best][0]
    members = set(element.iter())
    inside = [line for line in lines if line.owner in members]
    if all(line.owner is element for line in inside):
        # The winner is one paragraph of a flat page (<p> after <p> straight in <body>): its
        # neighbouring paragraphs are the rest of the article.
        run = _sibling_run(element, totals)
        if len(run) > 1:
            members = {el for sibling in run for el in sibling.iter()}
            inside = [line for line in lines if line.owner in members]
    return Container(element, totals[best][1], inside)


#: Extending a paragraph to its siblings stops at a sibling weighing less than this (a menu, a
#: footer line) ...
_RUN_STOP = -2 * _SHORT_COST
#: ... and never crosses more than this many consecutive non-prose siblings.
_RUN_GAP = 2


def _sibling_run(element: Element, totals: dict[int, list]) -> list[Element]:
    """The contiguous siblings around `element` that read as more of the same text."""
    parent = element.getparent()
    if parent is None:
        return [element]
    siblings = [el for el in parent if isinstance(el.tag, str)]
    at = next(i for i, el in enumerate(siblings) if el is element)
    weight = [totals[id(el)][1] if id(el) in totals else None for el in siblings]

    def extend(step: int) -> int:
        edge = at
        gap = 0
        i = at + step
        while 0 <= i < len(siblings):
            w = weight[i]
            if w is None:  # no text at all (an image, an empty element)
                i += step
                continue
            if w < _RUN_STOP:
                break
            if w > 0:
                edge, gap = i, 0
            else:
                gap += 1
                if gap > _RUN_GAP:
                    break
            i += step
        return edge

    lo, hi = extend(-1), extend(1)
    return siblings[lo : hi + 1]


def _climb(key: int, totals: dict[int, list]) -> int:
    weight = totals[key][1]
    floor = weight - max(_CLIMB_SLACK, weight * _CLIMB_SHARE)
    chosen = key
    parent = totals[key][0].getparent()
    while parent is not None:
        entry = totals.get(id(parent))
        if entry is None or entry[1] < floor:
            break
        chosen = id(parent)
        parent = parent.getparent()
    return chosen
