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

from dataclasses import dataclass, field
from functools import lru_cache

from ..gov import TITLE, label_field
from ..han import count_han
from ..resources import patterns
from . import Extracted, LineKind, bbcode, credits, disclosure, spam, translation, vocab
from .bylines import byline_line, closing_byline, opening_byline
from .head_roles import (
    HeadRole,
    glued_head,
    head_role,
    headline_part,
    is_column_name,
    is_original_title,
    is_site_name,
    without_issuer_prefix,
)
from .keys import KeyedLine
from .line_rules import LIST_MARKER as _LIST_MARKER
from .line_rules import breadcrumb_items, classify, comment_label, end_label, end_marker, is_issuer, is_toolbar
from .lost_tables import without_lost_tables
from .meta_lines import MetaField, closing_credit, leading_byline_author, meta_fields
from .repair import repair

_MAX_TITLE = 64
_P = patterns("text")
#: A line at least this long that stops mid-clause was wrapped by the page, not ended.
_MIN_WRAPPED = 24
#: Rank added to metadata found below the start of the article (see `clean_text`).
_TAIL_PENALTY = 10
#: The roles that fill a document field (the others only keep a line out of title and body).
_FIELDS_OF_ROLES = frozenset(("source", "author", "published_at"))
#: Rank of a field stated by an unlabelled head line: after labelled lines and date lines.
_ROLE_RANK = 4
#: Rank of a field read from a paragraph's dateline or closing credit.
_BYLINE_RANK = 6
#: A headline repeated inside a longer head line is at least this long.
_MIN_REPEAT = 8


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
    framed: dict[int, KeyedLine] = {}
    lines = _classified_lines(text, out, keep_pinyin, framed)
    _read_disclosure(lines, out)
    head_end = _head_end(lines)
    roles = _head_roles(lines, head_end)
    title_at = _title_index(lines, head_end, roles)
    fields = _Fields()
    title = _head_title(lines, head_end, title_at, fields)
    glued = title is not None and (title_at is None or title is not lines[title_at][0])
    if glued:
        title_at = None  # the headline was glued to the first paragraph
    headline = _headline_text(title) if title else None
    repeats = {title.key.replace(" ", ""), KeyedLine.of(headline).key.replace(" ", "")} if title and headline else set()
    furniture = _head_furniture(lines, title_at, head_end, roles)

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
            if i in roles:  # a credit or occasion line in the head (see _head_roles)
                fields.add(MetaField(roles[i].field, roles[i].value, _ROLE_RANK), "text:head")
            _take_meta(line, fields, out, tail=i >= head_end)
        elif kind is LineKind.CHROME:
            out.drop_line(kind, line.text)
        elif i == title_at:
            continue
        elif i in roles:
            if roles[i].field in _FIELDS_OF_ROLES:
                fields.add(MetaField(roles[i].field, roles[i].value, _ROLE_RANK), "text:head")
            out.drop_line(LineKind.HEADER, line.text)
        elif glued and i < head_end and is_issuer(line.key):
            fields.add(MetaField("source", line.key, _ROLE_RANK), "text:head")
            out.drop_line(LineKind.HEADER, line.text)  # the issuer above a glued headline
        elif title_at is not None and i < title_at and i < head_end:
            out.drop_line(LineKind.CHROME, line.text)  # a site name or kicker above the headline
        elif line.key.replace(" ", "") in repeats:
            out.drop_line(LineKind.TITLE, line.text)  # the headline repeated
        elif title is not None and i < head_end and _P.subtitle.match(line.key):
            out.drop_line(LineKind.HEADER, line.text)  # its subtitle
        elif title_at is not None and title_at < i < head_end and is_issuer(line.key):
            out.drop_line(LineKind.HEADER, line.text)  # the issuer under a report's title
        elif i in furniture:
            out.drop_line(furniture[i], line.text)
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
                body.append(framed.get(i, stripped) if stripped is line else stripped)

    _finish(out, body, fields, headline)
    return out


def _finish(out: Extracted, body: list[KeyedLine], fields: _Fields, headline: str | None) -> None:
    """Hand on the headline and the fields (with the paragraphs' bylines), then the paragraphs."""
    if headline:
        out.add("title", headline, "text:headline")
    if body:
        author = leading_byline_author(body[0])
        if author:
            fields.add(MetaField("author", author, 5), "text:dateline")
        _paragraph_bylines(body, fields, author)
    fields.flush(out)
    body, lost = without_lost_tables(body)
    for piece in lost:
        out.drop_line(LineKind.CHROME, piece)
    out.blocks = [b for b in _join_wrapped(body) if b]


