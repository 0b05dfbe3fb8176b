"""Parquet: a documents table and a facts table (pyarrow, from the `parquet` extra).

The documents schema is built from the Document dataclass: fields with a known Arrow type get it,
any other field (a nested record such as `gov`, added later) is stored as a JSON string column,
so a new field reaches the tables without touching this module.
"""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..distribution import install_hint
from ..document import REMOVED_KINDS, Document
from .atomic import OutputError, atomic_path
from .sink import Sink

#: The two files of a Parquet output folder.
DOCUMENTS_FILE, FACTS_FILE = "documents.parquet", "facts.parquet"


def require_pyarrow() -> Any:
    """pyarrow.parquet, or an OutputError saying how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise OutputError(f"Parquet output needs pyarrow: {install_hint('parquet')}") from None
    return pq


class ParquetSink(Sink):
    """Rows are buffered and flushed as row groups, so memory is bounded by `batch_rows`."""

    def __init__(self, documents_path: str | Path, facts_path: str | Path, batch_rows: int = 1000) -> None:
        pq = require_pyarrow()
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


def write_parquet_folder(docs: list[Document], folder: str | Path) -> None:
    """`parse -o DIR.parquet`: the two tables batch writes, each appearing atomically."""
    require_pyarrow()
    out = Path(folder)
    made = not out.is_dir()
    if made:
        out.mkdir()  # its parent was checked by check_output; only the named folder is made
    try:
        with atomic_path(out / DOCUMENTS_FILE) as docs_tmp, atomic_path(out / FACTS_FILE) as facts_tmp:
            sink = ParquetSink(docs_tmp, facts_tmp)
            for doc in docs:
                sink.write(doc)
            sink.close()
    except BaseException:
        if made:  # a failed run leaves nothing it created
            with suppress(OSError):
                out.rmdir()
        raise


def document_row(doc: Document) -> dict[str, Any]:
    """A document as a Parquet row: facts live in their own table, `n_facts` counts them."""
    d = doc.to_dict()
    d.pop("facts")
    for name in _json_columns():
        if d.get(name) is not None:
            d[name] = json.dumps(d[name], ensure_ascii=False, default=_plain)
    d["n_facts"] = len(doc.facts)
    return d


def _plain(value: Any) -> Any:
    """A nested dataclass in a JSON column: its own to_dict, else its fields."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return {f.name: getattr(value, f.name) for f in fields(value)}


def fact_rows(doc: Document) -> Any:
    """The facts of a document as rows, keyed by the document's `path` and `id`."""
    for fact in doc.facts:
        d = fact.to_dict()
        span = d.pop("span")
        d["value"] = float(fact.value)
        d["value_max"] = None if fact.value_max is None else float(fact.value_max)
        yield {"path": doc.path, "id": doc.id, **d, "span_start": span[0], "span_end": span[1]}


def _typed_document_columns() -> dict[str, Any]:
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    return {
        "breadcrumb": pa.list_(s), "removed": pa.struct([(k, i) for k in REMOVED_KINDS]),
        "warnings": pa.list_(s),
    }


#: Document fields that never go into the documents table.
_NOT_COLUMNS = ("facts", "removed_items")


@lru_cache(maxsize=1)
def _json_columns() -> tuple[str, ...]:
    """Document fields that are neither strings nor typed above: stored as JSON text."""
    typed = {"breadcrumb", "removed", "warnings"}
    return tuple(f.name for f in fields(Document)
                 if f.name not in typed and f.name not in _NOT_COLUMNS and f.type not in ("str | None", "str"))


@lru_cache(maxsize=1)
def parquet_schemas() -> tuple[Any, Any]:
    """Fixed schemas, so every part file (even an empty one) has the same columns and types."""
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    typed = _typed_document_columns()
    docs = pa.schema([(f.name, typed.get(f.name, s)) for f in fields(Document) if f.name not in _NOT_COLUMNS]
                     + [("n_facts", i)])
    facts = pa.schema([
        ("path", s), ("id", s), ("text", s), ("value", pa.float64()), ("value_max", pa.float64()),
        ("unit", s), ("kind", s), ("qualifier", s), ("change", s), ("date", s), ("date_text", s),
        ("metric", s), ("sentence", s), ("paragraph", i), ("span_start", i), ("span_end", i),
    ])
    return docs, facts
