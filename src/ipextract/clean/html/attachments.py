"""Which link lines belong to the article: its attachments and the documents it names.

A line that is mostly link text is a link list, furniture, almost everywhere. Inside an
article it is not, when it names a document: a policy's `附件：1.…` list with its file links, a
procurement notice's tender file (`采购文件.zip`), a link inside the text to `关于…的通知`, or
to a page the text refers to (`项目链接：http://…`).
Pagers (`上一篇：关于…的通知`) and related-link lists after the text are still furniture: they
sit after the last paragraph, where only file links and an attachment list are kept.
"""

from __future__ import annotations

import re
from functools import cache

from ...han import HAN
from ..line_rules import LIST_MARKER, end_marker
from ..vocab import pattern, words

#: A size after a file name: `（235KB）`, `(1.2 MB)`.
_SIZE = r"(?:\s*[(（]\s*[\d.]+\s*[kKmMgG]?[bB]\s*[)）])?"
#: Closing marks a document's name may end with (`《…办法》`, `“…方案”`).
_CLOSERS = "》」』”\"')）"


@cache
def _file() -> re.Pattern[str]:
    return pattern("html_document_extensions.txt", rf"\.(?:{{words}}){_SIZE}\s*$")


@cache
def _title() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(map(re.escape, words('html_document_ends.txt')))})[{_CLOSERS}]*\s*$")


@cache
def _label() -> re.Pattern[str]:
    return pattern("html_attachment_labels.txt", r"^(?:{words})")


@cache
def _link_label() -> re.Pattern[str]:
    return pattern("html_link_label_ends.txt", rf"^[{HAN}]{{{{0,6}}}}(?:{{words}})\s*[:：]")


def link_label(text: str) -> bool:
    """The line opens with a label for the link after it (`项目链接：http://…`, `详见：…`)."""
    return bool(_link_label().match(LIST_MARKER.sub("", text.strip(), count=1)))


def attachment_label(text: str) -> bool:
    """The line opens an attachment list: `附件：`, `附件1.…`, `八、附件` (after a list marker)."""
    return bool(_label().match(LIST_MARKER.sub("", text.strip(), count=1)))


@cache
def _bare_label() -> re.Pattern[str]:
    return pattern("html_attachment_labels.txt", r"^(?:{words})\s*[:：]?$")


def bare_attachment_label(text: str) -> bool:
    """The line is an attachment label and nothing else (`相关附件`, `文件下载：`): with no item
    under it, it is the empty box of a template, not part of the text."""
    return bool(_bare_label().match(LIST_MARKER.sub("", text.strip(), count=1)))


def document_file(text: str) -> bool:
    """The link's text names a file (`…实施方案.pdf`, `采购文件.zip（1.2MB）`)."""
    return bool(_file().search(text))


def document_title(text: str) -> bool:
    """The link's text is a document's name (`关于…的通知`), not a pager or a section label."""
    return bool(_title().search(text)) and not end_marker(text.strip())
