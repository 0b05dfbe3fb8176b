"""Credit shapes: lines and line ends that name who made or supplied the article, not its text.

Bylines, production credits and origin notes come in a few shapes across sites, all outside
the article's text (CONVENTIONS: no 责任编辑/编辑 lines, no captions):

- a whole line: `原标题：…`, `出品︱XX`, `作者︱XX`, `文章综合自：…`, `□ 本报记者 XX`;
- the end of the last paragraph: a Taiwan CNA tag with its story number,
  `…（編輯：XX）1100104`, an outlet's closing credit, `…（牟定县融媒体中心）`, or an editor's
  tag after the last sentence, `…。 责任编辑：XX`.

Pure functions on a line's Simplified key, so the text cleaner, the HTML cleaner and the
metadata readers can all ask them; the role words are data (`data/lines_credit_roles.txt`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import alternation, patterns
from . import vocab

_P = patterns("credits")

#: Credit lines are short: a role, a separator and a few names or outlets.
_MAX_CREDIT = 80

#: The longest editor's tag `_P.editor_tail` matches, so only a paragraph's end is searched.
_EDITOR_TAIL_MAX = 40


@lru_cache(maxsize=1)
def _role_line() -> re.Pattern[str]:
    roles = alternation(vocab.words("lines_credit_roles.txt"))
    # A bar (︱|｜/) or a colon after the role: `出品︱XX`, `原标题：…`; a bare role word is text.
    return re.compile(rf"^[【\[（(]?\s*(?:{roles})\s*(?:[︱|｜/／]|[:：])\s*\S")


def credit_line(key: str) -> bool:
    """The whole line is a credit or origin note (`原标题：…`, `出品︱XX`, `□ 本报记者 XX`)."""
    if len(key) > _MAX_CREDIT:
        return False
    return bool(_role_line().match(key) or _P.boxed_byline.match(key))


def closing_credit_start(key: str) -> int | None:
    """Where a credit glued to the end of a paragraph starts, or None.

    The cut is made on the key; callers cut their text at the same offset (keys keep offsets).
    """
    if not key:
        return None
    if key[-1] in "）)0123456789":  # a wire tag ends with a story number, an outlet in brackets
        for pattern in (_P.wire_tag, _P.outlet_credit):
            m = pattern.search(key)
            if m and m.start() > 0:
                return m.start()
    offset = max(0, len(key) - _EDITOR_TAIL_MAX)
    m = _P.editor_tail.search(key, offset) if "编" in key[offset:] or "审" in key[offset:] else None
    return m.start() if m and m.start() > 0 else None
