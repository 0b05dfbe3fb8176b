"""clean_text: the rules that need the page around a line (headline, repeats, wraps, blocks)."""

from __future__ import annotations

import time

import pytest

from ipextract.clean import Candidate, Extracted
from ipextract.clean.text import clean_text


def first(out: Extracted, name: str) -> str | list[str] | None:
    return next((c.value for c in out.candidates if c.field == name), None)


def test_headline_is_the_first_headline_shaped_line_before_the_article():
    out = clean_text("首页 > 新闻\n\n我市召开经济工作会议\n发布时间：2020-01-02\n\n会议指出,今年经济运行平稳。\n")
    assert first(out, "title") == "我市召开经济工作会议"
    assert first(out, "breadcrumb") == ["首页", "新闻"]
    assert out.blocks == ["会议指出,今年经济运行平稳。"]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("2024-11-30 20:42:06\n记者从国家知识产权局获悉,有效发明专利达到466万件。", "记者从国家知识产权局获悉"),
        ("( 2023-07-24 ) 稿件来源:新华社\n编者按\n数字化的转型升级大潮正在席卷各个产业。", "编者按"),
        ("一、经济总量保持前列\n2021年全区实现生产总值752.14亿元。", "一、经济总量保持前列"),
        ("全区规模以上工业增加值同比增长15.1%,增速高于全市平均水平。", "全区规模以上工业增加值"),
    ],
)
def test_no_title_when_the_page_shows_none(text, opening):
    out = clean_text(text)
    assert first(out, "title") is None
    assert out.blocks[0].startswith(opening)


def test_repeated_title_and_subtitle_are_dropped():
    text = "稳中提质 负压前行\n发布日期: 2022-07-18\n稳中提质 负压前行\n——2021年经济形势分析\n2021年,全区经济平稳。"
    out = clean_text(text)
    assert first(out, "title") == "稳中提质 负压前行"
    assert out.blocks == ["2021年,全区经济平稳。"]
    assert out.removed["meta_lines"] == 3
    assert [r.text for r in out.removed_items if r.kind == "meta_lines"][1:] == [
        "稳中提质 负压前行",
        "——2021年经济形势分析",
    ]


def test_site_name_and_kicker_above_the_headline_are_chrome():
    text = (
        "XX县人民政府门户网站\n当前位置：首页 / 政务公开 / 统计信息\n奋进新征程\n2022年全县经济运行情况\n"
        "作者：县统计局 来源：县统计局 时间：2023-01-20\n2022年,全县实现地区生产总值120.5亿元。\n"
        "一、农业生产稳中有进\n全年粮食总产量15.2万吨。"
    )
    out = clean_text(text)
    assert first(out, "title") == "2022年全县经济运行情况"
    assert first(out, "breadcrumb") == ["首页", "政务公开", "统计信息"]
    assert out.blocks == ["2022年,全县实现地区生产总值120.5亿元。", "一、农业生产稳中有进", "全年粮食总产量15.2万吨。"]
    chrome = [r.text for r in out.removed_items if r.kind == "chrome_lines"]
    assert chrome == ["XX县人民政府门户网站", "奋进新征程"]


def test_labels_below_the_article_rank_after_the_head():
    text = "会议通知\n发布时间：2023-02-10\n会议定于下周召开,请各单位做好准备。\n时间：2023年2月20日\n来源：市政府办"
    out = clean_text(text)
    assert [c.value for c in out.candidates if c.field == "published_at"] == ["2023-02-10", "2023-02-20"]
    assert first(out, "source") == "市政府办"
    assert out.blocks == ["会议定于下周召开,请各单位做好准备。"]


