"""SEO spam injected into hacked and mirrored pages: template blocks, link farms, inline chains.

Spam is recognised by vocabulary (adult and gambling words in `data/spam_*.txt`) together with
shape: a run of short titles joined by `|`, `_` or commas, or a chain of words glued by ASCII
symbols inside a sentence (`*365体育滚球_365体育彩票-投注*官网@`). Vocabulary alone never
condemns a sentence: a news report on a gambling crackdown has the words but not the shape.
All functions take the t2s key of a line (see `keys.line_key`) unless they say otherwise.
"""

from __future__ import annotations

import re
from functools import cache

from ..convert import to_simplified
from ..han import HAN_CHAR
from ..resources import alternation, patterns
from . import vocab

_P = patterns("spam")

#: Share of a line's word characters covered by spam vocabulary that makes it spam outright.
_DENSITY = 0.15
#: A link farm has at least this many `|`/comma separated titles, each short.
_MIN_TITLES = 5
_MAX_TITLE_LEN = 28


def _strong() -> vocab.Vocabulary:
    return vocab.vocabulary("spam_strong.txt")


def _weak() -> vocab.Vocabulary:
    return vocab.vocabulary("spam_weak.txt")


@cache
def _any_spam_word() -> re.Pattern[str]:
    """Every template marker and strong spam word, ASCII-edged ones included, as one pattern.

    A line in whose lower-cased key this finds nothing holds no marker and no strong word, so
    `is_spam_line` says no without running the markers' and the strong words' own searches (most
    lines of a page are plain text).
    """
    return re.compile(alternation(vocab.words("spam_markers.txt") + vocab.words("spam_strong.txt")))


def has_marker(key: str) -> bool:
    """The line opens an SEO template block (`主站蜘蛛池模板: …`), not a sentence about one."""
    if not vocab.vocabulary("spam_markers.txt").search(key):
        return False
    return not _P.sentence_end.search(key) or bool(_strong().find(key))


def continues_template(key: str) -> bool:
    """A line after a template marker that still reads as its list of titles: `|`-separated
    titles, or spam words (the block's titles are adult and gambling links)."""
    if _P.sentence_end.search(key):
        return False
    if len([p for p in _P.segment_split.split(key) if p.strip()]) >= 2:
        return True
    return bool(_strong().find(key)) or len(_weak().find(key)) >= 2


def is_spam_line(key: str) -> bool:
    """A whole line of spam: a template marker, a link farm of spam titles, or dense vocabulary."""
    if not key or not _any_spam_word().search(key.lower()):
        return False  # no marker (has_marker) and no strong word: neither way to spam is open
    if has_marker(key):
        return True
    strong = _strong().find(key)
    if not strong:
        return False
    weak = _weak().find(key)
    letters = len(_P.wordish.findall(key)) or 1
    covered = sum(map(len, strong)) + 0.5 * sum(map(len, weak))
    if len(strong) >= 2 and covered / letters >= _DENSITY:
        return True
    return _is_title_run(key)


def _is_title_run(key: str) -> bool:
    """Many short titles separated by `|` (or `_`, commas), a good share of them spam words."""
    parts = [p.strip() for p in _P.segment_split.split(key)]
    if len(parts) < _MIN_TITLES:
        parts = [p.strip() for p in _P.title_split.split(key)]
    parts = [p for p in parts if p]
    if len(parts) < _MIN_TITLES or _P.sentence_end.search(key):
        return False
    lengths = sorted(len(p) for p in parts)
    if lengths[len(lengths) // 2] > _MAX_TITLE_LEN:
        return False
    spammy = sum(1 for p in parts if _strong().search(p) or _weak().search(p))
    return spammy * 3 >= len(parts)


def is_spam_chain(text: str) -> bool:
    """A symbol-glued word chain carries spam vocabulary: one strong word and another hit."""
    return _spam_chain_key(to_simplified(text))


def _spam_chain_key(key: str) -> bool:
    if not _P.letters.search(key):
        return False
    strong = len(_strong().find(key))
    weak = len(_weak().find(key)) if strong or HAN_CHAR.search(key) else 0
    return (strong >= 1 and strong + weak >= 2) or weak >= 3


def remove_inline_spam(text: str, key: str | None = None) -> tuple[str, list[str]]:
    """Cut spam chains injected inside a sentence; returns the text and the chains cut.

    `key` is the t2s form of `text` (`keys.KeyedLine.key`); chains are found in it and cut from
    `text` at the same offsets.
    """
    symbols = any(sym in text for sym in "*＊_@#~|-")
    brands = _P.brand_mark.search(text) is not None
    if not symbols and not brands:
        return text, []
    if key is None or len(key) != len(text):
        key = to_simplified(text)
        if len(key) != len(text):
            key = text
    if brands:
        text, key, cut = _without_brands(text, key)
        if not symbols:
            return text, cut
    else:
        cut = []
    pieces: list[str] = []
    last = 0
    for m in _P.inline_chain.finditer(key):
        if _spam_chain_key(m.group(0)):
            pieces.append(text[last : m.start()])
            cut.append(text[m.start() : m.end()])
            last = m.end()
    if last == 0:
        return text, cut
    pieces.append(text[last:])
    return "".join(pieces), cut


@cache
def _brand_injection() -> re.Pattern[str]:
    """A brand token followed by spam words and a colon, injected into a sentence: `bet36体育在线:`.

    Only the weak words may follow (体育, 在线, 官网, 娱乐 …), two of them or one and a colon: a
    brand alone (`G20`, `5G`) or before ordinary words (`AB12体育公园`) is left alone.
    """
    weak = alternation(vocab.words("spam_weak.txt"))
    brand = r"(?<![A-Za-z0-9])(?:[A-Za-z]{2,8}\d{2,4}|\d{2,4}[A-Za-z]{2,8})"
    # One spam word needs the colon that splices the chain into the sentence; two do not.
    return re.compile(rf"{brand}(?:(?:{weak}){{2,3}}[:：]?|(?:{weak})[:：])", re.IGNORECASE)


def _without_brands(text: str, key: str) -> tuple[str, str, list[str]]:
    """`text` and `key` without brand injections, and the pieces cut (same offsets in both)."""
    found = list(_brand_injection().finditer(key))
    if not found:
        return text, key, []
    cut = [text[m.start() : m.end()] for m in found]
    for m in reversed(found):
        text = text[: m.start()] + text[m.end() :]
        key = key[: m.start()] + key[m.end() :]
    return text, key, cut
