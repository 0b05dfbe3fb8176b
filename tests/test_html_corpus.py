"""End to end on real HTML pages copied from the shared corpus: exact metadata, body snippets.

Each page exercises a known trap (see the gold `notes`): lying charsets, a stray </html>, a
headline split by <br>, a column name in <title>, hidden duplicate blocks, image captions,
metadata tables, footer date lines. The body is also compared with the gold body the way the
corpus scorer does (character-bigram F1 after NFKC and whitespace removal).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from conftest import FIXTURES, load_gold
from ipextract import Options, parse_file

PAGES = [
    "clone-beijing-jw-1",
    "clone-cq-whlyw-1",
    "clone-moe-1",
    "clone-shaanxi-gov-1",
    "g2-ccgp-1",
    "g2-clone-fcg-1",
    "g2-clone-gz-gov-1",
    "g2-clone-hefei-ss-1",
    "g2-clone-wlmq-1",
    "g2-clone-zj-ct-1",
    "g2-clone-zj-jyt-1",
    "gne-163-9",
    "gne-cmse-2",
    "gne-govcn-gongbao-1",
    "gne-people-1",
    "gne-shanxi-gov-1",
    "gne-xinhuanet-1",
    "gne-zj-fzggw-1",
    "gne-zsnews-1",
    "htmldate-sina-tw-trad-1",
    "np4k-chinadaily-1",
    "trafilatura-hexinhua-gbk-1",
]


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).lower()


def _bigram_f1(pred: str, gold: str) -> float:
    a, b = _norm(pred), _norm(gold)
    pa = Counter(a[i : i + 2] for i in range(len(a) - 1))
    pb = Counter(b[i : i + 2] for i in range(len(b) - 1))
    common = sum((pa & pb).values())
    if not common:
        return 0.0
    p, r = common / sum(pa.values()), common / sum(pb.values())
    return 2 * p * r / (p + r)


@pytest.fixture(scope="module", params=PAGES)
def page(request):
    name = request.param
    return name, load_gold(name), parse_file(FIXTURES / f"{name}.html", Options(facts=False))


def test_metadata_is_exact(page):
    _name, gold, doc = page
    assert doc.error is None
    assert doc.format == "html"
    assert doc.title == gold["title"]
    assert doc.published_at == gold["published_at"]
    assert doc.source == gold["source"]


def test_body_keeps_the_article_and_nothing_else(page):
    _name, gold, doc = page
    text = _norm(doc.text)
    missing = [s for s in gold["must_include"] if _norm(s) not in text]
    leaked = [s for s in gold["must_exclude"] if _norm(s) in text]
    assert missing == []
    assert leaked == []
    assert _bigram_f1(doc.text, gold["body"]) >= 0.97


def test_charset_traps_decode_to_the_right_text():
    doc = parse_file(FIXTURES / "gne-people-1.html")  # declares GB2312, bytes are UTF-8
    assert doc.encoding == "utf-8"
    assert any("GB2312" in w and "UTF-8" in w for w in doc.warnings)
    gbk = parse_file(FIXTURES / "trafilatura-hexinhua-gbk-1.html")  # real GB2312 bytes
    assert gbk.encoding == "gb18030"
    assert gbk.title == "话剧《约定无期限》河北各市巡演结束"


def test_stray_end_tag_does_not_lose_the_article():
    doc = parse_file(FIXTURES / "gne-govcn-gongbao-1.html")
    assert "批准发行15500亿元特别国债购买外汇" in doc.text
    # The headline printed over three <br> lines at the top of the content is not body text.
    assert not doc.text.startswith("全国人民代表大会常务委员会")


def test_hidden_blocks_are_counted_and_recorded():
    doc = parse_file(FIXTURES / "clone-beijing-jw-1.html")
    assert doc.removed["hidden_elements"] >= 4
    hidden = [r.text for r in doc.removed_items if r.kind == "hidden_elements"]
    assert "您访问的链接即将离开“北京市教育委员会”门户网站 是否继续？ 放弃" in hidden


def test_tampered_clone_keeps_the_inserted_paragraph_as_rendered():
    doc = parse_file(FIXTURES / "clone-moe-1.html")
    assert "关于专家组： 王佳，华熠智库专家、中国东方文化研究会美育工作委员会客座教授。" in doc.paragraphs
    assert doc.paragraphs[0] == "教思政厅函〔2024〕10号"
    assert doc.paragraphs[-1] == "2024年5月30日"


ENDS = [
    # The portal's footer menu and its 开办 / 主办 / 地址 credits follow the signature's date.
    ("g2-clone-wlmq-1", "2024年3月1日"),
    # An empty 文件下载： / 关联文件： box, an empty 相关附件 box, a 相关公告 list's label.
    ("g2-clone-fcg-1", "参加大会。"),
    ("g2-clone-gz-gov-1", "实现高质量发展的目标。”"),
    ("g2-ccgp-1", "七、其它补充事宜"),
]


@pytest.mark.parametrize(("name", "last"), ENDS)
def test_the_text_ends_with_the_article(name, last):
    doc = parse_file(FIXTURES / f"{name}.html", Options(facts=False))
    assert doc.paragraphs[-1].endswith(last)


CRUMBS = [
    # An `ol.breadcrumb` whose separators are CSS, above an h1 the headline tag repeats.
    ("g2-clone-wlmq-1", ["首页", "市局部门", "乌鲁木齐市文化和旅游局", "通知公告", "正文"]),
    # A year's archive column as the last level.
    ("g2-clone-sjz-1", ["首页", "综合要闻", "本市要闻", "2024"]),
]


@pytest.mark.parametrize(("name", "crumbs"), CRUMBS)
def test_the_location_path(name, crumbs):
    assert parse_file(FIXTURES / f"{name}.html", Options(facts=False)).breadcrumb == crumbs
