"""Machine-translation mirrors: a Chinese page re-published with each paragraph rendered in
other languages underneath (`…增长17.1%。` / `From January to July, …` / `De enero a julio, …`).

The renderings are the mirror's, not the article's. A bilingual original (a ministry's report
printed in Chinese and English) renders each item once; a mirror renders paragraph after
paragraph in two or more languages. So a page counts as a mirror when at least two Chinese
lines are each followed by two or more foreign prose lines, and then all its foreign prose
lines go.
"""

from __future__ import annotations

from ..han import HAN_CHAR
from ..resources import patterns

_P = patterns("translation")

#: A line of foreign prose: Latin words, at least this many.
_MIN_WORDS = 6
#: Chinese lines followed by two or more renderings, on a mirror.
_MIN_RENDERED = 2


def is_foreign_prose(key: str) -> bool:
    """A line of Latin-script prose with no Han character."""
    return not HAN_CHAR.search(key) and len(_P.word.findall(key)) >= _MIN_WORDS


def renderings(keys: list[str]) -> set[int]:
    """Indices of the foreign prose lines of a translation mirror, or an empty set."""
    foreign = [is_foreign_prose(k) for k in keys]
    if sum(foreign) < 2 * _MIN_RENDERED:
        return set()
    rendered = 0
    for i, key in enumerate(keys[:-2]):
        if HAN_CHAR.search(key) and foreign[i + 1] and foreign[i + 2]:
            rendered += 1
    if rendered < _MIN_RENDERED:
        return set()
    # A line the mirror rendered without words to translate (a timestamp) repeats the one above.
    repeats = {i for i in range(1, len(keys)) if _bare(keys[i]) and _bare(keys[i]) == _bare(keys[i - 1])}
    return {i for i, f in enumerate(foreign) if f} | repeats


def _bare(key: str) -> str:
    return key.rstrip(". 。").replace(" ", "")