def _head_furniture(
    lines: list[tuple[KeyedLine, LineKind]], title_at: int | None, head_end: int, roles: dict[int, HeadRole]
) -> dict[int, LineKind]:
    """Head lines under the headline that are neither text nor fields, by index, with the kind
    they are dropped as: the pieces of a broken repeat, a stray label above the sections."""
    if title_at is None:
        return {}
    furniture = dict.fromkeys(_broken_repeat(lines, title_at), LineKind.TITLE)
    stray = _stray_label(lines, title_at, head_end, roles)
    if stray is not None:
        furniture[stray] = LineKind.CHROME
    return furniture


def _stray_label(
    lines: list[tuple[KeyedLine, LineKind]], title_at: int, head_end: int, roles: dict[int, HeadRole]
) -> int | None:
    """A label between the headline and the first of the article's section headings.

    An article laid out as headings each over its paragraphs (`地区生产总值增长6.7%` / `初步
    核算,…`) has no line without text of its own, so a line right above the first heading
    (`全社会固定资产投资`, a chart's or tab's label) is not part of it. The article must show
    its layout further down: another heading over a paragraph, and no heading over a heading. A
    pair of label lines over a text with no headings (`聚焦大项目` / `聚焦分会场`) may be a
    heading and its subheading, and so may a part's heading over its first section's
    (`2022年工作回顾` / `过去一年,我们…`) where the parts' headings come again below.
    """
    first = head_end - 1  # the first section heading, right above the first paragraph
    label = first - 1
    if label <= title_at or label in roles or head_end >= len(lines):
        return None
    if not all(lines[i][1] is LineKind.BODY and _is_headline(lines[i][0].key) for i in (label, first)):
        return None
    return label if _headings_over_paragraphs(lines, head_end + 1) else None


def _headings_over_paragraphs(lines: list[tuple[KeyedLine, LineKind]], start: int) -> bool:
    """Whether, from `start` on, some heading stands over a paragraph and none over a heading."""
    over_paragraph = False
    for i in range(start, len(lines) - 1):
        (line, kind), (nxt, nxt_kind) = lines[i], lines[i + 1]
        if kind is not LineKind.BODY or nxt_kind is not LineKind.BODY or not _is_headline(line.key):
            continue
        if _is_headline(nxt.key):
            return False
        over_paragraph = True
    return over_paragraph


def _headline_text(title: KeyedLine) -> str | None:
    """The title line as the headline: without a site suffix, a `（主题）` mark or an issuer prefix."""
    headline = _without_site_suffix(title)
    part = headline_part(title.key)
    if part:
        headline = title.cut(part[1], part[2]).strip()  # `…（主题）`, `【主题】…`
    if headline:
        headline = without_issuer_prefix(headline, KeyedLine.of(headline).key)
    return _without_title_label(headline) if headline else headline


def _without_title_label(headline: str) -> str:
    """The headline without a label naming it (`标题：…`, `文件名称：…`): the disclosure
    table's labels (`gov.label_field`) say which labels name the document."""
    key = KeyedLine.of(headline).key
    m = _P.title_label.match(key)
    if m is None or label_field(m["label"]) != TITLE or len(key) != len(headline):
        return headline
    return headline[m.start("value") :]


def _classified_lines(
    text: str, out: Extracted, keep_pinyin: bool, framed: dict[int, KeyedLine]
) -> list[tuple[KeyedLine, LineKind]]:
    """Each non-empty line, repaired, with its kind, matched without the bars at its edges.

    An SEO template block (`主站蜘蛛池模板: …`) may wrap over several lines: the lines after the
    marker that still read as lists of titles are spam too, up to the first one that does not.
    A data table's row keeps its frame in the text (`| 地区生产总值 | 2313.0 | 5.2 |`): `framed`
    gets it by the line's index.
    """
    lines: list[tuple[KeyedLine, LineKind]] = []
    in_template = False
    for raw in bbcode.unwrap(text).splitlines():
        repaired = repair(raw, out.removed, keep_pinyin=keep_pinyin).strip()
        fixed = _P.edge_bars.sub("", repaired).strip()
        if not fixed:
            continue
        line = KeyedLine.of(fixed)
        kind = classify(line)
        if kind is LineKind.BODY and fixed != repaired and _P.table_row.match(repaired):
            framed[len(lines)] = KeyedLine.of(repaired)
        if in_template and kind is LineKind.BODY and spam.continues_template(line.key):
            kind = LineKind.SPAM
        elif kind is not LineKind.SPAM:
            in_template = False
        if kind is LineKind.SPAM:
            in_template = in_template or spam.has_marker(line.key)
        lines.append((line, kind))
    for i in translation.renderings([line.key for line, _ in lines]):
        lines[i] = (lines[i][0], LineKind.CHROME)
    _drop_link_lists(lines)
    return lines


