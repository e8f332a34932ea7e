"""What the dashboard derives from the store, computed once and shared: per store generation
(filter options, the time span, source names, article labels) and per filtered view (the
view's collection, place labels, the map's place data as one JSON payload, the places table).
The dashboard caches these objects by generation and view, so a rerun that only opens a place
or a tab recomputes nothing; they are never modified after they are built.

Pure data over the FeatureCollection dict: no Streamlit here."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from geo.app import exports, filters, mapview, popups, timeline
from geo.figures.sources import Entity

# A view's places up to this size ride inline with the map's arguments (no extra request);
# bigger ones are one JSON file the browser fetches.
INLINE_PLACES_MAX = 300_000  # bytes of JSON
# A list widget or table shows at most this many entries: at 10,000 articles the browser spent
# seconds on 10,000 titles as options and an 8,562-row table sent with every view.
LIST_MAX = 200


def choices(ranked: Sequence[str], labels: dict[str, str], query: str,
            selected: Sequence[str], limit: int) -> list[str]:
    """What a list widget offers: the first ``limit`` of ``ranked`` whose label contains
    ``query`` (any case), then whatever is selected (a widget's value must be among its
    options)."""
    needle = query.strip().casefold()
    hits = (k for k in ranked if needle in labels.get(k, k).casefold())
    shown = list(islice(hits, limit))
    seen = set(shown)
    return shown + [k for k in dict.fromkeys(selected) if k not in seen]


def places_note(shown: int, total: int) -> str | None:
    """Said under a places table that shows only the most reported places."""
    if shown >= total:
        return None
    n = popups.german_number
    return (f"{n(shown)} von {n(total)} Orten (die meistgenannten); die Filter eingrenzen oder "
            "im Tab „Export“ alle herunterladen.")


@dataclass(frozen=True)
class Collection:
    """The whole store's view and what every filter widget needs from it."""

    fc: dict[str, Any]
    options: dict[str, list[str]]
    span: timeline.Span
    entities: dict[str, Entity]
    titles: dict[str, str]  # article id -> its label (title or first words)
    undated: dict[str, int]
    newest: list[str] = field(default_factory=list)  # article ids, newest published first

    def article_choices(self, query: str, selected: Sequence[str] = ()) -> list[str]:
        """The article filter's options: the newest ``LIST_MAX`` articles whose label contains
        ``query``, and the selected ones."""
        return choices(self.newest, self.titles, query, selected, LIST_MAX)


def article_rows(whole: Collection, query: str) -> tuple[list[dict[str, Any]], int]:
    """The Artikel tab's table, newest first: at most ``LIST_MAX`` articles of the store whose
    label, id or file name contains ``query`` (any case), and how many match in all (a desk
    that keeps months of news must not send 10,000 rows and options with every visit)."""
    needle = query.strip().casefold()
    by_id = {a["id"]: a for a in whole.fc["articles"]}
    hits = [i for i in whole.newest if not needle or needle in " ".join(
        (whole.titles.get(i, i), i, by_id[i]["name"])).casefold()]
    rows = [{"Artikel": a["id"], "Titel": a.get("title", ""), "Medium": a.get("outlet", ""),
             "Datei": a["name"],
             "erschienen": popups.german_date(a.get("published")) or "undatiert",
             "hinzugefügt": a.get("added", ""), "Zeichen": a["chars"],
             "Hinweise": "; ".join(a.get("notes", []))}
            for a in (by_id[i] for i in hits[:LIST_MAX])]
    return rows, len(hits)


def collection(fc: dict[str, Any]) -> Collection:
    return Collection(fc=fc, options=filters.options(fc), span=timeline.date_range(fc),
                      entities=filters.source_names(fc),
                      titles={a["id"]: a.get("label") or a["id"] for a in fc["articles"]},
                      undated=timeline.undated_counts(fc), newest=newest_first(fc))


def newest_first(fc: dict[str, Any]) -> list[str]:
    """Article ids by publication day, newest first; undated ones last, newest added first."""
    published = timeline.article_dates(fc)
    by_added = sorted(fc["articles"], key=lambda a: a.get("added") or "", reverse=True)
    return [a["id"] for a in sorted(by_added, key=lambda a: published.get(a["id"]) or "",
                                    reverse=True)]


