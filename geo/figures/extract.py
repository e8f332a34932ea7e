"""Troop and casualty figures as claims: the number (range, hedge), what is counted, whose
people, who says so, and where.

Shallow German grammar on the words around each number, no parser, so that thousands of
articles go through a second:
- what is counted is the first noun after the number (pre-nominal participles and
  prepositional phrases skipped: "10.000 in Russland vermuteten Soldaten"); a number whose noun
  is no person ("drei Dörfern", "vier Monaten") is no figure; a number without a noun borrows
  it from a partitive ("8000 von insgesamt 10.000 ... Soldaten"), from "die Zahl der Soldaten
  ... 15.000", from the figure before it in the sentence, or, in a sentence that continues the
  one before ("„Mindestens 10.000“ seien ..."), from the last figure there;
- the category comes from the noun ("Tote", "Verluste") or a casualty predicate in the noun
  phrase or clause ("getötet oder verwundet" is one category); plain people-words ("Menschen",
  "Nordkoreaner") need such a predicate or a deployment verb;
- the source is an attribution in the clause ("nach Angaben des ...", "laut ...", "nach
  US-Angaben", "..., so der ..."), else the nearest speech frame in the sentence ("sagte Ryder",
  "X hatte ... gesagt"), else the frame carried over from a sentence this one continues;
  "er"/"sie" as speaker stand for the last named source;
- places are the locative place mentions (after "in", "nach", "bei", "um die Dörfer", ...) in
  the figure's noun phrase, else its clause, else its sentence, else a sentence it continues.

The German words these rules look for are data, in ``data/lexicon`` (read by
:mod:`geo.lexicon`); the patterns here are built from them when the module loads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from geo import lexicon
from geo.figures.actors import actor_kind
from geo.figures.quantities import Quantity, find_quantities, is_date, may_hold_number
from geo.lexicon import alternation, spellings
from geo.model import Actor, Article, Category, Figure, Mention, Sentence

_LEX = lexicon.load()
_TOKEN = re.compile(r"[^\W\d_][\w\-]*|\d[\d.,]*(?:\d|\b)|[^\w\s]")
_PREPOSITIONS = _LEX.prepositions
_LOCATIVE = _LEX.role("locative")
_ARTICLES = _LEX.articles
# a speech verb (or ", so") and the speaker right before a place: the place is where the
# speaker sits ("sagte ein Sprecher in Kiew", ", so der Gouverneur in Belgorod")
_SPEAKER_AT = re.compile(
    rf"(?:\b{alternation(_LEX.speaker_at_place)}|,\s*{alternation(_LEX.quote_closers)})"
    rf"\s+(?:[\w-]+\s+){{1,4}}{alternation(_LEX.speaker_place_prepositions)}\s+$")
_SETTLEMENT_WORDS = _LEX.settlement_words
_NEAR_VON = re.compile(rf"(?:{alternation(_LEX.near_nouns, ignore_case=True)}|lich)\s+von\s*$")
_ADJ_ENDINGS = _LEX.adjective_endings
_UNITS = _LEX.units_not_people
_NOUN_CATEGORY = _LEX.noun_categories
_TROOP_WORDS = _LEX.troop_measure_words  # "3000 Mann"
# People who are counted only when something happens to them or they are deployed.
_PEOPLE_WORDS = _LEX.people_words
_KILLED = alternation(_LEX.predicates["killed"])
_WOUNDED = alternation(_LEX.predicates["wounded"])
_JOIN = alternation(_LEX.predicate_joiners)
_PREDICATES: tuple[tuple[re.Pattern[str], Category], ...] = (
    (re.compile(rf"\b{_KILLED}\s+{_JOIN}\s+{_WOUNDED}|\b{_WOUNDED}\s+{_JOIN}\s+{_KILLED}",
                re.IGNORECASE), "killed_or_wounded"),
    *((re.compile(rf"\b{alternation(words)}\b", re.IGNORECASE), category)
      for category, words in _LEX.predicates.items()),
)
_JOINED = re.compile(rf"\b{_JOIN}\s+$", re.IGNORECASE)
_DEPLOYED = re.compile(rf"\b{alternation(_LEX.deployment)}\b", re.IGNORECASE)
_ZAHL = re.compile(rf"\b{alternation(_LEX.count_nouns, ignore_case=True)}\b"
                   r"(?P<np>(?:\s+[\w-]+){1,4})")
_PER_UNIT = re.compile(
    rf"(?P<n>\b\w+)\s+{alternation(_LEX.military_units, ignore_case=True)}\s*,?\s+"
    rf"{alternation(_LEX.distributive)}\b[^.;]{{0,40}}$")
_LOSSES_BEFORE = re.compile(
    rf"\b{alternation(_LEX.loss_nouns + _LEX.victim_nouns, ignore_case=True)}\s+von\s+$")
_LOSSES_ON = re.compile(rf"\b{alternation(_LEX.loss_nouns, ignore_case=True)}\b[^.;:]*"
                        rf"\b{alternation(_LEX.loss_amount_prepositions)}\s+(?:\w+\s+){{0,2}}$")
# a clause that picks some out of the figure before it: "..., darunter etwa 11.000 Nordkoreaner"
_AMONG = re.compile(rf"^\W*{alternation(_LEX.subset_markers)}\b", re.IGNORECASE)
_SUBSET_WORD = re.compile(rf"\b{alternation(_LEX.subset_markers)}\b", re.IGNORECASE)
_PARTITIVE = re.compile(
    rf"\s+von\s+(?:{alternation(_LEX.partitive_fillers)}\s+)?(?=\S)")
_FINITE_BEFORE = re.compile(rf"\b{alternation(_LEX.finite_before_subject)}\s+$")
_SUBJECT_BEFORE = re.compile(rf"(?:^|[,;:]\s*|\b{alternation(_LEX.subordinators)}\s+)$")
# a state named as the subject may take an article: "Die Ukraine verlor 300 Soldaten"
_SUBJECT_ARTICLE_BEFORE = re.compile(rf"(?:^\W*|[,;:]\s*|\b{alternation(_LEX.subordinators)}\s+)"
                                     rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?$")
_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w-]*")
_RELATIVE = re.compile(rf",\s*{alternation(_LEX.relative_pronouns)}\b")
_NEGATED = re.compile(rf"\b{alternation(_LEX.negations)}\s+$")

# --- sources ---------------------------------------------------------------------------------
_CAP = r"[„\"»]?[A-ZÄÖÜ][\w\-]*[“\"«]?"
_ADJ = rf"[a-zäöüß]+{alternation(_ADJ_ENDINGS)}\s+"
_ISCH = rf"[a-zäöüß]+{alternation(_LEX.adjective_suffixes)}{alternation(_ADJ_ENDINGS)}\s+"
_LINK = alternation(_LEX.genitive_links)
# a body's name may go on with "für ..." and its acronym: "Institut für Kriegsstudien (ISW)"
_COMPLEMENT = rf"(?:\s+für\s+(?:{_ADJ})*{_CAP}(?:\s+{_CAP})*)?(?:\s+\([A-ZÄÖÜ]{{2,8}}\))?"
# the next capitalised word of a name: on the same line, and no article ("sagt Selenskyj Der
# ukrainische Präsident ...": a headline run into the text)
_NEXT_CAP = rf"[^\S\n]+(?!{alternation(_ARTICLES, ignore_case=True)}\b){_CAP}"
# a unit may be named by its ordinal ("der 7. Fallschirmjägerkorps"); names go on within a line
# only (a headline's last word and the first of the text are no name)
_NP = (rf"(?<!\w)(?:{alternation(_ARTICLES, ignore_case=True)}\s+(?:\d{{1,3}}\.\s+)?(?:{_ADJ})*"
       rf"|(?:{_ISCH})*)"
       rf"{_CAP}(?:{_NEXT_CAP})*(?:\s+{_LINK}\s+(?:{_ADJ})*{_CAP}(?:{_NEXT_CAP})*)?"
       rf"{_COMPLEMENT}")
# a source without article after its noun is a genitive name ("nach Angaben Kiews", "nach
# Angaben ukrainischer Behörden"), not the object of the clause ("nach eigenen Angaben einen
# Palästinenser")
_NP_BARE = rf"(?<!\w)(?:{_ISCH})*{_CAP}(?:{_NEXT_CAP})*"
# an extended attribute between article and noun: "der von der Hamas kontrollierten Behörde"
_ATTRIBUTE = r"(?:von\s+(?:\S+\s+){1,5}?[a-zäöüß]+(?:t|en)(?:e|en|er|es|em)\s+)?"
_NP_AND = rf"{_NP}(?:\s+und\s+{_NP})?"
# a name in commas inside a clause: "teilte der Gouverneur, Oleh Synjehubow, auf Telegram mit"
_INSERT = r",\s*[A-ZÄÖÜ][^,.;:]{0,40},"


def _needles(words: tuple[str, ...], after: str = " ") -> tuple[str, ...]:
    """The spellings to look for before trying an attribution pattern: lower and capitalised."""
    return tuple(s + after for w in words for w0 in lexicon.spellings(w)
                 for s in (w0, w0[0].upper() + w0[1:]))


_NACH = alternation(_LEX.noun_preposition, ignore_case=True)
_LINKS = alternation(_LEX.source_links)
_ADJ_EN = r"[a-zäöüß]+en\s+"
# (pattern, the words it starts with, how far before them it may start): the patterns are
# tried only where their words occur, which is much cheaper than scanning every sentence.
_ATTRIBUTIONS: tuple[tuple[re.Pattern[str], tuple[str, ...], int], ...] = (
    # ("nach einem Bericht des Senders ...": an article may come before the noun)
    (re.compile(rf"\b{_NACH}\s+(?:{alternation(_ARTICLES, ignore_case=True)}\s+"
                rf"(?=[A-ZÄÖÜ]))?(?:{alternation(_LEX.nach_own)}\s+)?"
                rf"{alternation(_LEX.nach_nouns, ignore_case=True)}\s+"
                rf"(?:{_LINKS}\s+{_ATTRIBUTE}(?P<src>{_NP_AND})"
                rf"|(?P<src6>(?={_LINKS}\s){_NP_AND})|(?P<src5>{_NP_BARE}))"
                rf"|\b{_NACH}\s+(?P<src2>[A-ZÄÖÜ][\w]*)-"
                rf"{alternation(_LEX.hyphen_nouns, ignore_case=True)}"
                # "nach ukrainischen Angaben", "nach westlichen und ukrainischen Einschätzungen"
                # ("nach eigenen Angaben" names the subject, not a source of its own; "nach
                # ersten Erkenntnissen" names none)
                rf"|\b{_NACH}\s+(?!{alternation(_LEX.nach_own + _LEX.not_source_adjectives)}\b)"
                rf"(?P<src3>(?:{_ADJ_EN}{alternation(_LEX.list_joiners)}\s+)?"
                rf"{_ADJ_EN}(?:[A-ZÄÖÜ][a-zäöüß]+?)?"
                rf"{alternation(_LEX.adjective_nouns, ignore_case=True)})"
                rf"|\b{_NACH}\s+(?P<src4>[A-ZÄÖÜ][a-zäöüß]+?"
                rf"{alternation(_LEX.compound_nouns)})\b"),
     _needles(_LEX.noun_preposition), 0),
    # "laut Angaben der beiden Regierungen", "laut einem Bericht der Zeitung": the source is
    # whose the statements are
    (re.compile(rf"\b{alternation(_LEX.preposed, ignore_case=True)}\s+"
                rf"(?:(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
                rf"{alternation(_LEX.nach_nouns, ignore_case=True)}\s+(?={_LINKS}\s))?"
                rf"(?P<src>{_NP_AND})"),
     _needles(tuple(w.split()[0] for w in _LEX.preposed)), 0),
    (re.compile(rf"(?P<src>{_NP})\s+{alternation(_LEX.postposed)}\b"),
     tuple(s for w in _LEX.postposed for s in lexicon.spellings(w)), 90),
    (re.compile(rf",\s*{alternation(_LEX.quote_closers)}\s+(?P<src>{_NP})"),
     tuple(f", {s} " for w in _LEX.quote_closers for s in lexicon.spellings(w)), 0),
    # "wie die Behörden am Montag mitteilten": a few words may come between source and verb
    # ("auf ihrem Telegram-Kanal"), and a name in commas after an office ("wie der Chef der
    # Verwaltung, Roman M., mitteilte"); an extended attribute may open the source ("wie die
    # von der Hamas kontrollierte Behörde mitteilte")
    (re.compile(rf"\b{alternation(_LEX.as_reported, ignore_case=True)}\s+"
                rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+(?=von\s){_ATTRIBUTE})?"
                rf"(?P<src>{_NP})(?:(?:\s+{_LINK}\s+[^,.;:()]{{1,40}}?)?{_INSERT})?\s+"
                rf"(?:[\w.\-]+\s+){{0,4}}?{alternation(_LEX.wie_verbs)}\b"),
     _needles(_LEX.as_reported), 0),
    # "hieß es aus Regierungskreisen", "heißt es in einer Mitteilung des Ministeriums" (a
    # bare message noun, "heißt es in der Nachricht", stands for the last source: see _frames)
    (re.compile(rf"{alternation(_LEX.places.saying)}\s+{alternation(_PREPOSITIONS)}\s+"
                rf"(?:(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
                rf"{alternation(_LEX.nach_nouns, ignore_case=True)}\s+(?={_LINKS}\s))?"
                rf"(?P<said>{_NP_AND})"),
     _needles(tuple(w.split()[0] for w in _LEX.places.saying)), 0),
    # "In einer Erklärung der Armee hieß es, ...": the statement's author
    (re.compile(rf"{alternation(_PREPOSITIONS, ignore_case=True)}\s+"
                rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
                rf"{alternation(_LEX.nach_nouns, ignore_case=True)}\s+"
                rf"(?P<said>(?={_LINKS}\s){_NP_AND})\s+{alternation(_LEX.places.saying)}\b"),
     _needles(tuple(w.split()[0] for w in _LEX.places.saying)), 90),
    # a headline that ends with who says so: "300 Soldaten getötet - südkoreanischer
    # Geheimdienst" (a place there is none: see _frames)
    (re.compile(rf" [-–] (?P<dash>{_NP})[^\S\n]*$"), (" - ", " – "), 0),
    # "offiziellen Angaben nach"
    (re.compile(rf"(?P<src>{_ADJ_EN}{alternation(_LEX.adjective_nouns, ignore_case=True)})\s+"
                rf"{alternation(_LEX.noun_postposition)}\b"),
     _needles(_LEX.adjective_nouns), 40),
)




def _separable(verbs: tuple[str, ...], particles: tuple[str, ...], at_clause_end: bool) -> str:
    """A separable verb counts with its particle: "gab ... an", not "gab es"; a particle that
    closes the clause may follow numbers with dots and commas inside ("gab 10.000 an.")."""
    particle = rf"\b{alternation(particles)}\b"
    if at_clause_end:
        return (rf"\b{alternation(verbs)}\b(?=(?:[^,.;:]|(?<=\d)[.,](?=\d)|{_INSERT})*"
                rf"{particle}\s*[,.;:])")
    return rf"\b{alternation(verbs)}\b(?=[^,.;:]*{particle})"


_SPEECH_VERB = re.compile("|".join(
    [rf"\b{alternation(_LEX.speech_finite | _LEX.speech_participles)}\b"]
    + [_separable(s.verbs, s.particles, s.particle_at_clause_end) for s in _LEX.separable]))
# to skip sentences without any speech verb cheaply (by the last word of "bekannt gegeben")
_SPEECH_WORDS = frozenset(w.split()[-1] for w in _LEX.speech_words)
_WORDS = re.compile(r"[^\W\d_]+")
_AUX = re.compile(rf"\b{alternation(_LEX.perfect_auxiliaries)}\b")
_PARTICIPLE = _LEX.speech_participles
_FINITE = _LEX.speech_finite
# the speaker after the verb, maybe past when ("teilte am Montag die Armee mit", "erklärte
# zudem der Sprecher")
_WHEN = (rf"(?:{alternation(_LEX.sentence_adverbs)}"
         rf"|{alternation(_PREPOSITIONS)}\s+{alternation(_LEX.weekdays, ignore_case=True)}\w*)")
_NP_AFTER = re.compile(rf"(?:\s+{_WHEN}\b)*\s+(?P<src>{_NP})")
# a locative preposition right before a noun phrase: the phrase is where, not who
_LOCATIVE_BEFORE = re.compile(rf"\b{alternation(_LOCATIVE, ignore_case=True)}\s+$")
# the speaker right before the verb, maybe with a name in commas after it ("Der Gouverneur des
# Gebiets Belgorod, Wjatscheslaw Gladkow, sprach von ...")
_NP_BEFORE = re.compile(rf"(?P<src>{_NP})(?:,\s*(?P<name>{_CAP}(?:\s+{_CAP})*),)?\s+$")
_PRONOUNS = _LEX.speaker_pronouns
# the name in commas after a speaker's office: "der Gouverneur des Gebiets, Oleh Synjehubow,";
# a name has two to four words, the later ones may start with a particle ("Aschraf al-Kudra")
# (also after more of the office: "der Leiter der Militärverwaltung von Charkiw, Oleh ...,")
_APPOSED = re.compile(rf"(?:\s+{_LINK}\s+[^,.;:()]{{1,40}}?)?,\s*"
                      rf"(?P<name>{_CAP}(?:[^\S\n]+(?:{_CAP}|[a-z]{{1,3}}-[A-ZÄÖÜ][\w\-]*)){{1,3}}),")
# weekdays, months, pronouns and the adverbs that open a sentence before an inverted subject
# ("Insgesamt beziffert der Generalstab ...") are never the source
_NOT_SOURCES = (_LEX.weekdays | frozenset(_LEX.months) | _LEX.periods | _LEX.sentence_adverbs
                | _LEX.not_sources)
_REPORTED = re.compile(rf"\b{alternation(_LEX.reported_speech, ignore_case=True)}\b")
_CONTINUING = re.compile(
    rf"^[„\"»]?(?:{alternation(_LEX.continuing, ignore_case=True)}"
    rf"|{alternation(_LEX.continuing_articles, ignore_case=True)}\s+"
    rf"{alternation(_LEX.continuing_subjects, ignore_case=True)})\b")
# a clause ends at a comma before a lower-case word or before a number ("starben 32 Menschen,
# 80 weitere wurden verletzt": what happened to the 32 is not what happened to the 80)
_CLAUSE_END = re.compile(r"[;:()–—]|,(?=\s*[„\"»]?[a-zäöüß]|\s+\d)")
# a comma before a capitalised preposition is a missed full stop ("... erlag, Nach Angaben der
# Verwaltung handelte es sich ..."): a frame on one side says nothing of the other
_MISSED_STOP = re.compile(rf",(?=\s+[A-ZÄÖÜ])(?=\s+{alternation(_PREPOSITIONS, ignore_case=True)}\s)")
# an acronym in brackets after a body's name: "Nationale Geheimdienst (NIS)"
# "Hamas-geführten", "russisch-kontrollierte": who leads the body, not its name
_LED_BY = re.compile(rf"[\w]+-(?:ge[a-zäöüß]+t|[a-zäöüß]+iert){alternation(_ADJ_ENDINGS)}")
_ACRONYM_AFTER = re.compile(r"\s*\([A-ZÄÖÜ]{2,8}\)\s*$")
# the rest of a speech frame up to a colon that opens what is said: "sagte der Sprecher:"
_TO_COLON = re.compile(r"[^,;.:„“\"]{0,60}:")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_GROUP_SIZE = re.compile(rf"(?:^|\s)(?P<before>[\w-]*)\s+{alternation(_LEX.group_size_before)}\s+$")
_MILITARY_UNITS = frozenset(_LEX.military_units)
_YEAR_CUES = _LEX.year_cues | frozenset(_LEX.months)
# "ein Mensch getötet", "Ein Toter": the indefinite article counts one when what follows is a
# casualty; it is read only there (see _Reader._singulars)
_ONE = re.compile(rf"\b{alternation(_LEX.one, ignore_case=True)}\b")
_ADDITIVE = re.compile(rf"\s+{alternation(_LEX.additive, ignore_case=True)}\b")
_OPENS_ADDITIVE = re.compile(rf"^\W*(?:\S+\s+)?{alternation(_LEX.additive, ignore_case=True)}\b")
# "Wie die Polizei mitteilt, ...": a report that opens a sentence goes on from the one before
_OPENS_AS_REPORTED = re.compile(rf"^[„\"»]?{alternation(_LEX.as_reported, ignore_case=True)}\s+"
                                rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?[^,.;:]*?"
                                rf"\b{alternation(_LEX.wie_verbs)},")
_POINTING_BACK = re.compile(rf"^\W*{alternation(_LEX.pointing_back, ignore_case=True)}\s+")
_CONFLICT = re.compile(rf"\b[^\W\d_]*?{alternation(_LEX.conflict_words, ignore_case=True)}")
_CONFLICT_PARTS = tuple(sorted({form for w in _LEX.conflict_words
                                 for form in spellings(w.removesuffix("*"))}))
# the attack a demonym's troops carry out: "Beschuss russischer Soldaten", "Angriffen der
# russischen Armee"
_ATTACKER_BEFORE = re.compile(
    rf"{_CONFLICT.pattern}\w*\s+(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
    rf"(?:[a-zäöüß]+{alternation(_ADJ_ENDINGS)}\s+)*$")
# the actor cues (data/lexicon/actor_cues.json)
_BOTH_SIDES = re.compile(rf"\b{alternation(_LEX.both_sides, ignore_case=True)}\b")
_POSSESSIVE = re.compile(rf"\b{alternation(_LEX.possessives, ignore_case=True)}\s+([^\W\d_][\w-]*)")
_SUBJECT_PRONOUN = re.compile(rf"\b{alternation(_LEX.subject_pronouns, ignore_case=True)}\b")
_OPENS_SUBJECT = re.compile(rf"\W*(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?")
# lowercase only: "die Verletzten" is a noun, "verletzte" the verb
_AGENT_FINITE = re.compile(rf"\b{alternation(_LEX.agent_finite)}\b")
_AGENT_AUX = re.compile(rf"\b{alternation(_LEX.agent_auxiliaries)}\b")
_AGENT_PARTICIPLE = re.compile(rf"\b{alternation(_LEX.agent_participles)}\b")
_PASSIVE = re.compile(r"\bworden\b")
# a capitalised word right after a name: "Israels Armee" (the name is a genitive possessor)
_NOUN_AFTER = re.compile(r"[^\S\n]+[A-ZÄÖÜ][a-zäöüß]")
_FURTHER = re.compile(rf"\b{alternation(_LEX.further, ignore_case=True)}\b")
# a road or route name ("auf der A 38", "B 31"): one capital letter right before the number
_DESIGNATOR = re.compile(r"(?<![\w.])[A-ZÄÖÜ]\s?$")


def _category_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """The words a sentence needs before its numbers are read: category nouns and measure or
    people words (exact, or as the end of a compound), and the last word of each predicate,
    deployment, count, loss and area phrase (as a word start where the phrase allows any
    ending). A wider net than the rules, so that no figure is lost."""
    exact = set(_NOUN_CATEGORY) | _TROOP_WORDS | _PEOPLE_WORDS
    prefixes = []
    for phrases in (*_LEX.predicates.values(), _LEX.deployment, _LEX.count_nouns,
                    _LEX.loss_nouns, _LEX.victim_nouns, _LEX.area_units):
        for phrase in phrases:
            last = _WORDS.findall(phrase)[-1]
            if phrase.endswith("*"):
                prefixes.append(last)
            else:
                exact.add(last)
    return frozenset(exact), tuple(prefixes)


_CATEGORY_EXACT, _CATEGORY_PREFIXES = _category_vocabulary()
_CATEGORY_SUFFIXES = tuple(_NOUN_CATEGORY)

@dataclass
class _Head:
    """What a number counts, and the stretch of text that is its noun phrase."""

    category: Category | None
    np_end: int  # end of the head noun (== number end when there is none)
    military: bool = False  # soldiers, troops: the article's usual actor applies
    kind: str = "none"  # "noun" (a counted noun), "other" (not people), "none" (no noun)
    actor: str | None = None


class _Sentence:
    """One sentence and what figures need of it, computed only when asked for."""

    def __init__(self, reader: _Reader, index: int, sentence: Sentence) -> None:
        self.reader = reader
        self.index = index
        self.sentence = sentence
        self.text = reader.prose[sentence.start:sentence.end]
        self.figures: list[Figure] = []

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        return self.reader._clauses(self.sentence, self.text)

    @cached_property
    def places(self) -> list[Mention]:
        """The locative place mentions."""
        return self.reader._locative_places(self.sentence)

    @cached_property
    def frames(self) -> list[tuple[int, str, bool, int]]:
        """(offset, source, is an attribution, where what it covers begins)."""
        return self.reader._frames(self)

    @cached_property
    def continues(self) -> bool:
        """Starts with words that point back ("Daraufhin", "Die Opfer", "Sie")."""
        return bool(_CONTINUING.match(self.text))

    @cached_property
    def carried_source(self) -> str | None:
        """The source of the sentence before, when this one continues it or goes on in
        reported speech ("„Mindestens 10.000“ seien ...") without a frame of its own."""
        if self.index == 0 or self.frames or not (self.continues or _REPORTED.search(self.text)):
            return None
        before = self.reader.ctx[self.index - 1]
        return before.frames[-1][1] if before.frames else before.carried_source


def extract_figures(article: Article, sentences: list[Sentence], mentions: list[Mention],
                    actors: list[Actor]) -> list[Figure]:
    """Every troop, casualty and area figure in the article, in text order."""
    return _Reader(article, sentences, mentions, actors).run()


class _Reader:
    """One article's figures; holds what the sentences share."""

    def __init__(self, article: Article, sentences: list[Sentence], mentions: list[Mention],
                 actors: list[Actor]) -> None:
        self.article = article
        self.prose = article.prose
        self.ctx = [_Sentence(self, i, s) for i, s in enumerate(sentences)]
        self.places = sorted((m for m in mentions if m.role == "place"), key=lambda m: m.start)
        self.country_of = {m.place.place_id: m.place.country_code for m in self.places}
        self.place_starts = [m.start for m in self.places]
        self.actors = sorted(actors, key=lambda a: a.start)
        self.actor_starts = [a.start for a in self.actors]

    def run(self) -> list[Figure]:
        """Sentences in order (a sentence may lean on the figures of the one before); numbers
        are looked for only in sentences that hold a digit or number word and may count
        something, which most do not."""
        read: list[int] = []
        # the article's words of what figures count, found once: a sentence without any of
        # them (most) is passed over with a few substring tests
        self.count_words = _category_words(self.prose)
        if not self.count_words:
            return []
        for ctx in self.ctx:
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
                before = self.ctx[ctx.index - 1] if ctx.index else None
                ctx.figures = self._figures(ctx, quantities, before)
                read.append(ctx.index)
        self._carry_places_back(read)
        self._carry_sources_back(read)
        self._civilians_of_the_place(read)
        return [f for i in read for f in self.ctx[i].figures]

    def _singulars(self, ctx: _Sentence, found: list[Quantity]) -> list[Quantity]:
        """ "ein", "eine", "einer" outside a number ("eine Million") as a candidate count of
        one; _figures keeps it only before a casualty noun phrase."""
        start = ctx.sentence.start
        return [Quantity(start + m.start(), start + m.end(), 1, 1, "exact", False, False)
                for m in _ONE.finditer(ctx.text)
                if not any(q.start <= start + m.start() < q.end for q in found)]

    def _may_count(self, ctx: _Sentence) -> bool:
        """A word of what figures count (see _category_vocabulary), or a sentence that goes on
        from one with figures and may borrow their noun ("„Mindestens 500“ seien es")."""
        before = self.ctx[ctx.index - 1] if ctx.index else None
        if before is not None and before.figures and \
                (ctx.continues or _REPORTED.search(ctx.text)):
            return True
        return any(w in ctx.text for w in self.count_words)

    # --- sentence context ---------------------------------------------------------------

    def _clauses(self, sentence: Sentence, text: str) -> list[tuple[int, int]]:
        cuts = [sentence.start] + [sentence.start + m.start() for m in _CLAUSE_END.finditer(text)]
        cuts.append(sentence.end)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]

    def _locative_places(self, sentence: Sentence) -> list[Mention]:
        lo = bisect_left(self.place_starts, sentence.start)
        hi = bisect_left(self.place_starts, sentence.end)
        chosen: list[Mention] = []
        for m in self.places[lo:hi]:
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
                (words[-1] == "," or words[-1].casefold() in _LEX.list_joiners):
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

    def _frames(self, ctx: _Sentence) -> list[tuple[int, str, bool, int]]:
        """Who says what in this sentence: (offset, source, is an attribution, where what it
        covers begins), in order. A speaker before a colon says what follows it ("sagte Lee:
        „...“"), not the figures before."""
        sentence, text = ctx.sentence, ctx.text
        frames = []
        for m in _attributions(text):
            group = m.lastgroup or "src"
            if group == "dash" and self._place_in(sentence.start + m.start(group),
                                                   sentence.start + m.end(group)):
                continue  # "Fünf Tote bei Angriff - Charkiw"
            apposed = _APPOSED.match(text, m.end(group))
            src = apposed.group("name") if apposed else _clean_source(m.group(group))
            if group == "said" and src and src.casefold() in _LEX.nach_nouns:
                src = self._last_source(ctx.index)
            if src:
                frames.append((sentence.start + m.start(m.lastgroup or "src"), src, True,
                               sentence.start))
        words = _WORDS.findall(text)
        for m in _SPEECH_VERB.finditer(text) if not _SPEECH_WORDS.isdisjoint(words) else ():
            src = self._speaker(ctx, m)
            if src:
                colon = _TO_COLON.match(text, m.end())
                frames.append((sentence.start + m.start(), src, False,
                               sentence.start + colon.end() if colon else sentence.start))
        return sorted(frames)

    def _speaker(self, ctx: _Sentence, verb: re.Match[str]) -> str | None:
        text = ctx.text
        before = text[:verb.start()]
        if _NEGATED.search(before):
            return None  # "nicht angab"
        anchor = verb
        if verb.group() in _PARTICIPLE:
            # the verb bracket may hold a long object ("hat der Geheimdienst seine
            # Einschätzung ... nach einer Sitzung des Ausschusses bekannt gegeben")
            auxiliaries = list(_AUX.finditer(text, max(0, verb.start() - 300), verb.start()))
            if auxiliaries:
                anchor = auxiliaries[-1]
            elif verb.group() not in _FINITE:  # "beziffert" is both
                return None
        before = text[:anchor.start()]
        candidates = []
        m = _np_before(before)
        # the speaker by the name an apposition gives ("Der Gouverneur des Gebiets,
        # Wjatscheslaw Gladkow, sprach"): a person is known by name, the office changes hands
        named = m.group("name") if m and m.group("name") else None
        if m and _SUBJECT_BEFORE.search(before[:m.start()]):
            candidates.append(named or m.group("src"))
        after = _NP_AFTER.match(text, anchor.end())
        if after:
            apposed = _APPOSED.match(text, after.end())
            candidates.append(apposed.group("name") if apposed else after.group("src"))
        if m:
            candidates.append(named or m.group("src"))
        for raw in candidates:
            if raw.split(maxsplit=1)[0].casefold() in _PREPOSITIONS:
                continue  # "Im Gebiet Cherson meldete die Verwaltung": a place, no speaker
            src = _clean_source(raw)
            if src and src.casefold() in _PRONOUNS:
                return self._last_source(ctx.index)
            if src:
                return src
        return None

    def _last_source(self, index: int) -> str | None:
        """Who "er" or "sie" is: the last source named before this sentence."""
        for ctx in reversed(self.ctx[:index]):
            if ctx.frames:
                return ctx.frames[-1][1]
        return None

    # --- figures ------------------------------------------------------------------------

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

    def _figures(self, ctx: _Sentence, quantities: list[Quantity],
                 before: _Sentence | None) -> list[Figure]:
        heads = [self._head(ctx, q) for q in quantities]
        figures: list[Figure] = []
        for k, (q, own) in enumerate(zip(quantities, heads)):
            head: _Head | None = own
            if self._is_singular(q) and not (own.kind == "noun" and
                                             own.category not in (None, "troops")):
                continue  # "ein Soldat sagte", "ein Angriff": no count
            if q.area:
                head = _Head("area_km2", q.end, kind="noun")
            elif own.kind == "none":
                head = self._borrowed_head(ctx, q, quantities, heads, k, figures, before)
            if head is None or head.category is None or _looks_like_year(q, head) or \
                    self._group_size(q, head):
                continue
            category: Category = head.category
            if category == "troops" and self._losses_before(ctx, q):
                category = "casualties"  # "Verluste von 150 Mann"
            fig = self._figure(ctx, q, head, category, heads, quantities)
            if fig.actor is None:
                fig = replace(fig, actor=self._whole_actor(ctx, q, figures))
            figures.append(fig)
            derived = self._per_unit_total(ctx, fig)
            if derived is not None:
                figures.append(derived)
        return figures

    def _is_singular(self, q: Quantity) -> bool:
        return q.end - q.start <= 5 and _ONE.fullmatch(self.prose, q.start, q.end) is not None

    def _group_size(self, q: Quantity, head: _Head) -> bool:
        """ "spielten zu 10 Mann": how big a group is, not how many troops there are
        (unless units are counted: "Kompanien zu 100 Mann")."""
        noun = self.prose[q.end:head.np_end].split()
        if head.kind != "noun" or not noun or noun[-1].casefold() not in _TROOP_WORDS:
            return False
        m = _GROUP_SIZE.search(self.prose, max(0, q.start - 40), q.start)
        return m is not None and m.group("before").casefold() not in _MILITARY_UNITS

    def _losses_before(self, ctx: _Sentence, q: Quantity) -> bool:
        """ "Verluste von 150 Mann", "beziffert die Verluste auf über 720.000 Mann"."""
        if _LOSSES_BEFORE.search(self.prose, max(0, q.start - 30), q.start):
            return True
        lo, _ = self._clause(ctx, q.start)
        return bool(_LOSSES_ON.search(self.prose, lo, q.start))

    def _head(self, ctx: _Sentence, q: Quantity) -> _Head:
        """The noun the number counts, skipping participles and pre-nominal phrases."""
        tokens = _TOKEN.finditer(self.prose, q.end, ctx.sentence.end)
        in_phrase = in_name = False
        words = 0
        joined = False  # only a list joiner so far: "45 und 50 Jahren" share the noun
        for tok in tokens:
            word = tok.group()
            key = word.casefold()
            if joined and word[0].isdigit():
                joined = False
                continue
            joined = words == 0 and key in _LEX.list_joiners
            # a dash between spaces ends the phrase as a comma does ("2.700 verwundet - Quelle")
            if word[0].isdigit() or (not word[0].isalnum() and word != "-") or \
                    (word == "-" and self.prose[tok.start() - 1].isspace()):
                return _Head(None, q.end, kind="other" if key in _UNITS else "none")
            if key in _UNITS:
                return _Head(None, q.end, kind="other")
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
        return _Head(None, q.end)

    def _noun(self, ctx: _Sentence, q: Quantity, tok: re.Match[str]) -> _Head:
        key = tok.group().casefold()
        np_text = self.prose[q.end:tok.end()]
        category = _noun_category(key)
        people = self._people_actor(tok.start(), tok.end())
        if category is None and key not in _TROOP_WORDS and \
                key.rsplit("-", 1)[-1] not in _PEOPLE_WORDS and people is None:
            return _Head(None, tok.end(), kind="other")
        military = category == "troops" or key in _TROOP_WORDS
        predicate = _predicate(np_text) or self._clause_predicate(ctx, q.start, tok.end())
        clause = self._clause_text(ctx, q.start)
        among = _AMONG.match(clause)
        # a sentence that opens with "Darunter" picks from the last figure before it
        whole = self._whole_before(ctx) if among and ctx.text.startswith(clause) else None
        if among:  # the clause's verb is the sentence's
            clause = ctx.text
            predicate = predicate or _predicate(ctx.text)
        # "Unter den Toten sind drei Kinder": the marker's own noun says what they are
        named = _noun_category(among.group().split()[-1].casefold()) if among else None
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
                return _Head(None, tok.end(), kind="other")
        return _Head(category, tok.end(), military, "noun", people)

    def _whole_before(self, ctx: _Sentence) -> Figure | None:
        """The figure a sentence that opens with "Darunter" or "Unter ihnen" picks from."""
        before = self.ctx[ctx.index - 1].figures if ctx.index else []
        return before[-1] if before else None

    def _people_actor(self, start: int, end: int) -> str | None:
        for a in self._actors_in(start, end):
            if actor_kind(a) == "people":
                return a.country_code
        return None

    def _clause_predicate(self, ctx: _Sentence, start: int, end: int) -> Category | None:
        """What happened, in the figure's clause or, past an inserted subset ("drei Personen,
        darunter zwei Polizisten, schwer verletzt"), in the clause that goes on after it."""
        lo, hi = self._clause(ctx, start)
        after = _nearest_predicate(self.prose[end:hi], first=True)
        before = _nearest_predicate(self.prose[lo:start], first=False)
        # "tötete ... einen Palästinenser und verletzte zwei weitere": a verb after "und" has
        # an object of its own; the verb before the figure is the figure's
        found = (before if after is not None and after[1] and before is not None else
                 (after or before))
        if found is not None:
            return found[0]
        if hi < ctx.sentence.end and _AMONG.match(self._clause_text(ctx, hi)):
            _, rest = self._clause(ctx, hi)
            if rest < ctx.sentence.end:
                return _predicate(self._clause_text(ctx, rest))
        return None

    def _borrowed_head(self, ctx: _Sentence, q: Quantity, quantities: list[Quantity],
                       heads: list[_Head], k: int, figures: list[Figure],
                       before: _Sentence | None) -> _Head | None:
        """A number without a noun counts what a neighbouring figure counts."""
        partitive = _PARTITIVE.match(self.prose, q.end)
        if partitive and k + 1 < len(quantities) and \
                partitive.end() >= quantities[k + 1].start - 12:
            nxt = heads[k + 1]
            if nxt.kind == "noun":
                return _Head(nxt.category, q.end, nxt.military, "borrowed",
                             self._np_actor(quantities[k + 1].end, nxt.np_end) or nxt.actor)
        lo, _ = self._clause(ctx, q.start)
        zahl = self._zahl_head(lo, q.start, q)
        if zahl is not None:
            return zahl
        last = figures[-1] if figures else None
        goes_on = before is not None and bool(ctx.continues or _REPORTED.search(ctx.text)
                                              or _ADDITIVE.match(self.prose, q.end))
        if last is None and before is not None and goes_on:
            if not before.figures:
                # "Der Geheimdienst nennt Zahlen zu Soldaten. Etwa 600 wurden demnach getötet."
                zahl = self._zahl_head(before.sentence.start, before.sentence.end, q)
                return zahl and replace(
                    zahl, category=self._clause_predicate(ctx, q.start, q.end) or zahl.category)
            last = before.figures[-1]  # "15 Menschen getötet. 16 weitere wurden verletzt"
        if last is None:
            return None
        category = self._clause_predicate(ctx, q.start, q.end) or last.category
        # soldiers if the figure it leans on was ("sieben Menschen getötet und 20 verletzt"
        # are not the article's usual troops)
        military = last.actor is not None or last.category == "troops"
        return _Head(category, q.end, military, "borrowed", last.actor)

    def _zahl_head(self, lo: int, hi: int, q: Quantity) -> _Head | None:
        """ "die Zahl der nordkoreanischen Soldaten ... 15.000" (between lo and hi)."""
        for m in _ZAHL.finditer(self.prose, lo, hi):
            for w in re.finditer(r"[\w-]+", m.group("np")):
                category = _noun_category(w.group().casefold())
                if category is not None:
                    end = m.start("np") + w.end()
                    if w.group()[0].islower():  # "der getöteten Palästinenser": up to the noun
                        noun = _CAPITALISED.search(self.prose, end, m.end("np"))
                        end = noun.end() if noun else end
                    return _Head(category, q.end, category == "troops", "borrowed",
                                 self._np_actor(m.start("np"), end))
        return None

    def _figure(self, ctx: _Sentence, q: Quantity, head: _Head, category: Category,
                heads: list[_Head], quantities: list[Quantity]) -> Figure:
        return Figure(
            article=self.article.id, start=q.start, end=q.end,
            text=self.article.text[q.start:q.end], low=q.low, high=q.high,
            qualifier=q.qualifier, vague=q.vague, derived=False, category=category,
            actor=self._actor(ctx, q, head, category), source=self._source(ctx, q),
            place_ids=self._place_ids(ctx, q, head, heads, quantities),
            sentence=ctx.sentence)

    def _per_unit_total(self, ctx: _Sentence, fig: Figure) -> Figure | None:
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

    # --- actor --------------------------------------------------------------------------

    def _actor(self, ctx: _Sentence, q: Quantity, head: _Head, category: Category) -> str | None:
        if head.category == "area_km2":
            lo, _ = self._clause(ctx, q.start)
            near = [a for a in self._actors_in(lo, q.start) if actor_kind(a) != "country"]
            return near[-1].country_code if near else self._subject_actor(ctx, q)
        own = (self._np_actor(q.end, head.np_end) or head.actor
               or self._trailing_actor(head.np_end, ctx.sentence.end))
        if own or category == "captured":
            # prisoners are not the subject's ("Russland hat 300 Soldaten gefangen genommen")
            # nor, in an exchange, the article's usual side: only their own demonym says whose
            return own
        lo, hi = self._clause(ctx, q.start)
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
        for a in self._actors_in(lo, hi):
            nxt = _TOKEN.search(self.prose, a.end)
            if actor_kind(a) in ("adjective", "prefix") and nxt is not None and \
                    nxt.group().casefold() in _LEX.side_nouns:
                return a.country_code
        return None

    def _owner_actor(self, ctx: _Sentence, q: Quantity, head: _Head, category: Category,
                     lo: int, hi: int) -> str | None:
        """Whose "40 ihrer Soldaten" or "30 Tote unter ihren Soldaten" are, or whose losses in
        "Dabei verlor es 1.200 Soldaten": the nearest actor named before in the sentence, else
        the subject the sentence before opens with."""
        after = self.prose[q.end:min(hi, head.np_end + 40)]
        possessive = any(_counts_people(m.group(1)) for m in _POSSESSIVE.finditer(after))
        # only with losses: "sind es 11.000 Soldaten", "gab es 12 Tote" have a dummy "es"
        pronoun = category == "casualties" and \
            _SUBJECT_PRONOUN.search(self.prose, lo, q.start) is not None
        if not (possessive or pronoun):
            return None
        before = self._actors_in(ctx.sentence.start, q.start)
        if before:
            return before[-1].country_code
        if ctx.index:
            start = self.ctx[ctx.index - 1].sentence.start
            for a in self._actors_in(start, ctx.sentence.start)[:1]:
                if _OPENS_SUBJECT.fullmatch(self.prose, start, a.start):
                    return a.country_code
        return None

    def _agent_clause(self, q: Quantity, head: _Head, lo: int, hi: int) -> bool:
        """ "Russland tötete 12 Zivilisten", "Israel hat 20 Kämpfer getötet": the clause's
        subject is who killed or wounded the people counted (a finite verb outside the
        figure's noun phrase, or a participle after "hat" in the active voice)."""
        if _AGENT_FINITE.search(self.prose, lo, q.start) or \
                _AGENT_FINITE.search(self.prose, head.np_end, hi):
            return True
        return bool(_AGENT_AUX.search(self.prose, lo, q.start)
                    and _AGENT_PARTICIPLE.search(self.prose, head.np_end, hi)
                    and not _PASSIVE.search(self.prose, lo, hi))

    def _whole_actor(self, ctx: _Sentence, q: Quantity, figures: list[Figure]) -> str | None:
        """A figure its clause picks out of the one before ("34.970 Palästinenser getötet,
        darunter 14.685 Kinder"; "4.700 Opfer habe es darunter gegeben, davon 600 Tote") counts
        the same side's people."""
        clause = self._clause_text(ctx, q.start)
        if not _SUBSET_WORD.search(clause):
            return None
        if figures:
            return figures[-1].actor
        whole = self._whole_before(ctx) if _AMONG.match(ctx.text) else None
        return whole.actor if whole is not None else None

    def _np_actor(self, start: int, end: int) -> str | None:
        for a in self._actors_in(start, end):
            if actor_kind(a) != "country":
                return a.country_code
        return None

    def _trailing_actor(self, start: int, limit: int) -> str | None:
        """ "Verluste auf russischer Seite", "Soldaten aus Nordkorea", "Truppen Kiews"."""
        for a in self._actors_in(start, min(limit, start + 40)):
            between = self.prose[start:a.start].split()
            if all(w.casefold() in _LEX.actor_links for w in between):
                return a.country_code
            return None
        return None

    def _subject_actor(self, ctx: _Sentence, q: Quantity) -> str | None:
        """ "dass Nordkorea 10.000 Soldaten ... geschickt habe", "Die Ukraine verlor 300
        Soldaten"; "Nach ukrainischen Angaben hat Russland ... 1.250 Soldaten verloren" (the
        subject after the finite verb)."""
        lo, _ = self._clause(ctx, q.start)
        for a in reversed(self._actors_in(lo, q.start)):
            before = self.prose[lo:a.start]
            if actor_kind(a) == "country" and (_SUBJECT_ARTICLE_BEFORE.search(before)
                                               or _FINITE_BEFORE.search(before)):
                return a.country_code
        return None

    def _losses_actor(self, ctx: _Sentence, q: Quantity) -> str | None:
        """ "gab die russischen Verluste ... mit 700.000 Soldaten an": whose losses, troops or
        soldiers the clause named before the number; a headline's clause after a colon goes on
        from the one before it ("Nordkoreanische Truppen schwer getroffen: 100 Tote") unless
        that one tells of an attack. Troops named as who attacked ("bei einem Beschuss
        russischer Soldaten starben fünf Menschen") are not whose people died."""
        lo, _ = self._clause(ctx, q.start)
        if self.prose.startswith(":", lo) and lo > ctx.sentence.start:
            before, _ = self._clause(ctx, lo - 1)
            if not _CONFLICT.search(self.prose, before, lo):
                lo = before
        for a in reversed(self._actors_in(lo, q.start)):
            if actor_kind(a) in ("adjective", "prefix") and \
                    (self._category_after(a) in ("troops", "casualties") or self._unit_after(a)) \
                    and not _ATTACKER_BEFORE.search(self.prose, max(lo, a.start - 60), a.start):
                return a.country_code
        return None

    def _place_in(self, start: int, end: int) -> bool:
        i = bisect_left(self.place_starts, start)
        return i < len(self.place_starts) and self.place_starts[i] < end

    def _actors_in(self, start: int, end: int) -> list[Actor]:
        return self.actors[bisect_left(self.actor_starts, start):
                           bisect_left(self.actor_starts, end)]

    @cached_property
    def usual_actor(self) -> str | None:
        """Whose soldiers the article is about: the commonest demonym on a military noun."""
        votes: Counter[str] = Counter()
        for a in self.actors:
            kind = actor_kind(a)
            if kind == "people":
                votes[a.country_code] += 1
            elif kind in ("adjective", "prefix") and self._category_after(a) == "troops":
                votes[a.country_code] += 1
        return votes.most_common(1)[0][0] if votes else None

    def _unit_after(self, a: Actor) -> bool:
        """ "die nordkoreanischen Einheiten verloren 300 Mann": a military unit after it."""
        nxt = _TOKEN.search(self.prose, a.end)
        return nxt is not None and nxt.group().casefold() in _MILITARY_UNITS

    def _category_after(self, a: Actor) -> Category | None:
        """What the noun right after a demonym adjective counts: "russischen Verluste"."""
        nxt = _TOKEN.search(self.prose, a.end)
        return _noun_category(nxt.group().casefold()) if nxt else None

    # --- source and places --------------------------------------------------------------

    def _source(self, ctx: _Sentence, q: Quantity) -> str | None:
        """An attribution in the figure's clause, else the nearest frame in the sentence
        (attributions first), else the frame of the sentence this one continues."""
        start, end = ctx.sentence.start, ctx.sentence.end
        for stop in _MISSED_STOP.finditer(self.prose, start, end):
            if stop.start() < q.start:
                start = stop.start()
            else:
                end = min(end, stop.start())
        frames = [f for f in ctx.frames if start <= f[0] < end and f[3] <= q.start]
        lo, hi = self._clause(ctx, q.start)
        own = [src for offset, src, attribution, _ in frames if attribution and lo <= offset < hi]
        if own:
            return own[0]
        for wanted in (True, False):
            kind = [f for f in frames if f[2] == wanted]
            if kind:
                return min(kind, key=lambda f: (abs(f[0] - q.start), f[0] > q.start))[1]
        return ctx.carried_source

    def _place_ids(self, ctx: _Sentence, q: Quantity, head: _Head, heads: list[_Head],
                   quantities: list[Quantity]) -> tuple[str, ...]:
        """Places in the figure's noun phrase, else its clause (with a relative clause that
        follows it), else the sentence's places that no other figure claims."""
        own = [m for m in ctx.places if q.end <= m.start < head.np_end]
        if own:
            return _ids(own)
        taken = []
        for other, other_head in zip(quantities, heads):
            if other is not q:
                taken.append((other.end, other_head.np_end))
                _, end = self._clause(ctx, other.start)
                taken.append((end, self._relative_clause_end(ctx, end)))
        free = [m for m in ctx.places if not any(a <= m.start < b for a, b in taken)]
        lo, hi = self._clause(ctx, q.start)
        hi = self._relative_clause_end(ctx, hi)
        in_clause = [m for m in free if lo <= m.start < hi]
        return _ids(in_clause or free)

    def _relative_clause_end(self, ctx: _Sentence, hi: int) -> int:
        """A relative clause right after a figure's clause belongs to it ("Soldaten, die
        nach Russland eingereist seien")."""
        if _RELATIVE.match(self.prose, hi, hi + 12):
            for a, b in ctx.clauses:
                if a == hi:
                    return b
        return hi

    def _carry_places_back(self, indices: list[int]) -> None:
        """Figures without a place take those of a sentence that continues or is continued."""
        for i in indices:
            ctx = self.ctx[i]
            for j, fig in enumerate(ctx.figures):
                if fig.place_ids:
                    continue
                ids: tuple[str, ...] = ()
                if i and ctx.continues:
                    ids = _ids(self.ctx[i - 1].places)
                if not ids and i + 1 < len(self.ctx) and self.ctx[i + 1].continues:
                    ids = _ids(self.ctx[i + 1].places)
                if ids:
                    ctx.figures[j] = replace(fig, place_ids=ids)

    def _carry_sources_back(self, indices: list[int]) -> None:
        """A source named in the sentence after: "... auf acht gestiegen. Das teilte die
        Staatsanwaltschaft mit." (back over reported speech: "150 Soldaten seien ...
        zurückgekehrt. Im Gegenzug habe Moskau ... übergeben. Das teilte ... mit."), "teilte
        weiter mit", a sentence that goes on ("15 Menschen getötet. 16 weitere wurden
        verletzt, teilte der Gouverneur mit") or opens with the report ("Ein Unfall forderte
        ein Todesopfer. Wie die Polizei mitteilt, ..."). Only figures whose sentence names no
        source."""
        for i in indices:
            if i + 1 >= len(self.ctx) or not self.ctx[i].figures:
                continue
            after = self.ctx[i + 1]
            opener = _POINTING_BACK.match(after.text)
            # "Das teilte ... mit", "Dies hatte ... mitgeteilt"; not "Das Ministerium teilte"
            back = opener is not None and bool(_SPEECH_VERB.match(after.text, opener.end())
                                               or _AUX.match(after.text, opener.end()))
            goes_on = back or bool(_FURTHER.search(after.text) or after.continues
                                   or _OPENS_ADDITIVE.match(after.text))
            # a report that opens the next sentence names no source over a carried one
            opens_report = _OPENS_AS_REPORTED.match(after.text) is not None
            if not (goes_on or opens_report) or not after.frames or self.ctx[i].frames:
                continue
            # the source a report relies on before the outlet ("Dies berichtete AP unter
            # Berufung auf Rettungskräfte")
            source = min(after.frames, key=lambda f: not f[2])[1]
            j = i
            while j >= 0 and not self.ctx[j].frames:
                ctx = self.ctx[j]
                ctx.figures = [replace(f, source=source) if goes_on or f.source is None else f
                               for f in ctx.figures]
                if not back or j == i - 2 or not _REPORTED.search(ctx.text):
                    break
                j -= 1

    def _civilians_of_the_place(self, indices: list[int]) -> None:
        """People hit in a war without a demonym of their own ("bei einem russischen Angriff
        auf Charkiw wurden 15 Menschen getötet") are counted for the country where they were
        hit, when the figure's places (else the scene: see _scene) lie in one country and the
        sentence, the one before or the article speaks of the fighting; an accident's victims
        stay without actor, and so do prisoners and hostages, who are taken away from where
        they were caught, and the dead "auf beiden Seiten"."""
        for i in indices:
            ctx = self.ctx[i]
            if all(f.actor is not None for f in ctx.figures) or not (
                    _CONFLICT.search(ctx.text) or (i and _CONFLICT.search(self.ctx[i - 1].text))
                    or self.war_news):
                continue
            for j, fig in enumerate(ctx.figures):
                if fig.actor is not None or fig.category in ("troops", "area_km2", "captured") \
                        or _BOTH_SIDES.search(self.prose, *self._clause(ctx, fig.start)):
                    continue
                countries = ({self.country_of.get(p) or None for p in fig.place_ids}
                             if fig.place_ids else self._scene(i))
                if len(countries) == 1 and None not in countries:
                    ctx.figures[j] = replace(fig, actor=countries.pop())

    @cached_property
    def war_news(self) -> bool:
        """Conflict words in two sentences or more: the article reports on a war, and its
        figures far from those words ("Zwei weitere Menschen wurden verletzt") are war
        casualties too."""
        low = self.prose.lower()  # substrings in C: the word-part regex is slow on a whole text
        starts = [c.sentence.start for c in self.ctx]
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
        for ctx in reversed(self.ctx[:index + 1]):
            lo = bisect_left(self.place_starts, ctx.sentence.start)
            hi = bisect_left(self.place_starts, ctx.sentence.end)
            countries = {m.place.country_code or None for m in self.places[lo:hi]
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
        for a in self._actors_in(sentence.start, sentence.end):
            if a.start > sentence.start + 1:
                return None
            if actor_kind(a) == "country" and self.prose.startswith(":", a.end):
                return a.country_code
        return None

    def _clause(self, ctx: _Sentence, offset: int) -> tuple[int, int]:
        for a, b in ctx.clauses:
            if a <= offset < b:
                return a, b
        return ctx.sentence.start, ctx.sentence.end

    def _clause_text(self, ctx: _Sentence, offset: int) -> str:
        lo, hi = self._clause(ctx, offset)
        return self.prose[lo:hi]


def _np_before(before: str) -> re.Match[str] | None:
    """The noun phrase right before a speech verb; one after a locative preposition ("Das
    Ministerium in Beirut erklärte", "die Besatzer auf der anderen Seite meldeten") says where,
    so the speaker is the phrase before that."""
    m = _NP_BEFORE.search(before, max(0, len(before) - 90))
    while m is not None and m.start() > 0:
        prep = _LOCATIVE_BEFORE.search(before, max(0, m.start() - 30), m.start())
        if prep is None:
            return m
        head = before[:prep.start()]
        m = _NP_BEFORE.search(head, max(0, len(head) - 90))
    return m


def _attributions(text: str) -> list[re.Match[str]]:
    found = []
    for pattern, needles, reach in _ATTRIBUTIONS:
        for needle in needles:
            at = text.find(needle)
            while at >= 0:
                m = (pattern.search(text, max(0, at - reach), at + len(needle) + 40) if reach
                     else pattern.match(text, at))
                if m is not None:
                    found.append(m)
                at = text.find(needle, at + 1)
    return found


@lru_cache(maxsize=8192)
def _noun_category(key: str) -> Category | None:
    """ "Soldaten" -> troops, also as the end of a compound ("Elitesoldaten")."""
    if key in _NOUN_CATEGORY:
        return _NOUN_CATEGORY[key]
    for ending, category in _NOUN_CATEGORY.items():
        if key.endswith(ending) and len(key) > len(ending) + 2:
            return category
    return None


def _counts_people(word: str) -> bool:
    """A troop, people or casualty noun: "ihrer Soldaten", not "ihren Häusern"."""
    key = word.casefold()
    return key in _TROOP_WORDS or key in _PEOPLE_WORDS or _noun_category(key) is not None


# words already judged, so that a sentence is mostly judged by set operations in C: most
# sentences have none of the words, and news repeats its vocabulary
_CATEGORY_WORDS: set[str] = set()
_SEEN_WORDS: set[str] = set()  # the category words and the others, one set to subtract
_OTHER_WORDS_MAX = 200_000  # the others are forgotten when there are more (fresh names keep coming)


# the letters of the vocabulary's words: a narrower class than \w scans much faster, and a
# word it cuts at a foreign letter ("Soldatén") is no vocabulary word anyway
_VOCABULARY_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß²]+")


