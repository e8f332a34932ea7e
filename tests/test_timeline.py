"""Time: record dates from ``when`` or the article, windows, per-day counts, place spans."""

from geo.app.timeline import (
    daily_counts,
    date_range,
    in_window,
    place_span,
    record_span,
    undated_counts,
)

PUBLISHED = {"a": "2024-11-05", "b": None}


def when(start, end=None, granularity="day"):
    return {"start": start, "end": end or start, "granularity": granularity, "text": "x",
            "start_offset": 0, "end_offset": 1, "time_source": "text"}


def test_record_date_from_text_else_article_else_undated():
    assert record_span({"article": "a", "when": when("2024-11-01")}, PUBLISHED) == (
        ("2024-11-01", "2024-11-01"), "text")
    assert record_span({"article": "a", "when": None}, PUBLISHED) == (
        ("2024-11-05", "2024-11-05"), "article")
    # an unresolved 'seit dem 6. August' (no start) falls back to the article, never guessed
    unresolved = {**when(None), "start": None, "end": None}
    assert record_span({"article": "a", "when": unresolved}, PUBLISHED)[1] == "article"
    assert record_span({"article": "b", "when": None}, PUBLISHED) == ((None, None), "undatiert")


def test_window_overlap_and_undated_outside():
    assert in_window(("2024-02-01", "2024-02-29"), "2024-02-15", "2024-03-01")
    assert not in_window(("2024-02-01", "2024-02-29"), "2024-03-01", "")
    assert in_window((None, None), "", "")
    assert not in_window((None, None), "2024-01-01", "")


def test_counts_spans_and_range():
    fc = {"articles": [{"id": "a", "published": "2024-11-05T10:00:00"}, {"id": "b"}],
          "figures": [{"article": "a", "when": when("2024-11-01")},
                      {"article": "a", "when": None}, {"article": "b", "when": None}],
          "features": [{"properties": {"mentions": [
              {"article": "a", "when": when("2024-10-30")}, {"article": "b", "when": None}]}}]}
    assert daily_counts(fc) == [{"Tag": "2024-11-01", "Artikel": 0, "Zahlen": 1},
                                {"Tag": "2024-11-05", "Artikel": 1, "Zahlen": 1}]
    assert undated_counts(fc) == {"Artikel": 1, "Zahlen": 1}
    assert place_span(fc["features"][0]["properties"], {"a": "2024-11-05", "b": None}) == (
        "2024-10-30", "2024-10-30")
    assert date_range(fc) == ("2024-10-30", "2024-11-05")
    assert date_range({"articles": [], "figures": [], "features": []}) == (None, None)


def test_historical_dates_keep_out_of_the_window_range():
    """'im Jahr 1547' stays the figure's date, but the window (and its slider, which cannot go
    before 1684) spans the reporting."""
    fc = {"articles": [{"id": "a", "published": "2024-11-05"}],
          "figures": [{"article": "a", "when": when("1547-01-01", "1547-12-31", "year")}],
          "features": []}
    assert date_range(fc) == ("2024-11-05", "2024-11-05")
    only_old = {"articles": [{"id": "b"}],
                "figures": [{"article": "b", "when": when("1595-11-12")}], "features": []}
    assert date_range(only_old) == (None, None)
