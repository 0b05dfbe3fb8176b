"""The HTML cleaner step by step on small pages: parsing, visibility, layout, the article
container, line kinds, headline and metadata candidates, and hostile markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract import Options, parse
from ipextract.clean.html import clean_html
from ipextract.clean.html.article import effective_length
from ipextract.clean.html.dom import parse_html
from ipextract.clean.html.headline import norm
from ipextract.clean.html.kinds import (
    SHORT_LINE,
    caption_marker,
    editor_line,
    end_marker,
    footer_label_line,
    footer_line,
    stamp_line,
    toolbar_line,
)
from ipextract.clean.html.labels import (
    byline_author,
    clean_author,
    clean_source,
    dateline_author,
    is_byline,
    label_fields,
    label_hits,
    trailing_author,
)
from ipextract.clean.html.layout import lay_out
from ipextract.clean.keys import KeyedLine, line_key
from ipextract.errors import InputError

PARA = "国家知识产权局今天发布数据显示，前三季度全国专利授权量稳步增长，质押融资规模持续扩大。"
PARA2 = "各地知识产权部门积极推进专利转化运用，服务实体经济高质量发展，取得明显成效。"
PARA3 = "下一步，将继续加大知识产权保护力度，优化营商环境，激发全社会创新活力。"

NAV = "".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(12))
FOOTER = (
    "<div class='foot'><p>版权所有：某某市人民政府 京ICP备05070218号</p><p>主办单位：某某市人民政府办公厅</p></div>"
)


def page(article: str, *, head: str = "", before: str = "", after: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body><div class='top'><ul>{NAV}</ul></div>"
        f"{before}<div class='main'>{article}</div>{after}{FOOTER}</body></html>"
    )


def body(html: str) -> list[str]:
    return clean_html(html).blocks


def field(html: str, name: str) -> list[str]:
    return [c.value for c in clean_html(html).candidates if c.field == name]


# ---------------------------------------------------------------------------------------------
# parsing


def test_stray_closing_html_tag_keeps_what_follows():
    html = (
        "<html><body><div class='head'><a href='/'>首页</a> <a href='/n'>新闻</a></div></body></html>"
        f"<div class='c'><p>{PARA}</p><p>{PARA2}</p></div></html>"
    )
    assert body(html) == [PARA, PARA2]


def test_xxe_entity_is_never_resolved():
    html = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<html><body><p>{PARA}&x;</p></body></html>"
    )
    text = "\n".join(body(html))
    assert "root:" not in text
    assert text == PARA + "&x;"


def test_billion_laughs_does_not_expand():
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10 if i > 1 else "&a;" * 10}">' for i in range(1, 9)
    )
    html = f"<!DOCTYPE x [{laughs}]><html><body><p>{PARA}&a8;</p></body></html>"
    assert body(html) == [PARA + "&a8;"]


def test_deep_nesting_does_not_overflow_and_warns():
    depth = 100_000
    html = "<html><body><p>" + PARA + "</p>" + "<div>" * depth + "深处" + "</div>" * depth + "</body></html>"
    out = clean_html(html)
    assert out.blocks == [PARA]
    assert any("nested too deeply" in w for w in out.warnings)


def test_runaway_unclosed_inline_tags_keep_their_text():
    html = "<html><body><p>" + "<font>" * 700 + PARA + "</p><p>" + PARA2 + "</p></body></html>"
    assert body(html) == [PARA, PARA2]


def test_element_guard_raises_input_error():
    html = "<html><body>" + "<span>字</span>" * 300 + "</body></html>"
    with pytest.raises(InputError) as err:
        clean_html(html, Options(max_elements=100))
    assert err.value.kind == "too_complex"


def test_truncated_markup_parses():
    assert body(f"<html><body><div><p>{PARA}</p><p>{PARA2[:20]}") == [PARA, PARA2[:20]]


def test_nothing_to_parse_is_an_input_error():
    with pytest.raises(InputError) as err:
        clean_html("   ")
    assert err.value.kind == "empty"


def test_control_characters_are_dropped():
    assert body(f"<p>{PARA[:10]}\x00\x01{PARA[10:]}</p>") == [PARA]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdiv p&;#中文。，\n\x00tablerdh1")), max_size=300))
def test_arbitrary_markup_never_raises_out_of_parse(text):
    doc = parse(text.encode("utf-8"), Options(facts=False))
    assert doc.error is None or doc.error_kind in ("empty", "binary")


# ---------------------------------------------------------------------------------------------
# hidden elements and furniture (the rules themselves: test_visibility.py, test_layout.py)


def test_hidden_elements_are_removed_counted_and_recorded():
    spam = "<a href='http://x.com'>澳门赌场</a>" * 5
    article = (
        f"<p>{PARA}</p><div style='display:none'>{spam}</div><p>{PARA2}</p>"
        f"<span style='font-size:0px'>{spam}</span><p hidden>隐藏段落</p>"
        f"<div class='sp'>{spam}</div><div style='position:absolute;top:-800px'>{spam}</div>"
    )
    out = clean_html(page(article, head="<style>.sp{display:none}</style>"))
    assert out.blocks == [PARA, PARA2]
    assert out.removed["hidden_elements"] == 5
    recorded = [r.text for r in out.removed_items if r.kind == "hidden_elements"]
    assert "隐藏段落" in recorded
    assert all(len(t) <= 200 for t in recorded)


def test_furniture_elements_never_reach_the_body_and_are_counted():
    html = (
        "<html><body><header><h1>某某市人民政府</h1><p>欢迎访问，今天是2024年5月1日，星期三。</p></header>"
        "<nav><a href='/'>首页</a></nav><script>var x='不应出现的脚本文字，很长很长。';</script>"
        "<style>p{color:red}</style><noscript>请开启脚本，否则无法正常浏览本网站内容。</noscript>"
        f"<iframe src='a.html'>框架内文字</iframe><div><p>{PARA}</p><p>{PARA2}</p></div>"
        "<aside><p>侧栏推荐：这是一段很长的推荐文字，不是正文内容，不应出现在正文里。</p></aside>"
        "<footer><p>版权所有 某某市人民政府</p></footer></body></html>"
    )
    out = clean_html(html)
    assert out.blocks == [PARA, PARA2]
    assert out.removed["boilerplate_elements"] >= 4


def test_a_form_wrapping_the_whole_page_is_not_furniture():
    html = f"<html><body><form id='form1'><div><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></div></form></body></html>"
    assert body(html) == [PARA, PARA2, PARA3]


# ---------------------------------------------------------------------------------------------
# layout


def test_inline_markup_never_breaks_a_number_or_a_line():
    html = "<p>全年实现地区生产总值<font color='red'>2883.5</font>亿元，增长<b>7</b>.<b>2</b>%。</p>"
    assert body(html) == ["全年实现地区生产总值2883.5亿元，增长7.2%。"]


def test_blocks_and_br_break_lines_and_spaces_fold():
    html = f"<div>{PARA}<br>{PARA2}<p>{PARA3}\u3000\u3000（完）</p></div>"
    assert body(html) == [PARA, PARA2, PARA3 + " （完）"]


def test_raw_newlines_inside_a_paragraph_join_with_a_space():
    assert body(f"<p>{PARA}\n{PARA2}</p>") == [PARA + " " + PARA2]


def test_data_table_rows_keep_cells_tab_separated():
    table = (
        "<table><tr><th>指标</th><th>数量</th><th>增长</th></tr>"
        "<tr><td>发明专利</td><td><p>12.3万件</p></td><td>8.5%</td></tr>"
        "<tr><td>商标注册</td><td>45万件</td><td>-2.1%</td></tr></table>"
    )
    assert body(page(f"<p>{PARA}</p>{table}<p>{PARA2}</p>")) == [
        PARA,
        "指标\t数量\t增长",
        "发明专利\t12.3万件\t8.5%",
        "商标注册\t45万件\t-2.1%",
        PARA2,
    ]


def test_layout_table_is_not_a_data_table():
    html = (
        "<html><body><table><tr><td><a href='/'>首页</a></td><td>"
        f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></td></tr></table></body></html>"
    )
    assert body(html) == [PARA, PARA2, PARA3]


def test_lines_know_their_links_headings_and_images():
    root = parse_html(
        "<html><body><h1>标题</h1><p><a href='x'>链接</a>文字</p><p><img src='a.jpg'></p><p>说明</p></body></html>"
    ).root
    lines = lay_out(root, lambda kind, text: None).lines
    assert [(line.text, line.heading, line.link_chars, line.image_before) for line in lines] == [
        ("标题", 1, 0, False),
        ("链接文字", 0, 2, False),
        ("说明", 0, 0, True),
    ]


# ---------------------------------------------------------------------------------------------
# the article container and the lines in it


def test_effective_length_counts_han_fully_and_latin_letters_and_digits_a_fifth():
    assert effective_length("国务院 2018 GDP") == 3 + 7 / 5
    assert effective_length("，。 ") == 0
    assert effective_length("㐀丽") == 2  # Extension A and the compatibility ideographs count
    assert effective_length("2018年专利资助金额1.43亿元，GDP增长6%。") == 11 + 11 / 5
    # A long line is measured on a sample and scaled.
    assert effective_length("2018年专利资助金额1.43亿元，GDP增长6%。" * 400) == pytest.approx(400 * 13.2, rel=1e-3)


def test_density_picks_the_article_over_link_lists_and_teasers():
    sidebar = "<div class='side'>" + "".join(
        f"<p><a href='/n{i}'>相关新闻标题第{i}条：知识产权工作取得新进展</a></p>" for i in range(15)
    ) + "</div>"
    article = f"<h1>专利授权量稳步增长</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
    assert body(page(article, before=sidebar, after=sidebar)) == [PARA, PARA2, PARA3]


def test_header_lines_are_cut_before_the_first_paragraph():
    article = (
        "<h2>专利授权量稳步增长</h2><h3>前三季度数据发布</h3>"
        "<div class='info'>发布时间：2024-10-18 10:30 来源：国家知识产权局</div>"
        "<div class='tools'>【打印】 【关闭】 字号：大 中 小</div>"
        f"<p>{PARA}</p><p>{PARA2}</p>"
    )
    assert body(page(article, head="<title>专利授权量稳步增长_某某网</title>")) == [PARA, PARA2]


@pytest.mark.parametrize(
    ("lead", "kept"),
    [
        # fcg (Guangxi): the title repeated, then its 副题, inside the text block.
        ("<p>专利授权量稳步增长</p><p>刘宁宣布建设启动 蓝天立刘明胜讲话</p>", []),
        # gz.gov.cn: a read-aloud button, a view counter filled by script, a centred bold 主题.
        (
            "<p>听全文</p><p>分享到</p><p>-次</p>"
            "<p style='text-align:center'><strong>“制造美丽”推动“美丽制造”转型升级</strong></p>",
            [],
        ),
        # Not a headline set: a document number, a salutation, an adoption note, a heading.
        (
            "<p>专利授权量稳步增长</p><p style='text-align:center'>教思政厅函〔2024〕10号</p>",
            ["教思政厅函〔2024〕10号"],
        ),
        ("<p><strong>各区人民政府：</strong></p>", ["各区人民政府："]),
        (
            "<p style='text-align:center'>（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>",
            ["（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）"],
        ),
        ("<p><strong>一、总体要求</strong></p>", ["一、总体要求"]),
        # A bold line under a picture and its caption opens the text (readability-youth).
        (
            "<p><img src='a.jpg'></p><p>图为学生在图书馆自习。</p><p><strong>出国前后关注点大不同</strong></p>",
            ["出国前后关注点大不同"],
        ),
    ],
)
def test_display_headlines_above_the_lead_go(lead, kept):
    html = page(f"{lead}<p>{PARA}</p><p>{PARA2}</p>", head="<title>专利授权量稳步增长_某某网</title>")
    assert body(html) == [*kept, PARA, PARA2]


def test_editor_credit_closes_the_article():
    article = (
        f"<p>{PARA}</p><p>{PARA2}</p><p>（责任编辑：张三）</p>"
        "<p>香港警方表示，有关网上传言并不属实，呼吁市民不要轻信谣言，这是另一篇文章的摘要。</p>"
    )
    assert body(page(article)) == [PARA, PARA2]


def test_trailer_drops_labels_keeps_signature():
    article = (
        f"<p>{PARA}</p><p>{PARA2}</p><p>某某市知识产权局</p><p>2024年5月30日</p>"
        "<p>发布日期：2024-06-13 来源：某某市知识产权局</p>"
    )
    assert body(page(article)) == [PARA, PARA2, "某某市知识产权局", "2024年5月30日"]


MENU_UL = "<ul>" + "".join(f'<li><a href="/m{i}">服务{i}</a></li>' for i in range(6)) + "</ul>"
MENU_DL = "".join(
    f'<dl><dt><a href="/d{i}">互动{i}</a></dt><dd><a href="/e{i}">信箱{i}</a></dd></dl>' for i in range(3)
)
CREDITS = "<p>开办：某某市人民政府</p><p>主办：某某市人民政府办公室</p><p>地址：某某市人民路30号</p>"


@pytest.mark.parametrize("menu", [MENU_UL, MENU_DL])
def test_a_footer_menu_inside_the_container_ends_the_article(menu):
    """A portal whose article element runs on into its footer: the menu block after the
    signature ends the article, and the site's 开办 / 主办 / 地址 credits under it are not text."""
    article = f"<p>{PARA}</p><p>{PARA2}</p><p>联系人：张三</p><p>某某市文化馆</p><p>2024年3月1日</p>{menu}{CREDITS}"
    assert body(page(article)) == [PARA, PARA2, "联系人：张三", "某某市文化馆", "2024年3月1日"]


