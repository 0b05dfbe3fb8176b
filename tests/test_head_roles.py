"""Head lines that state a field without a label, and headlines set with other things on a line."""

from __future__ import annotations

import pytest

from ipextract import parse, parse_file
from ipextract.clean.head_roles import (
    HeadRole,
    glued_head,
    head_role,
    is_column_name,
    is_site_name,
    without_issuer_prefix,
)
from ipextract.options import Options


@pytest.mark.parametrize(
    ("key", "role"),
    [
        ("蚌埠市统计局", HeadRole("source", "蚌埠市统计局")),
        ("黄平县财政局", HeadRole("source", "黄平县财政局")),
        ("统计暨普查局", HeadRole("source", "统计暨普查局")),
        ("中华人民共和国国家统计局", HeadRole("source", "中华人民共和国国家统计局")),
        ("市长 魏尧", HeadRole("author", "魏尧")),
        ("县长：张建国", HeadRole("author", "张建国")),
        # The office after its body's name (q02, jianning; the second is synthetic).
        ("建宁县人民政府县长 伍小兰", HeadRole("author", "伍小兰")),
        ("某某市人民政府代市长 李明", HeadRole("author", "李明")),
        ("(2023年2月8日在县第十七届人民代表大会第二次会议上)", HeadRole("published_at", "2023-02-08")),
        ("——2016年1月6日在马鞍山市第十五届人民代表大会第五次会议上", HeadRole("published_at", "2016-01-06")),
        ("(2018年5月15日)", HeadRole("published_at", "2018-05-15")),
        ("（中华民国110年1月4日）", HeadRole("published_at", "2021-01-04")),
        # Headlines and sentences state no field.
        ("2024年安徽省蚌埠市国民经济和社会发展统计公报", None),
        ("市长魏尧主持召开常务会议", None),
        ("建宁县人民政府县长伍小兰调研", None),
        ("各位代表:", None),
        ("2018年5月15日召开全市大会", None),
    ],
)
def test_head_role(key, role):
    assert head_role(key) == role


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("[国家统计局]2021年6月份规模以上工业增加值增长8.3%", "2021年6月份规模以上工业增加值增长8.3%"),
        ("【蚌埠市统计局】2024年统计公报发布", "2024年统计公报发布"),
        # A bracket that does not name an issuing body stays.
        ("【视频】2021年6月份规模以上工业增加值增长8.3%", "【视频】2021年6月份规模以上工业增加值增长8.3%"),
        ("[国家统计局]", "[国家统计局]"),
    ],
)
def test_without_issuer_prefix(title, expected):
    assert without_issuer_prefix(title, title) == expected


@pytest.mark.parametrize(
    ("key", "title", "rest", "roles"),
    [
        (
            "4月份国民经济运行总体平稳 (2018年5月15日) 中华人民共和国国家统计局 4月份,各地区稳中有进。",
            "4月份国民经济运行总体平稳",
            "4月份,各地区稳中有进。",
            (HeadRole("published_at", "2018-05-15"), HeadRole("source", "中华人民共和国国家统计局")),
        ),
        (
            "某某县:8个项目总投资6.2亿元 5月20日,全县集中开工8个项目。",
            "某某县:8个项目总投资6.2亿元",
            "5月20日,全县集中开工8个项目。",
            (),
        ),
        (
            "统计公报 黄平县财政局 2022年,全县收入增长。",
            "统计公报",
            "2022年,全县收入增长。",
            (HeadRole("source", "黄平县财政局"),),
        ),
        # No date or issuer between: a paragraph that opens with a short lead phrase, or an
        # agency's dateline, under a long unpunctuated headline (statistics bureau, news mirror).
        (
            "我市高技术制造业投资引领全市高质量发展 "
            "1-8月份,我市高技术制造业在建项目数为289个,比去年同期增加了36个,完成投资增长15.2%。",
            "我市高技术制造业投资引领全市高质量发展",
            "1-8月份,我市高技术制造业在建项目数为289个,比去年同期增加了36个,完成投资增长15.2%。",
            (),
        ),
        (
            "辽宁大连开工24个重点项目 中评社北京1月30日电/据《人民日报》报导,辽宁大连28日举行重点项目开工仪式。",
            "辽宁大连开工24个重点项目",
            "中评社北京1月30日电/据《人民日报》报导,辽宁大连28日举行重点项目开工仪式。",
            (),
        ),
        (
            "东坡区签约15个项目协议金额达57.5亿元 "
            "眉山网讯(记者 殷勇)4月8日,东坡区举行了优势产业推介会,签订东坡智造谷项目等15个项目,总投资金额57.5亿元。",
            "东坡区签约15个项目协议金额达57.5亿元",
            "眉山网讯(记者 殷勇)4月8日,东坡区举行了优势产业推介会,签订东坡智造谷项目等15个项目,总投资金额57.5亿元。",
            (),
        ),
        (
            "2024年某某市国民经济和社会发展统计公报 "
            "2024年,在市委、市政府的坚强领导下,全市上下坚持稳中求进工作总基调,经济运行稳中有进。",
            "2024年某某市国民经济和社会发展统计公报",
            "2024年,在市委、市政府的坚强领导下,全市上下坚持稳中求进工作总基调,经济运行稳中有进。",
            (),
        ),
    ],
)
def test_glued_head_splits(key, title, rest, roles):
    glued = glued_head(key)
    assert glued is not None
    assert (key[: glued.title_end], key[glued.rest_start :], glued.roles) == (title, rest, roles)


