"""Who gives a figure: an attribution in its clause ("nach Angaben des ...", "laut ...",
"nach US-Angaben", "..., so der ..."), else the nearest speech frame in its sentence ("sagte
Ryder", "X hatte ... gesagt"), else the frame carried over from a sentence it continues, or
back from the sentence after ("Das teilte die Staatsanwaltschaft mit"); "er"/"sie" as speaker
stand for the last named source. Sources are cut to the minimal span (the name after an
office, no article or quantifier).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from geo import lexicon
from geo.figures.context import LEX, REPORTED, WORDS, Document, SentenceView
from geo.figures.quantities import Quantity
from geo.lexicon import alternation

# (offset, source, is an attribution, where what it covers begins)
Frame = tuple[int, str, bool, int]

_PREPOSITIONS = LEX.prepositions
_ARTICLES = LEX.articles
_ADJ_ENDINGS = LEX.adjective_endings
_LOCATIVE = LEX.role("locative")
_NEGATED = re.compile(rf"\b{alternation(LEX.negations)}\s+$")
_SUBJECT_BEFORE = re.compile(rf"(?:^|[,;:]\s*|\b{alternation(LEX.subordinators)}\s+)$")
_OPENS_ADDITIVE = re.compile(rf"^\W*(?:\S+\s+)?{alternation(LEX.additive, ignore_case=True)}\b")
_CAP = r"[„\"»]?[A-ZÄÖÜ][\w\-]*[“\"«]?"
_ADJ = rf"[a-zäöüß]+{alternation(_ADJ_ENDINGS)}\s+"
_ISCH = rf"[a-zäöüß]+{alternation(LEX.adjective_suffixes)}{alternation(_ADJ_ENDINGS)}\s+"
_LINK = alternation(LEX.genitive_links)
# a body's name may go on with "für ..." and its acronym: "Institut für Kriegsstudien (ISW)",
# "Ärzte ohne Grenzen"
_COMPLEMENT = (rf"(?:\s+{alternation(LEX.name_complements)}\s+(?:{_ADJ})*{_CAP}(?:\s+{_CAP})*)?"
               r"(?:\s+\([A-ZÄÖÜ]{2,8}\))?")
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
_NAME_LINKS = frozenset(LEX.genitive_links + LEX.name_complements)
_NP_AND = rf"{_NP}(?:\s+und\s+{_NP})?"
# a name in commas inside a clause: "teilte der Gouverneur, Oleh Synjehubow, auf Telegram mit"
_INSERT = r",\s*[A-ZÄÖÜ][^,.;:]{0,40},"


def _needles(words: tuple[str, ...], after: str = " ") -> tuple[str, ...]:
    """The spellings to look for before trying an attribution pattern: lower and capitalised."""
    return tuple(s + after for w in words for w0 in lexicon.spellings(w)
                 for s in (w0, w0[0].upper() + w0[1:]))


_NACH = alternation(LEX.noun_preposition, ignore_case=True)
_LINKS = alternation(LEX.source_links)
_ADJ_EN = r"[a-zäöüß]+en\s+"
# (pattern, the words it starts with, how far before them it may start): the patterns are
# tried only where their words occur, which is much cheaper than scanning every sentence.
_ATTRIBUTIONS: tuple[tuple[re.Pattern[str], tuple[str, ...], int], ...] = (
    # ("nach einem Bericht des Senders ...": an article may come before the noun)
    (re.compile(rf"\b{_NACH}\s+(?:{alternation(_ARTICLES, ignore_case=True)}\s+"
                rf"(?=[A-ZÄÖÜ]))?(?:{alternation(LEX.nach_own)}\s+)?"
                rf"{alternation(LEX.nach_nouns, ignore_case=True)}\s+"
                rf"(?:{_LINKS}\s+{_ATTRIBUTE}(?P<src>{_NP_AND})"
                rf"|(?P<src6>(?={_LINKS}\s){_NP_AND})|(?P<src5>{_NP_BARE}))"
                rf"|\b{_NACH}\s+(?P<src2>[A-ZÄÖÜ][\w]*)-"
                rf"{alternation(LEX.hyphen_nouns, ignore_case=True)}"
                # "nach ukrainischen Angaben", "nach westlichen und ukrainischen Einschätzungen"
                # ("nach eigenen Angaben" names the subject, not a source of its own; "nach
                # ersten Erkenntnissen" names none)
                rf"|\b{_NACH}\s+(?!{alternation(LEX.nach_own + LEX.not_source_adjectives)}\b)"
                rf"(?P<src3>(?:{_ADJ_EN}{alternation(LEX.list_joiners)}\s+)?"
                rf"{_ADJ_EN}(?:[A-ZÄÖÜ][a-zäöüß]+?)?"
                rf"{alternation(LEX.adjective_nouns, ignore_case=True)})"
                rf"|\b{_NACH}\s+(?P<src4>[A-ZÄÖÜ][a-zäöüß]+?"
                rf"{alternation(LEX.compound_nouns)})\b"),
     _needles(LEX.noun_preposition), 0),
    # "laut Angaben der beiden Regierungen", "laut einem Bericht der Zeitung": the source is
    # whose the statements are
    (re.compile(rf"\b{alternation(LEX.preposed, ignore_case=True)}\s+"
                rf"(?:(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
                rf"{alternation(LEX.nach_nouns, ignore_case=True)}\s+(?={_LINKS}\s))?"
                rf"(?P<src>{_NP_AND})"),
     _needles(tuple(w.split()[0] for w in LEX.preposed)), 0),
    (re.compile(rf"(?P<src>{_NP})\s+{alternation(LEX.postposed)}\b"),
     tuple(s for w in LEX.postposed for s in lexicon.spellings(w)), 90),
    (re.compile(rf",\s*{alternation(LEX.quote_closers)}\s+(?P<src>{_NP})"),
     tuple(f", {s} " for w in LEX.quote_closers for s in lexicon.spellings(w)), 0),
    # "wie die Behörden am Montag mitteilten": a few words may come between source and verb
    # ("auf ihrem Telegram-Kanal"), and a name in commas after an office ("wie der Chef der
    # Verwaltung, Roman M., mitteilte"); an extended attribute may open the source ("wie die
    # von der Hamas kontrollierte Behörde mitteilte")
    (re.compile(rf"\b{alternation(LEX.as_reported, ignore_case=True)}\s+"
                rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+(?=von\s){_ATTRIBUTE})?"
                rf"(?P<src>{_NP})(?:(?:\s+{_LINK}\s+[^,.;:()]{{1,40}}?)?{_INSERT})?\s+"
                rf"(?:[\w.\-]+\s+){{0,4}}?{alternation(LEX.wie_verbs)}\b"),
     _needles(LEX.as_reported), 0),
    # "hieß es aus Regierungskreisen", "heißt es in einer Mitteilung des Ministeriums" (a
    # bare message noun, "heißt es in der Nachricht", stands for the last source: see
    # Sources._find_frames)
    (re.compile(rf"{alternation(LEX.places.saying)}\s+{alternation(_PREPOSITIONS)}\s+"
                rf"(?:(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
                rf"{alternation(LEX.nach_nouns, ignore_case=True)}\s+(?={_LINKS}\s))?"
                rf"(?P<said>{_NP_AND})"),
     _needles(tuple(w.split()[0] for w in LEX.places.saying)), 0),
    # "In einer Erklärung der Armee hieß es, ...": the statement's author
    (re.compile(rf"{alternation(_PREPOSITIONS, ignore_case=True)}\s+"
                rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?"
                rf"{alternation(LEX.nach_nouns, ignore_case=True)}\s+"
                rf"(?P<said>(?={_LINKS}\s){_NP_AND})\s+{alternation(LEX.places.saying)}\b"),
     _needles(tuple(w.split()[0] for w in LEX.places.saying)), 90),
    # a headline that ends with who says so: "300 Soldaten getötet - südkoreanischer
    # Geheimdienst" (a place there is none: see Sources._find_frames)
    (re.compile(rf" [-–] (?P<dash>{_NP})[^\S\n]*$"), (" - ", " – "), 0),
    # "offiziellen Angaben nach"
    (re.compile(rf"(?P<src>{_ADJ_EN}{alternation(LEX.adjective_nouns, ignore_case=True)})\s+"
                rf"{alternation(LEX.noun_postposition)}\b"),
     _needles(LEX.adjective_nouns), 40),
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
    [rf"\b{alternation(LEX.speech_finite | LEX.speech_participles)}\b"]
    + [_separable(s.verbs, s.particles, s.particle_at_clause_end) for s in LEX.separable]))
# to skip sentences without any speech verb cheaply (by the last word of "bekannt gegeben")
_SPEECH_WORDS = frozenset(w.split()[-1] for w in LEX.speech_words)
_AUX = re.compile(rf"\b{alternation(LEX.perfect_auxiliaries)}\b")
_PARTICIPLE = LEX.speech_participles
_FINITE = LEX.speech_finite
# the speaker after the verb, maybe past when ("teilte am Montag die Armee mit", "erklärte
# zudem der Sprecher")
_WHEN = (rf"(?:{alternation(LEX.sentence_adverbs)}"
         rf"|{alternation(_PREPOSITIONS)}\s+{alternation(LEX.weekdays, ignore_case=True)}\w*)")
_NP_AFTER = re.compile(rf"(?:\s+{_WHEN}\b)*\s+(?P<src>{_NP})")
# a locative preposition right before a noun phrase: the phrase is where, not who
_LOCATIVE_BEFORE = re.compile(rf"\b{alternation(_LOCATIVE, ignore_case=True)}\s+$")
# the speaker right before the verb, maybe with a name in commas after it ("Der Gouverneur des
# Gebiets Belgorod, Wjatscheslaw Gladkow, sprach von ...")
_NP_BEFORE = re.compile(rf"(?P<src>{_NP})(?:,\s*(?P<name>{_CAP}(?:\s+{_CAP})*),)?\s+$")
_PRONOUNS = LEX.speaker_pronouns
# the name in commas after a speaker's office: "der Gouverneur des Gebiets, Oleh Synjehubow,";
# a name has two to four words, the later ones may start with a particle ("Aschraf al-Kudra")
# (also after more of the office: "der Leiter der Militärverwaltung von Charkiw, Oleh ...,")
_APPOSED = re.compile(rf"(?:\s+{_LINK}\s+[^,.;:()]{{1,40}}?)?,\s*"
                      rf"(?P<name>{_CAP}(?:[^\S\n]+(?:{_CAP}|[a-z]{{1,3}}-[A-ZÄÖÜ][\w\-]*)){{1,3}}),")
# weekdays, months, pronouns and the adverbs that open a sentence before an inverted subject
# ("Insgesamt beziffert der Generalstab ...") are never the source
_NOT_SOURCES = (LEX.weekdays | frozenset(LEX.months) | LEX.periods | LEX.sentence_adverbs
                | LEX.not_sources)
# a comma before a capitalised preposition is a missed full stop ("... erlag, Nach Angaben der
# Verwaltung handelte es sich ..."): a frame on one side says nothing of the other
_MISSED_STOP = re.compile(rf",(?=\s+[A-ZÄÖÜ])(?=\s+{alternation(_PREPOSITIONS, ignore_case=True)}\s)")
# "Hamas-geführten", "russisch-kontrollierte": who leads the body, not its name
_LED_BY = re.compile(rf"[\w]+-(?:ge[a-zäöüß]+t|[a-zäöüß]+iert){alternation(_ADJ_ENDINGS)}")
# an acronym in brackets after a body's name: "Nationale Geheimdienst (NIS)"
_ACRONYM_AFTER = re.compile(r"\s*\([A-ZÄÖÜ]{2,8}\)\s*$")
# the rest of a speech frame up to a colon that opens what is said: "sagte der Sprecher:"
_TO_COLON = re.compile(r"[^,;.:„“\"]{0,60}:")
# "Wie die Polizei mitteilt, ...": a report that opens a sentence goes on from the one before
_OPENS_AS_REPORTED = re.compile(rf"^[„\"»]?{alternation(LEX.as_reported, ignore_case=True)}\s+"
                                rf"(?:{alternation(_ARTICLES, ignore_case=True)}\s+)?[^,.;:]*?"
                                rf"\b{alternation(LEX.wie_verbs)},")
_POINTING_BACK = re.compile(rf"^\W*{alternation(LEX.pointing_back, ignore_case=True)}\s+")
_FURTHER = re.compile(rf"\b{alternation(LEX.further, ignore_case=True)}\b")


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


def _clean_source(raw: str) -> str | None:
    """The minimal span: no article, quantifier or "X-led" before it ("Mehrere Blogger" ->
    Blogger, "dem Hamas-geführten Ministerium" -> Ministerium), no acronym in brackets after
    it (the name is written out), the name after an office."""
    words = _ACRONYM_AFTER.sub("", raw).strip("„“\"»« ").split()
    while words and (words[0].casefold() in _ARTICLES or _is_some(words[0])
                     or _LED_BY.fullmatch(words[0])):
        words = words[1:]
    if len(words) > 2 and words[0].casefold() in LEX.nach_nouns and \
            words[1].casefold() in LEX.source_links:
        return _clean_source(" ".join(words[2:]))  # "Angaben des Ministeriums" -> Ministeriums
    src = " ".join(words).strip("„“\"»« ")
    if not src or any(w.casefold() in _NOT_SOURCES for w in src.split()):
        return None
    return _name_after_title(src.split()) or src


def _is_some(word: str) -> bool:
    """ "mehrere", "Verschiedene", "einiger": a quantifier, also inflected."""
    key = word.casefold()
    return key in LEX.some or key[:-1] in LEX.some


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
                    or (0 < k < len(name) - 1 and w.casefold() in _NAME_LINKS)
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
               for t in LEX.speaker_titles)


class Sources:
    """The sources of one article's figures; a sentence's frames are found once, when first
    asked for."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.sentences = doc.sentences
        self._frames: dict[int, list[Frame]] = {}
        self._carried: dict[int, str | None] = {}

    def frames(self, ctx: SentenceView) -> list[Frame]:
        """Who says what in this sentence, in order."""
        if ctx.index not in self._frames:
            self._frames[ctx.index] = self._find_frames(ctx)
        return self._frames[ctx.index]

    def carried_source(self, ctx: SentenceView) -> str | None:
        """The source of the sentence before, when this one continues it or goes on in
        reported speech ("„Mindestens 10.000“ seien ...") without a frame of its own."""
        if ctx.index not in self._carried:
            self._carried[ctx.index] = self._carry(ctx)
        return self._carried[ctx.index]

    def _carry(self, ctx: SentenceView) -> str | None:
        if ctx.index == 0 or self.frames(ctx) or not (ctx.continues or REPORTED.search(ctx.text)):
            return None
        before = self.sentences[ctx.index - 1]
        frames = self.frames(before)
        return frames[-1][1] if frames else self.carried_source(before)

    def _find_frames(self, ctx: SentenceView) -> list[Frame]:
        """Who says what in this sentence: (offset, source, is an attribution, where what it
        covers begins), in order. A speaker before a colon says what follows it ("sagte Lee:
        „...“"), not the figures before."""
        sentence, text = ctx.sentence, ctx.text
        frames = []
        for m in _attributions(text):
            group = m.lastgroup or "src"
            if group == "dash" and self.doc.place_in(sentence.start + m.start(group),
                                                     sentence.start + m.end(group)):
                continue  # "Fünf Tote bei Angriff - Charkiw"
            apposed = _APPOSED.match(text, m.end(group))
            src = apposed.group("name") if apposed else _clean_source(m.group(group))
            if group == "said" and src and src.casefold() in LEX.nach_nouns:
                src = self._last_source(ctx.index)
            if src:
                frames.append((sentence.start + m.start(m.lastgroup or "src"), src, True,
                               sentence.start))
        words = WORDS.findall(text)
        for m in _SPEECH_VERB.finditer(text) if not _SPEECH_WORDS.isdisjoint(words) else ():
            src = self._speaker(ctx, m)
            if src:
                colon = _TO_COLON.match(text, m.end())
                frames.append((sentence.start + m.start(), src, False,
                               sentence.start + colon.end() if colon else sentence.start))
        return sorted(frames)

    def _speaker(self, ctx: SentenceView, verb: re.Match[str]) -> str | None:
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
        for ctx in reversed(self.sentences[:index]):
            frames = self.frames(ctx)
            if frames:
                return frames[-1][1]
        return None

    def source(self, ctx: SentenceView, q: Quantity) -> str | None:
        """An attribution in the figure's clause, else the nearest frame in the sentence
        (attributions first), else the frame of the sentence this one continues."""
        start, end = ctx.sentence.start, ctx.sentence.end
        for stop in _MISSED_STOP.finditer(self.prose, start, end):
            if stop.start() < q.start:
                start = stop.start()
            else:
                end = min(end, stop.start())
        frames = [f for f in self.frames(ctx) if start <= f[0] < end and f[3] <= q.start]
        lo, hi = self.doc.clause(ctx, q.start)
        own = [src for offset, src, attribution, _ in frames if attribution and lo <= offset < hi]
        if own:
            return own[0]
        for wanted in (True, False):
            kind = [f for f in frames if f[2] == wanted]
            if kind:
                return min(kind, key=lambda f: (abs(f[0] - q.start), f[0] > q.start))[1]
        return self.carried_source(ctx)

    def carry_back(self, indices: list[int]) -> None:
        """A source named in the sentence after: "... auf acht gestiegen. Das teilte die
        Staatsanwaltschaft mit." (back over reported speech: "150 Soldaten seien ...
        zurückgekehrt. Im Gegenzug habe Moskau ... übergeben. Das teilte ... mit."), "teilte
        weiter mit", a sentence that goes on ("15 Menschen getötet. 16 weitere wurden
        verletzt, teilte der Gouverneur mit") or opens with the report ("Ein Unfall forderte
        ein Todesopfer. Wie die Polizei mitteilt, ..."). Only figures whose sentence names no
        source."""
        for i in indices:
            if i + 1 >= len(self.sentences) or not self.sentences[i].figures:
                continue
            after = self.sentences[i + 1]
            opener = _POINTING_BACK.match(after.text)
            # "Das teilte ... mit", "Dies hatte ... mitgeteilt"; not "Das Ministerium teilte"
            back = opener is not None and bool(_SPEECH_VERB.match(after.text, opener.end())
                                               or _AUX.match(after.text, opener.end()))
            goes_on = back or bool(_FURTHER.search(after.text) or after.continues
                                   or _OPENS_ADDITIVE.match(after.text))
            # a report that opens the next sentence names no source over a carried one
            opens_report = _OPENS_AS_REPORTED.match(after.text) is not None
            if not (goes_on or opens_report) or not self.frames(after) or \
                    self.frames(self.sentences[i]):
                continue
            # the source a report relies on before the outlet ("Dies berichtete AP unter
            # Berufung auf Rettungskräfte")
            source = min(self.frames(after), key=lambda f: not f[2])[1]
            j = i
            while j >= 0 and not self.frames(self.sentences[j]):
                ctx = self.sentences[j]
                ctx.figures = [replace(f, source=source) if goes_on or f.source is None else f
                               for f in ctx.figures]
                if not back or j == i - 2 or not REPORTED.search(ctx.text):
                    break
                j -= 1
