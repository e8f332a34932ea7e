"""German sentence splitting, fast enough for thousands of articles a second.

A full tokenizer (SoMaJo) would be slower by two orders of magnitude; what matters for the map
is that the quote shown is a whole sentence, and the traps in German news are few and known:
ordinals and dates ("am 4. November", "der 2. Weltkrieg"), abbreviations ("z. B.", "Dr.", "ca."), initials.

Text without full stops (a scraped list, a hostile upload) still gives sentences of bounded
length, cut at a clause or word boundary, so everything that quotes a sentence stays linear.
"""

from __future__ import annotations

import html
import re
import unicodedata

from geo.model import Article, Sentence, Span
from geo.text.clean import ZERO_WIDTH
from geo.text.reading import looks_html

_ABBREV = {
    "z", "b", "d", "h", "u", "a", "v", "s", "o", "bzw", "ca", "dr", "prof", "nr", "st", "usw",
    "vgl", "ggf", "evtl", "inkl", "bspw", "gen", "generalmaj", "oberst", "mio", "mrd", "jh",
    "jahrh", "hl", "etc", "sog", "abs", "kap", "str", "tel", "min", "max", "ehem", "geb",
}
# A candidate end: . ! ? or … (closing quotes/brackets may follow), then space(s). It starts
# only at the first mark of a run and never gives back, or a run of dots would be quadratic.
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'»«“”‘’)\]]*+(?=\s)")
_WORD = re.compile(r"[\w-]+")
_NEXT_START = re.compile(r"\s+[\"'„»«“‘(\[]*([\w\d])")
_SPACE = re.compile(r"\s*")
# Longer "sentences" are cut: after a clause mark if one falls between MIN and MAX characters,
# else at the last space there, else at MAX.
MIN_CUT, MAX_CHARS = 1000, 1500
_CLAUSE_MARKS = (", ", "; ", ": ", " – ", " - ")
_DROP_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences within each prose segment; a segment end is always a sentence end."""
    html_page = looks_html(article.path, article.text)
    sentences: list[Sentence] = []
    for seg in article.segments:
        for start, end in _split(article.prose, seg):
            sentence = sentence_at(article, start, end, html_page)
            if sentence.text:
                sentences.append(sentence)
    return sentences


def sentence_at(article: Article, start: int, end: int, html_page: bool) -> Sentence:
    """The sentence ``article.text[start:end]`` with its display text: whitespace collapsed,
    NFC, no zero-width characters; an HTML page shows its prose with "&amp;" as "&"."""
    source = article.prose if html_page else article.text
    text = " ".join(source[start:end].split())
    if html_page:
        text = html.unescape(text)
    if not text.isascii():
        if _ZERO_WIDTH.search(text):
            text = text.translate(_DROP_ZERO_WIDTH)
        text = unicodedata.normalize("NFC", text)
    return Sentence(start, end, text)


def _split(prose: str, seg: Span) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = seg.start
    for m in _END.finditer(prose, seg.start, seg.end):
        if m.end() >= seg.end or not _is_boundary(prose, m.start(), m.end(), seg.end):
            continue
        out.extend(_bounded(prose, start, m.end()))
        start = _SPACE.match(prose, m.end(), seg.end).end()  # type: ignore[union-attr]
    if start < seg.end:
        out.extend(_bounded(prose, start, seg.end))
    return out


def _bounded(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """``prose[start:end]`` in pieces of at most MAX_CHARS."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_CHARS:
        cut = _cut(prose, start + MIN_CUT, start + MAX_CHARS)
        pieces.append((start, cut))
        start = _SPACE.match(prose, cut, end).end()  # type: ignore[union-attr]
    if start < end:
        pieces.append((start, end))
    return pieces


def _cut(prose: str, lo: int, hi: int) -> int:
    window = prose[lo:hi]
    clause = max(window.rfind(mark) for mark in _CLAUSE_MARKS)
    if clause >= 0:
        return lo + clause + 1
    space = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
    return lo + space if space >= 0 else hi


def _is_boundary(prose: str, dot: int, end: int, limit: int) -> bool:
    nxt = _NEXT_START.match(prose, end, limit)
    if nxt is None:
        return False
    first = nxt.group(1)
    if first.islower():
        return False  # German sentences start with a capital or a digit
    if prose[dot] != ".":
        return True
    before = _word_before(prose, dot)
    if before.casefold() in _ABBREV or (len(before) == 1 and before.isalpha()):
        return False  # "z. B.", "Dr.", initials "W. Putin"
    if before.isdigit() and len(before) <= 2:
        # "am 4. November", "der 2. Weltkrieg": an ordinal; "endete 2:1." is a score
        return prose[dot - len(before) - 1: dot - len(before)] in (":", "-", "/")
    return True


def _word_before(prose: str, dot: int) -> str:
    """The word that ends at ``dot``, read backwards: a regex search for a word at the end of
    a window tries every start in it."""
    word = _WORD.match(prose[max(0, dot - 40):dot][::-1])
    return word.group()[::-1] if word else ""
