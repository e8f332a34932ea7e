"""The architecture as a test: data flows one way, and the core never imports the app side."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ("geo.text", "geo.lexicon", "geo.gazetteer", "geo.places", "geo.figures", "geo.dates",
        "geo.model", "geo.pipeline", "geo.paths")
# what each layer may not import, besides the layers above it
UI = ("folium", "streamlit", "streamlit_folium", "branca", "jinja2")
HEAVY = ("pandas", "geopandas", "pyarrow", "duckdb", "dask", "distributed", "shapely")
FORBIDDEN = {
    "core": ("geo.corpus", "geo.app", "geo.cli") + UI + HEAVY,
    "corpus": ("geo.app", "geo.cli") + UI,
}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _layer(module: str) -> str | None:
    if any(module == c or module.startswith(c + ".") for c in CORE):
        return "core"
    if module.startswith("geo.corpus"):
        return "corpus"
    return None


MODULES = sorted(p for p in (ROOT / "geo").rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_imports_only_from_its_own_layer_or_below(path: Path):
    layer = _layer(_module(path))
    if layer is None:
        return
    bad = sorted(name for name in _imports(path)
                 if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]))
    assert not bad, f"{_module(path)} ({layer}) imports {bad}"


def test_every_core_package_exists():
    """A renamed package must not make the layer check vacuous."""
    for name in CORE:
        base = ROOT / Path(*name.split("."))
        assert base.is_dir() or base.with_suffix(".py").is_file(), name
