"""Publication timestamps for the metadata: `parse_timestamp(text)` finds `2019-07-29 10:14`,
`2019年7月29日` and the like, as ISO 8601 as precise as the page states it.

The period grammar of the facts (`1-8月`, 上半年, 截至…) is `facts.periods`.
"""

from __future__ import annotations

import re

_TIMESTAMP = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*)(?P<m>\d{1,2})\s*(?:[-/.月]\s*)(?P<d>\d{1,2})\s*日?"
    r"(?:[\sT]*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}))?)?"
)


def parse_timestamp(text: str) -> str | None:
    """The first publication-style timestamp in `text` as ISO 8601, as precise as stated.

    `2019-07-29 10:14:29` -> `2019-07-29T10:14:29`; `2019年7月29日` -> `2019-07-29`;
    no offset is ever invented.
    """
    if not text:
        return None
    for m in _TIMESTAMP.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        out = f"{y:04d}-{mo:02d}-{d:02d}"
        if m["H"] is not None:
            hh, mm = int(m["H"]), int(m["M"])
            if hh < 24 and mm < 60:
                out += f"T{hh:02d}:{mm:02d}"
                if m["S"] is not None and int(m["S"]) < 60:
                    out += f":{int(m['S']):02d}"
        return out
    return None
