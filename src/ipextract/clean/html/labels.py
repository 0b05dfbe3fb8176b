"""Label lines of HTML pages (`发布时间：… 来源：…`), bylines and datelines -> metadata values.

Labels and role words are found in a line's Simplified key (`keys.KeyedLine`); values are cut
from the page's own text at the same offsets, so they keep the page's script until the convert
step. A line is read together with its text runs (the text nodes it was assembled from): a value
ends where its run ends, so `来源：求是网<a>参与互动</a>` gives 求是网 and `来源：<a>人民日报海外版</a>
中国青年网` gives 人民日报海外版.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...convert import to_simplified
from ...dates import TIMESTAMP, parse_timestamp
from ...han import is_han
from ...resources import alternation, data_lines, data_rows, patterns
from ..bylines import Byline, reported_byline, role_byline
from ..keys import KeyedLine
from ..line_rules import is_toolbar

_RUN = "\x1e"
_P = patterns("labels")
_VALUE_TRIM = " \t:：,，;；|｜()（）[]【】<>《》\"'“”"


@dataclass(frozen=True, slots=True)
class LabelHit:
    label: str
    field: str | None
    start: int
    value_start: int


@cache
def _table() -> dict[str, str | None]:
    """Label -> field, from data/html_meta_labels.tsv (the first row of a label wins)."""
    out: dict[str, str | None] = {}
    for label, field in data_rows("html_meta_labels.tsv"):
        out.setdefault(label, None if field == "-" else field)
    return out


@cache
def _label_scan() -> re.Pattern[str]:
    """A label, longest first, and its colon. Opening with the labels, it lets `re` skip to a
    label's first character instead of trying every label at every position."""
    return re.compile(rf"(?P<label>{alternation(_table())})\s*[:：]")


def label_hits(key: str) -> list[LabelHit]:
    """The labels in a Simplified `key`, left to right, each not glued to a Han character before it.

    The leftmost candidate is found without the look-behind (a pattern opening with one is tried
    at every position); when it is glued, the search resumes one character on, where `finditer`
    with the look-behind would have resumed.
    """
    if ":" not in key and "：" not in key:
        return []  # every label needs its colon
    table = _table()
    scan = _label_scan()
    hits: list[LabelHit] = []
    pos = 0
    while m := scan.search(key, pos):
        start = m.start()
        # Glued to a Han character before it, a label word is part of a word (`工作者：`)
        # until an earlier label has shown the line to be a label line: then it is the next
        # label of a line whose spaces were lost (`来源：市统计局作者：张三发布时间：…`).
        if start and is_han(key[start - 1]) and not hits:
            pos = start + 1
            continue
        label = m["label"]
        hits.append(LabelHit(label, table[label], start, m.end()))
        pos = m.end()
    return hits


#: A single label's value longer than this is a sentence that starts with a label word.
_MAX_VALUE = 30


def is_label_line(key: str) -> bool:
    """A short line of `label：value` pairs, not a sentence that happens to contain a label.

    `日期:1月21日，凯尔特人…。` opens a paragraph with a label word; `…专家和学者。（记者：魏伟）`
    ends one with a byline: both are text.
    """
    if len(key) > 100:
        return False
    hits = label_hits(key)
    if not hits or _P.prose_punct.search(key[: hits[0].start]):
        return False
    if len(hits) > 1:
        return True
    value = key[hits[0].value_start :]
    if hits[0].field == "published_at" and parse_timestamp(value):
        return True
    return len(value.strip()) <= _MAX_VALUE and not _P.prose_punct.search(value.rstrip("。"))


def unlabelled_timestamp(key: str) -> str | None:
    """The timestamp of a stamp line unless a label claims it for another date (生成日期：…)."""
    m = TIMESTAMP.search(key)
    if not m:
        return None
    before = [hit for hit in label_hits(key) if hit.start < m.start()]
    if before and before[-1].field != "published_at":
        return None
    return parse_timestamp(key[m.start() :])


def label_row(text: str) -> bool:
    """A table row of a metadata block: some cell is a bare label (`信息索引：`, `发文字号`)."""
    table = _table()
    return any(cell.strip().rstrip(":：").strip() in table for cell in to_simplified(text).split("\t"))


