"""Numbers as Chinese articles write them: numerals, multipliers, units, qualifiers and ranges.

`scan(text, masked)` finds every quantity in one paragraph and returns `Quantity` objects with
the value in the base unit (万/亿 resolved, 成/分之/‰ turned into percent), the unit as written,
its kind, the qualifier words around it and the span of its surface form. It knows nothing about
dates or sentences; `extract.py` decides which quantities are facts and when they happened.

`normalize_number("1.6万余")` is the same grammar for one string. A numeral's value is
numerals.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from ..resources import patterns
from . import lexicon
from .numerals import DIGITS, MAGNITUDE, parse_chinese, parse_mixed

#: Full-width forms folded to ASCII one character for one, so offsets stay valid.
WIDTH = str.maketrans("０１２３４５６７８９％．～﹪－", "0123456789%.~%-")
_P = patterns("numbers")


def fold_width(text: str) -> str:
    """`text` with full-width digits and signs folded (same length); a no-op is free."""
    return text.translate(WIDTH) if _P.wide.search(text) else text


_MAX_MAGNITUDES = 3  # 千万亿 at most
_MID = "多余来"
_SECTION_CHARS = "万亿萬億"

#: 上万, 过万, 近万 before a unit: a round magnitude with its qualifier (CONVENTIONS.md: 上千/上万
#: are approx, 过万 over).
_ROUND_Q = {"上": "approx", "过": "over", "近": "approx", "逾": "over", "超": "over"}


class NumberValue(NamedTuple):
    """What `normalize_number` returns: the value in the base unit and the qualifier."""

    value: float
    qualifier: str


@dataclass(slots=True)
class Quantity:
    """One number in a paragraph with everything the grammar can tell about it."""

    start: int  # surface start (includes a non-exact qualifier word before the number)
    end: int  # surface end (includes the unit and a qualifier word after it)
    core_start: int  # where the digits begin
    value: float
    unit: str | None
    kind: str
    qualifier: str = "exact"
    value_max: float | None = None
    magnitude: bool = False  # written with 万/亿 (or 千/百 after digits)
    chinese: bool = False  # written in Chinese numerals only
    bare: bool = False  # no unit yet (may inherit one from a list: 1.5和1.6个百分点)
    ratio_like: bool = False  # percent forms that need no measure word (一半, 三分之一, 1/10)
    negative: bool = False  # written with a minus sign (增长-5.2%): the value is negative


@lru_cache(maxsize=4096)
def _parse_core(s: str) -> tuple[Decimal, bool] | None:
    """Value of a numeral core and whether it is Chinese. Remembered: the same cores (一, 两, 2023,
    10) come back on every page, and most Chinese ones are parts of words (一步, 两会) that are
    read only to be dropped."""
    if s and s[0].isdigit():
        if len(s) > 1 and s[0] == "0" and s[1].isdigit():
            return None  # 01, 000: section numbers and split thousands, not quantities
        try:
            return Decimal(s.replace(",", "").replace("，", "")), False
        except InvalidOperation:
            return None
    if not any(ch in DIGITS for ch in s) and not s.startswith(("十", "拾")):
        return None  # 万, 千万, 百: magnitudes alone are words (千万不要, 万亿大关)
    v = parse_chinese(s)
    return (v, True) if v is not None else None


def _is_masked(masked: bytearray, start: int, end: int) -> bool:
    return any(masked[start:end])


def _unit_at(text: str, pos: int, has_magnitude: bool) -> lexicon.Unit | None:
    if text[pos:pos + 1] not in lexicon.unit_starts():
        return None  # most numerals that are parts of words (一步, 两会) have no unit after them
    m = lexicon.unit_pattern().match(text, pos)
    if not m:
        return None
    unit = lexicon.units()[m.group()]
    after = text[m.end():m.end() + 1]
    if after and after in unit.not_before:
        return None
    if unit.needs_magnitude and not has_magnitude:
        return None
    return unit


@dataclass(slots=True)
class _Num:
    """A numeral with its magnitude and unit, before range and qualifier handling."""

    start: int
    end: int  # end of the numeral with its magnitude and 多/余
    value: Decimal  # value of the written core, before the multiplier
    chinese: bool
    multiplier: Decimal  # from magnitudes written after the core (3千万, 20多万)
    has_magnitude: bool  # any magnitude written (in a Chinese core or after digits)
    big: bool  # 万 or 亿 written: a bare figure of this size can still be a fact
    mid: str  # 多/余/来 written inside the number
    unit: lexicon.Unit | None
    unit_end: int

    @property
    def total(self) -> Decimal:
        return self.value * self.multiplier


def _read_number(text: str, start: int, core_end: int, value: Decimal, chinese: bool) -> _Num:
    """Extend a numeral core over 多/余, magnitudes (万, 亿, 千万) and the unit; one space may
    stand between the digits and what follows (1.5 亿元, 45 %)."""
    pos, mid = core_end, ""
    if pos + 1 < len(text) and text[pos] == " " and not chinese and (
        text[pos + 1] in MAGNITUDE or text[pos + 1] in _MID or lexicon.unit_pattern().match(text, pos + 1)
    ):
        pos += 1
    if pos + 1 < len(text) and text[pos] in _MID and (
        text[pos + 1] in MAGNITUDE or lexicon.unit_pattern().match(text, pos + 1)
    ):
        mid, pos = text[pos], pos + 1
    spoken = _P.spoken_yi.match(text, pos) if text[pos:pos + 1] == "个" and value < 100 else None
    if spoken:  # 三个亿, 两个多亿: a spoken 亿
        mid, pos = spoken.group("mid") or mid, pos + 1 + len(spoken.group("mid") or "")
    multiplier = Decimal(1)
    # A core with magnitudes inside (一千二百万, and the mixed 12亿5千万) is written with them;
    # a core of plain digits (most of them) has none.
    core = text[start:core_end]
    big = not core.isascii() and ("万" in core or "亿" in core)
    written = big or (not core.isascii() and ("十" in core or "百" in core or "千" in core))
    steps = 0
    while pos < len(text) and steps < _MAX_MAGNITUDES + 1:
        ch = text[pos]
        if not mid and ch in "多余" and pos > core_end and pos + 1 <= len(text):
            mid, pos = ch, pos + 1  # 1.6万余项, 5千多万: 多/余 after a magnitude
            continue
        if ch not in MAGNITUDE or (ch in "千百" and _unit_at(text, pos, True) is not None):
            break  # 千瓦, 千克, 百分点: the unit starts here
        multiplier *= MAGNITUDE[ch]
        written = True
        big = big or ch in "万亿"
        pos += 1
        steps += 1
    unit = _unit_at(text, pos, big)
    unit_end = pos + len(unit.surface) if unit else pos
    return _Num(start, pos, value, chinese, multiplier, written, big, mid, unit, unit_end)


def scan(text: str, masked: bytearray | None = None, *, limit: int | None = None) -> list[Quantity]:
    """Every quantity in `text` (normalised with WIDTH); characters flagged in `masked` are
    skipped. With `limit`, scanning stops once that many are found."""
    if masked is None:
        masked = bytearray(len(text))
    out: list[Quantity] = []
    pos = 0
    while True:
        m = _P.token.search(text, pos)
        if m is None:
            break
        pos = m.end()
        if _is_masked(masked, m.start(), m.end()):
            # A masked region (a date, a phone number) may hide a real number right after it.
            pos = masked.find(0, m.start() + 1)
            if pos < 0:
                break
            continue
        found = _dispatch(text, m, masked)
        if found:
            out.extend(found)
            pos = max(pos, max(q.end for q in found))
            if limit is not None and len(out) >= limit:
                break
    _share_list_units(text, out)
    return [q for q in out if not q.bare]


def _dispatch(text: str, m: re.Match[str], masked: bytearray) -> list[Quantity]:
    """The quantities a token `m` starts: none, one, or two for a score (13投8中)."""
    kind = m.lastgroup
    if kind in ("pct", "frac", "half", "slash"):
        q = _ratio(text, m)
        if q is not None and kind == "pct":
            _pct_range(text, q)
        return [q] if q else []
    if kind == "shang":
        q = _shang(text, m)
        return [q] if q else []
    if kind == "bm":
        return _quantity(text, m.start(), m.start(), Decimal(1), True, masked)  # the magnitude is read after
    if kind in ("wl", "tm"):
        return _score(m)
    if kind == "fan":
        q = _doubling(text, m)
        return [q] if q else []
    if kind in ("ap", "vg"):
        q = _vague(text, m)
        return [q] if q else []
    if kind == "mx":
        value = parse_mixed(m.group())
        return [] if value is None else _quantity(text, m.start(), m.end(), value, False, masked)
    core = _parse_core(m.group())
    if core is None:
        return []
    value, chinese = core
    return _quantity(text, m.start(), m.end(), value, chinese, masked)


def _shang(text: str, m: re.Match[str]) -> Quantity | None:
    """上万人, 近万人, 过亿元, 逾百亿元: a round magnitude, qualified by the word before it; a
    万/亿 one needs no unit (人数过万: people, 收入过亿: money, as for any bare 万/亿 figure)."""
    magnitude = Decimal(1)
    for ch in m.group("sm"):
        magnitude *= MAGNITUDE[ch]
    num = _read_number(text, m.end(), m.end(), magnitude, True)
    num.start = m.start()
    unit, end = num.unit, num.unit_end
    if unit is None and any(ch in "万亿" for ch in m.group("sm")):
        unit, end = _bare_unit(text, m.start(), num.end), num.end  # 参观人数过万, 收入逾亿
    if unit is None or unit.kind == "none":
        return None
    qualifier = _ROUND_Q[m.group("sw")]
    return _finish(text, m.start(), end, m.start(), float(num.total), None, unit, qualifier, num)


def _doubling(text: str, m: re.Match[str]) -> Quantity | None:
    """翻一番 / 翻三番: doubled once, three times: 2 / 8 倍."""
    n = m.group("fann") or "一"  # 翻番: doubled
    times = int(n) if n.isdigit() else DIGITS.get(n, 10 if n == "十" else 0)
    if not 0 < times <= 10:
        return None
    unit = lexicon.units()["倍"]
    q = Quantity(m.start(), m.end(), m.start(), float(2**times), unit.canonical, unit.kind)
    _qualify(text, q)
    return q


def _vague(text: str, m: re.Match[str]) -> Quantity | None:
    """An amount given as what it may be, an approx range: 五六百家 (500–600), 七八千万元,
    十几家 (11–19), 几十万人 and 数十万人 (几 is 2 to 9: 200000–900000)."""
    if m.lastgroup == "ap":
        lo, hi = DIGITS[m.group("a1")], DIGITS[m.group("a2")]
        if hi != lo + 1 or _P.rank_before.search(text[max(0, m.start() - 6):m.start()]):
            return None  # 第三四名 ranks
    else:
        lo, hi = (11, 19) if m.group() == "十几" else (2, 9)
    num = _read_number(text, m.start(), m.end(), Decimal(1), True)
    unit, end = num.unit, num.unit_end
    if unit is None and num.big:
        unit, end = _bare_unit(text, m.start(), num.end), num.end
    if unit is None or unit.kind == "none":
        return None
    low, high = float(lo * num.multiplier), float(hi * num.multiplier)
    # 两三家 (no magnitude) is a small count that may still be a label (三四个方面): read as numerals
    return _finish(text, m.start(), end, m.start(), low, high, unit, "approx", num, chinese=high <= 10)


def _score(m: re.Match[str]) -> list[Quantity]:
    """A match result (30胜12负) or a shooting line (13投8中): two counts."""
    if m.lastgroup == "wl":
        (a, b), (unit_a, unit_b) = (m.group("w"), m.group("l")), ("胜", "负")
    else:
        (a, b), (unit_a, unit_b) = (m.group("ta"), m.group("tb")), ("投", "中")
    mid = m.start() + len(a) + 1
    return [
        Quantity(m.start(), mid, m.start(), float(a), unit_a, "other"),
        Quantity(mid, m.end(), mid, float(b), unit_b, "other"),
    ]


def _ratio(text: str, m: re.Match[str]) -> Quantity | None:
    """Shares that are percentages without a % sign: 百分之十二点五, 三分之一, 一半, 1/10, 千分之三."""
    kind = m.lastgroup
    if kind == "pct":
        core = (Decimal(100), True) if m.group("pn") == "百" else _parse_core(m.group("pn"))
        if core is None:
            return None
        value = core[0] / (10 if m.group().startswith("千") else 1)
    elif kind == "frac":
        den, num = _parse_core(m.group("fd")), _parse_core(m.group("fn"))
        if den is None or num is None or den[0] == 0 or num[0] > den[0]:
            return None
        value = (num[0] / den[0] * 100).quantize(Decimal("0.01"))
    elif kind == "half":
        value = Decimal(50)
    else:
        a, b = int(m.group("sa")), int(m.group("sb"))
        if a >= b or (b > 10 and b not in (100, 1000)):
            return None  # 7/29 is a day, 24/7 a schedule: shares are written over small or round numbers
        value = (Decimal(a) / Decimal(b) * 100).quantize(Decimal("0.01"))
    q = Quantity(m.start(), m.end(), m.start(), float(value), "%", "percent", ratio_like=True)
    _qualify(text, q)
    return q


def _pct_range(text: str, q: Quantity) -> None:
    """百分之五到百分之八: a range written as two spoken percentages, 5–8 %."""
    sep = _P.range_sep.match(text, q.end)
    hi_m = _P.token.match(text, sep.end()) if sep else None
    if hi_m is None or hi_m.lastgroup != "pct":
        return
    hi = _ratio(text, hi_m)
    if hi is not None and q.value < hi.value and q.value_max is None:
        q.value_max, q.end = hi.value, hi.end
        if q.qualifier == "exact":
            q.qualifier = hi.qualifier


def _quantity(
    text: str, start: int, core_end: int, value: Decimal, chinese: bool, masked: bytearray
) -> list[Quantity]:
    """The quantity whose numeral is text[start:core_end] with its magnitude, unit, range and
    qualifiers; none for a rank (第3), a vague count (数十), a name (5G) or a bare label."""
    before = text[max(0, start - 6):start]
    if _P.rank_before.search(before) or (chinese and _P.vague_before.search(before)):
        return []
    num = _read_number(text, start, core_end, value, chinese)
    if num.unit is None:
        after = text[num.end:num.end + 1]
        if after.isascii() and after.isalpha():
            return []  # 5G, 4K, 3D: a name
        if after == "成" and text[num.end + 1:num.end + 2] not in lexicon.cheng_block():
            return [_tenths(text, num)]
        if after == "分" and _P.score_verb.search(before):
            num.unit, num.unit_end = lexicon.Unit("分", "other", "分"), num.end + 1  # 得到20分
        coins = _P.coins.match(text, num.end) if after in "角毛分" and not num.big else None
        if coins:  # 五毛钱, 一角钱, 八分钱: tenths and hundredths of a 元
            scale = Decimal("0.01") if coins.group().startswith("分") else Decimal("0.1")
            q = Quantity(num.start, coins.end(), num.start, float(num.total * scale), "元", "money",
                         chinese=num.chinese)
            _qualify(text, q)
            return [q]
    ranged = _range(text, num, masked)
    if ranged is not None:
        return [ranged]
    if num.unit is None:
        return _without_unit(text, num, before)
    if num.unit.kind == "none":
        return []
    total, end = _with_small_change(text, num)
    q = _finish(text, start, end, start, float(total), None, num.unit, None, num)
    _sign(q, before)
    return [q]


def _sign(q: Quantity, before: str) -> None:
    """A figure written with a minus sign (-3.1%, 增长-0.8%) keeps it: the value is negative
    and the sign is part of its text (CONVENTIONS: signed values stay signed)."""
    if _P.minus.search(before) is None:
        return
    q.negative = True
    q.value = -q.value
    if q.value_max is not None:
        q.value_max = -q.value_max
    if q.start == q.core_start:
        q.start -= 1
    q.core_start -= 1


def _with_small_change(text: str, num: _Num) -> tuple[Decimal, int]:
    """A sum in 元 with its 角/毛 and 分 (123元1角1分 -> 123.11, 十块三毛 -> 10.3, 三块五 -> 3.5)
    and where it ends."""
    total, end = num.total, num.unit_end
    if num.unit is None or num.unit.canonical != "元" or (num.big and not num.chinese):
        return total, end  # 1.2亿元 is never followed by its 角; 六十四万零一百四十三元一角七分 may be
    m = _P.small_change.match(text, end)
    if (m is None or not (m.group("jiao") or m.group("fen"))) and num.unit.surface == "块":
        m = _P.kuai_tail.match(text, end)  # 三块五, 3块5: the 毛 left unsaid
    if m is None or not (m.group("jiao") or m.group("fen")):
        return total, end
    for group, scale in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
        digit = m.group(group)
        if digit:
            total += (int(digit) if digit.isdigit() else DIGITS[digit]) * scale
    return total, m.end()


def _tenths(text: str, num: _Num) -> Quantity:
    """成 as tenths, a percentage: 8成以上 (over 80 %), 三成半 and 三成五 (35 %), 两成多 (over 20 %)."""
    pct = num.value * 10
    end = num.end + 1
    tail = _P.cheng_tail.match(text, end)
    more = False
    if tail and tail.group("half"):
        pct += 5
    elif tail and tail.group("digit"):
        digit = tail.group("digit")
        pct += int(digit) if digit.isdigit() else DIGITS[digit]
    elif tail:
        more = True
    end = tail.end() if tail else end
    q = Quantity(num.start, end, num.start, float(pct), "%", "percent", chinese=num.chinese, ratio_like=True)
    _qualify(text, q)
    if more and q.qualifier == "exact":
        q.qualifier = "over"
    return q


def _range(text: str, num: _Num, masked: bytearray) -> Quantity | None:
    """A range opening with `num`: 3至5亿元, 6万至8万元, 10-20家, 15%至20%."""
    sep = _P.range_sep.match(text, num.unit_end)
    if not sep or sep.end() >= len(text) or masked[sep.end()]:
        return None
    hi_match = _P.high_end.match(text, sep.end())
    hi_core = _parse_core(hi_match.group()) if hi_match else None
    if hi_match is None or hi_core is None:
        return None
    hi = _read_number(text, sep.end(), hi_match.end(), *hi_core)
    tenths = text[hi.end:hi.end + 1] == "成" and text[hi.end + 1:hi.end + 2] not in lexicon.cheng_block()
    if num.unit is None and hi.unit is None and tenths and num.total < hi.total:
        # 两到三成, 3至5成: tenths on both ends, a percent range
        q = Quantity(num.start, hi.end + 1, num.start, float(num.total * 10), "%", "percent",
                     value_max=float(hi.total * 10), chinese=num.chinese and hi.chinese, ratio_like=True)
        _qualify(text, q)
        return q
    joined = _join_range(text, num, hi)
    if joined is None:
        return None
    return _finish(text, num.start, hi.unit_end, num.start, joined[0], joined[1], hi.unit, hi.mid and "over", hi,
                   chinese=num.chinese and hi.chinese)


def _without_unit(text: str, num: _Num, before: str) -> list[Quantity]:
    """A number written without a unit. A 万/亿 figure counts people or money (see `_bare_unit`);
    a smaller one is kept, still bare, only when it opens a list whose last member has a unit
    (1.5和1.6个百分点); none right after a Latin letter (a model name, A4)."""
    start = num.start
    sign = _currency_sign(text, start)
    if sign and not num.big:  # ￥1200, RMB3000: the sign is the unit
        money = lexicon.Unit(sign.group("s"), "money", lexicon.currency_signs()[sign.group("s")])
        return [_finish(text, sign.start(), num.end, start, float(num.total), None, money, None, num)]
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        return []
    if num.big:
        unit = _bare_unit(text, start, num.end)
        if unit is None:
            return []
        return [_finish(text, start, num.end, start, float(num.total), None, unit, None, num)]
    if not _P.list_next.match(text, num.end):
        return []
    q = _finish(text, start, num.unit_end, start, float(num.total), None, None, None, num)
    _sign(q, before)
    return [q]


def _currency_sign(text: str, pos: int) -> re.Match[str] | None:
    """A currency sign or code ending right before `pos` (￥1200, US$ 20万); most figures have
    none, so the last character is looked at before the pattern is searched."""
    last = text[max(0, pos - 2):pos].rstrip()[-1:]
    if not last or last not in lexicon.currency_sign_ends():
        return None
    return lexicon.currency_sign_pattern().search(text, max(0, pos - 4), pos)


def _trailing_scales(written: str) -> list[Decimal]:
    """The magnitudes a number ends with, innermost first: 三千万 -> [10^4, 10^7]."""
    scales, scale = [], Decimal(1)
    for ch in reversed(written.rstrip(_MID)):
        if ch not in MAGNITUDE:
            break
        scale *= MAGNITUDE[ch]
        scales.append(scale)
    return scales


def _join_range(text: str, lo: _Num, hi: _Num) -> tuple[float, float] | None:
    """Low and high values of a range, the low end borrowing the high end's 万/亿 and unit."""
    if hi.unit is None and not hi.big:
        return None
    if hi.unit is not None and hi.unit.kind == "none":
        return None
    if lo.unit is not None and (hi.unit is None or lo.unit.canonical != hi.unit.canonical):
        return None
    high = hi.total
    low = lo.total
    if not lo.big and lo.unit is None:
        # The magnitude written once at the high end is the low end's too (3至5亿, 十八至三十万,
        # 二到三千万): the largest trailing magnitude of the high end that keeps low < high.
        for scale in _trailing_scales(text[hi.start:hi.end]):
            if lo.total * scale < high:
                low = lo.total * scale
    if not low < high:
        return None
    return float(low), float(high)


