"""Speed rewrites of the page-level steps (headline, label lines, metadata lines) give exactly the
answers of the plain forms they replaced; each test keeps the plain form as an oracle.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean import headline, labels, meta_lines
from ipextract.clean.line import Line
from ipextract.convert import to_simplified
from ipextract.han import HAN_RANGES

# --- headline: the substring test in front of _match --------------------------------------------

_KEY_POOL = ["国务院", "常务会议", "召开", "李强", "主持", "2024", "年", "_", "新华网", "政府", "a"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(_KEY_POOL), min_size=1, max_size=6).map("".join),
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_KEY_POOL), max_size=8).map("".join),
            st.lists(st.sampled_from(_KEY_POOL), max_size=6).map("".join),
        ),
        max_size=4,
    ),
)
def test_every_headline_match_passes_the_substring_test(key, refs):
    keys = [("o", full, cut) for full, cut in refs]
    joined = "\n".join(k for _origin, full, cut in keys for k in (full, cut))
    long_cuts = tuple(cut for _origin, _full, cut in keys if len(cut) >= 8)
    if headline._match(key, keys):
        assert key in joined or key.endswith(long_cuts)


def test_choose_headline_joins_a_headline_broken_over_lines():
    from ipextract.clean.blocks import layout
    from ipextract.clean.dom import parse_html

    page = "<html><body><h1>国务院常务会议<br>部署稳就业</h1><p>" + "正文内容，" * 40 + "</p></body></html>"
    lines = layout(parse_html(page).root, lambda kind, text: None).lines
    chosen = headline.choose_headline(lines, [("html:title", "国务院常务会议部署稳就业_中国政府网")], 2)
    assert (chosen.text, chosen.lines, chosen.origin) == ("国务院常务会议部署稳就业", (0, 1), "visible")


# --- label lines: the look-behind tested on the candidates only ---------------------------------

_LABEL_POOL = [*sorted(labels._table())[:40], ":", "：", " ", "\x1e", "\u3000", "国", "发", "时间", "a", "1"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_POOL), max_size=14).map("".join))
def test_label_hits_finds_what_the_label_pattern_finds(text):
    table = labels._table()
    oracle = [
        labels.LabelHit(m["label"], table[m["label"]], m.start(), m.end()) for m in labels._label_re().finditer(text)
    ]
    assert labels.label_hits(text) == oracle


def test_label_hits_reads_a_label_line():
    hits = labels.label_hits("本站发布时间：2024-01-02 来源 ：新华社")
    assert [(h.label, h.field, h.start, h.value_start) for h in hits] == [("来源", "source", 18, 22)]


# --- metadata lines: no t2s call for a line without any hint character --------------------------


def test_t2s_turns_han_text_into_han_text_only():
    """What the shortcut in parse_meta_line rests on: no character t2s outputs for Han input
    is one of the hint characters (a bar, a colon, a slash, a digit, white space)."""
    text = "".join(chr(c) for lo, hi in HAN_RANGES for c in range(lo, hi + 1))
    out = to_simplified(text)
    assert not meta_lines._HINT_CHARS.search(out)
    assert len(out) > 20000


_META_POOL = [
    "發佈時間", "來源", "記者", "本報記者", "新華社", "2024年1月2日", "：", ":", "|", "/", " ", "張三", "國", "１",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_META_POOL), max_size=8).map("".join))
def test_parse_meta_line_answers_as_without_the_shortcut(text):
    found = meta_lines.meta_fields(Line.of(text)) or []
    plain: dict[str, str] = {}
    for f in sorted(found, key=lambda f: f.rank):
        plain.setdefault(f.field, f.value)
    assert meta_lines.parse_meta_line(text) == plain
