"""Inputs -> documents: paths, folders, gzip pages, zip/tar/tar.gz members, WARC records, stdin lists.

Two steps, so that any process (a local worker, a Ray task on another machine) can read a part of
the input without the whole of it:

* `plan_units(inputs)` lists the input documents in a fixed order as `Unit`s — small, picklable
  addresses (a file, a zip member index, a tar header offset, a WARC record offset). Listing is
  cheap next to parsing and never holds a payload in memory.
* `read_units(units)` opens the addressed documents as streams (archives are never extracted to
  disk) and yields one `Item` per unit: the bytes plus container hints, or an error.

Every unit yields exactly one item, so a batch can account for every input document. Damage and
hostile archives (truncation, bombs, links, devices) become error units or error items, never an
exception and never unbounded memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import gzip
import os
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from .options import DEFAULT_MAX_BYTES

#: Files picked from folders and members picked from archives when no --include is given.
PAGE_GLOBS: tuple[str, ...] = (
    "*.html", "*.htm", "*.shtml", "*.xhtml", "*.txt",
    "*.html.gz", "*.htm.gz", "*.shtml.gz", "*.xhtml.gz", "*.txt.gz",
)
#: Archives found in folders are expanded by default too.
ARCHIVE_GLOBS: tuple[str, ...] = ("*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.warc", "*.warc.gz")

#: Unit kinds whose documents live inside a container (their path is `container::name`).
ARCHIVE_KINDS = frozenset({"zip", "zipscan", "tar", "tgz", "warc"})

#: Payload content types taken from WARC records (a missing type is taken too).
_WARC_TYPES = ("text/html", "text/plain", "application/xhtml")


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits applied while reading, before any byte reaches the parser.

    max_bytes: a document larger than this (after decompression) is an error `too_large`.
    max_ratio: decompressed/compressed above this, once past `ratio_floor` bytes, is an error
        `bomb`; real pages compress 5-20x, bombs 1000x.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_ratio: float = 200.0
    ratio_floor: int = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Unit:
    """The address of one input document, openable again in any process (picklable, JSON-able).

    kind: file | gzip | zip | zipscan | tar | tgz | warc | error.
    key: zip info index, zip local header offset (zipscan), tar header offset, tgz member index
        or WARC record offset.
    name: member name or WARC record id (empty for plain files and container-level errors).
    """

    kind: str
    container: str
    key: int = 0
    name: str = ""
    size: int = 0
    error_kind: str | None = None
    error: str | None = None

    @property
    def path(self) -> str:
        return display_name(f"{self.container}::{self.name}" if self.name else self.container)

    def to_list(self) -> list[object]:
        """Compact, stable form used in shard fingerprints."""
        return [self.kind, self.container, self.key, self.name, self.error_kind]


@dataclass(slots=True)
class Item:
    """One document's bytes with the hints its container gives, or the reason there are none."""

    path: str
    data: bytes | None = None
    url: str | None = None
    ref_date: dt.date | None = None
    declared_charset: str | None = None
    error_kind: str | None = None
    error: str | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


def _error_unit(container: str, kind: str, message: str, name: str = "") -> Unit:
    return Unit("error", container, name=name, error_kind=kind, error=message)


# --------------------------------------------------------------------------------------------
# Planning: inputs -> units, in a fixed order


def container_kind(path: str) -> str:
    """file | gzip | zip | tar | tgz | warc, from the name (archives are named for what they are)."""
    low = path.lower()
    if low.endswith((".warc", ".warc.gz")):
        return "warc"
    if low.endswith((".tar.gz", ".tgz")):
        return "tgz"
    if low.endswith(".tar"):
        return "tar"
    if low.endswith(".zip"):
        return "zip"
    if low.endswith(".gz"):
        return "gzip"
    return "file"


def read_path_list(stream: IO[str]) -> list[str]:
    """The paths in a list given on stdin, one per line; blank lines and #-comments skipped."""
    return [s for s in (line.strip() for line in stream) if s and not s.startswith("#")]


def _matches(name: str, globs: Iterable[str]) -> bool:
    base = name.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(base, g) for g in globs)


