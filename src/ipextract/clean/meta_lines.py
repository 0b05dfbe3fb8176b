"""Metadata lines: `label: value` pairs, 政府信息公开 tables, credits, bare date lines, bylines.

Each parser returns the `MetaField`s a line states, ranked by trust (`data/lines_meta_labels.tsv`;
lower wins), or None when the line is not of its kind; an empty list is a metadata line that
fills no field (`浏览次数:`, `责任编辑：张三`), to be dropped all the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..convert import to_simplified
from ..dates import TIMESTAMP, parse_timestamp, timestamp_iso
from ..han import HAN_CHAR, is_han
from ..resources import alternation, patterns
from . import vocab
from .bylines import role_byline
from .keys import KeyedLine

_P = patterns("meta_lines")

#: Metadata lines are short; longer lines are article text.
MAX_LABEL_LINE = 300

_VALUE_TRIM = " \t:：,，;；、|｜[]【】〖〗()（）<>-—_"
#: Unlabelled date lines are short: a timestamp, maybe a counter and the name of the source.
_MAX_DATE_LINE = 60
_MAX_SOURCE = 24
#: Words of a stamp line that say what the time was of, never the name of a source.
_STAMP_VERBS = frozenset(("更新", "修改", "发布", "发表", "首发", "更新于", "发布于"))


@dataclass(frozen=True, slots=True)
class MetaField:
    """A value a metadata line gives for a document field, with its trust rank (lower wins)."""

    field: str
    value: str
    rank: int


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern[str]:
    """Any label followed by a colon; old CMS templates space out short labels (`来 源：`)."""
    labels = sorted(vocab.meta_labels(), key=len, reverse=True)
    spaced = [" ?".join(map(re.escape, label)) if len(label) == 2 else re.escape(label) for label in labels]
    return re.compile(rf"(?P<label>{'|'.join(spaced)})\s*[:：]")


@lru_cache(maxsize=1)
def _role_words() -> tuple[str, ...]:
    return vocab.words("lines_byline_roles.txt")


@lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern[str]:
    """`制图/姜宣凭`, `记者：张三`, `（记者 王五 李六）`, and with a role of two characters or more
    `本报记者 张三`.

    A role glued to a name without a mark (`记者张三`) is not accepted: `通讯员培训班` would be.
    """
    roles = alternation(_role_words())
    long_roles = alternation(tuple(r for r in _role_words() if len(r) >= 2))
    return re.compile(
        rf"^[(（【\[]?\s*(?:(?P<role>{roles})\s*[/／:：]|(?P<long>{long_roles})\s+)\s*(?P<names>{_P.text('names')})\s*[)）】\]]?$"
    )


@lru_cache(maxsize=1)
def _meta_hint() -> re.Pattern[str]:
    """What every metadata line has, whichever parser would read it: a table bar, a colon (after a
    label), a credit's slash or colon or a long role word and a space, or a digit (of a date).
    Lines without any are answered None at once."""
    long_roles = alternation(tuple(r for r in _role_words() if len(r) >= 2))
    return re.compile(rf"[|｜:：/／]|\d|(?:{long_roles})\s")


#: Credit roles whose name is the author of the piece (not an editor or proof-reader).
_AUTHOR_ROLES = frozenset(
    {
        "记者",
        "本报记者",
        "特约记者",
        "首席记者",
        "实习记者",
        "见习记者",
        "新华社记者",
        "通讯员",
        "文",
        "文/图",
        "图/文",
        "图文",
        "文图",
        "制图",
        "特约撰稿人",
        "撰稿人",
    }
)


def parse_meta_line(line: str) -> dict[str, str]:
    """Fields a metadata line states: published_at (ISO 8601), source, author; best label wins."""
    if not _P.hint_chars.search(line):
        return {}  # not a metadata line (meta_fields would say None), known without the t2s call
    found = meta_fields(KeyedLine.of(line)) or []
    out: dict[str, str] = {}
    for f in sorted(found, key=lambda f: f.rank):
        out.setdefault(f.field, f.value)
    return out


def meta_fields(line: KeyedLine) -> list[MetaField] | None:
    """The fields of a metadata line, or None when the line is not one.

    A line without any field (`浏览次数:`, `责任编辑: 张三`) gives an empty list: it is still
    metadata, to be dropped from the body.
    """
    key = line.key
    if not key or len(key) > MAX_LABEL_LINE or not _meta_hint().search(key):
        return None
    for parse in (_table_fields, _labelled_fields, _credit_fields, _date_line_fields):
        fields = parse(line)
        if fields is not None:
            return fields
    return None


def _table_fields(line: KeyedLine) -> list[MetaField] | None:
    """`索引号 | xzfgzbmtjj/2019-0004 | 公开目录: | 统计信息 |`: a metadata table row."""
    key = line.key
    if "|" not in key and "｜" not in key:
        return None
    labels = vocab.meta_labels()
    cells: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"[|｜]", key):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, len(key)))
    names = [key[a:b].strip().rstrip(":：").strip() for a, b in cells]
    if not any(n in labels for n in names):
        return None
    fields: list[MetaField] = []
    for i, name in enumerate(names):
        if name in labels and i + 1 < len(names) and names[i + 1] not in labels:
            a, b = cells[i + 1]
            fields.extend(_field_for(labels[name], line.cut(a, b), key[a:b]))
    return fields


def _labelled_fields(line: KeyedLine) -> list[MetaField] | None:
    """`时间 : 2019-07-29 10:14:29 来源 : 南方日报网络版`: one or more `label: value` pairs."""
    key = line.key
    if ":" not in key and "：" not in key:
        return None  # every label needs its colon: most lines, told without the labels' scan
    accepted: list[re.Match[str]] = []
    for m in _label_pattern().finditer(key):
        before = key[m.start() - 1] if m.start() else ""
        glued = bool(before) and is_han(before)
        # A label glued to the previous value (`…四川日报责任编辑:`) is trusted only once the line
        # has proved to be a label line and the label is too long to be part of a word.
        if not glued or (accepted and len(m.group("label")) >= 3):
            accepted.append(m)
    if not accepted:
        return None
    prefix = key[: accepted[0].start()]
    rest = _P.junk.sub("", TIMESTAMP.sub("", _P.url.sub("", prefix)))
    if rest and not (len(accepted) >= 2 and len(rest) <= 6):
        return None
    labels = vocab.meta_labels()
    fields: list[MetaField] = []
    for i, m in enumerate(accepted):
        end = accepted[i + 1].start() if i + 1 < len(accepted) else len(key)
        label = labels[m.group("label").replace(" ", "")]
        fields.extend(_field_for(label, line.cut(m.end(), end), key[m.end() : end]))
    # An unlabelled timestamp on a label line (`( 2023-07-24 ) 稿件来源:新华社`,
    # `来源：中国政府网 | 2023-05-04`) is the publication time, trusted below a labelled one.
    if not any(f.field == "published_at" for f in fields):
        stamp = TIMESTAMP.search(key)
        ts = timestamp_iso(stamp) if stamp else None
        if ts:
            fields.append(MetaField("published_at", ts, 3))
    return fields


def _field_for(label: vocab.MetaLabel, value: str, value_key: str) -> list[MetaField]:
    """The field a label's value fills, cleaned; nothing for counters and empty values."""
    if label.field is None:
        return []
    if label.field == "published_at":
        ts = parse_timestamp(value_key)
        return [MetaField("published_at", ts, label.rank)] if ts else []
    if label.field == "source":
        source = clean_source(value)
        return [MetaField("source", source, label.rank)] if source else []
    author = clean_author(value, value_key)
    return [MetaField("author", author, label.rank)] if author else []


