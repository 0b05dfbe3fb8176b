"""One line of page text in the two forms the line rules need.

`text` is the line as the page has it (spaces folded); `key` is what every rule matches: pinyin
glosses stripped and the text converted to Simplified with OpenCC, so one Simplified word list
serves pages in both scripts (時間/时间, 來源/来源) and mirror pages that gloss their labels
(來(lái)源). Values (source, author, breadcrumb items) are cut from the line at the key's
offsets, so they keep the page's script until the convert step; t2s keeps the length of the
text, and when it does not the key is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..convert import to_simplified, to_simplified_all
from .repair import fold_spaces, remove_pinyin


@dataclass(frozen=True, slots=True)
class KeyedLine:
    """A line as the page has it (`text`, spaces folded) and its Simplified matching `key`.

    `plain` is `text` without pinyin glosses: values are cut from it, so a source or a
    breadcrumb item keeps the page's script but never a gloss, even with `--keep-pinyin`.
    """

    text: str
    key: str
    plain: str

    @classmethod
    def of(cls, line: str) -> KeyedLine:
        text = fold_spaces(line)
        plain = _plain(text)
        return cls(text, to_simplified(plain), plain)

    @classmethod
    def keyed(cls, line: str, key: str) -> KeyedLine:
        """`KeyedLine.of(line)` for a line whose `line_key` the caller has: a page's keys are
        converted together once (`line_keys`), and converting a line again gives nothing new."""
        text = fold_spaces(line)
        return cls(text, key, _plain(text))

    @classmethod
    def converted(cls, text: str) -> KeyedLine:
        """`text` as it is (its spaces and runs kept), keyed by its conversion alone."""
        return cls(text, to_simplified(text), text)

    def cut(self, start: int, end: int | None = None) -> str:
        """The page's own text at key offsets, or the key's when t2s changed the length."""
        source = self.plain if len(self.plain) == len(self.key) else self.key
        return source[start:end]


def _plain(text: str) -> str:
    """`text` (spaces folded) without pinyin glosses (only a text with a "(" can have one)."""
    return fold_spaces(remove_pinyin(text)[0]) if "(" in text else text


def line_key(line: str) -> str:
    """The form every rule matches: spaces folded, pinyin annotations stripped, t2s
    (`KeyedLine.of(line).key`, for rules that need no values cut from the line)."""
    return to_simplified(_plain(fold_spaces(line)))


def line_keys(lines: list[str]) -> list[str]:
    """`[line_key(line) for line in lines]`, converted in one call."""
    return to_simplified_all([_plain(fold_spaces(line)) for line in lines])
