"""Metadata from the cleaners' candidates: one ordered fallback chain per field.

Cleaners add candidates most trusted first (`Extracted.add`), each with an origin saying where it
was found: `meta:<tag>` for values a page declares for machines (government `PubDate`,
`article:published_time` …), anything else for what the page shows. The first candidate of a
field wins, with one refinement for `published_at`: the value is as precise as the *visible* page
states it, so when a declared timestamp wins and the page shows the same day with less (or
other) precision, the shown form is used — `PubDate 2024-06-13 14:54` with `发布日期：2024-06-13`
on the page gives `2024-06-13`.
"""

from __future__ import annotations

import datetime as dt

from .clean import Candidate
from .clean.repair import remove_pinyin
from .resources import patterns

_P = patterns("meta")

_DECLARED = "meta:"
#: Origin prefix of values read from a disclosure table, and the fields such a table decides.
DISCLOSURE = "gov:"
_DISCLOSURE_FIELDS = frozenset(("title", "published_at"))
#: How a page marks a value it cut short.
_ELLIPSES = ("...", "…", "。。。")
#: A cut value must keep this much of the whole to be matched to it.
_MIN_STEM = 4
#: The fields whose candidates are strings, taken with their white space folded.
_TEXT_FIELDS = ("title", "source", "author", "url")


def resolve(candidates: list[Candidate]) -> dict[str, Candidate]:
    """The chosen candidate of each field that has one, its value as the document takes it.

    Per field the first (most trusted) usable candidate wins; see the module docstring for
    `published_at`. The chosen candidate's origin says where the value came from.
    """
    candidates = disclosure_first(candidates)
    chosen: dict[str, Candidate] = {}
    for c in candidates:
        if c.field in chosen:
            continue
        if c.field == "breadcrumb" and isinstance(c.value, list) and c.value:
            chosen[c.field] = Candidate(c.field, list(c.value), c.origin)
        elif c.field in _TEXT_FIELDS:
            value = " ".join(str(c.value).split())
            if value:
                chosen[c.field] = _whole(Candidate(c.field, value, c.origin), candidates)
    dates = [c for c in candidates if c.field == "published_at" and isinstance(c.value, str) and valid_iso(c.value)]
    if dates:
        chosen["published_at"] = published_at(dates)
    return chosen


def disclosure_first(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with those from a disclosure table (origin `gov:…`) first for the fields
    the table decides.

    CONVENTIONS: a 政府信息公开 table's 标题 / 文件名称 is the title and its 发布日期 the
    published_at, unless the page states a more precise one (`published_at` refines a chosen day
    from the shown forms). The reader of the table adds its values as ordinary candidates with a
    `gov:` origin; this is where they are given the precedence.
    """
    first = [c for c in candidates if c.field in _DISCLOSURE_FIELDS and c.origin.startswith(DISCLOSURE)]
    if not first:
        return candidates
    return first + [c for c in candidates if c not in first]


def _whole(chosen: Candidate, candidates: list[Candidate]) -> Candidate:
    """The chosen value, or the whole of it where the page cut it short with an ellipsis.

    Templates truncate a long source in the visible line (`来源：综合自学习强国、…附属体...`) while
    the page's meta tag holds it entire: a candidate of the same field that starts with the
    visible stem is the value.
    """
    value = str(chosen.value)
    if not value.endswith(_ELLIPSES):
        return chosen
    stem = value.rstrip(".…。")
    if "(" in stem:  # a mirror glosses the visible line (`成都(dōu)`), not the tag
        stem = remove_pinyin(stem)[0]
    if len(stem) < _MIN_STEM:
        return chosen
    for c in candidates:
        other = " ".join(str(c.value).split())
        longer = len(other) > len(stem) and other.startswith(stem)
        if c.field == chosen.field and longer and not other.endswith(_ELLIPSES):
            return Candidate(c.field, other, c.origin)
    return chosen


def published_at(candidates: list[Candidate]) -> Candidate:
    """The first candidate, in the precision the page shows.

    When a declared one came first, the page's own form of that day is used. Of the forms the
    page shows of the chosen instant, the most precise wins: a head that gives `发布时间:
    2021-07-15` in one place and `2021-07-15 12:05:55` in another stated the time.
    """
    first = candidates[0]
    shown = [c for c in candidates if not c.origin.startswith(_DECLARED)]
    if first.origin.startswith(_DECLARED):
        day = str(first.value)[:10]
        same = [c for c in shown if str(c.value)[:10] == day]
        if not same:
            return first
        first = same[0]
    # A stamp below the article (a comment's, a print footer's) does not restate the head's.
    finer = [
        c
        for c in shown
        if "tail" not in c.origin
        and len(str(c.value)) > len(str(first.value))
        and str(c.value).startswith(str(first.value))
    ]
    return max(finer, key=lambda c: len(str(c.value))) if finer else first


def valid_iso(value: str) -> bool:
    """`YYYY[-MM[-DD[THH:MM[:SS]]]]` naming a real calendar day and time."""
    m = _P.iso.match(value)
    if not m:
        return False
    y, mo, d, hh, mm, ss = (int(x) if x else 0 for x in m.groups())
    mo, d = mo or 1, d or 1
    try:
        dt.datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        return False
    return 1900 <= y <= 2100
