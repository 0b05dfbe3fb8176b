"""Keep freed memory in a process that parses page after page, instead of handing it back to the OS.

A parse allocates a few megabytes (the lxml tree of a 100 KB page, its text, the line objects)
and frees all of it when the page is done. With glibc's default malloc settings that memory goes
straight back to the kernel: free space over 128 KB at the top of the heap is trimmed, and large
blocks are served by their own mmap and unmapped when freed. The next page asks for the same
memory again, and the kernel must hand out and zero fresh pages for it, page after page.

`keep_heap()` raises both thresholds, so the heap stays at the size the largest page needed and
is reused. Processes that parse many pages call it: the CLI when given several pages, every batch
worker (local and Ray). A library user running `parse` in a loop may call it too. It changes the
process's allocator, so the library never calls it on its own. It is a no-op where the C library
is not glibc (musl, macOS, Windows).
"""

from __future__ import annotations

import os

#: glibc's mallopt parameter numbers (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
#: Free memory at the top of the heap kept rather than trimmed.
TRIM_THRESHOLD = 64 << 20
#: Blocks up to this size come from the heap, not from their own mmap (glibc's maximum on 64-bit).
MMAP_THRESHOLD = 32 << 20

_done = False


def keep_heap() -> bool:
    """Tell glibc's malloc to keep and reuse freed memory; True when the setting took effect.

    Idempotent and cheap after the first call. The process's resident memory then stays near
    the peak it reached (bounded by the largest page parsed, see `Options.max_bytes`).
    """
    global _done
    if _done:
        return True
    if not _is_glibc():
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _done = bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    return _done


def _is_glibc() -> bool:
    try:
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    except (ValueError, OSError, AttributeError):  # no such name on this platform
        return False
