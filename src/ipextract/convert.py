"""Traditional -> Simplified with OpenCC plus reviewed corrections, and which script a text is in.

OpenCC's `t2s` leaves what it cannot decide without context (the particle 著 stays 著, where
Simplified writing has 着). The corrections are an ordinary OpenCC text dictionary chained after
t2s in a config shipped as package data (`data/opencc_t2s_corrections.json`), so OpenCC's own
longest-match rule applies them in the same pass; no second Python pass over the text.

Two tables in `data/` are built from OpenCC by the scripts in `tools/`: the trigger characters
(`convert_t2s_triggers.txt`, a text holding none converts to itself) and the script marks
(`convert_script_marks.txt`, characters written only in one script).
"""

from __future__ import annotations

import json
import re
import tempfile
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import opencc

from .han import HAN_CHAR
from .resources import data_lines, data_rows, data_text, patterns

_P = patterns("convert")

CONFIG = "opencc_t2s_corrections.json"
TRIGGERS = "convert_t2s_triggers.txt"
MARKS = "convert_script_marks.txt"

#: Share of script-marked characters in Traditional form from which a text is Traditional (and
#: in Simplified form from which it is Simplified); in between it is mixed.
_TRADITIONAL_SHARE = 0.9
#: Han characters read by detect_script: enough to judge a page, and a bound on a huge one.
_SAMPLE = 20000


@cache
def t2s() -> opencc.OpenCC:
    """OpenCC's t2s chained with the corrections dictionary, created once per process.

    OpenCC resolves dictionary files relative to the config file and its own share folder, never
    the package's data folder, so the config is written out with absolute paths; OpenCC reads
    every dictionary while it is constructed, after which the temporary files can go.
    """
    with tempfile.TemporaryDirectory(prefix="ipextract-opencc-") as tmp:
        return opencc.OpenCC(str(write_config(Path(tmp))))


def write_config(folder: Path) -> Path:
    """Write our t2s config to `folder` with every dictionary named by absolute path: OpenCC's
    own dictionaries in its share folder, our text dictionaries copied to `folder` without their
    comment lines (OpenCC's text format has none). Returns the config's path."""
    config = json.loads(data_text(CONFIG))
    for entry in dictionaries(config):
        name = entry["file"]
        if entry.get("type") == "text":
            (folder / name).write_text("\n".join(data_lines(name)) + "\n", encoding="utf-8")
            entry["file"] = str(folder / name)
        else:
            entry["file"] = str(opencc_share() / name)
    path = folder / CONFIG
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return path


def opencc_share() -> Path:
    """The folder of OpenCC's own dictionaries, inside its Python package."""
    return Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def dictionaries(node: Any) -> list[dict[str, Any]]:
    """Every dictionary entry (one naming a "file") of an OpenCC config, in the config's order."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if "file" in node:
            found.append(node)
        for value in node.values():
            found += dictionaries(value)
    elif isinstance(node, list):
        for value in node:
            found += dictionaries(value)
    return found


def to_simplified(text: str) -> str:
    """Convert `text` to Simplified Chinese (t2s plus the reviewed corrections).

    A text holding no trigger character converts to itself, so OpenCC is not called for it:
    most lines of a Simplified page hold none, and such a page never loads OpenCC at all.
    """
    if not _may_change(text):
        return text
    return t2s().convert(text)


def to_simplified_all(texts: list[str]) -> list[str]:
    """`[to_simplified(t) for t in texts]` in one OpenCC call.

    Texts without a trigger character stay as they are (see `to_simplified`); the others are
    joined by line breaks: no dictionary entry holds one, so no dictionary match can reach
    across and each text converts as it would alone. An ideographic description operator (⿰,
    U+2FF0..U+2FFF) would reach across: OpenCC copies an operator and its operands unconverted,
    and the operands are any characters, a line break and the next text included (`["a⿰", "國"]`
    would keep 國); texts holding one are converted one by one.
    """
    out = list(texts)
    todo = [i for i, t in enumerate(texts) if _may_change(t)]
    if not todo:
        return out
    joined = "\n".join(texts[i] for i in todo)
    converted: list[str] = []
    if len(todo) > 1 and joined.count("\n") == len(todo) - 1 and not _P.ids_operator.search(joined):
        converted = t2s().convert(joined).split("\n")  # (OpenCC keeps line breaks)
    if len(converted) != len(todo):  # one text, or texts with line breaks or description operators
        converted = [t2s().convert(texts[i]) for i in todo]
    for i, text in zip(todo, converted):
        out[i] = text
    return out


def _may_change(text: str) -> bool:
    """False when `text` converts to itself for certain: it holds no trigger character."""
    return _trigger().search(text) is not None


@cache
def _trigger() -> re.Pattern[str]:
    """A trigger character (tools/build_t2s_triggers.py proves the rule and writes the table),
    a surrogate or a character past U+FFFF.

    Surrogates count so that a text holding one still reaches OpenCC, whose binding cannot
    encode it and raises. Characters past U+FFFF all count instead of the few hundred the table
    lists: `re` tries the characters past U+FFFF of a class one by one, which would slow the
    search through every line; they are rare in text, and OpenCC converts them as it would.
    """
    listed = "".join(ch for ch in char_table(TRIGGERS)["triggers"] if ch <= "\uffff")
    return re.compile(f"[{re.escape(listed)}\ud800-\udfff\U00010000-\U0010ffff]")


def char_table(name: str) -> dict[str, str]:
    """A character table of `data/`: each row a name, a tab and the row's characters."""
    return {row[0]: row[1] for row in data_rows(name)}


def detect_script(text: str) -> str | None:
    """Script of `text`: "traditional", "simplified", "mixed", or None when it has no Han text.

    Only characters written differently in the two scripts say anything: count those t2s
    changes (Traditional-only forms, 國) against those s2t changes (Simplified-only forms, 国).
    Characters shared by both scripts (的, 中) are ignored, so a short title is judged as
    surely as a long article, and a Simplified page quoting a few Traditional words is mixed.
    The first 20,000 Han characters are read.
    """
    sample = text[: _SAMPLE * 4]
    if len(sample) > _SAMPLE:  # (a shorter text holds at most _SAMPLE Han characters)
        sample = _P.not_han.sub("", sample)[:_SAMPLE]
    if not HAN_CHAR.search(sample):
        return None
    traditional_only, simplified_only = _mark_patterns()
    traditional = len(traditional_only.findall(sample))
    # From 9 Simplified-only forms per Traditional one the text is Simplified whatever the rest:
    # counting stops there, so a long Simplified page is not counted to its end.
    enough = 9 * traditional + 1
    marked = traditional + sum(1 for _ in islice(simplified_only.finditer(sample), enough))
    if not marked:
        return "simplified"
    share = traditional / marked
    if share >= _TRADITIONAL_SHARE:
        return "traditional"
    if share <= 1 - _TRADITIONAL_SHARE:
        return "simplified"
    return "mixed"


@cache
def _mark_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One character class each for the Traditional-only and the Simplified-only forms."""
    marks = char_table(MARKS)
    return re.compile(f"[{marks['traditional']}]"), re.compile(f"[{marks['simplified']}]")
