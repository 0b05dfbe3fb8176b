"""Time per MB and peak memory of the facts pass on hostile single-line inputs.

The facts pass must be linear in its input with bounded memory: this prints seconds per MB
at 1, 5 and 20 MB for a digit-dense line (digits and separators, no units) and a fact-dense
line (one figure with a unit repeated), each run in a fresh process so its peak RSS is its own.

    .venv/bin/python bench/facts_scale.py [--sizes 1 5 20]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_CHILD = r"""
import datetime as dt, json, resource, sys, time
from ipextract.facts import extract
kind, mb = sys.argv[1], float(sys.argv[2])
unit = {"digits": "1234,5678.90-12、", "facts": "1.43亿元，", "mixed": "2023年一季度、上半年分别增长5.1%、6.2%，"}[kind]
text = unit * int(mb * 1024 * 1024 / len(unit.encode()))
warnings = []
start = time.perf_counter()
facts = extract(text, dt.date(2024, 1, 1), warnings=warnings)
took = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": took, "rss_mb": rss, "facts": len(facts), "warned": bool(warnings)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 5, 20])
    parser.add_argument("--kinds", nargs="+", default=["digits", "facts", "mixed"])
    args = parser.parse_args()
    print(f"{'input':8} {'MB':>5} {'s':>8} {'s/MB':>7} {'peak MB':>8} {'facts':>6} warned")
    for kind in args.kinds:
        for mb in args.sizes:
            out = subprocess.run([sys.executable, "-c", _CHILD, kind, str(mb)], capture_output=True, text=True,
                                 check=True)
            r = json.loads(out.stdout)
            print(f"{kind:8} {mb:5g} {r['seconds']:8.2f} {r['seconds'] / mb:7.2f} {r['rss_mb']:8.0f} "
                  f"{r['facts']:6d} {r['warned']}")


if __name__ == "__main__":
    main()
