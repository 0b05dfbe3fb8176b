"""Label lines of HTML pages (`发布时间：… 来源：…`), bylines and datelines -> metadata values.

The text is read together with its text runs (the text nodes it was assembled from): a value
ends where its run ends, so `来源：求是网<a>参与互动</a>` gives 求是网 and `来源：<a>人民日报海外版</a>
中国青年网` gives 人民日报海外版.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...dates import parse_timestamp
from .classify import _data_lines, _with_traditional

_RUN = "\x1e"
_NAME = r"[\u4e00-\u9fff·]{2,5}"
_NAMES = re.compile(rf"[\u4e00-\u9fff·]{{2,12}}(?:[ 、，,]+{_NAME}){{0,3}}")
_ROLE_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}?(?:记者|記者|通讯员|通訊員|撰稿人?|摄影|攝影|编辑|編輯|作者)\s*[:：]?\s*)+"
)
_BYLINE_LINE = re.compile(
    rf"^[\u4e00-\u9fff]{{0,8}}(?:记者|記者)[ ：:]*(?P<names>{_NAME}(?:[ 、]+{_NAME}){{0,3}})\s*$"
)
_PAREN_NAME_LINE = re.compile(rf"^[（(]\s*(?P<names>{_NAME}(?:[ 、]+{_NAME}){{0,2}})\s*[）)]$")
_DATELINE = re.compile(
    rf"[（(〔\[【]\s*(?:本报|本報)?(?:记者|記者)\s*[:：]?\s*(?P<names>{_NAME}(?:[ 、]+{_NAME}){{0,3}})"
    r"\s*(?:[／/][^）)〕\]】]{0,10})?[）)〕\]】]"
)
_VALUE_TRIM = " \t:：,，;；|｜()（）[]【】<>《》\"'“”"
_LATIN_SOURCE = re.compile(r"^[A-Za-z][A-Za-z .&-]{1,40}$")


@dataclass(frozen=True, slots=True)
class LabelHit:
    label: str
    field: str | None
    start: int
    value_start: int


@lru_cache(maxsize=1)
def _table() -> dict[str, str | None]:
    """Label (both scripts) -> field, from data/html_meta_labels.tsv."""
    rows = [line.split("\t") for line in _data_lines("html_meta_labels.tsv")]
    out: dict[str, str | None] = {}
    for label, field in rows:
        out.setdefault(label, None if field == "-" else field)
    for label, field in rows:
        for variant in _with_traditional([label]):
            out.setdefault(variant, None if field == "-" else field)
    return out


@lru_cache(maxsize=1)
def _label_scan() -> re.Pattern[str]:
    """A label, longest first, and its colon. Opening with the labels, it lets `re` skip to a
    label's first character instead of trying every label at every position."""
    labels = sorted(_table(), key=len, reverse=True)
    alternation = "|".join(re.escape(x) for x in labels)
    return re.compile(rf"(?P<label>{alternation})\s*[:：]")


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    """The label rule as one pattern (a label not glued to a Han character before it): what
    `label_hits` finds, at the cost of a look-behind tried at every position."""
    return re.compile(r"(?<![\u4e00-\u9fff])" + _label_scan().pattern)


def label_hits(text: str) -> list[LabelHit]:
    """The labels in `text` that `_label_re` finds, left to right, at a fraction of its cost.

    The label pattern opens with a look-behind, so `re` would try all the labels at every position
    of a line. Here the pattern without it finds the leftmost candidate, the look-behind is
    tested on that one, and the search resumes one character on when it fails: where `finditer`
    would have resumed, since no position before the candidate matches either way.
    """
    if ":" not in text and "：" not in text:
        return []  # every label needs its colon
    table = _table()
    scan = _label_scan()
    hits: list[LabelHit] = []
    pos = 0
    while m := scan.search(text, pos):
        start = m.start()
        if start and "\u4e00" <= text[start - 1] <= "\u9fff":
            pos = start + 1
            continue
        label = m["label"]
        hits.append(LabelHit(label, table[label], start, m.end()))
        pos = m.end()
    return hits


_PROSE_PUNCT = re.compile(r"[。！？；]")
#: A single label's value longer than this is a sentence that starts with a label word.
_MAX_VALUE = 30


def is_label_line(text: str) -> bool:
    """A short line of `label：value` pairs, not a sentence that happens to contain a label.

    `日期:1月21日，凯尔特人…。` opens a paragraph with a label word; `…专家和学者。（记者：魏伟）`
    ends one with a byline: both are text.
    """
    if len(text) > 100:
        return False
    hits = label_hits(text)
    if not hits or _PROSE_PUNCT.search(text[: hits[0].start]):
        return False
    if len(hits) > 1:
        return True
    value = text[hits[0].value_start :]
    if hits[0].field == "published_at" and parse_timestamp(value):
        return True
    return len(value.strip()) <= _MAX_VALUE and not _PROSE_PUNCT.search(value.rstrip("。"))


