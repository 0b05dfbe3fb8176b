"""The metric: a short noun phrase naming what a fact measures (资助金额, 专利权质押融资额).

Only the clause around the number is segmented and tagged (segment.py: jieba over a small
dictionary, loaded on first use). The rules follow how Chinese statistics are written:

* a measure word is followed by what is counted: `3229家企业和个人` -> 企业和个人; the phrase
  runs to its head noun (`19家全国知识产权服务品牌或品牌培育机构`), not into the nouns after it
  (`219个国家级开发区|综合发展水平评价中`); a bare verb names a count (`破案559宗` -> 破案数);
* a money, area or weight figure written before a noun phrase measures that thing:
  `规模6亿元的产业运营基金` -> 产业运营基金规模, `420亩知识产权服务园区` -> 知识产权服务园区面积;
* other figures follow their subject and a predicate: `资助金额总计1.43亿元` -> 资助金额,
  `营业收入同比增长10.2%` -> 营业收入同比增长, `每万人发明专利拥有量达到100.5件` keeps its 每万人;
* a share names both sides: `产值占到全市的70%` -> 产值占全市比重;
* a multiple is of its subject, not of the base it is compared with: `A是全市平均水平的4倍` -> A
  (with no subject in the clause the figure takes the subject of the one before it);
* a noun used as the unit is the metric itself: `14亿人口` -> 人口.

`extract.py` lends a clause without a subject (`，同比增长15.3%`) the metric of the figure
before it in the same sentence.
"""

from __future__ import annotations

import re

from ..han import HAN, is_han
from ..resources import patterns
from . import lexicon
from .segment import segmenter

_P = patterns("metric")

_NOUNISH = frozenset({"n", "nz", "nr", "ns", "nt", "nl", "ng", "nrt", "nrfg", "vn", "an", "j", "l", "eng", "s", "b"})
# A clause that is only a place before its figure (…的是岑溪市82.0亿元，万秀区80.0亿元): a list of
# places, each with the figure of the subject named before it.
_PLACE_SUFFIXES = "省市县区州旗镇乡"
_PLACE_ONLY = re.compile(
    rf"(?:^(?:其中)?|(?P<verb>是|(?<![作成因认以称])为))\s*(?P<place>[{HAN}]{{1,5}}?[{_PLACE_SUFFIXES}])\s*$"
)
_NOUN_UNITS = {"人口": "人口", "人民": "人口"}
_CONJUNCTIONS = ("和", "与", "及", "或")
_NUMERALS = frozenset("一二两三四五六七八九十百千万亿")
_MAX_TOKENS = 6
_MAX_AFTER = 2  # without a head noun, what a measure word counts is short
_MAX_PHRASE = 8  # tokens of a noun phrase after a figure, up to its head noun
_MAX_CHARS = 20
_MAX_WHOLE = 12  # 占<whole>的: written as is when this short
_RIGHT_WINDOW = 30
# What a money/area figure measures of the thing it is written before (420亩园区 -> 园区面积).
_MEASURE_NOUN = {"money": "金额", "area": "面积", "weight": "", "energy": ""}
# A count named by a bare verb (破案559宗, 刑拘314人): the noun for the count, by unit.
_COUNT_NOUN = (("人次", "人次"), ("次", "次数"), ("场", "场次"), ("人", "人数"), ("名", "人数"), ("位", "人数"))


