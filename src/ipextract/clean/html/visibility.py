"""Is an element rendered? Inline styles, the `hidden` attribute and simple page stylesheets.

Hacked government pages hide their link farms with inline CSS (display:none, zero font-size or
height, off-screen positions) or with a class hidden by a <style> rule, so a browser user never
sees them but a naive extractor does. Only what the page itself states is read: no external
stylesheet, no scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ...resources import patterns
from .dom import Element

_P = patterns("visibility")

# What hides an element, after lower-casing and removing whitespace. Each rule is looked for
# only when a literal it needs is present (`:0`, `:-`): one regex whose branches open with a
# look-behind would be tried at every position of a large saved stylesheet's rule blocks.
#: `font-size:0`, `height:0`, `max-height:0` — the property not glued to a longer name.
_ZERO_SIZE_WORDS = ("font-size", "height", "max-height")


def style_hides(style: str) -> bool:
    """True when an inline style (or a CSS declaration block) makes its element invisible:
    display:none, visibility:hidden|collapse, a zero font-size/height/max-height or opacity,
    a large negative text-indent/margin, or an absolute/fixed position far off-screen."""
    style = style.lower()
    # Substrings without which no declaration can hide anything.
    if not (
        "0" in style or "-" in style or "none" in style or "hidden" in style or "collapse" in style or "rect(" in style
    ):
        return False
    css = "".join(style.split())  # whitespace removed: str.split splits at exactly what \s matches
    if not css:
        return False
    if "display:none" in css or "visibility:hidden" in css or "visibility:collapse" in css:
        return True
    if ":0" in css and (_zero_size(css) or ("opacity:0" in css and _P.zero_opacity.search(css))):
        return True
    if ("hidden" in css or "(" in css) and _clipped_away(css):
        return True
    if ":-" not in css:
        return False
    if _P.negative_indent.search(css):
        return True
    m = _P.offscreen.search(css)
    return bool(m and int(m.group(1)) >= 500 and _P.positioned.search(css))


def _clipped_away(css: str) -> bool:
    """A box that shows nothing of its text: a pixel-sized box with overflow hidden (how link
    farms on hacked pages are tucked away), a positioned box clipped to nothing, a zero scale."""
    if "overflow:hidden" in css and _P.tiny_box.search(css):
        return True
    if "clip:rect(" in css and _P.clip_rect.search(css) and _P.positioned.search(css):
        return True
    return "scale(0" in css and _P.scale_zero.search(css) is not None


def _zero_size(css: str) -> bool:
    """A `font-size|height|max-height:0` declaration (not `line-height:0`).

    Only the places where one of the words is followed by `:0` are looked at (a reset rule has
    dozens of `margin:0`)."""
    for word in _ZERO_SIZE_WORDS:
        needle = word + ":0"
        start = css.find(needle)
        while start >= 0:
            if not (start and _P.name_char.match(css, start - 1)) and _P.zero_size_tail.match(css, start + len(word)):
                return True
            start = css.find(needle, start + 1)
    return False


#: Inline styles repeat (every hidden <li> of a link farm, every styled <span>): short ones are
#: decided once per process.
_CACHED_STYLE = 256


@lru_cache(maxsize=4096)
def _cached_style_hides(style: str) -> bool:
    return style_hides(style)


def inline_style_hides(style: str) -> bool:
    """`style_hides` for a style attribute, remembered for short, repeated values."""
    return _cached_style_hides(style) if len(style) <= _CACHED_STYLE else style_hides(style)


@dataclass(slots=True)
class HiddenSelectors:
    """Class names and ids that the page's own <style> blocks hide (outside @media rules)."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.classes or self.ids)

    def attributes(self) -> frozenset[str]:
        """The attributes `hides` reads: "id" and "class" when some are hidden."""
        return frozenset(name for name, hidden in (("id", self.ids), ("class", self.classes)) if hidden)

    def hides(self, el: Element) -> bool:
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
    that scripts toggle. Only rules holding a possibly hiding value (`:none`, `:0`, `:-…`) are
    looked at, and the brace depth is counted between them, so a large site stylesheet is read
    in a few scans.
    """
    out = HiddenSelectors()
    for sheet in stylesheets:
        depth = 0
        pos = 0
        done = -1
        for m in _hiding_values(sheet):
            at = m.start()
            # The pattern's look-behind has checked a property glued to the colon.
            if sheet[at - 1].isspace() and not _hiding_property_before(sheet, at):
                continue
            depth += sheet.count("{", pos, at) - sheet.count("}", pos, at)
            pos = at
            if depth != 1:
                continue  # not in a top-level rule: inside @media {…} or malformed
            open_at = sheet.rfind("{", 0, at)
            if open_at <= done:
                continue
            done = open_at
            close_at = sheet.find("}", at)
            if not style_hides(sheet[open_at + 1 : close_at if close_at >= 0 else len(sheet)]):
                continue
            begin = max(sheet.rfind("}", 0, open_at), sheet.rfind(";", 0, open_at)) + 1
            for sel in sheet[begin:open_at].split(","):
                sm = _P.simple_selector.match(sel.strip())
                if sm:
                    (out.classes if sm.group(1) == "." else out.ids).add(sm.group(2))
    return out


def _case_blind(word: str) -> str:
    """`word` as a pattern matching it in any ASCII case (`[dD][iI]…`): a pattern compiled with
    re.IGNORECASE folds every character it compares and cannot skip ahead to a literal."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


