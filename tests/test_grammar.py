"""The number and period grammar of issue 17 (items 4-7), one table per construction: each row
is a sentence written for this suite and the fields CONVENTIONS.md gives its facts. Traditional
rows go through the whole pipeline (`ipextract.parse`), which converts them before the facts
pass reads them. docs/grammar.md lists the constructions and counts these rows."""

from __future__ import annotations

import datetime as dt
import re

import grammar_probe
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract import parse
from ipextract.facts import extract
from ipextract.facts.numerals import parse_chinese, parse_mixed
from test_number_properties import chinese

REF = dt.date(2020, 5, 6)  # a Wednesday


def _facts(text: str, **kw) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.unit, f.qualifier) for f in extract(text, REF, **kw)]


def _trad(body: str) -> list[tuple]:
    doc = parse(f"全市經濟運行情況\n\n{body}\n".encode(), ref_date=REF)
    return [(f.text, f.value, f.value_max, f.unit, f.qualifier) for f in doc.facts]


# --- numerals -----------------------------------------------------------------------------

SPOKEN = [  # a last digit right after a magnitude is of the next place
    ("两千五", 2500), ("一万五", 15000), ("一亿二", 120000000), ("三万二千五", 32500),
    ("二十一万五", 215000), ("一百二", 120), ("两千零五", 2005), ("一万零八", 10008), ("十五", 15),
]

MIXED_TWO_MAGNITUDES = [  # a digit group closing on two magnitudes (2千万), or digits closing it
    ("1亿2千万", 120000000), ("2亿3千万", 230000000), ("5亿6百万", 506000000), ("3万2千5百", 32500),
    ("1万5000", 15000), ("3万2000", 32000), ("2亿5000", 200005000), ("1万零500", 10500),
    ("5万5", 55000), ("3千5", 3500), ("1亿2", 120000000),  # one digit, spoken: the next place down
]


@pytest.mark.parametrize(("numeral", "value"), SPOKEN)
def test_spoken_numerals(numeral: str, value: int) -> None:
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), MIXED_TWO_MAGNITUDES)
def test_mixed_numerals_with_two_magnitudes(numeral: str, value: int) -> None:
    assert parse_mixed(numeral) == value


NUMBERS = [
    ("全年营收1亿2千万元。", [("1亿2千万元", 120000000.0, None, "元", "exact")]),
    ("补助1万5000元。", [("1万5000元", 15000.0, None, "元", "exact")]),
    ("招收3万2000人。", [("3万2000人", 32000.0, None, "人", "exact")]),
    ("引进10万3000余人。", [("10万3000余人", 103000.0, None, "人", "over")]),
    ("月薪5万5。", [("5万5", 55000.0, None, "元", "exact")]),
    ("投资12亿5千万。", [("12亿5千万", 1.25e9, None, "元", "exact")]),
    ("支付叁仟伍佰元整。", [("叁仟伍佰元", 3500.0, None, "元", "exact")]),
    ("报销玖佰圆。", [("玖佰圆", 900.0, None, "元", "exact")]),
    ("金额为陆佰柒拾捌元伍角。", [("陆佰柒拾捌元伍角", 678.5, None, "元", "exact")]),
    ("共计捌拾捌万捌仟捌佰捌拾捌元整。", [("捌拾捌万捌仟捌佰捌拾捌元", 888888.0, None, "元", "exact")]),
    ("月薪一万五。", [("一万五", 15000.0, None, "元", "exact")]),
    ("每斤三块五。", [("三块五", 3.5, None, "元", "exact")]),
    ("涨到3块5。", [("3块5", 3.5, None, "元", "exact")]),
    ("3块50元。", [("3块", 3.0, None, "元", "exact"), ("50元", 50.0, None, "元", "exact")]),
    ("投入两个多亿。", [("两个多亿", 2e8, None, "元", "over")]),
    ("融资十二个亿。", [("十二个亿", 1.2e9, None, "元", "exact")]),
    ("百余家企业参展。", [("百余家", 100.0, None, "家", "over")]),
    ("千余人参加。", [("千余人", 1000.0, None, "人", "over")]),
    ("万余名群众观看。", [("万余名", 10000.0, None, "名", "over")]),
    ("投资千余万元。", [("千余万元", 1e7, None, "元", "over")]),
    ("有百多年历史。", []),  # a duration
    ("三五十人。", []),  # not neighbours: no range, and no stray 十人
    ("增长百分之五到百分之八。", [("百分之五到百分之八", 5.0, 8.0, "%", "exact")]),
    ("增长百分之三至百分之四左右。", [("百分之三至百分之四左右", 3.0, 4.0, "%", "approx")]),
    ("获得美金500万。", [("500万", 5e6, None, "美元", "exact")]),
    ("融资5亿美金。", [("5亿美金", 5e8, None, "美元", "exact")]),
]