def _bare_unit(text: str, start: int, end: int) -> lexicon.Unit | None:
    """Unit for a 万/亿 figure written without one: people before a people noun, else money."""
    people = lexicon.Unit("人", "count", "人")
    if lexicon.people_pattern().match(text, end):
        return people
    if not _P.bare_follow.match(text[end:end + 2]):
        return None  # 200万特奖, 1000万特别奖: part of a name
    if _P.people_before.search(text[max(0, start - 12):start]):
        return people
    return lexicon.Unit("元", "money", "元")


def _finish(
    text: str,
    start: int,
    end: int,
    core_start: int,
    value: float,
    value_max: float | None,
    unit: lexicon.Unit | None,
    qualifier: str | None,
    num: _Num,
    *,
    chinese: bool | None = None,
) -> Quantity:
    q = Quantity(
        start=start,
        end=end,
        core_start=core_start,
        value=value,
        unit=unit.canonical if unit else None,
        kind=unit.kind if unit else "other",
        value_max=value_max,
        magnitude=num.has_magnitude,
        chinese=num.chinese if chinese is None else chinese,
        bare=unit is None,
    )
    if q.unit == "元" and unit is not None and unit.kind == "money":
        named = lexicon.currency_before_pattern().search(text, max(0, start - 8), start)
        sign = None if named else _currency_sign(text, core_start)
        if named:  # 港币500万, 台币300元: the currency written first names the money
            q.unit = lexicon.units()[named.group("c")].canonical
        elif sign:  # US$20万, ￥1200
            q.unit = lexicon.currency_signs()[sign.group("s")]
    if unit is not None and unit.surface == "‰":
        q.value, q.unit = value / 10, "%"
        if value_max is not None:
            q.value_max = value_max / 10
    if qualifier:
        q.qualifier = qualifier
    elif num.mid:
        q.qualifier = lexicon.qualifiers()[num.mid]
    _qualify(text, q)
    return q