def label_fields(parts: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Values of the labelled fields (published_at, source, author) in one line given as runs."""
    joined = _RUN.join(parts)
    if ":" not in joined and "：" not in joined:
        return {}  # every label needs its colon, and t2s maps Han to Han only: known before converting
    marked = KeyedLine.converted(joined)
    hits = label_hits(marked.key)
    out: dict[str, str] = {}
    for hit, nxt in zip(hits, [*hits[1:], None]):
        if hit.field is None or hit.field in out:
            continue
        raw = marked.cut(hit.value_start, nxt.start if nxt else None)
        value = _value(hit.field, raw)
        if value:
            out[hit.field] = value
        if hit.field in ("source", "author") and "published_at" not in out:
            # `来源：云南日报 2016-08-11 08:13:00`: the stamp after a name is the page's own.
            stamp = parse_timestamp(raw.replace(_RUN, " "))
            if stamp:
                out["published_at"] = stamp
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
            word = run.split()[0] if not _P.latin_source.match(run) else run
            # `来源：四川日报2022-04-08 09:12`: the stamp glued to the name is the date's.
            stamp = TIMESTAMP.search(word)
            return word[: stamp.start()] if stamp and stamp.start() > 0 else word
    return ""


def clean_source(value: str | None, max_len: int = 40) -> str | None:
    """A source value without brackets, trailing punctuation or a repeated label.

    A visible value longer than `max_len` is a sentence; a declared one (a meta tag) may list
    several outlets and is given a larger bound by its reader.
    """
    if not value:
        return None
    value = value.strip(_VALUE_TRIM)
    if to_simplified(value[:3]) in ("来源：", "来源:"):
        value = value[3:].strip(_VALUE_TRIM)
    if not value or parse_timestamp(value) or len(value) > max_len:
        return None
    # `来源：<empty> 【打印】`: an empty label's neighbour is the toolbar, not a source.
    return None if is_toolbar(to_simplified(value)) else value


def clean_author(value: str | None) -> str | None:
    """Person names from a byline value: role words cut (记者 王敬照 -> 王敬照), at most four names."""
    if not value:
        return None
    line = KeyedLine.converted(value.strip(_VALUE_TRIM))
    role = _P.role_prefix.match(line.key)
    if role:
        if not _P.author_role.search(role.group()):
            return None  # `（编辑 张三）`, `摄影：李华`: an editor or a photographer is no author
        line = KeyedLine.converted(line.cut(role.end()))
    m = _P.names.match(line.key)
    if not m:
        return None
    # `王晓明 通讯员 李华`: a role word between the names is no name.
    names = [_cut_affiliation(line.cut(a, b)) for a, b in _name_spans(m) if not _P.role_word.fullmatch(line.key[a:b])]
    return " ".join(n for n in names if n) or None


def _name_spans(m: re.Match[str]) -> list[tuple[int, int]]:
    """Where the names of a `_P.names` match are, split at spaces and list marks."""
    return [(n.start() + m.start(), n.end() + m.start()) for n in re.finditer(r"[^ 、，,]+", m.group(0))]


def _cut_affiliation(name: str) -> str | None:
    """`方敏北京大` (a name run into its affiliation) -> 方敏; None when it cannot be told apart."""
    if len(name) <= 4:
        return name
    key = to_simplified(name)
    for cut in (2, 3):
        if _affiliation().match(key, cut):
            return name[:cut]
    return None


@cache
def _affiliation() -> re.Pattern[str]:
    return re.compile(alternation(data_lines("html_affiliation_starts.txt")))


#: A line longer than this is no byline line.
_MAX_BYLINE = 40


def _byline(key: str) -> re.Match[str] | None:
    if len(key) > _MAX_BYLINE:
        return None
    return _P.byline_line.match(key) or _P.paren_name_line.match(key)


def is_byline(key: str) -> bool:
    """A line that is only a byline naming someone: `半月谈记者 史卫燕`, `（罗森）`, `通讯员 李华
    记者 王晓明`."""
    m = _byline(key)
    if m is not None:
        return clean_author(m["names"]) is not None
    # The key is the line's Simplified form already: no second conversion.
    return len(key) <= _MAX_BYLINE and _bare_byline(KeyedLine(key, key, key)) is not None


def byline_author(line: KeyedLine) -> str | None:
    """The author of a line that is only a byline: `半月谈记者 史卫燕`, `（羅森）`."""
    m = _byline(line.key)
    if m is None:
        byline = _bare_byline(line)
        return clean_author(byline.author) if byline else None
    return clean_author(line.cut(*m.span("names")))


def _bare_byline(line: KeyedLine) -> Byline | None:
    """Roles and names alone (`通讯员 李华 记者 王晓明`), or a Taiwan reporter's credit alone
    (`記者王曉明／台北報導`, bracketed or not)."""
    return role_byline(line) or reported_byline(line)




def trailing_author(line: KeyedLine) -> str | None:
    """The reporter named in brackets at the very end of an article: `…举行。（张巨峰）`,
    `…一等奖。（特约通讯员：林兴勇）`."""
    tail = max(0, len(line.key) - 40)
    m = _P.trailing_name.search(line.key, tail)
    if not m or _P.organisation_end.search(m["names"]):
        return None
    return clean_author(line.cut(*m.span("names")))


def dateline_author(line: KeyedLine) -> str | None:
    """The reporter in a dateline inside a paragraph: `（记者唐霁）`, `〔記者巫其倫／台北報導〕`."""
    m = _P.dateline.search(line.key[:200])
    return clean_author(line.cut(*m.span("names"))) if m else None
