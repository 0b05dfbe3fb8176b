"""Speed rewrites give exactly the answers of the straightforward forms they replaced.

Each test keeps the plain version (a regex, a scan) as an oracle and compares on generated input.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean import visibility

# --- inline styles and stylesheet rules --------------------------------------------------------

#: The single regex style_hides used before it was split into literal-guarded rules.
_ORACLE_DECLARATION = re.compile(
    r"""
      display:none
    | visibility:(?:hidden|collapse)
    | (?<![-\w])(?:font-size|height|max-height):0(?:\.0+)?(?:px|pt|em|rem|%)?(?=[;!}]|$)
    | opacity:0(?:\.0+)?(?=[;!}]|$)
    | (?:text-indent|margin-left|margin-top):-\d{3,}(?:\.\d+)?(?:px|pt|em|rem)?
    """,
    re.VERBOSE,
)
_ORACLE_PROPERTY = re.compile(
    r"(?:display|visibility|font-size|height|opacity|indent|left|top|right)\s*$", re.IGNORECASE
)


def _oracle_style_hides(style: str) -> bool:
    css = re.sub(r"\s+", "", style.lower())
    if not css or not any(h in css for h in ("none", "hidden", "collapse", "0", "-")):
        return False
    if _ORACLE_DECLARATION.search(css):
        return True
    m = re.search(r"(?<![-\w])(?:left|top|right):-(\d{3,})(?:\.\d+)?(?:px|pt|em|rem)?", css)
    return bool(m and int(m.group(1)) >= 500 and re.search(r"position:(?:absolute|fixed)", css))


_PROPS = ["display", "visibility", "font-size", "height", "max-height", "line-height", "opacity", "text-indent",
          "margin-left", "margin-top", "left", "top", "right", "position", "xheight", "-height", "_height",
          "HEIGHT", "Display", "é", "ſ", "viſibility", "diſplay", "font-ſize"]
_VALUES = ["none", "hidden", "collapse", "0", "0.0", "0px", "0.00em", "0%", "-999px", "-500", "-499", "-1000.5px",
           "-12", "absolute", "fixed", "0 auto", "00", "0rem", "-9999em", "block", "1", "", "NONE"]
_SEPS = [":", " : ", ": ", "：", " :"]
_ENDS = [";", "; ", "!important;", "}", "", " ", "\n", ";;", "\u3000"]
declaration = st.builds(
    lambda p, s, v, e: p + s + v + e, st.sampled_from(_PROPS), st.sampled_from(_SEPS), st.sampled_from(_VALUES),
    st.sampled_from(_ENDS),
)
style_text = st.lists(st.one_of(declaration, st.text(max_size=4)), max_size=6).map("".join)


@settings(max_examples=1500, deadline=None)
@given(style_text)
def test_style_hides_matches_the_single_regex(style):
    expected = _oracle_style_hides(style)
    assert visibility.style_hides(style) == expected
    assert visibility.inline_style_hides(style) == expected


def test_style_hides_cases():
    assert visibility.style_hides("max-height: 0; overflow:hidden")
    assert not visibility.style_hides("line-height:0")
    assert visibility.style_hides("color:red;height:0.0px!important")
    assert not visibility.style_hides("height:0 auto")
    assert visibility.style_hides("position:absolute; left:-9999px")
    assert not visibility.style_hides("position:absolute; left:-120px; top:-9999px")  # the first offset decides
    assert visibility.inline_style_hides("x" * 300 + ";display:none")


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(declaration, st.sampled_from(["{", "}", ".a", "\n", "  " * 20, "é"])), max_size=12)
       .map("".join))
def test_property_check_matches_the_windowed_regex(sheet):
    for at in [i for i, ch in enumerate(sheet) if ch == ":"]:
        expected = _ORACLE_PROPERTY.search(sheet, max(0, at - 24), at) is not None
        assert visibility._hiding_property_before(sheet, at) == expected


# --- the metric segmenter ----------------------------------------------------------------------


# --- sniffing and decoding ----------------------------------------------------------------------


# --- the facts grammar's scanners ---------------------------------------------------------------


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([b"<!DOCTYPE html>", b"<!doctype x [", b"<!ENTITY a 'b'>", b"]>", b"]", b"<!",
                                 b"<!--c-->", b"<p>", b"x", b" ", b"[", b">",
                                 b"<!DocType r [<!ENTITY x SYSTEM 'f'>]>"]), max_size=12).map(b"".join))
def test_doctype_subset_removal_matches_the_regex_sub(data):
    from ipextract.clean import dom

    assert dom._without_doctype_subset(data) == dom._DOCTYPE_SUBSET.sub(b"", data, count=1)


# --- shortcuts through the shared line rules ---------------------------------------------------


def _fixture_lines(fixtures) -> list[str]:
    from ipextract.clean.blocks import layout
    from ipextract.clean.dom import parse_html
    from ipextract.decode import decode

    out: list[str] = []
    for path in sorted(fixtures.iterdir()):
        if path.suffix == ".txt":
            out += path.read_text(encoding="utf-8").splitlines()
        elif path.suffix == ".html":
            root = parse_html(decode(path.read_bytes()).text).root
            out += [line.text for line in layout(root, lambda kind, text: None).lines]
    extra = ["首页 > 新闻 > 要闻", "您的位置：首页 / 政务公开", "主站蜘蛛池模板: 澳门赌场 | 真人娱乐", "【打印】", ""]
    return [*out, *extra]


def test_spam_or_breadcrumb_and_is_spam_text_agree_with_classify_line(fixtures):
    from ipextract.clean import lines

    checked = {"spam": 0, "breadcrumb": 0}
    for text in _fixture_lines(fixtures):
        kind = lines.classify_line(text)
        expected = kind if kind in ("spam", "breadcrumb") else None
        assert lines.spam_or_breadcrumb(text) == expected, text
        assert lines.is_spam_text(text) == (kind == "spam"), text
        if expected:
            checked[expected] += 1
    assert checked["spam"] >= 3 and checked["breadcrumb"] >= 10


def test_metadata_hint_only_skips_lines_no_parser_reads(fixtures, monkeypatch):
    """meta_fields answers None at once for lines without a bar, colon, slash, digit or long role
    word: with the shortcut switched off every line gets the same answer."""
    from ipextract.clean import meta_lines
    from ipextract.clean.line import Line

    texts = [
        *_fixture_lines(fixtures),
        "记者 张三", "本报记者 李四 王五", "通讯员 赵六", "文 / 图 陈七", "（记者 王敬照）", "来 源 新华社",
        "2019年7月29日 新华网", "索引号 | 123 | 发布机构", "責任編輯 張三", "记(jì)者 张三",
    ]
    with_hint = [meta_lines.meta_fields(Line.of(t)) for t in texts]
    monkeypatch.setattr(meta_lines, "_meta_hint", lambda: re.compile(""))
    without = [meta_lines.meta_fields(Line.of(t)) for t in texts]
    assert with_hint == without
    assert sum(1 for f in with_hint if f) >= 20


#: hidden_selectors before its candidates were narrowed to hiding property/value pairs: every colon
#: followed by a possibly hiding value (any property, case folded by re.IGNORECASE) was a candidate.
_ORACLE_CANDIDATE = re.compile(r":(?=\s*(?:none|hidden|collapse|0|-\d))", re.IGNORECASE)


def _oracle_hidden_selectors(sheet: str) -> tuple[set[str], set[str]]:
    classes: set[str] = set()
    ids: set[str] = set()
    done = -1
    for m in _ORACLE_CANDIDATE.finditer(sheet):
        at = m.start()
        if _ORACLE_PROPERTY.search(sheet, max(0, at - 24), at) is None:
            continue
        if sheet.count("{", 0, at) - sheet.count("}", 0, at) != 1:
            continue
        open_at = sheet.rfind("{", 0, at)
        if open_at <= done:
            continue
        done = open_at
        close_at = sheet.find("}", at)
        if not _oracle_style_hides(sheet[open_at + 1 : close_at if close_at >= 0 else len(sheet)]):
            continue
        begin = max(sheet.rfind("}", 0, open_at), sheet.rfind(";", 0, open_at)) + 1
        for sel in sheet[begin:open_at].split(","):
            sm = re.match(r"^(?:[a-z][a-z0-9]*)?([.#])([-\w]+)$", sel.strip(), re.IGNORECASE)
            if sm:
                (classes if sm.group(1) == "." else ids).add(sm.group(2))
    return classes, ids


_SELECTORS = [".a", "#b", "p.c", ".a,.d", ".a .b", "Div.E", " .f ", "中"]
_BODY_PIECES = ["\n", " ", "  " * 20, "é", "ſ", "K", "DISPLAY", ":NONE", " :none", "Hidden", "中", ";"]
_body_declaration = st.builds(
    lambda p, s, v, e: p + s + v + e, st.sampled_from(_PROPS), st.sampled_from(_SEPS), st.sampled_from(_VALUES),
    st.sampled_from([e for e in _ENDS if "}" not in e]),
)
_rule = st.builds(
    lambda sel, body: sel + "{" + body + "}",
    st.sampled_from(_SELECTORS),
    st.lists(st.one_of(_body_declaration, st.sampled_from(_BODY_PIECES)), max_size=6).map("".join),
)
_block = st.one_of(_rule, st.lists(_rule, max_size=3).map(lambda rules: "@media x{" + "".join(rules) + "}"))
stylesheet = st.lists(st.one_of(_block, st.sampled_from(["\n", " ", "/**/"])), max_size=8).map("".join)


@settings(max_examples=2500, deadline=None)
@given(stylesheet)
def test_hidden_selectors_match_the_broad_candidate_scan(sheet):
    """Only hiding property/value pairs are candidates now: in a well-formed sheet a rule that
    hides holds one of them, so the same rules are found as by checking every colon."""
    got = visibility.hidden_selectors([sheet])
    assert (got.classes, got.ids) == _oracle_hidden_selectors(sheet)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(declaration, st.sampled_from(["{", "}", "@media x{", ".a{", "\n", "ſ"])), max_size=14)
       .map("".join))
def test_hidden_selectors_take_any_malformed_sheet(sheet):
    got = visibility.hidden_selectors([sheet])
    assert all(isinstance(x, str) and x for x in got.classes | got.ids)


def test_hidden_selectors_examples():
    got = visibility.hidden_selectors(
        [".a{margin:0;top:0}.b{DISPLAY : NONE}#c{left:-999px;position:absolute}@media x{.d{display:none}}"
         ".e{line-height:0}.f{color:red;height:0}.g{text-indent:-9999px}.h, p.i{visibility:collapse}"]
    )
    assert got.classes == {"b", "f", "g", "h", "i"}
    assert got.ids == {"c"}


# --- script conversion in one call ---------------------------------------------------------------


def test_text_length_is_the_length_of_the_text(fixtures):
    from ipextract.clean.dom import parse_html, text_length, text_of
    from ipextract.decode import decode

    roots = [parse_html(decode(p.read_bytes()).text).root for p in sorted(fixtures.glob("*.html"))]
    tricky = "<html><body><p>表情😀<b>粗</b>&amp;&nbsp;x<script>var a='<p>';</script></p></body></html>"
    roots.append(parse_html(tricky).root)
    checked = 0
    for root in roots:
        for el in root.iter():
            if isinstance(el.tag, str):
                assert text_length(el) == len(text_of(el))
                checked += 1
    assert checked > 1000


# --- HTML path: headline keys, page preparation, breadcrumb separators ---------------------------

_NFKC_POOL = [chr(c) for c in range(0xFF01, 0xFF5F)] + [
    "\u3000", "\u00a0", "\u2026", "e", "\u0301", "\u0308", "\u0327", "\u3099", "a", "国", "國", "，", "。", "\uf900",
    "\u1100", "\u1161", "ﬁ", "①", "-", " ", "か", "ｶ", "\uff9e", "Ⅻ", "㈱", "²", "İ", "K",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_NFKC_POOL), max_size=12).map("".join))
def test_headline_norm_is_the_plain_nfkc_key(text):
    import unicodedata

    from ipextract.clean import headline

    plain = headline._NORM_DROP.sub("", unicodedata.normalize("NFKC", text)).lower()
    assert headline.norm(text) == plain


def test_headline_norm_maps_each_wide_form_to_its_decomposition():
    import unicodedata

    from ipextract.clean import headline

    for code, target in headline._WIDE_FORMS.items():
        assert unicodedata.normalize("NFKD", chr(code)) == target
    assert headline.norm("２０２０年，全市ＧＤＰ…") == "2020年全市gdp"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "中文", "x", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\t", "\n", "\r",
                                 "</body>"]), max_size=12).map("".join))
def test_prepare_removes_control_bytes_like_the_plain_translate(text):
    from ipextract.clean import dom

    plain = dom._STRAY_END.sub(b"", text.encode("utf-8").translate(None, dom._CONTROLS))
    assert dom.prepare(text) == plain


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="首页新闻 >»›＞〉→/／-：:。abc1", max_size=24), st.integers(0, 4))
def test_breadcrumb_separator_test_is_implied_by_every_separator_match(key, start):
    from ipextract.clean import lines

    for separator, marks in ((lines._CRUMB_ARROWS, lines._ARROW_MARKS), (lines._CRUMB_SLASH, lines._SLASH_MARKS)):
        if separator.search(key, start):
            assert marks.search(key, start)


_TOOLBAR_PIECES = [
    "打印", "本页", "关闭", "字号", "大", "中", "小", "分享到", "qq空间", "QQ", "空间", "微博", "国", "新闻", "English",
    "ſ", "1", "+", "【", "】", " ", "|", "：", "大中小", "繁體中文", "視力保護色", "相关链接", "阅读", "x",
]
_TOOLBAR_TEXT = st.lists(st.sampled_from(_TOOLBAR_PIECES), max_size=8).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TOOLBAR_TEXT)
def test_toolbar_tests_answer_as_without_the_stray_han_shortcut(text):
    from ipextract.clean import lines, rules_html

    never = re.compile(r"(?!)")
    fast = (rules_html.toolbar_line(text), lines.is_toolbar(text))
    with_shortcut = (rules_html._toolbar_stranger, lines._chrome_stranger)
    try:
        rules_html._toolbar_stranger = lambda: never
        lines._chrome_stranger = lambda: never
        plain = (rules_html.toolbar_line(text), lines.is_toolbar(text))
    finally:
        rules_html._toolbar_stranger, lines._chrome_stranger = with_shortcut
    assert fast == plain


def test_han_outside_finds_exactly_the_han_characters_not_allowed():
    from ipextract.clean.rules_html import han_outside

    pattern = han_outside("打印国\u3400\u9fff\uf900a")
    for ch in ["打", "印", "国", "\u3400", "\u9fff", "\uf900", "a", "1", "。", "ſ"]:
        assert pattern.search(ch) is None, ch
    for ch in ["中", "\u3401", "\u4dbf", "\u4e00", "\u9ffe", "\uf901", "\ufaff"]:
        assert pattern.search(ch) is not None, ch


def test_valid_utf8_pages_are_parsed_from_their_own_bytes(fixtures):
    """decode hands the page's bytes on when the text is exactly their UTF-8 decoding; the parser
    then sees the same bytes it would get by encoding the text."""
    from ipextract.clean import dom
    from ipextract.decode import decode

    handed = 0
    for path in sorted(fixtures.glob("*.html")):
        data = path.read_bytes()
        decoded = decode(data)
        if decoded.utf8 is not None:
            handed += 1
            assert decoded.utf8 is data and decoded.text.encode("utf-8") == data
            assert dom.prepare(decoded.text, decoded.utf8) == dom.prepare(decoded.text)
    assert handed >= 10
    assert decode("國".encode("big5")).utf8 is None
    assert decode(b"<p>x</p>" + "局".encode()[:2]).utf8 is None  # cut mid-character


def test_container_choice_is_the_first_largest_total_and_depth():
    """find_container's pick by (total, depth) with itemgetter over the entries is the first key
    the lambda over the keys picked, ties included."""
    from operator import itemgetter

    totals = {1: ["a", 5.0, 3], 2: ["b", 7.5, 2], 3: ["c", 7.5, 2], 4: ["d", 7.5, 1], 5: ["e", -1.0, 9]}
    by_lambda = max(totals, key=lambda k: (totals[k][1], totals[k][2]))
    assert max(totals.values(), key=itemgetter(1, 2)) is totals[by_lambda]
    assert by_lambda == 2


# --- a line's effective length -----------------------------------------------------------------

_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _oracle_effective_length(text: str) -> float:
    """Han characters plus a fifth of the ASCII letters and digits, counted by two deletions."""
    sample = text[:4000]
    size = len(re.sub(f"[^{_HAN_CLASS}]", "", sample)) + len(re.sub("[^A-Za-z0-9]", "", sample)) / 5
    return size * len(text) / len(sample) if len(text) > 4000 else size


_LINE_CHARS = st.sampled_from(
    ["国", "發", "㐀", "䶿", "丽", "a", "Z", "7", "０", "Ａ", "，", "。", " ", "\u3000", "é", "ß", "\ud800", "𠀀", "-",
     "\n"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_LINE_CHARS, max_size=40).map("".join))
def test_effective_length_matches_two_deletions(text):
    from ipextract.clean.article import effective_length

    assert effective_length(text) == _oracle_effective_length(text)


def test_effective_length_of_long_and_corpus_lines(fixtures):
    from ipextract.clean.article import effective_length

    long_line = "2018年专利资助金额1.43亿元，GDP增长6%。" * 400
    assert effective_length(long_line) == _oracle_effective_length(long_line)
    assert effective_length("国务院 2018 GDP") == 3 + 7 / 5
    for path in sorted(fixtures.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert effective_length(line) == _oracle_effective_length(line), line