_ANY_DATE = re.compile(
    r"(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)


def unlabelled_timestamp(text: str) -> str | None:
    """The timestamp of a stamp line unless a label claims it for another date (生成日期：…)."""
    m = _ANY_DATE.search(text)
    if not m:
        return None
    before = [hit for hit in label_hits(text) if hit.start < m.start()]
    if before and before[-1].field != "published_at":
        return None
    return parse_timestamp(text[m.start() :])


def label_row(text: str) -> bool:
    """A table row of a metadata block: some cell is a bare label (`信息索引：`, `发文字号`)."""
    table = _table()
    for cell in text.split("\t"):
        cell = cell.strip().rstrip(":：").strip()
        if cell in table:
            return True
    return False


def label_fields(parts: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Values of the labelled fields (published_at, source, author) in one line given as runs."""
    marked = _RUN.join(parts)
    hits = label_hits(marked)
    out: dict[str, str] = {}
    for hit, nxt in zip(hits, [*hits[1:], None]):
        if hit.field is None or hit.field in out:
            continue
        raw = marked[hit.value_start : nxt.start if nxt else len(marked)]
        value = _value(hit.field, raw)
        if value:
            out[hit.field] = value
    return out


def _value(field: str, raw: str) -> str | None:
    if field == "published_at":
        return parse_timestamp(raw.replace(_RUN, " "))
    if field == "source":
        return clean_source(_first_token(raw))
    if field == "author":
        return clean_author(raw.replace(_RUN, " "))
    return None


def _first_token(raw: str) -> str:
    for run in raw.split(_RUN):
        run = run.strip(_VALUE_TRIM)
        if run:
            return run.split()[0] if not _LATIN_SOURCE.match(run) else run
    return ""


def clean_source(value: str | None) -> str | None:
    """A source value without brackets, trailing punctuation or a repeated label."""
    if not value:
        return None
    value = value.strip(_VALUE_TRIM)
    for label in ("来源：", "來源：", "来源:", "來源:"):
        if value.startswith(label):
            value = value[len(label):].strip(_VALUE_TRIM)
    if not value or parse_timestamp(value) or len(value) > 40:
        return None
    return value


def clean_author(value: str | None) -> str | None:
    """Person names from a byline value: role words cut (记者 王敬照 -> 王敬照), at most four names."""
    if not value:
        return None
    value = _ROLE_PREFIX.sub("", value.strip(_VALUE_TRIM))
    m = _NAMES.match(value)
    if not m:
        return None
    names = [_cut_affiliation(n) for n in re.split(r"[ 、，,]+", m.group(0)) if n]
    return " ".join(n for n in names if n) or None


def _cut_affiliation(name: str) -> str | None:
    """`方敏北京大` (a name run into its affiliation) -> 方敏; None when it cannot be told apart."""
    if len(name) <= 4:
        return name
    for cut in (2, 3):
        if _affiliation().match(name, cut):
            return name[:cut]
    return None


@lru_cache(maxsize=1)
def _affiliation() -> re.Pattern[str]:
    words = _with_traditional(_data_lines("html_affiliation_starts.txt"))
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def byline_author(text: str) -> str | None:
    """The author of a line that is only a byline: `半月谈记者 史卫燕`, `（羅森）`."""
    if len(text) > 40:
        return None
    m = _BYLINE_LINE.match(text) or _PAREN_NAME_LINE.match(text)
    return clean_author(m["names"]) if m else None


_TRAILING_NAME = re.compile(rf"[（(](?:记者[:：]?)?\s*(?P<names>{_NAME}(?:[ 、]+{_NAME}){{0,2}})\s*[）)]$")
_ORGANISATION_END = re.compile(r"[社报報网網局办辦部委厅廳台院所中心站]$")


def trailing_author(text: str) -> str | None:
    """The reporter named in brackets at the very end of an article: `…举行。（张巨峰）`."""
    m = _TRAILING_NAME.search(text[-40:])
    if not m or _ORGANISATION_END.search(m["names"]):
        return None
    return clean_author(m["names"])


def dateline_author(text: str) -> str | None:
    """The reporter in a dateline inside a paragraph: `（记者唐霁）`, `〔記者巫其倫／台北報導〕`."""
    m = _DATELINE.search(text[:200])
    return clean_author(m["names"]) if m else None
