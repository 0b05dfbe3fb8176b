"""Ways of writing a number, one table per construction: each row is a sentence and the
(text, value, value_max, unit, qualifier) of every fact in it."""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract.facts import extract

REF = dt.date(2024, 1, 15)


def _facts(text: str) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.unit, f.qualifier) for f in extract(text, REF)]


CURRENCIES = [
    ("港币500万。", [("500万", 5e6, None, "港元", "exact")]),
    ("投资2000万港币。", [("2000万港币", 2e7, None, "港元", "exact")]),
    ("台币300元。", [("300元", 300.0, None, "新台币", "exact")]),
    ("售价1200台币。", [("1200台币", 1200.0, None, "新台币", "exact")]),
    ("日币1000万。", [("1000万", 1e7, None, "日元", "exact")]),
    ("美元3000万。", [("3000万", 3e7, None, "美元", "exact")]),
    ("人民币三千元。", [("三千元", 3000.0, None, "元", "exact")]),
    ("花了200块。", [("200块", 200.0, None, "元", "exact")]),
    ("奖金300块钱。", [("300块钱", 300.0, None, "元", "exact")]),
    ("分了3块地。", []),  # 块 of land is no money
]


@pytest.mark.parametrize(("text", "facts"), CURRENCIES)
def test_currencies(text: str, facts: list[tuple]) -> None:
    assert _facts(text) == facts
