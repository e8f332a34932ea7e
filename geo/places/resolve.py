"""Resolution of recognised names: each candidate place scored by named features with weights
fitted by logistic regression, by kind, population and nearness to the document's other places
(so the Martynovka next to Plekhovo is the one in Kursk Oblast, not the one in Crimea).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import mul
from typing import NamedTuple

from geo import lexicon
from geo.gazetteer import Gazetteer, Row
from geo.model import Article, Mention, Sentence, kind_of
from geo.places.recognise import Hit, recognise
from geo.places.words import own_keys

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
    "typed_in_article",  # the article names this region with a type word ("Region Charkiw"),
    #                      the mention without one ("in Charkiw"): one sense per article?
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
    hits = recognise(article, sentences, gaz)
    context = _Context(hits, gaz)
    return [Case(h.start, h.end, rows, tuple(candidate_features(gaz.places[r], h, context)
                                             for r in rows))
            for h in hits for rows in (_candidates(h, context),)]


class _Context:
    """What the article says besides one name: the points of its unambiguous places (typed
    regions, names with one local candidate) and the countries and admin-1 regions of its
    places, each by the name that gave it, so that a name never supports itself."""

    __slots__ = ("anchors", "countries", "admin1s", "region_of", "typed_ids")

    def __init__(self, hits: list[Hit], gaz: Gazetteer) -> None:
        self.anchors: list[tuple[str, _Anchor]] = []
        self.countries: dict[str, set[str]] = {}
        self.admin1s: dict[tuple[str, str], set[str]] = {}
        self.region_of = {h.bare_key: h for h in hits if h.typed and not h.district}
        self.typed_ids = {k: frozenset(gaz.places[r].place_id for r in h.rows)
                          for k, h in self.region_of.items()}
        seen: set[tuple[str, str]] = set()
        for h in hits:
            places = [gaz.places[r] for r in h.rows]
            for p in places:
                if p.feature_code == "PCLI":  # a country named: "in der Ukraine"
                    self.countries.setdefault(p.country_code, set()).add(h.bare_key)
            if h.role == "speaker":
                continue  # a capital that speaks says nothing about where things happen
            local = [p for p in places if p.feature_code not in ("PCLI", "CONT")]
            if h.district:  # "im Bezirk Braunau": the admin context of each seat it may be
                for p in local:
                    self.admin1s.setdefault((p.country_code, p.admin1), set()).add(h.bare_key)
            if ((h.typed and not h.district) or len(local) == 1) \
                    and (h.bare_key, local[0].place_id) not in seen:
                p = local[0]
                seen.add((h.bare_key, p.place_id))
                self.anchors.append((h.bare_key, _Anchor(p.lat, p.lon)))
                self.countries.setdefault(p.country_code, set()).add(h.bare_key)
                self.admin1s.setdefault((p.country_code, p.admin1), set()).add(h.bare_key)


def _candidates(hit: Hit, context: _Context) -> tuple[int, ...]:
    """The hit's places; where the article names a typed region of the same name, the region's
    too ("Region Kursk" ... "in Kursk": the region or the city, ``typed_in_article`` weighs
    it), unless a settlement word or a dateline made the name a town."""
    typed = context.region_of.get(hit.bare_key)
    if not hit.typed and not hit.settlement and typed is not None:
        return tuple(dict.fromkeys(hit.rows + typed.rows))
    return hit.rows


def _by_others(keys: set[str] | None, own: str) -> float:
    return 1.0 if keys and (len(keys) > 1 or own not in keys) else 0.0


def candidate_features(p: Row, hit: Hit, context: _Context) -> tuple[float, ...]:
    """The features of one candidate for one mention, in ``FEATURES`` order: the one function
    both the fitting script and the resolver call."""
    f = _facts(p)
    key = hit.bare_key
    near = 0.0
    if context.anchors and not f.country:
        # the km to each anchor on the tangent plane (``_Anchor``), the candidate's point
        # converted once, not per anchor
        lat, lon = math.radians(p.lat), math.radians(p.lon)
        cos, hypot = math.cos(lat), math.hypot
        km = min((6371.0 * hypot((lon - a.lon) * (a.cos + cos) / 2, lat - a.lat)
                  for k, a in context.anchors if k != key), default=_NEAR_KM)
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
        float(not hit.typed and p.place_id in context.typed_ids.get(key, ())),
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
    name, name_de, unqualified = own_keys(p.name, p.name_de)
    return _Facts(
        math.log10(p.population + 1) / 7, float(kind == "country"), float(kind == "region"),
        float(kind == "city"), float(p.feature_code == "PPLC"),
        float(p.curated or p.precision != "settlement"),
        float(p.country_code in _GERMAN_SPEAKING), kind in ("city", "village"),
        p.feature_code in ("PCLI", "PPLC"), name, name_de, unqualified)


def resolve(article: Article, hits: list[Hit], gaz: Gazetteer) -> list[Mention]:
    context = _Context(hits, gaz)
    # a name repeated through the article is ranked once: its candidates follow from these
    rankings: dict[tuple, list[tuple[float, int]]] = {}
    mentions: list[Mention] = []
    for hit in hits:
        reading = (hit.bare_key, hit.typed, hit.district, hit.settlement, hit.compound_head,
                   hit.role, hit.cue)
        ranked = rankings.get(reading)
        if ranked is None:
            ranked = rankings[reading] = _rank(hit, context, gaz)
        best_p, best = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else None
        surface = article.text[hit.start:hit.end]
        place = gaz.place(best)
        if hit.district:  # the district, at its seat's point
            place = replace(place, feature_code="ADM2", precision="district_seat")
        mentions.append(Mention(
            article=article.id, start=hit.start, end=hit.end, surface=surface,
            sentence=hit.sentence, role=hit.role, place=place,
            confidence=round(hit.evidence * best_p, 3),
            runner_up=gaz.place(runner[1]) if runner else None,
            runner_up_confidence=round(hit.evidence * runner[0], 3) if runner else None))
    return mentions


def _rank(hit: Hit, context: _Context, gaz: Gazetteer) -> list[tuple[float, int]]:
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
    """A point with what the distance to it needs, worked out once per article: the distance
    is taken on the plane tangent between the points (``candidate_features``), which within
    the 400 km that count for resolution is off by under 1 %, and needs one cosine, not five
    calls."""

    __slots__ = ("lat", "lon", "cos")

    def __init__(self, lat: float, lon: float) -> None:
        self.lat, self.lon = math.radians(lat), math.radians(lon)
        self.cos = math.cos(self.lat)
