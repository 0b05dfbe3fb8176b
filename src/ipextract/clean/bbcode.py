"""Forum markup (BBCode) in a text page: `[align=center][b]标题[/b][/align]…` -> lines of text.

Pages copied from a forum's editor keep its markup and often arrive as one long line: the
tags are not text, and a block tag's closing (`[/align]`, `[/p]`) is where a paragraph ended.
The tags come from `data/lines_bbcode_tags.tsv`. A page is read as BBCode only when it holds
several known tags, so a bracketed `[1]` note or one `[b]` typed in prose stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from ..resources import alternation, data_rows

#: Known tags a text must hold before its brackets are read as markup.
_MIN_TAGS = 3


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    return {name.lower(): role for name, role in data_rows("lines_bbcode_tags.tsv")}


@lru_cache(maxsize=1)
def _tag_re() -> re.Pattern[str]:
    names = alternation(_tags())
    # `=value` stops at a bracket or line end, so a stray `[` cannot make it scan the text.
    return re.compile(rf"\[(/?)({names})(?:=[^\[\]\n]{{0,80}})?\]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _drop_re() -> re.Pattern[str]:
    names = alternation(n for n, role in _tags().items() if role == "drop")
    return re.compile(rf"\[({names})(?:=[^\[\]\n]{{0,80}})?\][^\[\n]{{0,500}}\[/\1\]", re.IGNORECASE)


def unwrap(text: str) -> str:
    """`text` with BBCode tags removed and block ends turned into line breaks.

    Text without enough known tags is returned unchanged (the common case costs one search).
    """
    if "[" not in text:
        return text
    tag = _tag_re()
    if next(islice(tag.finditer(text), _MIN_TAGS - 1, None), None) is None:
        return text
    text = _drop_re().sub("", text)
    roles = _tags()

    def replace(m: re.Match[str]) -> str:
        role = roles.get(m.group(2).lower())
        # Opening and closing block tags both end what came before: an opening `[align]` right
        # after text starts a new paragraph just as its closing ends one.
        return "\n" if role == "block" else ""

    return tag.sub(replace, text)