@dataclass(frozen=True, slots=True)
class Selection:
    """--include / --exclude globs, matched against relative paths, member names and base names."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def file_wanted(self, rel: str) -> bool:
        wanted = _matches(rel, self.include) if self.include else _matches(rel, PAGE_GLOBS + ARCHIVE_GLOBS)
        return wanted and not _matches(rel, self.exclude)

    def member_wanted(self, name: str) -> bool:
        wanted = _matches(name, self.include) if self.include else _matches(name, PAGE_GLOBS)
        return wanted and not _matches(name, self.exclude)


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
            yield from _walk(path, selection, limits)
        elif os.path.exists(path):
            yield from _plan_file(path, selection, limits)
        else:
            yield _error_unit(path, "not_found", "no such file or directory")


def _walk(root: str, selection: Selection, limits: Limits, rel: str = "") -> Iterator[Unit]:
    """Entries sorted by name at every level, so the order is the sorted order of relative paths.

    Symlinked folders are not followed: a link loop must not make the walk endless.
    """
    try:
        entries = sorted(os.scandir(os.path.join(root, rel) if rel else root), key=lambda e: e.name)
    except OSError as exc:
        yield _error_unit(os.path.join(root, rel), "unreadable", exc.strerror or str(exc))
        return
    for entry in entries:
        child = f"{rel}/{entry.name}" if rel else entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(root, selection, limits, child)
        elif selection.file_wanted(child):
            yield from _plan_file(os.path.join(root, child), selection, limits)


def _plan_file(path: str, selection: Selection, limits: Limits) -> Iterator[Unit]:
    kind = container_kind(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        yield _error_unit(path, "unreadable", exc.strerror or str(exc))
        return
    lister = _LISTERS.get(kind)
    if lister is None:
        yield Unit(kind, path, size=size)
        return
    try:
        yield from lister(path, selection, limits)
    except OSError as exc:
        yield _error_unit(path, "unreadable", exc.strerror or str(exc))


def _list_zip(path: str, selection: Selection, limits: Limits) -> Iterator[Unit]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        # A zip cut short loses its central directory, which is at the end: the members before
        # the damage are found by walking their local headers from the start instead (as for a
        # directory zipfile refuses: NotImplementedError for a version it does not know).
        yield from _scan_zip(path, selection, str(exc))
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


def _scan_zip(path: str, selection: Selection, why: str) -> Iterator[Unit]:
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
    yield _error_unit(path, "truncated", f"zip archive damaged ({why}); {count} members before the damage "
                                         "were read from their local headers, the rest is lost")


def display_name(name: str) -> str:
    """A file or member name fit for output: names that are not UTF-8 on disk or in a tar arrive
    with surrogate escapes, which no UTF-8 writer accepts; they are read as GB18030 (what Chinese
    systems wrote), else with replacement characters. Opening always uses the raw name.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace")
    return name


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


def _list_tar(path: str, selection: Selection, limits: Limits) -> Iterator[Unit]:
    """Uncompressed tar: members are addressed by header offset, so any worker can seek to one."""
    compressed = container_kind(path) == "tgz"
    mode = "r|*" if compressed else "r:"
    budget = _Budget(limits) if compressed else None
    index = -1
    try:
        with open(path, "rb") as raw, tarfile.open(fileobj=raw, mode=mode) as tf:
            for index, info in enumerate(tf):
                if budget is not None and not budget.allow(raw.tell(), info.size):
                    yield _error_unit(path, "bomb", budget.message, name=info.name)
                    return
                unit = _tar_unit(path, index, info, selection, compressed)
                if unit is not None:
                    yield unit
            if not _ended_cleanly(tf, raw, compressed):
                yield _error_unit(path, "truncated", f"archive ends after member {index + 1} without its "
                                                     "end marker: cut short or damaged, the rest is lost")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        yield _error_unit(path, "truncated", f"archive damaged after member {index + 1}: {exc}")