@pytest.mark.parametrize(
    "key",
    [
        "全市经济运行 总体平稳,各项指标向好。",  # no date, no issuer, no dateline: a sentence
        "2024年 全市地区生产总值增长5.2%,高于全国。",
        "标题 (不是日期的说明文字) 正文,继续。",
        # A figure after the space is the sentence's own; so is a short tail.
        "全市规模以上工业增加值同比增长 5.2%,高于全国平均水平1.3个百分点,增速居全省第一位。",
        "全市经济运行情况总体 平稳向好,各项指标好于预期。",
    ],
)
def test_glued_head_leaves_sentences(key):
    assert glued_head(key) is None


# Pages of four sites: issuer, speaker and occasion lines under a report's headline.
@pytest.mark.parametrize(
    ("name", "title", "published_at", "source", "author"),
    [
        ("q03", None, "2016-01-06", None, "魏尧"),
        ("q05", "黄平县2022年预算执行情况和2023年预算草案的报告", "2023-02-08", "黄平县财政局", None),
        ("q13", "4月份国民经济运行总体平稳", "2018-05-15", "中华人民共和国国家统计局", None),
        ("q15", "2024年安徽省蚌埠市人民政府国民经济和社会发展统计公报(2025年更新)", "2025-03-31", "蚌埠市统计局", None),
        ("q17", "二零一一年澳门产业结构", "2012-12-27T15:07", "统计暨普查局", None),
        ("q10", "统计局:2018年1-7月份全国规模以上工业企业利润增长17.1%", "2018-08-27T11:51", None, None),
    ],
)
def test_report_heads(fixtures, name, title, published_at, source, author):
    doc = parse_file(fixtures / f"{name}.txt", Options(facts=False))
    assert (doc.title, doc.published_at, doc.source, doc.author) == (title, published_at, source, author)


P = "会议听取了全市一季度经济运行情况汇报，研究部署下一阶段重点工作，要求各地各部门狠抓落实，确保完成全年目标任务。"


@pytest.mark.parametrize(
    ("head", "title", "published_at", "source"),
    [
        # 引题 / 主题 / 副题: the 主题 is the title, markers and the other parts gone.
        (
            "聚焦高质量发展(引题)\n市政府召开常务会议(主题)\n研究部署下一阶段工作(副题)\n2024-03-01",
            "市政府召开常务会议",
            "2024-03-01",
            None,
        ),
        ("聚焦高质量发展（引题）\n市政府召开常务会议（主题）\n2024-03-01", "市政府召开常务会议", "2024-03-01", None),
        # The parts marked at their start, in brackets of either kind.
        (
            "（引题）聚焦高质量发展\n（主题）市政府召开常务会议\n（副题）研究部署下一阶段工作\n2024-03-01",
            "市政府召开常务会议",
            "2024-03-01",
            None,
        ),
        ("【引题】聚焦高质量发展\n【主题】市政府召开常务会议\n2024-03-01", "市政府召开常务会议", "2024-03-01", None),
        # 原标题 lines are never the title, above or below it.
        ("原标题:市政府召开常务会议研究工作\n市政府召开常务会议\n2024-03-01", "市政府召开常务会议", "2024-03-01", None),
        ("市政府召开常务会议\n原标题：市政府常务会议召开\n2024-03-01", "市政府召开常务会议", "2024-03-01", None),
        # English chrome before a Traditional title.
        (
            "Home | News | English\nTaiwan News Online\n市政府召開常務會議\n2024-03-01",
            "市政府召开常务会议",
            "2024-03-01",
            None,
        ),
        # 16.4: dates on lines with other things.
        (
            "市政府召开常务会议\nhttp://www.example.gov.cn/a/1.html 2024-03-01 10:22 来源:某某日报",
            "市政府召开常务会议",
            "2024-03-01T10:22",
            "某某日报",
        ),
        ("市政府召开常务会议\n来源：某某日报2024-03-01 10:22", "市政府召开常务会议", "2024-03-01T10:22", "某某日报"),
        (
            "市政府召开常务会议\n2024-03-01 来源：某某日报（3/2 10:22 更新）",
            "市政府召开常务会议",
            "2024-03-01",
            "某某日报",
        ),
        ("市政府召开常务会议\n2024-03-01 10:22 更新", "市政府召开常务会议", "2024-03-01T10:22", None),
        ("市政府召開常務會議\n發布日期：113-03-01", "市政府召开常务会议", "2024-03-01", None),
        ("市政府召開常務會議\n中華民國113年3月1日", "市政府召开常务会议", "2024-03-01", None),
    ],
)
def test_text_head_shapes(head, title, published_at, source):
    doc = parse(f"{head}\n{P}\n{P}\n", Options(facts=False))
    assert (doc.title, doc.published_at, doc.source, doc.text) == (title, published_at, source, f"{P}\n{P}")


