"""Resource limits end to end: --max-bytes, --timeout, zip / gzip / tar.gz / WARC bombs, HTML nesting
depth and element count — through the CLI (real processes, peak RSS measured) and the library.

The bombs are real: each inflates to 1 GiB (tests/bombs.py), so a reader that decompressed one
would need far more memory than the bound asserted here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import bombs
from batch_inputs import make_tar, make_warc, make_zip, page
from ipextract import Options, parse, parse_file
from ipextract.clean.html import clean_html
from ipextract.errors import InputError
from ipextract.options import DEFAULT_MAX_BYTES
from proc_tree import run_measured

PY = sys.executable
#: Peak resident memory allowed to any one process of a run. A worker with the pipeline loaded
#: sits near 200 MB; any bomb read whole would need over 1 GiB.
MEMORY_BOUND_MB = 600
PARA = "国务院办公厅日前印发通知，要求各地区各部门进一步加强知识产权保护工作，推动高质量发展。"


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def kinds_by_name(recs: list[dict], root: Path) -> dict[str, str | None]:
    return {r["path"].replace(f"{root}/", ""): r["error_kind"] for r in recs}


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


# ---------------------------------------------------------------------------------------------
# bombs and oversized documents: the CLI


@pytest.fixture(scope="module")
def bombed(tmp_path_factory):
    root = tmp_path_factory.mktemp("bombs")
    crawl = root / "crawl"
    crawl.mkdir()
    (crawl / "p01.txt").write_bytes(page("p01.txt"))
    (crawl / "clone-moe-1.html").write_bytes(page("clone-moe-1.html"))
    line = (PARA * 1000).encode()
    with open(crawl / "huge.txt", "wb") as fh:  # over the default 20 MB
        for _ in range(DEFAULT_MAX_BYTES // len(line) + 1):
            fh.write(line)
    (crawl / "bomb.html.gz").write_bytes(bombs.gzip_member(b"<html><body><p>", bombs.GIB_CHUNKS))
    (crawl / "ratio.html.gz").write_bytes(bombs.gzip_member(b"<p>", 0, bytes(10_000_000)))
    (crawl / "bombs.zip").write_bytes(bombs.zip_bytes(
        [("ok.txt", page("p02.txt")), ("bomb.html", bombs.GIB_CHUNKS), ("ratio.html", bytes(10_000_000))]))
    (crawl / "overlap.zip").write_bytes(bombs.overlapping_zip(300))
    (crawl / "bomb.tgz").write_bytes(bombs.tar_gz(
        [("ok.txt", page("p03.txt")), ("bomb.html", bombs.GIB_CHUNKS), ("after.txt", page("p01.txt"))]))
    (crawl / "bomb.warc.gz").write_bytes(bombs.warc_gz(
        [("http://x.gov.cn/1", page("p01.txt")), ("http://x.gov.cn/2", bombs.GIB_CHUNKS),
         ("http://x.gov.cn/3", page("p02.txt"))]))
    return root


def test_bombs_and_oversized_documents_become_error_records_in_bounded_memory(bombed):
    out, stats = bombed / "out.jsonl", bombed / "stats.json"
    run = run_measured([PY, "-m", "ipextract", "batch", str(bombed / "crawl"), "-o", str(out), "-j", "1",
                        "--stats", str(stats)], timeout=300)
    no_traceback(run.stderr)
    assert run.returncode == 1
    got = kinds_by_name(records(out), bombed / "crawl")
    rid = "urn:uuid:00000000-0000-0000-0000-"
    expected = {
        "bomb.html.gz": "too_large",  # read 20 MB + 1 byte of the gigabyte, then stopped
        "bomb.tgz::ok.txt": None,
        "bomb.tgz::bomb.html": "bomb",  # refused from its header, never inflated; what follows is lost
        f"bomb.warc.gz::{rid}000000000000": None,
        f"bomb.warc.gz::{rid}000000000001": "too_large",  # its Content-Length says 1 GiB
        f"bomb.warc.gz::{rid}000000000002": None,
        "bombs.zip::ok.txt": None,
        "bombs.zip::bomb.html": "too_large",  # the directory says 1 GiB
        "bombs.zip::ratio.html": "bomb",  # 10 MB from 10 KB
        "clone-moe-1.html": None,
        "huge.txt": "too_large",
        **{f"overlap.zip::copy{i:05d}.html": "bomb" for i in range(300)},
        "p01.txt": None,
        "ratio.html.gz": "bomb",
    }
    assert got == expected
    summary = json.loads(stats.read_text())
    assert summary["errors"] == {"bomb": 303, "too_large": 4}
    assert run.peak_rss_mb < MEMORY_BOUND_MB, run.peak_rss_mb
    print(f"bombs: peak RSS {run.peak_rss_mb:.0f} MB over {run.processes} processes, {run.wall:.1f} s")
    assert "303" in run.stderr.splitlines()[-1]  # the summary line counts them by kind


def test_the_library_reads_the_same_bombs_in_bounded_memory(bombed):
    script = (
        "import sys; from ipextract.sources import iter_items\n"
        "for it in iter_items([sys.argv[1]]): print(it.path.rsplit('/', 1)[-1], it.error_kind, it.size)\n"
    )
    run = run_measured([PY, "-c", script, str(bombed / "crawl")], timeout=300)
    assert run.returncode == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines()]
    assert len(rows) == 313
    assert max(int(size) for _, _, size in rows) < 2_000_000  # no bomb's bytes were ever returned
    print(f"library: peak RSS {run.peak_rss_mb:.0f} MB, {run.wall:.1f} s")
    assert run.peak_rss_mb < 200, run.peak_rss_mb  # no pipeline here: reading alone stays small


def test_parse_refuses_oversized_input_from_a_file_from_memory_and_from_stdin(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + PARA.encode() * 400)
    assert parse_file(big, Options(max_bytes=5000)).error_kind == "too_large"
    assert parse(big.read_bytes(), Options(max_bytes=5000)).error_kind == "too_large"
    run = run_measured([PY, "-m", "ipextract", "parse", "--max-bytes", "5000", str(big), "-"], timeout=60,
                       input=big.read_bytes())
    no_traceback(run.stderr)
    assert run.returncode == 1
    assert [d["error_kind"] for d in json.loads(run.stdout)] == ["too_large", "too_large"]
    assert len(run.stderr.splitlines()) == 2 and all("over the limit of 5000" in x for x in run.stderr.splitlines())


def test_max_bytes_applies_to_every_kind_of_input_in_batch(tmp_path):
    small, large = page("p01.txt"), page("clone-moe-1.html")
    limit = len(small) + 100
    assert len(large) > limit
    make_zip(tmp_path / "a.zip", [("small.txt", small), ("large.html", large)])
    make_tar(tmp_path / "a.tar", [("small.txt", small), ("large.html", large)])
    make_tar(tmp_path / "a.tgz", [("small.txt", small), ("large.html", large)], mode="w:gz")
    make_warc(tmp_path / "a.warc.gz",
              [{"uri": "http://x/s", "payload": small}, {"uri": "http://x/l", "payload": large}])
    (tmp_path / "large.html.gz").write_bytes(bombs.gzip_member(large, 0))
    (tmp_path / "large.html").write_bytes(large)
    (tmp_path / "small.txt").write_bytes(small)
    out = tmp_path / "out.jsonl"
    run = run_measured([PY, "-m", "ipextract", "batch", str(tmp_path), "-o", str(out), "-j", "1", "-q",
                        "--max-bytes", str(limit)], timeout=120)
    no_traceback(run.stderr)
    assert run.returncode == 1
    got = kinds_by_name(records(out), tmp_path)
    rid = "urn:uuid:00000000-0000-0000-0000-"
    assert got == {
        "a.tar::small.txt": None, "a.tar::large.html": "too_large",
        "a.tgz::small.txt": None, "a.tgz::large.html": "too_large",
        f"a.warc.gz::{rid}000000000000": None, f"a.warc.gz::{rid}000000000001": "too_large",
        "a.zip::small.txt": None, "a.zip::large.html": "too_large",
        "large.html": "too_large", "large.html.gz": "too_large", "small.txt": None,
    }


# ---------------------------------------------------------------------------------------------
# time limit: a genuinely slow document, no test hook


def slow_page() -> bytes:
    """A 2 MB line of figures: every one is a fact candidate, so the facts step takes seconds."""
    return ("关于统计数据的通知\n" + "增长12.5%，总投资3至5亿元，2019年1月2日，" * 90_000).encode()


def test_a_slow_document_gets_a_timeout_record_and_the_others_go_on(tmp_path):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for name in ("p01.txt", "p02.txt", "clone-moe-1.html"):
        (crawl / name).write_bytes(page(name))
    (crawl / "slow.txt").write_bytes(slow_page())
    out = tmp_path / "out.jsonl"
    run = run_measured([PY, "-m", "ipextract", "batch", str(crawl), "-o", str(out), "-j", "1", "-q",
                        "--timeout", "1"], timeout=120)
    no_traceback(run.stderr)
    assert run.returncode == 1
    recs = records(out)
    assert kinds_by_name(recs, crawl) == {"clone-moe-1.html": None, "p01.txt": None, "p02.txt": None,
                                          "slow.txt": "timeout"}
    assert "longer than 1 s" in next(r["error"] for r in recs if r["error_kind"])
    assert run.wall < 60


def test_the_slow_document_is_slow_without_a_limit():
    """The input above is genuinely slow (not an artefact of the limit): over 2 s on its own."""
    import time

    start = time.perf_counter()
    doc = parse(slow_page())
    assert time.perf_counter() - start > 2.0
    assert doc.error is None


# ---------------------------------------------------------------------------------------------
# HTML nesting depth and element count


def test_deep_nesting_through_the_cli_warns_and_stays_bounded(tmp_path):
    depth = 200_000
    f = tmp_path / "deep.html"
    f.write_text(f"<html><body><p>{PARA}</p>" + "<div>" * depth + "深处" + "</div>" * depth + "</body></html>")
    run = run_measured([PY, "-m", "ipextract", "parse", str(f)], timeout=120)
    no_traceback(run.stderr)
    assert run.returncode == 0
    doc = json.loads(run.stdout)
    assert doc["text"] == PARA
    assert any("nested too deeply" in w for w in doc["warnings"])
    assert run.peak_rss_mb < MEMORY_BOUND_MB


def test_deep_nesting_of_every_kind_of_tag_stays_under_the_recursion_limit():
    for tag in ("table", "ul", "span", "font", "b", "a", "p", "li", "tr", "td"):
        depth = 20_000
        html = f"<html><body><p>{PARA}</p>" + f"<{tag}>" * depth + "字" + f"</{tag}>" * depth + "</body></html>"
        doc = parse(html.encode())
        assert doc.error is None, (tag, doc.error)


def test_too_many_elements_is_a_named_error_through_the_cli(tmp_path):
    f = tmp_path / "many.html"
    f.write_text("<html><body>" + "<span>字</span>" * 250_000 + "</body></html>")
    run = run_measured([PY, "-m", "ipextract", "parse", str(f)], timeout=120)
    no_traceback(run.stderr)
    assert run.returncode == 1
    assert json.loads(run.stdout)["error_kind"] == "too_complex"
    assert run.stderr.splitlines() == [f"ipextract: {f}: page has 250002 HTML elements, over the limit of 200000"]
    assert run.peak_rss_mb < MEMORY_BOUND_MB


def test_element_and_depth_guards_are_options_of_the_library():
    html = "<html><body>" + "<div>" * 600 + PARA + "</div>" * 600 + "</body></html>"
    assert parse(html.encode(), Options(max_elements=100)).error_kind == "too_complex"
    with pytest.raises(InputError):
        clean_html(html, Options(max_elements=100))
    assert parse(html.encode(), Options(max_depth=64)).text == PARA  # past max_depth: transparent
