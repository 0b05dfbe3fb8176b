"""What the sources hand on: the address of a document (`Unit`), its bytes (`Item`), the limits
reading obeys, and the small protocol every container format implements.

A `Unit` is plain data (picklable, JSON-able) so that any process — a local worker, a Ray task on
another machine — can open the document again; it never holds a payload. An `Item` is what
reading a unit gives: the bytes with the hints the container adds (a WARC record's URL, date and
HTTP charset), or the reason there are none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from ..options import DEFAULT_MAX_BYTES, Options

if TYPE_CHECKING:
    from .selection import Selection


class ItemError(Exception):
    """One document cannot be read; `kind` is the error kind its record gets."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits applied while reading, before any byte reaches the parser.

    max_bytes: a document larger than this (after decompression) is an error `too_large`.
    max_ratio: decompressed/compressed above this, once past `ratio_floor` bytes, is an error
        `bomb`; real pages compress 5-20x, bombs 1000x.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_ratio: float = 200.0
    ratio_floor: int = 1024 * 1024

    @classmethod
    def for_options(cls, options: Options) -> Limits:
        """The limits a parse with `options` reads within: its one `max_bytes`, the default bomb guard."""
        return cls(max_bytes=options.max_bytes)

    def too_large(self, size: int | None, what: str = "document") -> ItemError:
        """The error for a `what` of `size` bytes (None: the size is known only to pass the limit)."""
        if size is None:
            return ItemError("too_large", f"{what} is over the limit of {self.max_bytes} bytes")
        return ItemError("too_large", f"{what} is {size} bytes, over the limit of {self.max_bytes}")

    def is_bomb(self, size: int, compressed: int) -> bool:
        """Whether `size` decompressed bytes from `compressed` bytes look like a decompression bomb."""
        return size > self.ratio_floor and size > self.max_ratio * max(compressed, 1)

    def bomb(self) -> ItemError:
        return ItemError("bomb", f"decompresses to over {self.max_ratio:g}x its compressed size")

    def read_bounded(self, stream: IO[bytes], compressed: int | None = None) -> bytes:
        """The whole of `stream`, read at most one byte past the limit (an endless or huge stream
        must not fill memory); `compressed` is the size the bytes came from, for the bomb check."""
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise self.too_large(None)
        if compressed is not None and self.is_bomb(len(data), compressed):
            raise self.bomb()
        return data


@dataclass(frozen=True, slots=True)
class Unit:
    """The address of one input document, openable again in any process (picklable, JSON-able).

    kind: file | gzip | zip | zipscan | tar | tgz | warc | error (the format that reads it).
    key: zip info index, zip local header offset (zipscan), tar header offset, tgz member index
        or WARC record offset.
    name: member name or WARC record id (empty for plain files and container-level errors).
    """

    kind: str
    container: str
    key: int = 0
    name: str = ""
    size: int = 0
    error_kind: str | None = None
    error: str | None = None

    @property
    def path(self) -> str:
        return display_name(f"{self.container}::{self.name}" if self.name else self.container)

    def to_list(self) -> list[object]:
        """Compact, stable form used in shard fingerprints."""
        return [self.kind, self.container, self.key, self.name, self.error_kind]


def error_unit(container: str, kind: str, message: str, name: str = "") -> Unit:
    """A unit that stands for a document (or a whole container) that cannot be listed or read."""
    return Unit("error", container, name=name, error_kind=kind, error=message)


@dataclass(slots=True)
class Item:
    """One document's bytes with the hints its container gives, or the reason there are none."""

    path: str
    data: bytes | None = None
    url: str | None = None
    ref_date: dt.date | None = None
    declared_charset: str | None = None
    error_kind: str | None = None
    error: str | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


class Reader(Protocol):
    """An open container, reused while consecutive units come from it."""

    def read(self, unit: Unit) -> Item:
        """The unit's document; raises ItemError for a document that cannot be read."""

    def close(self) -> None: ...


class Format(Protocol):
    """A container format: which files it claims, how it lists their documents, how it reads them."""

    #: The unit kinds its listing gives (and its reader reads).
    kinds: tuple[str, ...]
    #: True when listing must read the container through (no index to jump to): counting its
    #: documents costs as much as reading them.
    streamed: bool

    def claims(self, path: str) -> bool:
        """Whether a file of this name is of this format (archives are named for what they are)."""

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        """The documents of the file at `path` (`size` bytes on disk), in their order in it."""

    def open(self, path: str, kind: str, limits: Limits) -> Reader:
        """A reader for units of `kind` in the file at `path`."""


def display_name(name: str) -> str:
    """A file or member name fit for output: names that are not UTF-8 on disk or in a tar arrive
    with surrogate escapes, which no UTF-8 writer accepts; they are read as GB18030 (what Chinese
    systems wrote), else with replacement characters. Opening always uses the raw name.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace")
    return name
