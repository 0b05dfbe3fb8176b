"""Which lines of the article container are the article.

Every line first gets a kind from its own text and layout (`kinds.classify`: toolbar, caption,
label line …). Then position decides, because the same kind of line means different things in
different places:

- head: everything up to the last title / label / toolbar / byline line before the first prose
  paragraph is the article header (title, subtitle, date and source lines, share bar);
- end: an editor credit (责任编辑：…) or a related-links / comments label after the text has
  begun closes the article — what follows is page furniture, however prose-like;
- tail: after the last prose paragraph, label, timestamp and byline lines are dropped while other
  short lines (a signature, its date) stay;
- anywhere: captions, toolbars, link lists and footer lines are dropped; label lines between
  paragraphs stay (a notice's `时间：` or `联系人：` lines are text).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...resources import patterns
from .. import LineKind
from ..line_rules import LIST_MARKER
from ..repair import remove_pinyin
from .attachments import attachment_label, bare_attachment_label, document_file, document_title, link_label
from .kinds import date_only_line
from .layout import RenderedLine

_P = patterns("body")

#: Kinds that are never article text.
FURNITURE = frozenset(
    (
        LineKind.CHROME, LineKind.FOOTER, LineKind.LINKS, LineKind.TOOLBAR, LineKind.EDITOR, LineKind.END,
        LineKind.CAPTION, LineKind.NOHAN, LineKind.SPAM, LineKind.TITLE, LineKind.BREADCRUMB,
    )
)
#: Kinds that belong to an article header (before the first paragraph) or trailer (after the last).
HEADER = frozenset(
    (
        LineKind.TITLE, LineKind.META, LineKind.STAMP, LineKind.TOOLBAR, LineKind.EDITOR, LineKind.BYLINE,
        LineKind.LINKS, LineKind.CAPTION, LineKind.CHROME, LineKind.FOOTER, LineKind.BREADCRUMB,
    )
)
TRAILER = frozenset(
    (
        LineKind.META, LineKind.STAMP, LineKind.BYLINE, LineKind.FOOTER_LABEL, LineKind.LINKS,
        LineKind.TOOLBAR, LineKind.CHROME, LineKind.FOOTER, LineKind.END,
    )
)
#: Kinds that close the article once its text has begun.
TERMINATORS = frozenset((LineKind.EDITOR, LineKind.END, LineKind.FOOTER))

_CAPTION_MAX = 60
#: After the last paragraph, a line with this share of link text is a promotion or a link list.
_TRAILING_LINKS = 0.15
_SHORT_SENTENCE = 40


def image_caption(line: RenderedLine, following: RenderedLine | None) -> bool:
    """A short line right after an image that reads as its caption, not as text.

    A centred short line under a picture is its caption, unless centred text goes on below it (a
    poem, a statement's heading); a lone short sentence is a caption too. A date (a statement's
    dateline), a work title in 《》, a document number (`川卫函〔2025〕46号`, set centred under a
    letterhead image) and a phrase that runs on into the next line are text.
    """
    if not line.image_before or line.row:
        return False
    text = line.text
    if len(text) > _CAPTION_MAX or date_only_line(text) or _P.work_title.match(text) or _P.doc_number.search(text):
        return False
    if line.centered:
        return following is None or not following.centered or following.image_before
    return len(text) <= _SHORT_SENTENCE and bool(_P.sentence_end.search(text)) and not _P.inner_punct.search(text[:-1])


def _legend(lines: list[RenderedLine], kinds: list[LineKind], i: int) -> bool:
    """A `注：` note right under a picture, or under the picture's caption, is its legend (what
    the map's colours mean), not a note on the text: it goes with the picture."""
    if not _P.legend.match(lines[i].text) or len(lines[i].text) > _CAPTION_MAX:
        return False
    return lines[i].image_before or (i > 0 and kinds[i - 1] is LineKind.CAPTION and lines[i - 1].image_before)


_DISPLAY_MAX = 40
#: What may stand right above a display line: the page's start, or header lines. An image's
#: caption may not: a bold line under a picture opens the text (a section heading).
_DISPLAY_AFTER = frozenset((None, LineKind.TITLE, LineKind.META, LineKind.STAMP, LineKind.BYLINE, LineKind.TOOLBAR))


