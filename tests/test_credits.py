"""Credit shapes (clean/credits.py): whole credit lines and credits glued to a paragraph's end."""

from __future__ import annotations

import pytest

from ipextract.clean.credits import closing_credit_start, credit_line
from ipextract.clean.keys import line_key
from ipextract.clean.text import clean_text

PARA = "全县地区生产总值增长12.6%达92.9亿元,城乡常住居民人均可支配收入分别增长12%和13%。"


@pytest.mark.parametrize(
    "line",
    [
        "原标题：江门七旬阿婆",  # a republished story (njxfhn)
        "原標題：台北市推動社會住宅",
        "出品︱四川省中医药管理局",
        "作者︱张三",
        "文｜李四 图｜王五",
        "文/李四 图/王五",  # a production credit (was kept as text before issue 16)
        "文章综合自：学习强国、川观新闻",  # sc-tcm
        "□ 本报记者 张三 李四",
        "■记者 王五",
        "【责任编辑｜赵六】",
    ],
)
def test_credit_lines(line):
    assert credit_line(line_key(line))


@pytest.mark.parametrize(
    "line",
    [
        "作者简介",  # a heading: no separator after the role
        "编辑部召开全体会议,研究部署下一阶段工作。",
        "文化和旅游部:全年接待游客超过60亿人次,同比增长,带动消费明显回升,市场活力持续释放,相关工作取得积极进展。",
        "图书馆全年接待读者12万人次",
    ],
)
def test_not_credit_lines(line):
    assert not credit_line(line_key(line))


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        (PARA + "(牟定县融媒体中心)", PARA),  # a county portal (q01)
        (PARA + "（来自黔东南日报）", PARA),
        ("國防部表示,共機已離開我防空識別區。（編輯：張三）1100104", "国防部表示,共机已离开我防空识别区。"),  # CNA
        ("行政院今天通過預算案。(編輯:李四)1120315", "行政院今天通过预算案。"),
        # An editor's tag after the last sentence, bare or in 【】 (news portals, synthetic).
        (PARA + " 责任编辑：王五", PARA),
        (PARA + "【责任编辑:王五 】", PARA),
        ("行政院今天通過預算案。 編輯：李四 張三", "行政院今天通过预算案。"),
    ],
)
def test_closing_credits_are_cut(line, rest):
    key = line_key(line)
    cut = closing_credit_start(key)
    assert cut is not None and key[:cut] == rest


@pytest.mark.parametrize(
    "line",
    [
        PARA,
        "会议由县融媒体中心承办(牟定县融媒体中心)",  # no sentence end before the bracket
        "全年共发放补贴3200万元(2023年)",
        "（牟定县融媒体中心）",  # a line that is only the credit is left to the line rules
        "本次会议由编辑：王五主持",  # a tag inside a sentence
        "责任编辑：王五",
    ],
)
def test_no_closing_credit(line):
    assert closing_credit_start(line_key(line)) is None


def test_text_pages_lose_credit_lines_and_closing_credits():
    page = "原标题：全县经济运行平稳\n出品︱县统计局\n" + PARA + "(牟定县融媒体中心)\n"
    assert clean_text(page).blocks == [PARA]
