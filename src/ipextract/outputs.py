"""Where `parse` writes: the format (from --format or the -o extension) and the checks made
before any page is parsed, so a bad output costs one line and no work."""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from .document import Document
from .writers import (
    atomic_output,
    check_output,
    output_format,
    require_pyarrow,
    write_csv,
    write_json,
    write_jsonl,
    write_parquet_folder,
)

#: What `parse` can write.
PARSE_FORMATS = ("json", "jsonl", "csv", "parquet")


@dataclass(frozen=True, slots=True)
class ParseOutput:
    """A checked output of `parse`: `path` None is stdout."""

    path: str | None
    format: str
    gzip: bool = False
    pretty: bool = False
    bom: bool = False

    @classmethod
    def plan(cls, path: str | None, given: str | None, *, pretty: bool, bom: bool) -> ParseOutput:
        """Decide the format and check the output can be written; raises FormatError or OutputError."""
        path = None if path == "-" else path
        chosen = output_format(path, given, default="json", offered=PARSE_FORMATS)
        if chosen.format == "parquet":
            if path is None:
                raise ValueError("Parquet output needs -o FOLDER (e.g. -o tables.parquet)")
            require_pyarrow()
        if path is not None:
            check_output(path, folder=chosen.format == "parquet")
        return cls(path, chosen.format, chosen.gzip, pretty, bom)

    def write(self, docs: list[Document]) -> None:
        if self.format == "parquet":
            assert self.path is not None
            write_parquet_folder(docs, self.path)
            return
        with self._open() as out:
            if self.format == "csv":
                write_csv(docs, out, bom=self.bom)
            elif self.format == "jsonl":
                write_jsonl(docs, out)
            else:
                write_json(docs, out, pretty=self.pretty)

    @contextmanager
    def _open(self) -> Iterator[IO[str]]:
        if self.path is None:
            yield sys.stdout
            sys.stdout.flush()
            return
        if not self.gzip:
            with atomic_output(self.path) as fh:
                yield fh
            return
        with atomic_output(self.path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            # mtime=0: the same pages give byte-identical output
            text = io.TextIOWrapper(gz, encoding="utf-8", newline="")
            yield text
            text.flush()
            text.detach()  # gz is closed by its own context, after the wrapper lets go


#: Bytes read from an input to tell an archive from a page.
_HEAD_BYTES = 65536


def refuse_archive(path: str) -> None:
    """Raise ValueError when `path` is a WARC, zip or tar (any compression): `parse` reads one page,
    and would stitch an archive's records into one document."""
    from .sniff import archive_description

    if path == "-" or not os.path.isfile(path):
        return  # stdin, a FIFO or a device: reading its head would consume the page
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError:
        return  # parse reports a missing or unreadable input itself
    what = archive_description(head)
    if what is not None:
        raise ValueError(f"{path} is {what}: use `ipextract batch` to read its pages")
