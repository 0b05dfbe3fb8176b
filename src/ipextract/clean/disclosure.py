"""Finding the disclosure table (政府信息公开) among a page's lines, in any of its layouts.

Both cleaners see a page as lines: an HTML table row is one line with its cells joined by tabs
(`layout`), a saved text page keeps the row as `索引号 | xzfgzbmtjj/2019-0004 | 公开目录: | …`,
a `div`/`p` row reads `发布机构：区统计局  成文日期：2022-07-18`, and a `dl` gives the label and
its value on two lines. So the table is found once, over line keys (Simplified, spaces folded):
the longest run of consecutive lines made of labels and their values, when it names enough of
the table's labels to be one (a lone `发布时间：… 来源：…` line is a date line, not a table).
The run's lines are metadata: the cleaners keep them out of the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from ..gov import Disclosure, label_field, label_forms, label_prefixes, labels, read_pairs
from ..resources import alternation, data_lines, patterns
from . import Candidate, Extracted

_P = patterns("disclosure")

#: A table names at least this many labels, and fills at least _MIN_FIELDS fields …
_MIN_LABELS = 3
_MIN_FIELDS = 2
#: … or names two, both filled, one of them a registry number (see `_better`).
_MIN_PAIRED = 2
#: … in lines no longer than this (a table row is short; a paragraph is not a row).
_MAX_ROW = 400
#: The value of a label left alone on its line (`dt`) is the next line, when that is this short.
_MAX_VALUE_LINE = 160
#: Text allowed before a row's first label: a bullet, a bracket.
_MAX_LEAD = 2
#: A table names a label of one of these fields; dates and names are on every page.
_STRONG = frozenset(("index_number", "doc_number", "issuer", "written_at", "category", "validity"))
#: How many lines around a distinctive label a table's rows are looked for in.
_NEAR = 12
#: Lines between two rows that are no row of a known label, at most (an unknown `label：value`
#: row, a value's second line): more is the table's end.
_MAX_HELD = 2
#: Fields whose values are text that a narrow cell wraps; a wrapped value's rest is this short.
_WRAPPING = frozenset(("issuer", "title", "category"))
_MAX_TAIL = 16
_CAPTION_EDGES = "【】[]〔〕:： \u3000"
#: What may stand right before a label that starts a value.
_LABEL_BOUNDARY = frozenset(" \t\u3000\xa0•·・●◆■【[")
#: A label glued to the value before it is at least this long.
_MIN_GLUED = 3
#: … unless it names one of these fields (`文号`).
_GLUED = frozenset(("doc_number",))
#: Labels too common in prose to say on their own that a page has a table.
_WEAK = frozenset(("分类", "名称", "标题", "城市", "关键词"))


@dataclass(slots=True)
class Found:
    """A disclosure table: what it states, and the indices of its lines."""

    disclosure: Disclosure
    lines: tuple[int, ...]


@cache
def _inline() -> re.Pattern[str]:
    """`label：`, `【label】` or `label ` followed by its value (where it may stand: `_hits`)."""
    return re.compile(
        rf"(?P<label>(?:{alternation(label_prefixes())})?(?:{alternation(label_forms())}))"
        r"(?:\s?(?P<colon>[:：】\]])|\s(?=\S))"
    )


@cache
def _trigger() -> re.Pattern[str]:
    """Any label distinctive enough that a page without one has no table to look for."""
    strong = [form for form in label_forms() if form not in _WEAK and labels().get(form.replace(" ", "")) in _STRONG]
    return re.compile(alternation(strong))


@dataclass(slots=True)
class _Run:
    """The rows read so far of one candidate table."""

    lines: list[int] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    #: A label alone on its line, waiting for its value on the next.
    pending: str | None = None
    #: The labels of a header row, waiting for the row of values under it.
    header: list[str] = field(default_factory=list)
    #: Lines between rows that are no row of known labels (`浏览次数：128`, the rest of a value
    #: broken over two lines): part of the table only when another row follows them.
    held: list[tuple[int, str]] = field(default_factory=list)


def find(keys: Sequence[str], row_key: Callable[[int], str] | None = None) -> Found | None:
    """The disclosure table among the lines' keys, or None (see the module docstring).

    Only the lines around a distinctive label are read (a table holds one); `row_key(i)`, when
    given, is the key of line i as it is read (an HTML row keyed cell by cell). Of several runs,
    the one filling most fields wins (the first of equals).
    """
    best: Found | None = None
    run = _Run()
    prev = -2
    for i in [*_near_labels(keys), -1]:
        if i != prev + 1:  # a gap between the windows ends a run, as the page's end does
            best, run = _better(best, run), _Run()
        if i < 0:
            break
        prev, key = i, row_key(i) if row_key else keys[i]
        got = row_pairs(key) if len(key) <= _MAX_ROW else None
        if got is None:
            if not _not_a_row(run, i, key):
                best, run = _better(best, run), _Run()
            continue
        _take_held(run)
        run.lines.append(i)
        cells = _cells(key)
        header = len(got) == len(cells) > 1 and not any(v for _n, v in got)
        run.header = [name for name, _value in got] if header else []
        for name, value in got:
            if run.pending is not None:
                run.pairs.append((run.pending, ""))
            run.pending = name if value is None else None
            if value is not None:
                run.pairs.append((name, value))
    return _with_caption(best, keys)


def _with_caption(found: Found | None, keys: Sequence[str]) -> Found | None:
    """The table with the heading it is set under (`政府信息公开`), when that is the line above."""
    if found is None or found.lines[0] == 0:
        return found
    above = found.lines[0] - 1
    if "".join(keys[above].strip(_CAPTION_EDGES).split()) in _captions():
        found.lines = (above, *found.lines)
    return found


@cache
def _captions() -> frozenset[str]:
    return frozenset(data_lines("gov_captions.txt"))


def _not_a_row(run: _Run, i: int, key: str) -> bool:
    """Read line i, which names no known label, into the run when it belongs there: the values
    under a header row, the value under a label alone on its line, or a line held until the
    next row shows whether the table goes on. False when it ends the run."""
    if (run.pairs or run.header) and _P.rule.fullmatch(key) and _P.dashes.search(key):
        run.lines.append(i)  # a text table's rule under its header (`|---|---|`): the rows go on
        return True
    values = _cells(key) if run.header else []
    if len(values) == len(run.header) > 1:
        run.pairs.extend(zip(run.header, values))  # the row under a header row of labels
        run.lines.append(i)
    elif run.pending is not None and len(key) <= _MAX_VALUE_LINE:
        run.pairs.append((run.pending, key))  # the value under a label alone on its line
        run.lines.append(i)
    elif run.pairs and len(run.held) < _MAX_HELD and (_P.other_row.match(key) or _tail_of_value(run, key)):
        run.held.append((i, key))
    else:
        return False
    run.pending, run.header = None, []
    return True


def _tail_of_value(run: _Run, key: str) -> bool:
    """A short line after a text value is that value's rest (`县农业` / `农村局`) when no other
    line is held before it and it is no sentence."""
    name, value = run.pairs[-1]
    return (
        not run.held and name in _WRAPPING and bool(value) and len(key) <= _MAX_TAIL
        and not _P.sentence_end.search(key)
    )


def _take_held(run: _Run) -> None:
    """A row follows the held lines: they are the table's, an unknown row or a value's rest."""
    for i, key in run.held:
        if not _P.other_row.match(key):
            name, value = run.pairs[-1]
            run.pairs[-1] = (name, value + key)
        run.lines.append(i)
    run.held = []


def _near_labels(keys: Sequence[str]) -> list[int]:
    """Indices of the lines within _NEAR lines of one naming a distinctive label, in order."""
    starts, at = [], 0
    for key in keys:
        starts.append(at)
        at += len(key) + 1
    hits = {bisect_right(starts, m.start()) - 1 for m in _trigger().finditer("\n".join(keys))}
    return sorted({j for i in hits for j in range(max(0, i - _NEAR), min(len(keys), i + _NEAR + 1))})


def _better(best: Found | None, run: _Run) -> Found | None:
    """The run as a table when it is one and fills more fields than `best` (a label still
    waiting for its value has none). Two labels make a table when both are filled and one is a
    document's registry number (`索引号`, `文号`): prose never pairs those."""
    pairs = [*run.pairs, (run.pending, "")] if run.pending is not None else run.pairs
    if len(pairs) < _MIN_PAIRED:
        return best
    disclosure = read_pairs(pairs)
    enough = len(pairs) >= _MIN_LABELS or (
        disclosure.fields == len(pairs) and (disclosure.gov.index_number or disclosure.gov.doc_number)
    )
    if not enough or disclosure.fields < _MIN_FIELDS:
        return best
    if best is not None and disclosure.fields <= best.disclosure.fields:
        return best
    return Found(disclosure, tuple(run.lines))


