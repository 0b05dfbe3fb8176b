"""The metric finder (facts/metric.py): exact metrics for the seed page's hard cases, for corpus
pages (their gold bodies, tests/fixtures/gold), and for the rules' guards."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import load_gold
from ipextract.facts import extract, lexicon
from ipextract.facts.metric import find

REF = dt.date(2019, 7, 29)


def _metrics(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.metric) for f in extract(text, REF)]


# Sentences as the seed page writes them (tests/fixtures/seed-hp-ip.txt, paragraphs 12, 17, 18, 19).
SEED = [
    # a money figure before the thing it measures: that thing, with what is measured of it (规模)
    ("尤其是引进规模6亿元的广州市重点产业知识产权运营基金,设立规模6500万元广州开发区知识产权运营基金,"
     "设立2000万元广州开发区知识产权质押融资风险补偿资金池,有效加速了知识产权运营。",
     [("6亿元", "广州市重点产业知识产权运营基金规模"), ("6500万元", "广州开发区知识产权运营基金规模"),
      ("2000万元", "广州开发区知识产权质押融资风险补偿资金池")]),
    # 每万人 is part of the metric; a multiple 是X的N倍 is of the subject, not of the base X
    ("2018年,每万人发明专利拥有量达到100.5件,是全市平均水平的4倍。",
     [("100.5件", "每万人发明专利拥有量"), ("4倍", "每万人发明专利拥有量")]),
    # what a measure word counts runs to its head noun, through 或 and a verb-noun (培育)
    ("目前,全区知识产权服务机构数量已超过180家,其中包括19家全国知识产权服务品牌或品牌培育机构,服务内容涵盖了知识产权代理。",
     [("超过180家", "知识产权服务机构数量"), ("19家", "全国知识产权服务品牌或品牌培育机构")]),
    # an area before a place: the place's area, never the verb phrase before the figure
    ("同时,将加快建设广州知识城420亩知识产权服务园区,引进一批国内外知识产权服务机构。",
     [("420亩", "知识产权服务园区面积")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SEED, ids=[e[0][0] for _, e in SEED])
def test_seed_page_metrics(sentence, expected):
    assert _metrics(sentence) == expected


def test_seed_page_through_the_pipeline(fixtures):
    from ipextract import parse_file

    doc = parse_file(fixtures / "seed-hp-ip.txt")
    got = {f.text: f.metric for f in doc.facts}
    assert {t: got[t] for t in ("6亿元", "6500万元", "2000万元", "100.5件", "4倍", "19家", "420亩")} == {
        "6亿元": "广州市重点产业知识产权运营基金规模",
        "6500万元": "广州开发区知识产权运营基金规模",
        "2000万元": "广州开发区知识产权质押融资风险补偿资金池",
        "100.5件": "每万人发明专利拥有量",
        "4倍": "每万人发明专利拥有量",
        "19家": "全国知识产权服务品牌或品牌培育机构",
        "420亩": "知识产权服务园区面积",
    }
    # the figures that were right stay right
    assert [got[t] for t in ("219个", "3229家", "1.6万余项", "1.43亿元", "近20亿元", "超过6万件")] == [
        "国家级开发区", "企业和个人", "知识产权资助", "资助金额", "专利权质押融资额", "专利申请量",
    ]
    for f in doc.facts:  # never a verb first, never a bare place name
        assert f.metric is None or not f.metric.startswith(("建设", "引进", "设立")), f
        assert f.metric not in ("广州开发区", "广州市重点", "广州市"), f


# (page, fact text, metric) on gold bodies of the corpus.
CORPUS = [
    ("seed-hp-ip", "219个", "国家级开发区"),  # 219个国家级开发区|综合发展水平评价中
    ("gne-njxfhn-spam-1", "314人", "刑拘人数"),  # a bare verb names a count
    ("gne-njxfhn-spam-1", "12.3%", "刑拘人数同比下降"),  # …and lends it to the clause after
    ("gne-njxfhn-spam-1", "559宗", "破案数"),
    ("gne-njxfhn-spam-1", "151人", "逮捕人数"),
    ("gne-njxfhn-spam-1", "一百三十多万元", "转走金额"),  # 分多笔|转走了: 笔 is a measure word
    ("gne-cmse-1", "4次", "变轨次数"),
    ("p04", "65个", "泸州市本级开工项目"),
    ("p04", "420.6亿元", "泸州市本级开工项目总投资"),
    ("p03", "503.5亿元", "招商引资区外到位资金"),
    ("p03", "82.0亿元", "招商引资区外到位资金"),  # …排在前三位的是岑溪市82.0亿元: not the place
    ("p03", "77.4亿元", "招商引资区外到位资金"),  # 、藤县77.4亿元: the list's subject
    ("p03", "315个", "区外投资项目"),  # 梧州市引进|区外投资项目: the subject and its verb go
    ("p10", "14个", "市定重点项目"),
    ("p10", "53.8%", "完成投资"),  # 占年计划的53.8% (年计划 blanked as a period): no empty 占比重
    ("p07", "75家", "规模以上工业企业"),  # 75家规模以上工业企业|增加值、总产值…
    ("p07", "8.5个百分点", "总产值同比增长比上月加快"),  # no 分别 in a metric
    ("p07", "0.5个百分点", "规模以上工业企业增加值增长加快"),  # 较<date>加快: no dangling 较
    ("trafilatura-banyuetan-1", "2.8万平方米", "园区面积"),
    ("trafilatura-hexinhua-gbk-1", "10个", "设区市"),  # not 张家口, the last place before it
    ("trafilatura-hexinhua-gbk-1", "10场", "演出场次"),
    ("gne-163-9", "4个", "收费站"),
    ("htmldate-udn-trad-1", "264亿美元", "零件价值"),  # 提供价值264亿美元的零件
    ("clone-wuhan-1", "近40个", "特色主题园区"),
    ("gne-xinhuanet-1", "10条", "地铁线路"),  # 16条地铁线路有|10条: not 条地铁线路
]


@pytest.fixture(scope="module")
def corpus_facts() -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = {}
    for page in {p for p, _, _ in CORPUS}:
        gold = load_gold(page)
        date = gold.get("published_at") or gold.get("ref_date")
        ref = dt.date.fromisoformat(date[:10]) if date and len(date) >= 10 else None
        facts = extract(gold["body"], ref, roc_years="(Taiwan)" in (gold.get("notes") or ""))
        out[page] = {}
        for f in facts:
            out[page].setdefault(f.text, f.metric)
    return out


@pytest.mark.parametrize(("page", "text", "metric"), CORPUS, ids=[f"{p}:{t}" for p, t, _ in CORPUS])
def test_corpus_metric(corpus_facts, page, text, metric):
    assert corpus_facts[page][text] == metric


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the subject of a multiple in its own clause; none at all gives no metric, not the base
        ("全区人均GDP是全国平均水平的2倍。", [("2倍", "人均GDP")]),
        ("是全市平均水平的4倍。", [("4倍", None)]),
        ("今年营业收入达到20亿元，是2015年的3倍。", [("20亿元", "营业收入"), ("3倍", "营业收入")]),
        # money before a verb is what it is for, not what it measures
        ("投资5亿元建设产业园。", [("5亿元", "投资")]),
        ("投资5亿元的项目开工。", [("5亿元", "项目投资")]),
        ("占地200亩的项目开工。", [("200亩", "项目占地")]),
        # after a subject, only a head noun (项目, 基金, 机构…) is the thing measured
        ("达成交易额10亿元意向。", [("10亿元", "交易额")]),
        # a noun after a figure that is the subject of the next one is not measured by the first
        ("实现营业收入10亿元利润增长20%。", [("10亿元", "营业收入"), ("20%", "利润增长")]),
        ("该区投入2000万元专项资金。", [("2000万元", "专项资金")]),
        ("共向华为提供价值264亿美元的零件。", [("264亿美元", "零件价值")]),
        ("市本级财政收入50亿元。", [("50亿元", "市本级财政收入")]),
        # places listed after a subject take its metric
        ("全省GDP为1000亿元，其中，广州市80亿元，深圳市60亿元。",
         [("1000亿元", "GDP"), ("80亿元", "GDP"), ("60亿元", "GDP")]),
        ("全区生产总值增长8%，全区75家企业参展。", [("8%", "生产总值增长"), ("75家", "企业")]),
        # bare verbs become the noun for what they count or cost
        ("逮捕151人，破案559宗，办结7815件，培训200人次，举办10场演出。",
         [("151人", "逮捕人数"), ("559宗", "破案数"), ("7815件", "办结数"), ("200人次", "培训人次"),
          ("10场", "演出场次")]),
        ("被诈骗了139万元。", [("139万元", "诈骗金额")]),
        ("消费者在门市购买50元的CITY CAFE咖啡。", [("50元", "CITY CAFE咖啡金额")]),
        # predicates that only lead to a figure are never made into a count
        ("比去年同期增加了72个。", [("72个", "增加")]),
    ],
)
def test_metric_rules(sentence, expected):
    assert _metrics(sentence) == expected


def test_find_returns_the_predicate_for_a_subjectless_clause():
    assert find("，同比增长", "。", surface="15.3%", kind="percent") == (None, "同比增长")
    assert find("较     加快", "，", surface="0.5个百分点", kind="points") == (None, "加快")
    assert find("增速分别比上月加快", "。", surface="8.5个百分点", kind="points") == ("增速", "比上月加快")


def test_metric_words_are_data():
    words = lexicon.metric_words()
    assert set(words) == {"head", "money", "attribute", "skip"}
    assert {"机构", "企业", "资金池", "项目"} <= set(words["head"])
    assert {"资金", "基金", "投资"} <= set(words["money"])
    assert {"规模", "总投资"} & set(words["attribute"]) == {"规模"}
    assert words["skip"] == ("人民币",)
    for role in words.values():  # longest first: a token is matched against the word it ends with
        assert list(role) == sorted(role, key=len, reverse=True)
