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

from ..han import HAN
from ..resources import alternation
from . import vocab

#: Credit lines are short: a role, a separator and a few names or outlets.
_MAX_CREDIT = 80
#: A box or bullet that opens a newspaper byline: `□ 本报记者 XX`, `■记者 XX`.
_BOXED_BYLINE = re.compile(rf"^[□■◇◆▌▍|｜]\s*(?:本报|本台|本刊|新华社|特约)?(?:记者|通讯员)\s*[{HAN}·\s、]{{2,24}}$")
#: An editor tag closing a paragraph, with the story number a wire service adds (CNA).
_WIRE_TAG = re.compile(r"[（(]\s*(?:编辑|责任编辑|译者|核稿)\s*[:：][^()（）]{1,20}[)）]\s*\d{6,10}\s*$")
#: An outlet's closing credit: `（牟定县融媒体中心）`, `（来自XX日报）`.
_OUTLET_CREDIT = re.compile(
    rf"(?<=[。！？!?”」])\s*[（(](?:来自|转自|转载自)?[{HAN}]{{2,16}}"
    r"(?:融媒体中心|新闻中心|广播电视台|电视台|日报社?|晚报|报社|新闻网|传媒中心)[)）]\s*$"
)

#: An editor's tag after the paragraph's last sentence, unbracketed or in 【】:
#: `…增长13%。 责任编辑：王五`, `…。【责任编辑:王五 】`.
_EDITOR_TAIL = re.compile(
    rf"(?<=[。！？!?”」])\s?[【\[]?\s?(?:责任编辑|编辑|审核|校对|审校)\s?[:：]\s?"
    rf"[{HAN}·]{{2,4}}(?:\s[{HAN}·]{{2,4}}){{0,2}}\s?[】\]]?$"
)
#: The longest editor's tag `_EDITOR_TAIL` matches, so only a paragraph's end is searched.
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
    return bool(_role_line().match(key) or _BOXED_BYLINE.match(key))


def closing_credit_start(key: str) -> int | None:
    """Where a credit glued to the end of a paragraph starts, or None.

    The cut is made on the key; callers cut their text at the same offset (keys keep offsets).
    """
    if not key:
        return None
    if key[-1] in "）)0123456789":  # a wire tag ends with a story number, an outlet in brackets
        for pattern in (_WIRE_TAG, _OUTLET_CREDIT):
            m = pattern.search(key)
            if m and m.start() > 0:
                return m.start()
    offset = max(0, len(key) - _EDITOR_TAIL_MAX)
    m = _EDITOR_TAIL.search(key, offset) if "编" in key[offset:] or "审" in key[offset:] else None
    return m.start() if m and m.start() > 0 else None
