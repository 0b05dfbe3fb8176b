"""Paragraphs -> Facts: which numbers are facts, the period each covers, its metric and span.

The steps for one paragraph:

1. mask what is not a quantity even when it holds digits: dates, times, phone and document
   numbers, ratios (a:b:c), URLs, book titles and short quoted names (“美玉10条”), list markers;
2. scan the quantities (numbers.py) and drop the non-facts: small Chinese-numeral labels (两个,
   三大), thresholds inside a category name, "1人在…" referents, a number cut off by the end;
3. give each fact its governing date, the rule of CONVENTIONS.md: a period in the same clause,
   else in the same sentence, else the paragraph's leading date; a comparison base (比上年,
   较1-11月) or a deadline (9月15日前) never governs; a 截至 stock date governs its sentence;
   `一季度、上半年…分别为a、b…` pairs periods and figures in order;
4. qualifier, change direction, metric; restated facts are reported once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from .. import dates
from ..dates import ASOF, PERIOD, VAGUE, Period
from ..document import Fact
from . import metric as metric_mod
from .numbers import WIDTH, Quantity, is_referent, is_threshold, scan

_GOVERNING = (PERIOD, ASOF, VAGUE)

_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+|$)")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]*(?:[，,；;：:。！？!?]+|$)")
_LIST_GAP = re.compile(r"\s*(?:[、和与及]|以及)\s*")
_HEAD_MAX = 24
_GENERIC_YEAR = ("全年", "年内")

# Digits that are not quantities, masked before scanning.
_NOISE = re.compile(
    r"(?:https?://|www\.)[\w./?=&%#:~+\-]+"  # URLs
    r"|[\w.+\-]+@[\w\-]+\.[\w.]+"  # e-mail addresses
    r"|(?<!\d)(?:0\d{2,3}[-—\s]?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)"  # phone numbers
    r"|(?<![\d.])\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?)+"  # ratios a:b:c and clock times
    r"|\d{1,2}\s*[时点]\s*(?:\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)?(?:许|左右)?"  # 12时55分
    r"|[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d*\s*号?"  # 〔2023〕5号
    r"|[A-Za-z\u4e00-\u9fff]{0,6}ICP[备证]?[\s:：]*\d+号?(?:-\d+)?"  # 粤ICP备12345678号
    r"|《[^》\n]{0,60}》"  # titles of documents and publications
    r"|[“‘「『\"][^”’」』\"\n]{1,12}[”’」』\"]"  # short quoted names (checked for digits below)
    r"|十[一二三四五]五"  # five-year plan names
)
_LIST_MARKER = re.compile(
    r"(?:^|[：:；;。！？])\s*(?:[(（]?\d{1,2}[)）.、．](?!\d)|[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.．]|[一二三四五六七八九十]{1,3}是)"
)
_DIGITISH = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")

_INCREASE = ("增长", "增加", "提高", "上升", "上涨", "加快", "扩大", "提升", "攀升", "增速", "增幅",
             "涨幅", "增")
_DECREASE = ("下降", "减少", "回落", "下滑", "降低", "下跌", "收窄", "放缓", "缩小", "萎缩", "降幅",
             "跌幅", "减", "降")
_CHANGE = re.compile("|".join(sorted(_INCREASE + _DECREASE, key=len, reverse=True)))
_CHANGE_GAP = re.compile(r"(?:了|达到?|为|是|至|分别|约|近|超过|逾|同比|环比|\s)*")
_DRIVE = re.compile(r"拉动|带动|贡献")


@dataclass(slots=True)
class _Context:
    """One paragraph with its sentence and clause boundaries."""

    text: str  # the paragraph as written
    norm: str  # width-normalised copy, same length
    offset: int  # where the paragraph starts in the document text
    index: int
    sentence_starts: list[int]
    clause_starts: list[int]

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def clause(self, pos: int) -> int:
        return bisect.bisect_right(self.clause_starts, pos) - 1

    def clause_text(self, pos: int) -> tuple[int, str]:
        i = self.clause(pos)
        start = self.clause_starts[i]
        end = self.clause_starts[i + 1] if i + 1 < len(self.clause_starts) else len(self.text)
        return start, self.norm[start:end]

    def sentence_text(self, pos: int) -> str:
        i = self.sentence(pos)
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return self.text[start:end].strip()


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    starts = [m.start() for m in pattern.finditer(text) if m.end() > m.start()]
    return starts or [0]


def extract(text: str, ref_date: dt.date | None = None, *, roc_years: bool = False) -> list[Fact]:
    """Every numeric fact in `text` (Simplified, paragraphs separated by newlines).

    `ref_date` is the publication day that relative periods (今年, 去年, 目前) resolve against;
    without it they give `date=None`. `roc_years` reads 107年 as the ROC year 2018 (Taiwan pages).
    """
    if not text:
        return []
    facts: list[Fact] = []
    offset = 0
    paragraphs = text.split("\n")
    for index, para in enumerate(paragraphs):
        if para.strip():
            last = index == len(paragraphs) - 1
            facts.extend(_paragraph(para, offset, index, ref_date, roc_years, at_end=last))
        offset += len(para) + 1
    return _dedupe(facts, paragraphs)


def _paragraph(
    para: str, offset: int, index: int, ref: dt.date | None, roc_years: bool, *, at_end: bool
) -> list[Fact]:
    norm = para.translate(WIDTH)
    if not _DIGITISH.search(norm) and "半" not in norm:
        return []
    ctx = _Context(para, norm, offset, index, _starts(_SENTENCE, norm), _starts(_CLAUSE, norm))
    periods = dates.find_periods(norm, roc_years=roc_years)
    masked = _mask(norm, periods)
    quantities = [q for q in scan(norm, masked) if _is_fact(norm, q, at_end=at_end)]
    if not quantities:
        return []
    values = dict(zip(map(id, periods), _resolve_periods(norm, periods, ref)))
    lead = _lead(ctx, periods)
    date_lists = _period_lists(norm, periods)
    number_lists = _quantity_lists(norm, quantities)
    facts = []
    metrics: dict[int, tuple[str | None, str]] = {}
    for q in quantities:
        chosen = _distributed(ctx, q, date_lists, number_lists)
        if chosen is not None:
            date, date_text = values[id(chosen)], para[chosen.start:chosen.end]
        else:
            date, date_text = _date_of(ctx, _governing(ctx, q, periods, lead), values, date_lists)
        change = _change(ctx, q, number_lists)
        metric = _metric(ctx, q, quantities, number_lists, metrics)
        facts.append(
            Fact(
                text=para[q.start:q.end],
                value=q.value,
                unit=q.unit or "",
                kind=q.kind,
                value_max=q.value_max,
                qualifier=q.qualifier,
                change=change,
                date=date,
                date_text=date_text,
                metric=metric,
                sentence=ctx.sentence_text(q.core_start),
                span=(offset + q.start, offset + q.end),
                paragraph=index,
            )
        )
    return facts


def _mask(norm: str, periods: list[Period]) -> bytearray:
    masked = bytearray(len(norm))
    for p in periods:
        masked[p.start:p.end] = b"\x01" * (p.end - p.start)
    for m in _NOISE.finditer(norm):
        s = m.group()
        if s[0] in "“‘「『\"" and not _DIGITISH.search(s):
            continue
        masked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _LIST_MARKER.finditer(norm):
        masked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return masked


def _is_fact(norm: str, q: Quantity, *, at_end: bool) -> bool:
    if q.unit is None:
        return False
    if q.chinese and not q.ratio_like and q.kind not in ("percent", "multiple") and q.value <= 10:
        return False  # 两个, 三大, 八个方面: labels, not counts
    if is_threshold(norm, q) or is_referent(norm, q):
        return False
    return not (at_end and q.end >= len(norm.rstrip()))


# --- periods -------------------------------------------------------------------------------


def _resolve_periods(norm: str, periods: list[Period], ref: dt.date | None) -> list[str | None]:
    """ISO value of each period; yearless ones take the year last written in the paragraph."""
    values: list[str | None] = []
    year: int | None = None
    month: int | None = None
    last: str | None = None
    for p in periods:
        if p.kind == "inherit":
            value = _inherit(p, last)
        elif p.text in _GENERIC_YEAR and year is None:
            value = None  # 全年 with no year written before it: "per year", not a period
        else:
            value = p.resolve(ref, year if p.needs_context else None, month)
        values.append(value)
        if p.role in (PERIOD, ASOF) and value:
            attributive = p.end < len(norm) and norm[p.end].isdigit()  # 2018年14户新增企业
            if p.explicit_year is not None and not attributive:
                year = p.explicit_year
            last_part = value.split("/")[-1]
            if len(last_part) >= 7:
                month = int(last_part[5:7])
            last = value
    return values


def _inherit(p: Period, last: str | None) -> str | None:
    """当天/当年/同期 repeat the period last mentioned."""
    if last is None:
        return None
    if p.text in ("当年", "同年"):
        return last[:4]
    return last


def _lead(ctx: _Context, periods: list[Period]) -> Period | None:
    """The paragraph's leading date (`2018年，…。…。`): the first date of its first sentence.

    A short bold lead phrase without figures (`新动能引领工业经济转型升级。1-8月，…`) does not
    count as the first sentence; a year described rather than dating (`2020年是…`) is no lead.
    """
    first = 0
    if len(ctx.sentence_starts) > 1:
        head = ctx.norm[: ctx.sentence_starts[1]]
        if len(head) <= _HEAD_MAX and not _DIGITISH.search(head) and not any(p.start < len(head) for p in periods):
            first = 1
    for p in periods:
        if ctx.sentence(p.start) < first:
            continue
        if ctx.sentence(p.start) > first:
            return None
        if p.role in _GOVERNING and not p.followed_by_is:
            return p
    return None


def _governing(ctx: _Context, q: Quantity, periods: list[Period], lead: Period | None) -> Period | None:
    pos = q.core_start
    clause, sentence = ctx.clause(pos), ctx.sentence(pos)
    best = None
    for p in periods:
        if p.end > pos or p.role not in _GOVERNING:
            continue
        if ctx.clause(p.start) == clause:
            best = p
    if best is not None:
        return best
    for p in periods:
        if p.end > pos or p.role not in _GOVERNING or ctx.sentence(p.start) != sentence:
            continue
        if not _is_local(ctx, p):
            best = p
    if best is not None:
        return best
    for p in periods:
        if p.start >= q.end and p.role == ASOF and ctx.sentence(p.start) == sentence and not _is_local(ctx, p):
            return p
    if lead is not None and lead.end <= pos:
        return lead
    return None


def _is_local(ctx: _Context, p: Period) -> bool:
    """A date inside a 其中 clause (其中2018年…) only dates that clause."""
    start, clause = ctx.clause_text(p.start)
    return clause.lstrip().startswith("其中") and p.start > start


def _period_lists(norm: str, periods: list[Period]) -> list[list[Period]]:
    """Runs of periods joined by 、/和/与 (一季度、上半年、前三季度和全年; 2021年与2022年)."""
    lists: list[list[Period]] = []
    run: list[Period] = []
    for p in periods:
        if run and p.role in (PERIOD, ASOF) and _LIST_GAP.fullmatch(norm[run[-1].end:p.start]):
            run.append(p)
            continue
        if len(run) > 1:
            lists.append(run)
        run = [p] if p.role in (PERIOD, ASOF) else []
    if len(run) > 1:
        lists.append(run)
    return lists


def _quantity_lists(norm: str, qs: list[Quantity]) -> list[list[Quantity]]:
    lists: list[list[Quantity]] = []
    run: list[Quantity] = []
    for q in qs:
        if run and _LIST_GAP.fullmatch(norm[run[-1].end:q.start]):
            run.append(q)
            continue
        if len(run) > 1:
            lists.append(run)
        run = [q]
    if len(run) > 1:
        lists.append(run)
    return lists


def _distributed(
    ctx: _Context, q: Quantity, date_lists: list[list[Period]], number_lists: list[list[Quantity]]
) -> Period | None:
    """`一季度、上半年…GDP增速分别为18.8%、9.6%…`: the i-th figure takes the i-th period."""
    for numbers in number_lists:
        if q not in numbers:
            continue
        for periods in date_lists:
            if len(periods) != len(numbers) or ctx.sentence(periods[0].start) != ctx.sentence(q.core_start):
                continue
            if periods[-1].end <= numbers[0].start and "分别" in ctx.norm[periods[-1].end:numbers[0].start]:
                return periods[numbers.index(q)]
    return None


def _date_of(
    ctx: _Context, p: Period | None, values: dict[int, str | None], date_lists: list[list[Period]]
) -> tuple[str | None, str | None]:
    """ISO date and its words; a period in a list (9日、10日两天) gives the list's whole span."""
    if p is None:
        return None, None
    for periods in date_lists:
        if p in periods:
            lo, hi = values[id(periods[0])], values[id(periods[-1])]
            if lo and hi:
                return f"{lo.split('/')[0]}/{hi.split('/')[-1]}", ctx.text[periods[0].start:periods[-1].end]
    return values[id(p)], ctx.text[p.start:p.end]


