"""The disclosure table read on layouts the finder was not written for.

Each case takes a real page's table (an HTML table of label and value cells on two sites, a
text page's `label | value |` rows) and changes it the way other templates differ: spaced or
Traditional labels, other names for the same label, label and value on rows of their own,
rows the vocabulary does not know, a value wrapped over two lines, other date forms, a missing
row. The table must still be read, and still be kept out of the body.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from ipextract import parse
from ipextract.document import GOV_FIELDS

_MOE = {
    "index_number": "360A12-07-2024-0008-1", "doc_number": "教思政厅函〔2024〕10号", "issuer": "教育部办公厅",
    "category": "高等教育",
}
_ZJ = {
    "index_number": "002482330/2020-10091", "issuer": "省文化和旅游厅", "written_at": "2020-12-29",
    "published_at": "2020-12-29T11:07",
}
_P14 = {
    "index_number": "xzfgzbmtjj/2019-0004", "issuer": "汉阴县统计局", "written_at": "2019-04-23",
    "published_at": "2019-04-23T08:42", "category": "统计信息", "validity": "有效",
}
_P12 = {"index_number": "113310020026732928/2022-145483", "issuer": "区统计局", "written_at": "2022-07-18"}
_MOE_ROW = '<tr>\n          <td class="policy-item-title" valign="top">发文字号：</td>'
_ZJ_ROW = '<tr>    <td width="20%" align="center" bgcolor="#fff6e9">发布机构</td>'


def _gov(base: dict[str, str], **changed: str | None) -> dict[str, str | None]:
    values = {**base, **changed}
    return {name: values.get(name) for name in GOV_FIELDS}


CASES = [
    # Labels spaced out, in Traditional script, or named as other templates name them.
    ("clone-moe-1.html", [("发文字号：", "发 文 字 号 ：")], _gov(_MOE)),
    ("clone-moe-1.html", [("发文机构：", "發文機構："), ("信息类别：", "信息類別：")], _gov(_MOE)),
    ("clone-moe-1.html", [("信息索引：", "信息索引码："), ("发文字号：", "发文编号：")], _gov(_MOE)),
    ("g2-clone-zj-ct-1.html", [("发布机构", "公开机构"), ("成文日期", "签署日期")], _gov(_ZJ)),
    ("p14.txt", [("公开责任部门", "公開責任部門"), ("公开目录:", "公開目錄:"), ("有效性", "有 效 性")], _gov(_P14)),
    ("p14.txt", [("公开目录:", "内容分类："), ("有效性", "文件状态")], _gov(_P14)),
    # A listed label with a prefix before it, or with 时间 for 日期.
    ("clone-moe-1.html", [("发文机构：", "信息发文机构："), ("信息索引：", "政府信息索引号：")], _gov(_MOE)),
    ("g2-clone-zj-ct-1.html", [("成文日期", "签署时间")], _gov(_ZJ)),
    ("p14.txt", [("成文日期:", "文件签署时间:"), ("公开日期:", "信息发布时间:")], _gov(_P14)),
    # Rows the vocabulary does not know, between rows it does.
    ("clone-moe-1.html", [(_MOE_ROW, "<tr><td>浏览次数：</td><td>1024</td></tr>\n" + _MOE_ROW)], _gov(_MOE)),
    (
        "g2-clone-zj-ct-1.html",
        [(_ZJ_ROW, "<tr><td>所属专题</td><td>职称评审</td></tr><tr><td>信息来源：</td><td>人事处</td></tr>" + _ZJ_ROW)],
        _gov(_ZJ),
    ),
    ("p14.txt", [("有效性 |", "访问次数: | 128 |\n有效性 |")], _gov(_P14)),
    # Rows run together, the spaces between a value and the next label lost.
    ("p12.txt", [("145483  主题分类:\n 体裁分类:  发布机构", "145483主题分类:\n 体裁分类:发布机构")], _gov(_P12)),
    # A colon in a cell of its own between label and value.
    (
        "g2-clone-zj-ct-1.html",
        [("发布机构</td>", "发布机构</td><td>：</td>"), ("成文日期</td>", "成文日期</td><td>：</td>")],
        _gov(_ZJ),
    ),
    # Each label and its value on lines of their own.
    (
        "p14.txt",
        [(" | xzfgzbmtjj/2019-0004 | ", "\nxzfgzbmtjj/2019-0004\n"), ("公开目录: | 统计信息 |", "公开目录:\n统计信息")],
        _gov(_P14),
    ),
    # A value wrapped over two lines.
    ("p12.txt", [("发布机构: 区统计局", "发布机构: 椒江区\n统计局")], _gov(_P12, issuer="椒江区统计局")),
    # The same dates written other ways.
    ("g2-clone-zj-ct-1.html", [(">2020-12-29<", ">2020年12月29日<")], _gov(_ZJ)),
    ("g2-clone-zj-ct-1.html", [(">2020-12-29<", ">2020/12/29<")], _gov(_ZJ)),
    ("p14.txt", [("2019年04月23日", "2019.04.23"), ("2019-04-23 08:42", "2019年4月23日 08:42")], _gov(_P14)),
    # A row missing: what is left is still the table (without its 文号, the record's 生成日期 is
    # the written date).
    (
        "clone-moe-1.html",
        [("发文字号：", "发文说明："), ("信息类别：", "报送说明：")],
        _gov(_MOE, doc_number=None, category=None, written_at="2024-06-04"),
    ),
    ("p14.txt", [("公开目录: | 统计信息 |", ""), ("有效性 | 有效 |", "")], _gov(_P14, category=None, validity=None)),
]


def _page(name: str, changes: list[tuple[str, str]]) -> str:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize(("name", "changes", "gov"), CASES)
def test_a_changed_table_is_still_read(name, changes, gov):
    doc = parse(_page(name, changes))
    assert doc.to_dict()["gov"] == gov
    for label in ("索引号", "浏览次数", "所属专题", "访问次数", "统计局 |", "xzfgzbmtjj"):
        assert label not in doc.text


CAPTIONED = [
    ("p12.txt", "信息索引号:", "政府信息公开\n", "稳中提质 负压前行"),
    ("p14.txt", "索引号 |", "【信息公开】\n", "汉阴县工业经济实现首季“开门红”"),
]


@pytest.mark.parametrize(("name", "before", "caption", "title"), CAPTIONED)
def test_the_heading_a_table_is_set_under_is_part_of_it(name, before, caption, title):
    doc = parse(_page(name, [(before, caption + before)]))
    assert doc.title == title
    assert "信息公开" not in doc.text


def test_a_text_table_with_rule_lines():
    """A table saved as Markdown: a header row, its rule, a row of values."""
    page = (
        "| 索引号 | 发布机构 | 成文日期 |\n|---|---|---|\n| 1137/2023-00031 | 市统计局 | 2023-05-08 |\n"
        "关于开展统计执法检查的通知\n"
        "各区县统计局:根据年度统计执法检查计划,市统计局决定开展统计执法检查,现将有关事项通知如下。\n"
    )
    doc = parse(page)
    want = {"index_number": "1137/2023-00031", "issuer": "市统计局", "written_at": "2023-05-08"}
    assert doc.to_dict()["gov"] == _gov(want)
    assert doc.title == "关于开展统计执法检查的通知"
    assert doc.paragraphs == [page.splitlines()[-1]]


def test_two_registry_labels_alone_are_a_table():
    """A template showing only 索引号 and 发文字号 (both filled) still has its table read."""
    page = (
        "索引号：0011/2023-00105\n发文字号：农发〔2023〕3号\n关于做好2023年春季农业生产工作的通知\n"
        "各乡镇人民政府：为做好今年春季农业生产工作，确保粮食稳产增产，现将有关事项通知如下。\n"
    )
    doc = parse(page)
    assert doc.to_dict()["gov"] == _gov({"index_number": "0011/2023-00105", "doc_number": "农发〔2023〕3号"})
    assert doc.paragraphs == ["各乡镇人民政府：为做好今年春季农业生产工作，确保粮食稳产增产，现将有关事项通知如下。"]


def test_a_headline_between_a_table_and_a_date_line_is_not_a_wrapped_value():
    """A short headline under a table whose last row is a 公开方式 row stays the headline."""
    page = (
        "信息索引号: 1133/2022-145483  主题分类:\n 体裁分类:  发布机构: 区统计局\n"
        " 成文日期: 2022-07-18  公开方式: 主动公开\n"
        "稳中提质 负压前行\n发布日期: 2022-07-18 14:50 信息来源: 椒江区人民政府\n"
        "2021年,面对复杂严峻的国际环境和国内疫情散发多发等多重挑战,椒江全区上下坚持稳中求进工作总基调。\n"
    )
    doc = parse(page)
    assert (doc.title, doc.gov.issuer, doc.gov.published_at) == ("稳中提质 负压前行", "区统计局", None)


def test_a_table_of_label_and_value_lines_does_not_join_the_headline():
    """Each cell holding its label and value over a `<br>` (one line each), enough rows to
    fill the headline's search window: the table's last value stands right above the headline
    and is no part of it."""
    rows = [
        ("索引号", "1137/2023-00031"), ("发布机构", "市统计局"), ("成文日期", "2023-05-08"),
        ("文号", "济统字〔2023〕6号"), ("发布日期", "2023-05-09"),
    ]
    cells = "".join(f"<td>{label}<br>{value}</td>" for label, value in [*rows, ("主题分类", "统计执法")])
    paras = [
        "为进一步做好全市统计执法检查工作，根据国家统计局年度统计执法检查计划，现将有关事项通知如下。",
        "各单位要如实提供统计资料，对检查中发现的统计造假、弄虚作假行为，依法依规严肃处理。",
    ]
    page = (
        "<html><head><title>关于开展统计执法检查的通知_某某市统计局</title></head><body><div>"
        f"<table><tr>{cells}</tr></table><h1>关于开展统计执法检查的通知</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</div></body></html>"
    )
    doc = parse(page)
    assert (doc.title, doc.gov.category, doc.paragraphs) == ("关于开展统计执法检查的通知", "统计执法", paras)
