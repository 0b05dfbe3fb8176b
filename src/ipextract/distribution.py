"""The name this project is installed under, kept apart from its import and command name.

`ipextract` on the package index is an unrelated project, so the distribution is published as
`ipextract-zh` while `import ipextract` and the `ipextract` command stay. Every install hint
(CLI messages, README) is built from `DIST` so the two can never disagree.
"""

from __future__ import annotations

#: The distribution name in pyproject.toml and on the package index.
DIST = "ipextract-zh"


def install_hint(extra: str) -> str:
    """The pip command that adds an optional extra, quoted for a POSIX shell."""
    return f"pip install '{DIST}[{extra}]'"