def test_tail_furniture_and_credit_lines():
    text = (
        "标题\n来 源：新华社　作 者：张三\n正文第一段。\n（记者 王五 李六）\n分享到：\n责任编辑：李四\n"
        "上一篇：关于做好专利资助工作的通知\n下一篇：我市举办知识产权培训班\n主办单位：常州市人民政府"
    )
    out = clean_text(text)
    assert out.blocks == ["正文第一段。"]
    assert first(out, "source") == "新华社"
    assert [c.value for c in out.candidates if c.field == "author"] == ["张三", "王五 李六"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("市知识产权局召开2023年工作会议_常州市人民政府", "市知识产权局召开2023年工作会议"),
        ("稳中提质 负压前行 - 椒江新闻网", "稳中提质 负压前行"),
        ("行走新巴蜀·成都丨建圈强链 宜业宜居", "行走新巴蜀·成都丨建圈强链 宜业宜居"),
        ("关于印发《专利资助办法》的通知", "关于印发《专利资助办法》的通知"),
    ],
)
def test_a_page_title_loses_its_site_suffix(head, title):
    out = clean_text(f"{head}\n发布时间：2023-02-10\n{title}\n正文。")
    assert first(out, "title") == title
    assert out.blocks == ["正文。"]


def test_headings_after_the_title_stay_in_the_body():
    out = clean_text("重大项目集中开工\n2015-12-26\n聚焦大项目\n聚焦分会场\n自贡:37个项目集中开工。")
    assert first(out, "title") == "重大项目集中开工"
    assert out.blocks == ["聚焦大项目", "聚焦分会场", "自贡:37个项目集中开工。"]


def test_hard_wrapped_sentences_are_joined_and_headings_are_not():
    text = (
        "标题在这里\n"
        "自贡:37个项目集中开工,总投资249亿元,包括自贡凤鸣通用机场、自贡恐龙景观艺术生产线、\n"
        "贡井区金鱼河人工湿地等项目。\n"
        "高起点谋划 布局知识产权制度创新试验田\n"
        "泸州:67个项目集中开工。其中,川南城际铁路为省上开工项目,其余的开工项目在全市各区县\n"
        "一、总投资420.6亿元。\n"
        "南充:62个项目集中开工,总投资335.7亿元。2016年计划完\n"
        "成投资108.8亿元。"
    )
    out = clean_text(text)
    assert out.blocks == [
        "自贡:37个项目集中开工,总投资249亿元,包括自贡凤鸣通用机场、自贡恐龙景观艺术生产线、贡井区金鱼河人工湿地等项目。",
        "高起点谋划 布局知识产权制度创新试验田",
        "泸州:67个项目集中开工。其中,川南城际铁路为省上开工项目,其余的开工项目在全市各区县",
        "一、总投资420.6亿元。",
        "南充:62个项目集中开工,总投资335.7亿元。2016年计划完成投资108.8亿元。",
    ]


def test_spam_template_block_and_following_titles_are_one_block():
    text = (
        "正文第一段,内容很长,这里是一段正常的新闻文字,讲述了工作进展。\n"
        "主站蜘蛛池模板: 国产成人亚洲精品无码| 三上悠亚在线网站\n"
        "欧美性活一级视频| 国产精品无码电影在线观看|\n"
        "米兰厉云封免费阅读完结| 两个人一上一下剧烈运动|\n"
    )
    out = clean_text(text)
    assert out.blocks == ["正文第一段,内容很长,这里是一段正常的新闻文字,讲述了工作进展。"]
    assert out.removed["spam_blocks"] == 1
    assert len([r for r in out.removed_items if r.kind == "spam_blocks"]) == 3


def test_a_template_block_at_the_top_ends_where_the_page_begins():
    text = (
        "主站蜘蛛池模板: 国产成人亚洲精品无码| 三上悠亚在线网站|\n"
        "欧美性活一级视频| 国产精品无码电影在线观看|\n"
        "首页 > 新闻\n我市召开经济工作会议\n发布时间：2020-01-02\n会议指出,今年经济运行平稳。"
    )
    out = clean_text(text)
    assert first(out, "title") == "我市召开经济工作会议"
    assert first(out, "breadcrumb") == ["首页", "新闻"]
    assert out.blocks == ["会议指出,今年经济运行平稳。"]
    assert out.removed["spam_blocks"] == 1


