"""The filtered view as files an analyst can take elsewhere: GeoJSON (the collection itself),
CSV tables of places and figures, and GeoParquet of the places. Also the table rows the
dashboard shows, so what is seen and what is exported are the same."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from geo.filters import source_label
from geo.mapview import role_of
from geo.popups import figure_value, figures_by_place, is_approximate

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def places_rows(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per place with its counts; mentions themselves stay in the GeoJSON."""
    by_place = figures_by_place(fc.get("figures", []))
    rows = []
    for feat in fc["features"]:
        p = feat["properties"]
        lon, lat = feat["geometry"]["coordinates"]
        rows.append({
            "place_id": p["place_id"], "name": p["name"], "name_de": p.get("name_de"),
            "kind": p.get("kind"), "role": role_of(p), "country_code": p.get("country_code"),
            "admin1": p.get("admin1"), "precision": p.get("precision"),
            "approximate": is_approximate(p), "confidence": p.get("confidence"),
            "lat": lat, "lon": lon, "mentions": len(p["mentions"]),
            "figures": len(by_place.get(p["place_id"], [])),
            "articles": ", ".join(dict.fromkeys(m["article"] for m in p["mentions"])),
            "written_as": ", ".join(dict.fromkeys(m["surface"] for m in p["mentions"])),
        })
    return rows


def figures_rows(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure, places by name, the quote alongside."""
    names = {f["properties"]["place_id"]: f["properties"]["name"] for f in fc["features"]}
    return [{
        "article": f["article"], "value": figure_value(f), "low": f["low"], "high": f["high"],
        "qualifier": f["qualifier"], "vague": f["vague"], "derived": f["derived"],
        "category": f["category"], "actor": f.get("actor"), "source": source_label(f),
        "places": ", ".join(names.get(pid, pid) for pid in f["place_ids"]),
        "place_ids": ";".join(f["place_ids"]),
        "text": f["text"], "sentence": f["sentence"], "start": f["start"], "end": f["end"],
    } for f in fc.get("figures", [])]


def to_geojson(fc: dict[str, Any]) -> bytes:
    return json.dumps(fc, ensure_ascii=False, indent=1).encode("utf-8")


def _cell(value: Any) -> Any:
    """Article text that starts like a spreadsheet formula is quoted so Excel shows it as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with BOM so Excel reads the umlauts; formulas neutralised."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_geoparquet(fc: dict[str, Any]) -> bytes:
    """The places as GeoParquet (points, EPSG:4326), mentions kept as a JSON column."""
    import geopandas
    from shapely.geometry import Point

    rows = places_rows(fc)
    mentions = [json.dumps(f["properties"]["mentions"], ensure_ascii=False) for f in fc["features"]]
    frame = geopandas.GeoDataFrame(
        rows, geometry=[Point(r["lon"], r["lat"]) for r in rows], crs="EPSG:4326")
    frame["mentions_json"] = mentions
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()