CURRENCY_SIGNS = [
    ("售价￥1200。", [("￥1200", 1200.0, None, "元", "exact")]),
    ("售价¥1200元。", [("1200元", 1200.0, None, "元", "exact")]),
    ("售价$1200。", [("$1200", 1200.0, None, "美元", "exact")]),
    ("筹款US$20万。", [("20万", 200000.0, None, "美元", "exact")]),
    ("投资HK$5000万。", [("5000万", 5e7, None, "港元", "exact")]),
    ("收入RMB3000。", [("RMB3000", 3000.0, None, "元", "exact")]),
    ("售价€300，", [("€300", 300.0, None, "欧元", "exact")]),
    ("型号ABC3000。", []),
]

TENTHS_RANGES = [
    ("降低两到三成。", [("两到三成", 20.0, 30.0, "%", "exact")]),
    ("提高3至5成。", [("3至5成", 30.0, 50.0, "%", "exact")]),
    ("约两到三成左右。", [("约两到三成左右", 20.0, 30.0, "%", "approx")]),
    ("八成以上。", [("八成以上", 80.0, None, "%", "over")]),
    ("占比两成多。", [("两成多", 20.0, None, "%", "over")]),
    ("占比二成五。", [("二成五", 25.0, None, "%", "exact")]),
    ("三成五的企业。", [("三成五", 35.0, None, "%", "exact")]),
    ("增长30%多。", [("30%多", 30.0, None, "%", "over")]),
    ("提高了5%多，", [("5%多", 5.0, None, "%", "over")]),
    ("占30%多数。", [("30%", 30.0, None, "%", "exact")]),
]

CURRENCY_NAMES = [  # each currency under one name
    ("援助500澳币。", [("500澳币", 500.0, None, "澳元", "exact")]),
    ("投资500澳大利亚元。", [("500澳大利亚元", 500.0, None, "澳元", "exact")]),
    ("投资3000万韩币。", [("3000万韩币", 3e7, None, "韩元", "exact")]),
    ("售价200美刀。", [("200美刀", 200.0, None, "美元", "exact")]),
    ("出口额1.5亿加拿大元。", [("1.5亿加拿大元", 1.5e8, None, "加元", "exact")]),
    ("融资8000万新加坡元。", [("8000万新加坡元", 8e7, None, "新加坡元", "exact")]),
    ("售价500泰铢。", [("500泰铢", 500.0, None, "泰铢", "exact")]),
    ("澳门币300万。", [("300万", 3e6, None, "澳门元", "exact")]),
]

