"""Flattened page text -> blocks: classify each line as breadcrumb, title, meta, chrome, spam or body."""

from __future__ import annotations

from . import Extracted
from .lines import classify_line, parse_meta_line


def clean_text(text: str) -> Extracted:
    out = Extracted()
    title_taken = False
    for raw in text.splitlines():
        line = raw.strip().replace("\u3000", " ").replace("\xa0", " ")
        if not line:
            continue
        kind = classify_line(line)
        if kind == "breadcrumb":
            out.add("breadcrumb", [p.strip() for p in line.replace("»", ">").split(">")], "text:breadcrumb")
            out.drop("breadcrumb_lines", line)
        elif kind == "meta":
            for name, value in parse_meta_line(line).items():
                out.add(name, value, "text:label")
            out.drop("meta_lines", line)
        elif kind == "chrome":
            out.drop("chrome_lines", line)
        elif kind == "spam":
            out.drop("spam_blocks", line)
        elif not title_taken and len(line) < 80 and not line.endswith("。"):
            out.add("title", line, "text:headline")
            title_taken = True
        else:
            out.blocks.append(line)
    return out
