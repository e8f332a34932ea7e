"""Filtering and the URL round trip as pure functions."""

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from geo.filters import NO_SOURCE, View, apply, from_query, options, to_query

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
    out = apply(FC, View(source=("Kiew",)))
    assert names(out) == ["Kursk Oblast"]


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
    view = View(article=("a_kursk", "evil"), category=("troops",), q="Kursk & <b>", place="x:1")
    params = {k: v if isinstance(v, list) else [v] for k, v in to_query(view).items()}
    assert from_query(params) == view
    assert from_query({"article": ["gone", "b_kiew"]}, options(FC)).article == ("b_kiew",)
    assert to_query(View()) == {}


@given(st.lists(st.text(), max_size=3), st.text())
def test_any_query_values_round_trip(articles, q):
    view = from_query({"article": articles, "q": [q]})
    params = {k: v if isinstance(v, list) else [v] for k, v in to_query(view).items()}
    assert from_query(params) == view
