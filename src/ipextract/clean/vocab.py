"""The cleaners' word lists (`ipextract/data/`), compiled into matchers once per process.

Lists are written in Simplified script only: every rule matches the Simplified key of a line
(see `keys.line_key`), so one list serves Traditional and Simplified pages alike. Keeping the
vocabulary as data lets a reviewer extend it without touching the logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..han import HAN_RANGES
from ..resources import alternation, data_lines, data_rows, patterns

_P = patterns("vocab")


@cache
def words(name: str) -> tuple[str, ...]:
    """A one-word-per-line list, lower-cased (ASCII entries match case-insensitively)."""
    return tuple(w.lower() for w in data_lines(name))


@cache
def pattern(name: str, template: str) -> re.Pattern[str]:
    """`template` with `{words}` replaced by the list's alternation, compiled case-blind."""
    return re.compile(template.format(words=alternation(words(name))), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A word list compiled for matching lower-cased text.

    Words that begin or end with an ASCII letter only count when not glued to other ASCII
    letters, so `av` is found in `91av精品` but not in `Java`; they get their own pattern so
    that the common case (Han words) needs no per-match check.
    """

    plain: re.Pattern[str] | None
    ascii: re.Pattern[str] | None
    #: Some plain word has a cased letter (else they are looked for in a text as it is).
    plain_cased: bool = False

    def find(self, text: str) -> list[str]:
        """The words found in `text` (each of the two patterns left to right, non-overlapping)."""
        low = text.lower()
        found = self.plain.findall(low) if self.plain else []
        if self.ascii:
            found += [m.group(0) for m in self.ascii.finditer(low) if _standalone(low, m)]
        return found

    def search(self, text: str) -> bool:
        """Whether `text` holds a word of the list."""
        if self.plain and self.plain.search(text.lower() if self.plain_cased else text):
            return True
        if not self.ascii or not _P.ascii_letter.search(text):
            return False  # an ASCII-edged word needs an ASCII letter
        low = text.lower()
        return any(_standalone(low, m) for m in self.ascii.finditer(low))

    def remove(self, text: str) -> tuple[str, int]:
        """`text` lower-cased with the words removed, and how many there were.

        The ASCII-edged words go first: they are the longer ones where the lists overlap
        (`word下载` before `下载`).
        """
        low, n = text.lower(), 0
        if self.ascii:
            pieces, last = [], 0
            for m in self.ascii.finditer(low):
                if _standalone(low, m):
                    pieces.append(low[last : m.start()])
                    last, n = m.end(), n + 1
            pieces.append(low[last:])
            low = "".join(pieces)
        if self.plain:
            low, found = self.plain.subn("", low)
            n += found
        return low, n


def _standalone(text: str, m: re.Match[str]) -> bool:
    if m.start() and _ascii_letter(text[m.start() - 1]) and _ascii_letter(text[m.start()]):
        return False
    return not (m.end() < len(text) and _ascii_letter(text[m.end()]) and _ascii_letter(text[m.end() - 1]))


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


@cache
def vocabulary(name: str) -> Vocabulary:
    """The word list in data file `name`, compiled once per process."""
    entries = words(name)
    edged = tuple(w for w in entries if _ascii_letter(w[0]) or _ascii_letter(w[-1]))
    plain = tuple(w for w in entries if w not in edged)
    return Vocabulary(
        re.compile(alternation(plain)) if plain else None,
        re.compile(alternation(edged)) if edged else None,
        plain_cased=any(w != w.upper() for w in plain),
    )


@dataclass(frozen=True, slots=True)
class MetaLabel:
    """A metadata label: which document field its value fills, and how much it is trusted."""

    label: str
    field: str | None
    rank: int


@lru_cache(maxsize=1)
def meta_labels() -> dict[str, MetaLabel]:
    """Label -> MetaLabel, from `lines_meta_labels.tsv`."""
    out: dict[str, MetaLabel] = {}
    for label, field, rank in data_rows("lines_meta_labels.tsv"):
        out[label] = MetaLabel(label, None if field == "-" else field, int(rank))
    return out


def han_outside(allowed: Iterable[str], ranges: tuple[tuple[int, int], ...] = HAN_RANGES) -> re.Pattern[str]:
    """A pattern finding a Han character (of `ranges`) that is not among `allowed`.

    A line made only of list words holds no such character: one scan for it rules most lines out
    before the list's words are looked for.
    """
    inside = sorted({ord(c) for c in allowed if any(lo <= ord(c) <= hi for lo, hi in ranges)})
    parts: list[str] = []
    for lo, hi in ranges:
        start = lo
        for code in (c for c in inside if lo <= c <= hi):
            if code > start:
                parts.append(f"{chr(start)}-{chr(code - 1)}")
            start = code + 1
        if start <= hi:
            parts.append(f"{chr(start)}-{chr(hi)}")
    return re.compile("[" + "".join(parts) + "]")
