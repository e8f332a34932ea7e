"""What the figure rules share: the article's sentences and clauses, its place mentions and
actors in text order (looked up by offset), and what a number counts (:class:`Head`).

The rules live in their own modules (:mod:`.heads`, :mod:`.sides`, :mod:`.attribution`,
:mod:`.locations`); :mod:`.extract` reads the article with them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from geo import lexicon
from geo.lexicon import alternation
from geo.model import Actor, Article, Category, Figure, Mention, Sentence

LEX = lexicon.load()
TOKEN = re.compile(r"[^\W\d_][\w\-]*|\d[\d.,]*(?:\d|\b)|[^\w\s]")
WORDS = re.compile(r"[^\W\d_]+")
# reported speech: a sentence in it goes on from the one before ("„Mindestens 10.000“ seien")
REPORTED = re.compile(rf"\b{alternation(LEX.reported_speech, ignore_case=True)}\b")
# a clause that picks some out of the figure before it: "..., darunter etwa 11.000 Nordkoreaner"
AMONG = re.compile(rf"^\W*{alternation(LEX.subset_markers)}\b", re.IGNORECASE)
_CONTINUING = re.compile(
    rf"^[„\"»]?(?:{alternation(LEX.continuing, ignore_case=True)}"
    rf"|{alternation(LEX.continuing_articles, ignore_case=True)}\s+"
    rf"{alternation(LEX.continuing_subjects, ignore_case=True)})\b")
# a clause ends at a comma before a lower-case word or before a number ("starben 32 Menschen,
# 80 weitere wurden verletzt": what happened to the 32 is not what happened to the 80)
_CLAUSE_END = re.compile(r"[;:()–—]|,(?=\s*[„\"»]?[a-zäöüß]|\s+\d)")


@dataclass
class Head:
    """What a number counts, and the stretch of text that is its noun phrase."""

    category: Category | None
    np_end: int  # end of the head noun (== number end when there is none)
    military: bool = False  # soldiers, troops: the article's usual actor applies
    # "noun" (a counted noun), "people" (people nothing is said to happen to), "other" (not
    # people), "none" (no noun)
    kind: str = "none"
    actor: str | None = None


class SentenceView:
    """One sentence, its figures once read, and its clauses, computed only when asked for."""

    def __init__(self, index: int, sentence: Sentence, prose: str) -> None:
        self.index = index
        self.sentence = sentence
        self.text = prose[sentence.start:sentence.end]
        self.figures: list[Figure] = []

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        start = self.sentence.start
        cuts = [start] + [start + m.start() for m in _CLAUSE_END.finditer(self.text)]
        cuts.append(self.sentence.end)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]

    @cached_property
    def continues(self) -> bool:
        """Starts with words that point back ("Daraufhin", "Die Opfer", "Sie")."""
        return bool(_CONTINUING.match(self.text))


class Document:
    """One article as the figure rules read it: sentences, place mentions and actors."""

    def __init__(self, article: Article, sentences: list[Sentence], mentions: list[Mention],
                 actors: list[Actor]) -> None:
        self.article = article
        self.prose = article.prose
        self.sentences = [SentenceView(i, s, self.prose) for i, s in enumerate(sentences)]
        self.places = sorted((m for m in mentions if m.role == "place"), key=lambda m: m.start)
        self.country_of = {m.place.place_id: m.place.country_code for m in self.places}
        self.place_starts = [m.start for m in self.places]
        self.actors = sorted(actors, key=lambda a: a.start)
        self.actor_starts = [a.start for a in self.actors]

    def actors_in(self, start: int, end: int) -> list[Actor]:
        return self.actors[bisect_left(self.actor_starts, start):
                           bisect_left(self.actor_starts, end)]

    def places_in(self, sentence: Sentence) -> list[Mention]:
        lo = bisect_left(self.place_starts, sentence.start)
        hi = bisect_left(self.place_starts, sentence.end)
        return self.places[lo:hi]

    def place_in(self, start: int, end: int) -> bool:
        i = bisect_left(self.place_starts, start)
        return i < len(self.place_starts) and self.place_starts[i] < end

    def clause(self, ctx: SentenceView, offset: int) -> tuple[int, int]:
        for a, b in ctx.clauses:
            if a <= offset < b:
                return a, b
        return ctx.sentence.start, ctx.sentence.end

    def clause_text(self, ctx: SentenceView, offset: int) -> str:
        lo, hi = self.clause(ctx, offset)
        return self.prose[lo:hi]

    def whole_before(self, ctx: SentenceView) -> Figure | None:
        """The figure a sentence that opens with "Darunter" or "Unter ihnen" picks from."""
        before = self.sentences[ctx.index - 1].figures if ctx.index else []
        return before[-1] if before else None
