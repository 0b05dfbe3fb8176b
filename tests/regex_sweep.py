"""Every compiled regex of the package against adversarial 100k-character strings (run as a script).

Used by tests/test_hostile_regex.py in a subprocess, so that a regex which backtracks
catastrophically makes the test fail on its time limit instead of hanging the suite; the line
printed before each pattern tells which one it was.

Patterns are found by reachability, not by a list: every module of the package is imported, the
pipeline is run over the fixture pages (so lazily built patterns — data-file vocabularies, the
label and unit alternations behind `functools.cache` — exist), and then everything reachable
from the package's module globals is walked: containers, dataclass fields, function closures and
the caches of cached functions. A pattern added anywhere in the package is covered without
touching this file.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import pkgutil
import re
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

import ipextract
from ipextract import Options, parse
from ipextract.resources import Patterns

N = 100_000
FIXTURES = Path(__file__).parent / "fixtures"


#: Appended to every string: patterns blow up when a long attempt fails at the end, so no string
#: ends in a way a `$`-anchored pattern could accept at once (a private-use character: it is
#: matched by `.` and negated classes, but by no class the package names).
END = "\ue000"


def common(n: int) -> dict[str, str]:
    """Strings every pattern meets, besides those built from its own characters."""
    units = {
        "digits": "1",
        "han": "中",
        "numerals": "一二三四五六七八九十百千万亿",
        "punct": "，。、；：！？（）【】《》“”",
        "ascii-punct": ".,;:-/_()[]<>\"'",
        "spaces": " ",
        "ideographic-spaces": "\u3000",
        "newlines": "\n",
        "question": "?",
        "full-question": "？",
        "bars": "|",
        "space-bar": " |",
        "bar-space": "| ",
        "space-question": " ?",
        "han-space": "中 ",
        "digit-comma": "1,",
        "digit-dot": "1.",
        "digit-dash": "1-",
        "han-digit": "年1",
        "letters": "a",
        "lt": "<",
    }
    return {label: _fill(unit, n) for label, unit in units.items()}


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[: n - 1] + END


def package_modules() -> list[types.ModuleType]:
    mods = [ipextract]
    for info in pkgutil.walk_packages(ipextract.__path__, "ipextract."):
        if info.name.endswith("__main__"):
            continue
        try:
            mods.append(importlib.import_module(info.name))
        except ImportError:  # an optional extra (ray) that is not installed
            continue
    return mods


def exercise() -> None:
    """Run the pipeline on every fixture page so that lazily compiled patterns exist."""
    for page in sorted(FIXTURES.glob("*.*")):
        parse(page.read_bytes(), Options(), path=str(page))


def _ours(obj: object) -> bool:
    module = getattr(obj, "__module__", None) or getattr(type(obj), "__module__", "")
    return isinstance(module, str) and module.startswith("ipextract")


def patterns(mods: list[types.ModuleType]) -> dict[re.Pattern, str]:
    """Every pattern reachable from the package's module globals, with where it was found."""
    found: dict[re.Pattern, str] = {}
    seen: set[int] = set()
    stack: list[tuple[object, str]] = [(vars(m), m.__name__) for m in mods]
    while stack:
        obj, where = stack.pop()
        if isinstance(obj, Patterns) and not where.endswith("._P"):
            continue  # the loader's cache: named from the module that reads it as `_P` instead
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, re.Pattern):
            found.setdefault(obj, where)
        elif isinstance(obj, dict):
            stack.extend((v, f"{where}.{k}" if isinstance(k, str) else f"{where}[{k!r}]") for k, v in obj.items())
            stack.extend((k, f"{where}<key>") for k in obj if not isinstance(k, (str, int)))
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(obj))
        elif isinstance(obj, types.FunctionType):
            if _ours(obj):
                cells = obj.__closure__ or ()
                stack.extend((c.cell_contents, f"{where}<closure>") for c in cells if _filled(c))
                stack.extend((d, f"{where}<default>") for d in (obj.__defaults__ or ()))
        elif hasattr(obj, "cache_info") and _ours(obj):  # functools.cache / lru_cache: its cache
            stack.extend((r, f"{where}()") for r in gc.get_referents(obj) if isinstance(r, (dict, list, re.Pattern)))
            wrapped = getattr(obj, "__wrapped__", None)
            if wrapped is not None:
                stack.append((wrapped, where))
        elif isinstance(obj, type):
            if _ours(obj):
                stack.extend((v, f"{where}.{k}") for k, v in vars(obj).items())
        elif isinstance(obj, (types.ModuleType, str, bytes, int, float, bool, type(None))):
            continue
        elif isinstance(obj, Patterns):  # a module's data-file patterns, named by their keys (over
            # the name of the loader's cache that holds them too)
            found.update((v, f"{where}.{k}") for k, v in obj.compiled().items())
        elif _ours(obj):  # instances of the package's classes (dataclasses with slots too)
            stack.extend((r, f"{where}.*") for r in gc.get_referents(obj))
    return found


def _filled(cell: types.CellType) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:
        return False
    return True


