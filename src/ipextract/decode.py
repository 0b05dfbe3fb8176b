"""bytes -> str: BOM, then the declared charset, then detection; never raises on bad bytes.

Government pages routinely declare GB2312 while using GBK/GB18030 characters, declare Big5 while
using HKSCS/cp950 extensions, or declare one charset and are saved in UTF-8 by the crawler. So a
declared legacy charset is widened to its superset, and bytes that are valid UTF-8 win over a
declaration that would mis-decode them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

#: Declared names widened to the superset codec that actually decodes real pages.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_\-.]{2,40})""", re.I)


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None = None
    warnings: list[str] = field(default_factory=list)


def normalize_charset(name: str | None) -> str | None:
    """Map a declared charset label to the Python codec that should decode it, or None."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset>, http-equiv, <?xml?>)."""
    head = data[:8192]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A file cut mid-character is still UTF-8.
        return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    return True


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many NULs at even or odd positions in a sample."""
    sample = data[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > len(sample) // 4 and odd > even * 2:
        return "utf-16-le"
    if even > len(sample) // 4 and even > odd * 2:
        return "utf-16-be"
    return None


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode page bytes. `declared` is an outside hint (HTTP header, WARC); the page's own wins."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return _finish(text, codec, None, "\ufffd" in text)

    utf16 = _looks_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return _finish(text, utf16, None, "\ufffd" in text)

    label = declared_charset(data) or declared
    codec = normalize_charset(label)
    ascii_only = data.isascii()
    if _is_utf8(data):
        # Valid UTF-8 with non-ASCII bytes is almost never another charset by accident.
        decoded = Decoded(data.decode("utf-8", errors="replace"), "utf-8", label)
        if codec and codec != "utf-8" and not ascii_only:
            decoded.warnings.append(f"declared charset {label} is wrong: bytes are UTF-8")
        return decoded
    if codec and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec, label)
        except UnicodeDecodeError:
            pass
    guess = _detect(data)
    if guess:
        text = data.decode(guess, errors="replace")
        result = _finish(text, guess, label, "\ufffd" in text)
        if codec and guess != codec:
            result.warnings.insert(0, f"declared charset {label} does not fit the bytes; detected {guess}")
        return result
    text = data.decode(codec or "utf-8", errors="replace")
    return _finish(text, codec or "utf-8", label, True)


def _detect(data: bytes) -> str | None:
    """Detection for undeclared legacy bytes: try the Chinese codecs strictly, then charset-normalizer."""
    for codec in ("gb18030", "big5hkscs"):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    return normalize_charset(best.encoding) or best.encoding


def _finish(text: str, codec: str, label: str | None, replaced: bool) -> Decoded:
    result = Decoded(text, codec, label)
    if replaced:
        result.warnings.append(f"undecodable bytes replaced with U+FFFD while decoding as {codec}")
    return result
