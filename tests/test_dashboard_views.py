"""What the dashboard caches per store generation and per filtered view (``geo.app.views``):
the same answers as computing them directly, a cache key that ignores what does not change the
view, and the map's places as one JSON payload instead of inline."""

import json
from pathlib import Path

from geo.app import filters, mapview, popups, timeline, views

FC = filters.home_figures(json.loads(
    (Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8")))


def test_collection_holds_what_the_filters_offer():
    whole = views.collection(FC)
    assert whole.options == filters.options(FC)
    assert whole.span == timeline.date_range(FC)
    assert whole.undated == timeline.undated_counts(FC)
    assert set(whole.titles) == {a["id"] for a in FC["articles"]}
    assert set(whole.entities) == set(filters.source_names(FC))


def test_view_key_ignores_place_tab_and_map_view():
    base = filters.View(kind=("city",), q="Kursk", start="2024-11-01")
    opened = filters.View(**{**base.__dict__, "place": "lagebild:plekhovo", "tab": "Export",
                             "c": "50.1,36.2", "z": "7"})
    assert views.view_key(base) == views.view_key(opened)
    assert views.view_key(base) != views.view_key(filters.View(kind=("village",)))
    assert views.view_from_key(views.view_key(opened)) == base
    assert views.view_from_key(views.view_key(filters.View())) == filters.View()


def test_default_view_shares_the_collection_instead_of_copying_it():
    out = filters.apply(FC, filters.View())
    assert out == FC
    assert all(a is b for a, b in zip(out["features"], FC["features"]))


def test_view_data_answers_as_the_direct_computation():
    whole = views.collection(FC)
    view = filters.View(kind=("village", "city"))
    data = views.view_data(whole, view)
    direct = filters.apply(FC, view)
    assert data.fc == direct
    assert data.labels == mapview.place_labels(direct["features"])
    assert data.records == mapview.marker_records(direct)
    for pid, label in data.labels.items():
        assert data.place_for_click(label) == pid
        assert data.place_for_click(f" {label} ") == pid
    assert data.place_for_click("Atlantis") is None and data.place_for_click(None) is None
    published = timeline.article_dates(direct)
    for feature in direct["features"]:
        pid = feature["properties"]["place_id"]
        assert data.panel_html(pid) == popups.panel_html(
            feature, direct["figures"], {a["id"]: a for a in direct["articles"]},
            timeline.place_span(feature["properties"], published))
    regions = [f["properties"]["place_id"] for f in FC["features"]
               if f["properties"]["kind"] == "region"]
    assert regions and data.panel_html(regions[0]) is None  # not in this view


def test_places_table_most_reported_first():
    rows = views.view_data(views.collection(FC), filters.View()).places_rows()
    weights = [r["Erwähnungen"] + r["Zahlen"] for r in rows]
    assert weights == sorted(weights, reverse=True) and len(rows) == len(FC["features"])


def test_map_places_travel_as_one_payload_not_in_the_map_data():
    data = views.view_data(views.collection(FC), filters.View())
    assert json.loads(data.payload) == data.records
    fetched = data.map_data(url="/media/abc.json")
    assert fetched["url"] == "/media/abc.json" and "places" not in fetched
    assert fetched["count"] == len(data.records) and fetched["view"] is None
    inline = data.map_data(view={"center": [50.0, 36.0], "zoom": 7})
    assert inline["places"] == data.records and "url" not in inline
    assert inline["view"] == {"center": [50.0, 36.0], "zoom": 7}
    assert fetched["bounds"] == mapview.fit_bounds(FC)
    assert fetched["labels"] == mapview.top_labels(data.records)


def test_payload_is_json_data_never_markup():
    evil = json.loads(json.dumps(FC))
    evil["features"][0]["properties"]["name_de"] = "<img src=x onerror=alert(1)>"
    data = views.view_data(views.collection(evil), filters.View())
    names = [r["popup"]["name"] for r in json.loads(data.payload)]
    assert "<img src=x onerror=alert(1)>" in names  # as a string, which map.js sets as text
    layer = mapview.PlacesLayer(data.map_data())
    assert "<img" not in layer.config  # and escaped where it sits in a script


def test_small_views_inline_big_ones_fetched(monkeypatch):
    data = views.view_data(views.collection(FC), filters.View())
    assert data.inline  # the fixture is small
    monkeypatch.setattr(views, "INLINE_PLACES_MAX", len(data.payload) - 1)
    assert not data.inline


def test_articles_tab_lists_the_newest_few_and_searches_the_rest(monkeypatch):
    fc = json.loads(json.dumps(FC))
    template = fc["articles"][0]
    fc["articles"] = [{**template, "id": f"art{i:03d}", "name": f"file{i:03d}.txt",
                       "label": f"Bericht {i}", "title": f"Bericht {i}",
                       "published": f"2024-11-{1 + i % 28:02d}", "notes": []}
                      for i in range(30)]
    monkeypatch.setattr(views, "LIST_MAX", 5)
    whole = views.collection(fc)
    rows, total = views.article_rows(whole, "")
    assert total == 30 and len(rows) == 5
    # newest published first: days 28 (i = 27) down to 24 (i = 23)
    assert [r["Artikel"] for r in rows] == ["art027", "art026", "art025", "art024", "art023"]
    assert rows[0]["erschienen"] == "28.11.2024"
    rows, total = views.article_rows(whole, "BERICHT 1")  # any case: 1, 10..19
    assert total == 11 and len(rows) == 5 and all(r["Titel"].startswith("Bericht 1")
                                                  for r in rows)
    rows, total = views.article_rows(whole, "file007")  # by file name too
    assert [r["Artikel"] for r in rows] == ["art007"] and total == 1
