"""Widgets inside the article container: blocks known by their names or by their links.

The container (article.py) is chosen by its text; inside it a template may still nest a share
bar, a QR-code box, a comment thread or a related-links list whose lines read like short text
on their own (a headline in a related list, a commenter's sentence). Two marks give them away,
the two that readability's cleaner reads too:

- names: the common words (`share`, `comment`, `related`) or the pinyin abbreviations of
  Chinese CMSs (`xgxw` 相关新闻, `ewm` 二维码) in a class or id (data/html_chrome_names.txt);
  names that also say `article`, `content`, `text` … (data/html_content_names.txt) are the
  text's own;
- links: a block of several lines whose text is largely link text is a list of links, even
  when no single line of it is (`某某会议召开 2023-11-30`, the date unlinked).
"""

from __future__ import annotations

import re
from functools import cache

from ...resources import alternation, data_lines
from .. import LineKind
from .article import line_weight
from .attachments import attachment_label
from .dom import Element
from .layout import RenderedLine

#: A block of at least this many lines ...
_LINK_BLOCK_LINES = 3
#: ... with more than this share of link text is a link list.
_LINK_BLOCK_DENSITY = 0.35


@cache
def _names(name: str) -> re.Pattern[str]:
    return re.compile(alternation(word.lower() for word in data_lines(name)))


def mark_widgets(inside: list[RenderedLine], kinds: list[LineKind], container: Element) -> None:
    """Mark as CHROME the BODY lines of `inside` that sit under a widget-named element below
    `container`, and as LINKS those of a link block below it (the container's own name and
    links are not read). `kinds` is indexed by the lines' page index."""
    text = [
        line for line in inside if kinds[line.index] is LineKind.BODY and not attachment_label(line.text)
    ]
    if not text:
        return
    named = _WidgetNames(container)
    blocks = _link_blocks(inside, container) if any(line.link_chars for line in text) else {}
    for line in text:
        if named.under_widget(line.owner):
            kinds[line.index] = LineKind.CHROME
        elif blocks and _in_block(line.owner, blocks, container):
            kinds[line.index] = LineKind.LINKS


def demote_widget_prose(lines: list[RenderedLine], weights: list[float]) -> None:
    """Prose under a widget-named element (a comment thread, a related list's summaries, a
    footer's address) weighs against its container, as furniture does: a long comment thread
    must not outweigh the article when the container is chosen."""
    named = _WidgetNames(None)
    for i, line in enumerate(lines):
        if weights[i] > 0 and named.under_widget(line.owner):
            weights[i] = line_weight(line, LineKind.CHROME)


#: How many levels above a line's own element a link block is looked for (`ul` > `li`,
#: `div` > `ul` > `li`).
_BLOCK_LEVELS = 2


class _WidgetNames:
    """Whether an element below the container is, or sits under, a widget-named element.

    Only the ancestors of text lines are read, each once: most elements of a page carry a
    class, and testing all of them would cost more than the rest of this step.
    """

    def __init__(self, container: Element | None) -> None:
        self.chrome = _names("html_chrome_names.txt")
        self.content = _names("html_content_names.txt")
        # id -> (element, verdict); the element is kept so that its id is not reused by
        # another lxml proxy while the map is alive.
        self.verdicts: dict[int, tuple[Element, bool]] = {}
        if container is not None:  # the container's own name and its ancestors' are not read
            self.verdicts[id(container)] = (container, False)

    def under_widget(self, el: Element | None) -> bool:
        path: list[Element] = []
        found = False
        while el is not None and id(el) not in self.verdicts:
            path.append(el)
            if self._named(el):
                found = True
                break
            el = el.getparent()
        else:
            found = el is not None and self.verdicts[id(el)][1]
        for seen in path:  # every element on the way shares the verdict of what is above it
            self.verdicts[id(seen)] = (seen, found)
        return found

    def _named(self, el: Element) -> bool:
        cls, ident = el.get("class"), el.get("id")
        if not cls and not ident:
            return False
        label = f"{cls or ''} {ident or ''}".lower()
        return bool(self.chrome.search(label)) and not self.content.search(label)


def _link_blocks(inside: list[RenderedLine], container: Element) -> dict[int, Element]:
    """id -> element for the elements (up to _BLOCK_LEVELS above the lines) that are link lists."""
    stats: dict[int, list] = {}  # id -> [element, lines, characters, link characters]
    for line in inside:
        el = line.owner
        for _ in range(_BLOCK_LEVELS):
            el = el.getparent()
            if el is None or el is container:
                break
            entry = stats.get(id(el))
            if entry is None:
                entry = stats[id(el)] = [el, 0, 0, 0]
            entry[1] += 1
            entry[2] += len(line.text)
            entry[3] += line.link_chars
    return {
        key: el for key, (el, lines, chars, links) in stats.items()
        if lines >= _LINK_BLOCK_LINES and links > _LINK_BLOCK_DENSITY * chars
    }


def _in_block(owner: Element, blocks: dict[int, Element], container: Element) -> bool:
    el = owner
    for _ in range(_BLOCK_LEVELS):
        el = el.getparent()
        if el is None or el is container:
            return False
        if id(el) in blocks:
            return True
    return False
