"""Claims the reading of bytes relies on (sniffing, decoding), checked against a plain form."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.decode import _looks_utf16, decode
from ipextract.errors import InputError
from ipextract.sniff import _MAGIC, han_utf16, reject_binary

_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=5000))
def test_control_byte_count_matches_the_byte_loop(data):
    from ipextract.sniff import _CONTROL_BYTES

    sample = data[:4096]
    expected = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    assert len(sample) - len(sample.translate(None, _CONTROL_BYTES)) == expected


def test_whitespace_beyond_the_first_look_is_still_empty_and_text_after_it_is_not():

    from ipextract.errors import InputError
    from ipextract.sniff import reject_binary

    with pytest.raises(InputError) as exc:
        reject_binary(b" \n\t" * 3000)
    assert exc.value.kind == "empty"
    reject_binary(b" " * 5000 + "正文".encode())  # no error


def test_utf8_is_decoded_once_with_the_same_result():
    from ipextract.decode import decode

    text = "<p>国家知识产权局</p>"
    assert decode(text.encode()).text == text
    cut = text.encode()[:-7] + "局".encode()[:2]  # cut inside a character: still UTF-8
    doc = decode(cut)
    assert doc.encoding == "utf-8" and doc.text.endswith("\ufffd")
    assert decode(text.encode("gb18030")).encoding == "gb18030"


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="ab 中国的\ufffd\ue000\uf8ff\u3400\u9fff\uf900\ufaff\u4e00é😀\x7f\x80", max_size=300))
def test_plausibility_counts_like_the_character_loop(text):
    from ipextract import decode

    common = decode._common_han()
    han = hits = seen = 0
    for ch in text:
        if ch < "\u0080":
            continue
        seen += 1
        if seen > decode._SAMPLE_CHARS:
            break
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff":
            han += 1
            hits += ch in common
    assert decode.plausibility(text) == (hits / han if han else 0.0)


def test_plausibility_sample_stops_after_the_first_non_ascii_characters():
    from ipextract import decode

    text = "a" * 70000 + "中" * decode._SAMPLE_CHARS + "\ufffd" * 100
    assert decode.plausibility(text) == 1.0


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WHITESPACE + "a中\x00"), max_size=20))
def test_isspace_is_the_empty_strip_test(text):
    assert (not text or text.isspace()) == (not text.strip())


def test_whitespace_only_pages_are_empty_and_others_are_not():
    from ipextract import parse

    assert parse("\u3000 \n\t\u00a0".encode()).error_kind == "empty"
    assert parse(" \n<p>正文内容在这里</p>".encode()).error_kind is None


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
