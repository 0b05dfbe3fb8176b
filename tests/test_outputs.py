"""Outputs as a user meets them: special files kept, one-line errors, format from the extension,
archives refused by parse, install hints naming the distribution (issue 15 items 2-6)."""

from __future__ import annotations

import errno
import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_inputs import PAGES, make_tar, make_warc, make_zip, page
from ipextract.cli import app
from ipextract.distribution import DIST, install_hint
from ipextract.sniff import archive_description
from ipextract.writers import atomic_output, output_format

runner = CliRunner()
SEED = "seed-hp-ip.txt"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ipextract", *args], capture_output=True, text=True, timeout=120)


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# --- 15.2: what is not a regular file is written in place, never replaced --------------------


def test_symlink_to_a_file_is_written_through_and_stays_a_link(fixtures, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    result = runner.invoke(app, ["parse", str(fixtures / SEED), "-o", str(link)])
    assert result.exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert json.loads(real.read_text(encoding="utf-8"))["path"].endswith(SEED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_symlink_into_another_folder_writes_there(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    link = tmp_path / "a" / "out.jsonl"
    link.symlink_to(tmp_path / "b" / "target.jsonl")  # dangling: the target is made
    with atomic_output(link) as fh:
        fh.write("x\n")
    assert link.is_symlink()
    assert (tmp_path / "b" / "target.jsonl").read_text() == "x\n"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["out.jsonl"]


def test_fifo_is_written_into_not_replaced(fixtures, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = _cli("parse", str(fixtures / SEED), "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo()
    assert json.loads(got[0])["path"].endswith(SEED)  # no extension: a stream takes the default, JSON


def test_link_to_proc_self_fd_1_writes_to_stdout_and_stays(fixtures, tmp_path):
    link = tmp_path / "stdout.jsonl"
    link.symlink_to("/proc/self/fd/1")
    result = _cli("parse", str(fixtures / SEED), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert json.loads(result.stdout)["path"].endswith(SEED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stdout.jsonl"]


def test_regular_file_is_replaced_atomically_keeping_its_mode(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_output(target) as fh:
        fh.write("new")
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o640


# --- 15.3: one line for each output problem ---------------------------------------------------


@pytest.mark.parametrize(("make", "expected"), [
    ("folder", "is a folder: give a file name"),
    ("missing", "does not exist (create it first)"),
])
def test_bad_output_path_is_one_line_and_creates_nothing(fixtures, tmp_path, make, expected):
    if make == "folder":
        out = tmp_path / "out.json"
        out.mkdir()
    else:
        out = tmp_path / "nonexistent" / "dir" / "out.json"
    result = _cli("parse", str(fixtures / SEED), "-o", str(out))
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert str(out) in line and expected in line
    assert not (tmp_path / "nonexistent").exists()


_ADVICE = {errno.ENOSPC: "the disk is full: free space or write elsewhere",
           errno.EROFS: "the file system is read-only: write elsewhere"}


@pytest.mark.parametrize(("failing", "name", "err"), [
    ("ipextract.writers.atomic.os.fsync", "out.jsonl", errno.ENOSPC),
    ("ipextract.writers.atomic.os.fsync", "out.jsonl", errno.EROFS),
    ("ipextract.writers.parquet.ParquetSink.close", "t.parquet", errno.ENOSPC),  # the folder made goes too
])
def test_write_failure_is_one_line_and_leaves_nothing(fixtures, tmp_path, monkeypatch, failing, name, err):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(failing, fail)
    out = tmp_path / name
    result = runner.invoke(app, ["parse", str(fixtures / SEED), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"ipextract: cannot write {out}: {_ADVICE[err]}"
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_one_line(fixtures, tmp_path, monkeypatch):
    # Tests may run as root, whom permissions do not stop: the refusal is simulated.
    monkeypatch.setattr("ipextract.writers.atomic.os.access", lambda path, mode: False)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["parse", str(fixtures / SEED), "-o", str(out)])
    assert result.exit_code == 2
    denied = "permission denied: write to a folder you can write to"
    assert result.stderr.strip() == f"ipextract: cannot write {out}: {denied}"


@pytest.mark.parametrize("command", ["parse", "batch"])
def test_parquet_without_pyarrow_names_the_extra_and_leaves_nothing(fixtures, tmp_path, monkeypatch, command):
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # import fails as if not installed
    out = tmp_path / "tables.parquet"
    result = runner.invoke(app, [command, str(fixtures / SEED), "-o", str(out)])
    assert result.exit_code == 2
    prefix = "ipextract" if command == "parse" else "ipextract batch"
    assert result.stderr.strip() == f"{prefix}: Parquet output needs pyarrow: pip install '{DIST}[parquet]'"
    assert list(tmp_path.iterdir()) == []


def test_batch_into_a_missing_folder_is_one_line_and_makes_no_parts(fixtures, tmp_path):
    out = tmp_path / "nope" / "docs.jsonl"
    result = runner.invoke(app, ["batch", str(fixtures / SEED), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"ipextract batch: {out}: folder {out.parent} does not exist (create it first)"
    assert list(tmp_path.iterdir()) == []


# --- 15.4: parse refuses archives -------------------------------------------------------------


def _archives(root: Path) -> dict[str, Path]:
    records = [{"uri": f"http://x.gov.cn/{n}", "payload": page(n)} for n in PAGES]
    made = {"c.warc": root / "c.warc", "c.warc.gz": root / "c.warc.gz", "d.zip": root / "d.zip",
            "d.tar": root / "d.tar", "d.tgz": root / "d.tgz"}
    make_warc(made["c.warc"], records)
    make_warc(made["c.warc.gz"], records)
    make_zip(made["d.zip"], [(n, page(n)) for n in PAGES])
    make_tar(made["d.tar"], [(n, page(n)) for n in PAGES], mode="w")
    make_tar(made["d.tgz"], [(n, page(n)) for n in PAGES], mode="w:gz")
    # Named as a page: the content decides, not the name.
    made["saved.html"] = root / "saved.html"
    made["saved.html"].write_bytes(made["c.warc"].read_bytes())
    return made


@pytest.mark.parametrize(("name", "kind"), [
    ("c.warc", "a WARC archive"), ("c.warc.gz", "a WARC archive"), ("d.zip", "a zip archive"),
    ("d.tar", "a tar archive"), ("d.tgz", "a tar archive"), ("saved.html", "a WARC archive"),
])
def test_parse_refuses_an_archive_naming_batch(tmp_path, name, kind):
    path = _archives(tmp_path)[name]
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"ipextract: {path} is {kind}: use `ipextract batch` to read its pages"


def test_archive_description_of_pages_and_compressed_pages():
    html = "<html><body>正文</body></html>".encode()
    assert archive_description(html) is None
    assert archive_description(gzip.compress(html)) is None
    assert archive_description(b"\x1f\x8b damaged") is None


def test_library_parse_of_a_warc_is_an_error_record(tmp_path):
    from ipextract import parse

    doc = parse(_archives(tmp_path)["c.warc"].read_bytes())
    assert (doc.error_kind, doc.error, doc.facts) == ("binary", "is a WARC archive: use `ipextract batch`", [])


# --- 15.5: the format follows the extension ---------------------------------------------------


@pytest.mark.parametrize(("name", "fmt", "gz"), [
    ("x.json", "json", False), ("x.jsonl", "jsonl", False), ("x.ndjson", "jsonl", False),
    ("x.csv", "csv", False), ("x.CSV", "csv", False), ("x.jsonl.gz", "jsonl", True), ("x.csv.gz", "csv", True),
    ("x.parquet", "parquet", False), (None, "json", False), ("-", "json", False),
])
def test_output_format_from_extension(name, fmt, gz):
    chosen = output_format(name, None, default="json", offered=("json", "jsonl", "csv", "parquet"))
    assert (chosen.format, chosen.gzip) == (fmt, gz)


def test_given_format_wins_over_extension():
    assert output_format("x.txt", "csv", default="json", offered=("json", "csv")).format == "csv"


def test_parse_output_follows_extension(fixtures, tmp_path):
    page_path = str(fixtures / SEED)
    for name in ("x.csv", "x.jsonl", "x.ndjson", "x.json", "x.jsonl.gz"):
        assert runner.invoke(app, ["parse", page_path, page_path, "-o", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("path,id,title,")
    for name in ("x.jsonl", "x.ndjson"):
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        assert [json.loads(x)["path"] for x in lines] == [page_path, page_path]
    assert len(json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))) == 2
    assert len(gzip.decompress((tmp_path / "x.jsonl.gz").read_bytes()).splitlines()) == 2


def test_parse_parquet_folder(fixtures, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "t.parquet"
    assert runner.invoke(app, ["parse", str(fixtures / SEED), "-o", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["documents.parquet", "facts.parquet"]
    assert pq.read_table(out / "facts.parquet").num_rows == 28


@pytest.mark.parametrize("command", ["parse", "batch"])
def test_unknown_extension_without_format_is_a_usage_error(fixtures, tmp_path, command):
    out = tmp_path / "out.txt"
    result = runner.invoke(app, [command, str(fixtures / SEED), "-o", str(out)])
    assert result.exit_code == 2
    assert "cannot tell the format of" in result.stderr and "give --format" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_batch_parquet_extension_writes_parquet(fixtures, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "docs.parquet"
    result = runner.invoke(app, ["batch", str(fixtures / SEED), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert pq.read_table(out / "documents.parquet").column("path").to_pylist() == [str(fixtures / SEED)]


def test_batch_csv_gz_extension(fixtures, tmp_path):
    out = tmp_path / "facts.csv.gz"
    result = runner.invoke(app, ["batch", str(fixtures / SEED), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert gzip.decompress(out.read_bytes()).decode("utf-8").startswith("path,id,title,")


# --- 15.6: one distribution name -------------------------------------------------------------


def test_install_hints_name_the_distribution():
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DIST and DIST != "ipextract"
    assert project["scripts"] == {"ipextract": "ipextract.cli:main"}
    assert install_hint("ray") == f"pip install '{DIST}[ray]'"
    for path in [root / "README.md", *(root / "src" / "ipextract").rglob("*.py"), *(root / "docs").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert "ipextract[" not in text, path  # `pip install 'ipextract[...]'` installs another project


def test_batch_to_a_stdout_link_writes_through_and_keeps_parts_out_of_the_way(fixtures, tmp_path):
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    result = _cli("batch", str(fixtures / SEED), str(fixtures / "p01.txt"), "-o", str(link), "-q", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert [json.loads(x)["path"] for x in result.stdout.splitlines()] == [
        str(fixtures / SEED), str(fixtures / "p01.txt")]
    assert link.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_batch_disk_full_is_one_line_and_keeps_the_parts_for_resume(fixtures, tmp_path, monkeypatch):
    def full(path: str, out: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("ipextract.batch.assemble._copy", full)  # the driver appending a finished part
    out = tmp_path / "docs.jsonl"
    result = runner.invoke(app, ["batch", str(fixtures / SEED), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 1
    full_disk = "the disk is full: free space or write elsewhere"
    resume = ("it was not changed. The finished parts are kept: fix the cause and run the same command "
              "with --resume to finish")
    assert result.stderr.strip() == f"ipextract batch: cannot write {out}: {full_disk}; {resume}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl.parts"]  # --resume goes on from them
