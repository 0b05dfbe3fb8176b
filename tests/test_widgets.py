"""Widgets inside the article container known by their class/id names (widgets.py)."""

from __future__ import annotations

import pytest

from ipextract.clean import LineKind
from ipextract.clean.html import clean_html
from ipextract.clean.html.article import find_container, line_weight
from ipextract.clean.html.dom import parse_html
from ipextract.clean.html.kinds import classify
from ipextract.clean.html.layout import RenderedLine, lay_out
from ipextract.clean.html.widgets import mark_widgets
from ipextract.clean.keys import line_key, line_keys
from ipextract.clean.line_rules import classify_line

PARA1 = "今年以来，全市知识产权工作稳步推进，专利授权量持续增长，企业创新能力明显增强。"
PARA2 = "各地知识产权部门积极推进专利转化运用，服务实体经济高质量发展，取得明显成效。"
PARA3 = "下一步，将继续加大知识产权保护力度，优化营商环境，激发全社会创新活力。"
#: A line that reads like a sentence of text on its own.
WIDGET = "网友留言：这篇报道写得很好，希望政府继续加大支持力度，让更多企业受益。"


def article(widget: str) -> str:
    return (
        "<html><head><meta charset='utf-8'></head><body><div class='wrap'>"
        f"<h1>某市知识产权工作稳步推进</h1><p>{PARA1}</p><p>{PARA2}</p>{widget}<p>{PARA3}</p>"
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("widget", "kept"),
    [
        (f"<div class='news-comment-list'><p>{WIDGET}</p></div>", False),
        (f"<div id='pinglun'><div><p>{WIDGET}</p></div></div>", False),
        (f"<div class='bdsharebuttonbox'><p>{WIDGET}</p></div>", False),
        (f"<ul class='info_xgxw'><li>{WIDGET}</li></ul>", False),
        (f"<div class='s-ewm'><p>{WIDGET}</p></div>", False),
        # A name that also says the block is the text is not a widget's.
        (f"<div class='comment-content'><p>{WIDGET}</p></div>", True),
        # Print regions wrap the article itself; a plain block has no name to read.
        (f"<div class='printer'><p>{WIDGET}</p></div>", True),
        (f"<div><p>{WIDGET}</p></div>", True),
    ],
)
def test_lines_under_widget_names_leave_the_body(widget, kept):
    blocks = clean_html(article(widget)).blocks
    assert blocks == ([PARA1, PARA2, WIDGET, PARA3] if kept else [PARA1, PARA2, PARA3])


RELATED = "".join(
    f"<li><a href='/n{i}.html'>某市召开第{i}次知识产权工作会议</a> 2023-11-{10 + i}</li>" for i in range(1, 5)
)
ITEMS = [f"某市召开第{i}次知识产权工作会议 2023-11-{10 + i}" for i in range(1, 5)]
LINKED = "<p>今年以来，<a href='/a'>市知识产权局</a>会同有关部门推进专利转化，服务企业发展。</p>"


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        # A list whose items are mostly link text, in a block with no telling name.
        (f"<ul>{RELATED}</ul>", []),
        (f"<div><div>{RELATED.replace('li>', 'p>')}</div></div>", []),
        # Paragraphs that link a name or two are text.
        (f"<div>{LINKED * 3}</div>", [LINKED[3:-4].replace("<a href='/a'>", "").replace("</a>", "")] * 3),
        # A notice's attachment list is linked text of the document.
        (
            "<div><p>附件：</p>" + "".join(f"<p><a href='/f{i}.pdf'>{i}.申报表{i}</a></p>" for i in (1, 2, 3))
            + "</div>",
            ["附件：", "1.申报表1", "2.申报表2", "3.申报表3"],
        ),
    ],
)
def test_link_blocks_inside_the_container(block, kept):
    assert clean_html(article(block)).blocks == [PARA1, PARA2, *kept, PARA3]


def test_an_attachment_line_under_a_related_block_stays():
    attachment = "附件：某市知识产权专项资金管理办法（修订稿）征求意见汇总表"
    blocks = clean_html(article(f"<div class='relatedlinks'><p>{attachment}</p></div>")).blocks
    assert blocks == [PARA1, PARA2, attachment, PARA3]


