"""The parts folder of a batch run: names of its files, its done markers, and what a run may delete.

Layout (`<output>.parts/` unless --work-dir):
    .ipextract-run                     lock and ownership mark (see `lock`): the run's pid
    run.json                           the run's configuration fingerprint
    part-00000.jsonl | .csv            documents (or fact rows) of shard 0
    part-00000.documents.parquet, part-00000.facts.parquet   with --format parquet
    part-00000.errors.jsonl            error records of shard 0, when they go to --errors
    part-00000.done                    marker: shard fingerprint + stats; written last

The folder may be one the user named (--work-dir) or a symlink: a run only uses a folder that is
new, empty or already marked as ipextract's, and only deletes files with the names above.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

from ..writers import atomic_output
from .config import LAYOUT_VERSION, BatchError, ShardConfig
from .lock import LOCK_NAME

#: Every name ipextract writes in a parts folder, with the temporary names of a write cut short
#: (`part-00000.jsonl.<pid>-<thread>.tmp` from run_shard, `.run.json.<random>.tmp` from atomic_output).
_OWN_NAME = re.compile(
    r"(run\.json|part-\d{5,}\.(jsonl|csv|documents\.parquet|facts\.parquet|errors\.jsonl|done)(\.[\w-]+\.tmp)?"
    r"|\.(run\.json|part-\d{5,}\.\w+(\.\w+)?)\.\w+\.tmp)"
)
_RUN_KEYS = {"layout", "config", "format"}


class PartsLayout:
    """Names of part files and markers; markers are JSON written atomically."""

    def __init__(self, root: str | Path, fmt: str) -> None:
        self.root = Path(root)
        self.format = fmt

    def part_files(self, name: str, split_errors: bool) -> list[str]:
        base = str(self.root / name)
        files = ([f"{base}.documents.parquet", f"{base}.facts.parquet"] if self.format == "parquet"
                 else [f"{base}.{self.format}"])
        if split_errors:
            files.append(f"{base}.errors.jsonl")
        return files

    def marker(self, name: str) -> Path:
        return self.root / f"{name}.done"

    def read_marker(self, name: str) -> dict[str, Any] | None:
        try:
            return json.loads(self.marker(name).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def write_marker(self, name: str, content: dict[str, Any]) -> None:
        with atomic_output(self.marker(name)) as fh:
            fh.write(json.dumps(content, ensure_ascii=False))

    def claim(self) -> bool:
        """Create the folder, or check an existing one is ours to write in; True when created here."""
        created = not self.root.exists()
        self.root.mkdir(parents=True, exist_ok=True)
        if not created and not self._ours():
            raise BatchError(f"{self.root} holds files ipextract did not write; "
                             "use a new or empty folder (--work-dir DIR)")
        return created

    def _ours(self) -> bool:
        """Marked by a run, empty, or (parts of a version before the mark) holding only our names."""
        names = [p.name for p in self.root.iterdir()]
        if LOCK_NAME in names or not names:
            return True
        if not all(_OWN_NAME.fullmatch(n) for n in names) or "run.json" not in names:
            return False
        found = _read_json(self.root / "run.json")
        return isinstance(found, dict) and found.keys() >= _RUN_KEYS

    def has_parts(self) -> bool:
        """Whether an earlier run left part files here (what --resume would go on from)."""
        return any(self.root.glob("part-*"))

    def prepare(self, config: ShardConfig, *, resume: bool, overwrite: bool = True,
                shard_docs: int | None = None) -> None:
        """On a fresh run clear old parts (only with `overwrite`); on --resume check they match."""
        self.root.mkdir(parents=True, exist_ok=True)
        run_file = self.root / "run.json"
        wanted = {"layout": LAYOUT_VERSION, "config": config.fingerprint(), "format": config.format,
                  "shard_docs": shard_docs}
        if resume and run_file.exists():
            _check_same_run(self.root, _read_json(run_file), wanted)
        elif self.has_parts() and not (overwrite or resume):  # resume without run.json: nothing to check
            raise BatchError(f"{self.root} holds parts of an earlier run: add --resume to finish it, "
                             "or --overwrite to start over")
        else:
            self.clear()
        for stale in self.root.glob("part-*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        with atomic_output(run_file) as fh:
            fh.write(json.dumps(wanted))

    def clear(self) -> None:
        """Remove our own files only: the folder may be one the user named."""
        for p in self.root.iterdir():
            if _OWN_NAME.fullmatch(p.name) and not p.is_dir():
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()

    def remove(self) -> None:
        """Our files, the lock mark, and the folder if that leaves it empty."""
        self.clear()
        with contextlib.suppress(FileNotFoundError):
            (self.root / LOCK_NAME).unlink()
        with contextlib.suppress(OSError):
            self.root.rmdir()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _check_same_run(root: Path, found: Any, wanted: dict[str, Any]) -> None:
    """BatchError naming what differs between the parts' run and this one."""
    if not isinstance(found, dict):
        found = {}
    if found == wanted:
        return
    if found.get("layout") != wanted["layout"]:
        what = "an older version of ipextract"
    elif found.get("format") != wanted["format"]:
        what = f"--format {found.get('format')} (this run: {wanted['format']})"
    elif found.get("config") != wanted["config"]:
        what = "other options (--script, --keep-pinyin, --ref-date, --max-bytes or --errors)"
    elif found.get("shard_docs") is None:
        return  # parts from before the shard size was recorded: the shard fingerprints still check
    else:
        what = f"--shard-size {found['shard_docs']} (this run: {wanted['shard_docs']})"
    raise BatchError(f"{root} holds parts of a run with {what}; "
                     "run with the same options to --resume, or --overwrite to start over")
