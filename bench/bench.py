#!/usr/bin/env python3
"""Benchmark ipextract against its peers on the shared corpus, in one run.

    python bench/bench.py                      # all tools, 2,000 documents, 3 interleaved passes
    python bench/bench.py --docs 500 --repeat 1 --tools ipextract floor

Every tool runs in its own warm worker process (one core: imports, lazy loads and a warm-up over
every distinct page happen before timing), all started before the first timed pass. The timed
passes are interleaved — pass 1 of every tool, then pass 2 of every tool, … — so a change in
the machine's load during the run touches every tool alike. Throughput is reported per core:
documents per second of the worker's own CPU time (what it would do on an idle core), with the
wall-clock rate beside it. Peers need the `bench` extra: pip install -e '.[bench]'.

ipextract's workers run as its batch workers do, with `ipextract.keep_heap()` (glibc keeps and
reuses freed memory instead of returning it to the kernel after every page); peers run as shipped.
`--tools ipextract-nofacts-default-heap trafilatura-keep-heap` adds the two rows that show what
the setting is worth to ipextract and to a peer.

Reported: documents/s and MB/s per core (median of the passes, with min–max), wall documents/s,
peak RSS of the worker, each tool's ratio to ipextract's full pipeline; the issue's targets
(ipextract ≥ 4x trafilatura with facts, ≥ 6x without, ≥ 15 % of the lxml-parse floor) with
PASS/FAIL; single-file cold wall time of `ipextract parse` on the seed TXT and on an HTML page
(median of several fresh processes, peak RSS); and how throughput changes with page size
(1 KB … 1 MB), which must stay roughly flat (linear total time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = ("ipextract", "ipextract-nofacts", "trafilatura", "gne", "readability", "floor")
#: Not run unless named with --tools: what the heap setting is worth (see ipextract.allocator),
#: to ipextract and to a peer.
EXTRA_TOOLS = ("ipextract-nofacts-default-heap", "trafilatura-keep-heap")
#: Tools that only make sense on HTML pages.
HTML_ONLY = ("trafilatura", "gne", "readability", "trafilatura-keep-heap")
LABELS = {"ipextract": "ipextract (full, with facts)", "ipextract-nofacts": "ipextract without facts",
          "trafilatura": "trafilatura bare_extraction", "gne": "GNE", "readability": "readability-lxml",
          "floor": "floor: decode + lxml.html parse",
          "ipextract-nofacts-default-heap": "ipextract without facts, default heap",
          "trafilatura-keep-heap": "trafilatura, with keep_heap()"}


def corpus_files(corpus: Path) -> tuple[list[Path], list[Path]]:
    html = sorted((corpus / "html").glob("*.html"))
    txt = sorted((corpus / "txt").glob("*.txt"))
    return html, txt


def replicate(files: list[Path], n: int) -> list[Path]:
    return [files[i % len(files)] for i in range(n)] if files else []


# --- worker side -------------------------------------------------------------------------------


def _make_runner(tool: str):
    """Return a function bytes -> object for `tool`; imports happen here, outside the timing.

    ipextract's workers call `keep_heap()`, as its batch workers and the CLI with several pages
    do; the extra tools show the setting's share (ipextract without it, a peer with it).
    """
    from ipextract import keep_heap
    from ipextract.decode import decode

    if tool == "ipextract-nofacts-default-heap":
        from ipextract import Options, parse

        opts = Options(facts=False)
        return lambda data: parse(data, opts)
    if tool == "trafilatura-keep-heap":
        import trafilatura

        keep_heap()
        return lambda data: trafilatura.bare_extraction(decode(data).text, with_metadata=True)
    if tool.startswith("ipextract"):
        keep_heap()
    if tool == "ipextract":
        from ipextract import Options, parse

        opts = Options()
        return lambda data: parse(data, opts)
    if tool == "ipextract-nofacts":
        from ipextract import Options, parse

        opts = Options(facts=False)
        return lambda data: parse(data, opts)
    if tool == "trafilatura":
        import trafilatura

        return lambda data: trafilatura.bare_extraction(decode(data).text, with_metadata=True)
    if tool == "gne":
        from gne import GeneralNewsExtractor

        extractor = GeneralNewsExtractor()
        return lambda data: extractor.extract(decode(data).text)
    if tool == "readability":
        from readability import Document

        def run(data: bytes):
            doc = Document(decode(data).text)
            return doc.title(), doc.summary()

        return run
    if tool == "floor":
        import lxml.html

        return lambda data: lxml.html.fromstring(decode(data).text)
    raise SystemExit(f"unknown tool {tool}")


def worker(tool: str, list_file: Path) -> None:
    """Load, warm up, say "ready", then run one timed pass per "pass" line on stdin."""
    paths = [p for p in list_file.read_text(encoding="utf-8").splitlines() if p]
    unique = {p: Path(p).read_bytes() for p in dict.fromkeys(paths)}
    blobs = [unique[p] for p in paths]  # the replicas share their bytes: RSS stays the tool's own
    total_bytes = sum(len(b) for b in blobs)
    run = _make_runner(tool)
    errors = 0
    for data in unique.values():  # warm-up: lazy loads and per-process caches
        try:
            run(data)
        except Exception:
            errors += 1
    print(json.dumps({"ready": True}), flush=True)
    for command in sys.stdin:
        if command.strip() != "pass":
            break
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for data in blobs:
            try:
                run(data)
            except Exception:
                errors += 1
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        print(json.dumps({"wall": wall, "cpu": cpu}), flush=True)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tool": tool, "docs": len(blobs), "bytes": total_bytes,
                      "peak_rss_mb": rss_kb / 1024, "errors": errors}), flush=True)


# --- driver side -------------------------------------------------------------------------------


class Worker:
    """A warm worker process for one tool on one document list."""

    def __init__(self, tool: str, files: list[Path]) -> None:
        self.tool = tool
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
            fh.write("\n".join(str(p) for p in files))
        self.list_file = fh.name
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", tool, "--list", self.list_file],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.passes: list[dict] = []
        self.failed: str | None = None
        self._read()  # "ready"

    def _read(self) -> dict | None:
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            self.failed = (err.strip().splitlines() or ["worker failed"])[-1]
            return None
        return json.loads(line)

    def run_pass(self) -> None:
        if self.failed:
            return
        assert self.proc.stdin is not None
        self.proc.stdin.write("pass\n")
        self.proc.stdin.flush()
        result = self._read()
        if result is not None:
            self.passes.append(result)

    def finish(self) -> dict:
        try:
            if not self.failed and self.proc.stdin is not None:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.flush()
                final = self._read()
            else:
                final = None
            self.proc.wait(timeout=60)
        finally:
            os.unlink(self.list_file)
        if final is None or self.failed or not self.passes:
            return {"tool": self.tool, "failed": self.failed or "no passes"}
        docs, size = final["docs"], final["bytes"]
        cpu = [docs / p["cpu"] for p in self.passes]
        wall = [docs / p["wall"] for p in self.passes]
        return {
            **final,
            "passes": self.passes,
            "docs_per_s": statistics.median(cpu), "docs_per_s_min": min(cpu), "docs_per_s_max": max(cpu),
            "wall_docs_per_s": statistics.median(wall),
            "mb_per_s": statistics.median(size / 1e6 / p["cpu"] for p in self.passes),
        }


def measure(groups: dict[str, tuple[list[str], list[Path]]], repeat: int) -> dict[str, dict[str, dict]]:
    """Start a warm worker per (group, tool), then run `repeat` interleaved rounds of passes."""
    workers: list[tuple[str, Worker]] = []
    for group, (tools, files) in groups.items():
        for tool in tools:
            print(f"  starting {tool} on {group}", file=sys.stderr, flush=True)
            workers.append((group, Worker(tool, files)))
    for r in range(repeat):
        order = workers[r % len(workers):] + workers[: r % len(workers)]  # rotate who goes first
        for _group, w in order:
            w.run_pass()
        print(f"  round {r + 1}/{repeat} done", file=sys.stderr, flush=True)
    out: dict[str, dict[str, dict]] = {group: {} for group in groups}
    for group, w in workers:
        out[group][w.tool] = w.finish()
    return out


_TIME_ONE = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
wall = time.perf_counter() - start
print(json.dumps([wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))
"""


