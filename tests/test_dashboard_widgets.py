"""The page stays light on a big store (``geo.app.views``): list widgets offer at most
``LIST_MAX`` entries (the newest articles, the most reported places, narrowed by a search)
plus whatever is selected, and the places table shows the most reported rows with a note."""

import json
from pathlib import Path

from geo.app import filters, views

FC = filters.home_figures(json.loads(
    (Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8")))


def test_choices_are_limited_searched_and_keep_the_selection():
    ranked = [f"a{i}" for i in range(10)]
    labels = {k: f"Titel {k.upper()}" for k in ranked}
    assert views.choices(ranked, labels, "", [], 3) == ["a0", "a1", "a2"]
    assert views.choices(ranked, labels, "  titel a7 ", [], 3) == ["a7"]  # any case, trimmed
    assert views.choices(ranked, labels, "", ["a9", "a1", "a9"], 3) == ["a0", "a1", "a2", "a9"]
    assert views.choices(ranked, labels, "nichts", ["a5"], 3) == ["a5"]
    assert views.choices(["x"], {}, "x", [], 3) == ["x"]  # no label: the key is the label


def test_articles_newest_first_undated_last():
    fc = {**FC, "articles": [
        {"id": "old", "published": "2024-01-02T00:00:00"},
        {"id": "undated-early", "added": "2026-11-01T10:00:00"},
        {"id": "new", "published": "2024-11-20"},
        {"id": "undated-late", "added": "2026-11-02T10:00:00"}]}
    assert views.newest_first(fc) == ["new", "old", "undated-late", "undated-early"]


def test_article_filter_offers_the_newest_matches_and_the_selected(monkeypatch):
    articles = [{"id": f"n{i:05d}", "label": f"Bericht {i}",
                 "published": f"2024-{1 + i % 12:02d}-01"} for i in range(1000)]
    whole = views.collection({**FC, "articles": articles})
    monkeypatch.setattr(views, "LIST_MAX", 20)
    offered = whole.article_choices("")
    assert len(offered) == 20 and offered == whole.newest[:20]
    found = whole.article_choices("bericht 99")
    assert set(found) == {"n00099", "n00990", "n00991", "n00992", "n00993", "n00994", "n00995",
                          "n00996", "n00997", "n00998", "n00999"}
    assert whole.article_choices("bericht 99", ["n00001"])[-1] == "n00001"


def test_small_views_offer_every_place_big_ones_the_most_reported(monkeypatch):
    data = views.view_data(views.collection(FC), filters.View())
    assert data.place_choices("") == list(data.labels)
    monkeypatch.setattr(views, "LIST_MAX", 2)
    weight = {r["place_id"]: r["Erwähnungen"] + r["Zahlen"] for r in data.places_rows()}
    offered = data.place_choices("")
    assert len(offered) == 2
    assert offered == [pid for pid in data.labels if pid in offered]  # reading order
    heaviest = sorted(weight.values(), reverse=True)[:2]
    assert sorted((weight[p] for p in offered), reverse=True) == heaviest
    light = next(pid for pid in data.labels if pid not in offered)
    assert light in data.place_choices("", light)  # a clicked place is always offered
    word = data.labels[light]
    assert light in data.place_choices(word.upper())


def test_places_note_only_when_rows_are_left_out():
    assert views.places_note(5, 5) is None
    assert views.places_note(200, 8562) == ("200 von 8.562 Orten (die meistgenannten); die "
                                            "Filter eingrenzen oder im Tab „Export“ alle "
                                            "herunterladen.")
