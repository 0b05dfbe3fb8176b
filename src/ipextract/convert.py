"""Traditional -> Simplified with OpenCC, created once per process, plus reviewed corrections.

OpenCC's `t2s` leaves what it cannot decide without context (the particle 著 stays 著, where
Simplified writing has 着). The corrections are an ordinary OpenCC text dictionary chained after
t2s in a config shipped as package data (`data/opencc_t2s_corrections.json`), so OpenCC's own
longest-match rule applies them at OpenCC speed; no per-document Python pass over the text.
"""

from __future__ import annotations

import json
import re
import tempfile
from functools import lru_cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import opencc

_CONFIG = "opencc_t2s_corrections.json"
#: `X+` written `XX*`: opening with a character class lets `re` skip ahead to a candidate character.
_NOT_HAN = re.compile("[^\u4e00-\u9fff][^\u4e00-\u9fff]*")
#: OpenCC copies an ideographic description sequence (an operator and its operands) unconverted.
_IDS_OPERATOR = re.compile("[\u2ff0-\u2fff]")
#: Share of script-marked characters in Traditional form from which a text is Traditional (and
#: in Simplified form from which it is Simplified); in between it is mixed.
_TRADITIONAL_SHARE = 0.9
_SAMPLE = 20000


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    """t2s chained with the corrections dictionary.

    OpenCC resolves dictionary files relative to the config file and its own share folder, never
    the package's data folder, so the config is written out once with absolute paths; OpenCC
    reads every dictionary while it is constructed, after which the temporary files can go.
    """
    data = resources.files("ipextract").joinpath("data")
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = json.loads(data.joinpath(_CONFIG).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="ipextract-opencc-") as tmp:
        folder = Path(tmp)

        def place(entry: dict[str, Any]) -> None:
            name = entry["file"]
            if entry.get("type") == "text":
                table = data.joinpath(name).read_text(encoding="utf-8")
                rows = [r for r in table.splitlines() if r.strip() and not r.startswith("#")]
                (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
                entry["file"] = str(folder / name)
            else:
                entry["file"] = str(share / name)

        _walk_dicts(config, place)
        path = folder / _CONFIG
        path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(path))


