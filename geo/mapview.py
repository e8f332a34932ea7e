"""The folium map of a FeatureCollection: the bundled basemap, one marker per place in a single
GeoJSON layer (cheap to pan even with thousands of places), a legend and the attributions.

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
from html import escape
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo import basemap, offline
from geo.popups import figures_by_place, is_approximate, popup_html

ROLE_COLOURS = {"place": "#D55E00", "speaker": "#0072B2", "both": "#CC79A7"}
ROLE_LABELS = {"place": "event place", "speaker": "speaking capital / institution",
               "both": "event place and speaker"}
KIND_SHAPES = {"village": "circle", "city": "square", "region": "diamond", "country": "triangle"}
FRONT_CENTER = (50.8, 36.0)  # Kursk / Sumy / Kharkiv: where the articles' fighting is
FRONT_ZOOM = 6
ATTRIBUTION = ('Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) · '
               'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)')


def role_of(props: dict[str, Any]) -> str:
    roles = {m["role"] for m in props["mentions"]}
    return "both" if roles == {"place", "speaker"} else (roles.pop() if roles else "place")


def weight(props: dict[str, Any], n_figures: int) -> int:
    """How much is reported at the place: every mention and every figure counts once."""
    return len(props["mentions"]) + n_figures


def marker_size(w: int) -> int:
    """Marker diameter in pixels: area grows with the weight, capped so hubs stay readable."""
    return min(44, round(12 + 6 * math.sqrt(max(w, 1) - 1)))


def place_labels(features: list[dict[str, Any]]) -> dict[str, str]:
    """A unique, readable label per place (the tooltip, and how a click finds its place):
    the canonical name, with admin-1 and country added only where names repeat."""
    counts: dict[str, int] = {}
    for f in features:
        counts[f["properties"]["name"]] = counts.get(f["properties"]["name"], 0) + 1
    labels: dict[str, str] = {}
    for f in features:
        p = f["properties"]
        label = p["name"]
        if counts[label] > 1:
            label = f"{label} ({', '.join(x for x in (p.get('admin1'), p.get('country_code')) if x)})"
        while label in labels.values():
            label += "′"
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


def marker_properties(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """What the browser needs per place to draw it: small, precomputed, escaped."""
    by_place = figures_by_place(fc.get("figures", []))
    labels = place_labels(fc["features"])
    out = []
    for feat in fc["features"]:
        props = feat["properties"]
        figs = by_place.get(props["place_id"], [])
        role = role_of(props)
        out.append({
            "label": labels[props["place_id"]],
            "tooltip": escape(labels[props["place_id"]]),
            "popup": popup_html(feat, figs),
            "shape": KIND_SHAPES.get(props.get("kind", ""), "circle"),
            "colour": ROLE_COLOURS[role],
            "size": marker_size(weight(props, len(figs))),
            "approx": is_approximate(props),
        })
    return out


def script_json(obj: Any) -> str:
    """JSON safe inside a <script> element: no '<' (so no '</script>'), no raw U+2028/9."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class _Script(MacroElement):
    """Raw Leaflet code added to the map (rendered by folium and by streamlit-folium alike)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this.code.replace('__MAP__', this._parent.get_name()) }}"
        "{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "LagebildScript"
        self.code = code


_CSS = (".lb-popup{font-size:13px;line-height:1.35}.lb-popup ul{padding-left:1.1em;margin:.2em 0}"
        ".lb-popup mark{background:#F0E442;padding:0 2px}.lb-art{color:#666;font-size:11px}"
        ".lb-canon{color:#444}.lb-approx{color:#7a4a00}"
        ".leaflet-control-attribution,.leaflet-control-scale{font-size:11px}"
        ".lb-marker{background:none;border:none}")

_BASEMAP_JS = """
(function (map) {
  var css = document.createElement('style');
  css.textContent = %(css)s;
  document.head.appendChild(css);
  map.getContainer().style.background = '#dbe7f0';
  L.geoJSON(%(countries)s, {interactive: false, style: {color: '#8a8a8a', weight: 0.8,
    fillColor: '#f4f1ea', fillOpacity: 1}}).addTo(map);
  L.geoJSON(%(oblasts)s, {interactive: false, style: {color: '#9a8f80', weight: 0.7,
    dashArray: '3 3', fill: false}}).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(%(attribution)s);
})(__MAP__);
"""

_PLACES_JS = """
(function (map) {
  var NS = 'http://www.w3.org/2000/svg';
  function shapeEl(p) {
    var s = p.size, h = s / 2, w = 2, el;
    if (p.shape === 'square') {
      el = document.createElementNS(NS, 'rect');
      el.setAttribute('x', w); el.setAttribute('y', w);
      el.setAttribute('width', s - 2 * w); el.setAttribute('height', s - 2 * w);
    } else if (p.shape === 'diamond' || p.shape === 'triangle') {
      el = document.createElementNS(NS, 'polygon');
      el.setAttribute('points', p.shape === 'diamond'
        ? [h, w, s - w, h, h, s - w, w, h].join(' ')
        : [h, w, s - w, s - w, w, s - w].join(' '));
    } else {
      el = document.createElementNS(NS, 'circle');
      el.setAttribute('cx', h); el.setAttribute('cy', h); el.setAttribute('r', h - w);
    }
    el.setAttribute('stroke', p.colour);
    el.setAttribute('stroke-width', w);
    el.setAttribute('fill', p.approx ? '#ffffff' : p.colour);
    el.setAttribute('fill-opacity', p.approx ? '0.6' : '0.75');
    if (p.approx) el.setAttribute('stroke-dasharray', '3 2');
    return el;
  }
  function icon(p) {
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', p.size); svg.setAttribute('height', p.size);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', p.label);
    svg.setAttribute('class', 'lb-place');
    svg.appendChild(shapeEl(p));
    return L.divIcon({html: svg, className: 'lb-marker', iconSize: [p.size, p.size]});
  }
  var layer = L.geoJSON(%(places)s, {
    pointToLayer: function (f, latlng) {
      // small and exact markers above big and approximate ones, so none is buried
      var z = -10 * f.properties.size - (f.properties.approx ? 1000 : 0);
      return L.marker(latlng, {icon: icon(f.properties), riseOnHover: true, zIndexOffset: z});
    },
    onEachFeature: function (f, l) {
      l.bindTooltip(f.properties.tooltip);
      l.bindPopup(f.properties.popup, {maxWidth: 420, maxHeight: 360});
    }
  }).addTo(map);
})(__MAP__);
"""


def _legend_html() -> str:
    rows = [f"<div><span style='color:{c};font-size:16px'>●</span> {escape(ROLE_LABELS[r])}</div>"
            for r, c in ROLE_COLOURS.items()]
    rows += ["<div>● village · ■ city · ◆ region · ▲ country</div>",
             "<div>◌ dashed, hollow: approximate point</div>",
             "<div>size: mentions + figures</div>"]
    return "<div class='lb-legend'><b>Legend</b>" + "".join(rows) + "</div>"


_LEGEND_JS = """
(function (map) {
  var legend = L.control({position: 'topright'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'leaflet-control');
    div.style.cssText = 'background:#fff;padding:6px 8px;font:12px sans-serif;line-height:1.5;'
      + 'border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3)';
    div.innerHTML = %(html)s;
    return div;
  };
  legend.addTo(map);
})(__MAP__);
"""


def build_map(fc: dict[str, Any], online_tiles: bool = False,
              static_url: str = offline.STATIC_URL) -> folium.Map:
    """The map for a (filtered) collection. Loads nothing from the internet unless the user
    switches on the optional online tile layer."""
    m = folium.Map(location=FRONT_CENTER, zoom_start=FRONT_ZOOM, tiles=None, control_scale=True,
                   min_zoom=2, max_zoom=13)
    offline.localise(m, static_url)
    _Script(_BASEMAP_JS % {"countries": script_json(basemap.load(basemap.COUNTRIES)),
                           "oblasts": script_json(basemap.load(basemap.OBLASTS)),
                           "attribution": script_json(ATTRIBUTION),
                           "css": script_json(_CSS)}).add_to(m)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="Online tiles (OpenStreetMap, needs internet)",
                         overlay=True, show=True).add_to(m)
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": feat["geometry"], "properties": props}
        for feat, props in zip(fc["features"], marker_properties(fc))]}
    _Script(_PLACES_JS % {"places": script_json(points)}).add_to(m)
    _Script(_LEGEND_JS % {"html": script_json(_legend_html())}).add_to(m)
    return m
