"""An article's publication date, and where it came from: never a silent guess.

The order is the order of trust: a date the user gave, the page's own metadata, a date line at
the top of the text, a date in the file name; otherwise no date at all.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any

from geo.dates._find import find_temporal
from geo.dates._lexicon import lexicon

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_FILENAME = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")
_HEAD_CHARS = 1500  # a date line stands near the start: a dateline, a "Stand:" line
_HEAD_LINES = 15
_SHORT_LINE_WORDS = 3  # "Berlin, 5. November 2024": a date line, not a sentence with a date

# Metadata that names the publication date, best first.
_META_KEYS = ("article:published_time", "datepublished", "og:published_time",
              "dc.date.issued", "dcterms.issued", "dc.date", "pubdate", "publishdate",
              "publication_date", "date")


def _iso_date(value: str) -> date | None:
    """The calendar date at the start of an ISO timestamp, as written (no time-zone shift:
    the date the publisher printed)."""
    m = _ISO.match(value)
    if m is None:
        # some pages write their metadata the German way ("05.11.2024")
        days = [e.begin for e in find_temporal(value[:200], None)
                if e.kind == "absolute" and e.granularity == "day"]
        return days[0] if days else None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class _MetaReader(HTMLParser):
    """Collects the date-bearing metadata of a page in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[tuple[bool, str]] = []  # (marked as publication, datetime)
        self.ld: list[str] = []
        self._in_ld = False
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_KEYS and key not in self.meta and a.get("content"):
                self.meta[key] = a["content"]
        elif tag == "time" and a.get("datetime"):
            marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            self.times.append((marked, a["datetime"]))
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_ld, self._buf = True, []

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.ld.append("".join(self._buf))


def _ld_published(blob: str) -> str | None:
    """``datePublished`` anywhere in a JSON-LD block (``@graph``, lists), first found."""
    try:
        data: Any = json.loads(blob)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                return value
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def from_html(html: str) -> date | None:
    """meta ``article:published_time`` (and kin), JSON-LD ``datePublished``, ``<time datetime>``."""
    reader = _MetaReader()
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):
        pass
    for key in _META_KEYS[:2]:
        if key in reader.meta and (d := _iso_date(reader.meta[key])) is not None:
            return d
    for blob in reader.ld:
        value = _ld_published(blob)
        if value is not None and (d := _iso_date(value)) is not None:
            return d
    for key in _META_KEYS[2:]:
        if key in reader.meta and (d := _iso_date(reader.meta[key])) is not None:
            return d
    for _, value in sorted(reader.times, key=lambda t: not t[0]):
        if (d := _iso_date(value)) is not None:
            return d
    return None


def _label_rank(line: str) -> int | None:
    """0 for a 'published' label at the line's start, 1 for an 'updated' one, else None."""
    words = tuple(w.lower() for w in _WORD.findall(line[:60]))
    lex = lexicon()
    for rank, labels in ((0, lex.dateline_published), (1, lex.dateline_updated)):
        if any(words[: len(p)] == p for p in labels):
            return rank
    return None


def from_text(text: str) -> date | None:
    """A date line near the start: 'Stand: 05.11.2024', '5. November 2024',
    '05.11.2024, 14:32 Uhr'. Only full dates (with a year) on a labelled or short line."""
    lex = lexicon()
    best: tuple[int, date] | None = None
    lines = text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES]
    for line in lines:
        days = [e for e in find_temporal(line, None)
                if e.kind == "absolute" and e.granularity == "day" and e.begin is not None]
        if not days:
            continue
        rank = _label_rank(line)
        if rank is None:
            rest = line[: days[0].start] + line[days[0].end:]
            words = [w for w in _WORD.findall(rest)
                     if w.lower() not in lex.time_words and w.lower() not in lex.weekdays
                     and w.lower() not in lex.openers_flat("point")]
            if len(words) > _SHORT_LINE_WORDS:
                continue
            rank = 2
        assert days[0].begin is not None
        if best is None or rank < best[0]:
            best = (rank, days[0].begin)
    return None if best is None else best[1]


def from_filename(filename: str) -> date | None:
    """'2024-11-05_kursk.txt', '20241105-kursk.html'."""
    m = _FILENAME.search(PurePath(filename).name)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


def published_date(text: str, html: str | None, filename: str | None,
                   given: date | None) -> tuple[date | None, str]:
    """The article's date and its origin: "user", "html", "text", "filename" or "none"."""
    if given is not None:
        return given, "user"
    if html:
        got = from_html(html)
        if got is not None:
            return got, "html"
    got = from_text(text)
    if got is not None:
        return got, "text"
    if filename:
        got = from_filename(filename)
        if got is not None:
            return got, "filename"
    return None, "none"