SMALL_CHANGE = [
    ("合同额六十四万零一百四十三元一角七分。", [("六十四万零一百四十三元一角七分", 640143.17, None, "元", "exact")]),
    ("收费300元5分钟。", [("300元", 300.0, None, "元", "exact")]),
    ("投资1.2亿元。", [("1.2亿元", 1.2e8, None, "元", "exact")]),
    ("找零两元五角。", [("两元五角", 2.5, None, "元", "exact")]),
    ("五毛钱一斤。", [("五毛钱", 0.5, None, "元", "exact")]),
    ("一角钱。", [("一角钱", 0.1, None, "元", "exact")]),
    ("每度电降低5分钱。", [("5分钱", 0.05, None, "元", "exact")]),
    ("涨了3毛。", [("3毛", 0.3, None, "元", "exact")]),
    ("在校园一角，", []),
    ("得到5分。", [("5分", 5.0, None, "分", "exact")]),
    ("增长零点五个百分点。", [("零点五个百分点", 0.5, None, "百分点", "exact")]),
]

VAGUE_SPOKEN = [
    ("引进两三家企业。", [("两三家", 2.0, 3.0, "家", "approx")]),
    ("覆盖七八个村。", [("七八个", 7.0, 8.0, "个", "approx")]),
    ("选派五六名干部。", [("五六名", 5.0, 6.0, "名", "approx")]),
    ("从三四个方面推进。", []),  # a list, as 四个方面 is
    ("获得第三四名。", []),
    ("投资几个亿。", [("几个亿", 2e8, 9e8, "元", "approx")]),
    ("建成十来个站点。", [("十来个", 10.0, None, "个", "approx")]),
    ("新增十多家。", [("十多家", 10.0, None, "家", "over")]),
    ("成千上万的群众。", []),
    ("成百上千人参加。", []),
]

SIGNED = [  # a written sign is kept and is the direction; decline words give "decrease"
    ("出口增长-0.8%。", [("-0.8%", -0.8, None)]),
    ("利润增长－２．３％。", [("－２．３％", -2.3, None)]),
    ("增幅为-3.1%。", [("-3.1%", -3.1, None)]),
    ("进口下降4.1%。", [("4.1%", 4.1, "decrease")]),
    ("负增长2.1%。", [("2.1%", 2.1, "decrease")]),
    ("增长负3.5%。", [("负3.5%", -3.5, None)]),
    ("增速为负0.2%。", [("负0.2%", -0.2, None)]),
    ("负债3亿元。", [("3亿元", 3e8, None)]),
]

MEASURES_NOT_LABELS = [  # small numerals of points and money are measures; names and labels are not
    ("增长五个百分点。", [("五个百分点", 5.0, None, "百分点", "exact")]),
    ("回落三个百分点。", [("三个百分点", 3.0, None, "百分点", "exact")]),
    ("票价十元。", [("十元", 10.0, None, "元", "exact")]),
    ("收费两元，", [("两元", 2.0, None, "元", "exact")]),
    ("一元复始。", []),
    ("顾问四元义隆到访。", []),
]

COUNTED = [  # a small numeral before a noun of real things counts them
    ("共有五家单位参与。", [("五家", 5.0, None, "家", "exact")]),
    ("覆盖三个村。", [("三个", 3.0, None, "个", "exact")]),
    ("新建两所学校。", [("两所", 2.0, None, "所", "exact")]),
    ("走访六个社区。", [("六个", 6.0, None, "个", "exact")]),
    ("三家公司均已整改。", []),  # opens its clause: the companies already named
    ("这两家公司的申请。", []),  # after a demonstrative
    ("建设二期项目。", []),  # 期 is a phase
    ("推进四个一批。", []),
    ("落实两个维护。", []),
    ("践行五大发展理念。", []),
]


@pytest.mark.parametrize(
    ("text", "facts"),
    NUMBERS + TENTHS_RANGES + CURRENCY_SIGNS + CURRENCY_NAMES + SMALL_CHANGE + VAGUE_SPOKEN
    + MEASURES_NOT_LABELS + COUNTED,
)
def test_number_forms(text: str, facts: list[tuple]) -> None:
    assert _facts(text) == facts


@pytest.mark.parametrize(("text", "facts"), SIGNED)
def test_signed_values(text: str, facts: list[tuple]) -> None:
    assert [(f.text, f.value, f.change) for f in extract(text, REF)] == facts


