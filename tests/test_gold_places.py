"""The real pipeline on the seed articles against the hand-made gold (tests/gold/), and the
GermEval scorer of benchmarks/eval_places.py checked on a tiny made-up TSV."""

from __future__ import annotations

import json
from pathlib import Path

import eval_places as ev
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "places_seeds.json"
MAX_KM = 10.0




def _seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


# --- the gold itself ------------------------------------------------------------------------


def test_gold_offsets_point_at_their_surfaces() -> None:
    texts = _seed_texts()
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    assert set(data["articles"]) == set(texts)
    gold = ev.load_gold(texts, GOLD)  # raises if surface/occurrence/start disagree
    for g in gold.mentions + gold.optional:
        assert texts[g.article][g.start:g.end] == g.surface
        assert g.role in ("place", "speaker")
        assert g.place_id not in gold.traps
    spans = [(g.article, g.start, g.end) for g in gold.mentions]
    assert len(spans) == len(set(spans)), "a gold span is listed twice"


# --- the pipeline on the seeds ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    from geo.pipeline import analyse
    from geo.text.reading import read_paths

    articles, _ = read_paths(sorted(SEEDS.glob("*.txt")))
    assert len(articles) == 5
    analysis = analyse(articles)
    texts = {a.id: a.text for a in articles}
    gold = ev.load_gold(texts, GOLD)
    by_span = {(m.article, m.start, m.end): m for m in analysis.mentions}
    return texts, gold, analysis.mentions, by_span


def _at(texts: dict[str, str], article: str, start: int, end: int) -> str:
    t = texts[article].replace("\n", " ")
    return f"{article[:3]}@{start} …{t[max(0, start - 25):start]}[{t[start:end]}]{t[end:end + 25]}…"


def test_mention_surfaces_are_the_text(seeds) -> None:
    texts, _, mentions, _ = seeds
    bad = [m for m in mentions if texts[m.article][m.start:m.end] != m.surface]
    assert not bad, [(m.article, m.start, m.surface) for m in bad]


def test_every_gold_place_found_and_resolved(seeds) -> None:
    texts, gold, _, by_span = seeds
    problems = []
    for g in gold.mentions:
        m = by_span.get((g.article, g.start, g.end))
        where = _at(texts, g.article, g.start, g.end)
        if m is None:
            problems.append(f"missed {where} ({g.place_id})")
        elif not g.accepts(m.place.place_id):
            problems.append(f"{where}: gold {g.place_id}, got {m.place.place_id}")
    assert not problems, "\n".join(problems)


def test_gold_roles(seeds) -> None:
    texts, gold, _, by_span = seeds
    problems = []
    for g in gold.mentions:
        m = by_span.get((g.article, g.start, g.end))
        if m is not None and g.role_sure and m.role != g.role:
            problems.append(f"{_at(texts, g.article, g.start, g.end)}: gold {g.role}, got {m.role}")
    assert not problems, "\n".join(problems)


def test_resolved_points_near_the_truth(seeds) -> None:
    texts, gold, _, by_span = seeds
    problems = []
    for g in gold.mentions:
        m = by_span.get((g.article, g.start, g.end))
        if m is None or not g.accepts(m.place.place_id):
            continue  # reported by the test above
        if g.point_precision == "district":  # Vorobzha: its exact position is unknown
            if m.place.precision == "settlement":
                problems.append(f"{g.surface}: a district-level point claims settlement precision")
            continue
        lat, lon = (g.lat, g.lon) if m.place.place_id == g.place_id else (m.place.lat, m.place.lon)
        km = ev.haversine_km(lat, lon, m.place.lat, m.place.lon)
        if km > MAX_KM:
            problems.append(f"{_at(texts, g.article, g.start, g.end)}: {km:.1f} km from the truth")
    assert not problems, "\n".join(problems)


def test_no_trap_taken(seeds) -> None:
    texts, gold, mentions, _ = seeds
    taken = [f"{_at(texts, m.article, m.start, m.end)} -> {m.place.place_id}"
             for m in mentions if m.place.place_id in gold.traps]
    assert not taken, "\n".join(taken)


