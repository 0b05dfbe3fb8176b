"""Line rules on their own: breadcrumb, metadata labels, chrome, spam, bylines."""

from __future__ import annotations

import re

import pytest

from ipextract.clean.html.dom import parse_html
from ipextract.clean.html.layout import lay_out
from ipextract.clean.keys import KeyedLine, line_key
from ipextract.clean.line_rules import classify_line, is_spam_text, parse_breadcrumb, spam_or_breadcrumb
from ipextract.clean.meta_lines import MetaField, closing_credit, leading_byline_author, parse_meta_line
from ipextract.clean.spam import is_spam_line, remove_inline_spam
from ipextract.clean.vocab import han_outside, words
from ipextract.convert import to_simplified
from ipextract.decode import decode
from ipextract.han import HAN_RANGES

# -- breadcrumb ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("首页 > 政务公开 > 知识产权工作动态", ["首页", "政务公开", "知识产权工作动态"]),
        ("首頁 > 政務公開 > 重點領域信息公開專欄", ["首頁", "政務公開", "重點領域信息公開專欄"]),
        ("您的位置:首页 >> 统计信息 >> 内容", ["首页", "统计信息", "内容"]),
        ("当前位置：首页 » 新闻中心 » 正文", ["首页", "新闻中心", "正文"]),
        ("首页 › 新闻 › 本地", ["首页", "新闻", "本地"]),
        ("首页＞新闻动态＞工作动态", ["首页", "新闻动态", "工作动态"]),
        ("首页 / 政务公开 / 通知公告", ["首页", "政务公开", "通知公告"]),
        ("当前位置：网站首页/新闻", ["网站首页", "新闻"]),
        ("合江新聞網(wǎng)> 媒體關(guān)注> 今日要聞> 瀏覽文章", ["合江新聞網", "媒體關注", "今日要聞", "瀏覽文章"]),
        ("首页 > 新闻 >", ["首页", "新闻"]),
        ("新闻中心 > 正文", ["新闻中心", "正文"]),
        # A year's archive column as the last level.
        ("首页 >> 综合要闻 >> 本市要闻 >> 2024", ["首页", "综合要闻", "本市要闻", "2024"]),
        ("当前位置：首页 > 统计数据 > 2023", ["首页", "统计数据", "2023"]),
    ],
)
def test_breadcrumb_separators_and_prefixes(line, items):
    assert parse_breadcrumb(line) == items
    assert classify_line(line) == "breadcrumb"


@pytest.mark.parametrize(
    "line",
    [
        "制圖/姜宣憑",  # a credit, not a path
        "增速 > 5%",
        "2019/07/29",
        "2019 > 2020",
        "首页 / 新闻 / 2024",  # a slash before a year may be a date's
        "中評社北京1月30日電/據《人民日報》報導,遼寧大連28日舉行重點項目開工活動。",
        "http://www.crntt.hk/doc/1.html",
        "高起点谋划 布局知识产权制度创新试验田",
    ],
)
def test_not_a_breadcrumb(line):
    assert parse_breadcrumb(line) is None


