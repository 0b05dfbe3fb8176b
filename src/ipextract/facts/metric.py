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
_SHARE = re.compile(r"占(?!比)(?:到|了)?(?P<whole>[^，,。；;]+?)(?:的)?(?:比重|比例)?(?:为|达到?|是)?$")
_NOUN_UNITS = {"人口": "人口", "人民": "人口"}
_PARENTHESIS = re.compile(r"[(（][^()（）]{0,20}[)）]")
_MAX_TOKENS = 6
_MAX_AFTER = 2  # what a measure word counts is short: 219个国家级开发区(综合发展水平评价中)
_MAX_CHARS = 20
_MAX_WHOLE = 12  # 占<whole>的: written as is when this short


def find(left: str, right: str, *, surface: str, kind: str) -> tuple[str | None, str]:
    """(noun phrase, predicate) for the figure `surface` with clause text `left`/`right` of it.

    The predicate is the verb phrase between the noun and the figure (同比增长), which the
    caller appends when it lends a metric to a clause without its own subject.
    """
    noun_unit = next((name for u, name in _NOUN_UNITS.items() if surface.endswith(u)), None)
    if noun_unit is not None:
        return noun_unit, ""
    seg = segmenter()
    left = _PARENTHESIS.sub("", left)
    left_tags = seg.tag(left[-40:]) if left else []
    share = _SHARE.search(left) if kind == "percent" and re.search("占(?!比)", left) else None
    noun_left, predicate = _noun_before(left_tags)
    if share is not None:
        whole = share.group("whole").strip("的 ")
        if len(whole) > _MAX_WHOLE:
            whole = _noun_run(seg.tag(whole), from_end=True, verbs=True) or whole[-_MAX_WHOLE:]
        subject, _ = _noun_before(seg.tag(left[: share.start()][-30:]))
        return (subject or "") + "占" + whole + "比重", ""
    noun_right = _noun_after(seg.tag(right[:30]), lead_verb=kind == "count") if right else None
    if kind == "count":
        return noun_right or noun_left, predicate
    return noun_left or noun_right, predicate


def _noun_before(tags: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The noun run ending just before the predicate that leads to the figure."""
    i = len(tags)
    measure_verb = ""
    while i > 0 and _is_predicate(tags[i - 1]):
        word, tag = tags[i - 1]
        if tag == "v" and len(word) == 2 and word not in lexicon.predicates() and i >= 2 and _is_nounish(tags[i - 2]):
            measure_verb = word  # 碳 排放 | 3.5万吨: a verb right after its noun names the measure
            i -= 1
            break
        i -= 1
    predicate = "".join(w for w, t in tags[i + bool(measure_verb):] if w.strip() and t != "p").rstrip("了的")
    run = _noun_run(tags[:i], from_end=True, verbs=True)
    if run is not None and measure_verb:
        run += measure_verb
    if run is None and len(predicate.strip("是为有")) < 2:
        predicate = ""
    return run, predicate


def _noun_after(tags: list[tuple[str, str]], *, lead_verb: bool) -> str | None:
    """What follows a figure; after a measure word a verb may open it (4次变轨, 10场演出)."""
    i = 0
    while i < len(tags) and tags[i][0] in ("的", " "):
        i += 1
    if lead_verb and i < len(tags) and tags[i][1] in ("v", "vn") and len(tags[i][0]) == 2:
        rest = _noun_run(tags[i + 1:], from_end=False, verbs=False, limit=_MAX_AFTER - 1) or ""
        return tags[i][0] + rest
    tags = [t for t in tags[i:]]
    for k, (word, tag) in enumerate(tags):
        if tag == "x" and len(word) == 1 and k > 0:
            tags = tags[:k]  # 企业|参展: an unknown character after the noun starts the next word
            break
    return _noun_run(tags, from_end=False, verbs=False, limit=_MAX_AFTER)


def _is_predicate(token: tuple[str, str]) -> bool:
    word, tag = token
    if word in lexicon.predicates() or not word.strip():
        return True
    return tag[:1] in ("v", "d", "p", "u", "m", "q", "f", "r", "c", "t") and tag != "vn"


def _is_nounish(token: tuple[str, str]) -> bool:
    word, tag = token
    if word in lexicon.predicates():
        return False
    if tag in _NOUNISH or (tag == "q" and len(word) >= 2):  # 系列, 批次: measure nouns
        return True
    return tag == "x" and len(word) == 1 and "\u4e00" <= word <= "\u9fff"


def _noun_run(tags: list[tuple[str, str]], *, from_end: bool, verbs: bool, limit: int = 0) -> str | None:
    """The longest run of noun-like words at one end of `tags`; 和/与/及 may join two nouns, and
    with `verbs` a short verb or adjective between two nouns stays inside (专利权质押融资额)."""
    seq = list(reversed(tags)) if from_end else tags
    words: list[str] = []
    for k, token in enumerate(seq):
        joins = token[0] in ("和", "与", "及") or (
            verbs and token[1] in ("a", "v") and len(token[0]) == 2 and token[0] not in lexicon.predicates()
        )
        inside = k + 1 < len(seq) and _is_nounish(seq[k + 1]) and not _GENERIC_PREFIX.match(seq[k + 1][0])
        if _is_nounish(token) or (joins and words and inside):
            # 企业 和 个人; 专利权 质押 融资额: a conjunction, verb or adjective inside a noun phrase
            words.append(token[0])
        else:
            break
        if len(words) >= (limit or _MAX_TOKENS) and not (limit and words[-1] in ("和", "与", "及")):
            break
    if from_end:
        words.reverse()
    while words and words[-1] in ("和", "与", "及"):
        words.pop()
    while words and words[0] in ("和", "与", "及"):
        words.pop(0)
    phrase = _GENERIC_PREFIX.sub("", "".join(words))  # 全市, 全区…: where, not what
    if len(phrase) > _MAX_CHARS:
        phrase = phrase[-_MAX_CHARS:] if from_end else phrase[:_MAX_CHARS]
    return phrase or None
