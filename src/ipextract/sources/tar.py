"""Tar archives. An uncompressed tar's members are addressed by header offset, so any worker can
seek to one; a compressed tar (.tar.gz, .tgz) is a stream, read through to a member by its index.
Links and devices are reported, never followed."""

from __future__ import annotations

import tarfile
import zlib
from collections.abc import Iterator
from typing import IO

from .candidates import SNIFF_BYTES, check_head, page_bytes
from .selection import Selection
from .units import Item, ItemError, Limits, Unit, error_unit

# --------------------------------------------------------------------------------------------
# Listing


def _list(path: str, selection: Selection, limits: Limits, *, compressed: bool) -> Iterator[Unit]:
    mode = "r|*" if compressed else "r:"
    budget = _Budget(limits) if compressed else None
    index = -1
    try:
        with open(path, "rb") as raw, tarfile.open(fileobj=raw, mode=mode) as tf:
            for index, info in enumerate(tf):
                tf.members.clear()  # tarfile keeps every header it read: 20k members, 400 MB
                if budget is not None and not budget.allow(raw.tell(), info.size):
                    yield error_unit(path, "bomb", budget.message, name=info.name)
                    return
                unit = _unit(path, index, info, selection, compressed)
                if unit is not None:
                    yield unit
            if not _ended_cleanly(tf, raw, compressed):
                yield error_unit(path, "truncated", f"archive ends after member {index + 1} without its "
                                                    "end marker: cut short or damaged, the rest is lost")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        yield error_unit(path, "truncated", f"archive damaged after member {index + 1}: {exc}")


def _ended_cleanly(tf: tarfile.TarFile, raw: IO[bytes], compressed: bool) -> bool:
    """tarfile ends a listing quietly at a cut or garbled header as at the end marker (a zero block):
    the block where the listing stopped must be there, and (when it can be read again) be zeros."""
    if compressed:
        return tf.fileobj.tell() - tf.offset >= tarfile.BLOCKSIZE  # type: ignore[union-attr]
    raw.seek(tf.offset)
    return raw.read(tarfile.BLOCKSIZE) == bytes(tarfile.BLOCKSIZE)


def _unit(path: str, index: int, info: tarfile.TarInfo, selection: Selection, compressed: bool) -> Unit | None:
    if info.isdir() or not selection.member_wanted(info.name):
        return None
    if not info.isreg():
        what = "link" if (info.issym() or info.islnk()) else "special file"
        return error_unit(path, "unsupported_member", f"archive member is a {what}", name=info.name)
    key = index if compressed else info.offset
    return Unit("tgz" if compressed else "tar", path, key=key, name=info.name, size=info.size)


class _Budget:
    """Decompressed-bytes accounting for a compressed stream, to stop a bomb before reading it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total = 0
        self.message = ""

    def allow(self, compressed_pos: int, next_size: int) -> bool:
        self.total += next_size
        if self.limits.is_bomb(self.total, compressed_pos):
            self.message = f"decompresses to over {self.limits.max_ratio:g}x its compressed size: refused as a bomb"
            return False
        return True


# --------------------------------------------------------------------------------------------
# Reading


def _member_data(archive: tarfile.TarFile, info: tarfile.TarInfo, unit: Unit, limits: Limits) -> Item:
    if info.name != unit.name:
        raise ItemError("changed", "archive changed since it was listed")
    fh = archive.extractfile(info)
    if fh is None:
        raise ItemError("unsupported_member", "archive member is not a regular file")
    if info.size > limits.max_bytes:
        check_head(fh.read(SNIFF_BYTES), unit.name, nested=True)
        raise limits.too_large(info.size)
    data = limits.read_bounded(fh)
    if len(data) < info.size:
        raise ItemError("truncated", "archive ends inside this member")
    return Item(unit.path, data=page_bytes(data, unit.name, limits, nested=True))


class _TarReader:
    """An uncompressed tar: each member read by seeking to its header."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.limits = limits
        self.handle = open(path, "rb")  # noqa: SIM115 - kept open across units, closed by close()
        try:
            self.archive = tarfile.open(fileobj=self.handle, mode="r:")  # noqa: SIM115 - closed by close()
        except BaseException:
            self.handle.close()
            raise

    def read(self, unit: Unit) -> Item:
        self.handle.seek(unit.key)
        info = tarfile.TarInfo.fromtarfile(self.archive)
        return _member_data(self.archive, info, unit, self.limits)

    def close(self) -> None:
        self.archive.close()
        self.handle.close()


class _StreamReader:
    """A compressed tar: read forward member by member; a unit behind the stream starts it again."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.handle: IO[bytes] | None = None
        self._start()

    def _start(self) -> None:
        self.close()
        handle = open(self.path, "rb")  # noqa: SIM115 - kept open across units, closed by close()
        try:
            self.archive = tarfile.open(fileobj=handle, mode="r|*")  # noqa: SIM115 - closed by close()
        except BaseException:
            handle.close()
            raise
        self.handle = handle
        self.members = iter(self.archive)
        self.index = -1

    def read(self, unit: Unit) -> Item:
        if unit.key <= self.index:
            self._start()
        for info in self.members:
            self.archive.members.clear()  # tarfile keeps every header it read (see _list)
            self.index += 1
            if self.index == unit.key:
                return _member_data(self.archive, info, unit, self.limits)
        raise ItemError("truncated", "archive ends before this member")

    def close(self) -> None:
        if self.handle is not None:
            self.archive.close()
            self.handle.close()
            self.handle = None


class Tar:
    kinds = ("tar",)
    streamed = False

    def claims(self, path: str) -> bool:
        return path.lower().endswith(".tar")

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        return _list(path, selection, limits, compressed=False)

    def open(self, path: str, kind: str, limits: Limits) -> _TarReader:
        return _TarReader(path, limits)


class CompressedTar:
    kinds = ("tgz",)
    streamed = True

    def claims(self, path: str) -> bool:
        return path.lower().endswith((".tar.gz", ".tgz"))

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        return _list(path, selection, limits, compressed=True)

    def open(self, path: str, kind: str, limits: Limits) -> _StreamReader:
        return _StreamReader(path, limits)
