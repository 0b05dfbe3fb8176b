"""The headline: the visible heading that the page's own title metadata confirms.

`<title>` usually carries a site-name suffix (`…_河南省人民政府门户网站`, `…-新华网`) and is
sometimes only the column name (`工作动态_重庆市…`); og:title and the government `ArticleTitle`
tag are cleaner but not always present. The visible heading is what readers see, so a heading
line near the article is chosen when a title reference confirms it; a headline broken over
several lines by <br> is joined. Without a confirmed heading, the references themselves are used,
with the site suffix cut from `<title>`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import LineKind
from .layout import RenderedLine
from .site_names import cut_site_names, learned_names

_NORM_DROP_CHAR = r"[\s\u3000\u00a0·•・\-—–_|｜:：,，.。!！?？\"'“”‘’《》「」『』()（）\[\]【】]"
#: `X+` written `XX*`: a pattern that opens with a character class lets `re` skip ahead to a
#: candidate character; one that opens with a repeat is tried at every position.
_NORM_DROP = re.compile(f"{_NORM_DROP_CHAR}{_NORM_DROP_CHAR}*")
#: Starts only where a whitespace run starts (look-behind), so a long run is not rescanned from each
#: of its characters; the leftmost match is the same.
_SITE_SUFFIX = re.compile(r"(?<!\s)\s*(?:[_|｜]|\s[-–—]+\s|--|－－|-{1,2}(?=[^-\d]{1,12}$))\s*[^_|｜]{1,30}$")
_INJECTED_PREFIX = re.compile(r"^\s*\[[^\[\]]{1,16}\]\s*(?=\S)")
_MAX_TITLE = 120
#: How many lines before the article container are searched for the visible heading.
_WINDOW = 40


#: Full-width ASCII forms, the ideographic and no-break spaces and the ellipsis, each mapped to its
#: compatibility decomposition. Mapping them first leaves the NFKC form unchanged (NFKC composes
#: the same full decomposition) but lets a Chinese line whose only compatibility characters are
#: these (a full-width comma) pass unicodedata's normal-form check instead of being recomposed.
_WIDE_FORMS = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " ", "\u00a0": " ", "\u2026": "..."}
)
_WIDE_RUN = re.compile("[\uff01-\uff5e\u3000\u00a0\u2026][\uff01-\uff5e\u3000\u00a0\u2026]*")


def _unwiden(m: re.Match[str]) -> str:
    return m.group().translate(_WIDE_FORMS)


def norm(text: str) -> str:
    """Comparison key: width-folded (NFKC), without spaces and punctuation, lower case."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", _WIDE_RUN.sub(_unwiden, text))
    return _NORM_DROP.sub("", text).lower()