def _category_words(text: str) -> list[str]:
    """The words of what figures count (see _category_vocabulary) in the text, as written
    (or a piece of a word: the caller only uses them to pass sentences over)."""
    words = set(_VOCABULARY_LETTERS.findall(text))
    found = list(words & _CATEGORY_WORDS)
    new = words - _SEEN_WORDS
    if new:
        _SEEN_WORDS.update(new)
        for word in new:
            key = word.casefold()
            if key in _CATEGORY_EXACT or key.endswith(_CATEGORY_SUFFIXES) or \
                    key.startswith(_CATEGORY_PREFIXES):
                _CATEGORY_WORDS.add(word)
                found.append(word)
        if len(_SEEN_WORDS) - len(_CATEGORY_WORDS) > _OTHER_WORDS_MAX:
            _SEEN_WORDS.clear()
            _SEEN_WORDS.update(_CATEGORY_WORDS)
    return found


def _predicate(text: str) -> Category | None:
    for pattern, category in _PREDICATES:
        if pattern.search(text):
            return category
    return None


def _nearest_predicate(text: str, first: bool) -> tuple[Category, bool] | None:
    """The predicate nearest the figure: the first one in the text after it, the last one in
    the text before it (the longer one where two start together: "getötet oder verwundet"),
    and whether a list joiner comes right before it ("... und verletzte")."""
    hits = [(m.start(), m.end(), category) for pattern, category in _PREDICATES
            for m in pattern.finditer(text)]
    if not hits:
        return None
    start, end, category = (min(hits, key=lambda h: (h[0], -h[1])) if first else
                            max(hits, key=lambda h: (h[0], h[1])))
    return category, bool(_JOINED.search(text, 0, start))


