"""to_simplified skips OpenCC for a text without a trigger character: the shortcut must give
exactly what OpenCC gives, and the shipped trigger table must be what the dictionaries give.
The rule and its proof are in tools/build_t2s_triggers.py."""

from __future__ import annotations

from functools import cache

import build_t2s_triggers as tool
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from ipextract import convert
from ipextract.decode import decode
from ipextract.resources import data_text


def _opencc(text: str) -> str:
    """OpenCC with the corrections, always called."""
    return convert.t2s().convert(text)


@cache
def _triggers() -> frozenset[str]:
    return frozenset(convert.char_table(convert.TRIGGERS)["triggers"])


@cache
def _changing_keys() -> tuple[str, ...]:
    return tuple(sorted(tool.changing_keys()))


#: The characters added for longer keys none of whose characters converts on its own:
#: 沈 (沈默 -> 沉默), 覆 (反覆 -> 反复), 藉 (藉口 -> 借口), 瞭 (瞭解 -> 了解), 坏 (土坏 -> 土坯),
#: 哩 (英哩 -> 英里), 甦 (甦醒 -> 苏醒), 衹 (衹得 -> 只得).
_REPRESENTATIVES = set("沈覆藉瞭坏哩甦衹")


def test_shipped_triggers_are_what_the_dictionaries_give_today():
    """The table is package data: it must be what tools/build_t2s_triggers.py derives from
    OpenCC's dictionaries and the corrections, or it needs rebuilding."""
    assert tool.build() == data_text(convert.TRIGGERS)
    assert len(_triggers()) == 5128
    assert {"國", "發", "著", "於", "乾"} <= _triggers()
    assert _triggers().isdisjoint("国发着于的中田")


def test_every_changing_key_holds_a_trigger():
    keys = _changing_keys()
    assert len(keys) == 5580
    assert all(not _triggers().isdisjoint(key) for key in keys)
    assert {"反覆", "覆函", "沈默", "著", "國", "於"} <= set(keys)
    assert "著名" not in keys  # a correction that keeps 著: it changes nothing where it matches


def test_every_code_point_converts_as_opencc_converts_it():
    """Each code point alone (but the line break that separates them and the surrogates that
    cannot be encoded): exactly the one-character triggers convert to something else, and
    to_simplified_all gives OpenCC's answer for every one."""
    chars = [chr(c) for c in range(0x110000) if c != 0x0A and not 0xD800 <= c <= 0xDFFF]
    out = _opencc("\n".join(chars)).split("\n")
    assert len(out) == len(chars)
    changed = {ch for ch, o in zip(chars, out) if o != ch}
    assert changed <= _triggers()
    assert _triggers() - changed == _REPRESENTATIVES
    assert convert.to_simplified_all(chars) == out
    bmp = [ch for ch in chars if ch <= "\uffff"]
    assert [convert.to_simplified(ch) for ch in bmp] == out[: len(bmp)]


def test_changing_keys_without_their_triggers_convert_to_themselves():
    """The longer changing keys with their triggers cut out: the text nearest to each key that
    the shortcut passes through, one key per line and all of them run together."""
    stripped = ["".join(ch for ch in key if ch not in _triggers()) for key in _changing_keys() if len(key) > 1]
    stripped = [s for s in stripped if s]
    assert len(stripped) == 356
    for text in stripped:
        assert _opencc(text) == text
        assert convert.to_simplified(text) == text
    together = "".join(stripped)
    assert _opencc(together) == together


def test_corpus_lines_convert_as_opencc_converts_them():
    """Every line of every fixture page (decoded, markup and all): a line without a trigger is
    its own conversion, and to_simplified / to_simplified_all give OpenCC's answer exactly."""
    pages = sorted(FIXTURES.glob("*.html")) + sorted(FIXTURES.glob("*.txt"))
    lines = [line for page in pages for line in decode(page.read_bytes()).text.splitlines()]
    expected = [_opencc(x) if x else x for x in lines]
    for line, want in zip(lines, expected):
        if _triggers().isdisjoint(line):
            assert want == line
        assert convert.to_simplified(line) == want
    assert convert.to_simplified_all(lines) == expected
    assert len(lines) == 48722
    assert sum(_triggers().isdisjoint(line) for line in lines) == 47598