TRADITIONAL = [
    ("2019年，全市投資兩千五百萬元。", [("两千五百万元", 25000000.0, None, "元", "exact")]),
    ("補助貳拾萬圓整。", [("贰拾万圆", 200000.0, None, "元", "exact")]),
    ("參觀人數過萬。", [("过万", 10000.0, None, "人", "over")]),
    ("每斤三塊五。", [("三块五", 3.5, None, "元", "exact")]),
    ("共有五家單位參與。", [("五家", 5.0, None, "家", "exact")]),
    ("投入兩個多億。", [("两个多亿", 2e8, None, "元", "over")]),
    ("至少培訓200人。", [("200人", 200.0, None, "人", "over")]),
    ("營收新臺幣1.2億元。", [("1.2亿元", 1.2e8, None, "新台币", "exact")]),
    ("另有兩三家企業進駐。", [("两三家", 2.0, 3.0, "家", "approx")]),
    ("參觀人數逾萬。", [("逾万", 10000.0, None, "人", "over")]),
]


TAIWAN_CHANGES = [  # 成长 is growth and 衰退 a decline on Taiwan pages; a sign stays a sign
    ("營收較前年成長-2.3%。", [("-2.3%", -2.3, None)]),
    ("營收成長5.1%。", [("5.1%", 5.1, "increase")]),
    ("出口衰退3.2%。", [("3.2%", 3.2, "decrease")]),
]


@pytest.mark.parametrize(("body", "facts"), TAIWAN_CHANGES)
def test_taiwan_change_words(body: str, facts: list[tuple]) -> None:
    doc = parse(f"全市經濟運行情況\n\n{body}\n".encode(), ref_date=REF)
    assert [(f.text, f.value, f.change) for f in doc.facts] == facts


@pytest.mark.parametrize(("body", "facts"), TRADITIONAL)
def test_traditional_pages(body: str, facts: list[tuple]) -> None:
    assert _trad(body) == facts


# --- qualifiers ---------------------------------------------------------------------------

QUALIFIERS = [
    ("至少培训200人。", [("200人", 200.0, None, "人", "over")]),
    ("最少需要30家。", [("30家", 30.0, None, "家", "over")]),
    ("每人最多补贴3000元。", [("3000元", 3000.0, None, "元", "under")]),
    ("约有3000人参加。", [("3000人", 3000.0, None, "人", "approx")]),
    ("大约需50万元。", [("50万元", 5e5, None, "元", "approx")]),
    ("约谈了50家企业。", [("50家", 50.0, None, "家", "exact")]),  # a meeting, not 约
    ("约占全市的30%。", [("约占全市的30%", 30.0, None, "%", "approx")]),
    ("参观人数过万。", [("过万", 10000.0, None, "人", "over")]),
    ("收入逾百亿元。", [("逾百亿元", 1e10, None, "元", "over")]),
    ("产值超千亿元。", [("超千亿元", 1e11, None, "元", "over")]),
    ("日均客流过千人次。", [("过千人次", 1000.0, None, "人次", "over")]),
    ("赶超万元户。", []),
    ("每家最高奖励50万元。", [("50万元", 5e5, None, "元", "under")]),  # a cap
    ("每户最高补助3000元。", [("3000元", 3000.0, None, "元", "under")]),
    ("补贴最高可达50万元。", [("50万元", 5e5, None, "元", "under")]),
    ("最高50万元。", [("50万元", 5e5, None, "元", "exact")]),  # neither a cap nor a maximum reached
    ("股价最高达50元。", [("50元", 50.0, None, "元", "exact")]),  # an achieved maximum
    ("股价最高达到50元。", [("50元", 50.0, None, "元", "exact")]),
    ("最高峰时3000人。", [("3000人", 3000.0, None, "人", "exact")]),
    ("最多可补贴3000元。", [("3000元", 3000.0, None, "元", "under")]),
    ("至多3000元。", [("至多3000元", 3000.0, None, "元", "under")]),
    ("3000元封顶。", [("3000元封顶", 3000.0, None, "元", "under")]),
    ("上限为3000元。", [("上限为3000元", 3000.0, None, "元", "under")]),
    ("高于3000人。", [("高于3000人", 3000.0, None, "人", "over")]),
    ("高于全国平均水平2个百分点。", [("2个百分点", 2.0, None, "百分点", "exact")]),  # a difference
    ("近乎3000人。", [("近乎3000人", 3000.0, None, "人", "approx")]),
]


