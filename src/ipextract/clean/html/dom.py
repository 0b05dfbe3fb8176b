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

#: The element type of parsed pages: plain lxml.etree elements (lxml.html's element classes cost
#: a Python-level class lookup for every element a walk touches).
Element = lxml.etree._Element

# The repairs work on UTF-8 bytes: byte-level scans are several times faster than str ones, and
# lxml parses bytes with a declared encoding faster than a str. C0 bytes never occur inside UTF-8
# multi-byte sequences, so deleting them is safe.
_STRAY_END = re.compile(rb"</\s*(?:[hH][tT][mM][lL]|[bB][oO][dD][yY])\s*>")
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]{0,500}>", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]{0,500}\[[^\]]{0,100000}\]\s*>", re.IGNORECASE)
_DOCTYPE_START = re.compile(rb"<![dD][oO][cC][tT][yY][pP][eE]")
#: Stray end tags and doctype starts (group 1) in one scan: scanning a page costs more than
#: looking at the few matches, and the two patterns scanned apart cost half as much again.
_STRAY_OR_DOCTYPE = re.compile(
    rb"<(?:/\s*(?:[hH][tT][mM][lL]|[bB][oO][dD][yY])\s*>|(![dD][oO][cC][tT][yY][pP][eE]))"
)
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
    # Pages rarely hold a control byte: 29 memchr scans cost a third of one translate pass. The
    # bytes are tested as ints (`int in bytes` is a plain memchr; a bytes needle is first tried
    # as an int, which raises and clears a TypeError) and by map, without a generator frame.
    if any(map(data.__contains__, _CONTROLS)):
        data = data.translate(None, _CONTROLS)
    data = _XML_DECL.sub(b"", data, count=1)
    doctypes = b"<!" in data[:4096]
    kept: list[bytes] = []
    pos = 0
    for m in _STRAY_OR_DOCTYPE.finditer(data):
        if m.group(1) is None:  # a stray end tag
            kept.append(data[pos : m.start()])
            pos = m.end()
        elif doctypes and _DOCTYPE_SUBSET.match(data, m.start()):
            # Rare: the subset goes first, then the stray tags of what is left (its removal can
            # join the two halves of one).
            return _STRAY_END.sub(b"", _without_doctype_subset(data))
    if not kept:
        return data
    kept.append(data[pos:])
    return b"".join(kept)


def _without_doctype_subset(data: bytes) -> bytes:
    """`_DOCTYPE_SUBSET.sub(b"", data, count=1)`: the pattern is tried only where a `<!doctype`
    starts (a case-blind regex would be tried at every byte of the page). The starts are found
    by a regex with a literal `<!` prefix: a Python loop over every `<!` visited each comment."""
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
