"""Traditional -> Simplified with OpenCC, created once per process."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert `text` to Simplified Chinese."""
    if not text:
        return text
    return _converter().convert(text)


def detect_script(text: str) -> str | None:
    """Script of `text`: "traditional", "simplified", "mixed", or None when it has no Han text."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return None
    sample = "".join(han[:20000])
    converted = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, converted) if a != b)
    ratio = changed / len(sample)
    if ratio >= 0.05:
        return "traditional"
    if ratio <= 0.005:
        return "simplified"
    return "mixed"
