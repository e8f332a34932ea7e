"""What the words around a name say, for recognition and roles alike: a dateline ("KIEW –"),
a settlement word before it ("die Stadt Charkiw"), the word that governs a list it is in
("bei Kurachowe und Selydowe").
"""

from __future__ import annotations

import re

from geo import lexicon
from geo.gazetteer import Gazetteer
from geo.places.candidates import Tokens
from geo.places.words import is_place_word, word_of
from geo.text.tokens import Token

_WORDS = lexicon.load().places
# Prepositions that make a following capitalised word likely a place (recognition evidence).
_LOCATIVE = _WORDS.place_cues
_JOIN = _WORDS.list_joiners
_TYPE_PLURALS = _WORDS.type_plurals
_SETTLEMENT_WORDS = _WORDS.settlements
# A dateline: a paragraph that opens with places (and an agency) before a dash: "KIEW –",
# "Wien/Linz –", "GAZA (dpa) –". What may follow the name, and what may stand before it.
_DATELINE_AFTER = re.compile(r"(?:\s*/\s*[^\W\d_][\w.'’-]*)*\s*(?:\([^()\n]{1,30}\)\s*)?[–—-]\s")
_DATELINE_BEFORE = re.compile(r"\s*(?:[^\W\d_][\w.'’-]*\s*/\s*)*")


def dateline(tokens: Tokens, i: int) -> bool:
    """True if the word is a place of a dateline: at the start of a paragraph (or after the
    dateline's other places), followed by more places, an agency and a dash."""
    tok, prose = tokens[i], tokens.prose
    if not _DATELINE_AFTER.match(prose, tok.end):
        return False
    line = prose.rfind("\n", 0, tok.start) + 1
    return _DATELINE_BEFORE.fullmatch(prose, line, tok.start) is not None


def list_head(tokens: Tokens, i: int, gaz: Gazetteer) -> Token | None:
    """The word that governs a list of names this one ends or continues: the preposition of
    "bei Kurachowe und Selydowe", the settlement word of "die Dörfer A, B und C", the type word
    of "den Regionen Brjansk, Kursk und Belgorod". None if the name is in no such list. Commas
    are read from the gaps between words."""
    listed = False
    for j in range(i - 1, max(-1, i - 9), -1):
        t, after = tokens[j], tokens[j + 1]
        if t.key in _JOIN:
            listed = True
        elif t.key in _LOCATIVE or t.key.endswith(_TYPE_PLURALS) or settlement_word(t, gaz):
            # a preposition (also "Bei", "In" opening a sentence), a plural type word or a
            # settlement word, not a town named like one ("bei Freistadt und Ebensee"). The
            # list's first name must be one the gazetteer knows, or a rare word it lacks ("die
            # Siedlungen Melowoj und Podol"): "am Wochenende, Russland habe" is no list
            first = word_of(after.key, gaz)
            known = bool(first.rows) or first.sound_start or first.multiword_start or (
                after.capital and after.key not in gaz.common_words)
            return t if listed and known and after.start - t.end == 1 else None
        elif t.capital:
            listed = listed or after.start - t.end == 2  # "Jar, Kupjansk"
        else:
            return None
    return None


def settlement_word(tok: Token, gaz: Gazetteer) -> bool:
    """ "Stadt", "Hauptstadt", "Dorf" (a village's name too) before a name make it a settlement;
    "Düsseldorf" does not."""
    return tok.key in _SETTLEMENT_WORDS or (
        tok.key.endswith(_SETTLEMENT_WORDS) and not is_place_word(tok.text, gaz))
