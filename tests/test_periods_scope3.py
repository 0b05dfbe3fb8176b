"""Period rules of the third round (CONVENTIONS "Facts: the period's scope (v2)"): since-clauses
closed a few words later, year ends kept as months, headings whose period cannot be resolved,
as-of dates later in a sentence, and histories that carry no period onward. Cases written for
this suite against fixed publication days, in Simplified and in Traditional converted the way
the pipeline converts a Traditional page before reading its facts."""

from __future__ import annotations

import datetime as dt

import pytest

from ipextract.convert import to_simplified
from ipextract.facts import extract

REF = dt.date(2020, 5, 6)


def _dates(text: str, ref: dt.date | None = REF, title: str | None = None) -> dict[str, str | None]:
    return {f.text: f.date for f in extract(to_simplified(text), ref, title=title)}


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        ("自去年底正式开城以来，规划出1.5万平方米的办公区域。", "1.5万平方米", "2019-12-01/2020-05-06"),
        ("自2018年3月进入市场以来，新增企业30家。", "30家", "2018-03-01/2020-05-06"),
        ("從2018年3月進入市場以來，新增企業30家。", "30家", "2018-03-01/2020-05-06"),
        ("自去年9月项目投产以来，累计产值2.3亿元。", "2.3亿元", "2019-09-01/2020-05-06"),
        # 之后 closes a since-clause too, but counts years, as precise as its start
        ("自2011年进入NBA之后，球队累计签约球员30名。", "30名", "2011/2020"),
    ],
)
def test_a_since_clause_closed_later_by_yilai_spans_days(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        ("2015年底预计完成投资14.2亿元，2016年计划完成投资108.8亿元。", "14.2亿元", "2015-12"),
        ("2015年底预计完成投资14.2亿元，2016年计划完成投资108.8亿元。", "108.8亿元", "2016"),
        ("2019年末力争新增市场主体1200户。", "1200户", "2019-12"),
        ("2019年末力爭新增市場主體1200戶。", "1200户", "2019-12"),
        ("到年底，全市将新增企业300家。", "300家", "2020-12"),
    ],
)
def test_a_year_end_stays_a_month_under_a_plan_word(text, figure, date):
    assert _dates(text)[figure] == date


REVIEW = "一、2024年工作回顾\n城镇新增就业1256万人。\n二、今年主要预期目标\n城镇新增就业1200万人以上。"


@pytest.mark.parametrize(
    ("text", "ref", "title", "figure", "date"),
    [
        # the plan heading states 今年: without a publication day it is unknown, not the review's
        (REVIEW, None, None, "1256万人", "2024"),
        (REVIEW, None, None, "1200万人以上", None),
        (REVIEW, dt.date(2025, 3, 5), None, "1200万人以上", "2025"),
        (to_simplified("一、2024年工作回顧\n城鎮新增就業1256萬人。\n二、今年主要預期目標\n城鎮新增就業1200萬人以上。"),
         None, None, "1200万人以上", None),
        # nor the preamble's or the title's
        ("2024年，全市经济回升向好。\n二、明年工作安排\n全市新增企业300家。", None, None, "300家", None),
        # a yearless heading period takes the title's year
        ("全市经济回升向好。\n（二）下半年工作打算\n全市新增企业300家。", None, "2024年上半年工作总结", "300家",
         "2024-07/2024-12"),
        ("全市经济回升向好。\n（二）下半年工作打算\n全市新增企业300家。", dt.date(2024, 7, 20), "2024年上半年工作总结",
         "300家", "2024-07/2024-12"),
        # a heading stating no period leaves the title's in force
        ("全市经济回升向好。\n（二）工业生产\n全市新增企业300家。", None, "2024年上半年工作总结", "300家",
         "2024-01/2024-06"),
    ],
)
def test_a_heading_whose_period_cannot_be_resolved_dates_nothing_below_it(text, ref, title, figure, date):
    assert _dates(text, ref, title)[figure] == date


RUN_ON = "2023年，经济增长。人均生产总值为125043元,增长5.3%据抽样调查推算,年末常住人口6627万人。"


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a bare 年末 later in a run-on sentence starts a stock of its own
        (RUN_ON, "125043元", "2023"),
        (RUN_ON, "6627万人", "2023-12"),
        ("2023年，經濟增長。人均生產總值為125043元,增長5.3%據抽樣調查推算,年末常住人口6627萬人。", "5.3%", "2023"),
        # a date under 截至 later in the sentence still reaches back
        ("全市共有企业1200家，截至3月底。", "1200家", "2020-03"),
        ("全市共有企業1200家，截至3月底。", "1200家", "2020-03"),
        ("各项贷款余额300亿元，截至2019年末。", "300亿元", "2019-12"),
    ],
)
def test_only_a_date_under_jiezhi_reaches_back_in_its_sentence(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a rate per period: the carried year does not date it
        ("2019年，内需贡献率达到89%。\n我国每年的粮食消耗量超过7亿吨，全年客运量高达176亿人次。", "超过7亿吨", None),
        ("2019年，内需贡献率达到89%。\n我国每年的粮食消耗量超过7亿吨，全年客运量高达176亿人次。", "176亿人次", "2019"),
        ("2019年，全市经济增长。\n投资方面，每月新增企业300家。", "300家", None),
        ("2019年，全市經濟增長。\n投資方面，每月新增企業300家。", "300家", None),
        ("1-5月，全县经济运行良好。\n景区每天接待游客1.2万人次。", "1.2万人次", None),
        # its own sentence still dates it
        ("2019年，全市经济增长。\n2020年，全市每月新增企业300家。", "300家", "2020"),
    ],
)
def test_a_rate_per_period_takes_no_carried_period(text, figure, date):
    assert _dates(text)[figure] == date


