"""The facts word lists in `ipextract/data/facts_*.txt`, read once per process.

Keeping them as data lets a user see (and extend) which measure words make a number a fact
without reading the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..han import HAN
from ..resources import alternation, data_lines, data_rows


@dataclass(frozen=True, slots=True)
class Unit:
    """A measure word: how it is written, its kind, the unit it is reported as, and guards."""

    surface: str
    kind: str  # money, count, percent, points, multiple, area, weight, energy, other, none
    canonical: str
    not_before: str = ""  # characters that may not follow it (家庭 is not 家)
    needs_magnitude: bool = False  # 方 and 度 are units only after 万/亿 (3万方, 5亿度)


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Surface form -> Unit, from data/facts_units.txt."""
    out: dict[str, Unit] = {}
    for cols in data_rows("facts_units.txt"):
        surface, kind = cols[0], cols[1]
        canonical = cols[2] if len(cols) > 2 and cols[2] != "-" else surface
        not_before = cols[3] if len(cols) > 3 and cols[3] != "-" else ""
        needs_magnitude = len(cols) > 4 and cols[4] == "M"
        out[surface] = Unit(surface, kind, canonical, not_before, needs_magnitude)
    return out


@lru_cache(maxsize=1)
def unit_pattern() -> re.Pattern[str]:
    """Any unit surface, the longest at a position (人次 before 人), matched where a number ends."""
    return re.compile(alternation(units()))


@lru_cache(maxsize=1)
def unit_starts() -> frozenset[str]:
    """The first characters of the units: where none stands, no unit pattern need be tried."""
    return frozenset(surface[0] for surface in units())


@lru_cache(maxsize=1)
def entity_pattern() -> re.Pattern[str]:
    """A category noun after a threshold (…以上的种植大户): up to four modifier characters first."""
    return re.compile(rf"\s*(?:的)?[{HAN}]{{0,4}}?(?:{alternation(data_lines('facts_entities.txt'))})")


@lru_cache(maxsize=1)
def counted_noun_pattern() -> re.Pattern[str]:
    """A noun of real things right after a measure word (五家单位, 三个村): a small numeral
    before it counts them, where 两个确保 names a slogan."""
    return re.compile(alternation(data_lines("facts_counted_nouns.txt")))


@lru_cache(maxsize=1)
def people_pattern() -> re.Pattern[str]:
    """A people noun within the noun phrase after a bare 万/亿 figure (20多万华商)."""
    return re.compile(rf"[^，,。；;：:！？!?、的]{{0,12}}?(?:{alternation(data_lines('facts_people.txt'))})")


@lru_cache(maxsize=1)
def cheng_block() -> frozenset[str]:
    """Characters after 成 that make it a verb or a word part, not tenths (一成不变)."""
    return frozenset(data_lines("facts_cheng_block.txt"))


@lru_cache(maxsize=1)
def predicates() -> frozenset[str]:
    """Words between a subject and its figure (达到, 同比, 占) that the metric finder skips."""
    return frozenset(data_lines("facts_predicates.txt"))


@lru_cache(maxsize=1)
def changes() -> dict[str, str]:
    """Change words (增长, 下降…) -> "increase" / "decrease", from data/facts_changes.tsv."""
    return {word: direction for word, direction in data_rows("facts_changes.tsv")}


@lru_cache(maxsize=1)
def change_pattern() -> re.Pattern[str]:
    """Any change word, longest first; 新增 (new ones) is not a change."""
    return re.compile(rf"(?<!新)(?:{alternation(changes())})")


@lru_cache(maxsize=1)
def metric_words() -> dict[str, tuple[str, ...]]:
    """Role (head, money, attribute, skip) -> its words, from data/facts_metric_words.tsv;
    longest first, since a token matches a word it ends with."""
    out: dict[str, list[str]] = {}
    for word, role in data_rows("facts_metric_words.tsv"):
        out.setdefault(role, []).append(word)
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in out.items()}


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, str]:
    """Qualifier word -> approx / over / under, from data/facts_qualifiers.tsv."""
    return {cols[0]: cols[1] for cols in data_rows("facts_qualifiers.tsv")}


def _qualifier_words(place: str) -> str:
    """An alternation of the `place` words of facts_qualifiers.tsv: plain ones first (longest
    first), then those with a guard character class."""
    rows = [cols for cols in data_rows("facts_qualifiers.tsv") if cols[2] == place]
    plain = alternation(cols[0] for cols in rows if len(cols) < 4)
    if place == "after":
        guarded = [f"{re.escape(c[0])}(?![{re.escape(c[3])}])" for c in rows if len(c) >= 4]
    else:
        guarded = [f"(?<![{re.escape(c[3])}]){re.escape(c[0])}" for c in rows if len(c) >= 4]
    return "|".join([plain, *guarded])


@lru_cache(maxsize=1)
def prefix_qualifier_pattern() -> re.Pattern[str]:
    """A qualifier word ending right where a number starts (searched in the text before it)."""
    return re.compile(rf"(?P<q>{_qualifier_words('before')})\s*$")


@lru_cache(maxsize=1)
def suffix_qualifier_pattern() -> re.Pattern[str]:
    """A qualifier word right after a figure: 70%以上, 100人左右, 50亩(含)以上."""
    return re.compile(rf"(?:及|[(（]含[)）]|含)?(?P<q>{_qualifier_words('after')})")



@lru_cache(maxsize=1)
def currency_before_pattern() -> re.Pattern[str]:
    """A currency named right before a number (港币500万, 美元3000万元, 人民币约3亿元): the money
    units of two or more characters, 块钱 aside; searched in the text just before the figure."""
    names = [u for u in units().values() if u.kind == "money" and len(u.surface) > 1 and u.surface != "块钱"]
    return re.compile(rf"(?P<c>{alternation(u.surface for u in names)})\s*(?:约|近|逾|超过|达)?\s*$")


@lru_cache(maxsize=1)
def currency_signs() -> dict[str, str]:
    """Currency sign or code -> unit, from data/facts_currency_signs.tsv."""
    return {sign: unit for sign, unit in data_rows("facts_currency_signs.tsv")}


@lru_cache(maxsize=1)
def currency_sign_ends() -> frozenset[str]:
    """The last characters of the currency signs and codes (a quick test before the pattern)."""
    return frozenset(sign[-1] for sign in currency_signs())


@lru_cache(maxsize=1)
def currency_sign_pattern() -> re.Pattern[str]:
    """A currency sign or code right before a figure (￥1200, US$ 20万), searched in the text
    just before it; a code must not end a longer Latin word."""
    return re.compile(rf"(?<![A-Za-z])(?P<s>{alternation(currency_signs())})\s?$")


@lru_cache(maxsize=1)
def counted_measures() -> frozenset[str]:
    """Measure words that count when a noun of real things follows (五家单位, 三个村)."""
    return frozenset(data_lines("facts_counted_measures.txt"))


@lru_cache(maxsize=1)
def counted() -> frozenset[str]:
    """Measure words after which a small Chinese numeral is a count, from data/facts_counted.txt."""
    return frozenset(data_lines("facts_counted.txt"))
