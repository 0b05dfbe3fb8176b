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
from .dom import Element
from .layout import RenderedLine

#: A policy's attachment line under a `related` element (相关附件) is part of the document.
_ATTACHMENT = re.compile(r"^(?:相关)?附件")
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
    chrome, content = _names("html_chrome_names.txt"), _names("html_content_names.txt")
    # id(element) -> [element, named a widget, lines, characters, link characters]; the element
    # is kept so that its id is not reused by another lxml proxy while the map is alive.
    blocks: dict[int, list] = {}
    chains: list[list[int]] = []
    for line in inside:
        chain: list[int] = []
        el = line.owner
        while el is not None and el is not container:
            block = blocks.get(id(el))
            if block is None:
                label = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
                named = bool(label.strip()) and bool(chrome.search(label)) and not content.search(label)
                block = blocks[id(el)] = [el, named, 0, 0, 0]
            block[2] += 1
            block[3] += len(line.text)
            block[4] += line.link_chars
            chain.append(id(el))
            el = el.getparent()
        chains.append(chain)
    for line, chain in zip(inside, chains):
        if kinds[line.index] is not LineKind.BODY or _ATTACHMENT.match(line.text):
            continue
        if any(blocks[key][1] for key in chain):
            kinds[line.index] = LineKind.CHROME
        elif any(_link_block(blocks[key]) for key in chain):
            kinds[line.index] = LineKind.LINKS


def _link_block(block: list) -> bool:
    _el, _named, lines, chars, links = block
    return lines >= _LINK_BLOCK_LINES and links > _LINK_BLOCK_DENSITY * chars