# -- metadata -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "時間 : 2019-07-29 10:14:29 來源 : 南方日報網絡版",
            {"published_at": "2019-07-29T10:14:29", "source": "南方日報網絡版"},
        ),
        (
            "时间：2019-07-29 10:14:29 来源：南方日报网络版",
            {"published_at": "2019-07-29T10:14:29", "source": "南方日报网络版"},
        ),
        ("发布日期:2019-09-24 09:26 [ ] 浏览次数:", {"published_at": "2019-09-24T09:26"}),
        ("發佈時間：2020年1月2日　點擊數：35", {"published_at": "2020-01-02"}),
        ("发布时间：2020年1月2日 作者：张三 李四", {"published_at": "2020-01-02", "author": "张三 李四"}),
        (
            "来源: 作者:区发改委 发布时间:2019年05月29日 浏览次数:",
            {"published_at": "2019-05-29", "author": "区发改委"},
        ),
        ("信息来源：市统计局", {"source": "市统计局"}),
        ("資訊來源：行政院主計總處", {"source": "行政院主計總處"}),
        ("来源:市统计局办公室", {"source": "市统计局办公室"}),
        ("( 2023-07-24 ) 稿件來源:新華社", {"published_at": "2023-07-24", "source": "新華社"}),
        ("本文來源:四川在線-四川日報責任編輯:黃歡_NN1650", {"source": "四川在線-四川日報"}),
        ("作者:制圖姜宣憑", {"author": "姜宣憑"}),
        (
            "发布日期: 2022- 07- 18 14: 50 访问次数: 信息来源: 椒江区人民政府",
            {"published_at": "2022-07-18T14:50", "source": "椒江区人民政府"},
        ),
        ("發(fā)布時(shí)間:2015-12-26 來(lái)源:四川日報", {"published_at": "2015-12-26", "source": "四川日報"}),
        # 成文日期 (the day the document was signed) ranks below 发布日期
        ("成文日期: 2022-07-18 发布日期: 2022-07-18 14:50", {"published_at": "2022-07-18T14:50"}),
        # a 政府信息公开 table rendered with "|"
        ("有效性 | 有效 | 公开日期: | 2019-04-23 08:42 |", {"published_at": "2019-04-23T08:42"}),
        ("索引号 | xzfgzbmtjj/2019-0004 | 公开目录: | 统计信息 |", {}),
        # unlabelled date lines
        ("2017-04-10 08:56 眉山網(wǎng)", {"published_at": "2017-04-10T08:56", "source": "眉山網"}),
        ("0 四川日報 2022年04月08日", {"published_at": "2022-04-08", "source": "四川日報"}),
        ("2023-01-30 14:52:09", {"published_at": "2023-01-30T14:52:09"}),
        ("2024年11月30日 星期六", {"published_at": "2024-11-30"}),
        # label lines without a field
        ("责任编辑：张三", {}),
        ("編輯：李四", {}),
        ("浏览次数：1024", {}),
        ("信息索引号: 113310020026732928/2022-145483  主题分类:", {}),
        ("制圖/姜宣憑", {"author": "姜宣憑"}),
        ("本报记者 张三", {"author": "张三"}),
        ("（记者 王五 通讯员 李六）", {"author": "王五 李六"}),
        ("【责任编辑：张三】", {}),
        # spaced-out labels of old templates, more source labels, labels without a date value
        ("来 源：新华社　作 者：张三", {"source": "新华社", "author": "张三"}),
        ("資料來源：經濟部智慧財產局", {"source": "經濟部智慧財產局"}),
        ("发表于 2023-01-02", {"published_at": "2023-01-02"}),
        ("来源：中国政府网 | 2023-05-04", {"source": "中国政府网", "published_at": "2023-05-04"}),
    ],
)
def test_meta_lines(line, fields):
    assert classify_line(line) == "meta"
    assert parse_meta_line(line) == fields


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # A key-value table row read as one line names no source beside its date.
        ("行政区域 芷江侗族自治县 公告时间 2021年06月10日 17:35", {"published_at": "2021-06-10T17:35"}),
        ("发布机构 某某市财政局 发布日期 2023-05-04", {"published_at": "2023-05-04"}),
        # A blog post's info bar: poster, category, view and comment counts.
        ("2019年09月11日 富达传媒 时政新闻 1665 0", {"published_at": "2019-09-11"}),
        ("2021-03-02 08:15 某某资讯网 社会新闻 328 12", {"published_at": "2021-03-02T08:15"}),
        # One or two names without counters are the source.
        ("2017-04-10 08:56 眉山网", {"published_at": "2017-04-10T08:56", "source": "眉山网"}),
        ("0 四川日报 2022年04月08日", {"published_at": "2022-04-08", "source": "四川日报"}),
        # A byline beside the date names the author.
        ("2024-05-06 10:00 通讯员 李华 记者 王小明", {"published_at": "2024-05-06T10:00", "author": "李华 王小明"}),
    ],
)
def test_table_rows_beside_a_date_name_no_source(line, fields):
    assert parse_meta_line(line) == fields


