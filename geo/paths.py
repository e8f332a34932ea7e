"""Where things live: bundled data (read-only), the cache and the corpus store (user folders).

Nothing is ever written into the source tree or the installed package. Bundled data is the
repository's ``data/`` folder in a checkout or an editable install, and ``geo/_data`` inside a
wheel (``pyproject.toml`` maps one onto the other). Caches and the store follow the platform's
conventions (platformdirs), each overridable by an environment variable so tests and shared
desks can point them elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

_PACKAGE = Path(__file__).resolve().parent
APP = "lagebild"


def data_dir() -> Path:
    """The bundled data: gazetteer sources and language data."""
    installed = _PACKAGE / "_data"
    return installed if installed.is_dir() else _PACKAGE.parent / "data"


def static_dir() -> Path:
    """Leaflet, its plugins, the basemap and the map's own JavaScript, served by Streamlit's
    static serving."""
    installed = _PACKAGE / "_static"
    return installed if installed.is_dir() else _PACKAGE.parent / "static"


def cache_dir() -> Path:
    """Derived files that can be rebuilt (the gazetteer index): ``LAGEBILD_CACHE`` or the
    user cache folder."""
    override = os.environ.get("LAGEBILD_CACHE")
    return Path(override) if override else user_cache_path(APP)


def default_store_dir() -> Path:
    """The corpus store: ``LAGEBILD_STORE`` or the user data folder."""
    override = os.environ.get("LAGEBILD_STORE")
    return Path(override) if override else user_data_path(APP) / "store"
