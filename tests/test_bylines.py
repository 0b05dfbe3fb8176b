"""Byline shapes read into author and source: byline lines, datelines and closing credits."""

from __future__ import annotations

import pytest

from ipextract import Options, parse
from ipextract.clean.bylines import (
    Byline,
    byline_line,
    closing_byline,
    opening_byline,
    reported_byline,
    role_byline,
)
from ipextract.clean.keys import KeyedLine

P = "会议听取了全市一季度经济运行情况汇报，研究部署下一阶段重点工作，要求各地各部门狠抓落实。"


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("□ 本报记者 王晓明", Byline("王晓明")),  # a newspaper's boxed byline
        ("■记者 张三 通讯员 李四", Byline("张三 李四")),
        ("作者︱王晓明", Byline("王晓明")),  # a WeChat-style credit
        ("文︱王晓明", Byline("王晓明")),
        # A role word closing the byline: what the credited made (synthetic, newspaper shapes).
        ("■ 本报记者 王晓明 文/图", Byline("王晓明")),
        ("■记者 张三 通讯员 李四 文/图", Byline("张三 李四")),
        ("□ 编辑 张三", None),  # an editor is no author
        ("本报记者 王晓明", None),  # unmarked: the label and credit readers' shape
        ("记者会上发言的代表", None),
        ("□ 市政府召开常务会议", None),
    ],
)
def test_byline_line(line, byline):
    assert byline_line(KeyedLine.of(line)) == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("通讯员 李华 记者 王晓明", Byline("李华 王晓明")),  # roles and names in any order
        ("本报记者 王晓明 通讯员 李华", Byline("王晓明 李华")),
        ("记者 王晓明 实习生 张三", Byline("王晓明 张三")),
        ("記者：王曉明 攝影：李華", Byline("王曉明")),  # a photographer is no author
        ("文件下载：", None),  # a label that opens with a role character
        ("记者从市统计局获悉", None),
        ("编辑 张三", None),
        ("记者 会上发言的代表们", None),
    ],
)
def test_role_byline(line, byline):
    assert role_byline(KeyedLine.of(line)) == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("記者王曉明／台北報導", Byline("王曉明")),  # ETtoday's line of its own
        ("【記者王曉明／台北報導】", Byline("王曉明")),  # in brackets
        ("〔記者王曉明、李華／綜合報導〕", Byline("王曉明 李華")),
        ("記者王曉明", None),  # no 報導: the other readers' shape
        ("中央社／台北報導", None),  # no reporter named
        ("市教育局召開會議／台北報導", None),
    ],
)
def test_reported_byline(line, byline):
    assert reported_byline(KeyedLine.of(line)) == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("（中央社記者王曉明台北4日電）" + P, Byline("王曉明", "中央社")),  # CNA
        ("（中央社台北4日電）" + P, Byline(None, "中央社")),
        ("【記者王曉明／台北報導】" + P, Byline("王曉明")),  # Taiwan papers
        ("〔記者巫其倫／台北報導〕" + P, Byline("巫其倫")),
        ("本报讯（记者 王晓明）" + P, Byline("王晓明")),
        ("（新华社北京3月1日电 记者 王晓明）" + P, Byline("王晓明", "新华社")),
        ("新华社北京3月1日电（记者 王晓明 李华）" + P, Byline("王晓明 李华", "新华社")),
        ("（一）" + P, None),
        ("（中央社）表示" + P, None),
        # A paper's name before 记者, and a name glued to its role.
        ("（大公報記者張三）" + P, Byline("張三")),
        ("本报讯（记者张三）" + P, Byline("张三")),
        # A newspaper's lead without brackets.
        ("香港文匯報訊 記者張三報道：" + P, Byline("張三")),
        ("【大公報訊】記者張三、李四 北京報道：" + P, Byline("張三 李四")),
        ("香港文匯報記者 張三 北京報道：" + P, Byline("張三")),
        ("記者張三報道了會議的情況。" + P, None),  # a sentence about a report
        ("记者张小三北京报道：" + P, None),  # name and place run together: not told apart
    ],
)
def test_opening_byline(line, byline):
    assert opening_byline(KeyedLine.of(line)) == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        (P + "（记者 王晓明）", Byline("王晓明")),
        (P + "（王晓明／台北报导）", Byline("王晓明")),
        (P + "（本报记者 王晓明 通讯员 李华）", Byline("王晓明 李华")),
        (P + "（王晓明）", None),  # bare brackets: as often a word (（摘编）) as a name
        (P + "（市教育局／台北报导）", None),
        (P + "（编辑：张三）", None),
        (P + "（完）", None),
    ],
)
def test_closing_byline(line, byline):
    assert closing_byline(KeyedLine.of(line)) == byline


def _html(head: str, first: str, last: str) -> str:
    return (
        "<html><head><title>市政府召开常务会议</title></head><body><h1>市政府召开常务会议</h1>"
        f"<div>发布时间：2024-03-01</div><div>{head}</div><div class=content><p>{first}</p><p>{P}</p>"
        f"<p>{last}</p></div></body></html>"
    )


def _text(head: str, first: str, last: str) -> str:
    return f"市政府召开常务会议\n2024-03-01\n{head}\n{first}\n{P}\n{last}\n"


@pytest.mark.parametrize("page", [_html, _text])
@pytest.mark.parametrize(
    ("head", "first", "last", "author", "source"),
    [
        ("□ 本报记者 王晓明", P, P, "王晓明", None),
        ("作者︱王晓明", P, P, "王晓明", None),
        ("", "（中央社記者王曉明台北4日電）" + P, P, "王晓明", "中央社"),
        ("", P, P + "（記者王曉明／台北報導）", "王晓明", None),
    ],
)
def test_bylines_fill_author_and_source(page, head, first, last, author, source):
    doc = parse(page(head, first, last), Options(facts=False))
    assert (doc.author, doc.source) == (author, source)


@pytest.mark.parametrize("line", ["通讯员 李华 记者 王晓明", "通讯员：李华 本报记者：王晓明"])
def test_an_unmarked_byline_line_leaves_the_html_body(line):
    doc = parse(_html("", P, P).replace(f"<p>{P}</p>", f"<p>{line}</p><p>{P}</p>", 1), Options(facts=False))
    assert (doc.author, doc.paragraphs) == ("李华 王晓明", [P, P, P])


@pytest.mark.parametrize(
    ("line", "author"), [("記者王曉明／台北報導", "王晓明"), ("【記者王曉明、李華／台北報導】", "王晓明 李华")]
)
def test_a_taiwan_credit_line_leaves_the_html_body(line, author):
    doc = parse(_html("", P, P).replace(f"<p>{P}</p>", f"<p>{line}</p><p>{P}</p>", 1), Options(facts=False))
    assert (doc.author, doc.paragraphs) == (author, [P, P, P])


@pytest.mark.parametrize("credit", ["<span>记者 王晓明</span>", "<span>作者：王晓明 李华</span>"])
def test_a_byline_beside_the_date_is_no_source(credit):
    page = _html("", P, P).replace("<div>发布时间：2024-03-01</div>", f"<div><span>2024-03-01</span>{credit}</div>")
    doc = parse(page, Options(facts=False))
    assert (doc.published_at, doc.source) == ("2024-03-01", None)
