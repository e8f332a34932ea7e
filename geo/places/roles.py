"""The role of a recognised place: ``place`` where it is a location, ``speaker`` where a
country, capital or seat of power stands for its government ("Moskau erklärte").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import lexicon
from geo.gazetteer import Gazetteer
from geo.model import Role
from geo.places.candidates import Tokens
from geo.places.context import dateline, list_head, settlement_word

if TYPE_CHECKING:
    from geo.places.recognise import Hit

_WORDS = lexicon.load().places
_ARTICLES = _WORDS.articles
# Prepositions after which a country or capital is a location, not an actor.
_WHERE = _WORDS.where
_EVENT_HEADS = _WORDS.event_heads
_PART_NOUNS = _WORDS.part_nouns
_SAYING = _WORDS.saying


def role(tokens: Tokens, start: int, end: int, hit: Hit, gaz: Gazetteer) -> Role:
    """ "speaker" where a country, capital or seat of power stands for its government, forces or
    officials ("Seoul sagte", "Moskaus Truppen", "nach US-Angaben", "Kremlsprecher"); "place"
    where it is a location ("in der Ukraine", "nach Russland", "im Kreml", "Ukraine-Krieg")."""
    codes = {gaz.places[r].feature_code for r in hit.rows}
    seat = hit.bare_key in gaz.speaker_keys or bool(codes & {"PCLI", "PPLC"})
    if hit.compound_head:  # "Gaza-Krieg", "Darfur-Rebellen": only a seat speaks
        return "speaker" if seat and not hit.compound_head.startswith(_EVENT_HEADS) else "place"
    if dateline(tokens, start):
        return "place"
    if hit.typed or not seat:
        return "place"
    before = start - 1
    if before >= 0 and settlement_word(tokens[before], gaz):
        before -= 1  # "auf die Hauptstadt Kiew"
    if before >= 0 and tokens[before].key in _ARTICLES:
        before -= 1  # "in der Ukraine", "an die Ukraine"
    if before >= 1 and tokens[before].key in _PART_NOUNS:
        before -= 1  # "im Osten der Ukraine", "in Teilen Russlands"
        if tokens[before].key in _ARTICLES:
            before -= 1
    if before < 0 or tokens[before].key not in _WHERE:
        head = list_head(tokens, start, gaz)  # "in Berlin, Paris und London"
        if head is None or head.key not in _WHERE:
            return "speaker"
    said = " ".join(t.key for t in tokens.run(end, end + 2))
    return "speaker" if said in _SAYING else "place"
