"""Finding temporal expressions: a tokenizer and a small hand-written grammar over its tokens.

Why no big regular expression: dates are built from short words and numbers in a few orders,
and a grammar that looks at most a dozen tokens ahead from each token runs in linear time on
any input (no backtracking), while the words themselves come from the lexicon file.

Why windows: every expression holds an anchor word or number, found by fast string searches;
only the few tokens around anchors are tokenised and parsed, which gives the same expressions
as parsing every token at a fraction of the cost (``benchmarks/check_dates_identical.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from operator import sub
from typing import Literal, NamedTuple

from geo.dates import _calendar as cal
from geo.dates._lexicon import Lexicon, lexicon

Granularity = Literal["day", "week", "month", "year", "period"]
Kind = Literal["absolute", "relative", "period"]
Resolved = tuple[date | None, date | None]
Resolver = Callable[[date | None, bool], Resolved]

# Runs of letters, numbers, or any other single character: one pass, no backtracking (letters
# first: the most common, which makes the scan faster).
_TOKEN = r"[^\W\d_]+|\d+|\S"
_PIECE = re.compile(rf"\s*(?:{_TOKEN})")  # a token with the space before it
_LETTERS = re.compile(r"[^\W\d_]+")
_UNRESOLVED: Resolved = (None, None)


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression as written (``text == article_text[start:end]``) and the days it
    covers (``begin``..``end_date`` inclusive; both None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    begin: date | None
    end_date: date | None
    granularity: Granularity
    kind: Kind
    vague: bool = False  # the interval rests on a convention ("in den letzten Wochen", "etwa")


# Named tuples, not frozen dataclasses: the grammar makes one for every candidate it tries,
# and a tuple is made three times faster.
class _Point(NamedTuple):
    day: int
    month: int
    year: int | None


class _Hit(NamedTuple):
    end: int  # token index after the expression
    kind: Kind
    granularity: Granularity
    resolve: Resolver
    vague: bool = False


def _guard(fn: Callable[[date, bool], Resolved | None]) -> Resolver:
    """A resolver that needs the publication date: unresolved without it, or out of range."""

    def run(pub: date | None, future: bool) -> Resolved:
        if pub is None:
            return _UNRESOLVED
        try:
            got = fn(pub, future)
        except (ValueError, OverflowError):
            return _UNRESOLVED
        return _UNRESOLVED if got is None else got

    return run


def _fixed(begin: date, end: date) -> Resolver:
    return lambda pub, future: (begin, end)


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= cal.month_length(year if year is not None else 2000, month)


class _Grammar:
    def __init__(self, text: str, lex: Lexicon, lo: int, hi: int) -> None:
        """The tokens of ``text[lo:hi]``, less the first and last when they may be cut."""
        self.text = text
        self.lex = lex
        # a slice is scanned three times faster than the same span given as ``pos, endpos``;
        # strings (a token and the space before it) are cheaper to make than match objects
        pieces = _PIECE.findall(text[lo:hi])
        # a window that ends before the text: the grammar reading past its last token means
        # the window was too short (``overrun``), not that the text ends there
        self.cut = hi < len(text)
        self.overrun = False
        ends = list(accumulate(map(len, pieces), initial=lo))
        del ends[0]
        if self.cut and pieces:
            pieces.pop()
            ends.pop()
        if lo > 0 and pieces:
            pieces.pop(0)
            ends.pop(0)
        self.words = list(map(str.lstrip, pieces))
        self.ends = ends
        self.starts = list(map(sub, ends, map(len, self.words)))
        self.low = list(map(str.lower, self.words))
        self.n = len(pieces)
        self.starters = lex.starters

    # -- token helpers -------------------------------------------------------------------
    def outside(self, k: int) -> None:
        """Token ``k`` does not exist: past the last one of a cut window, that is an overrun."""
        if k >= self.n and self.cut:
            self.overrun = True

    def w(self, k: int) -> str:
        if 0 <= k < self.n:
            return self.low[k]
        self.outside(k)
        return ""

    def glued(self, k: int) -> bool:
        """Token ``k`` follows token ``k - 1`` with no space between."""
        if 0 < k < self.n:
            return self.starts[k] == self.ends[k - 1]
        self.outside(k)
        return False

    def digits(self, k: int) -> bool:
        if 0 <= k < self.n:
            return self.words[k].isdecimal()
        self.outside(k)
        return False

    def num(self, k: int, maxlen: int) -> int | None:
        if self.digits(k) and len(self.words[k]) <= maxlen:
            return int(self.words[k])
        return None

    def capital(self, k: int) -> bool:
        if 0 <= k < self.n:
            return self.words[k][:1].isupper()
        self.outside(k)
        return False

    def phrase(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Index after the longest phrase starting at ``k``, or -1."""
        first = self.w(k)
        if first not in self.lex.phrase_firsts:
            return -1
        for words in phrases:
            if words[0] == first and all(self.w(k + i) == word
                                         for i, word in enumerate(words[1:], 1)):
                return k + len(words)
        return -1

    def count(self, k: int) -> tuple[int, int, bool] | None:
        """A small count ('drei', '3', 'etwa einer') at ``k``: (end, value, hedged)."""
        hedge = self.phrase(k, self.lex.hedges)
        j = hedge if hedge >= 0 else k
        value = self.num(j, 3)
        if value is None:
            value = self.lex.numbers.get(self.w(j))
        if value is None or value <= 0:
            return None
        return j + 1, value, hedge >= 0

    # -- building blocks -----------------------------------------------------------------
    def year_at(self, k: int, strict: bool) -> int | None:
        """A 4-digit year at ``k`` (1900-2100 where a bare number could be a count)."""
        if not self.digits(k) or len(self.words[k]) != 4 or self.glued(k):
            return None
        if self.w(k + 1) in self.lex.count_nouns or (self.glued(k + 1) and self.w(k + 1) in ".,"
                                                     and self.digits(k + 2) and self.glued(k + 2)):
            return None
        year = int(self.words[k])
        low, high = (1900, 2100) if strict else (1000, 2999)
        return year if low <= year <= high else None

    def datepoint(self, k: int) -> tuple[int, _Point] | None:
        """'5. November [2024]', '5. Nov. 2024', '05.11.2024', '4.11.', '2024-11-05'."""
        iso = self.iso(k)
        if iso is not None:
            return iso
        day = self.num(k, 2)
        if day is None:
            return self.word_day(k)
        if self.w(k + 1) != "." or not self.glued(k + 1):
            return None
        if self.glued(k) and self.w(k - 1) in {".", ":", ","} and self.digits(k - 2):
            return None  # inside a longer run of numbers ("1.2.3.4", "14:05.")
        k2 = k + 2
        month = self.num(k2, 2) if self.glued(k2) else None
        year: int | None = None
        if month is not None:
            if self.w(k2 + 1) != "." or not self.glued(k2 + 1):
                return None
            end = k2 + 2
            if self.digits(end) and self.glued(end):
                size = len(self.words[end])
                if size not in (2, 4):
                    return None
                year = int(self.words[end]) + (2000 if size == 2 else 0)
                end += 1
                if self.glued(end) and self.w(end) in {".", ","} and self.digits(end + 1) \
                        and self.glued(end + 1):
                    return None  # "05.11.2024.3", "1.1.2000,5": part of a longer number
        elif self.w(k2) in self.lex.months and self.capital(k2):
            month = self.lex.months[self.w(k2)]
            end = k2 + 1
            if self.w(end) == "-" and self.glued(end):
                return None
            year = self.year_at(end, strict=False)
            end += year is not None
        elif self.w(k2) in self.lex.month_abbreviations:
            month = self.lex.month_abbreviations[self.w(k2)]
            end = k2 + 1
            if self.w(end) == "." and self.glued(end):
                end += 1
            year = self.year_at(end, strict=False)
            end += year is not None
        else:
            return None
        if not _valid(day, month, year):
            return None
        return end, _Point(day, month, year)

    def word_day(self, k: int) -> tuple[int, _Point] | None:
        """'ersten November [2024]': a day written as a word, only before a month name."""
        day = self.lex.day_ordinals.get(self.w(k))
        month = self.month_phrase(k + 1) if day is not None else None
        if day is None or month is None or not _valid(day, month[1], month[2]):
            return None
        return month[0], _Point(day, month[1], month[2])

    def iso(self, k: int) -> tuple[int, _Point] | None:
        """'2024-11-05' (a dateline or a machine-written date)."""
        if not (self.digits(k) and len(self.words[k]) == 4) or self.glued(k):
            return None
        parts = [self.w(k + i) for i in range(5)]
        if parts[1] != "-" or parts[3] != "-" or not all(self.glued(k + i) for i in range(1, 5)):
            return None
        if not (self.num(k + 2, 2) is not None and self.num(k + 4, 2) is not None):
            return None
        if len(self.words[k + 2]) != 2 or len(self.words[k + 4]) != 2 or self.digits(k + 5) \
                and self.glued(k + 5):
            return None
        year, month, day = int(self.words[k]), int(self.words[k + 2]), int(self.words[k + 4])
        if not _valid(day, month, year):
            return None
        return k + 5, _Point(day, month, year)

    def month_phrase(self, k: int) -> tuple[int, int, int | None] | None:
        """'Oktober', 'Oktober 2024': (end, month, year)."""
        if self.w(k) not in self.lex.months or not self.capital(k):
            return None
        if self.w(k + 1) == "-" and self.glued(k + 1):
            return None  # a compound ("Oktober-Offensive")
        year = self.year_at(k + 1, strict=False)
        return k + 1 + (year is not None), self.lex.months[self.w(k)], year

    # -- resolvers -----------------------------------------------------------------------
    @staticmethod
    def point_resolver(p: _Point) -> Resolver:
        if p.year is not None:
            d = date(p.year, p.month, p.day)
            return _fixed(d, d)

        def near(pub: date, future: bool) -> Resolved | None:
            def cand(y: int) -> cal.Interval:
                d = date(y, p.month, p.day)
                return d, d

            return cal.nearest(cand, pub, future)

        return _guard(near)

    @staticmethod
    def month_resolver(month: int, year: int | None, days: tuple[int, int] | None) -> Resolver:
        """A month (or part of it: ``days``), its year given or the nearest one."""

        def span(y: int) -> cal.Interval:
            first, last = cal.month_interval(y, month)
            if days is None:
                return first, last
            return first.replace(day=days[0]), first.replace(day=min(days[1], last.day))

        if year is not None:
            begin, end = span(year)
            return _fixed(begin, end)
        return _guard(lambda pub, future: cal.nearest(span, pub, future))

    def season_span(self, name: str, year: int) -> cal.Interval:
        first, last = self.lex.seasons[name]
        end_year = year + (last < first)
        return date(year, first, 1), cal.month_interval(end_year, last)[1]

    # -- grammar -------------------------------------------------------------------------
    def core(self, k: int, opened: bool) -> _Hit | None:
        """A day, weekday, weekend, week, month, season or year at ``k``; ``opened`` when a
        preposition ('am', 'im') came before, which licenses a bare month or 'Wochenende'."""
        lex = self.lex
        sense = lex.modifiers.get(self.w(k))
        j = k + 1 if sense else k
        word = self.w(j)
        if word in lex.weekdays and self.capital(j):
            return self.weekday(j, lex.weekdays[word], sense)
        if word in lex.weekend and (opened or sense):
            return _Hit(j + 1, "relative", "period",
                        _guard(lambda pub, future: cal.weekend_near(pub, sense, future)))
        if sense is not None:
            return self.modified(j, sense)
        point = self.datepoint(k)
        if point is not None:
            end, p = point
            return _Hit(end, "absolute", "day", self.point_resolver(p))
        month = self.month_phrase(k)
        if month is not None and (opened or month[2] is not None):
            end, m, year = month
            return _Hit(end, "absolute", "month", self.month_resolver(m, year, None))
        if word in lex.seasons and self.capital(k) and (
                opened or self.year_at(k + 1, strict=True) is not None):
            return self.season(k)  # "im Sommer", "Frühjahr 2023"
        if word in lex.relative_days:
            if word in lex.lowercase_only and not self.words[k].islower():
                return None
            delta = lex.relative_days[word]
            end = k + 2 if self.w(k + 1) in lex.dayparts else k + 1
            return _Hit(end, "relative", "day",
                        _guard(lambda pub, future: (pub + timedelta(days=delta),) * 2))
        if opened and word in lex.units and lex.units[word] == "year":
            year = self.year_at(k + 1, strict=False)
            if year is not None:
                begin, last = cal.year_interval(year)
                return _Hit(k + 2, "absolute", "year", _fixed(begin, last))
        return None

    def weekday(self, j: int, weekday: int, sense: str | None) -> _Hit:
        """'Montag', 'vergangenen Montag', 'diesen Dienstag, den 5. November'."""
        k = j + 1
        while k < j + 3 and self.w(k) in self.lex.apposition:
            k += 1
        if k > j + 1:
            point = self.datepoint(k)
            if point is not None:
                return _Hit(point[0], "absolute", "day", self.point_resolver(point[1]))
        week_sense = self.lex.modifiers.get(self.w(j + 1))
        if sense is None and week_sense is not None and \
                self.lex.units.get(self.w(j + 2)) == "week" and self.w(j + 2) not in self.lex.plural_units:
            # "am Donnerstag vergangener Woche": that weekday of that week
            step = {"past": -1, "this": 0, "next": 1}[week_sense]
            return _Hit(j + 3, "relative", "day", _guard(lambda pub, future: (
                cal.week_of(pub)[0] + timedelta(days=7 * step + weekday),) * 2))
        return _Hit(j + 1, "relative", "day",
                    _guard(lambda pub, future: (cal.weekday_near(pub, weekday, sense, future),) * 2))

    def modified(self, j: int, sense: str) -> _Hit | None:
        """'vergangene Woche', 'letzten Monat', 'im vergangenen August', 'nächstes Jahr'."""
        lex = self.lex
        word = self.w(j)
        step = {"past": -1, "this": 0, "next": 1}[sense]
        unit = lex.units.get(word)
        if unit in ("week", "month", "year") and word not in lex.plural_units:
            assert unit is not None
            granularity: Granularity = "week" if unit == "week" else (
                "month" if unit == "month" else "year")
            return _Hit(j + 1, "relative", granularity, _guard(
                lambda pub, future: cal.unit_interval(cal.shift(pub, unit, step), unit)))
        if word in lex.months and self.capital(j):
            month = lex.months[word]

            def named_month(pub: date, future: bool) -> Resolved:
                year = pub.year
                if sense == "past" and month >= pub.month:
                    year -= 1
                elif sense == "next" and month <= pub.month:
                    year += 1
                return cal.month_interval(year, month)

            return _Hit(j + 1, "relative", "month", _guard(named_month))
        if word in lex.seasons and self.capital(j):

            def named_season(pub: date, future: bool) -> Resolved | None:
                spans = [self.season_span(word, y) for y in range(pub.year - 2, pub.year + 2)]
                if sense == "past":
                    return max((s for s in spans if s[1] < pub), default=None)
                if sense == "next":
                    return min((s for s in spans if s[0] > pub), default=None)
                return cal.nearest(lambda y: self.season_span(word, y), pub, future)

            return _Hit(j + 1, "relative", "period", _guard(named_season))
        return None

    def season(self, k: int) -> _Hit:
        """'im Sommer', 'im Winter 2023'."""
        word = self.w(k)
        year = self.year_at(k + 1, strict=False)
        if year is not None:
            begin, end = self.season_span(word, year)
            return _Hit(k + 2, "absolute", "period", _fixed(begin, end))
        return _Hit(k + 1, "absolute", "period", _guard(
            lambda pub, future: cal.nearest(lambda y: self.season_span(word, y), pub, future)))

    def part(self, k: int) -> _Hit | None:
        """'Ende Oktober', 'Anfang 2025', 'Mitte der Woche', 'Ende letzten Monats'."""
        lex = self.lex
        if self.w(k) not in lex.parts or not self.capital(k):
            return None
        spans = lex.parts[self.w(k)]
        j = k + 1
        month = self.month_phrase(j)
        if month is not None:
            end, m, year = month
            return _Hit(end, "absolute", "period",
                        self.month_resolver(m, year, spans["month_days"]))
        year = self.year_at(j, strict=True)
        if year is not None:
            first, last = spans["year_months"]
            begin = date(year, first, 1)
            return _Hit(j + 1, "absolute", "period",
                        _fixed(begin, cal.month_interval(year, last)[1]))
        if self.w(j) in lex.part_articles:
            step, j = 0, j + 1
        elif lex.modifiers.get(self.w(j)):
            step, j = {"past": -1, "this": 0, "next": 1}[lex.modifiers[self.w(j)]], j + 1
        else:
            return None
        unit = lex.units.get(self.w(j))
        if unit not in ("week", "month", "year") or self.w(j) in lex.plural_units:
            return None
        assert unit is not None
        key = {"week": "week_days", "month": "month_days", "year": "year_months"}[unit]
        first, last = spans[key]

        def portion(pub: date, future: bool) -> Resolved:
            begin, end = cal.unit_interval(cal.shift(pub, unit, step), unit)
            if unit == "week":
                return begin + timedelta(days=first), begin + timedelta(days=last)
            if unit == "month":
                return begin.replace(day=first), begin.replace(day=min(last, end.day))
            return (begin.replace(month=first),
                    cal.month_interval(begin.year, last)[1])

        return _Hit(j + 1, "relative", "period", _guard(portion))

    def since(self, k: int) -> _Hit | None:
        """'seit dem 6. August', 'seit Oktober', 'seit 2014', 'seit vier Monaten', 'seit Wochen'."""
        lex = self.lex
        j = self.phrase(k, lex.openers["since"])
        if j < 0:
            return None
        inner: _Hit | None = None
        for start in ((j + 1, j) if self.w(j) in lex.openers_flat("since_articles") else (j,)):
            inner = self.part(start) or self.core(start, opened=True)
            if inner is not None:
                break
        if inner is not None:
            got = inner

            def from_inner(pub: date | None, future: bool) -> Resolved:
                begin = got.resolve(pub, False)[0]
                return (begin, pub) if begin is not None else _UNRESOLVED

            return _Hit(got.end, "period", "period", from_inner, got.vague)
        year = self.year_at(j, strict=True)
        if year is not None:
            start_day = date(year, 1, 1)
            return _Hit(j + 1, "period", "period", lambda pub, future: (start_day, pub))
        counted = self.count(j)
        if counted is not None:
            end, value, hedged = counted
            unit = lex.units.get(self.w(end))
            if unit is not None:
                u = unit
                return _Hit(end + 1, "period", "period",
                            _guard(lambda pub, future: (cal.shift(pub, u, -value), pub)), hedged)
        if self.w(j) in lex.plural_units and lex.units[self.w(j)] != "hour":  # not "seit Stunden"
            unit_name = lex.units[self.w(j)]
            return _Hit(j + 1, "period", "period",
                        _guard(lambda pub, future: (self.vague_from(pub, unit_name, -1), pub)),
                        True)
        return None

    def vague_from(self, pub: date, unit: str, sign: int) -> date:
        days, months = self.lex.vague_spans[unit]
        return cal.add_months(pub, sign * months) + timedelta(days=sign * days)

    def ago(self, k: int) -> _Hit | None:
        """'vor drei Tagen', 'vor etwa einer Woche': the day, week, month or year that holds
        publication minus that much."""
        j = self.phrase(k, self.lex.openers["ago"])
        counted = self.count(j) if j >= 0 else None
        if counted is None:
            return None
        end, value, hedged = counted
        unit = self.lex.units.get(self.w(end))
        if unit is None or unit == "hour":
            return None  # "vor drei Stunden": today or yesterday, by the unknown hour
        u = unit
        granularity: Granularity = "day" if u == "day" else (
            "week" if u == "week" else ("month" if u == "month" else "year"))
        return _Hit(end + 1, "relative", granularity, _guard(
            lambda pub, future: cal.unit_interval(cal.shift(pub, u, -value), u)), hedged)

    def within(self, k: int) -> _Hit | None:
        """'in den letzten Tagen', 'in den vergangenen zwei Wochen', 'in den kommenden Wochen'."""
        lex = self.lex
        j = self.phrase(k, lex.openers["within"])
        sense = lex.modifiers.get(self.w(j)) if j >= 0 else None
        if sense not in ("past", "next"):
            return None
        j += 1
        value: int | None = None
        counted = self.count(j)
        if counted is not None and self.w(counted[0]) in lex.plural_units:
            j, value, _ = counted
        if self.w(j) not in lex.plural_units:
            return None
        unit = lex.units[self.w(j)]
        if unit == "hour" and value is None:
            return None  # "in den nächsten Stunden": within a day or two, no calendar span
        sign = -1 if sense == "past" else 1
        n = value
        # the coming days start tomorrow, the coming hours today
        first = timedelta(days=0 if unit == "hour" else 1)

        def span(pub: date, future: bool) -> Resolved:
            far = cal.shift(pub, unit, sign * n) if n is not None else self.vague_from(
                pub, unit, sign)
            return (far, pub) if sign < 0 else (pub + first, far)

        return _Hit(j + 1, "period", "period", _guard(span), value is None)

    def range_(self, k: int) -> _Hit | None:
        """'vom 1. bis 3. November', 'zwischen dem 1. und 3. November', 'von Oktober bis
        Dezember 2024', 'von 2022 bis 2024'."""
        lex = self.lex
        j = self.phrase(k, lex.openers["range_from"])
        if j < 0:
            return None
        opener = self.w(k)
        if self.w(j) in lex.openers_flat("range_from_articles"):
            j += 1
        # the first end: a full date, a bare day ("1."), a month or a year
        first_point = self.datepoint(j)
        first_day: int | None = None
        first_month: tuple[int, int, int | None] | None = None
        first_year: int | None = None
        if first_point is not None:
            j2 = first_point[0]
        elif self.num(j, 2) is not None and self.w(j + 1) == "." and self.glued(j + 1):
            first_day, j2 = self.num(j, 2), j + 2
        elif (first_month := self.month_phrase(j)) is not None:
            j2 = first_month[0]
        elif (first_year := self.year_at(j, strict=True)) is not None:
            j2 = j + 1
        else:
            return None
        with_und = opener in lex.openers_flat("range_with_und")
        joins = [p for p in lex.openers["range_to"] if (p[0] == "und") == with_und]
        if not with_und:
            joins += [(dash,) for dash in lex.openers_flat("dashes")]
        j3 = self.phrase(j2, tuple(joins))
        if j3 < 0:
            return None
        if first_point is not None or first_day is not None:
            second = self.datepoint(j3)
            if second is None:
                return None
            p2 = second[1]
            if first_point is not None:
                p1 = first_point[1]
            else:
                assert first_day is not None
                p1 = _Point(first_day, p2.month, p2.year)
            if not _valid(p1.day, p1.month, p1.year):
                return None
            return _Hit(second[0], "period", "period", self.days_between(p1, p2))
        if first_month is not None:
            second_month = self.month_phrase(j3)
            if second_month is None:
                return None
            end, m2, y2 = second_month
            _, m1, y1 = first_month
            return _Hit(end, "period", "period", self.months_between(m1, y1, m2, y2))
        y_end = self.year_at(j3, strict=True)
        if first_year is None or y_end is None or y_end < first_year:
            return None
        begin, last = date(first_year, 1, 1), date(y_end, 12, 31)
        return _Hit(j3 + 1, "period", "period", _fixed(begin, last))

    def dash_range(self, k: int) -> _Hit | None:
        """'1.–3. November', '28.-30.10.2024': a day, a dash, a date."""
        if self.num(k, 2) is None or self.w(k + 1) != "." or not self.glued(k + 1):
            return None
        if self.w(k + 2) not in self.lex.openers_flat("dashes"):
            return None
        second = self.datepoint(k + 3)
        if second is None:
            return None
        p2 = second[1]
        p1 = _Point(int(self.words[k]), p2.month, p2.year)
        if not _valid(p1.day, p1.month, p1.year) or p1.day > p2.day:
            return None
        return _Hit(second[0], "period", "period", self.days_between(p1, p2))

    @staticmethod
    def days_between(p1: _Point, p2: _Point) -> Resolver:
        def span(y2: int) -> cal.Interval | None:
            y1 = p1.year if p1.year is not None else (
                y2 - 1 if (p1.month, p1.day) > (p2.month, p2.day) else y2)
            begin, end = date(y1, p1.month, p1.day), date(y2, p2.month, p2.day)
            return (begin, end) if begin <= end else None

        if p2.year is not None:
            got = span(p2.year)
            return _fixed(*got) if got is not None else lambda pub, future: _UNRESOLVED
        return _guard(lambda pub, future: cal.nearest(span, pub, future))

    @staticmethod
    def months_between(m1: int, y1: int | None, m2: int, y2: int | None) -> Resolver:
        def span(year: int) -> cal.Interval | None:
            first = y1 if y1 is not None else (year - 1 if m1 > m2 else year)
            begin, end = date(first, m1, 1), cal.month_interval(year, m2)[1]
            return (begin, end) if begin <= end else None

        if y2 is not None:
            got = span(y2)
            return _fixed(*got) if got is not None else lambda pub, future: _UNRESOLVED
        return _guard(lambda pub, future: cal.nearest(span, pub, future))

    def parse_at(self, k: int) -> _Hit | None:
        """The longest expression starting at token ``k`` (of equal ones, the first rule's).
        A rule led by an opener or a part word is tried only where the token is one."""
        best: _Hit | None = None
        lex = self.lex
        word = self.low[k]
        kinds = lex.opener_kinds.get(word, frozenset())
        candidates = []
        if "since" in kinds:
            candidates.append(self.since(k))
        if "range_from" in kinds:
            candidates.append(self.range_(k))
        if "ago" in kinds:
            candidates.append(self.ago(k))
        if "within" in kinds:
            candidates.append(self.within(k))
        if word in lex.parts:
            candidates.append(self.part(k))
        candidates.append(self.core(k, opened=False))
        if "point" in kinds:
            opened = self.phrase(k, lex.openers["point"])
            if opened >= 0:
                candidates.append(self.part(opened))
                candidates.append(self.core(opened, opened=True))
        for hit in candidates:
            if hit is not None and (best is None or hit.end > best.end):
                best = hit
        return best

    def future(self, k: int, end: int) -> bool:
        """Whether the clause is clearly about the future: 'werden' next to the expression."""
        markers = self.lex.future_markers
        return self.w(k - 1) in markers or self.w(end) in markers

    def run(self, published: date | None, anchors: list[int], reach: int,
            resume: int) -> list[TimeExpr]:
        """The expressions starting at most ``reach`` tokens before an anchor token, left to
        right, each taking its tokens (none before char ``resume``, an earlier window's)."""
        out: list[TimeExpr] = []
        k = 0
        for a in anchors:
            k = max(k, a - reach)
            while k <= a:
                if self.starts[k] < resume:
                    k += 1
                    continue
                if self.words[k].isdecimal():
                    # a number opens only a date ("5. November") or a range ("1.–3. November")
                    hit = self.core(k, opened=False) or self.dash_range(k)
                elif self.low[k] in self.starters:
                    hit = self.parse_at(k)
                else:
                    hit = None
                if hit is None or hit.end <= k:
                    k += 1
                    continue
                start, end = self.starts[k], self.ends[hit.end - 1]
                begin, last = hit.resolve(published, self.future(k, hit.end))
                out.append(TimeExpr(start, end, self.text[start:end], begin, last,
                                    hit.granularity, hit.kind, hit.vague))
                k = hit.end
        return out


