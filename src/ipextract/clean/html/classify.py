"""Line predicates the HTML cleaner needs beyond the shared line rules: toolbars, footers,
editor credits, end-of-article markers, photo captions, timestamp lines.

The vocabularies live in `data/html_*.txt`, written in Simplified script; Traditional variants
are derived once per process with OpenCC s2t, so the predicates run on the page text as it is
(no per-line conversion).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from ...han import HAN_RANGES
from ..vocab import han_outside

_SEPARATORS = re.compile(r"[\s\[\]【】（）()<>〈〉《》「」|｜/／\\:：,，.。·•、\-—_~+*#>»›]+")
_SIZE_LETTERS = re.compile(r"[大中小]")
_NUMERIC_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")
_CHINESE_DATE_TIME = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}\s*[:：时]\s*\d{1,2}"
)
_CHINESE_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_TIME = re.compile(r"\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: A like / vote counter (`+1`) or a font-size switch spelled only with size letters (`大中小`).
_COUNTER = re.compile(r"^[+＋]\s*\d{1,6}$")
_SIZE_ONLY = re.compile(r"^[大中小]{2,4}$")

#: Lines longer than this are never toolbars, credits or end markers.
SHORT_LINE = 60
#: Lines longer than this are never footers or disclaimers (those run to two or three sentences).
_FOOTER_MAX = 400


def _data_lines(name: str) -> list[str]:
    text = resources.files("ipextract").joinpath("data", name).read_text(encoding="utf-8")
    return [s for s in (raw.strip() for raw in text.splitlines()) if s and not s.startswith("#")]


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _with_traditional(items: list[str]) -> list[str]:
    """The list plus its Traditional spellings (Mainland and Taiwan standards)."""
    out = dict.fromkeys(items)
    for config in ("s2t", "s2tw"):
        conv = _converter(config)
        for item in items:
            out.setdefault(conv.convert(item))
    return list(out)


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


@cache
def _word_list(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _with_traditional(_data_lines(name)))


@cache
def _pattern(name: str, template: str) -> re.Pattern[str]:
    return re.compile(template.format(words=_alternation(list(_word_list(name)))), re.IGNORECASE)


#: The non-ASCII characters `re` matches case-blind to an ASCII letter.
_FOLDS_TO_ASCII = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
#: Those of them `str.lower` does not turn into that letter (İ it turns into i and a combining dot).
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f]")
_ODD_FOLD_TABLE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
#: ASCII letters, commonest in English first: the last one a word holds is its rarest.
_LETTER_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz"


def _cased(ch: str) -> bool:
    return ch.lower() != ch or ch.upper() != ch


def _han(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in HAN_RANGES)


def _case_forms(ch: str) -> str:
    """Every character that matches `ch` case-blind, for `ch` a Han character or an ASCII letter."""
    if not ch.isascii():
        return ch  # Han characters have no case
    low = ch.lower()
    return low + low.upper() + _FOLDS_TO_ASCII.get(low, "")


def _anchor(word: str) -> str:
    """One character of `word` a text must hold to contain it: a Han one, else its rarest letter."""
    for ch in word:
        if _han(ch):
            return ch
    return max((ch for ch in word if ch.isascii() and ch.isalpha()), key=_LETTER_FREQUENCY.index)


def _ascii_folded(text: str) -> str:
    """`text` lower-cased so that a case-blind `re` match of ASCII-and-Han words in it is a plain
    match here: each character that matches an ASCII letter case-blind becomes that letter, and
    no other character becomes an ASCII or a Han character."""
    if _ODD_FOLDS.search(text):
        text = text.translate(_ODD_FOLD_TABLE)
    return text.lower()


@cache
def _word_search(name: str) -> Callable[[str], bool]:
    """Does a text contain a word of the list, case-blind — like `_pattern(name, "{words}")`.

    Case-blind matching makes `re` test every position against every word; most words are
    Chinese and have no case, so they get a plain pattern. The few with ASCII letters
    (`copyright`, `ICP备`) are looked for only in texts holding one character of such a word in
    some case (its Han character or its rarest letter, found by the same search as the plain
    words), and then as plain words in the text lower-cased (see `_ascii_folded`).
    """
    words = list(_word_list(name))
    cased = [w for w in words if any(_cased(c) for c in w)]
    if any(not (c.isascii() or _han(c)) for w in cased for c in w):
        folded_all = _pattern(name, "{words}")
        return lambda text: folded_all.search(text) is not None
    caseless = [w for w in words if w not in cased]
    plain = re.compile(_alternation(caseless)) if caseless else None
    if not cased:
        return lambda text: plain is not None and plain.search(text) is not None
    folded = re.compile(_alternation(cased))  # the words are lower case
    anchors = sorted({f for w in cased for f in _case_forms(_anchor(w))})
    # The plain words and then the anchor characters, in one search: the first match is a plain
    # word, or an anchor at a position where no plain word starts (nor before it).
    first = re.compile("|".join(filter(None, (_alternation(caseless), "|".join(map(re.escape, anchors))))))
    singles = {w for w in caseless if len(w) == 1}

    def search(text: str) -> bool:
        m = first.search(text)
        if m is None:
            return False
        found = m.group()
        if len(found) > 1 or found in singles:
            return True
        if folded.search(_ascii_folded(text)):
            return True
        return plain is not None and plain.search(text, m.start() + 1) is not None

    return search


def _toolbar() -> re.Pattern[str]:
    return _pattern("html_toolbar_words.txt", "{words}")


@cache
def _toolbar_stranger() -> re.Pattern[str]:
    return han_outside("".join(_word_list("html_toolbar_words.txt")) + "大中小")


def toolbar_line(text: str) -> bool:
    """A line made only of toolbar / share-widget words: `打印 字体：放大 正常 缩小 分享`."""
    if len(text) > SHORT_LINE or _toolbar_stranger().search(text):
        return False
    if _COUNTER.match(text) or _SIZE_ONLY.match(_SEPARATORS.sub("", text)):
        return True
    rest, words = _toolbar().subn("", text.lower())
    if not words:
        return False
    rest = _SEPARATORS.sub("", rest)
    rest = _SIZE_LETTERS.sub("", rest)
    return not rest.strip("0123456789")


def footer_line(text: str) -> bool:
    """Site footer or disclaimer, wherever it sits: copyright, ICP numbers, 特别声明 …"""
    return len(text) <= _FOOTER_MAX and _word_search("html_footer_markers.txt")(text)


def footer_label_line(text: str) -> bool:
    """A footer label that articles use too (主办单位, 承办单位): furniture only outside the text."""
    return len(text) <= SHORT_LINE and _word_search("html_footer_labels.txt")(text)


def editor_line(text: str) -> bool:
    """An editor / production credit: `（责任编辑：周雁）`, `【编辑:陈海峰】`, `制图/姜宣凭`."""
    if len(text) > SHORT_LINE:
        return False
    return bool(
        _pattern(
            "html_editor_labels.txt",
            r"^[\[【（(〔\s]*(?:(?:【?纠错】?|【?糾錯】?)\s*)?(?:{words})\s*[:：/／]",
        ).search(text)
    )


def end_marker(text: str) -> bool:
    """A section label that follows articles: related links, comments, next/previous."""
    if len(text) > SHORT_LINE:
        return False
    return bool(_pattern("html_end_markers.txt", r"^[\s【\[「]*(?:{words})").search(text))


@lru_cache(maxsize=1)
def _captions() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _data_lines("html_caption_markers.txt"))


#: Every match of every caption marker holds one of these characters: one scan for them rules out
#: most lines before the markers' searches.
_CAPTION_CHARS = re.compile("[图圖摄攝照]")


def caption_marker(text: str) -> bool:
    """A line carrying a photo-caption marker: `图为…`, `（刘通摄）`, `圖／騰訊科技`, `（資料照）`."""
    if len(text) > 200 or not _CAPTION_CHARS.search(text):
        return False
    return any(p.search(text) for p in _captions())


def stamp_line(text: str) -> bool:
    """A short line that is a CMS timestamp: `2020-04-01 10:29`, `2019年09月11日 富达传媒 1665`.

    A date written in words alone (`2024年5月30日`, the signature date of a notice) is text, and
    so is a short sentence that starts with a date.
    """
    if len(text) > SHORT_LINE or "。" in text or ("19" not in text and "20" not in text):
        return False  # every date pattern opens with the century
    m = _NUMERIC_DATE.search(text) or _CHINESE_DATE_TIME.search(text)
    if not m:
        m = _CHINESE_DATE.search(text)
        if not m or date_only_line(text):
            return False
    rest = _TIME.sub("", text[: m.start()] + text[m.end():])
    return len(_HAN.findall(rest)) <= 20


_DATE_WRAPPERS = " \t()（）[]【】〔〕"


def date_only_line(text: str) -> bool:
    """The whole line is one date written with 年月日 (a signature date, a statement's dateline)."""
    stripped = _TIME.sub("", text).strip(_DATE_WRAPPERS)
    return bool(_CHINESE_DATE.fullmatch(stripped))
