"""The batch command and parse --format csv: typer's runner, and real processes killed with SIGKILL."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_inputs import PAGES, make_warc, make_zip, page
from ipextract.cli import app

runner = CliRunner()


def cli(*args: str, **kw):
    return subprocess.run([sys.executable, "-m", "ipextract", *args], capture_output=True, check=False, **kw)


@pytest.fixture
def good(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in PAGES:
        (folder / name).write_bytes(page(name))
    return folder


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_batch_help_documents_itself_with_examples():
    result = runner.invoke(app, ["batch", "--help"])
    assert result.exit_code == 0
    for text in ("Examples", "--resume", "--executor", "--errors", "--stats", "--include", "--bom"):
        assert text in result.output


def test_all_ok_exits_0_to_stdout_in_input_order(good):
    result = runner.invoke(app, ["batch", str(good), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    paths = [json.loads(x)["path"] for x in result.stdout.splitlines()]
    assert paths == [str(good / n) for n in sorted(PAGES)]


def test_some_failed_exits_1_with_errors_file_and_stats(good, tmp_path):
    z = make_zip(tmp_path / "d.zip", [("ok.txt", page("p01.txt")), ("bad.html", b"\x7fELF" + bytes(300))])
    out, err, stats = tmp_path / "o.jsonl", tmp_path / "e.jsonl", tmp_path / "s.json"
    result = runner.invoke(app, ["batch", str(good), str(z), "-o", str(out), "--errors", str(err),
                                 "--stats", str(stats), "-q"])
    assert result.exit_code == 1
    assert len(_lines(out)) == len(PAGES) + 1
    assert [(r["path"], r["error_kind"]) for r in _lines(err)] == [(f"{z}::bad.html", "binary")]
    s = json.loads(stats.read_text())
    assert (s["documents"], s["ok"], s["failed"], s["errors"]) == (len(PAGES) + 2, len(PAGES) + 1, 1,
                                                                   {"binary": 1})
    assert s["bytes"] == sum(len(page(n)) for n in PAGES) + len(page("p01.txt")) + 304
    assert {"facts", "seconds", "docs_per_second", "mb_per_second"} <= set(s)


def test_usage_errors_exit_2(good, tmp_path):
    assert runner.invoke(app, ["batch", str(good), "-f", "parquet"]).exit_code == 2
    assert runner.invoke(app, ["batch", str(good), "--workers", "0"]).exit_code == 2
    assert runner.invoke(app, ["batch"]).exit_code == 2
    out = tmp_path / "o.jsonl"
    assert runner.invoke(app, ["batch", str(good), "-o", str(out), "--keep-parts", "-q"]).exit_code == 0
    mismatch = runner.invoke(app, ["batch", str(good), "-o", str(out), "--resume", "--script", "keep", "-q"])
    assert mismatch.exit_code == 2
    assert "other options" in mismatch.output


def test_paths_on_stdin(good, tmp_path):
    listed = "\n".join(str(good / n) for n in PAGES[:2]) + "\n"
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["batch", "-", "-o", str(out), "-q"], input=listed)
    assert result.exit_code == 0, result.output
    assert [r["path"] for r in _lines(out)] == [str(good / n) for n in PAGES[:2]]


def test_batch_csv_from_a_warc_and_parse_csv_agree(good, tmp_path):
    w = make_warc(tmp_path / "c.warc.gz", [{"uri": "http://x.gov.cn/seed", "payload": page("seed-hp-ip.txt")}])
    out = tmp_path / "f.csv"
    assert runner.invoke(app, ["batch", str(w), "-o", str(out), "-q"]).exit_code == 0
    batch_rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    seed = Path(__file__).parent / "fixtures" / "seed-hp-ip.txt"
    parsed = runner.invoke(app, ["parse", str(seed), "--format", "csv"])
    assert parsed.exit_code == 0
    parse_rows = list(csv.reader(io.StringIO(parsed.stdout, newline="")))
    assert batch_rows[0] == parse_rows[0][: len(batch_rows[0])] == parse_rows[0]
    assert [r[5:] for r in batch_rows[1:]] == [r[5:] for r in parse_rows[1:]]  # same facts, other path
    assert len(batch_rows) == len(parse_rows)


def test_parse_csv_bom_and_output_file(tmp_path):
    seed = Path(__file__).parent / "fixtures" / "seed-hp-ip.txt"
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["parse", str(seed), "--format", "csv", "--bom", "-o", str(out)])
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfpath,id,title,published_at,source,text,value,value_max,unit,")
    assert raw.split(b"\r\n")[0].endswith(b"span_start,span_end,paragraph")


def test_summary_on_stderr_unless_quiet(good, tmp_path):
    loud = cli("batch", str(good), "-o", str(tmp_path / "a.jsonl"), "-j", "1")
    assert loud.returncode == 0
    assert f"ipextract batch: {len(PAGES)} documents: {len(PAGES)} ok, 0 failed" in loud.stderr.decode()
    quiet = cli("batch", str(good), "-o", str(tmp_path / "b.jsonl"), "-j", "1", "-q")
    assert quiet.returncode == 0 and quiet.stderr == b""


# ------------------------------------------------------------------------------------------------
# Killed for real


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """Enough documents (folder + zip + WARC) that a run is still going when it is killed."""
    root = tmp_path_factory.mktemp("big")
    html = ["p01.txt", "p02.txt", "p03.txt", "gne-zsnews-1.html", "seed-hp-ip.txt"]
    folder = root / "pages"
    folder.mkdir()
    for i in range(120):
        name = html[i % len(html)]
        (folder / f"{i:04d}-{name}").write_bytes(page(name))
    make_zip(root / "z.zip", [(f"{i:04d}-{n}", page(n)) for i, n in enumerate(html * 20)])
    make_warc(root / "w.warc.gz", [{"uri": f"http://x.gov.cn/{i}", "payload": page(n)}
                                   for i, n in enumerate(html * 20)])
    inputs = [str(folder), str(root / "z.zip"), str(root / "w.warc.gz")]
    clean = root / "clean.jsonl"
    assert cli("batch", *inputs, "-o", str(clean), "-q", "-j", "2").returncode == 0
    return inputs, clean


def _start(inputs, out):
    return subprocess.Popen(
        [sys.executable, "-m", "ipextract", "batch", *inputs, "-o", str(out), "-q", "-j", "2",
         "--shard-size", "4"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def _wait_for_markers(parts: Path, n: int, proc) -> None:
    deadline = time.monotonic() + 300
    while len(list(parts.glob("*.done"))) < n:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)


def _descendants(pid: int) -> dict[int, int]:
    """pid -> depth below `pid`, from /proc (the forkserver's workers are grandchildren)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    depth = {pid: 0}
    changed = True
    while changed:
        changed = False
        for child, parent in parents.items():
            if parent in depth and child not in depth:
                depth[child] = depth[parent] + 1
                changed = True
    del depth[pid]
    return depth


def test_killed_with_sigkill_then_resume_gives_every_document_once(big, tmp_path):
    inputs, clean = big
    out = tmp_path / "out.jsonl"
    proc = _start(inputs, out)
    _wait_for_markers(Path(f"{out}.parts"), 3, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    resumed = cli("batch", *inputs, "-o", str(out), "-q", "-j", "2", "--shard-size", "4", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == clean.read_bytes()
    assert not Path(f"{out}.parts").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_sigterm_stops_like_ctrl_c_with_the_same_advice_and_resume_finishes(big, tmp_path):
    inputs, clean = big
    out = tmp_path / "out.jsonl"
    proc = _start(inputs, out)
    _wait_for_markers(Path(f"{out}.parts"), 2, proc)
    os.kill(proc.pid, signal.SIGTERM)  # the driver only, as `kill PID` or a scheduler does
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143
    last = stderr.decode().splitlines()[-1]
    assert last == "ipextract batch: terminated; run the same command with --resume to finish"
    assert not out.exists()
    resumed = cli("batch", *inputs, "-o", str(out), "-q", "-j", "2", "--shard-size", "4", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == clean.read_bytes()


def test_a_worker_killed_mid_run_is_replaced_and_nothing_is_lost(big, tmp_path):
    inputs, clean = big
    out = tmp_path / "out.jsonl"
    proc = _start(inputs, out)
    _wait_for_markers(Path(f"{out}.parts"), 2, proc)
    workers = [p for p, depth in _descendants(proc.pid).items() if depth == 2]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    records = _lines(out)
    assert out.read_bytes() == clean.read_bytes()
    assert len({r["path"] for r in records}) == len(records) == len(_lines(clean))


def test_a_stuck_worker_is_replaced_and_its_document_gets_a_timeout_record(big, tmp_path):
    inputs, clean = big
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ipextract", "batch", *inputs, "-o", str(out), "-q", "-j", "1",
         "--shard-size", "4", "--timeout", "3"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    _wait_for_markers(Path(f"{out}.parts"), 2, proc)
    worker = next(p for p, depth in _descendants(proc.pid).items() if depth == 2)
    os.kill(worker, signal.SIGSTOP)  # hangs like a document stuck in C code: no alarm can fire
    t0 = time.monotonic()
    _, stderr = proc.communicate(timeout=120)
    assert time.monotonic() - t0 < 60
    records, expected = _lines(out), _lines(clean)
    assert [r["path"] for r in records] == [r["path"] for r in expected]
    timeouts = [i for i, r in enumerate(records) if r["error_kind"] == "timeout"]
    # SIGSTOP nearly always lands inside a document (that one times out); between two documents
    # the shard just runs again. Either way every other record is exactly the clean one.
    assert len(timeouts) <= 1
    assert proc.returncode == (1 if timeouts else 0), stderr
    assert [r for i, r in enumerate(records) if i not in timeouts] == [
        r for i, r in enumerate(expected) if i not in timeouts]
    with contextlib.suppress(ProcessLookupError):
        os.kill(worker, signal.SIGKILL)


def test_an_empty_folder_says_so(tmp_path):
    result = runner.invoke(app, ["batch", str(tmp_path), "-q"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no input documents found" in result.output
