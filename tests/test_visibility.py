"""What the page itself hides: inline styles, the `hidden` attribute and its own stylesheets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean.html.visibility import hidden_selectors, style_hides


@pytest.mark.parametrize(
    "style",
    [
        "display:none",
        "DISPLAY : NONE",
        "visibility:hidden",
        "visibility: collapse",
        "font-size:0",
        "font-size:0px;color:red",
        "height:0;overflow:hidden",
        "max-height: 0; overflow:hidden",
        "color:red;height:0.0px!important",
        "opacity:0",
        "opacity:0.00;",
        "text-indent:-10000px",
        "margin-left:-999px",
        "position:absolute;left:-9999px",
        "position: fixed; top: -800px",
        "x" * 300 + ";display:none",  # long styles are read like short ones
        # Pixel-sized boxes with overflow hidden, clipped and zero-scaled boxes.
        "height:1px;overflow:hidden",
        "width:1px; height:1px; overflow: hidden",
        "overflow:hidden;max-height:2px",
        "width:0;overflow:hidden",
        "position:absolute;clip:rect(0 0 0 0)",
        "position:absolute; clip: rect(1px, 1px, 1px, 1px)",
        "transform:scale(0)",
    ],
)
def test_hiding_styles(style):
    assert style_hides(style)


@pytest.mark.parametrize(
    "style",
    [
        "color:red",
        "font-size:0.8em",
        "margin-left:-20px",
        "left:-9999px",  # off-screen only when positioned
        "height:10px",
        "line-height:0",
        "height:0 auto",
        "opacity:0.5",
        "margin:0;top:0",
        "position:absolute; left:-120px; top:-9999px",  # the first offset decides
        "height:12px;overflow:hidden",
        "line-height:1px;overflow:hidden",
        "max-height:200px;overflow:hidden",
        "height:1px",  # a rule line: nothing hidden without overflow:hidden
        "clip:rect(0 0 0 0)",  # clip needs a positioned box
        "transform:scale(0.5)",
        "",
    ],
)
def test_visible_styles(style):
    assert not style_hides(style)


def test_stylesheet_rules_only_count_outside_media_queries():
    found = hidden_selectors(
        [".a{color:red} .hide, #x {display: none} @media (max-width:9px){.m{display:none}} "
         "div.z{font-size:0px;} .t .u{display:none} .off{position:absolute;left:-9999px}"]
    )
    assert found.classes == {"hide", "z", "off"}
    assert found.ids == {"x"}


def test_stylesheet_rules_read_every_hiding_declaration():
    found = hidden_selectors(
        [".a{margin:0;top:0}.b{DISPLAY : NONE}#c{left:-999px;position:absolute}@media x{.d{display:none}}"
         ".e{line-height:0}.f{color:red;height:0}.g{text-indent:-9999px}.h, p.i{visibility:collapse}"]
    )
    assert found.classes == {"b", "f", "g", "h", "i"}
    assert found.ids == {"c"}


def test_several_stylesheets_add_up_and_none_hides_nothing():
    found = hidden_selectors([".a{display:none}", "#b{visibility:hidden}", ""])
    assert (found.classes, found.ids) == ({"a"}, {"b"})
    assert not hidden_selectors([])
    assert not hidden_selectors(["p{display:none} .x .y{display:none}"])  # tags and compounds are not read


_DECLARATION = st.builds(
    lambda p, s, v, e: p + s + v + e,
    st.sampled_from(["display", "visibility", "font-size", "height", "opacity", "left", "top", "position", "é"]),
    st.sampled_from([":", " : ", "："]),
    st.sampled_from(["none", "hidden", "0", "0px", "-999px", "absolute", "block", ""]),
    st.sampled_from([";", "}", "", " ", "\n"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_DECLARATION, st.sampled_from(["{", "}", "@media x{", ".a{", "#b{", "\n", "ſ"])), max_size=14)
       .map("".join))
def test_any_malformed_stylesheet_gives_names_and_never_raises(sheet):
    found = hidden_selectors([sheet])
    assert all(isinstance(x, str) and x for x in found.classes | found.ids)
