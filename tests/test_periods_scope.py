"""The period's scope (CONVENTIONS "Facts: the period's scope (v2)"): figures whose own
paragraph states no period take the period carried from an earlier sentence, the nearest heading
above that states one, or the title's; years inside names do not count; flows under 截至 + a month
cover the year to date. Cases written for this suite, Simplified and Traditional-converted text
alike, against a fixed publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract.facts import extract
from ipextract.facts.periods import find_periods
from ipextract.facts.scope import is_heading, is_name, opens_sentence, year_to_date

REF = dt.date(2021, 6, 15)
EARLY = dt.date(2022, 2, 10)


def _dates(text: str, ref: dt.date | None = REF, title: str | None = None) -> dict[str, str | None]:
    return {f.text: f.date for f in extract(text, ref, title=title)}


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # carried from an earlier paragraph's sentence-opening year
        ("2020年，全省经济平稳增长。\n工业方面，规上工业增加值增长8.2%。", "8.2%", "2020"),
        ("据统计，2019年，全市经济稳中有进。\n投资方面，固定资产投资增长6.1%。", "6.1%", "2019"),
        ("1-5月，全县经济运行良好。\n消费方面，社会消费品零售总额12.5亿元。", "12.5亿元", "2021-01/2021-05"),
        ("上半年，全区经济持续恢复。\n农业方面，粮食产量3.4万吨。", "3.4万吨", "2021-01/2021-06"),
        # carried within one paragraph, from a later sentence's opening period
        ("一是农业生产稳定。上半年，全市农业增长4.3%。蔬菜产量42.2万吨。", "42.2万吨", "2021-01/2021-06"),
        # a heading above that states a period
        ("一、2020年工作回顾\n全市实现地区生产总值1360亿元。", "1360亿元", "2020"),
        # a period opening the text before its first heading frames the whole report
        ("2024年，全市经济回升向好。\n一、综合\n全年地区生产总值2313亿元。", "2313亿元", "2024"),
        ("（二）上半年主要经济指标\n规上工业增加值增长7.4%。", "7.4%", "2021-01/2021-06"),
        # the title's period
        ("全市实现地区生产总值11413.8亿元。", "11413.8亿元", None),
    ],
)
def test_scope_carries_a_period_to_figures_without_one(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("title", "text", "figure", "date"),
    [
        ("2016年1-6月全市经济运行简况", "全市实现地区生产总值11413.8亿元。", "11413.8亿元", "2016-01/2016-06"),
        ("2022年统计公报", "全年地区生产总值2313亿元。", "2313亿元", "2022"),
        ("前三季度我市工业增加值增长6%", "规上工业增加值增长6.2%。", "6.2%", "2021-01/2021-09"),
        ("2023年全省工作会议召开", "会上表彰了120家企业。", "120家", None),  # a year in a name
    ],
)
def test_the_title_period_dates_what_nothing_else_dates(title, text, figure, date):
    assert _dates(text, title=title)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a single day or month dates a news event; later paragraphs are its background
        ("6月11日，园区项目集中签约。\n园区投资超50亿元。", "超50亿元", None),
        ("2016年7月，知识城获批试验区。\n这里高新技术企业超过2000家。", "超过2000家", None),
        # a plan's date is no account's opening
        ("62个项目开工。2015年底预计完成投资14.2亿元。机场改扩建工程投资近3亿元。", "近3亿元", None),
        # an attributive year (2018年14户新增企业) opens nothing
        ("2018年14户新增企业产值增长176.4%。\n精制茶增长21.1%。", "21.1%", None),
        # a year described (2020年是…) opens nothing
        ("2020年是极不平凡的一年。\n全市新增就业1.2万人。", "1.2万人", None),
        # a heading starts a new section: the carried period stops there
        ("一、经济运行\n2020年，全省经济平稳增长。\n二、存在的问题\n部分企业亏损面达20%。", "20%", None),
        # a history (a building's, a person's) carries none of its years onward
        ("1983年，捐赠书画200幅。1986年，开始设计。1987年开始建设，至1989年完工。\n馆占地2200平方米。",
         "2200平方米", None),
        ("1956年，他出生于太原。1978年，他考入大学。1990年，他回到家乡。2001年，他创办公司。\n公司员工300人。",
         "300人", None),
        # a year in a document's name
        ("2020年《政府工作报告》提出扩大内需。\n我国人口超过14亿人。", "超过14亿人", None),
    ],
)
def test_scope_prefers_null_over_a_wrong_period(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "ref", "figure", "date"),
    [
        ("一年来，全县地区生产总值增长12.6%。", EARLY, "12.6%", "2021"),
        ("过去一年，全市新增就业1.5万人。", EARLY, "1.5万人", "2021"),
        ("过去的一年，全区招商引资87.7亿元。", EARLY, "87.7亿元", "2021"),
        ("2021年是开局之年。一年来，全县招商引资增长25.9%。", REF, "25.9%", "2021"),
        # after March, 一年来 with no year in scope is the publication year; 过去一年 the year before
        ("一年来，全市新增市场主体3.2万户。", REF, "3.2万户", "2021"),
        ("过去一年，全市新增市场主体3.2万户。", REF, "3.2万户", "2020"),
    ],
)
def test_the_year_under_review(text, ref, figure, date):
    assert _dates(text, ref)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        ("截至5月底，完成投资8.1亿元。", "8.1亿元", "2021-01/2021-05"),
        ("截至6月末，全县财政收入8.7亿元。", "8.7亿元", "2021-01/2021-06"),
        ("止5月底完成工业产值16亿元。", "16亿元", "2021-01/2021-05"),
        ("截至5月底，贷款余额达120亿元。", "120亿元", "2021-05"),
        ("截至3月末，全市机动车保有量达52万辆。", "52万辆", "2021-03"),
        ("截至4月底，累计完成投资30亿元。", "30亿元", "2021-04"),
        ("截至2020年底，全市企业达12.4万家。", "12.4万家", "2020-12"),
        ("截至1月底，实现销售额3亿元。", "3亿元", "2021-01"),  # January: to date is the month
    ],
)
def test_stock_and_flow_under_jiezhi(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("value", "words", "expected"),
    [
        ("2021-05", "，完成投资", "2021-01/2021-05"),
        ("2021-05", "，存款余额", "2021-05"),
        ("2021-05", "，全市有", "2021-05"),
        ("2021-05-31", "，完成投资", "2021-05-31"),
        (None, "投资", None),
    ],
)
def test_year_to_date(value, words, expected):
    assert year_to_date(value, words) == expected


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("一、2024年工作回顾", True),
        ("（二）上半年主要经济指标", True),
        ("地区生产总值增长6.7%", True),
        ("（一）经济运行稳中有进。", True),
        ("一是农业生产保持稳定。上半年，全市农业增长4.3%。", False),
        ("2020年，全省经济平稳增长，工业增加值增长8.2%，投资增长6.1%，消费增长5.0%，出口增长3%。", False),
        ("", False),
    ],
)
def test_heading_lines(line, heading):
    assert is_heading(line) is heading


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("2023年全省工作会议召开", True),
        ("2020年度优秀企业名单", True),
        ("2022年理事会在京举行", True),
        ("2021年《工作要点》印发", True),
        ("2020年，全市经济增长", False),
        ("2022年统计公报", False),
        ("2020年前三季度全市经济运行情况", False),
    ],
)
def test_years_inside_names(text, named):
    p = find_periods(text)[0]
    assert is_name(text, p) is named


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("2020年，全省经济平稳增长。", True),
        ("据统计，2020年，全市经济增长。", True),
        ("记者获悉，上半年，全市投资增长。", True),
        ("一是农业稳定。上半年，农业增长。", True),
        ("二、工业生产增势明显 4月份，工业增长。", True),
        ("全市经济在2020年平稳增长。", False),
        ("比2019年增长5%。", False),
        ("2018年14户新增企业。", False),
        ("一季度、上半年增速分别为。", False),
        ("2015年底预计完成投资。", False),
    ],
)
def test_sentence_opening_periods(text, opens):
    periods = find_periods(text)
    target = periods[-1] if text.startswith("一是") else periods[0]
    assert opens_sentence(text, target) is opens


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a year inside 《…》 names a document; the sentence's own period governs
        ("据《2022年全省统计公报》，截至2022年末，全省人口1265万人。其中城镇人口946万人。", "946万人", "2022-12"),
        ("根据《2020年全市统计年鉴》，2019年全市专利授权量1.2万件。", "1.2万件", "2019"),
        ("據《2021年全縣國民經濟統計公報》，上半年全縣財政收入8.7億元。", "8.7億元", "2021-01/2021-06"),
        # ... and governs only when the sentence states no other period (the report's own figures)
        ("《2020年全省统计公报》显示，全省生产总值增长3.6%。", "3.6%", "2020"),
        ("《2019年度工作总结》中提到，全年新增企业320家。", "320家", "2019"),
    ],
)
def test_a_year_inside_a_title_is_a_name(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a paragraph that refers back to a dated event takes the event's day
        # (7月13日 on a page of 2021-06-15 is the last July 13, CONVENTIONS "latest begun")
        ("7月13日，市中医院文化服务月活动在广场举行。\n本次活动共服务群众600余人次。", "600余人次", "2020-07-13"),
        ("4月8日，东坡区举行了优势产业推介会。\n此次活动吸引了国内外50余家企业参会。", "50余家", "2021-04-08"),
        ("5月20日，全省招商大会在成都召开。\n会议期间，签约项目32个。", "32个", "2021-05-20"),
        ("6月2日，縣中醫院義診活動在廣場舉行。\n活動現場，發放手冊850份。", "850份", "2021-06-02"),
        # without a reference back, the paragraphs after a news event are its background
        ("6月6日，产业园开园招商推介会举办。\n武钢集团已在各地赋能近40个特色园区。", "近40个", None),
        # a heading ends the event's reach
        ("5月20日，全省招商大会召开。\n二、下一步工作\n会议期间的32个项目将加快推进。", "32个", None),
    ],
)
def test_an_event_day_reaches_the_paragraphs_that_refer_back_to_it(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a milestone dates its own clause, not the project's figures in the next clauses
        ("学校总投资约22亿元，一期于2023年2月交付使用；医院总投资约18亿元，2022年5月交付。", "约18亿元", None),
        ("项目总投资23亿元，2021年3月开工建设，2024年3月交付，提供657个养老单元。", "657个", None),
        ("改造项目2020年4月启动，2023年6月投入运行，建成48万平方米安置房。", "48万平方米", None),
        ("園區2019年5月正式開工，總投資12億元。", "12億元", None),
        # ... but still dates a figure in its own clause
        ("2023年5月建成投资2亿元的新厂房。", "2亿元", "2023-05"),
        # a period after 1-5月 完成 is a period, not a milestone
        ("1-5月，全县完成投资8.1亿元，增长5.2%。", "5.2%", "2021-01/2021-05"),
    ],
)
def test_a_milestone_dates_only_its_own_clause(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # 到/截至 + a period opening a sentence governs the sentences after it
        ("到2020年，实现信息产业收入520亿元。其中，制造业力争达300亿元；服务业220亿元。", "300亿元", "2020"),
        ("截至2020年底，全市企业12.4万家。个体工商户36万户。", "36万户", "2020-12"),
        ("到2025年，全省建成5G基站8万个。千兆用户达到300万户。", "300万户", "2025"),
        ("至2022年，全縣森林覆蓋率達65%。新增企業320家。", "320家", "2022"),
    ],
)
def test_a_period_after_dao_opens_its_sentence(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # 2010年的46.2%: the figure right after a period and 的 is that period's, base or not
        ("城镇化率由2010年的46.2%上升至2011年的48.5%。", "46.2%", "2010"),
        ("城镇化率由2010年的46.2%上升至2011年的48.5%。", "48.5%", "2011"),
        ("比2019年的320家增加了40家。", "320家", "2019"),
        ("比重由2015年的3.1%提高到2020年的4.6%。", "3.1%", "2015"),
        ("比率由2010年的34.4%下降至2011年的31.1%。", "31.1%", "2011"),
    ],
)
def test_a_period_owns_the_figure_after_its_de(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("title", "text", "figure", "date"),
    [
        # a game's day reaches the paragraphs about that game
        ("9年来第1次战胜对手", "1月21日，凯尔特人大胜湖人。\n全场比赛，沃克13投8中。", "8中", "2021-01-21"),
        (None, "3月2日，主队迎战客队。\n本场比赛，他得到20分。", "20分", "2021-03-02"),
        (None, "6月5日，第二届教育论坛在京举办。\n此次论坛邀请了40余位专家。", "40余位", "2021-06-05"),
        (None, "6月5日，第二屆教育論壇在台北舉辦。\n此次論壇共有專家40位參加。", "40位", "2021-06-05"),
        # a many-year scope gives a yearless date its latest year, not its first
        ("五年来全市科技创新成就", "3月，全市专利授权量1.2万件。", "1.2万件", "2021-03"),
    ],
)
def test_event_reference_and_the_year_of_a_span_scope(title, text, figure, date):
    assert _dates(text, title=title)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a form's field (label：date) is no heading; a line stating a day dates no section
        ("招标公告日期：2021年05月26日\n总成交金额：294.8万元", "294.8万元", None),
        ("成交日期：2021年06月09日\n代理费总金额：2.36万元", "2.36万元", None),
        ("公告日期 2021年05月26日 成交日期 2021年06月09日\n成交金额294.8万元", "294.8万元", None),
        ("發布日期：2021年05月26日\n總金額：120萬元", "120萬元", None),
        # ... while a heading stating a year or month still governs its section
        ("一、2020年工作回顾\n全市实现地区生产总值1360亿元。", "1360亿元", "2020"),
        ("2021年3月份经济运行\n规上工业增加值增长7.4%。", "7.4%", "2021-03"),
    ],
)
def test_fields_and_day_lines_are_no_headings(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a multiple or a share of a year's figure is not that year's
        ("利润是2019年的2.5倍。", "2.5倍", None),
        ("完成投资8.1亿元，占2019年的67.9%。", "67.9%", None),
    ],
)
def test_a_multiple_or_share_of_a_year_is_not_owned_by_it(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a news dateline before the event's day still lets it open the sentence
        ("眉山网讯(记者 殷勇)4月8日,东坡区举行推介会。\n此次活动吸引了50余家企业参会。", "50余家", "2021-04-08"),
        ("本报讯（记者 李明）5月20日，全省招商大会召开。\n会议期间，签约项目32个。", "32个", "2021-05-20"),
        ("本報訊 6月2日，義診活動在廣場舉行。\n活動現場，發放手冊850份。", "850份", "2021-06-02"),
        # a year opened in a speech between the event and the reference does not hide the event
        ("6月5日，论坛举办。\n他说，2021年，双方签约。\n此次论坛邀请了40余位专家。", "40余位", "2021-06-05"),
    ],
)
def test_datelines_and_events_behind_a_carried_year(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a flow covers the year to date only under 截至/到/止 + the date
        ("截至6月末，全县财政收入8.7亿元。", "8.7亿元", "2021-01/2021-06"),
        ("到5月底完成投资8.1亿元。", "8.1亿元", "2021-01/2021-05"),
        ("止5月底完成投资16亿元。", "16亿元", "2021-01/2021-05"),
        ("截至5月底，全縣完成投資8.1億元。", "8.1億元", "2021-01/2021-05"),
        # a bare month or year end is that month
        ("6月末，全县财政收入8.7亿元。", "8.7亿元", "2021-06"),
        ("2020年末，全市实现营业收入12亿元。", "12亿元", "2020-12"),
    ],
)
def test_year_to_date_needs_until(text, figure, date):
    assert _dates(text)[figure] == date
