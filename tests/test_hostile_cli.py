"""No traceback reaches a user: parse, show and batch as real processes on hostile inputs.

Each problem is one line on stderr (control characters in names escaped, so a newline in a file
name cannot split it, nor an escape sequence drive the terminal), every input still gives its
record, and the exit status says what happened: 0 all parsed, 1 some input failed, 2 usage.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import bombs
from batch_inputs import make_zip, page
from proc_tree import run_measured

PY = sys.executable
PARA = "国务院办公厅日前印发通知，要求各地区各部门进一步加强知识产权保护工作，推动高质量发展。"


def ipextract(*args: str, stdin: bytes | None = None, cwd: Path | None = None, timeout: float = 120):
    run = run_measured([PY, "-m", "ipextract", *args], timeout=timeout, input=stdin, cwd=cwd)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr[-3000:]
    return run


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    """name -> path of a hostile input, and whether parsing it fails (in the name: bad-*)."""
    root = tmp_path_factory.mktemp("hostile-cli")
    files = {
        "bad-empty.html": b"",
        "bad-elf.html": b"\x7fELF" + bytes(500),
        "bad-png.html": b"\x89PNG\r\n\x1a\n" + bytes(500),
        "bad-nuls.txt": bytes(5000),
        "bad-gzip.html": bombs.gzip_member(b"<p>", 4),
        "bad-elements.html": ("<html><body>" + "<i>字</i>" * 250_000 + "</body></html>").encode(),
        "ok-1mb-line.txt": ("标题\n" + PARA * (1_000_000 // len(PARA))).encode(),
        "ok-utf16.txt": f"关于加强知识产权保护的通知\n{PARA}\n".encode("utf-16-le"),
        "ok-deep.html": ("<html><body><p>" + PARA + "</p>" + "<div>" * 100_000 + "</body></html>").encode(),
        "ok-xxe.html": (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                        f"<html><body><p>{PARA}&e;</p></body></html>").encode(),
        "ok-escapes.txt": f"标题\x1b]0;pwned\x07\n\x1b[2J{PARA}\x1b[31m\n".encode(),
        "ok-lt.html": b"<" * 100_000,
        "ok-truncated.html": page("clone-moe-1.html")[:5000],
        "ok-bad-bytes.txt": PARA.encode() + b"\xff\xfe\xed\xa0\x80" + PARA.encode(),
        "ok-questions.txt": ("标题\n" + "?" * 100_000 + "|" * 100_000).encode(),
    }
    out = {}
    for name, data in files.items():
        (root / name).write_bytes(data)
        out[name] = root / name
    (root / "bad-dir.html").mkdir()
    out["bad-dir.html"] = root / "bad-dir.html"
    os.symlink(root / "nowhere", root / "bad-broken-link.html")
    out["bad-broken-link.html"] = root / "bad-broken-link.html"
    out["bad-missing.html"] = root / "bad-missing.html"
    weird = root / "bad-nl\nname\x1b[31m.html"  # missing too: its report must stay one line
    out["bad-weird-name"] = weird
    undecodable = root / os.fsdecode(b"ok-gbk-\xd0\xc2\xce\xc5.txt")  # a GBK file name
    undecodable.write_bytes(page("p01.txt"))
    out["ok-gbk-name"] = undecodable
    return out


def test_parse_every_hostile_input_at_once(hostile):
    names = sorted(hostile)
    run = ipextract("parse", "--", *[str(hostile[n]) for n in names])
    assert run.returncode == 1
    docs = json.loads(run.stdout)
    assert [d["error"] is not None for d in docs] == [n.startswith("bad-") for n in names]
    lines = run.stderr.splitlines()
    assert len(lines) == sum(n.startswith("bad-") for n in names)
    assert all(line.startswith("ipextract: ") for line in lines)
    assert "\x1b" not in run.stderr
    assert any("bad-nl\\x0aname\\x1b[31m.html: no such file" in line for line in lines)
    assert docs[names.index("ok-gbk-name")]["path"].endswith("ok-gbk-新闻.txt")
    kinds = {n: d["error_kind"] for n, d in zip(names, docs)}
    assert kinds["bad-elements.html"] == "too_complex" and kinds["bad-gzip.html"] == "binary"
    assert kinds["bad-dir.html"] == "is_directory" and kinds["bad-missing.html"] == "not_found"
    assert run.peak_rss_mb < 800


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_parse_to_a_file_in_each_format(hostile, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    names = sorted(hostile)
    run = ipextract("parse", "-f", fmt, "-o", str(out), "--", *[str(hostile[n]) for n in names])
    assert run.returncode == 1
    assert out.exists() and run.stdout == ""
    if fmt == "jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) == len(names)


@pytest.mark.parametrize("data", [b"", b"\x00" * 100, b"\x7fELF" + bytes(100), b"<" * 10_000, PARA.encode("gbk")],
                         ids=["empty", "nuls", "elf", "lt", "gbk"])
def test_parse_and_show_from_stdin(data):
    for command in (["parse", "-"], ["show", "--no-color", "-"]):
        run = ipextract(*command, stdin=data)
        assert run.returncode in (0, 1)
        assert len(run.stderr.splitlines()) == (1 if run.returncode else 0)


def test_show_on_each_hostile_input(hostile):
    for name, path in sorted(hostile.items()):
        run = ipextract("show", "--no-color", "--width", "100", str(path))
        assert run.returncode == (1 if name.startswith("bad-") else 0), (name, run.stderr)
        assert len(run.stderr.splitlines()) == run.returncode, name
        assert "\x1b" not in run.stdout, name  # page content cannot drive the terminal
        if name == "ok-escapes.txt":
            assert PARA in run.stdout


def test_batch_over_every_hostile_input(hostile, tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    for path in hostile.values():
        if path.is_file():
            (folder / path.name).write_bytes(path.read_bytes())
    make_zip(folder / "pack.zip", [(f"m/{name}", p.read_bytes()) for name, p in hostile.items()
                                   if p.is_file() and p.stat().st_size < 2_000_000])
    listed = "\n".join(str(p) for p in hostile.values()).encode("utf-8", "surrogateescape")
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    run = ipextract("batch", str(folder), "-", "-o", str(out), "--stats", str(stats), "-j", "2", stdin=listed)
    assert run.returncode == 1
    summary = json.loads(stats.read_text())
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert summary["documents"] == len(records)
    assert summary["failed"] == sum(r["error"] is not None for r in records) > 0
    # One line per missing input (as parse names them, control characters escaped), then the summary.
    *named, last = run.stderr.strip().splitlines()
    assert last.startswith("ipextract batch: ") and " documents: " in last
    as_listed = listed.decode("utf-8", "surrogateescape").split("\n")  # the newline in a name splits it
    assert len(named) == sum(not os.path.exists(p) for p in as_listed) == 4
    assert all(line.startswith("ipextract batch: ") and line.endswith(": no such file") for line in named)
    assert run.peak_rss_mb < 800


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["parse"], 2),
        (["parse", "--no-such-option", "x"], 2),
        (["parse", "--ref-date", "2019-13-45", "x"], 2),
        (["parse", "--max-bytes", "0", "x"], 2),
        (["show"], 2),
        (["batch", ".", "-f", "parquet"], 2),
        (["batch", ".", "--workers", "0"], 2),
        (["batch", "x", "--executor", "mars"], 2),
        (["nonsense"], 2),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(args, status, tmp_path):
    run = ipextract(*args, cwd=tmp_path)
    assert run.returncode == status


def test_batch_output_problems_are_one_line_not_a_traceback(tmp_path):
    (tmp_path / "p.txt").write_bytes(page("p01.txt"))
    run = ipextract("batch", str(tmp_path / "p.txt"), "-o", str(tmp_path), "-q")  # a folder
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and run.stderr.startswith("ipextract batch: ")
    nested = tmp_path / "no" / "such" / "dir" / "out.jsonl"  # missing folders are not made silently
    run = ipextract("batch", str(tmp_path / "p.txt"), "-o", str(nested), "-q")
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "does not exist (create it first)" in run.stderr
    assert not (tmp_path / "no").exists()


def test_resume_over_garbage_parts_redoes_them_without_a_traceback(tmp_path):
    (tmp_path / "p.txt").write_bytes(page("p01.txt"))
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / ".ipextract-run").write_text("999999")  # marked by an earlier run: ours to clear
    for name in ("layout.json", "part-00000.done", "part-00000.jsonl"):
        (parts / name).write_bytes(b"\x00garbage{")
    run = ipextract("batch", str(tmp_path / "p.txt"), "-o", str(tmp_path / "out.jsonl"), "-q", "--resume")
    assert run.returncode == 0, run.stderr
    assert [json.loads(x)["path"] for x in (tmp_path / "out.jsonl").read_text().splitlines()] == [
        str(tmp_path / "p.txt")]
