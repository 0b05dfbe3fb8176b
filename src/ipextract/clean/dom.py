"""Untrusted HTML text -> an lxml tree, safely and the way a browser would see it.

libxml2's HTML parser never fetches anything and never expands DTD entities, but it differs from
browsers in ways real pages trip over, so the text is prepared first:

- a stray ``</html>`` or ``</body>`` (a header include that closes the document early) makes
  libxml2 drop everything after it, while browsers ignore such tags: they are removed;
- an ``<?xml … encoding=…?>`` declaration makes lxml refuse a ``str``: it is removed;
- a DOCTYPE internal subset (``<!DOCTYPE x [<!ENTITY …>]>``, the billion-laughs / XXE shape)
  would leak ``]>`` into the text: it is removed;
- NUL and other C0 control characters are removed (lxml refuses some of them).

libxml2 stops building the tree at 256 levels of nesting; the rest of such a page is lost, which
we report as a warning. Every walk over the tree in this package is iterative, so depth never
reaches Python's recursion limit.
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
_CONTROLS = {c: None for c in range(32) if c not in (9, 10, 13)}
_CONTROLS[0x7F] = None

#: libxml2's own nesting limit for HTML (without XML_PARSE_HUGE).
LIBXML_MAX_DEPTH = 256


@dataclass(slots=True)
class Parsed:
    root: lxml.html.HtmlElement
    elements: int
    warnings: list[str] = field(default_factory=list)


def prepare(text: str) -> str:
    """The text lxml should parse: see the module docstring for each repair."""
    text = text.translate(_CONTROLS)
    text = _XML_DECL.sub("", text, count=1)
    if "<!" in text[:4096]:
        text = _DOCTYPE_SUBSET.sub("", text, count=1)
    return _STRAY_END.sub("", text)


def parse_html(text: str, *, max_elements: int = 200_000) -> Parsed:
    """Parse page text into a tree; raise InputError when there is nothing to parse or too much."""
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, collect_ids=False
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

