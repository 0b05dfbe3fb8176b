"""A jieba-compatible word segmenter over a small dictionary, for the metric finder.

jieba's full dictionary (349k words) takes ~0.85 s to load and `import jieba.posseg` another
~0.4 s, more than a whole `ipextract parse` of a page may cost. The metric finder only needs
words and their part of speech in the clause around a number, so this module runs jieba's own
algorithm — a DAG of dictionary words, the maximum-probability route by log frequency, and
Latin/digit runs joined (`jieba.Tokenizer.cut(HMM=False)`) — over a dictionary trimmed to the
common words of jieba's `dict.txt` plus the government-statistics terms in
`data/facts_terms.txt`, and tags each word with the tag that dictionary gives it.

The output is identical to `jieba.Tokenizer(dictionary=<the same file>).cut(s, HMM=False)`
(tests/test_facts.py checks it); `build_dictionary()` regenerates the trimmed file from an
installed jieba. Loading it takes a few tens of milliseconds, once per process, and only when a
paragraph has a fact to describe.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

DICTIONARY = "facts_dict.txt"  # in ipextract/data; format "word freq tag" like jieba's dict.txt
TERMS = "facts_terms.txt"  # government-statistics terms, same format, merged in at build time
PREDICATES = "facts_predicates.txt"  # words before a figure (达到, 高达), added as verbs if missing

_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")  # jieba's re_han_default
_SKIP = re.compile(r"(\r\n|\s)")
_ENG = re.compile("[a-zA-Z0-9]")
_DIGITS = re.compile(r"[0-9.,%]+")
_MAX_WORD = 16


class Segmenter:
    """Words and part-of-speech tags from a jieba-format dictionary."""

    def __init__(self, freq: dict[str, int], tags: dict[str, str]) -> None:
        """`freq` and `tags` are taken over, not copied (the dictionary is loaded once per process)."""
        self.log_total = math.log(sum(freq.values()) or 1)
        self.freq = freq if not freq or min(freq.values()) > 0 else {w: f for w, f in freq.items() if f > 0}
        self.tags = tags
        self.prefixes, longest = _prefixes(self.freq)
        self.max_len = min(_MAX_WORD, longest)
        #: word -> log(freq) - log_total, filled as words are met.
        self.log_prob: dict[str, float] = {}

    @classmethod
    def from_text(cls, text: str) -> Segmenter:
        """Parse "word freq tag" lines (jieba's dict.txt format; the tag may be missing)."""
        fields = text.split()
        lines = text.count("\n") + (not text.endswith("\n"))
        if len(fields) == 3 * lines and "\r" not in text:  # every line complete: the fast path
            words = fields[0::3]
            return cls(dict(zip(words, map(int, fields[1::3]))), dict(zip(words, fields[2::3])))
        freq: dict[str, int] = {}
        tags: dict[str, str] = {}
        for line in text.splitlines():
            parts = line.split(" ")
            if len(parts) >= 2 and parts[0] and parts[1].isdigit():
                freq[parts[0]] = int(parts[1])
                tags[parts[0]] = parts[2] if len(parts) > 2 else "x"
        return cls(freq, tags)

    def cut(self, text: str) -> Iterator[str]:
        """Words of `text`, as `jieba.Tokenizer.cut(text, HMM=False)` gives them."""
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                yield from self._cut_block(block)
            else:
                for piece in _SKIP.split(block):
                    if _SKIP.match(piece):
                        yield piece
                    else:
                        yield from piece

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, tag) pairs: the dictionary's tag, `m` for numbers, `eng` for Latin, `x` else."""
        out = []
        for word in self.cut(text):
            tag = self.tags.get(word)
            if tag is None:
                if _DIGITS.fullmatch(word):
                    tag = "m"
                elif _ENG.match(word):
                    tag = "eng"
                else:
                    tag = "x"
            out.append((word, tag))
        return out

    def _cut_block(self, s: str) -> Iterator[str]:
        n = len(s)
        freq, prefixes, log_prob, max_len = self.freq, self.prefixes, self.log_prob, self.max_len
        unknown = math.log(1) - self.log_total  # a character outside the dictionary
        # jieba's route as two lists: the best log probability from each position on, and where
        # its first word ends; a later end wins a tie, as jieba's max over (prob, end) pairs.
        probs = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            best = None
            end = i
            limit = min(n, i + max_len)
            j = i
            while j < limit:
                frag = s[i:j + 1]
                p = log_prob.get(frag)
                if p is None and frag in freq:
                    p = log_prob[frag] = math.log(freq[frag]) - self.log_total
                if p is not None:
                    cand = p + probs[j + 1]
                    if best is None or cand >= best:
                        best, end = cand, j
                if frag not in prefixes:
                    break
                j += 1
            if best is None:
                probs[i], ends[i] = unknown + probs[i + 1], i
            else:
                probs[i], ends[i] = best, end
        buf = ""
        i = 0
        while i < n:
            j = ends[i] + 1
            word = s[i:j]
            if len(word) == 1 and _ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            i = j
        if buf:
            yield buf


def _prefixes(words: Iterable[str]) -> tuple[frozenset[str], int]:
    """Every proper prefix of the words, so the word graph stops extending a fragment as soon as
    no word starts with it (jieba's prefix dictionary does the same), and the longest word's
    length (1 for none). Built length by length over the ever fewer longer words: most words
    have two characters."""
    longer = [w for w in words if len(w) > 1]
    if not longer:
        return frozenset(), 1
    out = {w[0] for w in longer}
    size = 2
    longer = [w for w in longer if len(w) > size]
    while longer:
        out.update([w[:size] for w in longer])
        size += 1
        longer = [w for w in longer if len(w) > size]
    return frozenset(out), size


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    """The process-wide segmenter over the packaged dictionary (loaded on first use)."""
    text = resources.files("ipextract").joinpath("data", DICTIONARY).read_text(encoding="utf-8")
    return Segmenter.from_text(text)


def build_dictionary(jieba_dict: Path, dest: Path, *, min_freq: int = 300, noun_freq: int = 30) -> int:
    """Write the trimmed dictionary: jieba's words with frequency >= `min_freq` (nouns from
    `noun_freq`, since metrics are nouns), every single character (so unknown words still split
    the way jieba splits them), our terms, and the predicate words the metric finder skips.

    Returns the number of entries. Run from a checkout with jieba installed:
    `python -c "from ipextract.facts.segment import build_dictionary as b; import jieba, pathlib;
    b(pathlib.Path(jieba.__file__).parent / 'dict.txt', pathlib.Path('src/ipextract/data/facts_dict.txt'))"`
    """
    keep: dict[str, str] = {}
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 3:
            continue
        floor = noun_freq if parts[2] in ("n", "vn", "nz", "j") else min_freq
        if len(parts[0]) == 1 or int(parts[1]) >= floor:
            keep[parts[0]] = line
    data = resources.files("ipextract").joinpath("data")
    for line in data.joinpath(TERMS).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            keep[line.split(" ")[0]] = line.strip()
    for line in data.joinpath(PREDICATES).read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#") and word not in keep:
            keep[word] = f"{word} 500 v"
    dest.write_text("\n".join(keep.values()) + "\n", encoding="utf-8")
    return len(keep)
