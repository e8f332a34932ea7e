"""An article's publication date, and where it came from: never a silent guess.

The order is the order of trust: a date the user gave, the page's own metadata, a date line at
the top of the text, a date in the file name; otherwise no date at all.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import deque
from datetime import date
from itertools import islice
from pathlib import PurePath
from typing import Any

from geo.dates._find import iter_temporal
from geo.dates._lexicon import lexicon

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_FILENAME = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")
# what a date line's full date holds ("5. November 2024", "5. Nov. 2024", "05.11.24",
# "2024-11-05"; a date line writes its day as a number, not "ersten November 2024"): a line
# without it is no date line, and its expressions need not be looked for. Each pattern starts
# at its dot or dash and looks back at the digits: a search led by one literal character skips
# ahead at C speed, one led by ``\d`` tests every character (7x slower).
_DATED = (re.compile(r"\.(?<=\d\.)(?:\s*[^\W\d_]+\.?\s+\d\d\d\d|\d\d?\.\d\d)"),
          re.compile(r"-(?<=\d\d\d\d-)\d\d-\d\d"))
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
        return next((e.begin for e in iter_temporal(value[:200], None)
                     if e.kind == "absolute" and e.granularity == "day"), None)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9:-]{0,30}")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_ATTR_CHARS = 2000  # a meta or time tag's attributes fit in this; longer tails are not read
_WANTED = frozenset({"meta", "time", "script"})
_RAW_TEXT = frozenset({"script", "style"})
_LD_CHARS = 2_000_000


def _attrs(inner: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(inner[:_ATTR_CHARS]):
        value = m.group(2) if m.group(2) is not None else (
            m.group(3) if m.group(3) is not None else (m.group(4) or ""))
        out.setdefault(m.group(1).lower(), html_lib.unescape(value))
    return out


def _scan(html: str) -> tuple[dict[str, str], list[tuple[bool, str]], list[str]]:
    """The date-bearing metadata of a page in one left-to-right pass (no HTML parser: one that
    rescans an unclosed tag for each '<' is quadratic on broken input).

    Returns meta content by key, ``<time datetime>`` values (marked as publication or not), and
    the JSON-LD blocks."""
    lower = html.lower()
    meta: dict[str, str] = {}
    times: list[tuple[bool, str]] = []
    ld: list[str] = []
    pos, n = 0, len(html)
    while pos < n:
        lt = lower.find("<", pos)
        if lt < 0:
            break
        if lower.startswith("<!--", lt):
            close = lower.find("-->", lt + 4)
            if close < 0:
                break
            pos = close + 3
            continue
        gt = lower.find(">", lt)
        if gt < 0:
            break
        m = _TAG_NAME.match(lower, lt + 1)
        pos = gt + 1
        if m is None or m.group(0) not in _WANTED:
            continue
        tag = m.group(0)
        a = _attrs(html[m.end():gt])
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_KEYS and key not in meta and a.get("content"):
                meta[key] = a["content"]
        elif tag == "time" and a.get("datetime"):
            marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            times.append((marked, a["datetime"]))
        if tag in _RAW_TEXT:
            close = lower.find("</" + tag, pos)
            if close < 0:
                break
            if "ld+json" in a.get("type", "").lower() and close - pos <= _LD_CHARS:
                ld.append(html[pos:close])
            pos = close
    return meta, times, ld


def _ld_published(blob: str) -> str | None:
    """``datePublished`` anywhere in a JSON-LD block (``@graph``, lists), first found."""
    try:
        data: Any = json.loads(blob)
    except (ValueError, RecursionError):
        return None
    queue: deque[Any] = deque([data])
    while queue:
        item = queue.popleft()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                return value
            queue.extend(item.values())
        elif isinstance(item, list):
            queue.extend(item)
    return None


def from_html(html: str) -> date | None:
    """meta ``article:published_time`` (and kin), JSON-LD ``datePublished``, ``<time datetime>``."""
    meta, times, ld = _scan(html)
    for key in _META_KEYS[:2]:
        if key in meta and (d := _iso_date(meta[key])) is not None:
            return d
    for blob in ld:
        value = _ld_published(blob)
        if value is not None and (d := _iso_date(value)) is not None:
            return d
    for key in _META_KEYS[2:]:
        if key in meta and (d := _iso_date(meta[key])) is not None:
            return d
    for _, value in sorted(times, key=lambda t: not t[0]):
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


# A dateline opening a paragraph: "Charkiw, 14. Oktober 2025. Bei heftigen ...",
# "Kiew (dpa), 5. November 2024 – ...": the place (and agency), a comma, the date, a stop.
_DATELINE_PLACE = re.compile(r"\s*[A-ZÄÖÜ][\w.\-/ ]{0,40}?(?:\s*\([^()\n]{1,25}\))?,\s*")
_DATELINE_END = re.compile(r"\s*[.:–—-]")


def _is_dateline(line: str, start: int, end: int) -> bool:
    return (_DATELINE_PLACE.fullmatch(line, 0, start) is not None
            and _DATELINE_END.match(line, end) is not None)


def _dated(text: str) -> bool:
    return any(pattern.search(text) for pattern in _DATED)


def from_text(text: str) -> date | None:
    """A date line near the start: 'Stand: 05.11.2024', '5. November 2024',
    '05.11.2024, 14:32 Uhr'. Only full dates (with a year) on a labelled or short line."""
    lex = lexicon()
    best: tuple[int, date] | None = None
    head = text[:_HEAD_CHARS]
    if not _dated(head):
        return None
    for line in head.splitlines()[:_HEAD_LINES]:
        if not _dated(line):
            continue
        # the line's first full date: the expressions after it need not be looked for
        day = next((e for e in iter_temporal(line, None)
                    if e.kind == "absolute" and e.granularity == "day" and e.begin is not None),
                   None)
        if day is None:
            continue
        rank = _label_rank(line)
        if rank is None and _is_dateline(line, day.start, day.end):
            rank = 2
        if rank is None:
            rest = line[: day.start] + line[day.end:]
            # counted lazily up to one past the limit: a long line is a sentence, however long
            words = (w for m in _WORD.finditer(rest) if (w := m.group().lower())
                     not in lex.time_words and w not in lex.weekdays
                     and w not in lex.openers_flat("point"))
            if next(islice(words, _SHORT_LINE_WORDS, None), None) is not None:
                continue
            rank = 2
        assert day.begin is not None
        if best is None or rank < best[0]:
            best = (rank, day.begin)
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
