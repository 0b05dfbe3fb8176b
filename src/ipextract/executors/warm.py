"""Imported by the local pool's fork server: load every per-process resource once, before forking.

jieba's dictionary, OpenCC and the word lists take seconds to load. Loading them in the fork
server means each worker starts warm (its first document is not charged the load time against
`--timeout`), a replaced worker starts at once, and the loaded pages are shared copy-on-write.
"""

from __future__ import annotations

import contextlib

#: A small page that exercises cleaning, conversion, dates and facts (and so loads what they use).
_SAMPLE = (
    "標題：廣州開發區知識產權工作成效顯著\n發布時間：2019-07-29 來源：廣州開發區\n"
    "2018年，通過政策兌現為全區3229家企業和個人發放1.6萬余項知識產權資助，資助金額總計1.43億元。\n"
    "今年1-6月，專利申請量同比增長12.5%。"
)


def warm_up() -> None:
    from ..pipeline import parse

    with contextlib.suppress(Exception):  # a failed warm-up only costs time later
        parse(_SAMPLE.encode("utf-8"))
        parse(f"<html><head><title>t</title></head><body><p>{_SAMPLE}</p></body></html>".encode())


warm_up()
