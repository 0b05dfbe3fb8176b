"""Speed rewrites of the HTML line rules (body.classify and what it calls) answer as before.

Each test keeps the plain form the rewrite replaced as an oracle and compares the two exactly, on
generated lines built from the rules' own vocabulary and on every line of the fixture pages.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean import lines, rules, spam
from ipextract.clean.line import Line, line_key

# --- oracles: the forms before the rewrite -----------------------------------------------------


def _oracle_is_spam_line(key: str) -> bool:
    """spam.is_spam_line without the one-pattern prefilter."""
    if not key:
        return False
    if spam.has_marker(key):
        return True
    strong = spam._strong().find(key)
    if not strong:
        return False
    weak = spam._weak().find(key)
    letters = len(spam._WORDISH.findall(key)) or 1
    covered = sum(map(len, strong)) + 0.5 * sum(map(len, weak))
    if len(strong) >= 2 and covered / letters >= spam._DENSITY:
        return True
    return spam._is_title_run(key)


def _oracle_spam_or_breadcrumb(text: str) -> str | None:
    """lines.spam_or_breadcrumb as it built a Line and its breadcrumb items."""
    line = Line.of(text)
    key = line.key
    if not key:
        return None
    if _oracle_is_spam_line(key):
        return "spam"
    if not lines._WORDISH.search(key) or len(key) > lines.MAX_LABEL_LINE or lines.is_toolbar(key):
        return None
    return "breadcrumb" if lines.breadcrumb_items(line) is not None else None


# --- generated lines ---------------------------------------------------------------------------

_VOCABULARY = sorted(
    set(rules.words("spam_markers.txt") + rules.words("spam_strong.txt") + rules.words("spam_weak.txt"))
)
_PIECES = [
    *_VOCABULARY,
    *(w.upper() for w in _VOCABULARY if w.isascii()),
    "Java", "AV", "Sex", "x", "91", "|", "｜", "_", "，", "、", "。", "？", " ", "\u3000", "\t", "(", ")",
    "fā", "發(fā)展", "首页", "首頁", " > ", ">", "»", "/", "／", "→", "当前位置：", "您的位置:", "新闻",
    "政务公开", "通知公告", "打印", "关闭", "【打印】", "國", "体育", "彩票", "2024", "中", "的", "蜘蛛",
]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_LINE)
def test_is_spam_line_answers_as_without_the_prefilter(text):
    key = line_key(text)
    assert spam.is_spam_line(key) == _oracle_is_spam_line(key), key
    assert spam.is_spam_line(text.lower()) == _oracle_is_spam_line(text.lower()), text


@settings(max_examples=3000, deadline=None)
@given(_LINE)
def test_spam_or_breadcrumb_answers_as_the_line_built_form(text):
    assert lines.spam_or_breadcrumb(text) == _oracle_spam_or_breadcrumb(text), text


@settings(max_examples=1500, deadline=None)
@given(_LINE)
def test_line_key_is_the_key_of_the_line(text):
    assert line_key(text) == Line.of(text).key


def test_the_prefilter_lets_every_spam_word_through():
    """Each marker and strong word, alone and in an upper-cased line, reaches the full rules."""
    for word in rules.words("spam_markers.txt") + rules.words("spam_strong.txt"):
        assert spam._any_spam_word().search(word), word
        assert spam._any_spam_word().search(("看" + word + "吧").upper().lower()), word


def test_rules_answer_as_before_on_fixture_lines(fixtures):
    from tests.test_speed_lines import _fixture_lines

    texts = _fixture_lines(fixtures)
    assert [lines.spam_or_breadcrumb(t) for t in texts] == [_oracle_spam_or_breadcrumb(t) for t in texts]
    assert [line_key(t) for t in texts] == [Line.of(t).key for t in texts]
    assert [lines.spam_or_breadcrumb(t) for t in texts].count("breadcrumb") == 34


def test_spam_or_breadcrumb_on_known_lines():
    assert lines.spam_or_breadcrumb("主站蜘蛛池模板: 百家乐 | 六合彩") == "spam"
    assert lines.spam_or_breadcrumb("百家乐|六合彩|时时彩|老虎机|北京赛车") == "spam"
    assert lines.spam_or_breadcrumb("PORN Sex视频") == "spam"
    assert lines.spam_or_breadcrumb("警方破获一起百家乐赌博案。") is None
    assert lines.spam_or_breadcrumb("首页 > 新闻 > 通知公告") == "breadcrumb"
    assert lines.spam_or_breadcrumb("当前位置：首頁/新聞") == "breadcrumb"
    assert lines.spam_or_breadcrumb("一般新闻 2024/5/1 发布") is None


# --- body.classify -----------------------------------------------------------------------------


def _oracle_classify(line) -> str:
    """body.classify before the link share was read without the property and the short-line
    rules were skipped for long lines: every rule in turn."""
    from ipextract.clean import body, labels, rules_html

    text = line.text
    if line.chrome:
        return "chrome"
    if rules_html.footer_line(text):
        return "footer"
    if line.link_density > 0.5 and not line.row:
        return "links"
    if line.row and labels.label_row(text):
        return "meta"
    for rule, kind in (
        (rules_html.stamp_line, "stamp"),
        (rules_html.toolbar_line, "toolbar"),
        (rules_html.editor_line, "editor"),
        (rules_html.end_marker, "end"),
        (rules_html.caption_marker, "caption"),
    ):
        if rule(text):
            return kind
    if len(text) <= 100 and labels.is_label_line(text):
        return "meta"
    if labels.byline_author(text):
        return "byline"
    if rules_html.footer_label_line(text):
        return "footer_label"
    if not body._HAN.search(text) and not body._DIGIT.search(text):
        return "nohan"
    if len(text) <= 200:
        shared = _oracle_spam_or_breadcrumb(text)
        if shared == "spam" or (shared == "breadcrumb" and len(text) <= 120):
            return shared
    return "body"


_RULE_PIECES = [
    "2020-04-01 10:29", "2019年09月11日", "10:29", "打印本页", "关闭", "【打印】", "大 中 小", "+12",
    "责任编辑：周雁", "（责任编辑：", "编辑:", "相关新闻", "【相关阅读】", "图为", "（刘通摄）", "摄影：",
    "发布时间：", "来源：新华网", "信息索引", "\t", "记者 张三", "（羅森）", "主办单位：", "版权所有",
    "Copyright", "ICP备", "首页 > 新闻", "百家乐|六合彩", "。", "，", "经济运行总体平稳", "abc", "12", " ",
    "国务院常务会议研究部署稳就业工作", "x" * 20, "中" * 30,
]
_RULE_TEXT = st.lists(st.sampled_from(_RULE_PIECES), max_size=8).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_RULE_TEXT, st.integers(0, 200), st.booleans(), st.booleans())
def test_classify_answers_as_every_rule_in_turn(text, link_chars, row, chrome):
    from ipextract.clean import body
    from ipextract.clean.blocks import Line as PageLine

    line = PageLine(text, None, link_chars=min(link_chars, len(text) + 1), row=row, chrome=chrome)
    assert body.classify(line) == _oracle_classify(line), (text, link_chars, row, chrome)


def test_classify_answers_as_every_rule_in_turn_on_fixture_pages(fixtures):
    from ipextract.clean import body
    from ipextract.clean.blocks import layout
    from ipextract.clean.dom import parse_html
    from ipextract.decode import decode

    page_lines = []
    for path in sorted(fixtures.glob("*.htm*")):
        parsed = parse_html(decode(path.read_bytes()).text)
        page_lines.extend(layout(parsed.root, lambda *_: None).lines)
    kinds = [body.classify(line) for line in page_lines]
    assert kinds == [_oracle_classify(line) for line in page_lines]
    assert {"chrome", "footer", "links", "stamp", "toolbar", "editor", "end", "caption", "meta", "body"} <= set(kinds)


def test_short_line_rules_say_no_beyond_short_line():
    """What lets classify skip them for longer lines."""
    from ipextract.clean import labels, rules_html

    for piece in ("2020-04-01 10:29", "打印本页 关闭", "责任编辑：周雁", "相关新闻", "记者 张三", "主办单位：某某"):
        short = piece
        long = piece.ljust(rules_html.SHORT_LINE + 1)  # trailing spaces: every rule but for length says yes
        assert len(long) == rules_html.SHORT_LINE + 1
        rules = (rules_html.stamp_line, rules_html.toolbar_line, rules_html.editor_line, rules_html.end_marker,
                 labels.byline_author, rules_html.footer_label_line)
        assert any(rule(short) for rule in rules), piece
        assert not any(rule(long) for rule in rules), piece


# --- meta_lines --------------------------------------------------------------------------------


_META_PIECES = ["来源", "来 源", "作者", "发布时间", "时间", " ", "新华网", "2024-05-01", "|", "：", ":"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_META_PIECES), max_size=8).map("".join))
def test_a_label_match_holds_a_colon(text):
    """What lets _labelled_fields say None at once for a key without a colon."""
    from ipextract.clean import meta_lines

    matches = [m.group(0) for m in meta_lines._label_pattern().finditer(text)]
    assert all(":" in m or "：" in m for m in matches)
    if ":" not in text and "：" not in text:
        assert meta_lines._labelled_fields(Line.of(text)) is None