def _qualify(text: str, q: Quantity) -> None:
    """Qualifier words around `q` (近20亿元, 70%以上) set its qualifier and widen its span."""
    _prefix_qualifier(text, q)
    _suffix_qualifier(text, q)


def _prefix_qualifier(text: str, q: Quantity) -> None:
    before = text[max(0, q.start - 14):q.start]
    m = lexicon.prefix_qualifier_pattern().search(before)
    if m:
        word = m.group("q")
        if q.qualifier == "exact" or lexicon.qualifiers()[word] != "over":
            q.qualifier = lexicon.qualifiers()[word]
        q.start -= len(before) - m.start("q")
        return
    m = _P.separated_q.search(before)
    if m and q.qualifier == "exact":
        q.qualifier = lexicon.qualifiers()[m.group("q")]
        q.start -= len(before) - m.start("q")
        return
    heads = "至" in before or "最" in before or "约" in before  # verb_q's words start so: no search without one
    m = _P.verb_q.search(before) if heads and q.qualifier == "exact" else None
    if m:
        q.qualifier = m.lastgroup or "exact"


def _suffix_qualifier(text: str, q: Quantity) -> None:
    m = lexicon.suffix_qualifier_pattern().match(text, q.end)
    if m:
        if q.qualifier == "exact":
            q.qualifier = lexicon.qualifiers()[m.group("q")]
        q.end = m.end()
    elif text[q.end - 1:q.end] == "%" and _P.pct_more.match(text, q.end):
        q.end += 1
        if q.qualifier == "exact":
            q.qualifier = "over"


