"""Periods written relative to the publication day: 上月, 本周, 上周三, 前天, 上季度, 3年前, 5天后.

`PATTERN` is one atom of the period grammar (periods.py); `resolve(text, ref)` turns what it
matched into ISO 8601 against the reference day. Weeks run Monday to Sunday; a month or quarter
is the span of its months; `上月15日` is a day of the month before.
"""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_SHIFT = {"上": -1, "本": 0, "这": 0, "下": 1}
_N = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})"

#: The atom: months, weeks, quarters and days relative to the reference day.
PATTERN = (
    r"(?:上|本|这|下)个?月(?:(?:3[01]|[12]\d|0?[1-9])\s*[日号])?"
    r"|(?:上|本|这|下)一?(?:周|星期)[一二三四五六日天]?"
    r"|(?:上|本|这|下)一?个?季度"
    r"|前天|明天|后天"
    rf"|(?<![第\d.]){_N}(?:天|年)(?:前|后|以后|之后|之前)"
)
_PARTS = re.compile(r"^(上|本|这|下)(.*)$")
#: The number of a `3年前` / `五天后` period, for the caller to read.
COUNT = re.compile(rf"^{_N}")
_AGO = re.compile(rf"^({_N})(天|年)(前|后|以后|之后|之前)$")
_DAY = re.compile(r"(\d{1,2})\s*[日号]$")


def resolve(text: str, ref: dt.date | None, count: int | None = None) -> str | None:
    """The ISO value of a relative period `text` against the reference day `ref`; `count` is
    the value of the number in `3年前` / `五天后` (the caller reads numerals)."""
    if ref is None:
        return None
    if text in ("前天", "明天", "后天"):
        return (ref + dt.timedelta(days={"前天": -2, "明天": 1, "后天": 2}[text])).isoformat()
    ago = _AGO.match(text)
    if ago:
        return None if count is None else _shifted(ref, count, ago.group(2), ago.group(3))
    parts = _PARTS.match(text)
    if parts is None:
        return None
    shift, rest = _SHIFT[parts.group(1)], parts.group(2).lstrip("一个")
    if rest.startswith("月"):
        return _month(ref, shift, rest)
    if rest.startswith(("周", "星期")):
        return _week(ref, shift, rest[-1] if rest[-1] in _WEEKDAYS else None)
    if rest.startswith("季度"):
        return _quarter(ref, shift)
    return None


def _shifted(ref: dt.date, n: int, unit: str, direction: str) -> str:
    sign = 1 if direction in ("后", "以后", "之后") else -1
    if unit == "年":
        return str(ref.year + sign * n)
    return (ref + dt.timedelta(days=sign * n)).isoformat()


def _month(ref: dt.date, shift: int, rest: str) -> str:
    y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
    day = _DAY.search(rest)
    if day:
        return f"{y:04d}-{m + 1:02d}-{int(day.group(1)):02d}"
    return f"{y:04d}-{m + 1:02d}"


def _week(ref: dt.date, shift: int, weekday: str | None) -> str:
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
    if weekday is not None:
        return (monday + dt.timedelta(days=_WEEKDAYS[weekday])).isoformat()
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _quarter(ref: dt.date, shift: int) -> str:
    q = ref.year * 4 + (ref.month - 1) // 3 + shift
    y, q = divmod(q, 4)
    return f"{y:04d}-{3 * q + 1:02d}/{y:04d}-{3 * q + 3:02d}"
