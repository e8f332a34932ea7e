"""The dashboard's view as data: which articles, categories, sources (as entities, and by
type) and kinds of place, which words in the quotes, which time window, which place is open,
where the map looks and which tab is open. Pure functions over the FeatureCollection dict, and
a round trip to URL query parameters so an analyst can send the view as a link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from geo.app import timeline
from geo.figures import sources

KINDS = ("village", "city", "region", "country")
_LIST_KEYS = ("article", "category", "source", "source_type", "kind")
_TEXT_KEYS = ("q", "start", "end", "place", "tab", "c", "z")


@dataclass(frozen=True)
class View:
    """Empty tuples mean "all"."""

    article: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    source_type: tuple[str, ...] = ()
    q: str = ""
    start: str = ""  # time window, ISO days; empty = open
    end: str = ""
    place: str = ""  # the place whose side panel is open
    tab: str = ""
    c: str = ""  # map centre "lat,lon" and zoom, as the analyst left them
    z: str = ""

    @property
    def filters_figures(self) -> bool:
        return bool(self.category or self.source or self.source_type)


def source_label(fig: dict[str, Any]) -> str:
    """The figure's source as the entity it belongs to (the key the source filter uses)."""
    return sources.entity_key(fig.get("source"))


def source_names(fc: dict[str, Any]) -> dict[str, sources.Entity]:
    """Entity key -> the entity (shown name, type, surface forms) for the figures' sources."""
    return sources.entities([f.get("source") for f in fc.get("figures", [])])


def options(fc: dict[str, Any]) -> dict[str, list[str]]:
    """The values each filter can take in this collection, sorted."""
    figures = fc.get("figures", [])
    ents = source_names(fc)
    return {
        "article": [a["id"] for a in fc.get("articles", [])],
        "category": sorted({f["category"] for f in figures}),
        "source": sorted(ents, key=lambda k: ents[k].name.lower()),
        "source_type": [t for t in sources.TYPES if any(e.type == t for e in ents.values())],
        "kind": [k for k in KINDS if any(ft["properties"].get("kind") == k for ft in fc["features"])],
    }


def _text_match(q: str) -> Callable[[str], bool]:
    needle = q.strip().casefold()
    return lambda text: not needle or needle in text.casefold()


