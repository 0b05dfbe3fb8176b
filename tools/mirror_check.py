"""Robustness check: does a page parse the same when a mirror site re-serves it?

Mirrors of Chinese government news often auto-convert the page to Traditional script, re-encode
it as Big5 (or GBK), and some gloss characters with pinyin (`發(fā)展`). The corpus has few such
pages, so this tool makes them from the DEV pages it has: each variant is parsed with
`ipextract.parse` beside the original, and the two results are compared field by field (body by
character-bigram F1 after converting both to Simplified; title, date, source, author; facts as
(value, unit, date)). Metadata is also checked against the gold answer, so a variant that loses
what the original got right shows up even when the original itself is wrong elsewhere.

    python tools/mirror_check.py [--corpus ../shared/corpus] [--only ID ...] [--show]

The held-out pages (see HOLDOUT) are never read. Nothing here is imported at run time.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

import ipextract

#: Pages nobody may read this round: scored only for the final report.
HOLDOUT = frozenset(
    {
        "g2-clone-gxzf-1",
        "g2-clone-liaoyang-1",
        "g2-mnd-tw-2",
        "g2-wenweipo-big5-1",
        "g2-clone-xiangtan-gbk-1",
        "q08",
        "q12",
    }
)
FIELDS = ("title", "published_at", "source", "author")
_TAG = re.compile(r"(<[^>]*>)")
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?[\w-]+", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_T2S = opencc.OpenCC("t2s")


def _lost(error: UnicodeError) -> tuple[str, int]:
    """A converter that cannot encode a character writes `??` in its place, as real mirrors do."""
    assert isinstance(error, UnicodeEncodeError)
    return "??", error.end


codecs.register_error("mirror_lost", _lost)


@dataclass(frozen=True)
class Variant:
    """One way a mirror re-serves a page: a script conversion, a pinyin gloss, an encoding."""

    name: str
    config: str | None  # the OpenCC conversion, None to keep the script
    encoding: str
    gloss_every: int = 0  # gloss one Han character in this many with its pinyin; 0 for none


VARIANTS = (
    Variant("s2t-utf8", "s2t", "utf-8"),
    Variant("s2tw-big5", "s2tw", "big5"),
    Variant("gb18030", None, "gb18030"),
    Variant("s2t-pinyin-gbk", "s2t", "gbk", gloss_every=15),
)


def _gloss(text: str, every: int) -> str:
    """Glue the pinyin of every `every`-th Han character after it, like `發(fā)展`."""
    out: list[str] = []
    count = 0
    for ch in text:
        out.append(ch)
        if _HAN.match(ch):
            count += 1
            if count % every == 0:
                out.append(f"({pinyin(ch, style=Style.TONE)[0][0]})")
    return "".join(out)


def _text_nodes(markup: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text between tags and leave the tags as they are."""
    return "".join(part if part.startswith("<") else change(part) for part in _TAG.split(markup))


def make_variant(raw: bytes, source_encoding: str, is_html: bool, variant: Variant) -> bytes:
    """The page's bytes as the mirror would serve them."""
    text = raw.decode(source_encoding, errors="replace")
    if variant.config:  # tags are ASCII, so converting the whole markup also converts attribute values
        text = opencc.OpenCC(variant.config).convert(text)
    if variant.gloss_every:  # a gloss inside a tag would break it: text nodes only
        gloss = partial(_gloss, every=variant.gloss_every)
        text = _text_nodes(text, gloss) if is_html else gloss(text)
    data = text.encode(variant.encoding, errors="mirror_lost")
    if is_html:
        data = _CHARSET.sub(b"charset=" + variant.encoding.encode(), data)
    return data


def norm(value: str | None) -> str:
    """Compare text modulo script, width, spacing and case."""
    if not value:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _T2S.convert(value))).lower()


