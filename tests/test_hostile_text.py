"""Text hazards through the whole pipeline: each gives a document (or a clean error) in bounded time.

NUL and control characters, lone surrogates, invalid UTF-8 mid-file, UTF-16 with and without a
BOM, mixed encodings in one file, bidi overrides, zero-width characters, a megabyte without a
newline, 100k `?` or `|`, 10k-digit numbers and 10k Chinese numerals in a row. (Hostile lines in
clean_text / repair / facts.extract alone are tested in test_text, test_repair and test_facts.)
"""

from __future__ import annotations

import time

import pytest

from ipextract import Options, parse

TITLE = "关于加强知识产权保护的通知"
P1 = "国务院办公厅日前印发通知，要求各地区各部门进一步加强知识产权保护工作，推动高质量发展。"
P2 = "据统计，2019年全省专利授权量达到3.5万件，同比增长12.3%，其中发明专利授权6000件。"
TXT = f"{TITLE}\n时间：2020-01-02 来源：新华社\n{P1}\n{P2}\n"
HTML = (
    f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
    f"<div class='content'><p>{P1}</p><p>{P2}</p></div></body></html>"
)
PAGES = {"txt": TXT, "html": HTML}
EXPECTED_TEXT = f"{P1}\n{P2}"


def parsed(data: bytes | str, budget: float = 3.0, **kw):
    start = time.perf_counter()
    doc = parse(data, **kw)
    assert time.perf_counter() - start < budget
    return doc


def assert_clean(doc, *, text: str = EXPECTED_TEXT) -> None:
    assert doc.error is None
    assert doc.title == TITLE
    assert doc.text == text


# ---------------------------------------------------------------------------------------------
# invisible characters: removed from the body and counted


ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("chars", [ZERO_WIDTH, BIDI], ids=["zero-width", "bidi"])
def test_invisible_characters_are_removed_and_counted(fmt, chars):
    page = PAGES[fmt].replace("各地区", "各" + "".join(chars) + "地区", 1).replace("专利", "专\u200b利", 1)
    doc = parsed(page.encode("utf-8"))
    assert_clean(doc)
    assert doc.removed["invisible_chars"] == len(chars) + 1


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_a_bidi_override_cannot_reverse_the_title(fmt):
    page = PAGES[fmt].replace(TITLE, "\u202e" + TITLE + "\u202c")
    doc = parsed(page.encode("utf-8"))
    assert_clean(doc)
    assert doc.removed["invisible_chars"] >= 2


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_nul_and_control_characters_leave_the_text(fmt):
    page = PAGES[fmt].replace("，要求", "\x00\x01\x08\x1b\x7f，要求", 1).replace("专利", "专\x9b利", 1)
    doc = parsed(page.encode("utf-8"))
    assert_clean(doc)
    if fmt == "txt":  # HTML pages lose C0 bytes before parsing (lxml refuses them)
        assert doc.removed["invisible_chars"] == 6


def test_controls_that_break_lines_split_a_text_page_like_a_newline():
    doc = parsed(TXT.replace(f"\n{P2}", f"\x1c{P2}").encode("utf-8"))
    assert_clean(doc)


def test_a_page_that_is_mostly_control_bytes_is_binary():
    doc = parsed(bytes(range(1, 32)) * 200)
    assert doc.error_kind == "binary"


# ---------------------------------------------------------------------------------------------
# encodings


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_an_invalid_byte_mid_file_costs_one_character_not_the_page(fmt):
    data = PAGES[fmt].encode("utf-8").replace("推动".encode(), b"\xff\xfe" + "推动".encode(), 1)
    doc = parsed(data)
    assert doc.encoding == "utf-8"
    assert_clean(doc, text=EXPECTED_TEXT.replace("推动", "\ufffd\ufffd推动"))
    assert any("U+FFFD" in w for w in doc.warnings)


def test_a_utf8_page_cut_inside_a_character_keeps_what_precedes():
    data = TXT.encode("utf-8")[:-4]  # cuts "。\n" inside the full stop
    doc = parsed(data)
    assert doc.encoding == "utf-8"
    assert doc.title == TITLE
    assert doc.text.startswith(P1 + "\n" + P2[:-1])


def test_cesu8_surrogate_bytes_are_replaced_not_decoded_as_gbk():
    # U+D800 written as UTF-8 (what CESU-8 / surrogatepass produce) inside a UTF-8 page.
    data = TXT.encode("utf-8").replace("推动".encode(), b"\xed\xa0\x80" + "推动".encode(), 1)
    doc = parsed(data)
    assert doc.encoding == "utf-8"
    assert_clean(doc, text=EXPECTED_TEXT.replace("推动", "\ufffd\ufffd\ufffd推动"))


