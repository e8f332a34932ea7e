"""Issue 13: with the online tile switch on, tiles show over land too (the offline land fill
must not cover them). The tile server is faked: every tile request is answered with a red
tile from this process, so the test needs no network and can check pixels."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from .conftest import MARKER, is_local, map_frame, open_app

pytestmark = pytest.mark.browser

RED = (220, 20, 20)


def _red_tile() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), RED).save(out, format="PNG")
    return out.getvalue()


def test_online_tiles_are_visible_over_land(browser, app_server):
    tile = _red_tile()
    asked: list[str] = []
    context = browser.new_context(viewport={"width": 1500, "height": 1000},
                                  service_workers="block")

    def route(r) -> None:
        url = r.request.url
        if is_local(url):
            r.continue_()
        elif "tile" in url:
            asked.append(url)
            r.fulfill(status=200, content_type="image/png", body=tile)
        else:
            r.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    try:
        open_app(page, app_server.url)
        page.get_by_text("Online-Kartenkacheln").click()
        frame = _frame_with_tiles(page)
        page.wait_for_timeout(1500)  # the basemap's land arrives after the tiles
        assert asked, "the online layer asked for no tiles"
        container = frame.locator(".leaflet-container")
        shot = Image.open(io.BytesIO(container.screenshot())).convert("RGB")
        # the map opens fitted to the seeds' places in western Russia and Ukraine: land all
        # around; sample a ring of points away from the markers and controls
        w, h = shot.size
        points = [(int(w * x), int(h * y)) for x in (0.3, 0.5, 0.7) for y in (0.3, 0.7)]
        red = [p for p in points if _near(shot.getpixel(p), RED)]
        assert len(red) >= len(points) // 2, (
            f"tiles hidden over land: {[shot.getpixel(p) for p in points]}")
        assert frame.locator(MARKER).count() or frame.locator(".marker-cluster").count()
    finally:
        context.close()


def _frame_with_tiles(page, seconds: float = 30):
    """The map's frame once tiles are drawn in it (the switch reruns the app, which replaces
    the frame)."""
    for _ in range(int(seconds * 5)):
        page.wait_for_timeout(200)
        try:
            frame = map_frame(page, 10_000)
            if frame.locator("img.leaflet-tile-loaded").count():
                return frame
        except Exception:  # the frame went away while we looked: look again
            continue
    raise TimeoutError("no tiles were drawn")


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 60) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