HISTORY = (
    "2023年，全市经济增长。\n1974年，在平山县发现的中山王墓曾震惊世界。\n出土3件青铜器。\n"
    "2019年，全市新增企业30家。\n工业增长5%。"
)


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a long-past year dates its own sentence, not the sentences and paragraphs after it
        ("1974年，在平山县发现的中山王墓曾震惊世界。出土文物中，3件青铜器并称中山三器。", "3件", None),
        ("1974年，在平山縣發現的中山王墓曾震驚世界。出土文物中，3件青銅器並稱中山三器。", "3件", None),
        ("1974年，中山王墓被发现。\n展览将共评出入展书法作品170件。", "170件", None),
        ("1978年，全市生产总值仅12亿元。", "12亿元", "1978"),
        # nor does the report's opening year come back after the history
        (HISTORY, "3件", None),
        (HISTORY, "5%", "2019"),
        # a recent year carries as before
        ("2015年，全市经济增长。\n工业增长5%。", "5%", "2015"),
    ],
)
def test_a_history_carries_no_period_onward(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "title", "figure", "date"),
    [
        # the page's own report named in its first line run into the text, the title missing
        ("站内搜索梧州市2017年国民经济和社会发展统计公报2017年,全市经济稳中向好。\n一、综合\n全年地区生产总值1338.1亿元。",
         None, "1338.1亿元", "2017"),
        ("站內搜索梧州市2017年國民經濟和社會發展統計公報2017年,全市經濟穩中向好。\n一、綜合\n全年地區生產總值1338.1億元。",
         None, "1338.1亿元", "2017"),
        ("2013年上虞区国民经济和社会发展统计公报 | " + "|" * 40 + "\n一、综合\n全区生产总值800亿元。",
         None, "800亿元", "2013"),
        ("首页>统计信息 2020年前三季度全市经济运行情况 发布时间\n规上工业增加值增长6.2%。", None, "6.2%",
         "2020-01/2020-09"),
        # a title that states a period keeps its own
        ("据2019年统计公报，全市经济增长。\n一、综合\n全年地区生产总值800亿元。", "2018年统计公报", "800亿元", "2018"),
        # a meeting or plan is no report of a period
        ("2023年全省工作会议召开。\n会上表彰了120家企业。", None, "120家", None),
    ],
)
def test_the_pages_own_report_named_before_the_first_heading(text, title, figure, date):
    assert _dates(text, title=title)[figure] == date


@pytest.mark.parametrize(
    ("text", "ref", "figure", "date"),
    [
        # a day alone: the publication month unless after the publication day, else the month before
        ("3日，全市新增企业30家。", REF, "30家", "2020-05-03"),
        ("28日，全市新增企业30家。", REF, "30家", "2020-04-28"),
        ("28日，全市新增企業30家。", REF, "30家", "2020-04-28"),
        ("28日，全市新增企业30家。", dt.date(2020, 1, 6), "30家", "2019-12-28"),
        # announced ahead (将于/定于/拟于): the publication month unless before the day, else the next
        ("活动将于28日在昆明举行，共设展位300个。", REF, "300个", "2020-05-28"),
        ("活動將於3日在昆明舉行，共設展位300個。", REF, "300个", "2020-06-03"),
        ("大会定于3日开幕，共设展位300个。", dt.date(2020, 12, 20), "300个", "2021-01-03"),
        # a month written before it in the paragraph still gives the month
        ("5月2日，项目签约。28日，全市新增企业30家。", REF, "30家", "2020-05-28"),
    ],
)
def test_a_day_alone_against_the_publication_day(text, ref, figure, date):
    assert _dates(text, ref)[figure] == date


