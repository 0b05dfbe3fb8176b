"""The disclosure table's labels and values: which `Document.gov` field a label fills, and each
value in the form the document keeps.

Government sites put a table of the document's registry data above it (索引号, 文号, 发布机构,
成文日期 …) in many layouts: an HTML table of label and value cells, a `dl`, `div` rows, or in a
saved text page `label | value |` rows and `label：value` runs. Finding the table is the
cleaners' job (`clean.disclosure`); this module knows the vocabulary (`data/gov_labels.tsv`)
and turns the pairs found into a `Gov`, plus the two values that are the page's own metadata:
the document's name (标题 / 文件名称) and its 发布日期.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .dates import parse_timestamp
from .document import GOV_FIELDS, Gov
from .resources import data_lines, data_rows, patterns

_P = patterns("gov")

#: A label's field when its value is not kept (体裁分类, 公开方式): it still marks the table.
IGNORED = "-"
TITLE = "title"
#: The CMS record's date (生成日期): see `read_pairs`.
GENERATED = "generated"
_DATE_FIELDS = frozenset(("written_at", "published_at", GENERATED))
#: Values that say "nothing here".
_EMPTY = frozenset(("", "无", "-", "--", "—", "——", "/", "暂无", "空", "null", "none"))
#: What may surround a label in a cell: bullets, brackets and the colon after it.
_LABEL_EDGES = "•·・●◆■▪【】[]〔〕:： \u3000"
#: A cell longer than this (spaces removed) is no bare label.
_MAX_LABEL = 8


@cache
def labels() -> dict[str, str]:
    """Label (spaces removed) -> field, from `gov_labels.tsv`."""
    return {_P.spaces.sub("", label): name for label, name in data_rows("gov_labels.tsv")}


@cache
def label_forms() -> tuple[str, ...]:
    """Every label as found inside a line: as listed, with 时间 for 日期 and back, and spaced
    out (`发 布 机 构`), as templates space short labels to the width of the longest."""
    listed = [label for label, _name in data_rows("gov_labels.tsv")]
    listed += [other for label in listed if (other := _other_date_word(label))]
    spaced = [" ".join(label) for label in listed if " " not in label]
    return tuple(dict.fromkeys([*listed, *spaced]))


@cache
def label_prefixes() -> tuple[str, ...]:
    """Words templates put before a label (`信息发布日期`, `文件成文日期`), longest first."""
    return tuple(sorted(data_lines("gov_label_prefixes.txt"), key=len, reverse=True))


def label_field(cell: str) -> str | None:
    """The field a cell names when the cell is a bare label (`索 引 号`, `发文机关：`), else None.

    A label not listed is read as the listed one it varies: with a prefix before it
    (`信息发布日期` is 发布日期) or with 时间 for 日期 and back (`签署时间` is 签署日期).
    """
    name = _P.spaces.sub("", cell.strip(_LABEL_EDGES))
    if not name or len(name) > _MAX_LABEL:
        return None
    known = labels()
    found = known.get(name)
    if found is not None:
        return found
    for prefix in label_prefixes():
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            name = name[len(prefix) :]
            break
    return known.get(name) or known.get(_other_date_word(name))


def _other_date_word(name: str) -> str:
    """`签署时间` for `签署日期` and back: templates use either word for the same date."""
    if name.endswith("日期"):
        return name[:-2] + "时间"
    return name[:-2] + "日期" if name.endswith("时间") else ""


@dataclass(slots=True)
class Disclosure:
    """What a disclosure table states: the `gov` fields, and the document's title and date."""

    gov: Gov
    title: str | None
    published_at: str | None
    #: How many labels of the table were recognised (kept or not): how sure it is a table.
    labels: int
    #: How many labels filled a field of `gov` or the title.
    fields: int


def read_pairs(pairs: list[tuple[str, str]]) -> Disclosure:
    """The disclosure named by `(field, raw value)` pairs; the first value of a field wins.

    An empty value still counts as a label seen, so a table whose 文号 cell is blank is
    recognised as a table all the same.

    The record's 生成日期 stands for the written date of an item without a 文号 (a news item,
    a notice) when the table states no 成文日期: such an item has no other. A numbered document
    is dated by its signature, and the day the CMS generated its record is neither that nor the
    day it was published.
    """
    values: dict[str, str | None] = {}
    for name, raw in pairs:
        if name == IGNORED or values.get(name):
            continue
        values[name] = _value(name, raw)
    if not values.get("written_at") and not values.get("doc_number"):
        values["written_at"] = values.get(GENERATED)
    gov = Gov(**{name: values.get(name) for name in GOV_FIELDS})
    title = values.get(TITLE)
    filled = sum(1 for name, value in values.items() if name != IGNORED and value)
    published = gov.published_at
    return Disclosure(gov, title, published, labels=len(pairs), fields=filled)


def _value(name: str, raw: str) -> str | None:
    """A field's value as kept: dates in ISO 8601, text with its white space folded."""
    text = " ".join(raw.split()).strip(" ：:|｜【】[]")
    if text.lower() in _EMPTY:
        return None
    if name in _DATE_FIELDS:
        return parse_timestamp(text)
    return text
