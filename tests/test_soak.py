"""Nothing lost, bounded: the soak of bench/soak.py at 150 documents inside the suite.

Good pages mixed with every hostile kind (text hazards, encodings, bombs, oversized and slow pages,
hostile archive members, a WARC cut short) spread over a folder, a zip and WARCs, run through a real
`ipextract batch --workers 2` that loses a worker to SIGKILL, then its whole process group; resumed,
it loses its driver (workers orphaned); resumed again, a worker once more. Every document is
accounted for exactly once, with the error kind expected of it, and the records are those of a run
never killed. The full 2,000-document soak is `python bench/soak.py`.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Peak resident memory allowed to any one process (a worker with the pipeline loaded sits near
#: 120 MB; a bomb read whole would need far more).
MEMORY_BOUND_MB = 600


def _load_soak():
    spec = importlib.util.spec_from_file_location("soak", ROOT / "bench" / "soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["soak"] = module
    spec.loader.exec_module(module)
    return module


soak = _load_soak()
#: 8 x 16 MB bombs instead of 1 GiB: still far past --max-bytes, and quicker to build and skip.
SETTINGS = soak.Settings(docs=150, shard_size=5, bomb_chunks=8)


@pytest.fixture(scope="module")
def soaked(tmp_path_factory):
    root = tmp_path_factory.mktemp("soak")
    built = soak.build(root / "inputs", SETTINGS, soak.good_pages((ROOT / "tests" / "fixtures",)))
    out = root / "run" / "docs.jsonl"
    out.parent.mkdir()
    runs, memory, shards = soak.run_with_kills(built, SETTINGS, out, limit=300, log=lambda s: None)
    acc = soak.account(built, out)
    reference = root / "run" / "reference.jsonl"
    clean = soak.uninterrupted(built, SETTINGS, reference, limit=300)
    differ = soak.differing(out, reference)
    fig = soak.figures(built, SETTINGS, runs, memory, shards, acc, (clean, differ))
    return SimpleNamespace(built=built, out=out, runs=runs, fig=fig, acc=acc, clean=clean, differ=differ)


def test_the_inputs_hold_every_hostile_kind_at_the_planned_size(soaked):
    built = soaked.built
    assert len(built.expected) == 150
    assert built.containers == {"dir": 66, "zip": 48, "warc": 32, "cut warc": 4}
    hazards = {e.hazard for e in built.expected}
    assert {name for name, *_ in soak.HAZARDS} <= hazards
    assert {"gzip-bomb", "gzip-ratio-bomb", "gzip-cut", "zip-bomb", "zip-ratio-bomb", "overlapping-zip-bomb",
            "tgz-bomb", "warc-bomb", "warc-cut-tail", "member-dotdot", "member-absolute", "member-drive-letter",
            "member-duplicate", "member-symlink", "member-encrypted", "member-bad-crc", "member-fifo",
            "dangling-link"} <= hazards
    assert sum(e.hazard == "good" for e in built.expected) >= 60
    assert Counter(e.path for e in built.expected).most_common(1)[0][1] == 2  # duplicate member names


def test_killed_twice_and_resumed_every_document_is_accounted_for_once(soaked):
    runs, fig, acc = soaked.runs, soaked.fig, soaked.acc
    assert [r.returncode for r in runs] == [-9, -9, 1], [r.stderr for r in runs]
    assert [k.split()[0] for k in fig["kills"]] == ["worker", "process", "driver", "worker"], fig["kills"]
    assert all("SIGKILLed" in k for k in fig["kills"]), fig["kills"]
    # Workers orphaned by the driver's SIGKILL find a broken pipe and exit quietly.
    assert [r.tracebacks for r in runs] == [0, 0, 0] and soaked.clean.tracebacks == 0, [r.stderr for r in runs]
    assert fig["workers_seen"] >= 8  # two per run, plus the one replacing each killed worker
    assert (acc.missing, acc.extra, acc.duplicates) == ([], [], [])
    assert acc.records == acc.documents == 150
    assert acc.in_order
    assert acc.stats_agree
    assert acc.leftovers == []
    assert acc.exact


def test_the_killed_and_resumed_run_writes_what_a_run_never_killed_writes(soaked):
    assert soaked.clean.returncode == 1 and soaked.clean.kills == []
    assert soaked.differ == 0
    assert soaked.fig["exact"]


def test_every_document_has_the_outcome_expected_of_it(soaked):
    built, acc = soaked.built, soaked.acc
    assert acc.mismatches == []
    expected_errors = Counter(e.kind for e in built.expected if e.kind is not None)
    assert acc.errors == dict(sorted(expected_errors.items()))
    assert set(acc.errors) == {"bomb", "binary", "corrupt", "empty", "encrypted", "is_directory", "skipped",
                               "timeout", "too_complex", "too_large", "truncated", "unreadable",
                               "unsupported_member"}
    assert all(matched == n for n, matched in acc.by_hazard.values()), acc.by_hazard
    assert acc.no_text == [] and acc.inconsistent == []
    errors = [json.loads(line) for line in soak.errors_path(soaked.out).read_text(encoding="utf-8").splitlines()]
    assert all(r["error"] and r["text"] == "" and r["facts"] == [] for r in errors)


def test_memory_stays_bounded_through_the_kills(soaked):
    fig = soaked.fig
    assert 0 < fig["peak_worker_mb"] < MEMORY_BOUND_MB
    assert 0 < fig["peak_driver_mb"] < MEMORY_BOUND_MB
    assert fig["memory_samples"] > 0


def test_the_accounting_catches_a_lost_a_repeated_and_a_misjudged_document(soaked, tmp_path):
    """The checks above are not vacuous: damaged copies of the outputs fail them."""
    out = tmp_path / "docs.jsonl"
    oks = soaked.out.read_text(encoding="utf-8").splitlines(keepends=True)
    errors = soak.errors_path(soaked.out).read_text(encoding="utf-8").splitlines(keepends=True)
    misjudged = json.loads(errors[0])
    misjudged["error_kind"] = "binary" if misjudged["error_kind"] != "binary" else "empty"
    out.write_text("".join([*oks[:10], *oks[11:], oks[20]]), encoding="utf-8")
    soak.errors_path(out).write_text(json.dumps(misjudged) + "\n" + "".join(errors[1:]), encoding="utf-8")
    soak.stats_path(out).write_text(soak.stats_path(soaked.out).read_text())
    acc = soak.account(soaked.built, out)
    lost, repeated = json.loads(oks[10])["path"], json.loads(oks[20])["path"]
    assert acc.missing == [lost] and acc.duplicates == [repeated] and acc.extra == []
    assert [m[0] for m in acc.mismatches] == [misjudged["path"]]
    assert not acc.in_order and not acc.stats_agree and not acc.exact
    assert soak.differing(out, soaked.out) > 0


def test_a_marker_write_cut_by_a_kill_leaves_no_parts_folder_once_resumed(tmp_path):
    """SIGKILL between a done marker's temporary file and its rename leaves `.part-N.done.*.tmp`;
    the soak found the resumed run then finished with the parts folder still there (rmdir failed)."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    page = (ROOT / "tests" / "fixtures" / "p01.txt").read_bytes()
    for i in range(12):
        (crawl / f"{i:02d}.txt").write_bytes(page)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "ipextract", "batch", str(crawl), "-o", str(out), "-q", "-j", "1",
            "--shard-size", "4"]
    assert subprocess.run([*args, "--keep-parts"], check=False).returncode == 0
    parts = tmp_path / "out.jsonl.parts"
    out.unlink()
    (parts / "part-00001.done").unlink()  # the kill came before the rename ...
    (parts / ".part-00001.done.k1ll3d.tmp").write_text('{"fingerprint": "cut')  # ... leaving this
    assert subprocess.run([*args, "--resume"], check=False).returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crawl", "out.jsonl"]
