"""Periods relative to the publication day (CONVENTIONS: relative periods): months, weeks
(Monday to Sunday), quarters, days, N年前 / N天后. Cases written for this suite, resolved
against fixed reference days, in Simplified text (Traditional pages are converted before)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ipextract.facts.periods import find_periods

WED = dt.date(2021, 6, 16)  # a Wednesday
NEW_YEAR = dt.date(2021, 1, 4)  # a Monday early in January: shifts cross the year
ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")


def _values(text: str, ref: dt.date) -> list[tuple[str, str | None]]:
    return [(p.text, p.resolve(ref)) for p in find_periods(text)]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("本月", WED, [("本月", "2021-06")]),
        ("这个月", WED, [("这个月", "2021-06")]),
        ("上月", WED, [("上月", "2021-05")]),
        ("上个月", NEW_YEAR, [("上个月", "2020-12")]),
        ("下个月", WED, [("下个月", "2021-07")]),
        ("下月", dt.date(2021, 12, 3), [("下月", "2022-01")]),
        ("上月15日", WED, [("上月15日", "2021-05-15")]),
        ("上个月3号", NEW_YEAR, [("上个月3号", "2020-12-03")]),
    ],
)
def test_months(text, ref, expected):
    assert _values(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("本周", WED, [("本周", "2021-06-14/2021-06-20")]),
        ("上周", WED, [("上周", "2021-06-07/2021-06-13")]),
        ("下周", WED, [("下周", "2021-06-21/2021-06-27")]),
        ("上周三", WED, [("上周三", "2021-06-09")]),
        ("本周五", WED, [("本周五", "2021-06-18")]),
        ("下周日", WED, [("下周日", "2021-06-27")]),
        ("上星期一", NEW_YEAR, [("上星期一", "2020-12-28")]),
        ("上周", NEW_YEAR, [("上周", "2020-12-28/2021-01-03")]),
    ],
)
def test_weeks_run_monday_to_sunday(text, ref, expected):
    assert _values(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("本季度", WED, [("本季度", "2021-04/2021-06")]),
        ("上季度", WED, [("上季度", "2021-01/2021-03")]),
        ("上个季度", NEW_YEAR, [("上个季度", "2020-10/2020-12")]),
        ("下季度", WED, [("下季度", "2021-07/2021-09")]),
    ],
)
def test_quarters(text, ref, expected):
    assert _values(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("前天", WED, [("前天", "2021-06-14")]),
        ("明天", WED, [("明天", "2021-06-17")]),
        ("后天", WED, [("后天", "2021-06-18")]),
        ("前天", NEW_YEAR, [("前天", "2021-01-02")]),
        ("3年前", WED, [("3年前", "2018")]),
        ("两年以后", WED, [("两年以后", "2023")]),
        ("五天后", WED, [("五天后", "2021-06-21")]),
        ("10天前", NEW_YEAR, [("10天前", "2020-12-25")]),
    ],
)
def test_days_and_years_counted_from_the_reference(text, ref, expected):
    assert _values(text, ref) == expected


@pytest.mark.parametrize("text", ["第25天后", "比上月增长5%"])
def test_not_relative_to_the_publication(text):
    values = _values(text, WED)
    assert all(p.role == "base" for p in find_periods(text)) if "比" in text else values == []


def test_without_a_reference_day_nothing_resolves():
    assert _values("上周三和下个月", None) == [("上周三", None), ("下个月", None)]


@pytest.mark.parametrize("text", ["上月", "本周", "上周三", "上季度", "前天", "3年前", "五天后", "上月15日"])
@pytest.mark.parametrize("ref", [WED, NEW_YEAR, dt.date(2020, 2, 29), dt.date(2019, 12, 31)])
def test_every_value_is_valid_iso_with_start_before_end(text, ref):
    (_, value), = _values(text, ref)
    assert ISO.fullmatch(value)
    parts = value.split("/")
    for part in parts:
        dt.date.fromisoformat(part if len(part) == 10 else (part + "-01-01")[:10] if len(part) == 4 else part + "-01")
    assert parts[0] <= parts[-1]
