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


MIXED = [
    ("投资3万2千5百元。", [("3万2千5百元", 32500.0, None, "元", "exact")]),
    ("招聘8万6千人。", [("8万6千人", 86000.0, None, "人", "exact")]),
    ("资金2亿3万元。", [("2亿3万元", 200030000.0, None, "元", "exact")]),
    ("补贴1万零5百元。", [("1万零5百元", 10500.0, None, "元", "exact")]),
]

FINANCIAL = [
    ("壹万贰仟圆整。", [("壹万贰仟圆", 12000.0, None, "元", "exact")]),
    ("收入一千零五万元。", [("一千零五万元", 10050000.0, None, "元", "exact")]),
    ("投资一百一十七亿元。", [("一百一十七亿元", 11700000000.0, None, "元", "exact")]),
]

TRADITIONAL = [  # script="keep" leaves 萬/億 in the text the facts pass reads
    ("營收1.43億元。", [("1.43億元", 143000000.0, None, "元", "exact")]),
    ("人口12656.8萬人。", [("12656.8萬人", 126568000.0, None, "人", "exact")]),
    ("投資兩千萬元。", [("兩千萬元", 20000000.0, None, "元", "exact")]),
]

DOUBLING = [
    ("产值翻一番。", [("翻一番", 2.0, None, "倍", "exact")]),
    ("收入翻两番。", [("翻两番", 4.0, None, "倍", "exact")]),
    ("规模翻三番。", [("翻三番", 8.0, None, "倍", "exact")]),
]

VAGUE = [
    ("五六百家企业。", [("五六百家", 500.0, 600.0, "家", "approx")]),
    ("投资七八千万元。", [("七八千万元", 7e7, 8e7, "元", "approx")]),
    ("一两百人。", [("一两百人", 100.0, 200.0, "人", "approx")]),
    ("十几家企业。", [("十几家", 11.0, 19.0, "家", "approx")]),
    ("十几万人。", [("十几万人", 110000.0, 190000.0, "人", "approx")]),
    ("几十万人参加。", [("几十万人", 200000.0, 900000.0, "人", "approx")]),
    ("数十亿元投资。", [("数十亿元", 2e9, 9e9, "元", "approx")]),
    ("几百家企业。", [("几百家", 200.0, 900.0, "家", "approx")]),
    ("三五百家。", []),  # not neighbours: no range read
    ("数据显示。", []),
]


@pytest.mark.parametrize(("text", "facts"), MIXED + FINANCIAL + TRADITIONAL + DOUBLING + VAGUE)
def test_number_forms(text: str, facts: list[tuple]) -> None:
    assert _facts(text) == facts


RANGES = [
    ("投入十八至三十万元。", [("十八至三十万元", 180000.0, 300000.0, "元", "exact")]),
    ("投入二十到三十万元。", [("二十到三十万元", 200000.0, 300000.0, "元", "exact")]),
    ("投入二到三千万元。", [("二到三千万元", 2e7, 3e7, "元", "exact")]),
    ("票价从1200到2万美元。", [("1200到2万美元", 1200.0, 20000.0, "美元", "exact")]),
    ("投资3至5亿元。", [("3至5亿元", 3e8, 5e8, "元", "exact")]),
    ("企业10-20家。", [("10-20家", 10.0, 20.0, "家", "exact")]),
    ("十至二十家企业。", [("十至二十家", 10.0, 20.0, "家", "exact")]),
]

MONEY_PARTS = [
    ("价格123元1角1分。", [("123元1角1分", 123.11, None, "元", "exact")]),
    ("卖十块三毛。", [("十块三毛", 10.3, None, "元", "exact")]),
    ("收费5元5角。", [("5元5角", 5.5, None, "元", "exact")]),
    ("投资三个亿。", [("三个亿", 3e8, None, "元", "exact")]),
    ("收入82，225.00元。", [("82，225.00元", 82225.0, None, "元", "exact")]),
    ("分别为120，150家。", [("150家", 150.0, None, "家", "exact")]),  # ， without decimals is a break
    ("增长１８．６％。", [("１８．６％", 18.6, None, "%", "exact")]),
    ("增长一点二个百分点。", [("一点二个百分点", 1.2, None, "百分点", "exact")]),
]


@pytest.mark.parametrize(("text", "facts"), RANGES + MONEY_PARTS)
def test_ranges_and_money_parts(text: str, facts: list[tuple]) -> None:
    assert _facts(text) == facts


SMALL_COUNTS = [
    ("选派五名干部。", [("五名", 5.0, None, "名", "exact")]),
    ("购置两台设备。", [("两台", 2.0, None, "台", "exact")]),
    ("共有八人受伤。", [("八人", 8.0, None, "人", "exact")]),
    ("落实两个确保。", []),
    ("打好三大攻坚战。", []),
    ("从八个方面推进。", []),
    ("一名男子报警。", []),
    ("业绩翻番。", [("翻番", 2.0, None, "倍", "exact")]),
    ("收入翻了一番。", [("翻了一番", 2.0, None, "倍", "exact")]),
]


@pytest.mark.parametrize(("text", "facts"), SMALL_COUNTS)
def test_small_counts_and_labels(text: str, facts: list[tuple]) -> None:
    assert _facts(text) == facts
