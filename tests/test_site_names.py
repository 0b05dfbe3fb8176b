"""Site and column names learned from a page's <title> and cut from its title strings."""

from __future__ import annotations

import pytest

from ipextract import Options, parse
from ipextract.clean.html.site_names import cut_site_names, learned_names


@pytest.mark.parametrize(
    ("references", "names"),
    [
        ([("html:title", "市政府召开常务会议_政务要闻_某某市人民政府")], ("某某市人民政府", "政务要闻")),
        ([("html:title", "香港航空往來沖繩4航班延至今日出發 - RTHK")], ("RTHK",)),
        ([("meta:articletitle", "标题_不是站名"), ("html:title", "只有标题")], ()),
    ],
)
def test_learned_names(references, names):
    assert learned_names(references) == names


@pytest.mark.parametrize(
    ("references", "declared", "names"),
    [
        # A <title> given site first: the last part is the headline, the others are names.
        (
            [("html:title", "太原市人民政府门户网站-晋祠博物馆-董寿平美术馆")],
            (),
            ("太原市人民政府门户网站", "晋祠博物馆"),
        ),
        ([("html:title", "中国新闻网 | 两会速递")], (), ("中国新闻网",)),
        # The name the page declares for itself (og:site_name) is learned beside <title>'s.
        ([("html:title", "区审计局开展专项审计")], ("某某日报",), ("某某日报",)),
        ([("html:title", "标题_政务要闻")], ("合肥市蜀山区人民政府",), ("合肥市蜀山区人民政府", "政务要闻")),
    ],
)
def test_learned_names_site_first_and_declared(references, declared, names):
    assert learned_names(references, declared) == names


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        # A government site's ArticleTitle with the site before it.
        ("某某市人民政府网——市政府召开常务会议", (), "市政府召开常务会议"),
        ("合肥市蜀山区人民政府 | 区审计局开展专项审计", (), "区审计局开展专项审计"),
        # A name the <title> gave, at either end.
        ("政务要闻_市政府召开常务会议", ("政务要闻",), "市政府召开常务会议"),
        ("市政府召开常务会议 - RTHK", ("RTHK",), "市政府召开常务会议"),
        # A colon inside a headline is the headline's own; nothing is cut to less than a title.
        ("统计局:2018年1-7月份利润增长17.1%", ("统计局",), "统计局:2018年1-7月份利润增长17.1%"),
        ("新闻网——通知", (), "新闻网——通知"),
        ("市政府召开常务会议", ("某某市人民政府",), "市政府召开常务会议"),
    ],
)
def test_cut_site_names(title, names, expected):
    assert cut_site_names(title, names) == expected


PAGE = """<html><head><title>{title}</title><meta name="ArticleTitle" content="{meta}"></head><body>
<div class="nav">首页 &gt; 政务要闻</div><div class="hd">{visible}</div><div class="info">发布时间：2024-03-01</div>
<div class="content"><p>{para}</p><p>{para}</p></div></body></html>"""
PARA = "会议听取了全市一季度经济运行情况汇报，研究部署下一阶段重点工作，要求各地各部门狠抓落实，确保完成全年目标任务。"


@pytest.mark.parametrize(
    ("title", "meta", "visible"),
    [
        # ArticleTitle with a site prefix, visible headline without it.
        ("市政府召开常务会议_某某市人民政府", "某某市人民政府网——市政府召开常务会议", "市政府召开常务会议"),
        ("某某县教育局 | 市政府召开常务会议", "某某县教育局门户网站——市政府召开常务会议", "市政府召开常务会议"),
        # No visible headline: the declared title without its site prefix.
        ("市政府召开常务会议_某某市人民政府", "某某市人民政府网——市政府召开常务会议", ""),
    ],
)
def test_site_prefixed_declared_titles(title, meta, visible):
    doc = parse(PAGE.format(title=title, meta=meta, visible=visible, para=PARA), Options(facts=False))
    assert doc.title == "市政府召开常务会议"


@pytest.mark.parametrize(
    ("fragment", "title"),
    [
        # A ministry's daily report saved as its content block (Taiwan MND).
        (
            "<div><p><strong>中共解放軍進入我西南空域活動情況</strong></p><p>日期Date:</p>"
            f"<p>中華民國110年1月4日（星期一）</p><p>{PARA}</p><p>{PARA}</p></div>",
            "中共解放军进入我西南空域活动情况",
        ),
        # A news body saved with its heading element.
        (f"<div><h2>市政府召开常务会议</h2><p>{PARA}</p><p>{PARA}</p></div>", "市政府召开常务会议"),
        # A fragment that opens with prose has no headline.
        (f"<div><p><b>{PARA}</b></p><p>{PARA}</p></div>", None),
    ],
)
def test_fragment_headline(fragment, title):
    assert parse(fragment, Options(facts=False)).title == title


def test_fragment_roc_date():
    fragment = (
        "<div><p><strong>中共解放軍進入我西南空域活動情況</strong></p><p>日期Date:</p>"
        f"<p>中華民國110年1月4日（星期一）</p><p>{PARA}</p><p>{PARA}</p></div>"
    )
    assert parse(fragment, Options(facts=False)).published_at == "2021-01-04"


CRUMB_PAGE = """<html><head><title>重要公告</title></head><body>
<div class="pos">当前位置：<table><tr><td><a href="/">首页</a></td><td><table><tr>
{cells}
</tr></table></td></tr></table></div>
<h1>关于开展专项检查的通知</h1><div class="info">发布时间：2024-03-01</div>
<div class="content"><p>{para}</p><p>{para}</p></div></body></html>"""


@pytest.mark.parametrize(
    ("cells", "crumbs"),
    [
        # Hanweb-style: the levels after 首页 in a nested table, one cell each (zj, jinan).
        (
            '<td> > <a href="/a">政务公开</a></td><td> > <a href="/b">重要公告</a></td>',
            ["首页", "政务公开", "重要公告"],
        ),
        ('<td>><a href="/a">新闻</a></td><td>><a href="/b">重点关注</a></td>', ["首页", "新闻", "重点关注"]),
    ],
)
def test_breadcrumb_over_nested_table_cells(cells, crumbs):
    doc = parse(CRUMB_PAGE.format(cells=cells, para=PARA), Options(facts=False))
    assert doc.breadcrumb == crumbs