def test_lone_surrogates_in_str_input():
    doc = parsed(TXT.replace("推动", "\ud800推动", 1).replace("专利", "专\udcff利", 1))
    assert doc.encoding == "utf-8"
    assert doc.title == TITLE
    assert "\ud800" not in doc.text and "\udcff" not in doc.text
    assert doc.text.replace("\ufffd", "") == EXPECTED_TEXT
    doc.to_dict()  # and it serialises
    assert parse(TXT.replace("推动", "\ud800推动", 1)).id == parse(TXT.replace("推动", "\ud800推动", 1)).id


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_utf16_with_and_without_bom(codec, fmt):
    doc = parsed(PAGES[fmt].encode(codec))
    assert_clean(doc)
    assert doc.encoding.startswith("utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_all_chinese_utf16_without_bom_is_text_not_binary(codec):
    page = f"{TITLE}\n{P1}\n{P1.replace('国务院', '省政府')}\n"  # no ASCII at all: no NUL bytes
    doc = parsed(page.encode(codec))
    assert doc.error is None
    assert doc.encoding == codec
    assert doc.title == TITLE
    assert doc.text.startswith(P1)


@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_a_gbk_or_big5_line_in_a_utf8_page_is_decoded_as_such(codec):
    p2 = P2 if codec == "gbk" else "據統計，2019年全省專利授權量達到3.5萬件，同比增長12.3%，其中發明專利授權6000件。"
    data = f"{TITLE}\n{P1}\n".encode() + p2.encode(codec) + f"\n{P1}\n".encode()
    doc = parsed(data)
    assert doc.error is None
    assert doc.encoding == "utf-8"
    assert doc.text == f"{P1}\n{P2}\n{P1}"
    assert any("not UTF-8" in w for w in doc.warnings)


def test_a_mostly_gbk_page_is_still_read_as_gbk():
    data = f"{TITLE}\n{P1}\n{P2}\n".encode("gbk")
    doc = parsed(data)
    assert doc.encoding == "gb18030"
    assert doc.text == EXPECTED_TEXT


# ---------------------------------------------------------------------------------------------
# sizes and runs


MB = 1_000_000


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_a_megabyte_without_a_newline(fmt):
    body = (P1 * (MB // len(P1) + 1))[:MB]
    page = f"{TITLE}\n{body}" if fmt == "txt" else f"<html><body><h1>{TITLE}</h1><p>{body}</p></body></html>"
    doc = parsed(page.encode("utf-8"), budget=15.0)
    assert doc.error is None
    assert doc.title == TITLE
    assert doc.text == body


@pytest.mark.parametrize(
    "run",
    ["中" + "?" * 100_000 + "文", "？" * 100_000, "|" * 100_000, "｜" * 100_000, "?|" * 50_000],
    ids=["question-marks-between-han", "fullwidth-question-marks", "bars", "fullwidth-bars", "mixed"],
)
@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_100k_question_marks_or_bars(fmt, run):
    if fmt == "txt":
        page = f"{TITLE}\n{P1}\n{run}\n{P2}\n"
    else:
        page = f"<html><body><h1>{TITLE}</h1><div><p>{P1}</p><p>{run}</p><p>{P2}</p></div></body></html>"
    doc = parsed(page.encode("utf-8"))
    assert doc.error is None
    assert doc.title == TITLE
    lines = doc.text.split("\n")
    assert lines[0] == P1 and lines[-1] == P2
    assert all(len(line) < 1000 for line in lines)  # the run itself is not article text
    if run.startswith("中"):
        assert "中 文" in lines


@pytest.mark.parametrize(
    "figure",
    ["9" * 10_000 + "件", "1" * 10_000 + ".5亿元", "增长" + "3" * 10_000 + "%", "三" * 10_000 + "万元",
     ("一二三四五六七八九十百千万亿" * 800)[:10_000] + "件", "九" * 5_000 + "亿" * 5_000 + "元"],
    ids=["digits", "decimal", "percent", "numeral-run", "numeral-mix", "magnitudes"],
)
@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_10k_digit_numbers_and_10k_chinese_numerals(fmt, figure):
    para = f"全省专利授权量达到{figure}，同比增长12.3%。"
    if fmt == "txt":
        page = f"{TITLE}\n{P1}\n{para}\n"
    else:
        page = f"<html><body><h1>{TITLE}</h1><div><p>{P1}</p><p>{para}</p></div></body></html>"
    doc = parsed(page.encode("utf-8"))
    assert doc.error is None
    assert doc.text == f"{P1}\n{para}"
    for fact in doc.facts:
        assert doc.text[fact.span[0]:fact.span[1]] == fact.text
        assert fact.value == fact.value and abs(fact.value) != float("inf")  # no NaN, no infinity
    assert any(f.text == "12.3%" for f in doc.facts)


def test_facts_can_be_switched_off_for_the_same_inputs():
    doc = parsed(f"{TITLE}\n{P1}\n达到{'9' * 10_000}件\n".encode(), options=Options(facts=False))
    assert doc.facts == [] and doc.error is None


def test_twenty_thousand_short_lines_without_prose_parse_in_linear_time():
    """Found by the soak: line selection rebuilt a set of the kept lines once per line, so an
    HTML page of short lines with no full stop took 12.8 s for 20 k lines (now about 1 s)."""
    page = "<html><body>" + "".join(f"<p>增长{i % 99}.5%，投资3亿元</p>" for i in range(20_000)) + "</body></html>"
    doc = parsed(page.encode("utf-8"), budget=8.0, options=Options(facts=False))
    assert doc.error is None
    assert doc.text.count("\n") == 19_999 and doc.text.startswith("增长0.5%，投资3亿元\n增长1.5%，投资3亿元")