def _looks_like_year(q: Quantity, head: _Head) -> bool:
    return head.kind == "borrowed" and q.qualifier == "exact" and 1900 <= q.low <= 2100


def _clean_source(raw: str) -> str | None:
    """The minimal span: no article, quantifier or "X-led" before it ("Mehrere Blogger" ->
    Blogger, "dem Hamas-geführten Ministerium" -> Ministerium), no acronym in brackets after
    it (the name is written out), the name after an office."""
    words = _ACRONYM_AFTER.sub("", raw).strip("„“\"»« ").split()
    while words and (words[0].casefold() in _ARTICLES or _is_some(words[0])
                     or _LED_BY.fullmatch(words[0])):
        words = words[1:]
    if len(words) > 2 and words[0].casefold() in _LEX.nach_nouns and \
            words[1].casefold() in _LEX.source_links:
        return _clean_source(" ".join(words[2:]))  # "Angaben des Ministeriums" -> Ministeriums
    src = " ".join(words).strip("„“\"»« ")
    if not src or any(w.casefold() in _NOT_SOURCES for w in src.split()):
        return None
    return _name_after_title(src.split()) or src


def _is_some(word: str) -> bool:
    """ "mehrere", "Verschiedene", "einiger": a quantifier, also inflected."""
    key = word.casefold()
    return key in _LEX.some or key[:-1] in _LEX.some


def _name_after_title(words: list[str]) -> str | None:
    """The name after an office: "ukrainische Präsident Wolodymyr Selenskyj", "Angaben des
    Oberbefehlshabers Olexandr Syrskyj" -> the name, the minimal source (people are known by
    name; the same office names several people over time)."""
    for i in range(len(words) - 1, 0, -1):
        if _is_title(words[i - 1]):
            # a name in quotes ("die Zeitung „Filastín“"), and one with a link inside
            # ("Ärzte ohne Grenzen")
            name = [w.strip("„“\"»«") for w in words[i:]]
            if len(name) <= 3 and all(
                    (w[:1].isupper() and not _is_title(w))
                    or (0 < k < len(name) - 1 and w.casefold() in _LEX.genitive_links)
                    for k, w in enumerate(name)):
                return " ".join(name)
            return None
    return None


@lru_cache(maxsize=4096)
def _is_title(word: str) -> bool:
    """An office word, also in a compound or the genitive ("US-Außenminister",
    "Oberbefehlshabers", "Präsidenten")."""
    key = word.casefold()
    return any(key.endswith(t) or key.endswith(t + "s") or key.endswith(t + "en")
               for t in _LEX.speaker_titles)


def _ids(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.place.place_id for m in mentions))