def view_key(view: filters.View) -> str:
    """The part of a view that decides what is shown (not the open place, tab or map view):
    the cache key of a filtered view."""
    query = filters.to_query(filters.View(**{**view.__dict__, "place": "", "tab": "",
                                             "c": "", "z": ""}))
    lists = {k: v if isinstance(v, list) else [v] for k, v in query.items()}
    return json.dumps(lists, sort_keys=True, ensure_ascii=False)


def view_from_key(key: str) -> filters.View:
    return filters.from_query(json.loads(key))


@dataclass
class ViewData:
    """One filtered view, with everything the page shows of it prepared once."""

    fc: dict[str, Any]
    labels: dict[str, str]  # place_id -> unique label, in German reading order
    records: list[dict[str, Any]]  # the map's places (mapview.marker_records)
    features: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_label: dict[str, str] = field(default_factory=dict)
    figures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    published: dict[str, str | None] = field(default_factory=dict)
    _payload: bytes | None = None
    _places_rows: list[dict[str, Any]] | None = None
    _ranked: list[str] | None = None
    _map_base: dict[str, Any] | None = None

    @property
    def payload(self) -> bytes:
        """The map's places as JSON, fetched once by the browser instead of riding along with
        every rerun. Article text in it is JSON string data; the browser sets it as text."""
        if self._payload is None:
            self._payload = json.dumps(self.records, ensure_ascii=False,
                                       separators=(",", ":")).encode("utf-8")
        return self._payload

    @property
    def inline(self) -> bool:
        """Whether the places are small enough to go inline with the map's arguments."""
        return len(self.payload) <= INLINE_PLACES_MAX

    def map_data(self, view: dict[str, Any] | None = None,
                 url: str | None = None) -> dict[str, Any]:
        """What the map needs besides the places: where to look and which names to show;
        the places themselves by ``url``, or inline when there is no URL to fetch them from."""
        if self._map_base is None:
            self._map_base = mapview.data_config(self.fc, self.records)
        out = {**self._map_base, "view": view}
        if url:
            del out["places"]
            out["url"] = url
        return out

    def place_for_click(self, tooltip: str | None) -> str | None:
        return self.by_label.get(tooltip.strip()) if tooltip else None

    def panel_html(self, place_id: str) -> str | None:
        """The side panel of one place (None if the view does not show it)."""
        feature = self.features.get(place_id)
        if feature is None:
            return None
        span = timeline.place_span(feature["properties"], self.published)
        return popups.panel_html(feature, self.figures.get(place_id, []), self.articles, span)

    def place_choices(self, query: str, selected: str | None = None) -> list[str]:
        """The place list's options, in the labels' reading order: all places of a small view;
        of a big one the ``LIST_MAX`` most reported whose label contains ``query``, and the
        selected place (a click on the map may open any)."""
        if len(self.labels) <= LIST_MAX:
            return list(self.labels)
        if self._ranked is None:
            weight = {r["id"]: r["weight"] for r in self.records}  # mapview.weight
            self._ranked = sorted(self.labels, key=lambda pid: -weight[pid])
        picked = set(choices(self._ranked, self.labels, query, [selected] if selected else [],
                             LIST_MAX))
        return [pid for pid in self.labels if pid in picked]

    def places_rows(self) -> list[dict[str, Any]]:
        """The places table, most reported first."""
        if self._places_rows is None:
            self._places_rows = sorted(exports.places_rows(self.fc),
                                       key=lambda r: (-r["Erwähnungen"] - r["Zahlen"], r["Ort"]))
        return self._places_rows


def view_data(whole: Collection, view: filters.View) -> ViewData:
    fc = filters.apply(whole.fc, view, opts=whole.options)
    labels = mapview.place_labels(fc["features"])
    figures = popups.figures_by_place(fc.get("figures", []))
    published = timeline.article_dates(fc)
    return ViewData(
        fc=fc, labels=labels,
        records=mapview.marker_records(fc, labels=labels, by_place=figures, published=published),
        features={f["properties"]["place_id"]: f for f in fc["features"]},
        by_label={label: pid for pid, label in labels.items()},
        figures=figures, articles={a["id"]: a for a in fc["articles"]}, published=published)
