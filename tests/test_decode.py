"""Bytes -> text: BOMs, declarations (true and lying), detection of GBK vs Big5, bad bytes."""

from __future__ import annotations

import codecs

import pytest

from conftest import FIXTURES, load_gold
from ipextract.decode import declared_charset, decode, normalize_charset, plausibility

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
