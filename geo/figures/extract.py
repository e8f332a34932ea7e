"""Troop and casualty figures as claims: the number (range, hedge), what is counted, whose
people, who says so, and where.

Shallow German grammar on the words around each number, no parser, so that thousands of
articles go through a second. This module reads an article sentence by sentence and ties the
parts together; the rules are in their own modules:
- :class:`Heads` (here): what a number counts, and its category (with :mod:`.vocabulary`, the
  words and predicates that say so);
- :class:`Sides` (here): whose people they are;
- :mod:`.attribution`: who says so;
- :mod:`.locations`: where;
- :mod:`.context`: the sentences, clauses, actors and places they all read.

The German words these rules look for are data, in ``data/lexicon`` (read by
:mod:`geo.lexicon`); the patterns are built from them when the modules load.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cached_property

from geo.figures.actors import actor_kind
from geo.figures.attribution import Sources
from geo.figures.context import AMONG, LEX, REPORTED, TOKEN, Document, Head, SentenceView
from geo.figures.locations import Locations
from geo.figures.quantities import Quantity, find_quantities, is_date, may_hold_number
from geo.figures.vocabulary import (
    MILITARY_UNITS,
    PEOPLE_WORDS,
    TROOP_WORDS,
    category_words,
    counts_people,
    nearest_predicate,
    noun_category,
    predicate_in,
)
from geo.lexicon import alternation, spellings
from geo.model import Actor, Article, Category, Figure, Mention, Sentence

_PER_UNIT = re.compile(
    rf"(?P<n>\b\w+)\s+{alternation(LEX.military_units, ignore_case=True)}\s*,?\s+"
    rf"{alternation(LEX.distributive)}\b[^.;]{{0,40}}$")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_CUES = LEX.year_cues | frozenset(LEX.months)
# "ein Mensch getötet", "Ein Toter": the indefinite article counts one when what follows is a
# casualty; it is read only there (see _Reader._singulars)
_ONE = re.compile(rf"\b{alternation(LEX.one, ignore_case=True)}\b")
# a road or route name ("auf der A 38", "B 31"): one capital letter right before the number
_DESIGNATOR = re.compile(r"(?<![\w.])[A-ZÄÖÜ]\s?$")



_ARTICLES = LEX.articles
_SUBSET_WORD = re.compile(rf"\b{alternation(LEX.subset_markers)}\b", re.IGNORECASE)
_FINITE_BEFORE = re.compile(rf"\b{alternation(LEX.finite_before_subject)}\s+$")
# a state named as the subject may take an article: "Die Ukraine verlor 300 Soldaten"
_SUBJECT_ARTICLE_BEFORE = re.compile(rf"(?:^\W*|[,;:]\s*|\b{alternation(LEX.subordinators)}\s+)"
                                     rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?$")
_CONFLICT = re.compile(rf"\b[^\W\d_]*?{alternation(LEX.conflict_words, ignore_case=True)}")
_CONFLICT_PARTS = tuple(sorted({form for w in LEX.conflict_words
                                 for form in spellings(w.removesuffix("*"))}))
# the attack a demonym's troops carry out: "Beschuss russischer Soldaten", "Angriffen der
# russischen Armee"
_ATTACKER_BEFORE = re.compile(
    rf"{_CONFLICT.pattern}\w*\s+(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
    rf"(?:[a-zäöüß]+{alternation(LEX.adjective_endings)}\s+)*$")
# the actor cues (data/lexicon/actor_cues.json)
_BOTH_SIDES = re.compile(rf"\b{alternation(LEX.both_sides, ignore_case=True)}\b")
_POSSESSIVE = re.compile(rf"\b{alternation(LEX.possessives, ignore_case=True)}\s+([^\W\d_][\w-]*)")
_SUBJECT_PRONOUN = re.compile(rf"\b{alternation(LEX.subject_pronouns, ignore_case=True)}\b")
_OPENS_SUBJECT = re.compile(rf"\W*(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?")
# lowercase only: "die Verletzten" is a noun, "verletzte" the verb
_AGENT_FINITE = re.compile(rf"\b{alternation(LEX.agent_finite)}\b")
_AGENT_AUX = re.compile(rf"\b{alternation(LEX.agent_auxiliaries)}\b")
_AGENT_PARTICIPLE = re.compile(rf"\b{alternation(LEX.agent_participles)}\b")
_PASSIVE = re.compile(r"\bworden\b")
# a capitalised word right after a name: "Israels Armee" (the name is a genitive possessor)
_NOUN_AFTER = re.compile(r"[^\S\n]+[A-ZÄÖÜ][a-zäöüß]")


class Sides:
    """Whose people one article's figures count; the article's usual side and whether it
    reports on a war are worked out once, when first asked for."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.sentences = doc.sentences

    def actor(self, ctx: SentenceView, q: Quantity, head: Head, category: Category) -> str | None:
        """Whose people a figure counts: its own words first, then its clause, then the
        article's usual side."""
        if head.category == "area_km2":
            lo, _ = self.doc.clause(ctx, q.start)
            near = [a for a in self.doc.actors_in(lo, q.start) if actor_kind(a) != "country"]
            return near[-1].country_code if near else self._subject_actor(ctx, q)
        own = (self.np_actor(q.end, head.np_end) or head.actor
               or self._trailing_actor(head.np_end, ctx.sentence.end))
        if own or category == "captured":
            # prisoners are not the subject's ("Russland hat 300 Soldaten gefangen genommen")
            # nor, in an exchange, the article's usual side: only their own demonym says whose
            return own
        lo, hi = self.doc.clause(ctx, q.start)
        if _BOTH_SIDES.search(self.prose, lo, hi):
            return None  # "auf beiden Seiten": a mixed group has no side
        named = self._side_actor(lo, hi) or self._owner_actor(ctx, q, head, category, lo, hi)
        if named or self._agent_clause(q, head, lo, hi):
            # "Russland hat 12 Zivilisten getötet": who killed them is not whose they are
            return named
        return (self._subject_actor(ctx, q)
                or self._losses_actor(ctx, q)
                or (self.usual_actor if head.military else None))

    def _side_actor(self, lo: int, hi: int) -> str | None:
        """ "Auf russischer Seite seien 500 Soldaten gefallen": a demonym before "Seite"."""
        for a in self.doc.actors_in(lo, hi):
            nxt = TOKEN.search(self.prose, a.end)
            if actor_kind(a) in ("adjective", "prefix") and nxt is not None and \
                    nxt.group().casefold() in LEX.side_nouns:
                return a.country_code
        return None

    def _owner_actor(self, ctx: SentenceView, q: Quantity, head: Head, category: Category,
                     lo: int, hi: int) -> str | None:
        """Whose "40 ihrer Soldaten" or "30 Tote unter ihren Soldaten" are, or whose losses in
        "Dabei verlor es 1.200 Soldaten": the nearest actor named before in the sentence, else
        the subject the sentence before opens with."""
        after = self.prose[q.end:min(hi, head.np_end + 40)]
        possessive = any(counts_people(m.group(1)) for m in _POSSESSIVE.finditer(after))
        # only with losses: "sind es 11.000 Soldaten", "gab es 12 Tote" have a dummy "es"
        pronoun = category == "casualties" and \
            _SUBJECT_PRONOUN.search(self.prose, lo, q.start) is not None
        if not (possessive or pronoun):
            return None
        before = self.doc.actors_in(ctx.sentence.start, q.start)
        if before:
            return before[-1].country_code
        if ctx.index:
            start = self.sentences[ctx.index - 1].sentence.start
            for a in self.doc.actors_in(start, ctx.sentence.start)[:1]:
                if _OPENS_SUBJECT.fullmatch(self.prose, start, a.start):
                    return a.country_code
        return None

    def _agent_clause(self, q: Quantity, head: Head, lo: int, hi: int) -> bool:
        """ "Russland tötete 12 Zivilisten", "Israel hat 20 Kämpfer getötet": the clause's
        subject is who killed or wounded the people counted (a finite verb outside the
        figure's noun phrase, or a participle after "hat" in the active voice)."""
        if _AGENT_FINITE.search(self.prose, lo, q.start) or \
                _AGENT_FINITE.search(self.prose, head.np_end, hi):
            return True
        return bool(_AGENT_AUX.search(self.prose, lo, q.start)
                    and _AGENT_PARTICIPLE.search(self.prose, head.np_end, hi)
                    and not _PASSIVE.search(self.prose, lo, hi))

    def whole_actor(self, ctx: SentenceView, q: Quantity, figures: list[Figure]) -> str | None:
        """A figure its clause picks out of the one before ("34.970 Palästinenser getötet,
        darunter 14.685 Kinder"; "4.700 Opfer habe es darunter gegeben, davon 600 Tote") counts
        the same side's people."""
        clause = self.doc.clause_text(ctx, q.start)
        if not _SUBSET_WORD.search(clause):
            return None
        if figures:
            return figures[-1].actor
        whole = self.doc.whole_before(ctx) if AMONG.match(ctx.text) else None
        return whole.actor if whole is not None else None

    def np_actor(self, start: int, end: int) -> str | None:
        """The demonym or people-word in a noun phrase ("russische Soldaten"); a country's
        name there is no side of its own ("in Russland vermutete Soldaten")."""
        for a in self.doc.actors_in(start, end):
            if actor_kind(a) != "country":
                return a.country_code
        return None

    def _trailing_actor(self, start: int, limit: int) -> str | None:
        """ "Verluste auf russischer Seite", "Soldaten aus Nordkorea", "Truppen Kiews"."""
        for a in self.doc.actors_in(start, min(limit, start + 40)):
            between = self.prose[start:a.start].split()
            if all(w.casefold() in LEX.actor_links for w in between):
                return a.country_code
            return None
        return None

    def _subject_actor(self, ctx: SentenceView, q: Quantity) -> str | None:
        """ "dass Nordkorea 10.000 Soldaten ... geschickt habe", "Die Ukraine verlor 300
        Soldaten"; "Nach ukrainischen Angaben hat Russland ... 1.250 Soldaten verloren" (the
        subject after the finite verb)."""
        lo, _ = self.doc.clause(ctx, q.start)
        for a in reversed(self.doc.actors_in(lo, q.start)):
            before = self.prose[lo:a.start]
            if actor_kind(a) == "country" and (_SUBJECT_ARTICLE_BEFORE.search(before)
                                               or _FINITE_BEFORE.search(before)):
                return a.country_code
        return None

    def _losses_actor(self, ctx: SentenceView, q: Quantity) -> str | None:
        """ "gab die russischen Verluste ... mit 700.000 Soldaten an": whose losses, troops or
        soldiers the clause named before the number; a headline's clause after a colon goes on
        from the one before it ("Nordkoreanische Truppen schwer getroffen: 100 Tote") unless
        that one tells of an attack. Troops named as who attacked ("bei einem Beschuss
        russischer Soldaten starben fünf Menschen") are not whose people died."""
        lo, _ = self.doc.clause(ctx, q.start)
        if self.prose.startswith(":", lo) and lo > ctx.sentence.start:
            before, _ = self.doc.clause(ctx, lo - 1)
            if not _CONFLICT.search(self.prose, before, lo):
                lo = before
        for a in reversed(self.doc.actors_in(lo, q.start)):
            if actor_kind(a) in ("adjective", "prefix") and \
                    (self._category_after(a) in ("troops", "casualties") or self._unit_after(a)) \
                    and not _ATTACKER_BEFORE.search(self.prose, max(lo, a.start - 60), a.start):
                return a.country_code
        return None

    def people_actor(self, start: int, end: int) -> str | None:
        """The country of a people-word ("Nordkoreaner") in the span."""
        for a in self.doc.actors_in(start, end):
            if actor_kind(a) == "people":
                return a.country_code
        return None

    @cached_property
    def usual_actor(self) -> str | None:
        """Whose soldiers the article is about: the commonest demonym on a military noun."""
        votes: Counter[str] = Counter()
        for a in self.doc.actors:
            kind = actor_kind(a)
            if kind == "people":
                votes[a.country_code] += 1
            elif kind in ("adjective", "prefix") and self._category_after(a) == "troops":
                votes[a.country_code] += 1
        return votes.most_common(1)[0][0] if votes else None

    def _unit_after(self, a: Actor) -> bool:
        """ "die nordkoreanischen Einheiten verloren 300 Mann": a military unit after it."""
        nxt = TOKEN.search(self.prose, a.end)
        return nxt is not None and nxt.group().casefold() in MILITARY_UNITS

    def _category_after(self, a: Actor) -> Category | None:
        """What the noun right after a demonym adjective counts: "russischen Verluste"."""
        nxt = TOKEN.search(self.prose, a.end)
        return noun_category(nxt.group().casefold()) if nxt else None

    def civilians_of_the_place(self, indices: list[int]) -> None:
        """People hit in a war without a demonym of their own ("bei einem russischen Angriff
        auf Charkiw wurden 15 Menschen getötet") are counted for the country where they were
        hit, when the figure's places (else the scene: see _scene) lie in one country and the
        sentence, the one before or the article speaks of the fighting; an accident's victims
        stay without actor, and so do prisoners and hostages, who are taken away from where
        they were caught, and the dead "auf beiden Seiten"."""
        for i in indices:
            ctx = self.sentences[i]
            if all(f.actor is not None for f in ctx.figures) or not (
                    _CONFLICT.search(ctx.text)
                    or (i and _CONFLICT.search(self.sentences[i - 1].text))
                    or self.war_news):
                continue
            for j, fig in enumerate(ctx.figures):
                if fig.actor is not None or fig.category in ("troops", "area_km2", "captured") \
                        or _BOTH_SIDES.search(self.prose, *self.doc.clause(ctx, fig.start)):
                    continue
                countries = ({self.doc.country_of.get(p) or None for p in fig.place_ids}
                             if fig.place_ids else self._scene(i))
                if len(countries) == 1 and None not in countries:
                    ctx.figures[j] = replace(fig, actor=countries.pop())

    @cached_property
    def war_news(self) -> bool:
        """Conflict words in two sentences or more: the article reports on a war, and its
        figures far from those words ("Zwei weitere Menschen wurden verletzt") are war
        casualties too."""
        low = self.prose.lower()  # substrings in C: the word-part regex is slow on a whole text
        starts = [c.sentence.start for c in self.sentences]
        hit: set[int] = set()
        for part in _CONFLICT_PARTS:
            at = low.find(part)
            while at >= 0:
                hit.add(bisect_right(starts, at))
                if len(hit) > 1:
                    return True
                at = low.find(part, at + 1)
        return False

    def _scene(self, index: int) -> set[str | None]:
        """The countries where sentence ``index`` happens: its place mentions, else the country
        its headline names before a colon ("Libanon: Fünf Tote ..."), else those of the nearest
        sentence before that names a place ("... im Libanon. Fünf weitere wurden verletzt").
        A country name in the genitive before a noun ("Israels Armee") names who acts, not
        where."""
        for ctx in reversed(self.sentences[:index + 1]):
            countries = {m.place.country_code or None for m in self.doc.places_in(ctx.sentence)
                         if not self._possessor(m)}
            if countries:
                return countries
            topic = self._topic(ctx.sentence)
            if topic is not None:
                return {topic}
        return set()

    def _possessor(self, m: Mention) -> bool:
        """ "Israels Militär", "Russlands Angriffe": a name in the Saxon genitive before a
        capitalised noun."""
        stem = m.surface[:-1]
        return m.surface.endswith("s") and stem in (m.place.name_de, m.place.name) and \
            _NOUN_AFTER.match(self.prose, m.end) is not None

    def _topic(self, sentence: Sentence) -> str | None:
        """The country a headline opens with before a colon: "Libanon: Fünf Tote ..."."""
        for a in self.doc.actors_in(sentence.start, sentence.end):
            if a.start > sentence.start + 1:
                return None
            if actor_kind(a) == "country" and self.prose.startswith(":", a.end):
                return a.country_code
        return None


