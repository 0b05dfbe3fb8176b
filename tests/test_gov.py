"""The disclosure table (政府信息公开) read into `Document.gov`, in each layout sites use.

Real pages from the corpus (an HTML table of label and value cells on two sites, text pages
with `label | value |` rows, `label：value` runs and a bulleted list) and small pages written
for the other layouts (gov.cn's nested table with a 标题 row and a title set over three centred
lines, `dl` rows, `div`/`span` rows in GBK, a text page that opens with its 文件名称 row).
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from ipextract import parse, parse_file
from ipextract.clean.disclosure import row_pairs
from ipextract.document import GOV_FIELDS

ROWS = [
    (
        "索引号 | xzfgzbmtjj/2019-0004 | 公开目录: | 统计信息 |",
        [("index_number", "xzfgzbmtjj/2019-0004"), ("category", "统计信息")],
    ),
    (
        "信息索引：\t360A12-07-2024-0008-1\t生成日期：\t2024-06-04\t发文机构：\t教育部办公厅",
        [("index_number", "360A12-07-2024-0008-1"), ("generated", "2024-06-04"), ("issuer", "教育部办公厅")],
    ),
    ("索 引 号\t002482330/2020-10091\t公开分类", [("index_number", "002482330/2020-10091"), ("category", "")]),
    ("文 号\t\t主题词", [("doc_number", ""), ("-", "")]),
    ("体裁分类: 发布机构: 区统计局", [("-", ""), ("issuer", "区统计局")]),
    ("• 城市:全国", [("-", "全国")]),
    ("发文机关：", [("issuer", None)]),
    ("标题：", [("title", None)]),
    ("标题", None),
    (
        "索引号 0011223344/2023-00105 主题分类 农业、畜牧业、渔业",
        [("index_number", "0011223344/2023-00105"), ("category", "农业、畜牧业、渔业")],
    ),
    ("名称 某某公司 分类 其他", None),
    ("【发布机构】区统计局 【成文日期】2022-07-18", [("issuer", "区统计局"), ("written_at", "2022-07-18")]),
    ("发 布 机 构：市统计局 成 文 日 期：2023-05-08", [("issuer", "市统计局"), ("written_at", "2023-05-08")]),
    ("发布日期：2024-06-19 07:27 信息来源：济南日报", [("published_at", "2024-06-19 07:27")]),
    ("2021年，全市生产总值增长5%，名称：见附件。", None),
    ("项目名称：城区道路改造工程", None),
    # Spaces lost between a value and the next label: a distinctive label with its colon still
    # starts a value; a label that ends other words (名称, 效力) does not.
    (
        "索引号:0011发布机构:县农业农村局成文日期:2023-02-20文号:农发〔2023〕3号",
        [
            ("index_number", "0011"), ("issuer", "县农业农村局"), ("written_at", "2023-02-20"),
            ("doc_number", "农发〔2023〕3号"),
        ],
    ),
    ("发布机构：县农业农村局法律效力：有效", [("issuer", "县农业农村局法律效力：有效")]),
    # A label cell left empty before a cell holding a label and its value: its value is empty.
    (
        "索引号: 0011/2023-00105\t文号:\t发布机构: 县农业农村局",
        [("index_number", "0011/2023-00105"), ("doc_number", ""), ("issuer", "县农业农村局")],
    ),
    (
        "文件编号: | 发布机构: 省教育厅 | 生成日期: 2024-10-21 |",
        [("doc_number", ""), ("issuer", "省教育厅"), ("generated", "2024-10-21")],
    ),
    # A prefix before a listed label, 时间 for 日期.
    ("信息发布日期：2020-01-02 签署时间：2019-12-30", [("published_at", "2020-01-02"), ("written_at", "2019-12-30")]),
]


@pytest.mark.parametrize(("key", "pairs"), ROWS)
def test_row_pairs(key, pairs):
    assert row_pairs(key) == pairs


def _gov(**values: str | None) -> dict[str, str | None]:
    return {name: values.get(name) for name in GOV_FIELDS}


PAGES = [
    (
        "clone-moe-1.html",
        _gov(
            index_number="360A12-07-2024-0008-1", doc_number="教思政厅函〔2024〕10号", issuer="教育部办公厅",
            category="高等教育",
        ),
    ),
    # The table has no 发布日期 row: the 发布时间 line under the title states it.
    (
        "g2-clone-zj-ct-1.html",
        _gov(
            index_number="002482330/2020-10091", issuer="省文化和旅游厅", written_at="2020-12-29",
            published_at="2020-12-29T11:07",
        ),
    ),
    # Cells of `label: value`, one of them empty (`文件编号: `); no 文号, so 生成日期 is the written
    # date; the 发布日期 is in the row under the title.
    (
        "g2-clone-zj-jyt-1.html",
        _gov(
            index_number="002482082/2024-00332", issuer="省教育厅", written_at="2024-10-21",
            published_at="2024-10-21", category="教育",
        ),
    ),
    (
        "g2-clone-hefei-ss-1.html",
        _gov(
            index_number="K16185922-201704-00036", issuer="蜀山区审计局", written_at="2017-04-12",
            published_at="2017-04-12T08:12", category="专项工作", validity="有效",
        ),
    ),
    ("p12.txt", _gov(index_number="113310020026732928/2022-145483", issuer="区统计局", written_at="2022-07-18")),
    (
        "p14.txt",
        _gov(
            index_number="xzfgzbmtjj/2019-0004", issuer="汉阴县统计局", written_at="2019-04-23",
            published_at="2019-04-23T08:42", category="统计信息", validity="有效",
        ),
    ),
    ("q11.txt", _gov(issuer="国家统计局", published_at="2021-07-15", category="权威报告")),
    (
        "gov/govcn-policy-nested.html",
        _gov(
            index_number="000014349/2024-00012", doc_number="国办发〔2024〕1号", issuer="国务院办公厅",
            written_at="2024-01-05", published_at="2024-01-10", category="政府工作\\国务院其他",
        ),
    ),
    (
        "gov/dl-rows.html",
        _gov(
            index_number="11370100004188271X/2023-00031", doc_number="济统字〔2023〕6号", issuer="市统计局",
            written_at="2023-05-08", published_at="2023-05-09T10:30", category="统计执法", validity="有效",
        ),
    ),
    (
        "gov/div-rows.html",
        _gov(
            doc_number="政办发〔2022〕15号", issuer="县政府办公室", written_at="2022-06-01",
            published_at="2022-06-02", validity="有效",
        ),
    ),
    # Labels and values in elements of their own, rendered glued (索引号K1618…); with no 文号,
    # the record's 生成日期 is the written date.
    (
        "gov/glued-spans.html",
        _gov(
            index_number="K16185922-202301-00012", issuer="区审计局", written_at="2023-02-10", category="预算决算",
            validity="有效",
        ),
    ),
    (
        "gov/rows-first.txt",
        _gov(
            index_number="0011223344/2023-00105", doc_number="农发〔2023〕3号", issuer="县农业农村局",
            written_at="2023-02-20", published_at="2023-02-21", category="农业、畜牧业、渔业",
        ),
    ),
]


@pytest.mark.parametrize(("name", "gov"), PAGES)
def test_disclosure_table_is_read(name, gov):
    doc = parse_file(FIXTURES / name)
    assert doc.to_dict()["gov"] == gov


HEADS = [
    # The table's 标题 is the title; its 发布日期 the date; the title's three centred lines and the
    # table's rows are not body, the document number under them is.
    ("gov/govcn-policy-nested.html", "国务院办公厅关于推进政务服务标准化的通知", "2024-01-10", "国办发〔2024〕1号"),
    # A shown stamp of the same day is more precise than the table's date.
    ("gov/dl-rows.html", "关于开展2023年度统计执法检查的通知", "2023-05-09T10:30", None),
    ("gov/div-rows.html", "县人民政府办公室关于印发防汛应急预案的通知", "2022-06-02", "各乡镇人民政府，县政府各部门："),
    ("gov/rows-first.txt", "关于做好2023年春季农业生产工作的通知", "2023-02-21", "各乡镇人民政府、街道办事处:"),
    ("p14.txt", "汉阴县工业经济实现首季“开门红”", "2019-04-23T08:42", None),
]


@pytest.mark.parametrize(("name", "title", "published", "first"), HEADS)
def test_table_gives_title_and_date_and_stays_out_of_the_body(name, title, published, first):
    doc = parse_file(FIXTURES / name)
    assert (doc.title, doc.published_at) == (title, published)
    if first is not None:
        assert doc.paragraphs[0] == first
    for label in ("索引号", "索 引 号", "发文机关", "发布机构", "成文日期", "文件名称", "发布单位", "公开日期"):
        assert label not in doc.text


NOT_TABLES = [
    "<html><body><h1>全市经济运行平稳</h1><p>发布时间：2023-11-30 来源：市统计局</p>"
    "<p>今年以来，全市经济运行总体平稳，规模以上工业增加值同比增长6.1%，社会消费品零售总额增长7.2%。</p></body></html>",
    "全市经济运行平稳\n发布日期:2022-09-27 来源:统计局 浏览次数:\n"
    "今年以来,全市经济运行总体平稳,规模以上工业增加值同比增长6.1%,社会消费品零售总额增长7.2%。\n",
]


@pytest.mark.parametrize("page", NOT_TABLES)
def test_a_date_and_source_line_is_not_a_table(page):
    doc = parse(page)
    assert doc.gov is None
    assert doc.to_dict()["gov"] is None


def test_a_table_of_sentences_is_the_document():
    """A regulator's decision table beside a sidebar of boilerplate prose (机构职能)."""
    doc = parse_file(FIXTURES / "gov/penalty-table.html")
    assert doc.paragraphs[0] == "行政处罚决定书文号 银保监罚决字〔2020〕12号"
    assert doc.paragraphs[3].startswith("主要违法违规事实（案由） 某某银行股份有限公司存在以下违法违规行为：")
    assert doc.paragraphs[-1] == "作出处罚决定的机关名称 中国银保监会"
    assert "机构职能" not in doc.text
    assert doc.title == "中国银保监会行政处罚信息公开表（银保监罚决字〔2020〕12号）"