def clean_source(value: str) -> str | None:
    """The source named by a 来源 value: its first word, without brackets and trailing marks."""
    value = value.strip(_VALUE_TRIM)
    if not value:
        return None
    first = _until_stamp(value.split()[0]).strip(_VALUE_TRIM)
    return first if first and _P.wordish.search(first) and len(first) <= 40 else None


def _until_stamp(word: str) -> str:
    """A source word without a stamp glued after it: `四川日报2022-04-08` -> `四川日报`,
    `某某日报（3/2` -> `某某日报`."""
    m = _P.glued_stamp.search(word)
    return word[: m.start()] if m and m.start() > 0 else word


def clean_author(value: str, value_key: str | None = None) -> str | None:
    """Author names from a 作者 value, the role word cut (`制图姜宣凭` -> `姜宣凭`)."""
    key = (value_key if value_key is not None else to_simplified(value)).strip(_VALUE_TRIM)
    value = value.strip(_VALUE_TRIM)
    if len(key) != len(value):
        value = key
    if not key:
        return None
    for role in sorted(_role_words(), key=len, reverse=True):
        if key.startswith(role) and len(key) > len(role):
            key, value = key[len(role) :].lstrip(_VALUE_TRIM), value[len(role) :].lstrip(_VALUE_TRIM)
            break
    if not key or len(key) > 40 or _P.sentence_punct.search(key.replace(":", "")):
        return None
    return " ".join(value.replace("、", " ").replace("，", " ").replace(",", " ").split())


def _credit_fields(line: KeyedLine) -> list[MetaField] | None:
    """`制图/姜宣凭`, `责任编辑：张三`: a role and names alone on a line."""
    m = _credit_pattern().match(line.key)
    if not m:
        return None
    if (m.group("role") or m.group("long")) not in _AUTHOR_ROLES:
        return []
    names = _names(line, *m.span("names"))
    return [MetaField("author", names, 4)] if names else []


