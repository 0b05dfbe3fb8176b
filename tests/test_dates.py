"""The Chinese date grammar: publication timestamps, period expressions, and which period
governs a figure (clause, then sentence, then the paragraph's leading date)."""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract.dates import parse_timestamp
from ipextract.facts import extract
from ipextract.facts.periods import ASOF, BASE, DEADLINE, PERIOD, VAGUE, find_periods

REF = dt.date(2019, 7, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布时间：2019-07-29 10:14:29", "2019-07-29T10:14:29"),
        ("2019年7月29日 来源：南方日报", "2019-07-29"),
        ("( 2023-07-24 ) 稿件来源:新华社", "2023-07-24"),
        ("2022- 07- 18 14: 50", "2022-07-18T14:50"),
        ("日期：2019/7/9", "2019-07-09"),
        ("2019-07-29T10:14:29", "2019-07-29T10:14:29"),
        ("2019年7月29日 10时14分30秒", "2019-07-29T10:14:30"),
        ("2019-13-40 或 2019-07-30", "2019-07-30"),  # the first one naming a calendar day
        ("没有日期", None),
        ("2019-13-40", None),
        ("", None),
        # Republic of China years (Taiwan pages) and a zone name before the clock (Hong Kong).
        ("民國109年6月3日", "2020-06-03"),
        ("中华民国110年1月4日", "2021-01-04"),
        ("發布日期：109-06-03 10:22", "2020-06-03T10:22"),
        ("更新：112/1/9", "2023-01-09"),
        ("2018-07-02 HKT 12:58", "2018-07-02T12:58"),
        ("北京时间2020年3月1日 北京时间 08:30", "2020-03-01T08:30"),
        ("192.168.110.1", None),  # an address is no ROC date
        ("第1109-06-03号", None),
    ],
)
def test_parse_timestamp(text, expected):
    assert parse_timestamp(text) == expected


# (expression, reference day, ISO value, role)
PERIODS = [
    ("2018年", REF, "2018", PERIOD),
    ("2019年7月", REF, "2019-07", PERIOD),
    ("2019年7月29日", REF, "2019-07-29", PERIOD),
    ("2019-07-29", REF, "2019-07-29", PERIOD),
    ("二〇一九年", REF, "2019", PERIOD),
    ("2016至2018年", REF, "2016/2018", PERIOD),
    ("2016—2018年", REF, "2016/2018", PERIOD),
    ("2016-2018年", REF, "2016/2018", PERIOD),
    ("2016年至2018年", REF, "2016/2018", PERIOD),
    ("1-8月", REF, "2019-01/2019-08", PERIOD),
    ("1至8月份", REF, "2019-01/2019-08", PERIOD),
    ("1—3月", REF, "2019-01/2019-03", PERIOD),
    ("今年1月至4月", dt.date(2023, 7, 24), "2023-01/2023-04", PERIOD),
    ("一季度", REF, "2019-01/2019-03", PERIOD),
    ("第二季度", REF, "2019-04/2019-06", PERIOD),
    ("前三季度", dt.date(2021, 12, 1), "2021-01/2021-09", PERIOD),
    ("上半年", REF, "2019-01/2019-06", PERIOD),
    ("下半年", REF, "2019-07/2019-12", PERIOD),
    ("前两个月", REF, "2019-01/2019-02", PERIOD),
    ("今年", REF, "2019", PERIOD),
    ("去年", REF, "2018", PERIOD),
    ("前年", REF, "2017", PERIOD),
    ("今年1月", REF, "2019-01", PERIOD),
    ("去年11-12月", dt.date(2020, 4, 1), "2019-11/2019-12", PERIOD),
    ("今年前三季度", dt.date(2024, 11, 30), "2024-01/2024-09", PERIOD),
    ("3年来", REF, "2016/2019", PERIOD),
    ("近三年", REF, "2016/2019", PERIOD),
    ("过去5年", REF, "2014/2019", PERIOD),
    ("5月20日至31日", dt.date(2019, 5, 17), "2019-05-20/2019-05-31", PERIOD),
    ("5月20日-31日", dt.date(2019, 5, 17), "2019-05-20/2019-05-31", PERIOD),
    ("4月6日至7月6日", dt.date(2020, 4, 1), "2020-04-06/2020-07-06", PERIOD),
    ("28日", dt.date(2023, 1, 30), "2023-01-28", PERIOD),
    ("2018年末", REF, "2018-12", ASOF),
    ("2018年底", REF, "2018-12", ASOF),
    ("年初", REF, "2019-01", PERIOD),
    ("截至今年10月底", dt.date(2024, 11, 30), "2024-10", ASOF),
    ("截至8月25日", dt.date(2019, 9, 11), "2019-08-25", ASOF),
    ("目前", REF, "2019-07-29", PERIOD),
    ("截至目前", REF, "2019-07-29", ASOF),
    ("如今", REF, "2019-07-29", PERIOD),
    ("今天", REF, "2019-07-29", PERIOD),
    ("昨日", REF, "2019-07-28", PERIOD),
    ("十三五期间", REF, "2016/2020", PERIOD),
    ("“十四五”期间", REF, "2021/2025", PERIOD),
    ("近年来", REF, None, VAGUE),
    ("近日", REF, None, VAGUE),
    ("比上年", REF, "2018", BASE),
    ("较1-11月", REF, "2019-01/2019-11", BASE),
    ("比去年同期", REF, "2018", BASE),
    ("2024年9月15日前", REF, "2024-09-15", DEADLINE),
    ("今天这场比赛之前", REF, "2019-07-29", DEADLINE),
    ("今年1-6月", None, None, PERIOD),
]