def test_spam_anywhere_and_inside_a_sentence():
    text = (
        "这是标题\n"
        "第一段正文内容。\n"
        "91av精品网站|欧美精品一区二区三区va|麻豆传媒md0021在线观看|国产精成人品成人爱v|91制片厂东哥杨柳\n"
        "从以上数据可以看出,*365体育滚球_365体育彩票-投注*官网@县科技产业园区建设成效显著。"
    )
    out = clean_text(text)
    assert out.blocks == ["第一段正文内容。", "从以上数据可以看出,县科技产业园区建设成效显著。"]
    assert out.removed["spam_blocks"] == 2
    assert [r.text for r in out.removed_items if r.kind == "spam_blocks"][-1] == "*365体育滚球_365体育彩票-投注*官网@"


def test_bylines_give_the_author_and_closing_ones_leave_the_body():
    out = clean_text("本报讯(记者 张三)日前,会议召开。\n会议要求抓好落实。(经济日报记者 李思雨)")
    assert out.blocks == ["本报讯(记者 张三)日前,会议召开。", "会议要求抓好落实。"]
    assert [c.value for c in out.candidates if c.field == "author"] == ["李思雨", "张三"]


def test_candidates_come_best_first():
    text = "成文日期: 2022-07-18\n标题\n0 四川日报 2022年04月08日\n发布日期: 2022-07-18 14:50 来源: 区政府\n正文。"
    out = clean_text(text)
    dates = [c.value for c in out.candidates if c.field == "published_at"]
    sources = [c.value for c in out.candidates if c.field == "source"]
    assert dates == ["2022-07-18T14:50", "2022-04-08", "2022-07-18"]
    assert sources == ["区政府", "四川日报"]
    assert isinstance(out.candidates[0], Candidate)


def test_pinyin_glossed_labels_still_match_and_keep_pinyin_keeps_body_glosses():
    text = "標題\n發(fā)布時(shí)間:2015-12-26 來(lái)源:四川日報\n開發(fā)區(qū)建設加快。"
    out = clean_text(text)
    assert first(out, "source") == "四川日報"
    assert out.blocks == ["開發區建設加快。"]
    assert out.removed["pinyin_annotations"] == 5
    kept = clean_text(text, keep_pinyin=True)
    assert first(kept, "source") == "四川日報"
    assert kept.blocks == ["開發(fā)區(qū)建設加快。"]


def test_every_removal_is_counted_and_listed():
    text = (
        "首页 > 新闻\n您好!今天是 :\n标题\n时间：2020-01-02 来源：新华社\n【打印】 【关闭】\n"
        "正文第一段。\n网站标识码:3204000028  苏ICP备05003616号"
    )
    out = clean_text(text)
    kinds = {r.kind: r.text for r in out.removed_items}
    assert out.removed["breadcrumb_lines"] == 1
    assert out.removed["meta_lines"] == 1
    assert out.removed["chrome_lines"] == 3
    assert kinds["meta_lines"] == "时间：2020-01-02 来源：新华社"
    assert out.blocks == ["正文第一段。"]


def test_nothing_but_chrome_gives_no_blocks():
    out = clean_text("|\n|\n【打 印】\n\n   \n")
    assert out.blocks == []
    assert out.candidates == []


@pytest.mark.parametrize(
    "text",
    [
        "?" * 100_000,
        "|" * 100_000,
        "中" + "?" * 100_000 + "文",
        "發(fā)" * 100_000,
        "2019-07-29 " * 100_000,
        "体育滚球_" * 100_000,
        "首页 > " * 100_000,
        "来源:" * 100_000,
        "国产精品|" * 50_000,
        "中 " * 300_000,
    ],
)
def test_hostile_lines_clean_fast(text):
    start = time.perf_counter()
    clean_text(text)
    assert time.perf_counter() - start < 3.0


