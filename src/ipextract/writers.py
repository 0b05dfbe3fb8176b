"""Streaming writers for each output format, and atomic output files."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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