@dataclass(frozen=True)
class _Scanner:
    """Where expressions can be, found at C speed: every expression holds an anchor (a number
    that can be a day or a year, or a month, weekday, unit, season or relative-day word) and
    starts at most ``reach`` tokens before it. Words are found by plain substring searches of
    the lowercased text and by one regex led by capital letters (a regex alternation of all
    the words would try every position, ten times slower); each hit is then checked to be the
    whole token, in a role the grammar gives it."""

    capitalised: frozenset[str]  # months, weekdays, seasons: only with a capital letter
    plain: frozenset[str]  # the weekend, relative days: as they come
    lowercase_only: frozenset[str]  # "morgen", not "Morgen"
    units: frozenset[str]  # "Jahr", "Wochen": only counted or modified
    before_unit: frozenset[str]  # the tokens that count or modify a unit
    longest: int  # letters in the longest anchor word or word before a unit
    needles: tuple[str, ...]  # substrings of the lowercased text
    capitals: re.Pattern[str]  # the needles that only start capitalised words
    digits: re.Pattern[str]  # a day before a month or range word, or a 4-digit number
    # the word before a bare year that makes it a date ("seit 2014", "Ende 2024", "von 2022"):
    # any other year is a date only beside another anchor ("im Mai 2024", "im Jahr 2024")
    year_openers: tuple[str, ...]
    reach: int


