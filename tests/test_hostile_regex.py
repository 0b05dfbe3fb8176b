"""No catastrophic backtracking: every regex of the package on adversarial 100k-character strings.

The sweep itself is tests/regex_sweep.py, run in a subprocess so that a pattern that backtracks
without end fails this test on its time limit (naming the pattern) instead of hanging the suite.
The regressions below are the patterns the sweep found quadratic, fed the input that made them
so through the whole pipeline.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import regex_sweep
from ipextract import parse
from ipextract.clean import vocab

HERE = Path(__file__).parent
PARA = "国务院办公厅日前印发通知，要求各地区各部门进一步加强知识产权保护工作，推动高质量发展。"

#: Seconds one pattern may take over one 100k-character string (linear ones take ~1-100 ms).
PER_STRING_BUDGET = 2.0


def test_every_pattern_is_linear_on_adversarial_strings():
    proc = subprocess.run(
        [sys.executable, str(HERE / "regex_sweep.py"), str(PER_STRING_BUDGET)],
        cwd=HERE, capture_output=True, text=True, timeout=600,
    )
    lines = proc.stdout.splitlines()
    count = int(next(line.split()[1] for line in lines if line.startswith("PATTERNS")))
    slow = [line for line in lines if line.startswith("SLOW")]
    assert proc.returncode == 0, "\n".join(slow) or proc.stderr[-3000:]
    assert slow == []
    checked = [line for line in lines if line.startswith("OK ")]
    assert len(checked) == count
    assert count >= 150  # the walk finds the package's patterns, not a handful


def test_the_walk_reaches_module_globals_cached_registries_and_closures():
    mods = regex_sweep.package_modules()
    regex_sweep.exercise()
    found = regex_sweep.patterns(mods)
    where = set(found.values())
    assert "ipextract.facts.periods._ATOM_RE" in where  # module global
    assert "ipextract.clean.repair._P.lost_inner" in where  # a module's data-file pattern
    assert any(w.startswith("ipextract.facts.lexicon.unit_pattern()") for w in where)  # lru_cache
    spam_words = vocab.vocabulary("spam_strong.txt").plain  # data-driven, behind functools.cache
    assert spam_words in found
    assert any(w.startswith("ipextract.clean.vocab.pattern(") for w in where)  # a cache keyed by arguments


def test_usage_tells_anchored_from_scanning_patterns():
    assert regex_sweep.usage("ipextract.facts.periods._P.event_after") == "anchored"  # .match only
    assert regex_sweep.usage("ipextract.clean.text._P.edge_bars") == "scan"  # .sub
    assert regex_sweep.usage("ipextract.clean.line_rules._P.crumb_arrows") == "scan"  # passed as a value


def test_own_characters_come_from_literals_classes_and_categories():
    chars = regex_sweep.own_chars(re.compile(r"\s*[(（]来源\d"))
    assert {" ", "(", "（", "来", "源", "7"} <= set(chars)


def _timed(data: bytes) -> tuple[float, object]:
    start = time.perf_counter()
    doc = parse(data)
    return time.perf_counter() - start, doc


@pytest.mark.parametrize(
    "hostile",
    [
        "中" + " |" * 50_000 + "文",  # text._P.edge_bars: a bar chain not at the line's end
        "中" + "｜ " * 50_000 + "文",
        "#" * 100_000,  # spam._P.inline_chain: symbol runs
        "~" * 50_000 + "ab~cd~" * 1_000,
        "首页" + " >" * 50_000,  # line_rules._P.crumb_arrows
    ],
    ids=["space-bar", "fullwidth-bar-space", "hashes", "tildes", "arrows"],
)
def test_hostile_text_lines_that_were_quadratic_parse_fast(hostile):
    took, doc = _timed(f"关于加强知识产权保护的通知\n{PARA}\n{hostile}\n".encode())
    assert took < 5.0
    assert doc.error is None
    assert doc.text.splitlines()[0] == PARA


def test_hostile_meta_values_and_titles_parse_fast():
    spaces = " " * 100_000
    html = (
        f"<html><head><title>关于加强知识产权保护的通知{'　' * 100_000}_某某网</title>"
        f"<meta name='PubDate' content='2020-01-02{spaces}x'>"
        f"<meta name='ContentSource' content='新华社{spaces}原创x'></head>"
        f"<body><h1>关于加强知识产权保护的通知</h1><p>{PARA}</p></body></html>"
    )
    took, doc = _timed(html.encode())
    assert took < 5.0
    assert doc.error is None
    assert doc.text == PARA
