"""Input faults (issues 18.2, 18.6, 18.9, 15.1): lying WARC lengths, saved sites named as servers
name their pages, gzip pages and archives inside archives, pages a WARC mislabels."""

from __future__ import annotations

import gzip
import io
import json
import logging
import subprocess
import sys
import tarfile
import zipfile

import pytest

from batch_inputs import PAGES, page
from ipextract.sources import Selection, iter_items

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


# ---------------------------------------------------------------------------------------------
# saved sites: pages named as servers name them, taken by content (15.1)

#: Names real servers give pages, each with a page from the corpus.
SERVER_NAMES = ("ShowInfo.aspx", "article.jsp", "news.php", "content_123.htm", "index", "page.HTML",
                "t20190729_1.html")
#: Files a saved site holds besides its pages, with the kind each is counted as.
NOT_PAGES = (
    ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image"),
    ("banner.jpg", b"\xff\xd8\xff\xe0" + bytes(200), "image"),
    ("notice.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
    ("style.css", b"/* site */\nbody { margin: 0; }\n.nav a { color: #333; }\n", "stylesheet"),
    ("jquery.min.js", b"/*! jQuery v1.8 */\n(function(a,b){var c=a.document;})(window);", "script"),
    ("config.json", b'{"site": "x.gov.cn", "pages": [1, 2]}', "data file"),
)


def saved_site(root):
    root.mkdir()
    for name, source in zip(SERVER_NAMES, (*PAGES, "p04.txt")):
        (root / name).write_bytes(page(source))
    for name, data, _ in NOT_PAGES:
        (root / "static" / name).parent.mkdir(exist_ok=True)
        (root / "static" / name).write_bytes(data)
    return root


def kinds_of(paths):
    return {it.path.rsplit("/", 1)[-1].rsplit("::", 1)[-1]: (it.error_kind, it.error and it.error.split(":")[0])
            for it in iter_items([str(p) for p in paths])}


def test_every_file_of_a_saved_site_is_a_candidate_judged_by_content(tmp_path):
    site = saved_site(tmp_path / "site")
    expected = {name: (None, None) for name in SERVER_NAMES}
    expected |= {name: ("skipped", kind) for name, _, kind in NOT_PAGES}
    assert kinds_of([site]) == expected
    z = tmp_path / "site.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                zf.write(path, str(path.relative_to(site)))
    assert kinds_of([z]) == expected
    t = tmp_path / "site.tar.gz"
    with tarfile.open(t, "w:gz") as tf:
        tf.add(site, arcname="site")
    assert kinds_of([t]) == expected


def test_include_and_exclude_still_narrow_the_candidates(tmp_path):
    site = saved_site(tmp_path / "site")
    assert set(kinds_of_selected(site, Selection(include=("*.aspx", "*.jsp")))) == {"ShowInfo.aspx", "article.jsp"}
    left = kinds_of_selected(site, Selection(exclude=("static/*",)))
    assert set(left) == set(SERVER_NAMES)


def kinds_of_selected(root, selection):
    return {it.path.rsplit("/", 1)[-1]: it.error_kind for it in iter_items([str(root)], selection)}


def test_a_saved_site_through_batch_counts_what_it_skipped(tmp_path):
    site = saved_site(tmp_path / "site")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    run = subprocess.run([sys.executable, "-m", "ipextract", "batch", str(site), "-o", str(out),
                          "--errors", str(errors), "-j", "1"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in records) == sorted(SERVER_NAMES)
    assert all(r["error"] is None and r["text"] for r in records)
    skipped = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert sorted((r["path"].rsplit("/", 1)[-1], r["error_kind"]) for r in skipped) == sorted(
        (name, "skipped") for name, _, _ in NOT_PAGES)
    assert ("13 documents: 7 ok, 0 failed; skipped: 2 images, 1 data file, 1 pdf, 1 script, 1 stylesheet;"
            in run.stderr)


def test_an_archive_found_in_a_folder_is_known_by_its_content(tmp_path):
    (tmp_path / "crawl").mkdir()
    with zipfile.ZipFile(tmp_path / "crawl" / "download", "w") as zf:
        zf.writestr("a.html", page("p01.txt"))
    w = lying_warc(tmp_path / "crawl" / "export.dat", 0)
    assert [(it.path, it.error_kind) for it in iter_items([str(tmp_path / "crawl")])] == [
        (f"{tmp_path}/crawl/download::a.html", None),
        *((f"{w}::urn:uuid:00000000-0000-0000-0000-{i:012d}", None) for i in range(6)),
    ]


# ---------------------------------------------------------------------------------------------
# gzip pages and archives inside archives; mislabelled WARC payloads (18.9)


def test_a_gzip_page_inside_an_archive_is_decompressed(tmp_path):
    z = tmp_path / "pages.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.html.gz", gzip.compress(page("clone-moe-1.html"), mtime=0))
        zf.writestr("logo.png.gz", gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(100), mtime=0))
    t = tmp_path / "pages.tar"
    with tarfile.open(t, "w") as tf:
        data = gzip.compress(page("p01.txt"), mtime=0)
        info = tarfile.TarInfo("x/a.txt.gz")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    got = [(it.path.rsplit("::", 1)[-1], it.data, it.error_kind) for it in iter_items([str(z), str(t)])]
    assert got == [("a.html.gz", page("clone-moe-1.html"), None), ("logo.png.gz", None, "skipped"),
                   ("x/a.txt.gz", page("p01.txt"), None)]