def _ended_cleanly(tf: tarfile.TarFile, raw: IO[bytes], compressed: bool) -> bool:
    """tarfile ends a listing quietly at a cut or garbled header as at the end marker (a zero block):
    the block where the listing stopped must be there, and (when it can be read again) be zeros."""
    if compressed:
        return tf.fileobj.tell() - tf.offset >= tarfile.BLOCKSIZE  # type: ignore[union-attr]
    raw.seek(tf.offset)
    return raw.read(tarfile.BLOCKSIZE) == bytes(tarfile.BLOCKSIZE)


def _tar_unit(
    path: str, index: int, info: tarfile.TarInfo, selection: Selection, compressed: bool
) -> Unit | None:
    if info.isdir() or not selection.member_wanted(info.name):
        return None
    if not info.isreg():
        # Links and devices are never followed: they are reported, not read.
        what = "link" if (info.issym() or info.islnk()) else "special file"
        return _error_unit(path, "unsupported_member", f"archive member is a {what}", name=info.name)
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
        lim = self.limits
        if self.total > lim.ratio_floor and self.total > lim.max_ratio * max(compressed_pos, 1):
            self.message = (
                f"decompresses to over {lim.max_ratio:g}x its compressed size: refused as a bomb"
            )
            return False
        return True


def _list_warc(path: str, selection: Selection, limits: Limits) -> Iterator[Unit]:
    """WARC response/resource records with an HTML or text payload, addressed by record offset."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                if record.rec_type not in ("response", "resource"):
                    continue
                if not _is_page_record(record):
                    continue
                rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                length = _int(record.rec_headers.get_header("Content-Length"))
                offset = it.get_record_offset()
                count += 1
                yield Unit("warc", path, key=offset, name=rid or f"record-{offset}", size=length)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield _error_unit(path, "truncated", f"WARC damaged after record {count}: {exc}")
    except Exception as exc:  # warcio is not hardened: garbled headers raise anything
        yield _error_unit(path, "truncated", f"WARC damaged after record {count}: {type(exc).__name__}: {exc}")


def _is_page_record(record: object) -> bool:
    ctype = _payload_type(record)
    return not ctype or ctype.startswith(_WARC_TYPES)


def _payload_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    if http is not None:
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    return ctype.split(";", 1)[0].strip().lower()


def _int(value: str | None) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        return 0


_LISTERS = {"zip": _list_zip, "tar": _list_tar, "tgz": _list_tar, "warc": _list_warc}


# --------------------------------------------------------------------------------------------
# Reading: units -> items, one item per unit


def read_units(units: Iterable[Unit], limits: Limits | None = None) -> Iterator[Item]:
    """Open each unit and yield its Item, in order; consecutive members share one open archive."""
    limits = limits or Limits()
    opened = _Opened(limits)
    try:
        for unit in units:
            try:
                yield opened.read(unit)
            except _ItemError as exc:
                yield Item(unit.path, error_kind=exc.kind, error=exc.message)
            except (OSError, EOFError, zlib.error, zipfile.BadZipFile, tarfile.TarError) as exc:
                opened.close()
                yield Item(unit.path, error_kind="truncated", error=f"cannot read: {exc}")
            except ValueError as exc:  # a damaged header a reading library could not take
                opened.close()
                yield Item(unit.path, error_kind="corrupt", error=f"cannot read: {str(exc)[:200]}")
    finally:
        opened.close()


class _ItemError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message


class _Opened:
    """The archive currently open, reused while consecutive units come from it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.path: str | None = None
        self.kind: str | None = None
        self.handle: IO[bytes] | None = None
        self.archive: zipfile.ZipFile | tarfile.TarFile | None = None
        self.tar_iter: Iterator[tarfile.TarInfo] | None = None
        self.tar_index = -1

    def close(self) -> None:
        for thing in (self.archive, self.handle):
            if thing is not None:
                with contextlib.suppress(Exception):
                    thing.close()
        self.path = self.kind = self.handle = self.archive = self.tar_iter = None
        self.tar_index = -1

    def _open(self, unit: Unit) -> None:
        if self.path == unit.container and self.kind == unit.kind:
            return
        self.close()
        self.handle = open(unit.container, "rb")  # noqa: SIM115 - kept open across units
        self.path, self.kind = unit.container, unit.kind
        if unit.kind == "zip":
            self.archive = zipfile.ZipFile(self.handle)
        elif unit.kind == "tar":
            self.archive = tarfile.open(fileobj=self.handle, mode="r:")  # noqa: SIM115
        elif unit.kind == "tgz":
            self.archive = tarfile.open(fileobj=self.handle, mode="r|*")  # noqa: SIM115
            self.tar_iter = iter(self.archive)
        # zipscan: the handle alone, read at local header offsets

    def read(self, unit: Unit) -> Item:
        if unit.kind == "error":
            return Item(unit.path, error_kind=unit.error_kind, error=unit.error)
        if unit.kind == "file":
            return Item(unit.path, data=self._read_file(unit.container))
        if unit.kind == "gzip":
            return Item(unit.path, data=self._read_gzip(unit.container))
        if unit.kind == "tgz" and self.path == unit.container and unit.key <= self.tar_index:
            self.close()  # a stream cannot go back: start it again
        self._open(unit)
        if unit.kind == "zip":
            return Item(unit.path, data=self._read_zip(unit))
        if unit.kind == "zipscan":
            return Item(unit.path, data=self._read_zip_scan(unit))
        if unit.kind in ("tar", "tgz"):
            return Item(unit.path, data=self._read_tar(unit))
        if unit.kind == "warc":
            return self._read_warc(unit)
        raise _ItemError("internal", f"unknown input kind {unit.kind!r}")

    def _too_large(self, size: int) -> _ItemError:
        return _ItemError("too_large", f"document is over {size} bytes, beyond the limit of "
                                       f"{self.limits.max_bytes}")

    def _bounded(self, stream: IO[bytes], compressed: int | None) -> bytes:
        data = stream.read(self.limits.max_bytes + 1)
        if len(data) > self.limits.max_bytes:
            raise self._too_large(self.limits.max_bytes)
        if compressed is not None:
            self._check_ratio(len(data), compressed)
        return data

    def _check_ratio(self, size: int, compressed: int) -> None:
        lim = self.limits
        if size > lim.ratio_floor and size > lim.max_ratio * max(compressed, 1):
            raise _ItemError("bomb", f"decompresses to over {lim.max_ratio:g}x its compressed size")

    def _read_file(self, path: str) -> bytes:
        if os.path.isdir(path):  # a symlink to a folder, named like a page: never walked
            raise _ItemError("is_directory", "is a directory, not a page")
        size = os.path.getsize(path)
        if size > self.limits.max_bytes:
            raise self._too_large(size)
        with open(path, "rb") as fh:
            return self._bounded(fh, None)

    def _read_gzip(self, path: str) -> bytes:
        compressed = os.path.getsize(path)
        try:
            with gzip.open(path, "rb") as fh:
                return self._bounded(fh, compressed)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise _ItemError("truncated", f"damaged gzip data: {exc}") from exc

    def _read_zip(self, unit: Unit) -> bytes:
        assert isinstance(self.archive, zipfile.ZipFile)
        infos = self.archive.infolist()
        if unit.key >= len(infos) or zip_member_name(infos[unit.key]) != unit.name:
            raise _ItemError("changed", "archive changed since it was listed")
        info = infos[unit.key]
        if info.file_size > self.limits.max_bytes:
            raise self._too_large(info.file_size)
        self._check_ratio(info.file_size, info.compress_size)
        if info.flag_bits & 0x1:
            raise _ItemError("encrypted", "archive member is encrypted")
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            # A symbolic link stored by a Unix zipper: its data is the target's path. Never followed.
            raise _ItemError("unsupported_member", "archive member is a link")
        try:
            with self.archive.open(info) as fh:
                return self._bounded(fh, info.compress_size)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise _ItemError("corrupt", f"damaged archive member: {exc}") from exc
        except NotImplementedError as exc:
            raise _ItemError("unsupported_member", f"cannot decompress member: {exc}") from exc

    def _read_zip_scan(self, unit: Unit) -> bytes:
        """A member found by `_scan_zip`: stored or deflated, size and CRC checked."""
        assert self.handle is not None
        found = _local_member(self.handle, unit.key)
        if found is None or found[1] != unit.name:
            raise _ItemError("changed", "archive changed since it was listed")
        (_, _, flags, method, _, _, crc, csize, usize, _, _), _, start = found
        if usize > self.limits.max_bytes or csize > self.limits.max_bytes:
            raise self._too_large(max(usize, csize))
        self._check_ratio(usize, csize)
        if flags & 0x1:
            raise _ItemError("encrypted", "archive member is encrypted")
        self.handle.seek(start)
        raw = self.handle.read(csize)
        if method == zipfile.ZIP_STORED:
            data = raw
        elif method == zipfile.ZIP_DEFLATED:
            inflater = zlib.decompressobj(-15)
            try:
                data = inflater.decompress(raw, self.limits.max_bytes + 1)
            except zlib.error as exc:
                raise _ItemError("corrupt", f"damaged archive member: {exc}") from exc
            if len(data) > self.limits.max_bytes:
                raise self._too_large(self.limits.max_bytes)
            if not inflater.eof:
                raise _ItemError("corrupt", "damaged archive member: deflate data ends early")
        else:
            raise _ItemError("unsupported_member", f"cannot decompress member (method {method})")
        if len(data) != usize or zlib.crc32(data) != crc:
            raise _ItemError("corrupt", "damaged archive member: size or CRC does not match")
        return data

    def _read_tar(self, unit: Unit) -> bytes:
        assert isinstance(self.archive, tarfile.TarFile)
        if unit.kind == "tar":
            assert self.handle is not None
            self.handle.seek(unit.key)
            info = tarfile.TarInfo.fromtarfile(self.archive)
        else:
            info = self._advance_to(unit.key)
        if info.name != unit.name:
            raise _ItemError("changed", "archive changed since it was listed")
        if info.size > self.limits.max_bytes:
            raise self._too_large(info.size)
        fh = self.archive.extractfile(info)
        if fh is None:
            raise _ItemError("unsupported_member", "archive member is not a regular file")
        data = self._bounded(fh, None)
        if len(data) < info.size:
            raise _ItemError("truncated", "archive ends inside this member")
        return data

    def _advance_to(self, index: int) -> tarfile.TarInfo:
        assert self.tar_iter is not None
        for info in self.tar_iter:
            self.tar_index += 1
            if self.tar_index == index:
                return info
        raise _ItemError("truncated", "archive ends before this member")

    def _read_warc(self, unit: Unit) -> Item:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        assert self.handle is not None
        self.handle.seek(unit.key)
        try:
            record = next(iter(ArchiveIterator(self.handle)), None)
        except ArchiveLoadFailed as exc:
            raise _ItemError("corrupt", f"not a WARC record at offset {unit.key}: {str(exc)[:80]}") from None
        except (OSError, EOFError, zlib.error):
            raise
        except Exception as exc:  # warcio is not hardened: garbled headers raise anything
            raise _ItemError("corrupt", f"garbled WARC record at offset {unit.key}: {type(exc).__name__}") from None
        if record is None:
            raise _ItemError("truncated", "WARC ends before this record")
        headers = record.rec_headers
        rid = (headers.get_header("WARC-Record-ID") or "").strip("<>")
        if rid and rid != unit.name:
            raise _ItemError("changed", "archive changed since it was listed")
        length = _int(headers.get_header("Content-Length"))
        if length > self.limits.max_bytes + 65536:  # room for HTTP headers
            raise self._too_large(length)
        data = self._bounded(record.content_stream(), None)
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise _ItemError("truncated", "WARC ends inside this record")
        return Item(
            unit.path,
            data=data,
            url=headers.get_header("WARC-Target-URI") or None,
            ref_date=_warc_date(headers.get_header("WARC-Date")),
            declared_charset=_http_charset(record),
        )


def _warc_date(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _http_charset(record: object) -> str | None:
    http = getattr(record, "http_headers", None)
    if http is None:
        return None
    ctype = http.get_header("Content-Type") or ""
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def iter_items(
    inputs: Iterable[str], selection: Selection | None = None, limits: Limits | None = None
) -> Iterator[Item]:
    """Plan and read in one go: every input document as an Item, in input order."""
    limits = limits or Limits()
    return read_units(plan_units(inputs, selection, limits), limits)