def _display_line(line: RenderedLine, kind: LineKind, before: LineKind | None) -> bool:
    """A display headline above the lead: the 副题 under a repeated title, a centred bold 主题.

    Newspapers set a headline as several lines (引题, 主题, 副题) and the CMS copies them into
    the text block; only the first paragraph starts the article. A line set off by layout
    (centred or bold) or standing right under the repeated title, short and not ending like a
    sentence, a salutation (`各区人民政府：`) or a numbered heading, is part of the headline set.
    """
    if kind is not LineKind.BODY or before not in _DISPLAY_AFTER or line.row or len(line.text) > _DISPLAY_MAX:
        return False
    text = line.text.strip()
    if _P.headline_bad_end.search(text) or LIST_MARKER.match(text) or _P.document_line.search(text):
        return False
    if date_only_line(text):
        return False
    return line.centered or line.bold or before is LineKind.TITLE


@dataclass(slots=True)
class Selection:
    """Indices (into the container's lines) kept as body, and the dropped ones with their kind."""

    kept: list[int]
    dropped: list[tuple[int, LineKind]]
    first_prose: int
    end: int


#: A punctuated line this long is a paragraph even without a full stop.
_PARAGRAPH = 25


#: Values shorter than this say too little to be recognised again below the box.
_SUMMARY_VALUE = 4
#: A summary box has this many key-value rows at least.
_SUMMARY_ROWS = 3


def mark_summary_rows(lines: list[RenderedLine], kinds: list[LineKind]) -> None:
    """A box of key-value rows above the text that restates it is the page's summary: META.

    Procurement notices (公告概要: 采购项目名称 | …, 总成交金额 | …) and disclosure-style pages open
    with a table whose values the notice then states again in its own lines; the box is the
    page's metadata, like a disclosure table (CONVENTIONS). The rows before the first paragraph
    that is not a row are the box; it is a summary when most of its values are found again in
    the lines after it, so a table that opens a report with its own figures stays text.
    `kinds` is indexed by the lines' page index.
    """
    first = next((i for i, line in enumerate(lines) if not line.row and _P.full_stop.search(line.text)), None)
    if first is None:
        return
    rows = [i for i in range(first) if lines[i].row and kinds[lines[i].index] in _SUMMARY_KINDS]
    values = [v for i in rows for v in _row_values(lines[i].text)]
    if len(rows) < _SUMMARY_ROWS or not values:
        return
    after = _unglossed(_P.no_space.sub("", "".join(line.text for line in lines[first:])))
    if 2 * sum(1 for v in values if _unglossed(v) in after) < len(values):
        return
    for i in rows:
        kinds[lines[i].index] = LineKind.META


def _unglossed(text: str) -> str:
    """`text` without pinyin glosses: a mirror glosses the box and the lines restating it at
    different characters, so the same value would not be found again."""
    return remove_pinyin(text)[0] if "(" in text else text


#: Kinds a summary row may have got from its own text (a date row is a STAMP).
_SUMMARY_KINDS = frozenset((LineKind.BODY, LineKind.STAMP, LineKind.BREADCRUMB, LineKind.META))


def _row_values(text: str) -> list[str]:
    """The value cells of a key-value row (`label | value | label | value`), spaces removed;
    none when some label cell is not a label."""
    cells = [cell.strip() for cell in text.split("\t")]
    if len(cells) % 2 or not all(_P.summary_label.match(label) for label in cells[::2]):
        return []
    return [v for v in (_P.no_space.sub("", cell) for cell in cells[1::2]) if len(v) >= _SUMMARY_VALUE]


def is_prose(line: RenderedLine, kind: LineKind, weight: float) -> bool:
    """A paragraph of running text: it marks where the article's text begins and ends.

    Headings (a subtitle in <h3>), unpunctuated lines and short phrases without a full stop (a
    headline with a 、 in it) are not paragraphs.
    """
    if kind is not LineKind.BODY or weight <= 0 or line.heading:
        return False
    text = line.text
    return bool(_P.full_stop.search(text)) or (len(text) >= _PARAGRAPH and bool(_P.prose_punct.search(text)))


