"""The matching view of an article: what the finding steps read, with every offset mapped back.

Names and numbers are written in ways that look the same but are different strings: "Köln"
with a combining diaeresis, "Char\u00adkiw" with a soft hyphen, "get&ouml;tet" in a page
source. The view is the article in NFC, without zero-width characters and (for HTML) with
entities decoded; the steps run on the view and ``View`` maps what they found back into the
original ``Article.text``, in this one place, so every quote still slices the file exactly.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cache, lru_cache

from geo.model import Actor, Article, Figure, Mention, Sentence, Span
from geo.text.clean import ZERO_WIDTH
from geo.text.reading import looks_html
from geo.text.sentences import sentence_at

_ENTITY = r"&(?:\#[0-9]{1,8};?|\#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)"
_DROP_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))


@cache
def _pattern(entities: bool) -> re.Pattern[str]:
    """What can change: an entity (HTML only), zero-width runs, and a character followed by
    characters NFC may merge into it. Built on first use (~0.1 s), only for text that is not
    already NFC or has zero-width characters. Every character outside the Basic Multilingual
    Plane counts as one that may merge: a lookup in one range is fast, a list of ranges is
    not, and a stretch NFC leaves alone is skipped anyway."""
    unstable = "".join(_ranges(_unstable_code_points())) + "\U00010000-\U0010ffff"
    zw = re.escape(ZERO_WIDTH)
    cluster = rf"[^{unstable}{zw}&]?[{zw}]*[{unstable}][{unstable}{zw}]*|[{zw}]+"
    return re.compile(rf"{_ENTITY}|{cluster}" if entities else cluster)


def _unstable_code_points() -> list[int]:
    normalize, combining, category = unicodedata.normalize, unicodedata.combining, unicodedata.category
    return [cp for cp in range(0x10000)
            if combining(c := chr(cp)) or category(c) in ("Mn", "Mc", "Me")
            or normalize("NFC", c) != c
            or "\u1161" <= c <= "\u1175" or "\u11a8" <= c <= "\u11c2"]  # Hangul vowels, finals


def _ranges(points: list[int]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        out.append(re.escape(chr(points[i])) + ("-" + re.escape(chr(points[j])) if j > i else ""))
        i = j + 1
    return out


@lru_cache(maxsize=4096)
def _matching_form(raw: str) -> str:
    """A stretch as the steps read it: entity decoded ("&shy;" is a soft hyphen, so dropped
    next), zero-width characters dropped, NFC."""
    decoded = html.unescape(raw) if raw[0] == "&" else raw
    return unicodedata.normalize("NFC", decoded.translate(_DROP_ZERO_WIDTH))


class View:
    """An article's matching view and the map between its offsets and the original's.

    The map lists the changed stretches only: original ``[o0, o1)`` became view ``[v0, v1)``;
    between them the two texts agree character for character."""

    def __init__(self, article: Article) -> None:
        self.original = article
        self.html_page = looks_html(article.path, article.text)
        # 4-byte offsets: 16 bytes per change; texts are far below 2**31 characters
        self._o0, self._o1, self._v0, self._v1 = (array("i") for _ in range(4))
        self._sentences: dict[Sentence, Sentence] = {}  # view sentence -> original
        self.article = self._build()

    @property
    def identical(self) -> bool:
        return not self._o0

    def _build(self) -> Article:
        art = self.original
        text, prose = art.text, art.prose
        entities = self.html_page and "&" in text
        if not entities and unicodedata.is_normalized("NFC", text) and \
                not any(ch in text for ch in ZERO_WIDTH):
            return art
        # StringIO buffers: a list of pieces would hold two objects per change (~100 bytes)
        texts, proses = io.StringIO(), io.StringIO()
        done = view = 0
        o0s, o1s, v0s, v1s = self._o0.append, self._o1.append, self._v0.append, self._v1.append
        for m in _pattern(entities).finditer(text):
            raw = m.group()
            new = _matching_form(raw)
            if new == raw:
                continue
            o0, o1 = m.span()
            texts.write(text[done:o0])
            texts.write(new)
            proses.write(prose[done:o0])
            proses.write(new if prose[o0:o1] == raw else " " * len(new))  # markup stays blank
            view += o0 - done
            o0s(o0)
            o1s(o1)
            v0s(view)
            view += len(new)
            v1s(view)
            done = o1
        if self.identical:
            return art
        texts.write(text[done:])
        proses.write(prose[done:])
        segments = [Span(self.view_start(s.start), self.view_end(s.end)) for s in art.segments]
        return replace(art, text=texts.getvalue(), prose=proses.getvalue(),
                       segments=[s for s in segments if s.end > s.start])

    # --- offsets -----------------------------------------------------------------------------

    def view_start(self, o: int) -> int:
        return _map_start(o, self._o0, self._o1, self._v0, self._v1)

    def view_end(self, o: int) -> int:
        return _map_end(o, self._o0, self._o1, self._v0, self._v1)

    def original_start(self, v: int) -> int:
        """A start inside a changed stretch moves to its start, past removed characters."""
        return _map_start(v, self._v0, self._v1, self._o0, self._o1)

    def original_end(self, v: int) -> int:
        """An end inside a changed stretch moves to its end, before removed characters."""
        return _map_end(v, self._v0, self._v1, self._o0, self._o1)

    # --- records back into the original -----------------------------------------------------

    def sentences(self, sentences: list[Sentence]) -> list[Sentence]:
        if self.identical:
            return sentences
        return [self._sentence(s) for s in sentences]

    def mentions(self, mentions: list[Mention]) -> list[Mention]:
        if self.identical:
            return mentions
        out = []
        for m in mentions:
            start, end = self.original_start(m.start), self.original_end(m.end)
            out.append(replace(m, start=start, end=end, surface=self.original.text[start:end],
                               sentence=self._sentence(m.sentence)))
        return out

    def actors(self, actors: list[Actor]) -> list[Actor]:
        if self.identical:
            return actors
        out = []
        for a in actors:
            start, end = self.original_start(a.start), self.original_end(a.end)
            out.append(replace(a, start=start, end=end, surface=self.original.text[start:end]))
        return out

    def figures(self, figures: list[Figure]) -> list[Figure]:
        if self.identical:
            return figures
        out = []
        for f in figures:
            start, end = self.original_start(f.start), self.original_end(f.end)
            out.append(replace(f, start=start, end=end, text=self.original.text[start:end],
                               sentence=self._sentence(f.sentence)))
        return out

    def _sentence(self, s: Sentence) -> Sentence:
        known = self._sentences.get(s)
        if known is None:
            known = self._sentences[s] = sentence_at(
                self.original, self.original_start(s.start), self.original_end(s.end),
                self.html_page)
        return known


def _map_start(x: int, a0: array[int], a1: array[int], b0: array[int], b1: array[int]) -> int:
    i = bisect_right(a0, x) - 1
    if i < 0:
        return x
    return b0[i] if x < a1[i] else b1[i] + (x - a1[i])


def _map_end(x: int, a0: array[int], a1: array[int], b0: array[int], b1: array[int]) -> int:
    i = bisect_left(a0, x) - 1
    if i < 0:
        return x
    return b1[i] if x <= a1[i] else b1[i] + (x - a1[i])
