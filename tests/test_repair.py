"""Repairs inside a line: pinyin annotations, lost-character runs, spaces, invisible characters."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from ipextract.clean.repair import count_invisible, fold_spaces, is_reading, readings, remove_pinyin, repair


def fixed(line: str, **kw: bool) -> tuple[str, Counter[str]]:
    removed: Counter[str] = Counter()
    return repair(line, removed, **kw), removed


@pytest.mark.parametrize(
    ("line", "expected", "count"),
    [
        ("廣州開發(fā)區(qū)", "廣州開發區", 2),
        ("科技創(chuàng )新", "科技創新", 1),  # a stray space before ")"
        ("發(bō)", "發", 1),  # any reading pypinyin lists counts
        ("發(fa)展", "發展", 1),  # tone-less readings too
        ("總額達(dá)57.5億元", "總額達57.5億元", 1),
        ("人口(kou)(kou)總量", "人口總量", 2),  # a gloss repeated by the mirror (q20)
        ("常住人(ren)口(kou)(kou)(kou)10162", "常住人口10162", 4),
        ("萬(wan)(wan)人", "萬人", 2),
        ("城鎮化率(lv)為", "城鎮化率為", 1),  # ü typed as v
        ("出生率(l", "出生率", 1),  # cut off by the end of the text
        # A glossed page re-encoded as Big5: the tone-marked letters became `??` (or `?`).
        ("東坡區(q??)簽約15個(g??)項(xi??ng)目", "東坡區簽約15個項目", 3),
        ("东坡区(q??)签约15个(g??)项(xi??ng)目", "东坡区签约15个项目", 3),
        ("產(ch?n)業(y?)園區", "產業園區", 2),
        ("产(ch?n)业(y?)园区", "产业园区", 2),
    ],
)
def test_confirmed_pinyin_is_removed(line, expected, count):
    out, removed = fixed(line)
    assert out == expected
    assert removed["pinyin_annotations"] == count


@pytest.mark.parametrize(
    "line",
    [
        "GDP(gdp)增長",  # after a Latin letter
        "很好(ok)",  # not a reading of 好
        "發(xiàng)展",  # a syllable, but not a reading of 發
        "北京(Beijing)",  # capitalised English
        "北京 (bei)",  # not glued to the character
        "企業(yè)(2019)",  # digits
        "北京(a",  # a cut-off gloss must start a reading of the character
        "很好(ok)(ok)",  # a repeat of an unconfirmed gloss stays unconfirmed
        "發(??)展",  # no letter left: lost text, not a gloss
        "发(??)展",
        "發(xi?ng)展",  # lost tone letters, but the rest does not spell a reading of 發
        "很好(o?)",
        "北京(b??)",
    ],
)
def test_unconfirmed_parentheses_are_kept(line):
    out, removed = fixed(line)
    assert removed["pinyin_annotations"] == (1 if "(yè)" in line else 0)
    assert out == line.replace("(yè)", "")


def test_keep_pinyin_keeps_annotations():
    out, removed = fixed("廣州開發(fā)區(qū)", keep_pinyin=True)
    assert out == "廣州開發(fā)區(qū)"
    assert removed["pinyin_annotations"] == 0


def test_letter_glued_reading_removed_on_a_mirror_line():
    # GBK debris of a mirror page: the reading of a lost character glued to a stray letter.
    line = "當(dāng)?shù)仄鹬貦C(jī)產(chǎn)業(yè)"
    out, removed = fixed(line)
    assert out == "當?shù)仄鹬貦C產業"
    assert removed["pinyin_annotations"] == 4


def test_letter_glued_reading_needs_mirror_evidence():
    assert remove_pinyin("型號C(jī)") == ("型號C(jī)", 0)
    assert remove_pinyin("第一產(chǎn)業(yè)和C(jī)")[0] == "第一產業和C"


def test_readings_come_from_pypinyin_and_are_cached():
    assert {"fā", "fa", "bō", "bo"} <= readings("發")
    assert readings("A") == frozenset()
    is_reading.cache_clear()
    for _ in range(3):
        assert is_reading("區", "qū")
    assert is_reading.cache_info().hits == 2


@pytest.mark.parametrize(
    ("line", "expected", "runs"),
    [
        ("高起點謀劃??布局", "高起點謀劃 布局", 1),
        ("高起點謀劃？？？布局", "高起點謀劃 布局", 1),
        ("????西江都市報訊", "西江都市報訊", 1),  # lost indentation at the start of a line
        ("驅動力?為了幫助", "驅動力?為了幫助", 0),  # one "?" is a question mark
        ("2015年?yáng)|坡區", "2015年?yáng)|坡區", 0),  # not between Han characters
        ("是嗎??", "是嗎??", 0),
        # Lost next to Latin words and numbers (Big5 has no no-break space, ‰ or full-width ～).
        ("運-8反潛機?????? 1架次", "運-8反潛機 1架次", 1),
        ("运-8反潜机?????? 1架次", "运-8反潜机 1架次", 1),
        ("運-9通信對抗機?? ????1架次", "運-9通信對抗機 1架次", 1),
        ("組織??ISO/TC??332專家", "組織 ISO/TC 332專家", 2),
        ("组织??ISO/TC??332专家", "组织 ISO/TC 332专家", 2),
        ("Secure??Storage", "Secure Storage", 1),
        ("全省5??人口", "全省5??人口", 0),  # after a number: often a unit (‰)
        ("企業2??3家", "企業2??3家", 0),  # or a range mark
        ("出生率為5.80??;", "出生率為5.80??;", 0),
        ("是嗎?? 他說", "是嗎?? 他說", 0),
    ],
)
def test_lost_character_runs(line, expected, runs):
    out, removed = fixed(line)
    assert out == expected
    assert removed["lost_char_runs"] == runs


def test_spaces_fold_and_invisible_characters_go():
    out, removed = fixed("\u3000\u3000國務院\xa0\xa0正式\t批復\u200b同意  ")
    assert out == "國務院 正式 批復同意"
    assert removed["invisible_chars"] == 1
    assert fold_spaces(" a \u3000 b ") == "a b"


def test_count_invisible():
    assert count_invisible("国家\u200b知识\n产权\u00a0局") == 1
    assert count_invisible("国家 知识\n\t产权\u3000局") == 0
    assert count_invisible("\x01\u202e\ufeff\u00ad") == 4
    assert count_invisible("") == 0


def test_no_printable_text_holds_an_invisible_character():
    """What lets repair skip its invisible-character scan on a printable line (most lines)."""
    import sys

    printable = "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isprintable())
    assert len(printable) > 100_000
    assert count_invisible(printable) == 0


def test_repair_is_idempotent():
    first, removed = fixed("高起點謀劃??布局開發(fā)區(qū)")
    again, removed_again = fixed(first)
    assert again == first == "高起點謀劃 布局開發區"
    assert removed["pinyin_annotations"] == 2
    assert sum(removed_again.values()) == 0


@pytest.mark.parametrize(
    "line",
    ["?" * 100_000, "中" + "?" * 100_000 + "文", "發(" * 100_000, "發(fā)" * 100_000, "(" * 200_000],
)
def test_hostile_lines_repair_fast(line):
    start = time.perf_counter()
    fixed(line)
    assert time.perf_counter() - start < 2.0


def test_fold_spaces_equals_the_regex_fold_on_every_whitespace_character():
    """fold_spaces uses str.split; the rule it implements is `re.sub(r"\\s+", " ", s).strip()`."""
    import re
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    for ws in spaces:
        for text in (f"{ws}a{ws}{ws}中{ws}", f"a{ws}b", ws * 3, f"中{ws} {ws}文"):
            assert fold_spaces(text) == re.sub(r"\s+", " ", text).strip(), repr(text)
