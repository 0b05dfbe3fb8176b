"""Untrusted HTML text -> an lxml tree, safely and the way a browser would see it.

libxml2's HTML parser never fetches anything and never expands DTD entities, but it differs from
browsers in ways real pages trip over, so the text is prepared first:

- a stray ``</html>`` or ``</body>`` (a header include that closes the document early) makes
  libxml2 drop everything after it, while browsers ignore such tags: they are removed;
- an ``<?xml … encoding=…?>`` declaration would contradict the UTF-8 the text is parsed as: it
  is removed;
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

from ...errors import InputError

#: The element type of parsed pages: plain lxml.etree elements, not lxml.html's (whose element
#: classes are looked up in Python for every element a walk touches).
Element = lxml.etree._Element

# The repairs work on the UTF-8 bytes lxml parses. C0 bytes never occur inside UTF-8 multi-byte
# sequences, so deleting them is safe.
_STRAY_END = re.compile(rb"</\s*(?:[hH][tT][mM][lL]|[bB][oO][dD][yY])\s*>")
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]{0,500}>", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]{0,500}\[[^\]]{0,100000}\]\s*>", re.IGNORECASE)
_DOCTYPE_START = re.compile(rb"<![dD][oO][cC][tT][yY][pP][eE]")
#: A DOCTYPE opens a page: one is looked for only when this much of the start holds a `<!`.
_DOCTYPE_WINDOW = 4096
_CONTROLS = bytes([c for c in range(32) if c not in (9, 10, 13)] + [0x7F])

#: Compiled once: `root.xpath(...)` would compile the expression on every page.
_COUNT_ELEMENTS = lxml.etree.XPath("count(//*)")

#: libxml2's nesting limit for HTML with XML_PARSE_HUGE.
LIBXML_MAX_DEPTH = 2048


@dataclass(slots=True)
class Parsed:
    root: Element
    elements: int
    warnings: list[str] = field(default_factory=list)


def prepare(text: str, utf8: bytes | None = None) -> bytes:
    """The UTF-8 bytes lxml should parse: see the module docstring for each repair.

    `utf8` is `text` already encoded (the page's bytes, when they were valid UTF-8).
    """
    data = utf8 if utf8 is not None else text.encode("utf-8", errors="replace")
    # Pages rarely hold a control byte: looking for each leaves most pages as they are.
    if any(byte in data for byte in _CONTROLS):
        data = data.translate(None, _CONTROLS)
    data = _XML_DECL.sub(b"", data, count=1)
    if b"<!" in data[:_DOCTYPE_WINDOW]:
        data = _without_doctype_subset(data)
    # After the subset: removing it can join the two halves of a stray tag.
    return _STRAY_END.sub(b"", data)


def _without_doctype_subset(data: bytes) -> bytes:
    """`data` without its first DOCTYPE internal subset. The subset pattern is tried only where a
    `<!doctype` starts, not at every byte of the page."""
    for start in _DOCTYPE_START.finditer(data):
        m = _DOCTYPE_SUBSET.match(data, start.start())
        if m is not None:
            return data[: m.start()] + data[m.end() :]
    return data


def parse_html(text: str, *, max_elements: int = 200_000, utf8: bytes | None = None) -> Parsed:
    """Parse page text into a tree; raise InputError when there is nothing to parse or too much."""
    parser = lxml.etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        collect_ids=False,
        huge_tree=True,
        encoding="utf-8",
    )
    try:
        root = lxml.etree.fromstring(prepare(text, utf8), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise InputError("empty", f"no HTML content to parse ({exc})") from None
    if root is None:
        raise InputError("empty", "no HTML content to parse")
    count = int(_COUNT_ELEMENTS(root))
    if count > max_elements:
        raise InputError("too_complex", f"page has {count} HTML elements, over the limit of {max_elements}")
    return Parsed(root, count)


def text_of(el: Element) -> str:
    """All text inside an element (scripts included), without its tail."""
    if not len(el):  # most table cells and hidden elements: the text is the element's own
        return el.text or ""
    return lxml.etree.tostring(el, method="text", encoding="unicode", with_tail=False)


_STRING_LENGTH = lxml.etree.XPath("string-length()")


def text_length(el: Element) -> int:
    """`len(text_of(el))`, counted by libxml2 without building the Python string."""
    return int(_STRING_LENGTH(el))
