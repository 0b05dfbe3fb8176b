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


def _required(items, allowed: set[str]) -> set[str] | None:
    """Characters one of which every match of a parsed pattern (a sequence of items) holds: the
    need of one item, preferably one within `allowed`; None when no item has one."""
    from re import _constants as c

    needs: list[set[str]] = []
    for op, av in items:
        need: set[str] | None = None
        if op is c.LITERAL:
            need = {chr(av)}
        elif op is c.IN and all(o is c.LITERAL for o, _ in av):
            need = {chr(a) for _, a in av}
        elif op is c.BRANCH:
            options = [_required(alt, allowed) for alt in av[1]]
            need = None if any(o is None for o in options) else set().union(*options)
        elif op is c.SUBPATTERN:
            need = _required(av[3], allowed)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            need = _required(av[2], allowed)
        if need is not None:
            needs.append(need)
    return next((n for n in needs if n <= allowed), needs[0] if needs else None)


def test_every_caption_marker_match_holds_a_caption_character():
    from re import _parser

    allowed = set(rules_html._CAPTION_CHARS.pattern.strip("[]"))
    for pattern in rules_html._captions():
        need = _required(_parser.parse(pattern.pattern), allowed)
        assert need is not None and need <= allowed, (pattern.pattern, need)