def test_a_megabyte_line_of_article_text_cleans_fast(fixtures):
    para = max((fixtures / "seed-hp-ip.txt").read_text(encoding="utf-8").splitlines()[:-1], key=len)
    text = (para * (1_000_000 // len(para) + 1))[:1_000_000]
    start = time.perf_counter()
    out = clean_text(text)
    assert time.perf_counter() - start < 3.0
    assert len(out.blocks) == 1


@pytest.mark.parametrize(
    ("page", "title", "blocks"),
    [
        # A county statistics bureau's bulletin pasted from a forum editor (q19), on one line.
        (
            "[align=center][color=rgb(51, 51, 51)][font=宋体][size=3] [b]20[/b][b]22[/b][b]年统计公报[/b]"
            "[/size][/font][/color][/align][align=left][size=3]  2022年,全县生产总值增长6.4%。[/size][/align]"
            "[align=left][size=3]一、综 合[/size][/align]",
            "2022年统计公报",
            ["2022年,全县生产总值增长6.4%。", "一、综 合"],
        ),
        # A Discuz post: paragraphs in [p], a link and an image.
        (
            "[p][url=http://bbs.example.cn/1]市政府常务会议召开[/url][/p][p]会议研究了三项议题。[/p]"
            "[img]http://bbs.example.cn/a.jpg[/img][p]会议要求各部门抓好落实。[/p]",
            "市政府常务会议召开",
            ["会议研究了三项议题。", "会议要求各部门抓好落实。"],
        ),
        # Too few tags to be markup: a bracketed note stays.
        ("全年增长6.4%[1]。\n[b]注[/b]:初步核算数。", None, ["全年增长6.4%[1]。", "[b]注[/b]:初步核算数。"]),
    ],
)
def test_forum_markup_is_unwrapped_into_paragraphs(page, title, blocks):
    out = clean_text(page)
    assert (first(out, "title"), out.blocks) == (title, blocks)


ZH1 = "1-7月份,全国规模以上工业企业实现利润总额39038.1亿元,同比增长17.1%。"
ZH2 = "1-7月份,国有控股企业实现利润总额11913.2亿元,同比增长30.5%。"
EN1 = "From January to July, the total profits of industrial enterprises reached 3903.81 billion yuan."
ES1 = "De enero a julio, los beneficios totales de las empresas industriales superaron los 390.830 millones."
EN2 = "From January to July, state-controlled enterprises achieved a total profit of 1191.32 billion yuan."
FR2 = "De janvier à juillet, les entreprises contrôlées par l'État ont réalisé un bénéfice total de 1191 milliards."


@pytest.mark.parametrize(
    ("page", "blocks"),
    [
        # A translation mirror (q10): every paragraph rendered in two languages.
        ("\n".join([ZH1, EN1, ES1, "", ZH2, EN2, FR2]), [ZH1, ZH2]),
        ("\n".join(["2018-08-27 11:51", "2018-08-27 11:51.", ZH1, EN1, ES1, ZH2, EN2, FR2]), [ZH1, ZH2]),
        # A bilingual original renders each item once: its English stays (a ministry report).
        ("\n".join([ZH1, EN1, ZH2, EN2]), [ZH1, EN1, ZH2, EN2]),
        # One paragraph rendered twice is not yet a mirror.
        ("\n".join([ZH1, EN1, ES1, ZH2]), [ZH1, EN1, ES1, ZH2]),
    ],
)
def test_translation_mirror_renderings_leave_the_body(page, blocks):
    assert clean_text(page).blocks == blocks


LEAD = "全县地区生产总值增长12.6%达92.9亿元,城乡常住居民人均可支配收入分别增长12%和13%。"


@pytest.mark.parametrize(
    ("page", "title", "blocks"),
    [
        # Titles listed under a related-links label after the article go.
        (
            f"全县经济运行平稳\n来源：县统计局\n{LEAD}\n相关新闻\n某某新闻标题一\n某某新闻标题二",
            "全县经济运行平稳",
            [LEAD],
        ),
        (f"{LEAD}\n相关阅读：\n全市召开经济工作会议\n我县举行项目集中开工仪式", None, [LEAD]),
        # Before the article, 上一篇 links do not eat the headline.
        (f"上一篇：某某标题\n全县经济运行平稳\n来源：县统计局\n{LEAD}", "全县经济运行平稳", [LEAD]),
        # Picture credits and captions.
        (f"{LEAD}\n市民在公园赏花。张三供图", None, [LEAD]),
        (f"{LEAD}\n（示意图／图取自Pixabay）", None, [LEAD]),
    ],
)
def test_link_lists_and_captions_after_the_article_go(page, title, blocks):
    out = clean_text(page)
    assert (first(out, "title"), out.blocks) == (title, blocks)


@pytest.mark.parametrize(
    ("page", "title", "blocks"),
    [
        # A county bulletin (q19 shape): title, issuer, date.
        (
            f"2022年闻喜县国民经济和社会发展统计公报\n闻喜县统计局\n2023年4月11日\n{LEAD}",
            "2022年闻喜县国民经济和社会发展统计公报",
            [LEAD],
        ),
        # A budget report (q05 shape): title, dateline, issuer, salutation.
        (
            f"黄平县2022年预算执行情况的报告\n(2023年2月8日在县第十七届人民代表大会第二次会议上)\n黄平县财政局\n各位代表:\n{LEAD}",
            "黄平县2022年预算执行情况的报告",
            ["各位代表:", LEAD],
        ),
        # Joint issuers side by side under the title (q06, zjzd.stats.gov.cn; the second synthetic).
        (
            "2023年浙江省国民经济和社会发展统计公报\n来源:     时间:2024-03-04\n"
            f"浙江省统计局 国家统计局浙江调查总队\n{LEAD}",
            "2023年浙江省国民经济和社会发展统计公报",
            [LEAD],
        ),
        (
            f"2022年某某市国民经济和社会发展统计公报\n某某市统计局 国家统计局某某调查队\n2023年3月20日\n{LEAD}",
            "2022年某某市国民经济和社会发展统计公报",
            [LEAD],
        ),
        # A line naming a body inside the text stays.
        (f"全县经济运行平稳\n来源：县统计局\n{LEAD}\n黄平县财政局", "全县经济运行平稳", [LEAD, "黄平县财政局"]),
    ],
)
def test_an_issuer_under_the_title_is_neither_title_nor_text(page, title, blocks):
    out = clean_text(page)
    assert (first(out, "title"), out.blocks) == (title, blocks)


_P1 = "今年以来，全市知识产权工作稳步推进，专利授权量持续增长，企业创新能力明显增强。"
_P2 = "下一步，将继续加大知识产权保护力度，优化营商环境，激发全社会创新活力。"
_COMMENT = "网友甲：这项政策很好，希望继续坚持，让更多企业受益。"
_OPINIONS = "网友评论这项政策时普遍认为，审批时间明显缩短。"


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        # A news site's thread and a portal's: every line under the label is a reader's.
        (["网友评论", "已有3条评论", _COMMENT], []),
        (["【最新评论】", _COMMENT, "网友乙：点赞！"], []),
        (["全部评论（2）", _COMMENT], []),
        # A sentence that opens with the words is text, and so is what follows it.
        ([_OPINIONS, _COMMENT], [_OPINIONS, _COMMENT]),
    ],
)
def test_comment_threads_after_the_text_are_dropped(tail, kept):
    text = "\n".join(["某市知识产权工作稳步推进", "2024-03-01 来源：某市日报", _P1, _P2, *tail])
    assert clean_text(text).blocks == [_P1, _P2, *kept]


