"""meta.resolve: one ordered fallback chain per field, published_at as precise as shown."""

from __future__ import annotations

from ipextract.clean import Candidate
from ipextract.meta import resolve, valid_iso


def C(field, value, origin="visible:label"):
    return Candidate(field, value, origin)


def test_first_candidate_of_each_field_wins():
    meta = resolve(
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
    assert (meta.title, meta.source, meta.author, meta.url) == (
        "正文标题",
        "国家知识产权局",
        "张三",
        "https://www.example.gov.cn/a.html",
    )
    assert meta.breadcrumb == ["首页", "新闻"]
    assert meta.origins["title"] == "html:visible"


def test_missing_fields_stay_empty():
    meta = resolve([C("title", "标题")])
    assert (meta.published_at, meta.source, meta.author, meta.url, meta.breadcrumb) == (None, None, None, None, [])


def test_visible_date_first_wins_as_shown():
    meta = resolve([C("published_at", "2024-06-13"), C("published_at", "2024-06-13T14:54", "meta:pubdate")])
    assert meta.published_at == "2024-06-13"


def test_declared_date_first_takes_the_precision_the_page_shows():
    meta = resolve(
        [C("published_at", "2024-06-13T14:54", "meta:pubdate"), C("published_at", "2024-06-13", "visible:tail-label")]
    )
    assert meta.published_at == "2024-06-13"
    assert meta.origins["published_at"] == "visible:tail-label"


def test_declared_date_stands_when_the_page_shows_another_day():
    meta = resolve(
        [C("published_at", "2024-06-13T14:54", "meta:pubdate"), C("published_at", "2024-06-04", "visible:label")]
    )
    assert meta.published_at == "2024-06-13T14:54"


def test_impossible_dates_are_skipped():
    meta = resolve([C("published_at", "2024-02-30"), C("published_at", "2024-13-01"), C("published_at", "2024-02-29")])
    assert meta.published_at == "2024-02-29"


def test_whitespace_in_values_folds():
    assert resolve([C("title", " 在省第十届  青年戏剧演员大赛中\n许昌市喜获佳绩 ")]).title == (
        "在省第十届 青年戏剧演员大赛中 许昌市喜获佳绩"
    )


def test_valid_iso():
    assert valid_iso("2019-07-29T10:14:29")
    assert valid_iso("2019-07-29T10:14")
    assert valid_iso("2019-07")
    assert not valid_iso("2019-07-29 10:14")
    assert not valid_iso("2019-07-29T25:00")
    assert not valid_iso("1800-01-01")
