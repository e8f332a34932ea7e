"""Calendar arithmetic for resolving expressions: weeks, months, and the choice of a missing year.

Language-free: the grammar decides what an expression means, this decides which days it covers.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

Interval = tuple[date, date]

# How much worse a candidate on the "wrong" side of publication is than one on the expected
# side: reporting is mostly about the past, so "im März" in a November article is last March,
# but "am 7. November" in an article of 5 November is two days ahead, not a year back.
_WRONG_SIDE = 3


def month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, month_length(year, month))


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def week_of(d: date) -> Interval:
    """The calendar week (Monday to Sunday) that holds ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day cut to the target month's length (31 Mar - 1 = 29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError(year)
    return date(year, month, min(d.day, month_length(year, month)))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` hours, days, weeks, months or years; hours in whole days, rounded
    away from ``d`` (without the time of day, 24 hours back may reach the day before)."""
    if unit == "hour":
        return d + timedelta(days=n // 24 if n < 0 else -(-n // 24))
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    return add_months(d, 12 * n)


def unit_interval(d: date, unit: str) -> Interval:
    """The day, week, month or year that holds ``d``."""
    if unit == "day":
        return d, d
    if unit == "week":
        return week_of(d)
    if unit == "month":
        return month_interval(d.year, d.month)
    return year_interval(d.year)


def weekday_near(pub: date, weekday: int, sense: str | None, future: bool) -> date:
    """The weekday an expression names: ``sense`` is past/this/next (a modifier) or None
    ('am Montag': on or before publication, or on or after it when the clause is future)."""
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if sense == "past":
        return pub - timedelta(days=back or 7)
    if sense == "next":
        return pub + timedelta(days=ahead or 7)
    if sense == "this":
        return week_of(pub)[0] + timedelta(days=weekday)
    return pub + timedelta(days=ahead) if future else pub - timedelta(days=back)


def weekend_near(pub: date, sense: str | None, future: bool) -> Interval:
    """Saturday and Sunday of the weekend meant, by the same rule as ``weekday_near``."""
    saturday = weekday_near(pub, 5, sense, future)
    return saturday, saturday + timedelta(days=1)


def nearest(candidate: Callable[[int], Interval | None], pub: date, future: bool) -> Interval | None:
    """The interval for the year (publication's, or one either side) nearest publication,
    leaning to the past unless the clause is future."""
    best: tuple[int, Interval] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            span = candidate(year)
        except (ValueError, OverflowError):
            span = None
        if span is None:
            continue
        begin, end = span
        if begin <= pub <= end:
            score = 0
        elif end < pub:
            score = (pub - end).days * (_WRONG_SIDE if future else 1)
        else:
            score = (begin - pub).days * (1 if future else _WRONG_SIDE)
        if best is None or score < best[0]:
            best = (score, span)
    return None if best is None else best[1]
