"""The batch progress bar on stderr."""

from __future__ import annotations

import threading
import time

from ..sources import Limits, Selection, format_of, plan_units


class Progress:
    """A rich progress bar: documents, docs/s, MB/s, errors and, once the total is counted, ETA.

    The total is counted in a background thread from cheap listings (folders, zip, tar); inputs
    that can only be counted by reading them through (streamed formats: WARC, tar.gz) leave the
    total unknown.
    """

    def __init__(self, inputs: list[str], selection: Selection, limits: Limits) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._inputs, self._selection, self._limits = inputs, selection, limits
        self.docs = self.errors = self.bytes = 0
        self._t0 = time.perf_counter()
        self._bar = RichProgress(
            TextColumn("[bold]ipextract batch"),
            BarColumn(),
            TextColumn("{task.completed:,.0f}/{task.fields[total_text]} docs"),
            TextColumn("{task.fields[rate]}"),
            TextColumn("[red]{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._bar.add_task("batch", total=None, total_text="?", rate="", errors=0)

    def start(self) -> None:
        self._bar.start()
        threading.Thread(target=self._count, daemon=True).start()

    def _count(self) -> None:
        n = 0
        for unit in plan_units(self._inputs, self._selection, self._limits):
            if format_of(unit.container).streamed:
                return
            n += 1
        self._bar.update(self._task, total=n, total_text=f"{n:,}")

    def advance(self, nbytes: int, error: bool, *, docs: int = 1, errors: int | None = None) -> None:
        self.docs += docs
        self.bytes += nbytes
        self.errors += (1 if error else 0) if errors is None else errors
        elapsed = max(time.perf_counter() - self._t0, 1e-6)
        rate = f"{self.docs / elapsed:,.1f} docs/s {self.bytes / 1e6 / elapsed:,.2f} MB/s"
        self._bar.update(self._task, completed=self.docs, rate=rate, errors=self.errors)

    def stop(self) -> None:
        self._bar.stop()
