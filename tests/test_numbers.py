"""The number grammar: numerals, magnitudes, units, qualifiers, ranges, shares — and non-facts.

Table-driven: each row is a written form and what CONVENTIONS.md says it means. Sentences go
through `ipextract.facts.extract` so that masking and the non-fact rules apply as in a page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract.facts import NumberValue, extract, normalize_number
from ipextract.facts.numbers import parse_chinese

REF = dt.date(2019, 7, 29)

# (written, value, qualifier)
NORMALIZE = [
    ("1.6万余", 16000, "over"),
    ("1.6万余项", 16000, "over"),
    ("近20亿元", 2_000_000_000, "approx"),
    ("约57.5亿元", 5_750_000_000, "approx"),
    ("57.5亿元左右", 5_750_000_000, "approx"),
    ("超过了90家", 90, "over"),
    ("超5000家", 5000, "over"),
    ("逾3000亿元", 300_000_000_000, "over"),
    ("突破10亿元", 1_000_000_000, "over"),
    ("70%以上", 70, "over"),
    ("50%以下", 50, "under"),
    ("不足300人", 300, "under"),
    ("不到一成", 10, "under"),
    ("低于5%", 5, "under"),
    ("接近3000亿元", 300_000_000_000, "approx"),
    ("将近两万公里", 20000, "approx"),
    ("20余名", 20, "over"),
    ("50多个", 50, "over"),
    ("30余万份", 300_000, "over"),
    ("80万多人", 800_000, "over"),
    ("110多亿元", 11_000_000_000, "over"),
    ("一百三十多万元", 1_300_000, "over"),
    ("上百万元", 1_000_000, "approx"),
    ("达9.51亿元", 951_000_000, "exact"),
    ("共计24个", 24, "exact"),
    ("累计2356件", 2356, "exact"),
    ("最高达200万元", 2_000_000, "exact"),
    ("3229家", 3229, "exact"),
    ("1,234.56亿元", 123_456_000_000, "exact"),
    ("１２３４家", 1234, "exact"),
    ("４５％", 45, "exact"),
    ("一百一十七亿元", 11_700_000_000, "exact"),
    ("两千零五十", 2050, "exact"),
    ("十二万五千", 125_000, "exact"),
    ("二十三万五千吨", 235_000, "exact"),
    ("壹佰贰拾万元", 1_200_000, "exact"),
    ("叁仟伍佰元", 3500, "exact"),
    ("3千万", 30_000_000, "exact"),
    ("5.12万亩", 51_200, "exact"),
    ("15.32万亿元", 15_320_000_000_000, "exact"),
    ("两万", 20_000, "exact"),
    ("百分之十二点五", 12.5, "exact"),
    ("百分之五十", 50, "exact"),
    ("千分之三", 0.3, "exact"),
    ("3‰", 0.3, "exact"),
    ("三成半", 35, "exact"),
    ("8成以上", 80, "over"),
    ("三分之一", 33.33, "exact"),
    ("四分之一", 25, "exact"),
    ("五分之一", 20, "exact"),
    ("一半", 50, "exact"),
    ("1/10", 10, "exact"),
    ("4倍", 4, "exact"),
    ("8.5个百分点", 8.5, "exact"),
    ("3至5亿元", 300_000_000, "exact"),
    ("6万至8万元", 60_000, "exact"),
    ("5千多万", 50_000_000, "over"),
    ("1000余万元", 10_000_000, "over"),
    ("上千万元", 10_000_000, "approx"),
    ("逾六成", 60, "over"),
    ("近一成", 10, "approx"),
    ("1.5 亿元", 150_000_000, "exact"),
    ("200-300万元", 2_000_000, "exact"),
    ("10%—15%", 10, "exact"),
]


@pytest.mark.parametrize(("written", "value", "qualifier"), NORMALIZE)
def test_normalize_number(written, value, qualifier):
    result = normalize_number(written)
    assert isinstance(result, NumberValue)
    assert result.value == pytest.approx(value, rel=1e-9)
    assert result.qualifier == qualifier


@pytest.mark.parametrize("written", ["", "万亿大关", "千万不要", "没有数字", "第"])
def test_normalize_number_rejects_text_without_a_number(written):
    with pytest.raises(ValueError):
        normalize_number(written)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一百一十七亿", 11_700_000_000), ("两千零五十", 2050), ("十二万五千", 125_000), ("十", 10),
     ("十二点五", 12.5), ("二〇一九", 2019), ("壹佰贰拾", 120), ("三千万", 30_000_000),
     ("十五万亿", 15 * 10**12), ("一万零五", 10005)],
)
def test_parse_chinese(numeral, value):
    assert float(parse_chinese(numeral)) == pytest.approx(value)


@pytest.mark.parametrize("numeral", ["万", "千万", "三四十", "一二", "十四五", "百"])
def test_parse_chinese_rejects_words_and_vague_numbers(numeral):
    assert parse_chinese(numeral) is None


# (sentence, [(text, value, value_max, unit, kind, qualifier, change)])
FACTS = [
    ("全市共有企业１２３４家。", [("１２３４家", 1234, None, "家", "count", "exact", None)]),
    ("资助金额总计1.43亿元。", [("1.43亿元", 143_000_000, None, "元", "money", "exact", None)]),
    ("地区生产总值1,234.56亿元。", [("1,234.56亿元", 123_456_000_000, None, "元", "money", "exact", None)]),
    ("营业收入同比增长10.2%。", [("10.2%", 10.2, None, "%", "percent", "exact", "increase")]),
    ("全市立案1187宗，同比下降25%。", [("1187宗", 1187, None, "宗", "count", "exact", None),
                                        ("25%", 25, None, "%", "percent", "exact", "decrease")]),
    ("比上年回落0.3个百分点。", [("0.3个百分点", 0.3, None, "百分点", "points", "exact", "decrease")]),
    ("增速比上月加快5个、8.5个百分点。", [("5个", 5, None, "百分点", "points", "exact", "increase"),
                                         ("8.5个百分点", 8.5, None, "百分点", "points", "exact", "increase")]),
    ("分别提高1.5和1.6个百分点。", [("1.5", 1.5, None, "百分点", "points", "exact", "increase"),
                                     ("1.6个百分点", 1.6, None, "百分点", "points", "exact", "increase")]),
    ("高于全市0.8个百分点。", [("0.8个百分点", 0.8, None, "百分点", "points", "exact", None)]),
    ("拉动工业投资增长5.4个百分点。", [("5.4个百分点", 5.4, None, "百分点", "points", "exact", None)]),
    ("三大集群营收同比分别增长61.2%、56.5%、40.8%。",
     [("61.2%", 61.2, None, "%", "percent", "exact", "increase"),
      ("56.5%", 56.5, None, "%", "percent", "exact", "increase"),
      ("40.8%", 40.8, None, "%", "percent", "exact", "increase")]),
    ("利润是去年的2.5倍。", [("2.5倍", 2.5, None, "倍", "multiple", "exact", None)]),
    ("是全市平均水平的4倍。", [("4倍", 4, None, "倍", "multiple", "exact", None)]),
    ("完成投资3至5亿元。", [("3至5亿元", 300_000_000, 500_000_000, "元", "money", "exact", None)]),
    ("每亩年收入可达6万至8万元。", [("6万至8万元", 60_000, 80_000, "元", "money", "exact", None)]),
    ("新增10-20家企业。", [("10-20家", 10, 20, "家", "count", "exact", None)]),
    ("仅能保证15%至20%的运力。", [("15%至20%", 15, 20, "%", "percent", "exact", None)]),
    ("预计增长3~5个百分点。", [("3~5个百分点", 3, 5, "百分点", "points", "exact", "increase")]),
    ("投资超亿元项目占8成以上。", [("8成以上", 80, None, "%", "percent", "over", None)]),
    ("占比三成半。", [("三成半", 35, None, "%", "percent", "exact", None)]),
    ("覆盖率达到百分之十二点五。", [("百分之十二点五", 12.5, None, "%", "percent", "exact", None)]),
    ("约三分之一的企业实现盈利。", [("约三分之一", 33.33, None, "%", "percent", "approx", None)]),
    ("超过一半的居民参与。", [("超过一半", 50, None, "%", "percent", "over", None)]),
    ("公交车发车频次仅为平日的一半。", [("一半", 50, None, "%", "percent", "exact", None)]),
    ("有1/10的居民参与。", [("1/10", 10, None, "%", "percent", "exact", None)]),
    ("不良率为3‰。", [("3‰", 0.3, None, "%", "percent", "exact", None)]),
    ("这里聚集了超过90%的在巴中国移民。", [("超过90%", 90, None, "%", "percent", "over", None)]),
    ("均超过全市总量的30%。", [("超过全市总量的30%", 30, None, "%", "percent", "over", None)]),
    ("产值占到全市的70%以上。", [("70%以上", 70, None, "%", "percent", "over", None)]),
    ("全区专利权质押融资额近20亿元。", [("近20亿元", 2_000_000_000, None, "元", "money", "approx", None)]),
    ("营收规模接近3000亿元。", [("接近3000亿元", 300_000_000_000, None, "元", "money", "approx", None)]),
    ("企业超过了90家。", [("超过了90家", 90, None, "家", "count", "over", None)]),
    ("参会人员不足300人。", [("不足300人", 300, None, "人", "count", "under", None)]),
    ("园区计划投资超50亿。", [("超50亿", 5_000_000_000, None, "元", "money", "over", None)]),
    ("带动超100亿的产业投资。", [("超100亿", 10_000_000_000, None, "元", "money", "over", None)]),
    ("圣保罗有20多万华商。", [("20多万", 200_000, None, "人", "count", "over", None)]),
    ("拥有14亿人口的大国。", [("14亿人口", 1_400_000_000, None, "人", "count", "exact", None)]),
    ("还有1.7亿65周岁及以上人口。", [("1.7亿", 170_000_000, None, "人", "count", "exact", None)]),
    ("诈骗分子转走了一百三十多万元。", [("一百三十多万元", 1_300_000, None, "元", "money", "over", None)]),
    ("最终被诈骗上百万元。", [("上百万元", 1_000_000, None, "元", "money", "approx", None)]),
    ("行程近两万公里。", [("近两万公里", 20_000, None, "公里", "other", "approx", None)]),
    ("项目总投资一百一十七亿元。", [("一百一十七亿元", 11_700_000_000, None, "元", "money", "exact", None)]),
    ("发放补贴资金壹佰贰拾万元。", [("壹佰贰拾万元", 1_200_000, None, "元", "money", "exact", None)]),
    ("种植面积5.12万亩。", [("5.12万亩", 51_200, None, "亩", "area", "exact", None)]),
    ("园区规划面积5.21平方公里。", [("5.21平方公里", 5.21, None, "平方公里", "area", "exact", None)]),
    ("总建筑面积近3万方。", [("近3万方", 30_000, None, "方", "area", "approx", None)]),
    ("2.8万平方米的园区。", [("2.8万平方米", 28_000, None, "平方米", "area", "exact", None)]),
    ("粮食消耗量超过7亿吨。", [("超过7亿吨", 700_000_000, None, "吨", "weight", "over", None)]),
    ("全县用电量5.2亿千瓦时。", [("5.2亿千瓦时", 520_000_000, None, "千瓦时", "energy", "exact", None)]),
    ("建设光伏电站20万千瓦。", [("20万千瓦", 200_000, None, "千瓦", "energy", "exact", None)]),
    ("客运量高达176亿人次。", [("176亿人次", 17_600_000_000, None, "人次", "count", "exact", None)]),
    ("设计年吞吐旅客100万人次。", [("100万人次", 1_000_000, None, "人次", "count", "exact", None)]),
    ("向华为提供价值264亿美元的零件。", [("264亿美元", 26_400_000_000, None, "美元", "money", "exact", None)]),
    ("实际利用外资3.6亿美元。", [("3.6亿美元", 360_000_000, None, "美元", "money", "exact", None)]),
    ("停泊点距天宫一号400米。", [("400米", 400, None, "米", "other", "exact", None)]),
    ("职业生涯战绩是0胜29负。", [("0胜", 0, None, "胜", "other", "exact", None),
                                   ("29负", 29, None, "负", "other", "exact", None)]),
    ("三分球4投2中，得到20分。", [("4投", 4, None, "投", "other", "exact", None),
                                   ("2中", 2, None, "中", "other", "exact", None),
                                   ("20分", 20, None, "分", "other", "exact", None)]),
    ("建成5G基站1200个。", [("1200个", 1200, None, "个", "count", "exact", None)]),
    ("产品涵盖17个系列200多个品种。", [("17个", 17, None, "个", "count", "exact", None),
                                       ("200多个", 200, None, "个", "count", "over", None)]),
    ("年产起重整机30万台、零部件170万台(套)。", [("30万台", 300_000, None, "台", "count", "exact", None),
                                                 ("170万台", 1_700_000, None, "台", "count", "exact", None)]),
    ("引进区外投资项目(已领取营业执照)315个。", [("315个", 315, None, "个", "count", "exact", None)]),
    ("对工业投资的贡献率为 70.5%。", [("70.5%", 70.5, None, "%", "percent", "exact", None)]),
    ("工业增加值增长-5.2%。", [("-5.2%", -5.2, None, "%", "percent", "exact", None)]),  # the sign is the direction
    ("比上年增产2.3%。", [("2.3%", 2.3, None, "%", "percent", "exact", "increase")]),
    ("覆盖率达到百分之百。", [("百分之百", 100, None, "%", "percent", "exact", None)]),
    ("PM2.5平均浓度为35微克/立方米。", [("35微克/立方米", 35, None, "微克/立方米", "other", "exact", None)]),
    ("两千多家企业参展，上千人参会，数千人观展。", [("两千多家", 2000, None, "家", "count", "over", None),
                                                 ("上千人", 1000, None, "人", "count", "approx", None),
                                                 ("数千人", 2000, 9000, "人", "count", "approx", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FACTS, ids=[s for s, _ in FACTS])
def test_facts_in_a_sentence(sentence, expected):
    facts = extract(sentence, REF)
    got = [(f.text, f.value, f.value_max, f.unit, f.kind, f.qualifier, f.change) for f in facts]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g[0] == e[0]
        assert g[1] == pytest.approx(e[1], rel=2e-4)
        assert (g[2] is None) == (e[2] is None) and (e[2] is None or g[2] == pytest.approx(e[2]))
        assert g[3:] == e[3:]


# Not facts (CONVENTIONS.md "Facts: which numbers"), one row per exclusion.
NOT_FACTS = [
    ("2019年7月29日，国务院正式批复。", "years and dates"),
    ("二〇一九年，知识城获批。", "years in Chinese numerals"),
    ("1-8月份，全市经济运行平稳。", "month spans are dates, not ranges"),
    ("广州开发区综合排名第二，科技创新排名第一。", "ordinal ranks"),
    ("县级经济综合实力居全省第19位。", "ranks with digits"),
    ("对排名前5%的优秀学员颁发证书。", "top-N ranks"),
    ("排在前三位的是岑溪市。", "ranks with 前"),
    ("一是加强领导；二是强化措施。", "list markers 一是"),
    ("（一）活动主题", "list markers （一）"),
    ("1.知识竞答工作要求", "list markers 1."),
    ("附件：1.知识竞答工作要求 2.作品报送要求", "list markers after a colon"),
    ("教思政厅函〔2024〕10号", "document numbers"),
    ("粤ICP备12345678号-1", "ICP numbers"),
    ("联系电话：021-34206231、010-56803635", "phone numbers"),
    ("咨询请拨打13812345678。", "mobile phone numbers"),
    ("地址：某某路3号楼5层", "building numbers"),
    ("在此后的3年内，连续7个月增长，信守15年，施工22天。", "durations"),
    ("经过两个多月的激烈角逐，历时30分钟。", "durations in Chinese numerals"),
    ("100亩以上的种植大户纷纷加入。", "thresholds inside a category name"),
    ("税收500万元以上企业享受优惠。", "money thresholds"),
    ("一批超10亿元的大项目相继落地。", "thresholds with 超"),
    ("两个航天器紧紧连接，三大功能，八个方面，四个一批。", "small Chinese-numeral labels"),
    ("十大先进制造业集群，三张靓丽名片。", "more small labels"),
    ("三次产业结构调整为2.5∶37.3∶60.2。", "ratios a:b:c"),
    ("三次产业投资占比由1.1:50.3:48.6调整。", "ratios with ASCII colons"),
    ("12时55分，两个航天器对接。", "clock times"),
    ("知识产权“美玉10条”推出。", "names with digits in quotes"),
    ("这里有58同城、5G基站和4K电视。", "names with digits"),
    ("实现了“十三五”发展平稳健康开局。", "five-year plan names"),
    ("发布了《大湾区专利趋势观察报告(2016—2018)》。", "titles of publications"),
    ("登录https://fuwu.sizhengwang.cn/control/2024/login填报。", "URLs"),
    ("来信请寄service2024@example.com。", "e-mail addresses"),
    ("凯尔特人在主场以139-107大胜湖人。", "scores without a measure word"),
    ("200万特奖中奖号码为「39793895」。", "prize names and quoted numbers"),
    ("1人在南投县购买饮料；另1人于新竹县购买用品。", "'one person' as a subject"),
    ("7/29起实施，24/7全天候服务。", "slashes that are not shares"),
    ("法定婚龄降低到18岁。", "ages"),
    ("突破万亿大关。", "magnitudes without digits"),
    ("千万不要上当，万一被骗要报警。", "magnitude words"),
    ("“十四五”规划和二十大精神。", "congress and plan numbers"),
    ("第十九届四中全会。", "sessions"),
    ("总投资125.3亿", "a number cut off at the end of the text"),
    ("01\n02\n共有1 000家企业。", "section numbers and leading zeros"),
]


@pytest.mark.parametrize(("sentence", "why"), NOT_FACTS, ids=[w for _, w in NOT_FACTS])
def test_not_facts(sentence, why):
    assert extract(sentence, REF) == [], why


def test_a_number_at_the_end_with_its_unit_is_kept():
    facts = extract("今年1-6月，全市完成固定资产投资350亿元", REF)
    assert [(f.value, f.unit) for f in facts] == [(35_000_000_000, "元")]


def test_figures_of_equal_value_without_period_or_metric_stay_apart():
    facts = extract("1000余万元，5千多万，上千万元。", REF)
    assert [(f.text, f.value) for f in facts] == [("1000余万元", 1e7), ("5千多万", 5e7), ("上千万元", 1e7)]


def test_one_person_as_a_count():
    facts = extract("事故造成1人死亡，其中1人受伤。", REF)
    assert [f.text for f in facts] == ["1人", "1人"]


def test_threshold_and_count_in_one_sentence():
    facts = extract("税收500万元以上企业达到120家。", REF)
    assert [(f.text, f.value, f.unit) for f in facts] == [("120家", 120, "家")]
