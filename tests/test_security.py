"""Security: the parser fetches nothing and expands no entity, the package runs no code it reads,
CSV cells cannot become formulas, and no output path comes from input content.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import sys
import threading
import time
from dataclasses import fields
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import bombs
import ipextract
from batch_inputs import page
from ipextract import parse
from ipextract.batch import Shard, ShardConfig
from ipextract.sources import Unit, plan_units
from proc_tree import run_measured

PY = sys.executable
SECRET = "SECRET-CONTENT-THAT-MUST-NOT-LEAK"
PARA = "国务院办公厅日前印发通知，要求各地区各部门进一步加强知识产权保护工作，推动高质量发展。"
SOURCE = Path(ipextract.__file__).parent


# ---------------------------------------------------------------------------------------------
# lxml: no network, no entity expansion, no file inclusion


@pytest.fixture
def listener():
    """A local HTTP server that records every request: a fetch by the parser would show up here."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b'<!ENTITY leak "FETCHED">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _xhtml(doctype: str, body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype +
        '\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">'
        f"<head><title>关于加强知识产权保护的通知</title></head><body><h1>关于加强知识产权保护的通知</h1>"
        f"<div><p>{PARA}</p>{body}</div></body></html>"
    ).encode()


def test_xxe_external_dtds_parameter_entities_and_xinclude_fetch_and_leak_nothing(tmp_path, listener):
    url, hits = listener
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    pages = [
        _xhtml(f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/xhtml1-strict.dtd">', ""),
        _xhtml(f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY y SYSTEM "{url}/y">]>',
               "<p>甲&x;乙&y;丙</p>"),
        _xhtml(f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>', "<p>甲&leak;丙</p>"),
        _xhtml("", f'<p>甲<xi:include href="file://{secret}" parse="text"/>丙</p>'
                   f'<p><xi:include href="{url}/inc.xml"/></p>'),
        _xhtml("", f'<link rel="stylesheet" href="{url}/s.css"/><img src="{url}/i.png"/>'
                   f'<iframe src="file://{secret}"></iframe><object data="{url}/o"></object>'
                   f'<script src="{url}/s.js"></script><base href="{url}/"/>'),
    ]
    for data in pages:
        start = time.perf_counter()
        doc = parse(data)
        assert time.perf_counter() - start < 3.0
        assert doc.error is None
        assert doc.text.split("\n")[0] == PARA
        out = json.dumps(doc.to_dict(), ensure_ascii=False)
        assert SECRET not in out and "FETCHED" not in out
    time.sleep(0.2)  # a late request would still be recorded
    assert hits == []


def test_billion_laughs_and_quadratic_blowup_in_xhtml_stay_small(tmp_path):
    laughs = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    big = "x" * 50_000
    quadratic = f'<!ENTITY q "{big}">'
    f = tmp_path / "laughs.xhtml"
    f.write_bytes(_xhtml(f"<!DOCTYPE html [{laughs}{quadratic}]>", "<p>&a9;</p>" + "<p>&q;</p>" * 50_000))
    run = run_measured([PY, "-m", "ipextract", "parse", str(f)], timeout=120)
    assert "Traceback" not in run.stderr
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["text"].split("\n")[0] == PARA
    assert "哈哈哈哈哈哈哈哈哈哈哈" not in doc["text"] and big not in doc["text"]
    assert run.wall < 30 and run.peak_rss_mb < 600  # expanded, the entities would be gigabytes


# ---------------------------------------------------------------------------------------------
# the package never runs code or unpickles data it reads


#: Calls that run code or a shell, and modules that deserialise arbitrary objects.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
FORBIDDEN_ATTRS = {("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"), ("os", "spawnv"),
                   ("marshal", "loads"), ("marshal", "load"), ("pickle", "loads"), ("pickle", "load"),
                   ("yaml", "load"), ("yaml", "unsafe_load"), ("shelve", "open")}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "subprocess", "pty",
                     "commands", "yaml"}


