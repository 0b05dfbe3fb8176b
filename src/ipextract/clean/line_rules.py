"""Line-level rules shared by the text and HTML cleaners: breadcrumb, meta label, chrome, spam.

`classify_line` decides what one line is on its own; the page context (which line is the
headline, what is a repeat) is `text.clean_text`'s job. Rules match the line's Simplified key
(see `keys.KeyedLine`), so the word lists in `data/` serve both scripts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from ..han import HAN
from ..resources import alternation, data_lines, patterns
from . import LineKind, credits, spam, vocab
from .keys import KeyedLine, line_key
from .meta_lines import MAX_LABEL_LINE, meta_fields

_P = patterns("lines")
_MAX_CHROME_LINE = 200

#: A list item or numbered heading opens here: `一、`, `（二）`, `3.`, `第一，`. It stays in code,
#: not in lines.toml: other modules import it by name, and reading it at their import would load
#: the data file (and tomllib) at import time.
LIST_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，、])"
)


# -- classification -----------------------------------------------------------------------------


def classify_line(line: str) -> LineKind:
    """Body, meta, breadcrumb, chrome or spam: the line on its own, without its context."""
    return classify(KeyedLine.of(line))


def classify(line: KeyedLine) -> LineKind:
    key = line.key
    if not key:
        return LineKind.CHROME
    if spam.is_spam_line(key):
        return LineKind.SPAM
    if not _P.wordish.search(key):
        return LineKind.CHROME
    if len(key) > MAX_LABEL_LINE:
        return LineKind.BODY
    if is_toolbar(key):
        return LineKind.CHROME
    if _breadcrumb_spans(key) is not None:
        return LineKind.BREADCRUMB
    if meta_fields(line) is not None or _P.occasion.match(key) or credits.credit_line(key):
        return LineKind.META
    if _is_chrome(key, toolbar_checked=True):
        return LineKind.CHROME
    return LineKind.BODY


def spam_or_breadcrumb(key: str) -> LineKind | None:
    """SPAM or BREADCRUMB when `classify` says so of the line keyed `key`, else None.

    For callers that only act on those two kinds: the metadata and furniture rules that tell the
    other kinds apart are not run. Most lines have no breadcrumb separator, which settles them
    before the toolbar test.
    """
    if not key:
        return None
    if spam.is_spam_line(key):
        return LineKind.SPAM
    if _breadcrumb_spans(key) is None or not _P.wordish.search(key) or is_toolbar(key):
        return None  # (_breadcrumb_spans also tests len(key) > MAX_LABEL_LINE)
    return LineKind.BREADCRUMB


def is_spam_text(text: str) -> bool:
    """`classify_line(text) is LineKind.SPAM`, without the rules for the other kinds."""
    key = line_key(text)
    return bool(key) and spam.is_spam_line(key)


# -- breadcrumb ---------------------------------------------------------------------------------


def parse_breadcrumb(line: str) -> list[str] | None:
    """The levels of a location path (`首页 > 政务公开 > …`), or None when the line is not one."""
    return breadcrumb_items(KeyedLine.of(line))


def breadcrumb_items(line: KeyedLine) -> list[str] | None:
    spans = _breadcrumb_spans(line.key)
    return None if spans is None else [line.cut(a, b) for a, b in spans]


def _breadcrumb_spans(key: str) -> list[tuple[int, int]] | None:
    """Where the items of the location path in `key` are, or None when the key is not one."""
    if len(key) > MAX_LABEL_LINE or not _P.any_marks.search(key):
        return None  # no separator of either kind: most lines
    m = _P.crumb_prefix.match(key)
    start = m.end() if m else 0
    for separator, slash, marks in ((_P.crumb_arrows, False, _P.arrow_marks), (_P.crumb_slash, True, _P.slash_marks)):
        if not marks.search(key, start):
            continue  # no separator of this kind
        spans = _split_spans(key, separator, start)
        if spans and spans[-1][0] == spans[-1][1]:
            spans.pop()  # a trailing separator: `首页 > 新闻 >`
        if len(spans) < 2:
            continue
        items = [key[a:b] for a, b in spans]
        if not all(_crumb_item_ok(x, slash) for x in items) or (slash and min(map(len, items)) < 2):
            continue
        if all(_P.crumb_year.match(x) for x in items):  # `2019 > 2020` is a comparison, no path
            continue
        home = items[0].replace(" ", "").lower() in vocab.words("lines_home_words.txt")
        if m or home or len(items) >= 3 or not slash:
            return spans
    return None


def path_label_end(key: str) -> int:
    """Where a location path's label (`当前位置：`, `您的位置:`) that opens `key` ends; 0 if none."""
    m = _P.crumb_prefix.match(key)
    return m.end() if m else 0


