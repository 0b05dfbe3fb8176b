"""to_simplified skips OpenCC for a text without a trigger character: the shortcut must give
exactly what OpenCC gives, and the shipped trigger table must be what the dictionaries give."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from ipextract import convert
from ipextract.decode import decode


def _opencc(text: str) -> str:
    """The slow path: OpenCC with the corrections, always called."""
    return convert._converter().convert(text)


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    table = resources.files("ipextract").joinpath("data", "convert_t2s_triggers.txt").read_text(encoding="utf-8")
    return frozenset("".join(convert._read_triggers(table)))


class _NotLoadedYet:
    """OpenCC as `_may_change`'s cold path sees it on a page that has not loaded it: the set of
    triggers decides every text without a Traditional-only form."""

    def __call__(self):
        return _real_converter()

    def cache_info(self):
        return _real_converter.cache_info()._replace(currsize=0)


_real_converter = convert._converter


@contextmanager
def _using(path: str) -> Iterator[None]:
    """Run to_simplified on `_may_change`'s cold path ("cold") or its compiled regex ("regex")."""
    saved = convert._cold_checked, convert._COLD_CHECKS, convert._converter
    if path == "cold":
        convert._cold_checked, convert._COLD_CHECKS, convert._converter = 0, 10**18, _NotLoadedYet()
    else:
        convert._cold_checked, convert._COLD_CHECKS = 1, 0
    try:
        yield
    finally:
        convert._cold_checked, convert._COLD_CHECKS, convert._converter = saved


def _cold_test(text: str) -> bool:
    return convert._has_trigger_cold(text)


def _regex_test(text: str) -> bool:
    return convert._trigger_regex().search(text) is not None


@lru_cache(maxsize=1)
def _changing_keys() -> tuple[str, ...]:
    return tuple(sorted(convert._changing_keys()))


#: The characters added for longer keys none of whose characters converts on its own:
#: 沈 (沈默 -> 沉默), 覆 (反覆 -> 反复), 藉 (藉口 -> 借口), 瞭 (瞭解 -> 了解), 坏 (土坏 -> 土坯),
#: 哩 (英哩 -> 英里), 甦 (甦醒 -> 苏醒), 衹 (衹得 -> 只得).
_REPRESENTATIVES = set("沈覆藉瞭坏哩甦衹")


def test_shipped_triggers_are_what_the_dictionaries_give_today():
    """The table is package data: it must be what build_t2s_triggers derives from OpenCC's
    dictionaries and the corrections, or it needs regenerating."""
    assert "".join(sorted(_triggers())) == convert.build_t2s_triggers()
    assert len(_triggers()) == 5128
    assert {"國", "發", "著", "於", "乾"} <= _triggers()
    assert _triggers().isdisjoint("国发着于的中田")


def test_every_changing_key_holds_a_trigger():
    keys = _changing_keys()
    assert len(keys) == 5579
    assert all(not _triggers().isdisjoint(key) for key in keys)
    assert {"反覆", "沈默", "著", "國", "於"} <= set(keys)
    assert "著名" not in keys  # a correction that keeps 著: it changes nothing where it matches


def test_every_code_point_outside_the_triggers_converts_to_itself():
    """Each code point alone (but the line break that separates them and the surrogates that
    cannot be encoded): exactly the one-character triggers convert to something else, and the
    cold and the regex test of `_may_change` agree on every one."""
    chars = [chr(c) for c in range(0x110000) if c != 0x0A and not 0xD800 <= c <= 0xDFFF]
    out = _opencc("\n".join(chars)).split("\n")
    assert len(out) == len(chars)
    changed = {ch for ch, o in zip(chars, out) if o != ch}
    assert changed <= _triggers()
    assert _triggers() - changed == _REPRESENTATIVES
    flagged = {ch for ch in chars if _cold_test(ch)}
    assert flagged == set(convert._trigger_regex().findall("".join(chars)))
    assert flagged == {ch for ch in _triggers() if ch <= "\uffff"} | {ch for ch in chars if ch > "\uffff"}
    assert all(_cold_test(chr(c)) and _regex_test(chr(c)) for c in range(0xD800, 0xE000))


def test_changing_keys_without_their_triggers_convert_to_themselves():
    """The longer changing keys with their triggers cut out: the text nearest to each key that
    the shortcut passes through, one key per line and all of them run together."""
    stripped = ["".join(ch for ch in key if ch not in _triggers()) for key in _changing_keys() if len(key) > 1]
    stripped = [s for s in stripped if s]
    assert len(stripped) == 355
    for text in stripped:
        assert _opencc(text) == text
        assert convert.to_simplified(text) == text
    together = "".join(stripped)
    assert _opencc(together) == together


def _corpus_lines() -> list[str]:
    pages = sorted(FIXTURES.glob("*.html")) + sorted(FIXTURES.glob("*.txt"))
    assert len(pages) >= 41
    return [line for page in pages for line in decode(page.read_bytes()).text.splitlines()]