def find(left: str, right: str, *, surface: str, kind: str) -> tuple[str | None, str]:
    """(noun phrase, predicate) for the figure `surface` with clause text `left`/`right` of it.

    The predicate is the verb phrase between the noun and the figure (同比增长), which the
    caller appends when it lends a metric to a clause without its own subject.
    """
    noun_unit = next((name for u, name in _NOUN_UNITS.items() if surface.endswith(u)), None)
    if noun_unit is not None:
        return noun_unit, ""
    left = _P.parenthesis.sub("", left)
    left_tags = _tag(left[-40:]) if left else []
    if kind == "multiple":
        base = _P.multiple_base.search(left)
        if base is not None:  # the subject in this clause, else (None) the one of the figure before
            return _noun_before(_tag(left[: base.start()][-30:]))[0], ""
    share = _P.share.search(left) if kind == "percent" and re.search("占(?!比)", left) else None
    noun_left, predicate = _noun_before(left_tags)
    place = _PLACE_ONLY.search(left)
    if place is not None and not _P.generic_prefix.match(place.group("place")):
        # where, not what: the subject before 是, else (None) the one of the figure before
        noun_left = _noun_before(_tag(left[: place.start()][-30:]))[0] if place.group("verb") else None
        predicate = ""
    whole = share.group("whole").strip("的 ") if share is not None else ""
    if whole:  # (占<blanked date>的: no whole to name)
        if len(whole) > _MAX_WHOLE:
            whole = _noun_run(_tag(whole), from_end=True, verbs=True) or whole[-_MAX_WHOLE:]
        subject, _ = _noun_before(_tag(left[: share.start()][-30:]))
        return (subject or "") + "占" + whole + "比重", ""
    # The words after the figure are cut only for the rules below that read them: a measured
    # thing, a count's noun, or a figure with no subject before it.
    reads_right = kind in _MEASURE_NOUN or kind == "count" or noun_left is None
    right_tags = _tag(right[:_RIGHT_WINDOW]) if right and reads_right else []
    if kind in _MEASURE_NOUN and right_tags:
        last = next((t for t in reversed(left_tags) if t[0].strip() and t[0] not in lexicon.predicates()), None)
        subject = noun_left is not None and last is not None and last[1] not in ("v", "vn")  # 门市购买|50元的咖啡
        thing = _measured_thing(right_tags, left_tags, kind=kind, subject=subject)
        if thing is not None:
            return thing, predicate
    if kind == "count":
        noun = (_noun_after(right_tags, surface=surface) if right_tags else None) or noun_left
    else:
        noun = noun_left or (_noun_after(right_tags, surface=surface, lead_verb=False) if right_tags else None)
    if noun is None:
        return _verb_noun(predicate, kind=kind, surface=surface), predicate  # 刑拘 | 314人 -> 刑拘人数
    return _verb_noun(noun, kind=kind, surface=surface) or noun, predicate


def _tag(text: str) -> list[tuple[str, str]]:
    """The segmenter's (word, tag) pairs, with Latin words a space apart kept as one (CITY CAFE)."""
    out: list[tuple[str, str]] = []
    for token in segmenter().tag(text):
        if token[1] == "eng" and len(out) >= 2 and out[-1][0] == " " and out[-2][1] == "eng":
            out[-2:] = [(out[-2][0] + " " + token[0], "eng")]
        else:
            out.append(token)
    return out


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
    predicate = _predicate(tags[i + bool(measure_verb):])
    run = _noun_run(tags[:i], from_end=True, verbs=True)
    if run is not None and measure_verb:
        run += measure_verb
    if run is None and len(predicate.strip("是为有")) < 2:
        predicate = ""
    return run, predicate


def _predicate(tags: list[tuple[str, str]]) -> str:
    """The words between a subject and its figure, as a reader says them: 分别 (one of a list)
    goes, 比/较 stay before what is compared with (比上月加快) and go when that was a date
    (较1-11月加快 -> 加快)."""
    words = []
    for k, (word, tag) in enumerate(tags):
        if not word.strip() or word == "分别":
            continue
        if word in ("比", "较"):
            if k + 1 < len(tags) and tags[k + 1][0].strip() and tags[k + 1][1] not in ("p", "d", "v"):
                words.append(word)
            continue
        if tag != "p":
            words.append(word)
    return "".join(words).rstrip("了的")


