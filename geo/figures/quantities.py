"""German numbers as they appear in news text: "10.000", "2000", "1,5 Millionen", "2 Mio.",
"drei", "zehntausend", "Dutzende", "zwischen 10.000 und 12.000", "bis zu 8.000", "rund 3.000".

Number words are parsed by ``text2num`` (its German is beta; the tests check every word form
from 0 to 999.999 as written by :func:`german_words`), except "Dutzend", which it does not know,
and the vague plurals, which have no value of their own. Vague quantities get the conventional
lower bound of the plural: "Dutzende" >= 2 x 12 = 24, "Hunderte" >= 200, "Tausende" >= 2.000,
"Zehntausende" >= 20.000, "Hunderttausende" >= 200.000, "Millionen" >= 2.000.000; they are
flagged ``vague`` with qualifier ``at_least``.

The number words, scales, vague plurals and hedges are data (``data/lexicon/number_words.json``,
``hedges.json``). Only whole words are read: "60-mm", "F-16", "dreijährigen" and "dritten" are
no numbers. Dates are the caller's business (see :func:`is_date`), because telling "am 4.
November" from a count needs the words around the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from geo import lexicon
from geo.lexicon import alternation
from geo.model import Qualifier

_LEX = lexicon.load()
_SCALES = _LEX.scales
_DOZEN = _LEX.dozen
_VAGUE = _LEX.vague
_SOME = _LEX.some
_VAGUE_AFTER_SOME = _LEX.vague_after_some  # "mehrere hundert"
_HEDGES = _LEX.hedges

# thousands grouped by dots, spaces or, in Swiss papers, apostrophes ("11'000")
_GROUP = "[. \u00a0\u202f\u2009'\u2019]"
_DIGITS = rf"(?:\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)|\d+)(?:,\d+)?"
_SCALE = ("(?:" + "|".join(
    [alternation(w for w in _SCALES if w not in _LEX.scale_abbreviations)]
    + [rf"{alternation(_LEX.scale_abbreviations)}(?:\.|\b)"]) + ")")
# a final "s" ends a number ("hunderteins"); text2num rejects the other "-s" forms
_WORD = rf"(?:{alternation(_LEX.number_word_parts)}+s?|{alternation(_LEX.zero)})"
_VAGUE_RE = (rf"(?:{alternation(_SOME)}\s+{alternation(_VAGUE_AFTER_SOME)}"
             rf"|{alternation(_VAGUE)})")
_ONE = alternation(_LEX.one)
# One number: "10.000", "1,5 Millionen", "zwei Dutzend", "eine Million", "zwölf", "Hunderte".
_NUM = (rf"(?:{_VAGUE_RE}"
        rf"|(?:{_DIGITS}|{_WORD}|{_ONE})\s+(?:{_SCALE}|{alternation(_DOZEN)})(?![\w-])"
        rf"|{_DIGITS}(?!\w|-[^\W\d]|[.,]\d)"
        rf"|{_WORD}(?![\w-]))")
_HEDGE_RE = alternation(_HEDGES)
_RANGE_SEP = rf"\s*(?:{alternation(_LEX.range_words)}|–|—|-)\s*"
_AREA = rf"{alternation(_LEX.area_units)}(?!\w)"
QUANTITY = re.compile(
    rf"(?<![\w.,\-–])(?:(?P<hedge>{_HEDGE_RE})\s+(?:[„“\"»«]\s*)?)?"
    rf"(?:{alternation(_LEX.between)}\s+(?P<a>{_NUM})\s+und\s+(?P<b>{_NUM})"
    rf"|(?P<x>{_NUM})(?:{_RANGE_SEP}(?P<y>{_NUM}))?)"
    rf"(?:\s*(?P<unit>{_AREA}))?",
    re.IGNORECASE)
_DIGITS_FULL = re.compile(rf"({_DIGITS})(?:\s+({_SCALE}|{alternation(_DOZEN)}))?",
                          re.IGNORECASE)
_WORD_SCALED = re.compile(rf"({_WORD}|{_ONE})\s+({_SCALE}|{alternation(_DOZEN)})",
                          re.IGNORECASE)
_WORD_FULL = re.compile(_WORD, re.IGNORECASE)
_HEDGE_REACH = 32  # "nicht weniger als „", "zwischen "
_DIGIT_RUN = re.compile(r"\d+")
_WORD_START = re.compile(r"(?<![\w.,\-–])[\w„“\"»«]")
_SCALE_WORDS = frozenset(_DOZEN) | frozenset(_SCALES)
_NUMBER_STARTS = _LEX.number_starts
# a word that starts like a number word, as a whole letter run: one scan instead of a look at
# every word of the article
# (the look-ahead on first letters makes the scan skip most positions at once)
_NUMBER_WORD_CANDIDATE = re.compile(
    rf"\b(?=[{''.join(sorted({c for w in _NUMBER_STARTS for c in (w[0], w[0].upper())}))}])"
    rf"{alternation(_NUMBER_STARTS)}[^\W\d_]*", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"\.\s*{alternation(_LEX.months, ignore_case=True)}\b|\.\s+[a-zäöüß]")


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its hedge: ``start``/``end`` cover hedge, number(s) and unit."""

    start: int
    end: int
    low: int
    high: int
    qualifier: Qualifier
    vague: bool
    area: bool  # a unit of area (km²) followed the number


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number in ``text[start:end]`` with its hedge, range and unit, in text order.

    The full pattern is costly to try at every character, so it is tried only a little before
    each anchor (a digit or a word that starts like a number word), found by fast scans."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    done = start
    for anchor in _anchors(text, start, end):
        if anchor < done:
            continue
        q = _match_around(text, max(done, anchor - _HEDGE_REACH), anchor, end)
        if q is not None:
            done = q.end
            found.append(q)
    return found