def _split_spans(key: str, separator: re.Pattern[str], start: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in separator.finditer(key, start):
        spans.append((pos, m.start()))
        pos = m.end()
    if not spans:
        return []
    spans.append((pos, len(key)))
    return spans


_MAX_CRUMB_ITEM = 24


def _crumb_item_ok(item: str, slash: bool) -> bool:
    """An item of a path; a bare number is none (a pager, a date's part), but a year is the
    archive column sites file items under, when arrows set it apart (a slash would be a date's)."""
    if not slash and _P.crumb_year.match(item):
        return True
    return 0 < len(item) <= _MAX_CRUMB_ITEM and not _P.crumb_item_bad.search(item)


# -- chrome -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _footer_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(vocab.words('lines_footer_labels.txt'))})\s*[:：]")


@lru_cache(maxsize=1)
def _chrome_stranger() -> re.Pattern[str]:
    return vocab.han_outside("".join(vocab.words("lines_chrome_words.txt")))


def is_toolbar(key: str) -> bool:
    """A line made only of toolbar words: `【打印】 【字体:`, `打印 关闭`, `【大 中 小】`."""
    if len(key) > _MAX_CHROME_LINE or _chrome_stranger().search(key):
        return False  # a Han character no chrome word holds can never be removed
    compact = key.replace(" ", "").lower()
    stripped, n = vocab.vocabulary("lines_chrome_words.txt").remove(compact)
    return n > 0 and not _P.wordish.search(stripped)


def is_chrome(key: str) -> bool:
    """Site furniture: URLs, greetings, footers, navigation menus, image captions."""
    return _is_chrome(key, toolbar_checked=False)


def _is_chrome(key: str, *, toolbar_checked: bool) -> bool:
    """`is_chrome`; `toolbar_checked` when the caller already knows the key is no toolbar."""
    if not _P.wordish.search(key):
        return True
    if len(key) > _MAX_CHROME_LINE:
        return False
    if _P.url_line.match(key) or (not toolbar_checked and is_toolbar(key)):
        return True
    if len(key) <= 100 and (chrome_phrase(key) or _P.mirror_note.search(key)):
        return True
    if _P.pager.match(key):
        return True
    if _P.facet.match(key):
        return True
    if len(key) <= 120 and _footer_pattern().match(key):
        return True
    return _is_nav(key) or _is_link_list(key) or is_caption(key) or _is_year_menu(key)


_CAPTION_MARKER_MAX = 200
#: End markers are short labels.
_END_MARKER_MAX = 60


@lru_cache(maxsize=1)
def _captions() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in data_lines("html_caption_markers.txt"))


def caption_marker(key: str) -> bool:
    """A line carrying a photo-caption marker: `图为…`, `（刘通摄）`, `图／腾讯科技`, `（资料照）`."""
    if len(key) > _CAPTION_MARKER_MAX or not _P.caption_chars.search(key):
        return False
    return any(p.search(key) for p in _captions())


def end_marker(key: str) -> bool:
    """A section label that follows articles: related links, comments, next/previous."""
    if len(key) > _END_MARKER_MAX:
        return False
    return vocab.pattern("html_end_markers.txt", r"^[\s【\[「]*(?:{words})").search(key) is not None


_LABEL_EDGES = " 【】[]「」:："


@lru_cache(maxsize=1)
def _end_words() -> frozenset[str]:
    return frozenset(vocab.words("html_end_markers.txt"))


def end_label(key: str) -> bool:
    """A related-links label standing alone (`热门文章`, `【相关推荐】`, `猜你喜欢：`): the list's
    furniture, not a heading of the text."""
    return key.strip(_LABEL_EDGES) in _end_words()


