"""Period precision kept, never rounded (CONVENTIONS: precision): 旬 spans, days written with
号 or numerals, numeral month ranges, year spans, two-digit and ROC years, and 以来 / 至今 spans
of days. Cases written for this suite against fixed reference days."""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract.facts.periods import find_periods

REF = dt.date(2020, 11, 16)


def _values(text: str, ref: dt.date | None = REF, roc: bool = False) -> list[tuple[str, str | None]]:
    return [(p.text, p.resolve(ref)) for p in find_periods(text, roc_years=roc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月上旬", [("9月上旬", "2020-09-01/2020-09-10")]),
        ("9月中旬", [("9月中旬", "2020-09-11/2020-09-20")]),
        ("9月下旬", [("9月下旬", "2020-09-21/2020-09-30")]),
        ("2月下旬", [("2月下旬", "2020-02-21/2020-02-29")]),
        ("2019年2月下旬", [("2019年2月下旬", "2019-02-21/2019-02-28")]),
        ("10月下旬", [("10月下旬", "2020-10-21/2020-10-31")]),
    ],
)
def test_ten_day_spans(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月15号", [("3月15号", "2020-03-15")]),
        ("2019年7月1号", [("2019年7月1号", "2019-07-01")]),
        ("二〇二〇年三月十五日", [("二〇二〇年三月十五日", "2020-03-15")]),
        ("二〇一九年十二月三十一日", [("二〇一九年十二月三十一日", "2019-12-31")]),
        ("五月二十日", [("五月二十日", "2020-05-20")]),
        ("一九九七年七月一日", [("一九九七年七月一日", "1997-07-01")]),
    ],
)
def test_days(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text", ["3号楼", "地铁1号线", "5号文件"])
def test_numbered_things_are_not_days(text):
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一至九月", [("一至九月", "2020-01/2020-09")]),
        ("一到五月份", [("一到五月份", "2020-01/2020-05")]),
        ("2019年一至十一月", [("2019年一至十一月", "2019-01/2019-11")]),
        ("2017—2019年", [("2017—2019年", "2017/2019")]),
        ("2016至2018年", [("2016至2018年", "2016/2018")]),
    ],
)
def test_spans(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("15年3月", REF, [("15年3月", "2015-03")]),
        ("20年底", REF, [("20年底", "2020-12")]),
        ("97年7月", REF, [("97年7月", "1997-07")]),
        ("19年上半年", REF, [("19年上半年", "2019-01/2019-06")]),
        ("15年3月", None, [("15年3月", None)]),
    ],
)
def test_two_digit_years(text, ref, expected):
    assert _values(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("98年3月", [("98年3月", "2009-03")]),
        ("民國109年", [("民國109年", "2020")]),
        ("民国108年", [("民国108年", "2019")]),
    ],
)
def test_roc_years_on_taiwan_pages(text, expected):
    assert _values(text, roc=True) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("今年以来", dt.date(2020, 5, 6), "2020-01-01/2020-05-06"),
        ("2018年以来", dt.date(2020, 5, 6), "2018-01-01/2020-05-06"),
        ("去年9月至今", dt.date(2020, 5, 6), "2019-09-01/2020-05-06"),
        ("2019年3月以来", dt.date(2020, 5, 6), "2019-03-01/2020-05-06"),
        ("自2011年进入NBA之后", dt.date(2020, 1, 21), "2011/2020"),
    ],
)
def test_since_spans(text, ref, expected):
    (period,) = find_periods(text)
    assert period.resolve(ref) == expected


@pytest.mark.parametrize(
    "text",
    ["9月上旬", "2月下旬", "3月15号", "一至九月", "2017—2019年", "15年3月", "今年以来", "去年9月至今",
     "二〇二〇年三月十五日", "上半年", "前三季度", "1-10月"],
)
@pytest.mark.parametrize("ref", [REF, dt.date(2021, 1, 2), dt.date(2024, 2, 29)])
def test_values_are_valid_iso_and_ordered(text, ref):
    for _, value in _values(text, ref):
        parts = value.split("/")
        for part in parts:
            if len(part) == 10:
                dt.date.fromisoformat(part)
            elif len(part) == 7:
                dt.date.fromisoformat(part + "-01")
            else:
                assert len(part) == 4 and part.isdigit()
        assert parts[0] <= parts[-1]