def _widget_lines(path) -> list[str]:
    """The container's lines that mark_widgets turns from BODY into CHROME."""
    laid = lay_out(parse_html(path.read_text(encoding="utf-8")).root, lambda kind, text: None)
    lines = laid.lines
    kinds = [classify(line, key) for line, key in zip(lines, line_keys([line.text for line in lines]))]
    container = find_container(lines, [line_weight(line, kind) for line, kind in zip(lines, kinds)])
    assert container is not None
    before = list(kinds)
    mark_widgets(container.lines, kinds, container.element)
    return [line.text for line in container.lines if before[line.index] is not kinds[line.index]]


@pytest.mark.parametrize(
    ("name", "widgets"),
    [
        # A QR-code box (`s-ewm`) and a follow box of a news site.
        ("gne-xinhuanet-1", ["关注新华网"]),
        # A location path (`breadcrumb`) inside a provincial government's article block.
        ("gne-shanxi-gov-1", ["> 山西要闻"]),
    ],
)
def test_real_pages_widget_lines(fixtures, name, widgets):
    assert _widget_lines(fixtures / f"{name}.html") == widgets


# -- summary boxes above the text (body.mark_summary_rows) --------------------------------------

NOTICE = (
    "某某项目管理有限公司受某某县交通运输局的委托，就“国道改造工程监理”项目组织采购，评审工作已经结束。"
)
RESTATED = [
    "项目名称：国道改造工程监理",
    "采购单位名称：某某县交通运输局",
    "代理机构名称：某某项目管理有限公司",
    "总成交金额：118.5 万元（人民币）",
]


def _boxed(rows: list[tuple[str, str]], after: list[str]) -> str:
    table = "".join(f"<tr><td>{key}</td><td>{value}</td></tr>" for key, value in rows)
    text = "".join(f"<p>{line}</p>" for line in after)
    return (
        "<html><head><meta charset='utf-8'></head><body><div class='detail'>"
        f"<h1>国道改造工程监理成交公告</h1><p>公告概要：</p><table>{table}</table>{text}</div></body></html>"
    )


def test_a_summary_box_restated_below_is_not_text():
    rows = [
        ("采购项目名称", "国道改造工程监理"),
        ("采购单位", "某某县交通运输局"),
        ("代理机构名称", "某某项目管理有限公司"),
        ("总成交金额", "￥118.500000 万元（人民币）"),
    ]
    assert clean_html(_boxed(rows, [NOTICE, *RESTATED])).blocks == [NOTICE, *RESTATED]


@pytest.mark.parametrize(
    ("rows", "after"),
    [
        # A glossing mirror glosses the box and the lines below it at different characters.
        (
            [
                ("采购项目名称", "国道改造(zào)工程监理"),
                ("采购单位", "某某县交(jiāo)通运输局"),
                ("代理机构(gòu)名称", "某某项目管理有限公司"),
                ("总成交金额", "￥118.500000 万元（人民币）"),
            ],
            [NOTICE, "项目名称：国道改造工程监(jiān)理", "采购单位名称：某某县交通运(yùn)输局", *RESTATED[2:]],
        ),
        (
            [
                ("採購項目名稱", "國道改造(zào)工程監理"),
                ("採購單位", "某某縣交(jiāo)通運輸局"),
                ("代理機構(gòu)名稱", "某某項目管理有限公司"),
                ("總成交金額", "￥118.500000 萬元（人民幣）"),
            ],
            [
                "某某項目管理有限公司受某某縣交通運輸局的委託，就“國道改造工程監理”項目組織採購，評審工作已經結束。",
                "項目名稱：國道改造工程監(jiān)理",
                "採購單位名稱：某某縣交通運(yùn)輸局",
                "代理機構名稱：某某項目管理有限公司",
            ],
        ),
    ],
)
def test_a_glossed_summary_box_restated_below_is_not_text(rows, after):
    assert clean_html(_boxed(rows, after)).blocks == after  # glosses go later, in repair


def test_a_table_opening_a_report_with_its_own_figures_stays():
    rows = [("地区生产总值", "11413.8亿元"), ("第一产业增加值", "51.2亿元"), ("第三产业增加值", "9352.1亿元")]
    lead = "上半年，全市经济运行总体平稳，主要指标好于预期，结构调整持续推进。"
    blocks = clean_html(_boxed(rows, [lead])).blocks
    cells = [f"{key}\t{value}" for key, value in rows]
    assert blocks == ["公告概要：", *cells, lead]


