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
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Fact
from ..options import DEFAULT_MAX_FACTS
from ..resources import patterns
from . import lexicon
from . import metric as metric_mod
from .numbers import Quantity, counts_things, fold_width, is_referent, is_threshold, scan
from .periods import ASOF, BASE, PERIOD, VAGUE, Period, find_periods
from .scope import Scope, is_history, is_milestone, is_rate, opens_sentence, year_to_date

_P = patterns("extract")

_GOVERNING = (PERIOD, ASOF, VAGUE)

_HEAD_MAX = 24
_MAX_WALK = 64  # periods looked at before giving up on a governing date
_MAX_GAP = 4  # longest joiner inside a list (、 和 以及)
_WINDOW = 60  # characters of clause looked at around a figure for its metric and change
_SENTENCE_WINDOW = 300  # Fact.sentence is the sentence, cut to this much on each side
_PIECE = 1 << 16  # longest stretch of a paragraph read at once
_FIGURES_PER_FACT = 20  # figures read per fact allowed: restatements and non-facts included
_METRIC_BUDGET = 2000  # figures per document that get a metric
_UNTIL = ("截至", "截止", "到", "至", "止")
_UNTIL_REACH = 3
_GENERIC_YEAR = ("全年", "年内")

# Digits that are not quantities, masked before scanning: each `noise_*` pattern of
# data/patterns/extract.toml, with the literal that must be in a paragraph for it to run, so
# common text pays for the few that can match.
_NOISE = (
    (None, "noise_digits"),
    ("://", "noise_url"),
    ("www.", "noise_www"),
    ("@", "noise_email"),
    ("ICP", "noise_icp"),
    ("号", "noise_doc_number"),
    ("《", "noise_title"),
    (None, "noise_quoted"),  # digits checked at the match
    ("五", "noise_plan"),
)


@dataclass(slots=True)
class _Context:
    """One paragraph with its sentence and clause boundaries."""

    text: str  # the paragraph as written
    norm: str  # width-normalised copy, same length
    sentence_starts: list[int]
    clause_starts: list[int]
    metric_text: str = ""  # norm with periods blanked out, so dates never join a metric

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def clause(self, pos: int) -> int:
        return bisect.bisect_right(self.clause_starts, pos) - 1

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        return _bounds(self.clause_starts, self.clause(pos), len(self.norm))

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        return _bounds(self.sentence_starts, self.sentence(pos), len(self.norm))


def _bounds(starts: list[int], i: int, length: int) -> tuple[int, int]:
    return starts[i], starts[i + 1] if i + 1 < len(starts) else length


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    starts = [m.start() for m in pattern.finditer(text) if m.end() > m.start()]
    return starts or [0]


def extract(
    text: str,
    ref_date: dt.date | None = None,
    *,
    roc_years: bool = False,
    title: str | None = None,
    max_facts: int = DEFAULT_MAX_FACTS,
    warnings: list[str] | None = None,
) -> list[Fact]:
    """Every numeric fact in `text` (Simplified, paragraphs separated by newlines).

    `ref_date` is the publication day that relative periods (今年, 去年, 目前) resolve against;
    without it they give `date=None`. `roc_years` reads 107年 as the ROC year 2018 (Taiwan pages).
    `title` is the document's title, whose period (`2016年1-6月…简况`) dates figures that no
    paragraph, heading or earlier sentence dates.
    At most `max_facts` facts are kept, and at most `_FIGURES_PER_FACT` times as many figures
    read: a page of millions of figures would otherwise hold them all in memory. Reaching
    either bound appends a line to `warnings`.
    """
    if not text:
        return []
    if isinstance(ref_date, dt.datetime):
        ref_date = ref_date.date()
    paragraphs = text.split("\n")
    kept = _Kept(paragraphs, max_facts)
    figures = max_facts * _FIGURES_PER_FACT
    year = _heading_year(paragraphs, roc_years)
    scope = _title_scope(title, ref_date, roc_years)
    offset = 0
    for index, para in enumerate(paragraphs):
        if kept.full or figures <= 0:
            break
        for start, piece in _pieces(para):
            if kept.full or figures <= 0:
                break
            at_end = index == len(paragraphs) - 1 and start + len(piece) == len(para)
            budget = max(0, _METRIC_BUDGET - kept.count)
            paragraph = _Paragraph(
                piece, ref_date, roc_years, scope.year() or year, scope.for_paragraph(piece), limit=figures
            )
            figures -= len(paragraph.quantities)
            for fact in paragraph.facts(offset + start, index, at_end=at_end, budget=budget):
                if not kept.add(fact, inherited=paragraph.was_inherited(fact)):
                    break
            scope.advance(paragraph.norm, paragraph.periods, paragraph.resolved())
        offset += len(para) + 1
    if warnings is not None and (kept.full or figures <= 0):
        what = f"{max_facts} facts" if kept.full else f"{max_facts * _FIGURES_PER_FACT} figures"
        warnings.append(f"facts: stopped after {what}; the rest of the text was not read for facts")
    return kept.facts()


