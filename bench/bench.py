#!/usr/bin/env python3
"""Benchmark ipextract against its peers on the shared corpus, in one run.

    python bench/bench.py                      # all tools, 2,000 documents, 3 repeats
    python bench/bench.py --docs 500 --repeat 1 --tools ipextract floor

Each tool runs in its own fresh worker process (one core, warm: a warm-up pass first, then the
timed passes over every document held in memory), so import costs and caches do not leak between
tools and peak RSS is per tool. Peers need the `bench` extra: pip install -e '.[bench]'.

Reported: documents/s and MB/s per core (median of the repeats, with min–max), peak RSS, each
tool's ratio to ipextract's full pipeline; single-file cold wall time of `ipextract parse` on the
seed TXT and on an HTML page (median of several fresh processes); and how throughput changes with
page size (1 KB … 1 MB), which must stay roughly flat (linear total time).
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
HTML_TOOLS = ("trafilatura", "gne", "readability", "floor")


def corpus_files(corpus: Path) -> tuple[list[Path], list[Path]]:
    html = sorted((corpus / "html").glob("*.html"))
    txt = sorted((corpus / "txt").glob("*.txt"))
    return html, txt


def replicate(files: list[Path], n: int) -> list[Path]:
    return [files[i % len(files)] for i in range(n)] if files else []


# --- worker side -------------------------------------------------------------------------------


def _make_runner(tool: str):
    """Return a function bytes -> object for `tool`; imports happen here, outside the timing."""
    from ipextract.decode import decode

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


def worker(tool: str, list_file: Path, repeat: int) -> None:
    paths = [Path(p) for p in list_file.read_text(encoding="utf-8").splitlines() if p]
    blobs = [p.read_bytes() for p in paths]
    total_bytes = sum(len(b) for b in blobs)
    run = _make_runner(tool)
    errors = 0
    for data in blobs[: min(len(blobs), 50)]:  # warm-up: lazy loads, caches
        try:
            run(data)
        except Exception:
            errors += 1
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for data in blobs:
            try:
                run(data)
            except Exception:
                errors += 1
        times.append(time.perf_counter() - start)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tool": tool, "docs": len(blobs), "bytes": total_bytes, "times": times,
                      "peak_rss_mb": rss_kb / 1024, "errors": errors}))


# --- driver side -------------------------------------------------------------------------------


def run_tool(tool: str, files: list[Path], repeat: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(str(p) for p in files))
        list_file = fh.name
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", tool, "--list", list_file, "--repeat", str(repeat)],
            capture_output=True, text=True, check=False,
        )
    finally:
        os.unlink(list_file)
    if proc.returncode != 0:
        return {"tool": tool, "failed": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    rates = [result["docs"] / t for t in result["times"]]
    mbs = [result["bytes"] / 1e6 / t for t in result["times"]]
    result.update(
        docs_per_s=statistics.median(rates), docs_per_s_min=min(rates), docs_per_s_max=max(rates),
        mb_per_s=statistics.median(mbs),
    )
    return result


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
    return {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=2000, help="documents per tool (the corpus replicated)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tools", nargs="*", default=list(TOOLS))
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--json", type=Path, help="also write all results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--list", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        worker(a.worker, a.list, a.repeat)
        return 0

    html, txt = corpus_files(a.corpus)
    html_docs = replicate(html, a.docs)
    all_docs = replicate(html + txt, a.docs)
    print(f"machine: {os.cpu_count()} cores, {sys.platform}, Python {sys.version.split()[0]}")
    print(f"corpus: {len(html)} HTML + {len(txt)} TXT pages, replicated to {a.docs} documents; "
          f"{a.repeat} timed passes per tool after a warm-up\n")

    results: dict = {"html": {}, "all": {}}
    for tool in a.tools:
        results["html"][tool] = run_tool(tool, html_docs, a.repeat)
        print(f"  measured {tool} on HTML", file=sys.stderr)
    for tool in [t for t in a.tools if t not in HTML_TOOLS]:
        results["all"][tool] = run_tool(tool, all_docs, a.repeat)
        print(f"  measured {tool} on HTML+TXT", file=sys.stderr)

    base = results["html"].get("ipextract", {}).get("docs_per_s")
    rows = []
    for tool, r in results["html"].items():
        if "failed" in r:
            rows.append([tool, "failed: " + r["failed"][:60], "", "", "", ""])
            continue
        ratio = f"{base / r['docs_per_s']:.2f}x" if base and tool != "ipextract" else "1.00x"
        rows.append([tool, f"{r['docs_per_s']:.1f}", f"{r['docs_per_s_min']:.1f}–{r['docs_per_s_max']:.1f}",
                     f"{r['mb_per_s']:.2f}", f"{r['peak_rss_mb']:.0f}", ratio])
    print(f"HTML pages ({a.docs} documents, one core, warm process)")
    print(table(["tool", "docs/s (median)", "spread", "MB/s", "peak RSS MB", "ipextract is"], rows))
    floor = results["html"].get("floor", {}).get("docs_per_s")
    if base and floor:
        print(f"\nipextract full pipeline = {100 * base / floor:.1f}% of the lxml-parse floor")
    rows = [[tool, f"{r['docs_per_s']:.1f}", f"{r['mb_per_s']:.2f}", f"{r['peak_rss_mb']:.0f}"]
            for tool, r in results["all"].items() if "failed" not in r]
    if rows:
        print(f"\nHTML + TXT pages ({a.docs} documents)")
        print(table(["tool", "docs/s (median)", "MB/s", "peak RSS MB"], rows))

    seed = a.corpus / "txt" / "seed-hp-ip.txt"
    page = a.corpus / "html" / "gne-zj-fzggw-1.html"
    inputs = (("seed TXT", seed), ("HTML", page))
    cold = {name: cold_wall(["parse", str(path)], a.cold_runs) for name, path in inputs}
    results["cold"] = cold
    print(f"\nSingle file, cold process (`ipextract parse FILE`, {a.cold_runs} runs)")
    print(table(["input", "median s", "min–max s", "peak RSS MB"],
                [[k, f"{v['median_s']:.3f}", f"{v['min_s']:.3f}–{v['max_s']:.3f}", f"{v['peak_rss_mb']:.0f}"]
                 for k, v in cold.items()]))

    with tempfile.TemporaryDirectory() as tmp:
        scaling = []
        for label, path in size_pages(Path(tmp), seed):
            n = max(3, int(2_000_000 / path.stat().st_size))
            r = run_tool("ipextract", [path] * min(n, 400), 3)
            scaling.append([label, f"{path.stat().st_size / 1000:.0f} KB", f"{r['docs_per_s']:.1f}",
                            f"{r['mb_per_s']:.2f}"])
        results["scaling"] = scaling
    print("\nThroughput by page size (ipextract full pipeline; MB/s should stay flat)")
    print(table(["page", "size", "docs/s", "MB/s"], scaling))
    if a.json:
        a.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
