"""Cleaners turn decoded page text into article blocks plus metadata candidates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..document import Removed


@dataclass(slots=True)
class Candidate:
    """A possible value for a metadata field, with where it was found (for debugging the chain)."""

    field: str
    value: str | list[str]
    origin: str


@dataclass(slots=True)
class Extracted:
    """What a cleaner hands on: article blocks and metadata candidates, before repair and conversion.

    `candidates` are in order of trust, most trusted first, per field.
    """

    blocks: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)
    removed_items: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, name: str, value: str | list[str] | None, origin: str) -> None:
        if value:
            self.candidates.append(Candidate(name, value, origin))

    def drop(self, kind: str, text: str, count: int = 1) -> None:
        self.removed[kind] += count
        if text:
            self.removed_items.append(Removed(kind, text))