_PREPOSITIONS = LEX.prepositions
_UNITS = LEX.units_not_people
_DEPLOYED = re.compile(rf"\b{alternation(LEX.deployment)}\b", re.IGNORECASE)
_ZAHL = re.compile(rf"\b{alternation(LEX.count_nouns, ignore_case=True)}\b"
                   r"(?P<np>(?:\s+[\w-]+){1,4})")
_LOSSES_BEFORE = re.compile(
    rf"\b{alternation(LEX.loss_nouns + LEX.victim_nouns, ignore_case=True)}\s+von\s+$")
_LOSSES_ON = re.compile(rf"\b{alternation(LEX.loss_nouns, ignore_case=True)}\b[^.;:]*"
                        rf"\b{alternation(LEX.loss_amount_prepositions)}\s+(?:\w+\s+){{0,2}}$")
_PARTITIVE = re.compile(
    rf"\s+von\s+(?:{alternation(LEX.partitive_fillers)}\s+)?(?=\S)")
_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w-]*")
_GROUP_SIZE = re.compile(rf"(?:^|\s)(?P<before>[\w-]*)\s+{alternation(LEX.group_size_before)}\s+$")
_ADDITIVE = re.compile(rf"\s+{alternation(LEX.additive, ignore_case=True)}\b")


