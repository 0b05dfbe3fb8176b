"""Quick looks at raw input: is it a page at all, and is it HTML or text?"""

from __future__ import annotations

import re

from .decode import utf16_codec
from .errors import InputError

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class file"),
)
#: Container formats recognised by a tag after a 4-byte size field.
_BOXED: tuple[tuple[bytes, str], ...] = ((b"ftyp", "an MP4/QuickTime media file"),)

_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|div|p|br|title|table|span|script|style|link|center|font|"
    r"article|section|h[1-6]|ul|li|a\s)\b",
    re.I,
)
#: How far into a page markup is looked for: some pages open with a long inline script or blob.
_HTML_WINDOW = 65536


#: Control bytes that text pages do not contain (tab, line feed, form feed, CR and ESC they may).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def reject_binary(data: bytes) -> None:
    """Raise InputError("binary") when the bytes are a known non-page format or mostly control bytes."""
    if not data or data.isspace():  # isspace, not strip: no copy of a large page
        raise InputError("empty", "file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", f"looks like {what}, not a web page")
    for tag, what in _BOXED:
        if data[4:8] == tag:
            raise InputError("binary", f"looks like {what}, not a web page")
    archive = archive_kind(data[:_TAR_MAGIC_AT + 8])  # a WARC or tar is text-like enough to pass below
    if archive is not None:
        raise InputError("binary", f"is {archive}: use `ipextract batch`")
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    # UTF-16 is full of control bytes: the NULs of its ASCII, the low bytes of Chinese characters.
    if controls > len(sample) * 0.1 and not sample.startswith(_UTF16_BOMS) and not utf16_codec(sample):
        raise InputError("binary", "looks like binary data, not a web page")


def detect_format(text: str) -> str:
    """"html" when the text carries HTML markup near its start, else "text"."""
    head = text[:_HTML_WINDOW]
    return "html" if _HTML_HINT.search(head) else "text"


#: Archives `parse` must not read as one page (`batch` reads them record by record).
_ARCHIVES: tuple[tuple[bytes, str], ...] = (
    (b"WARC/", "a WARC archive"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
)
_TAR_MAGIC_AT = 257
#: How much of a compressed head is inflated to see what is inside.
_PEEK = 1024


def archive_kind(head: bytes) -> str | None:
    """"a WARC archive", "a zip archive", "a tar archive" (also when gzip/bzip2/xz compressed), else None.

    `head` is the first few KB of the file; a compressed one is inflated only as far as needed.
    """
    inner = _inflate(head)
    if inner is None:
        inner = head
    for magic, what in _ARCHIVES:
        if inner.startswith(magic):
            return what
    if inner[_TAR_MAGIC_AT:_TAR_MAGIC_AT + 5] == b"ustar":
        return "a tar archive"
    return None


def _inflate(head: bytes) -> bytes | None:
    """The first bytes inside a gzip, bzip2 or xz stream; None when `head` is not one (or is damaged)."""
    import bz2
    import lzma
    import zlib

    try:
        if head.startswith(b"\x1f\x8b"):
            return zlib.decompressobj(wbits=31).decompress(head, _PEEK)
        if head.startswith(b"BZh"):
            return bz2.BZ2Decompressor().decompress(head, max_length=_PEEK)
        if head.startswith(b"\xfd7zXZ\x00"):
            return lzma.LZMADecompressor().decompress(head, max_length=_PEEK)
    except (zlib.error, OSError, EOFError, lzma.LZMAError):
        return None
    return None
