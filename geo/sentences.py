"""German sentence splitting, fast enough for thousands of articles a second.

A full tokenizer (SoMaJo) would be slower by two orders of magnitude; what matters for the map
is that the quote shown is a whole sentence, and the traps in German news are few and known:
ordinals and dates ("am 4. November", "der 2. Weltkrieg"), abbreviations ("z. B.", "Dr.", "ca."), initials.
"""

from __future__ import annotations

import html
import re

from geo.model import Article, Sentence, Span

_ABBREV = {
    "z", "b", "d", "h", "u", "a", "v", "s", "o", "bzw", "ca", "dr", "prof", "nr", "st", "usw",
    "vgl", "ggf", "evtl", "inkl", "bspw", "gen", "generalmaj", "oberst", "mio", "mrd", "jh",
    "jahrh", "hl", "etc", "sog", "abs", "kap", "str", "tel", "min", "max", "ehem", "geb",
}
# A candidate end: . ! ? or … (closing quotes/brackets may follow), then space(s).
_END = re.compile(r"[.!?…]+[\"'»«“”‘’)\]]*(?=\s)")
_WORD = re.compile(r"[\w-]+")
_NEXT_START = re.compile(r"\s+[\"'„»«“‘(\[]*([\w\d])")


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences within each prose segment; a segment end is always a sentence end."""
    sentences: list[Sentence] = []
    for seg in article.segments:
        sentences.extend(_split(article, seg))
    return sentences


def _split(article: Article, seg: Span) -> list[Sentence]:
    prose = article.prose
    out: list[Sentence] = []
    start = seg.start
    for m in _END.finditer(prose, seg.start, seg.end):
        if m.end() >= seg.end or not _is_boundary(prose, m.start(), m.end(), seg.end):
            continue
        out.append(_sentence(article, start, m.end()))
        start = _skip_space(prose, m.end(), seg.end)
    if start < seg.end:
        out.append(_sentence(article, start, seg.end))
    return [s for s in out if s.text]


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


def _skip_space(prose: str, pos: int, limit: int) -> int:
    while pos < limit and prose[pos].isspace():
        pos += 1
    return pos


def _sentence(article: Article, start: int, end: int) -> Sentence:
    text = " ".join(article.prose[start:end].split())
    if article.prose is not article.text:  # HTML: show "&amp;" as "&"
        text = html.unescape(text)
    return Sentence(start, end, text)
