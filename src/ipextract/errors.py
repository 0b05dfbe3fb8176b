"""Errors that describe a bad input, as opposed to a bug: they become a document's `error`."""

from __future__ import annotations


class InputError(Exception):
    """A problem with one input, with a short machine-readable kind (`empty`, `binary`, ...)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message


#: Control characters (a newline in a file name, an escape sequence in an archive member name or
#: a page's URL) would split a report line or drive the terminal: they are shown escaped. So are
#: the bidirectional controls (U+202E and friends), which make a terminal show a name reversed
#: (`evil\u202egpj.exe` looks like `evilexe.jpg`).
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]} | {c: f"\\u{c:04x}" for c in _BIDI}


def printable(text: str) -> str:
    """`text` with its control characters escaped (`\\x1b`), safe to print on a terminal."""
    return text.translate(_CONTROLS)
