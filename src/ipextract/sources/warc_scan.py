"""Where the records of a WARC file are, found without trusting any one record's Content-Length.

A record whose Content-Length lies (too large, too short) made a reader that jumps by the length
land outside the next record: the rest of the file was lost, or the next record's headers read
as this one's text. So each record's length is checked against where the next record starts:

* a plain `.warc`: the declared end must be followed by the record's blank line and then the
  next `WARC/1.x` header (or the end of the file); when it is not, the next header is searched
  for after the liar's own headers;
* a `.warc.gz`: every record is one gzip member, so the member's decompressed size must be the
  headers plus the declared length; the next record is the next gzip member whatever the liar says
  (found by decompressing the member through, or, past the size limit, by searching for the next
  member that decompresses to a WARC header).

The liar becomes one `bad_length` error record; the records around it are read as usual.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

#: How much of a record is looked at for its WARC and HTTP headers.
HEAD_BYTES = 65536
_CHUNK = 1 << 20
_WARC_START = b"WARC/1."
_NEXT_HEADER = re.compile(rb"\nWARC/1\.[01]\r?\n")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_END = b"\r\n\r\n"


@dataclass(slots=True)
class Span:
    """One record found in the file: where it starts, its headers, and what is wrong with it."""

    offset: int
    headers: dict[str, str] = field(default_factory=dict)
    #: The first bytes of the record's content (HTTP headers and payload start).
    content_head: bytes = b""
    length: int = 0
    #: None for a sound record; else (error kind, message) — bad_length, too_large, truncated.
    problem: tuple[str, str] | None = None


def parse_head(block: bytes) -> tuple[dict[str, str], int] | None:
    """The WARC headers at the start of `block` (names lower-cased) and where the content starts;
    None when the block holds no complete WARC header."""
    if not block.startswith(_WARC_START):
        return None
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
        if end < 0:
            return None
    headers: dict[str, str] = {}
    for line in block[:end].split(b"\n")[1:]:
        name, colon, value = line.partition(b":")
        if colon:
            headers[name.strip().decode("latin-1").lower()] = value.strip().decode("utf-8", "replace")
    return headers, end + sep


def declared_length(headers: dict[str, str]) -> int | None:
    try:
        value = int(headers.get("content-length", ""))
    except ValueError:
        return None
    return value if value >= 0 else None


# --------------------------------------------------------------------------------------------
# Plain WARC


def scan_plain(path: str) -> Iterator[Span]:
    """The records of an uncompressed WARC, in order; a record the file ends inside is the last,
    with problem `truncated`."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        pos = _skip_blank(fh, 0, size)
        while pos < size:
            fh.seek(pos)
            block = fh.read(HEAD_BYTES)
            parsed = parse_head(block)
            length = declared_length(parsed[0]) if parsed else None
            if parsed is None or length is None:
                yield Span(pos, problem=("truncated", f"no readable WARC record header at offset {pos}"))
                return
            headers, content = parsed
            span = Span(pos, headers, block[content : content + HEAD_BYTES], length)
            following = _next_after(fh, pos + content + length, size)
            if following is None:
                following = _search_header(fh, pos + content, size)
                span.problem = _plain_problem(pos + content + length, size, following)
            yield span
            if following is None:
                return
            pos = following


def _skip_blank(fh: IO[bytes], pos: int, size: int) -> int:
    """The first position from `pos` that is not a blank-line byte (records are separated by them)."""
    fh.seek(pos)
    while pos < size:
        chunk = fh.read(4096)
        stripped = chunk.lstrip(b"\r\n")
        pos += len(chunk) - len(stripped)
        if stripped:
            break
    return pos


def _next_after(fh: IO[bytes], end: int, size: int) -> int | None:
    """Where the next record starts when a record's declared content ends at `end` (`size` for
    the end of the file); None when the bytes there are not the record's end."""
    if end + len(_RECORD_END) > size:
        return None
    fh.seek(end)
    if fh.read(len(_RECORD_END)) != _RECORD_END:
        return None
    following = _skip_blank(fh, end + len(_RECORD_END), size)
    if following >= size:
        return size
    fh.seek(following)
    return following if fh.read(len(_WARC_START)) == _WARC_START else None


def _search_header(fh: IO[bytes], start: int, size: int) -> int | None:
    """The offset of the first `WARC/1.x` header line after `start` (inside a liar's content), or None."""
    pos = start
    tail = b""
    while pos < size:
        fh.seek(pos)
        chunk = fh.read(_CHUNK)
        window = tail + chunk
        m = _NEXT_HEADER.search(window)
        if m is not None:
            return pos - len(tail) + m.start() + 1
        tail = window[-16:]
        pos += len(chunk)
    return None


def _plain_problem(end: int, size: int, following: int | None) -> tuple[str, str]:
    if following is None and end + len(_RECORD_END) > size:
        return ("truncated", "WARC ends inside this record")
    if following is None:
        return ("bad_length", "the record's Content-Length does not end where the file does")
    return ("bad_length", "the record's Content-Length does not end where the next record starts")


# --------------------------------------------------------------------------------------------
# Gzipped WARC: one record per member


