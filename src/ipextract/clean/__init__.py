"""Cleaners turn decoded page text into article blocks plus metadata candidates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from ..document import Gov, Removed


class LineKind(StrEnum):
    """What a line of page text is: one vocabulary for both cleaners.

    The shared line rules (`line_rules.classify`) tell body, meta, breadcrumb, chrome and spam
    lines apart; the HTML cleaner reads rendered lines more finely (`html.kinds.classify`), and
    its positional rules (`html.body.select`) add title, header and after-end lines.
    """

    BODY = "body"
    #: `label：value` lines, 政府信息公开 tables, credits, bare date lines.
    META = "meta"
    BREADCRUMB = "breadcrumb"
    #: Site furniture: navigation, greetings, URLs, furniture elements (nav, header, footer …).
    CHROME = "chrome"
    SPAM = "spam"
    #: The headline, or a repeat of it.
    TITLE = "title"
    #: A CMS timestamp line: `2020-04-01 10:29 来源：…`.
    STAMP = "stamp"
    BYLINE = "byline"
    #: An editor credit (责任编辑：…): it closes the article.
    EDITOR = "editor"
    TOOLBAR = "toolbar"
    #: Mostly link text.
    LINKS = "links"
    #: Copyright, ICP numbers, disclaimers: it closes the article.
    FOOTER = "footer"
    #: 主办单位, 联系我们 …: furniture outside the text, text inside it.
    FOOTER_LABEL = "footer_label"
    #: Related links, comments, next/previous: it closes the article.
    END = "end"
    CAPTION = "caption"
    #: Neither a Han character nor a digit.
    NOHAN = "nohan"
    #: A line of the article's header that reads like text (a subtitle, a kicker).
    HEADER = "header"
    #: Anything after the article's end.
    AFTER_END = "after_end"

    @property
    def removed(self) -> str:
        """The `Document.removed` counter a dropped line of this kind counts in."""
        return _REMOVED_AS.get(self, "chrome_lines")


_REMOVED_AS = {
    LineKind.META: "meta_lines",
    LineKind.STAMP: "meta_lines",
    LineKind.BYLINE: "meta_lines",
    LineKind.EDITOR: "meta_lines",
    LineKind.TITLE: "meta_lines",
    LineKind.HEADER: "meta_lines",
    LineKind.SPAM: "spam_blocks",
    LineKind.BREADCRUMB: "breadcrumb_lines",
}


@dataclass(slots=True)
class Candidate:
    """A possible value for a metadata field, with where it was found (for debugging the chain)."""

    field: str
    value: str | list[str]
    origin: str


@dataclass(slots=True)
class Extracted:
    """What a cleaner hands on: article blocks and metadata candidates, before repair and conversion.

    `candidates` are in order of trust, most trusted first, per field.
    """

    blocks: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)
    removed_items: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The disclosure table's fields, when the page has one (`clean.disclosure`).
    gov: Gov | None = None

    def add(self, name: str, value: str | list[str] | None, origin: str) -> None:
        if value:
            self.candidates.append(Candidate(name, value, origin))

    def drop(self, counter: str, text: str, count: int = 1) -> None:
        """Count removed material in `Document.removed[counter]` and keep its text for `show`."""
        self.removed[counter] += count
        if text:
            self.removed_items.append(Removed(counter, text))

    def drop_line(self, kind: LineKind, text: str, count: int = 1) -> None:
        """Drop a line of this kind (see `LineKind.removed`)."""
        self.drop(kind.removed, text, count)