def _change(ctx: _Context, q: Quantity, number_lists: list[list[Quantity]]) -> str | None:
    for numbers in number_lists:
        if q in numbers and numbers[0] is not q:
            return _change(ctx, numbers[0], [])
    start, clause = ctx.clause_text(q.core_start)
    before = clause[: q.start - start]
    for m in reversed(list(_CHANGE.finditer(before))):
        gap = before[m.end():]
        if not _CHANGE_GAP.fullmatch(gap):
            continue
        if _DRIVE.search(before[: m.start()]):
            return None
        return "increase" if m.group() in _INCREASE else "decrease"
    return None


def _metric(
    ctx: _Context,
    q: Quantity,
    quantities: list[Quantity],
    number_lists: list[list[Quantity]],
    done: dict[int, tuple[str | None, str]],
) -> str | None:
    """Metric of `q`; list members share the head's, a subjectless clause borrows the previous one."""
    for numbers in number_lists:
        if q in numbers and numbers[0] is not q and id(numbers[0]) in done:
            done[id(q)] = done[id(numbers[0])]
            return done[id(q)][0]
    start, clause = ctx.clause_text(q.core_start)
    left = clause[: q.start - start]
    right = clause[q.end - start:]
    noun, predicate = metric_mod.find(left, right, unit=q.unit or "", surface=ctx.norm[q.start:q.end], kind=q.kind)
    if noun is None:
        previous = [p for p in quantities if p.end <= q.start and id(p) in done
                    and ctx.sentence(p.core_start) == ctx.sentence(q.core_start)]
        if previous and done[id(previous[-1])][0]:
            noun = done[id(previous[-1])][0] + predicate
        elif predicate:
            noun = predicate
    elif predicate and q.kind in ("percent", "points") and _CHANGE.search(predicate):
        noun += predicate
    done[id(q)] = (noun, predicate)
    return noun


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation: a section heading inside the article."""
    line = line.strip()
    return 0 < len(line) <= 40 and line[-1] not in "。！？!?…；;，,）)”」』"


def _dedupe(facts: list[Fact], paragraphs: list[str]) -> list[Fact]:
    """A restated figure is reported once, at its first mention.

    Restated means the same value, unit and period — and, when no period is known, the same
    metric too (two undated 35元 purchases are two facts). A figure in a section heading that
    the body states again is left to the body, which also gives its period.
    """
    body = {(round(f.value, 6), f.unit) for f in facts if not _is_heading(paragraphs[f.paragraph])}
    seen: set[tuple] = set()
    out = []
    for f in facts:
        if _is_heading(paragraphs[f.paragraph]) and (round(f.value, 6), f.unit) in body:
            continue
        key = (round(f.value, 6), f.value_max, f.unit, f.date, f.metric if f.date is None else "")
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
