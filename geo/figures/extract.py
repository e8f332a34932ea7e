"""Troop and casualty figures as claims: the number (range, hedge), what is counted, whose
people, who says so, and where.

Shallow German grammar on the words around each number, no parser, so that thousands of
articles go through a second. This module reads an article sentence by sentence and ties the
parts together; the rules are in their own modules:
- :mod:`.heads`: what a number counts, and its category (with :mod:`.vocabulary`, the words
  and predicates that say so);
- :mod:`.sides`: whose people they are;
- :mod:`.attribution`: who says so;
- :mod:`.locations`: where;
- :mod:`.context`: the sentences, clauses, actors and places they all read.

The German words these rules look for are data, in ``data/lexicon`` (read by
:mod:`geo.lexicon`); the patterns are built from them when the modules load.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.figures.attribution import Sources
from geo.figures.context import LEX, REPORTED, Document, Head, SentenceView
from geo.figures.heads import Heads
from geo.figures.locations import Locations
from geo.figures.quantities import Quantity, find_quantities, is_date, may_hold_number
from geo.figures.sides import Sides
from geo.figures.vocabulary import category_words, noun_category, predicate_in
from geo.lexicon import alternation
from geo.model import Actor, Article, Category, Figure, Mention, Sentence

_PER_UNIT = re.compile(
    rf"(?P<n>\b\w+)\s+{alternation(LEX.military_units, ignore_case=True)}\s*,?\s+"
    rf"{alternation(LEX.distributive)}\b[^.;]{{0,40}}$")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_CUES = LEX.year_cues | frozenset(LEX.months)
# "ein Mensch getötet", "Ein Toter", "Beide Personen wurden verletzt": the indefinite article
# counts one, "beide" two, when what follows is a casualty; they are read only there (see
# _Reader._singulars)
_ARTICLE_NUMBER = re.compile(rf"\b{alternation(LEX.one + LEX.both, ignore_case=True)}\b")
_ARTICLE_COUNT = {**{w: 1 for w in LEX.one}, **{w: 2 for w in LEX.both}}
# between a figure's noun and the next number in a list: "16 der Toten Kinder und 6 Frauen"
_LISTED = re.compile(rf"(?:\s+[A-ZÄÖÜ][\w-]*)?\s+{alternation(LEX.list_joiners)}\s+")
# a road or route name ("auf der A 38", "B 31"): one capital letter right before the number
_DESIGNATOR = re.compile(r"(?<![\w.])[A-ZÄÖÜ]\s?$")


def extract_figures(article: Article, sentences: list[Sentence], mentions: list[Mention],
                    actors: list[Actor]) -> list[Figure]:
    """Every troop, casualty and area figure in the article, in text order."""
    return _Reader(Document(article, sentences, mentions, actors)).run()


class _Reader:
    """One article's figures: reads its sentences in order with the rules' parts."""

    def __init__(self, doc: Document) -> None:
        self.article = doc.article
        self.prose = doc.prose
        self.sentences = doc.sentences
        self.doc = doc
        self.sides = Sides(doc)
        self.heads = Heads(doc, self.sides)
        self.sources = Sources(doc)
        self.locations = Locations(doc)

    def run(self) -> list[Figure]:
        """Sentences in order (a sentence may lean on the figures of the one before); numbers
        are looked for only in sentences that hold a digit or number word and may count
        something, which most do not."""
        read: list[int] = []
        # the article's words of what figures count, found once: a sentence without any of
        # them (most) is passed over with a few substring tests
        self.count_words = category_words(self.prose)
        if not self.count_words:
            return []
        for ctx in self.sentences:
            sentence = ctx.sentence
            if not self._may_count(ctx):
                continue
            numbers = may_hold_number(self.prose, sentence.start, sentence.end)
            if not numbers and not _ARTICLE_NUMBER.search(ctx.text):
                continue
            found = find_quantities(self.prose, sentence.start, sentence.end) if numbers else []
            quantities = sorted((q for q in found + self._singulars(ctx, found)
                                 if not self._is_no_count(q, sentence)), key=lambda q: q.start)
            if quantities:
                before = self.sentences[ctx.index - 1] if ctx.index else None
                ctx.figures = self._figures(ctx, quantities, before)
                read.append(ctx.index)
        self.locations.carry_back(read)
        self.sources.carry_back(read)
        self.sides.civilians_of_the_place(read)
        return [f for i in read for f in self.sentences[i].figures]

    def _singulars(self, ctx: SentenceView, found: list[Quantity]) -> list[Quantity]:
        """ "ein", "eine", "einer" outside a number ("eine Million") as a candidate count of
        one, "beide" of two; _figures keeps it only before a casualty noun phrase."""
        start = ctx.sentence.start
        return [Quantity(start + m.start(), start + m.end(), n, n, "exact", False, False)
                for m in _ARTICLE_NUMBER.finditer(ctx.text)
                if not any(q.start <= start + m.start() < q.end for q in found)
                for n in (_ARTICLE_COUNT[m.group().casefold()],)]

    def _may_count(self, ctx: SentenceView) -> bool:
        """A word of what figures count (see vocabulary.category_words), or a sentence that goes
        on from one with figures and may borrow their noun ("„Mindestens 500“ seien es")."""
        before = self.sentences[ctx.index - 1] if ctx.index else None
        if before is not None and before.figures and \
                (ctx.continues or REPORTED.search(ctx.text)):
            return True
        return any(map(ctx.text.__contains__, self.count_words))

    def _is_no_count(self, q: Quantity, sentence: Sentence) -> bool:
        """Dates, ordinals ("am 4. November", "der 2. Weltkrieg"), years ("im Jahr 1939",
        "seit 2014", "im Juni 2024") and road names ("auf der A 38")."""
        if is_date(self.prose, q.start, q.end) or \
                _DESIGNATOR.search(self.prose, max(sentence.start, q.start - 2), q.start):
            return True
        if q.qualifier == "exact" and _YEAR.fullmatch(self.prose, q.start, q.end):
            last = _LAST_WORD.search(self.prose, max(sentence.start, q.start - 30), q.start)
            if last and last.group(1).casefold() in _YEAR_CUES:
                return True
        return (q.end < sentence.end - 1 and self.prose[q.end:q.end + 1] == "."
                and q.qualifier == "exact")

    def _figures(self, ctx: SentenceView, quantities: list[Quantity],
                 before: SentenceView | None) -> list[Figure]:
        heads = [self.heads.head(ctx, q) for q in quantities]
        figures: list[Figure] = []
        for k, (q, own) in enumerate(zip(quantities, heads)):
            head: Head | None = own
            article_count = self._is_article_count(q)
            if article_count and not (own.kind == "noun" and
                                      own.category not in (None, "troops")):
                continue  # "ein Soldat sagte", "ein Angriff", "beide Seiten": no count
            if q.low == 2 and article_count and not self._said_of_both(ctx, q, own):
                continue
            if q.area:
                head = Head("area_km2", q.end, kind="noun")
            elif own.kind == "none":
                head = self.heads.borrowed_head(ctx, q, quantities, heads, k, figures, before)
            elif own.kind == "people" and figures and figures[-1].start == quantities[k - 1].start \
                    and _LISTED.fullmatch(self.prose, heads[k - 1].np_end, q.start):
                # "16 der Toten Kinder und 6 Frauen": listed with the figure before, counted as it is
                head = replace(own, category=figures[-1].category, kind="noun")
            if head is None or head.category is None or _looks_like_year(q, head) or \
                    self.heads.group_size(q, head):
                continue
            category: Category = head.category
            if category == "troops" and self.heads.losses_before(ctx, q):
                category = "casualties"  # "Verluste von 150 Mann"
            fig = self._figure(ctx, q, head, category, heads, quantities)
            if fig.actor is None:
                fig = replace(fig, actor=self.sides.whole_actor(ctx, q, figures))
            figures.append(fig)
            derived = self._per_unit_total(ctx, fig)
            if derived is not None:
                figures.append(derived)
        return figures

    def _said_of_both(self, ctx: SentenceView, q: Quantity, head: Head) -> bool:
        """ "beide" points back to people named before: they count only where what happened
        to them is said of them ("Beide Personen wurden verletzt", "die beiden Verletzten"),
        not in "der getötete Vater und seine beiden Söhne"."""
        _, hi = self.doc.clause(ctx, q.start)
        return noun_category(self.prose[q.end:head.np_end].split()[-1].casefold()) is not None \
            or predicate_in(self.prose[head.np_end:hi]) is not None

    def _is_article_count(self, q: Quantity) -> bool:
        return q.end - q.start <= 6 and _ARTICLE_NUMBER.fullmatch(self.prose, q.start, q.end) is not None

    def _figure(self, ctx: SentenceView, q: Quantity, head: Head, category: Category,
                heads: list[Head], quantities: list[Quantity]) -> Figure:
        return Figure(
            article=self.article.id, start=q.start, end=q.end,
            text=self.article.text[q.start:q.end], low=q.low, high=q.high,
            qualifier=q.qualifier, vague=q.vague, derived=False, category=category,
            actor=self.sides.actor(ctx, q, head, category), source=self.sources.source(ctx, q),
            place_ids=self.locations.place_ids(ctx, q, head, heads, quantities),
            sentence=ctx.sentence)

    def _per_unit_total(self, ctx: SentenceView, fig: Figure) -> Figure | None:
        """ "fünf Einheiten, jede bestehend aus rund 3.000 Soldaten": 15.000, marked derived."""
        lo = max(ctx.sentence.start, fig.start - 120)
        m = _PER_UNIT.search(self.prose[lo:fig.start])
        if m is None:
            return None
        units = find_quantities(m.group("n"))
        if len(units) != 1 or units[0].qualifier != "exact":
            return None
        n = units[0].low
        start = lo + m.start("n")
        return replace(fig, start=start, text=self.article.text[start:fig.end],
                       low=n * fig.low, high=n * fig.high, derived=True)


def _looks_like_year(q: Quantity, head: Head) -> bool:
    return head.kind == "borrowed" and q.qualifier == "exact" and 1900 <= q.low <= 2100