def test_a_comment_label_before_the_text_has_begun_is_not_a_thread():
    text = "\n".join(["网友评论", "某市知识产权工作稳步推进", "2024-03-01 来源：某市日报", _P1, _P2])
    assert clean_text(text).blocks == [_P1, _P2]


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # A disclosure page's title row ends in a run of empty cells (q14, shangyu.gov.cn).
        (
            "索引号: | 002590358/2022-77135 | 公开方式: | 主动公开 |\n"
            "2013年上虞区国民经济和社会发展统计公报 | ||||||||||||\n" + LEAD,
            "2013年上虞区国民经济和社会发展统计公报",
        ),
        # The same row with its empty cells spaced out (synthetic).
        (f"关于做好2023年专利资助工作的通知 | | | |\n{LEAD}", "关于做好2023年专利资助工作的通知"),
    ],
)
def test_a_title_row_loses_its_empty_cells(page, title):
    out = clean_text(page)
    assert (first(out, "title"), out.blocks) == (title, [LEAD])


@pytest.mark.parametrize(
    ("page", "title", "blocks"),
    [
        # The headline set again in pieces above the issuer and the day (q18, zizhou.gov.cn).
        (
            "子洲县二〇二三年国民经济和社会发展统计公报\n子洲县二〇\n国民经济和社会发展统计公报\n"
            f"子洲县统计局\n2024年4月15日\n{LEAD}",
            "子洲县二〇二三年国民经济和社会发展统计公报",
            [LEAD],
        ),
        # The same with a date label under the pieces (synthetic).
        (
            f"关于2023年全市专利资助工作的通知\n关于2023年\n专利资助工作的通知\n发布日期：2023-05-06\n{LEAD}",
            "关于2023年全市专利资助工作的通知",
            [LEAD],
        ),
        # One shorter line under the headline is a kicker, not a broken repeat: it stays.
        (
            f"行走新巴蜀·成都丨建圈强链 宜业宜居\n行走新巴蜀\n{LEAD}",
            "行走新巴蜀·成都丨建圈强链 宜业宜居",
            ["行走新巴蜀", LEAD],
        ),
    ],
)
def test_a_headline_repeated_in_pieces_is_the_headline(page, title, blocks):
    out = clean_text(page)
    assert (first(out, "title"), out.blocks) == (title, blocks)


