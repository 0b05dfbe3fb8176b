"""Zip archives: members listed from the central directory and read by their index; a zip whose
central directory is lost (cut short, or refused by zipfile) is read from its local headers."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from .candidates import SNIFF_BYTES, check_head, page_bytes
from .selection import Selection
from .units import Item, ItemError, Limits, Unit, error_unit


def zip_member_name(info: zipfile.ZipInfo) -> str:
    """The member name, decoded as the archiver meant it.

    Zips made on Chinese Windows store names in GBK without the UTF-8 flag, and zipfile then
    decodes them as cp437 (mojibake); such names are re-read as UTF-8, else GB18030.
    """
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


# --------------------------------------------------------------------------------------------
# Listing


def _list(path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        # A zip cut short loses its central directory, which is at the end: the members before
        # the damage are found by walking their local headers from the start instead (as for a
        # directory zipfile refuses: NotImplementedError for a version it does not know).
        yield from _scan(path, selection, str(exc))
        return
    for index, info in enumerate(infos):
        name = zip_member_name(info)
        # Not info.is_dir(): it indexes the name's last character, and a damaged central
        # directory can hold an empty name (such a member is read like any other).
        if info.filename.endswith("/") or not selection.member_wanted(name):
            continue
        yield Unit("zip", path, key=index, name=name, size=info.file_size)


#: A zip local file header: signature, version, flags, method, time, date, CRC-32, compressed
#: size, size, name length, extra field length.
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIG = b"PK\x03\x04"


def _local_member(fh: IO[bytes], offset: int) -> tuple[tuple[int, ...], str, int] | None:
    """The local header at `offset`: its fields, the member name and where its data starts."""
    fh.seek(offset)
    head = fh.read(_LOCAL_HEADER.size)
    if len(head) < _LOCAL_HEADER.size or head[:4] != _LOCAL_SIG:
        return None
    fields = _LOCAL_HEADER.unpack(head)
    raw_name = fh.read(fields[9])
    info = zipfile.ZipInfo(raw_name.decode("utf-8" if fields[2] & 0x800 else "cp437", "replace"))
    info.flag_bits = fields[2]
    return fields, zip_member_name(info), offset + _LOCAL_HEADER.size + fields[9] + fields[10]


def _scan(path: str, selection: Selection, why: str) -> Iterator[Unit]:
    """Members of a zip without a readable central directory, from their local headers; then one
    error unit for what could not be reached (a cut member, sizes left to a data descriptor)."""
    size = os.path.getsize(path)
    offset = count = 0
    with open(path, "rb") as fh:
        while (found := _local_member(fh, offset)) is not None:
            fields, name, data_start = found
            end = data_start + fields[7]
            if fields[2] & 0x8 or end > size:  # sizes only after the data, or the data is cut
                break
            if not name.endswith("/") and selection.member_wanted(name):
                yield Unit("zipscan", path, key=offset, name=name, size=fields[8])
            count += 1
            offset = end
    yield error_unit(path, "truncated", f"zip archive damaged ({why}); {count} members before the damage "
                                        "were read from their local headers, the rest is lost")


# --------------------------------------------------------------------------------------------
# Reading


class _ZipReader:
    """Members by their index in the central directory."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.limits = limits
        self.archive = zipfile.ZipFile(path)

    def read(self, unit: Unit) -> Item:
        infos = self.archive.infolist()
        if unit.key >= len(infos) or zip_member_name(infos[unit.key]) != unit.name:
            raise ItemError("changed", "archive changed since it was listed")
        info = infos[unit.key]
        if info.file_size > self.limits.max_bytes:
            self._check_head(info, unit.name)
            raise self.limits.too_large(info.file_size)
        if self.limits.is_bomb(info.file_size, info.compress_size):
            raise self.limits.bomb()
        if info.flag_bits & 0x1:
            raise ItemError("encrypted", "archive member is encrypted")
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            # A symbolic link stored by a Unix zipper: its data is the target's path. Never followed.
            raise ItemError("unsupported_member", "archive member is a link")
        try:
            with self.archive.open(info) as fh:
                data = self.limits.read_bounded(fh, info.compress_size)
            return Item(unit.path, data=page_bytes(data, unit.name, self.limits, nested=True))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ItemError("corrupt", f"damaged archive member: {exc}") from exc
        except NotImplementedError as exc:
            raise ItemError("unsupported_member", f"cannot decompress member: {exc}") from exc

    def _check_head(self, info: zipfile.ZipInfo, name: str) -> None:
        """Raise for a member too large to read whose head shows it is no page (skipped, not too_large)."""
        if info.flag_bits & 0x1:
            return
        try:
            with self.archive.open(info) as fh:
                head = fh.read(SNIFF_BYTES)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            return
        check_head(head, name, nested=True)

    def close(self) -> None:
        self.archive.close()


class _ScanReader:
    """Members found by `_scan`, by their local header offset: stored or deflated, size and CRC checked."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.limits = limits
        self.handle = open(path, "rb")  # noqa: SIM115 - kept open across units, closed by close()

    def read(self, unit: Unit) -> Item:
        found = _local_member(self.handle, unit.key)
        if found is None or found[1] != unit.name:
            raise ItemError("changed", "archive changed since it was listed")
        (_, _, flags, method, _, _, crc, csize, usize, _, _), _, start = found
        if usize > self.limits.max_bytes or csize > self.limits.max_bytes:
            raise self.limits.too_large(max(usize, csize))
        if self.limits.is_bomb(usize, csize):
            raise self.limits.bomb()
        if flags & 0x1:
            raise ItemError("encrypted", "archive member is encrypted")
        self.handle.seek(start)
        data = self._inflate(method, self.handle.read(csize))
        if len(data) != usize or zlib.crc32(data) != crc:
            raise ItemError("corrupt", "damaged archive member: size or CRC does not match")
        return Item(unit.path, data=page_bytes(data, unit.name, self.limits, nested=True))

    def _inflate(self, method: int, raw: bytes) -> bytes:
        if method == zipfile.ZIP_STORED:
            return raw
        if method != zipfile.ZIP_DEFLATED:
            raise ItemError("unsupported_member", f"cannot decompress member (method {method})")
        inflater = zlib.decompressobj(-15)
        try:
            data = inflater.decompress(raw, self.limits.max_bytes + 1)
        except zlib.error as exc:
            raise ItemError("corrupt", f"damaged archive member: {exc}") from exc
        if len(data) > self.limits.max_bytes:
            raise self.limits.too_large(None)
        if not inflater.eof:
            raise ItemError("corrupt", "damaged archive member: deflate data ends early")
        return data

    def close(self) -> None:
        self.handle.close()


class Zip:
    kinds = ("zip", "zipscan")
    streamed = False

    def claims(self, path: str) -> bool:
        return path.lower().endswith(".zip")

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        return _list(path, size, selection, limits)

    def open(self, path: str, kind: str, limits: Limits) -> _ZipReader | _ScanReader:
        return _ScanReader(path, limits) if kind == "zipscan" else _ZipReader(path, limits)
