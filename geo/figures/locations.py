"""Where a figure applies: the locative place mentions (after "in", "nach", "bei", "um die
Dörfer", ...) in the figure's noun phrase, else its clause, else its sentence, else a sentence
it continues. A place where a speaker sits ("sagte ein Sprecher in Kiew") is not where the
events are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.figures.context import LEX, Document, Head, SentenceView
from geo.figures.quantities import Quantity
from geo.lexicon import alternation
from geo.model import Mention

_LOCATIVE = LEX.role("locative")
_ARTICLES = LEX.articles
_ADJ_ENDINGS = LEX.adjective_endings
_SETTLEMENT_WORDS = LEX.settlement_words
# a speech verb (or ", so") and the speaker right before a place: the place is where the
# speaker sits ("sagte ein Sprecher in Kiew", ", so der Gouverneur in Belgorod")
_SPEAKER_AT = re.compile(
    rf"(?:\b{alternation(LEX.speaker_at_place)}|,\s*{alternation(LEX.quote_closers)})"
    rf"\s+(?:[\w-]+\s+){{1,4}}{alternation(LEX.speaker_place_prepositions)}\s+$")
_NEAR_VON = re.compile(rf"(?:{alternation(LEX.near_nouns, ignore_case=True)}|lich)\s+von\s*$")
_RELATIVE = re.compile(rf",\s*{alternation(LEX.relative_pronouns)}\b")


class Locations:
    """The places of one article's figures; a sentence's locative places are found once,
    when first asked for."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.sentences = doc.sentences
        self._places: dict[int, list[Mention]] = {}

    def places(self, ctx: SentenceView) -> list[Mention]:
        """The sentence's locative place mentions."""
        if ctx.index not in self._places:
            self._places[ctx.index] = self._locative_places(ctx)
        return self._places[ctx.index]

    def _locative_places(self, ctx: SentenceView) -> list[Mention]:
        sentence = ctx.sentence
        chosen: list[Mention] = []
        for m in self.doc.places_in(sentence):
            if _SPEAKER_AT.search(self.prose, max(sentence.start, m.start - 60), m.start):
                continue  # "sagte ein Sprecher in Kiew": where the speaker is, not the events
            if self._is_locative(m, chosen[-1] if chosen else None):
                chosen.append(m)
        return chosen

    def _is_locative(self, m: Mention, previous: Mention | None) -> bool:
        """ "in der russischen Region Kursk", "um die Dörfer A, B und C", "nach Russland"."""
        window = self.prose[max(0, m.start - 60):m.start]
        words = re.findall(r"[\w-]+|[,]", window)
        if previous is not None and m.start - previous.end <= 6 and words and \
                (words[-1] == "," or words[-1].casefold() in LEX.list_joiners):
            return True  # the next name of a list: "Plekhovo, Vorobzha und Martynovka"
        for n, word in enumerate(reversed(words[-5:])):
            key = word.casefold()
            if key in _LOCATIVE or (key == "von" and _NEAR_VON.search(window)):
                return True
            if n == 0 and key in _SETTLEMENT_WORDS:
                return True  # "die Dörfer Robotyne", "der Stadt Isjum"
            if not (key in _ARTICLES or (word.islower() and key.endswith(_ADJ_ENDINGS))):
                return False
        return False

    def place_ids(self, ctx: SentenceView, q: Quantity, head: Head, heads: list[Head],
                  quantities: list[Quantity]) -> tuple[str, ...]:
        """Places in the figure's noun phrase, else its clause (with a relative clause that
        follows it), else the sentence's places that no other figure claims."""
        places = self.places(ctx)
        own = [m for m in places if q.end <= m.start < head.np_end]
        if own:
            return _ids(own)
        taken = []
        for other, other_head in zip(quantities, heads):
            if other is not q:
                taken.append((other.end, other_head.np_end))
                _, end = self.doc.clause(ctx, other.start)
                taken.append((end, self._relative_clause_end(ctx, end)))
        free = [m for m in places if not any(a <= m.start < b for a, b in taken)]
        lo, hi = self.doc.clause(ctx, q.start)
        hi = self._relative_clause_end(ctx, hi)
        in_clause = [m for m in free if lo <= m.start < hi]
        return _ids(in_clause or free)

    def _relative_clause_end(self, ctx: SentenceView, hi: int) -> int:
        """A relative clause right after a figure's clause belongs to it ("Soldaten, die
        nach Russland eingereist seien")."""
        if _RELATIVE.match(self.prose, hi, hi + 12):
            for a, b in ctx.clauses:
                if a == hi:
                    return b
        return hi

    def carry_back(self, indices: list[int]) -> None:
        """Figures without a place take those of a sentence that continues or is continued."""
        sentences = self.sentences
        for i in indices:
            ctx = sentences[i]
            for j, fig in enumerate(ctx.figures):
                if fig.place_ids:
                    continue
                ids: tuple[str, ...] = ()
                if i and ctx.continues:
                    ids = _ids(self.places(sentences[i - 1]))
                if not ids and i + 1 < len(sentences) and sentences[i + 1].continues:
                    ids = _ids(self.places(sentences[i + 1]))
                if ids:
                    ctx.figures[j] = replace(fig, place_ids=ids)


def _ids(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.place.place_id for m in mentions))
