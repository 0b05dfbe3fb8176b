"""writers: CSV facts (RFC 4180, formula-safe, BOM), JSONL and Parquet sinks, atomic files."""

from __future__ import annotations

import csv
import io
import os
import stat

import pytest

from ipextract.document import Document, Fact
from ipextract.writers import (
    CSV_COLUMNS,
    JsonlSink,
    ParquetSink,
    atomic_output,
    neutralise_cell,
    write_csv,
)


def _doc() -> Document:
    doc = Document(path="dump.zip::a.html", id="abc", title="=HYPERLINK(\"http://x\")标题",
                   published_at="2019-07-29", source="广州开发区, \"知识产权\"局")
    doc.text = "2018年，发放资助金额总计1.43亿元，下降5%。"
    doc.facts = [
        Fact(text="1.43亿元", value=143000000.0, unit="元", kind="money", date="2018", date_text="2018年",
             metric="资助金额", sentence=doc.text, span=(14, 20), paragraph=0),
        Fact(text="-5%", value=-5.0, unit="%", kind="percent", change="decrease", metric="@增速",
             sentence="下降5%\r\n第二行", span=(22, 24), value_max=None, qualifier="approx"),
    ]
    return doc


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_header_and_one_row_per_fact_round_trip():
    out = io.StringIO(newline="")
    write_csv([_doc(), Document(path="nofacts.html", title="无数字")], out)
    text = out.getvalue()
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert text.endswith("\r\n")
    rows = _read(text)
    assert len(rows) == 2
    first = rows[0]
    assert first["path"] == "dump.zip::a.html"
    assert first["title"] == "'=HYPERLINK(\"http://x\")标题"
    assert first["source"] == "广州开发区, \"知识产权\"局"
    assert (first["value"], first["value_max"], first["unit"], first["kind"]) == ("143000000", "", "元", "money")
    assert (first["date"], first["date_text"], first["metric"]) == ("2018", "2018年", "资助金额")
    assert (first["span_start"], first["span_end"], first["paragraph"]) == ("14", "20", "0")
    second = rows[1]
    assert second["value"] == "-5"  # a number stays a number, sign and all
    assert second["text"] == "'-5%"  # a text cell that would run as a formula is neutralised
    assert second["metric"] == "'@增速"
    assert second["sentence"] == "下降5%\r\n第二行"
    assert second["change"] == "decrease" and second["qualifier"] == "approx"


def test_csv_bom_for_excel():
    out = io.StringIO(newline="")
    write_csv([_doc()], out, bom=True)
    assert out.getvalue().startswith("\ufeffpath,id,title,")


@pytest.mark.parametrize(("cell", "safe"), [
    ("=1+1", "'=1+1"), ("+86 20", "'+86 20"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("1.43亿元", "1.43亿元"), ("", ""), ("a=b", "a=b"),
])
def test_neutralise_cell(cell, safe):
    assert neutralise_cell(cell) == safe


def test_jsonl_sink_one_line_per_document():
    out = io.StringIO()
    sink = JsonlSink(out)
    sink.write(_doc())
    sink.write(Document(path="b.html"))
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith('{"path":"dump.zip::a.html","id":"abc"')
    assert "下降5%" in lines[0]


def test_parquet_documents_and_facts_tables(tmp_path):
    import pyarrow.parquet as pq

    sink = ParquetSink(tmp_path / "d.parquet", tmp_path / "f.parquet", batch_rows=1)
    bad = Document(path="bad.html")
    bad.error, bad.error_kind = "no text in the input", "empty"
    for doc in (_doc(), bad):
        sink.write(doc)
    sink.close()
    docs = pq.read_table(tmp_path / "d.parquet").to_pylist()
    facts = pq.read_table(tmp_path / "f.parquet").to_pylist()
    assert [(d["path"], d["n_facts"], d["error_kind"]) for d in docs] == [
        ("dump.zip::a.html", 2, None), ("bad.html", 0, "empty")]
    assert docs[0]["removed"]["spam_blocks"] == 0
    assert [(f["path"], f["value"], f["unit"], f["span_start"], f["span_end"]) for f in facts] == [
        ("dump.zip::a.html", 143000000.0, "元", 14, 20), ("dump.zip::a.html", -5.0, "%", 22, 24)]


def test_atomic_output_leaves_nothing_on_failure_and_normal_permissions_on_success(tmp_path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError), atomic_output(target) as fh:
        fh.write("partial")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
    with atomic_output(target) as fh:
        fh.write("done\n")
    assert target.read_text() == "done\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert list(tmp_path.iterdir()) == [target]
