"""The streaming interface batch writes through: one document at a time, memory flat."""

from __future__ import annotations

from ..document import Document


class Sink:
    """Receives documents one by one; `close()` finishes the file."""

    def write(self, doc: Document) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass
