"""One frozen bundle of every knob the pipeline reads, so a run is reproducible from its options."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_FACTS = 10_000


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for `parse`.

    script: "simplified" converts output to Simplified Chinese (OpenCC t2s plus corrections);
        "keep" leaves the page's own script.
    keep_pinyin: keep pinyin annotations such as 發(fā) instead of removing them.
    ref_date: reference day for relative dates (今年, 去年) when the page states no date.
    facts: extract numeric facts; switch off for text-only runs.
    max_facts: facts kept per document; a page with more stops there with a warning.
    max_bytes: inputs larger than this are rejected with error kind "too_large".
    max_depth / max_elements: HTML guards against pathological markup.
    """

    script: Literal["simplified", "keep"] = "simplified"
    keep_pinyin: bool = False
    ref_date: dt.date | None = None
    facts: bool = True
    max_facts: int = DEFAULT_MAX_FACTS
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = 512
    max_elements: int = 200_000