@lru_cache(maxsize=1)
def _scanner() -> _Scanner:
    lex = lexicon()
    capitalised = frozenset({*lex.months, *lex.weekdays, *lex.seasons})
    words = {w for w in (*capitalised, *lex.weekend, *lex.relative_days, *lex.units)
             if _LETTERS.fullmatch(w)}
    # a word that holds another ("montag", "tag") is found by the shorter one
    needles = sorted(w for w in words if not any(o != w and o in w for o in words))
    # a needle that only ever starts a capitalised word ("oktober", "mittwoch", "sommer"):
    # few characters are those capitals, which keeps the regex on its fast path
    heads = [n for n in needles
             if all(w in capitalised and w.startswith(n) for w in words if n in w)]
    capitals = re.compile("|".join(re.escape(n[0].upper()) + "(?i:" + re.escape(n[1:]) + ")"
                                   for n in heads))
    # the longest way to an anchor: "in den letzten mehr als zwei Wochen" (opener, modifier,
    # hedge, number) or "seit dem Ende der Woche" (opener, article, part, article)
    opener = max(len(p) for phrases in lex.openers.values() for p in phrases)
    hedge = max(len(p) for p in lex.hedges)
    # a day followed by what a date or a range goes on with ("5. November", "5. Nov.",
    # "05.11.", "1. bis", "1.–3.", not "3.000", "5. Armee"), or a year ("2024"); starting with
    # a digit keeps the regex on its fast path
    after_day = {*lex.months, *lex.month_abbreviations, *lex.openers_flat("dashes"),
                 *(p[0] for p in lex.openers["range_to"])}
    digits = re.compile(r"\d(?:\d?\.(?:\d(?!\d\d)|\s*(?i:"
                        + "|".join(map(re.escape, sorted(after_day, key=len, reverse=True)))
                        + r"))|\d\d\d(?!\d))")
    before_year = {p[-1] for kind in ("since", "range_from", "range_from_articles")
                   for p in lex.openers[kind]} | set(lex.parts)
    before_unit = frozenset({*lex.modifiers, *lex.part_articles, *lex.numbers,
                             *(p[-1] for p in lex.openers["since"])})
    return _Scanner(
        capitalised=capitalised, plain=frozenset({*lex.weekend, *lex.relative_days}),
        lowercase_only=lex.lowercase_only, units=frozenset(lex.units), before_unit=before_unit,
        longest=max(map(len, {*words, *before_unit})),
        needles=tuple(n for n in needles if n not in heads), capitals=capitals, digits=digits,
        year_openers=tuple(sorted(before_year)), reach=opener + max(3, hedge + 2))


