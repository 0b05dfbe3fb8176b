"""Facts through the public API and the pipeline: fields, spans, Traditional pages, metrics,
restatements, the segmenter's compatibility with jieba and its lazy loading."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipextract import Options, parse
from ipextract.facts import extract
from ipextract.facts.segment import Segmenter, build_dictionary, segmenter

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
        "2021年全区生产总值比上年增长6.2%。一季度和全年GDP增速分别为18.8%和6.2%。\n"
        "1人在南投购买50元咖啡；1人则购买35元茶饮。全家树林店花35元购买咖啡。"
    )
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


SENTENCES = [
    "2018年,通过政策兑现为全区3229家企业和个人发放1.6万余项知识产权资助,资助金额总计1.43亿元。",
    "1-8月份,我市高技术制造业在建项目数为289个,比去年同期增加了72个,占工业投资比重为17.8%。",
    "全区技师学院新校区等14个市定重点项目,总投资68.3亿元,止5月底完成投资16亿元,占年计划的53.8%。",
    "一季度、上半年、前三季度和全年GDP增速分别为18.8%、9.6%、8.7%和6.2%,两年平均增速分别为4.7%、5.0%。",
    "凯尔特人在主场以139-107大胜湖人,沃克13投8中,三分球4投2中,得到20分、7次助攻和4个篮板。",
    "今年1-2月期统一发票1000万元特别奖奖号为「12620024」;200万元特奖中奖号码为「39793895」。",
]


def test_segmenter_matches_jieba_on_the_same_dictionary():
    jieba = pytest.importorskip("jieba")
    from importlib import resources

    path = resources.files("ipextract").joinpath("data", "facts_dict.txt")
    reference = jieba.Tokenizer(dictionary=str(path))
    ours = segmenter()
    for sentence in SENTENCES:
        assert list(ours.cut(sentence)) == list(reference.cut(sentence, HMM=False))


def test_segmenter_tags_words_from_the_dictionary():
    seg = Segmenter.from_text("资助 100 vn\n金额 200 n\n总计 50 v\n资助金额 5000 n\n亿 10\n")
    assert seg.tag("资助金额总计1.43亿") == [
        ("资助金额", "n"), ("总计", "v"), ("1", "m"), (".", "m"), ("43", "m"), ("亿", "x"),
    ]


def test_jieba_is_never_imported_and_the_dictionary_loads_only_for_facts():
    code = (
        "import sys\n"
        "from ipextract import parse\n"
        "from ipextract.facts.segment import segmenter\n"
        "doc = parse('标题\\n2019-07-29 来源：某报\\n没有数字的正文。\\n'.encode())\n"
        "print(segmenter.cache_info().currsize, 'jieba' in sys.modules)\n"
        "doc = parse('标题\\n2019-07-29 来源：某报\\n全区企业超过2000家。\\n'.encode())\n"
        "print(segmenter.cache_info().currsize, 'jieba' in sys.modules, len(doc.facts))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "False", "1", "False", "1"]


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


def test_packaged_dictionary_is_jiebas_trimmed_dictionary_plus_our_terms(tmp_path):
    """facts_dict.txt is what build_dictionary() makes from jieba's dict.txt and data/facts_terms.txt:
    a word added to (or retagged in) the terms file is in the dictionary the segmenter loads."""
    jieba = pytest.importorskip("jieba")
    from importlib import resources

    built = tmp_path / "facts_dict.txt"
    build_dictionary(Path(jieba.__file__).parent / "dict.txt", built)
    packaged = resources.files("ipextract").joinpath("data", "facts_dict.txt").read_text(encoding="utf-8")
    assert built.read_text(encoding="utf-8") == packaged
    tags = segmenter().tags
    assert (tags["资金池"], tags["选手"], tags["本级"], tags["刑拘"]) == ("n", "n", "b", "v")
