"""Issue 14, finding 1: output and time stay linear in the input. A megabyte with no full stop
gives about the output of a megabyte of the same words in ordinary sentences, because quotes
are bounded excerpts and "sentences" are bounded, never a whole sentence per mention."""

from __future__ import annotations

import json
import time
from pathlib import Path

from geo.corpus.collection import EXCERPT_CHARS, feature_collection
from geo.text.reading import article_from_text, read_paths

WORDS = "die Soldaten in Kursk und Bachmut kämpften bei Charkiw"
MEGABYTE = 1_000_000


def _run(text: str) -> tuple[int, float, dict]:
    article = article_from_text("x.txt", text)
    started = time.process_time()
    fc = feature_collection([article])
    size = len(json.dumps(fc, ensure_ascii=False))
    return size, time.process_time() - started, fc


def test_a_megabyte_without_full_stop_costs_what_a_normal_megabyte_costs(gaz):
    hostile = (WORDS + " ") * (MEGABYTE // (len(WORDS) + 1))
    normal = (WORDS[0].upper() + WORDS[1:] + ". ") * (MEGABYTE // (len(WORDS) + 2))
    hostile_size, hostile_time, fc = _run(hostile)
    normal_size, normal_time, _ = _run(normal)
    assert hostile_size < 3 * normal_size, (hostile_size, normal_size)
    assert hostile_time < 3 * normal_time + 1.0, (hostile_time, normal_time)
    quotes = [m["sentence"] for f in fc["features"] for m in f["properties"]["mentions"]]
    assert quotes and max(map(len, quotes)) <= EXCERPT_CHARS + 2  # "…" on both sides


def test_output_is_the_same_whatever_the_chunks(gaz):
    """``feature_collection`` analyses a chunk of articles at a time: a place named in several
    chunks (Ukraine, in most of these articles) is one feature with all its mentions, in the
    same order."""
    root = Path(__file__).resolve().parent.parent
    articles, _ = read_paths([root / "seeds", root / "tests" / "gold" / "real_news" / "articles"])
    whole = feature_collection(articles[:12], chunk=1000)
    assert feature_collection(articles[:12], chunk=1) == whole
    assert feature_collection(articles[:12], chunk=5) == whole
    ukraine = [f for f in whole["features"] if f["properties"]["place_id"] == "geonames:690791"]
    assert ukraine and len({m["article"] for m in ukraine[0]["properties"]["mentions"]}) >= 5