#: A comment thread's label line: the label, perhaps a count (`网友评论（12）`, `全部评论 3条`).
_COMMENT_LABEL_MAX = 16
_COMMENT_LABEL = r"^[\s【\[「]*(?:{words})[\s】\]」:：]*(?:[(（]?\d*[)）]?\s*条?)?$"


def comment_label(key: str) -> bool:
    """A line that opens a comment thread (data/lines_comment_labels.txt)."""
    if len(key) > _COMMENT_LABEL_MAX:
        return False
    return vocab.pattern("lines_comment_labels.txt", _COMMENT_LABEL).search(key) is not None


#: An issuer's name is a few Han characters and one of the endings of head_org_suffixes.txt (the
#: one list of organisation endings, shared with head_roles); longer lines are headlines.
_ISSUER_MAX = 20


@lru_cache(maxsize=1)
def _issuer() -> re.Pattern[str]:
    return re.compile(rf"^[{HAN}]{{2,{_ISSUER_MAX}}}?(?:{alternation(vocab.words('head_org_suffixes.txt'))})$")


#: Joint issuers stand side by side on one line: a bulletin's statistics bureau and survey team.
_MAX_JOINT_ISSUERS = 3


def is_issuer(key: str) -> bool:
    """A line that is only the name of an issuing body: `黄平县财政局`, `闻喜县统计局`, or of two
    or three side by side (`浙江省统计局 国家统计局浙江调查总队`)."""
    names = key.split(" ")
    return len(names) <= _MAX_JOINT_ISSUERS and all(len(n) <= _ISSUER_MAX + 4 and _issuer().match(n) for n in names)


def chrome_phrase(key: str) -> bool:
    """A line that is not a sentence and holds a furniture phrase (欢迎访问, 扫描二维码, 版权声明).

    A sentence end marks text, unless the line points at an address: a follow prompt
    (`订阅…频道:https://…,即时接收最新消息。`) is chrome written as a sentence.
    """
    if "。" in key and not _P.has_url.search(key):
        return False
    return vocab.vocabulary("lines_chrome_phrases.txt").search(key)


_MAX_CAPTION = 150


def is_caption(key: str) -> bool:
    """An image caption or photo credit (`…繁忙。 记者 华小峰 摄`, `图为…`), or a numbered chart's
    caption, its chart lost with the page's images (`1  2013-2023年全省生产总值及增速`)."""
    if len(key) > _MAX_CAPTION:
        return False
    if _P.caption_credit.search(key) or _P.caption_lead.match(key) or caption_marker(key):
        return True
    return _P.chart_caption.match(key) is not None


_LINK_LIST_MIN = 4
_LINK_MAX = 20


def _is_link_list(key: str) -> bool:
    """`中国政府网 | 江苏省人民政府 | 常州市人民政府 | …`: site names joined by `|`.

    Items carry no digits or punctuation and average four characters or more, which keeps the
    header row of a data table (`指标 | 一季度 | 增速 | 占比`) in the article.
    """
    items = [i.strip() for i in _P.bars.split(key)]
    items = [i for i in items if i]
    if len(items) < _LINK_LIST_MIN:
        return False
    if not all(len(i) <= _LINK_MAX and _P.link_item.match(i) for i in items):
        return False
    return sum(map(len, items)) / len(items) >= 4.0


_NAV_MIN_ITEMS = 5
_NAV_MAX_ITEM = 8


def _is_year_menu(key: str) -> bool:
    """An archive's menu of years, newest first: `统计年鉴年度索引: 2024 2023 … 2010`."""
    m = _P.year_menu.match(key)
    if not m:
        return False
    years = [int(y) for y in m["years"].split(" ")]
    return all(a - b == 1 for a, b in pairwise(years))


def _is_nav(key: str) -> bool:
    """`首 页 通知公告 统计动态 …`: many short menu items separated by spaces."""
    items = key.split(" ")
    if len(items) < _NAV_MIN_ITEMS:
        return False
    if not all(len(i) <= _NAV_MAX_ITEM and _P.nav_item.match(i) for i in items):
        return False
    # Lists of personal names are also short words; menu items average longer (通知公告).
    return sum(map(len, items)) / len(items) >= 3.0
