"""Metadata from the cleaners' candidates: one ordered fallback chain per field."""

from __future__ import annotations

from dataclasses import dataclass, field

from .clean import Candidate


@dataclass(slots=True)
class Meta:
    title: str | None = None
    published_at: str | None = None
    source: str | None = None
    author: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    url: str | None = None


def resolve(candidates: list[Candidate]) -> Meta:
    """Take, per field, the first (most trusted) candidate."""
    meta = Meta()
    for c in candidates:
        if c.field == "breadcrumb":
            if not meta.breadcrumb and isinstance(c.value, list):
                meta.breadcrumb = list(c.value)
        elif hasattr(meta, c.field) and getattr(meta, c.field) is None:
            setattr(meta, c.field, c.value)
    return meta
