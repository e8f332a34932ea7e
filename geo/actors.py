"""Whose people a passage is about: demonyms ("nordkoreanische", "auf russischer Seite"),
people-words ("Ukrainer", "Russen"), the "US-" prefix and country or capital names used for
their state ("Truppen aus Nordkorea", "Kiews Streitkräfte"), each with an ISO alpha-2 code.

The table lists each country once by its German adjective, inhabitant noun, country names and
capitals; the inflected forms come from German morphology, not from a word list:
adjectives (all in -sch) take -e/-en/-er/-es/-em, inhabitant nouns in -er take -n/-s/-in/-innen
("Nordkoreaner", "Ukrainerinnen"), weak nouns in -e take -en/-in/-innen ("Russe", "Russen",
"Franzosen"), names take the genitive -s ("Russlands").
"""

from __future__ import annotations

import re
from typing import Literal

from geo.model import Actor, Article, Sentence

ActorKind = Literal["adjective", "people", "prefix", "country"]

# code  adjective(s)  inhabitant noun(s)  country and capital names ("_" joins words)
_TABLE = """
KP nordkoreanisch Nordkoreaner Nordkorea|Pjöngjang
KR südkoreanisch Südkoreaner Südkorea|Seoul
RU russisch Russe Russland|Russische_Föderation|Moskau|Kreml
UA ukrainisch Ukrainer Ukraine|Kiew|Kyjiw|Kyiv
US amerikanisch|us-amerikanisch Amerikaner USA|Vereinigte_Staaten|Vereinigten_Staaten|Washington|Pentagon
BY belarussisch|weißrussisch Belarusse|Weißrusse Belarus|Weißrussland|Minsk
CN chinesisch Chinese China|Peking
IR iranisch Iraner Iran|Teheran
IQ irakisch Iraker Irak|Bagdad
SY syrisch Syrer Syrien|Damaskus
IL israelisch Israeli Israel
PS palästinensisch Palästinenser Palästina|Gazastreifen
LB libanesisch Libanese Libanon|Beirut
YE jemenitisch Jemenit Jemen
TR türkisch Türke Türkei|Ankara
GE georgisch Georgier Georgien|Tiflis
AM armenisch Armenier Armenien|Eriwan
AZ aserbaidschanisch Aserbaidschaner Aserbaidschan|Baku
KZ kasachisch Kasache Kasachstan
MD moldauisch|moldawisch Moldauer Moldau|Moldawien|Chisinau
DE deutsch - Deutschland|Berlin
FR französisch Franzose Frankreich|Paris
GB britisch Brite Großbritannien|Vereinigte_Königreich|Vereinigtes_Königreich|London
PL polnisch Pole Polen|Warschau
CZ tschechisch Tscheche Tschechien|Prag
SK slowakisch Slowake Slowakei|Bratislava
HU ungarisch Ungar Ungarn|Budapest
RO rumänisch Rumäne Rumänien|Bukarest
BG bulgarisch Bulgare Bulgarien|Sofia
RS serbisch Serbe Serbien|Belgrad
HR kroatisch Kroate Kroatien|Zagreb
EE estnisch Este Estland|Tallinn
LV lettisch Lette Lettland|Riga
LT litauisch Litauer Litauen|Vilnius
FI finnisch Finne Finnland|Helsinki
SE schwedisch Schwede Schweden|Stockholm
NO norwegisch Norweger Norwegen|Oslo
DK dänisch Däne Dänemark|Kopenhagen
NL niederländisch Niederländer Niederlande|Den_Haag
BE belgisch Belgier Belgien|Brüssel
IT italienisch Italiener Italien|Rom
ES spanisch Spanier Spanien|Madrid
AT österreichisch Österreicher Österreich|Wien
CH schweizerisch Schweizer Schweiz|Bern
CA kanadisch Kanadier Kanada|Ottawa
JP japanisch Japaner Japan|Tokio
IN indisch Inder Indien|Neu-Delhi
PK pakistanisch Pakistaner Pakistan
AF afghanisch Afghane Afghanistan|Kabul
EG ägyptisch Ägypter Ägypten|Kairo
LY libysch Libyer Libyen|Tripolis
SD sudanesisch Sudanese Sudan|Khartum
SO somalisch Somalier Somalia|Mogadischu
ML malisch Malier Mali|Bamako
SA saudisch|saudi-arabisch Saudi Saudi-Arabien|Riad
VN vietnamesisch Vietnamese Vietnam|Hanoi
TW taiwanisch|taiwanesisch Taiwaner Taiwan|Taipeh
"""


