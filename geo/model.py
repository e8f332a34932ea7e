"""The records that flow through the pipeline.

Every offset in these records points into ``Article.text``: the file's text exactly as decoded
when it was read (for HTML, the page source), so ``article.text[start:end] == surface`` always
holds and an analyst can find every quote in the original file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Role = Literal["place", "speaker"]
# how the map draws a place, and the feature class the resolver weighs
Kind = Literal["country", "region", "city", "village"]
KINDS: tuple[Kind, ...] = ("country", "region", "city", "village")
Qualifier = Literal["approx", "at_least", "up_to", "range", "exact"]
Category = Literal[
    "troops", "killed", "wounded", "killed_or_wounded", "casualties", "missing", "captured",
    "area_km2",
]


@dataclass(frozen=True)
class Span:
    """A stretch of readable text: ``start``/``end`` are offsets into ``Article.text``."""

    start: int
    end: int


@dataclass
class Article:
    """One input file, decoded, with the parts of it that are article prose."""

    id: str  # the file's stem
    path: str
    sha256: str  # of the file's bytes
    text: str  # the file decoded as read; all offsets point here
    segments: list[Span]  # the readable prose, in order (page furniture and markup left out)
    notes: list[str] = field(default_factory=list)  # what reading had to do: "decoded as cp1252"
    # ``text`` with markup blanked to spaces (same length, so offsets agree): match on this.
    prose: str = ""
    # when the article appeared and how that is known: "user", "html", "text", "filename" or
    # "none" (undated: never guessed); set by the user or by ``geo.pipeline.analyse``
    published: date | None = None
    published_source: str = "none"

    def __post_init__(self) -> None:
        if not self.prose:
            self.prose = self.text

    @property
    def chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # the sentence as it stands in the article, whitespace collapsed for display


def kind_of(feature_code: str, population: int) -> Kind:
    """Countries and continents, admin regions, cities (capitals, admin seats, 10,000 people or
    more) and villages: the classes a reader tells apart, whatever GeoNames' finer codes say."""
    if feature_code in ("PCLI", "CONT"):
        return "country"
    if feature_code.startswith("ADM"):
        return "region"
    if feature_code in ("PPLC", "PPLA") or population >= 10_000:
        return "city"
    return "village"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    place_id: str  # "geonames:<id>" or "lagebild:<key>"
    geonameid: int | None
    name: str  # canonical (GeoNames) name
    name_de: str  # German name
    feature_code: str  # PCLI, ADM1, PPLC, PPLA, PPLA2, PPL, CONT, ...
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    precision: str  # "settlement", "district_seat", "region_label_point", "country_label_point", ...

    @property
    def kind(self) -> Kind:
        return kind_of(self.feature_code, self.population)


@dataclass(frozen=True)
class Mention:
    """A place name as written in an article, resolved to a gazetteer entry."""

    article: str
    start: int
    end: int
    surface: str  # == article.text[start:end]
    sentence: Sentence
    role: Role
    place: Place
    confidence: float  # 0..1
    runner_up: Place | None  # the best other candidate, if any
    runner_up_confidence: float | None = None


@dataclass(frozen=True)
class Actor:
    """A demonym or people-word that says whose people a passage is about ("nordkoreanische")."""

    article: str
    start: int
    end: int
    surface: str
    country_code: str  # ISO 3166 alpha-2 ("KP", "RU", "UA")


@dataclass(frozen=True)
class Figure:
    """One reported number of people (or an area) as a claim, with its provenance."""

    article: str
    start: int
    end: int
    text: str  # == article.text[start:end]
    low: int
    high: int
    qualifier: Qualifier
    vague: bool  # "Hunderte", "Dutzende": low is the conventional lower bound
    derived: bool  # computed from other figures in the text, not written in it
    category: Category
    actor: str | None  # ISO alpha-2 of whose people are counted
    source: str | None  # who claims it, as named in the text
    place_ids: tuple[str, ...]
    sentence: Sentence
