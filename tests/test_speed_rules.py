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
    assert [lines.spam_or_breadcrumb(t) for t in texts].count("breadcrumb") == 19


def test_spam_or_breadcrumb_on_known_lines():
    assert lines.spam_or_breadcrumb("主站蜘蛛池模板: 百家乐 | 六合彩") == "spam"
    assert lines.spam_or_breadcrumb("百家乐|六合彩|时时彩|老虎机|北京赛车") == "spam"
    assert lines.spam_or_breadcrumb("PORN Sex视频") == "spam"
    assert lines.spam_or_breadcrumb("警方破获一起百家乐赌博案。") is None
    assert lines.spam_or_breadcrumb("首页 > 新闻 > 通知公告") == "breadcrumb"
    assert lines.spam_or_breadcrumb("当前位置：首頁/新聞") == "breadcrumb"
    assert lines.spam_or_breadcrumb("一般新闻 2024/5/1 发布") is None
