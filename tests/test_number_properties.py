"""Properties of the number grammar, checked on generated inputs: a figure reads the same in
digits and in Chinese numerals, and every fact's span, text and value are consistent."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.facts import extract
from ipextract.facts.numbers import normalize_number

REF = dt.date(2024, 1, 15)
_DIGITS = "零一二三四五六七八九"
_PLACES = ("", "十", "百", "千")


def _section(x: int) -> str:
    """A number below 10,000 in Chinese numerals, 零 for a gap (一千零五)."""
    out, gap = "", False
    for place in range(3, -1, -1):
        d = x // 10**place % 10
        if d == 0:
            gap = gap or bool(out)
            continue
        out += ("零" if gap else "") + _DIGITS[d] + _PLACES[place]
        gap = False
    return out


def chinese(n: int) -> str:
    """`n` (below 10^12) in Chinese numerals: 12305 -> 一万二千三百零五."""
    parts = []
    for magnitude, size in (("亿", 10**8), ("万", 10**4)):
        high, n = divmod(n, size)
        if high:
            if parts and high < 1000:
                parts.append("零")
            parts.append(_section(high) + magnitude)
    if n:
        if parts and n < 1000:
            parts.append("零")
        parts.append(_section(n))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_numerals_read_their_value(n: int) -> None:
    assert normalize_number(chinese(n) + "吨").value == n


@settings(max_examples=200, deadline=None)
# Ten digits at most: eleven starting 13-19 are mobile phone numbers, masked as such.
@given(st.integers(min_value=11, max_value=10**10 - 1), st.sampled_from(["吨", "家", "人", "元", "亩"]))
def test_digits_and_numerals_give_the_same_fact(n: int, unit: str) -> None:
    in_digits = extract(f"全年产量{n}{unit}。", REF)
    in_numerals = extract(f"全年产量{chinese(n)}{unit}。", REF)
    assert [(f.value, f.unit) for f in in_digits] == [(f.value, f.unit) for f in in_numerals]
    assert [f.value for f in in_digits] == [float(n)]


_PIECES = st.sampled_from([
    "1", "2", "0", "5", ".", ",", "，", "、", "。", "万", "亿", "千", "百", "十", "一", "三", "两", "几", "数",
    "元", "吨", "家", "%", "个百分点", "至", "-", "余", "多", "近", "约", "以上", "2023年", "增长", "下降",
    "翻", "番", "角", "分", "块", "港币", "上", "过", "\n", " ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_every_fact_is_consistent(text: str) -> None:
    for f in extract(text, REF):
        start, end = f.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == f.text
        assert math.isfinite(f.value)
        assert f.value_max is None or (math.isfinite(f.value_max) and f.value <= f.value_max)