_SECTION = "初步核算,上半年全市实现地区生产总值11413.8亿元,同比增长6.7%。"
_SECTION2 = "上半年,全市实现市场消费总额8994.6亿元,同比增长7.2%。"


@pytest.mark.parametrize(
    ("page", "blocks"),
    [
        # A tab's label above the first of the article's headings (q07, a Beijing review mirror).
        (
            f"2016年1-6月全市经济运行简况\n全社会固定资产投资\n地区生产总值增长6.7%\n{_SECTION}\n"
            f"实现市场消费总额增长7.2%\n{_SECTION2}",
            ["地区生产总值增长6.7%", _SECTION, "实现市场消费总额增长7.2%", _SECTION2],
        ),
        # The same under a date line (synthetic).
        (
            f"全市经济运行情况\n发布日期：2016-07-20\n图表\n工业生产平稳\n{_SECTION}\n消费市场回暖\n{_SECTION2}",
            ["工业生产平稳", _SECTION, "消费市场回暖", _SECTION2],
        ),
        # Two labels over a text without headings may be a heading and its subheading (p04): kept.
        (
            f"全省重大项目集中开工\n2015-12-26\n聚焦大项目\n聚焦分会场\n{_SECTION}\n{_SECTION2}",
            ["聚焦大项目", "聚焦分会场", _SECTION, _SECTION2],
        ),
    ],
)
def test_a_label_above_the_first_section_heading_goes(page, blocks):
    assert clean_text(page).blocks == blocks


