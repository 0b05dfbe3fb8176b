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

from .selection import Selection
from .units import Item, ItemError, Limits, Unit, error_unit

#: Payload content types taken from WARC records (a missing type is taken too).
_PAGE_TYPES = ("text/html", "text/plain", "application/xhtml")
#: Room for the HTTP headers a record's length counts besides the payload.
_HTTP_HEADROOM = 65536


def _list(path: str) -> Iterator[Unit]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.rec_type not in ("response", "resource") or not _is_page(record):
                    continue
                rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                length = _int(record.rec_headers.get_header("Content-Length"))
                offset = records.get_record_offset()
                count += 1
                yield Unit("warc", path, key=offset, name=rid or f"record-{offset}", size=length)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield error_unit(path, "truncated", f"WARC damaged after record {count}: {exc}")
    except Exception as exc:  # see the module docstring
        yield error_unit(path, "truncated", f"WARC damaged after record {count}: {type(exc).__name__}: {exc}")


def _is_page(record: Any) -> bool:
    http = record.http_headers
    ctype = (http if http is not None else record.rec_headers).get_header("Content-Type") or ""
    ctype = ctype.split(";", 1)[0].strip().lower()
    return not ctype or ctype.startswith(_PAGE_TYPES)


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
        return _list(path)

    def open(self, path: str, kind: str, limits: Limits) -> _WarcReader:
        return _WarcReader(path, limits)
