"""Facts found on Simplified text, pointed back into the text as the page wrote it (`--script keep`).

The fact rules are written for Simplified text: run on Traditional text they miss 億/萬 amounts,
qualifiers and metrics. So facts are always found on the converted text, and with `--script keep`
their spans, `text`, `sentence`, `metric` and `date_text` are mapped into the kept text.

OpenCC t2s is almost always one character for one, so the map is the identity; where a phrase
converts to a different length (a rare dictionary entry), that block is aligned with difflib and
offsets inside a changed run are spread over it in proportion.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from itertools import accumulate

from .document import Fact


class OffsetMap:
    """Offsets in the converted text (blocks joined by newlines) to offsets in the original."""

    def __init__(self, original: list[str], converted: list[str]) -> None:
        self.table: list[int] | None = None  # None: every block kept its length (identity)
        if all(len(a) == len(b) for a, b in zip(original, converted)):
            return
        table: list[int] = []
        starts = [0, *accumulate(len(a) + 1 for a in original)]
        for start, a, b in zip(starts, original, converted):
            table.extend(start + i for i in _block_map(a, b))
            table.append(start + len(a))  # the newline after the block
        self.table = table

    def __call__(self, offset: int) -> int:
        if self.table is None:
            return offset
        return self.table[min(offset, len(self.table) - 1)]


def _block_map(original: str, converted: str) -> list[int]:
    """For each character of `converted`, its offset in `original`."""
    if len(original) == len(converted):
        return list(range(len(converted)))
    out: list[int] = []
    matcher = difflib.SequenceMatcher(None, original, converted, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        width = j2 - j1
        out.extend(i1 + (k * (i2 - i1)) // width for k in range(width))
    return out


def map_facts(facts: list[Fact], converted: str, original: str, offsets: OffsetMap) -> list[Fact]:
    """The facts found on `converted`, with their text fields and spans taken from `original`."""
    out = []
    for fact in facts:
        start, end = fact.span
        o_start, o_end = offsets(start), offsets(end)

        def mapped(needle: str | None, start: int = start, end: int = end) -> str | None:
            where = _locate(needle, converted, start, end)
            if where is None:  # a metric put together from words apart: map it word by word
                return _by_character(needle, converted, original, offsets, start, end)
            return original[offsets(where[0]):offsets(where[1])]

        out.append(replace(
            fact, text=original[o_start:o_end], span=(o_start, o_end), sentence=mapped(fact.sentence) or "",
            metric=mapped(fact.metric), date_text=mapped(fact.date_text),
        ))
    return out


#: How far from a figure its sentence, metric and date words are looked for first.
_REACH = 2000


def _locate(needle: str | None, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The occurrence of `needle` in `text` nearest to [lo, hi) (one holding it first), else the
    last one before it (a date carried from an earlier paragraph)."""
    if not needle:
        return None
    best: tuple[int, int] | None = None
    i = text.find(needle, max(0, lo - len(needle) - _REACH))
    while 0 <= i <= hi + _REACH:
        gap = max(0, i - hi, lo - (i + len(needle)))
        if best is None or gap < best[0]:
            best = (gap, i)
        if i > hi:
            break
        i = text.find(needle, i + 1)
    if best is None:
        last = text.rfind(needle, 0, hi)
        return None if last < 0 else (last, last + len(needle))
    return best[1], best[1] + len(needle)


def _by_character(
    needle: str | None, converted: str, original: str, offsets: OffsetMap, lo: int, hi: int
) -> str | None:
    """`needle` with each character taken from where it stands nearest the figure in `original`
    (a character found nowhere, or converted from more than one, stays as it is)."""
    if not needle:
        return needle
    out = []
    for ch in needle:
        where = _locate(ch, converted, lo, hi)
        kept = original[offsets(where[0]):offsets(where[1])] if where else ch
        out.append(kept if len(kept) == 1 else ch)
    return "".join(out)