#: A related-links list's items are short titles.
_MAX_LINK_TITLE = 40


def _drop_link_lists(lines: list[tuple[KeyedLine, LineKind]]) -> None:
    """Mark the titles listed under a related-links label (相关新闻, 相关阅读) as chrome.

    Only after the article has begun (a sentence has been read), so a page that opens with
    上一篇/下一篇 links keeps its headline; the list ends at the first line that reads as a
    sentence or is long. Under a comment thread's label (网友评论) every line is a reader's.
    """
    begun = listing = comments = False
    for i, (line, kind) in enumerate(lines):
        title_like = len(line.key) <= _MAX_LINK_TITLE and not _P.sentence_end.search(line.key)
        if (comments or (listing and title_like)) and kind is LineKind.BODY:
            lines[i] = (line, LineKind.CHROME)
            continue
        listing = begun and end_marker(line.key)
        if listing and kind is LineKind.BODY and end_label(line.key):
            lines[i] = (line, LineKind.CHROME)
        if begun and comment_label(line.key):
            comments = True
            lines[i] = (line, LineKind.CHROME)
        begun = begun or (kind is LineKind.BODY and bool(_P.sentence_end.search(line.key)))


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
        if f.field == "source" and is_toolbar(KeyedLine.of(f.value).key):
            continue  # `来源： 【打印】`: the empty label's neighbour is the toolbar
        fields.add(MetaField(f.field, f.value, f.rank + penalty), "text:label")
    out.drop_line(LineKind.META, line.text)


def _head_end(lines: list[tuple[KeyedLine, LineKind]]) -> int:
    """Index of the first article paragraph: a body line that is neither headline nor subtitle.

    A line without a Han character (`Loading`, `Original Article URL:`, a machine translation
    under the headline) does not open a Chinese article: it is the site's furniture or a gloss;
    nor does a label left without its value (`发布单位:` of a flattened table row).
    """
    for i, (line, kind) in enumerate(lines):
        if kind is not LineKind.BODY or _is_headline(line.key) or _P.subtitle.match(line.key):
            continue
        if count_han(line.key) and not _P.bare_label.match(line.key):
            return i
    return len(lines)


def _head_roles(lines: list[tuple[KeyedLine, LineKind]], head_end: int) -> dict[int, HeadRole]:
    """The head lines that state a field without a label (see `head_roles`), by index.

    An issuer's name counts only under a headline-shaped line: alone at the top, a line such as
    `建设国际消费中心` is the headline itself.
    """
    roles: dict[int, HeadRole] = {}
    seen_headline = False
    for i in range(head_end):
        line, kind = lines[i]
        if kind is LineKind.META:
            # Credit and occasion lines are metadata without a label: their role names the field.
            role = None if meta_fields(line) is not None else head_role(line.key) or _byline_role(line)
        elif kind is LineKind.BODY:
            role = head_role(line.key) or _byline_role(line) or _set_role(line.key)
        else:
            continue
        if role and (role.field != "source" or seen_headline):
            roles[i] = role
        elif _is_headline(line.key):
            seen_headline = True
    return roles


def _set_role(key: str) -> HeadRole | None:
    """A head line that is part of the headline's furniture and states no field: `原标题：…`,
    and the 引题 / 副题 of a marked headline set (its 主题 is the headline)."""
    if is_original_title(key):
        return HeadRole("original_title", key)
    part = headline_part(key)
    return HeadRole("headline_part", part[0]) if part and part[0] != "主题" else None


def _byline_role(line: KeyedLine) -> HeadRole | None:
    """A byline line in the head (`□ 本报记者 王晓明`) states the author."""
    byline = byline_line(line)
    return HeadRole("author", byline.author) if byline and byline.author else None


def _paragraph_bylines(body: list[KeyedLine], fields: _Fields, known: str | None) -> None:
    """Authors and agencies in the first paragraph's dateline or the last one's closing credit,
    trusted after every labelled line: `（中央社記者王曉明台北4日電）`, `…。（王晓明／台北报导）`."""
    for byline in (opening_byline(body[0]), closing_byline(body[-1])):
        if byline and byline.author and byline.author != known:
            fields.add(MetaField("author", byline.author, _BYLINE_RANK), "text:byline")
        if byline and byline.source:
            fields.add(MetaField("source", byline.source, _BYLINE_RANK), "text:dateline")


