"""Untrusted HTML text -> an lxml tree, safely and the way a browser would see it.

libxml2's HTML parser never fetches anything and never expands DTD entities, but it differs from
browsers in ways real pages trip over, so the text is prepared first:

- a stray ``</html>`` or ``</body>`` (a header include that closes the document early) makes
  libxml2 drop everything after it, while browsers ignore such tags: they are removed;
- an ``<?xml … encoding=…?>`` declaration makes lxml refuse a ``str``: it is removed;
- a DOCTYPE internal subset (``<!DOCTYPE x [<!ENTITY …>]>``, the billion-laughs / XXE shape)
  would leak ``]>`` into the text: it is removed;
- NUL and other C0 control characters are removed (lxml refuses some of them).

The parser runs with libxml2's "huge" option so that real pages with runaway unclosed tags
(`<font>` hundreds deep) keep their text: libxml2 then stops building the tree at 2048 levels
(the rest of such a page is lost, which is reported as a warning) instead of 256. Every walk over
the tree in this package is iterative, so depth never reaches Python's recursion limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from ..errors import InputError

_STRAY_END = re.compile(r"</\s*(?:html|body)\s*>", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,500}>", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]{0,500}\[[^\]]{0,100000}\]\s*>", re.IGNORECASE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: libxml2's nesting limit for HTML with XML_PARSE_HUGE.
LIBXML_MAX_DEPTH = 2048


@dataclass(slots=True)
class Parsed:
    root: lxml.html.HtmlElement
    elements: int
    warnings: list[str] = field(default_factory=list)


def prepare(text: str) -> str:
    """The text lxml should parse: see the module docstring for each repair."""
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    text = _XML_DECL.sub("", text, count=1)
    if "<!" in text[:4096]:
        text = _DOCTYPE_SUBSET.sub("", text, count=1)
    return _STRAY_END.sub("", text)


def parse_html(text: str, *, max_elements: int = 200_000) -> Parsed:
    """Parse page text into a tree; raise InputError when there is nothing to parse or too much."""
    parser = lxml.html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        collect_ids=False,
        huge_tree=True,
    )
    try:
        root = lxml.html.document_fromstring(prepare(text), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError("empty", f"no HTML content to parse ({exc})") from None
    count = 0
    for count, _ in enumerate(root.iter(), 1):
        if count > max_elements:
            raise InputError("too_complex", f"page has more than {max_elements} HTML elements")
    return Parsed(root, count)