@pytest.mark.parametrize(
    "line",
    [
        "(2023年2月8日在县第十七届人民代表大会第二次会议上)",  # a county budget report (q05)
        "（2024年1月15日在市十七届人民代表大会第四次会议上）",  # a city work report
        "（二〇二三年十二月二十日在全省经济工作会议上的讲话）",  # a speech, numerals
        "(2018年5月15日)",  # a statistics release's date under its title (q13)
    ],
)
def test_a_dateline_under_a_title_is_meta(line):
    assert classify_line(line) == "meta"


@pytest.mark.parametrize(
    "line",
    [
        "数据来源：国家统计局。",  # a label glued to a word is part of the sentence
        "会议时间：2019年5月8日上午",
        "2019年7月29日国务院常务会议",  # a headline that starts with a date
        "记者节快乐",  # a role glued to other words is not a credit
        "记者从9月29日召开的全市投资促进会上获悉,今年1至8月,全市完成招商引资区外到位资金503.5亿元。",
    ],
)
def test_body_lines_with_label_words_are_not_meta(line):
    assert classify_line(line) == "body"


# -- chrome -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "|",
        " | ",
        "--------",
        "【大 中 小】",
        "【打 印】",
        "【打印】 【字體:",
        "打印 关闭",
        "【列印】【關閉】",
        "字号：大 中 小",
        "http://www.crntt.hk",
        "您好!今天是 :",
        "主办单位:常州市统计局",
        " 办公地址:常州市龙城大道1280号市行政中心1号楼B座3层  网站地图",
        "联系电话:0519-85683051  技术支持电话:0519-85685023(工作日9:00-17:00)",
        "网站支持IPV6  推荐使用1024*768或以上分辨率,并使用IE9.0或以上版本浏览器",
        "苏公网安备32041102000483号  网站标识码:3204000028  苏ICP备05003616号",
        "首 页 通知公告 统计动态 统计信息 统计数据 政府信息公开 办事服务 政民互动",
        "4月7日,,建設(shè)中的京東方成都車載顯示基地項目工地一片繁忙,。 記者 華小峰 攝",
        "图为项目建设现场。",
        "（新华社记者 李四 摄）",
        "上一篇：关于做好2023年专利资助工作的通知",
        "Copyright © 2023 XX县人民政府 All Rights Reserved",
        "友情链接：",
        "中国政府网 | 江苏省人民政府 | 常州市人民政府 | 苏州市人民政府",
        "【字号：大 中 小】 【我要打印】 【关闭】",
        # Share and follow prompts (q11 stats mirror, q17 Macao GCS, zj-ct, rthk).
        "掃描二維碼分享",
        "分享至:",
        "分享工具",
        "Loading",
        "未能播放Youtube视频",
        "订阅新闻局Telegram政府新闻频道:https://t.me/macaogcs,即时接收最新消息。",
        "澳门特别行政区政府新闻局 Facebook",
        # A report site's bulleted info box.
        "  • 城市:全國",
        "  • 報告類型:權威報告",
        # A search box (q16 statistics mirror; the same words on qingdao, hefei and chinadaily pages).
        "站內搜索: 高級搜索",
        "全文检索 搜索",
        # An archive's year menu, newest first (q16; the second is a synthetic archive page).
        "統計公報年度索引: 2023 2022 2021 2020 2019 2018 2017 2016 2015 2014 2013 [ 統計公報分省總索引 ]",
        "往期回顾：2024 2023 2022 2021 2020 2019 2018 2017 2016",
        # A numbered chart's caption, the chart lost (q06 zjzd.stats; the NBS bulletins' `图N` form).
        "1  2013-2023年全省生产总值及增速",
        "2  2023年各产业、行业增加值占全省生产总值比重",
        "图1 2019-2023年全国居民人均可支配收入及其增长速度",
        # English toolbar buttons of bilingual sites, and a picture credit on its own line.
        "Print",
        "Close window",
        "Back to top",
        "受访者供图",
        # A government portal's top bar (synthetic, from the shapes of gov.cn portals).
        "繁体版 | 无障碍 | 智能问答",
        "无障碍浏览 | 长者模式",
        "登录 | 注册",
        "English | 繁體",
        "网站纠错",
        "本网站由某某市人民政府办公室主办",
        # A mirror's permalink, tags, disclaimer, document facts and buttons under the article.
        "本文链接：http://www.example.com/a/1.html",
        "文章标签：统计公报 国民经济",
        "免责声明：本站部分内容来源于网络，如有侵权请联系删除。",
        "文档格式：doc",
        "下载文档",
        "收藏本文",
        "举报/反馈",
        # A content farm's notes to its readers, and pagers (report-collection mirrors, synthetic).
        "以下是小编为大家整理的2023年政府工作报告，欢迎阅读！",
        "以上就是小编为大家整理的全部内容，希望对你有所帮助。",
        "本文来源于网络，版权归原作者所有。",
        "第1页 共3页",
        "首页 上一页 1 2 3 下一页 尾页",
    ],
)
def test_chrome_lines(line):
    assert classify_line(line) == "chrome"


