"""The map: offline assets, marker encoding, German labels, fit and fly targets, the JSON the
browser gets, click mapping, escaping in the page."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from geo.app import basemap, offline
from geo.app.mapview import (
    ROLE_COLOURS,
    build_map,
    fit_bounds,
    fly_target,
    map_config,
    marker_records,
    marker_size,
    parse_view,
    place_for_click,
    place_labels,
    script_json,
    top_labels,
)

FC = json.loads((Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8"))
BY_LABEL = {label: next(f for f in FC["features"] if f["properties"]["place_id"] == pid)
            for pid, label in place_labels(FC["features"]).items()}


@pytest.fixture(scope="module")
def html():
    return build_map(FC).get_root().render()


def test_every_asset_is_local_and_committed():
    urls = list(offline.asset_urls(build_map(FC))) + list(map_config(FC)["basemap"].values())
    assert urls
    for url in urls:
        path = offline.static_file(url)
        assert path is not None and path.is_file(), url


def test_page_fetches_nothing_outside_the_machine(html):
    assert offline.external_urls(html) == []
    assert offline.external_urls('<script src="https://cdn.x/leaflet.js"></script>') == [
        "https://cdn.x/leaflet.js"]
    assert offline.external_urls('<a href="https://www.geonames.org/">GeoNames</a>') == []


def test_map_code_is_a_static_file_and_python_hands_over_json(html):
    urls = list(offline.asset_urls(build_map(FC)))
    assert any("/lagebild/map.js?v=" in u for u in urls)
    assert any("markercluster/leaflet.markercluster.js" in u for u in urls)
    call = re.search(r"LagebildMap\.init\((map_\w+), (\{.*?\})\);", html)
    assert call, "the map is drawn by one call into static/lagebild/map.js"
    assert "places" not in json.loads(call.group(2))  # the map alone: the same for every view
    data = re.search(r"LagebildMap\.data\((map_\w+), (\{.*?\})\);", html)
    assert data and data.group(1) == call.group(1), "the places are one call more"
    config = json.loads(data.group(2))
    assert {p["id"] for p in config["places"]} == {f["properties"]["place_id"] for f in FC["features"]}
    assert "L.geoJSON" not in html  # the drawing code is not in Python strings any more
    assert "MultiPolygon" not in html  # nor the basemap: the browser fetches and caches it


def test_online_tiles_only_when_asked():
    online = build_map(FC, online_tiles=True).get_root().render()
    assert offline.external_urls(online) == ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"]
    # land is drawn transparent over online tiles, opaque offline
    assert map_config(FC, online_tiles=True)["online"] and not map_config(FC)["online"]


def test_attribution_and_legend_in_german(html):
    assert "GeoNames" in html and "CC BY 4.0" in html and "Natural Earth" in html
    texts = [r["text"] for r in map_config(FC)["legend"]]
    assert "◌ hohl, gestrichelt: ungefähre Lage" in texts and "Ereignisort" in texts


def test_opens_fitted_to_the_data_not_on_kursk():
    far = json.loads(json.dumps(FC))
    for i, f in enumerate(far["features"]):
        f["geometry"]["coordinates"] = [-70.0 + i, -33.0 - i]  # Chile
    (south, west), (north, east) = fit_bounds(far)
    assert (south, west, north, east) == (-39.0, -70.0, -33.0, -64.0)
    assert map_config(far)["data"]["bounds"] == [[-39.0, -70.0], [-33.0, -64.0]]
    assert fit_bounds({"features": []}) is None


def test_fly_target_and_view_from_the_url():
    centre, zoom = fly_target(BY_LABEL["Kiew (Kyiv)"])
    assert centre == tuple(reversed(BY_LABEL["Kiew (Kyiv)"]["geometry"]["coordinates"]))
    assert zoom == 10 and fly_target(BY_LABEL["Russland (Russia)"])[1] == 5
    assert parse_view("48.5,37.25", "8") == {"center": [48.5, 37.25], "zoom": 8}
    for c, z in (("", ""), ("x,y", "8"), ("48,37", "99"), ("95,37", "5"), ("48", "5")):
        assert parse_view(c, z) is None


def test_labels_for_the_most_reported_places():
    records = marker_records(FC)
    top = top_labels(records, n=2)
    heaviest = sorted(records, key=lambda r: -r["weight"])[:2]
    assert [t["name"] for t in top] == [r["popup"]["name"] for r in heaviest]


def test_basemap_names_come_with_zooms():
    zooms: dict[tuple[str, str], int] = {}
    for _lat, _lon, name, zoom, kind in basemap.labels():
        zooms[name, kind] = min(zoom, zooms.get((name, kind), 99))
    assert zooms["Kiew", "lb-town"] == 5 and zooms["Charkiw", "lb-town"] == 5  # big cities early
    assert zooms["Sumy", "lb-town"] == 7 and zooms["Sumy", "lb-oblast"] == 6  # and oblasts
    assert zooms["Ukraine", "lb-country"] == 4
    assert all(z <= 9 for z in zooms.values())


def test_article_text_cannot_break_out_of_the_script(html):
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert "</script" not in script_json({"x": "</script><script>alert(1)</script>"})


def test_marker_encoding():
    props = {p["label"]: p for p in marker_records(FC)}
    assert props["Worobscha (Vorobzha)"]["approx"] and not props["Plechowo (Plekhovo)"]["approx"]
    assert props["Seoul"]["colour"] == ROLE_COLOURS["speaker"]
    assert props["Plechowo (Plekhovo)"]["colour"] == ROLE_COLOURS["place"]
    assert props["Plechowo (Plekhovo)"]["shape"] == "circle"
    assert props["Kiew (Kyiv)"]["shape"] == "square"
    assert props["Oblast Kursk (Kursk Oblast)"]["shape"] == "diamond"
    assert props["Russland (Russia)"]["shape"] == "triangle"
    assert props["Plechowo (Plekhovo)"]["size"] > props["Seoul"]["size"]
    assert marker_size(1) == 12 and marker_size(10_000) == 44


def test_popup_record_is_small_german_and_plain_text():
    rec = {p["label"]: p for p in marker_records(FC)}["Plechowo (Plekhovo)"]["popup"]
    assert rec["name"] == "Plechowo" and rec["kind"] == "Dorf"
    assert rec["mentions"] == "3" and rec["articles"] == "3"
    assert "Plekhovo" in rec["quote"] and "<mark>" not in rec["quote"]


def test_labels_are_unique_and_clicks_map_back():
    twin = json.loads(json.dumps(FC["features"][0]))
    twin["properties"].update(place_id="geonames:701754", admin1="Crimea", country_code="UA")
    features = FC["features"] + [twin]
    labels = place_labels(features)
    assert len(set(labels.values())) == len(features)
    assert labels["geonames:701754"] == "Plechowo (Plekhovo) (Crimea, UA)"
    for pid, label in labels.items():
        assert place_for_click(label, features) == pid
    assert place_for_click("Plechowo (Plekhovo)", FC["features"]) == "lagebild:plekhovo"
    # German names first, in German order
    assert list(place_labels(FC["features"]).values())[:2] == ["Kiew (Kyiv)", "Martynowka (Martynovka)"]
    assert place_for_click(None, features) is None
    assert place_for_click("Atlantis", features) is None


def test_names_reach_the_page_only_as_json_text():
    evil = json.loads(json.dumps(FC))
    evil["features"][0]["properties"]["name_de"] = "<img src=x onerror=alert(1)>"
    html = build_map(evil).get_root().render()
    assert "<img src=x" not in html and "\\u003cimg src=x" in html
    js = (offline.STATIC_DIR / "lagebild" / "map.js").read_text()
    assert "innerHTML" not in js  # the browser side sets text only


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_map_scripts_parse(html, tmp_path):
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    js = tmp_path / "map.js"
    js.write_text("\n;\n".join(scripts), encoding="utf-8")
    subprocess.run(["node", "--check", str(js)], check=True)
    subprocess.run(["node", "--check", str(offline.STATIC_DIR / "lagebild" / "map.js")], check=True)


def test_basemap_town_names_leave_each_other_room():
    towns = [r for r in basemap.labels() if r[4] == "lb-town"]
    for i, a in enumerate(towns):
        for b in towns[i + 1:]:
            zoom = max(a[3], b[3])
            gap = basemap.LABEL_GAP_PX * 360 / (256 * 2 ** zoom)
            assert abs(a[0] - b[0]) >= gap / 1.5 or abs(a[1] - b[1]) >= gap, (a, b)