@pytest.mark.parametrize(("text", "facts"), QUALIFIERS)
def test_qualifiers(text: str, facts: list[tuple]) -> None:
    assert _facts(text) == facts


# --- periods ------------------------------------------------------------------------------

def _dates(text: str, ref: dt.date = REF, **kw) -> list[tuple[str, str | None]]:
    return [(f.text, f.date) for f in extract(text, ref, **kw)]


PERIODS = [
    ("九七年全县粮食产量12万吨。", REF, [("12万吨", "1997")]),
    ("九八年全县粮食产量12万吨。", REF, [("12万吨", "1998")]),
    ("二〇年全县粮食产量12万吨。", REF, [("12万吨", "2020")]),
    ("三四年前有企业12家。", REF, [("12家", None)]),  # three or four years: no year
    ("30日，全市新增企业12家。", REF, [("12家", "2020-04-30")]),
    ("5日，全市新增企业12家。", REF, [("12家", "2020-05-05")]),
    ("30日，全市新增企业12家。", dt.date(2021, 1, 6), [("12家", "2020-12-30")]),
    ("3日至10日，新增企业12家。", dt.date(2021, 1, 6), [("12家", "2021-01-03/2021-01-10")]),
    ("2019年Q3，全市GDP增长6.1%。", REF, [("6.1%", "2019-07/2019-09")]),
    ("2019年q4营收5亿元。", REF, [("5亿元", "2019-10/2019-12")]),
    ("后年将投入资金3亿元。", REF, [("3亿元", "2022")]),
    ("大前年全市新增企业12家。", REF, [("12家", "2017")]),
    ("扩大后年产值3亿元。", REF, [("3亿元", None)]),  # 扩大 + 后 + 年产值
    ("今后年均增长5%。", REF, [("5%", None)]),  # 今后年均 holds no 后年
    ("今年1、2月份，接待游客3万人次。", REF, [("3万人次", "2020-01/2020-02")]),
    ("今年一、二月份，接待游客3万人次。", REF, [("3万人次", "2020-01/2020-02")]),
    ("2019年10、11月份，接待游客3万人次。", REF, [("3万人次", "2019-10/2019-11")]),
    ("1、3月份，接待游客3万人次。", REF, [("3万人次", None)]),  # not neighbours: two months, no span
    ("2019年第一、二季度，GDP增长6%。", REF, [("6%", "2019-01/2019-06")]),
    ("2019年三、四季度，GDP增长6%。", REF, [("6%", "2019-07/2019-12")]),
    ("2019年1-3季度，GDP增长6%。", REF, [("6%", "2019-01/2019-09")]),
    ("2019年1—3季度，GDP增长6%。", REF, [("6%", "2019-01/2019-09")]),
    ("2019年一至三季度，GDP增长6%。", REF, [("6%", "2019-01/2019-09")]),
    ("今年一季度和二季度，GDP增长6%。", REF, [("6%", "2020-01/2020-06")]),
    ("2019上半年，GDP增长6%。", REF, [("6%", "2019-01/2019-06")]),
    ("2018下半年，GDP增长6%。", REF, [("6%", "2018-07/2018-12")]),
    ("二〇一七至二〇一九年，累计投入3亿元。", REF, [("3亿元", "2017/2019")]),
    ("２０１９年１－３月，新增企业12家。", REF, [("12家", "2019-01/2019-03")]),
    ("2019第三季度，GDP增长6%。", REF, [("6%", "2019-07/2019-09")]),
    ("今年头两个月，接待游客3万人次。", REF, [("3万人次", "2020-01/2020-02")]),
    ("头3个月，接待游客3万人次。", REF, [("3万人次", "2020-01/2020-03")]),
]


