"""The folium map of a FeatureCollection. Python hands the browser two JSON configs that
``static/lagebild/map.js`` draws: the map (bundled basemap, legend, zoom limits: the same for
every view, so the page keeps one map) and one view's places (``PlacesLayer``: small records,
the bounds to fit, the names of the most reported places), which the dashboard serves as a
JSON file fetched once per view instead of sending it with every rerun. The places are
clustered (Leaflet.markercluster, counts, spiderfied at the deepest zoom); marker icons and
popups are built in the browser when shown, the side panel by the app for the clicked place
only, so the page stays small at thousands of places.

Marker encoding (Okabe-Ito colours, safe for colour-blind readers):
- colour = role: where things happen (vermillion), a capital or institution that speaks (blue),
  both (reddish purple);
- shape = kind: village circle, city square, region diamond, country triangle;
- size = how much is reported there (mentions + figures);
- approximate point (a district seat standing in for a village): hollow with a dashed outline.
"""

from __future__ import annotations

import json
import math
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo.app import basemap, offline, timeline
from geo.app.popups import figures_by_place, german_name, is_approximate, popup_record

ROLE_COLOURS = {"place": "#D55E00", "speaker": "#0072B2", "both": "#CC79A7"}
ROLE_LABELS = {"place": "Ereignisort", "speaker": "sprechende Hauptstadt / Institution",
               "both": "Ereignisort und Sprecher"}
KIND_SHAPES = {"village": "circle", "city": "square", "region": "diamond", "country": "triangle"}
FRONT_CENTER = (50.8, 36.0)  # Kursk / Sumy / Kharkiv: only when there is nothing to fit
FRONT_ZOOM = 6
MIN_ZOOM, MAX_ZOOM = 2, 13
FIT_MAX_ZOOM = 9  # fitting one village must not zoom to its street
FLY_ZOOM = {"village": 11, "city": 10, "region": 7, "country": 5}
UNCLUSTER_ZOOM = 12  # at the deepest zooms every place is its own marker (clusters spiderfy)
TOP_LABELS = 12  # always-on names for the most reported places
MAP_TITLE = "Karte der berichteten Orte (Zahlen, Zitate)"
ATTRIBUTION = ('Orte: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) · '
               'Umrisse: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (gemeinfrei)')


def role_of(props: dict[str, Any]) -> str:
    roles = {m["role"] for m in props["mentions"]}
    return "both" if roles == {"place", "speaker"} else (roles.pop() if roles else "place")


def weight(props: dict[str, Any], n_figures: int) -> int:
    """How much is reported at the place: every mention and every figure counts once."""
    return len(props["mentions"]) + n_figures


def marker_size(w: int) -> int:
    """Marker diameter in pixels: area grows with the weight, capped so hubs stay readable."""
    return min(44, round(12 + 6 * math.sqrt(max(w, 1) - 1)))


def display_name(props: dict[str, Any]) -> str:
    """German name first, the English/local one after it when it differs: 'Kiew (Kyiv)'."""
    de, name = german_name(props), props.get("name") or ""
    return f"{de} ({name})" if name and name != de else de


def place_labels(features: list[dict[str, Any]]) -> dict[str, str]:
    """A unique, readable label per place (the tooltip, and how a click finds its place):
    the German name with the other name, with admin-1 and country added only where names
    repeat. Sorted as a German reader looks for them."""
    counts: dict[str, int] = {}
    for f in features:
        key = display_name(f["properties"])
        counts[key] = counts.get(key, 0) + 1
    labels: dict[str, str] = {}
    used: set[str] = set()  # a set: looking through labels.values() made this quadratic
    for f in sorted(features, key=lambda f: display_name(f["properties"]).lower()):
        p = f["properties"]
        label = display_name(p)
        if counts[label] > 1:
            label = f"{label} ({', '.join(x for x in (p.get('admin1'), p.get('country_code')) if x)})"
        while label in used:
            label += "′"
        used.add(label)
        labels[p["place_id"]] = label
    return labels


def place_for_click(tooltip: str | None, features: list[dict[str, Any]]) -> str | None:
    """The place_id behind a clicked marker's tooltip text, as streamlit-folium reports it."""
    if not tooltip:
        return None
    wanted = tooltip.strip()
    for pid, label in place_labels(features).items():
        if label == wanted:
            return pid
    return None


