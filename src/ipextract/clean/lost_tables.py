"""A table's caption and note left in the text when the table itself was lost.

A saved statistics page keeps a table's caption (`表1 上虞经济社会发展主要指标`) and the note
under it (`注:GDP增幅按可比价计算。`) as text while the table, an image or a widget, is gone;
flattened, both can be glued to the paragraphs around them. A caption followed by its note,
with no row between, names a table the text does not hold: both are furniture. A caption
followed by anything else stays, since its table may follow.
"""

from __future__ import annotations

import re

from ..resources import patterns
from .keys import KeyedLine

_P = patterns("lost_tables")

def without_lost_tables(lines: list[KeyedLine]) -> tuple[list[KeyedLine], list[str]]:
    """`lines` without the captions and notes of lost tables, and the cut pieces."""
    out: list[KeyedLine] = []
    cut: list[str] = []
    note: re.Match[str] | None = None
    for i, line in enumerate(lines):
        if note is not None:
            cut.append(line.cut(0, note.end()).strip())
            line, note = KeyedLine.of(line.cut(note.end())), None
            if not line.key:
                continue
        caption = _P.caption_at_end.search(line.key) if "表" in line.key else None
        note = _P.note.match(lines[i + 1].key) if caption and i + 1 < len(lines) else None
        if caption and note is not None:
            cut.append(line.cut(caption.start()).strip())
            line = KeyedLine.of(line.cut(0, caption.start()).rstrip())
            if not line.key:
                continue
        out.append(line)
    return out, cut
