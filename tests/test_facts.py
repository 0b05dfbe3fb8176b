"""Facts through the public API and the pipeline: fields, spans, Traditional pages, metrics,
restatements, the segmenter's cuts and its lazy loading."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipextract import Options, parse
from ipextract.facts import extract
from ipextract.facts.segment import segmenter
from ipextract.resources import data_text

KINDS = {"money", "count", "percent", "points", "multiple", "area", "weight", "energy", "other"}
REF = dt.date(2019, 7, 29)


def _page(body: str, *, date: str = "2019-07-29 10:14", title: str = "測試頁面標題") -> bytes:
    return f"{title}\n{date} 來源：南方日報\n{body}\n".encode()


# Traditional pages through ipextract.parse: conversion happens before facts are read.
TRADITIONAL = [
    ("2018年，全區發放知識產權資助1.6萬餘項，資助金額總計1.43億元。",
     [("1.6万余项", 16000, "项", "over", "2018"), ("1.43亿元", 143_000_000, "元", "exact", "2018")]),
    ("目前，全區知識產權服務機構數量已超過180家。", [("超过180家", 180, "家", "over", "2019-07-29")]),
    ("3年來，全區專利權質押融資額近20億元。", [("近20亿元", 2_000_000_000, "元", "approx", "2016/2019")]),
    ("今年1至4月實現銷售收入88.8億元，同比增長6.2%。",
     [("88.8亿元", 8_880_000_000, "元", "exact", "2019-01/2019-04"), ("6.2%", 6.2, "%", "exact", "2019-01/2019-04")]),
    ("2020年，增加值較1-11月加快0.5個百分點。", [("0.5个百分点", 0.5, "百分点", "exact", "2020")]),
    ("宜賓：投資超億元項目佔8成以上。", [("8成以上", 80, "%", "over", None)]),
    ("全國高鐵只能保證五分之一運力，僅為平日的一半。",
     [("五分之一", 20, "%", "exact", None), ("一半", 50, "%", "exact", None)]),
    ("日本﹑韓國以及台灣的公司每年共向華為提供價值264億美元的零件。",
     [("264亿美元", 26_400_000_000, "美元", "exact", None)]),
    ("該公司銷售額的40％來源於智慧手機記憶體晶片。", [("40％", 40, "%", "exact", None)]),
    ("去年11-12月期統一發票，千萬發票仍有4張未領。", [("4张", 4, "张", "exact", "2018-11/2018-12")]),
    ("這裏聚集了超過90%的在巴中國移民和近200家中資企業。",
     [("超过90%", 90, "%", "over", None), ("近200家", 200, "家", "approx", None)]),
    ("兩個政策互為補充，覆蓋三大領域。", []),
]


@pytest.mark.parametrize(("body", "expected"), TRADITIONAL, ids=[b[:16] for b, _ in TRADITIONAL])
def test_traditional_page_through_the_pipeline(body, expected):
    doc = parse(_page(body))
    assert doc.error is None
    assert doc.script == "traditional"
    got = [(f.text, f.value, f.unit, f.qualifier, f.date) for f in doc.facts]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert (g[0], g[2], g[3], g[4]) == (e[0], e[2], e[3], e[4])
        assert g[1] == pytest.approx(e[1])


def test_ref_date_option_resolves_relative_periods_when_the_page_has_no_date():
    page = "沒有日期的頁面標題\n今年1至8月，全市完成招商引資區外到位資金503.5億元。\n".encode()
    assert [f.date for f in parse(page).facts] == [None]
    doc = parse(page, Options(ref_date=dt.date(2017, 9, 30)))
    assert [f.date for f in doc.facts] == ["2017-01/2017-08"]


def test_fact_fields_and_serialisation(fixtures):
    body = json.loads(Path(fixtures / "gold" / "seed-hp-ip.json").read_text(encoding="utf-8"))["body"]
    facts = extract(body, REF)
    lines = body.split("\n")
    assert len(facts) >= 28
    for f in facts:
        assert body[f.span[0]:f.span[1]] == f.text
        assert f.kind in KINDS
        assert f.qualifier in {"exact", "approx", "over", "under"}
        assert f.change in {None, "increase", "decrease"}
        assert f.text in lines[f.paragraph]
        assert f.text in f.sentence
        d = f.to_dict()
        assert list(d) == ["text", "value", "value_max", "unit", "kind", "qualifier", "change", "date",
                           "date_text", "metric", "sentence", "span", "paragraph"]
    money = next(f for f in facts if f.text == "1.43亿元")
    assert money.to_dict()["value"] == 143000000 and isinstance(money.to_dict()["value"], int)
    assert money.metric == "资助金额"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("资助金额总计1.43亿元。", "资助金额"),
        ("全区专利权质押融资额近20亿元。", "专利权质押融资额"),
        ("为全区3229家企业和个人发放资助。", "企业和个人"),
        ("发放1.6万余项知识产权资助。", "知识产权资助"),
        ("高新技术企业超过2000家。", "高新技术企业"),
        ("全县固定资产投资完成246.79亿元。", "固定资产投资"),
        ("占长垣税收总额的18.4%。", "占长垣税收总额比重"),
        ("营业收入同比增长10.2%。", "营业收入同比增长"),
        ("拥有14亿人口的大国。", "人口"),
        ("减少碳排放3.5万吨。", "碳排放"),
        ("规模以上高新技术产业产值占到全市的70%以上。", "规模以上高新技术产业产值占全市比重"),
        ("签订了15个项目。", "项目"),
    ],
)
def test_metric(sentence, metric):
    (fact,) = extract(sentence, REF)
    assert fact.metric == metric


def test_subjectless_clause_borrows_the_metric_before_it():
    facts = extract("全县固定资产投资完成246.79亿元，同比增长15.3%。", REF)
    assert [f.metric for f in facts] == ["固定资产投资", "固定资产投资同比增长"]


def test_restated_figures_are_reported_once():
    text = (
        "内需是中国经济的基本盘，拥有14亿人口的大国内需宽广。14亿人口使我国粮食消耗量超过7亿吨。\n"
        "1人在南投购买50元咖啡；1人则购买35元茶饮。全家树林店花35元购买咖啡。\n"
        "2021年全区生产总值比上年增长6.2%。一季度和全年GDP增速分别为18.8%和6.2%。"
    )  # the purchases come first: the 2021 that opens the last paragraph would carry to them
    facts = extract(text, REF)
    assert [(f.value, f.unit) for f in facts if f.unit == "人"] == [(1_400_000_000, "人")]
    assert [f.date for f in facts if f.value == 6.2] == ["2021"]
    assert [f.text for f in facts if f.value == 35] == ["35元", "35元"]  # two purchases, not one


def test_figures_in_a_heading_are_left_to_the_body():
    text = "层层套路被骗走139万元\n8月13日，徐阿婆报案，称被诈骗了139万元。"
    facts = extract(text, dt.date(2019, 9, 11))
    assert [(f.text, f.paragraph, f.date) for f in facts] == [("139万元", 1, "2019-08-13")]


def test_empty_and_numberless_texts():
    assert extract("", REF) == []
    assert extract("\n\n", REF) == []
    assert extract("没有任何数字的一段话。", None) == []


@pytest.mark.parametrize(
    ("clause", "words"),
    [
        ("1-8月我市规模以上工业企业累计实现营业收入10028亿元",  # p11
         "1 - 8 月 我 市 规模以上工业 企业 累计 实现 营业收入 10028 亿元"),
        ("专利密集型产业增加值达到15.32万亿元,同比增长7.1%,占GDP的比重达到12.7%。",  # p15
         "专利密集型产业 增加值 达到 15 . 32 万 亿元 , 同比 增长 7 . 1 % , 占 GDP 的 比重 达到 12 . 7 % 。"),
        ("地方一般公共预算收入完成28,583万元(自然口径)",  # q05
         "地方 一般 公共 预算 收入 完成 28 , 583 万元 ( 自然 口径 )"),
        ("2018年14户新增企业1—3月完成工业总产值同比增长176.4%",  # p14
         "2018 年 14 户 新增 企业 1 — 3 月 完成 工业总产值 同比 增长 176 . 4 %"),
        ("1人在南投县南投市宏旺门市购买50元的CITY CAFE咖啡",  # htmldate-ltn-trad-1, converted
         "1 人 在 南 投 县 南 投 市 宏 旺 门市 购买 50 元 的 CITY _ CAFE 咖啡"),
    ],
)
def test_segmenter_cuts_fixture_clauses(clause, words):
    """jieba's cut over the trimmed dictionary (HMM off): our terms are whole words (规模以上工业,
    工业总产值), a name the dictionary lacks falls apart into characters (宏 旺), digits split at
    a point or comma, and a space is a word of its own (written _ here)."""
    assert segmenter().cut(clause) == [" " if w == "_" else w for w in words.split(" ")]


def test_segmenter_tags_come_from_the_dictionary():
    assert segmenter().tag("资助金额总计1.43亿元的CITY CAFE。") == [
        ("资助", "n"), ("金额", "n"), ("总计", "n"), ("1", "m"), (".", "m"), ("43", "m"), ("亿元", "m"),
        ("的", "uj"), ("CITY", "eng"), (" ", "x"), ("CAFE", "eng"), ("。", "x"),
    ]
    assert (segmenter().tags["资金池"], segmenter().tags["刑拘"], segmenter().tags["本级"]) == ("n", "v", "b")


def test_jieba_loads_once_only_for_facts_and_writes_and_prints_nothing(tmp_path):
    """jieba is imported on the first paragraph with a figure, its tokenizer built once per
    process, and no cache file lands in the temp folder; jieba's own default dictionary is
    never loaded."""
    code = (
        "import sys\n"
        "from ipextract import parse\n"
        "from ipextract.facts.segment import segmenter\n"
        "doc = parse('标题\\n2019-07-29 来源：某报\\n没有数字的正文。\\n'.encode())\n"
        "print(segmenter.cache_info().currsize, 'jieba' in sys.modules)\n"
        "doc = parse('标题\\n2019-07-29 来源：某报\\n全区企业超过2000家。\\n'.encode())\n"
        "first = segmenter()\n"
        "doc = parse('标题\\n2019-07-29 来源：某报\\n全区企业超过3000家。\\n'.encode())\n"
        "import jieba\n"
        "print(segmenter.cache_info().currsize, segmenter() is first, len(doc.facts), jieba.dt.initialized)\n"
    )
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert proc.stdout.split() == ["0", "False", "1", "True", "1", "False"]
    assert proc.stderr == ""
    assert list(temp.iterdir()) == []


def test_packaged_dictionary_is_what_the_build_tool_makes():
    """facts_dict.txt is tools/build_segment_dictionary.py's merge of jieba's dict.txt and our
    terms: a word added to (or retagged in) data/facts_terms.txt needs the tool rerun."""
    import build_segment_dictionary as tool

    assert tool.build(tool.jieba_dictionary()) == data_text("facts_dict.txt")


_CHUNKS = [
    "2018年，", "全区", "3229家", "企业", "1.6万余项", "近20亿元", "超过了90家", "70%以上", "，", "。", "\n",
    "同比增长", "6.2%", "三分之一", "一半", "1/10", "3至5亿元", "1-8月", "去年", "目前", "截至", "“美玉10条”",
    "8.5个百分点", "两个", "第3名", "〔2023〕5号", "021-34206231", "2.5∶37.3∶60.2", "一百一十七亿元",
    "１２３４家", "４５％", "三成半", "其中", "、", "和", " ", "?", "亿", "万", "5", "0", "个",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_CHUNKS), max_size=40), st.text(max_size=30))
def test_every_span_slices_its_surface(chunks, noise):
    text = "".join(chunks) + noise
    lines = text.split("\n")
    for fact in extract(text, REF):
        assert text[fact.span[0]:fact.span[1]] == fact.text
        line_start = sum(len(line) + 1 for line in lines[: fact.paragraph])
        assert line_start <= fact.span[0] and fact.span[1] <= line_start + len(lines[fact.paragraph])
        assert fact.kind in KINDS


@pytest.mark.parametrize(
    "text",
    [
        "?" * 100_000,
        "1" * 200_000,
        "1," * 100_000 + "元",
        "1-" * 100_000 + "2家",
        "百分之" * 50_000,
        "一二三四五六七八九十百千万亿" * 10_000,
        "2019年1月2日至3日，" * 10_000,
        "增长12.5%，总投资3至5亿元，" * 5_000,
        "“" * 100_000 + "1家",
        "a@" * 50_000,
    ],
    ids=["question-marks", "digits", "commas", "dashes", "percent-words", "numerals", "dates", "figures",
         "quotes", "at-signs"],
)
def test_hostile_inputs_finish_and_stay_consistent(text):
    facts = extract(text, REF)
    for fact in facts:
        assert text[fact.span[0]:fact.span[1]] == fact.text
