"""ipextract: clean Simplified text, metadata and dated numeric facts from Chinese government pages.

    >>> from ipextract import parse_file
    >>> doc = parse_file("page.html")
    >>> doc.title, doc.published_at, [f.value for f in doc.facts]
"""

from __future__ import annotations

from typing import Any

from .allocator import keep_heap
from .document import Document, Fact, document_schema
from .options import Options
from .pipeline import parse, parse_file

__all__ = ["Document", "Fact", "Options", "__version__", "document_schema", "keep_heap", "parse", "parse_file"]


def __getattr__(name: str) -> Any:
    """`__version__`, read from the installed metadata when first asked for: importlib.metadata
    pulls in the email package, which nothing but `--version` needs."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    from .distribution import DIST

    try:
        value = version(DIST)
    except PackageNotFoundError:  # running from a source tree without installation
        value = "0.0.0+unknown"
    globals()["__version__"] = value
    return value
