"""The period a paragraph inherits from the document around it (CONVENTIONS "period's scope").

A figure whose clause, sentence and paragraph state no period takes, in order: the period that
opened a sentence in an earlier paragraph of the same section (`2020年，全省经济平稳增长。`
followed by `工业方面，…`), else the nearest heading above it that states a period
(`一、2024年工作回顾`), else the title's period (`2016年1-6月全市经济运行简况`), else none.

`Scope` is fed the paragraphs in order, one walk over the document, and reuses the periods the
paragraph pass has already found, so a document costs no second scan of its text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..resources import alternation, data_lines, patterns
from .periods import ASOF, PERIOD, Period

_P = patterns("scope")

#: In ipextract/data: words that make a year part of a name (2023年全省工作会议).
NAMES = "facts_scope_names.txt"
#: In ipextract/data: words of a flow and of a stock, for figures under 截至 + a month.
FLOWS = "facts_flow_words.txt"
STOCKS = "facts_stock_words.txt"
#: In ipextract/data: words by which a paragraph refers back to an earlier dated event.
EVENT_REFS = "facts_event_refs.txt"
#: In ipextract/data: words that make a date a project's milestone (2021年3月开工建设).
MILESTONES = "facts_milestone_words.txt"
#: In ipextract/data: words that make a figure a rate per period (每年迎接游客20多万人次).
RATES = "facts_rate_words.txt"
#: In ipextract/data: names of a period's own report (2017年国民经济和社会发展统计公报).
REPORTS = "facts_report_names.txt"
#: In ipextract/data: words that make a year or month a birth (1962年生，).
BIRTHS = "facts_birth_words.txt"
#: In ipextract/data: words that end a plan section's heading (二、下一步工作打算).
PLANS = "facts_plan_headings.txt"

_HEADING_MAX = 40
_NAME_REACH = 12  # characters after a year in which a name word makes it a name
_SENTENCE_END = "。！？!?"
_FRAME_MAX = 40
_CHRONOLOGY_YEARS = 4  # distinct years in one paragraph that make it a history
_DAY = len("2021-05-26")
# Years an opening period may lie before the publication year and still open an account that
# the next sentences continue; an older one opens a history (1974年，…中山王墓曾震惊世界).
_HISTORY_YEARS = 10


@lru_cache(maxsize=1)
def _name_after() -> re.Pattern[str]:
    return re.compile(rf"[^，,。；;：:！？]{{0,{_NAME_REACH}}}?(?:{alternation(data_lines(NAMES))})")


@lru_cache(maxsize=1)
def _report_after() -> re.Pattern[str]:
    return re.compile(rf"[^，,。；;：:！？\s]{{0,{_NAME_REACH}}}?(?:{alternation(data_lines(REPORTS))})")


@lru_cache(maxsize=1)
def _plan_heading() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(data_lines(PLANS))})\s*[:：]?\s*$|下一步|今后")


def is_plan_heading(line: str) -> bool:
    """`line` (a heading) opens a plan section: `二、下一步工作打算`, `三、主要目标`."""
    return _plan_heading().search(line) is not None


@lru_cache(maxsize=1)
def _birth() -> re.Pattern[str]:
    return re.compile(rf"年(?:\s*\d{{1,2}}\s*月)?\s*(?:{alternation(data_lines(BIRTHS))})")


def is_biography(para: str) -> bool:
    """`para` states a person's birth (`董逸泉，1962年生，…`): a biography, whose figures are the
    person's and no period of the report around it."""
    return "年" in para and _birth().search(para) is not None


@cache  # one pattern per word list (stocks, flows, event references): never evicted
def _words(name: str) -> re.Pattern[str]:
    return re.compile(alternation(data_lines(name)))


def year_to_date(value: str | None, words: str) -> str | None:
    """A flow under 截至 + a month covers the year up to it: `截至5月底完成投资8.1亿元` ->
    `2019-01/2019-05`; a stock (`余额`, `累计`) stays as of the date. `words` is the text
    between the date and the figure."""
    if value is None or len(value) != 7 or value.endswith("-01"):
        return value
    if _words(STOCKS).search(words) or not _words(FLOWS).search(words):
        return value
    return f"{value[:4]}-01/{value}"


def is_history(value: str | None, ref: dt.date | None) -> bool:
    """`value` lies more than _HISTORY_YEARS before the publication year: a period that opens a
    sentence so long before the page tells a history, and the sentences and paragraphs after it
    (`出土文物中，…3件青铜器`, `展览将共评出…170件`) are not its figures."""
    if ref is None or not value or not value[:4].isdigit():
        return False
    return int(value.split("/")[-1][:4]) < ref.year - _HISTORY_YEARS


