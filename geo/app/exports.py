"""The filtered view as files an analyst can take elsewhere: GeoJSON (the collection itself),
CSV tables of places and figures, and GeoParquet of the places. Also the table rows the
dashboard shows, so what is seen and what is exported are the same."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from geo.app import basemap, timeline
from geo.app.mapview import ROLE_LABELS, role_of
from geo.app.popups import (
    CATEGORY_LABELS,
    HOME_NOTES,
    QUALIFIER_WORDS,
    actor_label,
    figure_value,
    figures_by_place,
    german_name,
    is_approximate,
    kind_label,
)
from geo.figures import sources

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def places_rows(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per place with its counts, German names first, codes in their own columns;
    mentions themselves stay in the GeoJSON."""
    by_place = figures_by_place(fc.get("figures", []))
    published = timeline.article_dates(fc)
    rows = []
    for feat in fc["features"]:
        p = feat["properties"]
        lon, lat = feat["geometry"]["coordinates"]
        first, last = timeline.place_span(p, published)
        rows.append({
            "Ort": german_name(p), "Name (englisch/lokal)": p["name"],
            "Art": kind_label(p.get("kind")), "Rolle": ROLE_LABELS[role_of(p)],
            "Staat": basemap.country_name(p.get("country_code")),
            "Verwaltungseinheit": p.get("admin1"),
            "ungefähr": is_approximate(p), "Sicherheit": p.get("confidence"),
            "Breite": lat, "Länge": lon, "Erwähnungen": len(p["mentions"]),
            "Zahlen": len(by_place.get(p["place_id"], [])),
            "erste Erwähnung": first, "letzte Erwähnung": last,
            "Artikel": ", ".join(dict.fromkeys(m["article"] for m in p["mentions"])),
            "geschrieben als": ", ".join(dict.fromkeys(m["surface"] for m in p["mentions"])),
            "place_id": p["place_id"], "kind": p.get("kind"), "precision": p.get("precision"),
            "country_code": p.get("country_code"),
        })
    return rows


def figures_rows(fc: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure, in words (category, side, source entity, places by name) with the
    codes in their own columns, the date and where it comes from, the quote alongside."""
    names = {f["properties"]["place_id"]: german_name(f["properties"]) for f in fc["features"]}
    ents = sources.entities([f.get("source") for f in fc.get("figures", [])])
    published = timeline.article_dates(fc)
    rows = []
    for f in fc.get("figures", []):
        (start, end), basis = timeline.record_span(f, published)
        ent = ents[sources.entity_key(f.get("source"))]
        rows.append({
            "Artikel": f["article"], "Wert": figure_value(f), "von": f["low"], "bis": f["high"],
            "Angabe": QUALIFIER_WORDS.get(f["qualifier"], f["qualifier"]),
            "Kategorie": CATEGORY_LABELS.get(f["category"], f["category"]),
            "Seite": actor_label(f.get("actor")), "Quelle": ent.name, "Quellentyp": ent.type,
            "Quelle wörtlich": f.get("source") or "",
            "Orte": ", ".join(names.get(pid, pid) for pid in f["place_ids"]) or "ohne Ort",
            "Ort aus": HOME_NOTES.get(f.get("home") or "", ""),
            "Datum": start, "Datum bis": end, "Datum aus": timeline.BASIS_LABELS[basis],
            "vage": f["vague"], "abgeleitet": f["derived"], "Textstelle": f["text"],
            "Satz": f["sentence"], "category": f["category"], "actor": f.get("actor"),
            "qualifier": f["qualifier"], "place_ids": ";".join(f["place_ids"]),
            "start": f["start"], "end": f["end"],
        })
    return rows


CLAIM_CATEGORIES = ("troops", "killed", "wounded", "killed_or_wounded", "casualties", "missing",
                    "captured")


def claim_rows(fc: dict[str, Any], by_date: bool = False) -> list[dict[str, Any]]:
    """Troop and casualty claims for the charts: the same claim (category, source, side,
    places, value, and with ``by_date`` its date) repeated across articles is one row that
    counts its articles, so a chart stays readable and light at thousands of figures. ``Nr``
    is the first figure's index in ``fc["figures"]``, to open its quote."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for i, row in enumerate(figures_rows(fc)):
        if row["category"] not in CLAIM_CATEGORIES or (by_date and not row["Datum"]):
            continue
        key = (row["category"], row["Quelle"], row["Seite"], row["Orte"], row["von"], row["bis"],
               row["Datum"] if by_date else None)
        if key in out:
            out[key]["Artikel (Anzahl)"] += 1
        else:
            label = " · ".join(x or "–" for x in (row["Quelle"], row["Seite"], row["Orte"]))
            out[key] = {**row, "Nr": i, "Artikel (Anzahl)": 1, "Wer · Seite · Ort": label}
    return list(out.values())


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
        rows, geometry=[Point(r["Länge"], r["Breite"]) for r in rows], crs="EPSG:4326")
    frame["mentions_json"] = mentions
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()
