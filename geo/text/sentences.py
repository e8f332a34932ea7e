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
# only at the first mark of a run (looked behind once a mark is found: a pattern that opens with
# its character class lets the regex engine skip to the next mark at C speed, 3x faster than a
# look behind at every character) and never gives back, or a run of dots would be quadratic.
# Looked ahead in the same pass: where the space after it ends (group 1, empty) and the first
# character of the next sentence (group 2), if one starts there (quotes or brackets may open it).
_END = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'»«“”‘’)\]]*+(?=\s)"
                  r"(?:(?=\s+()[\"'„»«“‘(\[]*([\w\d])))?")
_WORD = re.compile(r"[\w-]+")
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
    # a text without zero-width characters has none in its sentences, unless HTML entities
    # stand for some: one look through the text per character (a ``find`` each, 20x faster
    # than a regex search for the class), not one search per sentence
    zero_width = html_page or any(c in article.text for c in ZERO_WIDTH)
    sentences: list[Sentence] = []
    for seg in article.segments:
        for start, end in _split(article.prose, seg):
            sentence = sentence_at(article, start, end, html_page, zero_width)
            if sentence.text:
                sentences.append(sentence)
    return sentences


def sentence_at(article: Article, start: int, end: int, html_page: bool,
                zero_width: bool = True) -> Sentence:
    """The sentence ``article.text[start:end]`` with its display text: whitespace collapsed,
    NFC, no zero-width characters; an HTML page shows its prose with "&amp;" as "&".
    ``zero_width``: whether the text may hold zero-width characters."""
    source = article.prose if html_page else article.text
    text = " ".join(source[start:end].split())
    if html_page:
        text = html.unescape(text)
    if not text.isascii():
        if zero_width and _ZERO_WIDTH.search(text):
            text = text.translate(_DROP_ZERO_WIDTH)
        text = unicodedata.normalize("NFC", text)
    return Sentence(start, end, text)


def _split(prose: str, seg: Span) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = seg.start
    for m in _END.finditer(prose, seg.start, seg.end):
        first = m.group(2)
        if first is None or not _is_boundary(prose, m.start(), first):
            continue  # no sentence starts within the segment after it
        out.extend(_bounded(prose, start, m.end()))
        start = m.start(1)
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


def _is_boundary(prose: str, dot: int, first: str) -> bool:
    """Whether the end mark at ``dot`` ends a sentence, ``first`` being the next one's first
    character."""
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
