#!/usr/bin/env python3
"""Run every atheris harness in turn and summarise: executions, coverage, crashes.

    python fuzz/run_all.py --minutes 36            # split evenly between parse, text and archive
    python fuzz/run_all.py --minutes 10 --targets archive

Each target keeps its growing corpus in fuzz/corpus/<target>/ (git-ignored; seeded from the real
pages in tests/fixtures, and for `archive` with small zip, tar, tar.gz, WARC and gzip files built
from them), so a later run starts where the last one stopped. Crashing inputs are written to
fuzz/crashes/. The summary is printed and written to fuzz/corpus/summary.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures"
TARGETS = ("parse", "text", "archive")
#: Position of each container suffix in fuzz.py's SUFFIXES: an archive seed's first byte.
SUFFIX = {".zip": 0, ".tar": 1, ".tar.gz": 2, ".warc.gz": 3, ".gz": 4}
STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.M)
COVERAGE = re.compile(r"cov: (\d+) ft: (\d+)")


def pages() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".txt"))


def archive_seeds() -> dict[str, bytes]:
    """Small archives of three real pages each, in every container kind the batch reads."""
    chosen = pages()[:3]
    members = [(p.name, p.read_bytes()[:20_000]) for p in chosen]
    seeds = {}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    seeds[".zip"] = buf.getvalue()
    for suffix, mode in ((".tar", "w"), (".tar.gz", "w:gz")):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode=mode) as tf:
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
        seeds[suffix] = buf.getvalue()
    seeds[".gz"] = gzip.compress(members[0][1], mtime=0)
    seeds[".warc.gz"] = _warc(members)
    return seeds


def _warc(members: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for name, data in members:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.gov.cn/{name}", "response",
                                                      payload=io.BytesIO(data), http_headers=headers))
    return buf.getvalue()


def seed(target: str, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    if target == "archive":
        items = [bytes([SUFFIX[s]]) + data for s, data in archive_seeds().items()]
    else:
        items = [p.read_bytes()[:60_000] for p in pages()]
    for data in items:
        (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)


def run(target: str, seconds: int) -> dict:
    corpus = HERE / "corpus" / target
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    seed(target, corpus)
    cmd = [sys.executable, str(HERE / "fuzz.py"), target, f"-max_total_time={seconds}", "-print_final_stats=1",
           "-timeout=60", "-rss_limit_mb=3072", "-max_len=200000", f"-artifact_prefix={crashes}/{target}-",
           str(corpus)]
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    log = proc.stdout + proc.stderr
    (HERE / "corpus" / f"{target}.log").write_text(log, encoding="utf-8")
    stats = {k: int(v) for k, v in STAT.findall(log)}
    coverage = COVERAGE.findall(log)
    crash_files = sorted(str(p) for p in crashes.glob(f"{target}-*"))
    return {
        "target": target,
        "seconds": round(time.monotonic() - started),
        "executions": stats.get("number_of_executed_units", 0),
        "exec_per_sec": stats.get("average_exec_per_sec", 0),
        "corpus_added": stats.get("new_units_added", 0),
        "coverage_edges": int(coverage[-1][0]) if coverage else 0,
        "peak_rss_mb": stats.get("peak_rss_mb", 0),
        "exit_status": proc.returncode,
        "crashes": crash_files,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=36.0, help="total fuzzing time, split between targets")
    ap.add_argument("--targets", nargs="*", default=list(TARGETS), choices=TARGETS)
    args = ap.parse_args()
    each = max(10, int(args.minutes * 60 / len(args.targets)))
    results = []
    for target in args.targets:
        print(f"fuzzing {target} for {each} s …", file=sys.stderr, flush=True)
        results.append(run(target, each))
    print(f"{'target':<9}{'seconds':>8}{'executions':>12}{'exec/s':>8}{'new units':>10}{'edges':>7}"
          f"{'RSS MB':>8}  crashes")
    for r in results:
        print(f"{r['target']:<9}{r['seconds']:>8}{r['executions']:>12}{r['exec_per_sec']:>8}{r['corpus_added']:>10}"
              f"{r['coverage_edges']:>7}{r['peak_rss_mb']:>8}  {len(r['crashes']) or 'none'}")
    total = sum(r["executions"] for r in results)
    print(f"total: {total} executions in {sum(r['seconds'] for r in results)} s")
    (HERE / "corpus" / "summary.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    sys.exit(1 if any(r["crashes"] or r["exit_status"] for r in results) else 0)


if __name__ == "__main__":
    main()
