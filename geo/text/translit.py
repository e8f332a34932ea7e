"""One spelling key for the German and the English romanisation of a Cyrillic (or Arabic) place
name.

German news writes "Wuhledar", "Tschassiw Jar", "Torezk", "Saporischschja"; GeoNames names the
same towns "Vuhledar", "Chasiv Yar", "Toretsk", "Zaporizhzhya" and carries German alternates
only for the larger ones. Both romanisations come from the same Cyrillic letters, so each is
mapped back to a coarse key of sounds: the German and the English form of a name meet there.

The key merges sounds the two systems write differently (German "sch" is English "sh" and
"zh", German "s" is English "s" and "z", German "j" is English "y" and "i"). It is lossy on
purpose and is used only for places in countries whose names are romanised from Cyrillic or
Arabic (German writes "ch", "sch", "j" for English "kh", "sh", "y" in both), and only for words
the gazetteer does not hold as written.
"""

from __future__ import annotations

import re
import unicodedata

# Countries whose GeoNames names are romanised from Cyrillic and which German news names often.
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})
# Countries whose GeoNames names are English romanisations of Arabic, which German writes by the
# same German rules ("Chan Junis" for Khan Yunis, "El Fascher" for El Fasher, "Nabatijeh").
ARABIC_COUNTRIES = frozenset({"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS",
                              "QA", "SA", "SD", "SY", "TN", "AE", "YE"})


def _table(sounds: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """A one-pass replacer: longest spellings first."""
    return re.compile("|".join(sorted(sounds, key=len, reverse=True))), sounds


_GERMAN = _table({"schtsch": "SC", "tsch": "C", "sch": "S", "ch": "H", "zh": "S", "z": "c",
                  "w": "v", "j": "i", "y": "i", "ß": "s"})
_ENGLISH = _table({"shch": "SC", "ch": "C", "sh": "S", "zh": "S", "kh": "H", "ts": "c",
                   "z": "s", "w": "v", "j": "i", "y": "i"})
_APOSTROPHES = re.compile(r"['’ʹʼ`]")
# the repeats of a character but "\n" (which "." never matches), to be removed: a run becomes
# its first character. Removing them with a literal "" runs in C; a "\1" template calls
# Python for every run on Python 3.11, and German doubles letters in most words
_REPEATS = re.compile(r"(?<=(.))\1+")
# a character beyond the Latin, Greek and Cyrillic blocks: one C scan, not ``max`` per character
_BEYOND_TABLE = re.compile("[^\x00-\u052f]")


def _key(name: str, table: tuple[re.Pattern[str], dict[str, str]]) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("", plain)
    pattern, sounds_of = table
    sounds = pattern.sub(lambda m: sounds_of[m.group()], plain)
    return _REPEATS.sub("", sounds)  # "Saporischschja" and "Zaporizhzhya" both have one S


def _plain_table() -> dict[int, str]:
    """Per character of the Latin, Greek and Cyrillic blocks: what ``_key`` leaves of it before
    its sound rules (accents and apostrophes dropped), with German's one-letter rules applied."""
    table = {}
    for code in range(0x530):
        ch = chr(code)
        plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        table[code] = _APOSTROPHES.sub("", plain)
    return {code: plain.translate(_GERMAN_LETTERS) for code, plain in table.items()}


# German's rules for single letters that no longer spelling contains: a plain mapping
_GERMAN_LETTERS = str.maketrans({"w": "v", "j": "i", "y": "i", "ß": "s"})
_GERMAN_PLAIN = _plain_table()
# the rest of _GERMAN, as replacements in turn: "schtsch" is "sch" + "tsch", and no spelling
# can start inside another's "ch", so this gives what the one-pass replacer gives
_GERMAN_CLUSTERS = (("tsch", "C"), ("sch", "S"), ("ch", "H"), ("zh", "S"), ("z", "c"))


def german_key(name: str) -> str:
    """The sound key of a name as German writes it: "Tschassiw Jar" -> "Casiv iar".

    Runs for every new capitalised word the recogniser meets, so it is ``_key`` with the
    Unicode decomposition looked up in a table and the sound rules done by string methods."""
    folded = name.casefold()
    if not folded.isascii() and _BEYOND_TABLE.search(folded):
        return _key(name, _GERMAN)  # outside the table's blocks: decompose
    plain = folded.translate(_GERMAN_PLAIN)
    for spelling, sound in _GERMAN_CLUSTERS:
        if spelling in plain:
            plain = plain.replace(spelling, sound)
    return _REPEATS.sub("", plain)  # letters written twice once


def german_keys(names: list[str]) -> list[str]:
    """``german_key`` of each name, worked out for all at once: the string operations run on the
    names joined by line breaks (no rule reaches across one), so no Python runs per name. For
    the new words of every article, whose sound keys the recogniser needs."""
    joined = "\n".join(names).casefold()
    if joined.count("\n") != max(0, len(names) - 1) or (
            not joined.isascii() and _BEYOND_TABLE.search(joined)):
        return [german_key(n) for n in names]  # a line break inside a name; other scripts
    plain = joined.translate(_GERMAN_PLAIN)
    for spelling, sound in _GERMAN_CLUSTERS:
        if spelling in plain:
            plain = plain.replace(spelling, sound)
    # runs collapse within each name: "." matches no line break
    return _REPEATS.sub("", plain).split("\n") if names else []


def english_key(name: str) -> str:
    """The sound key of a name as GeoNames writes it: "Chasiv Yar" -> "Casiv iar"."""
    return _key(name, _ENGLISH)
