"""Shared fixtures: paths to the real pages copied from the shared corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

FIXTURES = Path(__file__).parent / "fixtures"

# The suite draws the same examples on every run, so a CI result never depends on luck; a long
# hunt (IPEXTRACT_FUZZ_EXAMPLES set, or the atheris harnesses in fuzz/) explores at random.
settings.register_profile("suite", derandomize=True)
settings.register_profile("hunt", derandomize=False)
settings.load_profile("hunt" if os.environ.get("IPEXTRACT_FUZZ_EXAMPLES") else "suite")


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def load_gold(name: str) -> dict:
    """Gold answers copied beside the fixture pages (tests/fixtures/gold/<id>.json)."""
    return json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
