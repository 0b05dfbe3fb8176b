"""Shortcuts on the per-byte work of a page give exactly the answers of the plain forms they replaced.

Each test keeps the plain version (the regex, the copy, the count) as an oracle and compares on
generated input and on the fixture pages.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import lxml.etree
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.clean import repair as repair_module
from ipextract.clean.dom import parse_html
from ipextract.clean.repair import _INVISIBLE, count_invisible, fold_spaces, remove_pinyin, repair
from ipextract.decode import decode
from ipextract.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"

#: Every whitespace character, every invisible one, and ordinary text around them.
_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_INVISIBLES = "".join(chr(c) for c in range(sys.maxunicode + 1) if _INVISIBLE.match(chr(c)))
_TEXT = st.text(alphabet=st.sampled_from(_WHITESPACE + _INVISIBLES + "ab?？(fā)發展中国\ue000\U0001f600"), max_size=60)


def _html_pages() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))


# --- repair: invisible characters ---------------------------------------------------------------


def test_every_invisible_character_is_neither_printable_nor_whitespace():
    """What makes `isprintable()` a proof that a line holds none."""
    assert len(_INVISIBLES) == 77
    assert not any(ch.isprintable() or ch.isspace() for ch in _INVISIBLES)


def test_layout_clean_skips_only_printable_text_which_holds_no_invisible_character():
    """blocks._clean runs its invisible-character regex only on non-printable text."""
    from ipextract.clean import blocks

    layout_invisibles = [chr(c) for c in range(sys.maxunicode + 1) if blocks._INVISIBLE.match(chr(c))]
    assert len(layout_invisibles) == 6
    assert not any(ch.isprintable() for ch in layout_invisibles)
    for text in ("发展\u200b中国", "a\u00adb 中", "中\ufeff国\n", "中国 发展"):
        assert blocks._clean(text) == " ".join(blocks._INVISIBLE.sub("", text).split())
    assert blocks._clean("中\u200d国 \u3000 发展") == "中国 发展"


def _oracle_repair(line: str, removed: Counter[str], *, keep_pinyin: bool = False) -> str:
    """`repair` as it was: the invisible-character regex runs on every line."""
    if not line:
        return line
    line, n = _INVISIBLE.subn("", line)
    removed["invisible_chars"] += n
    if not keep_pinyin and "(" in line:
        line, n = remove_pinyin(line)
        removed["pinyin_annotations"] += n
    if "?" in line or "？" in line:
        line, n = repair_module._LOST_LEADING.subn("", line)
        line, m = repair_module._LOST_INNER.subn(" ", line)
        removed["lost_char_runs"] += n + m
    return fold_spaces(line)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.booleans())
def test_repair_matches_the_always_regex_form(line, keep_pinyin):
    mine, theirs = Counter(), Counter()
    assert repair(line, mine, keep_pinyin=keep_pinyin) == _oracle_repair(line, theirs, keep_pinyin=keep_pinyin)
    assert +mine == +theirs


def test_count_invisible_examples():
    assert count_invisible("国家\u200b知识\n产权\u00a0局") == 1
    assert count_invisible("国家 知识\n\t产权\u3000局") == 0
    assert count_invisible("\x01\u202e\ufeff") == 3
    assert count_invisible("") == 0


# --- pipeline: the empty-text check -------------------------------------------------------------


# --- sniffing -----------------------------------------------------------------------------------


# --- dom: element count --------------------------------------------------------------------------


@pytest.mark.parametrize("path", _html_pages(), ids=lambda p: p.name)
def test_element_count_is_the_xpath_count(path):
    parsed = parse_html(decode(path.read_bytes()).text)
    assert parsed.elements == int(parsed.root.xpath("count(//*)")) == sum(
        1 for el in parsed.root.getroottree().iter() if isinstance(el.tag, str)
    )


def test_element_guard_reports_the_count():
    html = "<div>" + "<p>x</p>" * 150 + "</div>"
    with pytest.raises(InputError) as exc:
        parse_html(html, max_elements=100)
    assert exc.value.kind == "too_complex"
    assert exc.value.message == "page has 153 HTML elements, over the limit of 100"
    assert parse_html(html, max_elements=153).elements == 153
    assert isinstance(parse_html(html).root, lxml.etree._Element)


# --- decode: the mixed-UTF-8 gate ---------------------------------------------------------------


# --- decode: a declared Chinese codec that reads plausibly ---------------------------------------


