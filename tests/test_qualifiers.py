"""The qualifier words of data/facts_qualifiers.tsv, one table per place they are written."""

from __future__ import annotations

import pytest

from ipextract.facts.numbers import normalize_number

BEFORE = [
    ("不低于50%", 50.0, "over"),
    ("不少于30家", 30.0, "over"),
    ("至少3名", 3.0, "over"),
    ("大于30吨", 30.0, "over"),
    ("多于200人", 200.0, "over"),
    ("小于5%", 5.0, "under"),
    ("少于10个", 10.0, "under"),
    ("未满18周岁", 18.0, "under"),
    ("不高于3%", 3.0, "under"),
    ("约占12%", 12.0, "approx"),
    ("约为1.5万吨", 15000.0, "approx"),
    ("最高可获50万元", 500000.0, "under"),  # a cap
    ("最多30人", 30.0, "under"),
    ("最高达50万元", 500000.0, "exact"),  # an achieved maximum
    ("附近3家", 3.0, "exact"),  # 近 inside 附近 is no qualifier
]

AFTER = [
    ("50亩(含)以上", 50.0, "over"),
    ("50亩（含）以上", 50.0, "over"),
    ("60人及以上", 60.0, "over"),
    ("100人左右", 100.0, "approx"),
    ("3公里以内", 3.0, "under"),
    ("20万人之多", 200000.0, "over"),
]

ROUND = [
    ("近万人", 10000.0, "approx"),
    ("近百家", 100.0, "approx"),
    ("过万人", 10000.0, "over"),
    ("过亿元", 100000000.0, "over"),
    ("上千家", 1000.0, "approx"),
    ("上百万元", 1000000.0, "approx"),
]


@pytest.mark.parametrize(("text", "value", "qualifier"), BEFORE + AFTER + ROUND)
def test_qualifier(text: str, value: float, qualifier: str) -> None:
    assert normalize_number(text) == (value, qualifier)


@pytest.mark.parametrize("text", ["不过万一", "近百年来", "超过万一"])
def test_words_that_only_look_like_round_figures(text: str) -> None:
    with pytest.raises(ValueError):
        normalize_number(text)
