"""The code base stays ruff-clean: a lint failure fails the suite, not just a reviewer's eye."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_clean():
    targets = [p for p in ("src", "tests", "bench", "fuzz", "tools") if (ROOT / p).exists()]
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *targets],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
