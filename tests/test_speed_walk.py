"""The cheaper layout walk gives exactly the layout of the walk it replaced.

tests/walk_oracle.py keeps blocks.py as it was before the shortcuts; every test here compares the
two forms field by field (text, owner element, depth, link and bold shares, marks, text runs, the
records of skipped elements, the depth reached) on the fixture pages and on generated trees that
exercise every branch: data tables, cells, line breaks, hidden and furniture elements, bold and
centred styles, headings, the depth guard.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import lxml.etree
from hypothesis import given, settings
from hypothesis import strategies as st

import walk_oracle
from ipextract.clean import blocks
from ipextract.clean.dom import parse_html, text_of
from ipextract.clean.visibility import hidden_selectors
from ipextract.decode import decode

FIXTURES = Path(__file__).parent / "fixtures"

_LINE_FIELDS = (
    "text", "index", "depth", "link_chars", "chrome", "heading", "bold", "centered", "row", "image_before",
    "raw_parts",
)


def test_the_compared_fields_are_every_field_of_a_line():
    """blocks._line fills a Line field by field: a field it forgot would be missing here."""
    assert {f.name for f in dataclasses.fields(blocks.Line)} == {"owner", *_LINE_FIELDS}
    assert {f.name for f in dataclasses.fields(walk_oracle.Line)} == {"owner", *_LINE_FIELDS}


def _shape(result) -> tuple:
    """Everything a layout says, the owner compared by identity."""
    lines = tuple((id(line.owner), *(getattr(line, name) for name in _LINE_FIELDS)) for line in result.lines)
    return lines, result.max_depth, result.truncated


def _both(root, max_depth: int | None = None) -> tuple[tuple, tuple]:
    """(new, oracle) layouts of one tree, with what each recorded."""
    mine: list[tuple[str, str]] = []
    theirs: list[tuple[str, str]] = []
    if max_depth is None:
        new = blocks.layout(root, lambda kind, text: mine.append((kind, text)))
        old = walk_oracle.layout(root, lambda kind, text: theirs.append((kind, text)))
    else:
        selectors = hidden_selectors([s.text or "" for s in root.iter("style")])
        body = root.find("body")
        start = body if body is not None else root
        new = blocks._walk(start, lambda kind, text: mine.append((kind, text)), selectors, max_depth)
        old = walk_oracle._walk(start, lambda kind, text: theirs.append((kind, text)), selectors, max_depth)
    return (_shape(new), tuple(mine)), (_shape(old), tuple(theirs))


def test_fixture_pages_lay_out_as_with_the_oracle():
    pages = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))
    assert len(pages) >= 25
    lines = 0
    for path in pages:
        decoded = decode(path.read_bytes())
        root = parse_html(decoded.text, utf8=decoded.utf8).root
        new, old = _both(root)
        assert new == old, path.name
        lines += len(new[0][0])
        # The depth guard, low enough to cut through every page's structure.
        for depth in (3, 8):
            new, old = _both(root, depth)
            assert new == old, (path.name, depth)
    assert lines > 1000


def test_text_of_a_childless_element_is_its_text():
    """blocks._text_of reads .text instead of serialising when an element has no children."""
    leaves = 0
    trees = [parse_html(decode(p.read_bytes()).text).root for p in sorted(FIXTURES.glob("*.htm*"))]
    odd = "<p>a<!-- c --></p><p><?x y?></p><p>&amp;&#20013;&nbsp;</p><p></p><p><![CDATA[z]]></p>"
    trees.append(lxml.etree.HTML(odd))
    for root in trees:
        for el in root.iter():
            assert blocks._text_of(el) == text_of(el)
            leaves += not len(el)
    assert leaves > 5000


# --- generated trees ---------------------------------------------------------------------------

_TEXTS = st.text(
    alphabet=st.sampled_from(list(" \n\t\u00a0\u3000\u200b\u00ad\ufeff\u2028ab 中国 1２.%发展\ue000")), max_size=8
)
_TAGS = st.sampled_from(
    [
        "a", "b", "strong", "span", "font", "i", "em", "div", "p", "li", "ul", "h1", "h3", "center", "nav", "form",
        "header", "footer", "aside", "table", "tbody", "tr", "td", "th", "section", "pre", "dd", "noscript",
        "iframe", "script", "select", "button", "label", "blockquote",
    ]
)
_ATTRIBUTES = st.sampled_from(
    [
        "", "", "", ' class="x"', ' class="gone y"', ' id="gone"', ' id="k"', ' href="/a"', ' style="color:red"',
        ' style="font-weight:bold"', ' style="FONT-WEIGHT: 700"', ' style="text-align:center"',
        ' style="display:none"', ' style="visibility:hidden"', " hidden", ' role="navigation"', ' role="main"',
        ' align="center"', ' align="CENTER"', ' align="left"', ' style="font-weight:bold;text-align:center"',
        ' title="t" data-x="1"',
    ]
)


def _element(children):
    return st.tuples(_TAGS, _ATTRIBUTES, _TEXTS, children, _TEXTS).map(
        lambda t: f"<{t[0]}{t[1]}>{t[2]}{''.join(t[3])}</{t[0]}>{t[4]}"
    )


_VOIDS = st.tuples(st.sampled_from(["<br>", "<br/>", "<img src=x>", "<hr>", "<!-- c -->", "<input>"]), _TEXTS).map(
    "".join
)


def _table(children):
    """A table of rows of cells (a data table when it has two rows of two short cells)."""
    cell = st.tuples(st.sampled_from(["td", "th", "td"]), _ATTRIBUTES, st.lists(children, max_size=3)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"
    )
    row = st.tuples(st.lists(cell, max_size=4), _TEXTS).map(lambda t: f"<tr>{''.join(t[0])}</tr>{t[1]}")
    return st.tuples(_ATTRIBUTES, st.lists(row, max_size=4), _TEXTS).map(
        lambda t: f"<table{t[0]}>{''.join(t[1])}</table>{t[2]}"
    )


_FRAGMENTS = st.recursive(
    st.one_of(_TEXTS, _VOIDS),
    lambda children: st.one_of(_element(st.lists(children, max_size=5)), _table(children)),
    max_leaves=40,
)
_PAGE_STYLE = "<style>.gone{display:none} #gone{visibility:hidden}</style>"


@settings(max_examples=800, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=6), st.booleans(), st.sampled_from([None, 0, 1, 2, 4, 6]))
def test_generated_trees_lay_out_as_with_the_oracle(fragments, styled, max_depth):
    head = f"<head>{_PAGE_STYLE}</head>" if styled else ""
    root = parse_html(f"<html>{head}<body>{''.join(fragments)}</body></html>").root
    new, old = _both(root, max_depth)
    assert new == old


def test_data_table_rows_lay_out_as_with_the_oracle():
    html = (
        "<html><body><p>前言</p><table><tr><td>指标</td><td><b>数值</b></td><td></td></tr>"
        "<tr><th> </th><td><a href=x>12.5</a><br>亿元</td><td>3%</td></tr>x"
        "<tr><td><a>1<br>2</a></td><td><b>3</b></td></tr><tr><td>&#8203;</td><td>5</td></tr>"
        "</table><table><tr><td>a<table><tr><td>x</td></tr></table></td></tr></table>"
        "<table><tr><td>单</td></tr></table><div>尾<b>粗</b><a>链</a></div></body></html>"
    )
    root = parse_html(html).root
    new, old = _both(root)
    assert new == old
    assert [(line[1], line[4], line[9]) for line in new[0][0]] == [
        ("前言", 0, False), ("指标\t数值", 0, True), ("12.5 亿元\t3%", 5, True), ("x", 0, False),
        ("1 2\t3", 3, True), ("5", 0, False), ("a", 0, False), ("x", 0, False), ("单", 0, False), ("尾粗链", 1, False),
    ]


def test_comments_and_processing_instructions_lay_out_as_with_the_oracle():
    """parse_html drops them; a tree from elsewhere may hold them (their tag is not a str)."""
    html = "<html><body><p>a<!-- c -->b<?php x ?>c<span>d<!-- e --></span>f</p><div><!-- g --></div></body></html>"
    root = lxml.etree.HTML(html)
    assert sum(1 for el in root.iter() if el.tag.__class__ is not str) == 4
    new, old = _both(root)
    assert new == old
    assert [line[1] for line in new[0][0]] == ["abcdf"]


# --- _clean -------------------------------------------------------------------------------------

#: Every white-space character, every invisible one, and one character of each other kind the
#: shortcut's reasoning touches: printable ASCII and Han, a non-printable format character that is
#: not invisible here, a private-use one, a control character, NBSP.
_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_INVISIBLES = "".join(chr(c) for c in range(sys.maxunicode + 1) if blocks._INVISIBLE.match(chr(c)))
_OTHERS = "a中\U000e0001\ue000\x1f\x7f"


def _oracle_clean(text: str) -> str:
    return " ".join(blocks._INVISIBLE.sub("", text).split())


def test_clean_folds_first_because_no_invisible_character_is_white_space():
    """The proof behind testing the folded text: folding keeps every invisible character (none is
    white space), so the folded text is printable only when the text held none."""
    assert len(_INVISIBLES) == 6
    assert not any(ch.isspace() or ch.isprintable() for ch in _INVISIBLES)
    for a in _WHITESPACE + _INVISIBLES + _OTHERS:
        for b in _WHITESPACE + _INVISIBLES + _OTHERS:
            for text in (a + b, f"x{a}{b}y", f"{a} {b}", f"中{a}\u200b{b}国", f"x {a}\u00ad {b} y"):
                assert blocks._clean(text) == _oracle_clean(text), repr(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WHITESPACE + _INVISIBLES + _OTHERS + "b发 "), max_size=30))
def test_clean_matches_the_regex_first_form(text):
    assert blocks._clean(text) == _oracle_clean(text)
