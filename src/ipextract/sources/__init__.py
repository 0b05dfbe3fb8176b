"""Inputs -> documents: paths, folders, gzip pages, zip/tar/tar.gz members, WARC records, stdin lists.

Two steps, so that any process (a local worker, a Ray task on another machine) can read a part of
the input without the whole of it:

* `plan_units(inputs)` lists the input documents in a fixed order as `Unit`s — small, picklable
  addresses (a file, a zip member index, a tar header offset, a WARC record offset). Listing is
  cheap next to parsing and never holds a payload in memory.
* `read_units(units)` opens the addressed documents as streams (archives are never extracted to
  disk) and yields one `Item` per unit: the bytes plus container hints, or an error.

Each container format is one module with its listing and its reading together (`files`,
`gzipped`, `zip`, `tar`, `warc`), behind the small `Format` protocol of `units`; `plan` holds
the formats in the order they claim a file name. Every unit yields exactly one item, so a batch
can account for every input document. Damage and hostile archives (truncation, bombs, links,
devices) become error units or error items, never an exception and never unbounded memory.
"""

from .plan import FORMATS, format_of, iter_items, plan_units, read_path_list, read_units
from .selection import ARCHIVE_GLOBS, PAGE_GLOBS, Selection
from .units import Format, Item, ItemError, Limits, Reader, Unit, display_name

__all__ = [
    "ARCHIVE_GLOBS", "FORMATS", "PAGE_GLOBS", "Format", "Item", "ItemError", "Limits", "Reader", "Selection",
    "Unit", "display_name", "format_of", "iter_items", "plan_units", "read_path_list", "read_units",
]
