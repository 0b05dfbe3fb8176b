"""The one data-file loader and the one Han definition every rule builds on."""

from __future__ import annotations

import re

import pytest

from ipextract import resources
from ipextract.han import HAN, HAN_CHAR, count_han, is_han
from ipextract.resources import PatternError, alternation, data_file, data_lines, data_rows, patterns

PATTERN_FILES = sorted(p.name.removesuffix(".toml") for p in data_file("patterns").iterdir() if p.name.endswith("toml"))


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


@pytest.fixture
def pattern_file(monkeypatch):
    """Serve one TOML text as `data/patterns/<name>.toml`, under a name no other test uses."""
    served: dict[str, str] = {}
    real = resources.data_text

    def fake(name: str) -> str:
        return served.get(name) or real(name)

    monkeypatch.setattr(resources, "data_text", fake)

    def make(name: str, text: str) -> resources.Patterns:
        served[f"patterns/{name}.toml"] = text
        return patterns(name)

    return make


def test_patterns_expand_han_word_lists_and_fragments(pattern_file):
    p = pattern_file("t_expand", """
fragments.year = '\\d{4}年'
dated = '^{year}(?:{HAN}){1,2}$'
han_run = '[{HAN}]{2,4}'
marker = '(?:{words:spam_markers.txt})'
chained = '{han_run}x'
""")
    assert p.dated.pattern == r"^\d{4}年(?:" + HAN + "){1,2}$"  # a quantifier is not a placeholder
    assert p.han_run.pattern == f"[{HAN}]{{2,4}}"
    assert p.marker.pattern == f"(?:{alternation(data_lines('spam_markers.txt'))})"
    assert p.chained.pattern == f"[{HAN}]{{2,4}}x"
    assert sorted(p.compiled()) == ["chained", "dated", "han_run", "marker"]  # a fragment is not compiled
    assert p.text("year") == r"\d{4}年"


def test_patterns_take_flags_from_a_table(pattern_file):
    p = pattern_file("t_flags", "url = { pattern = '^www\\.', flags = \"i\" }\nplain = 'www'\n")
    assert p.url.flags & re.IGNORECASE
    assert p.url.match("WWW.gov.cn")
    assert not p.plain.flags & re.IGNORECASE


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("t_bad_regex", "good = 'a'\nbroken = '(a'\n", "data/patterns/t_bad_regex.toml: broken: "),
        ("t_unknown", "uses = '{nowhere}x'\n", "data/patterns/t_unknown.toml: uses: unknown or circular placeholder"),
        ("t_circular", "a = '{b}'\nb = '{a}'\n", "data/patterns/t_circular.toml: a: unknown or circular placeholder"),
        ("t_bad_flag", "f = { pattern = 'a', flags = \"q\" }\n", "data/patterns/t_bad_flag.toml: f: flags must be"),
        ("t_not_regex", "n = 3\n", "data/patterns/t_not_regex.toml: n: expected a regex string"),
        ("t_bad_toml", "x = 'unclosed\n", "data/patterns/t_bad_toml.toml: "),
    ],
)
def test_a_bad_pattern_file_names_the_file_and_the_key(pattern_file, name, text, message):
    p = pattern_file(name, text)
    with pytest.raises(PatternError) as err:
        p.compiled()
    assert str(err.value).startswith(message)


def test_an_unknown_pattern_name_names_the_file(pattern_file):
    p = pattern_file("t_unknown_key", "there = 'a'\n")
    with pytest.raises(AttributeError, match=r"data/patterns/t_unknown_key.toml: no pattern 'missing'"):
        p.missing  # noqa: B018


def test_every_pattern_file_ships():
    assert "numbers" in PATTERN_FILES


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_every_pattern_of_every_shipped_file_compiles(name):
    compiled = patterns(name).compiled()
    assert compiled
    assert all(isinstance(p, re.Pattern) for p in compiled.values())


#: The one-entry-a-line word lists; facts_dict.txt is jieba's "word freq tag" format, built by a tool.
WORD_LISTS = sorted(
    p.name for p in data_file("").iterdir() if p.name.endswith(".txt") and p.name != "facts_dict.txt"
)


@pytest.mark.parametrize("name", WORD_LISTS)
def test_no_word_list_repeats_an_entry(name):
    """A repeat is a sign of two edits that did not see each other; the loaders ignore it, so
    only this catches it. Case is folded: the loaders match ASCII entries case-blind."""
    entries = [line.lower() for line in data_lines(name)]
    assert sorted({e for e in entries if entries.count(e) > 1}) == []