def _pieces(para: str) -> Iterator[tuple[int, str]]:
    """`para` in pieces of at most _PIECE characters, cut after a sentence (else a clause, else a
    non-digit): a paragraph of megabytes is read piece by piece, so its periods, masks and
    bounds never exist for all of it at once. No rule looks that far, so real text is one piece."""
    if not para.strip():
        return
    start = 0
    while len(para) - start > _PIECE:
        end = start + _PIECE
        cut = max(para.rfind(ch, end - _PIECE // 2, end) for ch in "。！？!?")
        if cut < 0:
            cut = max(para.rfind(ch, end - _PIECE // 2, end) for ch in "，,；;")
        if cut < 0:
            cut = end - 1
            while cut > end - 64 and _P.digitish.match(para, cut):
                cut -= 1
        yield start, para[start:cut + 1]
        start = cut + 1
    yield start, para[start:]


class _Paragraph:
    """The periods and quantities of one paragraph and the rules that tie them together.

    Every lookup is local (a bisect, a bounded walk, a window of text), so a paragraph of a
    megabyte with thousands of figures costs linear time.
    """

    def __init__(
        self,
        para: str,
        ref: dt.date | None,
        roc_years: bool,
        year: int | None = None,
        inherited: str | None = None,
        *,
        limit: int | None = None,
    ) -> None:
        self.para = para
        self.norm = norm = fold_width(para)
        self.ref, self.year = ref, year
        self.inherited = inherited  # the period the document's scope gives this paragraph
        self.inherited_facts: set[int] = set()
        self.quantities: list[Quantity] = []
        self.periods: list[Period] = []
        self.values: dict[int, str | None] | None = None
        if not _P.digitish.search(norm) and "半" not in norm:
            return
        self.periods = periods = find_periods(norm, roc_years=roc_years)
        self.masked = _mask(norm, periods)
        self.quantities = scan(norm, self.masked, limit=limit)
        self._sentence: tuple[int, int, str] = (-1, -1, "")  # the last sentence cut, shared by its facts

    def _prepare(self) -> None:
        """Sentence and clause bounds and the resolved periods: needed only once the paragraph
        has a fact (many paragraphs with digits hold only dates)."""
        norm, periods = self.norm, self.periods
        self.ctx = ctx = _Context(self.para, norm, _starts(_P.sentence, norm), _starts(_P.clause, norm))
        ctx.metric_text = _blank_periods(norm, periods)
        self.values = dict(zip(map(id, periods), _resolve_periods(norm, periods, self.ref, self.year)))
        self.ends = [p.end for p in periods]
        self.p_clause = [ctx.clause(p.start) for p in periods]
        self.p_sentence = [ctx.sentence(p.start) for p in periods]
        self.local = [self._is_local(p) for p in periods]
        self.lead = _lead(ctx, periods, self.local)
        # Periods that open a sentence govern the sentences after theirs that state none.
        self.openers = [p for k, p in enumerate(periods) if not self.local[k] and opens_sentence(norm, p)]
        self.opener_ends = [p.end for p in self.openers]

    def resolved(self) -> list[str | None] | None:
        """The ISO value of each period, when the paragraph had facts to resolve them for."""
        if self.values is None:
            return None
        return [self.values[id(p)] for p in self.periods]

    def facts(self, offset: int, index: int, *, at_end: bool, budget: int = _METRIC_BUDGET) -> Iterator[Fact]:
        """The facts of this paragraph, which starts at `offset` of the text and is paragraph
        `index`; only the first `budget` get a metric: a hostile page may hold a hundred
        thousand figures, and each metric segments its clause. Made one at a time, so a caller
        that drops restatements never holds them all."""
        quantities = [q for q in self.quantities if _is_fact(self.norm, q, at_end=at_end)]
        if not quantities:
            return iter(())
        self._prepare()
        lists = _runs(self.norm, quantities)
        distributed = self._distribute(lists)
        described = self._describe(quantities, lists, budget)
        return (self._fact(q, distributed.get(id(q)), *described[id(q)], offset, index) for q in quantities)

    def _describe(
        self, quantities: list[Quantity], lists: list[list[Quantity]], budget: int
    ) -> dict[int, tuple[str | None, tuple[str | None, str | None]]]:
        """id -> (change, (metric, subject)) of each figure.

        A figure inside a list (1.5和1.6个百分点) shares the first one's; a clause without a
        subject borrows the metric of the figure before it in the same sentence (see `_metric`).
        """
        head = {id(q): run[0] for run in lists for q in run[1:]}
        out: dict[int, tuple[str | None, tuple[str | None, str | None]]] = {}
        previous: tuple[int, tuple[str | None, str | None]] = (-1, (None, None))  # sentence, metric
        for n, q in enumerate(quantities):
            first = head.get(id(q))
            sentence = self.ctx.sentence(q.core_start)
            if first is not None and id(first) in out:
                out[id(q)] = out[id(first)]
            else:
                borrowed = previous[1] if previous[0] == sentence else (None, None)
                out[id(q)] = (self._change(q), self._metric(q, borrowed) if n < budget else (None, None))
            previous = (sentence, out[id(q)][1])
        return out

    def _fact(
        self, q: Quantity, distributed: Period | None, change: str | None,
        metric: tuple[str | None, str | None], offset: int, index: int,
    ) -> Fact:
        """The Fact of figure `q`, dated by the period `distributed` to it or else by the one
        that governs it; its sentence is cut to _SENTENCE_WINDOW on each side."""
        inherited = False
        if distributed is not None:
            date, date_text = self.values[id(distributed)], self.para[distributed.start:distributed.end]
        else:
            governing = self._governing(q)
            date, date_text = self._date_of(governing)
            if governing is None:
                date, inherited = self.inherited, True
                if date is not None and is_rate(self.norm[self.ctx.clause_bounds(q.core_start)[0]:q.start]):
                    date = None  # 每年…20多万人次: a rate, which no carried period dates
            elif self._is_history(governing, q):
                date = None  # 1974年，…。出土文物中，…3件青铜器: a history's year stays in its sentence
            elif governing.role == ASOF and governing.end <= q.start and self._until(governing):
                date = year_to_date(date, self.norm[governing.end:q.start])
        s_start, s_end = self.ctx.sentence_bounds(q.core_start)
        s_start, s_end = max(s_start, q.start - _SENTENCE_WINDOW), min(s_end, q.end + _SENTENCE_WINDOW)
        fact = Fact(
            text=self.para[q.start:q.end],
            value=q.value,
            unit=q.unit or "",
            kind=q.kind,
            value_max=q.value_max,
            qualifier=q.qualifier,
            change=change,
            date=date,
            date_text=date_text,
            metric=metric[0],
            sentence=self._sentence_text(s_start, s_end),
            span=(offset + q.start, offset + q.end),
            paragraph=index,
        )
        if inherited:
            self.inherited_facts.add(id(fact))
        return fact

    def was_inherited(self, fact: Fact) -> bool:
        """Whether `fact` took its period from the document's scope. Asked once for each fact as
        it is made: an id is forgotten once asked, since a dropped fact's id can be reused."""
        if id(fact) not in self.inherited_facts:
            return False
        self.inherited_facts.discard(id(fact))
        return True

    def _sentence_text(self, start: int, end: int) -> str:
        """The words of para[start:end]; the figures of one sentence share one string."""
        if self._sentence[:2] != (start, end):
            self._sentence = (start, end, self.para[start:end].strip())
        return self._sentence[2]

    # --- which period governs a figure ---------------------------------------------------

    def _is_local(self, p: Period) -> bool:
        """A date inside a 其中 clause (其中2018年…) or a milestone (2021年3月开工建设) only dates
        its own clause."""
        start, _ = self.ctx.clause_bounds(p.start)
        if is_milestone(self.norm, p):
            return True
        return p.start > start and _P.qizhong.match(self.norm, start) is not None

    def _governing(self, q: Quantity) -> Period | None:
        """Same clause, else same sentence (not inside a 其中 clause), else a 截至 date later in
        the sentence (`全市共有企业1200家，截至6月底`), else the paragraph's lead. Walks are
        bounded: they stop at the clause or sentence edge, or after _MAX_WALK periods."""
        periods, pos = self.periods, q.core_start
        clause, sentence = self.ctx.clause(pos), self.ctx.sentence(pos)
        idx = bisect.bisect_right(self.ends, pos)
        k = idx - 1
        if k >= 0 and self._owns(periods[k], q):
            return periods[k]  # 由2010年的46.2%下降至…: the figure is that period's, base or not
        named: Period | None = None  # a year inside 《…》 governs only when nothing else does
        while k >= 0 and self.p_clause[k] == clause and idx - k <= _MAX_WALK:
            if periods[k].role in _GOVERNING and not periods[k].named:
                return periods[k]
            k -= 1
        k = idx - 1
        while k >= 0 and self.p_sentence[k] == sentence and idx - k <= _MAX_WALK:
            if periods[k].role in _GOVERNING and not self.local[k]:
                if not periods[k].named:
                    return periods[k]
                named = named or periods[k]
            k -= 1
        k = idx
        while k < len(periods) and self.p_sentence[k] == sentence and k - idx < _MAX_WALK:
            p = periods[k]
            # only a date under 截至/到 reaches back: a bare 年末 later on starts a figure of its own
            if p.role == ASOF and p.start >= q.end and not self.local[k] and self._until(p):
                return p
            k += 1
        k = bisect.bisect_right(self.opener_ends, pos) - 1
        if k >= 0 and (self.lead is None or self.openers[k].start > self.lead.start):
            return self.openers[k]
        if self.lead is not None and self.lead.end <= pos:
            return self.lead
        return named

    def _is_history(self, p: Period, q: Quantity) -> bool:
        """`p` dates `q` from an earlier sentence and lies long before the publication day."""
        return p.end <= q.start and is_history(self.values[id(p)], self.ref) and (
            self.ctx.sentence(p.start) != self.ctx.sentence(q.core_start)
        )

    def _until(self, p: Period) -> bool:
        """截至/到 + the date (`截至5月底完成投资`): a flow after it covers the year to date; a
        bare year end (`2015年底预计完成投资14.2亿元`) is that month, as CONVENTIONS dates 年底."""
        before = self.norm[max(0, p.start - _UNTIL_REACH):p.start]  # 止五5月底: a stray numeral between
        return p.text.startswith(_UNTIL) or any(word in before for word in _UNTIL)

    def _owns(self, p: Period, q: Quantity) -> bool:
        """`由2010年的46.2%`, `比2019年的320家`: a year, 的, then the figure: that year's figure.
        Not a multiple or share of it (`是去年的2.5倍`, `占2019年的30%`: the figure is now's)."""
        if p.explicit_year is None or q.unit == "倍" or not _P.of_period.fullmatch(self.norm, p.end, q.start):
            return False
        return not _P.share_before.search(self.norm, max(0, p.start - 2), p.start)

    def _distribute(self, lists: list[list[Quantity]]) -> dict[int, Period]:
        """`一季度、上半年…GDP增速分别为18.8%、9.6%…`: the i-th figure takes the i-th period.

        Only the first period run of the list's length in its sentence can pair with it: a later
        run spans less of the text before the figures, so it holds 分别 only if the first does.
        That makes each list one lookup, and 分别 is found once per paragraph.
        """
        period_lists = _runs(self.norm, [p for p in self.periods if p.role in (PERIOD, ASOF)])
        self.period_list = {id(p): run for run in period_lists for p in run}
        out: dict[int, Period] = {}
        if not period_lists or "分别" not in self.norm:
            return out
        first: dict[tuple[int, int], list[Period]] = {}
        for run in period_lists:
            first.setdefault((self.ctx.sentence(run[0].start), len(run)), run)
        fenbie = [m.start() for m in _P.fenbie.finditer(self.norm)]
        for numbers in lists:
            run = first.get((self.ctx.sentence(numbers[0].core_start), len(numbers)))
            if run is not None and run[-1].end <= numbers[0].start and _any_between(
                fenbie, run[-1].end, numbers[0].start - 1
            ):
                out.update((id(q), p) for q, p in zip(numbers, run))
        return out

    def _date_of(self, p: Period | None) -> tuple[str | None, str | None]:
        """ISO date and its words; a period in a list (9日、10日两天) gives the list's whole span."""
        if p is None:
            return None, None
        run = self.period_list.get(id(p))
        if run is not None:
            lo, hi = self.values[id(run[0])], self.values[id(run[-1])]
            if lo and hi:
                return f"{lo.split('/')[0]}/{hi.split('/')[-1]}", self.para[run[0].start:run[-1].end]
        return self.values[id(p)], self.para[p.start:p.end]

    # --- change and metric -----------------------------------------------------------------

    def _change(self, q: Quantity) -> str | None:
        """增长/下降… right before the figure (同比增长15.3%); 拉动…增长 is a contribution;
        a figure written with a minus sign (增长-5.2%) carries its direction in the sign: null."""
        if q.negative:
            return None
        start, _ = self.ctx.clause_bounds(q.core_start)
        before = self.norm[max(start, q.start - _WINDOW):q.start]
        for m in reversed(list(lexicon.change_pattern().finditer(before))):
            if not _P.change_gap.fullmatch(before, m.end()):
                continue
            if _P.drive.search(before, 0, m.start()):
                return None
            return lexicon.changes()[m.group()]
        return None

    def _metric(self, q: Quantity, borrowed: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        """(metric, subject) of `q`; a clause without a subject (，同比增长15.3%) borrows the
        metric of the figure before (`borrowed`: its metric and subject) and adds its predicate —
        to the subject alone when the borrowed metric already ends with that predicate
        (生产总值增长7%，…增长8%: 生产总值增长, not 生产总值增长增长)."""
        start, end = self.ctx.clause_bounds(q.core_start)
        text = self.ctx.metric_text
        left = text[max(start, q.start - _WINDOW):q.start]
        right = text[q.end:min(end, q.end + _WINDOW)]
        surface = self.norm[q.start:q.end]
        people = lexicon.people_pattern().match(right) if q.unit == "人" and not surface.endswith("人") else None
        if people:  # 1.7亿65周岁及以上人口: the people noun the bare figure counts
            return people.group(), people.group()
        noun, predicate = metric_mod.find(left, right, surface=surface, kind=q.kind)
        subject = noun
        if noun is None:
            lent, lent_subject = borrowed
            if lent and (not predicate or lexicon.change_pattern().search(predicate)):
                subject = lent_subject or lent
                base = subject if predicate and lent.endswith(predicate) else lent
                noun = base + predicate  # ，同比增长15.3%: the subject of the figure before
            elif predicate:
                noun = predicate
        elif predicate and q.kind in ("percent", "points") and lexicon.change_pattern().search(predicate):
            noun += predicate
        return noun, subject


def _any_between(sorted_starts: list[int], lo: int, hi: int) -> bool:
    """Whether some start in `sorted_starts` lies in [lo, hi)."""
    i = bisect.bisect_left(sorted_starts, lo)
    return i < len(sorted_starts) and sorted_starts[i] < hi


def _mask(norm: str, periods: list[Period]) -> bytearray:
    masked = bytearray(len(norm))
    for p in periods:
        masked[p.start:p.end] = b"\x01" * (p.end - p.start)
    for trigger, key in _NOISE:
        if trigger is not None and trigger not in norm:
            continue
        for m in getattr(_P, key).finditer(norm):
            s = m.group()
            if s[0] in "“‘「『\"" and not _P.digitish.search(s):
                continue
            masked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _P.list_marker.finditer(norm):
        masked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return masked


def _blank_periods(norm: str, periods: list[Period]) -> str:
    """`norm` with each period blanked, so dates never join a metric; a relative comparison base
    (增长比上月加快) stays, being part of what is measured. Built from slices: a list of every
    character would cost eight bytes a character."""
    parts, pos = [], 0
    for p in periods:
        if p.kind == "relative" and p.role == BASE:
            continue
        if p.end > pos:  # periods may overlap: blank the part not blanked yet
            start = max(pos, p.start)
            parts += (norm[pos:start], " " * (p.end - start))
            pos = p.end
    parts.append(norm[pos:])
    return "".join(parts)


def _is_fact(norm: str, q: Quantity, *, at_end: bool) -> bool:
    if q.unit is None:
        return False
    # Percentages and points are measures, never list labels (五个百分点).
    if q.chinese and not q.ratio_like and q.kind not in ("percent", "multiple", "points") and q.value <= 10 and (
        # labels are whole numbers, single or a vague pair (三四个方面)
        q.value == int(q.value) and ((q.value_max is None and q.qualifier == "exact") or (q.value_max or 11) <= 10)
    ) and not (q.value >= 2 and counts_things(norm, q)):
        return False  # 两个, 三大, 八个方面: labels, not counts
    if is_threshold(norm, q) or is_referent(norm, q):
        return False
    # A text that stops right after a figure with no unit written may have cut it (…总投资125.3万|亿元).
    return not (at_end and q.end >= len(norm.rstrip()) and norm[q.end - 1] in "0123456789.万亿千百十")


# --- periods -------------------------------------------------------------------------------


def _resolve_periods(
    norm: str, periods: list[Period], ref: dt.date | None, year: int | None = None
) -> list[str | None]:
    """ISO value of each period; yearless ones (1-8月, 年末, 全年) take the year last written in
    the paragraph, else `year` (the year in the document's heading), else the reference year."""
    values: list[str | None] = []
    month: int | None = None
    last: str | None = None
    for p in periods:
        if p.kind == "inherit":
            value = _inherit(p, last)
        elif p.text in _GENERIC_YEAR and year is None:
            # 全年 with no year in scope: an early-year page reviews the year before (CONVENTIONS)
            value = None if ref is None else str(ref.year - 1 if ref.month <= 3 else ref.year)
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


def _lead(ctx: _Context, periods: list[Period], local: list[bool]) -> Period | None:
    """The paragraph's leading date (`2018年，…。…。`): the first date of its first sentence.

    A short bold lead phrase without figures (`新动能引领工业经济转型升级。1-8月，…`) does not
    count as the first sentence; a year described rather than dating (`2020年是…`) is no lead.
    """
    first = 0
    if len(ctx.sentence_starts) > 1:
        head_end = ctx.sentence_starts[1]
        if head_end <= _HEAD_MAX and not _P.digitish.search(ctx.norm, 0, head_end) and (
            not periods or periods[0].start >= head_end
        ):
            first = 1
    for k, p in enumerate(periods):
        sentence = ctx.sentence(p.start)
        if sentence < first:
            continue
        if sentence > first:
            return None
        if p.role in _GOVERNING and not p.followed_by_is and not local[k] and not p.named:
            return p
    return None


def _runs(norm: str, items: list) -> list[list]:
    """Runs of figures or periods joined by 、/和/与/及 (一季度、上半年和全年; 1.5和1.6个百分点)."""
    runs: list[list] = []
    run: list = []
    for item in items:
        if run and item.start - run[-1].end <= _MAX_GAP and _P.list_gap.fullmatch(norm, run[-1].end, item.start):
            run.append(item)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [item]
    if len(run) > 1:
        runs.append(run)
    return runs


def _title_scope(title: str | None, ref: dt.date | None, roc_years: bool) -> Scope:
    """The scope a document starts with: its title's period, if it states one."""
    scope = Scope(ref)
    if title:
        norm = fold_width(title)
        scope.set_title(norm, find_periods(norm, roc_years=roc_years))
    return scope


def _heading_year(paragraphs: list[str], roc_years: bool) -> int | None:
    """The year a document opens with in a heading (`2023年国民经济和社会发展统计公报`): the
    year its yearless periods (全年, 年末, 1-8月) belong to when their paragraph names none."""
    first = next((p for p in paragraphs if p.strip()), "")
    if not _is_heading(first):
        return None
    years = [p.explicit_year for p in find_periods(fold_width(first), roc_years=roc_years)]
    return next((y for y in years if y is not None), None)


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation: a section heading inside the article."""
    line = line.strip()
    return 0 < len(line) <= 40 and line[-1] not in "。！？!?…；;，,）)”」』"


class _Kept:
    """The facts kept so far: a restated figure is reported once, at its first mention.

    Restated means the same value, unit and period — and, when no period is known, the same
    metric too (two undated 35元 purchases are two facts); a period the figure only inherits
    from the document's scope counts as no period here. A figure in a section heading that
    the body states again is left to the body, which also gives its period: heading facts wait
    until the whole text is read. Facts are added one at a time, so restatements are dropped as
    they come and never pile up.
    """

    def __init__(self, paragraphs: list[str], limit: int) -> None:
        self.paragraphs, self.limit = paragraphs, limit
        self.kept: list[tuple[int, Fact]] = []  # (order seen, fact): body facts
        self.headings: list[tuple[int, Fact, bool]] = []
        self.seen: set[tuple] = set()
        self.body_values: set[tuple] = set()
        self.seq = 0

    @property
    def count(self) -> int:
        return len(self.kept) + len(self.headings)

    @property
    def full(self) -> bool:
        return self.count >= self.limit

    def add(self, f: Fact, *, inherited: bool = False) -> bool:
        """Keep `f` unless it restates a kept fact; False once the limit is reached. `inherited`:
        its period came from the document's scope, not its own paragraph."""
        if self.full:
            return False
        self.seq += 1
        if _is_heading(self.paragraphs[f.paragraph]):
            self.headings.append((self.seq, f, inherited))
        elif _remember(self.seen, f, inherited):
            self.kept.append((self.seq, f))
            self.body_values.add((round(f.value, 6), f.unit))
        return not self.full

    def facts(self) -> list[Fact]:
        """Body facts and the heading facts the body does not restate, in reading order."""
        seen: set[tuple] = set()
        headings = [
            (n, f) for n, f, inherited in self.headings
            if (round(f.value, 6), f.unit) not in self.body_values and _remember(seen, f, inherited)
        ]
        return [f for _, f in sorted(self.kept + headings, key=lambda item: item[0])]


def _remember(seen: set[tuple], f: Fact, inherited: bool) -> bool:
    """Add the restatement key of `f` to `seen`; False when it was there already."""
    # Without a period of its own, sameness needs the same metric (or, with none, the same words).
    same = "" if f.date is not None and not inherited else (f.metric or f.text)
    key = (round(f.value, 6), f.value_max, f.unit, f.date, same)
    if key in seen:
        return False
    seen.add(key)
    return True