def _parse_table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    adjectives: dict[str, str] = {}
    people: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        code, adj, noun, place = line.split()
        adjectives.update((a.removesuffix("sch"), code) for a in adj.split("|"))
        people.update((n, code) for n in noun.split("|") if n != "-")
        names.update((n.replace("_", " "), code) for n in place.split("|"))
    return adjectives, people, names


_ENDINGS = {"adjective": ("", "e", "en", "er", "es", "em"),
            "er": ("", "n", "s", "in", "innen"), "weak": ("e", "en", "in", "innen"),
            "other": ("", "s"), "country": ("", "s")}


def _forms() -> tuple[dict[str, tuple[str, ActorKind]], dict[str, tuple[str, ActorKind]]]:
    """Every inflected form -> (code, kind); one-word forms and forms with space or hyphen."""
    adjectives, people, names = _parse_table()
    forms: dict[str, tuple[str, ActorKind]] = {}
    for stem, code in adjectives.items():
        for ending in _ENDINGS["adjective"]:
            word = stem + "sch" + ending
            forms[word] = forms[word[0].upper() + word[1:]] = (code, "adjective")
    for noun, code in people.items():
        if noun.endswith("er"):
            forms.update((noun + e, (code, "people")) for e in _ENDINGS["er"])
        elif noun.endswith("e"):
            forms.update((noun[:-1] + e, (code, "people")) for e in _ENDINGS["weak"])
        else:
            forms.update((noun + e, (code, "people")) for e in _ENDINGS["other"])
    for name, code in names.items():
        forms.update((name + e, (code, "country")) for e in _ENDINGS["country"])
    single = {w: v for w, v in forms.items() if w.isalpha()}
    multi = {w: v for w, v in forms.items() if not w.isalpha()}
    return single, multi


_SINGLE, _MULTI = _forms()
_MULTI_RE = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+")
                                for w in sorted(_MULTI, key=len, reverse=True)))
_MULTI_FIRST = frozenset(re.split(r"[\s-]", w)[0] for w in _MULTI)
_LETTERS = re.compile(r"[^\W\d_]+")


def find_actors(article: Article, sentences: list[Sentence]) -> list[Actor]:
    """Every demonym, people-word and state name in the article's prose, in text order.
    ``sentences`` is part of the pipeline signature; the scan covers the prose segments.

    Speed matters (thousands of articles a second): the words of a segment are collected in C
    (``findall``) and intersected with the table's forms; only the hits are located."""
    found: list[tuple[int, int, str]] = []
    prose = article.prose
    for seg in article.segments:
        text = prose[seg.start:seg.end]
        words = set(_LETTERS.findall(text))
        for word in _SINGLE.keys() & words:
            found.extend(_occurrences(text, word, seg.start))
        if "US-" in text:
            found.extend(_occurrences(text, "US-", seg.start))
        if not _MULTI_FIRST.isdisjoint(words):
            found.extend((seg.start + m.start(), seg.start + m.end(), _key(m.group()))
                         for m in _MULTI_RE.finditer(text) if _bounded(text, m.start(), m.end()))
    return [Actor(article.id, start, end, article.text[start:end], _lookup(key)[0])
            for start, end, key in _longest(found)]


def _occurrences(text: str, word: str, offset: int) -> list[tuple[int, int, str]]:
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if _bounded(text, at, end) and (word != "US-" or text[end:end + 1].isalpha()):
            out.append((offset + at, offset + end, word))
        at = text.find(word, end)
    return out


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    return not (before.isalnum() or before == "_") and \
        (text[end - 1] == "-" or not (after.isalnum() or after == "_"))


def _longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In text order; a longer form wins over the shorter one inside it ("Saudi-Arabien")."""
    out: list[tuple[int, int, str]] = []
    for hit in sorted(found, key=lambda h: (h[0], -h[1])):
        if out and hit[0] < out[-1][1]:
            continue
        out.append(hit)
    return out


def _key(surface: str) -> str:
    return " ".join(surface.split())


def _lookup(key: str) -> tuple[str, ActorKind]:
    if key == "US-":
        return "US", "prefix"
    return _SINGLE.get(key) or _MULTI[key]


def actor_kind(actor: Actor) -> ActorKind:
    """What sort of word named the actor: a figure's own demonym outranks a state name."""
    return _lookup(_key(actor.surface))[1]
