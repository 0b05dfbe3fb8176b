"""keep_heap(): a process that parses page after page reuses its heap instead of faulting in
fresh memory for every page (see ipextract.allocator)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ipextract import allocator, keep_heap

FIXTURES = Path(__file__).parent / "fixtures"

#: Parses pages of different sizes in turn after a warm-up and prints the minor page faults of the
#: parses after it.
_FAULTS = """
import json, resource, sys
from ipextract import Options, keep_heap, parse
if sys.argv[2] == "keep":
    assert keep_heap()
pages = [open(p, "rb").read() for p in sys.argv[3:]]
options = Options(facts=False)
for data in pages:
    parse(data, options)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(int(sys.argv[1])):
    for data in pages:
        parse(data, options)
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before))
"""


#: The first-round fixture pages: small and mid-sized pages around one large one (readability-
#: youth-1.html, 458 KB), the mix in which default malloc hands memory back after the large page.
#: (Among all fixtures a still larger g2 page comes first in name order and lifts glibc's dynamic
#: thresholds, so the default run sometimes trims and sometimes not.)
PAGES = sorted(str(p) for p in FIXTURES.glob("*.html") if not p.name.startswith(("g2-", "q")))


def _faults(mode: str, rounds: int = 3) -> int:
    pages = PAGES
    out = subprocess.run([sys.executable, "-c", _FAULTS, str(rounds), mode, *pages], capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout)


def test_keep_heap_takes_effect_on_glibc_only_and_is_idempotent() -> None:
    assert keep_heap() is allocator._is_glibc()
    assert keep_heap() is allocator._is_glibc()
    assert allocator._done is allocator._is_glibc()


def test_a_parse_loop_with_keep_heap_reuses_its_memory() -> None:
    kept = _faults("keep")
    if not allocator._is_glibc():  # nothing was changed: the loop behaves as by default
        assert kept == _faults("default")
        return
    default = _faults("default")
    # By default glibc returns the memory of a large page (readability-youth-1.html, 458 KB) to
    # the kernel and faults it in again for the next (about 2,000 faults over these parses); with
    # the heap kept, the loop runs in memory it already has (about 100).
    assert kept * 5 < default