def _noun_after(tags: list[tuple[str, str]], *, surface: str, lead_verb: bool = True) -> str | None:
    """What follows a figure; after a measure word a verb may open it (4次变轨, 10场演出)."""
    i = _skip_de(tags)
    if lead_verb and i < len(tags) and tags[i][1] in ("v", "vn") and len(tags[i][0]) == 2:
        rest = _phrase(tags[i + 1:], short=1)  # 9名 涉案 犯罪嫌疑人; 4次 变轨
        return tags[i][0] + rest if rest else _verb_noun(tags[i][0], kind="count", surface=surface) or tags[i][0]
    tags = tags[i:]
    for k, (word, tag) in enumerate(tags):
        if tag == "x" and len(word) == 1 and k > 0:
            tags = tags[:k]  # 企业|参展: an unknown character after the noun starts the next word
            break
    return _phrase(tags)


def _measured_thing(
    right: list[tuple[str, str]], left: list[tuple[str, str]], *, kind: str, subject: bool
) -> str | None:
    """The thing a money/area/weight figure is written before, with what is measured of it:
    `规模6亿元的X基金` -> X基金规模, `420亩X园区` -> X园区面积, `2000万元X资金池` -> X资金池.
    With a `subject` before the figure and no measure noun (规模, 总投资…) right before it, the
    thing must end in a head noun (交易额10亿元|意向 stays 交易额)."""
    i = _skip_de(right)
    if i >= len(right) or right[i][1] == "v":
        return None  # 投资5亿元|建设…: what the money is for, not what it is
    run = _run(right[i:], verbs=False, limit=_MAX_PHRASE)
    nxt = next((t for t in right[i + len(run):] if t[0].strip()), None)
    if nxt is not None and (_is_number(nxt) or nxt[0] in lexicon.predicates()):
        return None  # 10亿元|利润…增长: the noun is the subject of what follows
    attribute = _attribute(left)
    thing = _phrase(right[i:], heads=("head", "money"), need_head=subject and not attribute)
    if thing is None or _ends_with(thing, "skip"):
        return None
    if right[i][1] == "vn" and not _ends_with(thing, "money"):
        return None
    if attribute and not thing.endswith(attribute):
        return thing + attribute
    if kind == "money" and _ends_with(thing, "money"):
        return thing
    suffix = _MEASURE_NOUN[kind]
    return thing if thing.endswith(suffix) else thing + suffix


def _attribute(tags: list[tuple[str, str]]) -> str:
    """The measure noun right before a figure, past its predicate (总投资|达|40亿元的…项目)."""
    for word, tag in reversed(tags):
        if not word.strip():
            continue
        if _ends_with(word, "attribute"):
            return word
        if word in lexicon.predicates() or tag in ("d", "p", "u"):
            continue
        return ""
    return ""


def _phrase(
    tags: list[tuple[str, str]], *, heads: tuple[str, ...] = ("head",), short: int = _MAX_AFTER, need_head: bool = False
) -> str | None:
    """The noun phrase opening `tags`, up to its last head noun (企业, 机构, 项目…; `heads` are
    roles in data/facts_metric_words.tsv) within reach, else (unless `need_head`) its first
    `short` words."""
    run = _run(tags, verbs=True, limit=_MAX_PHRASE)
    words = [w for w, _ in run]
    verb = next((k for k, (_, tag) in enumerate(run) if tag in ("v", "a")), len(run))
    keep = 0 if need_head else min(verb, short)  # 5个乡镇|建成站点: without a head, a verb ends it
    size = 0
    for k, word in enumerate(words):
        size += len(word)
        if size > _MAX_CHARS:
            break
        if any(_ends_with(word, role) for role in heads):
            keep = k + 1
    return _join(words[:keep], from_end=False)


def _verb_noun(verb: str, *, kind: str, surface: str) -> str | None:
    """A figure named by a bare verb gets the noun for what it measures: 破案559宗 -> 破案数,
    刑拘314人 -> 刑拘人数, 转走130万元 -> 转走金额. None when `verb` is not a bare verb, or is
    one that only leads to a figure (达到, 增加) or already names money (投资)."""
    if not verb or kind not in ("count", "money", "area"):
        return None
    for word, tag in segmenter().tag(verb):
        if tag not in ("v", "vn") or word in lexicon.predicates() or lexicon.change_pattern().fullmatch(word):
            return None
    if kind == "count":
        return verb + next((name for unit, name in _COUNT_NOUN if surface.endswith(unit)), "数")
    if kind == "money" and _ends_with(verb, "money"):
        return None
    return verb + _MEASURE_NOUN[kind]


