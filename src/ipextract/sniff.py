"""Quick looks at raw input: is it a page at all, and is it HTML or text?"""

from __future__ import annotations

import re

from .decode import utf16_codec
from .errors import InputError

#: Known non-page formats by their first bytes: (magic, what it is, the kind a summary counts —
#: a noun that takes an "s" for more than one).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF file", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "image"),
    (b"\xff\xd8\xff", "a JPEG image", "image"),
    (b"GIF87a", "a GIF image", "image"),
    (b"GIF89a", "a GIF image", "image"),
    (b"PK\x03\x04", "a zip archive", "archive"),
    (b"PK\x05\x06", "an empty zip archive", "archive"),
    (b"\x1f\x8b", "gzip-compressed data", "compressed file"),
    (b"BZh", "bzip2-compressed data", "compressed file"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive", "archive"),
    (b"Rar!\x1a\x07", "a RAR archive", "archive"),
    (b"WARC/1.", "a WARC archive", "archive"),
    (b"\x7fELF", "an ELF executable", "executable"),
    (b"MZ", "a Windows executable", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document", "office document"),
    (b"RIFF", "a RIFF media file", "media file"),
    (b"OggS", "an Ogg media file", "media file"),
    (b"ID3", "an MP3 file", "media file"),
    (b"SQLite format 3\x00", "an SQLite database", "database"),
    (b"II*\x00", "a TIFF image", "image"),
    (b"MM\x00*", "a TIFF image", "image"),
    (b"\x00\x00\x01\x00", "an icon file", "image"),
    (b"wOFF", "a web font", "font"),
    (b"wOF2", "a web font", "font"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", "compressed file"),
    (b"\x00asm", "a WebAssembly module", "executable"),
    (b"\xca\xfe\xba\xbe", "a Java class file", "executable"),
)
#: Container formats recognised by a tag after a 4-byte size field.
_BOXED: tuple[tuple[bytes, str, str], ...] = ((b"ftyp", "an MP4/QuickTime media file", "media file"),)
#: A tar header carries this magic at byte 257 (POSIX ustar and GNU tar alike).
_TAR_MAGIC_AT = 257

_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|div|p|br|title|table|span|script|style|link|center|font|"
    r"article|section|h[1-6]|ul|li|a\s)\b",
    re.I,
)
_HTML_HINT_BYTES = re.compile(_HTML_HINT.pattern.encode(), re.I)
#: How far into a page markup is looked for: some pages open with a long inline script or blob.
_HTML_WINDOW = 65536


#: Control bytes that text pages do not contain (tab, line feed, form feed, CR and ESC they may).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def reject_binary(data: bytes) -> None:
    """Raise InputError("binary") when the bytes are a known non-page format or mostly control bytes."""
    if not data or data.isspace():  # isspace, not strip: no copy of a large page
        raise InputError("empty", "file is empty")
    found = _binary_kind(data)
    if found is not None and found[1] == "archive":
        raise InputError("binary", f"is {found[0]}: use `ipextract batch`")
    if found is not None:
        raise InputError("binary", f"looks like {found[0]}, not a web page")


def _binary_kind(data: bytes) -> tuple[str, str] | None:
    """(what it is, kind) for bytes of a known binary format or mostly control bytes, else None."""
    for magic, what, kind in _MAGIC:
        if data.startswith(magic):
            return what, kind
    for tag, what, kind in _BOXED:
        if data[4:8] == tag:
            return what, kind
    if data[_TAR_MAGIC_AT : _TAR_MAGIC_AT + 5] == b"ustar":
        return "a tar archive", "archive"
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    # UTF-16 is full of control bytes: the NULs of its ASCII, the low bytes of Chinese characters.
    if controls > len(sample) * 0.1 and not sample.startswith(_UTF16_BOMS) and not utf16_codec(sample):
        return "binary data", "binary file"
    return None


def archive_kind(head: bytes) -> str | None:
    """"zip", "tar", "warc" or "gzip" when `head` (a file's first 512 bytes or more) starts a
    container ipextract reads as an archive (gzip: look inside for a tar, a WARC or a page)."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"WARC/1."):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head[_TAR_MAGIC_AT : _TAR_MAGIC_AT + 5] == b"ustar":
        return "tar"
    return None


#: Text files a saved site holds besides its pages: their kind, by how they open (after comments).
_TEXT_KINDS: tuple[tuple[re.Pattern[bytes], str, str], ...] = (
    (re.compile(rb"(?:\(\s*function|!function|function[\s(]|(?:var|let|const)\s+[\w$]+\s*[=,;]|"
                rb"[\"']use strict|window\.|document\.|jQuery|\$\(|define\(|require\(|import\s|export\s)"),
     "a JavaScript file", "script"),
    (re.compile(rb"(?:@charset|@import|@media|@font-face|@keyframes|:root\s*\{|"
                rb"[\w.#*\[\]=\"'>:, -]{1,200}\{\s*(?:[\w-]+\s*:|\}))"),
     "a stylesheet", "stylesheet"),
    (re.compile(rb"[\[{]\s*[\"\[{\]}]"), "a JSON file", "data file"),
    (re.compile(rb"<\?xml|<rss\b|<feed\b|<urlset\b|<svg\b"), "an XML file", "data file"),
)
_LEADING_COMMENTS = re.compile(rb"\A(?:\s+|/\*.*?\*/|//[^\n]*\n|<!--.*?-->)*", re.S)


def not_a_page(head: bytes) -> tuple[str, str] | None:
    """(what it is, kind) when a file's first bytes show it is not a page, else None.

    For files found in a folder or an archive, which are taken by content, not by name: images,
    PDFs, archives and other binaries by their magic bytes; scripts, stylesheets, JSON and XML
    (not XHTML) by how they open. Anything with HTML markup near its start, and any other text, is
    a page. Gzip data is not judged here: the reader looks inside it.
    """
    if not head or head.isspace():
        return None
    if not head.startswith(b"\x1f\x8b"):
        found = _binary_kind(head)
        if found is not None:
            return found
    text = head[:_HTML_WINDOW].removeprefix(b"\xef\xbb\xbf")
    if _HTML_HINT_BYTES.search(text):
        return None
    start = _LEADING_COMMENTS.match(text)
    opening = text[start.end() if start else 0 :]
    for pattern, what, kind in _TEXT_KINDS:
        if pattern.match(opening):
            return what, kind
    return None


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
#: How much of a compressed head is inflated to see what is inside.
_PEEK = 1024


def archive_description(head: bytes) -> str | None:
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