def _violations(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{where} calls {func.id}()")
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
                    (func.value.id, func.attr) in FORBIDDEN_ATTRS):
                found.append(f"{where} calls {func.value.id}.{func.attr}()")
            for kw in node.keywords:
                if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                    found.append(f"{where} passes shell=")
        elif isinstance(node, ast.Import):
            found += [f"{where} imports {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"{where} imports from {node.module}")
    return found


def test_the_package_source_has_no_eval_exec_pickle_marshal_or_shell():
    files = sorted(SOURCE.rglob("*.py"))
    assert len(files) > 30
    problems = [v for f in files for v in _violations(f.read_text(encoding="utf-8"), str(f.relative_to(SOURCE)))]
    assert problems == []


@pytest.mark.parametrize("snippet", [
    "eval(x)", "exec('1')", "import pickle", "from pickle import loads", "marshal.loads(b)", "os.system('ls')",
    "subprocess.run(c, shell=True)", "import subprocess", "yaml.load(s)", "__import__(name)",
])
def test_the_scan_catches_each_forbidden_form(snippet):
    assert _violations(snippet, "x.py")


def test_the_text_of_the_package_has_no_forbidden_words_either():
    """Belt and braces against forms the AST scan does not name (getattr tricks): plain grep."""
    words = ("eval(", "exec(", "pickle", "marshal.loads", "os.system", "shell=True")
    hits = [(f.name, w) for f in SOURCE.rglob("*.py") for w in words
            if w in f.read_text(encoding="utf-8").replace(".exec(", "")]
    assert hits == []


def test_workers_receive_plain_data_addresses_not_commands(tmp_path):
    """What crosses to a worker process or a Ray task is a Shard of Units: paths, offsets, names."""
    (tmp_path / "a.txt").write_bytes(page("p01.txt"))
    units = list(plan_units([str(tmp_path)]))
    shard = Shard(0, tuple(units))
    assert {f.name: f.type for f in fields(Unit)} == {
        "kind": "str", "container": "str", "key": "int", "name": "str", "size": "int",
        "error_kind": "str | None", "error": "str | None"}
    plain = json.loads(json.dumps([u.to_list() for u in shard.units]))
    assert plain == [["found", str(tmp_path / "a.txt"), 0, "", None]]
    assert {f.name for f in fields(ShardConfig)} == {"options", "format", "split_errors", "timeout"}


# ---------------------------------------------------------------------------------------------
# CSV cells and output paths


FORMULAS = ("=HYPERLINK(A1)", "+1+cmd", "-1+cmd", "@SUM(1)")


def _hostile_page(lead: str) -> bytes:
    return f"{lead}关于统计数据的通知\n来源：{lead}新华社\n{lead}全省专利授权量达到3.5万件，同比增长12.3%。\n".encode()


def _formula_cells(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1
    return [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_cells_from_hostile_titles_sources_sentences_and_names_are_neutralised(tmp_path):
    names = []
    for i, lead in enumerate(FORMULAS):
        name = f"{lead}{i}.txt"
        (tmp_path / name).write_bytes(_hostile_page(lead))
        names.append(name)
    run = run_measured([PY, "-m", "ipextract", "parse", "--format", "csv", "--", *names], timeout=60, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _formula_cells(run.stdout) == []
    assert sum(cell.startswith("'=") for row in csv.reader(io.StringIO(run.stdout)) for cell in row) >= 3

    z = tmp_path / "=cmd.zip"
    z.write_bytes(bombs.zip_bytes([(n, _hostile_page(lead)) for n, lead in zip(names, FORMULAS)]))
    out = tmp_path / "facts.csv"
    run = run_measured([PY, "-m", "ipextract", "batch", z.name, "-o", str(out), "-q", "-j", "1"],
                       timeout=60, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _formula_cells(out.read_text(encoding="utf-8")) == []


def test_no_output_file_is_named_after_input_content(tmp_path):
    """Member names, titles and URLs end up inside records only; the files written are the ones
    the user named plus numbered parts."""
    z = tmp_path / "in.zip"
    z.write_bytes(bombs.zip_bytes([("../../evil.html", page("clone-moe-1.html")), ("/abs/evil.txt", page("p01.txt")),
                                   ("part-99999.jsonl", page("p02.txt"))]))
    out = tmp_path / "run" / "docs.jsonl"
    out.parent.mkdir()
    run = run_measured([PY, "-m", "ipextract", "batch", str(z), "-o", str(out), "-q", "-j", "1", "--keep-parts",
                        "--errors", str(out.parent / "errors.jsonl"), "--stats", str(out.parent / "stats.json"),
                        "--shard-size", "1"], timeout=60, cwd=out.parent)
    assert run.returncode == 0, run.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    parts = [w for w in written if "docs.jsonl.parts" in w]
    assert [w for w in written if w not in parts] == ["in.zip", "run/docs.jsonl", "run/errors.jsonl", "run/stats.json"]
    ours = ("part-0000", "layout", "run", "config", ".ipextract-run")
    assert all(Path(w).name.startswith(ours) for w in parts), parts
