"""Sources as entities: the same speaker or body written many ways ("US-Außenminister Antony
Blinken", "amerikanische Außenminister Antony Blinken"; "libanesischen Gesundheitsministerium",
"libanesische Gesundheitsministerium") merged under one key, with every surface form kept, and a
source type (government, military, intelligence, media, NGO, international) to filter on.

Rules, not a model: titles, descriptors and nationality adjectives are stripped, adjective and
genitive endings folded, known spelling variants of names mapped to one; an acronym in the
text (GUR, NIS) is the body's name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

NO_SOURCE = "(keine Quelle genannt)"
TYPES = ("Regierung", "Militär", "Nachrichtendienst", "Medien", "NGO", "international",
         "unbekannt")

# Words that say who someone is, not which one: dropped before the name.
_TITLES = {
    "präsident", "präsidentin", "außenminister", "außenministerin", "verteidigungsminister",
    "verteidigungsministerin", "minister", "ministerin", "sprecher", "sprecherin", "chef",
    "chefin", "leiter", "leiters", "leiterin", "direktor", "kanzler", "kanzlerin",
    "oberbefehlshaber", "oberbefehlshabers", "generalsekretär", "premierminister", "regierungschef",
    "stellvertretende", "stellvertretenden", "general", "generals", "botschafter",
    "verteidigungsministeriumssprecher", "kremlsprecher", "pentagon-sprecher",
}
_FILLERS = {"angaben", "nach", "laut", "des", "der", "die", "dem", "den", "das", "von", "vom",
            "zufolge", "berichten", "berichte", "bericht", "aussagen", "einem", "eines", "einer"}
# Nationality and other adjectives that describe the speaker; stems (endings folded).
_ADJECTIVES = ("ukrainisch", "russisch", "amerikanisch", "us-amerikanisch", "nordkoreanisch",
               "südkoreanisch", "britisch", "deutsch", "französisch", "israelisch",
               "palästinensisch", "libanesisch", "offiziell", "westlich", "ehemalig")
_NAME_VARIANTS = {"zelenski": "selenskyj", "zelensky": "selenskyj", "zelenskyj": "selenskyj",
                  "selenski": "selenskyj", "oumerov": "umerov", "umjerow": "umerov",
                  "hur": "gur"}
_ACRONYM = re.compile(r"\b([A-ZÄÖÜ]{2,6})\b")
_ENDING = re.compile(r"(?:en|es|er|em|e|s)$")

_TYPE_WORDS = (
    ("Nachrichtendienst", ("geheimdienst", "nachrichtendienst", "gur", "hur", "nis", "cia",
                           "bnd", "sbu", "fsb", "mi6", "aufklärung")),
    ("Militär", ("armee", "generalstab", "militär", "streitkräfte", "verteidigungsministerium",
                 "kommando", "oberbefehlshaber", "pentagon", "truppen", "brigade", "heer",
                 "verteidigungsminister", "general", "luftwaffe", "marine")),
    ("Medien", ("agentur", "zeitung", "medien", "reuters", "dpa", "afp", "tass", "bbc", "cnn",
                "sender", "journalist", "portal", "kbs", "yonhap", "ria", "bericht", "spiegel")),
    ("NGO", ("amnesty", "human rights", "rotes kreuz", "roten kreuz", "ärzte ohne grenzen",
             "organisation", "hilfswerk", "institut", "isw", "beobachtungsstelle")),
    ("international", ("vereinte nationen", "vereinten nationen", "uno", "un-", "nato",
                       "osze", "eu-kommission", "europäische union", "iaea")),
    ("Regierung", ("präsident", "minister", "regierung", "kreml", "präsidialamt", "kanzler",
                   "behörde", "gesundheitsministerium", "außenministerium", "weißes haus",
                   "kiew", "moskau", "washington", "selenskyj", "zelenski", "putin", "blinken",
                   "umerov", "oumerov", "ukraine", "us", "usa", "angaben")),
)


def _fold(word: str) -> str:
    """Case and inflection folded: 'Ukrainischen' -> 'ukrainisch', 'Militärgeheimdienstes' ->
    'militärgeheimdienst'."""
    w = word.lower().strip(".,;:()\"'„“")
    return _ENDING.sub("", w) if len(w) > 4 else w


def _core_words(surface: str, person: bool = True) -> list[str]:
    """The surface without fillers and, for a person, without titles and describing
    adjectives ("US-Außenminister Antony Blinken" -> Antony Blinken), as written. A body keeps
    them: the Lebanese and the Russian ministry are different sources."""
    words = [w for w in re.split(r"\s+", surface.strip()) if w]
    out = []
    for w in words:
        low = w.lower().strip(".,;:()\"'„“")
        bare = low.split("-")[-1] if "-" in low and low.split("-")[0] in ("us", "ex") else low
        if low in _FILLERS:
            continue
        if person and (bare in _TITLES or low in _TITLES
                       or any(_fold(low).startswith(a) or _fold(bare).startswith(a)
                              for a in _ADJECTIVES)):
            continue
        out.append(w)
    return out


def _is_person(words: list[str]) -> bool:
    """One to three capitalised words that are not an institution: a person's name."""
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        _fold(w).endswith(("ministerium", "ministeri", "dienst", "amt", "kommando", "behörd",
                           "regierung", "nation", "arme"))
        or _fold(w) in ("kiew", "moskau", "nato", "us", "usa", "ukrain", "agentur", "bericht")
        for w in words)


