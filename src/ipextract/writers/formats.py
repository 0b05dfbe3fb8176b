"""Which format an output is written in: the `--format` given, else the output's extension.

`parse -o x.csv` writing a JSON array, or `batch -o x.parquet` writing JSONL, gave files that
lie about their contents; an extension that names no format is a usage error instead of a guess.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .atomic import is_stream

#: Extensions recognised, after an optional compression suffix is taken off.
EXTENSIONS: dict[str, str] = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet",
}
#: Compression suffixes offered (gzip, standard library only).
COMPRESSIONS: tuple[str, ...] = (".gz",)


class FormatError(ValueError):
    """The output's format cannot be decided or is not offered: a usage error."""


@dataclass(frozen=True, slots=True)
class OutputFormat:
    format: str
    gzip: bool = False


def output_format(path: str | None, given: str | None, *, default: str, offered: tuple[str, ...]) -> OutputFormat:
    """The format for `path`; stdout ('-' or None) and streams (a FIFO, /dev/stdout) take `default`
    unless `given`, since their names say nothing."""
    stream = path in (None, "-") or is_stream(str(path))
    name = "" if stream else str(path).lower()
    gz = name.endswith(COMPRESSIONS)
    stem = name[: name.rfind(".")] if gz else name
    found = next((fmt for ext, fmt in EXTENSIONS.items() if stem.endswith(ext)), None)
    fmt = given or found or (default if stream else None)
    if fmt is None and os.path.isdir(str(path)):
        raise FormatError(f"{path} is a folder: give a file name, or --format parquet for a folder of tables")
    if fmt is None:
        known = ", ".join(EXTENSIONS)
        raise FormatError(f"cannot tell the format of {path} from its name ({known}, optionally .gz): "
                          "give --format")
    if fmt not in offered:
        raise FormatError(f"{fmt} output is not offered here ({', '.join(offered)})")
    if gz and fmt == "parquet":
        raise FormatError(f"{path}: Parquet is compressed inside; drop the .gz")
    return OutputFormat(fmt, gzip=gz)