@pytest.mark.parametrize(("text", "ref", "value", "role"), PERIODS, ids=[p[0] for p in PERIODS])
def test_period(text, ref, value, role):
    periods = find_periods(text)
    assert len(periods) == 1, [p.text for p in periods]
    assert periods[0].resolve(ref) == value
    assert periods[0].role == role


def test_roc_years_only_when_asked():
    assert [p.resolve(REF) for p in find_periods("107年全年", roc_years=True)][:1] == ["2018"]
    assert find_periods("107年全年")[0].text == "全年"  # 107年 is not a date on a mainland page


def test_context_year_and_month():
    (quarter,) = find_periods("一季度")
    assert quarter.resolve(REF, 2021) == "2021-01/2021-03"
    (day,) = find_periods("18日")
    assert day.resolve(REF, None, 6) == "2019-06-18"


def test_since():
    (since,) = find_periods("自从2011年进入NBA之后")
    assert since.resolve(dt.date(2020, 1, 21)) == "2011/2020"
    (since,) = find_periods("自5月下旬开始")
    assert since.resolve(dt.date(2012, 6, 4)) == "2012-05-21/2012-06-04"  # 下旬 starts on the 21st


def test_trailing_year():
    periods = find_periods("截至2021年3月，一年的营业利润将下降45%")
    assert periods[0].resolve(REF) == "2020-04/2021-03"