def marker_records(fc: dict[str, Any], labels: dict[str, str] | None = None,
                   by_place: dict[str, list[dict[str, Any]]] | None = None,
                   published: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """What the browser needs per place to draw it and its small popup, as plain data.
    ``labels``, ``by_place`` and ``published`` are the view's own when the caller has them."""
    by_place = by_place if by_place is not None else figures_by_place(fc.get("figures", []))
    labels = labels if labels is not None else place_labels(fc["features"])
    published = published if published is not None else timeline.article_dates(fc)
    out = []
    for feat in fc["features"]:
        props = feat["properties"]
        figs = by_place.get(props["place_id"], [])
        lon, lat = feat["geometry"]["coordinates"]
        w = weight(props, len(figs))
        out.append({
            "id": props["place_id"], "label": labels[props["place_id"]], "lat": lat, "lon": lon,
            "shape": KIND_SHAPES.get(props.get("kind", ""), "circle"),
            "colour": ROLE_COLOURS[role_of(props)], "size": marker_size(w), "weight": w,
            "approx": is_approximate(props),
            "popup": popup_record(feat, figs, timeline.place_span(props, published)),
        })
    return out


def fit_bounds(fc: dict[str, Any]) -> list[list[float]] | None:
    """[[south, west], [north, east]] around every place shown: where the map opens."""
    points = [f["geometry"]["coordinates"] for f in fc["features"]]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def fly_target(feature: dict[str, Any]) -> tuple[tuple[float, float], int]:
    """Centre and zoom to show one place chosen in the list."""
    lon, lat = feature["geometry"]["coordinates"]
    return (lat, lon), FLY_ZOOM.get(feature["properties"].get("kind", ""), 9)


def parse_view(c: str, z: str) -> dict[str, Any] | None:
    """The map view from the URL ('50.1,36.2' and '7'), or None if absent or malformed."""
    try:
        lat, lon = (float(x) for x in c.split(","))
        zoom = int(z)
    except (ValueError, AttributeError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 2 <= zoom <= 13):
        return None
    return {"center": [lat, lon], "zoom": zoom}


def top_labels(records: list[dict[str, Any]], n: int = TOP_LABELS) -> list[dict[str, Any]]:
    """The most reported places, named on the map at every zoom."""
    best = sorted(records, key=lambda r: (-r["weight"], r["label"]))[:n]
    return [{"lat": r["lat"], "lon": r["lon"], "name": r["popup"]["name"]} for r in best]


def legend_rows() -> list[dict[str, str]]:
    rows = [{"colour": c, "text": ROLE_LABELS[r]} for r, c in ROLE_COLOURS.items()]
    return rows + [{"text": "● Dorf · ■ Stadt · ◆ Region · ▲ Staat"},
                   {"text": "◌ hohl, gestrichelt: ungefähre Lage"},
                   {"text": "Größe: Erwähnungen + Zahlen"},
                   {"text": "Kreis mit Zahl: so viele Orte, Klick zoomt hinein"}]


def base_config(online_tiles: bool = False,
                static_url: str = offline.STATIC_URL) -> dict[str, Any]:
    """The map itself, the same for every view: basemap, legend, zoom limits. It is the map's
    script, so streamlit-folium keeps one map across reruns and filter changes."""
    return {"fit_max_zoom": FIT_MAX_ZOOM, "uncluster_zoom": UNCLUSTER_ZOOM,
            "min_zoom": MIN_ZOOM, "max_zoom": MAX_ZOOM,
            "legend": legend_rows(), "attribution": ATTRIBUTION, "css": _CSS,
            "title": MAP_TITLE, "online": online_tiles, "basemap": basemap_urls(static_url)}


def data_config(fc: dict[str, Any], records: list[dict[str, Any]],
                view: dict[str, Any] | None = None, url: str | None = None) -> dict[str, Any]:
    """One view's places on the map: the bounds to fit (unless ``view``, from a link, says
    where to look), the always-on names, and the places: fetched from ``url`` or inline."""
    out: dict[str, Any] = {"labels": top_labels(records), "bounds": fit_bounds(fc),
                           "view": view, "count": len(records)}
    if url:
        out["url"] = url
    else:
        out["places"] = records
    return out


def map_config(fc: dict[str, Any], online_tiles: bool = False,
               view: dict[str, Any] | None = None,
               static_url: str = offline.STATIC_URL) -> dict[str, Any]:
    """Everything ``static/lagebild/map.js`` draws for a self-contained map, as one JSON-able
    dict: the map and, under ``data``, the places inline."""
    return {**base_config(online_tiles, static_url),
            "data": data_config(fc, marker_records(fc), view)}


def basemap_urls(static_url: str = offline.STATIC_URL) -> dict[str, str]:
    """Where the browser fetches the basemap layers (cached by it, never in the map's script)."""
    return {name.split(".")[0]: offline.static_url_of(f"basemap/{name}", static_url)
            for name in basemap.FILES}


def script_json(obj: Any) -> str:
    """JSON safe inside a <script> element: no '<' (so no '</script>'), no raw U+2028/9."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class _Script(MacroElement):
    """The call into ``map.js`` with its JSON config (rendered by folium and streamlit-folium)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "LagebildMap.init({{ this._parent.get_name() }}, {{ this.config }});"
        "{% endmacro %}")

    def __init__(self, config: str) -> None:
        super().__init__()
        self._name = "LagebildScript"
        self.config = config


