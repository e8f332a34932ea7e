"""Derive the compact reference tables in ``data/gazetteer/`` from ``../shared/data/``.

Run once by a developer when the shared reference data changes; the product reads only the
derived files, so it never needs ``shared/`` at run time. Every output row names its source.
"""

from __future__ import annotations

import csv
import json
import shutil
import statistics
import sys
from pathlib import Path

import pycountry
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "data" / "gazetteer"


def admin1_label_points() -> None:
    """One point per admin-1 region: the median of Natural Earth's label points for it."""
    src = SHARED / "naturalearth" / "ne_10m_admin_1_label_points.json"
    points: dict[str, list[tuple[float, float]]] = {}
    meta: dict[str, tuple[str, str, str]] = {}
    for feat in json.loads(src.read_text(encoding="utf-8"))["features"]:
        props = feat["properties"]
        name, code, iso = props.get("name"), props.get("adm1_code"), props.get("iso_a2")
        if not name or not code or not iso or iso == "-99" or "minor island" in name:
            continue
        lon, lat = feat["geometry"]["coordinates"]
        points.setdefault(code, []).append((lat, lon))
        meta[code] = (name, iso, props.get("admin") or "")
    with open(OUT / "ne_admin1_label_points.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["adm1_code", "name", "country_code", "country", "lat", "lon", "source"])
        for code in sorted(points):
            lat = statistics.median(p[0] for p in points[code])
            lon = statistics.median(p[1] for p in points[code])
            name, iso, admin = meta[code]
            out.writerow([code, name, iso, admin, f"{lat:.4f}", f"{lon:.4f}",
                          "Natural Earth ne_10m_admin_1_label_points (public domain)"])


def country_points() -> None:
    """A representative point inside each country's largest outline (Natural Earth 1:50m)."""
    src = SHARED / "naturalearth" / "ne_50m_admin_0_countries.json"
    with open(OUT / "ne_country_points.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["country_code", "name", "lat", "lon", "source"])
        for feat in json.loads(src.read_text(encoding="utf-8"))["features"]:
            props = feat["properties"]
            iso = props.get("ISO_A2")
            if not iso or iso == "-99":  # France, Norway, ...: fall back on the A3 code
                country = pycountry.countries.get(alpha_3=props.get("ADM0_A3"))
                if country is None:
                    continue
                iso = country.alpha_2
            geom = shape(feat["geometry"])
            largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            pt = largest.representative_point()
            out.writerow([iso, props["NAME"], f"{pt.y:.4f}", f"{pt.x:.4f}",
                          "Natural Earth ne_50m_admin_0_countries, point inside largest part "
                          "(public domain)"])


def ukraine_oblasts() -> None:
    """Ukraine's 27 admin-1 regions with GeoNames ids and German names (Natural Earth 1:10m
    attributes): the label-point file lacks some of them (Kherson) and has no German names."""
    src = SHARED / "boundaries" / "ne_admin1_ukraine_oblasts.geojson"
    with open(OUT / "ne_admin1_ukraine.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["adm1_code", "name", "name_de", "name_alt", "geonameid", "lat", "lon",
                      "source"])
        for feat in json.loads(src.read_text(encoding="utf-8"))["features"]:
            p = feat["properties"]
            out.writerow([p["adm1_code"], p["name"], p.get("name_de") or "",
                          p.get("name_alt") or "", p["gn_id"], f"{p['latitude']:.4f}",
                          f"{p['longitude']:.4f}",
                          "Natural Earth ne_10m_admin_1 attributes and label point (public "
                          "domain); GeoNames id (CC BY 4.0)"])


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHARED / "gazetteer" / "places_supplement.csv", OUT / "places_supplement.csv")
    admin1_label_points()
    ukraine_oblasts()
    country_points()
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
