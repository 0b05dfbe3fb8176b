"""The Chinese period grammar of the facts: every period expression in a paragraph.

`find_periods(text)` finds absolute dates, spans, months, quarters, halves, relative years
(今年, 去年), `N年来`, 截至/目前 stocks, 十三五期间 — as `Period` objects resolved later with
`Period.resolve(ref, context_year)`, because the year a bare `1-8月` belongs to depends on the
document around it, which only the caller knows.

Periods are ISO 8601: `2018`, `2019-07`, `2019-07-29`, or an interval `2019-01/2019-08`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..resources import patterns
from . import relative

#: How a period relates to the figures around it (see `Period.role`).
PERIOD = "period"  # the figure covers this period (2018年, 1-8月, 3年来)
ASOF = "asof"  # a stock as of this date (截至8月25日, 目前); governs its whole sentence
BASE = "base"  # a comparison base (比上年, 较1-11月, 同比去年同期): never governs
DEADLINE = "deadline"  # a deadline or an event after the figure (9月15日前): never governs
VAGUE = "vague"  # a period without a resolvable value (近日, 近年来): governs as null

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = "一二三四五六七八九十两"

_TITLE_REACH = 40  # characters from a period to the 《 or 》 of the title it sits in
_SEP = r"\s*[-—–~～至到]\s*"
_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
_MCN = r"(?:十[一二]?|[一二三四五六七八九])"

# One alternation of "atoms"; order matters (first alternative wins at a position), so longer
# forms come first. Atoms are merged into expressions (year + month + day, ranges) afterwards.
_ATOMS = [
    ("iso", rf"(?<![\d.])(?:19|20)\d{{2}}[-/.]{_M}[-/.]{_D}(?![\d.])"),
    ("relative", relative.PATTERN),
    ("yrange", rf"(?<![\d.])(?:19|20)\d{{2}}\s*年?{_SEP}(?:19|20)\d{{2}}\s*年度?"
               rf"|[〇零○一二][〇零○一二三四五六七八九]{{3}}\s*年?{_SEP}[〇零○一二][〇零○一二三四五六七八九]{{3}}\s*年度?"),
    ("plan", r"[“\"]?十[一二三四五]五[”\"]?(?:规划)?(?:期间|时期|以来|末|初)"),
    ("ycn", r"[〇零○一二三四五六七八九]{4}年度?"),
    ("year", r"(?<![\d.])(?:19|20)\d{2}\s*年度?(?!代)"
             r"|(?<![\d.])(?:19|20)\d{2}(?=上半年|下半年|前[一二三]季度|第?[一二三四]季度)"),  # 2019上半年
    # a two-digit year in numerals (九七年, 二〇年); 三四年 (three or four years) is read as no year
    ("yycn", r"(?<![〇零○一二三四五六七八九十百千万第近])[〇零○一二三四五六七八九]{2}年(?![代来间内多前后以])"),
    # a two-digit year, only where a month or a part of the year follows (15年3月, 25年底)
    ("yy", rf"(?<![\d.])\d{{2}}\s*年(?=\s*(?:{_M}\s*月|{_MCN}月|底|末|初|[上下]半年|前?[一二三四1-4]季度))"),
    ("ago", rf"(?:近|最近|过去的?)(?:[{_CN_SMALL}]{{1,3}}|\d{{1,2}})\s*年(?:来|以来|间|中)?"
            rf"|(?<![\d.第])(?:[{_CN_SMALL}]{{1,3}}|\d{{1,2}})\s*年(?:来|以来)"),
    ("vague", r"近年来|近些年来?|近几年来?|多年来|近年|近日|日前|近期|前不久|不久前|近来"),
    ("rel", r"去年同期|上年同期|今年|本年度?|去年|上年度?|前年|明年|次年|翌年|当年|同年|全年|年内"
            r"|年度计划|年计划|(?<![今此以之然前落最背往大])后年(?![均度代份轻纪龄级])"),
    ("half", r"上半年|下半年"),
    # A quarter, or the quarters from one to another (一至三季度, 1-3季度, 二、三季度, 一季度和二季度);
    # 第1季 and 前3季 (Taiwan pages) are quarters too; 四季, 旺季 are not
    ("quarter", r"前[一二三两1-3]个?季度?"
                r"|第?[一二三四1-4](?:\s*(?:季度)?\s*(?:[-—–~～至到、和]|以及)\s*第?[一二三四1-4]\s*)?季度"
                r"|第[一二三四1-4]季|(?<![A-Za-z])[Qq][1-4](?!\d)"),
    ("firstn", rf"(?:前|(?<![带领开起源口回心街龙码箭镜念到])头)(?:[{_CN_SMALL}]{{1,3}}|\d{{1,2}})个月"),
    # 1-8月, 一至九月; and 1、2月份, 一、二月份: two months named together, a span when neighbours
    ("mrange", rf"(?<![\d.]){_M}\s*月?\s*[-—–~～至到、]\s*{_M}\s*月份?"
               rf"|(?<![个几多十一二三四五六七八九两]){_MCN}\s*[至到—–、-]\s*{_MCN}月份?"),
    ("month", rf"(?<![\d.]){_M}\s*月份?|(?<![个几多十一二三四五六七八九两]){_MCN}月份?"),
    ("drange", rf"(?<![\d.]){_D}\s*日?{_SEP}{_D}\s*日(?![元圆均])"),
    ("day", rf"(?<![\d.]){_D}\s*日(?![元圆均])|(?<=月){_D}\s*号(?![楼线院文令机门店库])"
            r"|(?<=月)(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日"),
    ("yend", r"年底|年末|年初|年中"),
    ("mpart", r"底|末|初|(?:上中|中下|[上中下])旬"),
    ("now", r"截至目前|截止目前|截至当前|截止当前|到目前为止|目前为止|目前|当前|如今"
            r"|(?<![发出实体表呈展兑再涌重显])现(?:有|在)|今天|今日"),
    ("yesterday", r"昨天|昨日"),
    ("inherit", r"当天|当日|同日|同期|当月|同月"),
]
# The characters each atom can start with (its first characters among those of its pattern).
# The look-aheads built from them let `re` pass over a position no atom can start at without
# entering the alternation, and at a position pass over the atoms that cannot start there
# without entering their own alternatives and look-behinds; digits, 年, 上, 中, 日 are common
# in Chinese, so most positions an atom could start at start none. An atom is never tried at a
# character missing here (不久前 is not looked for).
_ATOM_FIRST = {
    "iso": "12",
    "relative": "0123456789一七三上下两九二五八六前十后四明最本过近这",
    "yrange": "12○〇一二零",
    "plan": '"“十',
    "ycn": "○〇一七三九二五八六四零",
    "year": "12",
    "yycn": "○〇一七三九二五八六四零",
    "yy": "0123456789",
    "ago": "0123456789一七三两九二五八六十四最过近",
    "vague": "前多日近",
    "rel": "上今全前去同后年当明本次翌",
    "half": "上下",
    "quarter": "1234Qq一三二前四第",
    "firstn": "前头",
    "mrange": "0123456789一七三九二五八六十四",
    "month": "0123456789一七三九二五八六十四",
    "drange": "0123456789",
    "day": "0123456789一七三九二五八六十四",
    "yend": "年",
    "mpart": "上下中初底末",
    "now": "今如当截现目",
    "yesterday": "昨",
    "inherit": "同当",
}
_ATOM_START = "".join(sorted(set("".join(_ATOM_FIRST.values()))))
_ATOM_RE = re.compile(
    f"(?=[{_ATOM_START}])(?:"
    + "|".join(f"(?=[{_ATOM_FIRST[name]}])(?P<{name}>{pattern})" for name, pattern in _ATOMS)
    + ")"
)
_P = patterns("periods")
_YEAR_PARTS = ("年底", "年末", "年初", "年中")  # a year part with no year: the publication year's


@dataclass(slots=True)
class _Point:
    """One end of a period: a year spec plus optional month and day."""

    year: tuple[str, int]  # ("abs", 2019) | ("rel", -1) | ("ctx", 0)
    month: int | None = None
    day: int | None = None
    month_hi: int | None = None  # for quarters and halves folded into one atom


@dataclass(slots=True)
class Period:
    """A period expression found in a text; `resolve()` turns it into ISO 8601.

    `start`/`end` are offsets into the text given to `find_periods`; `role` is one of PERIOD,
    ASOF, BASE, DEADLINE, VAGUE; `kind` says how the value is computed (see `resolve`).
    """

    start: int
    end: int
    text: str
    role: str = PERIOD
    kind: str = "span"  # span | now | since | ago | review | relative | vague | inherit | plan
    lo: _Point | None = None
    hi: _Point | None = None
    years_back: int = 0  # for kind "ago"
    trailing_months: int = 0  # 截至2021年3月，一年的…: the twelve months ending there
    day_offset: int = 0  # for kind "now" (昨天 = -1)
    plan: tuple[int, int] | None = None
    since_days: bool = False  # 今年以来, 去年9月至今: a span of days to the publication day
    followed_by_is: bool = False  # "2020年是…": the year is described, not a period of figures
    named: bool = False  # inside a title 《2022年统计公报》: a name, governing only as a last resort
    ahead: bool = False  # after 将于/定于/拟于 (`将于28日举行`): a day alone looks forward

    @property
    def explicit_year(self) -> int | None:
        """The absolute year written in the expression, if any (for the context year)."""
        if self.lo is not None and self.lo.year[0] == "abs":
            return self.lo.year[1]
        return None

    @property
    def needs_context(self) -> bool:
        """True for yearless expressions (1-8月, 一季度) that take the context year."""
        if self.kind == "review":
            return True
        return self.kind == "span" and self.lo is not None and self.lo.year[0] == "ctx"

    def _not_begun(self, ref: dt.date) -> bool:
        """A yearless month, quarter or half (`12月`, `四季度`, `下半年`, `12月以来`) that has not
        begun by the publication day in its year: CONVENTIONS dates it to the latest one that
        has. Not one announced ahead (`将于12月`, `自12月1日起施行`), nor 年底 with no year (the
        publication year's)."""
        if self.ahead or not (self.kind == "span" or self.since_days) or self.text.endswith(_YEAR_PARTS):
            return False
        p = self.lo
        return p is not None and p.year[0] == "ctx" and p.month is not None and p.month > ref.month

    def resolve(
        self, ref: dt.date | None, context_year: int | None = None, context_month: int | None = None
    ) -> str | None:
        """ISO 8601 value against the reference day (publication date) and the context.

        A yearless expression (1-8月) takes `context_year`, else the reference year; a day
        without a month (28日) takes `context_month`, else the reference month.
        """
        if self.kind == "vague" or self.kind == "inherit":
            return None
        if self.kind == "now":
            if ref is None:
                return None
            return (ref + dt.timedelta(days=self.day_offset)).isoformat()
        if self.kind == "plan" and self.plan is not None:
            a, b = self.plan
            return f"{a}/{b}"
        if self.kind == "review":
            return _review_year(ref, context_year, past=self.text.startswith("过去"))
        if self.kind == "relative":
            value = relative.resolve(self.text, ref, self.years_back or None)
            return relative.since(value, ref) if self.since_days else value
        if self.kind == "ago":
            if ref is None:
                return None
            return f"{ref.year - self.years_back}/{ref.year}"
        if self.lo is None:
            return None
        if context_month is None and ref is not None and context_year in (None, ref.year) and _day_alone(self.lo):
            context_year, context_month = _day_month(self.lo.day or 1, ref, ahead=self.ahead)
        elif context_year is None and ref is not None and self._not_begun(ref):
            context_year = ref.year - 1  # 12月 on a page of May: the last December, not the next
        lo = _format_point(self.lo, ref, context_year, context_month, low=True)
        if lo is None:
            return None
        if self.trailing_months and len(lo) == 7:
            y, m = int(lo[:4]), int(lo[5:7]) - self.trailing_months + 1
            while m < 1:
                y, m = y - 1, m + 12
            return f"{y:04d}-{m:02d}/{lo}"
        if self.kind == "since":  # a span of days from its first day to the publication day
            if ref is None:
                return None
            if not self.since_days:  # 自2011年进入NBA之后: to the publication year, as precise as its start
                hi = ref.isoformat()[: (4, 7, 10)[lo.count("-")]]
                return lo if hi <= lo else f"{lo}/{hi}"
            first = lo + ("-01-01" if len(lo) == 4 else "-01" if len(lo) == 7 else "")
            hi = ref.isoformat()
            return lo if hi <= first else f"{first}/{hi}"
        hi_point = self.hi or self.lo
        hi = _format_point(hi_point, ref, context_year, context_month, low=False)
        if hi is None or hi == lo:
            return lo
        return f"{lo}/{hi}"


def _day_alone(p: _Point) -> bool:
    return p.day is not None and p.month is None and p.year[0] == "ctx"


def _day_month(day: int, ref: dt.date, *, ahead: bool) -> tuple[int, int]:
    """(year, month) of a day written alone (`28日`): the publication month when the day is not
    after the publication day, else the month before; a day announced ahead (`将于28日举行`) is
    the publication month when not before the publication day, else the month after."""
    shift = 0
    if day > ref.day and not ahead:
        shift = -1
    elif day < ref.day and ahead:
        shift = 1
    y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
    return y, m + 1


def _review_year(ref: dt.date | None, year: int | None, *, past: bool = False) -> str | None:
    """一年来 / 过去一年 in a review is the calendar year under review: the year in scope, else
    (CONVENTIONS) 过去一年 is the year before the publication year whenever it is published, and
    一年来 the year before an early-year (January to March) publication, else the publication year."""
    if year is not None:
        return str(year)
    if ref is None:
        return None
    return str(ref.year - 1 if past or ref.month <= 3 else ref.year)


def _year_value(spec: tuple[str, int], ref: dt.date | None, context_year: int | None) -> int | None:
    kind, n = spec
    if kind == "abs":
        return n
    if kind == "rel":
        return None if ref is None else ref.year + n
    if kind == "yy":  # 20YY up to the publication year's last two digits, else 19YY
        return None if ref is None else (2000 + n if n <= ref.year % 100 else 1900 + n)
    if context_year is not None:
        return context_year
    return None if ref is None else ref.year


def _format_point(
    p: _Point, ref: dt.date | None, context_year: int | None, context_month: int | None, *, low: bool
) -> str | None:
    y = _year_value(p.year, ref, context_year)
    if y is None:
        return None
    month = p.month if low or p.month_hi is None else p.month_hi
    if month is None and p.day is not None:
        month = context_month if context_month is not None else (ref.month if ref is not None else None)
        if month is None:
            return None
    if month is None:
        return f"{y:04d}"
    if p.day is not None and p.month_hi is None:
        return f"{y:04d}-{month:02d}-{min(p.day, calendar.monthrange(y, month)[1]):02d}"
    if p.day is None or p.month_hi is not None:
        return f"{y:04d}-{month:02d}"
    return f"{y:04d}-{month:02d}-{p.day:02d}"


def cn_small_int(s: str) -> int | None:
    """Value of a small Chinese or Arabic numeral (0-99): 三 -> 3, 十二 -> 12, 二十 -> 20."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(ch not in _CN_DIGITS and ch != "十" for ch in s):
        return None
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = 1 if not tens else _CN_DIGITS.get(tens)
    o = 0 if not ones else _CN_DIGITS.get(ones)
    if t is None or o is None or len(tens) > 1 or len(ones) > 1:
        return None
    return t * 10 + o


def _cn_year(s: str) -> int | None:
    digits = [_CN_DIGITS.get(ch) for ch in s[:4]]
    if any(d is None for d in digits):
        return None
    y = int("".join(str(d) for d in digits))
    return y if 1900 <= y <= 2100 else None


_REL_YEARS = {"去年同期": -1, "上年同期": -1, "今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1,
              "上年度": -1, "前年": -2, "明年": 1, "次年": 1, "翌年": 1,
              "大前年": -3, "后年": 2, "大后年": 3}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "两": 2, "1": 1, "2": 2, "3": 3, "4": 4}
_PLANS = {"一": (2006, 2010), "二": (2011, 2015), "三": (2016, 2020), "四": (2021, 2025), "五": (2026, 2030)}


@dataclass(slots=True)
class _Atom:
    kind: str
    start: int
    end: int
    text: str


def _atoms(text: str, roc_years: bool) -> list[_Atom]:
    atoms = [_Atom(m.lastgroup or "", m.start(), m.end(), m.group()) for m in _ATOM_RE.finditer(text)]
    if "大前年" in text:  # 大 is too common a character to start an atom with
        for a in atoms:
            if a.kind == "rel" and a.text == "前年" and text[a.start - 1:a.start] == "大":
                a.start, a.text = a.start - 1, "大" + a.text
    if roc_years:
        atoms = [a for a in atoms if a.kind != "yy"]  # 98年3月 on a Taiwan page is ROC 98
        taken = bytearray(len(text))
        for a in atoms:
            taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        for m in _P.roc_re.finditer(text):
            n = int(m.group(1))
            if not 40 <= n <= 150:
                continue
            if any(taken[m.start():m.end()]):
                # 108年底: the 年底 read first is the ROC year's end (its 年 belongs to 108年)
                yend = next((a for a in atoms if a.kind == "yend" and a.start == m.end() - 1), None)
                if yend is None or any(taken[m.start():m.end() - 1]) or yend.text == "年中":
                    continue
                atoms.remove(yend)
                atoms.append(_Atom("mpart", m.end(), yend.end, text[m.end():yend.end]))
            atoms.append(_Atom("roc", m.start(), m.end(), m.group()))
        atoms.sort(key=lambda a: a.start)
    return atoms


def _ctx() -> tuple[str, int]:
    return ("ctx", 0)


def _atom_points(a: _Atom) -> tuple[_Point | None, _Point | None, str]:
    """Low/high points for a single atom plus the finest unit it states (y/m/d/sx)."""
    t = a.text
    nums = [int(x) for x in _P.iso_parts.findall(t)]
    if a.kind == "iso":
        p = _Point(("abs", nums[0]), nums[1], nums[2])
        return p, None, "d"
    if a.kind == "yrange":
        if not nums:  # 二〇一七至二〇一九年
            y1, y2 = _cn_year(t), _cn_year(re.split(_SEP, t, maxsplit=1)[1])
            return (_Point(("abs", y1)), _Point(("abs", y2)), "y") if y1 and y2 else (None, None, "")
        return _Point(("abs", nums[0])), _Point(("abs", nums[1])), "y"
    if a.kind == "year":
        return _Point(("abs", nums[0])), None, "y"
    if a.kind == "yy":
        return _Point(("yy", nums[0])), None, "y"
    if a.kind == "yycn":
        a1, a2 = _CN_DIGITS[t[0]], _CN_DIGITS[t[1]]
        return (_Point(("yy", 10 * a1 + a2)), None, "y") if a2 != a1 + 1 else (None, None, "")
    if a.kind == "ycn":
        y = _cn_year(t)
        return (_Point(("abs", y)), None, "y") if y else (None, None, "")
    if a.kind == "roc":
        return _Point(("abs", int(re.findall(r"\d+", t)[0]) + 1911)), None, "y"
    if a.kind == "rel":
        if t in _REL_YEARS:
            return _Point(("rel", _REL_YEARS[t])), None, "y"
        if t in ("当年", "同年"):
            return None, None, "inherit"
        return _Point(_ctx()), None, "y"  # 全年, 年内, 年计划: the year in context
    if a.kind == "half":
        return (_Point(_ctx(), 1, month_hi=6) if t == "上半年" else _Point(_ctx(), 7, month_hi=12)), None, "q"
    if a.kind == "quarter":
        q = _QUARTERS.get(t.lstrip("前第Qq")[0], 1)
        if t.startswith("前"):
            return _Point(_ctx(), 1, month_hi=3 * q), None, "q"
        q2 = _QUARTERS[re.findall(r"[一二三四1-4]", t)[-1]]  # 一至三季度: to the last quarter named
        return (_Point(_ctx(), 3 * q - 2, month_hi=3 * q2), None, "q") if q <= q2 else (None, None, "")
    if a.kind == "firstn":
        n = cn_small_int(t[1:-2])
        if not n or n > 12:
            return None, None, ""
        return _Point(_ctx(), 1, month_hi=n), None, "q"
    if a.kind == "mrange":
        m1, m2 = (nums[0], nums[1]) if nums else _cn_pair(t)
        if not 1 <= m1 < m2 <= 12 or ("、" in t and m2 != m1 + 1):
            return None, None, ""  # 1、3月份 names two months, no span
        return _Point(_ctx(), m1), _Point(_ctx(), m2), "m"
    if a.kind == "month":
        m = nums[0] if nums else cn_small_int(t.rstrip("月份"))
        if not m or not 1 <= m <= 12:
            return None, None, ""
        return _Point(_ctx(), m), None, "m"
    if a.kind == "drange":
        d1, d2 = nums[0], nums[1]
        if not 1 <= d1 < d2 <= 31:
            return None, None, ""
        return _Point(_ctx(), None, d1), _Point(_ctx(), None, d2), "d"
    if a.kind == "day":
        day = nums[0] if nums else cn_small_int(t.rstrip("日号"))
        return (_Point(_ctx(), None, day), None, "d") if day else (None, None, "")
    if a.kind == "yend":
        return _Point(_ctx(), 1 if t == "年初" else (6 if t == "年中" else 12)), None, "sx"
    return None, None, ""


#: The days of a month's ten-day parts (下旬 runs to the month's end, clipped when formatted).
_TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "上中旬": (1, 20), "中下旬": (11, 31)}


def _cn_pair(t: str) -> tuple[int, int]:
    """The two months of a range or pair written in numerals (一至九月, 一、二月份)."""
    a, b = re.split(r"\s*[至到—–、-]\s*", t.rstrip("月份"), maxsplit=1)
    return cn_small_int(a) or 0, cn_small_int(b.rstrip("月")) or 0


_FINER = {"y": {"m", "q", "d", "sx", "mpart"}, "m": {"d", "mpart"}, "d": set(), "q": {"mpart"}, "sx": set()}


def find_periods(text: str, *, roc_years: bool = False) -> list[Period]:
    """Every period expression in `text` (one paragraph), unresolved, in text order."""
    atoms = _atoms(text, roc_years)
    periods: list[Period] = []
    i = 0
    while i < len(atoms):
        period, i = _build(text, atoms, i)
        if period is not None:
            periods.append(period)
    titled = "《" in text  # most paragraphs name no document: skip the title-mark test
    for p in periods:
        _classify(text, p)
        p.named = titled and _in_title_marks(text, p)
    return periods


#: Atoms that make a period on their own, never merged with the atoms around them.
_STANDALONE = ("now", "yesterday", "vague", "inherit", "plan", "ago", "mpart", "relative")


def _build(text: str, atoms: list[_Atom], i: int, *, allow_range: bool = True) -> tuple[Period | None, int]:
    """Merge atoms i.. into one expression (year+month+day, ranges); returns it and the next index."""
    a = atoms[i]
    if a.kind in _STANDALONE:
        return _standalone(a), i + 1
    lo, hi, unit = _atom_points(a)
    if unit == "inherit":
        return Period(a.start, a.end, a.text, kind="inherit"), i + 1
    if lo is None:
        return None, i + 1
    lo, hi, end, j = _compose(text, atoms, i, lo, hi, unit)
    if allow_range and hi is None and text.startswith(("至今", "到今"), end):
        return Period(a.start, end + 2, text[a.start:end + 2], kind="since", lo=lo, since_days=True), j
    if j < len(atoms) and allow_range:
        ranged = _range(text, atoms, a.start, end, j, lo)
        if ranged is not None:
            return ranged
    return Period(a.start, end, text[a.start:end], lo=lo, hi=hi), j


def _standalone(a: _Atom) -> Period | None:
    """The period of an atom that stands alone (目前, 近日, 当天, 十三五期间, 3年来)."""
    if a.kind == "relative":
        count = relative.COUNT.match(a.text)
        n = cn_small_int(count.group(1)) if count else None
        return Period(a.start, a.end, a.text, kind="relative", years_back=n or 0)
    if a.kind in ("now", "yesterday"):
        return Period(a.start, a.end, a.text, kind="now", day_offset=-1 if a.kind == "yesterday" else 0)
    if a.kind == "vague":
        return Period(a.start, a.end, a.text, role=VAGUE, kind="vague")
    if a.kind == "inherit":
        return Period(a.start, a.end, a.text, kind="inherit")
    if a.kind == "plan":
        plan = _PLANS[a.text.strip("“”\"")[1]]
        if a.text.endswith("以来"):
            return Period(a.start, a.end, a.text, kind="since", lo=_Point(("abs", plan[0])))
        if a.text.endswith("末"):
            return Period(a.start, a.end, a.text, lo=_Point(("abs", plan[1])))
        if a.text.endswith("初"):
            return Period(a.start, a.end, a.text, lo=_Point(("abs", plan[0])))
        return Period(a.start, a.end, a.text, kind="plan", plan=plan)
    if a.kind == "ago":
        n = cn_small_int(re.sub(r"^(?:近|最近|过去的?)|\s*年.*$", "", a.text))
        if not n or n > 50:
            return None
        if n == 1 and _P.review_year.fullmatch(a.text):
            return Period(a.start, a.end, a.text, kind="review")
        return Period(a.start, a.end, a.text, kind="ago", years_back=n)
    return None  # 底/末 on their own are not dates


def _compose(
    text: str, atoms: list[_Atom], i: int, lo: _Point, hi: _Point | None, unit: str
) -> tuple[_Point, _Point | None, int, int]:
    """Add the finer atoms written right after atom i (2019年 + 7月 + 29日, 5月 + 底, 一季度 +
    末) to its points; returns the points, where the expression ends and the next atom's index."""
    end = atoms[i].end
    j = i + 1
    while j < len(atoms) and unit in _FINER and atoms[j].start == end + _gap(text, end, atoms[j].start):
        b = atoms[j]
        b_lo, b_hi, b_unit = _atom_points(b) if b.kind != "mpart" else (None, None, "mpart")
        if b.kind == "rel" and b.text in ("全年", "年内") and unit == "y":
            end = b.end  # 去年全年, 2018年全年: the year itself
            j += 1
            continue
        if b.kind == "mpart" or b.kind == "yend":
            if b.kind == "yend" and unit != "y":
                break
            if b.kind == "mpart" and b.text in _TEN_DAYS and unit == "m" and hi is None and lo.month:
                first, last = _TEN_DAYS[b.text]  # 9月上旬: the month's days 1-10, 11-20, 21 to its end
                lo, hi = _Point(lo.year, lo.month, first), _Point(lo.year, lo.month, last)
            elif b.kind == "mpart" and unit == "y" and b.text in ("底", "末", "初"):
                lo, hi = _Point(lo.year, 1 if b.text == "初" else 12), None
            elif b.kind == "mpart" and unit not in ("m", "q"):
                break
            elif b.kind == "yend" and b_lo is not None:
                lo = _Point(lo.year, b_lo.month)
                hi = None
            elif lo.month_hi is not None:  # 一季度末 -> the quarter's last month
                lo = _Point(lo.year, lo.month_hi)
            elif hi is not None and hi.month is not None:
                lo = _Point(lo.year, hi.month)
                hi = None
            end = b.end
            unit = "sx"
            j += 1
            continue
        if b_lo is None or b_unit not in _FINER.get(unit, set()):
            break
        lo, hi = _refine(lo, hi, b_lo, b_hi)
        end, unit = b.end, b_unit
        j += 1
    return lo, hi, end, j


def _range(text: str, atoms: list[_Atom], start: int, end: int, j: int, lo: _Point) -> tuple[Period, int] | None:
    """A range from text[start:end] to the expression at atom j (<expr> 至/-/到 <expr>), whose
    high end inherits what it leaves out (year, month); or a span up to now (2018年至今)."""
    between = text[end:atoms[j].start]
    if _P.connector.match(between) and len(between) <= 3 and atoms[j].kind not in ("now", "vague", "ago"):
        sub, k = _build(text, atoms, j, allow_range=False)
        if sub is not None and sub.lo is not None and sub.kind == "span":
            hi = sub.hi or sub.lo
            if hi.month_hi is not None:
                hi = _Point(hi.year, hi.month_hi, None)
            return Period(start, sub.end, text[start:sub.end], lo=lo, hi=_inherit(hi, lo)), k
    elif between.strip() in ("至今", "到今"):
        return Period(start, end + len(between), text[start:end + len(between)], kind="since", lo=lo), j
    return None


def _gap(text: str, end: int, nxt: int) -> int:
    """Whitespace between two atoms (they may be written 2019 年 7 月)."""
    between = text[end:nxt]
    return len(between) if not between.strip() and len(between) <= 2 else -1


def _refine(lo: _Point, hi: _Point | None, b_lo: _Point, b_hi: _Point | None) -> tuple[_Point, _Point | None]:
    """Add month/day detail from a finer atom to a coarser one (year + 1-8月, 5月 + 20日-31日)."""
    if lo.month is None:
        new_lo = _Point(lo.year, b_lo.month, b_lo.day, b_lo.month_hi)
        new_hi = None if b_hi is None else _Point(lo.year, b_hi.month, b_hi.day, b_hi.month_hi)
        return new_lo, new_hi
    new_lo = _Point(lo.year, lo.month, b_lo.day)
    new_hi = None if b_hi is None else _Point(lo.year, lo.month, b_hi.day)
    return new_lo, new_hi


def _inherit(hi: _Point, lo: _Point) -> _Point:
    year = lo.year if hi.year[0] == "ctx" else hi.year
    month = hi.month if hi.month is not None else (lo.month if hi.day is not None else None)
    return _Point(year, month, hi.day)


def _classify(text: str, p: Period) -> None:
    """Role from the words around the expression: comparison base, as-of, since, deadline."""
    before = text[max(0, p.start - 4):p.start]
    after = text[p.end:p.end + 4]
    if _P.base_before.search(before) or _P.base_after.match(text[p.end:p.end + 10]):
        p.role = BASE
        return
    if _P.deadline_after.match(text[p.end:p.end + 10]) or (
        _P.future_before.search(before) and _P.event_after.match(text[p.end:p.end + 8])
    ):  # 9月15日前; 预计年底建成: an event after the figure, not the period it covers
        p.role = DEADLINE
        return
    p.ahead = _P.ahead_before.search(before) is not None
    if _P.asof_before.search(before) and p.kind in ("span", "now"):
        p.role = ASOF
    elif _P.since_before.search(before) and p.kind == "span" and (p.hi is None or _is_ten_days(p)):
        closing = _since_later(text, p.end)
        if _P.since_after.match(after) or closing:
            p.kind = "since"
            # 自去年底正式开城以来: 以来 closes the clause a few words later, as it would right after
            p.since_days = closing == "以来"
    elif p.kind == "span" and (p.hi is None or _is_ten_days(p)) and re.match(r"^\s*(?:以来|起)", after):
        p.kind = "since"  # 3月以来, 3月中旬以来
    elif p.kind == "relative" and relative.SINCE_AFTER.match(after):
        p.since_days = True  # 本月以来, 上周以来: from the period's first day to the publication day
    if p.kind == "since" and re.match(r"^\s*以来", after):
        p.since_days = True
    if p.kind == "now" and (p.text.startswith(("截至", "截止")) or before.endswith(("截至", "截止"))):
        p.role = ASOF
    if p.kind == "span" and p.role == PERIOD and p.text.endswith(("底", "末")):
        p.role = ASOF  # 5月底, 2007年末: a stock at the end of the period
    monthly_stock = p.role == ASOF and p.kind == "span" and p.lo is not None and p.lo.month is not None
    if monthly_stock and p.hi is None and _P.trailing_year_after.match(text[p.end:p.end + 8]):
        p.trailing_months = 12
    p.followed_by_is = bool(_P.is_after.match(after))


def _in_title_marks(text: str, p: Period) -> bool:
    """`据《2022年广东省统计公报》数据，截至2022年末，…`: the year inside 《》 names a document;
    the figures beside it take the period the sentence states, and the name's year only when
    the sentence states none (a report's figures cover the report's own period)."""
    opening = text.rfind("《", max(0, p.start - _TITLE_REACH), p.start)
    if opening < 0 or "》" in text[opening:p.start]:
        return False
    closing = text.find("》", p.end, p.end + _TITLE_REACH)
    return closing >= 0 and "《" not in text[p.end:closing]


def _is_ten_days(p: Period) -> bool:
    """自5月下旬开始: a span inside one month (a 旬) that may open a since-span."""
    return p.lo is not None and p.hi is not None and p.lo.day is not None and p.hi.month == p.lo.month


def _since_later(text: str, end: int) -> str | None:
    """自2011年进入NBA之后: the 以来/之后 that closes a since-clause may come a few words later;
    the closing word, else None."""
    rest = text[end:end + 16]
    m = re.match(r"[^，,。；;！？]{0,12}?(以来|之后|以后|开始|起)", rest)
    return m.group(1) if m else None
