"""Files found in a folder or an archive are taken by what they hold, not by their names.

A saved site names its pages as its server did (`ShowInfo.aspx`, `article.jsp`, `index`,
`page.HTML`), so every regular file is a candidate and the sniffer decides: a page (HTML, XHTML or
text, or gzip of one) is read; anything else is one `skipped` record saying what it is (the batch
summary counts them by kind), never dropped without a word. An archive inside an archive is not
opened: it is one `nested_archive` record.
"""

from __future__ import annotations

import gzip
import io
import zlib

from ..sniff import archive_kind, not_a_page
from .selection import Selection
from .units import ItemError, Limits

#: How much of a candidate the sniffer needs to tell a page from anything else.
SNIFF_BYTES = 8192
_GZIP = b"\x1f\x8b"


def skipped(what: str, kind: str) -> ItemError:
    """The error of a candidate that is no page; its message opens with the kind counted."""
    return ItemError("skipped", f"{kind}: {what}, not a web page")


def skip_kind(message: str | None) -> str:
    """The kind a `skipped` record's message names (see `skipped`)."""
    return (message or "").partition(":")[0] or "other"


def check_head(head: bytes, name: str, *, nested: bool) -> None:
    """Raise for a candidate whose first bytes show it is no page (gzip data is looked into later).

    `nested`: the candidate is an archive member, so an archive is not read but reported. A
    candidate whose `name` says it is a page (`x.html`) but is not is a damaged page, not a file
    to skip: it is left to the parser, whose record says `binary`.
    """
    kind = archive_kind(head)
    if nested and kind in ("zip", "tar", "warc"):
        raise ItemError("nested_archive", f"{kind} archive inside an archive: not opened, extract it first")
    if kind == "gzip" or Selection.page_named(name):
        return
    found = not_a_page(head)
    if found is not None:
        raise skipped(*found)


def page_bytes(data: bytes, name: str, limits: Limits, *, nested: bool) -> bytes:
    """The page in a candidate's bytes: gzip data decompressed (bounded, bomb-checked) and sniffed
    again; raises ItemError for what is not a page."""
    check_head(data[:SNIFF_BYTES], name, nested=nested)
    if not data.startswith(_GZIP):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            inner = limits.read_bounded(fh, len(data))
    except (EOFError, OSError, zlib.error) as exc:
        raise ItemError("truncated", f"damaged gzip data: {exc}") from exc
    check_head(inner[:SNIFF_BYTES], name.removesuffix(".gz"), nested=True)
    if inner.startswith(_GZIP):
        raise skipped("gzip data inside gzip data", "compressed file")
    return inner
