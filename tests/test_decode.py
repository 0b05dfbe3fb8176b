"""Bytes -> text: BOMs, declarations (true and lying), detection of GBK vs Big5, bad bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, load_gold
from ipextract import decode as decode_module
from ipextract.decode import declared_charset, decode, normalize_charset, plausibility, utf16_codec

SIMPLIFIED = load_gold("gne-shanxi-gov-1")["body"]
#: Real Traditional text (Liberty Times), kept to what Big5 can encode.
TRADITIONAL = (
    "〔記者巫其倫／台北報導〕財政部今天下午將公佈今年1-2月期統一發票中獎清冊，財政部透露，"
    "本期千萬中獎張數為18張；200萬特獎中獎張數則為14張。今年1-2月期統一發票1000萬元特別獎"
    "獎號為「12620024」；200萬元特獎中獎號碼為「39793895」，兌獎期限為4月6日至7月6日。"
)


def html(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"


def test_utf8_bom_wins_over_a_declaration():
    data = codecs.BOM_UTF8 + html(SIMPLIFIED, '<meta charset="gb2312">').encode("utf-8")
    out = decode(data)
    assert out.encoding == "utf-8"
    assert SIMPLIFIED in out.text
    assert not out.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec):
    data = html(SIMPLIFIED).encode(codec)
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    for raw in (bom + data, data):
        out = decode(raw)
        assert out.encoding == codec
        assert SIMPLIFIED in out.text


def test_declared_gb2312_decodes_as_gb18030_superset():
    # 镕 and 堃 are outside GB2312 but in GBK/GB18030: pages labelled gb2312 use them.
    text = "朱镕基、王堃" + SIMPLIFIED
    out = decode(html(text, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk"))
    assert out.encoding == "gb18030"
    assert out.declared == "gb2312"
    assert text in out.text
    assert out.warnings == []


def test_declaration_after_a_long_head_script_is_found():
    meta = "<script>" + "var a = 1;\n" * 1500 + '</script><meta charset="big5">'
    assert declared_charset(html("x", meta).encode("ascii")) == "big5"


def test_lying_declaration_on_utf8_bytes():
    out = decode(html(SIMPLIFIED, '<meta charset="gb2312">').encode("utf-8"))
    assert out.encoding == "utf-8"
    assert SIMPLIFIED in out.text
    assert out.warnings == ["declared charset gb2312 is wrong: bytes are UTF-8"]


def test_undeclared_gbk_bytes():
    out = decode(html(SIMPLIFIED).encode("gbk"))
    assert out.encoding == "gb18030"
    assert SIMPLIFIED in out.text


def test_undeclared_big5_bytes_are_not_read_as_gbk():
    out = decode(html(TRADITIONAL).encode("big5"))
    assert out.encoding == "big5hkscs"
    assert TRADITIONAL in out.text


def test_short_undeclared_big5_bytes():
    out = decode(html(TRADITIONAL[:12]).encode("big5"))
    assert TRADITIONAL[:12] in out.text


def test_big5_bytes_labelled_gb2312_are_read_as_big5():
    out = decode(html(TRADITIONAL, '<meta charset="gb2312">').encode("big5"))
    assert out.encoding == "big5hkscs"
    assert TRADITIONAL in out.text
    assert out.warnings == ["declared charset gb2312 does not fit the bytes; decoded as big5hkscs"]


def test_gbk_bytes_labelled_big5_are_read_as_gbk():
    out = decode(html(SIMPLIFIED, '<meta charset="big5">').encode("gbk"))
    assert out.encoding == "gb18030"
    assert SIMPLIFIED in out.text


def test_gbk_bytes_labelled_latin1_are_read_as_gbk():
    out = decode(html(SIMPLIFIED, '<meta charset="iso-8859-1">').encode("gbk"))
    assert out.encoding == "gb18030"
    assert SIMPLIFIED in out.text


def test_hkscs_and_cp950_extensions():
    hk = TRADITIONAL + "㗎"  # HKSCS only
    out = decode(html(hk, '<meta charset="big5">').encode("big5hkscs"))
    assert out.encoding == "big5hkscs"
    assert hk in out.text
    euro = TRADITIONAL + "€"  # cp950 only
    out = decode(html(euro, '<meta charset="big5">').encode("cp950"))
    assert out.encoding == "cp950"
    assert euro in out.text


def test_traditional_text_in_gb18030_stays_gb18030():
    out = decode(html(TRADITIONAL, '<meta charset="gbk">').encode("gb18030"))
    assert out.encoding == "gb18030"
    assert TRADITIONAL in out.text


def test_undecodable_bytes_are_replaced_with_a_warning():
    data = html(SIMPLIFIED, '<meta charset="gbk">').encode("gbk")
    data = data.replace(b"<p>", b"<p>\xff\xff")
    out = decode(data)
    assert out.encoding == "gb18030"
    assert "\ufffd" in out.text
    assert SIMPLIFIED in out.text
    assert out.warnings == ["undecodable bytes replaced with U+FFFD while decoding as gb18030"]


def test_utf8_cut_in_the_middle_of_a_character_is_still_utf8():
    data = html(SIMPLIFIED).encode("utf-8")[:-len("</p></body></html>")] + "中".encode()[:2]
    out = decode(data)
    assert out.encoding == "utf-8"
    assert SIMPLIFIED in out.text


def test_ascii_only_and_unknown_labels():
    assert decode(b"<p>plain</p>").encoding == "utf-8"
    out = decode(html(SIMPLIFIED, '<meta charset="x-no-such-charset">').encode("gbk"))
    assert out.encoding == "gb18030"
    assert out.warnings == ["unknown declared charset 'x-no-such-charset'"]


def test_outside_hint_is_used_when_the_page_declares_nothing():
    out = decode(html(TRADITIONAL).encode("big5"), declared="big5")
    assert out.encoding == "big5hkscs"
    assert out.declared == "big5"


def test_normalize_charset_supersets():
    assert normalize_charset("GB2312") == "gb18030"
    assert normalize_charset("x-gbk") == "gb18030"
    assert normalize_charset("BIG5") == "big5hkscs"
    assert normalize_charset("utf8") == "utf-8"
    assert normalize_charset("nonsense") is None


def test_plausibility_separates_right_and_wrong_readings():
    big5 = html(TRADITIONAL).encode("big5")
    assert plausibility(big5.decode("big5")) > 0.8
    assert plausibility(big5.decode("gb18030", errors="replace")) < 0.4
    gbk = html(SIMPLIFIED).encode("gbk")
    assert plausibility(gbk.decode("gb18030")) > 0.8
    assert plausibility(gbk.decode("big5hkscs", errors="replace")) < 0.4


def test_real_gb2312_page_from_the_corpus():
    out = decode((FIXTURES / "trafilatura-hexinhua-gbk-1.html").read_bytes())
    assert out.encoding == "gb18030"
    assert out.declared == "gb2312"
    assert "话剧《约定无期限》河北各市巡演结束" in out.text


def test_utf8_cut_inside_a_character_stays_utf8_with_a_replacement():
    text = "<p>国家知识产权局</p>"
    assert decode(text.encode()).text == text
    cut = text.encode()[:-7] + "局".encode()[:2]
    doc = decode(cut)
    assert (doc.encoding, doc.text) == ("utf-8", "<p>国家知识产权\ufffd")


def test_mostly_utf8_page_with_a_gbk_line_is_decoded_line_by_line():
    gbk = "<p>国家知识产权局发布数据</p>".encode("gb18030") * 20
    assert (decode(gbk).encoding, decode(gbk).text) == ("gb18030", gbk.decode("gb18030"))
    mixed = "<p>国家知识产权局发布数据</p>\n".encode() * 20 + "<p>专利</p>\n".encode("gb18030")
    doc = decode(mixed)
    assert doc.encoding == "utf-8" and doc.text.endswith("<p>专利</p>\n")
    assert doc.warnings == ["1 lines are not UTF-8; decoded as gb18030"]


def test_declared_chinese_codec_is_kept_unless_another_reads_far_better():
    page = '<meta charset="gb2312"><p>国家知识产权局发布专利数据</p>'.encode("gb18030")
    doc = decode(page)
    assert (doc.encoding, doc.declared, doc.warnings) == ("gb18030", "gb2312", [])
    big5 = '<meta charset="gb2312"><p>國家知識產權局發布專利數據</p>'.encode("big5")
    doc = decode(big5)
    assert doc.encoding == "big5hkscs" and "國家知識產權局" in doc.text
    assert doc.warnings == ["declared charset gb2312 does not fit the bytes; decoded as big5hkscs"]


def test_plausibility_is_the_share_of_common_characters_among_han_like_ones():
    # Han-like: 国 的 (common), 㐀 鿿 (rare Han), U+FFFD and private use (what wrong codecs give).
    assert plausibility("abc 国的") == 1.0
    assert plausibility("国的㐀鿿") == 0.5
    assert plausibility("国\ufffd\ue000的") == 0.5
    assert plausibility("abc é😀 ，") == 0.0  # nothing Han-like


def test_plausibility_looks_at_the_first_non_ascii_characters_only():
    text = "a" * 70000 + "中" * decode_module._SAMPLE_CHARS + "\ufffd" * 100
    assert plausibility(text) == 1.0


#: ASCII, U+FFFD, the edges of the Chinese ranges and characters just outside them.
_GATE_ALPHABET = "a<> \n\ufffd中國，\u2e80\u9fff\uf900\ufaff\ufe30\uffef\u2e7f\ufe2f\u00e9\u3000\U00020000"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_GATE_ALPHABET)))
def test_too_few_chinese_shortcut_gives_the_answer_of_the_full_count(text):
    """`_too_few_chinese` first counts all non-ASCII characters but U+FFFD, a superset of the
    Chinese ones: when even those are too few, so are the Chinese; else it counts Chinese."""
    bad = text.count("\ufffd")
    chinese = len(text) - len(decode_module._CJK_RUNS.sub("", text))
    assert decode_module._too_few_chinese(text, bad) == (chinese < bad * decode_module._MIXED_GATE)


# ---------------------------------------------------------------------------------------------
# UTF-16 without a byte-order mark: one test, `utf16_codec`, for the decoder and the sniffer


def test_utf16_with_ascii_is_known_by_its_nuls():
    page = html(SIMPLIFIED)
    assert utf16_codec(page.encode("utf-16-le")) == "utf-16-le"
    assert utf16_codec(page.encode("utf-16-be")) == "utf-16-be"
    assert decode(page.encode("utf-16-le")).text == page


def test_all_chinese_utf16_is_known_by_reading_as_common_han():
    text = SIMPLIFIED.replace("\n", "")[:600]
    for codec in ("utf-16-le", "utf-16-be"):
        data = text.encode(codec)
        assert data.count(0) <= len(data) // 4  # too few NULs for the first sign
        assert utf16_codec(data) == codec
        assert (decode(data).encoding, decode(data).text) == (codec, text)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "big5"])
def test_pages_in_other_encodings_are_not_utf16(codec):
    text = TRADITIONAL if codec == "big5" else SIMPLIFIED
    assert utf16_codec(html(text).encode(codec)) is None
    assert utf16_codec(text.encode(codec)) is None


def test_nuls_spread_over_both_byte_orders_are_not_utf16():
    assert utf16_codec(bytes(100)) is None
    assert utf16_codec(b"a\x00b\x00" * 10 + b"\x00c\x00d" * 10) is None


#: Labels Python's codec registry knows that are no text encoding a page is written in.
NOT_TEXT_ENCODINGS = ("base64", "hex", "zlib", "rot13", "uu", "bz2", "idna", "punycode", "undefined")


@pytest.mark.parametrize("label", NOT_TEXT_ENCODINGS)
def test_a_charset_that_is_no_text_encoding_counts_as_none(label):
    assert normalize_charset(label) is None
    gbk = html(SIMPLIFIED, f'<meta charset="{label}">').encode("gbk")
    out = decode(gbk)
    assert (out.encoding, out.warnings) == ("gb18030", [f"unknown declared charset '{label}'"])
    assert SIMPLIFIED in out.text
    hinted = decode(html(SIMPLIFIED).encode("gbk"), declared=label)
    assert hinted.encoding == "gb18030"
    assert SIMPLIFIED in hinted.text


@pytest.mark.parametrize("label", NOT_TEXT_ENCODINGS)
def test_a_page_declaring_no_text_encoding_parses(label):
    from ipextract import parse

    # Long Western text: before, punycode decoded it in quadratic time, others raised.
    words = " ".join(f"caf\xe9{i}" for i in range(20000))
    page = html(f"Le caf\xe9 de la place ferme en ao\xfbt.</p><p>{words}", f'<meta charset="{label}">')
    doc = parse(page.encode("cp1252"), path="page.html", declared_charset=label)
    assert (doc.error_kind, doc.error) == (None, None)
    assert doc.text.endswith("19999")  # the Latin letters are guessed, not declared: only ASCII is sure


@pytest.mark.parametrize("label", ["GB2312", "utf-8", "windows-1252", "Shift_JIS", "big5", "ISO-8859-1", "koi8-r"])
def test_text_encodings_pages_use_are_still_accepted(label):
    assert normalize_charset(label) is not None
