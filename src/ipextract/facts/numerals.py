"""Numeral -> value: Chinese numerals in every register, and digits mixed with magnitudes.

Kept apart from numbers.py (which finds numbers in text and reads their units and qualifiers)
because a numeral's value is pure arithmetic on its characters: 一百一十七亿, 两千零五十,
壹佰贰拾, 十二点五, 一千零五万, and the mixed forms 3万2千5百 and 2亿3万.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..resources import patterns

_P = patterns("numerals")

#: Digit characters: everyday, financial (壹贰叁) and the zero forms.
DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7,
          "捌": 8, "玖": 9, "貳": 2, "參": 3, "陸": 6, "兩": 2}
#: Multipliers inside a section (below 万).
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: Section magnitudes: 万 and 亿 close a section (一千二百万 = (一千二百) × 万).
SECTION = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
#: Every magnitude character and its value, as written after a digit core (3千万, 20多万).
MAGNITUDE = {ch: Decimal(v) for ch, v in {**SMALL, **SECTION}.items()}


def parse_chinese(s: str) -> Decimal | None:
    """Value of a Chinese numeral: 一百一十七亿, 两千零五十, 十二万五千, 十二点五, 壹佰贰拾; None
    for a word (万 alone), a vague one (三四十) or a digit string of two (一二: "one or two")."""
    if not s:
        return None
    whole, _, frac = s.partition("点")
    if frac and any(ch not in DIGITS for ch in frac):
        return None
    if whole and (whole[0] in SECTION or whole[0] in "百千佰仟"):
        return None
    if not any(ch in SMALL or ch in SECTION for ch in whole):
        if not whole or any(ch not in DIGITS for ch in whole):
            return None
        if len(whole) == 2 and "〇" not in whole and "零" not in whole:
            return None  # 一二, 三四: "one or two", not a number
        value = Decimal(int("".join(str(DIGITS[ch]) for ch in whole)))
    else:
        value = _sections(DIGITS.get(ch, ch) for ch in whole)
        if value is None:
            return None
    if frac:
        value += Decimal("0." + "".join(str(DIGITS[ch]) for ch in frac))
    return value


def parse_mixed(s: str) -> Decimal | None:
    """Value of digits mixed with magnitudes: 3万2千5百 -> 32500, 2亿3万 -> 200030000, and digits
    closing it, 1万5000 -> 15000 (as written) or the spoken 5万5 -> 55000 (one digit, no 零: of
    the next place down); None unless `s` is digit groups each followed by a magnitude, in
    falling order, and at most one last group of digits."""
    tail = _P.mixed_tail.search(s)
    head = s[:tail.start()] if tail else s
    parts = _P.mixed_part.findall(head.replace("零", ""))
    if not parts or "".join(a + b for a, b in parts) != head.replace("零", ""):
        return None
    items = [item for digits, mags in parts for item in (int(digits), *mags)]
    if tail and len(tail.group(2)) == 1 and not tail.group(1):
        return _sections([*items, int(tail.group(2))])  # spoken: 5万5
    value = _sections(items)
    if value is None or tail is None:
        return value
    return value + int(tail.group(2))


def _sections(items: Iterable[int | str]) -> Decimal | None:
    """Sum of a numeral read as digits (ints) and magnitude characters, section by section;
    None when two digits meet without a magnitude between them (三四十: vague). A last digit
    right after a magnitude, with no 零 between, is of the next lower place, as it is spoken:
    两千五 = 2500, 一万五 = 15000, 一亿二 = 1.2e8 (两千零五 = 2005)."""
    total, section, number = Decimal(0), Decimal(0), None
    last_scale, after_scale = 1, False
    for item in items:
        if isinstance(item, int):
            if number is not None and number != 0 and item != 0:
                return None
            after_scale = number is None and last_scale > 10
            number = item
        elif item in SMALL:
            section += Decimal(1 if number is None else number) * SMALL[item]
            number, last_scale = None, SMALL[item]
        elif item in SECTION:
            total = (total + section + (number or 0)) * SECTION[item] if SECTION[item] > 10_000 else total + (
                section + (number or 0)) * SECTION[item]
            section, number, last_scale = Decimal(0), None, SECTION[item]
        else:
            return None
    if number and after_scale:
        number = number * (last_scale // 10)
    return total + section + (number or 0)
