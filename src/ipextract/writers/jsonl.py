"""JSON and JSONL: documents as objects, with real UTF-8 characters."""

from __future__ import annotations

import json
from typing import IO, Any

from ..document import Document
from .sink import Sink


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """JSON with real UTF-8 characters (never \\u escapes)."""
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


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


class JsonlSink(Sink):
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, doc: Document) -> None:
        self.out.write(dumps(doc.to_dict()) + "\n")