@pytest.mark.parametrize(("text", "ref", "dates"), PERIODS)
def test_periods(text: str, ref: dt.date, dates: list[tuple[str, str | None]]) -> None:
    assert _dates(text, ref) == dates


RELATIVE = [  # against Wednesday 2020-05-06; weeks run Monday to Sunday
    ("本周末，接待游客3万人次。", REF, [("3万人次", "2020-05-09/2020-05-10")]),
    ("上个礼拜，接待游客3万人次。", REF, [("3万人次", "2020-04-27/2020-05-03")]),
    ("上礼拜三，接待游客3万人次。", REF, [("3万人次", "2020-04-29")]),
    ("上周末，接待游客3万人次。", REF, [("3万人次", "2020-05-02/2020-05-03")]),
    ("近三天，接待游客3万人次。", REF, [("3万人次", "2020-05-03/2020-05-06")]),
    ("最近30天，接待游客3万人次。", REF, [("3万人次", "2020-04-06/2020-05-06")]),
    ("过去一周，接待游客3万人次。", REF, [("3万人次", "2020-04-29/2020-05-06")]),
    ("近一个月，接待游客3万人次。", dt.date(2020, 3, 31), [("3万人次", "2020-02-29/2020-03-31")]),
    ("两周前，接待游客3万人次。", REF, [("3万人次", "2020-04-22")]),
    ("一周后将投放车辆1200辆。", REF, [("1200辆", "2020-05-13")]),
    ("3个月后将投放车辆1200辆。", REF, [("1200辆", "2020-08")]),
    ("一个月前，接待游客3万人次。", dt.date(2021, 1, 20), [("3万人次", "2020-12")]),
    ("上上周，接待游客3万人次。", REF, [("3万人次", "2020-04-20/2020-04-26")]),
    ("下下周将投放车辆1200辆。", REF, [("1200辆", "2020-05-18/2020-05-24")]),
    ("上上个月，接待游客3万人次。", REF, [("3万人次", "2020-03")]),
    ("本月以来，累计接待游客3万人次。", REF, [("3万人次", "2020-05-01/2020-05-06")]),
    ("上周以来，累计接待游客3万人次。", REF, [("3万人次", "2020-04-27/2020-05-06")]),
    ("本季度以来，累计接待游客3万人次。", REF, [("3万人次", "2020-04-01/2020-05-06")]),
    ("3月中下旬，接待游客3万人次。", REF, [("3万人次", "2020-03-11/2020-03-31")]),
    ("2月上中旬，接待游客3万人次。", REF, [("3万人次", "2020-02-01/2020-02-20")]),
    ("上月下旬，接待游客3万人次。", REF, [("3万人次", "2020-04-21/2020-04-30")]),
    ("本月中旬，接待游客3万人次。", REF, [("3万人次", "2020-05-11/2020-05-20")]),
    ("上个月上旬，接待游客3万人次。", dt.date(2020, 3, 2), [("3万人次", "2020-02-01/2020-02-10")]),
    ("上月下旬，接待游客3万人次。", dt.date(2020, 3, 2), [("3万人次", "2020-02-21/2020-02-29")]),
    ("3月中旬以来，接待游客3万人次。", REF, [("3万人次", "2020-03-11/2020-05-06")]),
    ("上月下旬以来，接待游客3万人次。", REF, [("3万人次", "2020-04-21/2020-05-06")]),
]


@pytest.mark.parametrize(("text", "ref", "dates"), RELATIVE)
def test_relative_periods(text: str, ref: dt.date, dates: list[tuple[str, str | None]]) -> None:
    assert _dates(text, ref) == dates