@lru_cache(maxsize=65536)
def entity_key(surface: str | None) -> str:
    """One key for every spelling of the same speaker or body (cached: a store repeats its
    sources thousands of times and every page run asks)."""
    if not surface or not surface.strip():
        return NO_SOURCE
    acronyms = [a for a in _ACRONYM.findall(surface) if a not in ("US", "USA")]
    if acronyms:
        return _NAME_VARIANTS.get(acronyms[-1].lower(), acronyms[-1].lower())
    words = _core_words(surface)
    if _is_person(words):
        # the surname decides (first names, titles and descriptors vary); a glued-on
        # acronym ("KBSRoustem") is cut off
        last = _fold(re.sub(r"^[A-ZÄÖÜ]{2,}(?=[A-ZÄÖÜ][a-zäöüß])", "", words[-1]))
        return _NAME_VARIANTS.get(last, last)
    body = _core_words(surface, person=False) or surface.split()
    return " ".join(_NAME_VARIANTS.get(_fold(w), _fold(w)) for w in body)


@lru_cache(maxsize=65536)
def source_type(surface: str | None) -> str:
    """Government, military, intelligence, media, NGO or international, by the words used."""
    if not surface:
        return "unbekannt"
    low = surface.lower()
    tokens = set(re.findall(r"[\wäöüß-]+", low))
    for kind, words in _TYPE_WORDS:
        for w in words:
            if (w in tokens) if len(w) <= 4 else (w in low):
                return kind
    return "unbekannt"


@dataclass
class Entity:
    """One speaker or body: its shown name, type and every way it was written."""

    key: str
    name: str
    type: str
    surfaces: list[str] = field(default_factory=list)


def entities(surfaces: list[str | None]) -> dict[str, Entity]:
    """Group source surfaces into entities. The shown name is the most frequent surface with
    titles stripped for a person, as written for a body; the type is the most specific one any surface gives."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for s in surfaces:
        groups[entity_key(s)][s or NO_SOURCE] += 1
    out = {}
    for key, counts in groups.items():
        forms = sorted(counts, key=lambda s: (-counts[s], -len(s), s))
        if key == NO_SOURCE:
            out[key] = Entity(key, NO_SOURCE, "unbekannt", forms)
            continue
        best = forms[0]
        core = _core_words(best)
        name = " ".join(core) if _is_person(core) else best
        kinds = [source_type(s) for s in forms]
        kind = next((k for k in TYPES if k in kinds and k != "unbekannt"), "unbekannt")
        out[key] = Entity(key, name, kind, forms)
    return out