@pytest.mark.parametrize(
    "line",
    [
        "张三 李四 王五 赵六 钱七",  # names are short words, but not a menu
        "村里组织人员进行拍摄",
        "为企业提供技术支持,帮助企业解决融资难题",
        "高起点谋划 布局知识产权制度创新试验田",
        "编者按",
        "• 推进:加快项目建设进度,确保按期完工。",  # a bulleted point, not a facet
        "该局开通Facebook专页,市民可通过专页查询最新消息,全年浏览量超过20万人次。",
        "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）",  # a law's adoption note
        "指标 2019 2020 2021 2022 2023",  # a table's header row: its years run oldest first
        "2024 2023 2021 2020 2019",  # not a run of years
        "指标 2023 2022 2021 2020 2019",  # a table's header row, newest first: too few for a menu
        "检索结果显示,共有5家企业。",
        "表1 上虞经济社会发展主要指标",  # a table's caption: its table may follow
        "1 金伟明 丽水市博物馆 副研究馆员",  # a numbered table row
        "3 2023年全市工业增加值增长8%",
        "Top News",
        "本文图片均由受访者提供",
        "注册资本500万元",
        "该数据来源于网络调查，共有1200人参与。",
        "12 15 18",  # numbers alone may be a table's row
        "登录网站查询",
    ],
)
def test_body_lines_that_look_like_chrome(line):
    assert classify_line(line) == "body"


# -- spam ---------------------------------------------------------------------------------------

SEED_SPAM = "主站蜘蛛池模板: 国产成人亚洲精品无码车a| 三上悠亚在线网站| 米兰厉云封免费阅读完结| 欧美性活一级视频|"
LINK_FARM = (
    "董小宛天美传媒兄妹在干嘛|91av精品网站|欧美精品一区二区三区va|麻豆传媒md0021在线观看|国产精成人品成人爱v|"
    "甲状腺手术治疗期间能吃西瓜吗|91制片厂东哥杨柳|思思影院,亚洲薄码转帖区,含羞草影院超污麻豆传媒"
)


@pytest.mark.parametrize(
    "line",
    [
        SEED_SPAM,
        LINK_FARM,
        "澳门新葡京娱乐城官网真人百家乐线上老虎机注册送彩金",  # dense, no separators
        "最新电影_国产精品_在线观看_高清视频_免费下载_亚洲精品",  # titles joined by "_"
    ],
)
def test_spam_lines(line):
    assert classify_line(line) == "spam"


