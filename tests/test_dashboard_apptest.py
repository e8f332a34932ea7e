"""The page in Streamlit's AppTest: it opens on the collection, filters, shows a place's quotes,
keeps the view in the URL and takes pasted articles. The analysis is replaced by the fixture so
the page is tested on its own."""

import json
import sys
import types
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import store
from geo.reading import read_paths

ROOT = Path(__file__).resolve().parent.parent
FC = json.loads((ROOT / "tests" / "fixtures" / "dashboard" / "fc.json").read_text("utf-8"))


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The dashboard with the fixture collection plus whatever was added to a temp upload dir."""
    def extract_paths(paths):
        added, messages = read_paths([p for p in paths if Path(p) == tmp_path])
        fc = json.loads(json.dumps(FC))
        fc["articles"] += [{"id": a.id, "path": a.path, "sha256": a.sha256, "chars": a.chars,
                            "notes": a.notes} for a in added]
        fc["messages"] = messages
        return fc

    fake = types.ModuleType("geo.pipeline")
    fake.extract_paths = extract_paths
    monkeypatch.setitem(sys.modules, "geo.pipeline", fake)
    monkeypatch.setattr(store, "UPLOAD_DIR", tmp_path)
    import streamlit as st
    st.cache_data.clear()
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)


def html_text(at) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def test_opens_with_map_and_no_exception(app):
    at = app.run()
    assert not at.exception
    assert "7 places · 4 figures · 3 of 3 articles" in at.caption[0].value
    assert at.selectbox(key="f_place").value is None


def test_place_from_url_opens_its_side_panel_with_escaped_quotes(app):
    app.query_params["place"] = "lagebild:plekhovo"
    at = app.run()
    assert at.selectbox(key="f_place").value == "lagebild:plekhovo"
    panel = html_text(at)
    assert "Bei <mark>Plekhovo</mark> gab es Kämpfe." in panel
    assert "&lt;img src=x onerror=alert(1)&gt;" in panel and "<img" not in panel


def test_filters_update_view_and_url(app):
    at = app.run()
    at.multiselect(key="f_kind").set_value(["city"]).run()
    assert "2 places" in at.caption[0].value
    at.text_input(key="f_q").input("Seoul").run()
    assert "1 places" in at.caption[0].value
    assert at.query_params["kind"] in ("city", ["city"]) and at.query_params["q"] in ("Seoul", ["Seoul"])


def test_url_filters_are_restored(app):
    app.query_params["article"] = ["b_kiew", "no-such-article"]
    at = app.run()
    assert at.multiselect(key="f_article").value == ["b_kiew"]
    assert "1 of 3 articles" in at.caption[0].value


def test_pasted_article_is_kept_and_duplicate_recognised(app, tmp_path):
    at = app.run()
    at.text_area[0].input("Kiew verkündete neue Zahlen aus der Region Kursk.")
    at.button[0].click().run()
    assert not at.exception
    assert any("Added pasted text" in s.value for s in at.success)
    assert len(list(tmp_path.glob("pasted-*.txt"))) == 1
    assert "of 4 articles" in at.caption[0].value
    at.text_area[0].input("Kiew verkündete neue Zahlen aus der Region Kursk.")
    at.button[0].click().run()
    assert any("already there" in s.value for s in at.info)
    assert len(list(tmp_path.glob("pasted-*.txt"))) == 1


def test_claims_chart_and_exports_render(app):
    at = app.run()
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert not at.get("download_button")  # only the open tab is built
    at.session_state["tab"] = "Export"
    at.run()
    assert len(at.get("download_button")) == 4
