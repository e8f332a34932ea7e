"""The resolver's features and fitted weights: training and serving compute the same features
for the same mention, the fit recovers known weights, and the weights file is what the resolver
expects."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from geo import lexicon
from geo.lexicon import LexiconError
from geo.places.mentions import find_mentions
from geo.places.resolve import _WEIGHTS, FEATURES, resolution_cases
from geo.text.reading import article_from_text
from geo.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

TEXT = ("Drohnen trafen Pokrowsk in der Region Donezk. Später meldete Kiew Angriffe bei Sudscha, "
        "Plekhovo und Martynovka in der Oblast Kursk; Berlin erklärte, man sei besorgt.")


def _article():
    article = article_from_text("t.txt", TEXT)
    return article, split_sentences(article)


def test_training_and_serving_compute_the_same_features(gaz):
    """Mordecai's parity test: the cases the fit reads rank, under the shipped weights, every
    mention to the place the resolver chose, with the same candidates."""
    article, sentences = _article()
    mentions = find_mentions(article, sentences, gaz)
    cases = {(c.start, c.end): c for c in resolution_cases(article, sentences, gaz)}
    assert len(mentions) >= 8 and {(m.start, m.end) for m in mentions} == set(cases)
    for m in mentions:
        case = cases[(m.start, m.end)]
        assert all(len(f) == len(FEATURES) for f in case.features)
        scores = [sum(w * x for w, x in zip(_WEIGHTS, f)) for f in case.features]
        best = case.rows[scores.index(max(scores))]
        assert gaz.places[best].place_id == m.place.place_id, m.surface
        assert (m.runner_up is None) == (len(case.rows) == 1)


def test_features_of_one_candidate_are_the_named_facts(gaz):
    article = article_from_text("t.txt", "Raketen trafen Kiew.")
    (case,) = resolution_cases(article, split_sentences(article), gaz)
    kyiv = case.rows.index(gaz.by_id["geonames:703448"])
    f = dict(zip(FEATURES, case.features[kyiv]))
    pop = gaz.places[gaz.by_id["geonames:703448"]].population
    assert f["log_population"] == pytest.approx(math.log10(pop + 1) / 7)
    assert (f["city"], f["capital"], f["country"], f["region"]) == (1, 1, 0, 0)
    assert f["own_name"] == 1 and f["qualified_name"] == 0  # "Kiew" is its German name
    assert f["near"] == 0 and f["same_country"] == 0  # nothing else in the article
    assert f["cue_town"] == 0 and f["german_speaking"] == 0


def test_other_places_of_the_article_support_a_candidate_but_a_name_not_itself(gaz):
    article = article_from_text("t.txt", "Kämpfe in der Ukraine. Truppen erreichten Pokrowsk.")
    cases = resolution_cases(article, split_sentences(article), gaz)
    pokrowsk = next(c for c in cases if article.text[c.start:c.end] == "Pokrowsk")
    by_id = {gaz.places[r].place_id: dict(zip(FEATURES, f))
             for r, f in zip(pokrowsk.rows, pokrowsk.features)}
    assert by_id["geonames:704422"]["same_country"] == 1  # Donetsk Oblast, Ukraine
    assert by_id["geonames:2017824"]["same_country"] == 0  # Yakutia, Russia
    ukraine = next(c for c in cases if article.text[c.start:c.end] == "Ukraine")
    row = ukraine.rows.index(gaz.by_id["geonames:690791"])
    assert dict(zip(FEATURES, ukraine.features[row]))["same_country"] == 0


def test_the_fit_recovers_known_weights():
    from fit_resolution import accuracy, fit

    rng = np.random.default_rng(7)
    true = rng.normal(0, 2, len(FEATURES))
    examples = []
    for _ in range(3000):
        x = rng.random((4, len(FEATURES)))
        p = np.exp(x @ true)
        examples.append((x, int(rng.choice(4, p=p / p.sum()))))
    w = fit(examples, l2=0.01)
    assert np.corrcoef(w, true)[0, 1] > 0.95
    assert accuracy(examples, w) >= accuracy(examples, np.zeros(len(FEATURES))) + 0.2


def test_weights_file_names_features_and_training_sets():
    data = json.loads((ROOT / "data" / "lexicon" / "resolution_weights.json").read_text())
    assert data["features"] == list(FEATURES) and set(data["weights"]) == set(FEATURES)
    assert set(data["_training_sets"]) == {"tests/gold/places_seeds.json",
                                           "tests/gold/germeval_dev_links.json",
                                           "tests/gold/real_news_train"}
    assert "tests/gold/real_news\"" not in json.dumps(data["_training_sets"])  # held out
    assert data["_source"] and data["_licence"] and data["_date"]


def test_weights_for_other_features_are_refused(tmp_path):
    path = ROOT / "data" / "lexicon" / "resolution_weights.json"
    data = json.loads(path.read_text())
    data["features"] = data["features"][:-1]
    (tmp_path / "resolution_weights.json").write_text(json.dumps(data))
    with pytest.raises(LexiconError, match="run scripts/fit_resolution.py"):
        lexicon.resolution_weights(FEATURES, tmp_path)


def test_germeval_links_point_at_candidates_read_by_hand_or_alone(gaz):
    from fit_resolution import BY_HAND, LINKS, UNCLEAR

    links = json.loads(LINKS.read_text(encoding="utf-8"))["links"]
    assert len(links) > 400
    for x in links:
        assert x["place_id"] in gaz.by_id, x
        assert x["surface"] not in UNCLEAR
        if x["how"] == "by hand":
            assert BY_HAND[x["surface"]] == x["place_id"]
        else:
            assert x["how"] == "only candidate"
