"""Which folder files and archive members are taken: all of them, or those --include names, less
those --exclude names. Whether a taken file is a page is decided by its content (candidates.py)."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace

#: Names that say a file is a page: such files are not sniffed for an archive when planning.
PAGE_GLOBS: tuple[str, ...] = (
    "*.html", "*.htm", "*.shtml", "*.xhtml", "*.txt",
    "*.html.gz", "*.htm.gz", "*.shtml.gz", "*.xhtml.gz", "*.txt.gz",
)
#: Names that say a file is an archive (the formats claim them by these names).
ARCHIVE_GLOBS: tuple[str, ...] = ("*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.warc", "*.warc.gz")


def _matches(name: str, globs: Iterable[str]) -> bool:
    base = name.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(base, g) for g in globs)


@dataclass(frozen=True, slots=True)
class Selection:
    """--include / --exclude globs, matched against relative paths, member names and base names."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: Absolute-path globs of the files a run writes (its output, parts, temporaries): an output
    #: inside an input folder must not be read back as input.
    own: tuple[str, ...] = ()

    def owned(self, path: str) -> bool:
        """Whether the file at `path` is one the run itself writes."""
        return bool(self.own) and any(fnmatch.fnmatch(os.path.abspath(path), g) for g in self.own)

    def with_own_files(self, *targets: str | None, parts: str | None = None) -> Selection:
        """This selection, leaving out each target file, the temporaries written beside it, and
        everything in the `parts` folder."""
        globs = list(self.own)
        for target in targets:
            if target and target != "-":
                full = os.path.abspath(target)
                folder, name = os.path.split(full)
                globs += [glob.escape(full), os.path.join(glob.escape(full), "*"),  # a Parquet output is a folder
                          os.path.join(glob.escape(folder), f".{glob.escape(name)}.*.tmp")]
        if parts:
            globs.append(os.path.join(glob.escape(os.path.abspath(parts)), "*"))
        return replace(self, own=tuple(globs))

    def file_wanted(self, rel: str) -> bool:
        return self.member_wanted(rel)

    def member_wanted(self, name: str) -> bool:
        wanted = _matches(name, self.include) if self.include else True
        return wanted and not _matches(name, self.exclude)

    @staticmethod
    def page_named(name: str) -> bool:
        """Whether the name is one pages are saved under (`.html`, `.txt`, their `.gz`)."""
        return _matches(name.lower(), PAGE_GLOBS)
