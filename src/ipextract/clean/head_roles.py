"""The role of a short line in a page's head that is neither label nor headline.

Reports and statistical bulletins print, between the headline and the first paragraph, lines
that name a field without a label:

- the issuing body alone (`蚌埠市统计局`, `统计暨普查局`): the page's source;
- a speaker's office and name (`市长 魏尧`, `建宁县人民政府县长 伍小兰`): the author;
- the occasion with its day (`(2023年2月8日在县第十七届人民代表大会第二次会议上)`,
  `——2016年1月6日在…会议上`, `(2018年5月15日)`): the publication day.

None of them is the headline, though each is short and unpunctuated like one. The shapes are
data (`head_org_suffixes.txt`, `head_office_titles.txt`), matched on a line's Simplified key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import parse_timestamp
from ..han import HAN
from ..resources import alternation, patterns
from . import vocab

_P = patterns("head_roles")

#: An issuer line is a name, not a sentence: Han characters (and a middle dot) alone.
_MAX_ORG = 30


@dataclass(frozen=True, slots=True)
class HeadRole:
    """What a head line states: `field` (source, author or published_at) and its value."""

    field: str
    value: str


@lru_cache(maxsize=1)
def _org_pattern() -> re.Pattern[str]:
    return re.compile(rf"^[{HAN}·]{{2,{_MAX_ORG}}}?(?:{alternation(vocab.words('head_org_suffixes.txt'))})$")


@lru_cache(maxsize=1)
def _speaker_pattern() -> re.Pattern[str]:
    # The office may follow its body's name: `建宁县人民政府县长 伍小兰`.
    titles = alternation(vocab.words("head_office_titles.txt"))
    org = rf"[{HAN}·]{{2,{_MAX_ORG}}}?(?:{alternation(vocab.words('head_org_suffixes.txt'))})"
    return re.compile(rf"^(?:{org})?(?:{titles})(?:\s*[:：]\s*|\s+)(?P<name>[{HAN}·]{{2,4}})$")


#: A site's name is short: a headline ending the same way is longer.
_MAX_SITE = 16


@lru_cache(maxsize=1)
def _site_pattern() -> re.Pattern[str]:
    return re.compile(rf"^[{HAN}]{{2,{_MAX_SITE}}}?(?:{alternation(vocab.words('head_site_endings.txt'))})$")


def is_site_name(key: str) -> bool:
    """Whether the whole of `key` is a website's name (`某某市人民政府网`, `中国新闻网`)."""
    return len(key) <= _MAX_SITE + 4 and _site_pattern().match(key) is not None


#: A column's name is a word or two: a headline ending the same way is longer.
_MAX_COLUMN = 6


@lru_cache(maxsize=1)
def _column_pattern() -> re.Pattern[str]:
    return re.compile(rf"^[{HAN}]{{0,{_MAX_COLUMN - 2}}}(?:{alternation(vocab.words('head_column_names.txt'))})$")


def is_column_name(key: str) -> bool:
    """Whether the whole of `key` is a site column's name (`工作动态`, `统计分析`, `政务公开`)."""
    return len(key) <= _MAX_COLUMN and _column_pattern().match(key) is not None


def is_org_name(key: str) -> bool:
    """Whether the whole of `key` is the name of an issuing body (`黄平县财政局`)."""
    return len(key) <= _MAX_ORG and _org_pattern().match(key) is not None


def head_role(key: str) -> HeadRole | None:
    """The field a short head line states on its own, or None for any other line."""
    if is_org_name(key):
        return HeadRole("source", key)
    m = _speaker_pattern().match(key)
    if m:
        return HeadRole("author", m["name"])
    m = _P.occasion.match(key)
    if m:
        day = parse_timestamp(m["date"])
        if day:
            return HeadRole("published_at", day)
    return None


def without_issuer_prefix(title: str, key: str) -> str:
    """A headline without a bracketed issuer before it: `[国家统计局]2021年6月份…` -> `2021年6月份…`.

    Mirrors and data portals prefix the body that issued a release; the headline is the rest.
    `title` and `key` are the line and its Simplified key, of the same length.
    """
    m = _P.bracket_prefix.match(key)
    if not m or not is_org_name(m["inner"]) or len(key) - m.end() < 4:
        return title
    return title[m.end() :] if len(title) == len(key) else key[m.end() :]


_GLUED = re.compile(
    r"^(?P<title>[^\s，。,；;！？!?]{4,40})\s+"
    r"(?:[(（](?P<date>[^()（）]{6,20})[)）]\s+)?"
    rf"(?:(?P<org>[{HAN}·]{{2,{_MAX_ORG}}})\s+)?"
    r"(?P<rest>\S.*[，,。].*)$"
)


@lru_cache(maxsize=1)
def _lead_words() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(vocab.words('head_lead_words.txt'))})")


#: A loose split (no date, issuer or lead day between) needs a headline and a paragraph this long.
_MIN_LOOSE_TITLE = 8
_MIN_LOOSE_REST = 40


@dataclass(frozen=True, slots=True)
class GluedHead:
    """A headline set on one line with the first paragraph: where the paragraph starts in the
    key, and the fields stated between them."""

    title_end: int
    rest_start: int
    roles: tuple[HeadRole, ...]


def glued_head(key: str) -> GluedHead | None:
    """Split `标题 (日期) 发布机构 正文…` or `某某县:8个项目总投资6.2亿元 5月20日,…` (CONVENTIONS).

    Only a line whose middle parts read as a date or an issuer, or whose rest opens with the
    day of a dateline, is split: a long unpunctuated opening is otherwise a sentence's own.
    """
    m = _GLUED.match(key)
    if not m:
        return None
    roles: list[HeadRole] = []
    if m["date"]:
        day = parse_timestamp(m["date"])
        if not day:
            return None
        roles.append(HeadRole("published_at", day))
    rest = m.start("rest")
    if m["org"] and is_org_name(m["org"]):
        roles.append(HeadRole("source", m["org"]))
    elif m["org"]:
        rest = m.start("org")  # a word of the paragraph, not an issuer
    if not roles and not _P.lead_day.match(key[rest:]) and not _loose_split(m["title"], key[rest:]):
        return None
    return GluedHead(m.end("title"), rest, tuple(roles))


def _loose_split(title: str, rest: str) -> bool:
    """A long unpunctuated opening, a space, then a full paragraph that opens like one.

    Text dumps of news pages lose the line break under the headline (`…工业营收破万亿 1-8月,全市…`).
    A sentence of the paragraph itself rarely holds a space before a short lead phrase, and a
    short rest (`总体平稳,各项指标向好。`) is the sentence's own tail.
    """
    if len(title) < _MIN_LOOSE_TITLE or len(rest) < _MIN_LOOSE_REST:
        return False
    return bool(_P.lead_clause.match(rest) or _P.lead_date.match(rest) or _lead_words().match(rest))


def headline_part(key: str) -> tuple[str, int, int] | None:
    """The part a head line plays in a marked headline set, and where its words start and end.

    CONVENTIONS: of 引题 / 主题 / 副题, the 主题 is the title; the others are dropped.
    """
    m = _P.part.search(key)
    if m:
        return m["part"], 0, len(key[: m.start()].rstrip())
    m = _P.part_first.match(key)
    return (m["part"], m.end(), len(key)) if m else None


def is_original_title(key: str) -> bool:
    """`原标题：…` / `原题：…`: the reprint's original headline, not this page's."""
    return _P.original.match(key) is not None
