"""Hostile archives: member names that climb out (`..`, absolute, drive letters), links, devices,
duplicates — read as data or skipped with a record, never followed and never written to disk —
and archives cut short, which give the documents before the damage plus an error record.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tarfile
import uuid
import zipfile
from pathlib import Path

import pytest

import bombs
from batch_inputs import make_tar, make_warc, make_zip, page
from ipextract.sources import iter_items
from proc_tree import run_measured

PY = sys.executable
SECRET = "SECRET-CONTENT-THAT-MUST-NOT-LEAK"


def items(*paths: Path) -> list[tuple[str, bytes | None, str | None]]:
    return [(it.path, it.data, it.error_kind) for it in iter_items([str(p) for p in paths])]


def batch(tmp_path: Path, *inputs: Path, cwd: Path | None = None) -> tuple[list[dict], object]:
    out = tmp_path / "out" / "docs.jsonl"
    out.parent.mkdir(exist_ok=True)
    run = run_measured([PY, "-m", "ipextract", "batch", *map(str, inputs), "-o", str(out), "-j", "1", "-q"],
                       timeout=120, cwd=cwd)
    assert "Traceback" not in run.stderr, run.stderr
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()], run


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


# ---------------------------------------------------------------------------------------------
# names that climb out of the archive, links, devices, duplicates


@pytest.fixture
def outside(tmp_path):
    """An absolute path a member names, in a folder that must stay absent."""
    target = Path("/tmp") / f"ipextract-escape-{uuid.uuid4().hex}"
    yield target
    assert not target.exists()


def test_zip_members_that_climb_out_are_read_as_data_and_nothing_is_written(tmp_path, outside):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    body = page("p01.txt")
    hostile = ["../../evil.html", "../../../../../../tmp/evil2.html", f"{outside}/abs.html", "C:\\win\\evil.html",
               "a/../../b.html", "dup.txt", "dup.txt"]
    z = tmp_path / "in" / "hostile.zip"
    z.parent.mkdir()
    z.write_bytes(bombs.zip_bytes([(name, body) for name in hostile]))
    link = tmp_path / "in" / "link.zip"
    link.write_bytes(bombs.zip_symlink("link.html", str(secret)))
    cwd = tmp_path / "deep" / "er" / "cwd"
    cwd.mkdir(parents=True)
    before = tree(tmp_path)

    recs, run = batch(tmp_path, z, link, cwd=cwd)

    assert run.returncode == 1  # the link is an error record
    assert [(r["path"], r["error_kind"]) for r in recs] == (
        [(f"{z}::{name}", None) for name in hostile] + [(f"{link}::link.html", "unsupported_member")])
    assert len({r["text"] for r in recs[:-1]}) == 1 and recs[0]["text"]  # each member parsed as the page
    assert tree(tmp_path) - before == {"out", "out/docs.jsonl"}
    assert not (tmp_path / "evil.html").exists() and not Path("/tmp/evil2.html").exists()
    assert SECRET not in (tmp_path / "out" / "docs.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["w", "w:gz"], ids=["tar", "tar.gz"])
def test_tar_members_that_climb_out_links_and_devices(tmp_path, outside, mode):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    body = page("p02.txt")
    t = tmp_path / ("hostile.tar" if mode == "w" else "hostile.tgz")
    with tarfile.open(t, mode) as tf:

        def add(name: str, kind: bytes = tarfile.REGTYPE, link: str = "", data: bytes = b"") -> None:
            info = tarfile.TarInfo(name)
            info.type, info.linkname, info.size, info.mtime = kind, link, len(data), 0
            tf.addfile(info, io.BytesIO(data) if data else None)

        add("../../up.html", data=body)
        add(f"{outside}/abs.html", data=body)
        add("dup.txt", data=body)
        add("dup.txt", data=page("p03.txt"))
        add("sym.html", tarfile.SYMTYPE, str(secret))
        add("sym-up.html", tarfile.SYMTYPE, "../../../../etc/passwd")
        add("hard.html", tarfile.LNKTYPE, "dup.txt")
        add("fifo.html", tarfile.FIFOTYPE)
        add("blk.html", tarfile.BLKTYPE)
        add("chr.html", tarfile.CHRTYPE)
        add("dir.html/", tarfile.DIRTYPE)
    before = tree(tmp_path)

    got = items(t)

    assert [(p.split("::", 1)[1], k) for p, _, k in got] == [
        ("../../up.html", None), (f"{outside}/abs.html", None), ("dup.txt", None), ("dup.txt", None),
        ("sym.html", "unsupported_member"), ("sym-up.html", "unsupported_member"),
        ("hard.html", "unsupported_member"), ("fifo.html", "unsupported_member"),
        ("blk.html", "unsupported_member"), ("chr.html", "unsupported_member"),
    ]
    assert [d for _, d, _ in got[:4]] == [body, body, body, page("p03.txt")]
    recs, run = batch(tmp_path, t, cwd=tmp_path)
    assert run.returncode == 1
    assert len(recs) == len(got)
    assert tree(tmp_path) - before == {"out", "out/docs.jsonl"}
    assert SECRET not in (tmp_path / "out" / "docs.jsonl").read_text(encoding="utf-8")


def test_a_warc_record_with_a_hostile_target_uri_only_sets_the_url(tmp_path):
    uris = ["http://x.gov.cn/../../../../etc/passwd", "http://x.gov.cn/%2e%2e/%2e%2e/evil.html"]
    w = make_warc(tmp_path / "w.warc.gz", [{"uri": uris[0], "payload": page("p01.txt")},
                                           {"uri": uris[1], "payload": page("p02.txt")}])
    before = tree(tmp_path)
    recs, run = batch(tmp_path, w)
    assert run.returncode == 0
    assert [r["url"] for r in recs] == uris
    assert "root:" not in recs[0]["text"]
    assert tree(tmp_path) - before == {"out", "out/docs.jsonl"}


def test_symlinked_folders_inside_an_input_folder_are_not_walked(tmp_path):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "p01.txt").write_bytes(page("p01.txt"))
    os.symlink(crawl, crawl / "loop")  # a link loop must not make the walk endless
    os.symlink("/etc", crawl / "etc")
    # Each link is one record (never followed), not a walk of what it points to.
    assert [(p, k) for p, _, k in items(crawl)] == [(f"{crawl}/etc", "is_directory"),
                                                    (f"{crawl}/loop", "is_directory"), (f"{crawl}/p01.txt", None)]


def test_a_symlinked_folder_named_like_a_page_is_one_is_directory_record(tmp_path):
    """Found by the soak: it was a `truncated` record ("cannot read: Is a directory")."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "p01.txt").write_bytes(page("p01.txt"))
    os.symlink(crawl, crawl / "loop.html")
    assert [(p, k) for p, _, k in items(crawl)] == [(f"{crawl}/loop.html", "is_directory"), (f"{crawl}/p01.txt", None)]


