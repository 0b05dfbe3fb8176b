"""CSV: one row per fact, for spreadsheets and pandas (RFC 4180, formula-safe)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..document import Document
from .sink import Sink

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


class CsvSink(Sink):
    """Fact rows without a header: batch parts are concatenated under one header later."""

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv_writer(out)

    def write(self, doc: Document) -> None:
        self.writer.writerows(csv_rows(doc))
