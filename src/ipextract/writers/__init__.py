"""Writing documents out: JSON/JSONL, CSV fact rows, Parquet tables, and the files they go to.

`atomic` decides how an output path is written (atomically, or in place for streams);
`formats` decides what is written to it; the other modules are one format each.
"""

from __future__ import annotations

from .atomic import OutputError, atomic_output, atomic_path, check_output, describe, is_stream
from .csv import (
    CSV_COLUMNS,
    CSV_DOC_COLUMNS,
    CSV_FACT_COLUMNS,
    CsvSink,
    csv_rows,
    csv_writer,
    neutralise_cell,
    write_csv,
    write_csv_header,
)
from .formats import FormatError, OutputFormat, output_format
from .jsonl import JsonlSink, dumps, write_json, write_jsonl
from .parquet import ParquetSink, document_row, fact_rows, parquet_schemas, require_pyarrow, write_parquet_folder
from .sink import Sink

__all__ = [
    "CSV_COLUMNS", "CSV_DOC_COLUMNS", "CSV_FACT_COLUMNS", "CsvSink", "FormatError", "JsonlSink", "OutputError",
    "OutputFormat", "ParquetSink", "Sink", "atomic_output", "atomic_path", "check_output", "csv_rows",
    "csv_writer", "describe", "document_row", "dumps", "fact_rows", "is_stream", "neutralise_cell", "output_format",
    "parquet_schemas", "require_pyarrow", "write_csv", "write_csv_header", "write_json", "write_jsonl",
    "write_parquet_folder",
]
