"""Place mentions in German text: recognise names, resolve them against the gazetteer, and say
whether the place is where something happens or a capital that speaks.

Recognition is a gazetteer lookup guarded by German context rules, because the gazetteer holds
tens of thousands of names that are also words, given names or surnames somewhere:
- a name must start with a capital and be no ordinary German word ("Mark", "Sonne") unless a
  locative preposition stands before it;
- a name next to a given name or a title is a person ("Wladimir Putin", "Präsident Selenskyj"),
  a name inside a run of other capitalised unknown words is an organisation or title;
- a city after an article is no city ("der Financial Times"); countries may take one ("die
  Ukraine");
- a type word makes a region ("Region Donezk", "Grenzregion Kursk", "Oblast Kursk").
Resolution scores candidates by kind, population and nearness to the document's other places
(so the Martynovka next to Plekhovo is the one in Kursk Oblast, not the one in Crimea).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from typing import NamedTuple, cast

from geo import lexicon
from geo.gazetteer import Gazetteer, Row, name_key
from geo.model import Article, Mention, Role, Sentence, kind_of
from geo.text.translit import german_key

# A word: letters first, then word characters and apostrophes, joined by hyphens ("US-Angaben")
# or by the dots of initialisms ("U.S"). Written without per-character alternation: it is the
# floor of the recogniser's cost.
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:(?:-|\.(?=\w\.))[\w'’]+)*")
# The capitalised words of a text in one pass at C speed: every ``_TOKEN`` word that starts with
# a capital (a capital after a letter is inside a word; looked behind only once a capital is
# found, 4x faster than at every character), and some parts of words besides ("Bar" of
# "foo-Bar"), which only cost a look. The capitals are those of the Basic Multilingual Plane;
# a text with characters beyond it is tokenised whole.
_CAPITALS = "".join(re.escape(c) for c in map(chr, range(0x10000))
                    if c.isupper() and re.match(r"[^\W\d_]", c))
_CAPITAL = re.compile(rf"[{_CAPITALS}](?<![^\W\d_].)[\w'’]*(?:(?:-|\.(?=\w\.))[\w'’]+)*")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_WORD_CHAR = re.compile(r"[\w'’.-]")



_WORDS = lexicon.load().places
# Prepositions that make a following capitalised word likely a place (recognition evidence).
_LOCATIVE = _WORDS.place_cues
_ARTICLES = _WORDS.articles
_TITLES = _WORDS.titles
_TITLE_SUFFIXES = _WORDS.title_suffixes
_COMPASS_PREFIXES = _WORDS.compass_prefixes
_COMPASS = re.compile(f"(?:{'|'.join(_COMPASS_PREFIXES)})" r"(\w{4,})$")
# Prepositions after which a country or capital is a location, not an actor.
_WHERE = _WORDS.where
_EVENT_HEADS = _WORDS.event_heads
_JOIN = _WORDS.list_joiners
_WATERSIDE = _WORDS.waterside
_PART_NOUNS = _WORDS.part_nouns
_TYPE_WORDS = _WORDS.type_words
_TYPE_PLURALS = _WORDS.type_plurals
_TYPE_FORMS = _WORDS.type_forms
# a place this big outweighs the ordinary word its name also is, after a preposition ("in Essen")
_BIG_HOMOGRAPH = 100_000
_CLUB_BEFORE = _WORDS.club_before
_CLUB_AFTER = _WORDS.club_after
# the evidence of a name too weak alone, which counts only if the article confirms it elsewhere
_WEAK = 0.4
_SETTLEMENT_WORDS = _WORDS.settlements
_FUNCTION_WORDS = _WORDS.function_words
_NAME_LINKS = _WORDS.name_links
_SAYING = _WORDS.saying
_ORGANISATIONS = _WORDS.organisations
_SPORTS = _WORDS.sports_context
_PEOPLE_NAMED = _WORDS.people_named
_PERIODS = _WORDS.periods
_MONTHS = _WORDS.months
# A dateline: a paragraph that opens with places (and an agency) before a dash: "KIEW –",
# "Wien/Linz –", "GAZA (dpa) –". What may follow the name, and what may stand before it.
_DATELINE_AFTER = re.compile(r"(?:\s*/\s*[^\W\d_][\w.'’-]*)*\s*(?:\([^()\n]{1,30}\)\s*)?[–—-]\s")
_DATELINE_BEFORE = re.compile(r"\s*(?:[^\W\d_][\w.'’-]*\s*/\s*)*")


class _Token:
    __slots__ = ("start", "end", "text", "key", "capital")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = text.casefold()
        self.capital = text[0].isupper()


class _Tokens:
    """One sentence's words. The recogniser looks only at capitalised words that could begin
    a name and at their neighbours, so each ``_Token`` is made the first time it is read:
    building one for every word was a third of the recogniser's time."""

    __slots__ = ("_matches", "_made", "starts", "_plural", "prose", "sports")

    def __init__(self, prose: str, sentence: Sentence, capitals: _Capitals) -> None:
        self.prose = prose
        self.sports = capitals.sports
        self._matches = list(_TOKEN.finditer(prose, sentence.start, sentence.end))
        self._made: list[_Token | None] = [None] * len(self._matches)
        # indexes of the words a name may start with, in order
        self.starts = [i for i, m in enumerate(self._matches)
                       if (t := m.group())[0].isupper() and capitals.could_start(t.casefold())]

    def __len__(self) -> int:
        return len(self._matches)

    @property
    def has_plural_type(self) -> bool:
        """Whether a plural type word ("Regionen") could head a list of regions here."""
        if not hasattr(self, "_plural"):
            self._plural = any(self[i].key.endswith(_TYPE_PLURALS) for i in self.starts)
        return self._plural

    def __getitem__(self, i: int) -> _Token:
        if i < 0:
            raise IndexError(i)  # no wrapping around: callers test for the sentence start
        tok = self._made[i]
        if tok is None:
            m = self._matches[i]
            tok = self._made[i] = _Token(*m.span(), m.group())
        return tok

    def run(self, i: int, j: int) -> list[_Token]:
        """Tokens ``i`` up to ``j``, cut at the sentence end."""
        return [self[k] for k in range(i, min(j, len(self)))]


