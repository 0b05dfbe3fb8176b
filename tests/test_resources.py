"""The one data-file loader and the one Han definition every rule builds on."""

from __future__ import annotations

import re

from ipextract.han import HAN, HAN_CHAR, count_han, is_han
from ipextract.resources import alternation, data_lines, data_rows


def test_data_lines_skip_comments_and_blank_lines():
    entries = data_lines("spam_markers.txt")
    assert entries
    assert all(e == e.strip() and e and not e.startswith("#") for e in entries)


def test_data_rows_split_at_tabs():
    rows = data_rows("lines_meta_labels.tsv")
    assert rows and all(len(r) == 3 for r in rows)


def test_alternation_prefers_the_longest_literal():
    pattern = re.compile(alternation(["来源", "来源于", "a.b"]))
    assert pattern.match("来源于本网").group(0) == "来源于"
    assert pattern.match("axb") is None  # literals, not regex syntax


def test_han_covers_the_unified_extension_a_and_compatibility_blocks():
    assert all(is_han(ch) for ch in "中國㐀鿿豈")
    assert not any(is_han(ch) for ch in "a1，。〇ー")
    assert count_han("2019年7月") == 2
    assert HAN_CHAR.findall("A中b") == ["中"]
    assert re.fullmatch(f"[{HAN}]+", "國務院")
