"""Attachments and document links inside an article are its text; chrome links are not.

Real pages from two sites (a ministry notice, a procurement result notice) with the link lines
other templates put in them: a file link, an attachment list in its own box, a link to another
document inside the attachment list, and after the text a pager and a related-links list.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from ipextract import parse
from ipextract.clean.html.attachments import attachment_label, document_file, document_title, link_label

LINES = [
    # (text, opens an attachment list, names a file, names a document)
    ("附件：", True, False, False),
    ("八、附件", True, False, False),
    ("附件1：2024年活动日程安排.pdf", True, True, False),
    ("采购文件.zip（1.2MB）", False, True, False),
    ("成果征集汇总表.XLSX", False, True, False),
    ("关于报送活动成果的通知", False, False, True),
    ("《某市政府信息公开办法》", False, False, True),
    ("上一篇：关于报送活动成果的通知", False, False, False),
    ("首页", False, False, False),
    ("更多新闻", False, False, False),
]


@pytest.mark.parametrize(("text", "label", "file", "title"), LINES)
def test_link_line_shapes(text, label, file, title):
    assert (attachment_label(text), document_file(text), document_title(text)) == (label, file, title)


_MOE_END = '<p align="right">教育部办公厅</p>'
_CCGP_END = "七、其它补充事宜"
_RELATED = (
    '<p><a href="/a.html">上一篇：关于开展2024年春季学期开学检查的通知</a></p>'
    '<div class="related"><ul><li><a href="/b.html">关于做好2024年高校毕业生就业工作的通知</a></li>'
    '<li><a href="/c.html">教育部关于印发《高等学校实验室安全规范》的通知</a></li></ul></div>'
)

PAGES = [
    (
        "clone-moe-1.html", _MOE_END,
        '<p><a href="./a.pdf">附件4：2024年活动日程安排.pdf</a></p>\n'
        '<p><a href="./b.docx">关于报送活动成果的通知</a></p>\n',
        ["附件4：2024年活动日程安排.pdf", "关于报送活动成果的通知"],
    ),
    (
        "clone-moe-1.html", _MOE_END,
        '<div class="fj"><span>附件：</span><ul><li><a href="./a.xls">成果征集汇总表.xls</a></li>'
        '<li><a href="./b.wps">活动报名回执</a></li></ul></div>\n',
        ["附件：", "成果征集汇总表.xls"],
    ),
    (
        "g2-ccgp-1.html", _CCGP_END,
        '八、附件</p><p><a href="http://x/y.zip">采购文件.zip</a></p>'
        '<p><a href="http://x/z">芷江侗族自治县安防工程十标成交公告</a></p><p>',
        ["八、附件", "采购文件.zip", "芷江侗族自治县安防工程十标成交公告"],
    ),
    # A labelled link between the text's sections: the page the notice refers to.
    (
        "g2-ccgp-1.html", "四、成交信息",
        '项目链接：<a href="http://www.ccgp-hunan.gov.cn/notice?id=123">http://www.ccgp-hunan.gov.cn/notice?id=123</a>'
        '</p><p>',
        ["项目链接：http://www.ccgp-hunan.gov.cn/notice?id=123"],
    ),
    (
        "clone-moe-1.html", "<p>　　<strong>二、组织单位</strong></p>",
        '<p>　　具体要求详见：<a href="./c.html">教育部关于深化高校思想政治理论课改革创新的实施意见</a></p>',
        ["具体要求详见：教育部关于深化高校思想政治理论课改革创新的实施意见"],
    ),
]


LABELS = [
    ("项目链接：http://www.ccgp-hunan.gov.cn/notice?id=123", True),
    ("三、公告网址: 芷江侗族自治县公共资源交易中心", True),
    ("具体要求详见：关于深化改革的实施意见", True),
    ("相关链接", False),
    ("友情链接 中国政府网 教育部", False),
]


@pytest.mark.parametrize(("text", "label"), LABELS)
def test_link_labels(text, label):
    assert link_label(text) is label


def _insert(name: str, before: str, html: str) -> str:
    page = (FIXTURES / name).read_text(encoding="utf-8")
    at = page.index(before)
    return page[:at] + html + page[at:]


@pytest.mark.parametrize(("name", "before", "html", "kept"), PAGES)
def test_attachment_links_are_text(name, before, html, kept):
    paragraphs = parse(_insert(name, before, html)).paragraphs
    assert [p for p in paragraphs if p in kept] == kept


#: Right after each article's last line, inside its text block.
_AFTER = [
    ("clone-moe-1.html", "    </div>\n    <script"),
    ("g2-ccgp-1.html", "                    </div>\n                </div><!--vF"),
]


@pytest.mark.parametrize(("name", "before"), _AFTER)
def test_pager_and_related_links_after_the_text_are_not(name, before):
    page = _insert(name, before, _RELATED)
    text = parse(page).text
    assert "春季学期开学检查" not in text
    assert "高校毕业生就业工作" not in text
    assert "实验室安全规范" not in text
