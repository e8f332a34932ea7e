"""What the gazetteer says of one capitalised word: whether it could start a place name, which
places it names (also as a genitive, with a compass prefix or by its sound key), and how strong
a name it is. Worked out once per word: German capitalises every noun, and most are no name;
``start_keys`` decides the frequent words when the gazetteer is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from geo import lexicon
from geo.gazetteer import Gazetteer, NameFact, NameFacts, Row, name_key
from geo.text.translit import german_key, german_keys

_WORDS = lexicon.load().places
_COMPASS_PREFIXES = _WORDS.compass_prefixes
_COMPASS = re.compile(f"(?:{'|'.join(_COMPASS_PREFIXES)})" r"(\w{4,})$")
_TYPE_FORMS = _WORDS.type_forms
# the last five letters of the type words: a word ending otherwise is none, by one set lookup
_TYPE_TAILS = frozenset(form[-5:] for form in _TYPE_FORMS)
# a place this big outweighs the ordinary word its name also is, after a preposition ("in Essen")
BIG_HOMOGRAPH = 100_000


@dataclass(frozen=True, slots=True)
class Word:
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


def word_of(key: str, gaz: Gazetteer) -> Word:
    """The memoised ``Word`` for a case-folded token."""
    word = cast("Word | None", gaz.word_memo.get(key))
    if word is None:
        if len(gaz.word_memo) > 500_000:
            gaz.word_memo.clear()  # a bound for long-running processes fed endless new words
        word = describe(key, gaz)
        gaz.word_memo[key] = word
    return word


def alone_could_start(key: str, gaz: Gazetteer) -> bool:
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
    return bool(open_starts((key,), gaz))


def open_starts(keys: Iterable[str], gaz: Gazetteer) -> set[str]:
    """The words among ``keys`` (no names, no frequent words) that could start a place name: a
    type word, a seat of power or a country before a hyphen, else a sound key that is a
    Cyrillic place's. Decided for an article's new words at once, their sound keys made
    together (``german_keys``): no memo, as most words of real news are new."""
    found: set[str] = set()
    sounded: list[str] = []
    for key in keys:
        if (key[-5:] in _TYPE_TAILS and key.endswith(_TYPE_FORMS)) \
                or key[:4] in gaz.speaker_prefixes or ("-" in key and compound_rows(key, gaz)):
            found.add(key)
        else:
            sounded.append(key)
    for key, sound in zip(sounded, german_keys(sounded)):
        if sound in gaz.sound_starts or (
                sound in gaz.sounds and _starts_alone(word_of(key, gaz), key, gaz)):
            found.add(key)
    return found


def _starts_alone(word: Word, key: str, gaz: Gazetteer) -> bool:
    """``word.could_start`` without its multiword reading."""
    return ((bool(word.rows) and not word.word_only) or word.sound_start or word.type_word
            or bool(word.compound) or key[:4] in gaz.speaker_prefixes)


def start_keys(gaz: Gazetteer) -> frozenset[str]:
    """The names that are also German words, frequent words, genitives ("Kursks") and compass
    compounds ("Ostukraine") that could begin a place name: worked out once when the gazetteer
    is built, so that the recogniser decides most new words with set lookups. Names that are no
    word always could (they are left out: the set stays small and loads fast); words that no
    entry of the index holds (type words, compounds, sound keys) are left to
    ``alone_could_start``."""
    known = [k for k, rows in gaz.names.items() if any(well_known(gaz.places[r]) for r in rows)]
    bases = [k for k, rows in gaz.names.items() if re.fullmatch(r"\w{4,}", k)
             and any(gaz.places[r].feature_code in ("PCLI", "ADM1") for r in rows)]
    rest = {*gaz.lexical_keys, *gaz.common_words, *(k + "s" for k in known),
            *(p + b for p in _COMPASS_PREFIXES for b in bases)}
    return frozenset(k for k in rest if (k not in gaz.names or k in gaz.lexical_keys)
                     and _starts_alone(describe(k, gaz), k, gaz))


def describe(key: str, gaz: Gazetteer) -> Word:
    sound = german_key(key)
    name, rows, fact = _lookup_word(key, sound, gaz)
    sound_start, type_word = sound in gaz.sound_starts, key.endswith(_TYPE_FORMS)
    multiword_start, compound = key in gaz.multiword_starts, compound_rows(key, gaz)
    word_only = bool(rows) and name in gaz.lexical_keys and fact.big < BIG_HOMOGRAPH
    could_start = ((bool(rows) and not word_only) or sound_start or type_word or multiword_start
                   or bool(compound) or key[:4] in gaz.speaker_prefixes)
    if not rows:
        return Word(could_start, sound_start, type_word, multiword_start, compound, key=key)
    return Word(
        could_start, sound_start, type_word, multiword_start, compound, key=name, rows=rows,
        word_only=word_only, codes=fact.codes, big=fact.big, curated=fact.curated, own=fact.own)


def name_facts(gaz: Gazetteer) -> NameFacts:
    """The ``NameFact`` of every name of the index, for ``describe``: worked out once when the
    gazetteer is built, each place's own name keys made once."""
    places = list(gaz.places)
    # every place once, past the memo (240,000 places would only churn its 65,536 entries)
    owns = [own_keys.__wrapped__(p.name, p.name_de)[:2] for p in places]
    return NameFacts([fact_of(key, [places[r] for r in rows], [owns[r] for r in rows])
                      for key, rows in gaz.names.items()])


