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

from lxml.html import HtmlElement

from .blocks import Line

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
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


def effective_length(text: str) -> float:
    """Han characters count fully; Latin letters and digits a fifth (five letters ~ one word)."""
    return len(_HAN.findall(text)) + len(_ALNUM.findall(text)) / 5


#: Line kinds (see body.classify) that are furniture: they count against a container.
_FURNITURE = frozenset(
    ("chrome", "footer", "footer_label", "links", "toolbar", "end", "spam", "nohan", "breadcrumb")
)
#: Line kinds that belong to an article's header or trailer: neutral-ish, like a short line.
_LABELS = frozenset(("meta", "stamp", "byline", "editor", "caption"))


def line_weight(line: Line, kind: str = "body") -> float:
    """Positive for prose, negative for links, furniture and footers (see the module docstring)."""
    size = effective_length(line.text)
    if kind in _FURNITURE:
        return -max(_SHORT_COST, size)
    if kind in _LABELS:
        return -_SHORT_COST
    own = size * (1 - line.link_density)
    if own >= _MIN_PROSE and (_SENTENCE_PUNCT.search(line.text) or own >= 2 * _MIN_PROSE):
        return own - size * line.link_density
    return -_SHORT_COST


@dataclass(slots=True)
class Container:
    element: HtmlElement
    weight: float
    lines: list[Line]


def find_container(lines: list[Line], weights: list[float]) -> Container | None:
    """The article container and the lines inside it, or None when the page has no prose.

    `weights` are the lines' `line_weight` values.
    """
    if not lines:
        return None
    totals: dict[int, float] = {}
    elements: dict[int, HtmlElement] = {}
    depth: dict[int, int] = {}
    chains: list[list[int]] = []
    for line, weight in zip(lines, weights):
        chain = _ancestors(line.owner)
        keys = [id(el) for el in chain]
        chains.append(keys)
        for level, (key, el) in enumerate(zip(keys, chain)):
            if key not in elements:
                elements[key] = el
                depth[key] = len(chain) - level
            totals[key] = totals.get(key, 0.0) + weight
    best = max(totals, key=lambda k: (totals[k], depth[k]))
    if totals[best] <= 0:
        return None
    best = _climb(elements[best], totals, best)
    inside = [line for line, keys in zip(lines, chains) if best in keys]
    return Container(elements[best], totals[best], inside)


def _climb(el: HtmlElement, totals: dict[int, float], key: int) -> int:
    floor = totals[key] - max(_CLIMB_SLACK, totals[key] * _CLIMB_SHARE)
    chosen = key
    parent = el.getparent()
    while parent is not None:
        pkey = id(parent)
        if pkey not in totals or totals[pkey] < floor:
            break
        if totals[pkey] >= floor:
            chosen = pkey
        parent = parent.getparent()
    return chosen


def _ancestors(el: HtmlElement) -> list[HtmlElement]:
    chain = []
    node: HtmlElement | None = el
    while node is not None:
        chain.append(node)
        node = node.getparent()
    return chain
