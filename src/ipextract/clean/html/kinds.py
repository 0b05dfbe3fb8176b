"""The kind of a rendered line, from its own text and layout, before its position is considered.

Furniture (toolbars, footers, link lists, editor credits, end-of-article markers, photo
captions), metadata (label lines, timestamps, bylines) or body text. Every rule reads the line's
Simplified key (`keys.line_key`), so the word lists in `data/html_*` are written in Simplified
script only and serve pages in both scripts.
"""

from __future__ import annotations

import re
from functools import cache

from ...dates import CLOCK, TIMESTAMP
from ...han import HAN, HAN_CHAR, count_han
from ...resources import patterns
from .. import LineKind, credits, line_rules, vocab
from ..line_rules import caption_marker, end_marker
from .labels import is_byline, is_label_line, label_row
from .layout import RenderedLine

_P = patterns("kinds")

_CLOCK = re.compile(CLOCK)

#: Lines longer than this are never toolbars, credits, end markers, stamps, bylines or footer labels.
SHORT_LINE = 60
#: Lines longer than this are never footers or disclaimers (those run to two or three sentences).
_FOOTER_MAX = 400


def classify(line: RenderedLine, key: str) -> LineKind:
    """The kind of a line (`key` is its Simplified key), before position is considered."""
    if line.chrome:
        return LineKind.CHROME
    if footer_line(key):
        return LineKind.FOOTER
    if line.link_density > 0.5 and not line.row:
        return LineKind.LINKS
    if line.row and label_row(line.text):
        return LineKind.META
    if len(key) <= SHORT_LINE:
        kind = _short_line_kind(key)
        if kind:
            return kind
    if caption_marker(key):
        return LineKind.CAPTION
    if len(key) <= 100 and is_label_line(key):
        return LineKind.META
    if credits.credit_line(key) or (len(key) <= SHORT_LINE and line_rules.chrome_phrase(key)):
        return LineKind.CHROME
    if len(key) <= SHORT_LINE:
        if is_byline(key):
            return LineKind.BYLINE
        if footer_label_line(key):
            return LineKind.FOOTER_LABEL
    if not HAN_CHAR.search(key) and not _P.digit.search(key):
        return LineKind.NOHAN
    if len(key) <= 200:
        shared = line_rules.spam_or_breadcrumb(key)
        if shared is LineKind.SPAM or (shared is LineKind.BREADCRUMB and len(key) <= 120):
            return shared
    return LineKind.BODY


def _short_line_kind(key: str) -> LineKind | None:
    """The kinds only short lines can have (each rule says no beyond SHORT_LINE characters)."""
    if stamp_line(key):
        return LineKind.STAMP
    if toolbar_line(key):
        return LineKind.TOOLBAR
    if editor_line(key):
        return LineKind.EDITOR
    if end_marker(key):
        return LineKind.END
    return None


@cache
def _toolbar_stranger() -> re.Pattern[str]:
    """A Han character no toolbar word holds: a line with one is never only toolbar words."""
    return vocab.han_outside("".join(vocab.words("html_toolbar_words.txt")) + "大中小")


def toolbar_line(key: str) -> bool:
    """A line made only of toolbar / share-widget words: `打印 字体：放大 正常 缩小 分享`."""
    if len(key) > SHORT_LINE:
        return False
    if _P.counter.match(key):
        return True
    if _toolbar_stranger().search(key):
        return False
    if _P.size_only.match(_P.separators.sub("", key)):
        return True
    rest, found = vocab.vocabulary("html_toolbar_words.txt").remove(key)
    if not found:
        return False
    rest = _P.size_letters.sub("", _P.separators.sub("", rest))
    return not rest.strip("0123456789")


def footer_line(key: str) -> bool:
    """Site footer or disclaimer, wherever it sits: copyright, ICP numbers, 特别声明 …"""
    return len(key) <= _FOOTER_MAX and vocab.vocabulary("html_footer_markers.txt").search(key)


def footer_label_line(key: str) -> bool:
    """A footer label that articles use too (主办单位, 承办单位): furniture only outside the text."""
    return len(key) <= SHORT_LINE and vocab.vocabulary("html_footer_labels.txt").search(key)


def editor_line(key: str) -> bool:
    """An editor / production credit: `（责任编辑：周雁）`, `【编辑:陈海峰】`, `制图/姜宣凭`, and in
    brackets a role set off by a space from the names (`（编辑 张三）`, `【审核 李四 王五】`)."""
    if len(key) > SHORT_LINE:
        return False
    template = r"^[\[【（(〔\s]*(?:【?纠错】?\s*)?(?:{words})\s*[:：/／]"
    if vocab.pattern("html_editor_labels.txt", template).search(key) is not None:
        return True
    return bool(key[:1] in _OPENERS and vocab.pattern("html_editor_labels.txt", _SPACED_CREDIT).match(key))


_OPENERS = "[【（(〔"
#: `（编辑 张三）`: a bracketed credit whose role and names only a space divides.
_SPACED_CREDIT = rf"^[\[【（(〔]\s*(?:{{words}})\s+[{HAN}·]{{{{2,4}}}}(?:[\s、]+[{HAN}·]{{{{2,4}}}})*\s*[)）】\]〕]$"


def stamp_line(key: str) -> bool:
    """A short line that is a CMS timestamp: `2020-04-01 10:29`, `2019年09月11日 富达传媒 1665`.

    A date written in words alone (`2024年5月30日`, the signature date of a notice) is text, and
    so is a short sentence that starts with a date.
    """
    if len(key) > SHORT_LINE or "。" in key or ("19" not in key and "20" not in key and "民国" not in key):
        return False  # every timestamp opens with the century, or with the Republic's era name
    if _P.english_date.fullmatch(key.strip()):
        return True
    m = TIMESTAMP.search(key)
    if not m or (m["H"] is None and "年" in m.group() and date_only_line(key)):
        return False
    return count_han(_CLOCK.sub("", key[: m.start()] + key[m.end() :])) <= 20


_DATE_WRAPPERS = " \t()（）[]【】〔〕"


def date_only_line(text: str) -> bool:
    """The whole line is one date written with 年月日 (a signature date, a statement's dateline)."""
    m = TIMESTAMP.fullmatch(text.strip(_DATE_WRAPPERS))
    return m is not None and "年" in m.group()
