"""Line-level rules shared by the text and HTML cleaners: breadcrumb, meta label, chrome, spam."""

from __future__ import annotations

import re

from ..dates import parse_timestamp

_BREADCRUMB = re.compile(r"^(?:您的位置|当前位置)?[:：]?\s*\S{1,20}(?:\s*(?:>|>>|»|›|＞)\s*\S{1,30}){1,}$")
_META_LABEL = re.compile(r"(时间|發布時間|发布时间|日期|來源|来源|作者)\s*[:：]\s*")
_CHROME = re.compile(r"【(?:打印|关闭|字体|字體|關閉)")
_SPAM = re.compile(r"蜘蛛池")


def classify_line(line: str) -> str:
    """One of "breadcrumb", "meta", "chrome", "spam", "body"."""
    if _SPAM.search(line):
        return "spam"
    if _CHROME.search(line):
        return "chrome"
    if _BREADCRUMB.match(line):
        return "breadcrumb"
    if len(line) < 120 and _META_LABEL.search(line):
        return "meta"
    return "body"


def parse_meta_line(line: str) -> dict[str, str]:
    """Fields named by label in a metadata line: published_at, source, author."""
    out: dict[str, str] = {}
    parts = _META_LABEL.split(line)
    for label, value in zip(parts[1::2], parts[2::2]):
        value = value.strip()
        if not value:
            continue
        if label in ("来源", "來源"):
            out["source"] = value.split()[0]
        elif label == "作者":
            out["author"] = value.split()[0]
        else:
            ts = parse_timestamp(value)
            if ts:
                out["published_at"] = ts
    return out
