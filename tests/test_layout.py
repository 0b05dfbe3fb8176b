"""The layout walk on its own: which rendered lines a tree gives and what each line knows."""

from __future__ import annotations

import lxml.etree

from ipextract.clean.html.dom import parse_html
from ipextract.clean.html.layout import lay_out


def lines_of(html: str, **kw: int) -> list:
    return lay_out(parse_html(html).root, lambda kind, text: None, **kw).lines


def test_data_table_rows_are_one_line_each_with_link_and_bold_shares():
    html = (
        "<html><body><p>前言</p><table><tr><td>指标</td><td><b>数值</b></td><td></td></tr>"
        "<tr><th> </th><td><a href=x>12.5</a><br>亿元</td><td>3%</td></tr>x"
        "<tr><td><a>1<br>2</a></td><td><b>3</b></td></tr><tr><td>&#8203;</td><td>5</td></tr>"
        "</table><table><tr><td>a<table><tr><td>x</td></tr></table></td></tr></table>"
        "<table><tr><td>单</td></tr></table><div>尾<b>粗</b><a>链</a></div></body></html>"
    )
    got = [(line.text, line.link_chars, line.bold, line.row, line.depth) for line in lines_of(html)]
    assert got == [
        ("前言", 0, False, False, 2),
        ("指标\t数值", 0, False, True, 4),  # an empty last cell is dropped
        ("12.5 亿元\t3%", 5, False, True, 4),  # an empty first cell too; <br> in a cell is a space
        ("x", 0, False, False, 2),  # text between rows is a line of the table
        ("1 2\t3", 3, False, True, 4),
        ("5", 0, False, False, 4),  # one cell left: not a row
        ("a", 0, False, False, 4),  # a table holding a table is layout
        ("x", 0, False, False, 7),
        ("单", 0, False, False, 4),  # one row: layout
        ("尾粗链", 1, False, False, 2),
    ]


def test_text_runs_are_kept_as_found_and_the_text_is_folded():
    lines = lines_of("<p>中\u200d国 \u3000 <b>发展</b></p><p>a\u00adb\n中</p><p>\u200b</p>")
    assert [line.text for line in lines] == ["中国 发展", "ab 中"]
    assert [line.raw_parts for line in lines] == [("中\u200d国 \u3000 ", "发展"), ("a\u00adb\n中",)]
    assert [line.parts for line in lines] == [("中国", "发展"), ("ab 中",)]


def test_comment_and_processing_instruction_tails_are_text():
    """parse_html drops comments; a tree built elsewhere may hold them."""
    root = lxml.etree.HTML("<html><body><p>a<!-- c -->b<?php x ?>c<span>d<!-- e --></span>f</p></body></html>")
    lines = lay_out(root, lambda kind, text: None).lines
    assert [line.text for line in lines] == ["abcdf"]


def test_marks_come_from_tags_styles_and_attributes():
    html = (
        "<html><body><h2>标题</h2><p style='font-weight:bold'>粗体</p><p><b>大</b>部分不加粗</p>"
        "<p align='CENTER'>居中</p><center>也居中</center><p style='text-align: center'>样式居中</p>"
        "<div><strong>加粗<a href='/'>链接</a></strong></div></body></html>"
    )
    got = [(line.text, line.heading, line.bold, line.centered, line.link_chars) for line in lines_of(html)]
    assert got == [
        ("标题", 2, False, False, 0),
        ("粗体", 0, True, False, 0),
        ("大部分不加粗", 0, False, False, 0),
        ("居中", 0, False, True, 0),
        ("也居中", 0, False, True, 0),
        ("样式居中", 0, False, True, 0),
        ("加粗链接", 0, True, False, 2),
    ]


def test_skipped_elements_are_recorded_and_furniture_is_marked():
    recorded: list[tuple[str, str]] = []
    html = (
        "<html><head><style>.gone{display:none}</style></head><body>"
        "<nav><a href='/'>首页</a></nav><div class='gone'>藏起来的</div><p hidden>也藏</p>"
        "<script>var x;</script><noscript>请开启脚本</noscript><div role='navigation'>导航</div>"
        "<p>正文</p></body></html>"
    )
    lines = lay_out(parse_html(html).root, lambda kind, text: recorded.append((kind, text))).lines
    assert [(line.text, line.chrome) for line in lines] == [("首页", True), ("导航", True), ("正文", False)]
    assert recorded == [
        ("boilerplate_elements", "首页"),
        ("hidden_elements", "藏起来的"),
        ("hidden_elements", "也藏"),
        ("boilerplate_elements", "请开启脚本"),
        ("boilerplate_elements", "导航"),
    ]


def test_a_furniture_tag_wrapping_the_page_is_not_furniture():
    text = "国务院常务会议研究部署稳就业工作。" * 10
    lines = lines_of(f"<html><body><form><p>{text}</p></form><footer>版权所有</footer></body></html>")
    assert [(line.text, line.chrome) for line in lines] == [(text, False), ("版权所有", True)]


def test_past_the_depth_guard_elements_are_transparent():
    html = "<html><body><div><div><p>甲</p><p>乙<br>丙</p></div></div><p>丁</p></body></html>"
    assert [line.text for line in lines_of(html)] == ["甲", "乙", "丙", "丁"]
    assert [(line.text, line.depth) for line in lines_of(html, max_depth=2)] == [("甲乙", 2), ("丙", 2), ("丁", 2)]


def test_a_line_after_an_image_knows_it():
    lines = lines_of("<p>图前</p><p><img src='a.jpg'></p><p>说明</p><p>正文</p>")
    assert [(line.text, line.image_before) for line in lines] == [("图前", False), ("说明", True), ("正文", False)]


def test_the_layout_reports_how_deep_the_tree_went():
    laid = lay_out(parse_html("<html><body><div><p><span>深</span></p></div></body></html>").root, lambda *_: None)
    assert (laid.max_depth, laid.truncated) == (4, False)