def test_a_report_cited_further_down_is_no_title():
    text = "全市经济回升向好。\n据2022年统计公报显示，全市人口增长。\n全市新增企业300家。"
    assert _dates(text, title=None)["300家"] is None


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a yearless period that has not begun by the publication day is the latest one that has
        ("12月，全市新增企业30家。", "30家", "2019-12"),
        ("12月下旬，全市新增企業30家。", "30家", "2019-12-21/2019-12-31"),
        ("四季度，全市新增企业30家。", "30家", "2019-10/2019-12"),
        ("下半年，全市新增企业30家。", "30家", "2019-07/2019-12"),
        # one that has begun is this year's
        ("5月，全市新增企业30家。", "30家", "2020-05"),
        ("1-10月，全市新增企业30家。", "30家", "2020-01/2020-10"),
        ("上半年，全市新增企業30家。", "30家", "2020-01/2020-06"),
        # announced ahead, or 年底 with no year: the publication year's
        ("大会将于12月开幕，共设展位300个。", "300个", "2020-12"),
        ("到年底，全市将新增企业300家。", "300家", "2020-12"),
    ],
)
def test_a_yearless_period_is_the_latest_that_has_begun(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a paragraph opening 近日/日前 tells of an undated moment: the report's year stays out
        ("2023年，全省中医药文化服务月活动持续进行。\n一、省二医院\n近日，医院举办活动，共计100余人参加。\n五名医生现场义诊。",
         "五名", None),
        ("2023年，全省中醫藥文化服務月活動持續進行。\n一、省二醫院\n日前，醫院舉辦活動，共計100餘人參加。\n五名醫生現場義診。",
         "五名", None),
        # until another period opens a sentence
        ("2019年，全省活动持续进行。\n近日，医院举办活动。\n2020年，全省经济增长。\n工业增长5%。", "5%", "2020"),
        # 近年来 inside a speech is no opening of the paragraph
        ("10月17日，培训班举办。\n汤筱疏指出，近年来，我省师德师风工作体系不断完善。\n会议期间，4家单位作交流。", "4家",
         "2019-10-17"),
    ],
)
def test_a_paragraph_opening_jinri_takes_no_older_period(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "ref", "figure", "date"),
    [
        # 全年 with no year in scope: the year before on a January-March page, else the publication year
        ("全年地区生产总值2313亿元。", dt.date(2024, 2, 10), "2313亿元", "2023"),
        ("全年地區生產總值2313億元。", dt.date(2024, 2, 10), "2313亿元", "2023"),
        ("全年地区生产总值2313亿元。", dt.date(2024, 7, 10), "2313亿元", "2024"),
        ("2022年，全市经济回升。全年地区生产总值2313亿元。", dt.date(2024, 2, 10), "2313亿元", "2022"),
        # 一年来 likewise; 过去一年 is the year before whenever it is published
        ("一年来，全县新增企业300家。", dt.date(2024, 7, 10), "300家", "2024"),
        ("過去一年，全縣新增企業300家。", dt.date(2024, 7, 10), "300家", "2023"),
        ("过去的一年，全县新增企业300家。", dt.date(2024, 2, 10), "300家", "2023"),
        # no publication day, no year
        ("全年地区生产总值2313亿元。", None, "2313亿元", None),
    ],
)
def test_the_whole_year_and_the_year_under_review_without_a_year_in_scope(text, ref, figure, date):
    assert _dates(text, ref)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # a birth dates the person, not the figures beside it
        ("张三，1962年生，山西人，出版画册12部。", "12部", None),
        ("張三，1962年生，山西人，出版畫冊12部。", "12部", None),
        ("李四，1985年3月出生，从事研究工作，发表论文30篇。", "30篇", None),
        # a biography takes no period carried from the report, and carries none onward
        ("2022年，全市经济增长。\n李四，1985年出生，发表论文30篇。", "30篇", None),
        ("2022年，全市经济增长。\n李四，1985年出生，发表论文30篇。\n全市新增企业300家。", "300家", None),
        # births counted in a year are that year's figures
        ("2020年出生人口68万人，死亡人口50万人。", "50万人", "2020"),
        ("2020年生产总值300亿元。", "300亿元", "2020"),
    ],
)
def test_a_biography_is_a_change_of_subject(text, figure, date):
    assert _dates(text)[figure] == date


@pytest.mark.parametrize(
    ("text", "title", "figure", "date"),
    [
        # a plan heading that states no period: its targets are not the review's
        ("一、2024年工作回顾\n全市新增企业300家。\n二、下一步工作打算\n全市力争新增企业400家。", None, "400家", None),
        ("一、2024年工作回顧\n全市新增企業300家。\n二、下一步工作打算\n全市力爭新增企業400家。", None, "400家", None),
        ("全市经济回升。\n三、主要目标\n地区生产总值增长6%。", "2024年工作总结", "6%", None),
        ("一、2024年工作回顾\n二、今后工作安排：\n（一）工业\n力争新增企业400家。", None, "400家", None),
        # the review's subheadings and an event's schedule are no plans
        ("一、2024年工作回顾\n（二）重点工作\n全市新增企业300家。", None, "300家", "2024"),
        ("2024年，全市经济回升。\n五、活动安排\n共设展位300个。", None, "300个", "2024"),
    ],
)
def test_a_plan_heading_without_a_period_dates_nothing_below_it(text, title, figure, date):
    assert _dates(text, title=title)[figure] == date


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        # 以来 looks back: the latest December that has begun; 起施行 looks ahead
        ("12月以来，全市新增企业30家。", "30家", "2019-12-01/2020-05-06"),
        ("12月以來，全市新增企業30家。", "30家", "2019-12-01/2020-05-06"),
        ("新规自12月1日起施行，罚款最高5000元。", "5000元", "2020-12-01"),
    ],
)
def test_a_yearless_since_looks_back_and_a_start_ahead(text, figure, date):
    assert _dates(text)[figure] == date
