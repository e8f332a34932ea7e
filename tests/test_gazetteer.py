"""Facts of the built gazetteer, checked against the sources' own values."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def test_german_exonyms_and_country_names_resolve(gaz):
    assert gaz.lookup("Moskau")[0].place_id == "geonames:524901"
    assert {p.place_id for p in gaz.lookup("Donezk")} >= {"geonames:709717", "geonames:565348"}
    for name, code in [("Russland", "RU"), ("Nordkorea", "KP"), ("Südkorea", "KR"),
                       ("Ukraine", "UA")]:
        assert any(p.feature_code == "PCLI" and p.country_code == code for p in gaz.lookup(name))


def test_capitals_are_pplc_and_regions_adm1(gaz):
    assert gaz.get("geonames:524901").feature_code == "PPLC"
    assert gaz.get("geonames:538555").feature_code == "ADM1"
    assert gaz.lookup("Region Donezk")[0].place_id == "geonames:709716"


def test_supplement_rows_keep_their_source_precision(gaz):
    with open(DATA / "places_supplement.csv", encoding="utf-8") as fh:
        rows = {r["key"]: r for r in csv.DictReader(fh)}
    vorobzha = gaz.get("lagebild:vorobzha")
    assert rows["vorobzha"]["coord_precision"].startswith("district")
    assert vorobzha.precision == "district_seat"
    assert (vorobzha.lat, vorobzha.lon) == (float(rows["vorobzha"]["lat"]), float(rows["vorobzha"]["lon"]))
    assert gaz.get("lagebild:plekhovo").precision == "settlement"


def test_every_derived_row_names_its_source():
    for path in DATA.glob("*.csv"):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                assert row["source"].strip(), f"{path.name}: {row}"


def test_place_ids_are_unique_and_rows_line_up(gaz):
    assert len(gaz.by_id) == len(gaz.places)
    for pid, row in gaz.by_id.items():
        assert gaz.place(row).place_id == pid


def test_rows_are_named_and_agree_with_their_place(gaz):
    """The index keeps typed rows; ``place(row)`` makes the record of the same fields."""
    row = gaz.by_id["geonames:703448"]
    kyiv = gaz.places[row]
    assert (kyiv.name, kyiv.feature_code, kyiv.country_code) == ("Kyiv", "PPLC", "UA")
    assert gaz.place(row).population == kyiv.population > 2_000_000
    assert not kyiv.curated and gaz.places[gaz.by_id["lagebild:plekhovo"]].curated


def test_kind_classes_follow_feature_code_and_population():
    from geo.model import kind_of

    assert kind_of("PCLI", 0) == kind_of("CONT", 0) == "country"
    assert kind_of("ADM1", 5_000_000) == "region"
    assert kind_of("PPLA", 800) == kind_of("PPL", 10_000) == "city"
    assert kind_of("PPL", 9_999) == "village"


def test_packed_places_and_names_survive_the_cache_round_trip():
    """The index keeps places and names packed (fast to load); read back they are the rows
    and the name lookups they were built from."""
    import pickle

    from geo.gazetteer import Names, Places, Row

    rows = [Row("geonames:1", 1, "Kyiv", "Kiew", "PPLC", "UA", "12", 50.45, 30.52, 2_900_000,
                "settlement"),
            Row("lagebild:x", None, "Über (Ort)", "Über", "PPL", "DE", "", -1.5, 2.0, 0,
                "district_seat")]
    places = pickle.loads(pickle.dumps(Places(rows)))
    assert list(places) == rows and places[-1] == rows[1] and len(places) == 2
    assert places.ids() == ["geonames:1", "lagebild:x"] and Places([]).ids() == []
    names = pickle.loads(pickle.dumps(Names({"kiew": [0], "kyiv": [0, 1], "über": [1]})))
    assert names.get("kyiv") == (0, 1) and names["über"] == (1,) and names.get("x") is None
    assert names.get("x", ()) == () and "kiew" in names and "x" not in names
    assert {"kiew", "x"} - names.keys() == {"x"} and dict(names.items())["kiew"] == (0,)
    with pytest.raises(KeyError):
        names["x"]
    with pytest.raises(ValueError):
        Places([rows[0]._replace(name="a\x1eb")])
    with pytest.raises(ValueError):
        Names({"kiew": [0], "nirgendwo": []})  # a key without places


def test_the_cached_index_leaves_out_what_a_process_works_out(gaz):
    """Memos and the id table are made at run time; a cache written after use holds none."""
    import pickle

    assert gaz.places[gaz.by_id["geonames:703448"]].name == "Kyiv"  # the id table is made
    gaz.word_memo.setdefault("wuhledar", None)
    state = pickle.loads(pickle.dumps(gaz)).__dict__
    assert "by_id" not in state and state["word_memo"] == {}
