"""The dashboard's view as data: which articles, categories, sources and kinds of place, which
words in the quotes, which place is open. Pure functions over the FeatureCollection dict, and a
round trip to URL query parameters so an analyst can send the view as a link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

NO_SOURCE = "(no source named)"
KINDS = ("village", "city", "region", "country")
_LIST_KEYS = ("article", "category", "source", "kind")


@dataclass(frozen=True)
class View:
    """Empty tuples mean "all"."""

    article: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    q: str = ""
    place: str = ""  # the place whose side panel is open

    @property
    def filters_figures(self) -> bool:
        return bool(self.category or self.source)


def source_label(fig: dict[str, Any]) -> str:
    return fig.get("source") or NO_SOURCE


def options(fc: dict[str, Any]) -> dict[str, list[str]]:
    """The values each filter can take in this collection, sorted."""
    figures = fc.get("figures", [])
    return {
        "article": [a["id"] for a in fc.get("articles", [])],
        "category": sorted({f["category"] for f in figures}),
        "source": sorted({source_label(f) for f in figures}),
        "kind": [k for k in KINDS if any(ft["properties"].get("kind") == k for ft in fc["features"])],
    }


def _text_match(q: str) -> Callable[[str], bool]:
    needle = q.strip().casefold()
    return lambda text: not needle or needle in text.casefold()


def apply(fc: dict[str, Any], view: View) -> dict[str, Any]:
    """The collection as the view shows it: mentions and figures outside the view dropped,
    places left without mentions dropped; with a category/source filter only places that
    carry a matching figure stay."""
    matches = _text_match(view.q)
    in_articles = (lambda a: a in view.article) if view.article else (lambda a: True)
    figures = [f for f in fc.get("figures", [])
               if in_articles(f["article"]) and matches(f["sentence"])
               and (not view.category or f["category"] in view.category)
               and (not view.source or source_label(f) in view.source)]
    figure_places = {pid for f in figures for pid in f["place_ids"]}
    features = []
    for feat in fc["features"]:
        props = feat["properties"]
        if view.kind and props.get("kind") not in view.kind:
            continue
        if view.filters_figures and props["place_id"] not in figure_places:
            continue
        mentions = [m for m in props["mentions"] if in_articles(m["article"]) and matches(m["sentence"])]
        if not mentions:
            continue
        features.append({**feat, "properties": {**props, "mentions": mentions}})
    kept = {f["properties"]["place_id"] for f in features}
    if view.kind:
        figures = [f for f in figures if kept.intersection(f["place_ids"])]
    articles = [a for a in fc.get("articles", []) if in_articles(a["id"])]
    return {**fc, "articles": articles, "features": features, "figures": figures}


def to_query(view: View) -> dict[str, str | list[str]]:
    """Query parameters for the view; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    for key in _LIST_KEYS:
        if getattr(view, key):
            params[key] = list(getattr(view, key))
    for key in ("q", "place"):
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
    for key in ("q", "place"):
        got = params.get(key, [])
        values[key] = got[-1] if got else ""
    return View(**values)


def with_place(view: View, place_id: str) -> View:
    return replace(view, place=place_id)


QUERY_KEYS = tuple(f.name for f in fields(View))
