"""German language knowledge as data: the word lists the figures, numbers and actors readers
use, kept in ``data/lexicon/*.json`` (one file per kind of knowledge, like spaCy's
``spacy/lang/de/``) so that a linguist can read and correct them without reading code.

Every file is read once (:func:`load` is cached) and every word is case-folded once
(``str.casefold``: "Außerdem" and "außerdem" and "ausserdem" are one key), except forms that
are written out as they are (the number words used to write numbers, the demonym table whose
inflected forms are matched as written). On load the lists are checked against each other:
lists that contradict (a word both locative and source-marking, a noun in two categories, a
demonym of two countries) raise :class:`LexiconError` naming the word and the lists, so that a
contradiction is found when the data is edited, not as a wrong figure much later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast, get_args

from geo.model import Category, Qualifier
from geo.paths import data_dir

_FILES = ("prepositions", "settlement_words", "function_words", "verbs", "calendar", "inflection",
          "categories", "hedges", "number_words", "units", "speech_verbs", "attribution_frames",
          "sentence_openers", "demonyms", "place_types", "person_cues", "organisation_cues",
          "place_context", "actor_cues")
# keys kept as written: output spellings and the demonym table, which actors matches as written
_AS_WRITTEN = {("number_words", "ones"), ("number_words", "teens"), ("number_words", "tens"),
               ("demonyms", "countries"), ("demonyms", "prefixes")}

# Lists whose words exclude each other, with the words allowed in both and why they exclude.
_EXCLUSIVE: tuple[tuple[str, str, frozenset[str], str], ...] = (
    ("prepositions:source_marking", "prepositions:locative", frozenset({"nach"}),
     "a source-marking preposition names who says so, a locative one where it happened "
     "('nach' does both: 'nach Angaben des ...', 'nach Russland verlegt')"),
    ("prepositions:origin", "prepositions:locative", frozenset(),
     "'Soldaten aus Nordkorea' says whose they are, not where they are"),
    ("categories:people_words", "categories:nouns", frozenset(),
     "a people-word needs a predicate, a category noun has its category"),
    ("categories:troop_measure_words", "categories:people_words", frozenset(),
     "'3000 Mann' are troops, people-words need a predicate"),
    ("settlement_words:all", "categories:nouns", frozenset(),
     "a word before a place name is no counted noun"),
    ("sentence_openers:adverbs", "speech_verbs:all", frozenset(),
     "an adverb before an inverted subject is no speech verb"),
    ("hedges:all", "number_words:word_parts", frozenset(),
     "a hedge qualifies a number and is none"),
    ("function_words:not_sources", "attribution_frames:nach_nouns", frozenset(),
     "a source noun cannot be a word that is never a source"),
    ("organisation_cues:sports_context", "settlement_words:all", frozenset(),
     "a word of a match report says a town is a team, a settlement word that it is a place"),
    ("place_types:all", "settlement_words:settlements", frozenset(),
     "a type word makes the name after it a region, a settlement word a town"),
    ("person_cues:all", "prepositions:any", frozenset(),
     "a title before a name makes a person, a preposition a place"),
    ("organisation_cues:all", "place_context:all", frozenset(),
     "a club word makes the town next to it part of a name, a context word leaves it a place"),
    ("number_words:both", "number_words:one", frozenset(),
     "'beide' counts two, 'ein' one"),
    ("categories:partitive_pronouns", "function_words:articles", frozenset(),
     "'zwei von ihnen' points back to people, 'zwei von den Soldaten' names them"),
    ("attribution_frames:name_complements", "function_words:articles", frozenset(),
     "a preposition goes on with a name ('Ärzte ohne Grenzen'), an article opens a new one"),
    ("actor_cues:possessives", "function_words:articles", frozenset(),
     "a possessive says whose the people are, an article says nothing of whose"),
)
# Groups of lists where a word may sit in one list only (a mapping read the other way round).
_ONE_OF = {
    "categories:nouns": "a noun counts one category",
    "categories:predicates": "a predicate says one thing happened",
    "hedges": "a hedge has one qualifier",
    "demonyms": "a demonym or state name names one country",
}
# Lists that must lie inside another one.
_SUBSETS = (
    ("speech_verbs:speaker_at_place", "speech_verbs:all"),
    ("attribution_frames:preposed", "prepositions:source_marking"),
    ("attribution_frames:noun_preposition", "prepositions:source_marking"),
    ("speech_verbs:speaker_place_prepositions", "prepositions:any"),
    ("categories:loss_amount_prepositions", "prepositions:any"),
    ("attribution_frames:postposed", "prepositions:postposition"),
    ("attribution_frames:hyphen_nouns", "attribution_frames:nach_nouns"),
    ("attribution_frames:adjective_nouns", "attribution_frames:nach_nouns"),
    ("function_words:list_joiners", "place_context:list_joiners"),
    ("actor_cues:agent_auxiliaries", "verbs:perfect_auxiliaries"),
)


class LexiconError(ValueError):
    """The lexicon data is malformed or contradicts itself."""


@dataclass(frozen=True)
class Separable:
    """A separable speech verb: its finite forms and the particles it needs ("gab ... an")."""

    verbs: tuple[str, ...]
    particles: tuple[str, ...]
    particle_at_clause_end: bool


@dataclass(frozen=True)
class Demonyms:
    """Per country code, as written: adjective bases ("nordkoreanisch"), inhabitant nouns
    ("Nordkoreaner"), names for the state ("Nordkorea", "Pjöngjang"); prefixes ("US-")."""

    adjectives: Mapping[str, str]
    people: Mapping[str, str]
    names: Mapping[str, str]
    prefixes: Mapping[str, str]


@dataclass(frozen=True)
class PlaceWords:
    """The words the place recogniser reads around a capitalised name, case-folded; tuples
    where they are matched as word ends or starts (``str.endswith`` takes tuples)."""

    place_cues: frozenset[str]  # prepositions after which a capitalised word is likely a place
    where: frozenset[str]  # prepositions after which a country is a location, not an actor
    articles: frozenset[str]
    settlements: tuple[str, ...]  # "Stadt", "Dörfer", "Feuerwehr": word ends that make a town
    type_words: tuple[str, ...]  # "Region", "Oblast": word ends that make a region
    type_genitives: tuple[str, ...]  # "des Gebiets Belgorod"
    type_plurals: tuple[str, ...]  # "den Regionen Brjansk, Kursk und Belgorod"
    districts: tuple[str, ...]  # "Bezirk", "Rajon": the type words that name a district
    areas: frozenset[str]  # "im Raum Traunkirchen": a word for an area around a place
    compass_prefixes: tuple[str, ...]  # "Ostukraine"
    titles: frozenset[str]
    title_suffixes: tuple[str, ...]
    club_before: frozenset[str]  # "Borussia Dortmund"
    club_after: frozenset[str]  # "Manchester United", "New York Times"
    list_joiners: frozenset[str]
    waterside: frozenset[str]  # "am Don": German says "am" of rivers and seas
    part_nouns: frozenset[str]
    event_heads: tuple[str, ...]
    name_links: frozenset[str]
    saying: frozenset[str]
    function_words: frozenset[str]  # never a given name: cues, articles, joiners and these
    organisations: frozenset[str]  # "Hamas": never a place, whatever town has the name
    sports_context: frozenset[str]  # "Bundesliga", "Spieltag": the article reports on sport
    people_named: frozenset[str]  # "die Bayern": a region named like its people
    periods: frozenset[str]  # "Mitte", "Ende": before a month ("Mitte April") no place
    months: frozenset[str]

    @property
    def type_forms(self) -> tuple[str, ...]:
        return self.type_words + self.type_genitives + self.type_plurals


@dataclass(frozen=True)
class Lexicon:
    """The case-folded word lists; tuples where order matters (patterns, endings)."""

    preposition_roles: Mapping[str, frozenset[str]]
    settlements: frozenset[str]
    areas: frozenset[str]
    articles: frozenset[str]
    relative_pronouns: tuple[str, ...]
    subordinators: tuple[str, ...]
    list_joiners: frozenset[str]
    speaker_pronouns: frozenset[str]
    negations: tuple[str, ...]
    not_sources: frozenset[str]
    actor_links: frozenset[str]
    partitive_fillers: tuple[str, ...]
    near_nouns: tuple[str, ...]
    genitive_links: tuple[str, ...]
    finite_before_subject: tuple[str, ...]
    perfect_auxiliaries: tuple[str, ...]
    reported_speech: tuple[str, ...]
    weekdays: frozenset[str]
    months: tuple[str, ...]
    periods: frozenset[str]
    year_cues: frozenset[str]
    adjective_endings: tuple[str, ...]
    adjective_suffixes: tuple[str, ...]
    inflection: Mapping[str, tuple[str, ...]]
    noun_categories: Mapping[str, Category]  # in file order: the first category wins compounds
    troop_measure_words: frozenset[str]
    people_words: frozenset[str]
    age_before: tuple[str, ...]  # "im Alter von 37, 38": ages, no count
    age_apposition: tuple[str, ...]  # "zwei Frauen, 31 und 48 Jahre alt, wurden verletzt"
    partitive_pronouns: tuple[str, ...]  # "zwei von ihnen": people named before
    predicates: Mapping[Category, tuple[str, ...]]
    predicate_joiners: tuple[str, ...]
    deployment: tuple[str, ...]
    count_nouns: tuple[str, ...]
    loss_nouns: tuple[str, ...]
    victim_nouns: tuple[str, ...]
    loss_amount_prepositions: tuple[str, ...]
    subset_markers: tuple[str, ...]
    additive: tuple[str, ...]  # "16 weitere": a number that adds to the figure before
    conflict_words: tuple[str, ...]  # "Angriff", "Beschuss": people hit where they live
    side_nouns: tuple[str, ...]  # "auf russischer Seite"
    both_sides: tuple[str, ...]  # "auf beiden Seiten": a mixed group, no actor
    possessives: tuple[str, ...]  # "40 ihrer Soldaten": the owner named before
    subject_pronouns: tuple[str, ...]  # "Dabei verlor es ...": the subject named before
    agent_finite: tuple[str, ...]  # "Russland tötete ...": the subject killed, they are not its
    agent_participles: tuple[str, ...]
    agent_auxiliaries: tuple[str, ...]
    group_size_before: tuple[str, ...]
    hedges: Mapping[str, Qualifier]
    number_word_parts: tuple[str, ...]
    zero: tuple[str, ...]
    not_alone: frozenset[str]
    one: tuple[str, ...]
    both: tuple[str, ...]  # "Beide Personen wurden verletzt": two
    scales: Mapping[str, int]
    scale_abbreviations: frozenset[str]
    dozen: Mapping[str, int]
    vague: Mapping[str, int]
    some: tuple[str, ...]
    vague_after_some: Mapping[str, int]
    number_starts: tuple[str, ...]
    range_words: tuple[str, ...]
    between: tuple[str, ...]
    ones: tuple[str, ...]
    teens: tuple[str, ...]
    tens: tuple[str, ...]
    units_not_people: frozenset[str]
    area_units: tuple[str, ...]
    military_units: tuple[str, ...]
    distributive: tuple[str, ...]
    speech_finite: frozenset[str]
    speech_participles: frozenset[str]
    separable: tuple[Separable, ...]
    speaker_at_place: tuple[str, ...]
    speaker_place_prepositions: tuple[str, ...]
    nach_nouns: tuple[str, ...]
    nach_own: tuple[str, ...]
    hyphen_nouns: tuple[str, ...]
    adjective_nouns: tuple[str, ...]
    compound_nouns: tuple[str, ...]
    preposed: tuple[str, ...]
    postposed: tuple[str, ...]
    wie_verbs: tuple[str, ...]
    quote_closers: tuple[str, ...]
    source_links: tuple[str, ...]
    noun_preposition: tuple[str, ...]
    noun_postposition: tuple[str, ...]  # "offiziellen Angaben nach"
    name_complements: tuple[str, ...]  # "Ärzte ohne Grenzen": a name goes on
    speaker_titles: tuple[str, ...]  # office word ends before a speaker's name
    pointing_back: tuple[str, ...]  # "Das teilte ... mit": what the sentence before said
    further: tuple[str, ...]  # "teilte weiter mit": the speaker said the sentence before too
    not_source_adjectives: tuple[str, ...]  # "nach ersten Erkenntnissen": when, not who
    as_reported: tuple[str, ...]
    continuing: tuple[str, ...]
    continuing_articles: tuple[str, ...]
    continuing_subjects: tuple[str, ...]
    sentence_adverbs: frozenset[str]
    demonyms: Demonyms
    places: PlaceWords

    def role(self, name: str) -> frozenset[str]:
        """The prepositions with a role ("locative", "place_cue", "where", "source_marking")."""
        return frozenset(w for w, roles in self.preposition_roles.items() if name in roles)

    @property
    def prepositions(self) -> frozenset[str]:
        """The words that open a prepositional phrase (postpositions close one)."""
        return frozenset(self.preposition_roles) - self.role("postposition")

    @property
    def settlement_words(self) -> frozenset[str]:
        return self.settlements | self.areas

    @property
    def speech_words(self) -> frozenset[str]:
        """Every form of a speech verb, to skip sentences without one cheaply."""
        return self.speech_finite | self.speech_participles | frozenset(
            v for s in self.separable for v in s.verbs)


def alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """A regex group matching any of the (case-folded) lexicon words in raw text: longest
    first, "ss" also as "ß" (folding made them one), a space as any white space, a trailing
    "*" as any word ending."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        core = word.removesuffix("*")
        pattern = re.escape(core).replace(r"\ ", r"\s+").replace("ss", "(?:ss|ß)")
        parts.append(pattern + (r"\w*" if core != word else ""))
    return ("(?i:" if ignore_case else "(?:") + "|".join(parts) + ")"