#: The name beside an unlabelled date is one or two words (`眉山网`, `北京新浪网 财经`).
_MAX_SOURCE_WORDS = 2


def _date_line_fields(line: KeyedLine) -> list[MetaField] | None:
    """An unlabelled date line: `2017-04-10 08:56 眉山网`, `0 四川日报 2022年04月08日`."""
    key = line.key
    if len(key) > _MAX_DATE_LINE:
        return None
    if _P.update_stamp.match(key):
        return []
    m = TIMESTAMP.search(key)
    if not m:
        return None
    before, after = key[: m.start()], key[m.end() :]
    ts = timestamp_iso(m)
    if not ts:
        return None
    fields = [MetaField("published_at", ts, 3)]
    if not _P.junk.sub("", before) and not _P.junk.sub("", _P.weekday.sub("", after)):
        return fields
    # The rest must be set apart by a space: `2019年7月29日国务院常务会议` is a headline.
    if before and not after.strip(_VALUE_TRIM):
        rest_span, apart = (0, m.start()), before.endswith((" ", "(", "（"))
    elif after and not before.strip(_VALUE_TRIM):
        rest_span, apart = (m.end(), len(key)), after.startswith((" ", ")", "）"))
    else:
        return None
    if not apart:
        return None
    rest_key = key[rest_span[0] : rest_span[1]]
    words = [w for w in _P.weekday.sub(" ", rest_key).split() if not w.strip(_VALUE_TRIM).isdigit()]
    rest = " ".join(w.strip(_VALUE_TRIM) for w in words).strip()
    if not rest or rest.rstrip(":：") in vocab.meta_labels() or rest in _STAMP_VERBS:
        return fields
    byline = role_byline(KeyedLine.of(line.cut(*rest_span)))
    if byline:  # `2024-05-06 记者 王小明`: the name beside the date is the reporter's
        return [*fields, MetaField("author", byline.author, 3)]
    if len(words) > _MAX_SOURCE_WORDS:
        return fields  # a table row read as one line (`行政区域 XX县 公告时间 …`), not a name
    if len(words) > 1 and any(w.strip(_VALUE_TRIM).isdigit() for w in rest_key.split()):
        # A blog post's info bar (`日期 站名 栏目 1665 0`: poster, category, views, comments):
        # its names are unlabelled and none of them is said to be the source.
        return fields
    if len(rest) > _MAX_SOURCE or _P.sentence_punct.search(rest) or not HAN_CHAR.search(rest):
        return None
    offset = rest_key.find(words[0].strip(_VALUE_TRIM)) + rest_span[0] if words else rest_span[0]
    source = clean_source(line.cut(offset, rest_span[1]))
    if source:
        fields.append(MetaField("source", source, 3))
    return fields


# -- bylines inside paragraphs ------------------------------------------------------------------

_BYLINE_AUTHOR_ROLES = frozenset({"记者", "通讯员", "作者", "撰稿"})


def closing_credit(line: KeyedLine) -> tuple[str, MetaField | None] | None:
    """A byline or source closing a paragraph: `(经济日报记者 李思雨)`, `(责任编辑:琳瑞)`,
    `（来源：人民日报）`.

    Returns the paragraph without it and the field it names (None for an editor), or None.
    """
    m = _P.closing_source.search(line.key)
    if m and m.start() > 0:
        source = clean_source(line.cut(*m.span("source")))
        return line.cut(0, m.start()).rstrip(), MetaField("source", source, 2) if source else None
    m = _P.trailing_byline.search(line.key)
    if not m or m.start() == 0:
        return None
    field = None
    if m.group("role") in _BYLINE_AUTHOR_ROLES:
        names = _names(line, *m.span("names"))
        field = MetaField("author", names, 2) if names else None
    return line.cut(0, m.start()).rstrip(), field


def _names(line: KeyedLine, start: int, end: int) -> str | None:
    """Personal names in a byline span joined by spaces; role words (记者, 通讯员) left out.

    None when a word is not a name, so `(记者 张三 摄影报道)` gives nothing rather than junk.
    """
    roles = sorted(_role_words(), key=len, reverse=True)
    names = re.split(r"[\s、，,]+", line.cut(start, end).strip())
    keys = re.split(r"[\s、，,]+", line.key[start:end].strip())
    if len(names) != len(keys):
        names = keys
    kept = []
    for name, key in zip(names, keys):
        if not key or key in roles:
            continue
        for role in roles:
            if key.startswith(role) and len(key) - len(role) >= 2:
                name, key = name[len(role) :], key[len(role) :]
                break
        if not _P.names_only.match(key):
            return None
        kept.append(name)
    return " ".join(kept) or None


def leading_byline_author(line: KeyedLine) -> str | None:
    """The author in a dateline that stays in the body: `眉山网讯(记者 殷勇)…` -> `殷勇`."""
    m = _P.leading_byline.match(line.key)
    return _names(line, *m.span("inner")) if m else None