def fact_of(name: str, places: Sequence[Row], owns: Iterable[tuple[str, ...]]) -> NameFact:
    """What the places of ``name`` are (``owns``: each one's own name keys)."""
    return NameFact(
        codes=frozenset(p.feature_code for p in places),
        big=max((p.population for p in places), default=0),
        curated=any(p.curated or p.feature_code != "PPL" for p in places),
        own=any(name in own for own in owns))


def _fact_of_rows(name: str, rows: tuple[int, ...], gaz: Gazetteer) -> NameFact:
    places = [gaz.places[r] for r in rows]
    return fact_of(name, places, map(_own_pair, places))


def compound_rows(key: str, gaz: Gazetteer) -> tuple[int, ...]:
    """The countries, regions or well-known cities (or seats of power) named before a hyphen:
    "us-angaben", "gaza-krieg", "darfur-rebellen"."""
    first, _, head = key.partition("-")
    if not head:
        return ()
    if first in gaz.speaker_keys:
        return gaz.names.get(first, ())
    return tuple(r for r in gaz.names.get(first, ())
                 if _compound_place(first, gaz.places[r], "-" in head))


def _compound_place(key: str, p: Row, chain: bool) -> bool:
    """A country or a capital; or, before one hyphen only, a region or a city of 100,000 people
    by its own name ("Gaza-Krieg"): an alternate name of a small town ("Vostok-SOS") names
    none, nor does a word of a longer chain ("Volta-Kongo-Sprachen", "Down-to-earth")."""
    if p.feature_code in ("PCLI", "PPLC"):
        return True
    if chain:
        return False
    return p.feature_code in ("ADM1", "CONT") or (p.population >= 100_000 and _own_name(key, p))


def _lookup_word(key: str, sound: str,
                 gaz: Gazetteer) -> tuple[str, tuple[int, ...], NameFact]:
    """A single case-folded word as a name, its genitive ("Kursks", "Russlands"), with a
    compass prefix ("Ostukraine") or by its sound key (``sound``: "Wuhledar"); with what its
    places are (``_NO_FACT`` when there are none)."""
    at = gaz.names.position(key)
    if at is not None:
        return key, gaz.names.rows_at(at), gaz.name_facts[at]
    if key.endswith("s") and len(key) > 4:  # genitive: only of places big enough to be known
        rows = tuple(r for r in gaz.names.get(key[:-1], ()) if well_known(gaz.places[r]))
        if rows:
            return key[:-1], rows, _fact_of_rows(key[:-1], rows, gaz)
    compass = _COMPASS.match(key)
    if compass:
        base = compass.group(1)
        rows = tuple(r for r in gaz.names.get(base, ()) if gaz.places[r].feature_code in ("PCLI", "ADM1"))
        if rows:
            return base, rows, _fact_of_rows(base, rows, gaz)
    if len(key) > 3 and key not in gaz.common_words:  # German spelling of a Cyrillic name
        rows = gaz.sounds.get(sound, ())
        if rows:
            return key, rows, _fact_of_rows(key, rows, gaz)
    return key, (), _NO_FACT


def _own_name(key: str, p: Row) -> bool:
    """True if ``key`` is the place's canonical or German name, not one of its alternates."""
    return key in _own_pair(p)


def _own_pair(p: Row) -> tuple[str, ...]:
    """The keys of the place's canonical and German name."""
    return own_keys(p.name, p.name_de)[:2]


_NO_FACT = NameFact(frozenset(), 0, False, False)


@lru_cache(maxsize=65_536)
def own_keys(name: str, name_de: str) -> tuple[str, str, str]:
    """The keys of the canonical and the German name, and of the canonical name without the
    qualifier GeoNames adds to tell namesakes apart ("Halle (Saale)" is "Halle")."""
    return name_key(name), name_key(name_de), name_key(name.split(" (", 1)[0])


def well_known(p: Row) -> bool:
    return p.feature_code != "PPL" or p.population >= 100_000 or p.curated


def is_place_word(word: str, gaz: Gazetteer) -> bool:
    return bool(word_of(word.casefold(), gaz).rows)
