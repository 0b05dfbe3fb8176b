"""Input faults (issues 18.2, 18.6, 18.9, 15.1): lying WARC lengths, saved sites named as servers
name their pages, gzip pages and archives inside archives, pages a WARC mislabels."""

from __future__ import annotations

import gzip
import logging

import pytest

from batch_inputs import PAGES, page
from ipextract.sources import iter_items

SIX = PAGES  # six real pages, one per WARC record


def warc_record(index: int, payload: bytes, *, lie: int = 0, content_type: str = "text/html") -> bytes:
    """One WARC response record; `lie` is added to its true Content-Length."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + payload
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{index:012d}>\r\n"
        f"WARC-Target-URI: http://x.gov.cn/{index}\r\nWARC-Date: 2019-07-30T08:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) + lie}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def lying_warc(path, lie: int, liar: int = 1):
    records = [warc_record(i, page(name), lie=lie if i == liar else 0) for i, name in enumerate(SIX)]
    if str(path).endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def summary(path):
    return [(it.path.rsplit("-", 1)[-1], it.data, it.error_kind) for it in iter_items([str(path)])]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("lie", [10**9, 300, -300])
def test_a_warc_record_lying_about_its_length_loses_only_itself(tmp_path, name, lie, caplog):
    w = lying_warc(tmp_path / name, lie)
    with caplog.at_level(logging.WARNING):
        got = summary(w)
    expected = [(f"{i:012d}", page(n), None) for i, n in enumerate(SIX)]
    expected[1] = ("000000000001", None, "bad_length")
    assert got == expected


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_lying_last_record_is_bad_length_or_truncated(tmp_path, name):
    w = lying_warc(tmp_path / name, -300, liar=5)
    assert [k for _, _, k in summary(w)] == [None] * 5 + ["bad_length"]
    w = lying_warc(tmp_path / name, 300, liar=5)
    assert [k for _, _, k in summary(w)] == [None] * 5 + ["truncated" if name == "crawl.warc" else "bad_length"]


def test_warcio_warnings_do_not_reach_stderr(tmp_path, capfd):
    w = lying_warc(tmp_path / "crawl.warc", 300)
    summary(w)
    assert capfd.readouterr().err == ""