def test_an_archive_inside_an_archive_is_one_nested_archive_record(tmp_path):
    inner_zip = io.BytesIO()
    with zipfile.ZipFile(inner_zip, "w") as zf:
        zf.writestr("a.html", page("p01.txt"))
    inner_tar = io.BytesIO()
    with tarfile.open(fileobj=inner_tar, mode="w") as tf:
        info = tarfile.TarInfo("a.html")
        info.size = len(page("p01.txt"))
        tf.addfile(info, io.BytesIO(page("p01.txt")))
    warc = lying_warc(tmp_path / "w.warc.gz", 0).read_bytes()
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("in.zip", inner_zip.getvalue())
        zf.writestr("in.tar", inner_tar.getvalue())
        zf.writestr("p.html", page("p02.txt"))
    t = tmp_path / "outer.tar"
    with tarfile.open(t, "w") as tf:
        info = tarfile.TarInfo("crawl.warc.gz")
        info.size = len(warc)
        tf.addfile(info, io.BytesIO(warc))
    got = [(it.path.rsplit("::", 1)[-1], it.error_kind) for it in iter_items([str(outer), str(t)])]
    assert got == [("in.zip", "nested_archive"), ("in.tar", "nested_archive"), ("p.html", None),
                   ("crawl.warc.gz", "nested_archive")]


def test_a_page_a_warc_labels_octet_stream_is_read_and_a_binary_one_skipped(tmp_path):
    w = tmp_path / "w.warc"
    w.write_bytes(warc_record(0, page("p01.txt"), content_type="application/octet-stream")
                  + warc_record(1, b"\x89PNG\r\n\x1a\n" + bytes(100), content_type="application/octet-stream")
                  + warc_record(2, b"\x89PNG\r\n\x1a\n" + bytes(100), content_type="image/png")
                  + warc_record(3, page("p02.txt")))
    assert summary(w) == [("000000000000", page("p01.txt"), None), ("000000000001", None, "skipped"),
                          ("000000000003", page("p02.txt"), None)]


def test_an_output_inside_an_input_folder_is_not_read_back(tmp_path):
    """Every file of a folder is a candidate, so the run's own output, parts and temporaries in it
    must be left out (a second run finds the first run's output there too)."""
    site = saved_site(tmp_path / "site")
    out, errors = site / "out.jsonl", site / "errors.jsonl"
    for _ in range(2):
        run = subprocess.run([sys.executable, "-m", "ipextract", "batch", str(site), "-o", str(out),
                              "--errors", str(errors), "-j", "1", "-q", "--shard-size", "2"],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        paths = [json.loads(line)["path"] for f in (out, errors) for line in f.read_text(encoding="utf-8").splitlines()]
        assert len(paths) == len(SERVER_NAMES) + len(NOT_PAGES)
        assert not any(p.endswith((".jsonl", ".tmp", "run.json")) for p in paths)


# ---------------------------------------------------------------------------------------------
# archives read in linear time: a tar.gz streamed once, a zip listed once per worker (18.8)


def test_shards_of_one_archive_read_it_once_per_process(tmp_path, monkeypatch):
    from ipextract.batch.shard import plan_shards
    from ipextract.sources import plan_units, read_units
    from ipextract.sources import tar as tar_module
    from ipextract.sources import zip as zip_module

    members = [(f"m{i:04d}.txt", page("p01.txt")[: 200 + i]) for i in range(300)]
    tgz = tmp_path / "big.tar.gz"
    with tarfile.open(tgz, "w:gz") as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
    opened: list[str] = []
    real_tar, real_zip = tar_module.tarfile.open, zip_module.zipfile.ZipFile
    monkeypatch.setattr(tar_module.tarfile, "open", lambda *a, **k: opened.append("tar") or real_tar(*a, **k))
    monkeypatch.setattr(zip_module.zipfile, "ZipFile", lambda *a, **k: opened.append("zip") or real_zip(*a, **k))
    shards = list(plan_shards(plan_units([str(tgz), str(z)]), max_docs=25))
    opened.clear()  # listing reads each once; now the shards, in order, as one worker gets them
    got = [it.data for shard in shards for it in read_units(shard.units)]
    assert got == [d for _, d in members] * 2
    assert len(shards) == 24 and opened == ["tar", "zip"]


def test_a_warc_gz_record_larger_than_one_read_is_followed_by_the_next(tmp_path):
    """Found by the soak: a member ending in the call after an output-limited one left zlib's
    unconsumed_tail stale, the next member was placed before this one, and the scan never ended."""
    big = page("clone-moe-1.html") * 8  # well over the 64 KB read at a time, compressible
    records = [warc_record(0, page("p01.txt")), warc_record(1, big), warc_record(2, page("p02.txt"))]
    w = tmp_path / "w.warc.gz"
    w.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    assert summary(w) == [("000000000000", page("p01.txt"), None), ("000000000001", big, None),
                          ("000000000002", page("p02.txt"), None)]
