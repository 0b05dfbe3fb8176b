"""Run a command and measure it: exit status, output, wall time and the peak RSS of its processes.

Batch runs spread over a driver, a fork server and workers, and getrusage(RUSAGE_CHILDREN) only
sees descendants someone waited for, so the process tree is polled through /proc instead: each
process's VmHWM (its own peak resident set) is read while it lives, and the largest is reported.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    wall: float
    peak_rss_mb: float  # the largest peak of any one process of the tree
    processes: int  # how many processes were seen


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree(root: int) -> list[int]:
    kids = _children()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, ()))
    return out


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], *, timeout: float, input: bytes | None = None, poll: float = 0.05,
                 **kw: object) -> Measured:
    """Run `cmd` to completion (killed after `timeout` seconds, which fails the caller's test)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err,
                                stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL, **kw)
        if input is not None:
            assert proc.stdin is not None
            proc.stdin.write(input)
            proc.stdin.close()
        peaks: dict[int, int] = {}
        while proc.poll() is None:
            if time.perf_counter() - start > timeout:
                proc.kill()
                proc.wait()
                raise TimeoutError(f"{cmd} ran over {timeout} s")
            for pid in _tree(proc.pid):
                peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
            time.sleep(poll)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), wall,
                        max(peaks.values(), default=0) / 1024, len(peaks))
