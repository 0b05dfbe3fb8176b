"""ipextract: clean Simplified text, metadata and dated numeric facts from Chinese government pages.

    >>> from ipextract import parse_file
    >>> doc = parse_file("page.html")
    >>> doc.title, doc.published_at, [f.value for f in doc.facts]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .document import Document, Fact, document_schema
from .options import Options
from .pipeline import parse, parse_file

try:
    __version__ = version("ipextract")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["Document", "Fact", "Options", "__version__", "document_schema", "parse", "parse_file"]
