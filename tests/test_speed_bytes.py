"""Shortcuts on the per-byte work of a page give exactly the answers of the plain forms they replaced.

Each test keeps the plain version (the regex, the copy, the count) as an oracle and compares on
generated input and on the fixture pages.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import lxml.etree
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean import repair as repair_module
from ipextract.clean.dom import parse_html
from ipextract.clean.repair import _INVISIBLE, count_invisible, fold_spaces, remove_pinyin, repair
from ipextract.decode import _looks_utf16, decode
from ipextract.errors import InputError
from ipextract.sniff import _MAGIC, han_utf16, reject_binary

FIXTURES = Path(__file__).parent / "fixtures"

#: Every whitespace character, every invisible one, and ordinary text around them.
_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_INVISIBLES = "".join(chr(c) for c in range(sys.maxunicode + 1) if _INVISIBLE.match(chr(c)))
_TEXT = st.text(alphabet=st.sampled_from(_WHITESPACE + _INVISIBLES + "ab?？(fā)發展中国\ue000\U0001f600"), max_size=60)


def _html_pages() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))


# --- repair: invisible characters ---------------------------------------------------------------


def test_every_invisible_character_is_neither_printable_nor_whitespace():
    """What makes `isprintable()` a proof that a line holds none."""
    assert len(_INVISIBLES) == 77
    assert not any(ch.isprintable() or ch.isspace() for ch in _INVISIBLES)


def test_layout_clean_skips_only_printable_text_which_holds_no_invisible_character():
    """blocks._clean runs its invisible-character regex only on non-printable text."""
    from ipextract.clean import blocks

    layout_invisibles = [chr(c) for c in range(sys.maxunicode + 1) if blocks._INVISIBLE.match(chr(c))]
    assert len(layout_invisibles) == 6
    assert not any(ch.isprintable() for ch in layout_invisibles)
    for text in ("发展\u200b中国", "a\u00adb 中", "中\ufeff国\n", "中国 发展"):
        assert blocks._clean(text) == " ".join(blocks._INVISIBLE.sub("", text).split())
    assert blocks._clean("中\u200d国 \u3000 发展") == "中国 发展"


def _oracle_repair(line: str, removed: Counter[str], *, keep_pinyin: bool = False) -> str:
    """`repair` as it was: the invisible-character regex runs on every line."""
    if not line:
        return line
    line, n = _INVISIBLE.subn("", line)
    removed["invisible_chars"] += n
    if not keep_pinyin and "(" in line:
        line, n = remove_pinyin(line)
        removed["pinyin_annotations"] += n
    if "?" in line or "？" in line:
        line, n = repair_module._LOST_LEADING.subn("", line)
        line, m = repair_module._LOST_INNER.subn(" ", line)
        removed["lost_char_runs"] += n + m
    return fold_spaces(line)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.booleans())
def test_repair_matches_the_always_regex_form(line, keep_pinyin):
    mine, theirs = Counter(), Counter()
    assert repair(line, mine, keep_pinyin=keep_pinyin) == _oracle_repair(line, theirs, keep_pinyin=keep_pinyin)
    assert +mine == +theirs


def test_count_invisible_examples():
    assert count_invisible("国家\u200b知识\n产权\u00a0局") == 1
    assert count_invisible("国家 知识\n\t产权\u3000局") == 0
    assert count_invisible("\x01\u202e\ufeff") == 3
    assert count_invisible("") == 0


# --- pipeline: the empty-text check -------------------------------------------------------------


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WHITESPACE + "a中\x00"), max_size=20))
def test_isspace_is_the_empty_strip_test(text):
    assert (not text or text.isspace()) == (not text.strip())


def test_whitespace_only_pages_are_empty_and_others_are_not():
    from ipextract import parse

    assert parse("\u3000 \n\t\u00a0".encode()).error_kind == "empty"
    assert parse(" \n<p>正文内容在这里</p>".encode()).error_kind is None


# --- sniffing -----------------------------------------------------------------------------------

_SNIFF_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _oracle_reject_binary(data: bytes) -> None:
    """`reject_binary` as it was: strip copies, a startswith per magic, counts without memchr."""
    if not data[:4096].strip() and not data.strip():
        raise InputError("empty", "file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", f"looks like {what}, not a web page")
    if data[4:8] == b"ftyp":
        raise InputError("binary", "looks like an MP4/QuickTime media file, not a web page")
    sample = data[:4096]
    zeros = sample.count(0)
    mostly_utf16 = zeros > len(sample) // 4 and (
        sample[0::2].count(0) > zeros * 0.9 or sample[1::2].count(0) > zeros * 0.9
    )
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or mostly_utf16:
        return
    controls = len(sample) - len(sample.translate(None, _SNIFF_CONTROLS))
    if controls > len(sample) * 0.1 and not han_utf16(sample):
        raise InputError("binary", "looks like binary data, not a web page")


def _outcome(check, data: bytes) -> tuple[str, str] | None:
    try:
        check(data)
    except InputError as exc:
        return exc.kind, exc.message
    return None


_MAGICS = [magic for magic, _ in _MAGIC] + [b"\0\0\0\x18ftyp", b"\xff\xfe", b"\xfe\xff", b""]
_PIECES = [b" ", b"\n", b"\t", b"\x0b", b"\x0c", b"\r", b"\0", b"\x01", b"\x1b", b"a", "中".encode("utf-16-le")]
_BYTES = st.builds(
    lambda head, body: head + body,
    st.sampled_from(_MAGICS),
    st.one_of(
        st.binary(max_size=300),
        st.lists(st.sampled_from(_PIECES), max_size=300).map(b"".join),
    ),
)


@settings(max_examples=2000, deadline=None)
@given(_BYTES)
def test_reject_binary_matches_the_plain_checks(data):
    assert _outcome(reject_binary, data) == _outcome(_oracle_reject_binary, data)


def test_reject_binary_examples():
    assert _outcome(reject_binary, b" \n\t" * 3000) == ("empty", "file is empty")
    assert _outcome(reject_binary, b"%PDF-1.4 ...") == ("binary", "looks like a PDF file, not a web page")
    assert _outcome(reject_binary, bytes(range(32)) * 20) == ("binary", "looks like binary data, not a web page")
    assert _outcome(reject_binary, "<p>正文</p>".encode()) is None
    assert _outcome(reject_binary, "<p>正文</p>".encode("utf-16-le")) is None


def _oracle_looks_utf16(data: bytes) -> str | None:
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


@settings(max_examples=1000, deadline=None)
@given(_BYTES)
def test_utf16_look_matches_the_plain_count(data):
    assert _looks_utf16(data) == _oracle_looks_utf16(data)


# --- dom: element count --------------------------------------------------------------------------


@pytest.mark.parametrize("path", _html_pages(), ids=lambda p: p.name)
def test_element_count_is_the_xpath_count(path):
    parsed = parse_html(decode(path.read_bytes()).text)
    assert parsed.elements == int(parsed.root.xpath("count(//*)")) == sum(
        1 for el in parsed.root.getroottree().iter() if isinstance(el.tag, str)
    )


def test_element_guard_reports_the_count():
    html = "<div>" + "<p>x</p>" * 150 + "</div>"
    with pytest.raises(InputError) as exc:
        parse_html(html, max_elements=100)
    assert exc.value.kind == "too_complex"
    assert exc.value.message == "page has 153 HTML elements, over the limit of 100"
    assert parse_html(html, max_elements=153).elements == 153
    assert isinstance(parse_html(html).root, lxml.etree._Element)


# --- decode: the mixed-UTF-8 gate ---------------------------------------------------------------

#: ASCII, U+FFFD, the edges of the Chinese ranges and characters just outside them.
_GATE_ALPHABET = "a<> \n\ufffd中國，\u2e80\u9fff\uf900\ufaff\ufe30\uffef\u2e7f\ufe2f\u00e9\u3000\U00020000"
_GATE_TEXT = st.text(alphabet=st.sampled_from(_GATE_ALPHABET))


@settings(max_examples=2000, deadline=None)
@given(_GATE_TEXT)
def test_too_few_chinese_matches_the_regex_count(text):
    from ipextract.decode import _CJK_RUNS, _MIXED_GATE, _too_few_chinese

    bad = text.count("\ufffd")
    assert _too_few_chinese(text, bad) == (len(text) - len(_CJK_RUNS.sub("", text)) < bad * _MIXED_GATE)


def test_legacy_and_mixed_pages_decode_as_before():
    gbk = "<p>国家知识产权局发布数据</p>".encode("gb18030") * 20
    assert decode(gbk).encoding == "gb18030" and decode(gbk).text == gbk.decode("gb18030")
    mixed = "<p>国家知识产权局发布数据</p>\n".encode() * 20 + "<p>专利</p>\n".encode("gb18030")
    doc = decode(mixed)
    assert doc.encoding == "utf-8" and doc.text.endswith("<p>专利</p>\n")
    assert doc.warnings == ["1 lines are not UTF-8; decoded as gb18030"]


# --- decode: a declared Chinese codec that reads plausibly ---------------------------------------

#: Common and rare Simplified and Traditional characters, HKSCS ones, ASCII markup.
_LEGACY_ALPHABET = "国家知识产权局發展與專利的一是了<p>a 1\n，。鑫龘乂丟喆堃囍"


def _oracle_declared_chinese(data: bytes, codec: str, label: str) -> tuple[str, str, list[str]] | None:
    """The declared-Chinese-codec rule on both readings (None: it falls through to detection)."""
    from ipextract.decode import _BIG5_FAMILY, _PLAUSIBLE, _SWITCH_MARGIN, _chinese_readings

    readings = _chinese_readings(data)
    best = max(readings, key=lambda r: r.score)
    mine = next(r for r in readings if r.codec in (_BIG5_FAMILY if codec in _BIG5_FAMILY else (codec,)))
    if best.score - mine.score < _SWITCH_MARGIN:
        return mine.text, mine.codec, []
    if best.score >= _PLAUSIBLE:
        return best.text, best.codec, [f"declared charset {label} does not fit the bytes; decoded as {best.codec}"]
    return None


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(_LEGACY_ALPHABET), min_size=1, max_size=80),
    st.sampled_from(["gb18030", "big5hkscs", "cp950"]),
    st.sampled_from(["gb2312", "gbk", "big5", "cp950"]),
    st.binary(max_size=6),
)
def test_declared_chinese_shortcut_matches_the_two_reading_rule(text, write_codec, label, noise):
    from ipextract.decode import _mixed_utf8, _utf8_text, han_utf16, normalize_charset

    data = f'<meta charset="{label}">'.encode() + text.encode(write_codec, errors="ignore") + noise
    if _utf8_text(data) is not None or _mixed_utf8(data, label) is not None or han_utf16(data):
        return  # decoded before the Chinese readings
    expected = _oracle_declared_chinese(data, normalize_charset(label), label)
    if expected is None:
        return  # detection decides, as before
    doc = decode(data)
    assert (doc.text, doc.encoding) == expected[:2]
    assert doc.warnings[: len(expected[2])] == expected[2]


def test_declared_chinese_examples():
    page = '<meta charset="gb2312"><p>国家知识产权局发布专利数据</p>'.encode("gb18030")
    doc = decode(page)
    assert (doc.encoding, doc.declared, doc.warnings) == ("gb18030", "gb2312", [])
    big5 = '<meta charset="gb2312"><p>國家知識產權局發布專利數據</p>'.encode("big5")
    doc = decode(big5)
    assert doc.encoding == "big5hkscs" and "國家知識產權局" in doc.text
    assert doc.warnings == ["declared charset gb2312 does not fit the bytes; decoded as big5hkscs"]
