"""Publication timestamps: the one pattern every cleaner finds them with, and `parse_timestamp`,
which reads `2019-07-29 10:14`, `2019年7月29日` and the like as ISO 8601, as precise as the page
states it.

Taiwan pages date in the Republic of China calendar: `民國109年6月3日`, `中華民國110年1月4日` and
the bare three-digit year of CMS stamps, `109-06-03`, are Gregorian + 1911. A bare three-digit
year is read only with a `-`, `/` or `.` after it and no digit or point before it, so a running
number or an address is not taken for a year.

The period grammar of the facts (`1-8月`, 上半年, 截至…) is `facts.periods`.
"""

from __future__ import annotations

import re

#: A clock time: `10:14`, `10:14:29`, `10时14分`, `10时14分29秒`.
CLOCK = r"(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2})\s*秒?)?"
#: A zone name some sites print between the day and the clock (`2018-07-02 HKT 12:58`); the time
#: is kept as the page's local time, with no offset, like every other.
ZONE = r"(?:HKT|CST|GMT|UTC|北京时间)"
#: A date with its year, its time optional: `2019-07-29`, `2019/7/9 10:14`, `2019年7月29日 10时14分`,
#: `2019-07-29T10:14:29`. Lines and labels are matched in their Simplified key, where a
#: Traditional page's 時 is 时.
TIMESTAMP = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})|(?:中[华華])?民[国國]\s*(?P<roc>\d{2,3})|(?<![\d.])(?P<roc3>1[0-4]\d)(?=[-/.]\d))"
    r"\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    rf"(?:[\sT]*(?:{ZONE}\s*)?{CLOCK})?"
)
#: Years of the Republic of China calendar are counted from 1912.
ROC_OFFSET = 1911


def parse_timestamp(text: str) -> str | None:
    """The first publication-style timestamp in `text` as ISO 8601, as precise as stated.

    `2019-07-29 10:14:29` -> `2019-07-29T10:14:29`; `2019年7月29日` -> `2019-07-29`;
    no offset is ever invented.
    """
    if not text:
        return None
    for m in TIMESTAMP.finditer(text):
        iso = timestamp_iso(m)
        if iso:
            return iso
    return None


def timestamp_iso(m: re.Match[str]) -> str | None:
    """A `TIMESTAMP` match as ISO 8601, or None when it names no calendar day."""
    mo, d = int(m["m"]), int(m["d"])
    y = int(m["y"]) if m["y"] else int(m["roc"] or m["roc3"]) + ROC_OFFSET
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is not None:
        hh, mm = int(m["H"]), int(m["M"])
        if hh < 24 and mm < 60:
            out += f"T{hh:02d}:{mm:02d}"
            if m["S"] is not None and int(m["S"]) < 60:
                out += f":{int(m['S']):02d}"
    return out