# Tokens a window keeps beyond the reach: two before (a date looks back at "1.2." runs), and
# a first guess after its last anchor (the window is widened when the grammar reads past it).
_CONTEXT_BEFORE = 2
_CONTEXT_AFTER = 4
_CHARS_PER_TOKEN = 10  # a first guess of a window's width in characters, widened when short


def _find_anchors(text: str) -> list[int]:
    """Sorted character offsets inside every anchor token of ``text`` (and a few others)."""
    scan = _scanner()
    low = text.lower()
    if len(low) != len(text):
        # "İ" is the one character whose lowercase is longer: keep offsets aligned
        low = text.replace("\u0130", "I").lower()
    found = []
    for m in scan.digits.finditer(text):
        at = m.start()
        if m.group().isdecimal() and text[at + 4:at + 5] != "-" \
                and not _opened_year(low, at, scan):
            continue  # a year that is no date by itself, nor an ISO date's
        found.append(at)
    found += [m.start() for m in scan.capitals.finditer(text)
              if _anchor_word(text, m.start(), scan)]
    for needle in scan.needles:
        at = low.find(needle)
        while at >= 0:
            if _anchor_word(text, at, scan):
                found.append(at)
            at = low.find(needle, at + 1)
    found.sort()
    return found


def _letters_before(text: str, end: int, most: int) -> int:
    """Where the run of letters that ends at ``end`` starts, looking back at most ``most + 1``
    characters (a longer run is no word of ours, and a bounded look keeps the scan linear)."""
    start, limit = end, max(0, end - most - 1)
    while start > limit and text[start - 1].isalnum() and not text[start - 1].isdecimal():
        start -= 1  # the letters class of the tokenizer: word characters but digits and "_"
    return start


