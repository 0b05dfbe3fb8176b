"""Build `data/facts_dict.txt`, the dictionary jieba cuts the facts' clauses with.

Built from the installed jieba's own `dict.txt` and two files of ours:

* jieba's words with a frequency of at least 300, nouns from 30 (a metric is a noun phrase,
  so rarer nouns still matter), and every single character, so that a word left out still
  splits the way jieba splits it;
* `data/facts_terms.txt`: government-statistics terms (规上工业, 增加值), in jieba's format; a
  term replaces jieba's line for the same word, so this is also where a word is retagged;
* `data/facts_predicates.txt`: the words between a subject and its figure (达到, 同比增长),
  added as verbs when jieba does not have them.

Rerun it after editing either file or upgrading jieba, from a checkout installed with
`pip install -e .`:

    python tools/build_segment_dictionary.py

It writes the package's data file in place (or the path given as its argument).
`tests/test_facts.py` checks that the shipped file is what this builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jieba
from table_file import write_table

from ipextract.resources import data_lines

DICTIONARY = "facts_dict.txt"
MIN_FREQ = 300
NOUN_FREQ = 30
NOUN_TAGS = ("n", "vn", "nz", "j")


def jieba_dictionary() -> Path:
    """The full dictionary shipped inside the installed jieba."""
    return Path(jieba.__file__).parent / "dict.txt"


def build(source: Path) -> str:
    """The text of the trimmed dictionary made from jieba's `source` and our two word lists."""
    keep: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 3:
            continue
        floor = NOUN_FREQ if parts[2] in NOUN_TAGS else MIN_FREQ
        if len(parts[0]) == 1 or int(parts[1]) >= floor:
            keep[parts[0]] = line
    for line in data_lines("facts_terms.txt"):
        keep[line.split(" ")[0]] = line
    for word in data_lines("facts_predicates.txt"):
        keep.setdefault(word, f"{word} 500 v")
    return "\n".join(keep.values()) + "\n"


def main(argv: list[str]) -> None:
    text = build(jieba_dictionary())
    print(f"{write_table(argv, DICTIONARY, text)}: {text.count(chr(10))} words")


if __name__ == "__main__":
    main(sys.argv[1:])