@pytest.mark.parametrize(
    "credits",
    [
        "<p>主办：某某市人民政府办公室</p><p>承办：某某市电子政务中心</p><p>网站标识码：6501000002</p>",
        "<p>开办：某某市人民政府 主办：某某市人民政府办公室</p>",
    ],
)
def test_site_credits_after_the_signature_go(credits):
    """A portal's 开办 / 主办 / 承办 credits in the article's element after its signature are
    the site's; a notice's own 主办单位 line between its paragraphs is text (see moe-1)."""
    article = f"<p>{PARA}</p><p>{PARA2}</p><p>某某市文化馆</p><p>2024年3月1日</p>{credits}"
    assert body(page(article)) == [PARA, PARA2, "某某市文化馆", "2024年3月1日"]
    inside = f"<p>{PARA}</p><p>主办：某某市文化馆</p><p>{PARA2}</p>"
    assert body(page(inside)) == [PARA, "主办：某某市文化馆", PARA2]


def test_a_long_attachment_list_is_no_footer_menu():
    names = ["附件：1.知识竞答工作要求", "2.作品报送要求", "3.成果征集表", "4.报名回执", "5.联系人名单"]
    items = "".join(f"<p><a href='{i}.doc'>{name}</a></p>" for i, name in enumerate(names))
    article = f"<p>{PARA}</p><p>{PARA2}</p>{items}<p>某某市教育局办公室</p>"
    want = [PARA, PARA2, *names, "某某市教育局办公室"]
    assert body(page(article)) == want


