"""batch under faults: a failed write, two runs on one output, a folder that is not ours, re-runs,
missing inputs, stale temporary folders, hostile names, and Ray tasks that crash or stop."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_inputs import PAGES, page
from ipextract.batch import (
    BatchConfig,
    BatchError,
    PartsLayout,
    ShardConfig,
    assemble,
    plan_shards,
    run_batch,
    run_shard,
    summary_line,
)
from ipextract.batch.config import RunError
from ipextract.batch.executors import ray as ray_mod
from ipextract.batch.executors.local import _Pool
from ipextract.batch.lock import LOCK_NAME, TEMP_PREFIX, RunLock, remove_stale_temp_dirs
from ipextract.batch.run import RunEvents
from ipextract.cli import app
from ipextract.errors import printable
from ipextract.sources import plan_units

runner = CliRunner()
SHARD = 2


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Six real pages in a folder: three shards of two."""
    folder = tmp_path_factory.mktemp("faults") / "pages"
    folder.mkdir()
    for name in PAGES:
        (folder / name).write_bytes(page(name))
    return folder


@pytest.fixture(scope="module")
def clean(pages, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "clean.jsonl"
    run_batch([str(pages)], BatchConfig(output=str(out), workers=1, shard_docs=SHARD))
    return out.read_bytes()


def batch(pages, out, *args):
    return runner.invoke(app, ["batch", str(pages), "-o", str(out), "-q", "-j", "1",
                               "--shard-size", str(SHARD), *args])


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------------------------------------
# 18.1: a write error ends the run; the output is complete or absent; --resume finishes it


def test_disk_full_during_assembly_is_exit_1_no_output_and_resume_finishes(pages, clean, tmp_path, monkeypatch):
    real_copy = assemble._copy
    calls = []

    def copy_then_fill_the_disk(path, out):
        calls.append(path)
        if len(calls) == 2:
            out.write(b'{"path": "half a rec')  # a torn line, as a full disk leaves it
            raise OSError(errno.ENOSPC, "No space left on device")
        real_copy(path, out)

    monkeypatch.setattr(assemble, "_copy", copy_then_fill_the_disk)
    out = tmp_path / "out.jsonl"
    failed = batch(pages, out)
    assert failed.exit_code == 1
    assert failed.stderr.splitlines() == [
        f"ipextract batch: cannot write {out}: the disk is full: free space or write elsewhere; it was not changed. "
        "The finished parts "
        "are kept: fix the cause and run the same command with --resume to finish"]
    assert len(calls) == 2  # no part was appended again after the failure
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.*.tmp"))
    assert (tmp_path / "out.jsonl.parts" / "part-00000.done").exists()
    monkeypatch.setattr(assemble, "_copy", real_copy)  # space is back
    resumed = batch(pages, out, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert out.read_bytes() == clean
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_an_assembler_that_failed_once_refuses_every_later_shard(tmp_path):
    layout = PartsLayout(tmp_path / "parts", "jsonl")
    asm = assemble.Assembler(layout, ShardConfig(), str(tmp_path / "out.jsonl"), None)
    asm.__enter__()
    with pytest.raises(RunError, match="cannot write"):
        asm.shard_done(0)  # its part file does not exist: reading it fails
    with pytest.raises(RunError, match="cannot write"):
        asm.shard_done(1)
    with pytest.raises(RunError):
        asm.__exit__(None, None, None)  # leaving normally still does not publish the output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_worker_that_cannot_write_its_part_ends_the_run_naming_the_cause():
    pool = _Pool(1, ShardConfig(), "/nonexistent", RunEvents(None, False))
    worker = type("W", (), {"task": object()})()
    with pytest.raises(RunError) as caught:
        pool._handle(worker, ("failed", 3, "OSError: [Errno 28] No space left on device: 'part-00003.jsonl'"))
    assert str(caught.value) == (
        "shard 3 failed: OSError: [Errno 28] No space left on device: 'part-00003.jsonl'. The finished parts "
        "are kept: fix the cause and run the same command with --resume to finish")
    assert worker.task is None


# ------------------------------------------------------------------------------------------------
# 18.3: one run per output


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(pages, clean, tmp_path):
    out = tmp_path / "out.jsonl"
    parts = PartsLayout(f"{out}.parts", "jsonl")
    parts.claim()
    first = RunLock(parts.root, str(out))
    first.acquire()
    try:
        second = batch(pages, out)
        assert second.exit_code == 2
        assert second.stderr.splitlines() == [
            f"ipextract batch: {out} is being written by another run (pid {os.getpid()})"]
        assert not out.exists()
    finally:
        first.release()
    # A lock left by a dead run (its file and pid, no holder) does not block.
    assert (parts.root / LOCK_NAME).read_text() == str(os.getpid())
    assert batch(pages, out).exit_code == 0
    assert out.read_bytes() == clean


def test_a_lock_file_a_finished_run_unlinked_no_longer_counts(tmp_path):
    from ipextract.batch.lock import _still_named

    path = tmp_path / LOCK_NAME
    with open(path, "a+", encoding="utf-8") as old:
        assert _still_named(old, path)
        path.unlink()  # the finishing run removes its folder's files
        assert not _still_named(old, path)
        path.write_text("")  # the next run's own file
        assert not _still_named(old, path)


# ------------------------------------------------------------------------------------------------
# 18.4: never delete what ipextract did not write


def _users_folder(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    files = {"part-00000.jsonl": b"my own data\n", "run.json": b'{"mine": true}', "part-00000.done": b"x"}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


@pytest.mark.parametrize("how", ["work-dir", "symlinked-parts", "work-dir-overwrite"])
def test_a_folder_of_the_users_is_never_cleared(pages, tmp_path, how):
    out = tmp_path / "out.jsonl"
    mine = tmp_path / "mine"
    files = _users_folder(mine)
    if how == "symlinked-parts":
        Path(f"{out}.parts").symlink_to(mine)
        args = ()
    else:
        args = ("--work-dir", str(mine), *(("--overwrite",) if how == "work-dir-overwrite" else ()))
    result = batch(pages, out, *args)
    assert result.exit_code == 2
    assert "holds files ipextract did not write; use a new or empty folder (--work-dir DIR)" in result.stderr
    assert {p.name: p.read_bytes() for p in mine.iterdir()} == files


def test_a_finished_run_removes_only_its_own_files(pages, clean, tmp_path):
    out, work = tmp_path / "out.jsonl", tmp_path / "work"
    assert batch(pages, out, "--work-dir", str(work), "--keep-parts").exit_code == 0
    (work / "notes.txt").write_text("the user's")
    assert batch(pages, out, "--work-dir", str(work), "--overwrite").exit_code == 0
    assert out.read_bytes() == clean
    assert [p.name for p in work.iterdir()] == ["notes.txt"]


# ------------------------------------------------------------------------------------------------
# 15.8: re-runs and resumes say what they need


def test_parts_of_an_earlier_run_need_resume_or_overwrite(pages, clean, tmp_path):
    out = tmp_path / "out.jsonl"
    assert batch(pages, out, "--keep-parts").exit_code == 0
    again = batch(pages, out)
    assert again.exit_code == 2
    assert again.stderr.splitlines() == [f"ipextract batch: {out}.parts holds parts of an earlier run: "
                                         "add --resume to finish it, or --overwrite to start over"]
    assert len(list(Path(f"{out}.parts").glob("*.done"))) == 3  # nothing was deleted
    both = batch(pages, out, "--resume", "--overwrite")
    assert both.exit_code == 2 and "cannot be used together" in both.stderr
    assert batch(pages, out, "--overwrite").exit_code == 0
    assert out.read_bytes() == clean


@pytest.mark.parametrize(("args", "what"), [
    (("--shard-size", "3"), f"--shard-size {SHARD} (this run: 3)"),
    (("--script", "keep"), "other options (--script, --keep-pinyin, --ref-date, --max-bytes or --errors)"),
    (("-f", "csv"), "--format jsonl (this run: csv)"),
])
def test_resume_with_other_settings_says_what_differs(pages, tmp_path, args, what):
    out = tmp_path / "out.jsonl"
    assert batch(pages, out, "--keep-parts").exit_code == 0
    result = runner.invoke(app, ["batch", str(pages), "-o", str(out), "-q", "-j", "1", "--shard-size", str(SHARD),
                                 "--resume", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"ipextract batch: {out}.parts holds parts of a run with {what}; "
                                          "run with the same options to --resume, or --overwrite to start over"]


def test_a_resumed_run_counts_its_rates_over_the_work_it_did(pages, clean, tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch([str(pages)], BatchConfig(output=str(out), workers=1, shard_docs=SHARD, keep_parts=True))
    out.unlink()
    (tmp_path / "out.jsonl.parts" / "part-00002.done").unlink()
    result = run_batch([str(pages)], BatchConfig(output=str(out), workers=1, shard_docs=SHARD, resume=True))
    assert out.read_bytes() == clean
    assert (result.stats.documents, result.resumed.documents, result.docs_done_here) == (6, 4, 2)
    d = result.to_dict()
    assert d["resumed_documents"] == 4
    assert d["docs_per_second"] == round(2 / result.wall_seconds, 2)
    assert "6 documents (4 done before): " in summary_line(result)


def test_a_run_that_fails_before_any_shard_leaves_no_parts_folder(pages, tmp_path, monkeypatch):
    from ipextract.batch import run as run_mod

    def no_executor(*args, **kwargs):
        raise BatchError("--executor ray needs Ray: pip install 'ipextract[ray]'")

    monkeypatch.setattr(run_mod, "executor_named", no_executor)
    out = tmp_path / "out.jsonl"
    result = batch(pages, out)
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_parquet_without_pyarrow_is_one_line_before_anything_is_written(pages, tmp_path, monkeypatch):
    from ipextract.batch import config as config_mod

    real = config_mod.importlib.util.find_spec
    monkeypatch.setattr(config_mod.importlib.util, "find_spec", lambda name: None if name == "pyarrow" else real(name))
    result = batch(pages, tmp_path / "tables", "-f", "parquet")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "ipextract batch: Parquet output needs pyarrow: pip install 'ipextract-zh[parquet]'"]
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------------------
# 15.9 and 18.9: messages, stale folders, transient errors


def test_a_missing_input_is_named_on_stderr(pages, tmp_path):
    missing = tmp_path / "nope" / "page.html"
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(missing), str(pages), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"ipextract batch: {missing}: no such file"
    assert [r["error_kind"] for r in _lines(out)] == ["not_found"] + [None] * len(PAGES)


@pytest.mark.parametrize(("name", "shown"), [
    ("evil\u202egpj.exe", "evil\\u202egpj.exe"),
    ("a\u2067b\u2069c", "a\\u2067b\\u2069c"),
    ("\u200f\u061c\u2066", "\\u200f\\u061c\\u2066"),
    ("line\nbreak\x1b[31m", "line\\x0abreak\\x1b[31m"),
    ("公告\u3000第1号.html", "公告\u3000第1号.html"),
])
def test_printable_escapes_bidi_and_other_controls(name, shown):
    assert printable(name) == shown


def test_stale_temporary_parts_folders_of_dead_runs_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead, live, foreign, starting = (tmp_path / f"{TEMP_PREFIX}{n}" for n in ("dead", "live", "foreign", "start"))
    for folder in (dead, live, foreign, starting):
        folder.mkdir()
        (folder / "part-00000.jsonl").write_text("{}\n")
    (dead / LOCK_NAME).write_text("999999")  # a SIGKILLed run: its pid, nobody holds the lock
    (starting / LOCK_NAME).write_text("")
    holder = RunLock(live, "-")
    holder.acquire()
    try:
        assert remove_stale_temp_dirs() == [dead]
    finally:
        holder.release()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (live, foreign, starting))


def test_resume_with_retry_errors_redoes_shards_with_timeout_records(pages, clean, tmp_path):
    out = tmp_path / "out.jsonl"
    config = BatchConfig(output=str(out), workers=1, shard_docs=SHARD)
    layout = PartsLayout(f"{out}.parts", "jsonl")
    layout.prepare(config.shard, resume=False, shard_docs=SHARD)
    shard = next(plan_shards(plan_units([str(pages)]), max_docs=SHARD))
    # A stopped job (Ctrl-Z) turned a good page into a timeout record.
    run_shard(shard, config.shard, str(layout.root), poison={1: ("timeout", "parsing took longer than 30 s")})
    kept = run_batch([str(pages)], BatchConfig(output=str(out), workers=1, shard_docs=SHARD, resume=True,
                                              keep_parts=True))
    assert kept.stats.errors == {"timeout": 1}
    redone = run_batch([str(pages)], BatchConfig(output=str(out), workers=1, shard_docs=SHARD, resume=True,
                                                retry_errors=True))
    assert redone.stats.errors == {} and redone.resumed.documents == 4
    assert out.read_bytes() == clean


# ------------------------------------------------------------------------------------------------
# 18.7: Ray tasks that crash or stop end in records (a fake Ray: the driver's logic only)


class _FakeRay:
    """Runs each task at once in this process; shard 1's task has crashed, shard 2's never ends."""

    class exceptions:  # stands for the module ray.exceptions
        class RayError(Exception):
            pass

        class RayTaskError(RayError):
            pass

        class WorkerCrashedError(RayError):
            pass

    def __init__(self, fail_with=None):
        self.cancelled = []
        self.fail_with = fail_with

    def is_initialized(self):
        return True

    def cluster_resources(self):
        return {"CPU": 1}

    def remote(self, **kwargs):
        fake = self

        class Remote:
            def __init__(self, fn):
                self.fn = fn

            def remote(self, shard, config, parts_dir):
                return (shard.index, lambda: self.fn(shard, config, parts_dir)) if shard.index != 1 or \
                    fake.fail_with is None else (1, fake.fail_with)

        return Remote

    def wait(self, refs, num_returns, timeout):
        ready = [r for r in refs if r[0] != 2][:num_returns]
        return ready, [r for r in refs if r not in ready]

    def get(self, ref):
        if isinstance(ref[1], Exception):
            raise ref[1]
        return ref[1]()

    def cancel(self, ref, force=False):
        self.cancelled.append((ref[0], force))


def _ray_run(pages, out, fake, monkeypatch):
    monkeypatch.setattr(ray_mod, "_ray", lambda: fake)
    monkeypatch.setattr(ray_mod, "_POLL", 0.0)
    monkeypatch.setattr(ray_mod._Tasks, "limit", lambda self, shard: 0.0 if shard.index == 2 else None)
    return run_batch([str(pages)], BatchConfig(output=str(out), executor="ray", shard_docs=SHARD, timeout=5))


def test_ray_crashed_and_stopped_shards_become_records_and_the_run_finishes(pages, clean, tmp_path, monkeypatch):
    fake = _FakeRay(fail_with=_FakeRay.exceptions.WorkerCrashedError("the worker died 4 times"))
    out = tmp_path / "out.jsonl"
    result = _ray_run(pages, out, fake, monkeypatch)
    assert not result.stopped_early and result.stats.errors == {"timeout": 2, "worker_crashed": 2}
    records, expected = _lines(out), [json.loads(x) for x in clean.decode().splitlines()]
    assert [r["path"] for r in records] == [r["path"] for r in expected]
    assert [r["error_kind"] for r in records] == [None, None, "worker_crashed", "worker_crashed", "timeout", "timeout"]
    assert records[:2] == expected[:2]
    assert fake.cancelled == [(2, True)]


def test_ray_error_inside_a_task_ends_the_run_with_its_cause(pages, tmp_path, monkeypatch):
    error = _FakeRay.exceptions.RayTaskError("wrapped")
    error.cause = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(RunError, match=r"shard 1 failed: OSError: \[Errno 28\] No space left on device"):
        _ray_run(pages, tmp_path / "out.jsonl", _FakeRay(fail_with=error), monkeypatch)
    assert not (tmp_path / "out.jsonl").exists()
