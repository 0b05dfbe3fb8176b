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
