"""The word lists in `ipextract/data/`, loaded once per process and compiled into matchers.

Lists are written in Simplified script only: the line rules match a t2s-converted key of each
line (see `lines.line_key`), so one list serves Traditional and Simplified pages alike. Keeping
the vocabulary as data lets a reviewer extend it without touching the logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


def _data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file, in file order."""
    text = resources.files("ipextract").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def words(name: str) -> tuple[str, ...]:
    """A one-word-per-line list, lower-cased (ASCII entries match case-insensitively)."""
    return _words(name)


@cache
def _words(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _data_lines(name))


def alternation(items: tuple[str, ...]) -> str:
    """A regex alternation that prefers the longest entry at a position.

    ASCII entries get letter boundaries so that `av` never matches inside `Java`.
    """
    parts = []
    for item in sorted(set(items), key=len, reverse=True):
        escaped = re.escape(item)
        if item.isascii() and item[:1].isalpha() and item[-1:].isalpha():
            escaped = rf"(?<![a-z]){escaped}(?![a-z])"
        parts.append(escaped)
    return "|".join(parts)


@cache
def word_pattern(name: str) -> re.Pattern[str]:
    """One compiled alternation over a word list (case-insensitive)."""
    return re.compile(alternation(words(name)), re.IGNORECASE)


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
    for line in _data_lines("lines_meta_labels.tsv"):
        label, field, rank = line.split("\t")
        out[label] = MetaLabel(label, None if field == "-" else field, int(rank))
    return out
