"""Whose people a passage is about: demonyms ("nordkoreanische", "auf russischer Seite"),
people-words ("Ukrainer", "Russen"), the "US-" prefix and country or capital names used for
their state ("Truppen aus Nordkorea", "Kiews Streitkräfte"), each with an ISO alpha-2 code.

The table (``data/lexicon/demonyms.json``) lists each country once by its German adjective,
inhabitant noun, country names and capitals; the inflected forms come from German morphology
(``data/lexicon/inflection.json``), not from a word list: adjectives (all in -sch) take
-e/-en/-er/-es/-em, inhabitant nouns in -er take -n/-s/-in/-innen ("Nordkoreaner",
"Ukrainerinnen"), weak nouns in -e take -en/-in/-innen ("Russe", "Russen", "Franzosen"), names
take the genitive -s ("Russlands").
"""

from __future__ import annotations

import re
from os.path import commonprefix
from typing import Literal

from geo import lexicon
from geo.model import Actor, Article, Sentence

ActorKind = Literal["adjective", "people", "prefix", "country"]

_LEX = lexicon.load()
_DEMONYMS = _LEX.demonyms
_ENDINGS = _LEX.inflection


def _forms() -> tuple[dict[str, tuple[str, ActorKind]], dict[str, tuple[str, ActorKind]]]:
    """Every inflected form -> (code, kind); one-word forms and forms with space or hyphen.
    Forms with "ß" also come spelt with "ss", as Swiss papers write them ("weissrussische")."""
    forms: dict[str, tuple[str, ActorKind]] = {}
    for adjective, code in _DEMONYMS.adjectives.items():
        for ending in _ENDINGS["demonym_adjective_endings"]:
            word = adjective + ending
            forms[word] = forms[word[0].upper() + word[1:]] = (code, "adjective")
    for noun, code in _DEMONYMS.people.items():
        if noun.endswith("er"):
            forms.update((noun + e, (code, "people")) for e in _ENDINGS["er_noun_endings"])
        elif noun.endswith("e"):
            forms.update((noun[:-1] + e, (code, "people")) for e in _ENDINGS["weak_noun_endings"])
        else:
            forms.update((noun + e, (code, "people")) for e in _ENDINGS["other_noun_endings"])
    for name, code in _DEMONYMS.names.items():
        forms.update((name + e, (code, "country")) for e in _ENDINGS["name_endings"])
    forms.update({w.replace("ß", "ss"): v for w, v in forms.items() if "ß" in w})
    single = {w: v for w, v in forms.items() if w.isalpha()}
    multi = {w: v for w, v in forms.items() if not w.isalpha()}
    return single, multi


_SINGLE, _MULTI = _forms()
_MULTI_RE = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+")
                                for w in sorted(_MULTI, key=len, reverse=True)))
_MULTI_FIRST = frozenset(re.split(r"[\s-]", w)[0] for w in _MULTI)
# the letters the table's forms are written in: a narrower class than \w scans much faster;
# a word it cuts at a foreign letter ("Russlandé") is not bounded there, so no hit is made up
_ALPHABET = "A-Za-zÄÖÜäöüß"
_LETTERS = re.compile(f"[{_ALPHABET}]+")
# Which words can be forms, found without collecting every word (most are lowercase and no
# form): words that start with a capital, and words that end as the adjectives' lowercase
# forms do (the stems' common ending, "sch", and an inflection ending), read back from there.
_CAPITAL_WORD = re.compile(f"[A-ZÄÖÜ][{_ALPHABET}]*")
_ADJECTIVE_END = re.compile(
    re.escape(commonprefix([a[::-1] for a in _DEMONYMS.adjectives])[::-1])
    + "(?:" + "|".join(map(re.escape, sorted(_ENDINGS["demonym_adjective_endings"],
                                             key=len, reverse=True))) + f")(?![{_ALPHABET}])")
_WORD_END = re.compile(_LETTERS.pattern + r"\Z")
# a multiword form is looked for only where its first and its last word are: the last one
# ("Staaten", "amerikanische") is capitalised or a lowercase adjective, so among the words
_MULTI_LAST = frozenset(re.split(r"[\s-]", w)[-1] for w in _MULTI)
# a longer run of letters than this before an adjective ending is no lowercase form
_LOWER_REACH = 1 + max((len(w) for w in (*_SINGLE, *_MULTI_LAST) if not w[0].isupper()),
                       default=0)
# what a multiword form starting in lowercase ("us-amerikanische") has in the text: its first
# word with the hyphen after it (a space may be any whitespace: the first word alone)
_MULTI_CAPITAL_FIRST = frozenset(w for w in _MULTI_FIRST if w[0].isupper())
_MULTI_LOWER_HEADS = tuple(sorted({
    w[:len(first) + 1] if w[len(first)] == "-" else first
    for w in _MULTI if not (first := re.split(r"[\s-]", w)[0])[0].isupper()}))


def find_actors(article: Article, sentences: list[Sentence]) -> list[Actor]:
    """Every demonym, people-word and state name in the article's prose, in text order.
    ``sentences`` is part of the pipeline signature; the scan covers the prose segments.

    Speed matters (thousands of articles a second): the words of a segment that can be forms
    (capitalised, or ending as a lowercase adjective) are collected in C (``findall``) and
    intersected with the table's forms; only the hits are located, and a hit counts only as a
    whole word (``_bounded``), so a candidate that is part of a longer word makes no actor."""
    found: list[tuple[int, int, str]] = []
    prose = article.prose
    for seg in article.segments:
        text = prose[seg.start:seg.end]
        words = set(_CAPITAL_WORD.findall(text))
        for m in _ADJECTIVE_END.finditer(text):
            end = m.end()
            run = _WORD_END.search(text, max(0, end - _LOWER_REACH), end)
            if run is not None:
                words.add(run.group())
        for word in _SINGLE.keys() & words:
            found.extend(_occurrences(text, word, seg.start))
        for prefix in _DEMONYMS.prefixes:
            if prefix in text:
                found.extend(_occurrences(text, prefix, seg.start))
        if not _MULTI_LAST.isdisjoint(words) and (
                not _MULTI_CAPITAL_FIRST.isdisjoint(words)
                or any(head in text for head in _MULTI_LOWER_HEADS)):
            found.extend((seg.start + m.start(), seg.start + m.end(), _key(m.group()))
                         for m in _MULTI_RE.finditer(text) if _bounded(text, m.start(), m.end()))
    return [Actor(article.id, start, end, article.text[start:end], _lookup(key)[0])
            for start, end, key in _longest(found)]


def _occurrences(text: str, word: str, offset: int) -> list[tuple[int, int, str]]:
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if _bounded(text, at, end) and (word not in _DEMONYMS.prefixes
                                        or text[end:end + 1].isalpha()):
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
    if key in _DEMONYMS.prefixes:
        return _DEMONYMS.prefixes[key], "prefix"
    return _SINGLE.get(key) or _MULTI[key]


def actor_kind(actor: Actor) -> ActorKind:
    """What sort of word named the actor: a figure's own demonym outranks a state name."""
    return _lookup(_key(actor.surface))[1]