@pytest.mark.parametrize("boxes", [["文件下载：", "关联文件："], ["相关附件"], ["八、附件："], ["相关公告"]])
def test_empty_attachment_boxes_and_related_labels_after_the_text_go(boxes):
    """A template's downloads or attachments box with no file in it, or the label of a related
    list, leaves only its label after the last paragraph: not the article's."""
    labels = "".join(f"<p>{label}</p>" for label in boxes)
    article = f"<p>{PARA}</p><p>{PARA2}</p><p>某某市教育局办公室</p>{labels}"
    assert body(page(article)) == [PARA, PARA2, "某某市教育局办公室"]


_HOME, _DEPT = '<a href="/">首页</a>', '<a href="/a">市局部门</a>'
CSS_PATHS = [
    f'<ol class="am-breadcrumb"><li>{_HOME}</li><li>{_DEPT}</li><li class="am-active">正文</li></ol>',
    f'<div id="crumbs"><span>{_HOME}</span><span>{_DEPT}</span><span>正文</span></div>',
    f'<div aria-label="栏目路径"><span>{_HOME}</span><span>{_DEPT}</span><span>正文</span></div>',
    f'<div class="dqwz">{_HOME}<img src="arrow.gif">{_DEPT}<img src="arrow.gif"><a href="/b">正文</a></div>',
    # No name, but the path's label: images between the levels, or a list under the label.
    f'<div class="x1">当前位置：{_HOME}<img src="arrow.gif">{_DEPT}<img src="arrow.gif"><a href="/b">正文</a></div>',
    f'<div><span>您的位置：</span><ul><li>{_HOME}</li><li>{_DEPT}</li><li><a href="/b">正文</a></li></ul></div>',
]


@pytest.mark.parametrize("path", CSS_PATHS)
def test_a_location_path_whose_separators_are_css(path):
    """A list named for a path (`breadcrumb`, `crumbs`, `dqwz`, an aria-label 栏目路径), or
    set after its label (`当前位置：`), whose separators are images or drawn by its style
    sheet: its items are the levels."""
    article = f"{path}<h1>某某局召开年度工作会议</h1><p>{PARA}</p><p>{PARA2}</p>"
    assert field(page(article), "breadcrumb") == [["首页", "市局部门", "正文"]]


def test_a_named_path_further_up_than_a_plain_one_is_looked_for():
    """A side menu between the path and the headline: a path named for one is still found."""
    menu = "<ul>" + "".join(f'<li><a href="/m{i}">栏目{i}</a></li>' for i in range(16)) + "</ul>"
    article = f"{CSS_PATHS[0]}{menu}<h1>某某局召开年度工作会议</h1><p>{PARA}</p><p>{PARA2}</p>"
    html = page(article, head="<title>某某局召开年度工作会议_某某市人民政府</title>")
    assert field(html, "breadcrumb") == [["首页", "市局部门", "正文"]]


