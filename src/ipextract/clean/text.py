"""Flattened page text -> blocks: classify each line as breadcrumb, title, meta, chrome, spam or body.

A saved page reads top to bottom as: a head (navigation, breadcrumb, headline, date/source
line, toolbars), the article, and a tail (editor, source, footer). The line rules in `line_rules`
decide what each line is on its own; this module adds what needs the page around a line:
the headline is the first headline-shaped line before the first paragraph, a repeat of it is
dropped, a `——` line right under it is its subtitle, the lines after an SEO template marker
are spam, hard-wrapped sentences are joined back into paragraphs, and metadata candidates are
handed on in order of trust.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..han import count_han
from . import Extracted, LineKind, disclosure, spam, vocab
from .keys import KeyedLine
from .line_rules import breadcrumb_items, classify
from .meta_lines import MetaField, closing_credit, leading_byline_author, meta_fields
from .repair import repair

_MAX_TITLE = 64
_TITLE_BAD_END = re.compile(r"[。，,、；;：:…]$")
_LIST_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，、])"
)
# Matched against line keys, whose spaces are folded to single ones, so `\s?` takes any run: a
# `\s*` would rescan a long run for every end the lazy headline tries (quadratic).
_SITE_SUFFIX = re.compile(
    r"^(?P<headline>.{4,}?)\s?(?:_|\s[-|｜—]\s)\s?[^_|｜]{0,20}?"
    r"(?:网|网站|门户|政府|日报|晚报|在线|新闻|频道|政务网|客户端|公众号)$"
)
_SUBTITLE = re.compile(r"^(?:——|—|--|－－)")
# The trailing chain starts only where it cannot be extended to the left (look-behinds): tried
# from every ` |` of a long line it rescans to the end each time, quadratic. Same matches.
_EDGE_BARS = re.compile(r"^(?:[|｜]\s+)+|(?<!\s)(?<!\s[|｜])(?:\s+[|｜])+$")
_TERMINAL = re.compile(r"[。！？!?；;…”’」』)）】》:：]$")
_CLAUSE_PUNCT = re.compile(r"[，,。、；;]")
#: A line at least this long that stops mid-clause was wrapped by the page, not ended.
_MIN_WRAPPED = 24
#: Rank added to metadata found below the start of the article (see `clean_text`).
_TAIL_PENALTY = 10
_DATELINE = re.compile(r"^\S{0,14}?\d{1,2}月\d{1,2}日\s*(?:电|讯)$")


@lru_cache(maxsize=1)
def _section_labels() -> frozenset[str]:
    return frozenset(vocab.words("lines_section_labels.txt"))


@dataclass(slots=True)
class _Fields:
    """Metadata candidates collected over the page, handed on best first."""

    items: list[tuple[int, int, MetaField, str]] = field(default_factory=list)

    def add(self, f: MetaField, origin: str) -> None:
        self.items.append((f.rank, len(self.items), f, origin))

    def flush(self, out: Extracted) -> None:
        for _rank, _order, f, origin in sorted(self.items, key=lambda t: (t[0], t[1])):
            out.add(f.field, f.value, origin)


def clean_text(text: str, *, keep_pinyin: bool = False) -> Extracted:
    """Split a plain-text page into article paragraphs and metadata candidates.

    Lines are repaired first (pinyin glosses, lost characters, spaces) so that a glossed label
    such as `來(lái)源` is still a label; `keep_pinyin` keeps the glosses in the output text.
    """
    out = Extracted()
    lines = _classified_lines(text, out, keep_pinyin)
    _read_disclosure(lines, out)
    head_end = _head_end(lines)
    title_at = _title_index(lines, head_end)
    title = lines[title_at][0] if title_at is not None else None
    headline = _without_site_suffix(title) if title else None
    repeats = {title.key.replace(" ", ""), KeyedLine.of(headline).key.replace(" ", "")} if title and headline else set()

    fields = _Fields()
    last_spam = False
    crumb_taken = False
    body: list[KeyedLine] = []
    for i, (line, kind) in enumerate(lines):
        if kind is LineKind.SPAM:
            out.drop_line(kind, line.text, 0 if last_spam else 1)
            last_spam = True
            continue
        last_spam = False
        if kind is LineKind.BREADCRUMB:
            items = breadcrumb_items(line)
            if items and not crumb_taken:
                out.add("breadcrumb", items, "text:breadcrumb")
                crumb_taken = True
            out.drop_line(kind, line.text)
        elif kind is LineKind.META:
            _take_meta(line, fields, out, tail=i >= head_end)
        elif kind is LineKind.CHROME:
            out.drop_line(kind, line.text)
        elif i == title_at:
            continue
        elif title_at is not None and i < title_at and i < head_end:
            out.drop_line(LineKind.CHROME, line.text)  # a site name or kicker above the headline
        elif line.key.replace(" ", "") in repeats:
            out.drop_line(LineKind.TITLE, line.text)  # the headline repeated
        elif title is not None and i < head_end and _SUBTITLE.match(line.key):
            out.drop_line(LineKind.HEADER, line.text)  # its subtitle
        else:
            stripped = _strip_inline(line, out, fields)
            # What is left once a closing byline is gone is judged as a line of its own: it
            # can be chrome (a run of lost characters) or another byline.
            rest = classify(stripped) if stripped is not line else LineKind.BODY
            if rest is LineKind.CHROME:
                out.drop_line(rest, stripped.text)
            elif rest is LineKind.META:
                _take_meta(stripped, fields, out, tail=i >= head_end)
            else:
                body.append(stripped)

    if headline:
        out.add("title", headline, "text:headline")
    if body:
        author = leading_byline_author(body[0])
        if author:
            fields.add(MetaField("author", author, 5), "text:dateline")
    fields.flush(out)
    out.blocks = [b for b in _join_wrapped(body) if b]
    return out


def _classified_lines(text: str, out: Extracted, keep_pinyin: bool) -> list[tuple[KeyedLine, LineKind]]:
    """Each non-empty line, repaired, with its kind.

    An SEO template block (`主站蜘蛛池模板: …`) may wrap over several lines: the lines after the
    marker that still read as lists of titles are spam too, up to the first one that does not.
    """
    lines: list[tuple[KeyedLine, LineKind]] = []
    in_template = False
    for raw in text.splitlines():
        fixed = _EDGE_BARS.sub("", repair(raw, out.removed, keep_pinyin=keep_pinyin)).strip()
        if not fixed:
            continue
        line = KeyedLine.of(fixed)
        kind = classify(line)
        if in_template and kind is LineKind.BODY and spam.continues_template(line.key):
            kind = LineKind.SPAM
        elif kind is not LineKind.SPAM:
            in_template = False
        if kind is LineKind.SPAM:
            in_template = in_template or spam.has_marker(line.key)
        lines.append((line, kind))
    return lines


def _read_disclosure(lines: list[tuple[KeyedLine, LineKind]], out: Extracted) -> None:
    """The disclosure table's rows are metadata wherever the line rules put them: a
    `文件名称 | … |` row is not a headline, a `城市:全国` row not a paragraph."""
    found = disclosure.find([line.key for line, _kind in lines])
    if found is None:
        return
    for i in found.lines:
        lines[i] = (lines[i][0], LineKind.META)
    disclosure.offer(out, found)


def _take_meta(line: KeyedLine, fields: _Fields, out: Extracted, *, tail: bool) -> None:
    """Keep a metadata line's fields and drop the line.

    Labels in the page head are about the page; below the article they may be the article's
    own (`时间：…` of an event), so they rank after the head's.
    """
    penalty = _TAIL_PENALTY if tail else 0
    for f in meta_fields(line) or []:
        fields.add(MetaField(f.field, f.value, f.rank + penalty), "text:label")
    out.drop_line(LineKind.META, line.text)


def _head_end(lines: list[tuple[KeyedLine, LineKind]]) -> int:
    """Index of the first article paragraph: a body line that is neither headline nor subtitle."""
    for i, (line, kind) in enumerate(lines):
        if kind is LineKind.BODY and not _is_headline(line.key) and not _SUBTITLE.match(line.key):
            return i
    return len(lines)


def _title_index(lines: list[tuple[KeyedLine, LineKind]], head_end: int) -> int | None:
    """Which headline-shaped line of the head is the headline.

    The headline sits right above the date/source line, so with several candidates (a site
    name, a kicker, the headline) the last one before the first metadata line that follows
    any of them wins; a breadcrumb also marks where the site's furniture ends. Without a
    metadata line the first candidate is the headline: later ones are section headings.
    """
    candidates = [i for i in range(head_end) if lines[i][1] is LineKind.BODY and _is_headline(lines[i][0].key)]
    if not candidates:
        return None
    crumbs = [i for i in range(head_end) if lines[i][1] is LineKind.BREADCRUMB]
    if crumbs and any(i > crumbs[-1] for i in candidates):
        candidates = [i for i in candidates if i > crumbs[-1]]
    for m in range(candidates[0] + 1, head_end):
        if lines[m][1] is LineKind.META:
            return max(i for i in candidates if i < m)
    return candidates[0]


def _strip_inline(line: KeyedLine, out: Extracted, fields: _Fields) -> KeyedLine:
    """Remove spam chains and a closing byline or source from a paragraph (they name a field)."""
    text, chains = spam.remove_inline_spam(line.text, line.key)
    for chain in chains:
        out.drop("spam_blocks", chain)
    if chains:
        line = KeyedLine.of(text)
    closing = closing_credit(line)
    if closing:
        rest, found = closing
        out.drop("meta_lines", line.text[len(rest) :].strip())
        if found:
            fields.add(found, "text:byline")
        line = KeyedLine.of(rest)
    return line


def _without_site_suffix(title: KeyedLine) -> str:
    """The headline without a page-title suffix naming the site (`…会议_常州市人民政府`)."""
    m = _SITE_SUFFIX.match(title.key)
    return title.cut(0, m.end("headline")).strip() if m else title.text


def _is_headline(key: str) -> bool:
    """Short, no sentence end, not a list item, section label or subtitle."""
    if not (2 <= len(key) <= _MAX_TITLE) or count_han(key) < 2:
        return False
    if "。" in key or _TITLE_BAD_END.search(key):
        return False
    if key.replace(" ", "").rstrip(":：") in _section_labels() or _DATELINE.match(key):
        return False
    return not (_LIST_MARKER.match(key) or _SUBTITLE.match(key))


def _join_wrapped(lines: list[KeyedLine]) -> list[str]:
    """Join sentences the page hard-wrapped across lines (`…生产线、` + `贡井区…`).

    A paragraph is wrapped when, joined so far, it is long, reads as prose (has clause
    punctuation) and stops mid-clause; the next line must not open a list item or a heading of
    its own. Judging the paragraph joined so far, not its last line alone, makes the rule
    idempotent: a joined paragraph that still stops mid-clause would otherwise be joined to the
    next line when the output is parsed again.
    """
    out: list[str] = []
    joining = False
    size, prose = 0, False
    for i, line in enumerate(lines):
        if joining:
            out[-1] = _glue(out[-1], line.text)
        else:
            out.append(line.text)
            size, prose = 0, False
        size += len(line.key)
        prose = prose or bool(_CLAUSE_PUNCT.search(line.key))
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        joining = (
            nxt is not None
            and size >= _MIN_WRAPPED
            and not _TERMINAL.search(line.key)
            and prose
            and not _LIST_MARKER.match(nxt.key)
        )
    return out


def _glue(left: str, right: str) -> str:
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right
