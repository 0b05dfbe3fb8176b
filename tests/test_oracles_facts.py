"""Claims the facts path relies on, checked against a plain form: the segmenter, the number
token scanner, the noise patterns, conversion in one call."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st


def test_segmenter_matches_jieba_on_windows_of_every_fixture_text(fixtures):
    """The word graph stops at fragments no word starts with: still jieba's cut, everywhere."""
    import pytest

    jieba = pytest.importorskip("jieba")
    from importlib import resources

    from ipextract.facts.segment import segmenter

    reference = jieba.Tokenizer(dictionary=str(resources.files("ipextract").joinpath("data", "facts_dict.txt")))
    ours = segmenter()
    checked = 0
    for path in sorted(fixtures.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start in range(0, len(text), 37):
            window = text[start:start + 45]
            assert list(ours.cut(window)) == list(reference.cut(window, HMM=False)), window
            checked += 1
    assert checked > 300


def test_segmenter_prefix_stop_keeps_long_words_behind_non_word_prefixes():
    from ipextract.facts.segment import Segmenter

    seg = Segmenter.from_text("专利权质押融资额 900 n\n专利 50 n\n质押 40 v\n融资额 30 n\n额 5 n\n权 5 n\n")
    # 专利权, 专利权质 … are no words, only prefixes of the long one: it is still found.
    assert list(seg.cut("专利权质押融资额")) == ["专利权质押融资额"]
    assert list(seg.cut("专利权质押")) == ["专利", "权", "质押"]


def test_prefixes_are_every_proper_prefix():
    from ipextract.facts.segment import _prefixes, segmenter

    words = ["专利权质押融资额", "专利", "一", "质押", "ab", "abc", "abcd"]
    assert _prefixes(words) == ({w[:k] for w in words for k in range(1, len(w))}, 8)
    assert _prefixes(["一", "二"]) == (frozenset(), 1)
    assert _prefixes([]) == (frozenset(), 1)
    freq = segmenter().freq
    assert segmenter().prefixes == {w[:k] for w in freq for k in range(1, len(w))}
    assert segmenter().max_len == min(16, max(map(len, freq)))


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