class PlacesLayer(folium.FeatureGroup):
    """One view's places as a layer: ``LagebildMap.data`` draws them from its JSON config.
    Handed to streamlit-folium as ``feature_group_to_add``, it replaces the previous view's
    layer in the map that is already open when the filters change (no new map, no basemap
    reloaded), and is sent again only when it changes. ``add`` puts it on the map itself, for
    a self-contained map outside streamlit-folium."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }} = LagebildMap.data({{ this._parent.get_name() }}, "
        "{{ this.config }});"
        "{% if this.add %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}"
        "{% endmacro %}")

    def __init__(self, config: dict[str, Any], add: bool = False) -> None:
        super().__init__(name="Orte", control=False)
        self.config = script_json(config)
        self.add = add


_CSS = (".lb-popup{font-size:13px;line-height:1.35}.lb-quote{margin:.3em 0;font-style:italic}"
        ".lb-art{color:#555;font-size:11px}.lb-canon{color:#444}.lb-approx{color:#7a4a00}"
        ".leaflet-control-attribution,.leaflet-control-scale{font-size:11px}"
        ".lb-marker{background:none;border:none}.lb-marker:focus{outline:3px solid #000}"
        ".lb-cluster-icon{background:none;border:none}"
        ".lb-cluster{border-radius:50%;background:rgba(0,114,178,.85);color:#fff;"
        "text-align:center;font:bold 12px sans-serif;border:2px solid #fff;"
        "box-shadow:0 0 3px rgba(0,0,0,.5)}"
        ".lb-label span{font:bold 12px sans-serif;color:#222;white-space:nowrap;"
        "text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 3px #fff}"
        ".lb-basename span{font:11px sans-serif;color:#555;white-space:nowrap;"
        "text-shadow:0 0 2px #fff,0 0 2px #fff}.lb-basename span.lb-oblast{font-style:italic;"
        "color:#7a6a55;text-transform:uppercase;letter-spacing:.08em;font-size:10px}"
        ".lb-basename span.lb-country{font-size:13px;color:#444;font-weight:bold}"
        ".lb-legend{background:#fff;padding:4px 8px;font:12px sans-serif;line-height:1.5;"
        "border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:260px}"
        ".lb-legend summary{cursor:pointer;font-weight:bold}")


def base_map(online_tiles: bool = False, static_url: str = offline.STATIC_URL) -> folium.Map:
    """The map without places (they come as a ``PlacesLayer``). Loads nothing from the
    internet unless the user switches on the optional online tile layer."""
    m = folium.Map(location=FRONT_CENTER, zoom_start=FRONT_ZOOM, tiles=None, control_scale=True,
                   min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM)
    offline.localise(m, static_url)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="Online-Karte (OpenStreetMap, braucht Internet)",
                         overlay=True, show=True).add_to(m)
    _Script(script_json(base_config(online_tiles, static_url))).add_to(m)
    return m


def build_map(fc: dict[str, Any], online_tiles: bool = False,
              view: dict[str, Any] | None = None,
              static_url: str = offline.STATIC_URL) -> folium.Map:
    """A self-contained map of a (filtered) collection, places inline, fitted to its places
    unless ``view`` (centre and zoom from a link) says otherwise."""
    m = base_map(online_tiles, static_url)
    PlacesLayer(data_config(fc, marker_records(fc), view), add=True).add_to(m)
    return m
