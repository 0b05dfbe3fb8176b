"""Streaming writers for each output format, and atomic output files."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .document import Document


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """JSON with real UTF-8 characters (never \\u escapes)."""
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


@contextmanager
def atomic_output(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path` and rename it into place only on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        kwargs = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path` for writers that want a file name (pyarrow); renamed on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        _publish(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _publish(tmp: str, target: Path) -> None:
    """Give the file the permissions a plainly created one would have (mkstemp makes it 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, target)


def write_json(docs: list[Document], out: IO[str], *, pretty: bool = False) -> None:
    """One object for one document, an array for several."""
    if len(docs) == 1:
        out.write(dumps(docs[0].to_dict(), pretty=pretty) + "\n")
    else:
        out.write(dumps([d.to_dict() for d in docs], pretty=pretty) + "\n")


def write_jsonl(docs: list[Document], out: IO[str], *, pretty: bool = False) -> None:
    """One object per line (pretty is ignored: a record must stay on one line)."""
    for d in docs:
        out.write(dumps(d.to_dict()) + "\n")


# --------------------------------------------------------------------------------------------
# CSV: one row per fact, for spreadsheets and pandas

#: Document columns that lead every CSV row.
CSV_DOC_COLUMNS: tuple[str, ...] = ("path", "id", "title", "published_at", "source")
#: Fact columns after them; `span` is split in two so each cell holds one number.
CSV_FACT_COLUMNS: tuple[str, ...] = (
    "text", "value", "value_max", "unit", "kind", "qualifier", "change", "date", "date_text",
    "metric", "sentence", "span_start", "span_end", "paragraph",
)
CSV_COLUMNS: tuple[str, ...] = CSV_DOC_COLUMNS + CSV_FACT_COLUMNS

#: A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe.

    Only text cells pass through here: numbers are written as numbers, so -5 stays a number.
    """
    return "'" + value if value.startswith(_FORMULA_LEADS) else value


def csv_rows(doc: Document) -> Iterator[list[Any]]:
    """The CSV rows of one document: one per fact; a document without facts has none."""
    lead = [_text_cell(getattr(doc, name)) for name in CSV_DOC_COLUMNS]
    for fact in doc.facts:
        d = fact.to_dict()
        cells: list[Any] = []
        for name in CSV_FACT_COLUMNS:
            if name == "span_start":
                cells.append(fact.span[0])
            elif name == "span_end":
                cells.append(fact.span[1])
            elif name in ("value", "value_max", "paragraph"):
                cells.append("" if d[name] is None else d[name])
            else:
                cells.append(_text_cell(d[name]))
        yield lead + cells


def _text_cell(value: Any) -> str:
    return "" if value is None else neutralise_cell(str(value))


def csv_writer(out: IO[str]) -> Any:
    """RFC 4180: comma, double-quote quoting where needed, CRLF line ends."""
    return csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def write_csv_header(out: IO[str], *, bom: bool = False) -> None:
    if bom:
        out.write("\ufeff")
    csv_writer(out).writerow(CSV_COLUMNS)


def write_csv(docs: Iterable[Document], out: IO[str], *, bom: bool = False, header: bool = True) -> None:
    """Facts of all documents as CSV (UTF-8; `bom` adds the byte-order mark Excel looks for)."""
    if header:
        write_csv_header(out, bom=bom)
    writer = csv_writer(out)
    for doc in docs:
        writer.writerows(csv_rows(doc))


# --------------------------------------------------------------------------------------------
# Streaming sinks used by batch: one document at a time, memory flat


class Sink:
    """Receives documents one by one; `close()` finishes the file."""

    def write(self, doc: Document) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class JsonlSink(Sink):
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, doc: Document) -> None:
        self.out.write(dumps(doc.to_dict()) + "\n")


class CsvSink(Sink):
    """Fact rows without a header: batch parts are concatenated under one header later."""

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv_writer(out)

    def write(self, doc: Document) -> None:
        self.writer.writerows(csv_rows(doc))


class ParquetSink(Sink):
    """A documents table and a facts table (pyarrow from the `ipextract[parquet]` extra).

    Rows are buffered and flushed as row groups, so memory is bounded by `batch_rows`.
    """

    def __init__(self, documents_path: str | Path, facts_path: str | Path, batch_rows: int = 1000) -> None:
        pq = _pyarrow_parquet()
        self.docs_writer = pq.ParquetWriter(str(documents_path), parquet_schemas()[0])
        self.facts_writer = pq.ParquetWriter(str(facts_path), parquet_schemas()[1])
        self.batch_rows = batch_rows
        self.doc_rows: list[dict[str, Any]] = []
        self.fact_rows: list[dict[str, Any]] = []

    def write(self, doc: Document) -> None:
        self.doc_rows.append(document_row(doc))
        self.fact_rows.extend(fact_rows(doc))
        if len(self.doc_rows) >= self.batch_rows or len(self.fact_rows) >= self.batch_rows * 10:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        docs_schema, facts_schema = parquet_schemas()
        if self.doc_rows:
            self.docs_writer.write_table(pa.Table.from_pylist(self.doc_rows, schema=docs_schema))
        if self.fact_rows:
            self.facts_writer.write_table(pa.Table.from_pylist(self.fact_rows, schema=facts_schema))
        self.doc_rows, self.fact_rows = [], []

    def close(self) -> None:
        self._flush()
        self.docs_writer.close()
        self.facts_writer.close()


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise RuntimeError("Parquet output needs pyarrow: pip install 'ipextract[parquet]'") from exc
    return pq


def document_row(doc: Document) -> dict[str, Any]:
    """A document as a Parquet row: facts live in their own table, `n_facts` counts them."""
    d = doc.to_dict()
    d.pop("facts")
    d["n_facts"] = len(doc.facts)
    return d


def fact_rows(doc: Document) -> Iterator[dict[str, Any]]:
    for fact in doc.facts:
        d = fact.to_dict()
        span = d.pop("span")
        d["value"] = float(fact.value)
        d["value_max"] = None if fact.value_max is None else float(fact.value_max)
        yield {"path": doc.path, "id": doc.id, **d, "span_start": span[0], "span_end": span[1]}


@lru_cache(maxsize=1)
def parquet_schemas() -> tuple[Any, Any]:
    """Fixed schemas, so every part file (even an empty one) has the same columns and types."""
    import pyarrow as pa

    from .document import REMOVED_KINDS

    s, i = pa.string(), pa.int64()
    docs = pa.schema([
        ("path", s), ("id", s), ("format", s), ("encoding", s), ("script", s), ("title", s),
        ("published_at", s), ("source", s), ("author", s), ("breadcrumb", pa.list_(s)), ("url", s),
        ("text", s), ("removed", pa.struct([(k, i) for k in REMOVED_KINDS])),
        ("warnings", pa.list_(s)), ("error", s), ("error_kind", s), ("n_facts", i),
    ])
    facts = pa.schema([
        ("path", s), ("id", s), ("text", s), ("value", pa.float64()), ("value_max", pa.float64()),
        ("unit", s), ("kind", s), ("qualifier", s), ("change", s), ("date", s), ("date_text", s),
        ("metric", s), ("sentence", s), ("paragraph", i), ("span_start", i), ("span_end", i),
    ])
    return docs, facts
