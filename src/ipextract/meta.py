"""Metadata from the cleaners' candidates: one ordered fallback chain per field.

Cleaners add candidates most trusted first (`Extracted.add`), each with an origin saying where it
was found: `meta:<tag>` for values a page declares for machines (government `PubDate`,
`article:published_time` …), anything else for what the page shows. The first candidate of a
field wins, with one refinement for `published_at`: the value is as precise as the *visible* page
states it, so when a declared timestamp wins and the page shows the same day with less (or
other) precision, the shown form is used — `PubDate 2024-06-13 14:54` with `发布日期：2024-06-13`
on the page gives `2024-06-13`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .clean import Candidate

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?$")
_DECLARED = "meta:"


@dataclass(slots=True)
class Meta:
    title: str | None = None
    published_at: str | None = None
    source: str | None = None
    author: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    url: str | None = None
    #: field -> origin of the chosen value, for debugging the chains.
    origins: dict[str, str] = field(default_factory=dict)


def resolve(candidates: list[Candidate]) -> Meta:
    """Take, per field, the first (most trusted) usable candidate; see the module docstring."""
    meta = Meta()
    dates = [
        c for c in candidates if c.field == "published_at" and isinstance(c.value, str) and valid_iso(c.value)
    ]
    for c in candidates:
        if c.field == "breadcrumb":
            if not meta.breadcrumb and isinstance(c.value, list) and c.value:
                meta.breadcrumb = list(c.value)
                meta.origins["breadcrumb"] = c.origin
        elif c.field == "published_at":
            continue
        elif c.field in ("title", "source", "author", "url") and getattr(meta, c.field) is None:
            value = " ".join(str(c.value).split())
            if value:
                setattr(meta, c.field, value)
                meta.origins[c.field] = c.origin
    if dates:
        chosen = published_at(dates)
        meta.published_at = chosen.value if isinstance(chosen.value, str) else None
        meta.origins["published_at"] = chosen.origin
    return meta


def published_at(candidates: list[Candidate]) -> Candidate:
    """The first candidate, in the precision the page shows when a declared one came first."""
    first = candidates[0]
    if not first.origin.startswith(_DECLARED):
        return first
    day = str(first.value)[:10]
    for c in candidates[1:]:
        if not c.origin.startswith(_DECLARED) and str(c.value)[:10] == day:
            return c
    return first


def valid_iso(value: str) -> bool:
    """`YYYY[-MM[-DD[THH:MM[:SS]]]]` naming a real calendar day and time."""
    m = _ISO.match(value)
    if not m:
        return False
    y, mo, d, hh, mm, ss = (int(x) if x else 0 for x in m.groups())
    mo, d = mo or 1, d or 1
    try:
        dt.datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        return False
    return 1900 <= y <= 2100
