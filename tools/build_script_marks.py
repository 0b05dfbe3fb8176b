"""Build `data/convert_script_marks.txt`, the characters `convert.detect_script` counts.

Built from the installed OpenCC: over the CJK Unified Ideographs block (U+4E00..U+9FFF, where
the two scripts differ in running text), a character is a Traditional-only form when our t2s
(OpenCC's t2s with the corrections, `convert.t2s`) changes it and OpenCC's stock s2t does not
(國), a Simplified-only form when s2t changes it and t2s does not (国). A character both change,
or neither, says nothing about the script (的, 中).

Rerun it after upgrading OpenCC or editing `data/opencc_corrections.tsv`, from a checkout
installed with `pip install -e .`, and then rerun tools/build_t2s_triggers.py:

    python tools/build_script_marks.py

It writes the package's data file in place (or the path given as its argument).
`tests/test_convert.py` checks that the shipped file is what this builds.
"""

from __future__ import annotations

import sys

import opencc
from table_file import write_table

from ipextract.convert import MARKS, t2s

#: The block whose marks are shipped.
BLOCK = range(0x4E00, 0xA000)


def script_marks() -> tuple[str, str]:
    """The Traditional-only and the Simplified-only characters of the block."""
    chars = [chr(c) for c in BLOCK]
    simplified = _first_chars(t2s(), chars)
    traditional = _first_chars(opencc.OpenCC("s2t"), chars)
    return (
        "".join(ch for ch, s, t in zip(chars, simplified, traditional) if s != ch and t == ch),
        "".join(ch for ch, s, t in zip(chars, simplified, traditional) if t != ch and s == ch),
    )


def _first_chars(converter: opencc.OpenCC, chars: list[str]) -> list[str]:
    """What each character alone converts to (its first character): one call, the characters a
    line break apart, which no dictionary entry reaches across."""
    out = converter.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):
        raise ValueError("OpenCC did not keep the line breaks between characters")
    return [o[:1] for o in out]


def build() -> str:
    """The text of the mark table."""
    traditional, simplified = script_marks()
    return (
        f"# detect_script's marks, from OpenCC {opencc.__version__} t2s (with the corrections) and s2t\n"
        f"# over U+4E00..U+9FFF; written by tools/build_script_marks.py\n"
        f"traditional\t{traditional}\nsimplified\t{simplified}\n"
    )


def main(argv: list[str]) -> None:
    print(f"{write_table(argv, MARKS, build())}: written")


if __name__ == "__main__":
    main(sys.argv[1:])
