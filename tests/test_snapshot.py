"""The whole output of every fixture page, compared with committed snapshots.

Unit tests pin what each rule does; this pins what the tool as a whole outputs, so that a change
meant to be neutral (a refactoring, a speed-up) is proven neutral, and a change meant to alter
the output shows exactly which pages it alters. Each page is parsed in Simplified (the default)
and with `script="keep"`, facts on; with facts off the document must be the default one without
its facts.

To accept an intended change, regenerate the snapshots and review the diff before committing:

    IPEXTRACT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshot.py
    git diff --stat tests/snapshots
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import FIXTURES
from ipextract import Options, parse

SNAPSHOTS = Path(__file__).parent / "snapshots"
PAGES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".html", ".txt"))
VARIANTS = {"simplified": Options(), "keep": Options(script="keep")}
UPDATE = bool(os.environ.get("IPEXTRACT_UPDATE_SNAPSHOTS"))


def _render(name: str) -> str:
    raw = (FIXTURES / name).read_bytes()
    docs = {variant: parse(raw, options, path=name).to_dict() for variant, options in VARIANTS.items()}
    return json.dumps(docs, ensure_ascii=False, indent=1) + "\n"


def test_every_fixture_page_has_a_snapshot():
    """A page added to the fixtures gets a snapshot, and a removed page takes its snapshot along."""
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        for stale in {p.name for p in SNAPSHOTS.glob("*.json")} - {f"{n}.json" for n in PAGES}:
            (SNAPSHOTS / stale).unlink()
        for name in PAGES:
            (SNAPSHOTS / f"{name}.json").write_text(_render(name), encoding="utf-8")
    assert sorted(p.name for p in SNAPSHOTS.glob("*.json")) == sorted(f"{n}.json" for n in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_output_is_the_snapshot(name):
    path = SNAPSHOTS / f"{name}.json"
    got = _render(name)
    assert path.exists(), f"no snapshot for {name}: run with IPEXTRACT_UPDATE_SNAPSHOTS=1"
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_facts_off_changes_nothing_but_the_facts(name):
    raw = (FIXTURES / name).read_bytes()
    with_facts = parse(raw, Options(), path=name).to_dict()
    without = parse(raw, Options(facts=False), path=name).to_dict()
    assert without == {**with_facts, "facts": []}