def spellings(word: str) -> tuple[str, ...]:
    """The ways a case-folded word may be written in lower case: "gemäss" also as "gemäß"."""
    return (word, word.replace("ss", "ß")) if "ss" in word else (word,)


@cache
def load(directory: Path | None = None) -> Lexicon:
    """The lexicon in ``directory`` (default: the bundled ``data/lexicon``), checked."""
    folder = directory or data_dir() / "lexicon"
    raw = {name: _read(folder / f"{name}.json", name) for name in _FILES}
    _check(_lists(raw))
    return _build(raw)


def resolution_weights(features: tuple[str, ...], directory: Path | None = None
                       ) -> tuple[float, ...]:
    """The place resolver's fitted weights in ``features`` order (from
    ``resolution_weights.json``, written by ``scripts/fit_resolution.py``). Refuses weights
    fitted for other features: a renamed or added feature needs a refit, not a silent zero."""
    path = (directory or data_dir() / "lexicon") / "resolution_weights.json"
    raw = _read(path, "resolution_weights")
    fitted = raw.get("features")
    weights = raw.get("weights")
    if not isinstance(fitted, list) or not isinstance(weights, dict) or \
            fitted != list(features) or set(weights) != set(features):
        raise LexiconError(f"{path.name}: fitted for features {fitted}, the resolver has "
                           f"{list(features)}: run scripts/fit_resolution.py")
    return tuple(float(weights[f]) for f in features)


