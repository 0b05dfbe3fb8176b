"""The package's data files (`ipextract/data/`), read through one loader.

Word lists, correction tables and dictionaries live as data so that a reviewer can extend a
vocabulary without touching code. Every module reads them here, so there is one notion of a
data line (stripped, `#` comments and blank lines skipped) and one cache per file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable


def data_file(name: str) -> Traversable:
    """The packaged file `data/<name>` (a path on disk when the package is installed as files)."""
    return resources.files("ipextract").joinpath("data", name)


@cache
def data_text(name: str) -> str:
    """The whole text of `data/<name>`, read once per process."""
    return data_file(name).read_text(encoding="utf-8")


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>`: its lines stripped, without blank lines and `#` comments."""
    return tuple(s for s in (raw.strip() for raw in data_text(name).splitlines()) if s and not s.startswith("#"))


@cache
def data_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a tab-separated `data/<name>`, split into their columns."""
    return tuple(tuple(line.split("\t")) for line in data_lines(name))


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal `items` that prefers the longest entry at a position.

    Plain literals only: a branch that opens with a look-around stops `re` from skipping ahead
    by the first character, which made scans of long lines many times slower.
    """
    return "|".join(re.escape(item) for item in sorted(set(items), key=lambda s: (-len(s), s)))