def _walk_dicts(node: Any, visit: Any) -> None:
    """Call `visit` on every dictionary entry (one with a "file") of an OpenCC config."""
    if isinstance(node, dict):
        if "file" in node:
            visit(node)
        for value in node.values():
            _walk_dicts(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk_dicts(value, visit)


def to_simplified(text: str) -> str:
    """Convert `text` to Simplified Chinese (t2s plus the reviewed corrections)."""
    if not text:
        return text
    return _converter().convert(text)


def to_simplified_all(texts: list[str]) -> list[str]:
    """`[to_simplified(t) for t in texts]` in one OpenCC call.

    The texts are joined by line breaks: no dictionary entry holds one, so no dictionary match
    can reach across and each text converts as it would alone. An ideographic description
    operator (⿰, U+2FF0..U+2FFF) would reach across: OpenCC copies an operator and its operands
    unconverted, and the operands are any characters, a line break and the next text included
    (`["a⿰", "國"]` would keep 國); texts holding one are converted one by one.
    """
    if len(texts) < 2 or any("\n" in t for t in texts):
        return [to_simplified(t) for t in texts]
    joined = "\n".join(texts)
    if _IDS_OPERATOR.search(joined):
        return [to_simplified(t) for t in texts]
    out = _converter().convert(joined).split("\n")
    if len(out) != len(texts):  # never expected: OpenCC keeps line breaks
        return [to_simplified(t) for t in texts]
    return out


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    """s2t over single characters only, used to tell which characters are Simplified-only forms
    (when the mark table is built: `script_marks`).

    Only OpenCC's character table is loaded (plus its normalisation step): the stock `s2t`
    config also loads a 0.9 MB phrase table, ~65 ms of start-up that a single character never
    needs — on every character of U+4E00..U+9FFF both give the same first character
    (tests/test_convert.py checks it).
    """
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = {
        "name": "s2t characters",
        "normalization": [{"dict": {"type": "ocd2", "file": str(share / "CJK_Compatibility_Ideographs.ocd2")}}],
        "conversion_chain": [{"dict": {"type": "ocd2", "file": str(share / "STCharacters.ocd2")}}],
    }
    with tempfile.TemporaryDirectory(prefix="ipextract-opencc-") as tmp:
        path = Path(tmp) / "s2t_characters.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        return opencc.OpenCC(str(path))


#: The file of script-marked characters (see `build_script_marks`).
_MARKS_FILE = "convert_script_marks.txt"
#: The characters whose marks are shipped: the CJK Unified Ideographs block that detect_script reads.
_MARKED_RANGE = (0x4E00, 0xA000)
_HAN_CHAR = re.compile("[\u4e00-\u9fff]")


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
        sample = _NOT_HAN.sub("", sample)[:_SAMPLE]  # one string: no object per character
    if not _HAN_CHAR.search(sample):
        return None
    traditional_only, simplified_only = _mark_patterns()
    traditional = len(traditional_only.findall(sample))
    # With 9 Simplified-only forms per Traditional one the share is at most 0.1: counting stops
    # one past that (on a Simplified page a count would make an object per common character).
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


@lru_cache(maxsize=1)
def _mark_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One character class each for the Traditional-only and the Simplified-only forms.

    Read from package data rather than derived from OpenCC per process: deriving them converts
    all 20,992 characters both ways (about 40 ms); counting a text's marks is then one C-level
    scan instead of a count of every character.
    """
    traditional, simplified = _read_marks(resources.files("ipextract").joinpath("data", _MARKS_FILE).read_text("utf-8"))
    return re.compile(f"[{traditional}]"), re.compile(f"[{simplified}]")


def _read_marks(table: str) -> tuple[str, str]:
    rows = dict(line.split("\t", 1) for line in table.splitlines() if line and not line.startswith("#"))
    return rows["traditional"], rows["simplified"]


def script_marks() -> tuple[str, str]:
    """The Traditional-only and the Simplified-only characters of U+4E00..U+9FFF, from OpenCC.

    A character is Traditional-only when t2s (with the corrections) changes it and s2t does not,
    Simplified-only when s2t changes it and t2s does not; characters both change (or neither)
    say nothing about the script. `tests/test_convert.py` checks the shipped table against this.
    """
    chars = [chr(c) for c in range(*_MARKED_RANGE)]
    t2s = _convert_each(_converter(), chars)
    s2t = _convert_each(_to_traditional(), chars)
    traditional = "".join(ch for ch, a, b in zip(chars, t2s, s2t) if a != ch and b == ch)
    simplified = "".join(ch for ch, a, b in zip(chars, t2s, s2t) if b != ch and a == ch)
    return traditional, simplified


def build_script_marks(dest: Path) -> None:
    """Write the mark table shipped as `data/convert_script_marks.txt`. Run from a checkout after
    changing OpenCC's version or the corrections:
    `python -c "from ipextract.convert import build_script_marks as b; import pathlib;
    b(pathlib.Path('src/ipextract/data/convert_script_marks.txt'))"`
    """
    traditional, simplified = script_marks()
    dest.write_text(
        f"# detect_script's marks, from OpenCC {opencc.__version__} t2s (with the corrections) and s2t\n"
        f"# over U+4E00..U+9FFF; regenerate with convert.build_script_marks\n"
        f"traditional\t{traditional}\nsimplified\t{simplified}\n",
        encoding="utf-8",
    )


def _convert_each(cc: opencc.OpenCC, chars: list[str]) -> list[str]:
    """Each character converted on its own (one call; a line break keeps phrases apart)."""
    out = cc.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # never expected: OpenCC keeps line breaks
        out = [cc.convert(ch) for ch in chars]
    return [o[:1] if o else o for o in out]
