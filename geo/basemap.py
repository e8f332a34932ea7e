"""The bundled basemap: country and oblast outlines drawn as GeoJSON, so the map needs no tile
server. ``python -m geo.basemap`` derives the light files in ``data/basemap/`` from the
reference data in ``../shared/data/`` (see ``data/basemap/SOURCES.md``); the app only loads them.

Crimea is drawn inside Ukraine's internationally recognised borders (UN GA resolution 68/262):
Ukraine comes from the Natural Earth 1:10m v2 outline, and Russia's 1:50m outline has the
Ukrainian oblast polygons (which include Crimea and Sevastopol) cut out of it.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

BASEMAP_DIR = Path(__file__).resolve().parent.parent / "data" / "basemap"
COUNTRIES = "countries.geojson"
OBLASTS = "oblasts.geojson"

# Far-away outlines need little detail, countries around the war zone more; the front oblasts
# must stay readable at zoom 8-10 (about 150 m per pixel at zoom 10), so they keep ~500 m detail.
WORLD_TOLERANCE = 0.1
REGION_BOX = (20.0, 40.0, 50.0, 62.0)  # lon/lat box around Ukraine and western Russia
REGION_TOLERANCE = 0.02
OBLAST_TOLERANCE = 0.005


@cache
def load(name: str) -> dict:
    """One derived basemap layer as a GeoJSON dict (read once per process)."""
    return json.loads((BASEMAP_DIR / name).read_text(encoding="utf-8"))


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
    shared_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data"
    for file, size in build(shared_dir).items():
        print(f"{file}: {size / 1024:.0f} KiB")
