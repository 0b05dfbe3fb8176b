"""Bylines in the shapes news and government pages print them, read into author and source.

- a byline line: `□ 本报记者 王晓明`, `作者︱王晓明`, `文︱王晓明`, `本报记者 王晓明 通讯员 李华`;
- a dateline opening a paragraph: `（中央社記者王曉明台北4日電）`, `【記者王曉明／台北報導】`,
  `本报讯（记者 王晓明）`: the agency named in it is the story's source;
- a credit closing a paragraph: `（记者 王晓明）`, `（王晓明／台北报导）`.

Only the fields are read here; which lines leave the body is the line rules' business. Role
words (`data/lines_byline_roles.txt`), agencies (`bylines_agencies.txt`) and the marks that
set a byline off (`bylines_marks.txt`) are data. Everything is matched on a line's Simplified key
and values are cut from the page's own text at the same offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..han import HAN
from ..resources import alternation
from . import vocab
from .keys import KeyedLine

#: Roles whose names are the story's authors; the others (编辑, 摄影, 校对 …) are credits.
_AUTHOR_ROLES = frozenset({"记者", "本报记者", "特约记者", "首席记者", "实习记者", "见习记者", "通讯员", "作者", "文"})
_AUTHOR_ROLES |= frozenset({"撰稿人", "特约撰稿人", "新华社记者", "文/图", "图/文", "图文", "文图", "撰文", "撰稿"})
_NAME = rf"[{HAN}·]{{2,4}}"
_NAME_RE = re.compile(_NAME)
_MAX_LINE = 40
#: A name that ends like an office is no person (`（市教育局）`).
_OFFICE_END = re.compile(r"[社报网局办部委厅台院所站处馆会队组中心]$")
_OPEN, _CLOSE = "（(【〔[", "）)】〕]"
#: `／台北报导` closing a Taiwan dateline.
#: What may stand before a dateline's brackets: `本报讯`, `新华社北京3月1日电`.
_OPENING = re.compile(rf"^[^，。,{re.escape(_OPEN)}]{{0,12}}?[{re.escape(_OPEN)}]")
_REPORTED = re.compile(rf"[／/]\s*[{HAN}]{{2,4}}\s*报[导道]$")
#: `台北4日电`, `北京3月1日电`: the place is written in two characters on the pages seen.
_DATED = re.compile(rf"[{HAN}]{{2}}\s*(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日\s*[电讯]")


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline states: the authors (space-separated) and the agency, each None if absent."""

    author: str | None
    source: str | None = None


@lru_cache(maxsize=1)
def _marks() -> str:
    return "".join(vocab.words("bylines_marks.txt"))


@lru_cache(maxsize=1)
def _separators() -> re.Pattern[str]:
    return re.compile(rf"[\s、，,:：/／{re.escape(_marks())}]+")


@lru_cache(maxsize=1)
def _roles() -> re.Pattern[str]:
    return re.compile(alternation(vocab.words("lines_byline_roles.txt") + vocab.words("bylines_roles.txt")))


@lru_cache(maxsize=1)
def _agency() -> re.Pattern[str]:
    return re.compile(alternation(vocab.words("bylines_agencies.txt")))


def byline_line(line: KeyedLine) -> Byline | None:
    """A line that is only a byline set off by a mark: `□ 本报记者 王晓明`, `作者︱王晓明`."""
    key = line.key
    if len(key) > _MAX_LINE:
        return None
    start = len(key) - len(key.lstrip(_marks() + " "))
    role = _roles().match(key, start)
    if not role:
        return None
    # Only the marked shapes: the plain `本报记者 王晓明` and `作者：王晓明` are the label and
    # credit readers' own, and a line that merely opens with a role word is often a sentence.
    if not start and key[role.end() : role.end() + 1] not in _marks():
        return None
    names = _credited_names(line, start, len(key))
    return Byline(names) if names else None


def opening_byline(line: KeyedLine) -> Byline | None:
    """The dateline in brackets that opens a paragraph, after an optional `…讯`."""
    key = line.key[:80]
    m = _OPENING.match(key)
    if not m:
        return None
    end = key.find(_CLOSE[_OPEN.index(key[m.end() - 1])], m.end())
    found = _bracketed(line, m.end(), end) if end > m.end() else None
    agency = _agency().match(key)
    if found and agency and not found.source:
        # `新华社北京3月1日电（记者 王晓明）`: the agency opens the dateline before the brackets.
        return Byline(found.author, line.cut(*agency.span()))
    return found


def closing_byline(line: KeyedLine) -> Byline | None:
    """The credit in brackets that closes a paragraph: `…。（王晓明／台北报导）`."""
    key = line.key.rstrip()
    if not key or key[-1] not in _CLOSE:
        return None
    opener = _OPEN[_CLOSE.index(key[-1])]
    start = key.rfind(opener, max(0, len(key) - _MAX_LINE))
    if start <= 0:
        return None
    return _bracketed(line, start + 1, len(key) - 1)


def _bracketed(line: KeyedLine, start: int, end: int) -> Byline | None:
    """`中央社記者王曉明台北4日電`, `記者王曉明／台北報導`, `记者 王晓明`, `王晓明` at key[start:end]."""
    key = line.key
    agency = _agency().match(key, start)
    source = None
    if agency:
        source = line.cut(*agency.span())
        start = agency.end()
    reported = _REPORTED.search(key, start, end)
    dated = _DATED.search(key, start, end)
    if reported:
        end = reported.start()
    elif dated:
        # `中央社記者王曉明台北4日電` names the reporter before the dateline, `新华社北京3月1日电
        # 记者 王晓明` after it.
        after = _credited_names(line, dated.end(), end) if dated.end() < end else None
        if after:
            return Byline(after, source)
        end = dated.start()
    elif source:
        return None  # an agency without its dateline's shape is a sentence
    names = _credited_names(line, start, end) if end > start else None
    # A name without a role counts only before `／台北报导`: a bare `（王晓明）` is as often a
    # word in brackets (`（摘编）`, `（待续）`) as a reporter.
    bare = key[start:end].strip()
    if not names and reported and _NAME_RE.fullmatch(bare) and not _OFFICE_END.search(bare):
        names = line.cut(start, end).strip()
    return Byline(names, source) if names or source else None


def _credited_names(line: KeyedLine, start: int, end: int) -> str | None:
    """Names after author roles in key[start:end], role words and marks dropped; None when a word
    is neither (the line is a sentence, not a byline)."""
    key = line.key
    names: list[str] = []
    crediting = False
    pos = start
    seps = _separators()
    while pos < end:
        gap = seps.match(key, pos, end)
        if gap:
            pos = gap.end()
            continue
        role = _roles().match(key, pos, end)
        if role and role.end() <= end and not _NAME_RE.fullmatch(key, pos, end):
            crediting = role.group() in _AUTHOR_ROLES
            pos = role.end()
            continue
        word = _NAME_RE.match(key, pos, end)
        if not word or (word.end() < end and not seps.match(key, word.end(), end)):
            return None
        if crediting:
            names.append(line.cut(*word.span()))
        pos = word.end()
    return " ".join(names) or None