def cold_wall(args: list[str], runs: int) -> dict:
    """Median wall time and peak RSS of a fresh `ipextract` process (each timed by its own parent)."""
    exe = Path(sys.executable).with_name("ipextract")
    walls, rss = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _TIME_ONE, str(exe), *args],
                             capture_output=True, text=True, check=True).stdout
        wall, peak = json.loads(out)
        walls.append(wall)
        rss.append(peak)
    return {"runs": walls, "median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
            "peak_rss_mb": max(rss)}


def size_pages(out_dir: Path, seed_txt: Path) -> list[tuple[str, Path]]:
    """Synthetic HTML pages of growing size, built from the seed's paragraphs."""
    paragraphs = [p.strip() for p in seed_txt.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 40]
    pages = []
    for label, size in (("1KB", 1_000), ("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000)):
        body, i = [], 0
        while sum(len(x.encode()) for x in body) < size:
            body.append(f"<p>{paragraphs[i % len(paragraphs)]}</p>")
            i += 1
        html = ("<html><head><meta charset='utf-8'><title>规模测试 - 网站</title></head><body>"
                "<h1>规模测试</h1><div class='article'>" + "\n".join(body) + "</div></body></html>")
        path = out_dir / f"size-{label}.html"
        path.write_text(html, encoding="utf-8")
        pages.append((label, path))
    return pages


def fmt_row(cells: list[str], widths: list[int]) -> str:
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = [fmt_row(header, widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [fmt_row(r, widths) for r in rows]
    return "\n".join(lines)


def throughput_table(results: dict[str, dict]) -> str:
    base = results.get("ipextract", {}).get("docs_per_s")
    rows = []
    for tool, r in results.items():
        if "failed" in r:
            rows.append([LABELS.get(tool, tool), "failed: " + r["failed"][:60], "", "", "", "", ""])
            continue
        ratio = f"{base / r['docs_per_s']:.2f}x" if base else "-"
        rows.append([LABELS.get(tool, tool), f"{r['docs_per_s']:.1f}",
                     f"{r['docs_per_s_min']:.1f}–{r['docs_per_s_max']:.1f}", f"{r['wall_docs_per_s']:.1f}",
                     f"{r['mb_per_s']:.2f}", f"{r['peak_rss_mb']:.0f}", ratio])
    return table(["tool", "docs/s per core (median)", "min–max", "wall docs/s", "MB/s per core",
                  "peak RSS MB", "ipextract full ÷ tool"], rows)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {sys.platform}, Python {sys.version.split()[0]}"


def load() -> str:
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def targets(html: dict[str, dict]) -> list[str]:
    """The issue's done-when lines, with the measured values."""
    rate = {tool: r.get("docs_per_s") for tool, r in html.items() if "failed" not in r}
    out = []

    def check(name: str, value: float | None, floor: float, fmt: str) -> None:
        if value is None:
            out.append(f"  {name}: not measured")
            return
        verdict = "PASS" if value >= floor else "FAIL"
        out.append(f"  {name}: {fmt.format(value)} (target >= {fmt.format(floor)}) {verdict}")

    full, nofacts, traf, lxml_floor = (rate.get(t) for t in ("ipextract", "ipextract-nofacts", "trafilatura", "floor"))
    check("ipextract full ÷ trafilatura", full / traf if full and traf else None, 4.0, "{:.2f}x")
    check("ipextract without facts ÷ trafilatura", nofacts / traf if nofacts and traf else None, 6.0, "{:.2f}x")
    check("ipextract full ÷ lxml-parse floor", full / lxml_floor if full and lxml_floor else None, 0.15, "{:.1%}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=2000, help="documents per tool (the corpus replicated)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per tool (interleaved rounds)")
    ap.add_argument("--tools", nargs="*", default=list(TOOLS), choices=[*TOOLS, *EXTRA_TOOLS],
                    help=f"default: {' '.join(TOOLS)}; also: {' '.join(EXTRA_TOOLS)}")
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--no-scaling", action="store_true", help="skip the page-size table")
    ap.add_argument("--json", type=Path, help="also write all results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--list", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        worker(a.worker, a.list)
        return 0

    html, txt = corpus_files(a.corpus)
    own = [t for t in a.tools if t not in HTML_ONLY]
    groups = {
        "html": (a.tools, replicate(html, a.docs)),
        "txt": (own, replicate(txt, a.docs)),
        "html+txt": (own, replicate(html + txt, a.docs)),
    }
    started = load()
    print(f"machine: {machine()}")
    print(f"corpus: {len(html)} HTML + {len(txt)} TXT pages, each set replicated to {a.docs} documents; "
          f"{a.repeat} timed passes per tool, interleaved, after a warm-up; per core = per second of the "
          f"worker's CPU time")
    print(f"{started} at start\n")
    results = measure(groups, a.repeat)

    print(f"HTML pages ({a.docs} documents: {len(html)} pages replicated)")
    print(throughput_table(results["html"]))
    print("\nTargets (issue 6), on the HTML pages:")
    print("\n".join(targets(results["html"])))
    print(f"\nTXT pages ({a.docs} documents: {len(txt)} pages replicated)")
    print(throughput_table(results["txt"]))
    print(f"\nHTML + TXT pages ({a.docs} documents)")
    print(throughput_table(results["html+txt"]))

    seed = a.corpus / "txt" / "seed-hp-ip.txt"
    page = a.corpus / "html" / "gne-zj-fzggw-1.html"
    inputs = (("seed TXT, with facts", seed), (f"HTML ({page.name}), with facts", page))
    cold = {name: cold_wall(["parse", str(path)], a.cold_runs) for name, path in inputs}
    results["cold"] = cold
    print(f"\nSingle file, cold process (`ipextract parse FILE`, {a.cold_runs} runs; target for the seed: "
          f"median <= 0.5 s, peak RSS < 150 MB)")
    print(table(["input", "median s", "min–max s", "peak RSS MB"],
                [[k, f"{v['median_s']:.3f}", f"{v['min_s']:.3f}–{v['max_s']:.3f}", f"{v['peak_rss_mb']:.0f}"]
                 for k, v in cold.items()]))

    if not a.no_scaling:
        with tempfile.TemporaryDirectory() as tmp:
            pages = size_pages(Path(tmp), seed)
            scale_groups = {label: (["ipextract"], [path] * min(400, max(3, int(2_000_000 / path.stat().st_size))))
                            for label, path in pages}
            measured = measure(scale_groups, 3)
            scaling = []
            for label, path in pages:
                r = measured[label]["ipextract"]
                if "failed" in r:
                    scaling.append([label, f"{path.stat().st_size / 1000:.0f} KB", "failed", "", ""])
                    continue
                scaling.append([label, f"{path.stat().st_size / 1000:.0f} KB", f"{r['docs_per_s']:.1f}",
                                f"{1000 / r['docs_per_s']:.1f}", f"{r['mb_per_s']:.2f}"])
            results["scaling"] = scaling
        print("\nThroughput by page size (ipextract full pipeline, per core; MB/s should stay flat)")
        print(table(["page", "size", "docs/s", "ms/page", "MB/s"], scaling))
    print(f"\n{load()} at end (started with {started})")
    if a.json:
        a.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
