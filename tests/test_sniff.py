"""Is the input a page at all, and is it HTML or text?"""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

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