def own_chars(pattern: re.Pattern) -> list[str]:
    """Characters the pattern itself matches literally or names in a class (sampled, at most 12)."""
    chars: set[int] = set()

    def walk(parsed: object) -> None:
        for op, arg in parsed:  # type: ignore[attr-defined]
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                chars.add(arg)
            elif name == "IN":
                for sub_op, sub_arg in arg:
                    sub = str(sub_op)
                    if sub == "LITERAL":
                        chars.add(sub_arg)
                    elif sub == "RANGE":
                        chars.update((sub_arg[0], sub_arg[1]))
                    elif sub == "CATEGORY":
                        chars.update(_category_chars(str(sub_arg)))
            elif name == "CATEGORY":
                chars.update(_category_chars(str(arg)))
            elif name in ("SUBPATTERN",):
                walk(arg[-1])
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(arg[2])
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(arg[1])
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
            elif name == "ATOMIC_GROUP":
                walk(arg)
            elif name == "GROUPREF_EXISTS":
                walk(arg[1])
                if arg[2] is not None:
                    walk(arg[2])

    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    walk(sre_parse.parse(source, pattern.flags & ~re.DEBUG))
    ordered = sorted(c for c in chars if c < 0x110000 and not 0xD800 <= c < 0xE000)
    if len(ordered) > 12:
        step = len(ordered) / 12
        ordered = [ordered[int(i * step)] for i in range(12)]
    return [chr(c) for c in ordered]


def _category_chars(name: str) -> list[int]:
    if "DIGIT" in name:
        return [ord("7")]
    if "SPACE" in name:
        return [ord(" ")]
    if "WORD" in name:
        return [ord("a"), ord("中")]
    return []


def adversarial(pattern: re.Pattern, n: int = N) -> Iterator[tuple[str, str]]:
    """(label, n-character string) pairs: the common ones, then the pattern's own characters one
    at a time, next to each other in pairs, and all of them cycled."""
    shared = common(n)
    yield from shared.items()
    chars = own_chars(pattern)
    for ch in chars:
        if _fill(ch, n) not in shared.values():
            yield f"own {ch!r}", _fill(ch, n)
    for a, b in itertools.pairwise(chars):
        yield f"own {a + b!r}", _fill(a + b, n)
    if len(chars) > 2:
        yield "own cycled", _fill("".join(chars), n)


#: Methods that try a pattern at one position only; any other use scans every position.
ANCHORED = frozenset({"match", "fullmatch"})
SOURCE = Path(ipextract.__file__).parent


def usage(where: str) -> str:
    """"anchored" when every call of the pattern in the package source is .match/.fullmatch, else
    "scan". Found by name (`_NAME.method(`, `factory().method(`); a pattern only passed around as a
    value has no such call and is treated as scanned, the stricter test."""
    token = where.rsplit(".", 1)[-1]
    if not re.fullmatch(r"\w+(?:\(\))?", token):
        return "scan"
    call = re.compile(r"(?<!\w)" + re.escape(token) + r"\s*\.\s*(\w+)\(")
    module = where.split("(", 1)[0].rsplit(".", 1)[0]
    # A pattern of a module's data file (`<module>._P.<key>`) is read through `_P` in that module.
    private = token.startswith("_") or module.endswith("._P")
    module = module.removesuffix("._P")
    own = SOURCE.parent.joinpath(*module.split(".")).with_suffix(".py")
    # A private name is used in its own module only (two modules may each have a `_SITE_SUFFIX`).
    files = [own] if private and own.is_file() else list(SOURCE.rglob("*.py"))
    methods = {m.group(1) for f in files for m in call.finditer(f.read_text(encoding="utf-8"))}
    return "anchored" if methods and methods <= ANCHORED else "scan"


def attempt(pattern: re.Pattern, text: str, mode: str) -> float:
    """Seconds for the pattern over the whole text: every match (scan) or one match at 0."""
    subject: str | bytes = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    start = time.perf_counter()
    if mode == "scan":
        for _ in pattern.finditer(subject):  # type: ignore[arg-type]
            pass
    else:
        pattern.match(subject)  # type: ignore[arg-type]
    return time.perf_counter() - start


#: Length of the first, cheap attempt: a pattern that is already slow on it would take far over
#: the budget at full length (backtracking grows with the square of the length or worse), so it is
#: reported at once instead of being left to run for minutes.
PROBE = 10_000


def run(budget: float, n: int = N) -> int:
    """Time every pattern on every string; print one line per pattern; non-zero exit on a slow one."""
    mods = package_modules()
    exercise()
    found = patterns(mods)
    print(f"PATTERNS {len(found)}", flush=True)
    slow = 0
    for pattern, where in sorted(found.items(), key=lambda kv: kv[1]):
        mode = usage(where)
        print(f"START {where} ({mode})", flush=True)
        worst, worst_label = 0.0, ""
        for label, text in adversarial(pattern, n):
            took = attempt(pattern, text[: PROBE - 1] + END, mode)
            if took <= budget * PROBE / n:
                took = attempt(pattern, text, mode)
            else:
                label += f" (over {budget * PROBE / n:.3f}s already at {PROBE:,} characters)"
                took = max(took, budget + 1e-3)
            if took > worst:
                worst, worst_label = took, label
        flag = "SLOW" if worst > budget else "OK"
        slow += flag == "SLOW"
        print(f"{flag} {where} ({mode}) {worst:.3f}s on {worst_label}", flush=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0, int(sys.argv[2]) if len(sys.argv) > 2 else N))
