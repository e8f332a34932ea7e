"""What the page hands streamlit-folium, in Streamlit's AppTest on a real store: the map's script
is the same for every view (so the browser keeps one map), the places of a big view travel as a
JSON file the browser fetches (not inside the component's arguments; a small view's ride
inline), and a rerun that only opens a place sends the map's arguments unchanged (the browser
redraws nothing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.app import views
from geo.corpus.ingest import Item, ingest
from geo.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Bei Plekhovo in der Region Kursk gab es Kämpfe. Kiew meldete neue Angriffe auf Charkiw. "
        "Nach Angaben des ukrainischen Generalstabs sind rund 10.000 Soldaten im Einsatz.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mapargs") / "store"
    ingest(Store(root), [Item("a.txt", "a.txt", TEXT.encode())])
    return root


def map_args(at) -> dict:
    (component,) = [c for c in at.get("component_instance")
                    if c.proto.component_name.startswith("streamlit_folium")]
    return json.loads(component.proto.json_args)


def places_call(args: dict) -> dict:
    fg = args["feature_group"]
    start = fg.index("LagebildMap.data(map_div, ") + len("LagebildMap.data(map_div, ")
    config, _ = json.JSONDecoder().raw_decode(fg[start:])
    return config


def test_places_come_by_url_and_the_map_stays(store, monkeypatch):
    monkeypatch.setenv("LAGEBILD_STORE", str(store))
    monkeypatch.setattr(views, "INLINE_PLACES_MAX", 0)  # as on a big store
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    first = map_args(at)
    config = places_call(first)
    assert "places" not in config and "/media/" in config["url"]
    assert config["count"] == len(at.selectbox(key="f_place").options) > 0
    assert "Plekhovo" not in first["script"] and "LagebildMap.init" in first["script"]

    place = next(pid for pid in Store(store).feature_collection()["features"]
                 if pid["properties"]["name"] == "Plekhovo")["properties"]["place_id"]
    at.selectbox(key="f_place").set_value(place).run()
    assert not at.exception and "Plekhovo" in "".join(e.proto.body for e in at.get("html"))
    opened = map_args(at)
    assert opened["script"] == first["script"]
    assert opened["feature_group"] == first["feature_group"]  # nothing for the browser to redo

    at.multiselect(key="f_kind").set_value(["city"]).run()
    filtered = map_args(at)
    assert filtered["script"] == first["script"]  # the same map: only its places change
    assert places_call(filtered)["url"] != config["url"]
    assert places_call(filtered)["count"] < config["count"]


def test_a_small_view_rides_inline(store, monkeypatch):
    monkeypatch.setenv("LAGEBILD_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    config = places_call(map_args(at))
    assert "url" not in config and len(config["places"]) == config["count"] > 0
