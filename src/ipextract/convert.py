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
    with tempfile.TemporaryDirectory(prefix="ipextract-opencc-") as tmp:
        folder = Path(tmp)
        config = _placed_config(folder)
        path = folder / _CONFIG
        path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(path))


def _placed_config(folder: Path) -> dict[str, Any]:
    """Our t2s config with every dictionary named by absolute path: OpenCC's own dictionaries in
    its share folder, our text dictionaries written to `folder` without their comment lines."""
    share = _opencc_share()
    config = json.loads(_data_text(_CONFIG))

    def place(entry: dict[str, Any]) -> None:
        name = entry["file"]
        if entry.get("type") == "text":
            rows = [r for r in _data_text(name).splitlines() if r.strip() and not r.startswith("#")]
            (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
            entry["file"] = str(folder / name)
        else:
            entry["file"] = str(share / name)

    _walk_dicts(config, place)
    return config


def _opencc_share() -> Path:
    """The folder of OpenCC's own dictionaries, inside its Python package."""
    return Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def _data_text(name: str) -> str:
    """A file of the package's data folder."""
    return resources.files("ipextract").joinpath("data", name).read_text(encoding="utf-8")


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
    """Convert `text` to Simplified Chinese (t2s plus the reviewed corrections).

    A text without a trigger character (`_may_change`) is returned as it is without calling
    OpenCC: it provably converts to itself, and most lines of a Simplified page have none.
    """
    if not text or not _may_change(text):
        return text
    return _converter().convert(text)


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
    todo = [i for i, t in enumerate(texts) if t and _may_change(t)]
    if not todo:
        return out
    joined = "\n".join(texts[i] for i in todo)
    converted: list[str] = []
    if len(todo) > 1 and joined.count("\n") == len(todo) - 1 and not _IDS_OPERATOR.search(joined):
        converted = _converter().convert(joined).split("\n")  # (OpenCC keeps line breaks)
    if len(converted) != len(todo):  # one text, or texts with line breaks or description operators
        converted = [_converter().convert(texts[i]) for i in todo]
    for i, text in zip(todo, converted):
        out[i] = text
    return out


#: The file of t2s trigger characters (see `build_t2s_triggers`).
_TRIGGERS_FILE = "convert_t2s_triggers.txt"
#: Characters `_may_change` reads before it compiles the trigger regex (see there).
_COLD_CHECKS = 100_000
_cold_checked = 0


def _may_change(text: str) -> bool:
    """False when `text` provably converts to itself: it holds no trigger character.

    The triggers are the shipped table's (the proof is `build_t2s_triggers`'s) up to U+FFFF,
    every character past it (rare in text; OpenCC converts them as before) and every surrogate,
    which OpenCC's binding cannot encode (a text holding one still raises as before).

    One regex character class finds them at ~4 ns a character, but compiling it takes 40 M
    instructions (3 ms, 2 % of a cold `ipextract parse`), so a run first reads 100,000
    characters (40 pages or so) the cold way, then compiles it: a run never pays much more
    than the better of the two. The cold way: once OpenCC is loaded (a Traditional page) it
    converts every text, as it did before this shortcut; until then `_has_trigger_cold` decides.
    """
    global _cold_checked
    if _cold_checked >= _COLD_CHECKS:
        return _trigger_regex().search(text) is not None
    _cold_checked += len(text)
    return _converter.cache_info().currsize > 0 or _has_trigger_cold(text)


def _has_trigger_cold(text: str) -> bool:
    """`_trigger_regex().search(text) is not None` without its compile: the Traditional-only
    forms by detect_script's pattern (compiled for every page anyway), the 672 other triggers
    up to U+FFFF by a set (~27 ns a character, ~1 M instructions to build)."""
    return (_mark_patterns()[0].search(text) is not None or not _trigger_set().isdisjoint(text)
            or _past_bmp().search(text) is not None)


@lru_cache(maxsize=1)
def _past_bmp() -> re.Pattern[str]:
    """Surrogates and characters past U+FFFF. (A character past U+FFFF in the trigger class
    would make `re` test each of them in turn at every position, a hundred times slower: they
    are this range instead.)"""
    return re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _trigger_set() -> frozenset[str]:
    return frozenset(_past_bmp().sub("", _shipped_triggers()[1]))


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern[str]:
    marked, other = _shipped_triggers()
    return re.compile(f"[{re.escape(marked + _past_bmp().sub('', other))}{_past_bmp().pattern[1:-1]}]")


def _shipped_triggers() -> tuple[str, str]:
    return _read_triggers(_data_text(_TRIGGERS_FILE))


def _read_triggers(table: str) -> tuple[str, str]:
    """The triggers that are detect_script's Traditional-only forms, and the others."""
    rows = dict(line.split("\t", 1) for line in table.splitlines() if line and not line.startswith("#"))
    return rows["marked"], rows["other"]


def build_t2s_triggers(dest: Path | None = None) -> str:
    """The trigger characters: a text holding none of them converts to itself.

    OpenCC (1.4) converts in stages: the normalisation dictionary, then our chain (the group of
    TSPhrases, TSCharactersExt and TSCharacters, then the corrections, which read the group's
    output). Our config has no segmentation, so each stage reads the whole text (with one, each
    segment would convert alone and all below would hold per segment); at each position it
    takes the longest key of its dictionary that starts there (for the short-circuit group: the
    longest key of the first dictionary with any key there) and writes that key's first value,
    or copies the character (or a whole ideographic description sequence) when no key starts
    there. Keys and text are matched by whole characters (UTF-8 code points, as Python's str
    counts them; 898 triggers lie past U+FFFF). So a stage can change a text only where one of
    its keys whose first value differs from the key occurs in it: a "changing key". The
    triggers are every single-character changing key, plus one character of every longer
    changing key (one that is a trigger already, else the rarest: decode_common_han.txt ranks
    the common ones). A text without triggers holds no changing key of any stage, so the first
    stage copies it unchanged, the next reads that same text, and so on to the end; keys whose
    value is the key itself (著名 in the corrections) change nothing wherever they match.
    A representative that another representative makes redundant (函 of 函覆, once 覆 is a
    trigger for 反覆) is dropped. The changing keys are taken per dictionary, not from the
    whole conversion of each character: a character one stage changes and a later stage
    changes back would convert to itself alone yet could feed a later stage's longer key. (On
    OpenCC 1.4.2 both give the same 5,120 single characters; the tests check it.)

    Each key's value is taken from OpenCC itself (the key converted with that dictionary
    alone); the keys of the .ocd2 dictionaries ("OPENCC_MARISA_0.2.5" + a marisa trie) are read
    with `marisa_trie`, a build and test dependency only. `tests/test_convert_skip.py` checks
    the shipped table against this and checks the proof against OpenCC: every code point,
    corpus lines and generated strings. The file splits them into detect_script's
    Traditional-only forms and the others (see `_has_trigger_cold`). Write it after changing
    OpenCC's version, its dictionaries or the corrections (after the script marks, which it
    reads):
    `python -c "from ipextract.convert import build_t2s_triggers as b; import pathlib;
    b(pathlib.Path('src/ipextract/data/convert_t2s_triggers.txt'))"`
    """
    changing = _changing_keys()
    triggers = {key for key in changing if len(key) == 1}
    longer = sorted(key for key in changing if len(key) > 1)
    rank = _commonness()

    def commonness(ch: str) -> tuple[int, int]:
        return (rank.get(ch, -1), ord(ch))

    chosen: set[str] = set()
    for key in longer:
        if triggers.isdisjoint(key) and chosen.isdisjoint(key):
            chosen.add(min(key, key=commonness))
    for ch in sorted(chosen, key=commonness, reverse=True):  # the commonest first
        others = triggers | chosen - {ch}
        if all(not others.isdisjoint(key) for key in longer if ch in key):
            chosen.discard(ch)
    result = "".join(sorted(triggers | chosen))
    if dest is not None:
        marks = set(_read_marks(_data_text(_MARKS_FILE))[0])
        dest.write_text(
            f"# Characters that can make OpenCC {opencc.__version__} t2s (with the corrections) change a text: a text\n"
            f"# holding none converts to itself. Every one-character key of the config's dictionaries that\n"
            f"# converts to something else, plus one character of every longer such key (see\n"
            f"# convert.build_t2s_triggers, which writes this file). \"marked\": those that are detect_script's\n"
            f"# Traditional-only forms (its pattern finds them); \"other\": the rest.\n"
            f"marked\t{''.join(ch for ch in result if ch in marks)}\n"
            f"other\t{''.join(ch for ch in result if ch not in marks)}\n",
            encoding="utf-8",
        )
    return result


def _changing_keys() -> set[str]:
    """Every key, of every dictionary of our t2s config, whose first value differs from it."""
    import marisa_trie  # build and test time only

    changing: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="ipextract-opencc-") as tmp:
        folder = Path(tmp)
        entries: list[dict[str, Any]] = []
        _walk_dicts(_placed_config(folder), entries.append)
        for n, entry in enumerate(entries):
            path = Path(entry["file"])
            if entry.get("type") == "text":
                keys = [row.split("\t", 1)[0] for row in path.read_text(encoding="utf-8").splitlines()]
            else:
                data = path.read_bytes()
                header = b"OPENCC_MARISA_0.2.5"
                if not data.startswith(header):
                    raise ValueError(f"{path.name}: not an OpenCC marisa dictionary")
                keys = marisa_trie.Trie().frombytes(data[len(header):]).keys()
            alone = folder / f"alone-{n}.json"
            alone.write_text(json.dumps({"name": "one dictionary", "conversion_chain": [{"dict": entry}]},
                                        ensure_ascii=False), encoding="utf-8")
            # Keys joined by line breaks (no key holds one): each matches itself whole, as the
            # longest key there, so its output is its first value.
            values = opencc.OpenCC(str(alone)).convert("\n".join(keys)).split("\n")
            if len(values) != len(keys):
                raise ValueError(f"{path.name}: a key holds a line break")
            changing.update(key for key, value in zip(keys, values) if value != key)
    return changing


def _commonness() -> dict[str, int]:
    """Rank of the 1,500 commonest Simplified characters (1,499 = the commonest)."""
    table = _data_text("decode_common_han.txt")
    han = [ch for line in table.splitlines() if not line.startswith("#") for ch in line if not ch.isspace()]
    return {ch: 1499 - i for i, ch in enumerate(han[:1500])}


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    """s2t over single characters only, used to tell which characters are Simplified-only forms
    (when the mark table is built: `script_marks`).

    Only OpenCC's character table is loaded (plus its normalisation step): the stock `s2t`
    config also loads a 0.9 MB phrase table, ~65 ms of start-up that a single character never
    needs — on every character of U+4E00..U+9FFF both give the same first character
    (tests/test_convert.py checks it).
    """
    share = _opencc_share()
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
    traditional, simplified = _read_marks(_data_text(_MARKS_FILE))
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
