"""Is the input a page at all, and is it HTML or text?"""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from ipextract import parse
from ipextract.errors import InputError
from ipextract.sniff import detect_format, reject_binary


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.html", "<html></html>")
    return buf.getvalue()


BINARIES = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "zip": _zip(),
    "gzip": gzip.compress(b"<html><body>x</body></html>"),
    "elf": b"\x7fELF\x02\x01\x01" + bytes(40),
    "mp4": b"\x00\x00\x00\x18ftypmp42" + bytes(20),
    "noise": bytes(range(256)) * 20,
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_inputs_are_rejected(name):
    with pytest.raises(InputError) as err:
        reject_binary(BINARIES[name])
    assert err.value.kind == "binary"


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_given_as_a_page_becomes_an_error_document(name):
    doc = parse(BINARIES[name], path=f"page.{name}")
    assert doc.error_kind == "binary"
    assert doc.text == ""


def test_empty_and_blank_inputs():
    for data in (b"", b"  \n\t "):
        with pytest.raises(InputError) as err:
            reject_binary(data)
        assert err.value.kind == "empty"


def test_pages_are_not_binary():
    reject_binary((FIXTURES / "trafilatura-hexinhua-gbk-1.html").read_bytes())
    reject_binary("<html><body>中文</body></html>".encode("utf-16-le"))
    reject_binary("中文页面".encode("utf-16"))


def test_html_is_recognised_after_a_long_preamble():
    assert detect_format("// " + "x" * 10_000 + "\n<html><body><p>正文</p></body></html>") == "html"
    assert detect_format("<div class='a'>片段</div>") == "html"
    assert detect_format((FIXTURES / "gne-163-9.html").read_text(encoding="utf-8")) == "html"


def test_text_pages_are_text():
    assert detect_format((FIXTURES / "seed-hp-ip.txt").read_text(encoding="utf-8")) == "text"
    assert detect_format("发布时间：2024-01-01 来源：某某局\n正文 a < b 且 c > d。") == "text"


def test_empty_means_only_whitespace_however_long():
    with pytest.raises(InputError) as err:
        reject_binary(b" \n\t" * 3000)
    assert err.value.kind == "empty"
    reject_binary(b" " * 5000 + "正文".encode())  # text after the first 4 KB: not empty
    assert parse("\u3000 \n\t\u00a0".encode()).error_kind == "empty"
    assert parse(" \n<p>正文内容在这里</p>".encode()).error_kind is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(0x3001) if chr(c).isspace()] + ["a", "中", "\x00"]),
               max_size=20))
def test_isspace_is_the_empty_strip_test(text):
    """The emptiness checks use `isspace()` (no copy of the page) where they mean `not strip()`."""
    assert (not text or text.isspace()) == (not text.strip())


@pytest.mark.parametrize(("data", "outcome"), [
    (b"%PDF-1.4 ...", ("binary", "looks like a PDF file, not a web page")),
    (bytes(range(32)) * 20, ("binary", "looks like binary data, not a web page")),
    ("<p>正文</p>".encode(), None),
    ("<p>正文</p>".encode("utf-16-le"), None),
    (("国家知识产权局发布专利统计数据" * 40).encode("utf-16-le"), None),  # no NULs, still UTF-16
])
def test_reject_binary_examples(data, outcome):
    try:
        reject_binary(data)
    except InputError as exc:
        assert (exc.kind, exc.message) == outcome
    else:
        assert outcome is None
