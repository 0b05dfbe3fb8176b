"""Dated numeric facts from Simplified article text.

    >>> from ipextract.facts import extract, normalize_number
    >>> [(f.value, f.unit, f.date) for f in extract("2018年，全区发放资助1.43亿元。")]
    [(143000000.0, '元', '2018')]
    >>> normalize_number("1.6万余")
    NumberValue(value=16000.0, qualifier='over')
"""

from __future__ import annotations

from .extract import extract
from .numbers import NumberValue, normalize_number

__all__ = ["NumberValue", "extract", "normalize_number"]