def cut_site_suffix(title: str) -> str:
    """`标题_栏目_网站` -> `标题`; stops before cutting into the headline itself."""
    title = " ".join(title.split())
    while True:
        m = _SITE_SUFFIX.search(title)
        if not m or m.start() < max(4, len(title) // 3):
            return title
        title = title[: m.start()].rstrip()


def strip_injected_prefix(title: str) -> str:
    """`[关键词]标题` -> `标题`: hacked pages prefix headlines with a bracketed search keyword."""
    return _INJECTED_PREFIX.sub("", title)


@dataclass(slots=True)
class Headline:
    text: str
    #: Indices of the visible lines that make up the headline (empty when it came from metadata).
    lines: tuple[int, ...] = ()
    origin: str = ""


def choose_headline(
    lines: list[RenderedLine],
    references: list[tuple[str, str]],
    container_start: int,
    kinds: list[LineKind] | None = None,
    site_names: tuple[str, ...] = (),
) -> Headline | None:
    """Pick the headline.

    `references` are (origin, text) title strings from the page's metadata, most trusted first
    (ArticleTitle, og:title, <title> …). `container_start` is the index of the first line of the
    article container; `kinds` are the lines' kinds (kinds.classify), used when no reference
    confirms a visible line; `site_names` are the names the page declares for itself
    (og:site_name), cut from the references like the names learned from `<title>`.
    """
    names = learned_names(references, site_names)
    keys = [(origin, norm(text), norm(_without_site(text, names))) for origin, text in references if text]
    # What any match needs (see _match): the key inside a reference, or ending with a long cut
    # one. Keys hold no line break (norm drops white space), so one substring test against the
    # references joined by line breaks rejects most lines without the loop over references.
    joined = "\n".join(k for _origin, full, cut in keys for k in (full, cut))
    long_cuts = tuple(cut for _origin, _full, cut in keys if len(cut) >= 8)
    n = len(lines)
    lo = max(0, container_start - _WINDOW)
    hi = min(n, container_start + 12)
    # Per line from `lo`: its key, or None when it cannot be part of a headline: too long for
    # one, or a navigation link (a menu item naming the column that `<title>` also names) not
    # styled as a heading, a label line or a disclosure table's row (META): a table's last value
    # (`主题分类` / `统计执法`) would otherwise join the headline under it. Only the others are keyed.
    line_keys = [
        None if len(line.text) > _MAX_TITLE or _no_headline(line, kinds) else norm(line.text)
        for line in lines[lo : min(n, hi + 2)]
    ]
    best: tuple[float, int, int] | None = None
    for i in range(lo, hi):
        key = ""
        size = 0
        for span in (1, 2, 3):
            j = i + span - 1
            if j >= n:
                break
            part = line_keys[j - lo]
            if part is None:
                break
            # The group's key and text length grow by one line per span.
            key += part
            size += len(lines[j].text)
            if len(key) < 4 or size > _MAX_TITLE or (key not in joined and not key.endswith(long_cuts)):
                continue
            score = _match(key, keys)
            if not score:
                continue
            score += 2 * (lines[i].heading > 0) - 3 * (lines[i].chrome) - (span - 1)
            # Nearer the article wins among equal matches.
            score -= abs(container_start - i) / 100
            if best is None or score > best[0]:
                best = (score, i, span)
    if best is not None:
        _score, i, span = best
        text = "".join(line.text for line in lines[i : i + span]) if span > 1 else lines[i].text
        return Headline(text, tuple(range(i, i + span)), "visible")
    # Without a reference, only a line styled as a heading just above the text can be its
    # headline (an <h3> further down is a section heading).
    heading = _visible_heading(lines, kinds, container_start) if kinds else None
    heading = heading or _first_heading(lines, lo, min(hi, container_start + 2))
    if heading is None and not references:
        heading = _fragment_heading(lines, kinds)
    for origin, text in references:
        text = " ".join(text.split())
        if not text:
            continue
        if origin == "html:title" and heading is not None:
            # A <title> that names no visible line is the site's or the column's name.
            return heading
        return Headline(_without_site(text, names), (), origin)
    return heading


#: Link share above which an unstyled line is a navigation item, not a headline.
_NAV_LINK_DENSITY = 0.5


def _no_headline(line: RenderedLine, kinds: list[LineKind] | None) -> bool:
    """A table row, a navigation link, a label line or a disclosure table's row (META)."""
    return line.row or _nav_link(line) or (kinds is not None and kinds[line.index] is LineKind.META)


def _nav_link(line: RenderedLine) -> bool:
    return line.link_density > _NAV_LINK_DENSITY and not line.heading


def _without_site(text: str, names: tuple[str, ...]) -> str:
    """A title string without the site's and column's names around it.

    The page's own names go first: a site name before the headline (`某某日报 | 标题`) would
    otherwise read as the headline with the real one cut off as a suffix.
    """
    return cut_site_names(cut_site_suffix(cut_site_names(text, names)), names)


def _match(key: str, refs: list[tuple[str, str, str]]) -> float:
    """How well a visible line matches a title reference (0 = not at all)."""
    best = 0.0
    for rank, (_origin, full, cut) in enumerate(refs):
        bonus = max(0, 3 - rank) / 3
        if key in (full, cut):
            best = max(best, 10 + bonus)
        elif full.startswith(key) and len(key) >= 0.6 * len(cut):
            best = max(best, 6 + bonus)
        elif key.endswith(cut) and len(cut) >= 8 and len(key) <= len(cut) + 16:
            # An injected prefix in front of the real title.
            best = max(best, 5 + bonus)
        elif len(key) >= 8 and len(key) >= 0.5 * len(full) and (full.endswith(key) or cut.endswith(key)):
            # A prefix in front of the reference: `某某市人民政府网——标题` over the visible `标题`.
            best = max(best, 6 + bonus)
    return best


#: Kinds of lines that can hold a headline, and kinds that follow one (its date/source line).
_HEADLINE_KINDS = frozenset((LineKind.BODY, LineKind.TITLE))
_UNDER_HEADLINE = frozenset((LineKind.META, LineKind.STAMP, LineKind.TOOLBAR, LineKind.BYLINE))
_HEADLINE_WINDOW = 15
#: A headline never ends a sentence, nor introduces what follows (`日期Date:`, `附件：`).
_SENTENCE_END = re.compile(r"[。！？；:：]$")
_FULL_STOP = re.compile(r"[。！？]")


def _visible_heading(lines: list[RenderedLine], kinds: list[LineKind], container_start: int) -> Headline | None:
    """The best-looking headline among the short lines just above (or opening) the text.

    A headline is short, unpunctuated at its end, styled (a heading tag, bold or centred), and
    usually followed by the date/source line; nearer the text is better.
    """
    lo = max(0, container_start - _HEADLINE_WINDOW)
    hi = min(len(lines), container_start + _HEADLINE_WINDOW)
    best: tuple[float, int] | None = None
    for i in range(lo, hi):
        line = lines[i]
        text = line.text
        if len(text) >= 20 and _FULL_STOP.search(text):
            if i >= container_start:
                break  # the text has begun: a headline is above it
            continue
        if (
            kinds[i] not in _HEADLINE_KINDS
            or line.chrome
            or line.row
            or line.link_density > 0.3
            or not 6 <= len(text) <= 80
            or _SENTENCE_END.search(text)
        ):
            continue
        score = (5 - line.heading if line.heading else 0) + 2 * line.bold + line.centered
        score += 3 * any(kinds[j] in _UNDER_HEADLINE for j in range(i + 1, min(len(lines), i + 3)))
        score -= abs(container_start - i) / 10
        if score >= 2.5 and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    group = _heading_group(lines, kinds, best[1])
    return Headline("".join(lines[i].text for i in group), tuple(group), "styled")


#: Most lines one headline is set over, and its longest joined length.
_GROUP_LINES = 3
_GROUP_CHARS = 80


def _heading_group(lines: list[RenderedLine], kinds: list[LineKind], first: int) -> list[int]:
    """The lines one headline is set over, from its first line.

    A heading broken by <br> continues on lines of the same element; a document name set over
    consecutive bold centred paragraphs (`全国人民代表大会常务委员会` / `关于批准…` / `…的决议`)
    continues on the next lines styled the same way, up to a punctuated line.
    """
    head = lines[first]
    group = [first]
    size = len(head.text)
    while group[-1] + 1 < len(lines) and len(group) < _GROUP_LINES:
        nxt = lines[group[-1] + 1]
        same_element = nxt.owner is head.owner and head.heading > 0
        same_style = (
            head.bold
            and head.centered
            and nxt.bold
            and nxt.centered
            and nxt.heading == head.heading
            and kinds[nxt.index] in _HEADLINE_KINDS
            and not nxt.chrome
            and not _SENTENCE_END.search(nxt.text)
            and not _FULL_STOP.search(nxt.text)
        )
        if not (same_element or same_style) or size + len(nxt.text) > _GROUP_CHARS:
            break
        group.append(group[-1] + 1)
        size += len(nxt.text)
    return group


#: How many lines open a fragment before its headline must have come.
_FRAGMENT_TOP = 3


def _fragment_heading(lines: list[RenderedLine], kinds: list[LineKind] | None) -> Headline | None:
    """A page saved as a fragment (a crawler's content block, no <head>, no <title>): its first
    bold or heading line, short and unpunctuated, opening the block is the headline."""
    for i, line in enumerate(lines[:_FRAGMENT_TOP]):
        if kinds is not None and kinds[i] not in _HEADLINE_KINDS:
            continue
        if (line.bold or line.heading) and not line.chrome and 6 <= len(line.text) <= 80:
            return None if _SENTENCE_END.search(line.text) else Headline(line.text, (i,), "fragment")
    return None


def _first_heading(lines: list[RenderedLine], lo: int, hi: int) -> Headline | None:
    for level in (1, 2, 3):
        for i in range(lo, hi):
            line = lines[i]
            if line.heading == level and not line.chrome and 4 <= len(line.text) <= _MAX_TITLE:
                return Headline(line.text, (i,), f"h{level}")
    return None
