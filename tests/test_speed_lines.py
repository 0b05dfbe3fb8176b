"""Speed rewrites of the per-line rules (classify, line weights) answer as the plain forms did.

Each test keeps the plain version as an oracle and compares on generated input and on every
line of the fixture pages.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean import rules_html


def test_case_forms_are_every_character_matching_an_ascii_letter_case_blind():
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    matching: dict[str, set[str]] = {c: set() for c in "abcdefghijklmnopqrstuvwxyz"}
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if any_letter.fullmatch(ch):
            for letter in matching:
                if re.fullmatch(letter, ch, re.IGNORECASE):
                    matching[letter].add(ch)
    for letter, chars in matching.items():
        assert set(rules_html._case_forms(letter)) == chars, letter
        assert set(rules_html._case_forms(letter.upper())) == chars, letter


_WORD_LISTS = ("html_footer_markers.txt", "html_footer_labels.txt")
_PIECES = [
    "版权所有", "版權所有", "Copyright", "COPYRIGHT", "copyrigh", "ICP备", "icp證", "ıcp备", "İCP备",
    "All Rights Reserved", "all rights reſerved", "ICP", "备", "y", "V", "\u212a", "i\u0307", "İ", "ſ",
    "copyrİght", "COPYRıGHT", "主办单位", "主辦", "网站地图", "分辨率", "本网", " ", "©", "2024", "中",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join))
def test_word_search_answers_as_the_case_blind_alternation(text):
    for name in _WORD_LISTS:
        oracle = rules_html._pattern(name, "{words}")
        assert rules_html._word_search(name)(text) == (oracle.search(text) is not None), (name, text)


def test_word_search_answers_as_the_case_blind_alternation_on_fixture_lines(fixtures):
    texts = _fixture_lines(fixtures)
    for name in _WORD_LISTS:
        oracle = rules_html._pattern(name, "{words}")
        search = rules_html._word_search(name)
        assert [search(t) for t in texts] == [oracle.search(t) is not None for t in texts]


def _fixture_lines(fixtures) -> list[str]:
    """The rendered lines of every fixture HTML page."""
    from ipextract.clean.blocks import layout
    from ipextract.clean.dom import parse_html
    from ipextract.decode import decode

    out: list[str] = []
    for path in sorted(fixtures.glob("*.htm*")):
        parsed = parse_html(decode(path.read_bytes()).text)
        out.extend(line.text for line in layout(parsed.root, lambda *_: None).lines)
    assert len(out) > 1000
    return out
