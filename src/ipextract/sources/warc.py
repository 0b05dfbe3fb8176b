"""WARC files (.warc, .warc.gz): response and resource records with an HTML or text payload,
addressed by record offset. A record gives the page's URL, the crawl date (the reference day for
relative dates) and the HTTP charset as hints.

warcio is not hardened: garbled headers raise almost any exception type, so the broad `except`s
below turn them into error records instead of stopping a batch."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from typing import IO, Any

from .candidates import page_bytes
from .selection import Selection
from .units import Item, ItemError, Limits, Unit, error_unit
from .warc_scan import Span, scan_gzip, scan_plain

#: Payload content types taken from WARC records (a missing type is taken too).
_PAGE_TYPES = ("text/html", "text/plain", "application/xhtml")
#: Types that say nothing of the payload: it is sniffed when read, and taken when it is a page.
_UNLABELLED = ("application/octet-stream", "binary/octet-stream", "application/unknown",
               "application/x-unknown", "unknown/unknown", "application/download")
#: Room for the HTTP headers a record's length counts besides the payload.
_HTTP_HEADROOM = 65536


def _list(path: str, limits: Limits) -> Iterator[Unit]:
    """The page records of the WARC, from a scan that checks every record's length (warc_scan)."""
    count = 0
    try:
        with open(path, "rb") as fh:
            gzipped = fh.read(2) == b"\x1f\x8b"
        spans = scan_gzip(path, limits.max_bytes) if gzipped else scan_plain(path)
        for span in spans:
            rid = span.headers.get("warc-record-id", "").strip("<>") or f"record-{span.offset}"
            if span.problem is not None and not span.headers:
                yield error_unit(path, span.problem[0], f"WARC damaged after record {count}: {span.problem[1]}")
                continue
            if span.headers.get("warc-type") not in ("response", "resource") or not _is_page(span):
                continue
            count += 1
            if span.problem is not None:
                yield error_unit(path, span.problem[0], span.problem[1], name=rid)
            else:
                yield Unit("warc", path, key=span.offset, name=rid, size=span.length)
    except OSError as exc:
        yield error_unit(path, "truncated", f"WARC damaged after record {count}: {exc}")


def _content_type(span: Span) -> str:
    """The payload's media type: the HTTP header of a response, the WARC header of a resource."""
    ctype = span.headers.get("content-type", "")
    if ctype.lower().startswith("application/http"):
        block = span.content_head
        end = block.find(b"\r\n\r\n")
        for line in block[: end if end >= 0 else len(block)].split(b"\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-type":
                return value.decode("latin-1").strip()
        return ""
    return ctype


def _is_page(span: Span) -> bool:
    ctype = _content_type(span).split(";", 1)[0].strip().lower()
    return not ctype or ctype.startswith(_PAGE_TYPES) or ctype in _UNLABELLED


def _int(value: str | None) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        return 0


class _WarcReader:
    def __init__(self, path: str, limits: Limits) -> None:
        self.limits = limits
        self.handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 - kept open across units, closed by close()

    def read(self, unit: Unit) -> Item:
        record = self._record(unit)
        headers = record.rec_headers
        rid = (headers.get_header("WARC-Record-ID") or "").strip("<>")
        if rid and rid != unit.name:
            raise ItemError("changed", "archive changed since it was listed")
        length = _int(headers.get_header("Content-Length"))
        if length > self.limits.max_bytes + _HTTP_HEADROOM:
            raise self.limits.too_large(length, "WARC record")
        data = self.limits.read_bounded(record.content_stream())
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise ItemError("truncated", "WARC ends inside this record")
        if _media_type(record) in _UNLABELLED:  # a page or not: its bytes tell
            data = page_bytes(data, "", self.limits, nested=True)
        return Item(unit.path, data=data, url=headers.get_header("WARC-Target-URI") or None,
                    ref_date=_crawl_day(headers.get_header("WARC-Date")),
                    declared_charset=_http_charset(record))

    def _record(self, unit: Unit) -> Any:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        self.handle.seek(unit.key)
        try:
            record = next(iter(ArchiveIterator(self.handle)), None)
        except ArchiveLoadFailed as exc:
            raise ItemError("corrupt", f"not a WARC record at offset {unit.key}: {str(exc)[:80]}") from None
        except (OSError, EOFError, zlib.error):
            raise
        except Exception as exc:  # see the module docstring
            raise ItemError("corrupt", f"garbled WARC record at offset {unit.key}: {type(exc).__name__}") from None
        if record is None:
            raise ItemError("truncated", "WARC ends before this record")
        return record

    def close(self) -> None:
        self.handle.close()


def _media_type(record: Any) -> str:
    http = record.http_headers
    ctype = (http if http is not None else record.rec_headers).get_header("Content-Type") or ""
    return ctype.split(";", 1)[0].strip().lower()


def _crawl_day(value: str | None) -> dt.date | None:
    """The day of a WARC-Date (`2019-08-01T10:00:00Z`)."""
    day = (value or "")[:10]
    try:
        return dt.date.fromisoformat(day) if len(day) == 10 else None
    except ValueError:
        return None


def _http_charset(record: Any) -> str | None:
    http = record.http_headers
    if http is None:
        return None
    for part in (http.get_header("Content-Type") or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class Warc:
    kinds = ("warc",)
    streamed = True

    def claims(self, path: str) -> bool:
        return path.lower().endswith((".warc", ".warc.gz"))

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        return _list(path, limits)

    def open(self, path: str, kind: str, limits: Limits) -> _WarcReader:
        return _WarcReader(path, limits)