def may_hold_number(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` has a digit or a number word, the anchors every quantity
    needs: most sentences have neither, and callers skip them before any costlier look."""
    end = len(text) if end is None else end
    if _DIGIT_RUN.search(text, start, end):
        return True
    return any(_is_number_word(m.group())
               for m in _NUMBER_WORD_CANDIDATE.finditer(text, start, end))


def _match_around(text: str, lo: int, anchor: int, end: int) -> Quantity | None:
    """The quantity that covers ``anchor``, starting at the earliest word start from ``lo``
    that reads as one ("und tausend" does not, "tausend" does)."""
    for w in _WORD_START.finditer(text, lo, anchor + 1):
        m = QUANTITY.match(text, w.start(), end)
        if m is not None and m.end() > anchor:
            q = _quantity(m)
            if q is not None:
                return q
    return None


def _anchors(text: str, start: int, end: int) -> list[int]:
    positions = [m.start() for m in _DIGIT_RUN.finditer(text, start, end)]
    positions += [m.start() for m in _NUMBER_WORD_CANDIDATE.finditer(text, start, end)
                  if _is_number_word(m.group())]
    return sorted(positions)


@lru_cache(maxsize=16384)
def _is_number_word(word: str) -> bool:
    key = word.casefold()
    return key.startswith(_NUMBER_STARTS) and (key in _SCALE_WORDS or parse_number(word) is not None)


def _quantity(m: re.Match[str]) -> Quantity | None:
    first, second = (m.group("a"), m.group("b")) if m.group("a") else (m.group("x"), m.group("y"))
    low = parse_number(first)
    high = parse_number(second) if second else low
    if low is None or high is None:
        return None
    if second and _scale_of(second) and not _scale_of(first) and low < high / _scale_of(second):
        low *= _scale_of(second)  # "zwei bis drei Millionen"
    vague = first.casefold().split()[0] in _VAGUE or _is_some_plus(first)
    hedge = " ".join(m.group("hedge").casefold().split()) if m.group("hedge") else None
    if second and high != low:
        qualifier: Qualifier = "range"
        low, high = min(low, high), max(low, high)
    elif vague:
        qualifier = "at_least"
    else:
        qualifier = _HEDGES[hedge] if hedge else "exact"
    return Quantity(m.start(), m.end(), low, high, qualifier, vague, bool(m.group("unit")))


def _scale_of(s: str) -> int:
    words = s.casefold().rstrip(".").split()
    return _SCALES.get(words[-1], 0) if len(words) > 1 else 0


def _is_some_plus(s: str) -> bool:
    words = s.casefold().split()
    return len(words) == 2 and words[0] in _SOME and words[1] in _VAGUE_AFTER_SOME


@lru_cache(maxsize=4096)
def parse_number(s: str) -> int | None:
    """The value of one German number ("10.000", "1,5 Millionen", "zwölf", "Hunderte"); None
    when ``s`` is not one. Vague words give their conventional lower bound."""
    s = " ".join(s.split()).removesuffix(".")
    key = s.casefold()
    if key in _VAGUE:
        return _VAGUE[key]
    if _is_some_plus(s):
        return _VAGUE_AFTER_SOME[key.split()[1]]
    m = _DIGITS_FULL.fullmatch(s)
    if m:
        return _scaled(_digits(m.group(1)), m.group(2))
    m = _WORD_SCALED.fullmatch(s)
    if m:
        base = 1 if re.fullmatch(_ONE, m.group(1), re.IGNORECASE) else _word(m.group(1))
        return None if base is None else _scaled(base, m.group(2))
    return _word(s) if _WORD_FULL.fullmatch(s) else None


def _digits(s: str) -> float:
    s = re.sub(_GROUP, "", s)
    return float(s.replace(",", ".")) if "," in s else int(s)


def _scaled(value: float | None, scale: str | None) -> int | None:
    if value is None:
        return None
    if scale:
        key = scale.casefold().rstrip(".")
        value *= _DOZEN.get(key) or _SCALES[key]
    return round(value)


def _word(s: str) -> int | None:
    key = s.casefold()
    if key in _LEX.not_alone:
        return None
    try:
        return text2num(key, "de")
    except ValueError:
        return None


def is_date(text: str, start: int, end: int) -> bool:
    """ "am 4. November", "seit dem 6. August", "der 2. Weltkrieg": a day or ordinal, not a count.
    ``start``/``end`` are the digits' span."""
    return bool(text[start:end].isdigit() and end - start <= 2
                and _DATE_AFTER.match(text, end))


# --- writing numbers the German way (for tests and display) -------------------------------

_ONES, _TEENS, _TENS = _LEX.ones, _LEX.teens, _LEX.tens


def format_german(n: int) -> str:
    """How German news writes a count: words up to twelve, digits with dot thousands above."""
    if 0 <= n <= 12:
        return german_words(n)
    return f"{n:,}".replace(",", ".")


def german_words(n: int) -> str:
    """A number below one million in words, the way German writes it ("dreitausendzwölf")."""
    if not 0 <= n < 1_000_000:
        raise ValueError(f"{n} is out of range for words")
    if n == 0:
        return "null"
    thousands, rest = divmod(n, 1000)
    head = _below_1000(thousands, final=False) + "tausend" if thousands else ""
    return head + (_below_1000(rest, final=True) if rest else "")


def _below_1000(n: int, final: bool) -> str:
    hundreds, rest = divmod(n, 100)
    head = _ONES[hundreds] + "hundert" if hundreds else ""
    if rest == 1:
        return head + ("eins" if final else "ein")
    if rest < 10:
        return head + _ONES[rest]
    if rest < 20:
        return head + _TEENS[rest - 10]
    tens, ones = divmod(rest, 10)
    return head + (_ONES[ones] + "und" if ones else "") + _TENS[tens]
