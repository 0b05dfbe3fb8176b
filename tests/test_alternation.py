"""`resources.alternation`: entries sharing a caseless first character share a branch, and the
pattern still matches exactly what the plain alternation of the entries, longest first, matches."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ipextract.resources import alternation, data_file, data_lines

FIXTURES = Path(__file__).parent / "fixtures"
#: The word lists (facts_dict.txt is jieba's dictionary of the facts path, no alternation).
WORD_LISTS = sorted(p.name for p in data_file("").iterdir() if p.name.endswith(".txt") and p.name != "facts_dict.txt")
#: Where an alternation is used: alone, before a colon, anchored, after an optional bracket.
CONTEXTS = ("(?:{})", r"(?:{})\s*[:：]", "^(?:{})$", r"[【\[]?(?:{})[】\]]?")


def plain(entries: list[str]) -> str:
    """The alternation as it was written before the grouping: each entry a branch, longest first."""
    return "|".join(re.escape(e) for e in sorted(set(entries), key=lambda s: (-len(s), s)))


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (["来源", "来源于", "a.b"], r"a\.b|来(?:源(?:于|))"),
        (["信息公开", "信息索引号", "公开"], "信(?:息(?:索引号|公开))|公开"),
        (["信息", "信息公开"], "信(?:息(?:公开|))"),
        (["91av", "9av", "av"], "9(?:1av|av)|av"),
        # A cased first character keeps its entry a branch of its own, in its place.
        (["Ab", "abc", "ab"], "abc|Ab|ab"),
        (["记者", ""], "记者|"),
        (["记者"], "记者"),
    ],
)
def test_alternation_groups_entries_by_their_first_character(entries, expected):
    assert alternation(entries) == expected


def test_grouped_first_characters_match_only_themselves_ignoring_case():
    """Grouping is safe because no other character can match a caseless first character, with or
    without IGNORECASE: checked for every caseless character of the Basic Multilingual Plane,
    where every word list's first characters are."""
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    caseless = {c for c in every if c.lower() == c == c.upper()}
    found = set(re.findall(f"[{re.escape(''.join(sorted(caseless)))}]", every, re.IGNORECASE))
    assert found == caseless
    assert all(w[0] <= "\uffff" for name in WORD_LISTS for w in data_lines(name))


def _texts(entries: list[str], rng: random.Random) -> list[str]:
    """Texts full of near misses: entries glued, cut short, cased and joined by spaces and colons."""
    pieces = [*entries, *(e[: len(e) // 2] for e in entries), *(e.upper() for e in entries), " ", "：", "】", "的"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(300)]


@pytest.mark.parametrize("name", WORD_LISTS)
def test_alternation_matches_as_the_plain_alternation(name):
    entries = list(data_lines(name))
    rng = random.Random(name)
    texts = _texts(entries, rng) + _fixture_texts()
    for context in CONTEXTS:
        for flags in (0, re.IGNORECASE):
            grouped = re.compile(context.format(alternation(entries)), flags)
            expected = re.compile(context.format(plain(entries)), flags)
            for text in texts:
                assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in expected.finditer(text)]


def _fixture_texts() -> list[str]:
    """Real lines: the first lines of the corpus's text pages."""
    pages = sorted(FIXTURES.glob("*.txt"))
    return [line for path in pages for line in path.read_text(encoding="utf-8").splitlines()[:40]]
