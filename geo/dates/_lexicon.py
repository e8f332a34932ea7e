"""The German temporal vocabulary, read once from ``data/lexicon/temporal_de.json``.

Language knowledge lives in the data file so that a linguist can extend it without touching
the grammar; this module only gives it types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from geo.paths import data_dir


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Multiword entries as token tuples, longest first so the longest one wins."""
    return tuple(sorted((tuple(s.split()) for s in items), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_names: tuple[str, ...]
    month_abbreviations: dict[str, int]
    day_ordinals: dict[str, int]  # "ersten": 1
    weekdays: dict[str, int]
    weekend: frozenset[str]
    relative_days: dict[str, int]
    lowercase_only: frozenset[str]
    modifiers: dict[str, str]  # word -> "past" | "this" | "next"
    units: dict[str, str]  # word -> "day" | "week" | "month" | "year"
    plural_units: frozenset[str]
    numbers: dict[str, int]
    hedges: tuple[tuple[str, ...], ...]
    parts: dict[str, dict[str, tuple[int, int]]]
    part_articles: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    openers: dict[str, tuple[tuple[str, ...], ...]]
    apposition: frozenset[str]
    future_markers: frozenset[str]
    count_nouns: frozenset[str]
    vague_spans: dict[str, tuple[int, int]]  # unit -> (days, months)
    dateline_published: tuple[tuple[str, ...], ...]
    dateline_updated: tuple[tuple[str, ...], ...]
    time_words: frozenset[str]
    dayparts: frozenset[str]
    # The words an expression can start with: every other word is skipped at once, which keeps
    # long runs of punctuation or numbers cheap.
    starters: frozenset[str]
    # the first words of the hedges and openers: any other word starts none of them
    phrase_firsts: frozenset[str]
    single_openers: dict[str, frozenset[str]]
    # word -> the kinds of opener whose phrases it begins ("am": range_from and point): the
    # grammar tries at a token only the rules it can begin
    opener_kinds: dict[str, frozenset[str]]

    def openers_flat(self, name: str) -> frozenset[str]:
        """The one-word openers of a kind, as a set."""
        return self.single_openers[name]


def _build(raw: dict[str, Any]) -> Lexicon:
    modifiers = {w: sense for sense, words in raw["modifiers"].items() for w in words}
    parts = {
        name: {key: (int(v[0]), int(v[1])) for key, v in spans.items()}
        for name, spans in raw["parts"].items()
    }
    vague = {
        unit: (int(span.get("days", 0)), int(span.get("months", 0)))
        for unit, span in raw["vague_spans"].items()
    }
    # "Sonntagabend", "Montagmorgen": a weekday with a part of the day is that weekday
    weekdays = dict(raw["weekdays"])
    weekdays.update({name + part: day for name, day in raw["weekdays"].items()
                     for part in raw["dayparts"]})
    # only these openers begin an expression; the others ("bis", "und", "dem", a dash) join
    # or continue one, and parsing from them finds nothing
    starters = {p[0] for kind in ("since", "range_from", "ago", "within", "point")
                for p in _phrases(raw["openers"][kind])}
    starters.update(modifiers, weekdays, raw["months"], raw["parts"], raw["relative_days"],
                    raw["seasons"])
    return Lexicon(
        months=dict(raw["months"]),
        month_names=tuple(raw["month_names"]),
        month_abbreviations=dict(raw["month_abbreviations"]),
        day_ordinals={stem + ending: int(day) for stem, day in raw["day_ordinals"].items()
                      for ending in raw["day_ordinal_endings"]},
        weekdays=weekdays,
        weekend=frozenset(raw["weekend"]),
        relative_days=dict(raw["relative_days"]),
        lowercase_only=frozenset(raw["lowercase_only"]),
        modifiers=modifiers,
        units=dict(raw["units"]),
        plural_units=frozenset(raw["plural_units"]),
        numbers=dict(raw["numbers"]),
        hedges=_phrases(raw["hedges"]),
        parts=parts,
        part_articles=frozenset(raw["part_articles"]),
        seasons={k: (int(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
        openers={k: _phrases(v) for k, v in raw["openers"].items()},
        apposition=frozenset(raw["apposition"]),
        future_markers=frozenset(raw["future_markers"]),
        count_nouns=frozenset(raw["count_nouns"]),
        vague_spans=vague,
        dateline_published=_phrases(raw["dateline_labels"]["published"]),
        dateline_updated=_phrases(raw["dateline_labels"]["updated"]),
        time_words=frozenset(raw["time_words"]),
        dayparts=frozenset(raw["dayparts"]),
        starters=frozenset(starters),
        phrase_firsts=frozenset(s.split()[0] for items in (raw["hedges"], *raw["openers"].values())
                                for s in items),
        single_openers={k: frozenset(w for w in v if " " not in w)
                        for k, v in raw["openers"].items()},
        opener_kinds={w: frozenset(k for k, v in raw["openers"].items()
                                   if any(s.split()[0] == w for s in v))
                      for v in raw["openers"].values() for w in (s.split()[0] for s in v)},
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon (cached: every call of ``find_temporal`` needs it)."""
    path = data_dir() / "lexicon" / "temporal_de.json"
    return _build(json.loads(path.read_text(encoding="utf-8")))