def test_a_table_inside_an_article_stays_with_its_paragraphs():
    doc = parse_file(FIXTURES / "gov/tasks-table-article.html")
    assert doc.paragraphs[0] == "各区县人民政府，市政府各部门："
    assert doc.paragraphs[2] == "序号 重点任务 责任单位"
    assert doc.paragraphs[-1] == "各责任单位要于每季度末将任务进展情况报市营商环境建设办公室。"
    assert len(doc.paragraphs) == 7


def test_a_second_copy_of_the_article_does_not_make_the_page_the_article():
    """The desktop and mobile copies of one article: the metadata around the first is read."""
    doc = parse_file(FIXTURES / "g2-clone-fcg-1.html")
    assert (doc.published_at, doc.breadcrumb) == ("2024-09-12T10:10", ["首页", "资讯中心", "重大项目"])


CRUMBS = [
    # 首页 in the outer table's row, the other items in a table nested in the next cell.
    ("g2-clone-zj-ct-1.html", ["首页", "政务公开", "法定主动公开内容", "政策文件及解读", "重要公告"]),
    ("g2-clone-jinan-1.html", ["首页", "新闻", "重点关注"]),
    # The path above a disclosure table (two copies of it) set over the headline.
    ("g2-clone-hefei-ss-1.html", ["首页", "蜀山区审计局", "监督保障", "专项工作"]),
]


@pytest.mark.parametrize(("name", "crumbs"), CRUMBS)
def test_a_breadcrumb_over_table_cells(name, crumbs):
    assert parse_file(FIXTURES / name).breadcrumb == crumbs


def test_a_header_row_of_labels_over_a_row_of_values():
    page = (
        "索引号 | 发布机构 | 成文日期 | 文号 |\n"
        "1137/2023-00031 | 市统计局 | 2023-05-08 | 济统字〔2023〕6号 |\n"
        "关于开展统计执法检查的通知\n"
        "各区县统计局:根据年度统计执法检查计划,市统计局决定开展统计执法检查,现将有关事项通知如下。\n"
    )
    doc = parse(page)
    assert doc.to_dict()["gov"] == _gov(
        index_number="1137/2023-00031", issuer="市统计局", written_at="2023-05-08", doc_number="济统字〔2023〕6号"
    )
    assert doc.title == "关于开展统计执法检查的通知"
