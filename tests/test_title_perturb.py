"""Title choice under perturbations of real pages: the same headline whatever the page's furniture.

The chooser must not depend on one template's quirks. Each case takes a page from the corpus
(DEV half), changes what another site might do differently — drop or rename the title tags, put
the site's name before the headline, add a kicker or an English menu line above it, lose the
line break between a text page's headline and its first paragraph — and expects the gold title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from conftest import FIXTURES, load_gold
from ipextract import parse
from ipextract.decode import decode

#: HTML pages of different CMSs and outlets (gov.cn TRS/Hanweb clones, news sites, Taiwan/HK).
HTML_PAGES = [
    "clone-beijing-jw-1",
    "clone-henan-gov-1",
    "clone-moe-1",
    "g2-clone-ah-jyt-1",
    "g2-clone-gz-gov-1",
    "g2-clone-taiyuan-1",
    "g2-rthk-trad-1",
    "gne-govcn-gongbao-1",
    "gne-xinhuanet-1",
    "htmldate-sina-tw-trad-1",
]
#: Text dumps of statistics bureaus, county sites and news mirrors.
TEXT_PAGES = ["p01", "p08", "p09", "p14", "q03", "q09", "q13", "q15", "q17", "q19"]

_TITLE = re.compile(r"<title[^>]*>.*?</title>", re.S | re.I)
_TITLE_TAGS = re.compile(r"<meta[^>]*(?:articletitle|og:title|twitter:title)[^>]*>", re.I)
_CHARSET = re.compile(r"<meta[^>]*charset[^>]*>", re.I)
_HEAD = re.compile(r"(<head[^>]*>)", re.I)


def _set_title(page: str, text: str) -> str:
    return _TITLE.sub(lambda _m: f"<title>{text}</title>", page, count=1)


def _add_head(page: str, tags: str) -> str:
    return _HEAD.sub(lambda m: m.group(1) + tags, _TITLE_TAGS.sub("", page), count=1)


def _above_headline(page: str, title: str, markup: str) -> str:
    """`markup` inserted just before the element that shows the headline."""
    m = re.search(rf"<(?:h[1-6]|div|p|td|span|strong)\b[^>]*>\s*(?:<[^>]+>\s*)*{re.escape(title[:6])}", page)
    return page[: m.start()] + markup + page[m.start() :] if m else page


HTML_CHANGES: dict[str, Callable[[str, str], str]] = {
    "no <title>": lambda p, t: _TITLE.sub("", p),
    "no title tags": lambda p, t: _TITLE_TAGS.sub("", p),
    "neither": lambda p, t: _TITLE_TAGS.sub("", _TITLE.sub("", p)),
    "site suffix": lambda p, t: _set_title(p, f"{t}_要闻动态_某某市人民政府门户网站"),
    "site first": lambda p, t: _set_title(p, f"某某市人民政府网 - {t}"),
    "column only": lambda p, t: _TITLE_TAGS.sub("", _set_title(p, "工作动态_某某市人民政府")),
    "prefixed ArticleTitle": lambda p, t: _add_head(p, f'<meta name="ArticleTitle" content="某某市人民政府网——{t}">'),
    "og site first": lambda p, t: _add_head(
        p, f'<meta property="og:site_name" content="某某日报"><meta property="og:title" content="某某日报 | {t}">'
    ),
    "kicker": lambda p, t: _above_headline(p, t, "<p>深入学习贯彻党的二十大精神</p>"),
    "english menu": lambda p, t: _above_headline(p, t, "<p>Home | News | Print this page</p>"),
}


def _html(name: str) -> str:
    page = decode((FIXTURES / f"{name}.html").read_bytes()).text
    return _CHARSET.sub("", page)


@pytest.mark.parametrize("change", list(HTML_CHANGES))
@pytest.mark.parametrize("name", HTML_PAGES)
def test_html_title_is_stable(name: str, change: str) -> None:
    title = load_gold(name)["title"]
    page = HTML_CHANGES[change](_html(name), title)
    assert parse(page.encode("utf-8"), path=f"{name}.html").title == title


def _glued(lines: list[str], at: int) -> list[str]:
    """The headline glued to the first paragraph after it, the lines between moved above."""
    for j in range(at + 1, len(lines)):
        if len(lines[j]) > 40 and "。" in lines[j]:
            return lines[:at] + lines[at + 1 : j] + [f"{lines[at]} {lines[j]}"] + lines[j + 1 :]
    raise AssertionError("no paragraph under the headline")


TEXT_CHANGES: dict[str, Callable[[list[str], int], list[str]]] = {
    "site name above": lambda ls, i: [*ls[:i], "某某市人民政府网", *ls[i:]],
    "english chrome above": lambda ls, i: [*ls[:i], "Home", "Share this article", *ls[i:]],
    "original title under": lambda ls, i: [*ls[:i + 1], f"原标题：{ls[i]}的报道", *ls[i + 1:]],
    "site suffix": lambda ls, i: [*ls[:i], f"{ls[i]}_某某市人民政府", *ls[i + 1:]],
    "issuer prefix": lambda ls, i: [*ls[:i], f"[某某市统计局]{ls[i]}", *ls[i + 1:]],
    "glued to paragraph": _glued,
    "column above": lambda ls, i: [*ls[:i], "工作动态", *ls[i:]],
    "breadcrumb and column above": lambda ls, i: [*ls[:i], "首页 > 统计信息 > 统计分析", "统计分析", *ls[i:]],
    "date under": lambda ls, i: [*ls[: i + 1], "2021-07-15 12:05:55", *ls[i + 1 :]],
    "speaker under": lambda ls, i: [*ls[: i + 1], "市长 王晓明", *ls[i + 1 :]],
    "search box and year menu above": lambda ls, i: [
        *ls[:i],
        "站内搜索: 高级搜索",
        "统计公报年度索引: 2023 2022 2021 2020 2019 2018 2017 2016 2015 2014 2013 [ 统计公报分省总索引 ]",
        *ls[i:],
    ],
    "portal bar and site name above": lambda ls, i: [*ls[:i], "繁体版 | 无障碍 | 智能问答", "某某市人民政府", *ls[i:]],
    "title label": lambda ls, i: [*ls[:i], f"标题：{ls[i]}", *ls[i + 1 :]],
    "empty cells after": lambda ls, i: [*ls[:i], f"{ls[i]} | ||||||||", *ls[i + 1 :]],
}


#: Pages whose headline already shares its line with the text (a one-line dump, a BBCode post).
_ONE_LINE = frozenset(("q13", "q19"))
#: Changes that rewrite the headline's own line, which on those pages holds markup or text too.
_LINE_CHANGES = frozenset(("glued to paragraph", "title label"))
#: Pages that show no headline: an issuer's name alone above their text is their headline.
_NO_HEADLINE = frozenset(("q03", "q09"))


def _applies(name: str, change: str) -> bool:
    if name in _ONE_LINE and change in _LINE_CHANGES:
        return False
    return not (name in _NO_HEADLINE and change == "portal bar and site name above")


@pytest.mark.parametrize(
    ("name", "change"),
    [(n, c) for n in TEXT_PAGES for c in TEXT_CHANGES if _applies(n, c)],
)
def test_text_title_is_stable(name: str, change: str) -> None:
    gold = load_gold(name)["title"]
    lines = decode((FIXTURES / f"{name}.txt").read_bytes()).text.split("\n")
    doc = parse("\n".join(lines).encode("utf-8"), path=f"{name}.txt")
    assert doc.title == gold
    at = next(i for i, line in enumerate(lines) if parse(line.encode("utf-8"), path="t.txt").title == gold)
    changed = TEXT_CHANGES[change](lines, at)
    assert parse("\n".join(changed).encode("utf-8"), path=f"{name}.txt").title == gold


@pytest.mark.parametrize(("name", "word"), [("q05", "和"), ("q15", "和"), ("q05", "的")])
def test_a_headline_broken_over_two_lines_is_joined(name: str, word: str) -> None:
    """Report headlines wrapped at a conjunction or after `的` (two county finance and statistics
    sites): the two lines are one title."""
    gold = load_gold(name)["title"]
    lines = decode((FIXTURES / f"{name}.txt").read_bytes()).text.split("\n")
    at = next(i for i, line in enumerate(lines) if parse(line.encode("utf-8"), path="t.txt").title == gold)
    cut = lines[at].index(word, 3) + (word == "的")
    changed = [*lines[:at], lines[at][:cut], lines[at][cut:], *lines[at + 1 :]]
    assert parse("\n".join(changed).encode("utf-8"), path=f"{name}.txt").title == gold


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # A kicker, an issuer or a column above a complete headline stays apart from it.
        ("坚持稳中求进\n2024年某某县国民经济和社会发展统计公报", "2024年某某县国民经济和社会发展统计公报"),
        ("某某县统计局\n2024年某某县国民经济和社会发展统计公报", "2024年某某县国民经济和社会发展统计公报"),
        # A document name under its issuer is one title.
        ("某某市人民政府办公室\n关于印发某项实施方案的通知", "某某市人民政府办公室关于印发某项实施方案的通知"),
    ],
)
def test_lines_above_a_headline(head: str, title: str) -> None:
    lead = "今年以来,全县上下坚持稳中求进工作总基调,经济运行稳中有进、稳中向好,主要指标好于预期。"
    text = f"{head}\n发布日期：2024-03-01\n{lead}\n"
    assert parse(text.encode("utf-8"), path="t.txt").title == title
