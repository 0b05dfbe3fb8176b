"""Plain files and folders: a named file is one document; a folder is walked for the files its
selection wants, in sorted order, and each is a candidate judged by its content (`found` units).
`read_file` is also how `ipextract.parse_file` reads a page."""

from __future__ import annotations

import os
from collections.abc import Iterator

from .candidates import SNIFF_BYTES, check_head, page_bytes
from .selection import Selection
from .units import Item, ItemError, Limits, Unit, error_unit


def walk(root: str, selection: Selection, rel: str = "") -> Iterator[str | Unit]:
    """The wanted files under `root` (their paths), or an error unit for a folder that cannot be read.

    Entries are sorted by name at every level, so the order is the sorted order of relative paths.
    Symlinked folders are not followed: a link loop must not make the walk endless.
    """
    try:
        entries = sorted(os.scandir(os.path.join(root, rel) if rel else root), key=lambda e: e.name)
    except OSError as exc:
        yield error_unit(os.path.join(root, rel), "unreadable", exc.strerror or str(exc))
        return
    for entry in entries:
        child = f"{rel}/{entry.name}" if rel else entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from walk(root, selection, child)
        elif not selection.file_wanted(child) or selection.owned(entry.path):
            continue
        elif entry.is_dir() or entry.is_file() or not os.path.exists(entry.path):
            # A symlinked folder is never followed (its record: is_directory); a dangling link's
            # record is not_found.
            yield os.path.join(root, child)
        else:  # opening a FIFO would wait for a writer forever
            yield error_unit(os.path.join(root, child), "unsupported_member", "not a regular file")


def read_file(path: str, limits: Limits, *, candidate: bool = False) -> bytes:
    """The bytes of one page file; raises ItemError (is_directory, too_large, not_found, unreadable).

    `candidate`: the file was found in a folder, so it is taken only if it is a page (gzip of a
    page decompressed); what is not raises `skipped` — judged from its head, so a large video
    is skipped, not read.
    """
    if os.path.isdir(path):  # a symlink to a folder, named like a page: never walked
        raise ItemError("is_directory", "is a directory, not a page")
    try:
        size = os.path.getsize(path)
        if candidate and size > limits.max_bytes:
            with open(path, "rb") as fh:
                check_head(fh.read(SNIFF_BYTES), path, nested=False)
        if size > limits.max_bytes:
            raise limits.too_large(size, "file")
        with open(path, "rb") as fh:
            data = limits.read_bounded(fh)
        return page_bytes(data, path, limits, nested=False) if candidate else data
    except FileNotFoundError:
        raise ItemError("not_found", "no such file") from None
    except PermissionError:
        raise ItemError("unreadable", "permission denied") from None
    except OSError as exc:
        raise ItemError("unreadable", exc.strerror or str(exc)) from None


class _FileReader:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def read(self, unit: Unit) -> Item:
        return Item(unit.path, data=read_file(unit.container, self.limits, candidate=unit.kind == "found"))

    def close(self) -> None:
        pass


class Files:
    """Any file no archive format claims: a page when named, a candidate when found in a folder."""

    kinds = ("file", "found")
    streamed = False

    def claims(self, path: str) -> bool:
        return True

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        yield Unit("file", path, size=size)

    def open(self, path: str, kind: str, limits: Limits) -> _FileReader:
        return _FileReader(limits)
