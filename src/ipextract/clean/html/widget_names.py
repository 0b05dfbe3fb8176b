"""Widgets inside the article container, known by their class and id names.

The container (article.py) is chosen by its text; inside it a template may still nest a share
bar, a QR-code box, a comment thread or a related-links list whose lines read like short text
on their own (a headline in a related list, a commenter's sentence). Their names give them away
on any site that uses the common words (`share`, `comment`, `related`) or the pinyin
abbreviations of Chinese CMSs (`xgxw` 相关新闻, `ewm` 二维码): data/html_chrome_names.txt. Names
that also say `article`, `content`, `text` … (data/html_content_names.txt) are not read as a
widget's, as in readability's candidate filter.
"""

from __future__ import annotations

import re
from functools import cache

from ...resources import alternation, data_lines
from .. import LineKind
from .dom import Element
from .layout import RenderedLine

#: A policy's attachment line under a `related` element (相关附件) is part of the document.
_ATTACHMENT = re.compile(r"^(?:相关)?附件")


@cache
def _names(name: str) -> re.Pattern[str]:
    return re.compile(alternation(word.lower() for word in data_lines(name)))


def mark_widgets(inside: list[RenderedLine], kinds: list[LineKind], container: Element) -> None:
    """Mark as CHROME the BODY lines of `inside` that sit under a widget-named element below
    `container` (the container's own name and its ancestors' are not read)."""
    chrome, content = _names("html_chrome_names.txt"), _names("html_content_names.txt")
    # id(element) -> (element, verdict): the element is kept so that its id is not reused by
    # another lxml proxy while the map is alive.
    verdicts: dict[int, tuple[Element, bool]] = {id(container): (container, False)}

    def under_widget(el: Element | None) -> bool:
        path: list[Element] = []
        found = False
        while el is not None and id(el) not in verdicts:
            path.append(el)
            label = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
            if label.strip() and chrome.search(label) and not content.search(label):
                found = True
                break
            el = el.getparent()
        if not found:
            found = el is not None and verdicts[id(el)][1]
        for seen in path:  # every element on the way shares the verdict of what is above it
            verdicts[id(seen)] = (seen, found)
        return found

    for line in inside:
        if kinds[line.index] is LineKind.BODY and not _ATTACHMENT.match(line.text) and under_widget(line.owner):
            kinds[line.index] = LineKind.CHROME
