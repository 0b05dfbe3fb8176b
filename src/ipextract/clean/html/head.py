"""Metadata the page declares for machines: <meta> tags, <title>, the canonical link.

Chinese government CMSs (TRS, Hanweb, …) follow a national standard that names the article in
meta tags — ArticleTitle, PubDate, ContentSource, Url — and news sites use Open Graph and
article: tags. The `author`/`Author` tags are not used: on the pages we studied they hold the
uploading editor or a numeric user id, never the byline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...resources import patterns
from ..keys import KeyedLine
from .dom import Element, text_of
from .labels import clean_source

_P = patterns("head")

#: meta name/property (lower case) -> field, most trusted first within a field.
_TITLE_TAGS = ("articletitle", "og:title", "twitter:title", "title")
_DATE_TAGS = (
    "pubdate",
    "publishdate",
    "article:published_time",
    "og:release_date",
    "firstpublishedtime",
    "publish-date",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "date.available",
    "sailthru.date",
)
_SOURCE_TAGS = ("contentsource", "source", "article:source")
_URL_TAGS = ("url", "og:url")
#: Tags that name the site itself: its name is cut from title strings like a learned one.
_SITE_TAGS = ("og:site_name", "sitename", "application-name")
#: A ContentSource may name every outlet a compiled story drew on (`综合自学习强国、川观新闻、…等`).
_MAX_DECLARED_SOURCE = 120


@dataclass(slots=True)
class HeadMeta:
    """(origin, value) pairs per field, most trusted first."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)
    #: The site's own name as declared (og:site_name, SiteName).
    site_names: list[str] = field(default_factory=list)


def read_head(root: Element) -> HeadMeta:
    """Collect the declared metadata from the whole document (some CMSs put meta in <body>)."""
    tags: dict[str, str] = {}
    title: Element | None = None
    canonical: list[str] = []
    # One pass over the tree for the three tags.
    for el in root.iter("meta", "title", "link"):
        tag = el.tag
        if tag == "meta":
            key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
            content = el.get("content")
            if key and content and content.strip() and key not in tags:
                tags[key] = _P.spaces.sub(" ", content).strip()
        elif tag == "title":
            if title is None:
                title = el
        elif (el.get("rel") or "").strip().lower() == "canonical":
            href = (el.get("href") or "").strip()
            if _P.absolute.match(href):
                canonical.append(href)
    out = HeadMeta()
    for key in _TITLE_TAGS:
        if key in tags:
            out.titles.append((f"meta:{key}", tags[key]))
    if title is not None:
        text = _P.spaces.sub(" ", text_of(title)).strip()
        if text:
            out.titles.append(("html:title", text))
    for key in _DATE_TAGS:
        if key in tags:
            out.dates.append((f"meta:{key}", _P.placeholder_time.sub("", tags[key])))
    for key in _SOURCE_TAGS:
        value = clean_source(_without_source_note(tags.get(key) or ""), _MAX_DECLARED_SOURCE)
        if value:
            out.sources.append((f"meta:{key}", value))
    out.site_names.extend(tags[key] for key in _SITE_TAGS if key in tags)
    out.urls.extend(("link:canonical", href) for href in canonical)
    for key in _URL_TAGS:
        value = tags.get(key, "")
        if _P.absolute.match(value):
            out.urls.append((f"meta:{key}", value))
    return out


def _without_source_note(value: str) -> str:
    """`新华社 原创` -> `新华社`."""
    line = KeyedLine.converted(value)
    m = _P.source_note.search(line.key)
    return line.cut(0, m.start()) if m else value