def _document_link(text: str, attachments: bool, *, inside: bool) -> bool:
    """A link line that is the article's: its attachment list's label and items, a file it
    links, or a document or labelled link between its paragraphs (see `attachments`)."""
    if attachment_label(text) or document_file(text):
        return True
    if attachments:
        return bool(_P.list_item.match(text)) or document_title(text)
    return inside and (document_title(text) or link_label(text))


#: Link lines in a row that make a navigation block (a site's footer menu), not a link or two.
_NAV_RUN = 4


def _navigation_after(lines: list[RenderedLine], kinds: list[LineKind], last: int, end: int) -> int:
    """Where the article ends: at `end`, or earlier at a navigation block after its last
    paragraph.

    A container that runs into the site's footer (a portal whose footer menu and 开办 / 主办 /
    地址 credits follow the article in the same element) shows a block of link lines between
    the article's signature and the footer text; past such a block nothing is the article's.
    Document links (an attachment list) are no navigation.
    """
    run, attachments = 0, False
    for i in range(last + 1, end):
        text = lines[i].text
        nav = kinds[i] is LineKind.LINKS and not _document_link(text, attachments, inside=False)
        attachments = attachment_label(text) or (attachments and bool(_P.list_item.match(text)))
        run = run + 1 if nav else 0
        if run == _NAV_RUN:
            return i - run + 1
    return end


def select(lines: list[RenderedLine], kinds: list[LineKind], prose: list[bool]) -> Selection:
    """Apply the positional rules of the module docstring to the container's lines.

    `prose[i]` says whether line i is a paragraph (see is_prose).
    """
    n = len(lines)
    first = next((i for i in range(n) if prose[i]), None)
    if first is None:
        # No paragraph: whatever is not furniture is the text, up to a terminator that follows
        # some of it (a report in short lines, then its site's download area).
        text = [i for i in range(n) if kinds[i] not in FURNITURE and kinds[i] not in HEADER]
        end = next((i for i in range(n) if kinds[i] in TERMINATORS and text and text[0] < i), n)
        kept = [i for i in text if i < end]
        dropped = [(i, k) for i, k in enumerate(kinds) if i >= end or k in FURNITURE or k in HEADER]
        return Selection(kept, dropped, n, n)
    cut = -1
    for i in range(first):
        if kinds[i] in HEADER:
            cut = i
    while cut + 1 < first and _display_line(lines[cut + 1], kinds[cut + 1], kinds[cut] if cut >= 0 else None):
        cut += 1
    end = n
    for i in range(first + 1, n):
        if kinds[i] in TERMINATORS:
            end = i
            break
    last = max(i for i in range(first, end) if prose[i])
    end = _navigation_after(lines, kinds, last, end)
    kept: list[int] = []
    dropped = [(i, LineKind.HEADER if kinds[i] is LineKind.BODY else kinds[i]) for i in range(cut + 1)]
    attachments = False
    for i in range(cut + 1, end):
        kind = kinds[i]
        text = lines[i].text
        if kind is LineKind.LINKS and _document_link(text, attachments, inside=i < last):
            kept.append(i)
            attachments = attachments or attachment_label(text)
            continue
        # An attachment list runs from its label over its numbered items and file links.
        attachments = attachment_label(text) or (attachments and bool(_P.list_item.match(text)))
        if kind in FURNITURE:
            dropped.append((i, kind))
        elif i > last and (kind in TRAILER or (kind is LineKind.BODY and lines[i].link_density > _TRAILING_LINKS)):
            dropped.append((i, kind if kind is not LineKind.BODY else LineKind.LINKS))
        elif kind is LineKind.BODY and (
            image_caption(lines[i], lines[i + 1] if i + 1 < n else None) or _legend(lines, kinds, i)
        ):
            dropped.append((i, LineKind.CAPTION))
        else:
            kept.append(i)
    # Attachment and download labels left with no item under them close no list: the
    # template's empty boxes.
    while kept and kept[-1] > last and bare_attachment_label(lines[kept[-1]].text):
        dropped.append((kept.pop(), LineKind.LINKS))
    dropped.extend((i, kinds[i] if i == end else LineKind.AFTER_END) for i in range(end, n))
    return Selection(kept, dropped, first, end)
