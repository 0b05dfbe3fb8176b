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
from ..resources import alternation, data_lines
from . import LineKind, credits, spam, vocab
from .keys import KeyedLine, line_key
from .meta_lines import MAX_LABEL_LINE, meta_fields

_WORDISH = re.compile(rf"[0-9A-Za-z{HAN}]")
_MAX_CHROME_LINE = 200

#: A list item or numbered heading opens here: `一、`, `（二）`, `3.`, `第一，`.
LIST_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，、])"
)

# -- breadcrumb ---------------------------------------------------------------------------------
_CRUMB_PREFIX = re.compile(
    r"^(?:您的位置|您现在的位置|您当前的位置|您所在的位置|您现在所在的位置|当前位置|现在位置|所在位置|位置)"
    r"\s*[:：]\s*"
)
# Leading spaces are taken from the start of their run only (look-behind): trying them from every
# character of a long run is quadratic; matches are the same since the trailing `\s*` takes whole runs.
_CRUMB_ARROWS = re.compile(r"(?:(?<!\s)\s+)?(?:>>|->|→|[>»›＞〉])\s*")
_CRUMB_SLASH = re.compile(r"(?:(?<!\s)\s+)?[/／]\s*")
#: Every separator match holds one of these characters: a line without one is not split.
_ARROW_MARKS = re.compile(r"[>»›＞〉→]")
_SLASH_MARKS = re.compile(r"[/／]")
_ANY_MARKS = re.compile(r"[>»›＞〉→/／]")
_CRUMB_ITEM_BAD = re.compile(r"[。，,；;！!？?：:%％]|^\d+$")
_MAX_CRUMB_ITEM = 24

# -- chrome -------------------------------------------------------------------------------------
_NAME = rf"[{HAN}·]{{2,4}}"
_URL_LINE = re.compile(r"^(?:(?:网址|链接|url)\s*[:：]\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    rf"(?:记者|通讯员|摄影|摄)\s*{_NAME}(?:[\s、]+{_NAME}){{0,3}}\s*摄(?:影)?\s*[)）]?$"
    rf"|(?:^|\s){_NAME}(?:[\s、]+{_NAME}){{0,3}}\s+摄(?:影)?\s*[)）]?$"
)
_CAPTION_LEAD = re.compile(r"^[(（]?图为")
#: A chart's caption under its number: `1  2013-2023年全省生产总值及增速`, `图2 2023年…比重`. A
#: table's caption (`表1 …`) stays: its table may follow in the text.
_CHART_CAPTION = r"^(?:图\s?)?\d{{1,2}}\s[^\s，。,；;：:！？!?]{{2,40}}?(?:{words})$"
#: A bulleted facet of a report site's info box (`• 城市:全国`, `• 报告类型:权威报告`): a short
#: label and a one-word value. Known labels (发布时间) are metadata before this rule is asked.
_FACET = re.compile(rf"^[•·●▪◆■]\s*[{HAN}]{{2,6}}\s*[:：]\s*[^\s，。,；;：:]{{1,16}}$")
#: A speech or report's dateline under its title: `（2023年2月8日在县第十七届人民代表大会第二次会议上）`,
#: or the date alone in brackets. A law's adoption note (`（…会议通过）`) is text and stays.
_NUMERAL = "\\d一二三四五六七八九十"
_DAY = rf"(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*[{_NUMERAL}]{{1,2}}\s*月\s*[{_NUMERAL}]{{1,3}}\s*日"
_OCCASION = re.compile(rf"^[(（]\s*{_DAY}\s*(?:在[^()（）]{{2,60}}上(?:的讲话|的报告|的发言|的致辞)?)?\s*[)）]$")
_HAS_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_MAX_CAPTION = 150
_NAV_MIN_ITEMS = 5
_NAV_MAX_ITEM = 8
_NAV_ITEM = re.compile(rf"^[{HAN}A-Za-z]+$")
_BARS = re.compile(r"[|｜]")
_LINK_LIST_MIN = 4
_LINK_MAX = 20
_LINK_ITEM = re.compile(rf"^[{HAN}A-Za-z ]+$")
#: An archive's year menu: a label, the years newest first, perhaps a bracketed index link
#: (`统计公报年度索引: 2023 2022 … 2010 [ 统计公报分省总索引 ]`). A table's header row lists
#: its years oldest first (`指标 2019 2020 2021 2022 2023`) and stays.
_YEAR_MENU = re.compile(
    rf"^[{HAN}]{{0,12}}\s?[:：]?\s?(?P<years>(?:(?:19|20)\d\d\s){{4,}}(?:19|20)\d\d)"
    r"(?:\s?[\[【［][^\]】］]{0,30}[\]】］])?$"
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
    if not _WORDISH.search(key):
        return LineKind.CHROME
    if len(key) > MAX_LABEL_LINE:
        return LineKind.BODY
    if is_toolbar(key):
        return LineKind.CHROME
    if _breadcrumb_spans(key) is not None:
        return LineKind.BREADCRUMB
    if meta_fields(line) is not None or _OCCASION.match(key) or credits.credit_line(key):
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
    if _breadcrumb_spans(key) is None or not _WORDISH.search(key) or is_toolbar(key):
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
    if len(key) > MAX_LABEL_LINE or not _ANY_MARKS.search(key):
        return None  # no separator of either kind: most lines
    m = _CRUMB_PREFIX.match(key)
    start = m.end() if m else 0
    for separator, slash, marks in ((_CRUMB_ARROWS, False, _ARROW_MARKS), (_CRUMB_SLASH, True, _SLASH_MARKS)):
        if not marks.search(key, start):
            continue  # no separator of this kind
        spans = _split_spans(key, separator, start)
        if spans and spans[-1][0] == spans[-1][1]:
            spans.pop()  # a trailing separator: `首页 > 新闻 >`
        if len(spans) < 2:
            continue
        items = [key[a:b] for a, b in spans]
        if not all(_crumb_item_ok(x) for x in items) or (slash and min(map(len, items)) < 2):
            continue
        home = items[0].replace(" ", "").lower() in vocab.words("lines_home_words.txt")
        if m or home or len(items) >= 3 or not slash:
            return spans
    return None


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


def _crumb_item_ok(item: str) -> bool:
    return 0 < len(item) <= _MAX_CRUMB_ITEM and not _CRUMB_ITEM_BAD.search(item)


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
    return n > 0 and not _WORDISH.search(stripped)


def is_chrome(key: str) -> bool:
    """Site furniture: URLs, greetings, footers, navigation menus, image captions."""
    return _is_chrome(key, toolbar_checked=False)


def _is_chrome(key: str, *, toolbar_checked: bool) -> bool:
    """`is_chrome`; `toolbar_checked` when the caller already knows the key is no toolbar."""
    if not _WORDISH.search(key):
        return True
    if len(key) > _MAX_CHROME_LINE:
        return False
    if _URL_LINE.match(key) or (not toolbar_checked and is_toolbar(key)):
        return True
    if len(key) <= 100 and chrome_phrase(key):
        return True
    if _FACET.match(key):
        return True
    if len(key) <= 120 and _footer_pattern().match(key):
        return True
    return _is_nav(key) or _is_link_list(key) or is_caption(key) or _is_year_menu(key)


#: Every match of every caption marker holds one of these characters: one scan for them rules out
#: most lines before the markers' searches.
_CAPTION_CHARS = re.compile("[图摄照]")
_CAPTION_MARKER_MAX = 200
#: End markers are short labels.
_END_MARKER_MAX = 60


@lru_cache(maxsize=1)
def _captions() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in data_lines("html_caption_markers.txt"))