#: A declaration that may hide its element, found by its colon:
#: one branch per property and the values that can make it hide (display:none,
#: visibility:hidden|collapse, font-size|height|opacity:0, indent|left|top|right:-N), the property
#: glued to the colon. `top:0` or `margin-left:0` is no candidate: a reset rule has dozens. A colon
#: after white space (`display : none`) takes any hiding value, and the property before it is then
#: checked in Python. `style_hides` judges the whole rule of a candidate.
_NONE = _case_blind("none")
_HIDDEN = f"(?:{_case_blind('hidden')}|{_case_blind('collapse')})"
_HIDING_PAIRS = (
    ("display", _NONE),
    ("visibility", _HIDDEN),
    ("font-size", "0"),
    ("height", "0"),
    ("opacity", "0"),
    ("indent", r"-\d"),
    ("left", r"-\d"),
    ("top", r"-\d"),
    ("right", r"-\d"),
)
_HIDING_DECLARATION = re.compile(
    r":(?=\s*(?:[nNhHcC0]|-\d))(?:"
    + "|".join(rf"(?<={_case_blind(word)}:)(?=\s*{value})" for word, value in _HIDING_PAIRS)
    + rf"|(?<=\s:)(?=\s*(?:{_NONE}|{_HIDDEN}|0|-\d)))"
)


def _hiding_values(sheet: str) -> Iterator[re.Match[str]]:
    """The colons of the declarations in `sheet` that may hide (see `_HIDING_DECLARATION`)."""
    return _HIDING_DECLARATION.finditer(sheet)


_PROPERTY_WORDS = tuple(word for word, _value in _HIDING_PAIRS)
#: The property before a colon that follows white space.
_HIDING_PROPERTY = re.compile(f"(?:{'|'.join(map(re.escape, _PROPERTY_WORDS))})\\s*$", re.IGNORECASE)


def _hiding_property_before(sheet: str, at: int) -> bool:
    """`_HIDING_PROPERTY` ends right before the colon at `at` (within 24 characters).

    Plain string tests on ASCII windows, the regex otherwise (case folding beyond ASCII).
    """
    lo = max(0, at - 24)
    window = sheet[lo:at]
    if window.isascii():
        return window.rstrip().lower().endswith(_PROPERTY_WORDS)
    return _HIDING_PROPERTY.search(sheet, lo, at) is not None


def element_hidden(el: Element, selectors: HiddenSelectors, style: str | None) -> bool:
    """True when the element is not rendered according to its attributes or the page's styles.

    `style` is the element's style attribute (the caller reads it for other marks too).
    """
    if style and inline_style_hides(style):
        return True
    return el.get("hidden") is not None or selectors.hides(el)