def apply(fc: dict[str, Any], view: View,
          opts: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The collection as the view shows it: mentions and figures outside the view dropped,
    places left without mentions dropped; with a category/source filter only places that
    carry a matching figure stay. ``opts`` are ``options(fc)`` when the caller has them."""
    view = _all_means_none(fc, view, opts)
    if is_default(view):  # nothing to filter: the collection as it is, without copying it
        return {**fc, "features": [f for f in fc["features"] if f["properties"]["mentions"]]}
    matches = _text_match(view.q)
    in_articles = (lambda a: a in view.article) if view.article else (lambda a: True)
    published = timeline.article_dates(fc)

    def in_time(rec: dict[str, Any]) -> bool:
        return timeline.in_window(timeline.record_span(rec, published)[0], view.start, view.end)

    types = {k: e.type for k, e in source_names(fc).items()} if view.source_type else {}
    figures = [f for f in fc.get("figures", [])
               if in_articles(f["article"]) and matches(f["sentence"]) and in_time(f)
               and (not view.category or f["category"] in view.category)
               and (not view.source or source_label(f) in view.source)
               and (not view.source_type or types.get(source_label(f)) in view.source_type)]
    figure_places = {pid for f in figures for pid in f["place_ids"]}
    by_mention = bool(view.article or view.q.strip() or view.start or view.end)
    features = []
    for feat in fc["features"]:
        props = feat["properties"]
        if view.kind and props.get("kind") not in view.kind:
            continue
        if view.filters_figures and props["place_id"] not in figure_places:
            continue
        if not by_mention:  # every mention stays: the feature as it is, not a copy
            if props["mentions"]:
                features.append(feat)
            continue
        mentions = [m for m in props["mentions"]
                    if in_articles(m["article"]) and matches(m["sentence"]) and in_time(m)]
        if not mentions:
            continue
        features.append({**feat, "properties": {**props, "mentions": mentions}})
    kept = {f["properties"]["place_id"] for f in features}
    if view.kind:
        figures = [f for f in figures if kept.intersection(f["place_ids"])]
    articles = [a for a in fc.get("articles", []) if in_articles(a["id"])]
    return {**fc, "articles": articles, "features": features, "figures": figures}


def _all_means_none(fc: dict[str, Any], view: View,
                    opts: dict[str, list[str]] | None = None) -> View:
    """Selecting every category, source or source type is the same as selecting none: "all"
    must show all, also the places without any figure."""
    if not view.filters_figures:
        return view
    opts = opts if opts is not None else options(fc)
    for key in ("category", "source", "source_type"):
        chosen = getattr(view, key)
        if chosen and set(opts[key]) <= set(chosen):
            view = replace(view, **{key: ()})  # type: ignore[arg-type]
    return view


def to_query(view: View) -> dict[str, str | list[str]]:
    """Query parameters for the view; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    for key in _LIST_KEYS:
        if getattr(view, key):
            params[key] = list(getattr(view, key))
    for key in _TEXT_KEYS:
        if getattr(view, key):
            params[key] = getattr(view, key)
    return params


def from_query(params: dict[str, list[str]], allowed: dict[str, list[str]] | None = None) -> View:
    """The view from query parameters (each key to all its values). Values this collection
    does not have are dropped, so a stale or hand-edited link still opens."""
    values: dict[str, Any] = {}
    for key in _LIST_KEYS:
        got = [v for v in params.get(key, []) if v]
        if allowed is not None:
            got = [v for v in got if v in allowed.get(key, [])]
        values[key] = tuple(dict.fromkeys(got))
    for key in _TEXT_KEYS:
        got = params.get(key, [])
        values[key] = got[-1] if got else ""
    return View(**values)


def with_place(view: View, place_id: str) -> View:
    return replace(view, place=place_id)


def is_default(view: View) -> bool:
    """Whether the view filters nothing (what "reset" returns to)."""
    return replace(view, place="", tab="", c="", z="") == View()


def home_figures(fc: dict[str, Any]) -> dict[str, Any]:
    """Every figure gets a home: one without a place takes the place its sentence names, else
    its article's most mentioned event place, and says so (``home``: "sentence"/"article");
    a figure whose article names no place keeps no place and shows in the "ohne Ort" list."""
    by_sentence: dict[tuple[str, int], dict[str, int]] = {}
    by_article: dict[str, dict[str, int]] = {}
    for feat in fc["features"]:
        pid = feat["properties"]["place_id"]
        for m in feat["properties"]["mentions"]:
            if m.get("role") != "place":
                continue
            key = (m["article"], m.get("sentence_index", -1))
            counts = by_sentence.setdefault(key, {})
            counts[pid] = counts.get(pid, 0) + 1
            art = by_article.setdefault(m["article"], {})
            art[pid] = art.get(pid, 0) + 1
    out = []
    for f in fc.get("figures", []):
        if f["place_ids"]:
            out.append(f)
            continue
        here = by_sentence.get((f["article"], f.get("sentence_index", -2)))
        if here:
            out.append({**f, "place_ids": [max(here, key=here.__getitem__)], "home": "sentence"})
            continue
        main = by_article.get(f["article"])
        if main:
            out.append({**f, "place_ids": [max(main, key=main.__getitem__)], "home": "article"})
        else:
            out.append(f)
    return {**fc, "figures": out}


def without_place(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """Figures that have no place even after ``home_figures``: listed, never dropped."""
    return [f for f in fc.get("figures", []) if not f["place_ids"]]


QUERY_KEYS = tuple(f.name for f in fields(View))