def test_a_location_path_above_a_disclosure_table():
    """The table's rows between the path and the headline do not put the path out of reach."""
    rows = "".join(
        f"<tr><th>{label}：</th><td>{value}</td></tr>"
        for label, value in [
            ("索引号", "K1618-2017-00036"), ("信息分类", "专项工作"), ("发布机构", "某某区审计局"),
            ("生成日期", "2017-04-12"), ("文号", ""), ("有效性", "有效"), ("生效时间", "2017-04-12"),
            ("废止时间", "暂无"), ("名称", "某某区审计局召开年度工作会议"), ("失效时间", "暂无"),
            ("关键词", ""), ("公开方式", "主动公开"), ("公开范围", "面向社会"),
        ]
    )
    article = (
        '<div class="pos"><a href="/">首页</a> &gt; <a href="/a">某某区审计局</a> &gt; <a href="/b">专项工作</a></div>'
        f"<table>{rows}</table><h1>某某区审计局召开年度工作会议</h1><p>{PARA}</p><p>{PARA2}</p>"
    )
    assert field(page(article), "breadcrumb") == [["首页", "某某区审计局", "专项工作"]]


LEGEND = "注：红色为所有车辆绕行线路，蓝色仅为小型车辆绕行线路。"


@pytest.mark.parametrize(
    "picture",
    [
        f"<p><img src='map.jpg'></p><p>{LEGEND}</p>",  # right under the picture
        f"<p><img src='map.jpg'><br></p><p>（点击看清晰大图）</p><p>{LEGEND}</p>",  # under its caption
        "<p><img src='chart.png'></p><p>图注：柱形为当月值，折线为同比增速。</p>",
    ],
)
def test_a_pictures_legend_goes_with_the_picture(picture):
    article = f"<p>{PARA}</p>{picture}<p>{PARA2}</p><p>{PARA3}</p>"
    assert body(page(article)) == [PARA, PARA2, PARA3]


def test_a_note_between_paragraphs_is_text():
    note = "注：本文数据均来自市统计局，部分数据因四舍五入存在误差。"
    article = f"<p>{PARA}</p><p>{note}</p><p>{PARA2}</p>"
    assert body(page(article)) == [PARA, note, PARA2]


def test_label_lines_between_paragraphs_are_text():
    article = f"<p>{PARA}</p><p>时间：2024年6月至12月</p><p>联系人：张三</p><p>{PARA2}</p>"
    assert body(page(article)) == [PARA, "时间：2024年6月至12月", "联系人：张三", PARA2]


def test_captions_are_dropped_but_centred_poems_are_not():
    article = (
        f"<p>{PARA}</p><p style='text-align:center'><img src='a.jpg'></p>"
        "<p style='text-align:center'>科研人员正在进行设备测试</p>"
        f"<p>{PARA2}</p><p>图为会议现场。（张三 摄）</p>"
        "<p style='text-align:center'><img src='b.jpg'></p>"
        "<p style='text-align:center'><strong>《冬夜读书示子聿》</strong></p>"
        "<p style='text-align:center'>古人学问无遗力，少壮工夫老始成。</p>"
        "<p style='text-align:center'>纸上得来终觉浅，绝知此事要躬行。</p>"
        f"<p>{PARA3}</p>"
    )
    assert body(page(article)) == [
        PARA,
        PARA2,
        "《冬夜读书示子聿》",
        "古人学问无遗力，少壮工夫老始成。",
        "纸上得来终觉浅，绝知此事要躬行。",
        PARA3,
    ]


@pytest.mark.parametrize(
    "number",
    ["川卫函〔2025〕46号", "教思政厅函[2024]10号", "粤府办〔2023〕5号"],
)
def test_a_document_number_under_a_letterhead_image_is_text(number):
    article = (
        "<p style='text-align:center'><img src='head.png'></p>"
        f"<p style='text-align:center'><b>{number}</b></p><p>唐家文代表：</p><p>{PARA}</p><p>{PARA2}</p>"
    )
    html = page(f"<h2>关于第14040218号建议的复函</h2>{article}", head="<title>关于第14040218号建议的复函</title>")
    assert body(html) == [number, "唐家文代表：", PARA, PARA2]


def test_section_headings_stay_as_their_own_lines():
    article = f"<p>{PARA}</p><p><strong>一、总体要求</strong></p><p>{PARA2}</p><h3>二、主要任务</h3><p>{PARA3}</p>"
    assert body(page(article)) == [PARA, "一、总体要求", PARA2, "二、主要任务", PARA3]


def test_toolbars_and_share_bars_inside_the_article_go():
    article = f"<p>{PARA}</p><div>分享到： 微信 微博</div><p>{PARA2}</p><div>【打印此页】 【关闭窗口】</div>"
    assert body(page(article)) == [PARA, PARA2]


def test_attachment_list_of_a_notice_is_kept():
    article = (
        f"<p>{PARA}</p><p>{PARA2}</p>"
        "<p><a href='1.doc'>附件：1.知识竞答工作要求</a></p><p><a href='2.doc'>2.作品报送要求</a></p>"
        "<p>某某市教育局办公室</p>"
    )
    assert body(page(article)) == [PARA, PARA2, "附件：1.知识竞答工作要求", "2.作品报送要求", "某某市教育局办公室"]


def test_flat_page_paragraphs_are_gathered_around_the_best_one():
    html = (
        "<html><body><p>首 页 通知公告 统计动态 统计信息 统计数据 政府信息公开 办事服务 政民互动</p>"
        "<p>您的位置：首页 >> 统计信息 >> 内容</p><p>规模以上工业营收破万亿</p>"
        f"<p>发布日期：2022-09-27 来源：统计局 浏览次数：</p><p>{PARA}</p><p>{PARA2 * 4}</p>"
        "<p>主办单位：某某市统计局</p><p>苏公网安备32041102000483号 网站标识码：3204000028</p></body></html>"
    )
    assert body(html) == [PARA, PARA2 * 4]


def test_spam_chains_and_spam_blocks_inside_the_article_are_cut():
    chain = "*365体育滚球_365体育彩票-投注*官网@"
    farm = "主站蜘蛛池模板： " + "| ".join(f"亚洲精品无码视频在线观看第{i}集" for i in range(12))
    article = f"<p>{PARA}</p><p>从以上数据可以看出，{chain}县园区建设成效显著。</p><p>{farm}</p><p>{PARA2}</p>"
    out = clean_html(page(article))
    assert out.blocks == [PARA, "从以上数据可以看出，县园区建设成效显著。", PARA2]
    assert out.removed["spam_blocks"] == 2