# ---------------------------------------------------------------------------------------------
# archives cut short: the documents before the damage, then one error record


PAGES5 = ["p01.txt", "p02.txt", "p03.txt", "p04.txt", "p05.txt"]


def _zip5(path: Path) -> Path:
    return make_zip(path, [(name, page(name)) for name in PAGES5])


def test_zip_cut_inside_a_member_gives_the_members_before_it(tmp_path):
    whole = _zip5(tmp_path / "w.zip")
    third = zipfile.ZipFile(whole).getinfo("p03.txt")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole.read_bytes()[: third.header_offset + 40 + third.compress_size // 2])
    assert items(cut) == [(f"{cut}::p01.txt", page("p01.txt"), None), (f"{cut}::p02.txt", page("p02.txt"), None),
                          (str(cut), None, "truncated")]


def test_zip_cut_inside_its_directory_loses_nothing_but_says_so(tmp_path):
    data = _zip5(tmp_path / "w.zip").read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[:-60])
    got = items(cut)
    assert got[:5] == [(f"{cut}::{n}", page(n), None) for n in PAGES5]
    assert got[5] == (str(cut), None, "truncated")


def test_zip_damaged_member_found_from_local_headers_is_checked(tmp_path):
    data = bytearray(_zip5(tmp_path / "w.zip").read_bytes()[:-60])
    second = zipfile.ZipFile(tmp_path / "w.zip").getinfo("p02.txt")
    data[second.header_offset + 60] ^= 0xFF  # damage p02's deflate data
    cut = tmp_path / "cut.zip"
    cut.write_bytes(bytes(data))
    assert [(p.rsplit("::", 1)[-1], k) for p, _, k in items(cut)] == [
        ("p01.txt", None), ("p02.txt", "corrupt"), ("p03.txt", None), ("p04.txt", None), ("p05.txt", None),
        (str(cut), "truncated")]


