"""Dated numeric facts from Simplified article text."""

from __future__ import annotations

import datetime as dt

from ..document import Fact


def extract(text: str, ref_date: dt.date | None = None, *, roc_years: bool = False) -> list[Fact]:
    """Every numeric fact in `text` (paragraphs separated by newlines)."""
    return []