def test_procurement_notice_summary_box_leaves_the_body(fixtures):
    out = clean_html((fixtures / "g2-ccgp-1.html").read_text(encoding="utf-8"))
    assert out.blocks[0].startswith("深圳市建星项目管理顾问有限公司受芷江侗族自治县公路建设养护中心")
    assert "总成交金额\t￥294.800000 万元（人民币）" not in out.blocks
    assert [c.value for c in out.candidates if c.field == "source"] == []


# -- reader widgets of news sites, as words (data/html_*, data/lines_*) --------------------------


@pytest.mark.parametrize(
    ("line", "html_kind", "text_kind"),
    [
        ("上一条：无", LineKind.END, LineKind.CHROME),
        ("下一条：某县开展专项行动", LineKind.END, LineKind.CHROME),
        ("全部评论", LineKind.END, LineKind.BODY),
        ("推荐阅读", LineKind.END, LineKind.CHROME),
        ("网友评论", LineKind.END, LineKind.CHROME),
        ("点赞 转发 举报", LineKind.TOOLBAR, LineKind.CHROME),
        ("阅读全文", LineKind.TOOLBAR, LineKind.CHROME),
        ("打开APP阅读", LineKind.CHROME, LineKind.CHROME),
        ("视频加载中...", LineKind.CHROME, LineKind.CHROME),
        ("声明：本文仅代表作者观点，不代表本站立场", LineKind.FOOTER, LineKind.BODY),
        # Paging bars and back links, and the same furniture on Taiwan and Hong Kong sites.
        # (In a text page digits are text: page numbers count as a pager only beside a paging
        # word, `data/patterns/lines.toml` pager; a lone `共3页` is not read there.)
        ("首页 上一页 1 2 3 下一页 尾页", LineKind.TOOLBAR, LineKind.CHROME),
        ("首页 上一页 下一页 尾页", LineKind.TOOLBAR, LineKind.CHROME),
        ("共3页", LineKind.TOOLBAR, LineKind.BODY),
        ("友善列印", LineKind.TOOLBAR, LineKind.CHROME),
        ("回上頁", LineKind.TOOLBAR, LineKind.CHROME),
        ("上一則", LineKind.TOOLBAR, LineKind.CHROME),
        ("上一則：國防部發布新聞稿", LineKind.END, LineKind.CHROME),
        ("隱私權政策", LineKind.CHROME, LineKind.CHROME),
        ("最佳瀏覽解析度1024x768", LineKind.CHROME, LineKind.CHROME),
        ("瀏覽人次：1234", LineKind.CHROME, LineKind.CHROME),
        ("不用抽 不用搶 現在用APP看新聞 保證天天中獎", LineKind.CHROME, LineKind.CHROME),
        # Text that holds the same words.
        ("首页展示了全市重点项目的建设进度和投资完成情况。", LineKind.BODY, LineKind.BODY),
        ("市民可通过热线电话举报违法行为，查实后给予奖励。", LineKind.BODY, LineKind.BODY),
    ],
)
def test_reader_widget_lines(line, html_kind, text_kind):
    assert classify(RenderedLine(line, parse_html("<p>x</p>").root), line_key(line)) is html_kind
    assert classify_line(line) is text_kind


#: A column of links between the article and the thread: it weighs against their common parent.
NAV = "".join(f"<p><a href='/c{i}.html'>某市召开第{i}次知识产权工作推进会议部署下一阶段工作</a></p>" for i in range(12))
COMMENTS = [
    f"网友{i}：这项政策实实在在帮助了我们小微企业，申请流程也比以前简化了很多，希望继续坚持下去，越办越好。"
    for i in range(1, 9)
]


@pytest.mark.parametrize("name", ["news-comment-list", "pinglun", "tie-areas post_comment"])
def test_a_comment_thread_longer_than_the_article_is_not_chosen(name):
    thread = "".join(f"<div class='item'><p>{c}</p></div>" for c in COMMENTS)
    html = (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<div class='detail'><h1>某市知识产权工作稳步推进</h1><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p></div>"
        f"<div class='list'>{NAV}</div><div class='{name}'>{thread}</div></body></html>"
    )
    assert clean_html(html).blocks == [PARA1, PARA2, PARA3]
