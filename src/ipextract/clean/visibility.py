"""Is an element rendered? Inline styles, the `hidden` attribute and simple page stylesheets.

Hacked government pages hide their link farms with inline CSS (display:none, zero font-size or
height, off-screen positions) or with a class hidden by a <style> rule, so a browser user never
sees them but a naive extractor does. Only what the page itself states is read: no external
stylesheet, no scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

_HIDING_DECLARATION = re.compile(
    r"""
      display:none
    | visibility:(?:hidden|collapse)
    | (?<![-\w])(?:font-size|height|max-height):0(?:\.0+)?(?:px|pt|em|rem|%)?(?=[;!}]|$)
    | opacity:0(?:\.0+)?(?=[;!}]|$)
    | (?:text-indent|margin-left|margin-top):-\d{3,}(?:\.\d+)?(?:px|pt|em|rem)?
    """,
    re.VERBOSE,
)
_OFFSCREEN = re.compile(r"(?<![-\w])(?:left|top|right):-(\d{3,})(?:\.\d+)?(?:px|pt|em|rem)?")
_POSITIONED = re.compile(r"position:(?:absolute|fixed)")
_SPACES = re.compile(r"\s+")
_SIMPLE_SELECTOR = re.compile(r"^(?:[a-z][a-z0-9]*)?([.#])([-\w]+)$", re.IGNORECASE)
_RULE = re.compile(r"([^{}]{1,2000})\{([^{}]{0,4000})\}")


def style_hides(style: str) -> bool:
    """True when an inline style (or a CSS declaration block) makes its element invisible."""
    css = _SPACES.sub("", style).lower()
    if not css:
        return False
    if _HIDING_DECLARATION.search(css):
        return True
    m = _OFFSCREEN.search(css)
    return bool(m and int(m.group(1)) >= 500 and _POSITIONED.search(css))


@dataclass(slots=True)
class HiddenSelectors:
    """Class names and ids that the page's own <style> blocks hide (outside @media rules)."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def hides(self, el: HtmlElement) -> bool:
        if self.ids:
            ident = el.get("id")
            if ident and ident in self.ids:
                return True
        if self.classes:
            cls = el.get("class")
            if cls and not self.classes.isdisjoint(cls.split()):
                return True
        return False


def hidden_selectors(stylesheets: list[str]) -> HiddenSelectors:
    """Collect `.class` / `#id` / `tag.class` selectors whose rule hides the element.

    Rules inside @media (and other at-rule blocks) are skipped: they hide things only on some
    screens. Compound selectors (`.tabs .pane`) are skipped too: they usually belong to widgets
    that scripts toggle.
    """
    out = HiddenSelectors()
    for sheet in stylesheets:
        for selectors, body in _RULE.findall(_top_level(sheet)):
            if not style_hides(body):
                continue
            for sel in selectors.split(","):
                m = _SIMPLE_SELECTOR.match(sel.strip())
                if m:
                    (out.classes if m.group(1) == "." else out.ids).add(m.group(2))
    return out


def _top_level(sheet: str) -> str:
    """The stylesheet without at-rule blocks (@media {...}), found by a linear brace scan."""
    if "@" not in sheet:
        return sheet
    keep: list[str] = []
    depth = 0
    at_depth = -1
    start = 0
    i = 0
    n = len(sheet)
    while i < n:
        ch = sheet[i]
        if ch == "@" and depth == 0 and at_depth < 0:
            keep.append(sheet[start:i])
            at_depth = 0
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
            if at_depth >= 0 and depth == 0:
                at_depth = -1
                start = i + 1
        elif ch == ";" and at_depth >= 0 and depth == 0:
            # @import …; / @charset …; have no block.
            at_depth = -1
            start = i + 1
        i += 1
    if at_depth < 0:
        keep.append(sheet[start:])
    return "".join(keep)


def element_hidden(el: HtmlElement, selectors: HiddenSelectors) -> bool:
    """True when the element is not rendered according to its attributes or the page's styles."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and style_hides(style):
        return True
    return selectors.hides(el)
