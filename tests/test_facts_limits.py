"""Bounds of the facts pass: a cap on facts per document, restatements dropped as they come,
and period runs paired with figure lists (分别) without a search per pair."""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract import Options, parse
from ipextract.facts import extract

REF = dt.date(2024, 1, 15)

# Ten distinct figures, one per clause.
DISTINCT = "，".join(f"{n}号车间产量{n * 10}吨" for n in range(1, 11)) + "。"


@pytest.mark.parametrize(
    ("cap", "values", "warned"),
    [
        (3, [10.0, 20.0, 30.0], True),
        (1, [10.0], True),
        (10, [10.0 * n for n in range(1, 11)], True),
        (11, [10.0 * n for n in range(1, 11)], False),
    ],
)
def test_cap_keeps_the_first_facts_and_warns(cap: int, values: list[float], warned: bool) -> None:
    warnings: list[str] = []
    facts = extract(DISTINCT, REF, max_facts=cap, warnings=warnings)
    assert [f.value for f in facts] == values
    assert len(warnings) == (1 if warned else 0)
    if warned:
        assert warnings[0].startswith(f"facts: stopped after {cap} facts")


def test_restatements_do_not_count_against_the_cap() -> None:
    text = "2023年全市投资1.43亿元，" * 30 + "另有产量30吨。"
    warnings: list[str] = []
    facts = extract(text, REF, max_facts=2, warnings=warnings)
    assert [(f.value, f.unit) for f in facts] == [(143_000_000.0, "元"), (30.0, "吨")]
    assert warnings == ["facts: stopped after 2 facts; the rest of the text was not read for facts"]


def test_figures_read_are_bounded_too() -> None:
    # One restated figure over and over: no new fact, but reading stops at 20 figures per fact.
    text = "投资1.43亿元，" * 100 + "产量30吨。"
    warnings: list[str] = []
    facts = extract(text, REF, max_facts=2, warnings=warnings)
    assert [f.value for f in facts] == [143_000_000.0]
    assert warnings == ["facts: stopped after 40 figures; the rest of the text was not read for facts"]


def test_options_max_facts_reaches_the_document() -> None:
    doc = parse(DISTINCT.encode(), Options(max_facts=4), path="a.txt", ref_date=REF)
    assert [f.value for f in doc.facts] == [10.0, 20.0, 30.0, 40.0]
    assert any(w.startswith("facts: stopped after 4 facts") for w in doc.warnings)


def test_facts_of_one_sentence_share_its_text() -> None:
    facts = extract("全年粮食产量120万吨，蔬菜产量80万吨，水果产量30万吨。", REF)
    assert [f.value for f in facts] == [1_200_000.0, 800_000.0, 300_000.0]
    assert facts[0].sentence == "全年粮食产量120万吨，蔬菜产量80万吨，水果产量30万吨。"
    assert facts[0].sentence is facts[1].sentence is facts[2].sentence


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("2023年一季度、上半年分别增长5.1%、6.2%。", ["2023-01/2023-03", "2023-01/2023-06"]),
        # no 分别: both take the list's whole span
        ("2023年一季度、上半年增长5.1%、6.2%。", ["2023-01/2023-06", "2023-01/2023-06"]),
        ("2022年、2023年产量分别为10吨、12吨。", ["2022", "2023"]),
        ("2022年、2023年产量为10吨、12吨、14吨，分别增长。", ["2022/2023"] * 3),  # lengths differ
    ],
)
def test_periods_pair_with_figures_through_fenbie(text: str, dates: list[str]) -> None:
    assert [f.date for f in extract(text, REF)] == dates


def test_a_long_paragraph_is_read_in_pieces_with_true_spans() -> None:
    # Longer than one piece (65,536 characters): every figure found once, spans into the text.
    text = "前言。\n" + "".join(f"{n}号线产量{n}吨。" for n in range(1, 9001))
    facts = extract(text, REF)
    assert len(text) > 1 << 16
    assert [f.value for f in facts] == [float(n) for n in range(1, 9001)]
    assert all(text[f.span[0]:f.span[1]] == f.text for f in facts)
    assert facts[-1].sentence == "9000号线产量9000吨。"
