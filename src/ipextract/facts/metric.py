"""The metric: a short noun phrase naming what a fact measures (资助金额, 专利权质押融资额).

Only the clause around the number is segmented and tagged (segment.py, jieba's algorithm over a
small dictionary, loaded on first use). The rules follow how Chinese statistics are written:

* a measure word is followed by what is counted: `3229家企业和个人` -> 企业和个人;
* other figures follow their subject and a predicate: `资助金额总计1.43亿元` -> 资助金额,
  `营业收入同比增长10.2%` -> 营业收入同比增长;
* a share names both sides: `产值占到全市的70%` -> 产值占全市比重;
* a noun used as the unit is the metric itself: `14亿人口` -> 人口.

`extract.py` lends a clause without a subject (`，同比增长15.3%`) the metric of the figure
before it in the same sentence.
"""

from __future__ import annotations

import re

from . import lexicon
from .segment import segmenter

_NOUNISH = frozenset({"n", "nz", "nr", "ns", "nt", "nl", "ng", "nrt", "nrfg", "vn", "an", "j", "l", "eng", "s", "b"})
_GENERIC_PREFIX = re.compile(r"^(?:全|我|本|该|各)[区市县省国镇乡村州]|^(?:当地|区内|市内|境内|国内外)")
_SHARE = re.compile(r"占(?:到|了)?(?P<whole>[^，,。；;]*?)(?:的)?(?:比重|比例)?(?:为|达到?|是)?$")
_NOUN_UNITS = {"人口": "人口", "人民": "人口"}
_MAX_TOKENS = 6
_MAX_CHARS = 20


def find(left: str, right: str, *, unit: str, surface: str, kind: str) -> tuple[str | None, str]:
    """(noun phrase, predicate) for the figure `surface` with clause text `left`/`right` of it.

    The predicate is the verb phrase between the noun and the figure (同比增长), which the
    caller appends when it lends a metric to a clause without its own subject.
    """
    if any(surface.endswith(u) for u in _NOUN_UNITS):
        return _NOUN_UNITS[next(u for u in _NOUN_UNITS if surface.endswith(u))], ""
    seg = segmenter()
    left_tags = seg.tag(left[-40:]) if left else []
    share = _SHARE.search(left) if kind == "percent" and "占" in left else None
    noun_left, predicate = _noun_before(left_tags)
    if share is not None:
        whole = _noun_run(seg.tag(share.group("whole")), from_end=True) or share.group("whole").strip("的")
        subject, _ = _noun_before(seg.tag(left[: share.start()][-30:]))
        return (subject or "") + "占" + whole + "比重", ""
    noun_right = _noun_after(seg.tag(right[:30])) if right else None
    if kind == "count":
        return noun_right or noun_left, predicate
    return noun_left or noun_right, predicate


def _noun_before(tags: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The noun run ending just before the predicate that leads to the figure."""
    i = len(tags)
    while i > 0 and _is_predicate(tags[i - 1]):
        i -= 1
    predicate = "".join(w for w, _ in tags[i:]).strip()
    run = _noun_run(tags[:i], from_end=True)
    return run, predicate


def _noun_after(tags: list[tuple[str, str]]) -> str | None:
    i = 0
    while i < len(tags) and tags[i][0] in ("的", " "):
        i += 1
    return _noun_run(tags[i:], from_end=False)


def _is_predicate(token: tuple[str, str]) -> bool:
    word, tag = token
    if word in lexicon.predicates() or not word.strip():
        return True
    return tag[:1] in ("v", "d", "p", "u", "m", "q", "f", "r", "c") and tag != "vn"


def _is_nounish(token: tuple[str, str]) -> bool:
    word, tag = token
    if word in lexicon.predicates():
        return False
    if tag in _NOUNISH:
        return True
    return tag == "x" and len(word) == 1 and "\u4e00" <= word <= "\u9fff"


def _noun_run(tags: list[tuple[str, str]], *, from_end: bool) -> str | None:
    """The longest run of noun-like words at one end of `tags`; 和/与/及 may join two nouns."""
    seq = list(reversed(tags)) if from_end else tags
    words: list[str] = []
    for k, token in enumerate(seq):
        joins = token[0] in ("和", "与", "及") or (token[1] in ("a", "v") and len(token[0]) <= 2)
        if _is_nounish(token) or (joins and words and k + 1 < len(seq) and _is_nounish(seq[k + 1])):
            # 企业 和 个人; 专利权 质押 融资额: a conjunction, verb or adjective inside a noun phrase
            words.append(token[0])
        else:
            break
        if len(words) >= _MAX_TOKENS:
            break
    if from_end:
        words.reverse()
    while words and words[-1] in ("和", "与", "及"):
        words.pop()
    while words and words[0] in ("和", "与", "及"):
        words.pop(0)
    phrase = "".join(words)
    phrase = _GENERIC_PREFIX.sub("", phrase) or phrase
    if len(phrase) > _MAX_CHARS:
        phrase = phrase[-_MAX_CHARS:] if from_end else phrase[:_MAX_CHARS]
    return phrase or None
