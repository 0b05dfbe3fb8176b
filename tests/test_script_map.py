"""--script keep keeps the facts: found on the Simplified conversion, pointed into the kept text."""

from __future__ import annotations

import pytest

from ipextract import Options, parse_file
from ipextract.script_map import OffsetMap, map_facts

SEED = "seed-hp-ip.txt"


@pytest.fixture(scope="module")
def both(fixtures):
    simplified = parse_file(fixtures / SEED)
    kept = parse_file(fixtures / SEED, Options(script="keep"))
    return simplified, kept


def test_keep_finds_the_same_facts_as_simplified(both):
    simplified, kept = both
    assert kept.script == "traditional" and kept.text != simplified.text
    assert len(kept.facts) == len(simplified.facts) == 28
    assert [(f.value, f.unit, f.qualifier, f.date, f.kind) for f in kept.facts] == [
        (f.value, f.unit, f.qualifier, f.date, f.kind) for f in simplified.facts]


def test_kept_facts_point_into_the_kept_text(both):
    _, kept = both
    for fact in kept.facts:
        assert kept.text[fact.span[0]:fact.span[1]] == fact.text
        assert fact.sentence in kept.text
        assert fact.date_text is None or fact.date_text in kept.text


@pytest.mark.parametrize(("index", "text", "metric", "qualifier"), [
    (1, "超過2000家", "高新技術企業", "over"),
    (4, "1.6萬余項", "知識產權資助", "over"),
    (5, "1.43億元", "資助金額", "exact"),
    (12, "近20億元", "專利權質押融資額", "approx"),
])
def test_kept_fact_fields(both, index, text, metric, qualifier):
    fact = both[1].facts[index]
    assert (fact.text, fact.metric, fact.qualifier) == (text, metric, qualifier)


@pytest.mark.parametrize(("original", "converted", "offsets"), [
    (["國家", "萬元"], ["国家", "万元"], [0, 1, 2, 3, 4, 5]),  # same lengths: identity
    (["ab", "xyz"], ["abc", "xz"], [0, 1, 2, 2, 3, 5, 6]),  # c added in block 0, y dropped in 1
])
def test_offset_map(original, converted, offsets):
    omap = OffsetMap(original, converted)
    assert [omap(i) for i in range(len("\n".join(converted)) + 1)] == offsets


def test_map_facts_when_a_conversion_changes_length(both):
    simplified, _ = both
    fact = simplified.facts[5]  # 1.43亿元 in the Simplified text
    original = ["前言" + simplified.text.replace("\n", " ")]
    converted = [simplified.text.replace("\n", " ")]
    (moved,) = map_facts([fact], converted[0], original[0], OffsetMap(original, converted))
    assert moved.span == (fact.span[0] + 2, fact.span[1] + 2)
    assert moved.text == "1.43亿元"
