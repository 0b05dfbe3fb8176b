#!/usr/bin/env python3
"""Score `ipextract.facts.extract` on the gold bodies of the shared corpus.

This isolates the facts grammar from the cleaners: every gold file's own `body` is fed to
`extract()` with the reference date the pipeline would use (the date part of the gold
`published_at`, else the gold `ref_date`), and the result is matched against the gold `facts`
with the scorer's own `match_facts` (imported from ../shared/eval/score.py).

    .venv/bin/python bench/facts_on_gold.py [--corpus ../shared/corpus] [--only ID ...] [--quiet]

Prints missed / extra facts and date and qualifier errors per document, then the totals:
facts_f1, facts_date_acc, facts_qual_acc, plus a metric agreement measure (share of matched
facts whose metric shares a two-character word with the gold metric) and the time taken.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ipextract.facts import extract  # noqa: E402


def load_scorer(corpus: Path):
    path = corpus.parent / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference(gold: dict) -> dt.date | None:
    for key in ("published_at", "ref_date"):
        value = gold.get(key)
        if value and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
    return None


def is_taiwanese(gold: dict) -> bool:
    notes = gold.get("notes") or ""
    return "(Taiwan)" in notes or ".tw" in json.dumps(gold.get("origin") or {})


def bigram_overlap(a: str | None, b: str | None) -> bool:
    """Metric agreement: the two phrases share at least one character bigram."""
    if not a or not b:
        return False
    grams = {a[i:i + 2] for i in range(len(a) - 1)}
    return any(b[i:i + 2] in grams for i in range(len(b) - 1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--metrics", action="store_true", help="print metric disagreements")
    a = ap.parse_args()
    score = load_scorer(a.corpus)

    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((a.corpus / "gold").glob("*.json"))]
    golds = [g for g in golds if "facts" in g and (not a.only or g["id"] in a.only)]
    tp = npred = ngold = date_ok = qual_ok = metric_ok = 0
    elapsed = 0.0
    for g in golds:
        t0 = time.perf_counter()
        facts = extract(g.get("body") or "", reference(g), roc_years=is_taiwanese(g))
        elapsed += time.perf_counter() - t0
        pred = [f.to_dict() for f in facts]
        r = score.match_facts(pred, g["facts"])
        tp, npred, ngold = tp + r["tp"], npred + r["pred"], ngold + r["gold"]
        date_ok, qual_ok = date_ok + r["date_ok"], qual_ok + r["qual_ok"]
        metric_ok += sum(bigram_overlap(p.get("metric"), gg.get("metric")) for p, gg in r["pairs"])
        if a.quiet:
            continue
        print(f"{g['id']:<28} {r['tp']}/{r['pred']}/{r['gold']} date {r['date_ok']} qual {r['qual_ok']}")
        for gg in r["missed"]:
            print(f"    missed: {gg.get('text')} = {gg.get('value')} {gg.get('unit')} @ {gg.get('date')}")
        for p in r["extra"]:
            print(f"    extra:  {p['text']} = {p['value']} {p['unit']} @ {p['date']}  [{p['metric']}]")
        for p, gg in r["pairs"]:
            if score.norm_date(p.get("date")) != score.norm_date(gg.get("date")):
                print(f"    date:   {gg.get('text')} got {p.get('date')} ({p.get('date_text')}) want {gg.get('date')}")
            if a.metrics and not bigram_overlap(p.get("metric"), gg.get("metric")):
                print(f"    metric: {gg.get('text')} got {p.get('metric')} want {gg.get('metric')}")
            if (p.get("qualifier") or "exact") != (gg.get("qualifier") or "exact"):
                print(f"    qual:   {gg.get('text')} got {p.get('qualifier')} want {gg.get('qualifier')}")
    p = tp / max(1, npred)
    r = tp / max(1, ngold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nfacts_p {p:.3f}  facts_r {r:.3f}  facts_f1 {f1:.3f}  (tp {tp} pred {npred} gold {ngold})")
    print(f"facts_date_acc {date_ok / max(1, tp):.3f}  facts_qual_acc {qual_ok / max(1, tp):.3f}  "
          f"metric_agreement {metric_ok / max(1, tp):.3f}")
    print(f"extract() time over {len(golds)} bodies: {elapsed * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
