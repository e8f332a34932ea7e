"""Keeping the map off the internet. folium points every Map and plugin at CDNs (Leaflet, jQuery,
Bootstrap, Font Awesome); offline those never load and the map stays blank. Here the map is told
to load only the Leaflet copy committed in ``static/``, which Streamlit serves at
``/app/static/`` (``server.enableStaticServing``), and a check finds any URL that still leaves
the machine."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import folium

from geo.paths import static_dir

STATIC_DIR = static_dir()
STATIC_URL = "/app/static"
JS = (("leaflet", "leaflet/leaflet.js"), ("markercluster", "markercluster/leaflet.markercluster.js"),
      ("lagebild", "lagebild/map.js"))
CSS = (("leaflet_css", "leaflet/leaflet.css"), ("markercluster_css", "markercluster/MarkerCluster.css"))

# Strings in Leaflet and our HTML that look like URLs but are never fetched.
_NOT_FETCHED = ("http://www.w3.org/2000/svg",)
_URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)|(https?://[^\s"'<>)]+)""")
# <a href="..."> also as written inside a JS string (quotes escaped, '<' as \u003c).
_LINK = re.compile(r"""(?:<|\\u003c)a\s+href=\\?["'][^"'\\]*""")


def localise(m: folium.Map, static_url: str = STATIC_URL) -> folium.Map:
    """Point the map at the local Leaflet and drop folium's other default assets (jQuery,
    Bootstrap, awesome-markers), which the map does not use."""
    m.default_js = [(name, static_url_of(path, static_url)) for name, path in JS]
    m.default_css = [(name, static_url_of(path, static_url)) for name, path in CSS]
    return m


@cache
def _version(path: str) -> str:
    """A short hash of the file: browsers cache the assets, and a changed file is a new URL."""
    return hashlib.sha256((STATIC_DIR / path).read_bytes()).hexdigest()[:10]


def asset_urls(m: folium.Element) -> Iterator[str]:
    """Every script and stylesheet URL the map and its children ask for: what streamlit-folium
    hands to the browser to load."""
    yield from (url for _, url in getattr(m, "default_js", []))
    yield from (url for _, url in getattr(m, "default_css", []))
    for child in getattr(m, "_children", {}).values():
        yield from asset_urls(child)


def static_url_of(path: str, static_url: str = STATIC_URL) -> str:
    """The URL of a committed static file, versioned by its content."""
    return f"{static_url}/{path}?v={_version(path)}"


def static_file(url: str, static_url: str = STATIC_URL) -> Path | None:
    """The committed file a local asset URL is served from, or None if it is not local."""
    if not url.startswith(static_url + "/"):
        return None
    return STATIC_DIR / url[len(static_url) + 1:].split("?", 1)[0]


def external_urls(html: str) -> list[str]:
    """URLs in a page that the browser would fetch from outside this machine. Links the user
    may follow (<a href>, the attribution) are not fetched and are not counted."""
    html = _LINK.sub("<a>", html)
    found = []
    for match in _URL.finditer(html):
        url = next(g for g in match.groups() if g)
        if url.startswith(("http://", "https://", "//")) and not url.startswith(_NOT_FETCHED):
            found.append(url)
    return found