def _title_index(lines: list[tuple[KeyedLine, LineKind]], head_end: int, roles: dict[int, HeadRole]) -> int | None:
    """Which headline-shaped line of the head is the headline.

    The headline sits right above the date/source line, so with several candidates (a site
    name, a kicker, the headline) the last one before the first metadata line that follows
    any of them wins; a breadcrumb also marks where the site's furniture ends. Without a
    metadata line the first candidate is the headline: later ones are section headings. Lines
    that state a field (`roles`) are never the headline.
    """
    # The page's location path names its columns; a head line naming one is not the headline.
    crumb_lines = [i for i in range(head_end) if lines[i][1] is LineKind.BREADCRUMB]
    crumbs = {KeyedLine.of(item).key for i in crumb_lines for item in breadcrumb_items(lines[i][0]) or ()}
    candidates = [
        i
        for i in range(head_end)
        if lines[i][1] is LineKind.BODY
        and i not in roles
        and _is_headline(lines[i][0].key)
        and not is_site_name(lines[i][0].key)
        and not is_column_name(lines[i][0].key)
    ]
    # An issuer's name under the headline (`闻喜县统计局`) or an item of the location path is no
    # headline while another line can be; the site's or the column's name never is.
    headlines = [i for i in candidates if not _furniture(lines[i][0].key, crumbs)]
    candidates = headlines or candidates
    if not candidates:
        return None
    if crumb_lines and any(i > crumb_lines[-1] for i in candidates):
        candidates = [i for i in candidates if i > crumb_lines[-1]]
    anchor = _metadata_anchor(lines, candidates[0], head_end, roles)
    chosen = candidates[0] if anchor is None else max(i for i in candidates if i < anchor)
    return _whole_before_pieces(lines, candidates, _inner_repeat(lines, candidates, chosen))


def _metadata_anchor(
    lines: list[tuple[KeyedLine, LineKind]], first: int, head_end: int, roles: dict[int, HeadRole]
) -> int | None:
    """The first metadata line after the line `first`: the headline sits right above it.

    An issuer's name is such a line under a report's title (`…统计公报` / `子洲县统计局`), but a
    site's name over the headline reads the same (`某某市人民政府` / `某某市…再创新高` / `发布时间：…`):
    when a date or credit line follows, that one is the anchor.
    """
    issuer = None
    for m in range(first + 1, head_end):
        if lines[m][1] is LineKind.META or (m in roles and roles[m].field != "source"):
            return m
        if m in roles and issuer is None:
            issuer = m
    return issuer


def _furniture(key: str, crumbs: set[str]) -> bool:
    """A head line that names the issuer, the site or the column rather than the article."""
    return is_issuer(key) or is_site_name(key) or is_column_name(key) or key in crumbs


def _inner_repeat(lines: list[tuple[KeyedLine, LineKind]], candidates: list[int], chosen: int) -> int:
    """The next candidate when it repeats the chosen line without words a mirror put around it.

    `(贵州省)关于黔东南州黄平县…的报告` over `黄平县…的报告`: the shorter line, contained in the
    longer, is the document's own headline.
    """
    after = [i for i in candidates if i > chosen]
    if not after or after[0] != chosen + 1:
        return chosen
    inner, outer = lines[after[0]][0].key.replace(" ", ""), lines[chosen][0].key.replace(" ", "")
    return after[0] if len(inner) >= _MIN_REPEAT and inner != outer and inner in outer else chosen


def _whole_before_pieces(lines: list[tuple[KeyedLine, LineKind]], candidates: list[int], chosen: int) -> int:
    """The earlier candidate when the lines from it to the chosen one are its broken repeat.

    The last piece sits above the date line, but the whole line is the headline.
    """
    for whole in candidates:
        if whole >= chosen - 1:
            break
        if chosen in _broken_repeat(lines, whole):
            return whole
    return chosen