def _share_list_units(text: str, qs: list[Quantity]) -> None:
    """Elliptical lists share the last member's unit: 1.5和1.6个百分点, 5个、8.5个百分点."""
    for i in range(len(qs) - 2, -1, -1):
        q, nxt = qs[i], qs[i + 1]
        if nxt.unit is None or not _P.list_sep.match(text[q.end:nxt.start]):
            continue
        if q.bare or (q.unit == "个" and nxt.unit == "百分点"):
            q.unit, q.kind, q.bare = nxt.unit, nxt.kind, False


def counts_things(text: str, q: Quantity) -> bool:
    """Whether a small Chinese numeral (two to ten) counts real things rather than naming a
    slogan or a list (两个确保, 八个方面). Its measure word may always count (五名, 两台); a sum of
    元 counts where the sentence goes on after it (十元。, not the name 四元义隆); 家/个… count
    when a noun of real things follows (共有五家单位, 覆盖三个村), unless the numeral opens its
    clause or follows a demonstrative (三家公司均…, 这两家公司: things already named)."""
    if q.unit in lexicon.counted():
        return True
    if q.kind == "money":
        return _P.bare_follow.match(text[q.end:q.end + 2]) is not None
    if q.unit not in lexicon.counted_measures() or lexicon.counted_noun_pattern().match(text, q.end) is None:
        return False
    return _P.counted_after.search(text, max(0, q.start - 4), q.start) is not None


