"""Flattened page text -> blocks: classify each line as breadcrumb, title, meta, chrome, spam or body.

A saved page reads top to bottom as: a head (navigation, breadcrumb, headline, date/source
line, toolbars), the article, and a tail (editor, source, footer). The line rules in `lines`
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

from . import Extracted, rules, spam
from .lines import Line, MetaField, breadcrumb_items, classify, leading_byline_author, meta_fields, trailing_byline
from .repair import HAN, repair

_MAX_TITLE = 64
_TITLE_BAD_END = re.compile(r"[。，,、；;：:…]$")
_LIST_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，、])"
)
_SUBTITLE = re.compile(r"^(?:——|—|--|－－)")
_EDGE_BARS = re.compile(r"^(?:[|｜]\s+)+|(?:\s+[|｜])+$")
_HAN_CHAR = re.compile(f"[{HAN}]")
_TERMINAL = re.compile(r"[。！？!?；;…”’」』)）】》:：]$")
_CLAUSE_PUNCT = re.compile(r"[，,。、；;]")
#: A line at least this long that stops mid-clause was wrapped by the page, not ended.
_MIN_WRAPPED = 24
_PROSE_MIN = 30


@lru_cache(maxsize=1)
def _section_labels() -> frozenset[str]:
    return frozenset(rules.words("lines_section_labels.txt"))


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
    fields = _Fields()
    title: Line | None = None
    title_compact = ""
    head = True  # no article paragraph seen yet
    in_template = False  # inside an SEO template block (after `蜘蛛池…`)
    last_spam = False
    crumb_taken = False
    body: list[Line] = []

    for raw in text.splitlines():
        fixed = _EDGE_BARS.sub("", repair(raw, out.removed, keep_pinyin=keep_pinyin)).strip()
        if not fixed:
            continue
        line = Line.of(fixed)
        kind = classify(line)
        if in_template and kind == "body" and not _is_prose(line.key):
            kind = "spam"
        if kind == "spam":
            in_template = in_template or spam.has_marker(line.key)
            out.drop("spam_blocks", line.text, 0 if last_spam else 1)
            last_spam = True
            continue
        last_spam = False
        if kind == "breadcrumb":
            items = breadcrumb_items(line)
            if items and not crumb_taken:
                out.add("breadcrumb", items, "text:breadcrumb")
                crumb_taken = True
            out.drop("breadcrumb_lines", line.text)
        elif kind == "meta":
            for f in meta_fields(line) or []:
                fields.add(f, "text:label")
            out.drop("meta_lines", line.text)
        elif kind == "chrome":
            out.drop("chrome_lines", line.text)
        elif title is None and head and _is_headline(line.key):
            title, title_compact = line, line.key.replace(" ", "")
        elif title is not None and line.key.replace(" ", "") == title_compact:
            out.drop("meta_lines", line.text)  # the headline repeated
        elif head and title is not None and _SUBTITLE.match(line.key):
            out.drop("meta_lines", line.text)
        else:
            head = False
            body.append(_strip_inline(line, out, fields))

    if title is not None:
        out.add("title", title.text, "text:headline")
    if body:
        author = leading_byline_author(body[0])
        if author:
            fields.add(MetaField("author", author, 5), "text:dateline")
    fields.flush(out)
    out.blocks = [b for b in _join_wrapped(body) if b]
    return out


def _strip_inline(line: Line, out: Extracted, fields: _Fields) -> Line:
    """Remove spam chains and a closing byline from a paragraph (the byline names the author)."""
    text, cut = spam.remove_inline_spam(line.text, line.key)
    if cut:
        out.drop("spam_blocks", "", cut)
        line = Line.of(text)
    byline = trailing_byline(line)
    if byline:
        rest, author = byline
        out.drop("meta_lines", line.text[len(rest) :].strip())
        if author:
            fields.add(MetaField("author", author, 2), "text:byline")
        line = Line.of(rest)
    return line


def _is_headline(key: str) -> bool:
    """Short, no sentence end, not a list item, section label or subtitle."""
    if not (2 <= len(key) <= _MAX_TITLE) or len(_HAN_CHAR.findall(key)) < 2:
        return False
    if "。" in key or _TITLE_BAD_END.search(key):
        return False
    if key.replace(" ", "").rstrip(":：") in _section_labels():
        return False
    return not (_LIST_MARKER.match(key) or _SUBTITLE.match(key))


def _is_prose(key: str) -> bool:
    return len(key) >= _PROSE_MIN and "。" in key and not spam.is_spam_line(key)


def _join_wrapped(lines: list[Line]) -> list[str]:
    """Join sentences the page hard-wrapped across lines (`…生产线、` + `贡井区…`).

    A line is wrapped when it is long, reads as prose (has clause punctuation) and stops
    mid-clause; the next line must not open a list item or a heading of its own.
    """
    out: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        if joining:
            out[-1] = _glue(out[-1], line.text)
        else:
            out.append(line.text)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        joining = (
            nxt is not None
            and len(line.key) >= _MIN_WRAPPED
            and not _TERMINAL.search(line.key)
            and bool(_CLAUSE_PUNCT.search(line.key))
            and not _LIST_MARKER.match(nxt.key)
        )
    return out


def _glue(left: str, right: str) -> str:
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right
