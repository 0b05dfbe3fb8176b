"""bytes -> str: BOM, then the declared charset, then detection; never raises on bad bytes.

Government pages routinely declare GB2312 while using GBK/GB18030 characters, declare Big5 while
using HKSCS/cp950 extensions, or declare one charset and are saved in UTF-8 by the crawler. So:

1. a byte-order mark decides;
2. UTF-16 without a BOM is recognised by `utf16_codec` (the sniffer asks it too);
3. bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever the page declares; bytes
   that are UTF-8 but for some lines (a stray or cut byte, a GBK line pasted in) are decoded line
   by line;
4. a declared legacy charset is widened to its superset (GB2312/GBK -> GB18030, Big5 -> Big5-HKSCS,
   falling back to cp950 for Microsoft's extensions) and used unless another Chinese codec reads
   the bytes as far more plausible Chinese — GB18030 accepts almost any byte pair, so Big5 bytes
   labelled GB2312 decode "without error" into nonsense;
5. undeclared bytes are tried as GB18030, Big5-HKSCS and cp950 and the most plausible reading
   wins; when none reads as Chinese, charset-normalizer guesses.

Plausibility is the share of Han characters that are among the common ones (data file
decode_common_han.txt): real text in either script scores high, a wrong legacy codec scores low.
Undecodable bytes become U+FFFD with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import cache

from .han import HAN, count_han
from .resources import data_lines

#: Declared names widened to the superset codec that actually decodes real pages.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "gb_2312": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "euc-cn": "gb18030",
    "csgb2312": "gb18030",
    "chinese": "gb18030",
    "hz-gb-2312": "hz",
    "big5": "big5hkscs",
    "big-5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "cp950": "big5hkscs",
    "ms950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
_CHINESE_CODECS = ("gb18030", "big5hkscs", "cp950")
#: Big5's two supersets disagree on a few extension codes: the one that decodes more bytes wins.
_BIG5_FAMILY = ("big5hkscs", "cp950")

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
#: How far into the page a charset declaration is looked for (heads can be long: inline scripts).
_DECLARATION_WINDOW = 64 * 1024
#: How much non-ASCII text is scored for plausibility.
_SAMPLE_CHARS = 20_000
#: A declared codec is kept unless another reads the bytes this much more plausibly.
_SWITCH_MARGIN = 0.25
#: Below this share of common characters a reading is not Chinese text.
_PLAUSIBLE = 0.5


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: The input bytes when `text` is exactly their UTF-8 decoding (so the HTML parser, which
    #: wants UTF-8 bytes, need not encode the text again); None otherwise.
    utf8: bytes | None = None


def normalize_charset(name: str | None) -> str | None:
    """Map a declared charset label to the Python codec that should decode it, or None."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # A label can name a codec that is no text encoding (base64, zlib, punycode...): decoding a
    # page with it fails or takes quadratic time, so such a label counts as no declaration.
    return codec if codec in _text_encodings() else None


