"""One run per parts folder: an exclusive lock held for the run's lifetime, which also marks the folder ours.

Two runs writing one output at once mix their records (each appends the other's parts) and each
may delete the other's files. So a run takes `fcntl.flock` on a file in its parts folder before
it reads or writes anything there, and keeps it until it ends; the file holds the run's pid so a
second run can say who holds it. The kernel drops the lock when the process dies, however it
dies, so a lock left by a SIGKILL never blocks the next run.

The same file marks the folder as one ipextract made: a run only ever clears files in a folder
that carries it (see `PartsLayout.claim`), never a folder the user filled.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

from .config import BatchError

#: The lock and ownership file inside a parts folder.
LOCK_NAME = ".ipextract-run"
#: Prefix of the temporary parts folders of runs to stdout (no --work-dir).
TEMP_PREFIX = "ipextract-parts-"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs are not guarded
    fcntl = None  # type: ignore[assignment]


class RunLock:
    """The exclusive lock on a parts folder; `acquire` raises BatchError when another run holds it."""

    def __init__(self, root: Path, output: str) -> None:
        self.path = root / LOCK_NAME
        self.output = output
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        # A run that finishes unlinks the file: a lock taken on the unlinked file guards nothing.
        if not _try_lock(fh) or not _still_named(fh, self.path):
            fh.seek(0)
            pid = fh.read().strip() or "unknown"
            fh.close()
            raise BatchError(f"{self.output} is being written by another run (pid {pid})")
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing drops the flock
            self._fh = None


def _try_lock(fh: IO[str]) -> bool:
    if fcntl is None:  # pragma: no cover
        return True
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _still_named(fh: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


def remove_stale_temp_dirs() -> list[Path]:
    """Temporary parts folders of runs to stdout that were killed (SIGKILL leaves them behind).

    A folder is stale when it carries our lock file and nobody holds the lock: its run is dead.
    Folders without the file (another program's, or a run that is just starting) are left alone.
    """
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        lock = folder / LOCK_NAME
        if folder.is_symlink() or not lock.is_file():
            continue
        try:
            fh = open(lock, "r+", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError:
            continue
        with fh:
            # No pid yet: a run that is just starting (it writes its pid once it holds the lock).
            if not fh.read().strip() or not _try_lock(fh):
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def make_temp_dir() -> Path:
    """A new temporary parts folder for a run to stdout."""
    with contextlib.suppress(OSError):
        remove_stale_temp_dirs()
    return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
