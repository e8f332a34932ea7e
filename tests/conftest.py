"""Shared fixtures: the gazetteer is loaded once per test session, the seeds analysed once, and
no test touches the user's own store or writes into the source tree."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _private_store(tmp_path_factory):
    """Every store a test opens by default lives in a temporary folder."""
    os.environ["LAGEBILD_STORE"] = str(tmp_path_factory.mktemp("store"))
    yield


@pytest.fixture(scope="session")
def gaz():
    from geo import gazetteer

    return gazetteer.load()


@pytest.fixture(scope="session")
def seed_analysis():
    from geo.pipeline import analyse
    from geo.text.reading import read_paths

    articles, messages = read_paths([SEEDS])
    assert not messages
    return analyse(articles)