@pytest.mark.parametrize(
    "line",
    [
        "2014年、2015年?yáng)|坡區(qū)連續(xù)兩年被評(píng)為全省縣域經(jīng)濟(jì)發(fā)展先進(jìn)區(qū)",
        "新闻 | 我市召开全市经济工作会议",
        "指标 | 一季度 | 增速 | 占比 | 备注",
        "警方破获一起网络赌博案件,涉案赌资达2亿元,打掉百家乐赌博窝点3个。",
        "福利彩票和体育彩票销售额同比增长12%",
        "Java 开发者大会在京举行",
        "警方破获利用蜘蛛池进行网络诈骗的案件。",
    ],
)
def test_legitimate_lines_survive(line):
    assert classify_line(line) == "body"
    assert not is_spam_line(line)


@pytest.mark.parametrize(
    ("line", "clean", "cut"),
    [
        # A stats bureau page (q09): a gambling brand and spam words glued into the sentence.
        (
            "2025年上半年,bet36体育在线:地区生产总值为3022亿元。",
            "2025年上半年,地区生产总值为3022亿元。",
            ["bet36体育在线:"],
        ),
        ("全县共有188bet官网娱乐企业32家。", "全县共有企业32家。", ["188bet官网娱乐"]),
        # Brands without spam words after them, and ordinary tokens, stay.
        ("G20峰会在杭州举行,5G基站新增1.2万个。", "G20峰会在杭州举行,5G基站新增1.2万个。", []),
        ("COVID19疫苗接种率达90%。", "COVID19疫苗接种率达90%。", []),
        ("全市建成AB12体育公园3座。", "全市建成AB12体育公园3座。", []),
    ],
)
def test_gambling_brand_injected_in_a_sentence_is_cut(line, clean, cut):
    assert remove_inline_spam(line) == (clean, cut)


def test_spam_injected_inside_a_sentence_is_cut():
    line = "从以上数据可以看出,*365体育滚球_365体育彩票-投注*官网@县科技产业园区建设成效显著,园区以重工业为主。"
    assert remove_inline_spam(line) == (
        "从以上数据可以看出,县科技产业园区建设成效显著,园区以重工业为主。",
        ["*365体育滚球_365体育彩票-投注*官网@"],
    )


@pytest.mark.parametrize(
    "line",
    [
        "本文来源:四川在线-四川日报",
        "COVID-19疫情防控_工作_部署",
        "2019-07-29 10:14:29",
        "体育_文化_旅游",
    ],
)
def test_symbol_chains_without_spam_words_survive(line):
    assert remove_inline_spam(line) == (line, [])


# -- bylines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rest", "field"),
    [
        ("为产业转型升级提供了有力支撑。(经济日报记者 李思雨)", "为产业转型升级提供了有力支撑。", ("author", "李思雨")),
        ("占年计划的53.8%。(责任编辑:琳瑞)", "占年计划的53.8%。", None),
        ("工作取得实效。【责任编辑：张三】", "工作取得实效。", None),
        ("會議指出。(記者 王五 通訊員 趙六)", "會議指出。", ("author", "王五 趙六")),
        ("會議指出。(记者王五)", "會議指出。", ("author", "王五")),
        ("會議指出。（來源：人民日報）", "會議指出。", ("source", "人民日報")),
        ("會議指出。(信息来源: 市统计局)", "會議指出。", ("source", "市统计局")),
    ],
)
def test_closing_credit(line, rest, field):
    expected = MetaField(field[0], field[1], 2) if field else None
    assert closing_credit(KeyedLine.of(line)) == (rest, expected)