def caption_marker(key: str) -> bool:
    """A line carrying a photo-caption marker: `图为…`, `（刘通摄）`, `图／腾讯科技`, `（资料照）`."""
    if len(key) > _CAPTION_MARKER_MAX or not _CAPTION_CHARS.search(key):
        return False
    return any(p.search(key) for p in _captions())


def end_marker(key: str) -> bool:
    """A section label that follows articles: related links, comments, next/previous."""
    if len(key) > _END_MARKER_MAX:
        return False
    return vocab.pattern("html_end_markers.txt", r"^[\s【\[「]*(?:{words})").search(key) is not None


#: A comment thread's label line: the label, perhaps a count (`网友评论（12）`, `全部评论 3条`).
_COMMENT_LABEL_MAX = 16
_COMMENT_LABEL = r"^[\s【\[「]*(?:{words})[\s】\]」:：]*(?:[(（]?\d*[)）]?\s*条?)?$"


def comment_label(key: str) -> bool:
    """A line that opens a comment thread (data/lines_comment_labels.txt)."""
    if len(key) > _COMMENT_LABEL_MAX:
        return False
    return vocab.pattern("lines_comment_labels.txt", _COMMENT_LABEL).search(key) is not None


#: An issuer's name is a few Han characters and one of the endings; longer lines are headlines.
_ISSUER_MAX = 20


@lru_cache(maxsize=1)
def _issuer() -> re.Pattern[str]:
    return re.compile(rf"^[{HAN}]{{2,{_ISSUER_MAX}}}?(?:{alternation(vocab.words('lines_issuer_suffixes.txt'))})$")


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
    if "。" in key and not _HAS_URL.search(key):
        return False
    return vocab.vocabulary("lines_chrome_phrases.txt").search(key)


def is_caption(key: str) -> bool:
    """An image caption or photo credit (`…繁忙。 记者 华小峰 摄`, `图为…`), or a numbered chart's
    caption, its chart lost with the page's images (`1  2013-2023年全省生产总值及增速`)."""
    if len(key) > _MAX_CAPTION:
        return False
    if _CAPTION_CREDIT.search(key) or _CAPTION_LEAD.match(key) or caption_marker(key):
        return True
    return vocab.pattern("lines_chart_caption_ends.txt", _CHART_CAPTION).match(key) is not None


def _is_link_list(key: str) -> bool:
    """`中国政府网 | 江苏省人民政府 | 常州市人民政府 | …`: site names joined by `|`.

    Items carry no digits or punctuation and average four characters or more, which keeps the
    header row of a data table (`指标 | 一季度 | 增速 | 占比`) in the article.
    """
    items = [i.strip() for i in _BARS.split(key)]
    items = [i for i in items if i]
    if len(items) < _LINK_LIST_MIN:
        return False
    if not all(len(i) <= _LINK_MAX and _LINK_ITEM.match(i) for i in items):
        return False
    return sum(map(len, items)) / len(items) >= 4.0


def _is_year_menu(key: str) -> bool:
    """An archive's menu of years, newest first: `统计年鉴年度索引: 2024 2023 … 2010`."""
    m = _YEAR_MENU.match(key)
    if not m:
        return False
    years = [int(y) for y in m["years"].split(" ")]
    return all(a - b == 1 for a, b in pairwise(years))


def _is_nav(key: str) -> bool:
    """`首 页 通知公告 统计动态 …`: many short menu items separated by spaces."""
    items = key.split(" ")
    if len(items) < _NAV_MIN_ITEMS:
        return False
    if not all(len(i) <= _NAV_MAX_ITEM and _NAV_ITEM.match(i) for i in items):
        return False
    # Lists of personal names are also short words; menu items average longer (通知公告).
    return sum(map(len, items)) / len(items) >= 3.0
