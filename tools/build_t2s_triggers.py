"""Build `data/convert_t2s_triggers.txt`: characters without which a text converts to itself.

`convert.to_simplified` returns a text holding none of these characters as it is, without
calling OpenCC. Built from the dictionaries of our t2s config (`convert.write_config`: OpenCC's
normalisation and t2s dictionaries of the installed OpenCC, then `data/opencc_corrections.tsv`),
their keys read with `marisa_trie` (the `tools` extra) and their values taken from OpenCC.

Rerun it after upgrading OpenCC or editing the corrections or the config, from a checkout
installed with `pip install -e '.[tools]'`:

    python tools/build_t2s_triggers.py

It writes the package's data file in place (or the path given as its argument).
`tests/test_convert_skip.py` checks that the shipped file is what this builds, and checks the
rule below against OpenCC itself: every code point, every corpus line, generated strings.

Why a text without triggers converts to itself
----------------------------------------------
OpenCC (1.4) converts in stages: the normalisation dictionary, then our chain (the group of
TSPhrases, TSCharactersExt and TSCharacters, then the corrections, which read the group's
output). Our config has no segmentation, so each stage reads the whole text (with one, each
segment would convert alone and all below would hold per segment). At each position a stage
takes the longest key of its dictionary that starts there (for the short-circuit group: the
longest key of the first dictionary with any key there) and writes that key's first value, or
copies the character (or a whole ideographic description sequence) when no key starts there.
Keys and text are matched by whole characters (code points, as Python's str counts them).

So a stage can change a text only where one of its keys whose first value differs from the key
occurs in it: a "changing key". The triggers are every one-character changing key, plus one
character of every longer changing key (one that is a trigger already, else the rarest of its
characters: `data/decode_common_han.txt` ranks the common ones). A text without triggers holds
no changing key of any stage, so the first stage copies it unchanged, the next reads that same
text, and so on to the end. Keys whose value is the key itself (著名 in the corrections) change
nothing wherever they match. A character chosen for a longer key that other triggers already
cover (函 of 函覆, once 覆 is a trigger for 反覆) is dropped.

The changing keys are taken per dictionary, not from the whole conversion of each character: a
character one stage changes and a later stage changes back converts to itself alone, yet could
feed a later stage's longer key. (On OpenCC 1.4.2 both give the same 5,120 single characters.)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import marisa_trie
import opencc
from table_file import write_table

from ipextract.convert import TRIGGERS, dictionaries, write_config
from ipextract.resources import data_lines

#: What an OpenCC .ocd2 dictionary holds before its marisa trie of keys.
OCD2_HEADER = b"OPENCC_MARISA_0.2.5"


def changing_keys() -> set[str]:
    """Every key, of every dictionary of our t2s config, whose first value differs from it."""
    changing: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="ipextract-opencc-") as tmp:
        folder = Path(tmp)
        config = json.loads(write_config(folder).read_text(encoding="utf-8"))
        for n, entry in enumerate(dictionaries(config)):
            keys = _keys(Path(entry["file"]), entry.get("type"))
            alone = folder / f"alone-{n}.json"
            alone.write_text(json.dumps({"name": "one dictionary", "conversion_chain": [{"dict": entry}]},
                                        ensure_ascii=False), encoding="utf-8")
            # Keys joined by line breaks (no key holds one): each matches itself whole, as the
            # longest key there, so its output is its first value.
            values = opencc.OpenCC(str(alone)).convert("\n".join(keys)).split("\n")
            if len(values) != len(keys):
                raise ValueError(f"{entry['file']}: a key holds a line break")
            changing.update(key for key, value in zip(keys, values) if value != key)
    return changing


def _keys(path: Path, kind: str | None) -> list[str]:
    """The keys of one dictionary file: a text dictionary's first column, or an .ocd2 trie's."""
    if kind == "text":
        return [row.split("\t", 1)[0] for row in path.read_text(encoding="utf-8").splitlines()]
    data = path.read_bytes()
    if not data.startswith(OCD2_HEADER):
        raise ValueError(f"{path}: not an OpenCC marisa dictionary")
    return marisa_trie.Trie().frombytes(data[len(OCD2_HEADER):]).keys()


def triggers(changing: set[str]) -> str:
    """The trigger characters, sorted, for the given changing keys (see the module's proof)."""
    singles = {key for key in changing if len(key) == 1}
    longer = sorted(key for key in changing if len(key) > 1)
    rank = _commonness()

    def commonness(ch: str) -> tuple[int, int]:
        return (rank.get(ch, -1), ord(ch))

    chosen: set[str] = set()
    for key in longer:
        if singles.isdisjoint(key) and chosen.isdisjoint(key):
            chosen.add(min(key, key=commonness))
    for ch in sorted(chosen, key=commonness, reverse=True):  # the commonest first
        others = singles | chosen - {ch}
        if all(not others.isdisjoint(key) for key in longer if ch in key):
            chosen.discard(ch)
    return "".join(sorted(singles | chosen))


def _commonness() -> dict[str, int]:
    """Rank of the 1,500 commonest Simplified characters (1,499 = the commonest)."""
    han = [ch for line in data_lines("decode_common_han.txt") for ch in line if not ch.isspace()]
    return {ch: 1499 - i for i, ch in enumerate(han[:1500])}


def build() -> str:
    """The text of the trigger table."""
    return (
        f"# Characters that can make OpenCC {opencc.__version__} t2s (with the corrections) change a text: a\n"
        f"# text holding none converts to itself. Every one-character key of the config's dictionaries\n"
        f"# that converts to something else, plus one character of every longer such key. Written by\n"
        f"# tools/build_t2s_triggers.py, which holds the proof.\n"
        f"triggers\t{triggers(changing_keys())}\n"
    )


def main(argv: list[str]) -> None:
    print(f"{write_table(argv, TRIGGERS, build())}: written")


if __name__ == "__main__":
    main(sys.argv[1:])