def _anchor_word(text: str, at: int, scan: _Scanner) -> bool:
    """Whether the run of letters around ``at`` (a token) is an anchor word in a role the
    grammar gives it: not a longer word that holds one ("Jahrhundert", "Mainz"), not "Morgen"
    (the noun), not "März" in lowercase, not "Jahre" without a count or modifier."""
    start = _letters_before(text, at, scan.longest)
    run = _LETTERS.match(text, start, start + scan.longest + 1)
    if run is None:
        return True
    word = run.group()
    if len(word) > scan.longest or at - start > scan.longest:
        return False
    low = word.lower()
    if low in scan.capitalised and word[:1].isupper():
        return True
    if low in scan.plain and (low not in scan.lowercase_only or word.islower()):
        return True
    return low in scan.units and _counted_unit(text, start, run.end(), scan)


def _counted_unit(text: str, start: int, end: int, scan: _Scanner) -> bool:
    """Whether the unit word at ``start:end`` follows a number or a word that counts or
    modifies it ("vor drei Tagen", "letzte Woche", "Ende des Jahres", "seit Jahren"), or
    comes before a year ("im Jahr 2024")."""
    gap = start
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    word = _letters_before(text, gap, scan.longest)
    before = text[word:gap] if word < gap else text[gap - 1:gap]
    if before.isdecimal() or before.lower() in scan.before_unit:
        return True
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return text[after:after + 1].isdecimal()