def is_rate(words: str) -> bool:
    """`words` (the clause up to a figure) make it a rate per period (`每年的粮食消耗量超过7亿吨`):
    the rate holds beyond any one period, so a period carried from the paragraphs before does
    not date it."""
    return _words(RATES).search(words) is not None


def is_milestone(norm: str, p: Period) -> bool:
    """The date is a project's milestone (`于2023年2月交付使用`, `2021年3月开工建设`) or a
    person's birth (`1962年生，`): it dates its own clause only, so a figure in the next clause
    of the sentence does not take it."""
    return _milestone().match(norm, p.end) is not None or _birth_at().match(norm, p.end) is not None


@lru_cache(maxsize=1)
def _birth_at() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(data_lines(BIRTHS))})")


@lru_cache(maxsize=1)
def _milestone() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:正式|全面|顺利|已)?(?:{alternation(data_lines(MILESTONES))})")


def is_name(norm: str, p: Period) -> bool:
    """The year is part of a name: `2023年全省工作会议`, `2020年度优秀企业`."""
    return _name_after().match(norm, p.end) is not None


def is_heading(line: str) -> bool:
    """A heading line: short and without closing punctuation, or short and numbered (`一、…`)."""
    line = line.strip()
    if not 0 < len(line) <= _HEADING_MAX:
        return False
    if _P.field.search(line):
        return False  # 成交日期：2021年06月09日: a form's field, whose date is its own
    if line[-1] not in "。！？!?…；;，,）)”」』":
        return True
    return _P.numbered_heading.match(line) is not None and not any(ch in line[:-1] for ch in _SENTENCE_END)


def opens_sentence(norm: str, p: Period) -> bool:
    """The period opens its sentence: at its start after a list marker, or right after a
    framing clause without figures or periods (`据统计，2020年，…`, `在…领导下，2021年，…`)."""
    if p.role not in (PERIOD, ASOF) or p.followed_by_is or p.kind in ("vague", "inherit"):
        return False
    if p.kind == "relative" and p.text[-1] in "前后":
        return False  # 60年后，…: counted from the story's own moment, not the publication day
    if _P.not_opener_after.match(norm, p.end):
        # 2018年14户新增企业 (attributive); 一季度、上半年…分别 (a list); 2015年底预计… (a plan
        # for that date: the sentences after it describe the projects, not the period)
        return False
    start = max(0, p.start - _FRAME_MAX)
    before = norm[start:p.start]
    cut = max(before.rfind(ch) for ch in _SENTENCE_END)
    if cut < 0 and start > 0:
        return False
    before = before[cut + 1:]
    marker = _P.marker.match(before)
    rest = before[marker.end():] if marker else before
    lead_in = _P.lead_in.search(rest) or _P.dateline.search(rest)
    if lead_in is not None:
        rest = rest[:lead_in.start()]
    if not rest.strip():
        return True
    # A framing clause: it ends with a comma right before the period and holds no digits; or
    # a heading run into the paragraph (`一、工业生产增势明显 4月份，…`), ended by a space.
    closed = rest.rstrip()[-1:] in "，,：:" or (rest[-1:].isspace() and marker is not None and marker.end() > 0)
    return closed and not any(ch.isdigit() for ch in rest)


