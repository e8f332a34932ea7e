"""Shared fixtures: the gazetteer is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz():
    from geo import gazetteer

    return gazetteer.load()


@pytest.fixture(scope="session")
def seed_analysis():
    from geo.pipeline import analyse
    from geo.reading import read_paths

    articles, messages = read_paths([SEEDS])
    assert not messages
    return analyse(articles)