@pytest.mark.parametrize("path", ["cold", "regex"])
def test_corpus_lines_convert_as_opencc_converts_them(path):
    """Every line of every corpus page (decoded, markup and all): a line without a trigger is
    its own conversion, and to_simplified / to_simplified_all give OpenCC's answer exactly."""
    lines = _corpus_lines()
    expected = [_opencc(x) if x else x for x in lines]
    skipped = 0
    with _using(path):
        for line, want in zip(lines, expected):
            if _triggers().isdisjoint(line):
                assert want == line
            assert _cold_test(line) == _regex_test(line)
            skipped += not _regex_test(line)
            assert convert.to_simplified(line) == want
        assert convert.to_simplified_all(lines) == expected
    assert (len(lines), skipped) == (48722, 47598)


_TRIGGER_FREE = [
    *"的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感",
    *"abcxyz019 .,;:!?-()[]{}<>/\\\"'&%#@\t\r\x00",
    *"，。、；：？！“”‘’（）【】《》…—　",
    *"\u2ff0\u2ff1\u2ff2\u2ffe\ufe00\ufe0f\u200b\u00a0\ufeff",
    "\U00020000", "\U0002a6d6", "\U0001f600", "\U000e0100", "\U0010ffff",
]


@lru_cache(maxsize=1)
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
@given(st.lists(_near_keys, min_size=1, max_size=4), st.sampled_from(["cold", "regex"]))
def test_generated_text_converts_as_opencc_converts_it(texts, path):
    expected = [_opencc(t) if t else t for t in texts]
    with _using(path):
        for text, want in zip(texts, expected):
            if _triggers().isdisjoint(text):
                assert want == text
            assert _cold_test(text) == _regex_test(text)
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
        ("\U00020000\U0002a6d6", "\U00020000\U0002a6d6"),  # past U+FFFF: searched as triggers, unchanged
        ("", ""),
    ],
)
@pytest.mark.parametrize("path", ["cold", "regex"])
def test_exact_conversions(text, simplified, path):
    with _using(path):
        assert convert.to_simplified(text) == simplified
        assert convert.to_simplified_all([text, "国家", text]) == [simplified, "国家", simplified]


def test_to_simplified_all_keeps_the_order_and_converts_only_what_needs_it():
    texts = ["国家", "國家", "", "發展\n經濟", "覆盖", "反覆", "中国", "a⿰", "國"]
    assert convert.to_simplified_all(texts) == ["国家", "国家", "", "发展\n经济", "覆盖", "反复", "中国", "a⿰", "国"]
    assert convert.to_simplified_all(["国家", "中国"]) == ["国家", "中国"]
    assert convert.to_simplified_all([]) == []


def test_a_cold_run_decides_without_the_regex_until_100000_characters(monkeypatch):
    """A single page never compiles the regex; a Simplified one never loads OpenCC either."""
    monkeypatch.setattr(convert, "_cold_checked", 0)
    convert._converter.cache_clear()
    convert._trigger_regex.cache_clear()
    assert convert.to_simplified("国家级知识产权") == "国家级知识产权"  # the set: no trigger
    assert convert.to_simplified_all(["国家", "", "发展"]) == ["国家", "", "发展"]
    assert convert._may_change("他沈默了") and convert._may_change("𠀀")  # the set: not a Traditional-only form
    assert convert._converter.cache_info().currsize == 0
    assert convert.to_simplified("國家") == "国家"  # a Traditional-only form: OpenCC loads
    assert convert._may_change("国家")  # now OpenCC decides every text, as before the shortcut
    assert convert.to_simplified("国家") == "国家"
    assert convert._trigger_regex.cache_info().currsize == 0
    assert convert._cold_checked == 7 + 4 + 4 + 1 + 2 + 2 + 2
    convert._cold_checked = 100_000
    assert not convert._may_change("国家") and convert._may_change("覆盖")
    assert convert._trigger_regex.cache_info().currsize == 1


def test_traditional_only_forms_are_triggers():
    """`_may_change` answers True at once for detect_script's Traditional-only forms, and the
    table's "marked" row is exactly those (the set holds only the "other" ones)."""
    traditional, _ = convert._read_marks(
        resources.files("ipextract").joinpath("data", "convert_script_marks.txt").read_text("utf-8"))
    assert set(traditional) <= _triggers()
    marked, other = convert._shipped_triggers()
    assert marked == traditional and set(marked).isdisjoint(other) and set(marked + other) == _triggers()
    assert len(convert._trigger_set()) == 672 and len(other) == 1570


def test_the_tests_cover_what_the_table_lists():
    """Both tests flag every BMP trigger, every character past U+FFFF and the surrogates."""
    assert _triggers().isdisjoint("".join(_TRIGGER_FREE))
    for test in (_cold_test, _regex_test):
        assert all(test(ch) for ch in _triggers())
        assert test("\U00020000") and test("\ud800") and test("中\U0010ffff")
        assert not test("".join(_TRIGGER_FREE[:-5]))


@pytest.mark.parametrize("path", ["cold", "regex"])
def test_a_lone_surrogate_still_reaches_opencc(path):
    """OpenCC's binding cannot encode a lone surrogate; the shortcut must not hide that."""
    with _using(path), pytest.raises(UnicodeEncodeError):
        convert.to_simplified("国家\ud800")