@dataclass
class _Hit:
    """A recognised name before resolution."""

    start: int
    end: int
    sentence: Sentence
    rows: tuple[int, ...]
    bare_key: str  # the name without type word or genitive ending, for discourse linking
    typed: bool  # a type word made it a region
    evidence: float  # how sure recognition is (0..1)
    role: Role = "place"
    settlement: bool = False  # "die Stadt Charkiw", "CHARKIW –": never the region
    compound_head: str = ""  # "angaben" of "US-Angaben": the mention is the place part
    cue: bool = False  # a place-cue preposition right before ("in Bochum")


def find_mentions(article: Article, sentences: list[Sentence], gaz: Gazetteer) -> list[Mention]:
    """All place mentions in the article, resolved, in text order."""
    return _resolve(article, _hits(article, sentences, gaz), gaz)


def _hits(article: Article, sentences: list[Sentence], gaz: Gazetteer) -> list[_Hit]:
    """The article's recognised names, before resolution."""
    hits: list[_Hit] = []
    capitals = _Capitals(article.prose, gaz)
    tokenised = [(s, _Tokens(article.prose, s, capitals))
                 for s in capitals.sentences(sentences)]
    persons = _person_names(tokenised, gaz)
    for sentence, tokens in tokenised:
        hits.extend(_recognise(tokens, sentence, gaz, persons))
    # one sense per article for recognition too: a small town's name that was too weak alone
    # ("Bachmut ist zerstört") counts where the article names it as a place elsewhere
    # ("in Bachmut"); a weak name nowhere confirmed is dropped
    confirmed = {h.bare_key for h in hits if h.evidence > _WEAK}
    return [h for h in hits if h.evidence > _WEAK or h.bare_key in confirmed]


