"""ipextract show: the rendering carries the title, every fact and the removed counts, with or without colour."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ipextract import parse_file
from ipextract.cli import app
from ipextract.show import ShowOptions, make_console, render, show

ESCAPE = re.compile(r"\x1b\[")
PAGES = ["seed-hp-ip.txt", "p11.txt", "gne-zj-fzggw-1.html"]


def _flat(out: str) -> str:
    """The rendering with panel borders and wrapping undone, so a wrapped fact reads whole again."""
    lines = []
    for line in out.splitlines():
        line = line.rstrip()
        if line.startswith("| ") and line.endswith("|"):
            line = line[2:-1].rstrip()
        lines.append(line)
    return "".join(lines)


def _render(doc, *, no_color: bool, options: ShowOptions | None = None, width: int = 200) -> str:
    buf = io.StringIO()
    console = make_console(no_color=no_color, width=width, file=buf)
    if not no_color:
        console = type(console)(file=buf, width=width, force_terminal=True, color_system="truecolor")
    show(doc, console, options)
    return buf.getvalue()


@pytest.mark.parametrize("name", PAGES)
def test_plain_rendering_has_title_facts_and_removed(fixtures, name):
    doc = parse_file(fixtures / name)
    assert doc.error is None and doc.facts
    out = _render(doc, no_color=True)
    assert not ESCAPE.search(out)
    assert doc.title in out
    flat = _flat(out)
    for number, fact in enumerate(doc.facts, 1):
        assert f"«{fact.text}»[{number}]" in flat, fact.text
    for kind, count in doc.removed.items():
        if count:
            assert re.search(rf"\b{count}\s+\S", out), kind


def test_seed_reports_the_spam_block_and_its_first_characters(fixtures):
    doc = parse_file(fixtures / "seed-hp-ip.txt")
    out = _render(doc, no_color=True)
    assert doc.removed["spam_blocks"] == 1
    assert re.search(r"\b1\s+spam blocks", out)
    assert "主站蜘蛛池模板" in out


def test_colour_rendering_styles_facts_by_kind(fixtures):
    doc = parse_file(fixtures / "seed-hp-ip.txt")
    out = _render(doc, no_color=False)
    assert ESCAPE.search(out)
    assert "«" not in out
    money = next(f for f in doc.facts if f.kind == "money")
    assert money.text in out


def test_facts_only_and_no_body(fixtures):
    doc = parse_file(fixtures / "seed-hp-ip.txt")
    facts_only = _render(doc, no_color=True, options=ShowOptions(facts_only=True))
    assert doc.title not in facts_only
    assert "Removed" not in facts_only
    assert f"Facts ({len(doc.facts)})" in facts_only
    no_body = _render(doc, no_color=True, options=ShowOptions(body=False))
    assert "Body" not in no_body
    assert doc.title in no_body


def test_removed_lists_every_item(fixtures):
    doc = parse_file(fixtures / "seed-hp-ip.txt")
    preview = _render(doc, no_color=True)
    full = _render(doc, no_color=True, options=ShowOptions(removed_all=True))
    spam = next(i.text for i in doc.removed_items if i.kind == "spam_blocks")
    tail = " ".join(spam.split())[-30:]
    assert tail not in _flat(preview)
    assert tail in _flat(full)
    assert len(full) > len(preview)


def test_error_document_renders_one_panel(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    doc = parse_file(empty)
    out = io.StringIO()
    make_console(no_color=True, width=100, file=out).print(render(doc, plain=True))
    assert "error: empty" in out.getvalue()


def test_cli_show_piped_with_no_color_has_no_escape_codes(fixtures):
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    proc = subprocess.run(
        [sys.executable, "-m", "ipextract", "show", str(fixtures / "seed-hp-ip.txt")],
        capture_output=True, env=env, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert not ESCAPE.search(out)
    assert "国家级知识产权改革试验田亮出“成绩单”" in out


def test_cli_show_runner_no_color_flag(fixtures):
    result = CliRunner().invoke(app, ["show", str(fixtures / "seed-hp-ip.txt"), "--no-color", "--width", "120"])
    assert result.exit_code == 0, result.output
    assert not ESCAPE.search(result.output)
    assert "spam blocks" in result.output


def test_cli_show_missing_file_exits_1(tmp_path):
    result = CliRunner().invoke(app, ["show", str(tmp_path / "nope.html"), "--no-color"])
    assert result.exit_code == 1
    assert "no such file" in result.output


@pytest.mark.parametrize(("less", "seen"), [(None, "-R"), ("-F -X", "-F -X -R"), ("-FRX", "-FRX")])
def test_pager_lets_less_show_colours(fixtures, monkeypatch, less, seen):
    from rich.console import Console
    from rich.pager import SystemPager


    if less is None:
        monkeypatch.delenv("LESS", raising=False)
    else:
        monkeypatch.setenv("LESS", less)
    paged: list[tuple[str, str | None]] = []
    monkeypatch.setattr(SystemPager, "_pager", lambda self, content: paged.append((content, os.environ.get("LESS"))))
    console = Console(force_terminal=True, color_system="standard", width=100)
    show(parse_file(fixtures / "seed-hp-ip.txt"), console, pager=True)
    assert len(paged) == 1
    content, env = paged[0]
    assert env == seen and "\x1b[" in content  # styles reach the pager, and less is told to show them
    assert os.environ.get("LESS") == less  # restored after


def test_the_disclosure_table_is_shown_under_the_metadata(fixtures):
    out = _render(parse_file(fixtures / "p14.txt"), no_color=True)
    rows = [" ".join(line.strip("| ").split()) for line in out.splitlines() if "gov." in line]
    assert rows == [
        "gov.index_number xzfgzbmtjj/2019-0004",
        "gov.issuer 汉阴县统计局",
        "gov.written_at 2019-04-23",
        "gov.published_at 2019-04-23T08:42",
        "gov.category 统计信息",
        "gov.validity 有效",
    ]
