"""Bylines in the shapes news and government pages print them, read into author and source.

- a byline line: `□ 本报记者 王晓明`, `作者︱王晓明`, `文︱王晓明`, `本报记者 王晓明 通讯员 李华`,
  `通讯员 李华 记者 王晓明`, `記者王曉明／台北報導`;
- a dateline opening a paragraph: `（中央社記者王曉明台北4日電）`, `【記者王曉明／台北報導】`,
  `本报讯（记者 王晓明）`: the agency named in it is the story's source;
- a credit closing a paragraph: `（记者 王晓明）`, `（王晓明／台北报导）`.

Only the fields are read here; which lines leave the body is the line rules' business. Role
words (`data/lines_byline_roles.txt`; those that make an author, `bylines_author_roles.txt`),
agencies (`bylines_agencies.txt`) and the marks that set a byline off (`bylines_marks.txt`) are
data. Everything is matched on a line's Simplified key and values are cut from the page's own
text at the same offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import alternation, patterns
from . import vocab
from .keys import KeyedLine

_P = patterns("bylines")

_MAX_LINE = 40
_OPEN, _CLOSE = "（(【〔[", "）)】〕]"
#: What may stand before a dateline's brackets: `本报讯`, `新华社北京3月1日电`.
_OPENING = re.compile(rf"^[^，。,{re.escape(_OPEN)}]{{0,12}}?[{re.escape(_OPEN)}]")


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
def _author_roles() -> frozenset[str]:
    """Roles whose names are the story's authors; the others (编辑, 摄影, 校对 …) are credits."""
    return frozenset(vocab.words("bylines_author_roles.txt"))


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


def role_byline(line: KeyedLine) -> Byline | None:
    """An unmarked line of roles and names only, in any order: `通讯员 李华 记者 王晓明`.

    Every word must be a role or a name (see `_credited_names`), and the first role is set apart
    from what follows it, so a sentence or a label that opens with a role word (`记者从市统计局
    获悉`, `文件下载`) is none.
    """
    key = line.key
    role = _roles().match(key) if len(key) <= _MAX_LINE else None
    if not role or not _separators().match(key, role.end()):
        return None
    names = _credited_names(line, 0, len(key))
    return Byline(names) if names else None


def reported_byline(line: KeyedLine) -> Byline | None:
    """A line that is only a Taiwan reporter's credit, with or without its brackets:
    `記者王曉明／台北報導`, `【記者王曉明、李華／台北報導】`."""
    key = line.key
    if "报" not in key:
        return None  # every credit ends in 报导 / 报道: most lines are told by this alone
    start = len(key) - len(key.lstrip())
    end = len(key.rstrip())
    if end - start > _MAX_LINE or end - start < 2:
        return None
    if key[start] in _OPEN and key[end - 1] == _CLOSE[_OPEN.index(key[start])]:
        start, end = start + 1, end - 1
    if not _P.reported.search(key, start, end):
        return None
    found = _bracketed(line, start, end)
    return found if found and found.author else None


def opening_byline(line: KeyedLine) -> Byline | None:
    """The dateline in brackets that opens a paragraph, after an optional `…讯`; or a
    newspaper's lead without brackets (`香港文汇报讯 记者张三报道：`)."""
    key = line.key[:80]
    m = _OPENING.match(key)
    end = key.find(_CLOSE[_OPEN.index(key[m.end() - 1])], m.end()) if m else -1
    found = _bracketed(line, m.end(), end) if m and end > m.end() else None
    if found is None or not found.author:
        lead = _P.reporter_lead.match(key)
        if lead:
            return Byline(" ".join(line.cut(*span) for span in _name_spans(key, *lead.span("names"))))
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


def _name_spans(key: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the names of key[start:end] are (`张三、李四` -> two spans)."""
    return [(m.start(), m.end()) for m in _P.name.finditer(key, start, end)]


def _bracketed(line: KeyedLine, start: int, end: int) -> Byline | None:
    """`中央社記者王曉明台北4日電`, `記者王曉明／台北報導`, `记者 王晓明`, `王晓明` at key[start:end];
    `大公报记者 王晓明`: a paper's name before 记者 is the reporter's paper."""
    key = line.key
    agency = _agency().match(key, start)
    source = None
    if agency:
        source = line.cut(*agency.span())
        start = agency.end()
    elif outlet := _P.outlet_reporter.match(key, start, end):
        start = outlet.end()
    reported = _P.reported.search(key, start, end)
    dated = _P.dated.search(key, start, end)
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
    if not names and reported and _P.name.fullmatch(bare) and not _P.office_end.search(bare):
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
        # A one-character role may open a name (`文静`); a longer one never does (`记者张三`). A
        # role word may close the byline (`… 王五 文/图`).
        if role and role.end() <= end and (len(role.group()) > 1 or not _P.name.fullmatch(key, pos, end)):
            crediting = role.group() in _author_roles()
            pos = role.end()
            continue
        word = _P.name.match(key, pos, end)
        if not word or (word.end() < end and not seps.match(key, word.end(), end)):
            return None
        if crediting:
            names.append(line.cut(*word.span()))
        pos = word.end()
    return " ".join(names) or None
