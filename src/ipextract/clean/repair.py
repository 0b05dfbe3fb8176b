"""Repairs inside a line: pinyin annotations from mirror sites, lost-character runs, spacing.

Mirror sites gloss characters with their reading, `發(fā)展`. An annotation is removed only when
pypinyin lists it as a reading of the character before it, so `GDP(gdp)`, `好(ok)` and English
in parentheses survive. A converter that could not encode a character writes `?`; two or more
between Han characters stand for lost characters (often an ideographic space) and become one
space, as do ASCII `??` runs glued to Latin words and numbers (a lost no-break space or `‰`),
while a single `?` is left alone because it is far more often a real question mark.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

from ..han import HAN_CHAR
from ..resources import patterns

_P = patterns("repair")

#: Annotations confirmed on Han characters in a line before a letter-glued one is trusted: a
#: mirror's GBK debris sometimes leaves `…貦C(jī)`, the reading glued to a stray letter.
_MIRROR_EVIDENCE = 2


def repair(line: str, removed: Counter[str], *, keep_pinyin: bool = False) -> str:
    """Repair one line and count what was removed; idempotent, so running it twice is harmless."""
    if not line:
        return line
    # Every invisible character is non-printable, so a printable line (most are) holds none.
    if not line.isprintable():
        line, n = _P.invisible.subn("", line)
        removed["invisible_chars"] += n
    if not keep_pinyin and "(" in line:
        line, n = remove_pinyin(line)
        removed["pinyin_annotations"] += n
    if "?" in line or "？" in line:
        line, n = _P.lost_leading.subn("", line)
        line, m = _P.lost_inner.subn(" ", line)
        line, k = _P.lost_by_words.subn(" ", line)
        removed["lost_char_runs"] += n + m + k
    return fold_spaces(line)


def count_invisible(text: str) -> int:
    """How many of the characters `repair` removes as invisible the text holds."""
    return len(_P.invisible.findall(text)) if _P.invisible.search(text) else 0


def fold_spaces(line: str) -> str:
    r"""NBSP, U+3000, tabs and runs of spaces -> one ASCII space; trimmed.

    str.split() splits at exactly the characters `\s` matches (str.isspace).
    """
    return " ".join(line.split())


def remove_pinyin(line: str) -> tuple[str, int]:
    """`line` without the pinyin annotations pypinyin confirms, and how many were removed."""
    matches = list(_P.annotation.finditer(line))
    cut = _cut_gloss(line)
    if cut:
        line, matches = line[:cut], [m for m in matches if m.end() <= cut]
    if not matches:
        return line, int(bool(cut))
    confirmed = _confirmed(line, matches)
    evidence = sum(confirmed) >= _MIRROR_EVIDENCE
    pieces: list[str] = []
    keep_from = 0
    removed = 0
    for m, ok in zip(matches, confirmed):
        if ok or (evidence and _letter_glued(line, m)):
            pieces.append(line[keep_from : m.start()])
            keep_from = m.end()
            removed += 1
    pieces.append(line[keep_from:])
    return "".join(pieces), removed + int(bool(cut))


def _cut_gloss(line: str) -> int:
    """Where a gloss cut off by the end of the text starts (`出生率(l`), else 0.

    Only the start of a reading of the character before it counts, so `(a` stays.
    """
    m = _P.cut_annotation.search(line)
    if not m or m.start() == 0 or not HAN_CHAR.match(line[m.start() - 1]):
        return 0
    part = _normal_syllable(m.group(1))
    return m.start() if any(r.startswith(part) for r in readings(line[m.start() - 1])) else 0


def _confirmed(line: str, matches: list[re.Match[str]]) -> list[bool]:
    """Which annotations pypinyin confirms; a repeat glued to a confirmed one counts too.

    Mirrors sometimes gloss a character two or three times (`口(kou)(kou)`): the repeat follows
    `)`, not the character, so it is judged by the annotation it repeats. Left in place it would
    surface as a fresh gloss once the first is removed, and a second pass would change the text.
    """
    out: list[bool] = []
    for i, m in enumerate(matches):
        prev = matches[i - 1] if i else None
        if prev is not None and out[-1] and prev.end() == m.start() and prev.group(1) == m.group(1):
            out.append(True)
        else:
            out.append(_confirms(line, m))
    return out


def _confirms(line: str, m: re.Match[str]) -> bool:
    """The annotation follows a Han character and is one of its readings."""
    return m.start() > 0 and is_reading(line[m.start() - 1], m.group(1))


@lru_cache(maxsize=65536)
def is_reading(ch: str, syllable: str) -> bool:
    """pypinyin lists `syllable` (tone-marked or tone-less) as a reading of Han character `ch`."""
    if not HAN_CHAR.match(ch):
        return False
    if "?" in syllable:
        return _lost_tone_reading(ch, syllable)
    return _normal_syllable(syllable) in readings(ch)


def _lost_tone_reading(ch: str, syllable: str) -> bool:
    """A reading of `ch` whose tone-marked letters a Big5 mirror wrote as `?` or `??`.

    Big5 has no tone-marked letters, so a glossed page re-encoded as Big5 turns `(xiàng)` into
    `(xi??ng)`. Only a syllable that keeps a letter counts: a bare `(??)` is lost text, not a gloss.
    """
    if not any(c.isascii() and c.isalpha() for c in syllable):
        return False
    lost = _P.lost_letter.sub("?", syllable.strip().lower())
    return any(_P.lost_letter.sub("?", _P.toned.sub("?", r)) == lost for r in readings(ch))


def _letter_glued(line: str, m: re.Match[str]) -> bool:
    """A tone-marked syllable glued to a letter that is glued to Han text (mirror debris)."""
    if m.start() < 2 or not _P.toned.search(m.group(1)):
        return False
    return (
        line[m.start() - 1].isascii() and line[m.start() - 1].isalpha() and bool(HAN_CHAR.match(line[m.start() - 2]))
    )


def _normal_syllable(s: str) -> str:
    # Typed glosses write ü as v (`率(lv)`), as pinyin keyboards do.
    return unicodedata.normalize("NFC", s.strip().lower().replace("v", "ü"))


@cache
def readings(ch: str) -> frozenset[str]:
    """Readings of one character per pypinyin, tone-marked and tone-less (`fā`, `fa`)."""
    listed = _pinyin_dict().get(ord(ch))
    if not listed:
        return frozenset()
    out: set[str] = set()
    for r in listed.split(","):
        r = _normal_syllable(r)
        out.add(r)
        out.add(_strip_tone(r))
    return frozenset(out)


def _strip_tone(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=1)
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's single-character dictionary (code point -> "fā,bō").

    Read from the JSON table pypinyin ships rather than by importing pypinyin, whose package
    init loads its phrase dictionary, which a reading check does not need (it would make every
    cold start of the CLI slower). Falls back to the module when the table is not where this
    pypinyin keeps it.
    """
    spec = importlib.util.find_spec("pypinyin")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "pinyin_dict.json"
        if path.is_file():
            raw = json.loads(path.read_text(encoding="utf-8"))
            return {int(k): v for k, v in raw.items()}
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)
