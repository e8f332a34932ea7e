"""The real-news scorer (benchmarks/eval_real_news.py) checked on small made-up inputs, so a
change in the program's numbers is the program's doing, never the scorer's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import eval_real_news as ev
import pytest

KYIV = (50.45, 30.52)
LVIV = (49.84, 24.03)


def gold_place(start: int, end: int, kind: str = "settlement", role: str = "place",
               point: tuple[float, float] = KYIV, country: str = "UA", referent: str = "Kyiv",
               article: str = "a") -> Any:
    return ev.GoldPlace(article, start, end, "x" * (end - start), kind, referent, country,
                        point[0], point[1], role)


def pred_place(start: int, end: int, code: str = "PPLC", role: str = "place",
               point: tuple[float, float] = KYIV, country: str = "UA", name: str = "Kyiv",
               admin1: str = "", article: str = "a") -> Any:
    return ev.PredPlace(article, start, end, "x" * (end - start), role, f"geonames:{start}",
                        name, name, code, country, admin1, point[0], point[1])


def gold_figure(start: int, end: int, low: int | None = 5, high: int | None = 5,
                category: str = "killed", actor: str | None = "UA",
                source: str | None = "Selenskyj") -> Any:
    return ev.GoldFigure("a", start, end, "5", low, high, category, actor, source)


def pred_figure(start: int, end: int, low: int = 5, high: int = 5, qualifier: str = "exact",
                vague: bool = False, category: str = "killed", actor: str | None = "UA",
                source: str | None = "Selenskyj") -> Any:
    return ev.PredFigure("a", start, end, "5", low, high, qualifier, vague, category, actor,
                         source)


def test_perfect_places_score_one() -> None:
    gold = [gold_place(0, 4), gold_place(10, 17, kind="country", point=(49.0, 32.0),
                                         role="speaker")]
    pred = [pred_place(0, 4), pred_place(10, 17, code="PCLI", point=(48.4, 31.2),
                                         role="speaker")]
    r = ev.score_places(gold, [], pred)
    assert (r.exact.precision, r.exact.recall, r.lenient.f1) == (1.0, 1.0, 1.0)
    assert r.resolution["settlement"] == (1, 1) and r.resolution["country"] == (1, 1)
    assert not r.role_errors and not r.resolution_failures and not r.traps


def test_missing_mention_lowers_recall_by_its_share() -> None:
    gold = [gold_place(i * 10, i * 10 + 4) for i in range(4)]
    r = ev.score_places(gold, [], [pred_place(i * 10, i * 10 + 4) for i in range(3)])
    assert r.exact.recall == pytest.approx(0.75)
    assert r.exact.precision == 1.0
    assert r.recall_by_kind["settlement"].recall == pytest.approx(0.75)
    assert [g.start for g in r.exact_match.missed] == [30]


def test_boundary_difference_is_lenient_only() -> None:
    # "Region Charkiw" predicted where the gold marks only "Charkiw"
    r = ev.score_places([gold_place(7, 14, kind="region")], [],
                        [pred_place(0, 14, code="ADM1")])
    assert (r.exact.tp, r.exact.fp, r.exact.fn) == (0, 1, 1)
    assert (r.lenient.tp, r.lenient.fp, r.lenient.fn) == (1, 0, 0)


def test_overlap_match_is_one_to_one() -> None:
    # one prediction over two gold mentions matches only one of them
    m = ev.match_overlap([gold_place(0, 6), gold_place(7, 13)], [pred_place(0, 13)])
    assert len(m.pairs) == 1 and len(m.missed) == 1 and not m.spurious


def test_precision_by_kind_uses_the_predicted_feature_code() -> None:
    gold = [gold_place(0, 4, kind="settlement")]
    pred = [pred_place(0, 4, code="ADM1"), pred_place(20, 24, code="PPL")]
    r = ev.score_places(gold, [], pred)
    assert r.precision_by_kind["region"].precision == 1.0  # the match counts for its kind
    assert r.precision_by_kind["settlement"].precision == 0.0  # the spurious PPL
    assert r.recall_by_kind["settlement"].recall == 1.0
    assert [ev.predicted_kind(c) for c in ("PCLI", "PCLS", "ADM2", "PPLA2", "STM")] == [
        "country", "country", "region", "settlement", "other"]


def test_settlement_200_km_off_is_a_resolution_error() -> None:
    off = (KYIV[0] + 1.8, KYIV[1])  # 1.8 degrees of latitude: about 200 km
    assert 190 < ev.haversine_km(*KYIV, *off) < 210
    r = ev.score_places([gold_place(0, 4)], [], [pred_place(0, 4, point=off)])
    assert r.exact.tp == 1  # the span is right
    assert r.resolution["settlement"] == (0, 1)
    assert len(r.resolution_failures) == 1
    near = (KYIV[0] + 0.1, KYIV[1])  # about 11 km: inside the 25 km tolerance
    assert ev.score_places([gold_place(0, 4)], [], [pred_place(0, 4, point=near)]
                           ).resolution["settlement"] == (1, 1)


def test_region_and_country_tolerances() -> None:
    far = gold_place(0, 7, kind="region", point=LVIV, referent="Kharkiv Oblast")
    ok, _ = ev.resolution_ok(far, pred_place(0, 7, code="ADM1", name="Kharkiv Oblast"))
    assert ok  # far from the point, but the same region by name
    ok, _ = ev.resolution_ok(far, pred_place(0, 7, code="ADM1", name="Kyiv Oblast"))
    assert not ok
    country = gold_place(0, 7, kind="country", point=(49.0, 32.0), country="UA")
    assert ev.resolution_ok(country, pred_place(0, 7, code="PCLI", point=LVIV))[0]
    assert not ev.resolution_ok(country, pred_place(0, 7, code="PCLI", country="RU"))[0]


def test_role_errors_and_traps() -> None:
    gold = [gold_place(0, 4, role="speaker")]
    not_places = [ev.NotPlace("a", 20, 34, "Bayern München", "club"),
                  ev.NotPlace("a", 40, 46, "Kiewer", "demonym")]
    pred = [pred_place(0, 4, role="place"), pred_place(20, 26), pred_place(27, 34)]
    r = ev.score_places(gold, not_places, pred)
    assert len(r.role_errors) == 1 and r.roles[("speaker", "place")] == 1
    assert len(r.traps) == 1  # one not-place taken, though two mentions lie over it
    assert r.traps[0][0].why == "club" and len(r.traps[0][1]) == 2
    assert r.not_places_by_why == {"club": 1, "demonym": 1}


def test_figures_perfect_and_attributes() -> None:
    r = ev.score_figures([gold_figure(0, 1)], [pred_figure(0, 1)])
    assert (r.prf.precision, r.prf.recall) == (1.0, 1.0)
    assert all(right == n == 1 for right, n in r.accuracy.values())


def test_figure_bounds_follow_the_gold_convention() -> None:
    at_least = gold_figure(0, 8, low=214, high=None)
    assert ev.bounds_ok(at_least, pred_figure(0, 8, low=214, high=214, qualifier="at_least"))
    up_to = gold_figure(0, 8, low=None, high=9000)
    approx = pred_figure(0, 8, low=9000, high=9000, qualifier="approx")
    assert not ev.bounds_ok(up_to, approx) and ev.numbers_ok(up_to, approx)
    thousands = gold_figure(0, 8, low=1000, high=None)
    vague = pred_figure(0, 8, low=2000, high=2000, qualifier="at_least", vague=True)
    assert not ev.bounds_ok(thousands, vague) and ev.numbers_ok(thousands, vague)
    assert not ev.numbers_ok(gold_figure(0, 8, low=11000, high=None), pred_figure(0, 8, 0, 0))


def test_figure_source_exact_and_lenient() -> None:
    g = gold_figure(0, 1, source="Wolodymyr Selenskyj")
    assert ev.source_lenient(g, pred_figure(0, 1, source="der Präsident Wolodymyr Selenskyj"))
    assert not ev.source_exact(g, pred_figure(0, 1, source="der Präsident Wolodymyr Selenskyj"))
    assert ev.source_lenient(g, pred_figure(0, 1, source="selenskyj"))
    assert not ev.source_lenient(g, pred_figure(0, 1, source=None))
    assert ev.source_lenient(gold_figure(0, 1, source=None), pred_figure(0, 1, source=None))


def test_other_category_is_kept_apart() -> None:
    gold = [gold_figure(0, 1), gold_figure(10, 11, category="other"),
            gold_figure(20, 21, category="other")]
    pred = [pred_figure(0, 1), pred_figure(10, 11, category="troops"),
            pred_figure(30, 31, category="area_km2")]
    r = ev.score_figures(gold, pred)
    assert (r.prf.tp, r.prf.fp, r.prf.fn) == (1, 0, 0)  # neither "other" is an error
    assert len(r.other_found) == 1 and len(r.other_missed) == 1
    assert r.not_people == 1


def test_figure_missing_and_spurious() -> None:
    gold = [gold_figure(0, 1), gold_figure(10, 11)]
    r = ev.score_figures(gold, [pred_figure(0, 1, category="wounded"), pred_figure(40, 41)])
    assert (r.prf.tp, r.prf.fp, r.prf.fn) == (1, 1, 1)
    assert r.accuracy["category"] == (0, 1)


def test_dates_overlap_and_resolution() -> None:
    gold = [ev.GoldDate("a", 3, 14, "24. Februar", "2022-02-24", "2022-02-24"),
            ev.GoldDate("a", 30, 36, "Montag", None, None)]
    pred = [ev.PredDate("a", 0, 14, "am 24. Februar", None, None),
            ev.PredDate("a", 50, 62, "seit Monaten", None, None)]
    r = ev.score_dates(gold, pred)
    assert (r.prf.tp, r.prf.fp, r.prf.fn) == (1, 1, 1)
    assert (r.exact.tp, r.resolved) == (0, (0, 1))


def test_ceiling_counts_known_surfaces_by_kind() -> None:
    c = ev.ceiling([gold_place(0, 4), gold_place(5, 8, kind="other")], lambda s: len(s) == 4)
    assert c["settlement"] == (1, 1) and c["other"] == (0, 1) and c["all"] == (1, 2)


def test_gold_loads_and_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    data = [{"id": "001", "published": "2024-07-25", "places": [
        {"surface": "Kiew", "start": 0, "end": 4, "kind": "settlement", "referent": "Kyiv",
         "country": "UA", "lat": 50.45, "lon": 30.52, "role": "place"}],
        "not_places": [], "figures": [], "dates": []}]
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    gold = ev.load_gold(path, {"001": "Kiew meldet"})
    assert gold.places[0].surface == "Kiew" and str(gold.published["001"]) == "2024-07-25"
    with pytest.raises(ValueError):
        ev.load_gold(path, {"001": "Moskau"})
    assert path.read_bytes() == before
