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

from .han import HAN


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
    by the first character, which made scans of long lines many times slower. Entries that open
    with the same caseless character (a Han character, a digit) share one branch for it
    (`信息(?:公开|索引号)`): at a position `re` tries the branches one by one, and a list of
    hundreds of words, many opening with common characters (信, 公, 国), would otherwise try
    every word at every such character. The entries are tried in the same order as written out
    one by one, so the pattern matches exactly what the plain alternation matches.
    """
    return _branches(sorted(set(items), key=lambda s: (-len(s), s)))


def _branches(entries: list[str]) -> str:
    """`entries` (non-literal text escaped) as an alternation in their order, those opening with
    one caseless character under one branch.

    Only entries whose first character matches nothing but itself, with or without IGNORECASE,
    are grouped: then no text character can start two groups, and the order of the entries a
    text can match is kept. A cased first character (`A`, which also matches `a` under
    IGNORECASE) keeps its entry a branch of its own, in its place.
    """
    order: list[tuple[str, list[str] | None]] = []
    groups: dict[str, list[str]] = {}
    for entry in entries:
        head = entry[:1]
        if not head or head.lower() != head or head.upper() != head:
            order.append((entry, None))  # the empty entry, or a cased first character
        elif head in groups:
            groups[head].append(entry[1:])
        else:
            groups[head] = [entry[1:]]
            order.append((head, groups[head]))
    branches = []
    for head, rest in order:
        if rest is None or len(rest) == 1:
            branches.append(re.escape(head + (rest[0] if rest else "")))
        else:
            branches.append(f"{re.escape(head)}(?:{_branches(rest)})")
    return "|".join(branches)


class PatternError(ValueError):
    """A pattern file that cannot be used: the message names the file and the key."""


#: `{HAN}`, `{words:<data file>}` or `{<key>}`; only an identifier opens a placeholder, so a
#: quantifier such as `{2,4}` is left to the regex.
_PLACEHOLDER = re.compile(r"\{(words:[\w.-]+|[A-Za-z_]\w*)\}")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "a": re.ASCII}


class Patterns:
    """The regular grammar of one module, `data/patterns/<name>.toml`, compiled by key.

    Each key is a pattern name and its value a regex (a TOML literal string keeps backslashes as
    written) or a table `{ pattern = '...', flags = "i" }`. Keys of the `[fragments]` table are
    pieces shared by several patterns and are not compiled themselves. In a pattern `{HAN}` is
    `han.HAN`, `{words:<file>}` the alternation of a word-list file, and `{<key>}` the text of a
    fragment or another pattern. The file is read and compiled on first use, not at import:
    importing `tomllib` costs about a tenth of the package's own import. A compiled pattern then
    becomes a plain attribute, so later reads cost no more than reading a module global.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, key: str) -> re.Pattern[str]:
        # Only reached for names not set yet: the first read of any pattern loads the whole file.
        compiled = self.compiled()
        if key not in compiled:
            raise AttributeError(f"data/patterns/{self._name}.toml: no pattern {key!r}")
        self.__dict__.update(compiled)
        return compiled[key]

    def compiled(self) -> dict[str, re.Pattern[str]]:
        """Every pattern of the file by key, compiled once per process."""
        return _compiled(self._name)

    def text(self, key: str) -> str:
        """The expanded source of a fragment or pattern, for a regex assembled at runtime."""
        return _expanded(self._name)[key][0]


@cache
def patterns(name: str) -> Patterns:
    """The patterns of `data/patterns/<name>.toml` (one object per file per process)."""
    return Patterns(name)


@cache
def _compiled(name: str) -> dict[str, re.Pattern[str]]:
    compiled = {}
    for key, (text, flags, fragment) in _expanded(name).items():
        if fragment:
            continue
        try:
            compiled[key] = re.compile(text, flags)
        except re.error as err:
            raise PatternError(f"data/patterns/{name}.toml: {key}: {err}") from err
    return compiled


@cache
def _expanded(name: str) -> dict[str, tuple[str, int, bool]]:
    """Every key of the file (fragments too) with its placeholders replaced, its flags, and
    whether it is a fragment."""
    import tomllib  # here, not at the top: see `Patterns`

    file = f"data/patterns/{name}.toml"
    try:
        table = tomllib.loads(data_text(f"patterns/{name}.toml"))
    except tomllib.TOMLDecodeError as err:
        raise PatternError(f"{file}: {err}") from err
    raw = {key: (*_source(file, key, value), True) for key, value in table.pop("fragments", {}).items()}
    raw.update((key, (*_source(file, key, value), False)) for key, value in table.items())

    def expand(key: str, seen: tuple[str, ...]) -> str:
        def one(m: re.Match[str]) -> str:
            ref = m.group(1)
            if ref == "HAN":
                return HAN
            if ref.startswith("words:"):
                return alternation(data_lines(ref.removeprefix("words:")))
            if ref not in raw or ref in seen:
                raise PatternError(f"{file}: {seen[0]}: unknown or circular placeholder {{{ref}}}")
            return expand(ref, (*seen, ref))

        return _PLACEHOLDER.sub(one, raw[key][0])

    return {key: (expand(key, (key,)), flags, fragment) for key, (_text, flags, fragment) in raw.items()}


def _source(file: str, key: str, value: object) -> tuple[str, int]:
    """A key's regex text and flags, from a string or a `{ pattern, flags }` table."""
    if isinstance(value, str):
        return value, 0
    if isinstance(value, dict) and isinstance(value.get("pattern"), str) and set(value) <= {"pattern", "flags"}:
        letters = value.get("flags", "")
        if not isinstance(letters, str) or any(c not in _FLAGS for c in letters):
            raise PatternError(f"{file}: {key}: flags must be letters of {''.join(_FLAGS)}")
        flags = 0
        for c in letters:
            flags |= _FLAGS[c]
        return value["pattern"], flags
    raise PatternError(f"{file}: {key}: expected a regex string or {{ pattern = '...', flags = \"i\" }}")
