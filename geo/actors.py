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


_ADJECTIVES, _PEOPLE, _NAMES = _parse_table()


def _alternation(words: list[str], capital_too: bool = False) -> str:
    forms = []
    for w in sorted(words, key=len, reverse=True):
        w = re.escape(w).replace(r"\ ", r"\s+")
        forms.append(f"[{w[0].upper()}{w[0]}]{w[1:]}" if capital_too else w)
    return "|".join(forms)


_ER_NOUNS = [p for p in _PEOPLE if p.endswith("er")]
_WEAK_NOUNS = [p.removesuffix("e") for p in _PEOPLE if p.endswith("e")]
_OTHER_NOUNS = [p for p in _PEOPLE if not p.endswith(("er", "e"))]
_ACTOR = re.compile(
    rf"(?<!\w)(?:"
    rf"(?P<prefix>US)-(?=[^\W\d_])"
    rf"|(?P<name>{_alternation(list(_NAMES))})s?(?=-|\b)"
    rf"|(?P<adj>{_alternation(list(_ADJECTIVES), capital_too=True)})sch(?:e[nrsm]?)?(?=-|\b)"
    rf"|(?P<er>{_alternation(_ER_NOUNS)})(?:innen|in|n|s)?\b"
    rf"|(?P<weak>{_alternation(_WEAK_NOUNS)})(?:innen|in|en|e)\b"
    rf"|(?P<other>{_alternation(_OTHER_NOUNS)})s?\b)")
_KIND: dict[str, ActorKind] = {"prefix": "prefix", "adj": "adjective", "er": "people",
                               "weak": "people", "other": "people", "name": "country"}


def find_actors(article: Article, sentences: list[Sentence]) -> list[Actor]:
    """Every demonym, people-word and state name in the article's prose, in text order.
    ``sentences`` is part of the pipeline signature; the scan covers the prose segments."""
    actors = []
    for seg in article.segments:
        for m in _ACTOR.finditer(article.prose, seg.start, seg.end):
            actors.append(Actor(article.id, m.start(), m.end(), article.text[m.start():m.end()],
                                _code(m)))
    return actors


def _code(m: re.Match[str]) -> str:
    group = m.lastgroup or ""
    key = " ".join(m.group(group).split())
    if group == "prefix":
        return "US"
    if group == "adj":
        return _ADJECTIVES[key[0].lower() + key[1:]]
    if group == "weak":
        return _PEOPLE[key + "e"]
    if group == "name":
        return _NAMES[key]
    return _PEOPLE[key]


def actor_kind(actor: Actor) -> ActorKind:
    """What sort of word named the actor: a figure's own demonym outranks a state name."""
    if actor.surface.endswith("-"):
        return "prefix"
    m = _ACTOR.fullmatch(actor.surface)
    return _KIND[m.lastgroup] if m and m.lastgroup else "country"
