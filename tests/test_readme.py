"""README is for users: short, its commands and examples work as written from a clone."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from batch_inputs import page
from ipextract.batch import BatchConfig, run_batch
from ipextract.distribution import DIST

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAX_LINES = 450


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def _blocks(text: str, lang: str = "") -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_readme_is_at_most_450_lines():
    assert len(README.splitlines()) <= MAX_LINES


def test_quick_start_is_two_commands_and_the_test_command_is_marked():
    blocks = _blocks(_section("Quick start"))
    assert [len(b.strip().splitlines()) for b in blocks] == [1, 1]
    install_and_parse, test_command = (b.strip() for b in blocks)
    assert install_and_parse.endswith("ipextract parse tests/fixtures/seed-hp-ip.txt --pretty")
    marked = README.split("<!-- test-command -->\n```\n", 1)[1].split("\n", 1)[0]
    assert marked == test_command == (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q")


def test_the_test_command_installs_no_ray_and_ci_runs_the_ray_tests():
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert not any(req.startswith("ray") for req in extras["test"])
    assert any(req.startswith("ray") for req in extras["ray"])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-e '.[ray]'" in ci and "tests/test_ray.py" in ci
    assert "minutes" in _section("Quick start")  # how long the suite takes


def test_every_install_line_names_the_distribution_or_the_clone():
    installs = re.findall(r"pip install (?:-e )?'([^']+)'", README)
    assert installs
    for spec in installs:
        assert spec.startswith((f"{DIST}[", ".[")), spec


def test_duckdb_example_joins_on_the_record_key():
    (sql,) = _blocks(_section("Output formats"), "sql")
    assert "USING (path, id)" in sql and "USING (id)" not in sql


def test_joining_facts_to_documents_on_path_and_id_does_not_multiply(tmp_path):
    """A crawl holding the same page under several names: `id` repeats, (path, id) does not."""
    import pyarrow.parquet as pq

    folder = tmp_path / "crawl"
    folder.mkdir()
    body = page("clone-moe-1.html")
    for name in ("a.html", "copy1.html", "copy2.html"):
        (folder / name).write_bytes(body)
    out = tmp_path / "t.parquet"
    run_batch([str(folder)], BatchConfig(output=str(out), format="parquet", workers=1))
    docs, facts = pq.read_table(out / "documents.parquet"), pq.read_table(out / "facts.parquet")
    assert facts.num_rows > 0 and len(set(docs.column("id").to_pylist())) == 1
    joined = facts.join(docs.select(["path", "id", "title"]), keys=["path", "id"])
    assert joined.num_rows == facts.num_rows
    assert facts.join(docs.select(["id", "title"]), keys="id").num_rows == 3 * facts.num_rows


def test_python_example_runs_as_written():
    (example,) = _blocks(_section("Python"), "python")
    result = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "NumberValue(value=16000.0, qualifier='over')" in result.stdout


@pytest.mark.parametrize("topic", ["LibreOffice", "Excel", "--pager", "UTF-8"])
def test_readme_says_how_to_open_and_view_outputs(topic):
    assert topic in README