def row_pairs(key: str) -> list[tuple[str, str | None]] | None:
    """The `(field, value)` pairs of one row, or None when the line is not a table row.

    A value of None means the label ends the line: its value is on the next line (`dl`).
    """
    if not key:
        return None
    cells = _cells(key)
    if cells:
        return _cell_pairs(cells)
    name = label_field(key)
    if name is not None and (key.rstrip().endswith((":", "：")) or key.strip(" •·") not in _WEAK):
        return [(name, None)]  # a bare `标题` line is a headline, a bare `标题：` a label
    return _inline_pairs(key)


def _cells(key: str) -> list[str]:
    """The cells of a row (`a | b |`, or an HTML row's tab-joined cells), or [] for a plain line."""
    if "\t" not in key and "|" not in key and "｜" not in key:
        return []
    # A colon set in a cell of its own (`索引号 | ： | 0011`) belongs to the label before it.
    return [c for c in (c.strip() for c in _P.cell_split.split(key.strip(" \t|｜"))) if c not in (":", "：")]


def label_cells(runs: list[str]) -> str | None:
    """The text runs of a line as a row of cells, when some run is a bare label: each label run
    starts a cell and the runs after it, up to the next label, are its value (`<b>索引号</b>`
    then `K1618…` in one line). None when no run is a bare label."""
    cells: list[list[str]] = []
    for run in runs:
        if label_field(run) is not None:
            cells.append([run])
        elif cells:
            cells[-1].append(run)
        else:
            cells.append(["", run])  # text before the first label: a cell of its own
    if all(cell[0] == "" for cell in cells):
        return None
    return "\t".join(f"{cell[0]}\t{' '.join(cell[1:])}" if cell[0] else cell[1] for cell in cells)


