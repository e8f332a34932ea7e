"""Whose people a figure counts: a demonym or people-word in its noun phrase ("russische
Soldaten", "Nordkoreaner") or right after it ("Soldaten aus Nordkorea"), a side ("auf
russischer Seite"), a possessive or pronoun pointing to an owner named before, the subject of
its clause ("Die Ukraine verlor 300 Soldaten") unless the subject is who killed them, whose
losses the clause names, else the article's usual side for soldiers; people hit in a war count
for the country where they were hit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cached_property

from geo.figures.actors import actor_kind
from geo.figures.context import AMONG, LEX, TOKEN, Document, Head, SentenceView
from geo.figures.quantities import Quantity
from geo.figures.vocabulary import MILITARY_UNITS, counts_people, noun_category
from geo.lexicon import alternation, spellings
from geo.model import Actor, Category, Figure, Mention, Sentence

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
            # the cheap tests first: whether any figure may take a place's country, then the
            # article's (worked out once), before the sentences' word-part scans
            hit = [(j, fig) for j, fig in enumerate(ctx.figures) if fig.actor is None
                   and fig.category not in ("troops", "area_km2", "captured")]
            if not hit or not (self.war_news or _CONFLICT.search(ctx.text)
                               or (i and _CONFLICT.search(self.sentences[i - 1].text))):
                continue
            for j, fig in hit:
                if _BOTH_SIDES.search(self.prose, *self.doc.clause(ctx, fig.start)):
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
