"""Shared fixtures: paths to the real pages copied from the shared corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def load_gold(name: str) -> dict:
    """Gold answers copied beside the fixture pages (tests/fixtures/gold/<id>.json)."""
    return json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
