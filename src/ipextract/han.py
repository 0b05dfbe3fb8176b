"""What counts as a Han (Chinese) character, defined once for every rule in the package.

The blocks are CJK Unified Ideographs, Extension A and the Compatibility Ideographs. None has
case, so a test on them gives the same answer before and after lower-casing. Rare characters of
the supplementary planes (Extension B and later) are left out: the pages never use them as text,
and a converter's debris there should not count as Chinese.
"""

from __future__ import annotations

import re

HAN_RANGES: tuple[tuple[int, int], ...] = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
#: The ranges as the body of a regex character class: `f"[{HAN}]"`, `f"[{HAN}A-Za-z0-9]"`.
HAN = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)
HAN_CHAR = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    """Whether the one character `ch` is a Han character."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


def count_han(text: str) -> int:
    """How many Han characters `text` holds."""
    return len(HAN_CHAR.findall(text))
