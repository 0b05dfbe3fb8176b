"""sources: every input document becomes exactly one Item, read as a stream, hostile input bounded."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import pickle
import tarfile
import zipfile

from batch_inputs import PAGES, make_gzip, make_tar, make_warc, make_zip, page
from ipextract.sources import Limits, Selection, iter_items, plan_units, read_path_list, read_units


def _paths_and_data(inputs, **kw):
    return [(it.path, it.data, it.error_kind) for it in iter_items([str(p) for p in inputs], **kw)]


def test_directory_is_walked_recursively_in_sorted_order_and_non_pages_are_skipped_records(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "p02.txt").write_bytes(page("p02.txt"))
    (tmp_path / "a" / "deep" / "p01.htm").write_bytes(page("p01.txt"))
    (tmp_path / "a" / "style.css").write_text("body{}")
    (tmp_path / "a" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "z.html").write_bytes(page("gne-zsnews-1.html"))
    got = _paths_and_data([tmp_path])
    assert got == [
        (f"{tmp_path}/a/deep/p01.htm", page("p01.txt"), None),
        (f"{tmp_path}/a/logo.png", None, "skipped"),
        (f"{tmp_path}/a/style.css", None, "skipped"),
        (f"{tmp_path}/b/p02.txt", page("p02.txt"), None),
        (f"{tmp_path}/z.html", page("gne-zsnews-1.html"), None),
    ]


def test_include_and_exclude_globs_match_relative_paths_and_names(tmp_path):
    for rel in ("news/2019/a.html", "news/2019/b.txt", "news/draft/c.html", "d.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(page("p01.txt"))
    sel = Selection(include=("*.html",), exclude=("news/draft/*",))
    got = [it.path for it in iter_items([str(tmp_path)], sel)]
    assert got == [f"{tmp_path}/d.html", f"{tmp_path}/news/2019/a.html"]


def test_a_named_file_is_taken_whatever_its_name(tmp_path):
    odd = tmp_path / "page.data"
    odd.write_bytes(page("p03.txt"))
    assert _paths_and_data([odd]) == [(str(odd), page("p03.txt"), None)]


def test_zip_members_are_addressed_as_archive_member(tmp_path):
    z = make_zip(tmp_path / "dump.zip", [("site/p01.txt", page("p01.txt")), ("site/img.png", b"\x89PNG\r\n\x1a\n"),
                                         ("site/moe.html", page("clone-moe-1.html"))])
    assert _paths_and_data([z]) == [
        (f"{z}::site/p01.txt", page("p01.txt"), None),
        (f"{z}::site/img.png", None, "skipped"),
        (f"{z}::site/moe.html", page("clone-moe-1.html"), None),
    ]


def test_tar_and_tar_gz_members(tmp_path):
    members = [("a/p01.txt", page("p01.txt")), ("a/p02.txt", page("p02.txt"))]
    t = make_tar(tmp_path / "dump.tar", members)
    tgz = make_tar(tmp_path / "dump.tar.gz", members, mode="w:gz")
    tgz2 = make_tar(tmp_path / "dump.tgz", members, mode="w:gz")
    got = _paths_and_data([t, tgz, tgz2])
    assert got == [(f"{arc}::{n}", d, None) for arc in (t, tgz, tgz2) for n, d in members]


def test_gzip_compressed_single_page(tmp_path):
    g = make_gzip(tmp_path / "p02.txt.gz", page("p02.txt"))
    assert _paths_and_data([g]) == [(str(g), page("p02.txt"), None)]


def test_warc_response_and_resource_records_with_hints(tmp_path):
    gbk = page("trafilatura-hexinhua-gbk-1.html")
    w = make_warc(tmp_path / "crawl.warc.gz", [
        {"uri": "http://www.example.gov.cn/a.html", "payload": gbk, "content_type": "text/html; charset=GBK",
         "date": "2019-08-01T10:00:00Z"},
        {"uri": "http://www.example.gov.cn/a.html", "type": "request"},
        {"uri": "http://www.example.gov.cn/logo.png", "payload": b"\x89PNG", "content_type": "image/png"},
        {"uri": "http://www.example.gov.cn/b.txt", "type": "resource", "payload": page("p01.txt"),
         "content_type": "text/plain"},
    ])
    items = list(iter_items([str(w)]))
    assert [(it.path, it.url, it.ref_date, it.declared_charset) for it in items] == [
        (f"{w}::urn:uuid:00000000-0000-0000-0000-000000000000", "http://www.example.gov.cn/a.html",
         dt.date(2019, 8, 1), "GBK"),
        (f"{w}::urn:uuid:00000000-0000-0000-0000-000000000003", "http://www.example.gov.cn/b.txt",
         dt.date(2019, 7, 30), None),
    ]
    assert [it.data for it in items] == [gbk, page("p01.txt")]


def test_uncompressed_warc(tmp_path):
    w = make_warc(tmp_path / "crawl.warc", [{"uri": "http://x.gov.cn/1", "payload": page("p02.txt")}])
    assert [it.data for it in iter_items([str(w)])] == [page("p02.txt")]


def test_units_are_independent_addresses_readable_in_any_order_and_process(tmp_path):
    z = make_zip(tmp_path / "d.zip", [(n, page(n)) for n in PAGES])
    w = make_warc(tmp_path / "d.warc.gz", [{"uri": f"http://x.gov.cn/{n}", "payload": page(n)} for n in PAGES])
    t = make_tar(tmp_path / "d.tar", [(n, page(n)) for n in PAGES])
    units = list(plan_units([str(z), str(w), str(t)]))
    assert len(units) == 3 * len(PAGES)
    shuffled = pickle.loads(pickle.dumps(units[::-1]))
    data = [it.data for it in read_units(shuffled)]
    assert data == [page(n) for n in PAGES][::-1] * 3


def test_missing_path_is_one_error_item(tmp_path):
    assert _paths_and_data([tmp_path / "nope.html"]) == [(f"{tmp_path}/nope.html", None, "not_found")]


def test_truncated_tar_gz_gives_documents_before_the_damage_then_an_error(tmp_path):
    big = page("trafilatura-hexinhua-gbk-1.html")
    members = [("1.txt", page("p01.txt")), ("2.html", big), ("3.txt", page("p02.txt"))]
    whole = make_tar(tmp_path / "whole.tgz", members, mode="w:gz").read_bytes()
    cut = tmp_path / "cut.tgz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    got = _paths_and_data([cut])
    assert got[0] == (f"{cut}::1.txt", page("p01.txt"), None)
    assert [kind for _, _, kind in got[1:]] == ["truncated"] * (len(got) - 1)
    assert got[-1][0] == str(cut)


def test_truncated_zip_gives_members_before_the_damage_then_an_error(tmp_path):
    whole = make_zip(tmp_path / "w.zip", [("1.txt", page("p01.txt"))]).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[:-30])  # the central directory is at the end: read from local headers
    assert _paths_and_data([cut]) == [(f"{cut}::1.txt", page("p01.txt"), None), (str(cut), None, "truncated")]


def test_truncated_warc_gives_records_before_the_damage_then_an_error(tmp_path):
    w = make_warc(tmp_path / "w.warc.gz", [{"uri": f"http://x.gov.cn/{n}", "payload": page(n)}
                                          for n in ("p01.txt", "p02.txt", "clone-moe-1.html")])
    data = w.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    got = _paths_and_data([cut])
    assert [d for _, d, _ in got[:2]] == [page("p01.txt"), page("p02.txt")]
    assert got[-1][2] == "truncated"
    assert len(got) == 3


def test_corrupt_zip_member_is_an_error_item_and_others_survive(tmp_path):
    z = make_zip(tmp_path / "d.zip", [("1.txt", page("p01.txt")), ("2.txt", page("p02.txt"))])
    raw = bytearray(z.read_bytes())
    info = zipfile.ZipFile(z).getinfo("1.txt")
    start = info.header_offset + 30 + len("1.txt")
    raw[start + 10: start + 20] = b"\x00" * 10  # damage the deflate stream of the first member
    z.write_bytes(bytes(raw))
    got = _paths_and_data([z])
    assert got[0][0] == f"{z}::1.txt" and got[0][1] is None and got[0][2] in ("corrupt", "truncated")
    assert got[1] == (f"{z}::2.txt", page("p02.txt"), None)


def test_gzip_bomb_and_oversized_documents_are_errors_with_bounded_memory(tmp_path):
    limits = Limits(max_bytes=1_000_000, max_ratio=100, ratio_floor=64 * 1024)
    bomb = make_gzip(tmp_path / "bomb.html.gz", b"<p>" + b"0" * 5_000_000)
    medium = make_gzip(tmp_path / "medium.html.gz", b"<p>" + b"0" * 500_000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1_000_001)
    zbomb = make_zip(tmp_path / "z.zip", [("bomb.html", b"0" * 900_000), ("ok.txt", page("p01.txt"))])
    got = _paths_and_data([bomb, medium, big, zbomb], limits=limits)
    assert [(p.rsplit("/", 1)[-1], k) for p, _, k in got] == [
        ("bomb.html.gz", "too_large"), ("medium.html.gz", "bomb"), ("big.txt", "too_large"),
        ("z.zip::bomb.html", "bomb"), ("z.zip::ok.txt", None),
    ]


def test_tar_gz_bomb_stops_listing_before_decompressing_it(tmp_path):
    limits = Limits(max_bytes=10_000_000, max_ratio=100, ratio_floor=64 * 1024)
    t = make_tar(tmp_path / "b.tgz", [("ok.txt", page("p01.txt")), ("bomb.html", b"0" * 3_000_000),
                                      ("later.txt", page("p02.txt"))], mode="w:gz")
    got = _paths_and_data([t], limits=limits)
    assert [(p.rsplit("/", 1)[-1], k) for p, _, k in got] == [("b.tgz::ok.txt", None), ("b.tgz::bomb.html", "bomb")]


def test_links_and_devices_in_tar_are_reported_never_followed(tmp_path):
    t = tmp_path / "links.tar"
    with tarfile.open(t, "w") as tf:
        for name, kind in (("evil.html", tarfile.SYMTYPE), ("hard.html", tarfile.LNKTYPE),
                           ("dev.html", tarfile.CHRTYPE)):
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = "/etc/passwd"
            tf.addfile(info)
        info = tarfile.TarInfo("../../escape.txt")
        data = page("p01.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    got = _paths_and_data([t])
    assert got == [
        (f"{t}::evil.html", None, "unsupported_member"),
        (f"{t}::hard.html", None, "unsupported_member"),
        (f"{t}::dev.html", None, "unsupported_member"),
        (f"{t}::../../escape.txt", page("p01.txt"), None),  # read as data, never written anywhere
    ]


def test_duplicate_zip_names_are_two_documents(tmp_path):
    z = tmp_path / "dup.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", page("p01.txt"))
        with __import__("warnings").catch_warnings():
            __import__("warnings").simplefilter("ignore")
            zf.writestr("a.txt", page("p02.txt"))
    assert [d for _, d, _ in _paths_and_data([z])] == [page("p01.txt"), page("p02.txt")]


def test_stdin_path_list():
    text = io.StringIO("a.html\n\n# a comment\n  b/c.txt  \n")
    assert read_path_list(text) == ["a.html", "b/c.txt"]


def test_gzip_truncated_page_is_an_error(tmp_path):
    data = gzip.compress(page("clone-moe-1.html"))
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(data[: len(data) // 2])
    assert _paths_and_data([cut]) == [(str(cut), None, "truncated")]


def test_zip_member_names_from_chinese_windows_are_decoded(tmp_path):
    z = tmp_path / "gbk.zip"
    gbk_name = "新闻/通知.txt".encode("gb18030")
    placeholder = b"abcd/efgh.txt"
    assert len(placeholder) == len(gbk_name)
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(placeholder.decode(), page("p01.txt"))
        zf.writestr("新闻/utf8.txt", page("p02.txt"))  # zipfile sets the UTF-8 flag itself
    # What a GBK archiver writes: the name's GBK bytes, no UTF-8 flag (headers and directory).
    z.write_bytes(z.read_bytes().replace(placeholder, gbk_name))
    assert _paths_and_data([z]) == [(f"{z}::新闻/通知.txt", page("p01.txt"), None),
                                    (f"{z}::新闻/utf8.txt", page("p02.txt"), None)]


def test_gbk_file_and_tar_member_names_become_readable_paths(tmp_path):
    raw = "新闻稿".encode("gb18030")  # not valid UTF-8, as most GBK names
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / os.fsdecode(raw + b".txt")).write_bytes(page("p01.txt"))
    t = tmp_path / "gbk.tar"
    with tarfile.open(t, "w", format=tarfile.GNU_FORMAT, encoding="gb18030") as tf:
        info = tarfile.TarInfo("新闻.txt")
        data = page("p02.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    assert _paths_and_data([folder, t]) == [(f"{folder}/新闻稿.txt", page("p01.txt"), None),
                                            (f"{t}::新闻.txt", page("p02.txt"), None)]