def body_f1(a: str, b: str) -> float:
    """Character-bigram F1, the scorer's body measure."""
    ga, gb = (Counter(s[i : i + 2] for i in range(len(s) - 1)) for s in (norm(a), norm(b)))
    common = sum((ga & gb).values())
    if not common:
        return 1.0 if not ga and not gb else 0.0
    p, r = common / sum(ga.values()), common / sum(gb.values())
    return 2 * p * r / (p + r)


def _facts(doc: ipextract.Document) -> Counter:
    return Counter((f.value, _T2S.convert(f.unit), f.date) for f in doc.facts)


def compare(gold: dict, original: ipextract.Document, variant: ipextract.Document) -> dict:
    """The differences between the original's parse and the variant's, field by field."""
    row: dict = {"body_f1": round(body_f1(original.text, variant.text), 4), "diffs": {}}
    for name in FIELDS:
        a, b = getattr(original, name), getattr(variant, name)
        if norm(a) != norm(b):
            row["diffs"][name] = (a, b)
        if name in gold:  # the gold's own check: it must hold on the variant as on the original
            row.setdefault("gold", {})[name] = (norm(a) == norm(gold[name]), norm(b) == norm(gold[name]))
    fa, fb = _facts(original), _facts(variant)
    row["facts_same"] = sum((fa & fb).values())
    row["facts_total"] = max(sum(fa.values()), sum(fb.values()))
    if fa != fb:
        row["diffs"]["facts"] = (sorted(map(str, fa - fb)), sorted(map(str, fb - fa)))
    if variant.error:
        row["diffs"]["error"] = (original.error, variant.error)
    return row


def check_page(corpus: Path, gold: dict) -> dict[str, dict]:
    """Parse the page and each of its variants; one comparison row per variant."""
    path = corpus / gold["input"]
    raw = path.read_bytes()
    ref = dt.date.fromisoformat(gold["ref_date"]) if gold.get("ref_date") else None
    original = ipextract.parse(raw, path=str(path), ref_date=ref)
    encoding = original.encoding or "utf-8"
    rows = {}
    for variant in VARIANTS:
        data = make_variant(raw, encoding, path.suffix.lower() in (".html", ".htm"), variant)
        parsed = ipextract.parse(data, path=str(path), ref_date=ref)
        rows[variant.name] = compare(gold, original, parsed)
    return rows


def summary(results: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """Per variant: the share of pages whose fields agree, mean body F1, fact agreement."""
    out = {}
    for variant in VARIANTS:
        rows = [pages[variant.name] for pages in results.values()]
        n = len(rows)
        same = {name: sum(name not in r["diffs"] for r in rows) / n for name in FIELDS}
        gold_kept = [ok_b for r in rows for ok_a, ok_b in r.get("gold", {}).values() if ok_a]
        out[variant.name] = {
            **{f"same_{k}": round(v, 3) for k, v in same.items()},
            "body_f1": round(sum(r["body_f1"] for r in rows) / n, 4),
            "facts": round(sum(r["facts_same"] for r in rows) / max(1, sum(r["facts_total"] for r in rows)), 4),
            "gold_kept": round(sum(gold_kept) / max(1, len(gold_kept)), 4),
            "pages": n,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--show", action="store_true", help="list each page's differences")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)
    results = {}
    for gold_path in sorted((args.corpus / "gold").glob("*.json")):
        page = gold_path.stem
        if page in HOLDOUT or (args.only and page not in args.only):
            continue
        results[page] = check_page(args.corpus, json.loads(gold_path.read_text(encoding="utf-8")))
    if args.json:
        json.dump({"summary": summary(results), "pages": results}, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    if args.show:
        for page, rows in results.items():
            for name, row in rows.items():
                if row["diffs"] or row["body_f1"] < 0.99:
                    print(f"{page} [{name}] body_f1={row['body_f1']} {json.dumps(row['diffs'], ensure_ascii=False)}")
    for name, figures in summary(results).items():
        print(name, json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
