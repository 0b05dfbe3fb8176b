"""parse(bytes | str, options) -> Document: the steps in order, nothing else.

read -> decode -> clean (html | text) -> repair -> convert -> meta -> facts
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from . import convert, meta
from .clean import Candidate, Extracted
from .clean.repair import repair
from .decode import decode
from .document import REMOVED_KINDS, Document, Fact
from .errors import InputError
from .options import Options
from .sniff import detect_format, reject_binary
from .sources.files import read_file
from .sources.units import ItemError, Limits, display_name


def parse(
    data: bytes | str,
    options: Options | None = None,
    *,
    path: str | None = None,
    url: str | None = None,
    ref_date: dt.date | None = None,
    declared_charset: str | None = None,
) -> Document:
    """Parse one page. Never raises for bad input: the returned Document carries `error` instead.

    `url`, `ref_date` and `declared_charset` are hints from the container (a WARC record, an HTTP
    header); the page's own metadata wins over them.
    """
    options = options or Options()
    raw = data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else bytes(data)
    doc = Document(path=path, id=hashlib.sha1(raw).hexdigest())
    try:
        _run(raw, doc, options, url=url, ref_date=ref_date, declared_charset=declared_charset)
    except InputError as exc:
        _fail(doc, exc.kind, exc.message)
    except RecursionError:
        _fail(doc, "too_deep", "markup nested too deeply to parse")
    except MemoryError:
        _fail(doc, "too_large", "out of memory while parsing")
    except Exception as exc:  # a bug must not kill a batch: report it on the document
        _fail(doc, "internal", f"internal error: {type(exc).__name__}: {exc}")
    return doc


def parse_file(path: str | Path, options: Options | None = None) -> Document:
    """Read and parse one file; a missing or unreadable path gives a Document with `error` set.

    The file is read as a batch reads a plain file (`sources.files.read_file`), within
    `options.max_bytes`. A name that is not UTF-8 on disk is shown as the batch shows it.
    """
    options = options or Options()
    name = display_name(str(path))
    try:
        data = read_file(str(path), Limits.for_options(options))
    except ItemError as exc:
        return _failed(name, exc.kind, exc.message)
    return parse(data, options, path=name)


def _failed(path: str, kind: str, message: str) -> Document:
    doc = Document(path=path)
    _fail(doc, kind, message)
    return doc


def _fail(doc: Document, kind: str, message: str) -> None:
    doc.error, doc.error_kind = message, kind
    doc.text, doc.facts = "", []


def _run(
    raw: bytes,
    doc: Document,
    options: Options,
    *,
    url: str | None,
    ref_date: dt.date | None,
    declared_charset: str | None,
) -> None:
    if len(raw) > options.max_bytes:
        raise InputError("too_large", f"input is {len(raw)} bytes, over the limit of {options.max_bytes}")
    reject_binary(raw)
    decoded = decode(raw, declared=declared_charset)
    doc.encoding = decoded.encoding
    doc.warnings.extend(decoded.warnings)
    # `not text.strip()` without copying the page: isspace stops at the first non-space character.
    if not decoded.text or decoded.text.isspace():
        raise InputError("empty", "no text in the input")

    doc.format = detect_format(decoded.text)
    extracted = _clean(decoded.text, doc.format, options, decoded.utf8)
    doc.warnings.extend(extracted.warnings)
    blocks = [b for b in (_repaired(b, extracted, options) for b in extracted.blocks) if b]
    _take_metadata(doc, meta.resolve(extracted.candidates), extracted, options)
    doc.url = doc.url or url
    doc.gov = extracted.gov
    doc.script = convert.detect_script("\n".join([doc.title or "", *blocks]))
    # Converted whatever the detected script: a Simplified page quoting a few Traditional words
    # must not keep them, and t2s leaves Simplified text as it is.
    kept = blocks
    if options.script == "simplified":
        blocks = _to_simplified(doc, blocks)
    doc.text = "\n".join(blocks)
    doc.removed = {k: extracted.removed.get(k, 0) for k in REMOVED_KINDS}
    doc.removed_items = extracted.removed_items
    if not doc.text:
        doc.warnings.append("no article text found")

    if options.facts and doc.text:
        reference = _reference_date(doc.published_at) or options.ref_date or ref_date
        doc.facts = _facts(doc, kept if options.script == "keep" else None, reference, options.max_facts)


def _facts(doc: Document, kept: list[str] | None, reference: dt.date | None, max_facts: int) -> list[Fact]:
    """Facts are found on Simplified text, the text their rules are written for; with `kept`
    (--script keep) they are found on its conversion and mapped back into the kept text.
    Past `max_facts` the pass stops and says so in the document's warnings."""
    from functools import partial

    from .facts import extract as extract_all

    extract = partial(extract_all, max_facts=max_facts, warnings=doc.warnings)
    if kept is None:
        return extract(doc.text, reference, roc_years=_is_taiwanese(doc), title=doc.title)
    from .script_map import OffsetMap, map_facts

    converted = convert.to_simplified_all(kept)
    simplified = "\n".join(converted)
    found = extract(simplified, reference, roc_years=_is_taiwanese(doc), title=doc.title)
    if simplified == doc.text:
        return found
    return map_facts(found, simplified, doc.text, OffsetMap(kept, converted))


def _repaired(text: str, extracted: Extracted, options: Options) -> str:
    return repair(text, extracted.removed, keep_pinyin=options.keep_pinyin)


def _take_metadata(doc: Document, chosen: dict[str, Candidate], extracted: Extracted, options: Options) -> None:
    """The chosen metadata into the document, repaired like the text (pinyin glosses, spaces)."""
    for name in ("title", "source", "author"):
        if name in chosen:
            setattr(doc, name, _repaired(str(chosen[name].value), extracted, options) or None)
    if "breadcrumb" in chosen:
        doc.breadcrumb = [x for x in (_repaired(b, extracted, options) for b in chosen["breadcrumb"].value) if x]
    if "published_at" in chosen:
        doc.published_at = str(chosen["published_at"].value)
    if "url" in chosen:
        doc.url = str(chosen["url"].value)


def _to_simplified(doc: Document, blocks: list[str]) -> list[str]:
    """The blocks and the document's title, source, author and breadcrumb in Simplified script,
    converted in one call."""
    names = [name for name in ("title", "source", "author") if getattr(doc, name)]
    converted = convert.to_simplified_all([*blocks, *(getattr(doc, name) for name in names), *doc.breadcrumb])
    rest = converted[len(blocks) :]
    for name, value in zip(names, rest):
        setattr(doc, name, value)
    doc.breadcrumb = rest[len(names) :]
    return converted[: len(blocks)]


def _clean(text: str, fmt: str, options: Options, utf8: bytes | None = None) -> Extracted:
    if fmt == "html":
        from .clean.html import clean_html

        return clean_html(text, options, utf8=utf8)
    from .clean.text import clean_text

    return clean_text(text, keep_pinyin=options.keep_pinyin)


def _reference_date(published_at: str | None) -> dt.date | None:
    if not published_at or len(published_at) < 10:
        return None
    try:
        return dt.date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def _is_taiwanese(doc: Document) -> bool:
    """ROC years (107年 = 2018) are only read as such on pages from Taiwan."""
    url = (doc.url or "").lower()
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.endswith(".tw") or "民国" in doc.text[:2000] or "民國" in doc.text[:2000]
