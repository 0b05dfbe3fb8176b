"""Output files that appear whole or not at all, without ever replacing what is not a file.

A regular file (or a new name) is written to a temporary file beside it and renamed into place on
success, so a failed or killed run never leaves half an output. Renaming over anything else would
destroy it: a symlink (its target would stay stale and the link become a file), a FIFO a reader
is waiting on, a terminal or `/dev/stdout`. Those are opened and written directly; a symlink to a
regular file is written atomically in its target's folder, so the link stays a link.

Output problems become `OutputError`: one line naming the path and what to do about it.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: Link targets that are streams of this process, never files to replace.
_STREAM_PREFIXES = ("/proc/", "/dev/")
#: Errors of writing itself (not of opening), reported against the output path.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG, errno.EPIPE})


class OutputError(OSError):
    """An output cannot be written; str() is the one line to show the user."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where an output really goes: `direct` streams are opened in place, else `path` is renamed onto."""

    path: Path
    direct: bool
    existing_mode: int | None = None


def resolve(path: str | Path) -> Target:
    """Classify an output path (following symlinks); raise OutputError for a folder or a missing folder."""
    given = Path(path)
    hops = _link_chain(given)
    if any(str(h).startswith(_STREAM_PREFIXES) for h in hops):
        return Target(given, direct=True)
    try:
        st = os.stat(given)
    except FileNotFoundError:
        real = Path(os.path.realpath(given)) if hops else given
        _check_folder(real.parent, given)
        return Target(real, direct=False)
    except OSError as exc:
        raise OutputError(describe(exc, given)) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{given} is a folder: give a file name in it")
    if not stat.S_ISREG(st.st_mode):  # FIFO, character device, socket
        return Target(given, direct=True)
    real = Path(os.path.realpath(given)) if hops else given
    return Target(real, direct=False, existing_mode=stat.S_IMODE(st.st_mode))


def is_stream(path: str | Path) -> bool:
    """True for an output written in place (FIFO, device, /dev/stdout); False for files and errors."""
    try:
        return resolve(path).direct
    except OutputError:
        return False


def _link_chain(path: Path) -> list[Path]:
    """The targets of a chain of symlinks starting at `path` (empty when it is not a link)."""
    hops: list[Path] = []
    current = path
    for _ in range(40):  # the kernel's own limit on link chains
        if not current.is_symlink():
            break
        nxt = Path(os.readlink(current))
        current = nxt if nxt.is_absolute() else current.parent / nxt
        hops.append(current)
    return hops


def _check_folder(folder: Path, given: Path) -> None:
    """The folder must exist: creating folders for a mistyped path would hide the typo."""
    folder = folder if str(folder) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{given}: folder {folder} does not exist (create it first)")


def describe(exc: OSError, path: str | Path) -> str:
    """One line for an OSError on an output: the path, the problem, what to do."""
    advice = {
        errno.ENOSPC: "the disk is full: free space or write elsewhere",
        errno.EDQUOT: "the disk quota is used up: free space or write elsewhere",
        errno.EROFS: "the file system is read-only: write elsewhere",
        errno.EACCES: "permission denied: write to a folder you can write to",
        errno.EPERM: "permission denied: write to a folder you can write to",
        errno.EISDIR: "is a folder: give a file name in it",
        errno.ENOENT: "no such folder: create it first",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    what = advice.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"cannot write {'stdout' if str(path) == '-' else path}: {what}"


@contextmanager
def atomic_output(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """An open output for `path`: atomic for a file, written in place for a stream (see module doc)."""
    target = resolve(path)
    kwargs: dict[str, Any] = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
    # Opened by descriptor: a file object with a name would put it in a gzip header, and the
    # temporary name would make two runs' outputs differ.
    if target.direct:
        try:
            with os.fdopen(os.open(target.path, os.O_WRONLY), mode, **kwargs) as fh:
                yield fh
        except OSError as exc:
            raise _translated(exc, path) from None
        return
    with _temporary(target, path) as tmp:
        try:
            with os.fdopen(os.open(tmp, os.O_WRONLY), mode, **kwargs) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise _translated(exc, path) from None


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path` for writers that want a file name (pyarrow); renamed on success."""
    target = resolve(path)
    if target.direct:
        raise OutputError(f"{path} is not a regular file: Parquet needs a folder of files")
    with _temporary(target, path) as tmp:
        yield tmp


@contextmanager
def _temporary(target: Target, given: str | Path) -> Iterator[Path]:
    """A temporary file in the target's folder, renamed onto it when the block succeeds."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=".tmp", dir=target.path.parent)
    except OSError as exc:
        raise OutputError(describe(exc, given)) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _publish(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _translated(exc: OSError, path: str | Path) -> OSError:
    if isinstance(exc, OutputError) or exc.errno not in _WRITE_ERRNOS:
        return exc
    return OutputError(describe(exc, path))


def _publish(tmp: Path, target: Target) -> None:
    """Keep a replaced file's permissions; a new one gets what a plain create would (mkstemp gives 0600)."""
    if target.existing_mode is not None:
        mode = target.existing_mode
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
    os.replace(tmp, target.path)


def check_output(path: str | Path, *, folder: bool = False) -> None:
    """Fail before any work when an output cannot be written (`folder`: a Parquet output folder)."""
    given = Path(path)
    if not folder:
        target = resolve(given)
        if not target.direct:
            _check_writable(target.path.parent, given)
        return
    if given.exists() and not given.is_dir():
        raise OutputError(f"{given} is not a folder: Parquet output is a folder of two tables")
    parent = given if given.is_dir() else given.parent
    _check_folder(parent, given)
    _check_writable(parent, given)


def _check_writable(folder: Path, given: Path) -> None:
    folder = folder if str(folder) else Path(".")
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        raise OutputError(describe(OSError(errno.EROFS, "read-only"), given))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(describe(OSError(errno.EACCES, "denied"), given))
