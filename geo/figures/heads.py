"""What a number counts: the first noun after it (pre-nominal participles and prepositional
phrases skipped: "10.000 in Russland vermuteten Soldaten"); a number whose noun is no person
("drei Dörfern", "vier Monaten") is no figure. A number without a noun borrows it from a
partitive ("8000 von insgesamt 10.000 ... Soldaten"), from "die Zahl der Soldaten ... 15.000",
from the figure before it in the sentence, or, in a sentence that continues the one before,
from the last figure there. The category comes from the noun ("Tote", "Verluste") or a
casualty predicate in the noun phrase or clause; plain people-words ("Menschen",
"Nordkoreaner") need such a predicate or a deployment verb.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.figures.context import AMONG, LEX, REPORTED, TOKEN, Document, Head, SentenceView
from geo.figures.quantities import Quantity
from geo.figures.sides import Sides
from geo.figures.vocabulary import (
    MILITARY_UNITS,
    PEOPLE_WORDS,
    TROOP_WORDS,
    nearest_predicate,
    noun_category,
    people_word,
    predicate_in,
)
from geo.lexicon import alternation
from geo.model import Category, Figure

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
# a noun joined to a number ("39-Jährige", "60-mm-Granaten"), read as one word
_NUMBER_NOUN = re.compile(r"\d[\d.,]*-(?:[\w-]*-)?[A-ZÄÖÜ][^\W\d_]*")
# the number's own noun right after it (a noun joined to a number included)
_OWN_NOUN = re.compile(r"\s+(?:\d[\d.,]*-(?:[\w-]*-)?)?[A-ZÄÖÜ]")
_ONE = frozenset(LEX.one)
_AGE_APPOSITION = re.compile(
    rf"^\W*\d+(?:\s*(?:,|{alternation(LEX.list_joiners)})\s*\d+)*"
    rf"(?:\s+{alternation(LEX.age_apposition, ignore_case=True)})?\s*$")
_OF_THEM = re.compile(rf"{alternation(LEX.partitive_pronouns, ignore_case=True)}\b")
# "Von den nordkoreanischen Soldaten wurden 300 getötet": the partitive opens the clause
_FROM_THE = re.compile(
    rf"^\W*[Vv]on\s+(?P<np>{alternation(LEX.articles)}\s+(?:[a-zäöüß][\w-]*\s+){{0,3}})"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*)\b")
_ADDITIVE_BEFORE = re.compile(rf"\b{alternation(LEX.additive, ignore_case=True)}\s+$")
# after a predicate right after a number, a preposition or auxiliary shows it is the verb
# ("fünf starben nach einem Angriff"), not an adjective ("zwei verwundeten Soldaten", "30
# getötete oder verwundete Nordkoreaner")
_PHRASE_ENDS = re.compile(
    rf"\s*(?:[^\w\s]|{alternation(_PREPOSITIONS | set(LEX.perfect_auxiliaries))}\b)")
# "Männer im Alter von 37, 38 und 41": ages, however many numbers the list has
_AGES = re.compile(rf"\b{alternation(LEX.age_before, ignore_case=True)}\s+"
                   rf"(?:\d+\s*(?:,|{alternation(LEX.list_joiners)})\s*)*$")


class Heads:
    """What the numbers of one article count."""

    def __init__(self, doc: Document, sides: Sides) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.sides = sides

    def head(self, ctx: SentenceView, q: Quantity) -> Head:
        """The noun the number counts, skipping participles and pre-nominal phrases."""
        if _AGES.search(self.prose, max(ctx.sentence.start, q.start - 80), q.start) and \
                not _OWN_NOUN.match(self.prose, q.end):
            return Head(None, q.end, kind="other")  # "im Alter von 37, 38 und zwei 39-Jährige"
        tokens = TOKEN.finditer(self.prose, q.end, ctx.sentence.end)
        in_phrase = in_name = False
        words = 0
        joined = False  # only a list joiner so far: "45 und 50 Jahren" share the noun
        for tok in tokens:
            # a noun joined to a number is one word: "zwei 39-Jährige", "zehn 60-mm-Granaten"
            compound = _NUMBER_NOUN.match(self.prose, tok.start())
            if compound and compound.end() <= ctx.sentence.end:
                return self._noun(ctx, q, compound)
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
            if words == 0 and word[0].islower():
                if key in _ONE:
                    return Head(None, q.end, kind="other")  # "im Kreis 6 ein Mann": a name
                if _PHRASE_ENDS.match(self.prose, tok.end()) and predicate_in(word):
                    return Head(None, q.end)  # "weitere fünf starben nach einem Angriff"
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
                not people_word(key) and people is None:
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
            elif military or (_DEPLOYED.search(clause)
                              and (key in PEOPLE_WORDS or not people_word(key))):
                # people "im Einsatz" are troops; a compound of a people word ("800
                # Feuerwehrleute im Einsatz") names its own trade
                category = "troops"
            else:
                return Head(None, tok.end(), kind="people")
        return Head(category, tok.end(), military, "noun", people)

    def clause_predicate(self, ctx: SentenceView, start: int, end: int) -> Category | None:
        """What happened, in the figure's clause or, past an inserted subset ("drei Personen,
        darunter zwei Polizisten, schwer verletzt") or age ("zwei Frauen, 31 und 48 Jahre alt,
        sind verletzt worden"), in the clause that goes on after it."""
        lo, hi = self.doc.clause(ctx, start)
        after = nearest_predicate(self.prose[end:hi], first=True)
        before = nearest_predicate(self.prose[lo:start], first=False)
        # "tötete ... einen Palästinenser und verletzte zwei weitere": a verb after "und" has
        # an object of its own; the verb before the figure is the figure's
        found = (before if after is not None and after[1] and before is not None else
                 (after or before))
        if found is not None:
            return found[0]
        if hi < ctx.sentence.end and (AMONG.match(self.doc.clause_text(ctx, hi)) or
                                      _AGE_APPOSITION.match(self.doc.clause_text(ctx, hi))):
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
        if partitive and _OF_THEM.match(self.prose, partitive.end()):
            # "zwei von ihnen seien getötet worden": who they are was said before
            category = self.clause_predicate(ctx, q.start, q.end)
            if category is not None:
                return Head(category, q.end, kind="borrowed")
            # no verb of its own ("30 verletzt, 18 von ihnen schwer"): a subset, read below
        zahl = self._zahl_head(lo, q.start, q) or self._partitive_before(ctx, lo, q)
        if zahl is not None:
            return zahl
        last = figures[-1] if figures else None
        goes_on = before is not None and bool(
            ctx.continues or REPORTED.search(ctx.text) or _ADDITIVE.match(self.prose, q.end)
            or _ADDITIVE_BEFORE.search(self.prose, max(lo, q.start - 12), q.start))
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

    def _partitive_before(self, ctx: SentenceView, lo: int, q: Quantity) -> Head | None:
        """ "Von den nordkoreanischen Soldaten wurden 300 getötet": the noun before the number."""
        m = _FROM_THE.match(self.prose[lo:q.start])
        if m is None:
            return None
        noun = m.group("noun").casefold()
        category = noun_category(noun)
        if category is None and not people_word(noun):
            return None
        military = category == "troops"
        if category in (None, "troops"):
            category = self.clause_predicate(ctx, q.start, q.end) or category
        return category and Head(category, q.end, military, "borrowed",
                                 self.sides.np_actor(lo + m.start("np"), lo + m.end("noun")))

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
