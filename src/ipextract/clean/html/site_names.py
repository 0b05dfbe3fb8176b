"""Site and column names learned from a page's own title tags, and cut from title strings.

`<title>` is `标题_栏目_站名` on most CMSs; the parts after the headline name the site. The same
names come back as affixes of other title strings: an `ArticleTitle` of `某某市人民政府网——标题`,
an og:title of `站名 | 标题`. A name the page itself uses is cut wherever it stands at either
end of a title string; a part that reads as a site's name (`…网`, `…人民政府`, `…门户网站`) is cut
even when no other tag repeats it.
"""

from __future__ import annotations

import re

from ...resources import patterns

_P = patterns("site_names")

_MAX_NAME = 30
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
            parts = [p for p in _P.split.split(text.strip()) if p]
            if len(parts) == 1:
                # A site-first title may join its parts with bare hyphens (`站名-栏目-标题`).
                parts = [p for p in _P.bare_hyphen.split(text.strip()) if p]
                parts = parts if _P.site_name.match(parts[0]) else parts[:1]
            if len(parts) > 1 and _P.site_name.match(parts[0]) and not _P.site_name.match(parts[-1]):
                parts = parts[::-1]
            names.update(p for p in parts[1:] if len(p) <= _MAX_NAME)
    return tuple(sorted((n for n in names if len(n) >= 2 and len(n) <= _MAX_NAME), key=len, reverse=True))


def cut_site_names(title: str, names: tuple[str, ...]) -> str:
    """`title` without a learned name, or a site-shaped name, before or after a separator."""
    title = " ".join(title.split())
    m = _P.site_prefix.match(title)
    if m:
        title = title[m.end() :]
    separator = _P.text("separator")
    for name in names:
        for pattern in (rf"^{re.escape(name)}\s*{separator}\s*", rf"(?<!\s)\s*{separator}\s*{re.escape(name)}$"):
            cut = re.sub(pattern, "", title)
            if cut != title and len(cut) >= _MIN_LEFT:
                title = cut
    return title