@dataclass(slots=True)
class Scope:
    """The carried, heading and title periods while walking a document's paragraphs."""

    ref: dt.date | None
    title: str | None = None  # the title's period, ISO
    heading: str | None = None  # the latest heading above that states a period
    carried: str | None = None  # the latest sentence-opening period of this section
    preamble: str | None = None  # the period opening the text before its first heading
    event: str | None = None  # the latest sentence-opening day or month (a news event's date)
    seen_heading: bool = False
    # The nearest heading above states a period, even one that cannot be resolved (`二、今年主要
    # 预期目标` on a page without a date): its section is that period's, never the report's.
    heading_stated: bool = False
    undated: bool = False  # the latest account opened with a history or 近日: it dates nothing after
    read: bool = False  # a paragraph other than a heading has been taken in

    def current(self) -> str | None:
        """The period a figure with no period of its own in its paragraph takes."""
        if self.undated:
            return None
        if self.carried or self.heading_stated:
            return self.carried or self.heading
        return self.preamble or self.title

    def for_paragraph(self, para: str) -> str | None:
        """The period for `para`: the dated event's own when the paragraph refers back to it
        (`本次活动共服务群众600余人次`), else `current()`; none for a biography."""
        if is_biography(para):
            return None
        if self.event is not None and _words(EVENT_REFS).search(para):
            return self.event
        return self.current()

    def year(self) -> int | None:
        """The year yearless periods (全年, 上半年, 1-8月) belong to under this scope."""
        value = self.current()
        if value and "/" in value:
            # 2011/2020 (9年来, 十三五期间): a date without its year is the latest year's
            value = value.split("/")[-1]
        return int(value[:4]) if value and value[:4].isdigit() else None

    def set_title(self, norm: str, periods: list[Period]) -> None:
        """The title's first period that is not part of a name (`2022年统计公报`)."""
        self.title = _first_value(norm, periods, self.ref, None)

    def advance(self, norm: str, periods: list[Period], values: list[str | None] | None = None) -> None:
        """Take paragraph `norm` (already read) into the scope of the paragraphs after it."""
        if is_heading(norm):
            self._take_heading(norm, periods)
            return
        if not self.read:
            self.read = True
            if self.title is None:  # the page's first line, a title line run into the text
                self.title = _report_period(norm, periods, self.ref)
        if is_biography(norm):
            self._stop()  # a change of subject: the report's period ends here
            return
        if len({p.explicit_year for p in periods} - {None}) >= _CHRONOLOGY_YEARS:
            self.carried = None  # a history (1983年…1986年…1990年…) carries no period onward
            return
        context = self.year()
        for k, p in enumerate(periods):
            if p.explicit_year is not None:
                context = p.explicit_year
            if p.kind == "vague" and k == 0 and not norm[:p.start].strip():
                self._stop()  # a paragraph opening 近日，…: an undated moment, no older period's
            elif opens_sentence(norm, p) and not is_name(norm, p):
                self._open(values[k] if values is not None else _resolve(p, self.ref, context))

    def _take_heading(self, norm: str, periods: list[Period]) -> None:
        """A heading starts a new section: the period it states (even one that cannot be
        resolved) or, for a plan heading stating none, no period governs what is under it."""
        stated, value = _stated(norm, periods, self.ref, self.year())
        self.carried = self.event = None
        self.seen_heading, self.undated, self.read = True, False, True
        if stated and (value is None or len(value) != _DAY):
            # a section covers a year, span or month; a line stating a single day
            # (`招标公告日期 2021年05月26日`) dates a step of a notice, not a section
            self.heading, self.heading_stated = value, True
        elif not stated and is_plan_heading(norm):
            self.heading, self.heading_stated = None, True  # a plan's targets, of no stated period

    def _stop(self) -> None:
        """What follows dates from nothing above it (a history, a biography, 近日)."""
        self.carried = self.event = None
        self.undated = True

    def _open(self, value: str | None) -> None:
        """A period `value` opened a sentence: it carries onward, or dates an event."""
        if value and is_history(value, self.ref):
            self._stop()  # a history carries none of its years onward
            return
        self.undated = False
        if value and not _carries(value):
            self.event = value
        elif value:
            self.carried = value  # the event stays: 此次论坛… still refers back to it
            if not self.seen_heading:
                # `2024年，…` before the first heading frames the whole report
                self.preamble = value


def _report_period(norm: str, periods: list[Period], ref: dt.date | None) -> str | None:
    """The period of the page's own report named in its first paragraph, when its title does not
    give one: a title line run into the text (`…梧州市2017年国民经济和社会发展统计公报2017年,…`).
    A report cited further down (`据2022年统计公报显示，…`) is a source, not the page's period."""
    for p in periods:
        if p.role in (PERIOD, ASOF) and p.explicit_year is not None and _report_after().match(norm, p.end):
            return _resolve(p, ref, None)
    return None


def _carries(value: str) -> bool:
    """A year or a span (`2020年，`, `1-7月，`) opens an account that later paragraphs continue;
    a single month or day (`6月11日，…`, `2016年7月，…`) dates a news event, and the figures of
    the paragraphs after it are its background, of no period of their own."""
    return "/" in value or len(value) == 4


def _resolve(p: Period, ref: dt.date | None, year: int | None) -> str | None:
    return p.resolve(ref, year if p.needs_context else None)


def _first_value(norm: str, periods: list[Period], ref: dt.date | None, year: int | None) -> str | None:
    return _stated(norm, periods, ref, year)[1]


def _stated(norm: str, periods: list[Period], ref: dt.date | None, year: int | None) -> tuple[bool, str | None]:
    """Whether `norm` states a period (not one inside a name), and the first such period's value
    that resolves: `今年主要预期目标` on a page without a date states one that resolves to none."""
    stated = False
    for p in periods:
        if p.role in (PERIOD, ASOF) and p.kind not in ("vague", "inherit", "now") and not is_name(norm, p):
            stated = True
            value = _resolve(p, ref, year)
            if value:
                return True, value
    return stated, None
