"""The bundled basemap: country and oblast outlines drawn as GeoJSON and place names, so the map
needs no tile server. ``python -m geo.app.basemap`` derives the light files in ``static/basemap/``
from the reference data in ``../shared/data/`` and the gazetteer (see
``static/basemap/SOURCES.md``). They are static files the browser fetches and caches, not part
of the map's script, so a rerun does not send them again.

Crimea is drawn inside Ukraine's internationally recognised borders (UN GA resolution 68/262):
Ukraine comes from the Natural Earth 1:10m v2 outline, and Russia's 1:50m outline has the
Ukrainian oblast polygons (which include Crimea and Sevastopol) cut out of it.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from geo.paths import static_dir

BASEMAP_DIR = static_dir() / "basemap"
FILES = (COUNTRIES, OBLASTS, LABELS) = ("countries.geojson", "oblasts.geojson", "labels.json")
COUNTRY_NAMES = "country_names_de.json"  # ISO code -> German name, for tables and exports
# Populated places named on the basemap, by the zoom from which they show: the bigger the
# town, the earlier. Only around the war zone (LABEL_BOX) below a million inhabitants.
LABEL_ZOOMS = ((1_000_000, 5), (300_000, 6), (100_000, 7), (30_000, 8), (10_000, 9))
LABEL_BOX = (22.0, 44.0, 42.0, 56.0)
# towns and cities; not city districts (PPLX), historical or abandoned places
TOWN_CODES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG", "PPLS"})
LABEL_GAP_PX = 50  # a town is named only this far from every bigger one named before it
OBLAST_LABEL_ZOOM = 6
COUNTRY_LABEL_ZOOM = 4

# Far-away outlines need little detail, countries around the war zone more; the front oblasts
# must stay readable at zoom 8-10 (about 150 m per pixel at zoom 10), so they keep ~500 m detail.
WORLD_TOLERANCE = 0.1
REGION_BOX = (20.0, 40.0, 50.0, 62.0)  # lon/lat box around Ukraine and western Russia
REGION_TOLERANCE = 0.02
OBLAST_TOLERANCE = 0.005


@cache
def load(name: str) -> Any:
    """One derived basemap layer as a GeoJSON dict (read once per process)."""
    return json.loads((BASEMAP_DIR / name).read_text(encoding="utf-8"))


def labels() -> list[list[Any]]:
    """Basemap names as [lat, lon, name, min_zoom, css class] (cities, oblasts, countries)."""
    return list(load(LABELS))


def country_name(code: str | None) -> str:
    """'UA' -> 'Ukraine': the German name of a country code (the code itself if unknown)."""
    return load(COUNTRY_NAMES).get(code or "", code or "")


def label_zoom(population: int, lon: float, lat: float) -> int | None:
    """From which zoom a town is named on the basemap, or None if never."""
    inside = LABEL_BOX[0] <= lon <= LABEL_BOX[2] and LABEL_BOX[1] <= lat <= LABEL_BOX[3]
    for threshold, zoom in LABEL_ZOOMS:
        if population >= threshold and (inside or threshold >= 1_000_000):
            return zoom
    return None


def build_labels(out: Path = BASEMAP_DIR) -> int:
    """Derive ``labels.json`` from the gazetteer's own populated places (German names), the
    oblast outlines and the countries: no download. Returns the number of labels."""
    from shapely.geometry import shape

    from geo import gazetteer

    gaz = gazetteer.load()
    rows: list[list[Any]] = []
    for i in range(len(gaz.places)):
        p = gaz.place(i)
        if p.feature_code not in TOWN_CODES:
            continue
        zoom = label_zoom(p.population, p.lon, p.lat)
        if zoom is not None:
            rows.append([round(p.lat, 3), round(p.lon, 3), p.name_de or p.name, zoom, "lb-town"])
    for feat in load(OBLASTS)["features"]:
        pt = shape(feat["geometry"]).representative_point()
        rows.append([round(pt.y, 3), round(pt.x, 3), feat["properties"]["name_de"] or feat["properties"]["name"],
                     OBLAST_LABEL_ZOOM, "lb-oblast"])
    for feat in load(COUNTRIES)["features"]:
        geom = shape(feat["geometry"])
        x0, y0, x1, y1 = REGION_BOX
        if not geom.intersects(shape({"type": "Polygon", "coordinates": [
                [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]})):
            continue
        row = gaz.lookup(feat["properties"]["name"])
        name = next((r.name_de for r in row if r.feature_code == "PCLI"), feat["properties"]["name"])
        pt = geom.representative_point()
        rows.append([round(pt.y, 3), round(pt.x, 3), name, COUNTRY_LABEL_ZOOM, "lb-country"])
    names: dict[str, str] = {}
    for i in range(len(gaz.places)):
        p = gaz.place(i)
        if p.feature_code in ("PCLI", "PCLD", "PCLF", "PCLS", "TERR") and p.name_de:
            names.setdefault(p.country_code, p.name_de)
    (out / COUNTRY_NAMES).write_text(json.dumps(dict(sorted(names.items())), ensure_ascii=False,
                                                indent=0), encoding="utf-8")
    rows = _distinct(rows)
    rows.sort(key=lambda r: (r[3], r[2]))
    (out / LABELS).write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")
    return len(rows)


def _distinct(rows: list[list[Any]]) -> list[list[Any]]:
    """Labels that do not print on top of each other: a town is left out where a town named
    from the same or an earlier zoom is closer than ``LABEL_GAP_PX`` at its zoom (so Kamjanske
    waits for a zoom at which Dnipro leaves it room). Oblasts and countries always stay."""
    kept: list[list[Any]] = []
    for row in sorted(rows, key=lambda r: (r[3], r[4] != "lb-town")):
        if row[4] == "lb-town":
            gap = LABEL_GAP_PX * 360 / (256 * 2 ** row[3])  # degrees of longitude
            if any(r[4] == "lb-town" and abs(r[0] - row[0]) < gap / 1.5 and abs(r[1] - row[1]) < gap
                   for r in kept):
                continue
        kept.append(row)
    return kept


def build(shared: Path, out: Path = BASEMAP_DIR) -> dict[str, int]:
    """Derive the basemap files from the shared reference data; returns bytes written per file."""
    import geopandas as gpd
    from shapely.geometry import box
    from shapely.ops import unary_union

    world = gpd.read_file(shared / "naturalearth" / "ne_50m_admin_0_countries.json")
    world = world[["ISO_A2", "NAME", "geometry"]].rename(columns={"ISO_A2": "iso_a2", "NAME": "name"})
    ua_oblasts = gpd.read_file(shared / "boundaries" / "ne_admin1_ukraine_oblasts.geojson")
    ru_oblasts = gpd.read_file(shared / "boundaries" / "ne_admin1_rus_kursk_belgorod_bryansk.geojson")
    v2 = gpd.read_file(shared / "boundaries" / "ne_10m_v2_admin0_rus_ukr_blr_prk_kor.geojson")

    ukraine_area = unary_union(list(ua_oblasts.geometry)).buffer(0.01)
    ukraine = v2.loc[v2["iso_a2"] == "UA", "geometry"].iloc[0]
    world.loc[world["iso_a2"] == "RU", "geometry"] = world.loc[world["iso_a2"] == "RU", "geometry"].difference(ukraine_area)
    world.loc[world["iso_a2"] == "UA", "geometry"] = ukraine
    world = world[world["name"] != "Antarctica"]
    near = world.intersects(box(*REGION_BOX))
    world["geometry"] = [g.simplify(REGION_TOLERANCE if n else WORLD_TOLERANCE, preserve_topology=True)
                         for g, n in zip(world.geometry, near)]

    oblasts = gpd.GeoDataFrame(
        {"name": list(ua_oblasts["name"]) + list(ru_oblasts["name"]),
         "name_de": list(ua_oblasts["name_de"]) + list(ru_oblasts["name_de"]),
         "country_code": ["UA"] * len(ua_oblasts) + ["RU"] * len(ru_oblasts)},
        geometry=list(ua_oblasts.geometry) + list(ru_oblasts.geometry), crs="EPSG:4326")
    oblasts["geometry"] = oblasts.geometry.simplify(OBLAST_TOLERANCE, preserve_topology=True)

    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, frame, digits in ((COUNTRIES, world, 3), (OBLASTS, oblasts, 4)):
        frame = frame[~frame.geometry.is_empty]
        text = frame.to_json(drop_id=True, to_wgs84=False)
        text = json.dumps(_round(json.loads(text), digits), separators=(",", ":"), ensure_ascii=False)
        (out / name).write_text(text, encoding="utf-8")
        sizes[name] = len(text.encode())
    return sizes


def _round(obj, digits: int):
    """Coordinates rounded: 3 decimals is ~100 m, 4 is ~10 m; enough for outlines, far smaller."""
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, list):
        return [_round(x, digits) for x in obj]
    if isinstance(obj, dict):
        return {k: v if k == "properties" else _round(v, digits) for k, v in obj.items()}
    return obj


if __name__ == "__main__":
    shared_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
    for file, size in build(shared_dir).items():
        print(f"{file}: {size / 1024:.0f} KiB")
    print(f"{LABELS}: {build_labels()} names")