@pytest.mark.parametrize(
    ("page", "blocks"),
    [
        # A data table's rows keep their frame, the last one cut short (q15, a bulletin mirror).
        (
            f"{LEAD}\n| 指 标 | 絕對數(億元) | 比上年增長% |\n| 地區生產總值 | 2313.0 | 5.2 |\n| 建筑業 | 18",
            [LEAD, "| 指 标 | 絕對數(億元) | 比上年增長% |", "| 地區生產總值 | 2313.0 | 5.2 |", "| 建筑業 | 18"],
        ),
        # A row with full-width bars (synthetic); a lone bar and a row of empty cells go.
        (f"{LEAD}\n|\n｜ 粮食总产量 ｜ 16.28万吨 ｜\n| | |", [LEAD, "｜ 粮食总产量 ｜ 16.28万吨 ｜"]),
    ],
)
def test_table_rows_keep_their_frame(page, blocks):
    assert clean_text(page).blocks == blocks


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # A headline under a disclosure table's title label (synthetic: 标题, 文件名称, Traditional).
        (f"标题：某某市专利授权量再创新高\n发布日期：2023-05-06\n{LEAD}", "某某市专利授权量再创新高"),
        (f"文件名称: 关于印发某某县专利资助办法的通知\n{LEAD}", "关于印发某某县专利资助办法的通知"),
        (f"標題：某某市專利授權量再創新高\n{LEAD}", "某某市專利授權量再創新高"),
        # A colon inside a headline that is not a title label stays.
        (f"某某县:8个项目总投资6.2亿元\n{LEAD}", "某某县:8个项目总投资6.2亿元"),
    ],
)
def test_a_title_label_is_not_part_of_the_headline(page, title):
    out = clean_text(page)
    assert (first(out, "title"), out.blocks) == (title, [LEAD])


def test_a_part_heading_over_its_first_section_heading_stays():
    """Headings over headings further down: the line over the first heading is a heading too."""
    page = (
        f"政府工作报告\n2022年工作回顾\n过去一年,我们凝心聚力强产业\n{_SECTION}\n"
        f"2023年工作安排\n今年,我们将聚焦项目建设\n{_SECTION2}"
    )
    assert clean_text(page).blocks[:2] == ["2022年工作回顾", "过去一年,我们凝心聚力强产业"]


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # A site's name over the headline reads like an issuer: the date line anchors (synthetic).
        (
            f"繁体版 | 无障碍 | 智能问答\n某某市人民政府\n某某市专利授权量再创新高\n发布时间：2023-05-06\n{LEAD}",
            "某某市专利授权量再创新高",
        ),
        (f"某某县统计局\n2023年某某县统计公报\n2024年3月20日\n{LEAD}", "2023年某某县统计公报"),
        # An issuer under the title with no date line still anchors it.
        (f"2022年闻喜县国民经济和社会发展统计公报\n闻喜县统计局\n{LEAD}", "2022年闻喜县国民经济和社会发展统计公报"),
    ],
)
def test_a_date_line_anchors_the_headline_before_an_issuer_does(page, title):
    assert first(clean_text(page), "title") == title


@pytest.mark.parametrize(
    "tail",
    [
        "热门文章\n某某县召开经济工作会议\n某某市发布2023年统计公报",
        "【猜你喜欢】\n某某县召开经济工作会议",
        "相关推荐：\n某某县召开经济工作会议",
    ],
)
def test_a_related_links_label_goes_with_its_list(tail):
    assert clean_text(f"全县经济运行平稳\n来源：县统计局\n{LEAD}\n{tail}").blocks == [LEAD]


def test_a_sentence_opening_with_a_links_word_stays():
    line = "往期回顾：2023年第一季度经济运行情况良好，全市生产总值增长5%。"
    assert clean_text(f"全县经济运行平稳\n来源：县统计局\n{LEAD}\n{line}").blocks == [LEAD, line]
