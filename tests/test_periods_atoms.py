"""The period finder's atom pattern: its first-character look-aheads change no match.

`periods._ATOM_RE` guards each atom with the characters it can start with, so that `re` skips
positions and atoms cheaply; a character missing from an atom's list would silently lose its
matches. Each text here is matched against the plain alternation of the same atoms, guarded
only by the set of start characters the finder used before the per-atom guards (a frozen copy),
and the two must find the same atoms at the same offsets.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ipextract.convert import to_simplified
from ipextract.facts import periods

#: The one start guard of the pattern before each atom had its own (kept to prove equivalence).
_FROZEN_START = "0-9〇零○一二三四五六七八九十两今本去上下前次翌当同全年近最多过日截目如现昨底末初中“\"第这明后Qq头"
_PLAIN = re.compile(
    f"(?=[{_FROZEN_START}])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in periods._ATOMS) + ")"
)
#: Characters of period expressions and their neighbours, and a few unrelated ones.
_ALPHABET = (
    "0123456789〇零○一二三四五六七八九十两百千万第近今本去上下前次翌当同全年月日号季度半旬底末初中"
    "来以间内多后代个周星期礼拜天明昨最截至止目如现在有为实大头规划期时“”\"、和及至到-—–~～/. "
    "QqAa不久些几元圆均楼的是在增长"
)
_FIXTURES = Path(__file__).parent / "fixtures"


def _atoms(pattern: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    return [(m.lastgroup, m.start(), m.end()) for m in pattern.finditer(text)]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(20261206)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def _fixture_lines() -> list[str]:
    """The TXT fixtures' lines, as the page has them and converted (the finder reads the latter)."""
    lines: list[str] = []
    for path in sorted(_FIXTURES.glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines + [to_simplified(line) for line in lines]


def test_every_atom_has_start_characters() -> None:
    assert [name for name, _ in periods._ATOMS] == list(periods._ATOM_FIRST)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019年1-8月", [("year", 0, 5), ("mrange", 5, 9)]),
        ("截至目前，上半年", [("now", 0, 4), ("half", 5, 8)]),
        ("不久前", []),  # 不 starts no atom: 不久前 is not looked for
        ("前不久", [("vague", 0, 3)]),
        ("“十四五”时期", [("plan", 0, 7)]),
        ("Q3", [("quarter", 0, 2)]),
    ],
)
def test_atoms(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert _atoms(periods._ATOM_RE, text) == expected


def test_random_texts_match_the_plain_alternation() -> None:
    texts = _random_texts(20000)
    assert [_atoms(periods._ATOM_RE, t) for t in texts] == [_atoms(_PLAIN, t) for t in texts]


def test_fixture_texts_match_the_plain_alternation() -> None:
    lines = _fixture_lines()
    assert len(lines) == 742
    assert [_atoms(periods._ATOM_RE, t) for t in lines] == [_atoms(_PLAIN, t) for t in lines]
