"""Untrusted page text into a tree: the repairs before parsing, the guards, text lengths."""

from __future__ import annotations

import lxml.etree
import pytest

from ipextract.clean.html.dom import parse_html, prepare, text_length, text_of
from ipextract.decode import decode
from ipextract.errors import InputError


@pytest.mark.parametrize(
    ("text", "prepared"),
    [
        # a stray end of the document: browsers ignore it, libxml2 would drop what follows
        ("<html><body><p>a</p></body></html></html><p>c", b"<html><body><p>a</p><p>c"),
        ("<p>x</body>y</BODY ></p>", b"<p>xy</p>"),
        # an XML declaration naming another encoding than the UTF-8 parsed
        ('<?xml version="1.0" encoding="gbk"?><p>x</p>', b"<p>x</p>"),
        # a DOCTYPE internal subset (the XXE and billion-laughs shape)
        ('<!DocType r [<!ENTITY x SYSTEM "f">]><p>x</p>', b"<p>x</p>"),
        ('<!DOCTYPE html><p>x</p>', b"<!DOCTYPE html><p>x</p>"),
        # control characters, but not tab, line feed and carriage return
        ("<p>\x00中\x01文\x0b\x1f\x7f\t\n\r</p>", "<p>中文\t\n\r</p>".encode()),
    ],
)
def test_prepare(text, prepared):
    assert prepare(text) == prepared


def test_a_valid_utf8_page_is_parsed_from_its_own_bytes(fixtures):
    """decode hands on the page's bytes when the text is exactly their UTF-8 decoding; the parser
    then prepares the same bytes as from the text."""
    handed = 0
    for path in sorted(fixtures.glob("*.html")):
        data = path.read_bytes()
        decoded = decode(data)
        if decoded.utf8 is not None:
            handed += 1
            assert decoded.utf8 is data
            assert prepare(decoded.text, decoded.utf8) == prepare(decoded.text)
    assert handed >= 10
    assert decode("國".encode("big5")).utf8 is None
    assert decode(b"<p>x</p>" + "局".encode()[:2]).utf8 is None  # cut mid-character


def test_elements_are_counted_and_guarded():
    html = "<div>" + "<p>x</p>" * 150 + "</div>"
    with pytest.raises(InputError) as exc:
        parse_html(html, max_elements=100)
    assert exc.value.kind == "too_complex"
    assert exc.value.message == "page has 153 HTML elements, over the limit of 100"
    parsed = parse_html(html, max_elements=153)
    assert parsed.elements == 153
    assert isinstance(parsed.root, lxml.etree._Element)


def test_element_count_is_every_element_of_the_tree(fixtures):
    for path in sorted(fixtures.glob("*.html")):
        parsed = parse_html(decode(path.read_bytes()).text)
        assert parsed.elements == sum(1 for el in parsed.root.getroottree().iter() if isinstance(el.tag, str))


def test_text_length_is_the_length_of_the_text(fixtures):
    roots = [parse_html(decode(p.read_bytes()).text).root for p in sorted(fixtures.glob("*.html"))[:10]]
    tricky = "<html><body><p>表情😀<b>粗</b>&amp;&nbsp;x<script>var a='<p>';</script></p></body></html>"
    roots.append(parse_html(tricky).root)
    checked = 0
    for root in roots:
        for el in root.iter():
            assert text_length(el) == len(text_of(el))
            checked += 1
    assert checked > 1000
    assert text_of(roots[-1].find("body")) == "表情😀粗&\u00a0xvar a='<p>';"