def test_a_page_without_paragraphs_keeps_its_short_text():
    assert body("<html><body><p>短消息</p></body></html>") == ["短消息"]


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("2020-04-01 10:29", True),
        ("2020-04-01", True),
        ("2019年09月11日 富达传媒 1665", True),
        ("2024年5月30日 10:30", True),
        ("2024年5月30日", False),  # a date in words alone: a signature
        ("（2024年5月30日）", False),
        ("2020年4月1日召开全市经济工作会议并部署下一阶段的重点任务和具体工作安排", False),
        # English datelines of bilingual pages (a Taiwan ministry, a Hong Kong press release).
        ("Jan. 4, 2021（Monday）", True),
        ("Monday, January 4, 2021", True),
        ("4 January 2021", True),
        ("June 10, 2021 17:35", True),
        ("May 4, 2021 was the day the plan began", False),
        ("Jan 2021 report", False),
    ],
)
def test_stamp_lines(line, stamp):
    assert stamp_line(line) == stamp


def test_short_line_rules_say_no_beyond_short_line():
    """What lets a line longer than SHORT_LINE skip them when its kind is decided."""
    rules = (stamp_line, toolbar_line, editor_line, end_marker, is_byline, footer_label_line)
    for piece in ("2020-04-01 10:29", "打印本页 关闭", "责任编辑：周雁", "相关新闻", "记者 张三", "主办单位：某某"):
        long = piece.ljust(SHORT_LINE + 1)  # trailing spaces: every rule but for length says yes
        assert any(rule(piece) for rule in rules), piece
        assert not any(rule(long) for rule in rules), piece


# ---------------------------------------------------------------------------------------------
# headline and metadata candidates


def test_headline_keys_fold_width_case_and_punctuation():
    assert norm("２０２０年，全市ＧＤＰ…") == "2020年全市gdp"
    assert norm("国务院 常务会议：部署“稳就业”") == "国务院常务会议部署稳就业"
    assert norm("Ａ\u0301Ｂ") == norm("ÁB") == "áb"  # a full-width letter composes as its ASCII form
    assert norm("①２\u3000ｶﾞ") == "12ガ"


def test_headline_is_the_visible_heading_confirmed_by_title():
    article = f"<h1>专利授权量稳步增长</h1><p>{PARA}</p><p>{PARA2}</p>"
    html = page(article, head="<title>专利授权量稳步增长_新闻中心_某某市人民政府门户网站</title>")
    assert field(html, "title")[0] == "专利授权量稳步增长"


def test_column_name_in_title_loses_to_article_title_tag():
    article = f"<div class='t'>专利授权量稳步增长</div><p>{PARA}</p><p>{PARA2}</p>"
    head = "<title>工作动态_某某市知识产权局</title><meta name='ArticleTitle' content='专利授权量稳步增长'>"
    assert field(page(article, head=head), "title")[0] == "专利授权量稳步增长"


def test_headline_split_by_br_is_joined():
    article = f"<p><b>关于开展<br>2024年专利转化<br>专项行动的通知</b></p><p>{PARA}</p><p>{PARA2}</p>"
    head = "<title>关于开展2024年专利转化专项行动的通知_某某网</title>"
    out = clean_html(page(article, head=head))
    assert out.candidates[0].value == "关于开展2024年专利转化专项行动的通知"
    assert out.blocks == [PARA, PARA2]


def test_injected_keyword_prefix_is_cut_from_the_headline():
    article = f"<h2>[某某化妆品]专利授权量稳步增长</h2><p>{PARA}</p><p>{PARA2}</p>"
    head = "<title>[某某化妆品]专利授权量稳步增长-某某传媒</title>"
    assert field(page(article, head=head), "title")[0] == "专利授权量稳步增长"


def test_title_without_any_heading_falls_back_to_title_tag_without_suffix():
    assert field(page(f"<p>{PARA}</p>", head="<title>专利授权量稳步增长 - 某某网</title>"), "title") == [
        "专利授权量稳步增长"
    ]


def test_site_name_title_loses_to_the_heading_above_the_text():
    article = f"<h1>关于开展专利转化专项行动的通知</h1><p>{PARA}</p><p>{PARA2}</p>"
    assert field(page(article, head="<title>某某市人民政府门户网站</title>"), "title")[0] == (
        "关于开展专利转化专项行动的通知"
    )


def test_without_any_title_metadata_the_styled_line_above_the_date_is_the_headline():
    article = (
        "<div class='nav'><b>工作动态</b></div><div class='title'><b>专利授权量稳步增长</b></div>"
        f"<div>发布时间：2024-10-18 来源：国家知识产权局</div><p>{PARA}</p><p>{PARA2}</p>"
    )
    out = clean_html(page(article))
    assert [c.value for c in out.candidates if c.field == "title"] == ["专利授权量稳步增长"]
    assert out.blocks == [PARA, PARA2]


def test_other_dates_in_label_blocks_are_not_the_publication_date():
    table = (
        "<table><tr><td>信息索引：</td><td>360A12-07-2024-0008-1</td><td>生成日期：</td><td>2024-06-04</td></tr>"
        "<tr><td>发文字号：</td><td>教思政厅函〔2024〕10号</td><td>信息类别：</td><td>高等教育</td></tr></table>"
    )
    article = f"{table}<h1>关于举办宣传教育活动的通知</h1><p>{PARA}</p><p>{PARA2}</p><p>发布日期：2024-06-13</p>"
    out = clean_html(page(article))
    assert [c.value for c in out.candidates if c.field == "published_at"] == ["2024-06-13"]
    assert out.blocks == [PARA, PARA2]


@pytest.mark.parametrize(
    ("line", "editor"),
    [
        ("（编辑 张三）", True),  # role and name divided by a space, in brackets
        ("【审核 李四 王五】", True),
        ("（編輯 張三）", True),
        ("审核 李四 王五", False),  # without brackets it could open a sentence
        ("（编辑部）", False),
    ],
)
def test_bracketed_editor_credits(line, editor):
    assert bool(editor_line(line_key(line))) is editor


@pytest.mark.parametrize("line", ["（编辑 张三）", "（編輯：張三）", "摄影：李华", "（摄影 李华）"])
def test_an_editor_or_photographer_is_no_author(line):
    assert clean_author(line) is None
    article = f"<p>{PARA}</p><p>{PARA2}</p><p>{line}</p>"
    assert field(page(article), "author") == []