def _broken_repeat(lines: list[tuple[KeyedLine, LineKind]], whole: int) -> range:
    """The lines under line `whole` that repeat it in pieces, or an empty range.

    A page that sets its headline again in a styled block can lose part of it: `子洲县二〇二三年
    国民经济和社会发展统计公报` over `子洲县二〇` / `国民经济和社会发展统计公报`. One shorter line
    under a longer one is not a broken repeat: it may be a kicker or the document's own headline
    (see `_inner_repeat`), so the pieces are two or more, each a part of the line, in order, and
    words are lost between them: pieces that join into a part of the line are that shorter
    headline wrapped over two lines (`黄平县…情况和` / `2023年预算草案的报告`).
    """
    key, at, end = _compact(lines[whole][0]), 0, whole + 1
    pieces: list[str] = []
    while end < len(lines) and lines[end][1] is LineKind.BODY:
        piece = _compact(lines[end][0])
        found = key.find(piece, at)
        if found < 0 or len(piece) >= len(key) or not _is_headline(piece):
            break
        at, end = found + len(piece), end + 1
        pieces.append(piece)
    return range(whole + 1, end) if len(pieces) > 1 and "".join(pieces) not in key else range(0)


def _compact(line: KeyedLine) -> str:
    return line.key.replace(" ", "")


def _head_title(
    lines: list[tuple[KeyedLine, LineKind]], head_end: int, title_at: int | None, fields: _Fields
) -> KeyedLine | None:
    """The headline line: the chosen head line, or one glued to the first paragraph.

    When the only headline-shaped line is an issuer's, site's or column's name (`统计暨普查局`
    above the text), a headline glued to the first paragraph is the page's own.
    """
    if title_at is None:
        return _split_glued(lines, head_end, fields)
    if _furniture(lines[title_at][0].key, set()):
        return _split_glued(lines, head_end, fields) or lines[title_at][0]
    return _split_title(lines, title_at)


def _split_title(lines: list[tuple[KeyedLine, LineKind]], title_at: int) -> KeyedLine:
    """The headline, joined with the line above it when the page broke it over two lines."""
    title = lines[title_at][0]
    if title_at == 0 or lines[title_at - 1][1] is not LineKind.BODY:
        return title
    above = lines[title_at - 1][0]
    a, b = above.key, title.key
    if not _is_headline(a) or len(a) + len(b) > _MAX_TITLE or is_site_name(a) or is_column_name(a):
        return title
    number = bool(_P.number_cut_end.search(a) and _P.number_cut_start.match(b))
    broken = bool(_P.open_end.search(a) or _P.joined_start.match(b)) or number
    if broken or (_P.document_start.match(b) and is_issuer(a)):
        return KeyedLine.of(above.text + title.text)
    return title


def _split_glued(lines: list[tuple[KeyedLine, LineKind]], head_end: int, fields: _Fields) -> KeyedLine | None:
    """With no headline line, a headline glued to the first paragraph (`head_roles.glued_head`).

    The paragraph's line is replaced by its rest, and the fields between them are kept.
    """
    if head_end >= len(lines) or lines[head_end][1] is not LineKind.BODY:
        return None
    line = lines[head_end][0]
    glued = glued_head(line.key)
    if not glued:
        return None
    for role in glued.roles:
        fields.add(MetaField(role.field, role.value, _ROLE_RANK), "text:head")
    lines[head_end] = (KeyedLine.of(line.cut(glued.rest_start, len(line.key))), LineKind.BODY)
    return KeyedLine.of(line.cut(0, glued.title_end))


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
    return _without_closing_credit(line, out)


def _without_closing_credit(line: KeyedLine, out: Extracted) -> KeyedLine:
    """Cut a wire tag or outlet credit glued to the paragraph's end (`…（編輯：XX）1100104`)."""
    cut = credits.closing_credit_start(line.key)
    if not cut:
        return line
    rest = line.cut(0, cut).rstrip()
    out.drop("meta_lines", line.cut(cut).strip())
    return KeyedLine.of(rest)


def _without_site_suffix(title: KeyedLine) -> str:
    """The headline without a page-title suffix naming the site (`…会议_常州市人民政府`)."""
    m = _P.site_suffix.match(title.key)
    return title.cut(0, m.end("headline")).strip() if m else title.text


def _is_headline(key: str) -> bool:
    """Short, no sentence end, not a list item, section label or subtitle."""
    if not (2 <= len(key) <= _MAX_TITLE) or count_han(key) < 2:
        return False
    if "。" in key or _P.title_bad_end.search(key):
        return False
    if key.replace(" ", "").rstrip(":：") in _section_labels() or _P.dateline.match(key):
        return False
    return not (_LIST_MARKER.match(key) or _P.subtitle.match(key))


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
        prose = prose or bool(_P.clause_punct.search(line.key))
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        joining = (
            nxt is not None
            and size >= _MIN_WRAPPED
            and not _P.terminal.search(line.key)
            and prose
            and not _LIST_MARKER.match(nxt.key)
        )
    return out


def _glue(left: str, right: str) -> str:
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right
