"""Periods written relative to the publication day: 上月, 本周, 上周三, 前天, 上季度, 3年前, 5天后,
两周前, 3个月后, 近三天, 本周末, 上上周.

`PATTERN` is one atom of the period grammar (periods.py); `resolve(text, ref)` turns what it
matched into ISO 8601 against the reference day. Weeks run Monday to Sunday; a month or quarter
is the span of its months; `上月15日` is a day of the month before.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_SHIFT = {"上上": -2, "下下": 2, "上": -1, "本": 0, "这": 0, "下": 1}
_N = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})"
_UNIT = r"(?:天|日|周|个?星期|个月|年)"

#: The atom: months, weeks, quarters and days relative to the reference day.
PATTERN = (  # one prefix for the months, weeks and quarters: 上 and 下 start many words
    r"(?:上上?|下下?|本|这)(?:个?月(?:(?:3[01]|[12]\d|0?[1-9])\s*[日号]|上中旬|中下旬|[上中下]旬)?"
    r"|一?个?(?:周|星期|礼拜)(?:[一二三四五六日天]|末)?|一?个?季度)"
    r"|前天|明天|后天"
    rf"|(?<![第\d.]){_N}(?:天|周|个?星期|个月|年)(?:前|后|以后|之后|之前)"
    rf"|(?:近|最近|过去的?)(?:{_N})(?:天|日|周|个?星期|个月)(?:来|以来|内|里)?"
)
_PARTS = re.compile(r"^(上上|下下|上|本|这|下)(.*)$")
#: The number of a `3年前` / `五天后` / `近三天` period, for the caller to read.
COUNT = re.compile(rf"^(?:近|最近|过去的?)?({_N})")
_AGO = re.compile(rf"^({_N})({_UNIT})(前|后|以后|之后|之前)$")
_LAST = re.compile(rf"^(?:近|最近|过去的?)({_N})({_UNIT})")
_DAY = re.compile(r"(\d{1,2})\s*[日号]$")
#: The days of a month's ten-day parts; 31 is clipped to the month's end.
_TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "上中旬": (1, 20), "中下旬": (11, 31)}
#: After a relative period, the words that make it the start of a span to the publication day.
SINCE_AFTER = re.compile(r"^\s*(?:以来|至今)")


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
    last = _LAST.match(text)
    if last:  # 近三天, 过去一周, 近一个月: the span of days that ends on the reference day
        if count is None:
            return None
        unit = last.group(2)
        start = _month_back(ref, count) if unit == "个月" else dt.date.fromisoformat(_shifted(ref, count, unit, "前"))
        return f"{start.isoformat()}/{ref.isoformat()}"
    parts = _PARTS.match(text)
    if parts is None:
        return None
    shift, rest = _SHIFT[parts.group(1)], parts.group(2).lstrip("一个")
    if rest.startswith("月"):
        return _month(ref, shift, rest)
    if rest.startswith(("周", "星期", "礼拜")):
        if rest.endswith("末"):  # 本周末: its Saturday and Sunday
            return _week(ref, shift, None, first=5)
        return _week(ref, shift, rest[-1] if rest[-1] in _WEEKDAYS else None)
    if rest.startswith("季度"):
        return _quarter(ref, shift)
    return None


def since(value: str | None, ref: dt.date | None) -> str | None:
    """本月以来, 上周以来: the span of days from the first day of `value` to `ref`."""
    if value is None or ref is None:
        return value
    first = value.split("/")[0]
    first += {4: "-01-01", 7: "-01"}.get(len(first), "")
    return first if first >= ref.isoformat() else f"{first}/{ref.isoformat()}"


def _month_back(ref: dt.date, n: int) -> dt.date:
    """The day `n` months before `ref` (the month's last day where it is shorter)."""
    y, m = divmod(ref.year * 12 + ref.month - 1 - n, 12)
    return dt.date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1]))


def _shifted(ref: dt.date, n: int, unit: str, direction: str) -> str:
    """`n` units before or after `ref`: a year for 年, a month for 个月, else a day."""
    sign = 1 if direction in ("后", "以后", "之后") else -1
    if unit == "年":
        return str(ref.year + sign * n)
    if unit == "个月":
        y, m = divmod(ref.year * 12 + ref.month - 1 + sign * n, 12)
        return f"{y:04d}-{m + 1:02d}"
    days = n * 7 if unit in ("周", "星期", "个星期") else n
    return (ref + dt.timedelta(days=sign * days)).isoformat()


def _month(ref: dt.date, shift: int, rest: str) -> str:
    y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
    day = _DAY.search(rest)
    if day:
        return f"{y:04d}-{m + 1:02d}-{int(day.group(1)):02d}"
    part = rest[1:]
    if part in _TEN_DAYS:  # 上月下旬: days 21 to the month's end
        first, last = _TEN_DAYS[part]
        last = min(last, calendar.monthrange(y, m + 1)[1])
        return f"{y:04d}-{m + 1:02d}-{first:02d}/{y:04d}-{m + 1:02d}-{last:02d}"
    return f"{y:04d}-{m + 1:02d}"


def _week(ref: dt.date, shift: int, weekday: str | None, first: int = 0) -> str:
    """A day of the week `shift` weeks from `ref`'s, else the week (Monday to Sunday) from its
    day `first` (5: the weekend)."""
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
    if weekday is not None:
        return (monday + dt.timedelta(days=_WEEKDAYS[weekday])).isoformat()
    return f"{(monday + dt.timedelta(days=first)).isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _quarter(ref: dt.date, shift: int) -> str:
    q = ref.year * 4 + (ref.month - 1) // 3 + shift
    y, q = divmod(q, 4)
    return f"{y:04d}-{3 * q + 1:02d}/{y:04d}-{3 * q + 3:02d}"
