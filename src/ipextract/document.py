"""The records that flow out of the pipeline: a Document per input page and the Facts in it.

These dataclasses are the project's public contract: field names are stable, `to_dict()` gives
the JSON shape, and `document_schema()` the JSON Schema that `ipextract schema` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

#: Kinds of removed material counted in `Document.removed`; always present, zero when nothing.
REMOVED_KINDS: tuple[str, ...] = (
    "chrome_lines",
    "meta_lines",
    "breadcrumb_lines",
    "spam_blocks",
    "hidden_elements",
    "boilerplate_elements",
    "pinyin_annotations",
    "lost_char_runs",
    "invisible_chars",
)


@dataclass(slots=True)
class Removed:
    """One piece of text the cleaners threw away, kept so `ipextract show --removed` can list it."""

    kind: str
    text: str


@dataclass(slots=True)
class Fact:
    """A dated numeric fact stated in the article body."""

    text: str
    value: float
    unit: str
    kind: str = "other"
    value_max: float | None = None
    qualifier: str = "exact"
    change: str | None = None
    date: str | None = None
    date_text: str | None = None
    metric: str | None = None
    sentence: str = ""
    span: tuple[int, int] = (0, 0)
    paragraph: int = 0

    def to_dict(self) -> dict[str, Any]:
        value = _plain_number(self.value)
        value_max = None if self.value_max is None else _plain_number(self.value_max)
        return {
            "text": self.text,
            "value": value,
            "value_max": value_max,
            "unit": self.unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "change": self.change,
            "date": self.date,
            "date_text": self.date_text,
            "metric": self.metric,
            "sentence": self.sentence,
            "span": [self.span[0], self.span[1]],
            "paragraph": self.paragraph,
        }


def _plain_number(x: float) -> int | float:
    """Whole numbers serialise as integers so 143000000 is not written 143000000.0."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**63:
        return int(x)
    return x


#: The keys of `Document.gov`, in the order they are written.
GOV_FIELDS: tuple[str, ...] = (
    "index_number", "doc_number", "issuer", "written_at", "published_at", "category", "validity",
)


@dataclass(slots=True)
class Gov:
    """The disclosure table (政府信息公开) a government site puts above a document.

    It is metadata about the document, kept apart from the body; each field is None when the
    table does not state it. The dates are ISO 8601, as precise as the table states them.
    """

    index_number: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    written_at: str | None = None
    published_at: str | None = None
    category: str | None = None
    validity: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in GOV_FIELDS}


@dataclass(slots=True)
class Document:
    """One input page after cleaning, conversion and fact extraction.

    `error` is set (and the content fields left empty) when the input could not be parsed;
    such a document is still emitted so that no input is ever silently dropped.
    """

    path: str | None = None
    id: str = ""
    format: str | None = None
    encoding: str | None = None
    script: str | None = None
    title: str | None = None
    published_at: str | None = None
    source: str | None = None
    author: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    url: str | None = None
    #: The disclosure table, when the page has one.
    gov: Gov | None = None
    text: str = ""
    facts: list[Fact] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REMOVED_KINDS, 0))
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    error_kind: str | None = None
    #: Not serialised: what was removed, for the human view (`ipextract show`).
    removed_items: list[Removed] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "removed_items":
                continue
            value = getattr(self, f.name)
            if f.name == "facts":
                value = [fact.to_dict() for fact in value]
            elif f.name == "gov":
                value = value.to_dict() if value is not None else None
            elif isinstance(value, (list, dict)):
                value = value.copy()
            out[f.name] = value
        return out


_NULLABLE_STRING = {"type": ["string", "null"]}

_FACT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A numeric fact from the body; see CONVENTIONS in README.",
    "required": [
        "text", "value", "value_max", "unit", "kind", "qualifier", "change",
        "date", "date_text", "metric", "sentence", "span", "paragraph",
    ],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "Surface form with unit and qualifier word, e.g. 1.6万余项."},
        "value": {"type": "number", "description": "Value in the base unit (万/亿 resolved; percent for 成/分之)."},
        "value_max": {"type": ["number", "null"], "description": "High end of a range, else null."},
        "unit": {"type": "string", "description": "Unit or measure word without magnitude: 元, 家, %, 百分点, 倍 ..."},
        "kind": {
            "type": "string",
            "enum": ["money", "count", "percent", "points", "multiple", "area", "weight", "energy", "other"],
        },
        "qualifier": {"type": "string", "enum": ["exact", "approx", "over", "under"]},
        "change": {"type": ["string", "null"], "enum": ["increase", "decrease", None]},
        "date": {**_NULLABLE_STRING, "description": "ISO 8601 period: 2018, 2019-07, 2016/2018 ..."},
        "date_text": {**_NULLABLE_STRING, "description": "The words the date came from."},
        "metric": {**_NULLABLE_STRING, "description": "Noun phrase naming what is measured."},
        "sentence": {"type": "string"},
        "span": {
            "type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2,
            "description": "[start, end) offsets into the document text.",
        },
        "paragraph": {"type": "integer", "description": "Index of the paragraph (line) in text."},
    },
}


def document_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of `Document.to_dict()`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ipextract.invalid/schema/document.json",
        "title": "ipextract document",
        "type": "object",
        "required": [f.name for f in fields(Document) if f.name != "removed_items"],
        "additionalProperties": False,
        "properties": {
            "path": {**_NULLABLE_STRING, "description": "The input path as given (archive::member in batch)."},
            "id": {"type": "string", "description": "SHA-1 of the input bytes."},
            "format": {"type": ["string", "null"], "enum": ["html", "text", None]},
            "encoding": {**_NULLABLE_STRING, "description": "Encoding the bytes were decoded with."},
            "script": {
                "type": ["string", "null"], "enum": ["traditional", "simplified", "mixed", None],
                "description": "Script of the input page before conversion.",
            },
            "title": _NULLABLE_STRING,
            "published_at": {**_NULLABLE_STRING, "description": "ISO 8601, as precise as stated, no offset."},
            "source": {**_NULLABLE_STRING, "description": "来源 / 信息来源 named on the page."},
            "author": _NULLABLE_STRING,
            "breadcrumb": {"type": "array", "items": {"type": "string"}},
            "url": {**_NULLABLE_STRING, "description": "Canonical / og:url / WARC target URI."},
            "gov": {
                "type": ["object", "null"],
                "description": "The disclosure table (索引号, 文号, 发布机构 ...), null when the page has none.",
                "required": list(GOV_FIELDS),
                "additionalProperties": False,
                "properties": {
                    name: {**_NULLABLE_STRING, **({"description": "ISO 8601."} if name.endswith("_at") else {})}
                    for name in GOV_FIELDS
                },
            },
            "text": {"type": "string", "description": "The article body, paragraphs joined by newline."},
            "facts": {"type": "array", "items": _FACT_SCHEMA},
            "removed": {
                "type": "object",
                "description": "Counts of stripped material by kind.",
                "properties": {k: {"type": "integer", "minimum": 0} for k in REMOVED_KINDS},
                "additionalProperties": {"type": "integer"},
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
            "error": {**_NULLABLE_STRING, "description": "Why the input could not be parsed, else null."},
            "error_kind": {
                **_NULLABLE_STRING,
                "description": "Machine-readable error class: empty, binary, not_found, too_large, timeout ...",
            },
        },
    }
