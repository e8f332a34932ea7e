"""Exports of the filtered view read back as what was shown."""

import csv
import io
import json
from pathlib import Path

import geopandas

from geo.app.exports import (
    CLAIM_CATEGORIES,
    claim_rows,
    figures_rows,
    places_rows,
    to_csv,
    to_geojson,
    to_geoparquet,
)
from geo.app.filters import View, apply

FC = json.loads((Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8"))


def test_geojson_is_the_filtered_collection():
    view = apply(FC, View(article=("b_kiew",)))
    assert json.loads(to_geojson(view)) == view


def test_places_csv_reads_back_with_umlauts_and_counts():
    text = to_csv(places_rows(FC)).decode("utf-8-sig")
    rows = {r["Ort"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["Plechowo"]["Erwähnungen"] == "3" and rows["Plechowo"]["Zahlen"] == "2"
    assert rows["Worobscha"]["ungefähr"] == "True" and rows["Worobscha"]["Art"] == "Dorf"
    assert rows["Seoul"]["Rolle"] == "sprechende Hauptstadt / Institution"
    assert rows["Kiew"]["Name (englisch/lokal)"] == "Kyiv" and rows["Kiew"]["kind"] == "city"
    assert rows["Kiew"]["Staat"] == "Ukraine" and rows["Kiew"]["country_code"] == "UA"


def test_figures_csv_neutralises_formulas():
    fc = json.loads(json.dumps(FC))
    fc["figures"][0]["sentence"] = "=HYPERLINK(\"http://x\")"
    rows = list(csv.DictReader(io.StringIO(to_csv(figures_rows(fc)).decode("utf-8-sig"))))
    assert rows[0]["Satz"].startswith("'=")
    assert rows[2]["Wert"] == "11.000–12.000" and rows[2]["Quelle"] == "Kiew"
    # words in the table, codes in their own columns
    assert rows[0]["Seite"] == "Nordkorea" and rows[0]["actor"] == "KP"
    assert rows[0]["Kategorie"] == "getötet oder verwundet"
    assert rows[0]["category"] == "killed_or_wounded"
    assert rows[0]["Datum aus"] == "undatiert" and rows[0]["Datum"] == ""


def test_geoparquet_reads_back(tmp_path):
    path = tmp_path / "places.parquet"
    path.write_bytes(to_geoparquet(FC))
    frame = geopandas.read_parquet(path)
    assert frame.crs.to_epsg() == 4326 and len(frame) == len(FC["features"])
    row = frame[frame["Ort"] == "Plechowo"].iloc[0]
    assert (row.geometry.x, row.geometry.y) == (35.29, 51.25)
    assert len(json.loads(row["mentions_json"])) == 3


def test_empty_view_exports():
    empty = apply(FC, View(q="nothing matches this"))
    assert to_csv(places_rows(empty)) == "\ufeff".encode()
    assert len(geopandas.read_parquet(io.BytesIO(to_geoparquet(empty)))) == 0


def test_claims_repeated_across_articles_are_one_row_with_a_count():
    fc = json.loads(json.dumps(FC))
    copy = {**fc["figures"][0], "article": "b_kiew"}
    fc["figures"].append(copy)
    rows = claim_rows(fc)
    first = [r for r in rows if r["Nr"] == 0]
    assert len(first) == 1 and first[0]["Artikel (Anzahl)"] == 2
    assert all(r["category"] in CLAIM_CATEGORIES for r in rows)  # no areas
    assert len(rows) == len({(r["category"], r["Quelle"], r["Seite"], r["Orte"], r["von"], r["bis"])
                             for r in figures_rows(fc) if r["category"] in CLAIM_CATEGORIES})
    assert first[0]["Wer · Seite · Ort"].count(" · ") == 2
    assert claim_rows(fc, by_date=True) == []  # the fixture is undated: nothing is guessed
