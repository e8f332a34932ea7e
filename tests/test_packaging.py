"""The package as a user installs it: every subpackage and data file goes into the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_listed():
    listed = set(_config()["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "geo").rglob("__init__.py")
             if "__pycache__" not in p.parts}
    assert found <= listed, f"add to pyproject.toml's packages: {sorted(found - listed)}"


def test_data_and_static_files_are_package_data():
    config = _config()["tool"]["setuptools"]
    assert config["package-dir"] == {"geo._data": "data", "geo._static": "static"}
    patterns = config["package-data"]["geo._data"]
    suffixes = {"." + p.rsplit(".", 1)[-1] for p in patterns}
    shipped = {p.suffix for p in (ROOT / "data").rglob("*") if p.is_file()
               and not {"cache", "uploads"} & set(p.relative_to(ROOT / "data").parts)}
    assert shipped <= suffixes, f"data files not shipped: {sorted(shipped - suffixes)}"


def test_every_import_is_declared():
    """Third-party modules imported by geo/ and dashboard.py are dependencies."""
    import ast
    import sys

    declared = " ".join(_config()["project"]["dependencies"]).lower().replace("_", "-")
    aliases = {"streamlit_folium": "streamlit-folium", "text_to_num": "text2num",
               "gender_guesser": "gender-guesser", "charset_normalizer": "charset-normalizer",
               "HanTa": "hanta", "dask": "dask", "distributed": "dask[distributed]"}
    files = list((ROOT / "geo").rglob("*.py")) + [ROOT / "dashboard.py"]
    missing = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == "geo" or top in sys.stdlib_module_names:
                    continue
                if aliases.get(top, top).lower() not in declared:
                    missing.add(top)
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
