"""Filtering and the URL round trip as pure functions."""

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from geo.app.filters import (
    View,
    apply,
    from_query,
    home_figures,
    is_default,
    options,
    to_query,
    without_place,
)
from geo.figures.sources import NO_SOURCE

FC = json.loads((Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8"))


def names(fc):
    return sorted(f["properties"]["name"] for f in fc["features"])


def test_no_filter_keeps_everything():
    assert apply(FC, View()) == FC


def test_article_filter_drops_mentions_figures_and_places():
    out = apply(FC, View(article=("b_kiew",)))
    assert names(out) == ["Kursk Oblast", "Kyiv", "Plekhovo"]
    assert {f["article"] for f in out["figures"]} == {"b_kiew"}
    plekhovo = next(f for f in out["features"] if f["properties"]["name"] == "Plekhovo")
    assert [m["article"] for m in plekhovo["properties"]["mentions"]] == ["b_kiew"]
    assert [a["id"] for a in out["articles"]] == ["b_kiew"]
    assert len(FC["features"][0]["properties"]["mentions"]) == 3  # input untouched


def test_category_and_source_keep_places_with_matching_figures():
    out = apply(FC, View(category=("killed_or_wounded",)))
    assert names(out) == ["Martynovka", "Plekhovo", "Vorobzha"]
    out = apply(FC, View(source=("kiew",)))
    assert names(out) == ["Kursk Oblast"]


def test_selecting_every_source_equals_all():
    everything = options(FC)["source"]
    assert apply(FC, View(source=tuple(everything))) == apply(FC, View())
    types = options(FC)["source_type"]
    assert apply(FC, View(source_type=tuple(types))) == apply(FC, View())


def test_source_type_filter_keeps_figures_of_that_type():
    out = apply(FC, View(source_type=("Nachrichtendienst",)))
    assert out["figures"] and all("geheimdienst" in (f["source"] or "").lower()
                                  for f in out["figures"])


def test_kind_filter_and_figures_follow_places():
    out = apply(FC, View(kind=("city",)))
    assert names(out) == ["Kyiv", "Seoul"]
    assert out["figures"] == []


def test_free_text_searches_quotes_case_insensitively():
    out = apply(FC, View(q="GAB ES"))
    assert names(out) == ["Plekhovo"]
    assert len(out["features"][0]["properties"]["mentions"]) == 1


def test_options_list_values_and_missing_source():
    opts = options({**FC, "figures": FC["figures"] + [{**FC["figures"][0], "source": None}]})
    assert NO_SOURCE in opts["source"]
    assert opts["kind"] == ["village", "city", "region", "country"]
    assert opts["article"] == ["a_kursk", "b_kiew", "evil"]


def test_query_round_trip_and_stale_values_dropped():
    view = View(article=("a_kursk", "evil"), category=("troops",), q="Kursk & <b>", place="x:1",
                start="2024-11-01", end="2024-11-30", tab="Zahlen", c="50.1,36.2", z="7")
    params = {k: v if isinstance(v, list) else [v] for k, v in to_query(view).items()}
    assert from_query(params) == view
    assert from_query({"article": ["gone", "b_kiew"]}, options(FC)).article == ("b_kiew",)
    assert to_query(View()) == {}


@given(st.lists(st.text(), max_size=3), st.text())
def test_any_query_values_round_trip(articles, q):
    view = from_query({"article": articles, "q": [q]})
    params = {k: v if isinstance(v, list) else [v] for k, v in to_query(view).items()}
    assert from_query(params) == view


def dated(fc):
    """The fixture with dates: a_kursk published 5 Nov, b_kiew 20 Nov, evil undated."""
    out = json.loads(json.dumps(fc))
    days = {"a_kursk": "2024-11-05", "b_kiew": "2024-11-20"}
    for a in out["articles"]:
        a["published"] = days.get(a["id"])
    return out


def test_time_window_shows_only_the_window_and_never_undated():
    fc = dated(FC)
    out = apply(fc, View(start="2024-11-01", end="2024-11-10"))
    assert {m["article"] for f in out["features"] for m in f["properties"]["mentions"]} == {"a_kursk"}
    assert {f["article"] for f in out["figures"]} == {"a_kursk"}
    assert apply(fc, View(start="2024-12-01"))["features"] == []
    assert apply(fc, View()) == fc  # no window: undated ones stay


def test_figure_without_place_gets_a_home_and_says_so():
    fc = json.loads(json.dumps(FC))
    plekhovo_mention = fc["features"][0]["properties"]["mentions"][0]
    same_sentence = {**fc["figures"][0], "place_ids": [], "sentence_index": 7}
    plekhovo_mention["sentence_index"] = 7
    article_only = {**fc["figures"][0], "place_ids": [], "sentence_index": 99}
    nowhere = {**fc["figures"][0], "article": "no-places", "place_ids": []}
    fc["figures"] += [same_sentence, article_only, nowhere]
    homed = home_figures(fc)["figures"][-3:]
    assert homed[0]["place_ids"] == ["lagebild:plekhovo"] and homed[0]["home"] == "sentence"
    assert homed[1]["place_ids"] and homed[1]["home"] == "article"
    assert homed[2]["place_ids"] == [] and "home" not in homed[2]
    assert without_place(home_figures(fc)) == [nowhere]
    assert len(home_figures(fc)["figures"]) == len(fc["figures"])  # none vanishes


def test_reset_view_is_the_default():
    assert is_default(View(place="x", tab="Orte", c="1,2", z="3"))
    assert not is_default(View(kind=("city",))) and not is_default(View(start="2024-01-01"))
