"""Time in the view: the date of each mention and figure (its own ``when``, else its article's
``published``), the time window, per-day counts for the timeline, first and last mention of a
place, and claims over time. Nothing is guessed: a record with neither date is undated and
says so."""

from __future__ import annotations

from collections import Counter
from typing import Any

Span = tuple[str | None, str | None]
UNDATED = "undatiert"
BASIS_LABELS = {"text": "Datum im Text", "article": "Erscheinungsdatum", UNDATED: UNDATED}


def article_dates(fc: dict[str, Any]) -> dict[str, str | None]:
    """Article id -> its publication day (ISO) or None."""
    return {a["id"]: (a.get("published") or None) and a["published"][:10]
            for a in fc.get("articles", [])}


def record_span(rec: dict[str, Any], published: dict[str, str | None]) -> tuple[Span, str]:
    """(start, end) days of a mention or figure and where they come from: its ``when`` when
    that resolved to a date, else the article's publication day, else undated (None, None)."""
    when = rec.get("when") or {}
    if when.get("start"):
        return (when["start"][:10], (when.get("end") or when["start"])[:10]), "text"
    day = published.get(rec["article"])
    if day:
        return (day, day), "article"
    return (None, None), UNDATED


def in_window(span: Span, start: str, end: str) -> bool:
    """Whether a dated record overlaps [start, end] (ISO days; empty bounds are open). Undated
    records are outside any window that is set."""
    if not start and not end:
        return True
    if span[0] is None:
        return False
    return (not end or span[0] <= end) and (not start or (span[1] or span[0]) >= start)


def place_span(props: dict[str, Any], published: dict[str, str | None]) -> Span:
    """First and last day the place is mentioned (None, None when no mention is dated)."""
    days = [d for m in props["mentions"] for d in record_span(m, published)[0] if d]
    days = [d for d in days if d >= EARLIEST]
    return (min(days), max(days)) if days else (None, None)


def daily_counts(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """Articles and figures per day, for the timeline; undated ones are counted apart."""
    published = article_dates(fc)
    articles = Counter(d for d in published.values() if d)
    figures = Counter(record_span(f, published)[0][0] for f in fc.get("figures", []))
    days = sorted(set(articles) | {d for d in figures if d})
    return [{"Tag": d, "Artikel": articles.get(d, 0), "Zahlen": figures.get(d, 0)} for d in days]


def undated_counts(fc: dict[str, Any]) -> dict[str, int]:
    """How many articles and figures carry no date at all (shown, never guessed)."""
    published = article_dates(fc)
    return {"Artikel": sum(1 for d in published.values() if not d),
            "Zahlen": sum(1 for f in fc.get("figures", [])
                          if record_span(f, published)[1] == UNDATED)}


# The time window covers the reporting, not history: a figure dated "im Jahr 1547" keeps its
# date but does not stretch the window (whose slider cannot go before 1684 anyway).
EARLIEST = "1900-01-01"


def date_range(fc: dict[str, Any]) -> Span:
    """The first and last day anything in the collection is dated to, from 1900 on."""
    published = article_dates(fc)
    days = [d for d in published.values() if d]
    for f in fc.get("figures", []):
        days += [d for d in record_span(f, published)[0] if d]
    for feat in fc.get("features", []):
        for m in feat["properties"]["mentions"]:
            days += [d for d in record_span(m, published)[0] if d]
    days = [d for d in days if d >= EARLIEST]
    return (min(days), max(days)) if days else (None, None)