def _opened_year(low: str, at: int, scan: _Scanner) -> bool:
    """Whether the 4 digits at ``at`` are a whole number after a space and a year opener."""
    if at > 0 and low[at - 1].isdecimal():
        return False
    word_end = at
    while word_end > 0 and low[word_end - 1].isspace():
        word_end -= 1
    # a year glued to the word before it is no year
    return word_end < at and low.endswith(scan.year_openers, 0, word_end)


def find_temporal(text: str, published: date | None) -> list[TimeExpr]:
    """Every temporal expression in ``text``, in order, resolved against ``published``
    (relative and year-less expressions stay unresolved without it)."""
    return list(iter_temporal(text, published))


def iter_temporal(text: str, published: date | None) -> Iterator[TimeExpr]:
    """``find_temporal``'s expressions one window at a time, for a caller that needs only the
    first of some sort (a date line's date) and stops there.

    Only windows of tokens around anchors are tokenised and parsed: the same expressions as
    parsing every token, at a fraction of the cost."""
    lex = lexicon()
    scan = _scanner()
    anchors = _find_anchors(text)
    before = scan.reach + _CONTEXT_BEFORE
    n, i, resume = len(text), 0, 0
    while i < len(anchors):
        lo = max(0, anchors[i] - before * _CHARS_PER_TOKEN)
        width = _CONTEXT_AFTER * _CHARS_PER_TOKEN
        while True:
            j, hi = i, min(n, anchors[i] + width)
            while j + 1 < len(anchors) and anchors[j + 1] < hi:
                j += 1
                hi = min(n, anchors[j] + width)
            grammar = _Grammar(text, lex, lo, hi)
            # the token holding each anchor (-1: cut off at the window's start)
            tokens = [bisect_right(grammar.starts, a) - 1 for a in anchors[i:j + 1]]
            if lo > 0 and tokens[0] < before:
                lo = max(0, 2 * lo - anchors[i])
                continue
            found = grammar.run(published, tokens, scan.reach, resume)
            if not grammar.overrun:
                break
            width *= 2
        yield from found
        if found:
            resume = found[-1].end
        i = j + 1