# (paragraph, reference day, [(fact text, date, date_text)]): which period governs a figure.
GOVERNING = [
    ("2018年，通过政策兑现为全区3229家企业发放资助，资助金额总计1.43亿元。", REF,
     [("3229家", "2018", "2018年"), ("1.43亿元", "2018", "2018年")]),
    ("2018年，全区新增企业120家。全年实现产值50亿元。", REF,
     [("120家", "2018", "2018年"), ("50亿元", "2018", "全年")]),
    ("3年来，全区专利权质押融资额近20亿元，其中2018年首次突破10亿元，获得融资的企业超过了90家。", REF,
     [("近20亿元", "2016/2019", "3年来"), ("突破10亿元", "2018", "2018年"), ("超过了90家", "2016/2019", "3年来")]),
    ("2016至2018年，全区专利申请量超过6万件；2018年，每万人发明专利拥有量达到100.5件，是全市平均水平的4倍。", REF,
     [("超过6万件", "2016/2018", "2016至2018年"), ("100.5件", "2018", "2018年"), ("4倍", "2018", "2018年")]),
    ("目前，全区知识产权服务机构数量已超过180家，其中包括19家品牌机构。", REF,
     [("超过180家", "2019-07-29", "目前"), ("19家", "2019-07-29", "目前")]),
    ("12月21日，论坛在西安举办。专家学者、企业代表共150余人出席。", dt.date(2013, 12, 23),
     [("150余人", "2013-12-21", "12月21日")]),
    ("新动能引领工业经济转型升级。1-8月，全市集群规模稳步扩张。其中，高端装备集群营收规模接近3000亿元。",
     dt.date(2022, 9, 27), [("接近3000亿元", "2022-01/2022-08", "1-8月")]),
    ("2020年是极不寻常的一年。作为30多个国家的最大出口国，我国地位举足轻重。", dt.date(2020, 7, 4),
     [("30多个", None, None)]),
    ("1-8月份，我市在建项目数为289个，比去年同期增加了72个。", dt.date(2019, 9, 24),
     [("289个", "2019-01/2019-08", "1-8月份"), ("72个", "2019-01/2019-08", "1-8月份")]),
    ("2020年，规上工业增加值增长4.1%，较1-11月加快0.5个百分点。", None,
     [("4.1%", "2020", "2020年"), ("0.5个百分点", "2020", "2020年")]),
    ("今年1至8月，全市完成招商引资区外到位资金503.5亿元。", None, [("503.5亿元", None, "今年1至8月")]),
    ("全区省定重点项目4个，总投资33亿元，年计划投资11.9亿元，截至5月底完成投资8.1亿元，占年计划的67.9%。",
     dt.date(2019, 5, 29),
     [("4个", "2019-05", "5月底"), ("33亿元", "2019-05", "5月底"), ("11.9亿元", "2019", "年计划"),
      ("8.1亿元", "2019-01/2019-05", "5月底"), ("67.9%", "2019-01/2019-05", "5月底")]),
    ("2021年全区实现生产总值752.14亿元。一季度、上半年、前三季度和全年GDP增速分别为18.8%、9.6%、8.7%和7.2%。",
     dt.date(2022, 7, 18),
     [("752.14亿元", "2021", "2021年"), ("18.8%", "2021-01/2021-03", "一季度"),
      ("9.6%", "2021-01/2021-06", "上半年"), ("8.7%", "2021-01/2021-09", "前三季度"), ("7.2%", "2021", "全年")]),
    ("2021年与2022年，我国将实施11次发射任务。", dt.date(2021, 1, 5), [("11次", "2021/2022", "2021年与2022年")]),
    ("9日、10日两天全国铁路仅能保证15%至20%的运力。", dt.date(2019, 12, 10),
     [("15%至20%", "2019-12-09/2019-12-10", "9日、10日")]),
    ("辽宁大连28日举行开工活动，当天新开工项目共24个。", dt.date(2023, 1, 30), [("24个", "2023-01-28", "当天")]),
    ("2018年14户新增企业1—3月完成工业总产值同比增长176.4%。", dt.date(2019, 4, 23),
     [("14户", "2018", "2018年"), ("176.4%", "2019-01/2019-03", "1—3月")]),
    ("中期规划投资136.2亿元，预计2018年12月建成。", dt.date(2015, 12, 26), [("136.2亿元", None, None)]),
    ("今年1月，金发科技试水证券化业务。", REF, []),
    ("法国总统此前提出改革，目标是将法国各行业的42种退休制度合并。", REF, [("42种", None, None)]),
    ("自从2011年进入NBA之后，沃克从未获胜。今天这场比赛之前，战绩是0胜29负。", dt.date(2020, 1, 21),
     [("0胜", "2011/2020", "2011年"), ("29负", "2011/2020", "2011年")]),
    ("截至2019年6月30日，全市共有企业1200家。", REF, [("1200家", "2019-06-30", "2019年6月30日")]),
    ("十三五期间，全市新增企业1200家。", REF, [("1200家", "2016/2020", "十三五期间")]),
    ("2018年末，全市共有企业1200家。", REF, [("1200家", "2018-12", "2018年末")]),
    ("2015年底预计完成投资14.2亿元。", REF, [("14.2亿元", "2015-12", "2015年底")]),
    ("近年来，武钢集团吸引入园企业超5000家。", REF, [("超5000家", None, "近年来")]),
    # 全年 with no year in scope: the publication year, after March (CONVENTIONS)
    ("全年完成的营业性客运量高达176亿人次。", REF, [("176亿人次", "2019", "全年")]),
    ("三产占比与去年持平；项目投资完成220.53亿元。", REF, [("220.53亿元", None, None)]),
    ("利润是去年的2.5倍。", REF, [("2.5倍", None, None)]),
    ("自3月5日至9月1日，抓获嫌疑人92名。", dt.date(2019, 9, 11),
     [("92名", "2019-03-05/2019-09-01", "3月5日至9月1日")]),
    ("截至2021年3月，一年的营业利润将下降45％。", dt.date(2020, 10, 4),
     [("45％", "2020-04/2021-03", "2021年3月")]),
    ("该项目投资约2亿元，预计年底建成。", REF, [("约2亿元", None, None)]),
    ("去年全年，全市新增企业1200家。", REF, [("1200家", "2018", "去年全年")]),
    ("2012年以来，累计投入资金30亿元。", REF, [("30亿元", "2012-01-01/2019-07-29", "2012年")]),
    ("截至去年底，全市共有企业1200家。", REF, [("1200家", "2018-12", "去年底")]),
    ("3月份，全市CPI同比上涨2.5%。", REF, [("2.5%", "2019-03", "3月份")]),
    ("2019年上半年，全市完成投资300亿元。", REF, [("300亿元", "2019-01/2019-06", "2019年上半年")]),
]