@cache
def _text_encodings() -> frozenset[str]:
    return frozenset(data_lines("decode_text_encodings.txt"))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset>, http-equiv, <?xml?>)."""
    head = data[:_DECLARATION_WINDOW]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode page bytes. `declared` is an outside hint (HTTP header, WARC); the page's own wins."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return _finish(text, codec, None, [])

    utf16 = utf16_codec(data)
    if utf16:
        return _finish(data.decode(utf16, errors="replace"), utf16, None, [])

    label = declared_charset(data) or declared
    codec = normalize_charset(label)
    if data.isascii():
        return Decoded(data.decode("ascii"), "utf-8", label, utf8=data)
    strict = _utf8_text(data)
    if strict is not None:
        if isinstance(strict, str):
            decoded = Decoded(strict, "utf-8", label, utf8=data)
        else:
            decoded = Decoded(data.decode("utf-8", errors="replace"), "utf-8", label)
        if codec and codec != "utf-8":
            decoded.warnings.append(f"declared charset {label} is wrong: bytes are UTF-8")
        return decoded
    mixed = _mixed_utf8(data, label)
    if mixed is not None:
        return mixed

    warnings: list[str] = []
    if label and codec is None:
        warnings.append(f"unknown declared charset {label!r}")
    own = None
    if codec in _CHINESE_CODECS:
        own = _big5_reading(data) if codec in _BIG5_FAMILY else _gb_reading(data)
        # Plausibility is at most 1, so no other reading can beat one above 1 - margin by the
        # margin (the rule below): the other codec's reading need not be made.
        if own.score > 1.0 - _SWITCH_MARGIN:
            return _finish(own.text, own.codec, label, warnings)
    readings = _chinese_readings(data, own)
    best = max(readings, key=lambda r: r.score, default=None)
    if codec and codec not in ("utf-8", *_CHINESE_CODECS):
        # A declared non-Chinese codec (Latin-1 on a GBK page is common) only loses to clear Chinese.
        if best is not None and best.score >= _PLAUSIBLE:
            warnings.append(f"declared charset {label} does not fit the bytes; decoded as {best.codec}")
            return _finish(best.text, best.codec, label, warnings)
        text = data.decode(codec, errors="replace")
        return _finish(text, codec, label, warnings)
    if codec in _CHINESE_CODECS:
        family = _BIG5_FAMILY if codec in _BIG5_FAMILY else (codec,)
        mine = next((r for r in readings if r.codec in family), None)
        if mine is not None and (best is None or best.score - mine.score < _SWITCH_MARGIN):
            return _finish(mine.text, mine.codec, label, warnings)
        if best is not None and best.score >= _PLAUSIBLE:
            warnings.append(f"declared charset {label} does not fit the bytes; decoded as {best.codec}")
            return _finish(best.text, best.codec, label, warnings)
    elif codec == "utf-8":
        warnings.append(f"declared charset {label} is wrong: bytes are not valid UTF-8")
    if best is not None and best.score >= _PLAUSIBLE:
        return _finish(best.text, best.codec, label, warnings)
    guess = _detect(data) or codec or (best.codec if best else "utf-8")
    return _finish(data.decode(guess, errors="replace"), guess, label, warnings)


@dataclass(slots=True)
class _Reading:
    codec: str
    text: str
    score: float


def _chinese_readings(data: bytes, known: _Reading | None = None) -> list[_Reading]:
    """GB18030's and Big5's decoding of the bytes with their plausibility; replacements cost.

    `known` is one of the two already made (it is not made again).
    """
    gb = known if known is not None and known.codec == "gb18030" else _gb_reading(data)
    big5 = known if known is not None and known.codec in _BIG5_FAMILY else _big5_reading(data)
    return [gb, big5]


def _gb_reading(data: bytes) -> _Reading:
    gb = data.decode("gb18030", errors="replace")
    return _Reading("gb18030", gb, plausibility(gb))


def _big5_reading(data: bytes) -> _Reading:
    """Big5's reading: HKSCS, or Microsoft's cp950 when that decodes more of the bytes."""
    big5 = data.decode("big5hkscs", errors="replace")
    big5_codec = "big5hkscs"
    if "\ufffd" in big5:
        alt = data.decode("cp950", errors="replace")
        if alt.count("\ufffd") < big5.count("\ufffd"):
            big5, big5_codec = alt, "cp950"
    return _Reading(big5_codec, big5, plausibility(big5))


# Runs are written `XX*`, not `X+`: a pattern that opens with a character class lets `re` skip
# ahead to a candidate character; one that opens with a repeat is tried at every position.
_ASCII_RUNS = re.compile(r"[\x00-\x7f][\x00-\x7f]*")
#: What a wrong codec's reading of Chinese bytes turns into besides Han characters: private-use
#: characters and U+FFFD. Together with Han they are the characters plausibility is the share of.
_NOT_HANLIKE_CHAR = f"[^{HAN}\ufffd\ue000-\uf8ff]"
_NOT_HANLIKE = re.compile(f"{_NOT_HANLIKE_CHAR}{_NOT_HANLIKE_CHAR}*")
_CHUNK = 65536


def plausibility(text: str) -> float:
    """Share of the Han characters (and U+FFFD) of a sample that are common Chinese characters.

    The sample is the first _SAMPLE_CHARS non-ASCII characters; Han-like ones are Han, private
    use (what a wrong codec often yields) and U+FFFD. The text is read chunk by chunk, so a long
    page is read only until the sample is full.
    """
    parts: list[str] = []
    size = 0
    for pos in range(0, len(text), _CHUNK):
        part = _ASCII_RUNS.sub("", text[pos : pos + _CHUNK])
        parts.append(part)
        size += len(part)
        if size >= _SAMPLE_CHARS:
            break
    hanlike = _NOT_HANLIKE.sub("", "".join(parts)[:_SAMPLE_CHARS])
    if not hanlike:
        return 0.0
    return (len(hanlike) - len(_common_runs().sub("", hanlike))) / len(hanlike)


@cache
def _common_runs() -> re.Pattern[str]:
    """Runs of common characters: the sample's common characters are counted by deleting them."""
    common = "[" + "".join(re.escape(ch) for ch in sorted(_common_han())) + "]"
    return re.compile(common + common + "*")


@cache
def _common_han() -> frozenset[str]:
    return frozenset(ch for line in data_lines("decode_common_han.txt") for ch in line if not ch.isspace())