def test_a_cut_zip_written_with_data_descriptors_gives_an_error_record(tmp_path):
    z = tmp_path / "stream.zip"
    with open(z, "wb") as raw:
        unseekable = io.BufferedWriter(_Unseekable(raw))
        with zipfile.ZipFile(unseekable, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in PAGES5[:2]:
                zf.writestr(name, page(name))
        unseekable.flush()
    data = z.read_bytes()
    z.write_bytes(data[:-30])
    assert items(z) == [(str(z), None, "truncated")]


class _Unseekable(io.RawIOBase):
    """A file zipfile cannot seek back in, so it writes sizes after the data (data descriptors)."""

    def __init__(self, raw) -> None:
        self.raw = raw

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        return self.raw.write(b)


def test_a_zip_cut_before_its_first_member_is_one_error(tmp_path):
    cut = tmp_path / "cut.zip"
    cut.write_bytes(_zip5(tmp_path / "w.zip").read_bytes()[:20])
    assert items(cut) == [(str(cut), None, "truncated")]


@pytest.mark.parametrize("where", ["member", "header"])
def test_plain_tar_cut_short(tmp_path, where):
    t = make_tar(tmp_path / "w.tar", [(name, page(name)) for name in PAGES5])
    with tarfile.open(t) as tf:
        third = tf.getmember("p03.txt")
    at = third.offset_data + third.size // 2 if where == "member" else third.offset + 100
    cut = tmp_path / "cut.tar"
    cut.write_bytes(t.read_bytes()[:at])
    got = items(cut)
    assert got[:2] == [(f"{cut}::p01.txt", page("p01.txt"), None), (f"{cut}::p02.txt", page("p02.txt"), None)]
    # Cut inside p03's data: p03 is listed and its record says it is cut, then the archive's record.
    # Cut inside its header: tarfile would end the listing quietly; the missing end marker is reported.
    expected = [(f"{cut}::p03.txt", "truncated")] if where == "member" else []
    assert [(p, k) for p, _, k in got[2:]] == [*expected, (str(cut), "truncated")]


def test_a_complete_tar_gz_of_a_cut_tar_is_reported(tmp_path):
    t = make_tar(tmp_path / "w.tar", [(name, page(name)) for name in PAGES5])
    with tarfile.open(t) as tf:
        at = tf.getmember("p03.txt").offset + 200
    g = tmp_path / "cut.tgz"
    g.write_bytes(bombs.gzip_member(t.read_bytes()[:at], 0))
    assert [(p, k) for p, _, k in items(g)] == [(f"{g}::p01.txt", None), (f"{g}::p02.txt", None),
                                                (str(g), "truncated")]


@pytest.mark.parametrize("name", ["w.warc", "w.warc.gz"])
def test_warc_cut_inside_a_record_or_its_headers(tmp_path, name):
    w = make_warc(tmp_path / name, [{"uri": f"http://x.gov.cn/{n}", "payload": page(n)} for n in PAGES5[:3]])
    data = w.read_bytes()
    for at in (len(data) - 300, len(data) - len(page(PAGES5[2])) // 2):
        cut = tmp_path / f"cut-{at}-{name}"
        cut.write_bytes(data[:at])
        got = items(cut)
        assert [d for _, d, _ in got[:2]] == [page("p01.txt"), page("p02.txt")]
        assert [k for _, _, k in got[2:]] == ["truncated"]


def test_truncated_archives_through_the_cli_account_for_every_document(tmp_path):
    whole = _zip5(tmp_path / "w.zip")
    z = tmp_path / "in" / "cut.zip"
    z.parent.mkdir()
    z.write_bytes(whole.read_bytes()[: zipfile.ZipFile(whole).getinfo("p04.txt").header_offset + 50])
    t = make_tar(tmp_path / "w.tgz", [(name, page(name)) for name in PAGES5], mode="w:gz")
    (tmp_path / "in" / "cut.tgz").write_bytes(t.read_bytes()[: len(t.read_bytes()) * 3 // 4])
    g = tmp_path / "in" / "cut.html.gz"
    g.write_bytes(bombs.gzip_member(page("clone-moe-1.html"), 0)[:3000])
    recs, run = batch(tmp_path, tmp_path / "in")
    assert run.returncode == 1
    by_kind: dict[str | None, list[str]] = {}
    for r in recs:
        by_kind.setdefault(r["error_kind"], []).append(r["path"].replace(f"{tmp_path}/in/", ""))
    tgz_ok = [p for p in by_kind[None] if p.startswith("cut.tgz::")]
    assert 1 <= len(tgz_ok) < 5 and tgz_ok == [f"cut.tgz::{n}" for n in PAGES5[: len(tgz_ok)]]
    assert [p for p in by_kind[None] if not p.startswith("cut.tgz::")] == [f"cut.zip::{n}" for n in PAGES5[:3]]
    assert set(by_kind) == {None, "truncated"}
    assert {"cut.html.gz", "cut.zip", "cut.tgz"} <= set(by_kind["truncated"])
    assert len({r["path"] for r in recs}) == len(recs)  # every record once
    assert all(r["error"] for r in recs if r["error_kind"])


def test_a_warc_record_unreadable_at_its_listed_offset_is_one_corrupt_record(fixtures):
    """Found by the atheris archive harness: a damaged gzip member that still lists as a record
    but cannot be read again from its offset (warcio raised ArchiveLoadFailed out of the reader)."""
    w = fixtures / "fuzz" / "warc-record-not-at-listed-offset.warc.gz"
    got = items(w)
    assert [(p.split("::")[1], len(d or b""), k) for p, d, k in got] == [
        ("urn:uuid:c1293697-06d7-42e7-8ecb-a76b8700a606", 20000, None),
        ("urn:uuid:471077f2-0018-44a0-bd07-4bb6f76e310d", 20000, None),
        ("urn:uuid:b0c57cbe-fba7-472b-9c11-b37c1afcce1d", 0, "corrupt"),
    ]


def test_a_zip_member_with_an_empty_name_is_listed_like_any_other(tmp_path):
    """Found by the atheris archive harness: zipfile's ZipInfo.is_dir() raised IndexError on an
    empty member name, out of the planner (it would have stopped a whole batch)."""
    z = tmp_path / "empty-name.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(zipfile.ZipInfo(""), page("p01.txt"))
        zf.writestr("a.html", page("p02.txt"))
        zf.writestr("dir/", b"")
    # Members are taken by content, so the nameless one is read too (its path: the archive's).
    assert items(z) == [(str(z), page("p01.txt"), None), (f"{z}::a.html", page("p02.txt"), None)]


def test_a_zip_directory_of_an_unknown_version_is_read_from_the_local_headers(tmp_path):
    """Found by the atheris archive harness: zipfile raises NotImplementedError (not BadZipFile)
    for a central directory entry needing a zip version it does not know, out of the planner."""
    z = tmp_path / "version.zip"
    data = bytearray(bombs.zip_bytes([("a.html", page("p01.txt")), ("b.html", page("p02.txt"))]))
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (255).to_bytes(2, "little")  # version needed to extract: 25.5
    z.write_bytes(bytes(data))
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(z)
    # The members from their local headers, and one record saying the directory was unreadable.
    assert items(z) == [(f"{z}::a.html", page("p01.txt"), None), (f"{z}::b.html", page("p02.txt"), None),
                        (str(z), None, "truncated")]


def test_a_warc_record_with_garbled_http_headers_ends_the_listing_with_a_record(fixtures):
    """Found by the atheris archive harness: warcio raised AttributeError (not one of its own
    errors) on a record whose HTTP headers are garbled, out of the planner."""
    w = fixtures / "fuzz" / "warc-garbled-http-headers.warc.gz"
    got = items(w)
    # The damaged record is named by its offset (its id header is garbled), not the whole file.
    assert [(p.split("::")[-1], len(d or b""), k) for p, d, k in got] == [
        ("urn:uuid:a35ab837-b40d-409e-b5e5-27f8f39d07ff", 20000, None),
        ("urn:uuid:7e73f895-e7e8-4629-a443-d490838fad2a", 20000, None),
        ("record-12471", 0, "corrupt"),
    ]