@pytest.mark.parametrize(("paragraph", "ref", "expected"), GOVERNING, ids=[g[0][:24] for g in GOVERNING])
def test_governing_date(paragraph, ref, expected):
    facts = extract(paragraph, ref)
    assert [(f.text, f.date, f.date_text) for f in facts] == expected


def test_paragraph_lead_crosses_paragraphs_only_to_refer_back_to_its_event():
    text = "4月8日，东坡区举行推介会。会上签订了15个项目。\n此次活动吸引了50余家知名企业参会。\n东坡区距成都60公里。"
    facts = extract(text, dt.date(2017, 4, 10))
    assert [(f.text, f.date) for f in facts] == [("15个", "2017-04-08"), ("50余家", "2017-04-08"), ("60公里", None)]


def test_taiwan_roc_year_through_extract():
    facts = extract("107年全年营收达新台币500亿元。", dt.date(2019, 3, 1), roc_years=True)
    # 新台币 written before the number names the money (CONVENTIONS.md: currencies named first)
    assert [(f.value, f.unit, f.date) for f in facts] == [(50_000_000_000, "新台币", "2018")]
    assert [f.date for f in extract("107年营收达新台币500亿元。", dt.date(2019, 3, 1))] == [None]


def test_a_heading_year_dates_the_yearless_periods_below_it():
    text = "2023年国民经济和社会发展统计公报\n全年全市地区生产总值12345.67亿元。\n年末全市常住人口1234.5万人。"
    facts = extract(text, dt.date(2024, 3, 15))
    assert [(f.text, f.date) for f in facts] == [("12345.67亿元", "2023"), ("1234.5万人", "2023-12")]
    body_only = extract("全年全市地区生产总值12345.67亿元。\n年末全市常住人口1234.5万人。", dt.date(2024, 3, 15))
    # 全年 with no year in scope on a March page is the year before, and opens the account
    assert [f.date for f in body_only] == ["2023", "2023-12"]
