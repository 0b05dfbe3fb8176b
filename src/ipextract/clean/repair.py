"""Repairs inside a line: pinyin annotations from mirror sites, lost-character runs, spacing."""

from __future__ import annotations

import re
from collections import Counter

_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\s?\)")
_LOST = re.compile(r"(?<=[\u4e00-\u9fff])[?？]+(?=[\u4e00-\u9fff])")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def repair(line: str, removed: Counter[str], *, keep_pinyin: bool = False) -> str:
    if not keep_pinyin:
        line, n = _PINYIN.subn("", line)
        removed["pinyin_annotations"] += n
    line, n = _LOST.subn(" ", line)
    removed["lost_char_runs"] += n
    return _SPACES.sub(" ", line).strip()