def test_an_update_stamp_without_year_is_dropped():
    doc = parse(f"市政府召开常务会议\n（3/2 10:22 更新）\n{P}\n", Options(facts=False))
    assert (doc.source, doc.text) == (None, P)


def _html_page(line: str) -> str:
    return (
        "<html><head><title>市政府召开常务会议</title></head><body><h1>市政府召开常务会议</h1>"
        f"<div>{line}</div><div class=content><p>{P}</p><p>{P}</p></div></body></html>"
    )


def _text_page(line: str) -> str:
    return f"市政府召开常务会议\n{line}\n{P}\n{P}\n"


@pytest.mark.parametrize("page", [_html_page, _text_page])
@pytest.mark.parametrize(
    ("line", "published_at", "source", "author"),
    [
        # An empty label before a counter, a table label or the toolbar: none is a value.
        ("发布时间：2021-01-01 作者：点击:4747次", "2021-01-01", None, None),
        ("時間:2021-01-01 來源: 作者: 點擊:4747次", "2021-01-01", None, None),
        ("时间:2021-01-01 作者: 来源:某某网 点击:4747次", "2021-01-01", "某某网", None),
        ("发布日期：2021-01-01 来源： 【打印】 【关闭】", "2021-01-01", None, None),
    ],
)
def test_empty_labels_take_no_neighbour(page, line, published_at, source, author):
    doc = parse(page(line), Options(facts=False))
    assert (doc.published_at, doc.source, doc.author, doc.text) == (published_at, source, author, f"{P}\n{P}")


@pytest.mark.parametrize("page", [_html_page, _text_page])
def test_a_validity_date_is_no_source(page):
    doc = parse(page("来源： 生效时间：2021-01-01"), Options(facts=False))
    assert doc.source is None


@pytest.mark.parametrize(
    ("head", "title", "text"),
    [
        # A flattened table row whose value was lost does not open the article.
        ("发布单位: |\n市政府召开常务会议\n2021-01-01", "市政府召开常务会议", f"{P}\n{P}"),
        ("来源：\n市政府召开常务会议\n2021-01-01", "市政府召开常务会议", f"{P}\n{P}"),
        # A salutation does: it is the speech's first line.
        ("各位代表:", None, f"各位代表:\n{P}\n{P}"),
    ],
)
def test_a_bare_label_does_not_open_the_article(head, title, text):
    doc = parse(f"{head}\n{P}\n{P}\n", Options(facts=False))
    assert (doc.title, doc.text) == (title, text)


# Furniture lines above a headline: the site's name and the column's, each as (site, column).
@pytest.mark.parametrize(
    ("key", "furniture"),
    [
        ("某某市人民政府网", (True, False)),
        ("中国新闻网", (True, False)),
        ("澎湃新闻客户端", (True, False)),
        ("湖北省教育厅门户网站", (True, False)),
        ("工作动态", (False, True)),
        ("统计分析", (False, True)),
        ("通知公告", (False, True)),
        ("政务公开", (False, True)),
        # Headlines ending the same ways, and an issuer, are neither.
        ("织密城乡一张网", (False, False)),
        ("市政府网站年度工作报表发布", (False, False)),
        ("全市一季度经济运行分析", (False, False)),
        ("我市发布重要通知", (False, False)),
        ("会议通知", (False, False)),
        ("统计暨普查局", (False, False)),
    ],
)
def test_site_and_column_names(key, furniture):
    assert (is_site_name(key), is_column_name(key)) == furniture