def scan_gzip(path: str, limit: int) -> Iterator[Span]:
    """The records of a `.warc.gz`, one per gzip member; `limit` bounds how much of one member is
    decompressed to check it (a larger record is `too_large`, its member skipped by search)."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        pos = 0
        while pos < size:
            span, following = _gzip_member(fh, pos, size, limit)
            yield span
            if following is None or following <= pos:  # never back: a scan must end
                return
            pos = following


def _gzip_member(fh: IO[bytes], pos: int, size: int, limit: int) -> tuple[Span, int | None]:
    """The record in the member at `pos` and where the next member starts (None: nowhere)."""
    member = _Member(fh, pos, limit + HEAD_BYTES)
    try:
        member.inflate()
    except zlib.error as exc:
        return _damaged(fh, pos, size, member.head, exc)
    parsed = parse_head(member.head)
    length = declared_length(parsed[0]) if parsed else None
    if parsed is None or length is None:
        if not member.ended:
            return Span(pos, problem=("truncated", f"WARC ends inside the record at offset {pos}")), None
        return Span(pos, problem=("corrupt", f"no WARC record header in the gzip member at offset {pos}")), \
            member.following
    headers, content = parsed
    span = Span(pos, headers, member.head[content : content + HEAD_BYTES], length)
    expected = content + length + len(_RECORD_END)
    if member.ended and member.total in (expected, expected - len(_RECORD_END)):
        return span, member.following
    if member.ended:
        span.problem = ("bad_length", f"the record's Content-Length says {length} bytes, its gzip member "
                                      f"holds {member.total - content}")
        return span, member.following
    if member.eof_in_member:
        span.problem = ("truncated", "WARC ends inside this record")
        return span, None
    following = _search_member(fh, member.consumed, size)
    over = expected > limit + HEAD_BYTES
    span.problem = ("too_large", f"WARC record is {length} bytes, over the limit of {limit}") if over else \
        ("bad_length", f"the record's gzip member holds more than its Content-Length of {length} bytes")
    return span, following


def _damaged(fh: IO[bytes], pos: int, size: int, head: bytes, exc: zlib.error) -> tuple[Span, int | None]:
    """A member whose compressed data is damaged: the record it starts (when its header could be
    read) is `corrupt`, and reading goes on at the next member that starts a record."""
    parsed = parse_head(head) or parse_head(_salvage(fh, pos))
    message = f"damaged gzip data at offset {pos}: {exc}"
    span = Span(pos, parsed[0], problem=("corrupt", message)) if parsed else Span(pos, problem=("truncated", message))
    return span, _search_member(fh, pos + 1, size)


def _salvage(fh: IO[bytes], pos: int) -> bytes:
    """What a damaged member decompresses to before the damage, fed in small pieces so the output
    of the pieces before the bad one is kept."""
    inflater = zlib.decompressobj(31)
    fh.seek(pos)
    out = b""
    while len(out) < HEAD_BYTES and (piece := fh.read(256)):
        try:
            out += inflater.decompress(piece, HEAD_BYTES)
        except zlib.error:
            break
    return out


class _Member:
    """One gzip member decompressed through (or up to `cap` bytes), keeping only its head."""

    def __init__(self, fh: IO[bytes], pos: int, cap: int) -> None:
        self.fh, self.pos, self.cap = fh, pos, cap
        self.head = b""
        self.total = 0
        self.ended = False
        self.eof_in_member = False
        self.following: int | None = None
        self.consumed = pos

    def inflate(self) -> None:
        inflater = zlib.decompressobj(31)
        self.fh.seek(self.pos)
        pending = b""
        while self.total <= self.cap:
            if not pending:
                pending = self.fh.read(65536)
                if not pending:
                    self.eof_in_member = True
                    return
            out = inflater.decompress(pending, 65536)
            self._take(out)
            if inflater.eof:  # what follows the member is unused_data (unconsumed_tail may be stale)
                self.consumed += len(pending) - len(inflater.unused_data)
                self.ended = True
                self.following = self.consumed
                return
            self.consumed += len(pending) - len(inflater.unconsumed_tail)
            pending = inflater.unconsumed_tail
        # Past the cap without the member's end: the next member is searched for instead.

    def _take(self, out: bytes) -> None:
        if len(self.head) < 2 * HEAD_BYTES:
            self.head += out[: 2 * HEAD_BYTES - len(self.head)]
        self.total += len(out)


def _search_member(fh: IO[bytes], start: int, size: int) -> int | None:
    """The offset of the next gzip member at or after `start` that decompresses to a WARC header."""
    pos = start
    while pos < size:
        fh.seek(pos)
        chunk = fh.read(_CHUNK + len(_GZIP_MAGIC))
        at = chunk.find(_GZIP_MAGIC)
        while at >= 0:
            if _starts_record(fh, pos + at):
                return pos + at
            at = chunk.find(_GZIP_MAGIC, at + 1)
        pos += _CHUNK
    return None


def _starts_record(fh: IO[bytes], offset: int) -> bool:
    fh.seek(offset)
    try:
        head = zlib.decompressobj(31).decompress(fh.read(4096), 64)
    except zlib.error:
        return False
    return head.startswith(_WARC_START)
