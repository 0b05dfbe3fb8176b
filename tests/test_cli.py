"""The parse and schema commands, through typer's runner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipextract import __version__, document_schema
from ipextract.cli import app

runner = CliRunner()
SEED_TITLE = "国家级知识产权改革试验田亮出“成绩单” 广州开发区打造大湾区知识产权服务中心"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ipextract", *args], input=stdin, capture_output=True, check=False
    )


def test_parse_one_file_prints_one_object(fixtures):
    result = runner.invoke(app, ["parse", str(fixtures / "seed-hp-ip.txt")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["title"] == SEED_TITLE
    assert doc["path"] == str(fixtures / "seed-hp-ip.txt")
    assert "\\u" not in result.stdout


def test_parse_several_files_json_array_and_jsonl(fixtures):
    files = [str(fixtures / "seed-hp-ip.txt"), str(fixtures / "gne-zj-fzggw-1.html")]
    as_array = json.loads(runner.invoke(app, ["parse", *files]).stdout)
    assert [d["path"] for d in as_array] == files
    lines = runner.invoke(app, ["parse", *files, "--format", "jsonl"]).stdout.splitlines()
    assert [json.loads(x)["path"] for x in lines] == files
    assert [json.loads(x)["format"] for x in lines] == ["text", "html"]


def test_output_file_is_written_atomically(fixtures, tmp_path):
    out = tmp_path / "sub" / "out.jsonl"
    out.parent.mkdir()  # folders are not made silently (test_outputs)
    result = runner.invoke(app, ["parse", str(fixtures / "seed-hp-ip.txt"), "-o", str(out), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == SEED_TITLE
    assert [p.name for p in out.parent.iterdir()] == ["out.jsonl"]


def test_pretty_indents(fixtures):
    result = runner.invoke(app, ["parse", str(fixtures / "seed-hp-ip.txt"), "--pretty"])
    assert result.stdout.startswith("{\n  \"path\"")


def test_keep_script_and_keep_pinyin(fixtures):
    kept = json.loads(runner.invoke(app, ["parse", str(fixtures / "seed-hp-ip.txt"), "--script", "keep"]).stdout)
    assert kept["title"].startswith("國家級知識產權改革試驗田")
    assert kept["script"] == "traditional"
    pinyin = json.loads(runner.invoke(app, ["parse", str(fixtures / "seed-hp-ip.txt"), "--keep-pinyin"]).stdout)
    assert "(fā)" in pinyin["text"]
    assert pinyin["removed"]["pinyin_annotations"] == 0


def test_stdin_dash(fixtures):
    data = (fixtures / "seed-hp-ip.txt").read_bytes()
    proc = run_cli("parse", "-", stdin=data)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["path"] == "-"
    assert doc["title"] == SEED_TITLE


def test_subprocess_output_is_utf8_without_escapes(fixtures):
    proc = run_cli("parse", str(fixtures / "seed-hp-ip.txt"))
    assert proc.returncode == 0
    text = proc.stdout.decode("utf-8")
    assert "\\u" not in text
    assert SEED_TITLE in text


def test_bad_ref_date_is_a_usage_error(fixtures):
    proc = run_cli("parse", str(fixtures / "seed-hp-ip.txt"), "--ref-date", "2019-13-45")
    assert proc.returncode == 2
    assert b"YYYY-MM-DD" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_unknown_option_is_a_usage_error():
    proc = run_cli("parse", "--no-such-option", "x.html")
    assert proc.returncode == 2


def test_missing_and_good_inputs_both_come_out(fixtures, tmp_path):
    missing = tmp_path / "missing.html"
    proc = run_cli("parse", str(missing), str(fixtures / "seed-hp-ip.txt"), "--format", "jsonl")
    assert proc.returncode == 1
    docs = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [d["error_kind"] for d in docs] == ["not_found", None]
    assert proc.stderr.decode().strip() == f"ipextract: {missing}: no such file"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"ipextract {__version__}"


def test_schema_matches_library_and_documents():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema == document_schema()
    props = schema["properties"]
    for name in ("path", "id", "format", "encoding", "script", "title", "published_at", "source", "author",
                 "breadcrumb", "url", "text", "facts", "removed", "warnings", "error"):
        assert name in props
    assert set(props["facts"]["items"]["required"]) >= {"text", "value", "unit", "date", "span", "paragraph"}


def test_every_document_key_is_in_the_schema(fixtures):
    doc = json.loads(runner.invoke(app, ["parse", str(fixtures / "seed-hp-ip.txt")]).stdout)
    schema = document_schema()
    assert set(doc) == set(schema["properties"])
    for fact in doc["facts"]:
        assert set(fact) == set(schema["properties"]["facts"]["items"]["properties"])


@pytest.mark.parametrize("command", ["parse", "schema", "show"])
def test_every_command_documents_itself_with_examples(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_readme_documents_every_field():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    schema = document_schema()
    for name in schema["properties"]:
        assert f"`{name}`" in readme, name
    for name in schema["properties"]["facts"]["items"]["properties"]:
        assert f"`{name}`" in readme, name
