"""Script conversion (OpenCC t2s plus the reviewed corrections) and script detection."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import load_gold
from ipextract import convert, parse_file
from ipextract.options import Options
from ipextract.resources import data_text


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("發揮著重要作用", "发挥着重要作用"),
        ("正著力構建", "正着力构建"),
        ("隨著保護力度的增強", "随着保护力度的增强"),
        ("這意味著作為企業", "这意味着作为企业"),  # not read as 著作
        ("著重強調", "着重强调"),
        ("執著追求", "执着追求"),
        ("著陸", "着陆"),
        ("打造優勢特色產業的著力點", "打造优势特色产业的着力点"),
    ],
)
def test_particle_and_zhuo_become_着(traditional, simplified):
    assert convert.to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        # s2t writes these replies with 覆; a converted mirror's must come back as 复.
        ("關於建議的覆函", "关于建议的复函"),
        ("关于建议的覆函", "关于建议的复函"),
        ("國務院批覆同意", "国务院批复同意"),
        ("現答覆如下", "现答复如下"),
    ],
)
def test_replies_written_with_覆_come_back_as_复(traditional, simplified):
    assert convert.to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("著名專家", "著名专家"),
        ("著作權保護", "著作权保护"),
        ("擁有著作權", "拥有著作权"),  # 有著 would otherwise win
        ("擁有著名品牌", "拥有著名品牌"),
        ("成效顯著", "成效显著"),
        ("學術論著", "学术论著"),
        ("當地土著", "当地土著"),
    ],
)
def test_zhu_words_keep_著(traditional, simplified):
    assert convert.to_simplified(traditional) == simplified


def test_corrections_are_an_opencc_text_dictionary_chained_after_t2s():
    data = resources.files("ipextract").joinpath("data")
    config = json.loads(data.joinpath("opencc_t2s_corrections.json").read_text(encoding="utf-8"))
    chain = config["conversion_chain"]
    assert chain[-1]["dict"] == {"type": "text", "file": "opencc_corrections.tsv"}
    assert chain[0]["dict"]["dicts"][0]["file"] == "TSPhrases.ocd2"
    assert convert.t2s() is convert.t2s()


def test_simplified_text_passes_through():
    text = "国家级知识产权改革试验田亮出“成绩单”，著名企业发挥着作用。"
    assert convert.to_simplified(text) == text
    assert convert.to_simplified("") == ""


def test_a_long_text_converts_in_one_piece():
    text = "廣州開發區發揮著重要推動作用，知識產權保護體系不斷完善。" * 40_000
    assert convert.to_simplified(text) == "广州开发区发挥着重要推动作用，知识产权保护体系不断完善。" * 40_000


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("國家級知識產權改革試驗田亮出成績單", "traditional"),
        ("国家级知识产权改革试验田亮出成绩单", "simplified"),
        ("国家级知识产权改革试验田亮出成绩单。" * 5 + "國家級知識產權", "mixed"),
        ("GDP 2019 100%", None),
        ("", None),
    ],
)
def test_detect_script(text, script):
    assert convert.detect_script(text) == script


@pytest.mark.parametrize("name", ["seed-hp-ip", "p01", "p06", "p08", "p09", "p13", "p15"])
def test_detect_script_on_corpus_pages(fixtures, name):
    doc = parse_file(fixtures / f"{name}.txt", Options(script="keep", facts=False))
    assert doc.script == convert.detect_script(doc.text) == load_gold(name)["script"]


def test_shipped_script_marks_are_what_opencc_gives_today():
    """detect_script reads its marks from package data: they must be what
    tools/build_script_marks.py derives from OpenCC, or the table needs rebuilding."""
    import build_script_marks as tool

    assert tool.build() == data_text(convert.MARKS)
    marks = convert.char_table(convert.MARKS)
    assert "國" in marks["traditional"] and "国" in marks["simplified"]
    assert "田" not in marks["traditional"] + marks["simplified"]
    assert (len(marks["traditional"]), len(marks["simplified"])) == (3558, 2597)


def test_detect_script_verdicts_from_the_shipped_marks():
    text = "國家級知識產權改革試驗田亮出成績單"
    assert convert.detect_script(text + "，国家级") == "mixed"
    assert convert.detect_script(text) == "traditional"
    assert convert.detect_script("国家级知识产权改革试验田亮出成绩单。" * 5 + "國家級知識產權") == "mixed"
    assert convert.detect_script("田中") == "simplified"  # no marked character: nothing says Traditional
    assert convert.detect_script("abc 123") is None


def test_detect_script_reads_the_first_20000_han_characters_of_long_texts():
    assert convert.detect_script("國" * 20_000 + "国" * 30_000) == "traditional"
    assert convert.detect_script("a" * 30_000 + "国" * 10 + "國" * 3) == "mixed"
    assert convert.detect_script("a" * 80_000 + "國") is None  # past the 80,000-character window
    assert convert.detect_script("a" * 25_000) is None




@pytest.mark.parametrize(
    ("traditional", "simplified", "script"),
    [(0, 0, "simplified"), (1, 0, "traditional"), (0, 1, "simplified"), (1, 9, "mixed"), (1, 8, "mixed"),
     (1, 10, "simplified"), (9, 1, "traditional"), (8, 1, "mixed"), (10, 1, "traditional"),
     (2, 18, "mixed"), (2, 19, "simplified"), (18, 2, "traditional"), (17, 2, "mixed"),
     (50, 450, "mixed"), (50, 451, "simplified"), (450, 50, "traditional")],
)
def test_detect_script_boundaries(traditional, simplified, script):
    """Traditional from a 90 % share of Traditional-only forms among the marked characters,
    Simplified under 10 %, mixed between; 的 is in both scripts and counts for neither."""
    assert convert.detect_script("國" * traditional + "的" * 5 + "国" * simplified) == script


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["國", "家", "發", "国", "发", "的", "田", "a", " ", "。", "\n"]), max_size=400)
       .map("".join))
def test_detect_script_is_the_share_of_traditional_only_forms(text):
    """國 發 are Traditional-only forms, 国 发 Simplified-only ones, 家 的 田 in both scripts."""
    traditional = text.count("國") + text.count("發")
    marked = traditional + text.count("国") + text.count("发")
    if not any(ch in text for ch in "國家發国发的田"):
        assert convert.detect_script(text) is None
    elif not marked or traditional / marked < 0.1:
        assert convert.detect_script(text) == "simplified"
    else:
        assert convert.detect_script(text) == ("traditional" if traditional / marked >= 0.9 else "mixed")


@pytest.mark.parametrize(
    ("texts", "simplified"),
    [
        (["著", "名企業"], ["着", "名企业"]),  # joined they would read 著名 and keep 著
        (["發揮", "著重強調"], ["发挥", "着重强调"]),
        (["這意味著作為"], ["这意味着作为"]),
        (["", "國家"], ["", "国家"]),
        (["a\nb", "國"], ["a\nb", "国"]),  # a text holding a line break is converted alone
    ],
)
def test_convert_all_gives_each_text_its_own_conversion(texts, simplified):
    assert convert.to_simplified_all(texts) == simplified == [convert.to_simplified(t) for t in texts]


@pytest.mark.parametrize(
    "texts",
    [["a⿰", "國"], ["㑮⿲0", "㑮"], ["⿰", "國家", "發展"], ["國⿱", "", "國"], ["⿰國", "國"]],
)
def test_convert_all_keeps_a_description_operator_inside_its_own_text(texts):
    """OpenCC copies an ideographic description sequence unconverted and takes its operands from
    whatever follows, a line break and the next text included: joined, 國 would stay 國."""
    assert convert.to_simplified_all(texts) == [convert.to_simplified(t) for t in texts]
    assert convert.to_simplified_all(["a⿰", "國"]) == ["a⿰", "国"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("國发發的a0 \u2ff0\u2ff2\u2ffe。著名")), max_size=6), max_size=5))
def test_convert_all_is_each_text_converted_alone(texts):
    assert convert.to_simplified_all(texts) == [convert.to_simplified(t) for t in texts]
