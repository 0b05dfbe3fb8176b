"""Which folder files and archive members are taken: the default page globs, --include/--exclude."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass

#: Files picked from folders and members picked from archives when no --include is given.
PAGE_GLOBS: tuple[str, ...] = (
    "*.html", "*.htm", "*.shtml", "*.xhtml", "*.txt",
    "*.html.gz", "*.htm.gz", "*.shtml.gz", "*.xhtml.gz", "*.txt.gz",
)
#: Archives found in folders are expanded by default too.
ARCHIVE_GLOBS: tuple[str, ...] = ("*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.warc", "*.warc.gz")


def _matches(name: str, globs: Iterable[str]) -> bool:
    base = name.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(base, g) for g in globs)


@dataclass(frozen=True, slots=True)
class Selection:
    """--include / --exclude globs, matched against relative paths, member names and base names."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def file_wanted(self, rel: str) -> bool:
        wanted = _matches(rel, self.include) if self.include else _matches(rel, PAGE_GLOBS + ARCHIVE_GLOBS)
        return wanted and not _matches(rel, self.exclude)

    def member_wanted(self, name: str) -> bool:
        wanted = _matches(name, self.include) if self.include else _matches(name, PAGE_GLOBS)
        return wanted and not _matches(name, self.exclude)
