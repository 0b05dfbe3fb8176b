"""without_lost_tables: a caption and a note with no table between them leave the text."""

from __future__ import annotations

import pytest

from ipextract.clean.keys import KeyedLine
from ipextract.clean.lost_tables import without_lost_tables

LEAD = "全区经济呈现稳中有进,转中向好的良好态势。"
NEXT = "一、综 合 综合实力显著增强。"


@pytest.mark.parametrize(
    ("lines", "kept", "cut"),
    [
        # Flattened into the paragraphs around them (q14, shangyu.gov.cn).
        (
            [f"{LEAD} 表1 上虞经济社会发展主要指标", f"注:GDP增幅按可比价计算。 {NEXT}"],
            [LEAD, NEXT],
            ["表1 上虞经济社会发展主要指标", "注:GDP增幅按可比价计算。"],
        ),
        # On lines of their own, in Traditional (synthetic).
        (
            [LEAD, "表2 2023年全市主要農產品產量", "注：本表數據為初步統計數。", NEXT],
            [LEAD, NEXT],
            ["表2 2023年全市主要農產品產量", "注：本表數據為初步統計數。"],
        ),
        # A caption with its table under it stays, and so does a note under a table.
        ([LEAD, "表1 主要指标", "指标 | 2023年 | 增长(%)", "注:增幅按可比价计算。"], None, []),
        # A caption-shaped phrase inside a sentence is text.
        ([f"{LEAD}见表1 主要指标", "注:增幅按可比价计算。"], None, []),
    ],
)
def test_captions_and_notes_of_lost_tables_go(lines, kept, cut):
    out, pieces = without_lost_tables([KeyedLine.of(x) for x in lines])
    assert ([x.text for x in out], pieces) == (kept if kept is not None else lines, cut)