def test_no_closing_credit():
    assert closing_credit(KeyedLine.of("会议由张三主持(记者团)")) is None
    assert closing_credit(KeyedLine.of("(记者 张三)")) is None
    assert closing_credit(KeyedLine.of("数据来源于国家统计局(2023年)")) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("眉山網(wǎng)訊(記者 殷勇)4月8日,東坡區舉行了優勢產業推介會。", "殷勇"),
        ("西江都市報訊(記者 吳艷虹)記者從9月29日召開的會議上獲悉", "吳艷虹"),
        ("本報訊(黃水成 童桂賢)近日,,筆者從平和相關部門了解到", "黃水成 童桂賢"),
        ("本报讯（记者 张三 通讯员 李四）日前", "张三 李四"),
        ("4月8日,東坡區舉行了優勢產業推介會。", None),
        ("本报讯（记者王五）日前", "王五"),
        ("新华社北京5月1日电（记者王五）", None),  # 电, not 讯: a wire dateline has no byline rule
    ],
)
def test_leading_byline_author(line, author):
    assert leading_byline_author(KeyedLine.of(line)) == author


# -- the shortcuts the HTML cleaner takes through these rules -----------------------------------


def test_spam_or_breadcrumb_on_known_lines():
    assert spam_or_breadcrumb(line_key("主站蜘蛛池模板: 百家乐 | 六合彩")) == "spam"
    assert spam_or_breadcrumb(line_key("百家乐|六合彩|时时彩|老虎机|北京赛车")) == "spam"
    assert spam_or_breadcrumb(line_key("PORN Sex视频")) == "spam"
    assert spam_or_breadcrumb(line_key("警方破获一起百家乐赌博案。")) is None
    assert spam_or_breadcrumb(line_key("首页 > 新闻 > 通知公告")) == "breadcrumb"
    assert spam_or_breadcrumb(line_key("当前位置：首頁/新聞")) == "breadcrumb"
    assert spam_or_breadcrumb(line_key("一般新闻 2024/5/1 发布")) is None


def test_spam_or_breadcrumb_and_is_spam_text_agree_with_classify_line(fixtures):
    texts = [
        *(line for path in sorted(fixtures.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()),
        *(line.text for path in sorted(fixtures.glob("*.html")) for line in _rendered_lines(path)),
        "首页 > 新闻 > 要闻", "您的位置：首页 / 政务公开", "主站蜘蛛池模板: 澳门赌场 | 真人娱乐", "【打印】", "",
    ]
    checked = {"spam": 0, "breadcrumb": 0}
    for text in texts:
        kind = classify_line(text)
        expected = kind if kind in ("spam", "breadcrumb") else None
        assert spam_or_breadcrumb(line_key(text)) == expected, text
        assert is_spam_text(text) == (kind == "spam"), text
        if expected:
            checked[expected] += 1
    assert checked["spam"] >= 3 and checked["breadcrumb"] >= 10


def _rendered_lines(path) -> list:
    return lay_out(parse_html(decode(path.read_bytes()).text).root, lambda kind, text: None).lines


def test_every_marker_and_strong_spam_word_makes_a_spam_line():
    for marker in words("spam_markers.txt"):
        assert is_spam_line(marker), marker
    for word in words("spam_strong.txt"):
        assert is_spam_line(f"{word} {word}"), word
        assert is_spam_line(f"{word} {word}".upper()), word


def test_han_outside_finds_exactly_the_han_characters_not_allowed():
    pattern = han_outside("打印国\u3400\u9fff\uf900a")
    for ch in ["打", "印", "国", "\u3400", "\u9fff", "\uf900", "a", "1", "。", "ſ"]:
        assert pattern.search(ch) is None, ch
    for ch in ["中", "\u3401", "\u4dbf", "\u4e00", "\u9ffe", "\uf901", "\ufaff"]:
        assert pattern.search(ch) is not None, ch


def test_t2s_turns_han_text_into_han_text_only():
    """What lets parse_meta_line answer {} without converting a line that holds no bar, colon,
    slash, digit or white space: its Simplified key holds none either."""
    text = "".join(chr(c) for lo, hi in HAN_RANGES for c in range(lo, hi + 1))
    out = to_simplified(text)
    assert len(out) > 20000
    assert not re.search(r"[|｜:：/／\d\s]", out)
