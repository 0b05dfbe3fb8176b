"""Getting a worker process ready before its first document.

jieba's dictionary, OpenCC and the word lists load on first use, which takes about a second. A
worker that loaded them during its first document would charge that second to the document's
--timeout (a short timeout would then fail the first page of every worker). So each worker calls
`prepare_worker()` once, before it takes work: it keeps the heap (see `ipextract.allocator`) and
parses two small sample pages, which loads everything the pipeline uses.
"""

from __future__ import annotations

import contextlib
from functools import cache

from ...allocator import keep_heap
from ...pipeline import parse

#: A small page that exercises cleaning, conversion, dates and facts (and so loads what they use).
_SAMPLE = (
    "標題：廣州開發區知識產權工作成效顯著\n發布時間：2019-07-29 來源：廣州開發區\n"
    "2018年，通過政策兌現為全區3229家企業和個人發放1.6萬余項知識產權資助，資助金額總計1.43億元。\n"
    "今年1-6月，專利申請量同比增長12.5%。"
)


#: The same as a page with the usual furniture (navigation, labels, footer), for the HTML cleaners.
_SAMPLE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>知识产权工作成效显著_广州开发区</title>
<meta name="publishdate" content="2019-07-29"></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xw/">新闻中心</a> &gt; 正文</div>
<h1>广州开发区知识产权工作成效显著</h1>
<div class="info">发布时间：2019-07-29 10:14 来源：广州开发区 作者：张三 【字体：大 中 小】 打印本页</div>
<div class="content"><p>{body}</p><p>责任编辑：李四</p></div>
<div class="footer">版权所有：广州开发区 粤ICP备12345678号 联系我们 网站地图</div>
</body></html>"""


@cache
def prepare_worker() -> None:
    """Keep the heap and load every per-process resource; does its work once per process."""
    keep_heap()  # a worker parses page after page: reuse the heap
    with contextlib.suppress(Exception):  # a failed warm-up only costs time later
        parse(_SAMPLE.encode("utf-8"))
        parse(_SAMPLE_HTML.format(body=_SAMPLE.replace("\n", "</p><p>")).encode("utf-8"))
