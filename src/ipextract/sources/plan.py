"""Inputs -> units -> items: the formats in the order they claim a file name, planning and reading."""

from __future__ import annotations

import contextlib
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from ..sniff import archive_kind
from . import files
from .gzipped import Gzipped
from .selection import Selection
from .tar import CompressedTar, Tar
from .units import Format, Item, ItemError, Limits, Reader, Unit, error_unit
from .warc import Warc
from .zip import Zip

#: In the order they are asked: the first that claims a file's name reads it (`x.warc.gz` is a
#: WARC, not a gzip page); every file nobody else claims is a page.
FORMATS: tuple[Format, ...] = (Warc(), CompressedTar(), Tar(), Zip(), Gzipped(), files.Files())
_BY_KIND: dict[str, Format] = {kind: fmt for fmt in FORMATS for kind in fmt.kinds}


def format_of(path: str) -> Format:
    """The format that reads the file at `path`, from its name."""
    return next(fmt for fmt in FORMATS if fmt.claims(path))


def read_path_list(stream: IO[str]) -> list[str]:
    """The paths in a list given on stdin, one per line; blank lines and #-comments skipped."""
    return [s for s in (line.strip() for line in stream) if s and not s.startswith("#")]


def plan_units(
    inputs: Iterable[str], selection: Selection | None = None, limits: Limits | None = None
) -> Iterator[Unit]:
    """Every input document as a Unit, in input order (folders walked in sorted order).

    Named files are taken whatever their name; folder entries and archive members go through the
    selection. A missing path is one error unit, so it is reported like any other bad input.
    """
    selection = selection or Selection()
    limits = limits or Limits()
    for raw in inputs:
        path = str(raw)
        if os.path.isdir(path):
            for found in files.walk(path, selection):
                if isinstance(found, Unit):
                    yield found
                else:
                    yield from _plan_file(found, selection, limits, found=True)
        elif os.path.exists(path):
            yield from _plan_file(path, selection, limits)
        else:
            yield error_unit(path, "not_found", "no such file or directory")


def _plan_file(path: str, selection: Selection, limits: Limits, *, found: bool = False) -> Iterator[Unit]:
    """The units of one file. A file no archive claims by its name may still be one (a download
    saved as `index`): unless its name says it is a page, its first bytes are looked at."""
    try:
        size = os.path.getsize(path)
        fmt = format_of(path)
        if isinstance(fmt, (files.Files, Gzipped)) and not Selection.page_named(path) and not os.path.isdir(path):
            fmt = _archive_by_content(path) or fmt
        if found and isinstance(fmt, (files.Files, Gzipped)):
            yield Unit("found", path, size=size)  # a candidate: the reader sniffs it
            return
        yield from fmt.list_units(path, size, selection, limits)
    except OSError as exc:
        yield error_unit(path, "unreadable", exc.strerror or str(exc))


def _archive_by_content(path: str) -> Format | None:
    """The archive format of the file's bytes (a gzip looked into for a tar or a WARC), or None."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    kind = archive_kind(head)
    if kind == "gzip":
        try:
            inner = zlib.decompressobj(31).decompress(head, 1024)
        except zlib.error:
            return None
        kind = {"tar": "tgz", "warc": "warc"}.get(archive_kind(inner) or "")
    return _BY_KIND.get(kind) if kind in ("zip", "tar", "tgz", "warc") else None


def read_units(units: Iterable[Unit], limits: Limits | None = None) -> Iterator[Item]:
    """Open each unit and yield its Item, in order; consecutive units of one container share one reader.

    The reader of an archive stays open after the call (see `_KEPT`): the next shard a worker is
    given usually comes later in the same archive, and must not read it again from the start.
    """
    opened = _OpenContainer(limits or Limits())
    try:
        for unit in units:
            yield _read(unit, opened)
    finally:
        opened.release()


def _read(unit: Unit, opened: _OpenContainer) -> Item:
    """The unit's Item; damage the format's reader did not name becomes `truncated` or `corrupt`."""
    if unit.kind == "error":
        return Item(unit.path, error_kind=unit.error_kind, error=unit.error)
    try:
        return opened.read(unit)
    except ItemError as exc:
        return Item(unit.path, error_kind=exc.kind, error=exc.message)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, tarfile.TarError) as exc:
        opened.close()
        return Item(unit.path, error_kind="truncated", error=f"cannot read: {exc}")
    except ValueError as exc:  # a damaged header a reading library could not take
        opened.close()
        return Item(unit.path, error_kind="corrupt", error=f"cannot read: {str(exc)[:200]}")


#: Kinds whose reader is worth keeping between calls: a tar.gz stream (read forward, never again
#: from the start while shards come in order) and a zip (its central directory read once).
_KEEP_KINDS = ("tgz", "zip")


class _Kept:
    """The archive reader this process keeps open between `read_units` calls (one: bounded handles).

    Tied to the process that opened it: a forked child must not share its file offset."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.address: tuple[str, str] | None = None
        self.reader: Reader | None = None
        self.key: tuple[object, ...] = ()

    def take(self, address: tuple[str, str], limits: Limits) -> Reader | None:
        """The kept reader of `address`, when it was opened with these limits on this very file."""
        if self.pid != os.getpid():
            self.pid, self.reader, self.address = os.getpid(), None, None
        reader, key = self.reader, self.key
        self.reader = self.address = None
        if reader is not None and key != (address, limits, _identity(address[0])):
            _close(reader)
            return None
        return reader

    def give(self, address: tuple[str, str], reader: Reader, limits: Limits) -> None:
        if self.reader is not None:
            _close(self.reader)
        self.reader, self.address, self.key = reader, address, (address, limits, _identity(address[0]))


def _identity(path: str) -> tuple[int, int, int]:
    """What tells a file that changed on disk from the one a kept reader has open."""
    try:
        st = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _close(reader: Reader) -> None:
    with contextlib.suppress(Exception):  # a damaged container may fail to close: it is done
        reader.close()


_KEPT = _Kept()


class _OpenContainer:
    """The reader of the container being read, kept while consecutive units come from it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.address: tuple[str, str] | None = None
        self.reader: Reader | None = None

    def read(self, unit: Unit) -> Item:
        if self.reader is None or self.address != (unit.container, unit.kind):
            self.release()
            address = (unit.container, unit.kind)
            kept = _KEPT.take(address, self.limits) if unit.kind in _KEEP_KINDS else None
            self.reader = kept or _BY_KIND[unit.kind].open(unit.container, unit.kind, self.limits)
            self.address = address
        return self.reader.read(unit)

    def release(self) -> None:
        """Done with the current reader: kept for the next call when worth it, else closed."""
        if self.reader is not None and self.address is not None and self.address[1] in _KEEP_KINDS:
            _KEPT.give(self.address, self.reader, self.limits)
        elif self.reader is not None:
            _close(self.reader)
        self.reader = self.address = None

    def close(self) -> None:
        """Drop the current reader: after a read error it may be in any state."""
        if self.reader is not None:
            _close(self.reader)
        self.reader = self.address = None


def iter_items(
    inputs: Iterable[str], selection: Selection | None = None, limits: Limits | None = None
) -> Iterator[Item]:
    """Plan and read in one go: every input document as an Item, in input order."""
    limits = limits or Limits()
    return read_units(plan_units(inputs, selection, limits), limits)