@pytest.mark.parametrize(
    "line", ["声明：本文转载自其他媒体，版权归原作者所有。", "（本文来源于网络，版权归原作者所有，如有侵权请联系删除）"]
)
def test_a_reposts_disclaimer_is_a_footer(line):
    assert body(page(f"<p>{PARA}</p><p>{PARA2}</p><p>{line}</p>")) == [PARA, PARA2]


def test_traditional_lines_are_read_through_their_simplified_key():
    """The word lists are Simplified; values keep the page's own script."""
    assert toolbar_line(line_key("【打印本頁】 【關閉窗口】"))
    assert footer_line(line_key("版權所有 © 香港特別行政區政府"))
    assert editor_line(line_key("（責任編輯：周雁）"))
    assert caption_marker(line_key("圖為會議現場。"))
    runs = ("發佈時間：2024-01-02 10:30 ", "來源：", "新華社", " 作者：記者 王曉明")
    assert label_fields(runs) == {"published_at": "2024-01-02T10:30", "source": "新華社", "author": "王曉明"}
    assert byline_author(KeyedLine.of("本報記者 王曉明")) == "王曉明"
    assert dateline_author(KeyedLine.of("〔記者巫其倫／台北報導〕政府今天宣布")) == "巫其倫"
    assert clean_source("來源：新華社") == "新華社"
    assert clean_author("記者 方敏北京大學教授") == "方敏"


def test_label_hits_read_a_label_line():
    hits = label_hits("本站发布时间：2024-01-02 来源 ：新华社")
    assert [(h.label, h.field, h.start, h.value_start) for h in hits] == [("来源", "source", 18, 22)]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # Spaces lost between the pairs: once a label opened the line, a glued one is the next.
        (("信息来源：市统计局作者：张三发布时间：2024-05-06",), {
            "source": "市统计局", "author": "张三", "published_at": "2024-05-06",
        }),
        (("来源：新华社记者：王晓明",), {"source": "新华社", "author": "王晓明"}),
        # Before any label, a glued label word is part of a word.
        (("优秀工作者：张三",), {}),
    ],
)
def test_glued_labels_after_a_label(runs, expected):
    assert label_fields(runs) == expected


def test_label_line_and_meta_tags_give_candidates_in_trust_order():
    article = (
        "<h1>专利授权量稳步增长</h1><p>发布时间：2024-10-18 来源：国家知识产权局 作者：张三</p>"
        f"<p>{PARA}</p><p>{PARA2}</p>"
    )
    head = (
        "<title>专利授权量稳步增长</title><meta name='PubDate' content='2024-10-18 10:30'>"
        "<meta name='ContentSource' content='知识产权局'><link rel='canonical' href='https://www.example.gov.cn/a/1.html'>"
    )
    html = page(article, head=head)
    assert field(html, "published_at") == ["2024-10-18", "2024-10-18T10:30"]
    assert field(html, "source") == ["国家知识产权局", "知识产权局"]
    assert field(html, "author") == ["张三"]
    assert field(html, "url") == ["https://www.example.gov.cn/a/1.html"]


def test_source_value_ends_where_its_text_run_ends():
    article = "<h1>标题文字很长</h1><div>2020年07月04日 12:10 来源：求是网<a href='#c'>参与互动</a></div>" + (
        f"<p>{PARA}</p><p>{PARA2}</p>"
    )
    html = page(article, head="<title>标题文字很长</title>")
    assert field(html, "source")[0] == "求是网"
    assert field(html, "published_at")[0] == "2020-07-04T12:10"


def test_unlabelled_stamp_line_gives_date_and_source():
    article = f"<h1>标题文字很长</h1><div>北京新浪网 (2020-01-21 11:12)</div><p>{PARA}</p><p>{PARA2}</p>"
    html = page(article, head="<title>标题文字很长</title>")
    assert field(html, "published_at")[0] == "2020-01-21T11:12"
    assert field(html, "source")[0] == "北京新浪网"


def test_footer_date_line_after_the_text_is_found():
    article = f"<h1>标题文字很长</h1><p>{PARA}</p><p>{PARA2}</p><p>发布日期：2019-03-06 责任编辑：龙慧</p>"
    html = page(article, head="<title>标题文字很长</title>")
    assert field(html, "published_at") == ["2019-03-06"]


def test_bylines_and_datelines_give_the_author():
    article = (
        "<h1>标题文字很长</h1>"
        f"<p>新华社巴黎12月9日电（记者唐霁）{PARA}</p><p>{PARA2}</p>"
    )
    assert field(page(article, head="<title>标题文字很长</title>"), "author") == ["唐霁"]
    article = f"<h1>标题文字很长</h1><p>{PARA}</p><p>{PARA2}（张巨峰）</p>"
    assert field(page(article, head="<title>标题文字很长</title>"), "author") == ["张巨峰"]


def test_byline_name_is_cut_before_its_affiliation():
    article = f"<h1>标题文字很长</h1><p>{PARA}</p><p>{PARA2}</p><p>（作者：方敏北京大学经济学院教授）</p>"
    out = clean_html(page(article, head="<title>标题文字很长</title>"))
    assert [c.value for c in out.candidates if c.field == "author"] == ["方敏"]
    assert out.blocks == [PARA, PARA2]


def test_breadcrumb_on_one_line_or_over_list_items():
    one = "<div>当前位置：首页 > 新闻中心 > 工作动态</div>"
    items = "<ul><li><a href='/'>首页</a></li><li>&gt; <a href='/n'>新闻中心</a></li><li>&gt; 工作动态</li></ul>"
    for crumbs in (one, items):
        article = f"{crumbs}<h1>专利授权量稳步增长</h1><p>{PARA}</p><p>{PARA2}</p>"
        html = page(article, head="<title>专利授权量稳步增长</title>")
        assert field(html, "breadcrumb") == [["首页", "新闻中心", "工作动态"]]


def test_editor_meta_tag_is_not_an_author():
    head = "<title>标题文字很长</title><meta name='author' content='李编辑'>"
    assert field(page(f"<h1>标题文字很长</h1><p>{PARA}</p><p>{PARA2}</p>", head=head), "author") == []


