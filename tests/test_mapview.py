"""The map: offline assets, marker encoding, click mapping, escaping in the page."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from geo import offline
from geo.mapview import (
    ROLE_COLOURS,
    build_map,
    marker_properties,
    marker_size,
    place_for_click,
    place_labels,
    script_json,
)

FC = json.loads((Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def html():
    return build_map(FC).get_root().render()


def test_every_asset_is_local_and_committed():
    urls = list(offline.asset_urls(build_map(FC)))
    assert urls
    for url in urls:
        path = offline.static_file(url)
        assert path is not None and path.is_file(), url


def test_page_fetches_nothing_outside_the_machine(html):
    assert offline.external_urls(html) == []
    assert offline.external_urls('<script src="https://cdn.x/leaflet.js"></script>') == [
        "https://cdn.x/leaflet.js"]
    assert offline.external_urls('<a href="https://www.geonames.org/">GeoNames</a>') == []


def test_online_tiles_only_when_asked():
    online = build_map(FC, online_tiles=True).get_root().render()
    assert offline.external_urls(online) == ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"]


def test_attribution_and_legend(html):
    assert "GeoNames" in html and "CC BY 4.0" in html and "Natural Earth" in html
    assert "approximate point" in html


def test_article_text_cannot_break_out_of_the_script(html):
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert "</script" not in script_json({"x": "</script><script>alert(1)</script>"})


def test_marker_encoding():
    props = {p["label"]: p for p in marker_properties(FC)}
    assert props["Vorobzha"]["approx"] and not props["Plekhovo"]["approx"]
    assert props["Seoul"]["colour"] == ROLE_COLOURS["speaker"]
    assert props["Plekhovo"]["colour"] == ROLE_COLOURS["place"]
    assert props["Plekhovo"]["shape"] == "circle" and props["Kyiv"]["shape"] == "square"
    assert props["Kursk Oblast"]["shape"] == "diamond" and props["Russia"]["shape"] == "triangle"
    assert props["Plekhovo"]["size"] > props["Seoul"]["size"]
    assert marker_size(1) == 12 and marker_size(10_000) == 44


def test_labels_are_unique_and_clicks_map_back():
    twin = json.loads(json.dumps(FC["features"][0]))
    twin["properties"].update(place_id="geonames:701754", admin1="Crimea", country_code="UA")
    features = FC["features"] + [twin]
    labels = place_labels(features)
    assert len(set(labels.values())) == len(features)
    assert labels["geonames:701754"] == "Plekhovo (Crimea, UA)"
    for pid, label in labels.items():
        assert place_for_click(label, features) == pid
    assert place_for_click("Plekhovo", FC["features"]) == "lagebild:plekhovo"
    assert place_for_click(None, features) is None
    assert place_for_click("Atlantis", features) is None


def test_tooltip_is_escaped_text():
    evil = json.loads(json.dumps(FC))
    evil["features"][0]["properties"]["name"] = "<img src=x onerror=alert(1)>"
    tooltip = marker_properties(evil)[0]["tooltip"]
    assert tooltip == "&lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_map_scripts_parse(html, tmp_path):
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    js = tmp_path / "map.js"
    js.write_text("\n;\n".join(scripts), encoding="utf-8")
    subprocess.run(["node", "--check", str(js)], check=True)
