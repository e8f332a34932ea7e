"""The browser tests' harness (tests/browser/conftest.py: a Streamlit server on a store, the
map's selectors), for the benchmarks that drive the same dashboard outside pytest."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def browser_harness() -> ModuleType:
    """tests/browser/conftest.py, loaded by path once (its helpers are plain functions)."""
    name = "lagebild_browser_harness"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "browser" / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module
