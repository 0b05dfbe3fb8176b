"""Site and column names learned from a page's own title tags, and cut from title strings.

`<title>` is `标题_栏目_站名` on most CMSs; the parts after the headline name the site. The same
names come back as affixes of other title strings: an `ArticleTitle` of `某某市人民政府网——标题`,
an og:title of `站名 | 标题`. A name the page itself uses is cut wherever it stands at either
end of a title string; a part that reads as a site's name (`…网`, `…人民政府`, `…门户网站`) is cut
even when no other tag repeats it.
"""

from __future__ import annotations

import re

#: What separates a headline from the site's or column's name.
_SEPARATOR = r"(?:——|--|－－|[_|｜]|\s[-–—]\s|\s[:：]\s)"
# Starts only where a white-space run starts (look-behind): a long run is not rescanned from each
# of its characters.
_SPLIT = re.compile(rf"(?<!\s)\s*{_SEPARATOR}\s*")
#: The end of a name that can only be a site's: a title never ends like this.
_SITE_END = r"(?:网|网站|门户|门户网|门户网站|政府|人民政府|政务网|在线|客户端|频道|新闻网|官网)"
_SITE_PREFIX = re.compile(rf"^(?P<site>[^\s_|｜—]{{2,24}}?{_SITE_END})\s*{_SEPARATOR}\s*(?=\S{{4}})")
_MAX_NAME = 30
#: A hyphen between two non-digits: `1-8月` keeps its range.
_BARE_HYPHEN = re.compile(r"(?<=\D)-(?=\D)")
#: A whole title part that can only be a site's name.
_SITE_NAME = re.compile(rf"^[^\s_|｜—]{{2,24}}?{_SITE_END}$")
#: A headline left after a cut is at least this long.
_MIN_LEFT = 4


def learned_names(references: list[tuple[str, str]], declared: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The names `<title>` gives beside the headline, and the site's `declared` names (longest
    first).

    `<title>`'s first part is its headline and every later part a column or site name, unless
    its first part reads as a site's name (`太原市人民政府门户网站-栏目-标题`): then the order is
    reversed and the last part is the headline.
    """
    names: set[str] = {n.strip() for n in declared if n.strip()}
    for origin, text in references:
        if origin == "html:title":
            parts = [p for p in _SPLIT.split(text.strip()) if p]
            if len(parts) == 1:
                # A site-first title may join its parts with bare hyphens (`站名-栏目-标题`).
                parts = [p for p in _BARE_HYPHEN.split(text.strip()) if p]
                parts = parts if _SITE_NAME.match(parts[0]) else parts[:1]
            if len(parts) > 1 and _SITE_NAME.match(parts[0]) and not _SITE_NAME.match(parts[-1]):
                parts = parts[::-1]
            names.update(p for p in parts[1:] if len(p) <= _MAX_NAME)
    return tuple(sorted((n for n in names if len(n) >= 2 and len(n) <= _MAX_NAME), key=len, reverse=True))


def cut_site_names(title: str, names: tuple[str, ...]) -> str:
    """`title` without a learned name, or a site-shaped name, before or after a separator."""
    title = " ".join(title.split())
    m = _SITE_PREFIX.match(title)
    if m:
        title = title[m.end() :]
    for name in names:
        for pattern in (rf"^{re.escape(name)}\s*{_SEPARATOR}\s*", rf"(?<!\s)\s*{_SEPARATOR}\s*{re.escape(name)}$"):
            cut = re.sub(pattern, "", title)
            if cut != title and len(cut) >= _MIN_LEFT:
                title = cut
    return title
