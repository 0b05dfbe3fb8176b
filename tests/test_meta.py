"""meta.resolve: one ordered fallback chain per field, published_at as precise as shown."""

from __future__ import annotations

import pytest

from ipextract.clean import Candidate
from ipextract.meta import resolve, valid_iso


def C(field, value, origin="visible:label"):
    return Candidate(field, value, origin)


def test_first_candidate_of_each_field_wins():
    chosen = resolve(
        [
            C("title", "正文标题", "html:visible"),
            C("title", "正文标题_某某网", "html:title"),
            C("source", "国家知识产权局"),
            C("source", "知识产权局", "meta:contentsource"),
            C("author", "张三", "visible:byline"),
            C("url", "https://www.example.gov.cn/a.html", "link:canonical"),
            C("breadcrumb", ["首页", "新闻"], "visible:breadcrumb"),
        ]
    )
    assert {name: c.value for name, c in chosen.items()} == {
        "title": "正文标题",
        "source": "国家知识产权局",
        "author": "张三",
        "url": "https://www.example.gov.cn/a.html",
        "breadcrumb": ["首页", "新闻"],
    }
    assert chosen["title"].origin == "html:visible"


def test_fields_without_a_usable_candidate_are_not_chosen():
    chosen = resolve([C("title", "标题"), C("source", " \n "), C("breadcrumb", []), C("published_at", "2024-13-01")])
    assert list(chosen) == ["title"]


def test_visible_date_first_wins_as_shown():
    chosen = resolve([C("published_at", "2024-06-13"), C("published_at", "2024-06-13T14:54", "meta:pubdate")])
    assert chosen["published_at"].value == "2024-06-13"


def test_declared_date_first_takes_the_precision_the_page_shows():
    chosen = resolve(
        [C("published_at", "2024-06-13T14:54", "meta:pubdate"), C("published_at", "2024-06-13", "visible:tail-label")]
    )
    assert (chosen["published_at"].value, chosen["published_at"].origin) == ("2024-06-13", "visible:tail-label")


def test_declared_date_stands_when_the_page_shows_another_day():
    chosen = resolve(
        [C("published_at", "2024-06-13T14:54", "meta:pubdate"), C("published_at", "2024-06-04", "visible:label")]
    )
    assert chosen["published_at"].value == "2024-06-13T14:54"


def test_impossible_dates_are_skipped():
    chosen = resolve([C("published_at", day) for day in ("2024-02-30", "2024-13-01", "2024-02-29")])
    assert chosen["published_at"].value == "2024-02-29"


def test_whitespace_in_values_folds():
    assert resolve([C("title", " 在省第十届  青年戏剧演员大赛中\n许昌市喜获佳绩 ")])["title"].value == (
        "在省第十届 青年戏剧演员大赛中 许昌市喜获佳绩"
    )


def test_valid_iso():
    assert valid_iso("2019-07-29T10:14:29")
    assert valid_iso("2019-07-29T10:14")
    assert valid_iso("2019-07")
    assert not valid_iso("2019-07-29 10:14")
    assert not valid_iso("2019-07-29T25:00")
    assert not valid_iso("1800-01-01")


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # The head shows the chosen instant twice: the more precise form.
        ([("2021-07-15", "text:label"), ("2021-07-15T12:05:55", "text:label")], "2021-07-15T12:05:55"),
        # A declared date, then the most precise form the page shows of that day.
        (
            [
                ("2016-08-11T08:13", "meta:pubdate"),
                ("2016-08-11", "visible:stamp"),
                ("2016-08-11T08:13:00", "visible:label"),
            ],
            "2016-08-11T08:13:00",
        ),
        # A stamp below the article does not refine the head's date.
        ([("2019-05-17", "visible:stamp"), ("2019-05-17T20:33:49", "visible:tail-stamp")], "2019-05-17"),
    ],
)
def test_published_at_is_the_most_precise_form_shown(dates, expected):
    assert resolve([C("published_at", value, origin) for value, origin in dates])["published_at"].value == expected


def test_a_value_cut_short_on_the_page_is_taken_whole_from_a_tag():
    stem = "综合自学习强国、川观新闻、成都体育学院附属体..."
    whole = "综合自学习强国、川观新闻、成都体育学院附属体育医院、射洪中医等"
    chosen = resolve([C("source", stem), C("source", whole, "meta:contentsource")])
    assert (chosen["source"].value, chosen["source"].origin) == (whole, "meta:contentsource")


@pytest.mark.parametrize(
    ("stem", "whole"),
    [
        # A pinyin-glossing mirror glosses the visible line but not the tag.
        ("综合自学习强国、川观新闻、成都(dōu)体育学院附属体...", "综合自学习强国、川观新闻、成都体育学院附属体育医院"),
        ("綜合自學習強國、川觀新聞、成都(dōu)體育學院附屬體...", "綜合自學習強國、川觀新聞、成都體育學院附屬體育醫院"),
        ("市发(fā)展和改革委员会…", "市发展和改革委员会办公室"),
    ],
)
def test_a_glossed_value_cut_short_is_taken_whole_from_a_tag(stem, whole):
    chosen = resolve([C("source", stem), C("source", whole, "meta:contentsource")])
    assert (chosen["source"].value, chosen["source"].origin) == (whole, "meta:contentsource")


def test_a_value_with_no_longer_form_stays_as_shown():
    chosen = resolve([C("title", "会议在京召开…"), C("title", "另一个标题", "meta:og:title")])
    assert chosen["title"].value == "会议在京召开…"


def test_a_disclosure_table_decides_title_and_day():
    chosen = resolve(
        [
            C("title", "首页 > 政策文件", "html:visible"),
            C("published_at", "2024-06-13T14:54", "visible:label"),
            C("title", "关于印发某某办法的通知", "gov:table"),
            C("published_at", "2024-06-13", "gov:table"),
            C("source", "某某市人民政府", "gov:table"),
            C("source", "某某日报", "visible:label"),
        ]
    )
    assert chosen["title"].value == "关于印发某某办法的通知"
    # The page states the day more precisely: that form stands.
    assert chosen["published_at"].value == "2024-06-13T14:54"
    # Other fields keep their own order.
    assert chosen["source"].value == "某某市人民政府"