def _read(path: Path, name: str) -> dict[str, Any]:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise LexiconError(f"{path.name}: key(s) {twice} given twice")
        return dict(pairs)

    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)
    except (OSError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    for key in ("_source", "_licence"):
        if not isinstance(data.get(key), str):
            raise LexiconError(f"{path.name}: no {key!r}")
    return {k: _fold(v) if (name, k) not in _AS_WRITTEN else v
            for k, v in data.items() if not k.startswith("_")}


def _fold(value: Any) -> Any:
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, dict):
        return {_fold(k): _fold(v) for k, v in value.items()}
    return value


def _lists(raw: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Every word list under a "file:key" name (mappings as "file:key:value" lists)."""
    out: dict[str, list[str]] = {}
    for name, data in raw.items():
        for key, value in data.items():
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                out[f"{name}:{key}"] = value
        out[f"{name}:all"] = [w for k, v in out.items() if k.startswith(f"{name}:") for w in v]
    roles = raw["prepositions"]["words"]
    out["prepositions:any"] = list(roles)
    for word, word_roles in roles.items():
        for role in word_roles:
            out.setdefault(f"prepositions:{role}", []).append(word)
    for category, words in raw["categories"]["nouns"].items():
        out[f"categories:nouns:{category}"] = words
    out["categories:nouns"] = [w for ws in raw["categories"]["nouns"].values() for w in ws]
    for category, words in raw["categories"]["predicates"].items():
        out[f"categories:predicates:{category}"] = words
    for qualifier in ("approx", "at_least", "up_to"):
        out[f"hedges:{qualifier}"] = raw["hedges"][qualifier]
    out["hedges:all"] = [w for q in ("approx", "at_least", "up_to") for w in raw["hedges"][q]]
    speech = raw["speech_verbs"]
    out["speech_verbs:all"] = speech["finite"] + speech["participles"] + [
        v for s in speech["separable"] for v in s["verbs"]]
    for code, entry in raw["demonyms"]["countries"].items():
        out[f"demonyms:{code}"] = [w.casefold() for kind in ("adjectives", "people", "names")
                                   for w in entry[kind]]
    return out


def _check(lists: dict[str, list[str]]) -> None:
    """Raise LexiconError on the first contradiction between lists (see _EXCLUSIVE, _ONE_OF,
    _SUBSETS)."""
    for a, b, allowed, why in _EXCLUSIVE:
        both = (set(lists.get(a, ())) & set(lists.get(b, ()))) - allowed
        if both:
            raise LexiconError(f"{sorted(both)} in both {a} and {b}: {why}")
    for group, why in _ONE_OF.items():
        seen: dict[str, str] = {}
        members = [k for k in lists if k.startswith(group + ":") and not k.endswith(":all")
                   and k.count(":") == group.count(":") + 1]
        for name in members:
            for word in lists[name]:
                if seen.get(word, name) != name:
                    raise LexiconError(f"{word!r} in both {seen[word]} and {name}: {why}")
                seen[word] = name
    for part, whole in _SUBSETS:
        missing = set(lists.get(part, ())) - set(lists.get(whole, ()))
        if missing:
            raise LexiconError(f"{sorted(missing)} in {part} but not in {whole}")


def _build(raw: dict[str, dict[str, Any]]) -> Lexicon:
    prep, fw, cat, num = (raw["prepositions"], raw["function_words"], raw["categories"],
                          raw["number_words"])
    speech, attr, openers, infl = (raw["speech_verbs"], raw["attribution_frames"],
                                   raw["sentence_openers"], raw["inflection"])
    actor = raw["actor_cues"]
    categories = get_args(Category)
    for c in [*cat["nouns"], *cat["predicates"]]:
        if c not in categories:
            raise LexiconError(f"categories.json: unknown category {c!r}")
    hedges = {w: cast(Qualifier, q) for q in ("approx", "at_least", "up_to")
              for w in raw["hedges"][q]}
    countries = raw["demonyms"]["countries"]

    def by_code(kind: str) -> dict[str, str]:
        return {w: code for code, entry in countries.items() for w in entry[kind]}

    return Lexicon(
        preposition_roles={w: frozenset(r) for w, r in prep["words"].items()},
        settlements=frozenset(raw["settlement_words"]["settlements"]
                              + raw["settlement_words"]["units"]),
        areas=frozenset(raw["settlement_words"]["areas"]),
        articles=frozenset(fw["articles"]), relative_pronouns=tuple(fw["relative_pronouns"]),
        subordinators=tuple(fw["subordinators"]), list_joiners=frozenset(fw["list_joiners"]),
        speaker_pronouns=frozenset(fw["speaker_pronouns"]), negations=tuple(fw["negations"]),
        not_sources=frozenset(fw["not_sources"]),
        actor_links=frozenset(fw["actor_links"]),
        partitive_fillers=tuple(fw["partitive_fillers"]), near_nouns=tuple(fw["near_nouns"]),
        genitive_links=tuple(fw["genitive_links"]),
        finite_before_subject=tuple(raw["verbs"]["finite_before_subject"]),
        perfect_auxiliaries=tuple(raw["verbs"]["perfect_auxiliaries"]),
        reported_speech=tuple(raw["verbs"]["reported_speech"]),
        weekdays=frozenset(raw["calendar"]["weekdays"]), months=tuple(raw["calendar"]["months"]),
        periods=frozenset(raw["calendar"]["periods"]),
        year_cues=frozenset(raw["calendar"]["year_cues"]),
        adjective_endings=tuple(infl["adjective_endings"]),
        adjective_suffixes=tuple(infl["adjective_suffixes"]),
        inflection={k: tuple(v) for k, v in infl.items()},
        noun_categories={w: cast(Category, c) for c, ws in cat["nouns"].items() for w in ws},
        troop_measure_words=frozenset(cat["troop_measure_words"]),
        people_words=frozenset(cat["people_words"]),
        age_before=tuple(cat["age_before"]),
        age_apposition=tuple(cat["age_apposition"]),
        partitive_pronouns=tuple(cat["partitive_pronouns"]),
        predicates={cast(Category, c): tuple(ws) for c, ws in cat["predicates"].items()},
        predicate_joiners=tuple(cat["predicate_joiners"]), deployment=tuple(cat["deployment"]),
        count_nouns=tuple(cat["count_nouns"]), loss_nouns=tuple(cat["loss_nouns"]),
        victim_nouns=tuple(cat["victim_nouns"]),
        loss_amount_prepositions=tuple(cat["loss_amount_prepositions"]),
        subset_markers=tuple(cat["subset_markers"]), additive=tuple(cat["additive"]),
        conflict_words=tuple(cat["conflict_words"]),
        side_nouns=tuple(actor["side_nouns"]), both_sides=tuple(actor["both_sides"]),
        possessives=tuple(actor["possessives"]), subject_pronouns=tuple(actor["subject_pronouns"]),
        agent_finite=tuple(actor["agent_finite"]),
        agent_participles=tuple(actor["agent_participles"]),
        agent_auxiliaries=tuple(actor["agent_auxiliaries"]),
        group_size_before=tuple(cat["group_size_before"]),
        hedges=hedges,
        number_word_parts=tuple(num["word_parts"]), zero=tuple(num["zero"]),
        not_alone=frozenset(num["not_alone"]), one=tuple(num["one"]), both=tuple(num["both"]),
        scales=num["scales"],
        scale_abbreviations=frozenset(num["scale_abbreviations"]), dozen=num["dozen"],
        vague=num["vague"], some=tuple(num["some"]), vague_after_some=num["vague_after_some"],
        number_starts=tuple(num["starts"]), range_words=tuple(num["range_words"]),
        between=tuple(num["between"]), ones=tuple(num["ones"]), teens=tuple(num["teens"]),
        tens=tuple(num["tens"]),
        units_not_people=frozenset(raw["units"]["not_people"]),
        area_units=tuple(raw["units"]["area"]),
        military_units=tuple(raw["units"]["military_units"]),
        distributive=tuple(raw["units"]["distributive"]),
        speech_finite=frozenset(speech["finite"]),
        speech_participles=frozenset(speech["participles"]),
        separable=tuple(Separable(tuple(s["verbs"]), tuple(s["particles"]),
                                  bool(s["particle_at_clause_end"])) for s in speech["separable"]),
        speaker_at_place=tuple(speech["speaker_at_place"]),
        speaker_place_prepositions=tuple(speech["speaker_place_prepositions"]),
        nach_nouns=tuple(attr["nach_nouns"]), nach_own=tuple(attr["nach_own"]),
        hyphen_nouns=tuple(attr["hyphen_nouns"]), adjective_nouns=tuple(attr["adjective_nouns"]),
        compound_nouns=tuple(attr["compound_nouns"]), preposed=tuple(attr["preposed"]),
        postposed=tuple(attr["postposed"]), wie_verbs=tuple(attr["wie_verbs"]),
        quote_closers=tuple(attr["quote_closers"]),
        source_links=tuple(attr["source_links"]), noun_preposition=tuple(attr["noun_preposition"]),
        noun_postposition=tuple(attr["noun_postposition"]),
        name_complements=tuple(attr["name_complements"]),
        speaker_titles=tuple(attr["speaker_titles"]),
        pointing_back=tuple(attr["pointing_back"]), further=tuple(attr["further"]),
        not_source_adjectives=tuple(attr["not_source_adjectives"]),
        as_reported=tuple(attr["as_reported"]),
        continuing=tuple(openers["continuing"]),
        continuing_articles=tuple(openers["continuing_articles"]),
        continuing_subjects=tuple(openers["continuing_subjects"]),
        sentence_adverbs=frozenset(openers["adverbs"]),
        demonyms=Demonyms(by_code("adjectives"), by_code("people"), by_code("names"),
                          dict(raw["demonyms"]["prefixes"])),
        places=_place_words(raw),
    )


def _place_words(raw: dict[str, dict[str, Any]]) -> PlaceWords:
    types, persons, clubs, ctx = (raw["place_types"], raw["person_cues"],
                                  raw["organisation_cues"], raw["place_context"])
    roles = raw["prepositions"]["words"]
    cues = frozenset(w for w, r in roles.items() if "place_cue" in r)
    articles, joiners = frozenset(raw["function_words"]["articles"]), frozenset(ctx["list_joiners"])
    return PlaceWords(
        place_cues=cues, where=frozenset(w for w, r in roles.items() if "where" in r),
        articles=articles,
        settlements=tuple(raw["settlement_words"]["settlements"]
                          + raw["settlement_words"]["units"]),
        type_words=tuple(types["singular"]), type_genitives=tuple(types["genitive"]),
        type_plurals=tuple(types["plural"]), districts=tuple(types["districts"]),
        areas=frozenset(raw["settlement_words"]["areas"]),
        compass_prefixes=tuple(types["compass_prefixes"]),
        titles=frozenset(persons["titles"]), title_suffixes=tuple(persons["title_suffixes"]),
        club_before=frozenset(clubs["club_before"]),
        club_after=frozenset(clubs["club_after"] + clubs["newspaper_after"]),
        list_joiners=joiners, waterside=frozenset(ctx["waterside"]),
        part_nouns=frozenset(ctx["part_nouns"]), event_heads=tuple(ctx["event_heads"]),
        name_links=frozenset(ctx["name_links"]), saying=frozenset(ctx["saying"]),
        function_words=cues | articles | joiners | frozenset(ctx["function_words"]),
        organisations=frozenset(clubs["organisations"]),
        sports_context=frozenset(clubs["sports_context"]),
        people_named=frozenset(ctx["people_named"]),
        periods=frozenset(raw["calendar"]["periods"]), months=frozenset(raw["calendar"]["months"]))