class _Capitals:
    """An article's capitalised words, found in one scan, and which of them could start a place
    name, decided for all at once by set operations against the gazetteer's index:
    the Python rules run only around these, the words of the other sentences are never
    tokenised. The scan finds every word ``_TOKEN`` finds that starts with a capital, and some
    parts of words besides ("Bar" of "foo-Bar"), which only cost a look."""

    __slots__ = ("prose", "gaz", "keys", "alone", "first", "astral", "sports")

    def __init__(self, prose: str, gaz: Gazetteer) -> None:
        self.prose, self.gaz = prose, gaz
        self.astral = bool(_ASTRAL.search(prose))  # capitals beyond the scan's: read all
        self.keys = set(map(str.casefold, _CAPITAL.findall(prose)))
        # a match report: a town named without a place cue is a team ("fertigte Bochum ab")
        self.sports = len(self.keys & _SPORTS) >= 2
        # a name that is no word starts one; the rest of the names and the frequent words were
        # decided when built (difference, not difference_update or &: only it walks the small
        # set and looks up the big one)
        no_names = self.keys.difference(gaz.names)
        self.alone = (self.keys - no_names - gaz.lexical_keys) | (self.keys & gaz.start_keys)
        open_keys = (no_names - self.alone).difference(gaz.common_words)
        self.alone.update(k for k in open_keys if _open_could_start(k, gaz))
        # words that start a name only with the next one ("Den" of "Den Haag")
        self.first = (self.keys - self.alone) & gaz.multiword_starts

    def could_start(self, key: str) -> bool:
        """``_word(key, gaz).could_start``, without working out the word."""
        if key in self.alone or key in self.first:
            return True
        return key not in self.keys and (key in self.gaz.multiword_starts
                                         or _alone_could_start(key, self.gaz))

    def sentences(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences with a word that could start a place name: the others can hold no
        name and introduce no person. A sentence whose bounds cut a word is kept, as its words
        may differ from the scan's."""
        if self.astral:
            return sentences
        prose, alone, first = self.prose, self.alone, self.first
        if not alone and not first:
            return [s for s in sentences if _cuts_word(prose, s)]
        starts = [m.start() for m in _CAPITAL.finditer(prose)
                  if (k := m.group().casefold()) in alone
                  or (k in first and _pair_follows(prose, m, self.gaz))]
        kept, at = [], 0
        for s in sentences:
            while at < len(starts) and starts[at] < s.start:
                at += 1
            if (at < len(starts) and starts[at] < s.end) or _cuts_word(prose, s):
                kept.append(s)
        return kept


def _pair_follows(prose: str, m: re.Match[str], gaz: Gazetteer) -> bool:
    """True if the word and the next one begin a multiword name ("Den Haag", "Frankfurt am")."""
    nxt = _TOKEN.search(prose, m.end())
    return nxt is not None and name_key(f"{m.group()} {nxt.group()}") in gaz.multiword_pairs


def _cuts_word(prose: str, s: Sentence) -> bool:
    """True if a word runs over the sentence's start or end."""
    return bool(s.start and _WORD_CHAR.match(prose, s.start - 1)
                and _WORD_CHAR.match(prose, s.start)) or \
        bool(_WORD_CHAR.match(prose, s.end - 1) and _WORD_CHAR.match(prose, s.end))


def _person_names(tokenised: list[tuple[Sentence, _Tokens]], gaz: Gazetteer) -> set[str]:
    """Surnames the article introduces with a given name or title ("Pat Ryder"): later, alone,
    they are still persons ("sagte Ryder"), whatever town shares the name. Only words that
    could be read as places matter."""
    names: set[str] = set()
    for _, tokens in tokenised:
        for i in tokens.starts:
            if i:
                prev, tok = tokens[i - 1], tokens[i]
                if _person_before(prev, tok, gaz):
                    names.add(tok.key)
    return names


def _recognise(tokens: _Tokens, sentence: Sentence, gaz: Gazetteer,
               persons: set[str]) -> list[_Hit]:
    hits: list[_Hit] = []
    free = 0  # the first token not inside a name already found
    for i in tokens.starts:
        if i < free:
            continue
        hit, used = _match_at(tokens, i, sentence, gaz, persons)
        if hit is not None:
            hit.role = _role(tokens, i, i + used, hit, gaz)
            hit.cue = i > 0 and tokens[i - 1].key in _LOCATIVE
            hits.append(hit)
            free = i + used
    return hits


@dataclass(frozen=True, slots=True)
class _Word:
    """What the gazetteer says of one capitalised word, worked out once per process: German
    capitalises every noun, and most are no name."""

    could_start: bool  # could begin a place name in any of the recogniser's ways
    sound_start: bool = False  # sounds like the first word of a two-word Cyrillic name
    type_word: bool = False  # "Region", "Grenzgebiet": a region's name may follow
    multiword_start: bool = False  # the first word of some multiword name ("Den", "Frankfurt")
    compound: tuple[int, ...] = ()  # "US-Angaben": the countries or capitals before the hyphen
    key: str = ""  # the name looked up: "kursk" for "Kursks"
    rows: tuple[int, ...] = ()  # places of that name
    codes: frozenset[str] = frozenset()  # their feature codes
    big: int = 0  # the largest population among them
    curated: bool = False  # one of them is a region, capital or supplement entry
    own: bool = False  # the word is one of them's own name, not only an alternate
    word_only: bool = False  # an ordinary German word, and no place big enough to outweigh it


def _word(key: str, gaz: Gazetteer) -> _Word:
    """The memoised ``_Word`` for a case-folded token."""
    word = cast("_Word | None", gaz.word_memo.get(key))
    if word is None:
        if len(gaz.word_memo) > 500_000:
            gaz.word_memo.clear()  # a bound for long-running processes fed endless new words
        word = _describe(key, gaz)
        gaz.word_memo[key] = word
    return word


def _alone_could_start(key: str, gaz: Gazetteer) -> bool:
    """Whether the word could start a place name other than as the first word of a multiword
    name: a name that is no German word does; for the other names and frequent words the
    gazetteer's build decided (``start_keys``); for the rest, the readings that need no entry
    of the index (type words, compounds, seats of power, sound keys) are tried."""
    if key in gaz.start_keys:
        return True
    if key in gaz.names:
        return key not in gaz.lexical_keys
    if key in gaz.common_words:
        return False
    return _open_could_start(key, gaz)


def _open_could_start(key: str, gaz: Gazetteer) -> bool:
    """``_alone_could_start`` for a word that is no name and no frequent word, cached: its
    sound key, not the index, says whether it is a Cyrillic place."""
    could = gaz.open_words.get(key)
    if could is None:
        if len(gaz.open_words) > 200_000:
            gaz.open_words.clear()  # a bound for long-running processes fed endless new words
        could = gaz.open_words[key] = _open_word_could_start(key, gaz)
    return could


def _open_word_could_start(key: str, gaz: Gazetteer) -> bool:
    if key.endswith(_TYPE_FORMS) or key[:4] in gaz.speaker_prefixes:
        return True
    if "-" in key and _compound_rows(key, gaz):
        return True
    sound = german_key(key)
    return sound in gaz.sound_starts or (
        sound in gaz.sounds and _starts_alone(_word(key, gaz), key, gaz))


def _starts_alone(word: _Word, key: str, gaz: Gazetteer) -> bool:
    """``word.could_start`` without its multiword reading."""
    return ((bool(word.rows) and not word.word_only) or word.sound_start or word.type_word
            or bool(word.compound) or key[:4] in gaz.speaker_prefixes)


def start_keys(gaz: Gazetteer) -> frozenset[str]:
    """The names that are also German words, frequent words, genitives ("Kursks") and compass
    compounds ("Ostukraine") that could begin a place name: worked out once when the gazetteer
    is built, so that the recogniser decides most new words with set lookups. Names that are no
    word always could (they are left out: the set stays small and loads fast); words that no
    entry of the index holds (type words, compounds, sound keys) are left to
    ``_alone_could_start``."""
    well_known = [k for k, rows in gaz.names.items()
                  if any(_well_known(gaz.places[r]) for r in rows)]
    bases = [k for k, rows in gaz.names.items() if re.fullmatch(r"\w{4,}", k)
             and any(gaz.places[r].feature_code in ("PCLI", "ADM1") for r in rows)]
    rest = {*gaz.lexical_keys, *gaz.common_words, *(k + "s" for k in well_known),
            *(p + b for p in _COMPASS_PREFIXES for b in bases)}
    return frozenset(k for k in rest if (k not in gaz.names or k in gaz.lexical_keys)
                     and _starts_alone(_describe(k, gaz), k, gaz))


def known_name(surface: str, gaz: Gazetteer) -> bool:
    """True if the gazetteer holds the name in a form the recogniser reads: whole ("Den Haag"),
    inflected ("Kursks", "Ostukraine") or after a type word ("Region Donezk"). What no rule
    can find, it cannot hold: this bounds recall on any test set."""
    if gaz.names.get(name_key(surface)):
        return True
    words = surface.split()
    if len(words) == 1:
        return bool(_word(words[0].casefold(), gaz).rows)
    return len(words) == 2 and words[0].casefold().endswith(_TYPE_WORDS) and bool(
        gaz.typed_names.get(name_key(words[1])) or _word(words[1].casefold(), gaz).rows)


def _describe(key: str, gaz: Gazetteer) -> _Word:
    sound = german_key(key)
    name, rows = _lookup_word(key, sound, gaz)
    sound_start, type_word = sound in gaz.sound_starts, key.endswith(_TYPE_FORMS)
    multiword_start, compound = key in gaz.multiword_starts, _compound_rows(key, gaz)
    places = [gaz.places[r] for r in rows]
    big = max((p.population for p in places), default=0)
    word_only = name in gaz.lexical_keys and big < _BIG_HOMOGRAPH
    could_start = ((bool(rows) and not word_only) or sound_start or type_word or multiword_start
                   or bool(compound) or key[:4] in gaz.speaker_prefixes)
    if not rows:
        return _Word(could_start, sound_start, type_word, multiword_start, compound, key=key)
    return _Word(
        could_start, sound_start, type_word, multiword_start, compound, key=name, rows=rows,
        word_only=word_only,
        codes=frozenset(p.feature_code for p in places),
        big=big,
        curated=any(p.curated or p.feature_code != "PPL" for p in places),
        own=any(_own_name(name, p) for p in places))


def _match_at(tokens: _Tokens, i: int, sentence: Sentence, gaz: Gazetteer,
              persons: set[str]) -> tuple[_Hit | None, int]:
    tok = tokens[i]
    word = _word(tok.key, gaz)
    if word.type_word:
        typed = _typed_region(tokens, i, sentence, gaz)
        if typed is not None:
            return typed
    multiword = (word.multiword_start and i + 1 < len(tokens)
                 and name_key(f"{tok.text} {tokens[i + 1].text}") in gaz.multiword_pairs)
    for n in (4, 3, 2):  # multiword names: "Den Haag", "Frankfurt am Main", "Region Kursk"
        if not multiword:
            break
        if i + n > len(tokens) or not tokens[i + n - 1].capital:
            continue
        span = tokens.run(i, i + n)
        if any(not t.capital and t.key not in _NAME_LINKS for t in span):
            continue
        key = name_key(" ".join(t.text for t in span))
        rows = gaz.names.get(key)
        if rows and _contiguous(span):
            after = tokens[i + n] if i + n < len(tokens) else None
            if _in_club_name(None, span[-1], after):
                return None, n  # "New York Times", "Manchester United"
            return _Hit(tok.start, span[-1].end, sentence, rows, key, False, 0.9), n
    sounded = _sounded_pair(tokens, i, sentence, gaz) if word.sound_start else None
    if sounded is not None:
        return sounded, 2
    if word.rows and tokens.has_plural_type:
        listed = _listed_region(tokens, i, sentence, gaz)
        if listed is not None:
            return listed, 1
    rows = word.rows
    if not rows or word.word_only:
        compound = _compound(tok, word.compound, sentence) if word.compound else None
        return compound or _seat_compound(tok, sentence, gaz), 1
    evidence = _word_evidence(tokens, i, word, gaz, persons)
    if evidence <= 0:
        return None, 0
    hit = _Hit(tok.start, tok.end, sentence, rows, word.key, False, evidence)
    if (i and tokens[i - 1].key.endswith(_SETTLEMENT_WORDS)) or _dateline(tokens, i):
        # "die Stadt Charkiw"; "CHARKIW –": a dateline names a town, never the region
        towns = tuple(r for r in rows if gaz.places[r].feature_code.startswith("PPL"))
        hit.rows, hit.settlement = towns or rows, True
    return hit, 1


def _sounded_pair(tokens: _Tokens, i: int, sentence: Sentence, gaz: Gazetteer) -> _Hit | None:
    """A two-word name in German spelling ("Tschassiw Jar" for Chasiv Yar)."""
    if i + 1 >= len(tokens):
        return None
    tok, nxt = tokens[i], tokens[i + 1]
    if not nxt.capital or nxt.start - tok.end != 1:
        return None
    key = name_key(f"{tok.text} {nxt.text}")
    rows = gaz.sounds.get(german_key(key))
    return _Hit(tok.start, nxt.end, sentence, rows, key, False, 0.8) if rows else None


def _compound_rows(key: str, gaz: Gazetteer) -> tuple[int, ...]:
    """The countries or capitals (or seats of power) named before a hyphen: "us-angaben"."""
    first, _, head = key.partition("-")
    if not head:
        return ()
    if first in gaz.speaker_keys:
        return gaz.names.get(first, ())
    return tuple(r for r in gaz.names.get(first, ()) if gaz.places[r].feature_code in ("PCLI", "PPLC"))


def _compound(tok: _Token, rows: tuple[int, ...], sentence: Sentence) -> _Hit:
    """ "US-Angaben", "Ukraine-Krieg", "Kiew-treue": a country or capital before a hyphen."""
    first, _, head = tok.text.partition("-")
    return _Hit(tok.start, tok.start + len(first), sentence, rows, first.casefold(), False, 0.9,
                compound_head=head.casefold())


def _seat_compound(tok: _Token, sentence: Sentence, gaz: Gazetteer) -> _Hit | None:
    """ "Kremlsprecher", "Kremlchef": the seat of power inside a compound speaks."""
    if tok.key[:4] not in gaz.speaker_prefixes:
        return None
    for key in gaz.speaker_keys:
        if tok.key.startswith(key) and len(tok.key) > len(key) + 3 and " " not in key:
            end = tok.start + len(key)
            return _Hit(tok.start, end, sentence, gaz.names[key], key, False, 0.9)
    return None


def _contiguous(span: list[_Token]) -> bool:
    return all(b.start - a.end == 1 for a, b in zip(span, span[1:]))


def _lookup_word(key: str, sound: str, gaz: Gazetteer) -> tuple[str, tuple[int, ...]]:
    """A single case-folded word as a name, its genitive ("Kursks", "Russlands"), with a
    compass prefix ("Ostukraine") or by its sound key (``sound``: "Wuhledar")."""
    rows = gaz.names.get(key)
    if rows:
        return key, rows
    if key.endswith("s") and len(key) > 4:  # genitive: only of places big enough to be known
        rows = tuple(r for r in gaz.names.get(key[:-1], ()) if _well_known(gaz.places[r]))
        if rows:
            return key[:-1], rows
    compass = _COMPASS.match(key)
    if compass:
        base = compass.group(1)
        rows = tuple(r for r in gaz.names.get(base, ()) if gaz.places[r].feature_code in ("PCLI", "ADM1"))
        if rows:
            return base, rows
    if len(key) > 3 and key not in gaz.common_words:  # German spelling of a Cyrillic name
        return key, gaz.sounds.get(sound, ())
    return key, ()


def _own_name(key: str, p: Row) -> bool:
    """True if ``key`` is the place's canonical or German name, not one of its alternates."""
    return key in _own_keys(p.name, p.name_de)[:2]


@lru_cache(maxsize=65_536)
def _own_keys(name: str, name_de: str) -> tuple[str, str, str]:
    """The keys of the canonical and the German name, and of the canonical name without the
    qualifier GeoNames adds to tell namesakes apart ("Halle (Saale)" is "Halle")."""
    return name_key(name), name_key(name_de), name_key(name.split(" (", 1)[0])


def _well_known(p: Row) -> bool:
    return p.feature_code != "PPL" or p.population >= 100_000 or p.curated


def _word_evidence(tokens: _Tokens, i: int, word: _Word, gaz: Gazetteer,
                   persons: set[str]) -> float:
    """How much the context supports reading this single capitalised word as a place."""
    tok = tokens[i]
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    key, codes, big, curated = word.key, word.codes, word.big, word.curated
    if _dateline(tokens, i):
        return 0.95  # "KIEW –", "GAZA (dpa) –": where the report was filed
    if tok.key in _ORGANISATIONS or tok.key in _CLUB_BEFORE:
        return 0.0  # "Hamas" (an alternate name of Hamm), "Werder", "die Wiener Austria"
    if nxt is not None and tok.key in _PERIODS and nxt.key in _MONTHS:
        return 0.0  # "Mitte April", "Ende Mai"
    if prev is not None and prev.key in _ARTICLES and tok.key in _PEOPLE_NAMED:
        return 0.0  # "die Bayern jubelten": the people or the club; the land takes no article
    country_like = bool(codes & {"PCLI", "CONT"}) or key in gaz.speaker_keys
    if not country_like and (tok.key in persons or
                             (prev is not None and _person_before(prev, tok, gaz))):
        return 0.0  # "Präsident Macron", "sagte Ryder"; but "Botschafter Russlands" is a country
    if nxt is not None and nxt.capital and nxt.start - tok.end == 1 \
            and key in gaz.first_names and not _is_strong_place_word(nxt, gaz):
        return 0.0  # "Kim Jong-un", "Florenz Müller", "Lara Croft" (Croft is a hamlet too)
    if not country_like and tok.text.isupper() and len(tok.text) <= 4:
        return 0.0  # an acronym ("NIS", "ISW"), whatever town has it as an alternate name
    if "PCLI" not in codes and (_in_club_name(prev, tok, nxt) or (
            i >= 2 and prev is not None and prev.capital and tok.start - prev.end == 1
            and _in_club_name(tokens[i - 2], prev, None))):
        return 0.0  # "FC Bayern", "FC Bayern München", "Manchester United": a club, no place
    if prev is not None and prev.key in _WATERSIDE and not codes & {"PCLI", "CONT", "ADM1"}:
        return 0.0  # "am Don", "am Dnipro": German says "am" of rivers, seas and fronts
    # a preposition right before the name ("auf, Elena" is a verb's particle)
    direct = prev is not None and prev.key in _LOCATIVE and tok.start - prev.end == 1
    locative = direct or (prev is not None and _settlement_word(prev, gaz)) \
        or _in_located_list(tokens, i, gaz)
    if tokens.sports and not country_like and not locative:
        return 0.0  # a team in a match report: "fertigte Bochum ab", "wie Leipzig 20 Punkte"
    if key in gaz.first_names and big < 200_000 and not (country_like or curated or direct):
        return 0.0  # "Johannes", "David": a given name before it is a town
    if prev is not None and prev.key in _ARTICLES and not country_like and not locative \
            and "ADM1" not in codes:
        return 0.0  # "der Financial Times", "die Sonne"; but regions take one: "auf der Krim"
    if key in gaz.lexical_keys:  # "Mark", "Sonne"; but "in Essen"
        return 0.6 if (locative and big >= _BIG_HOMOGRAPH) else 0.0
    if country_like or curated:
        return 0.95
    if not word.own and not locative and big < 100_000:
        return _WEAK  # only an alternate name of a small town ("Cloud", "Tui"): too weak alone
    if not locative and (_name_part(prev, tok, i - 1, gaz) or _name_part(nxt, tok, i + 1, gaz)):
        return 0.0  # "Borussia Dortmund", "New York Times": a town inside a longer name
    if locative:
        return 0.8 if big >= 500 else 0.0
    if big >= 50_000:
        return 0.85
    return 0.6 if big >= 10_000 else _WEAK


def _dateline(tokens: _Tokens, i: int) -> bool:
    """True if the word is a place of a dateline: at the start of a paragraph (or after the
    dateline's other places), followed by more places, an agency and a dash."""
    tok, prose = tokens[i], tokens.prose
    if not _DATELINE_AFTER.match(prose, tok.end):
        return False
    line = prose.rfind("\n", 0, tok.start) + 1
    return _DATELINE_BEFORE.fullmatch(prose, line, tok.start) is not None


def _in_club_name(prev: _Token | None, tok: _Token, nxt: _Token | None) -> bool:
    """True if the word sits in a club's, team's or newspaper's name: after an abbreviation such
    as "FC", "VfL", "THW" or a club word ("Borussia", "Dynamo"), or before "United", "Times"."""
    if prev is not None and tok.start - prev.end == 1:
        text = prev.text
        if prev.key in _CLUB_BEFORE or (
                2 <= len(text) <= 4 and sum(c.isupper() for c in text) >= 2 and text.isalpha()):
            return True
    return nxt is not None and nxt.start - tok.end == 1 and nxt.key in _CLUB_AFTER


def _list_head(tokens: _Tokens, i: int, gaz: Gazetteer) -> _Token | None:
    """The word that governs a list of names this one ends or continues: the preposition of
    "bei Kurachowe und Selydowe", the settlement word of "die Dörfer A, B und C", the type word
    of "den Regionen Brjansk, Kursk und Belgorod". None if the name is in no such list. Commas
    are read from the gaps between words."""
    listed = False
    for j in range(i - 1, max(-1, i - 9), -1):
        t, after = tokens[j], tokens[j + 1]
        if t.key in _JOIN:
            listed = True
        elif t.key in _LOCATIVE or t.key.endswith(_SETTLEMENT_WORDS + _TYPE_PLURALS):
            # also "Bei", "In" at the start of a sentence; the first name of the list must be
            # one the gazetteer knows: "am Wochenende, Russland habe" is no list
            first = _word(after.key, gaz)
            known = bool(first.rows) or first.sound_start or first.multiword_start
            return t if listed and known and after.start - t.end == 1 else None
        elif t.capital:
            listed = listed or after.start - t.end == 2  # "Jar, Kupjansk"
        else:
            return None
    return None


def _in_located_list(tokens: _Tokens, i: int, gaz: Gazetteer) -> bool:
    """True if a preposition or settlement word before a list of names reaches this one."""
    head = _list_head(tokens, i, gaz)
    return head is not None and not head.key.endswith(_TYPE_PLURALS)


def _settlement_word(tok: _Token, gaz: Gazetteer) -> bool:
    """ "Stadt", "Hauptstadt", "Dorf" before a name make it a settlement; "Düsseldorf" does not."""
    return tok.key.endswith(_SETTLEMENT_WORDS) and not _is_place_word(tok.text, gaz)


def _name_part(other: _Token | None, tok: _Token, index: int, gaz: Gazetteer) -> bool:
    """True if ``other`` is a capitalised, uncommon, non-place word right next to ``tok``."""
    if other is None or not other.capital or index == 0:
        return False
    if other.start != tok.end + 1 and tok.start != other.end + 1:
        return False
    return other.key not in gaz.common_words and not _is_place_word(other.text, gaz)


def _is_initial(tok: _Token) -> bool:
    """ "W" of "George W. Bush": one capital letter, a full stop and a space before the name."""
    return len(tok.text) == 1 and tok.capital


def _is_strong_place_word(tok: _Token, gaz: Gazetteer) -> bool:
    """A country, a region or a city of 100,000 people: "Georgia Tiflis" is no person."""
    word = _word(tok.key, gaz)
    return bool(word.codes & {"PCLI", "CONT", "ADM1"}) or word.big >= 100_000


def _person_before(prev: _Token, tok: _Token, gaz: Gazetteer) -> bool:
    """True if ``prev`` makes ``tok`` a person's name: a title, given name or initial right
    before it ("Präsident Macron", "Pat Ryder", "W. Bush"; not "der Präsident, Kiew ...")."""
    gap = tok.start - prev.end
    return (gap == 1 or (gap == 2 and _is_initial(prev))) and _is_person_context(prev, gaz)


def _is_person_context(prev: _Token, gaz: Gazetteer) -> bool:
    key = prev.key
    return (_is_initial(prev) or key in _TITLES or key.endswith(_TITLE_SUFFIXES) or
            (prev.capital and key in gaz.first_names and key not in gaz.lexical_keys
             and key not in _FUNCTION_WORDS))


def _is_place_word(word: str, gaz: Gazetteer) -> bool:
    return bool(_word(word.casefold(), gaz).rows)


def _typed_region(tokens: _Tokens, i: int, sentence: Sentence,
                  gaz: Gazetteer) -> tuple[_Hit, int] | None:
    """ "Region Donezk", "russische Grenzregion Kursk", "Oblast Kursk" -> the region. Called
    for words whose ``_Word.type_word`` is set."""
    tok = tokens[i]
    if i + 1 >= len(tokens):
        return None
    for n in (3, 2, 1):  # "Bundesstaat New York", "Oblast Kursk"
        span = tokens.run(i + 1, i + 1 + n)
        if len(span) < n or not all(t.capital for t in span) or not _contiguous([tok, *span]):
            continue
        text = " ".join(t.text for t in span)
        key = _word(span[0].key, gaz).key if n == 1 else name_key(text)
        whole = gaz.names.get(name_key(f"{tok.text} {text}"), ())
        rows = _regions(key, whole, gaz)
        if not rows:
            continue
        if tok.key.endswith(_TYPE_PLURALS):  # "den Regionen Brjansk, ...": the name alone
            return _Hit(span[0].start, span[-1].end, sentence, rows, key, True, 0.95), 1 + n
        return _Hit(tok.start, span[-1].end, sentence, rows, key, True, 0.95), 1 + n
    return None


def _listed_region(tokens: _Tokens, i: int, sentence: Sentence, gaz: Gazetteer) -> _Hit | None:
    """A later name of a list after a plural type word: "Kursk und Belgorod" of "den Regionen
    Brjansk, Kursk und Belgorod" are regions too."""
    head = _list_head(tokens, i, gaz)
    if head is None or not head.key.endswith(_TYPE_PLURALS):
        return None
    tok = tokens[i]
    key = _word(tok.key, gaz).key
    rows = _regions(key, (), gaz)
    return _Hit(tok.start, tok.end, sentence, rows, key, True, 0.95) if rows else None


def _regions(key: str, whole: tuple[int, ...], gaz: Gazetteer) -> tuple[int, ...]:
    """The regions among a name's places, those valid only after a type word included."""
    regions = [r for r in (*whole, *gaz.typed_names.get(key, ()), *gaz.names.get(key, ()))
               if gaz.places[r].feature_code == "ADM1"]
    return tuple(dict.fromkeys(regions))


def _role(tokens: _Tokens, start: int, end: int, hit: _Hit, gaz: Gazetteer) -> Role:
    """ "speaker" where a country, capital or seat of power stands for its government, forces or
    officials ("Seoul sagte", "Moskaus Truppen", "nach US-Angaben", "Kremlsprecher"); "place"
    where it is a location ("in der Ukraine", "nach Russland", "im Kreml", "Ukraine-Krieg")."""
    if hit.compound_head:
        return "place" if hit.compound_head.startswith(_EVENT_HEADS) else "speaker"
    if _dateline(tokens, start):
        return "place"
    codes = {gaz.places[r].feature_code for r in hit.rows}
    if hit.bare_key not in gaz.speaker_keys and (hit.typed or not codes & {"PCLI", "PPLC"}):
        return "place"
    before = start - 1
    if before >= 0 and _settlement_word(tokens[before], gaz):
        before -= 1  # "auf die Hauptstadt Kiew"
    if before >= 0 and tokens[before].key in _ARTICLES:
        before -= 1  # "in der Ukraine", "an die Ukraine"
    if before >= 1 and tokens[before].key in _PART_NOUNS:
        before -= 1  # "im Osten der Ukraine", "in Teilen Russlands"
        if tokens[before].key in _ARTICLES:
            before -= 1
    if before < 0 or tokens[before].key not in _WHERE:
        head = _list_head(tokens, start, gaz)  # "in Berlin, Paris und London"
        if head is None or head.key not in _WHERE:
            return "speaker"
    said = " ".join(t.key for t in tokens.run(end, end + 2))
    return "speaker" if said in _SAYING else "place"


# --- resolution ---------------------------------------------------------------------------

# What the resolver weighs for each (mention, candidate): named features, their weights fitted
# by ``scripts/fit_resolution.py`` (a conditional logistic regression over each mention's
# candidates) and kept in ``data/lexicon/resolution_weights.json``. A type word or settlement
# word is no feature but a filter: after "Oblast" the candidates are the regions
# (``_typed_region``), after "Stadt" the towns (``_match_at``).
FEATURES = (
    "log_population",  # log10(population + 1) / 7
    "country", "region", "city",  # feature class (a village is none of these)
    "capital",  # a national capital
    "own_name",  # written as the place's own canonical or German name ("Kiew", "Odessa"), not
    #              an alternate; the German name apart is no feature: GeoNames' alternates carry
    #              no language, and small namesakes get German names that are none ("Usa")
    "qualified_name",  # its canonical name without GeoNames' qualifier: "Halle (Saale)"
    "curated",  # a supplement entry or a region: chosen for this domain
    "near",  # 1 - km / 400 to the nearest of the article's other unambiguous places
    "same_country",  # the article names another place in the candidate's country
    "same_admin1",  # ... or in its admin-1 region
    "cue_town",  # a place-cue preposition right before ("in Bochum"), and a town
    "speaker_seat",  # the mention speaks ("Berlin erklärte") and the candidate is a country
    #                  or capital
    "german_speaking",  # in Germany, Austria or Switzerland: German news is mostly about these
)
_WEIGHTS = lexicon.resolution_weights(FEATURES)
_GERMAN_SPEAKING = frozenset(("DE", "AT", "CH"))
_NEAR_KM = 400.0


@dataclass(frozen=True, slots=True)
class Case:
    """A recognised name with its candidates and each one's features (in ``FEATURES`` order):
    what the resolver weighs, the same for fitting as for serving."""

    start: int
    end: int
    rows: tuple[int, ...]
    features: tuple[tuple[float, ...], ...]


def resolution_cases(article: Article, sentences: list[Sentence], gaz: Gazetteer) -> list[Case]:
    """The article's recognised names and their candidates' features, as ``find_mentions``
    weighs them: what ``scripts/fit_resolution.py`` fits the weights on."""
    hits = _hits(article, sentences, gaz)
    context = _Context(hits, gaz)
    return [Case(h.start, h.end, rows, tuple(candidate_features(gaz.places[r], h, context)
                                             for r in rows))
            for h in hits for rows in (_candidates(h, context),)]


class _Context:
    """What the article says besides one name: the points of its unambiguous places (typed
    regions, names with one local candidate) and the countries and admin-1 regions of its
    places, each by the name that gave it, so that a name never supports itself."""

    __slots__ = ("anchors", "countries", "admin1s", "region_of")

    def __init__(self, hits: list[_Hit], gaz: Gazetteer) -> None:
        self.anchors: list[tuple[str, _Anchor]] = []
        self.countries: dict[str, set[str]] = {}
        self.admin1s: dict[tuple[str, str], set[str]] = {}
        self.region_of = {h.bare_key: h for h in hits if h.typed}
        seen: set[tuple[str, str]] = set()
        for h in hits:
            places = [gaz.places[r] for r in h.rows]
            for p in places:
                if p.feature_code == "PCLI":  # a country named: "in der Ukraine"
                    self.countries.setdefault(p.country_code, set()).add(h.bare_key)
            if h.role == "speaker":
                continue  # a capital that speaks says nothing about where things happen
            local = [p for p in places if p.feature_code not in ("PCLI", "CONT")]
            if (h.typed or len(local) == 1) and (h.bare_key, local[0].place_id) not in seen:
                p = local[0]
                seen.add((h.bare_key, p.place_id))
                self.anchors.append((h.bare_key, _Anchor(p.lat, p.lon)))
                self.countries.setdefault(p.country_code, set()).add(h.bare_key)
                self.admin1s.setdefault((p.country_code, p.admin1), set()).add(h.bare_key)


def _candidates(hit: _Hit, context: _Context) -> tuple[int, ...]:
    """The hit's places; where the article names a typed region of the same name, the region's
    (one sense per discourse: "Region Kursk" ... "in Kursk"), unless a settlement word or a
    dateline made the name a town."""
    typed = context.region_of.get(hit.bare_key)
    if not hit.typed and not hit.settlement and typed is not None:
        return typed.rows
    return hit.rows


def _by_others(keys: set[str] | None, own: str) -> float:
    return 1.0 if keys and (len(keys) > 1 or own not in keys) else 0.0


def candidate_features(p: Row, hit: _Hit, context: _Context) -> tuple[float, ...]:
    """The features of one candidate for one mention, in ``FEATURES`` order: the one function
    both the fitting script and the resolver call."""
    f = _facts(p)
    key = hit.bare_key
    near = 0.0
    if context.anchors and not f.country:
        km = min((a.km(p.lat, p.lon) for k, a in context.anchors if k != key), default=_NEAR_KM)
        near = max(0.0, 1 - km / _NEAR_KM)
    return (
        f.log_population, f.country, f.region, f.city, f.capital,
        float(key == f.name or key == f.name_de),
        float(key == f.unqualified != f.name),
        f.curated, near,
        _by_others(context.countries.get(p.country_code), key),
        0.0 if f.country else _by_others(context.admin1s.get((p.country_code, p.admin1)), key),
        float(hit.cue and f.town),
        float(hit.role == "speaker" and f.seat),
        f.german_speaking,
    )


class _Facts(NamedTuple):
    """What a candidate's features read of it alone, worked out once per place."""

    log_population: float
    country: float
    region: float
    city: float
    capital: float
    curated: float
    german_speaking: float
    town: bool
    seat: bool  # a country or a capital: what speaks for a state
    name: str  # the keys of its canonical and German name, and the canonical one unqualified
    name_de: str
    unqualified: str


@lru_cache(maxsize=65_536)
def _facts(p: Row) -> _Facts:
    kind = kind_of(p.feature_code, p.population)
    name, name_de, unqualified = _own_keys(p.name, p.name_de)
    return _Facts(
        math.log10(p.population + 1) / 7, float(kind == "country"), float(kind == "region"),
        float(kind == "city"), float(p.feature_code == "PPLC"),
        float(p.curated or p.precision != "settlement"),
        float(p.country_code in _GERMAN_SPEAKING), kind in ("city", "village"),
        p.feature_code in ("PCLI", "PPLC"), name, name_de, unqualified)


def _resolve(article: Article, hits: list[_Hit], gaz: Gazetteer) -> list[Mention]:
    context = _Context(hits, gaz)
    # a name repeated through the article is ranked once: its candidates follow from these
    rankings: dict[tuple, list[tuple[float, int]]] = {}
    mentions: list[Mention] = []
    for hit in hits:
        reading = (hit.bare_key, hit.typed, hit.settlement, hit.compound_head, hit.role, hit.cue)
        ranked = rankings.get(reading)
        if ranked is None:
            ranked = rankings[reading] = _rank(hit, context, gaz)
        best_p, best = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else None
        surface = article.text[hit.start:hit.end]
        mentions.append(Mention(
            article=article.id, start=hit.start, end=hit.end, surface=surface,
            sentence=hit.sentence, role=hit.role, place=gaz.place(best),
            confidence=round(hit.evidence * best_p, 3),
            runner_up=gaz.place(runner[1]) if runner else None,
            runner_up_confidence=round(hit.evidence * runner[0], 3) if runner else None))
    return mentions


def _rank(hit: _Hit, context: _Context, gaz: Gazetteer) -> list[tuple[float, int]]:
    """The candidates with their probability under the fitted weights, best first (ties: the
    earlier row, as the index lists a name's places)."""
    rows = _candidates(hit, context)
    scores = [sum(map(mul, _WEIGHTS, candidate_features(gaz.places[r], hit, context)))
              for r in rows]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return sorted(((e / total, r) for e, r in zip(exp, rows)), key=lambda t: -t[0])


class _Anchor:
    """A point with what the distance to it needs, worked out once per article."""

    __slots__ = ("lat", "lon", "cos")

    def __init__(self, lat: float, lon: float) -> None:
        self.lat, self.lon = math.radians(lat), math.radians(lon)
        self.cos = math.cos(self.lat)

    def km(self, lat: float, lon: float) -> float:
        """Distance on the plane tangent between the points: within the 400 km that count
        for resolution it is off by under 1 %, and it needs one cosine, not five calls."""
        lat, lon = math.radians(lat), math.radians(lon)
        dx = (lon - self.lon) * (self.cos + math.cos(lat)) / 2
        return 6371.0 * math.hypot(dx, lat - self.lat)