def _cell_pairs(cells: list[str]) -> list[tuple[str, str | None]] | None:
    """Cells of a row: a label cell takes the next cell as its value unless that is a label too."""
    pairs: list[tuple[str, str | None]] = []
    i = 0
    while i < len(cells):
        name = label_field(cells[i])
        if name is None:
            pairs.extend(_inline_pairs(cells[i]) or [])
            i += 1
            continue
        following = cells[i + 1] if i + 1 < len(cells) else None
        # The next cell is the value unless it is a label, or a label with its value
        # (`文件编号: | 发布机构: 省教育厅`): then this label's own value is empty.
        if following is not None and label_field(following) is None and not _inline_pairs(following):
            pairs.append((name, following))
            i += 2
        else:
            pairs.append((name, ""))  # its value cell is empty (a row's empty last cells are cut)
            i += 1
    return pairs or None


def _hits(text: str) -> list[re.Match[str]]:
    """The labels that start a value in a line.

    At the line's start or after a space or bullet, a label with its colon; without its colon
    only a distinctive one (`索引号 xzfg/2019-0004` in a table saved as text), since `名称 ` or
    `分类 ` could start any line. Glued to the value before it (`…统计局发布日期：…`, rows whose
    spaces were lost) only a distinctive label of three characters or more, or 文号, with its
    colon: a short label ends many words (`项目名称：`, `法律效力：`).
    """
    hits = []
    for m in _inline().finditer(text):
        label = m["label"].replace(" ", "")
        weak = label in _WEAK
        if m.start() == 0 or text[m.start() - 1] in _LABEL_BOUNDARY:
            if m["colon"] or not weak:
                hits.append(m)
        elif m["colon"] in (":", "：") and not weak and (len(label) >= _MIN_GLUED or label_field(label) in _GLUED):
            hits.append(m)
    return hits


def _inline_pairs(text: str) -> list[tuple[str, str | None]] | None:
    """`发布机构: 区统计局 成文日期: 2022-07-18`: labels with colons, each value up to the next."""
    hits = _hits(text)
    if not hits or len(text[: hits[0].start()].strip()) > _MAX_LEAD:
        return None
    pairs: list[tuple[str, str | None]] = []
    for hit, nxt in zip(hits, [*hits[1:], None]):
        value = text[hit.end() : nxt.start() if nxt else len(text)]
        cut = _P.next_label.search(value)
        value = value[: cut.start()] if cut else value
        name = label_field(hit.group("label"))
        if name is not None:
            pairs.append((name, value.rstrip(" 【[").strip()))  # not the next label's bracket
    return pairs or None


#: The table's date is offered like a declared one: a stamp the page shows for the same day
#: (`2021-07-15 12:05:55` under a table saying 2021-07-15) is as precise as the page states it.
_DATE_ORIGIN = "meta:gov-table"


def offer(out: Extracted, found: Found, header_date: str | None = None) -> None:
    """The table into the cleaner's output: `gov`, and its title and date as the most trusted
    candidates (the document's registered name beats any heading guess).

    `header_date` is the date the page's header states between the table and the text (the
    `发布时间：…` line under the title): templates that leave the 发布日期 row out of the table
    show the record's publication date there, so it completes the table.
    """
    out.gov = found.disclosure.gov
    if out.gov.published_at is None and header_date:
        out.gov = replace(out.gov, published_at=header_date)
    first = []
    if found.disclosure.title:
        first.append(Candidate("title", found.disclosure.title, "gov:title"))
    if found.disclosure.published_at:
        first.append(Candidate("published_at", found.disclosure.published_at, _DATE_ORIGIN))
    out.candidates[:0] = first
