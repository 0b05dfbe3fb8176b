"""Words and their part-of-speech tags for the metric finder: jieba over a trimmed dictionary.

The metric finder reads the words of the clause around a figure (`资助金额 | 总计 | 1.43亿元`).
jieba cuts them (`Tokenizer.cut` with the HMM off, so a word missing from the dictionary falls
apart into characters instead of being guessed) over `data/facts_dict.txt`: the common words of
jieba's own dict.txt plus the government-statistics terms of `data/facts_terms.txt`, which
`tools/build_segment_dictionary.py` merges. jieba's full dictionary would take the better part
of a second to load on every run for words the finder never meets.

The tags come from the same file, not from `jieba.posseg`: posseg tags by its own full
dictionary and an HMM, and gives other tags than those the finder's rules were written against.

jieba is imported and the dictionary loaded once per process, on the first paragraph that has a
fact to describe: a run that parses no figures never pays for them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..resources import data_file, data_lines, patterns

_P = patterns("segment")

if TYPE_CHECKING:
    import jieba

#: In ipextract/data; jieba's dictionary format, "word freq tag" a line.
DICTIONARY = "facts_dict.txt"


@dataclass(frozen=True)
class Segmenter:
    """jieba's cut, with each word tagged by the dictionary it was cut with."""

    tokenizer: jieba.Tokenizer
    tags: dict[str, str]

    def cut(self, text: str) -> list[str]:
        """The words of `text`: `资助金额总计1.43亿` -> 资助金额 总计 1 . 43 亿."""
        return list(self.tokenizer.cut(text, HMM=False))

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, tag) pairs: the dictionary's tag, else `m` for a number, `eng` for a Latin
        word and `x` for anything else (punctuation, spaces, characters jieba left alone)."""
        return [(word, self.tags[word] if word in self.tags else _tag_of_unknown(word)) for word in self.cut(text)]


def _tag_of_unknown(word: str) -> str:
    if _P.number.fullmatch(word):
        return "m"
    if _P.latin_or_digit.match(word):
        return "eng"
    return "x"


@cache
def segmenter() -> Segmenter:
    """The process-wide segmenter over the packaged dictionary, built on first use."""
    rows = (line.split(" ") for line in data_lines(DICTIONARY))
    return Segmenter(_tokenizer(), {word: tag for word, _, tag in rows})


def _tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer over the packaged dictionary that writes no cache file.

    `Tokenizer.initialize` would write its prefix dictionary to the user's temp folder (and log
    to stderr that it does); reading it back saves a few tens of milliseconds, not worth a file
    left behind by every process of a batch. So the prefix dictionary is built the way
    `initialize` builds it on a cache miss, with jieba's own `gen_pfdict`, and nothing is written.
    """
    with warnings.catch_warnings():
        # jieba imports pkg_resources, which recent setuptools flags as deprecated on import: a
        # warning about jieba's packaging that the user can do nothing about.
        warnings.simplefilter("ignore")
        import jieba

    tokenizer = jieba.Tokenizer(dictionary=str(data_file(DICTIONARY)))
    with data_file(DICTIONARY).open("rb") as lines:
        tokenizer.FREQ, tokenizer.total = jieba.Tokenizer.gen_pfdict(lines)
    tokenizer.initialized = True
    return tokenizer
