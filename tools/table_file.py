"""Where a table builder writes: the path given on its command line, else the shipped data file."""

from __future__ import annotations

from pathlib import Path

from ipextract.resources import data_file


def write_table(argv: list[str], name: str, text: str) -> Path:
    """Write `text` to argv[0] when given (to compare with the shipped table), else over `name`."""
    dest = Path(argv[0]) if argv else Path(str(data_file(name)))
    dest.write_text(text, encoding="utf-8")
    return dest