ROC = [
    ("108年全市新增企業12家。", [("12家", "2019")]),
    ("民國108年3月，新增企業12家。", [("12家", "2019-03")]),
    ("98年全市新增企業12家。", [("12家", "2009")]),
    ("108年底，營收5億元。", [("5億元", "2019-12")]),
    ("108年末，營收5億元。", [("5億元", "2019-12")]),
    ("108年初，營收5億元。", [("5億元", "2019-01")]),
    ("109年第1季，營收5億元。", [("5億元", "2020-01/2020-03")]),
    ("今年第一季，營收5億元。", [("5億元", "2020-01/2020-03")]),
    ("去年第4季，營收5億元。", [("5億元", "2019-10/2019-12")]),
    ("四季如春，營收5億元。", [("5億元", None)]),
]


@pytest.mark.parametrize(("text", "dates"), ROC)
def test_roc_years(text: str, dates: list[tuple[str, str | None]]) -> None:
    assert _dates(text, roc_years=True) == dates


# --- the probe (tools/grammar_probe.py): every construction it lists reads as CONVENTIONS says

@pytest.mark.parametrize("case", grammar_probe.CASES, ids=lambda case: case[1])
def test_probe_case(case: tuple) -> None:
    ok, got = grammar_probe.run(case)
    assert ok, got


def test_numerals_table_reads_every_numeral() -> None:
    assert [(s, want) for s, want in grammar_probe.NUMERALS if grammar_probe.read_numeral(s) != want] == []


# --- properties ---------------------------------------------------------------------------

_FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_CN = "零一二三四五六七八九"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_financial_numerals_read_as_everyday_ones(n: int) -> None:
    assert parse_chinese(chinese(n).translate(_FINANCIAL)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.sampled_from([("百", 100), ("千", 1000), ("万", 10**4), ("亿", 10**8)]))
def test_spoken_last_digit_is_the_next_place(a: int, b: int, magnitude: tuple[str, int]) -> None:
    char, size = magnitude
    assert parse_chinese(f"{_CN[a]}{char}{_CN[b]}") == a * size + b * size // 10


_WIDE = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value="0.1", max_value="999.9", places=1), st.booleans())
def test_full_width_and_signed_figures_read_as_ascii(x, negative: bool) -> None:
    sign = "-" if negative else ""
    ascii_text = f"利润增长{sign}{x}%。"
    got = [(f.value, f.change) for f in extract(ascii_text.translate(_WIDE), REF)]
    assert got == [(f.value, f.change) for f in extract(ascii_text, REF)]
    assert [v for v, _ in got] == [float(-x if negative else x)]


_PERIOD_PIECES = st.sampled_from([
    "2019年", "2020年", "19年", "九七年", "3月", "三月", "15日", "30日", "15号", "上旬", "中旬", "下旬", "一至九月",
    "1-10月", "2017—2019年", "上半年", "前三季度", "Q3", "年底", "今年", "去年", "明年", "后年", "上月", "本月",
    "下个月", "昨天", "前天", "明天", "上周", "本周", "上周三", "上季度", "以来", "至今", "3年前", "5天后", "截至",
])
_ISO_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _valid_iso(part: str) -> bool:
    m = _ISO_PART.fullmatch(part)
    if m is None:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        dt.date(year, month, day)  # raises on 2020-02-30
    return True


_REFS = st.dates(dt.date(2001, 1, 1), dt.date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PERIOD_PIECES, min_size=1, max_size=4).map("".join), _REFS)
def test_every_date_is_valid_iso_and_spans_run_forward(period: str, ref: dt.date) -> None:
    for f in extract(f"{period}，全市新增企业12家。", ref):
        if f.date is None:
            continue
        parts = f.date.split("/")
        assert len(parts) <= 2 and all(_valid_iso(p) for p in parts), f.date
        assert parts[0] <= parts[-1], f.date