def _utf8_text(data: bytes) -> str | bool | None:
    """The strict UTF-8 decoding of the bytes; True when they are UTF-8 cut mid-character (the
    caller decodes with replacement); None when they are not UTF-8. One decode, not two."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return True if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data" else None


#: Below this many Chinese characters per replaced byte (the bytes read as UTF-8 with replacement)
#: they are legacy-encoded: GBK and Big5 pages read as UTF-8 give about 0.02 (0.2 at most), a
#: UTF-8 page with GBK lines pasted in gives more once over about 40% of its text is UTF-8.
_MIXED_GATE = 0.5
#: A line whose replaced bytes are at most this share of its Chinese characters is UTF-8 with
#: stray bytes (a cut or corrupt byte, a CESU-8 surrogate), not a line in another encoding.
_STRAY_SHARE = 0.1
#: Chinese characters and punctuation: what counts as good UTF-8 (a GBK byte pair often reads as a
#: valid two-byte UTF-8 letter, never as one of these three-byte characters).
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_CJK_RUNS = re.compile(f"{_CJK.pattern}{_CJK.pattern}*")  # runs, opening with a class (see _ASCII_RUNS)


def _mixed_utf8(data: bytes, label: str | None) -> Decoded | None:
    """UTF-8 with damaged or foreign lines, decoded line by line; None when not mostly UTF-8.

    One invalid byte must not turn a whole UTF-8 page into GB18030 mojibake, nor a GBK line pasted
    into a UTF-8 page: a line that is UTF-8 with a few stray bytes keeps UTF-8 (U+FFFD for the
    bytes), and the lines that are not UTF-8 at all are read with the Chinese codec that reads
    them, taken together, most plausibly.
    """
    lenient = data.decode("utf-8", errors="replace")
    if _too_few_chinese(lenient, lenient.count("\ufffd")):
        return None
    lines = data.split(b"\n")
    texts: list[str | None] = []
    foreign: list[int] = []
    chinese_utf8 = False
    for i, line in enumerate(lines):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
            if text.count("\ufffd") > _STRAY_SHARE * len(_CJK.findall(text)):
                texts.append(None)
                foreign.append(i)
                continue
        texts.append(text)
        chinese_utf8 = chinese_utf8 or (not line.isascii() and _CJK.search(text) is not None)
    if not chinese_utf8:
        return None
    warnings: list[str] = []
    if foreign:
        readings = _chinese_readings(b"\n".join(lines[i] for i in foreign))
        codec = max(readings, key=lambda r: r.score).codec
        for i in foreign:
            texts[i] = lines[i].decode(codec, errors="replace")
        warnings.append(f"{len(foreign)} lines are not UTF-8; decoded as {codec}")
    return _finish("\n".join(t or "" for t in texts), "utf-8", label, warnings)


def _too_few_chinese(lenient: str, bad: int) -> bool:
    """Fewer Chinese characters than `_MIXED_GATE` per replaced byte in the lenient UTF-8 reading.

    The Chinese characters are among the non-ASCII characters that are not U+FFFD: a legacy-encoded
    page usually has too few even of those, and they are cheaper to count than the Chinese ones.
    """
    if len(lenient) - len(lenient.encode("ascii", "ignore")) - bad < bad * _MIXED_GATE:
        return True
    return len(lenient) - len(_CJK_RUNS.sub("", lenient)) < bad * _MIXED_GATE


#: How much of the input the UTF-16 test looks at.
_UTF16_SAMPLE = 4096


def utf16_codec(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a byte-order mark, else None.

    Two signs, read from the first 4 KB. ASCII in UTF-16 puts a NUL in every other byte: over a
    quarter of the sample is NUL, and nine in ten of the NULs sit at one parity (odd positions in
    little-endian). All-Chinese UTF-16 has no NULs to show it: it is bytes that read, in one
    byte order, as mostly Han characters, common ones. Read as UTF-16, pairs of ASCII letters
    make Han characters too, so that second sign is only looked for in bytes that are not UTF-8.
    """
    sample = data[:_UTF16_SAMPLE]
    zeros = sample.count(0)
    if zeros > len(sample) // 4:
        odd = sample[1::2].count(0)
        if odd > zeros * 0.9:
            return "utf-16-le"
        if zeros - odd > zeros * 0.9:
            return "utf-16-be"
    if _utf8_text(sample) is not None:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 16:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if count_han(text) >= max(8, len(text) // 2) and plausibility(text) >= 0.8:
            return codec
    return None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess for bytes that are not Chinese in any codec we know."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    return normalize_charset(best.encoding)


def _finish(text: str, codec: str, label: str | None, warnings: list[str]) -> Decoded:
    result = Decoded(text, codec, label, warnings)
    if "\ufffd" in text:
        result.warnings.append(f"undecodable bytes replaced with U+FFFD while decoding as {codec}")
    return result