# ---------------------------------------------------------------------------------------------
# through the pipeline


def test_pipeline_document_for_an_html_page():
    article = (
        "<h1>专利授权量稳步增长</h1><p>发布时间：2024-10-18 来源：国家知识产权局</p>"
        f"<p>{PARA}</p><p>{PARA2}</p>"
    )
    head = "<title>专利授权量稳步增长_某某网</title><meta name='PubDate' content='2024-10-18 10:30'>"
    html = page(article, head=head)
    doc = parse(html.encode("gb18030"), Options(facts=False))
    assert doc.format == "html"
    assert doc.encoding == "gb18030"
    assert (doc.title, doc.published_at, doc.source) == ("专利授权量稳步增长", "2024-10-18", "国家知识产权局")
    assert doc.paragraphs == [PARA, PARA2]
    assert doc.removed["meta_lines"] >= 1


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("香港航空宣布，昨日延誤的4班航班，將改為今日出發。（港台圖片）", True),  # RTHK
        ("市民在公園賞花。（新华社照片）", True),
        ("（示意图／图取自网络）", True),  # Taiwan media
        ("（示意圖／圖片取自Pixabay）", True),
        ("全年共完成投资12亿元（不含土地费用）", False),
        ("（一）加强组织领导", False),
        ("本次展览共展出图片200余幅（含历史照片）。", False),
        # What a count holds, in brackets at the end of a line without its full stop.
        ("本次展览共展出图片200余幅（含历史照片）", False),
        ("展出老照片80张（均为历史照片）", False),
        ("市民在公园赏花（资料照片）", True),
    ],
)
def test_picture_credits_close_captions(line, caption):
    assert caption_marker(line_key(line)) is caption


@pytest.mark.parametrize(
    ("fragment", "blocks"),
    [
        # A defence ministry's daily report saved as a fragment (mnd.gov.tw): items in short lines.
        (
            "<div class='thisPages'><p>二、機型Aircraft Type:</p><p>運-8遠干機 1架次</p><p>運-8反潛機 1架次</p>"
            "<p>運-9通信對抗機 1架次</p><p>三、活動概要Activity Area:</p><p>活動示意圖、照片</p>"
            "<p>四、空軍應處作為Reactions:</p><p>派遣空中巡邏兵力應對、廣播驅離、防空飛彈追監</p>"
            "<h5>下載專區</h5><div><a href='a.pdf'>0104中共軍機活動報告</a> (下載次數：202次)</div></div>",
            [
                "二、機型Aircraft Type:", "運-8遠干機 1架次", "運-8反潛機 1架次", "運-9通信對抗機 1架次",
                "三、活動概要Activity Area:", "活動示意圖、照片", "四、空軍應處作為Reactions:",
                "派遣空中巡邏兵力應對、廣播驅離、防空飛彈追監",
            ],
        ),
        # A county's list of figures in short lines.
        (
            "<div><p>全县主要经济指标</p><p>地区生产总值 92.9亿元</p><p>第一产业增加值 21.2亿元</p>"
            "<p>第二产业增加值 41亿元</p><p>第三产业增加值 30.7亿元</p><p>一般公共预算收入增长6%达4.21亿元</p></div>",
            [
                "全县主要经济指标", "地区生产总值 92.9亿元", "第一产业增加值 21.2亿元", "第二产业增加值 41亿元",
                "第三产业增加值 30.7亿元", "一般公共预算收入增长6%达4.21亿元",
            ],
        ),
    ],
)
def test_a_report_in_short_lines_is_read_whole(fragment, blocks):
    assert body(fragment) == blocks


def test_share_and_follow_prompts_inside_the_article_go():
    article = (
        f"<p>{PARA}</p><p>微信扫一扫，分享到朋友圈</p><p>{PARA2}</p>"
        "<p>长按识别二维码，关注我们</p><p>转载请注明出处</p>"
    )
    assert body(page(article)) == [PARA, PARA2]


@pytest.mark.parametrize(
    "tail",
    [
        "<div class='box'><p>订阅我们的新闻通讯</p><p>输入电子邮箱</p><p>订阅</p></div>",
        "<p>國防部表示，共機已離開。（編輯：張三）1100104</p>",
    ],
)
def test_newsletter_boxes_and_wire_tags_at_the_end_go(tail):
    html = page(f"<p>{PARA}</p><p>{PARA2}</p>{tail}", head="<title>某某_某某网</title>")
    assert body(html)[:2] == [PARA, PARA2]
    assert all("订阅" not in b and "編輯" not in b for b in body(html))


def test_a_closing_reporter_byline_stays_in_an_html_paragraph():
    html = page(f"<p>{PARA}</p><p>{PARA2}（记者：魏伟）</p>", head="<title>某某_某某网</title>")
    assert body(html) == [PARA, PARA2 + "（记者：魏伟）"]


def test_a_bilingual_report_keeps_its_english_lines():
    fragment = (
        "<div><p><strong>中共解放軍進入我西南空域活動情況</strong></p>"
        "<p><strong>PLA aircraft entered Taiwan's southwestern ADIZ</strong></p>"
        "<p>二、機型Aircraft Type:</p><p>運-8遠干機 1架次</p><p>One Y-8 EW</p>"
        "<p>三、活動概要Activity Area:</p><p>活動示意圖、照片</p><p>Flight paths as illustrated</p>"
        "<p>四、空軍應處作為Reactions:</p><p>派遣空中巡邏兵力應對、廣播驅離、防空飛彈追監</p>"
        "<p>Airborne alert sorties had been tasked, radio warnings issued.</p>"
        "<h5>下載專區</h5><p>運8反潛機(同型機) (下載次數：40次)</p></div>"
    )
    assert body(fragment)[-9:] == [
        "二、機型Aircraft Type:", "運-8遠干機 1架次", "One Y-8 EW", "三、活動概要Activity Area:", "活動示意圖、照片",
        "Flight paths as illustrated", "四、空軍應處作為Reactions:", "派遣空中巡邏兵力應對、廣播驅離、防空飛彈追監",
        "Airborne alert sorties had been tasked, radio warnings issued.",
    ]
    assert "PLA aircraft entered Taiwan's southwestern ADIZ" not in body(fragment)