def test_no_non_place_mention(seeds) -> None:
    """Every predicted mention is a gold (or optional) place mention: no persons, media,
    demonyms, furniture or homographs."""
    texts, gold, mentions, _ = seeds
    known = {(g.article, g.start, g.end) for g in gold.mentions + gold.optional}
    extra = [f"{_at(texts, m.article, m.start, m.end)} -> {m.place.place_id}"
             for m in mentions if (m.article, m.start, m.end) not in known]
    assert not extra, "\n".join(extra)


# --- the scorer itself --------------------------------------------------------------------------

TINY_TSV = """\
#\thttp://example.org/a\t[2024-01-01]
1\tIn\tO\tO
2\tBad\tB-LOC\tO
3\tKreuznach\tI-LOC\tO
4\tund\tO\tO
5\tBerlin\tB-LOC\tO
6\tsagte\tO\tO
7\tMerkel\tB-PER\tO
8\t.\tO\tO

#\thttp://example.org/b\t[2024-01-01]
1\tDie\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tUS-Botschaft\tB-ORG\tB-LOCpart
4\tin\tO\tO
5\tParis\tB-LOC\tO
6\tund\tO\tO
7\tLyon\tB-LOC\tO
8\tund\tO\tO
9\tNizza\tI-LOC\tO
10\t.\tO\tO
"""


def test_germeval_reader_and_loc_spans(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(TINY_TSV, encoding="utf-8")
    sents = ev.read_germeval(path)
    assert [len(s.tokens) for s in sents] == [8, 10]
    assert ev.loc_spans(sents[0].outer) == [(1, 3), (4, 5)]
    # LOCderiv and the nested LOCpart are no LOC; a stray I-LOC starts a span (conlleval)
    assert ev.loc_spans(sents[1].outer) == [(4, 5), (6, 7), (8, 9)]
    text, offsets = ev.token_offsets(sents[0].tokens)
    assert text == "In Bad Kreuznach und Berlin sagte Merkel ."
    assert [text[s:e] for s, e in offsets] == sents[0].tokens


def test_germeval_scorer_prf(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(TINY_TSV, encoding="utf-8")
    # gold LOC spans: "Bad Kreuznach", "Berlin" | "Paris", "Lyon", "Nizza"  (5)
    answers = {
        "In Bad Kreuznach und Berlin sagte Merkel .":
            ["Kreuznach", "Berlin", "Merkel"],  # 1 tp (Berlin), 2 fp
        "Die deutsche US-Botschaft in Paris und Lyon und Nizza .":
            ["US", "Paris", "Lyon und Nizza"],  # "US" unaligned; Paris tp; fp
    }

    def predict(texts: list[str]) -> list[list[tuple[int, int]]]:
        out = []
        for t in texts:
            spans = []
            for surface in answers[t]:
                i = t.index(surface)
                spans.append((i, i + len(surface)))
            out.append(spans)
        return out

    r = ev.evaluate_germeval(path, predict)
    assert (r.prf.tp, r.prf.fp, r.prf.fn) == (2, 3, 3)
    assert r.prf.precision == pytest.approx(2 / 5)
    assert r.prf.recall == pytest.approx(2 / 5)
    assert r.prf.f1 == pytest.approx(0.4)
    assert r.predictions == 6 and r.unaligned == 1
    assert r.unaligned_surfaces == {"US": 1}
    assert r.false_positives == {"Kreuznach": 1, "Merkel": 1, "Lyon und Nizza": 1}
    assert r.false_negatives == {"Bad Kreuznach": 1, "Lyon": 1, "Nizza": 1}

    limited = ev.evaluate_germeval(path, predict, limit=1)
    assert (limited.prf.tp, limited.prf.fp, limited.prf.fn) == (1, 2, 1)


def test_prf_edge_cases() -> None:
    assert ev.PRF(0, 0, 0).f1 == 0.0
    r = ev.score_spans({(0, 1, 2), (0, 3, 4)}, {(0, 1, 2)})
    assert (r.precision, r.recall) == (1.0, 0.5)
    assert r.f1 == pytest.approx(2 / 3)