_TRIGGER_FREE = [
    *"的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感",
    *"abcxyz019 .,;:!?-()[]{}<>/\\\"'&%#@\t\r\x00",
    *"，。、；：？！“”‘’（）【】《》…—　",
    *"\u2ff0\u2ff1\u2ff2\u2ffe\ufe00\ufe0f\u200b\u00a0\ufeff",
    "\U00020000", "\U0002a6d6", "\U0001f600", "\U000e0100", "\U0010ffff",
]


@cache
def _pieces() -> tuple[str, ...]:
    """Trigger-free characters and every piece of every longer changing key, its triggers cut
    out (the text nearest to a key that the shortcut passes through) and, for one in ten, kept."""
    pieces = set(_TRIGGER_FREE)
    for n, key in enumerate(k for k in _changing_keys() if len(k) > 1):
        for start in range(len(key)):
            for end in range(start + 1, len(key) + 1):
                piece = key[start:end]
                pieces.add(piece if n % 10 == 0 else "".join(ch for ch in piece if ch not in _triggers()))
    pieces.discard("")
    return tuple(sorted(pieces))


_near_keys = st.deferred(lambda: st.lists(st.sampled_from(_pieces()), max_size=10).map("".join))


@settings(max_examples=2000, deadline=None)
@given(st.lists(_near_keys, min_size=1, max_size=4))
def test_generated_text_converts_as_opencc_converts_it(texts):
    expected = [_opencc(t) if t else t for t in texts]
    for text, want in zip(texts, expected):
        if _triggers().isdisjoint(text):
            assert want == text
        assert convert.to_simplified(text) == want
    assert convert.to_simplified_all(texts) == expected


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("國家級知識產權改革試驗田", "国家级知识产权改革试验田"),
        ("国家级知识产权改革试验田亮出成绩单", "国家级知识产权改革试验田亮出成绩单"),
        ("他沈默了很久", "他沉默了很久"),  # 沈 only converts inside a phrase
        ("沈阳市发布通知", "沈阳市发布通知"),
        ("反覆研究后答覆", "反复研究后答复"),
        ("覆盖全市", "覆盖全市"),
        ("藉口", "借口"),
        ("土坏", "土坯"),
        ("不要破坏环境", "不要破坏环境"),
        ("發揮著重要作用，著名企業", "发挥着重要作用，著名企业"),
        ("\U00020000\U0002a6d6", "\U00020000\U0002a6d6"),  # past U+FFFF: passed to OpenCC, unchanged
        ("", ""),
    ],
)
def test_exact_conversions(text, simplified):
    assert convert.to_simplified(text) == simplified
    assert convert.to_simplified_all([text, "国家", text]) == [simplified, "国家", simplified]


def test_to_simplified_all_keeps_the_order_and_converts_only_what_needs_it():
    texts = ["国家", "國家", "", "發展\n經濟", "覆盖", "反覆", "中国", "a⿰", "國"]
    assert convert.to_simplified_all(texts) == ["国家", "国家", "", "发展\n经济", "覆盖", "反复", "中国", "a⿰", "国"]
    assert convert.to_simplified_all(["国家", "中国"]) == ["国家", "中国"]
    assert convert.to_simplified_all([]) == []


def test_text_without_triggers_never_reaches_opencc(monkeypatch):
    """A Simplified page never loads OpenCC: its lines go back as they are."""

    def no_opencc():
        raise AssertionError("OpenCC was called")

    monkeypatch.setattr(convert, "t2s", no_opencc)
    assert convert.to_simplified("国家级知识产权，企业发挥着作用。") == "国家级知识产权，企业发挥着作用。"
    assert convert.to_simplified_all(["国家", "", "发展"]) == ["国家", "", "发展"]
    with pytest.raises(AssertionError):
        convert.to_simplified("國家")


def test_a_lone_surrogate_still_reaches_opencc():
    """OpenCC's binding cannot encode a lone surrogate; the shortcut must not hide that."""
    with pytest.raises(UnicodeEncodeError):
        convert.to_simplified("国家\ud800")