def test_english_lines_of_a_chinese_page_without_bilingual_labels_go():
    article = f"<p>{PARA}</p><p>Share this article with your friends</p><p>{PARA2}</p>"
    assert body(page(article)) == [PARA, PARA2]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # yn.gov.cn: the stamp follows the source after a run of spaces.
        (("来源：云南日报", "  2016-08-11 08:13:00 "), {"source": "云南日报", "published_at": "2016-08-11T08:13:00"}),
        # A newspaper's line: the stamp glued to the source's name.
        (("来源：四川日报 2022-04-08 09:12",), {"source": "四川日报", "published_at": "2022-04-08T09:12"}),
        # A labelled date stands before the one after a name.
        (
            ("发布时间：2024-01-02", " 来源：新华社 2024-01-03 08:00"),
            {"published_at": "2024-01-02", "source": "新华社"},
        ),
    ],
)
def test_a_stamp_after_a_source_is_the_pages_date(runs, expected):
    assert label_fields(runs) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("…喜获小学组一等奖。（特约通讯员：林兴勇）", "林兴勇"),
        ("…顺利举行。（张巨峰）", "张巨峰"),
        ("…圆满结束。（记者 王晓明 李华）", "王晓明 李华"),
        ("…正式启用。（本报通讯员 陈静）", "陈静"),
        ("…发布会。（市教育局）", None),  # an office, not a reporter
        ("…圆满结束。（记者 王晓明 实习生 张三）", "王晓明 张三"),  # an intern's role is no name
    ],
)
def test_trailing_author(line, author):
    assert trailing_author(KeyedLine.of(line)) == author


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        (("发布日期：2024-05-06 撰稿人：王晓明 信息来源：某某日报",), {
            "published_at": "2024-05-06", "author": "王晓明", "source": "某某日报",
        }),
        (("文字：王晓明 图片：李华",), {"author": "王晓明"}),  # a photo credit ends the author's value
        (("文章作者：王晓明", "摄影：李华"), {"author": "王晓明"}),
    ],
)
def test_author_labels_and_photo_credits(runs, expected):
    assert label_fields(runs) == expected


@pytest.mark.parametrize(
    ("value", "source"),
    [("打印", None), ("【打印】", None), ("關閉窗口", None), ("云南日报", "云南日报"), ("新華社", "新華社")],
)
def test_a_toolbar_word_is_no_source(value, source):
    assert clean_source(value) == source


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        (("來源", "：", "新華社"), {"source": "新華社"}),  # the colon a run of its own
        (("作者:王晓明",), {"author": "王晓明"}),
        (("來源 新華社", "作者 王晓明"), {}),  # no colon, no label value
        (("打印", "关闭"), {}),
    ],
)
def test_label_values_need_a_colon_in_some_run(runs, expected):
    assert label_fields(runs) == expected


@pytest.mark.parametrize(
    ("fragment", "title"),
    [
        # A bilingual label followed by its date is no headline (mnd.gov.tw daily report).
        (
            "<div><p><strong>中共解放軍進入我西南空域活動情況</strong></p><p><strong>PLA aircraft entered"
            " the ADIZ</strong></p><p>日期Date:</p><p>中華民國110年1月4日（星期一）</p>"
            "<p>派遣空中巡邏兵力應對、廣播驅離、防空飛彈追監，全程掌握。</p></div>",
            "中共解放軍進入我西南空域活動情況",
        ),
        # A document name set over bold centred paragraphs (gov.cn gazette) is one headline.
        (
            '<div><p>首页 &gt; 国务院公报</p><p align="center"><b>全国人民代表大会常务委员会</b></p>'
            '<p align="center"><b>关于批准某项决定的决议</b></p>'
            '<p align="center">（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>'
            "<p>第十届全国人民代表大会常务委员会第二十八次会议审议了国务院的议案，决定批准该项决定，"
            "同意调整当年年末的余额限额，并要求认真组织实施。</p></div>",
            "全国人民代表大会常务委员会关于批准某项决定的决议",
        ),
        (
            '<div><p align="center"><strong>某某省人民政府办公厅</strong></p>'
            '<p align="center"><strong>关于印发某项实施方案的通知</strong></p><p>发布时间：2024-03-01</p>'
            "<p>各市、县人民政府，省政府各部门：现将某项实施方案印发给你们，请结合实际认真贯彻执行，"
            "确保各项任务落到实处。</p></div>",
            "某某省人民政府办公厅关于印发某项实施方案的通知",
        ),
    ],
)
def test_a_fragments_headline(fragment, title):
    assert field(fragment, "title")[:1] == [title]


@pytest.mark.parametrize(
    ("menu", "visible"),
    [
        # A <title> naming only the column must not pick the menu link of that column.
        ('<a href="/gzdt/">工作动态</a>', "李奕主任出席京港大学联盟理事会暨主题论坛"),
        ('<a href="/zwyw/">政务要闻</a>', "市政府召开第十二次常务会议研究部署重点工作"),
    ],
)
def test_a_column_title_does_not_pick_a_menu_link(menu, visible):
    column = menu.split(">")[1].split("<")[0]
    page = (
        f"<html><head><title>{column}_某某市人民政府</title></head><body><div class='nav'>"
        f"<a href='/'>首页</a> {menu}</div><div><h3>{visible}</h3><p>发布时间：2023-11-30</p>"
        f"<p>{PARA_HTML}</p><p>{PARA_HTML}</p></div></body></html>"
    )
    assert parse(page.encode("utf-8"), path="p.html").title == visible


PARA_HTML = (
    "会议听取了全市一季度经济运行情况汇报，研究部署下一阶段重点工作，要求各地各部门狠抓落实，确保完成全年目标任务。"
)


@pytest.mark.parametrize(
    ("label", "stamp"),
    [
        ("日期Date:", "中華民國110年1月4日（星期一）"),
        ("发布时间：", "2024-03-01 10:20"),
    ],
)
def test_a_lone_label_over_a_date_line_is_not_text(label, stamp):
    page = (
        f"<div><p><strong>某某部发布年度工作情况通报</strong></p><p>{label}</p><p>{stamp}</p>"
        f"<p>{PARA_HTML}</p><p>{PARA_HTML}</p></div>"
    )
    assert body(page) == [PARA_HTML, PARA_HTML]