def _is_number(token: tuple[str, str]) -> bool:
    return token[1] == "m" and any(c.isdigit() or c in _NUMERALS for c in token[0])


def _is_place(token: tuple[str, str]) -> bool:
    return token[1] == "ns" or (len(token[0]) >= 2 and token[0][-1] in _PLACE_SUFFIXES)


def _is_numeral(token: tuple[str, str]) -> bool:
    return _is_number(token) or token[0] in ("多", "几", "数")


def _skip_de(tags: list[tuple[str, str]]) -> int:
    i = 0
    while i < len(tags) and tags[i][0] in ("的", " "):
        i += 1
    return i


def _ends_with(word: str, role: str) -> bool:
    return word.endswith(lexicon.metric_words().get(role, ()))


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
    return tag == "x" and len(word) == 1 and is_han(word)


def _run(seq: list[tuple[str, str]], *, verbs: bool, limit: int = 0) -> list[tuple[str, str]]:
    """The longest run of noun-like tokens opening `seq`; 和/与/及/或 may join two nouns, and
    with `verbs` a short verb or adjective between two nouns stays inside (专利权质押融资额)."""
    out: list[tuple[str, str]] = []
    for k, token in enumerate(seq):
        joins = token[0] in _CONJUNCTIONS or (
            verbs and token[1] in ("a", "v") and len(token[0]) == 2 and token[0] not in lexicon.predicates()
        )
        inside = k + 1 < len(seq) and _is_nounish(seq[k + 1]) and not _P.generic_prefix.match(seq[k + 1][0])
        if _is_nounish(token) or (joins and out and inside):
            # 企业 和 个人; 专利权 质押 融资额: a conjunction, verb or adjective inside a noun phrase
            out.append(token)
        else:
            break
        if len(out) >= (limit or _MAX_TOKENS) and not (limit and out[-1][0] in _CONJUNCTIONS):
            break
    return out


def _noun_run(tags: list[tuple[str, str]], *, from_end: bool, verbs: bool, limit: int = 0) -> str | None:
    """The longest run of noun-like words at one end of `tags` (see `_run`); at the end, a
    per-unit prefix before it stays (每万人发明专利拥有量)."""
    seq = list(reversed(tags)) if from_end else tags
    run = _run(seq, verbs=verbs, limit=limit)
    if from_end:
        for k, (_, tag) in enumerate(run[:-1]):
            if tag == "v" and _is_place(run[k + 1]):
                run = run[:k]  # 梧州市 引进 | 区外投资项目: a place doing something is a subject
                break
    words = [w for w, _ in run]
    if from_end and words:
        words.reverse()
        before = [w for w, _ in seq[len(run):len(run) + 2]]
        if before[:1] == ["每"]:
            words.insert(0, "每")
        elif len(before) == 2 and before[1] == "每" and set(before[0]) <= _NUMERALS:
            words[:0] = ["每", before[0]]  # 每 万 人…: the number is part of the unit
        elif len(words[0]) == 1 and len(seq) > len(run) and _is_numeral(seq[len(run)]):
            words.pop(0)  # 分 多 笔 | 转走了, 16 条 地铁线路 | 有10条: a measure word, not a noun
    return _join(words, from_end=from_end)


def _join(words: list[str], *, from_end: bool) -> str | None:
    while words and words[-1] in _CONJUNCTIONS:
        words.pop()
    while words and words[0] in _CONJUNCTIONS:
        words.pop(0)
    phrase = "".join(words)
    if from_end:
        phrase = _P.generic_prefix.sub("", phrase)  # 全市, 全区…: where, not what
    if len(phrase) > _MAX_CHARS:
        phrase = phrase[-_MAX_CHARS:] if from_end else phrase[:_MAX_CHARS]
    return phrase or None
