"""A gzip-compressed page (`page.html.gz`): one document, decompressed as a bounded stream."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator

from .selection import Selection
from .units import Item, ItemError, Limits, Unit


class _GzipReader:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def read(self, unit: Unit) -> Item:
        compressed = os.path.getsize(unit.container)
        try:
            with gzip.open(unit.container, "rb") as fh:
                return Item(unit.path, data=self.limits.read_bounded(fh, compressed))
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise ItemError("truncated", f"damaged gzip data: {exc}") from exc

    def close(self) -> None:
        pass


class Gzipped:
    kinds = ("gzip",)
    streamed = False

    def claims(self, path: str) -> bool:
        return path.lower().endswith(".gz")

    def list_units(self, path: str, size: int, selection: Selection, limits: Limits) -> Iterator[Unit]:
        yield Unit("gzip", path, size=size)

    def open(self, path: str, kind: str, limits: Limits) -> _GzipReader:
        return _GzipReader(limits)
