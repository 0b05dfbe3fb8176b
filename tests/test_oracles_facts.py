"""Claims the facts path relies on, checked against a plain form: the number token scanner,
the noise patterns, conversion in one call."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

_FACT_ALPHABET = "0123456789.,/-:：十百千万亿一二两三五零〇上下半另这分之投胜负中时点分秒许左右个元年月日%，。 a壹拾佰٣"


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_FACT_ALPHABET, max_size=40), st.integers(min_value=0, max_value=40))
def test_next_token_is_the_token_search(text, pos):
    from ipextract.facts import numbers

    expected = numbers._TOKEN.search(text, pos)
    got = numbers._next_token(text, pos)
    assert (got.span(), got.lastgroup) == (expected.span(), expected.lastgroup) if expected else got is None


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_FACT_ALPHABET + "4789", max_size=40))
def test_noise_lookahead_finds_the_same_spans(text):
    import importlib

    extract = importlib.import_module("ipextract.facts.extract")
    plain = re.compile(extract._NOISE[0][1].pattern[len("(?=\\d)(?:"):-1])
    assert [m.span() for m in extract._NOISE[0][1].finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_converting_all_texts_at_once_gives_each_its_own_conversion(fixtures):
    from ipextract import convert

    lines = [x for p in sorted(fixtures.glob("*.txt")) for x in p.read_text(encoding="utf-8").splitlines() if x]
    cases = [lines, ["發揮", "著重強調"], ["隨", "著"], ["這意味著作為"], ["", "國家"], ["a\nb", "國"]]
    for texts in cases:
        assert convert.to_simplified_all(texts) == [convert.to_simplified(t) for t in texts]
