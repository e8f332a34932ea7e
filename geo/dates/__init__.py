"""Time (issue 9): German temporal expressions, their dates, and an article's own date.

- ``published_date(text, html, filename, given)``: the article's date and where it came from.
- ``find_temporal(text, published)``: every temporal expression, resolved against that date.
- ``when_for(...)``: the time a figure or mention refers to, as a JSON-ready dict.
- ``format_german(d)``: '5. November 2024'.
The German words live in ``data/lexicon/temporal_de.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from geo.dates._find import Granularity, Kind, TimeExpr, find_temporal
from geo.dates._lexicon import lexicon
from geo.dates._published import published_date

__all__ = ["Granularity", "Kind", "TimeExpr", "find_temporal", "format_german",
           "published_date", "when_for"]

# Marks that split a sentence into clauses: a time on the other side of one is less likely
# to be the figure's time ("Am Montag fielen 30 Soldaten; seit August sind es 3.000").
_CLAUSE_BREAKS = (";", " – ", " — ", " - ")


def format_german(d: date) -> str:
    """'5. November 2024': how the dashboard and reports write a date."""
    return f"{d.day}. {lexicon().month_names[d.month - 1]} {d.year}"


def _crosses_clause(text: str | None, a: int, b: int) -> bool:
    if text is None or b <= a:
        return False
    between = text[a:b]
    return any(mark in between for mark in _CLAUSE_BREAKS)


def when_for(offset_start: int, offset_end: int, sentence_start: int, sentence_end: int,
             exprs: Sequence[TimeExpr], published: date | None,
             text: str | None = None) -> dict[str, Any] | None:
    """The time a figure or mention at ``offset_start:offset_end`` refers to: the nearest
    temporal expression of its sentence (same clause first, when ``text`` is given to see the
    clauses), else the article's date, else None."""
    best: tuple[tuple[bool, int, int], TimeExpr] | None = None
    for e in exprs:
        if e.start < sentence_start or e.end > sentence_end:
            continue
        if e.begin is None and published is not None:
            continue  # could not be resolved although the article is dated: no better
        gap = max(0, e.start - offset_end, offset_start - e.end)
        lo, hi = (e.end, offset_start) if e.end <= offset_start else (offset_end, e.start)
        key = (_crosses_clause(text, lo, hi), gap, e.start)
        if best is None or key < best[0]:
            best = (key, e)
    if best is not None:
        e = best[1]
        return {"start": e.begin.isoformat() if e.begin else None,
                "end": e.end_date.isoformat() if e.end_date else None,
                "granularity": e.granularity, "text": e.text,
                "start_offset": e.start, "end_offset": e.end, "time_source": "text"}
    if published is not None:
        return {"start": published.isoformat(), "end": published.isoformat(),
                "granularity": "day", "text": None, "start_offset": None, "end_offset": None,
                "time_source": "article"}
    return None