def is_threshold(text: str, q: Quantity) -> bool:
    """税收500万元以上企业, 100亩以上的种植大户, 超10亿元的大项目: a bound inside a category name."""
    if q.kind in ("percent", "points", "multiple") or q.qualifier not in ("over", "under"):
        return False
    written = text[q.start:q.end]
    suffix = written.endswith(("以上", "以下", "以内"))
    if q.kind == "count" and not suffix:
        return False
    return bool(lexicon.entity_pattern().match(text, q.end))


def is_referent(text: str, q: Quantity) -> bool:
    """1人在…购买, 另1人于…: "one person" as the subject of a narrative clause, not a count
    (unlike 1人死亡)."""
    return (
        q.value == 1
        and q.unit in ("人", "名", "位")
        and bool(_P.referent_before.search(text[max(0, q.start - 4):q.start]))
        and _P.referent_after.match(text, q.end) is not None
    )


def normalize_number(s: str) -> NumberValue:
    """Value and qualifier of one written number: `1.6万余` -> (16000.0, "over").

    Accepts units and qualifier words around the number (`近20亿元`, `70%以上`, `三成半`) and
    raises ValueError when `s` holds no number.
    """
    text = fold_width(s.strip())
    for m in _P.token.finditer(text):
        found = _dispatch_loose(text, m)
        if found is not None:
            return NumberValue(found.value, found.qualifier)
    raise ValueError(f"no number in {s!r}")


def _dispatch_loose(text: str, m: re.Match[str]) -> Quantity | None:
    """Like `_dispatch` but keeps numbers without a unit (normalize_number takes bare values)."""
    masked = bytearray(len(text))
    found = _dispatch(text, m, masked)
    if found:
        return found[0]
    if m.lastgroup not in ("ar", "cn"):
        return None
    core = _parse_core(m.group())
    if core is None:
        return None
    num = _read_number(text, m.start(), m.end(), core[0], core[1])
    value = float(num.total)
    q = Quantity(m.start(), num.end, m.start(), value, None, "other")
    if num.mid:
        q.qualifier = lexicon.qualifiers()[num.mid]
    _qualify(text, q)
    return q
