"""What every record must satisfy, whatever the input: shared by the hypothesis properties in the
suite (tests/test_fuzz_properties.py) and the atheris harnesses here, so both hunt for the same bugs.
"""

from __future__ import annotations

import json
import math

from ipextract import Document


def check_record(doc: Document) -> None:
    """A record any consumer can take: no internal error, strict JSON, consistent facts.

    An `internal` error is parse's last-resort handler catching an exception: a bug, not bad input.
    """
    assert doc.error_kind != "internal", doc.error
    assert (doc.error is None) == (doc.error_kind is None)
    if doc.error is not None:
        assert doc.text == "" and doc.facts == []
    json.dumps(doc.to_dict(), ensure_ascii=False, allow_nan=False)
    assert "\x00" not in doc.text and "\u202e" not in doc.text and "\u200b" not in doc.text
    lines = doc.text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for fact in doc.facts:
        a, b = fact.span
        assert doc.text[a:b] == fact.text
        assert starts[fact.paragraph] <= a and b <= starts[fact.paragraph] + len(lines[fact.paragraph])
        assert math.isfinite(fact.value) and (fact.value_max is None or math.isfinite(fact.value_max))


def as_text_page(doc: Document) -> bytes:
    """A result written back as a plain-text page: its title line, then its body."""
    return f"{doc.title}\n{doc.text}".encode() if doc.title else doc.text.encode()
