"""The analyst's map in headless Chromium: it opens on the data (not on Kursk), flies to a place
chosen in the list, keeps centre, zoom and tab in the URL, splits clusters on zoom, lists a
figure that has no place, finds "Kiew" and "Moskau" by their German names, and opens the side
panel from the keyboard. Same server and store as ``test_e2e.py``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import (
    CLUSTER,
    FAR_NAME,
    MARKER,
    PLEKHOVO,
    PLEKHOVO_QUOTE,
    map_frame,
    open_app,
    show,
    side_panel,
)

pytestmark = pytest.mark.browser
TIMEOUT = 15_000
PANEL_HAS = ("q => Array.from(document.querySelectorAll('.lb-panel'))"
             ".some(e => e.innerText.includes(q))")


@pytest.fixture()
def page(session):
    """The page and the server of a guarded session (the request log is not needed here)."""
    page, _, server = session
    return page, server


def centre(frame) -> dict:
    return frame.evaluate("() => window.map.getCenter()")


def test_opens_fitted_to_a_corpus_far_from_kursk(page):
    page, server = page
    frame = open_app(page, f"{server.url}/?article={Path(FAR_NAME).stem}")
    frame.wait_for_function("() => window.map && window.map.getZoom() >= 5", timeout=TIMEOUT)
    c = centre(frame)
    # Lisbon and Porto: the map opens over Portugal, a long way from Kursk (51.7 N, 36.2 E)
    assert 37 < c["lat"] < 42.5 and -10 < c["lng"] < -7, c
    assert frame.evaluate("() => window.map.getBounds().contains([38.72, -9.14])")


def test_empty_result_says_so_and_offers_a_reset(page):
    page, server = page
    open_app(page, server.url)
    page.get_by_label("In den Zitaten suchen").fill("kein Satz enthält dies xyzzy")
    page.keyboard.press("Enter")
    page.get_by_text("Keine Orte für diese Filter.").wait_for(timeout=TIMEOUT)
    page.get_by_role("button", name="Filter zurücksetzen").last.click()
    page.get_by_text("Keine Orte für diese Filter.").wait_for(state="detached", timeout=TIMEOUT)


def test_choosing_a_place_in_the_list_flies_there_and_kiew_finds_kyiv(page):
    page, server = page
    frame = open_app(page, server.url)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Ort (Name tippen").locator(
        "input")
    box.click()
    page.keyboard.type("Kiew")
    option = page.get_by_role("option", name="Kiew (Kyiv)")
    option.wait_for(timeout=TIMEOUT)
    page.keyboard.press("Escape")
    box.click()
    page.keyboard.type("Moskau")
    page.get_by_role("option", name="Moskau (Moscow)").wait_for(timeout=TIMEOUT)
    page.keyboard.press("Escape")
    box.click()
    page.keyboard.type("Kyiv")
    page.get_by_role("option", name="Kiew (Kyiv)").click()
    frame = map_frame(page)
    frame.wait_for_function(  # a flight, then the place at zoom 10
        "() => Math.abs(window.map.getCenter().lat - 50.45) < 0.05"
        " && Math.abs(window.map.getCenter().lng - 30.52) < 0.05"
        " && window.map.getZoom() === 10", timeout=TIMEOUT)
    page.wait_for_function(PANEL_HAS, arg="Kiew", timeout=TIMEOUT)


def test_url_keeps_centre_zoom_and_tab(page):
    page, server = page
    frame = open_app(page, server.url)
    frame.evaluate("() => window.map.setView([49.0, 32.0], 7, {animate: false})")
    page.wait_for_function("() => new URLSearchParams(location.search).get('z') === '7'",
                           timeout=TIMEOUT)
    page.get_by_role("tab", name="Zahlen", exact=True).click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('tab') === 'Zahlen'",
                           timeout=TIMEOUT)
    query = parse_qs(urlsplit(page.url).query)
    assert query["c"] == ["49.0000,32.0000"] and query["z"] == ["7"], page.url
    link = page.url
    page.goto("about:blank")
    frame = open_app(page, link)
    frame.wait_for_function("() => window.map.getZoom() === 7", timeout=TIMEOUT)
    c = centre(frame)
    assert abs(c["lat"] - 49.0) < 0.01 and abs(c["lng"] - 32.0) < 0.01, c
    assert page.get_by_role("tab", name="Zahlen", exact=True).get_attribute(
        "aria-selected") == "true"


def test_clusters_split_when_zooming_in(page):
    page, server = page
    frame = open_app(page, server.url)
    # Plekhovo, Vorobzha and Martynovka lie within 16 km of each other: one cluster at zoom 6
    frame.evaluate("() => window.map.setView([51.17, 35.33], 6, {animate: false})")
    frame.wait_for_selector(CLUSTER, timeout=TIMEOUT)
    counts = [int(t.replace(".", "")) for t in frame.locator(CLUSTER).all_inner_texts()]
    assert max(counts) >= 3, counts
    plekhovo = frame.locator(f'{MARKER}[aria-label="{PLEKHOVO}"]')
    assert plekhovo.count() == 0  # inside the cluster
    frame.evaluate("() => window.map.setView([51.17, 35.33], 11, {animate: false})")
    plekhovo.wait_for(state="visible", timeout=TIMEOUT)
    assert frame.locator(f'{MARKER}[aria-label="Vorobzha"]').count() == 1


def test_a_figure_without_a_place_is_listed(page):
    page, server = page
    open_app(page, server.url)
    page.get_by_role("tab", name="Ohne Ort", exact=True).click()
    panel = page.locator('[role="tabpanel"]:visible')
    panel.get_by_text("haben keinen").wait_for(timeout=TIMEOUT)
    # the dataframe is a canvas grid: its cells are read through the grid's accessible table
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('[role=\"gridcell\"], td'))"
        ".some(c => c.textContent.includes('4.321'))", timeout=TIMEOUT)


def test_enter_on_a_focused_marker_opens_the_side_panel(page):
    page, server = page
    frame = open_app(page, server.url)
    marker = show(frame, PLEKHOVO)
    marker.evaluate("svg => svg.parentElement.focus()")
    assert frame.evaluate("() => document.activeElement.classList.contains('lb-marker')")
    frame.locator(":focus").press("Enter")
    page.wait_for_function(PANEL_HAS, arg=PLEKHOVO_QUOTE, timeout=TIMEOUT)
    assert PLEKHOVO in side_panel(page).first.inner_text()


def test_page_speaks_german_and_has_a_skip_link(page):
    page, server = page
    frame = open_app(page, server.url)
    assert page.evaluate("document.documentElement.lang") == "de"
    assert frame.evaluate("document.documentElement.lang") == "de"
    title = page.locator('iframe[data-testid="stCustomComponentV1"]').first.get_attribute("title")
    assert title.startswith("Karte")
    skip = page.get_by_role("link", name="Zur Karte springen")
    assert skip.get_attribute("href") == "#karte"
    assert page.locator("#karte").count() == 1
