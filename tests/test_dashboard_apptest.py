"""The page in Streamlit's AppTest, on a real store analysed by the real pipeline: it opens on
the store (ingesting the seeds on a fresh one), filters, shows a place's quotes escaped, keeps
the view in the URL, takes pasted articles once and removes them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.corpus.ingest import Item, ingest
from geo.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent
EVIL = ("Bei Plekhovo in der Region Kursk gab es Kämpfe. <img src=x onerror=alert(1)> "
        "Nach Angaben des ukrainischen Generalstabs sind rund 10.000 nordkoreanische Soldaten "
        "in der Region Kursk im Einsatz.\n")
KIEW = "Kiew meldete neue Angriffe auf Charkiw. In Seoul beriet die Regierung über die Lage.\n"
UNDATED = "Nach Angaben des Generalstabs wurden 4.321 Soldaten getötet.\n"


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("apptest") / "store"
    ingest(Store(root), [
        Item("a_kursk.txt", "a_kursk.txt", EVIL.encode(), {"published": date(2024, 11, 5)}),
        Item("b_kiew.txt", "b_kiew.txt", KIEW.encode(), {"published": date(2024, 11, 20)}),
        Item("c_undated.txt", "c_undated.txt", UNDATED.encode())])
    return root


@pytest.fixture
def app(base_store, tmp_path, monkeypatch):
    root = tmp_path / "store"
    shutil.copytree(base_store, root)
    monkeypatch.setenv("LAGEBILD_STORE", str(root))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def html_text(at) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def caption(at) -> str:
    return at.caption[0].value


def test_fresh_store_starts_with_the_seeds(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_STORE", str(tmp_path / "fresh"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    assert "5 von 5 Artikeln" in caption(at)
    assert len(Store(tmp_path / "fresh").batches()) == 1


def test_opens_on_the_store(app):
    at = app.run()
    assert not at.exception
    assert "von 3 Artikeln" in caption(at)
    assert at.selectbox(key="f_place").value is None


def place_written(root: Path, surface: str) -> str:
    """The place id the pipeline gave to a name as written (whichever place it resolved to)."""
    fc = Store(root).feature_collection()
    return next(f["properties"]["place_id"] for f in fc["features"]
                if any(m["surface"] == surface for m in f["properties"]["mentions"]))


def test_place_from_url_opens_its_side_panel_with_escaped_quotes(app, base_store):
    plekhovo = place_written(base_store, "Plekhovo")
    app.query_params["place"] = plekhovo
    at = app.run()
    assert at.selectbox(key="f_place").value == plekhovo
    panel = html_text(at)
    assert "<mark>Plekhovo</mark>" in panel
    assert "&lt;img src=x onerror=alert(1)&gt;" in panel and "<img" not in panel


def test_filters_update_view_and_url(app):
    at = app.run()
    total = int(caption(at).split(" Orte")[0])
    at.multiselect(key="f_kind").set_value(["city"]).run()
    cities = int(caption(at).split(" Orte")[0])
    assert 0 < cities < total
    assert at.query_params["kind"] in ("city", ["city"])


def test_url_filters_are_restored(app):
    app.query_params["article"] = ["b_kiew", "no-such-article"]
    at = app.run()
    assert at.multiselect(key="f_article").value == ["b_kiew"]
    assert "1 von 3 Artikeln" in caption(at)


def test_pasted_article_is_kept_once_and_can_be_removed(app):
    at = app.run()
    at.text_area(key="add_text").input("Die Armee meldete Kämpfe bei Charkiw und in der Region Sumy.")
    at.text_input(key="add_title").input("Lage im Nordosten")
    at.button(key="add_go").click().run()
    assert not at.exception
    assert any(s.value.startswith("1 neu") for s in at.sidebar.success)
    assert "von 4 Artikeln" in caption(at)
    at.text_area(key="add_text").input("Die Armee meldete Kämpfe bei Charkiw und in der Region Sumy.")
    at.button(key="add_go").click().run()
    assert any("1 schon bekannt" in s.value for s in at.sidebar.info)
    assert "von 4 Artikeln" in caption(at)
    at.session_state["tab"] = "Artikel"
    at.run()
    pasted = [v for v in at.multiselect(key="remove_ids").options
              if v.startswith("Lage im Nordosten")]
    assert len(pasted) == 1
    at.multiselect(key="remove_ids").set_value(pasted)
    at.button(key="remove_go").click().run()
    assert "von 3 Artikeln" in caption(at)


def test_claims_chart_and_exports_render(app):
    at = app.run()
    assert not at.get("arrow_vega_lite_chart") and not at.get("vega_lite_chart")
    assert at.dataframe[0].value["Ort"][0]  # the places table opens first, no chart to load
    at.session_state["tab"] = "Zahlen"
    at.run()
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(charts) == 1
    import pyarrow as pa

    rows = [r for d in charts[0].proto.datasets
            for r in pa.ipc.open_stream(d.data.data).read_all().to_pylist()]
    # the two claims of the test articles, as their texts give them: about 10.000 North Korean
    # troops (EVIL) and 4.321 soldiers killed, whose side the text does not say (UNDATED)
    assert sorted((r["von"], r["bis"], r["Kategorie"], r["Seite"]) for r in rows) == [
        (4321, 4321, "getötet", ""), (10000, 10000, "Truppen", "Nordkorea")]
    assert not at.get("download_button")  # only the open tab is built
    at.session_state["tab"] = "Export"
    at.run()
    assert len(at.get("download_button")) == 4
    assert at.query_params["tab"] in ("Export", ["Export"])  # the open tab is in the URL


def test_time_window_from_the_url_shows_only_the_window(app):
    app.query_params["start"] = "2024-11-01"
    app.query_params["end"] = "2024-11-10"
    at = app.run()
    assert not at.exception
    # the store's first date is 5 November: the link's window is clamped to it
    assert at.slider(key="f_time").value == (date(2024, 11, 5), date(2024, 11, 10))
    assert "Zeitfenster 05.11.2024–10.11.2024" in caption(at)
    labels = at.selectbox(key="f_place").options
    assert any("Kursk" in x for x in labels) and not any("Seoul" in x for x in labels)
    assert any("undatiert" in c.value for c in at.sidebar.caption)
    at.slider(key="f_time").set_value((date(2024, 11, 15), date(2024, 11, 20))).run()
    assert at.query_params["start"] in ("2024-11-15", ["2024-11-15"])
    assert any("Seoul" in x for x in at.selectbox(key="f_place").options)


def test_malformed_window_in_a_link_still_opens(app):
    app.query_params["start"] = "gestern"
    at = app.run()
    assert not at.exception and "Zeitfenster" not in caption(at)


def test_labels_are_german_and_sources_are_entities_with_types(app):
    at = app.run()
    assert "Truppen" in at.multiselect(key="f_category").options
    assert "troops" not in at.multiselect(key="f_category").options
    assert "Dorf" in at.multiselect(key="f_kind").options
    types = at.multiselect(key="f_source_type").options
    assert "Militär" in types
    at.multiselect(key="f_source_type").set_value(["Militär"]).run()
    assert at.query_params["source_type"] in ("Militär", ["Militär"])
    assert not at.exception


def test_every_source_selected_equals_none_selected(app):
    at = app.run()
    everything = caption(at)
    box = at.multiselect(key="f_source")
    box.set_value(box.options).run()
    assert caption(at) == everything


def test_tabs_for_time_places_without_place_and_quote_search(app):
    at = app.run()
    at.session_state["tab"] = "Zeitverlauf"
    at.run()
    assert not at.exception and (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))
    assert any("Undatiert (nicht geschätzt): 1 Artikel" in c.value for c in at.caption)
    at.session_state["tab"] = "Ohne Ort"
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "4.321" in " ".join(table["Wert"]) and "getötet" in " ".join(table["Kategorie"])
    at.session_state["tab"] = "Zitatsuche"
    at.run()
    at.text_input(key="store_q").input("Seoul").run()
    assert "Seoul" in " ".join(at.dataframe[0].value["Satz"])
    assert any(c.value.startswith("1 Treffer") for c in at.caption)


def test_empty_view_says_so_and_resets(app):
    at = app.run()
    at.text_input(key="f_q").input("kein Satz enthält dies").run()
    assert any("Keine Orte" in w.value for w in at.warning)
    at.button(key="reset_empty").click().run()
    assert not at.warning and at.text_input(key="f_q").value == ""


def test_pasted_article_takes_the_date_given(app, tmp_path):
    import datetime as dt

    at = app.run()
    at.text_area(key="add_text").input("Gestern meldete die Armee 12 Verletzte in Charkiw.")
    at.text_input(key="add_title").input("Datiert")
    at.date_input(key="add_date").set_value(dt.date(2024, 11, 5))
    at.button(key="add_go").click().run()
    assert not at.exception
    articles = {a["article_id"]: a for a in Store(tmp_path / "store").tables()["articles"]}
    dated = articles["Datiert"]
    assert (dated["published"], dated["published_source"]) == ("2024-11-05", "user")
    figures = [f for f in Store(tmp_path / "store").tables()["figures"]
               if f["article_id"] == "Datiert"]
    # "Gestern" in an article of 5 November 2024 is the 4th
    assert [(f["low"], f["when_start"]) for f in figures] == [(12, "2024-11-04")]


def test_reset_clears_a_source_filter_for_good(app):
    """A reset filter stays reset through the next action (it once came back on the next
    paste, hiding the new article)."""
    at = app.run()
    everything = caption(at)
    source = at.multiselect(key="f_source").options[0]
    at.multiselect(key="f_source").set_value([source]).run()
    assert at.query_params.get("source")
    at.button(key="reset_top").click().run()
    assert at.multiselect(key="f_source").value == [] and caption(at) == everything
    at.text_area(key="add_text").input("Bei Charkiw wurden 7 Soldaten verwundet.")
    at.button(key="add_go").click().run()
    assert at.multiselect(key="f_source").value == []
    assert "von 4 Artikeln" in caption(at) and not at.query_params.get("source")


def test_big_store_lists_only_the_newest_and_the_searched(app, base_store, monkeypatch):
    """As a store with more articles and places than a list shows (``LIST_MAX`` set to 1)."""
    from geo.app import views

    monkeypatch.setattr(views, "LIST_MAX", 1)
    app.query_params["article"] = "a_kursk"  # a link keeps an article beyond the newest
    at = app.run()
    assert not at.exception
    assert at.multiselect(key="f_article").value == ["a_kursk"]
    offered = at.multiselect(key="f_article").options  # as labels: the newest, the chosen
    assert [x[:12] for x in offered] == ["Kiew meldete", "Bei Plekhovo"]
    at.text_input(key="f_article_q").input("soldaten getötet").run()
    offered = at.multiselect(key="f_article").options
    assert [x[:12] for x in offered] == ["Nach Angaben", "Bei Plekhovo"]
    at.multiselect(key="f_article").set_value(["a_kursk", "c_undated"]).run()
    assert at.query_params["article"] == ["a_kursk", "c_undated"]
    at.multiselect(key="f_article").set_value([]).run()
    assert len(at.selectbox(key="f_place").options) == 1
    assert at.dataframe[0].value.shape[0] == 1
    places = int(caption(at).split(" Orte")[0])
    assert places > 1 and any(c.value.startswith(f"1 von {places} Orten") for c in at.caption)
    at.text_input(key="f_place_q").input("seoul").run()
    assert at.selectbox(key="f_place").options == ["Seoul"]
    at.selectbox(key="f_place").set_value(place_written(base_store, "Seoul")).run()
    assert "Seoul" in html_text(at)
