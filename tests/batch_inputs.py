"""Builders for the batch tests: archives and WARCs made from the fixture pages inside a test."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

#: Real pages from the shared corpus (TXT, UTF-8 HTML, GBK HTML), copied as-is.
PAGES = ("p01.txt", "p02.txt", "p03.txt", "clone-moe-1.html", "gne-zsnews-1.html",
         "trafilatura-hexinhua-gbk-1.html")


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def make_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return path


def make_tar(path: Path, members: list[tuple[str, bytes]], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tf.addfile(info, io.BytesIO(data))
    return path


def make_gzip(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data, mtime=0))
    return path


def make_warc(path: Path, records: list[dict]) -> Path:
    """records: dicts with uri, payload, type (response|resource|request), content_type, date."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for i, rec in enumerate(records):
            rtype = rec.get("type", "response")
            headers = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>",
                       "WARC-Date": rec.get("date", "2019-07-30T08:00:00Z")}
            http = None
            if rtype == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", rec.get("content_type", "text/html"))],
                                        protocol="HTTP/1.1")
            elif rtype == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.invalid")], is_http_request=True)
            record = writer.create_warc_record(
                rec["uri"], rtype, payload=io.BytesIO(rec.get("payload", b"")),
                warc_content_type=rec.get("content_type", "text/html") if rtype == "resource" else "",
                warc_headers_dict=headers, http_headers=http,
            )
            writer.write_record(record)
    return path
