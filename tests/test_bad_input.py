"""Bad input never raises: a document with `error` set, a one-line message, exit status 1."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import zipfile

import pytest

from ipextract import Options, parse, parse_file
from ipextract.sources import files

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.html", "<html><body><p>你好</p></body></html>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind", "words"),
    [
        ("empty.html", b"", "empty", "empty"),
        ("blank.txt", b" \n\t\r\n  ", "empty", "empty"),
        ("doc.pdf.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "binary", "PDF"),
        ("image.html", PNG, "binary", "PNG"),
        ("archive.txt", _zip_bytes(), "binary", "zip"),
        ("page.html.gz", gzip.compress(b"<p>hi</p>"), "binary", "gzip"),
        ("random.bin", bytes(range(256)) * 64, "binary", "binary"),
    ],
)
def test_bad_bytes_give_an_error_document(tmp_path, name, data, kind, words):
    path = tmp_path / name
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.error_kind == kind
    assert words in doc.error
    assert doc.text == "" and doc.facts == []
    assert doc.path == str(path)


def test_directory(tmp_path):
    doc = parse_file(tmp_path)
    assert doc.error_kind == "is_directory"


def test_missing(tmp_path):
    doc = parse_file(tmp_path / "nope.txt")
    assert (doc.error_kind, doc.error) == ("not_found", "no such file")


def test_unreadable(tmp_path, monkeypatch):
    path = tmp_path / "locked.html"
    path.write_text("<p>x</p>")

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "open", deny, raising=False)
    doc = parse_file(path)
    assert (doc.error_kind, doc.error) == ("unreadable", "permission denied")


def test_truncated_html_still_parses(fixtures):
    data = (fixtures / "gne-zj-fzggw-1.html").read_bytes()
    cut = data[: len(data) // 2]
    doc = parse(cut, path="cut.html")
    assert doc.error is None
    assert doc.format == "html"


def test_single_huge_line_is_too_large(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write("统计".encode() * (25 * 1024 * 1024 // 6))
    doc = parse_file(path)
    assert doc.error_kind == "too_large"
    assert str(Options().max_bytes) in doc.error


def test_max_bytes_applies_to_in_memory_input():
    doc = parse(b"<p>" + b"x" * 2000 + b"</p>", Options(max_bytes=1000))
    assert doc.error_kind == "too_large"


def test_cli_reports_each_failure_on_one_line_and_exits_1(tmp_path, fixtures):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    png = tmp_path / "x.png"
    png.write_bytes(PNG)
    proc = subprocess.run(
        [sys.executable, "-m", "ipextract", "parse", str(empty), str(tmp_path), str(png),
         str(fixtures / "seed-hp-ip.txt"), "-f", "jsonl"],
        capture_output=True, check=False,
    )
    assert proc.returncode == 1
    err = proc.stderr.decode().strip().splitlines()
    assert err == [
        f"ipextract: {empty}: file is empty",
        f"ipextract: {tmp_path}: is a directory, not a page",
        f"ipextract: {png}: looks like a PNG image, not a web page",
    ]
    assert b"Traceback" not in proc.stderr
    assert len(proc.stdout.decode().splitlines()) == 4