class Heads:
    """What the numbers of one article count."""

    def __init__(self, doc: Document, sides: Sides) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.sides = sides

    def head(self, ctx: SentenceView, q: Quantity) -> Head:
        """The noun the number counts, skipping participles and pre-nominal phrases."""
        tokens = TOKEN.finditer(self.prose, q.end, ctx.sentence.end)
        in_phrase = in_name = False
        words = 0
        joined = False  # only a list joiner so far: "45 und 50 Jahren" share the noun
        for tok in tokens:
            word = tok.group()
            key = word.casefold()
            if joined and word[0].isdigit():
                joined = False
                continue
            joined = words == 0 and key in LEX.list_joiners
            # a dash between spaces ends the phrase as a comma does ("2.700 verwundet - Quelle")
            if word[0].isdigit() or (not word[0].isalnum() and word != "-") or \
                    (word == "-" and self.prose[tok.start() - 1].isspace()):
                return Head(None, q.end, kind="other" if key in _UNITS else "none")
            if key in _UNITS:
                return Head(None, q.end, kind="other")
            if word[0].isupper():
                if in_phrase or in_name:
                    in_phrase, in_name = False, True  # "in der Region Saporischschja"
                    continue
                return self._noun(ctx, q, tok)
            in_name = False
            if key == "von" and q.vague and words == 0:
                continue  # "Hunderte von Soldaten"
            if key in _PREPOSITIONS:
                in_phrase = True
            words += 1
            if words > 6:
                break
        return Head(None, q.end)

    def _noun(self, ctx: SentenceView, q: Quantity, tok: re.Match[str]) -> Head:
        key = tok.group().casefold()
        np_text = self.prose[q.end:tok.end()]
        category = noun_category(key)
        people = self.sides.people_actor(tok.start(), tok.end())
        if category is None and key not in TROOP_WORDS and \
                key.rsplit("-", 1)[-1] not in PEOPLE_WORDS and people is None:
            return Head(None, tok.end(), kind="other")
        military = category == "troops" or key in TROOP_WORDS
        predicate = predicate_in(np_text) or self.clause_predicate(ctx, q.start, tok.end())
        clause = self.doc.clause_text(ctx, q.start)
        among = AMONG.match(clause)
        # a sentence that opens with "Darunter" picks from the last figure before it
        whole = self.doc.whole_before(ctx) if among and ctx.text.startswith(clause) else None
        if among:  # the clause's verb is the sentence's
            clause = ctx.text
            predicate = predicate or predicate_in(ctx.text)
        # "Unter den Toten sind drei Kinder": the marker's own noun says what they are
        named = noun_category(among.group().split()[-1].casefold()) if among else None
        if category in (None, "troops") or (category == "killed" and predicate == "killed_or_wounded"):
            if predicate:
                category = predicate
            elif named is not None:
                category = named
            elif whole is not None:
                category = whole.category  # "3.000 getötet. Darunter 200 Offiziere."
            elif military or _DEPLOYED.search(clause):
                category = "troops"
            else:
                return Head(None, tok.end(), kind="other")
        return Head(category, tok.end(), military, "noun", people)

    def clause_predicate(self, ctx: SentenceView, start: int, end: int) -> Category | None:
        """What happened, in the figure's clause or, past an inserted subset ("drei Personen,
        darunter zwei Polizisten, schwer verletzt"), in the clause that goes on after it."""
        lo, hi = self.doc.clause(ctx, start)
        after = nearest_predicate(self.prose[end:hi], first=True)
        before = nearest_predicate(self.prose[lo:start], first=False)
        # "tötete ... einen Palästinenser und verletzte zwei weitere": a verb after "und" has
        # an object of its own; the verb before the figure is the figure's
        found = (before if after is not None and after[1] and before is not None else
                 (after or before))
        if found is not None:
            return found[0]
        if hi < ctx.sentence.end and AMONG.match(self.doc.clause_text(ctx, hi)):
            _, rest = self.doc.clause(ctx, hi)
            if rest < ctx.sentence.end:
                return predicate_in(self.doc.clause_text(ctx, rest))
        return None

    def borrowed_head(self, ctx: SentenceView, q: Quantity, quantities: list[Quantity],
                      heads: list[Head], k: int, figures: list[Figure],
                      before: SentenceView | None) -> Head | None:
        """A number without a noun counts what a neighbouring figure counts."""
        partitive = _PARTITIVE.match(self.prose, q.end)
        if partitive and k + 1 < len(quantities) and \
                partitive.end() >= quantities[k + 1].start - 12:
            nxt = heads[k + 1]
            if nxt.kind == "noun":
                return Head(nxt.category, q.end, nxt.military, "borrowed",
                            self.sides.np_actor(quantities[k + 1].end, nxt.np_end) or nxt.actor)
        lo, _ = self.doc.clause(ctx, q.start)
        zahl = self._zahl_head(lo, q.start, q)
        if zahl is not None:
            return zahl
        last = figures[-1] if figures else None
        goes_on = before is not None and bool(ctx.continues or REPORTED.search(ctx.text)
                                              or _ADDITIVE.match(self.prose, q.end))
        if last is None and before is not None and goes_on:
            if not before.figures:
                # "Der Geheimdienst nennt Zahlen zu Soldaten. Etwa 600 wurden demnach getötet."
                zahl = self._zahl_head(before.sentence.start, before.sentence.end, q)
                return zahl and replace(
                    zahl, category=self.clause_predicate(ctx, q.start, q.end) or zahl.category)
            last = before.figures[-1]  # "15 Menschen getötet. 16 weitere wurden verletzt"
        if last is None:
            return None
        category = self.clause_predicate(ctx, q.start, q.end) or last.category
        # soldiers if the figure it leans on was ("sieben Menschen getötet und 20 verletzt"
        # are not the article's usual troops)
        military = last.actor is not None or last.category == "troops"
        return Head(category, q.end, military, "borrowed", last.actor)

    def _zahl_head(self, lo: int, hi: int, q: Quantity) -> Head | None:
        """ "die Zahl der nordkoreanischen Soldaten ... 15.000" (between lo and hi)."""
        for m in _ZAHL.finditer(self.prose, lo, hi):
            for w in re.finditer(r"[\w-]+", m.group("np")):
                category = noun_category(w.group().casefold())
                if category is not None:
                    end = m.start("np") + w.end()
                    if w.group()[0].islower():  # "der getöteten Palästinenser": up to the noun
                        noun = _CAPITALISED.search(self.prose, end, m.end("np"))
                        end = noun.end() if noun else end
                    return Head(category, q.end, category == "troops", "borrowed",
                                self.sides.np_actor(m.start("np"), end))
        return None

    def losses_before(self, ctx: SentenceView, q: Quantity) -> bool:
        """ "Verluste von 150 Mann", "beziffert die Verluste auf über 720.000 Mann"."""
        if _LOSSES_BEFORE.search(self.prose, max(0, q.start - 30), q.start):
            return True
        lo, _ = self.doc.clause(ctx, q.start)
        return bool(_LOSSES_ON.search(self.prose, lo, q.start))

    def group_size(self, q: Quantity, head: Head) -> bool:
        """ "spielten zu 10 Mann": how big a group is, not how many troops there are
        (unless units are counted: "Kompanien zu 100 Mann")."""
        noun = self.prose[q.end:head.np_end].split()
        if head.kind != "noun" or not noun or noun[-1].casefold() not in TROOP_WORDS:
            return False
        m = _GROUP_SIZE.search(self.prose, max(0, q.start - 40), q.start)
        return m is not None and m.group("before").casefold() not in MILITARY_UNITS


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
            if not numbers and not _ONE.search(ctx.text):
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
        one; _figures keeps it only before a casualty noun phrase."""
        start = ctx.sentence.start
        return [Quantity(start + m.start(), start + m.end(), 1, 1, "exact", False, False)
                for m in _ONE.finditer(ctx.text)
                if not any(q.start <= start + m.start() < q.end for q in found)]

    def _may_count(self, ctx: SentenceView) -> bool:
        """A word of what figures count (see vocabulary.category_words), or a sentence that goes
        on from one with figures and may borrow their noun ("„Mindestens 500“ seien es")."""
        before = self.sentences[ctx.index - 1] if ctx.index else None
        if before is not None and before.figures and \
                (ctx.continues or REPORTED.search(ctx.text)):
            return True
        return any(w in ctx.text for w in self.count_words)

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
            if self._is_singular(q) and not (own.kind == "noun" and
                                             own.category not in (None, "troops")):
                continue  # "ein Soldat sagte", "ein Angriff": no count
            if q.area:
                head = Head("area_km2", q.end, kind="noun")
            elif own.kind == "none":
                head = self.heads.borrowed_head(ctx, q, quantities, heads, k, figures, before)
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

    def _is_singular(self, q: Quantity) -> bool:
        return q.end - q.start <= 5 and _ONE.fullmatch(self.prose, q.start, q.end) is not None

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
        return Figure(
            article=fig.article, start=start, end=fig.end, text=self.article.text[start:fig.end],
            low=n * fig.low, high=n * fig.high, qualifier=fig.qualifier, vague=fig.vague,
            derived=True, category=fig.category, actor=fig.actor, source=fig.source,
            place_ids=fig.place_ids, sentence=fig.sentence)



def _looks_like_year(q: Quantity, head: Head) -> bool:
    return head.kind == "borrowed" and q.qualifier == "exact" and 1900 <= q.low <= 2100
