"""Place, figure and date extraction measured on real German news (issue 10, "Measure and show").

The gold (``tests/gold/real_news/gold.json``) was annotated blind on 43 real excerpts, so these
numbers say how the program does on text nobody fitted it to. The script only reads the gold.

Run ``python benchmarks/eval_real_news.py [--list] [--json FILE] [--context N]``.

Scoring (all functions take plain data, so ``tests/test_eval_real_news.py`` checks the scorer):
- places: exact span match (same article, start, end) and a lenient one-to-one overlap match;
  recall by the gold ``kind``, precision by the kind of the *predicted* place, taken from its
  GeoNames feature code (PCL*/CONT -> country, ADM* -> region, PPL* -> settlement, else other);
- resolution on overlap-matched mentions: settlement/other within 25/150 km of the gold point,
  region within 150 km or the same region name, country the same country code;
- roles (place vs speaker) on overlap-matched mentions; gold ``not_places`` a prediction overlaps;
- figures matched one-to-one by overlapping span; gold category "other" (people outside the
  program's categories) is kept out of P/R and reported apart; predicted ``area_km2`` figures
  are no people counts and are left out;
- dates (``geo.dates.find_temporal``) matched by overlapping span;
- the gazetteer ceiling: gold mentions whose surface ``geo.places.recognise.known_name`` accepts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold" / "real_news"
GOLD = GOLD_DIR / "gold.json"
ARTICLES = GOLD_DIR / "articles"

if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_places import PRF, haversine_km  # noqa: E402  (one definition of each)

KINDS = ("country", "region", "settlement", "other")
# How far a predicted point may lie from the gold point and still count as the same place.
TOLERANCE_KM = {"settlement": 25.0, "region": 150.0, "other": 150.0}
OTHER_CATEGORY = "other"
NOT_PEOPLE = {"area_km2"}  # predicted categories that are no people count


# ---------------------------------------------------------------------------------------------
# records


class Spanned(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)
T = TypeVar("T", bound=Spanned)
G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class GoldPlace:
    article: str
    start: int
    end: int
    surface: str
    kind: str
    referent: str
    country: str
    lat: float
    lon: float
    role: str


@dataclass(frozen=True)
class NotPlace:
    article: str
    start: int
    end: int
    surface: str
    why: str


@dataclass(frozen=True)
class GoldFigure:
    article: str
    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    category: str
    actor: str | None
    source: str | None


@dataclass(frozen=True)
class GoldDate:
    article: str
    start: int
    end: int
    text: str
    resolved_start: str | None
    resolved_end: str | None


@dataclass
class Gold:
    published: dict[str, date | None]
    places: list[GoldPlace]
    not_places: list[NotPlace]
    figures: list[GoldFigure]
    dates: list[GoldDate]


@dataclass(frozen=True)
class PredPlace:
    """What the scorer needs of a pipeline Mention and its Place."""

    article: str
    start: int
    end: int
    surface: str
    role: str
    place_id: str
    name: str
    name_de: str
    feature_code: str
    country_code: str
    admin1: str
    lat: float
    lon: float


@dataclass(frozen=True)
class PredFigure:
    article: str
    start: int
    end: int
    text: str
    low: int
    high: int
    qualifier: str
    vague: bool
    category: str
    actor: str | None
    source: str | None


@dataclass(frozen=True)
class PredDate:
    article: str
    start: int
    end: int
    text: str
    begin: str | None
    end_date: str | None


# ---------------------------------------------------------------------------------------------
# gold


def load_gold(path: str | Path = GOLD, texts: dict[str, str] | None = None) -> Gold:
    """The gold as records; with ``texts``, every annotation is checked to quote its text."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    gold = Gold({}, [], [], [], [])
    for a in data:
        aid = a["id"]
        gold.published[aid] = date.fromisoformat(a["published"]) if a.get("published") else None
        gold.places += [GoldPlace(aid, p["start"], p["end"], p["surface"], p["kind"],
                                  p["referent"], p["country"], p["lat"], p["lon"], p["role"])
                        for p in a["places"]]
        gold.not_places += [NotPlace(aid, n["start"], n["end"], n["surface"], n["why"])
                            for n in a["not_places"]]
        gold.figures += [GoldFigure(aid, f["start"], f["end"], f["text"], f["low"], f["high"],
                                    f["category"], f["actor"], f["source"])
                         for f in a["figures"]]
        gold.dates += [GoldDate(aid, d["start"], d["end"], d["text"], d["resolved_start"],
                                d["resolved_end"]) for d in a["dates"]]
    if texts is not None:
        quotes: list[tuple[Spanned, str]] = [
            *((p, p.surface) for p in gold.places), *((n, n.surface) for n in gold.not_places),
            *((f, f.text) for f in gold.figures), *((d, d.text) for d in gold.dates)]
        for rec, quoted in quotes:
            got = texts.get(rec.article, "")[rec.start:rec.end]
            if got != quoted:
                raise ValueError(f"gold {rec.article}@{rec.start}: {quoted!r} but the text "
                                 f"has {got!r}")
    return gold


# ---------------------------------------------------------------------------------------------
# matching and P/R



    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Matching(Generic[G, P]):
    pairs: list[tuple[G, P]]
    missed: list[G]  # gold with no prediction
    spurious: list[P]  # predictions with no gold

    def prf(self) -> PRF:
        return PRF(len(self.pairs), len(self.spurious), len(self.missed))


def _key(x: Spanned) -> tuple[str, int, int]:
    return (x.article, x.start, x.end)


def dedupe(items: Iterable[S]) -> list[S]:
    """One item per span (the first), in (article, start, end) order: the pipeline should not
    produce two mentions of one span, and if it did that is not two hits."""
    seen: dict[tuple[str, int, int], S] = {}
    for x in items:
        seen.setdefault(_key(x), x)
    return [seen[k] for k in sorted(seen)]


def match_exact(gold: Sequence[S], pred: Sequence[T]) -> Matching[S, T]:
    """Pairs with the same article, start and end."""
    by_key = {_key(p): p for p in dedupe(pred)}
    pairs = [(g, by_key[_key(g)]) for g in gold if _key(g) in by_key]
    used = {_key(p) for _, p in pairs}
    return Matching(pairs, [g for g in gold if _key(g) not in by_key],
                    [p for k, p in sorted(by_key.items()) if k not in used])


def overlaps(a: Spanned, b: Spanned) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def match_overlap(gold: Sequence[S], pred: Sequence[T]) -> Matching[S, T]:
    """One-to-one pairs of overlapping spans: exact matches first, then for each remaining gold
    (in text order) the unused overlapping prediction with the largest overlap (earliest on a
    tie). Deterministic whatever order the inputs come in."""
    exact = match_exact(gold, pred)
    pairs = list(exact.pairs)
    free = list(exact.spurious)
    missed: list[S] = []
    for g in sorted(exact.missed, key=_key):
        cands = [p for p in free if overlaps(g, p)]
        if not cands:
            missed.append(g)
            continue
        best = max(cands, key=lambda p: (min(g.end, p.end) - max(g.start, p.start), -p.start))
        free.remove(best)
        pairs.append((g, best))
    pairs.sort(key=lambda gp: _key(gp[0]))
    return Matching(pairs, missed, free)


# ---------------------------------------------------------------------------------------------
# places


def predicted_kind(feature_code: str) -> str:
    """The gold kind a predicted place stands for, from its GeoNames feature code."""
    if feature_code.startswith("PCL") or feature_code == "CONT":
        return "country"
    if feature_code.startswith("ADM"):
        return "region"
    if feature_code.startswith("PPL"):
        return "settlement"
    return "other"


_REGION_WORDS = re.compile(r"\b(oblast|district|region|state|province|land|bezirk|kreis)\b")


def region_key(name: str) -> str:
    """A region's name without accents, case and type words ("Kharkiv Oblast" -> "kharkiv")."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _REGION_WORDS.sub(" ", re.sub(r"\(.*?\)", " ", s))
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def resolution_ok(g: GoldPlace, p: PredPlace) -> tuple[bool, str]:
    """Whether the predicted place is the gold one within the tolerance of the gold kind, and
    a short reason ("212 km", "country RU != UA")."""
    km = haversine_km(g.lat, g.lon, p.lat, p.lon)
    if g.kind == "country":
        same = p.country_code.upper() == g.country.upper()
        return same, f"{km:.0f} km" if same else f"country {p.country_code} != {g.country}"
    if g.kind == "region":
        names = {region_key(x) for x in (p.name, p.name_de, p.admin1) if x}
        if km <= TOLERANCE_KM["region"] or region_key(g.referent) in names or \
                region_key(g.surface) in names:
            return True, f"{km:.0f} km"
        return False, f"{km:.0f} km, region name differs"
    return km <= TOLERANCE_KM.get(g.kind, 25.0), f"{km:.0f} km"


@dataclass
class PlaceReport:
    exact: PRF
    lenient: PRF
    recall_by_kind: dict[str, PRF]  # by gold kind (fp: 0)
    precision_by_kind: dict[str, PRF]  # by predicted kind (fn: 0)
    lenient_recall_by_kind: dict[str, PRF]
    lenient_precision_by_kind: dict[str, PRF]
    exact_match: Matching[GoldPlace, PredPlace]
    overlap_match: Matching[GoldPlace, PredPlace]
    resolution: dict[str, tuple[int, int]]  # gold kind -> (right, matched)
    resolution_failures: list[tuple[GoldPlace, PredPlace, str]]
    roles: Counter  # (gold role, predicted role) -> n
    role_errors: list[tuple[GoldPlace, PredPlace]]
    traps: list[tuple[NotPlace, list[PredPlace]]]  # a not-place and the mentions over it
    not_places_by_why: Counter


def _by_kind(m: Matching[GoldPlace, PredPlace]) -> tuple[dict[str, PRF], dict[str, PRF]]:
    recall = {k: PRF(0, 0, 0) for k in KINDS}
    precision = {k: PRF(0, 0, 0) for k in KINDS}
    for g, p in m.pairs:
        recall[g.kind].tp += 1
        precision[predicted_kind(p.feature_code)].tp += 1
    for g in m.missed:
        recall[g.kind].fn += 1
    for p in m.spurious:
        precision[predicted_kind(p.feature_code)].fp += 1
    return recall, precision


def score_places(gold: Sequence[GoldPlace], not_places: Sequence[NotPlace],
                 pred: Sequence[PredPlace]) -> PlaceReport:
    pred = dedupe(pred)
    exact = match_exact(gold, pred)
    lenient = match_overlap(gold, pred)
    rk, pk = _by_kind(exact)
    lrk, lpk = _by_kind(lenient)
    resolution = {k: (0, 0) for k in KINDS}
    failures: list[tuple[GoldPlace, PredPlace, str]] = []
    roles: Counter = Counter()
    role_errors: list[tuple[GoldPlace, PredPlace]] = []
    for g, p in lenient.pairs:
        ok, why = resolution_ok(g, p)
        right, n = resolution[g.kind]
        resolution[g.kind] = (right + ok, n + 1)
        if not ok:
            failures.append((g, p, why))
        roles[(g.role, p.role)] += 1
        if g.role != p.role:
            role_errors.append((g, p))
    traps = [(n, [p for p in pred if overlaps(n, p)]) for n in sorted(not_places, key=_key)]
    traps = [(n, ps) for n, ps in traps if ps]
    return PlaceReport(exact.prf(), lenient.prf(), rk, pk, lrk, lpk, exact, lenient, resolution,
                       failures, roles, role_errors, traps,
                       Counter(n.why for n in not_places))


# ---------------------------------------------------------------------------------------------
# figures


def gold_bounds(p: PredFigure) -> tuple[int | None, int | None]:
    """The predicted range written the gold's way: None is unbounded on that side."""
    if p.qualifier == "at_least":
        return p.low, None
    if p.qualifier == "up_to":
        return None, p.high
    return p.low, p.high


def bounds_ok(g: GoldFigure, p: PredFigure) -> bool:
    """Same low and high as the gold, the predicted qualifier mapped to the gold's nulls."""
    return gold_bounds(p) == (g.low, g.high)


def numbers_ok(g: GoldFigure, p: PredFigure) -> bool:
    """Lenient: the same number(s) ignoring which side is open ("fast 9.000" read as about
    9.000 passes). Vague plurals: the program's convention is twice the gold's ("Tausende"
    >= 2.000 vs >= 1.000), so a vague prediction passes at twice the gold low."""
    want = {x for x in (g.low, g.high) if x is not None}
    if p.vague and g.low is not None and g.high is None:
        return p.low in (g.low, 2 * g.low)
    return want == {p.low, p.high} or (len(want) == 1 and want <= {p.low, p.high})


def source_exact(g: GoldFigure, p: PredFigure) -> bool:
    return g.source == p.source


def source_lenient(g: GoldFigure, p: PredFigure) -> bool:
    """Case-folded, either contained in the other; both None also agree."""
    if g.source is None or p.source is None:
        return g.source is None and p.source is None
    a, b = g.source.casefold().strip(), p.source.casefold().strip()
    return a in b or b in a


FIGURE_CHECKS: dict[str, Callable[[GoldFigure, PredFigure], bool]] = {
    "low/high (gold convention)": bounds_ok,
    "numbers (lenient)": numbers_ok,
    "category": lambda g, p: g.category == p.category,
    "actor": lambda g, p: g.actor == p.actor,
    "source exact": source_exact,
    "source lenient": source_lenient,
}


@dataclass
class FigureReport:
    prf: PRF  # gold "other" and predictions matched to it left out
    match: Matching[GoldFigure, PredFigure]  # over gold without "other"
    accuracy: dict[str, tuple[int, int]]  # check -> (right, matched)
    errors: dict[str, list[tuple[GoldFigure, PredFigure]]]
    other_found: list[tuple[GoldFigure, PredFigure]]
    other_missed: list[GoldFigure]
    not_people: int  # predictions left out as no people count
    by_category: dict[str, PRF]  # recall by gold category, precision by predicted category


def score_figures(gold: Sequence[GoldFigure], pred: Sequence[PredFigure]) -> FigureReport:
    people = [p for p in dedupe(pred) if p.category not in NOT_PEOPLE]
    all_match = match_overlap(gold, people)
    main = [(g, p) for g, p in all_match.pairs if g.category != OTHER_CATEGORY]
    other = [(g, p) for g, p in all_match.pairs if g.category == OTHER_CATEGORY]
    missed = [g for g in all_match.missed if g.category != OTHER_CATEGORY]
    m = Matching(main, missed, all_match.spurious)
    accuracy: dict[str, tuple[int, int]] = {}
    errors: dict[str, list[tuple[GoldFigure, PredFigure]]] = {}
    for name, check in FIGURE_CHECKS.items():
        wrong = [(g, p) for g, p in main if not check(g, p)]
        accuracy[name] = (len(main) - len(wrong), len(main))
        errors[name] = wrong
    cats = sorted({g.category for g in gold if g.category != OTHER_CATEGORY}
                  | {p.category for p in people})
    by_cat = {c: PRF(0, 0, 0) for c in cats}
    for g, p in main:
        if g.category == p.category:
            by_cat[g.category].tp += 1
        else:
            by_cat[g.category].fn += 1
            by_cat[p.category].fp += 1
    for g in missed:
        by_cat[g.category].fn += 1
    for p in m.spurious:
        by_cat[p.category].fp += 1
    return FigureReport(m.prf(), m, accuracy, errors, other,
                        [g for g in all_match.missed if g.category == OTHER_CATEGORY],
                        len(pred) - len(people), by_cat)


# ---------------------------------------------------------------------------------------------
# dates


@dataclass
class DateReport:
    prf: PRF
    exact: PRF
    match: Matching[GoldDate, PredDate]
    resolved: tuple[int, int]  # matched with a gold range: (same range, n)
    resolved_errors: list[tuple[GoldDate, PredDate]]
    unresolved_in_gold_but_resolved: int


def score_dates(gold: Sequence[GoldDate], pred: Sequence[PredDate]) -> DateReport:
    pred = dedupe(pred)
    m = match_overlap(gold, pred)
    with_range = [(g, p) for g, p in m.pairs if g.resolved_start is not None]
    wrong = [(g, p) for g, p in with_range
             if (p.begin, p.end_date) != (g.resolved_start, g.resolved_end)]
    extra = sum(1 for g, p in m.pairs if g.resolved_start is None and p.begin is not None)
    return DateReport(m.prf(), match_exact(gold, pred).prf(), m,
                      (len(with_range) - len(wrong), len(with_range)), wrong, extra)


# ---------------------------------------------------------------------------------------------
# gazetteer ceiling


def ceiling(gold: Sequence[GoldPlace], known: Callable[[str], bool]) -> dict[str, tuple[int, int]]:
    """Per gold kind and "all": (mentions whose surface the gazetteer holds, mentions)."""
    out = {k: (0, 0) for k in (*KINDS, "all")}
    for g in gold:
        hit = bool(known(g.surface))
        for k in (g.kind, "all"):
            a, n = out[k]
            out[k] = (a + hit, n + 1)
    return out


# ---------------------------------------------------------------------------------------------
# running the program


def run_pipeline(folder: Path = ARTICLES, published: dict[str, date | None] | None = None
                 ) -> tuple[dict[str, str], list[PredPlace], list[PredFigure], list[PredDate] | None]:
    """Texts, mentions, figures and (if ``geo.dates`` exists) temporal expressions."""
    from geo.pipeline import analyse
    from geo.text.reading import read_paths

    articles, messages = read_paths(sorted(folder.glob("*.txt")))
    for msg in messages:
        print(f"reading: {msg}")
    analysis = analyse(articles)
    texts = {a.id: a.text for a in articles}
    places = [PredPlace(m.article, m.start, m.end, m.surface, m.role, m.place.place_id,
                        m.place.name, m.place.name_de, m.place.feature_code,
                        m.place.country_code, m.place.admin1, m.place.lat, m.place.lon)
              for m in analysis.mentions]
    figures = [PredFigure(f.article, f.start, f.end, f.text, f.low, f.high, f.qualifier,
                          f.vague, f.category, f.actor, f.source) for f in analysis.figures]
    try:
        from geo.dates import find_temporal
    except ImportError:
        return texts, places, figures, None
    dates = [PredDate(aid, e.start, e.end, e.text,
                      e.begin.isoformat() if e.begin else None,
                      e.end_date.isoformat() if e.end_date else None)
             for aid in sorted(texts)
             for e in find_temporal(texts[aid], (published or {}).get(aid))]
    return texts, places, figures, dates


def known_name_function() -> Callable[[str], bool] | None:
    try:
        from geo.gazetteer import load
        from geo.places.recognise import known_name
    except ImportError:
        return None
    gaz = load()
    return lambda surface: known_name(surface, gaz)


# ---------------------------------------------------------------------------------------------
# printing


def pct(a: int, n: int) -> str:
    return f"{a}/{n} = {a / n:.3f}" if n else f"{a}/0 = -"


def where(texts: dict[str, str], x: Spanned, width: int = 20) -> str:
    t = texts.get(x.article, "")
    left = t[max(0, x.start - width):x.start].replace("\n", " ")
    right = t[x.end:x.end + width].replace("\n", " ")
    return f"{x.article}@{x.start}: …{left}[{t[x.start:x.end]}]{right}…"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    rows = [[str(c) for c in r] for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  " + "  ".join(str(h).ljust(w) for h, w in zip(header, widths)))
    print("  " + "  ".join("-" * w for w in widths))
    for r in rows:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)))


def prf_row(name: str, r: PRF) -> list[str]:
    return [name, str(r.tp), str(r.fp), str(r.fn), f"{r.precision:.3f}", f"{r.recall:.3f}",
            f"{r.f1:.3f}"]


def _pred_place(p: PredPlace) -> str:
    return f"{p.name} [{p.feature_code} {p.country_code}] ({p.role})"


def print_places(r: PlaceReport, texts: dict[str, str], listing: bool, width: int,
                 known: Callable[[str], bool] | None = None) -> None:
    print("\nPLACES: recognition (exact = same offsets; overlap = one-to-one overlapping spans)")
    table(["match", "tp", "fp", "fn", "P", "R", "F1"],
          [prf_row("exact", r.exact), prf_row("overlap", r.lenient)])
    print("\n  by kind: recall by the gold kind; precision by the kind of the predicted place,")
    print("  from its feature code (PCL*/CONT -> country, ADM* -> region, PPL* -> settlement,")
    print("  anything else -> other)")
    rows = []
    for k in KINDS:
        rk, pk, lrk, lpk = (r.recall_by_kind[k], r.precision_by_kind[k],
                            r.lenient_recall_by_kind[k], r.lenient_precision_by_kind[k])
        rows.append([k, rk.tp + rk.fn, f"{rk.recall:.3f}", f"{lrk.recall:.3f}",
                     pk.tp + pk.fp, f"{pk.precision:.3f}", f"{lpk.precision:.3f}"])
    table(["kind", "gold", "R exact", "R overlap", "predicted", "P exact", "P overlap"], rows)

    print("\nPLACES: resolution on overlap-matched mentions (settlement <= 25 km, other <= 150 km,")
    print("  region <= 150 km or same region name, country: same country code)")
    rows = [[k, *pct(*r.resolution[k]).split(" = ")] for k in KINDS]
    right = sum(a for a, _ in r.resolution.values())
    n = sum(b for _, b in r.resolution.values())
    rows.append(["all", *pct(right, n).split(" = ")])
    table(["gold kind", "right/matched", "accuracy"], rows)
    print(f"  failures ({len(r.resolution_failures)}):")
    for g, p, why in r.resolution_failures:
        print(f"    {where(texts, g, width)}  gold {g.referent} ({g.kind}, {g.country}); got "
              f"{_pred_place(p)}: {why}")

    print("\nPLACES: role on overlap-matched mentions")
    table(["gold \\ predicted", "place", "speaker"],
          [[gr, r.roles[(gr, "place")], r.roles[(gr, "speaker")]] for gr in ("place", "speaker")])
    n = sum(r.roles.values())
    print(f"  accuracy {pct(n - len(r.role_errors), n)}")
    if listing:
        for g, p in r.role_errors:
            print(f"    {where(texts, g, width)}  gold {g.role}, got {p.role}")

    print("\nPLACES: traps (gold not_places that a predicted mention overlaps)")
    taken = Counter(n.why for n, _ in r.traps)
    table(["why", "taken", "in gold"],
          [[w, taken[w], r.not_places_by_why[w]] for w in sorted(r.not_places_by_why)]
          + [["all", len(r.traps), sum(r.not_places_by_why.values())]])
    for np_, ps in r.traps:
        print(f"    {np_.why:<12} {where(texts, np_, width)} -> "
              + "; ".join(f"{p.surface!r} {_pred_place(p)}" for p in ps))

    if listing:
        bad_spans = [(g, p) for g, p in r.overlap_match.pairs if _key(g) != _key(p)]
        print(f"\n  boundary differences (overlap but not exact): {len(bad_spans)}")
        for g, p in bad_spans:
            print(f"    {where(texts, g, width)}  predicted {p.surface!r}")
        missed = r.overlap_match.missed
        print(f"\n  missed gold places (no overlapping prediction): {len(missed)}")
        if known is not None:
            print(f"  ({sum(1 for g in missed if known(g.surface))} of them name something the "
                  "gazetteer holds; the rest are marked [not in gazetteer])")
        for g in missed:
            mark = "" if known is None or known(g.surface) else "  [not in gazetteer]"
            print(f"    {where(texts, g, width)}  {g.kind} {g.referent} ({g.role}){mark}")
        trap_keys = {_key(p) for _, ps in r.traps for p in ps}
        fps = r.overlap_match.spurious
        print(f"\n  false positive places (no overlapping gold place): {len(fps)}")
        for p in fps:
            mark = "  [trap]" if _key(p) in trap_keys else ""
            print(f"    {where(texts, p, width)} -> {_pred_place(p)}{mark}")


def _fig(f: GoldFigure | PredFigure) -> str:
    if isinstance(f, GoldFigure):
        return f"{f.low}/{f.high} {f.category} actor={f.actor} source={f.source!r}"
    lo, hi = gold_bounds(f)
    return (f"{lo}/{hi} ({f.qualifier}{', vague' if f.vague else ''}) {f.category} "
            f"actor={f.actor} source={f.source!r}")


def print_figures(r: FigureReport, texts: dict[str, str], listing: bool, width: int) -> None:
    print("\nFIGURES: one-to-one overlapping spans; gold category 'other' kept apart")
    table(["", "tp", "fp", "fn", "P", "R", "F1"], [prf_row("figures", r.prf)])
    print(f"  ({r.not_people} predicted non-people figures (area) left out)")
    print("\n  by category: a matched figure with the wrong category is a fn of the gold category")
    print("  and a fp of the predicted one")
    table(["category", "tp", "fp", "fn", "P", "R", "F1"],
          [prf_row(c, x) for c, x in r.by_category.items()])
    print("\n  attributes of matched figures")
    table(["check", "right/matched", "accuracy"],
          [[k, *pct(*v).split(" = ")] for k, v in r.accuracy.items()])
    print(f"\n  gold 'other' people counts: {len(r.other_found) + len(r.other_missed)}; "
          f"the program gave {len(r.other_found)} of them a category: "
          f"{dict(sorted(Counter(p.category for _, p in r.other_found).items()))}")
    if listing:
        for g, p in r.other_found:
            print(f"    {where(texts, g, width)}  taken as {p.category}")
        for name, wrong in r.errors.items():
            if name in ("numbers (lenient)", "source lenient") or not wrong:
                continue
            print(f"\n  {name} errors: {len(wrong)}")
            for g, p in wrong:
                print(f"    {where(texts, g, width)}")
                print(f"        gold {_fig(g)}")
                print(f"        got  {_fig(p)}")
        print_misses("figures", r.match, texts, width, _fig)


def print_misses(what: str, match: Any, texts: dict[str, str], width: int,
                 describe: Callable[[Any], str]) -> None:
    """The unmatched gold items and the unmatched predictions, one line each."""
    for label, items in (("missed", match.missed), ("false positive", match.spurious)):
        print(f"\n  {label} {what}: {len(items)}")
        for item in items:
            print(f"    {where(texts, item, width)}  {describe(item)}".rstrip())


def print_dates(r: DateReport | None, texts: dict[str, str], listing: bool, width: int) -> None:
    print("\nDATES: geo.dates.find_temporal, one-to-one overlapping spans")
    if r is None:
        print("  geo.dates not importable: skipped")
        return
    table(["match", "tp", "fp", "fn", "P", "R", "F1"],
          [prf_row("overlap", r.prf), prf_row("exact", r.exact)])
    print(f"  resolved range equal to the gold's (matched, gold range known): {pct(*r.resolved)}")
    print(f"  resolved although the gold leaves them open: {r.unresolved_in_gold_but_resolved}")
    if listing:
        for g, p in r.resolved_errors:
            print(f"    {where(texts, g, width)}  gold {g.resolved_start}..{g.resolved_end}, "
                  f"got {p.begin}..{p.end_date}")
        print_misses("dates", r.match, texts, width, lambda _: "")


def print_ceiling(c: dict[str, tuple[int, int]] | None) -> None:
    print("\nGAZETTEER CEILING: gold place mentions whose surface geo.places.recognise.known_name accepts")
    if c is None:
        print("  geo.places.recognise.known_name not importable: skipped")
        return
    table(["gold kind", "known/gold", "share"], [[k, *pct(*c[k]).split(" = ")] for k in c])


def report_json(places: PlaceReport, figures: FigureReport, dates: DateReport | None,
                c: dict[str, tuple[int, int]] | None, seconds: float,
                gold: Path = GOLD) -> dict[str, Any]:
    """The figures as JSON for the README."""
    def ratio(a: int, n: int) -> dict[str, Any]:
        return {"right": a, "n": n, "share": round(a / n, 4) if n else None}

    def recall(r: PRF) -> dict[str, Any]:
        return {"tp": r.tp, "fn": r.fn, "recall": round(r.recall, 4)}

    def precision(r: PRF) -> dict[str, Any]:
        return {"tp": r.tp, "fp": r.fp, "precision": round(r.precision, 4)}

    return {
        "gold": str(gold.resolve().relative_to(ROOT) if gold.resolve().is_relative_to(ROOT)
                    else gold),
        "places": {
            "exact": places.exact.as_dict(), "overlap": places.lenient.as_dict(),
            "recall_by_gold_kind": {k: recall(v) for k, v in places.recall_by_kind.items()},
            "precision_by_predicted_kind": {k: precision(v)
                                            for k, v in places.precision_by_kind.items()},
            "overlap_recall_by_gold_kind": {k: recall(v)
                                            for k, v in places.lenient_recall_by_kind.items()},
            "overlap_precision_by_predicted_kind": {
                k: precision(v) for k, v in places.lenient_precision_by_kind.items()},
            "resolution": {k: ratio(*v) for k, v in places.resolution.items()},
            "role": ratio(sum(places.roles.values()) - len(places.role_errors),
                          sum(places.roles.values())),
            "traps_taken": dict(sorted(Counter(n.why for n, _ in places.traps).items())),
            "not_places": dict(sorted(places.not_places_by_why.items())),
        },
        "figures": {
            "match": figures.prf.as_dict(),
            "by_category": {k: v.as_dict() for k, v in figures.by_category.items()},
            "attributes": {k: ratio(*v) for k, v in figures.accuracy.items()},
            "gold_other": {"found": len(figures.other_found),
                           "missed": len(figures.other_missed)},
        },
        "dates": None if dates is None else {
            "overlap": dates.prf.as_dict(), "exact": dates.exact.as_dict(),
            "resolved": ratio(*dates.resolved)},
        "gazetteer_ceiling": None if c is None else {k: ratio(*v) for k, v in c.items()},
        "seconds": round(seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print every miss and false positive")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    ap.add_argument("--context", type=int, default=20, help="characters of context each side")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, metavar="DIR",
                    help="a gold folder (gold.json, articles/); default the held-out test set")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    gold_file = args.gold / "gold.json"
    gold = load_gold(gold_file)
    try:
        texts, places, figures, dates = run_pipeline(args.gold / "articles", gold.published)
    except ImportError as err:
        print(f"the pipeline is not importable ({err})", file=sys.stderr)
        return 2
    load_gold(gold_file, texts)  # every gold offset quotes the text as the program read it
    known = known_name_function()
    pr = score_places(gold.places, gold.not_places, places)
    fr = score_figures(gold.figures, figures)
    dr = None if dates is None else score_dates(gold.dates, dates)
    cr = None if known is None else ceiling(gold.places, known)
    print(f"Real-news gold: {len(texts)} articles, {len(gold.places)} place mentions, "
          f"{len(gold.not_places)} not-places, {len(gold.figures)} figures, "
          f"{len(gold.dates)} dates")
    print(f"Predicted: {len(places)} place mentions, {len(figures)} figures"
          + ("" if dates is None else f", {len(dates)} temporal expressions"))
    print_places(pr, texts, args.list, args.context, known)
    print_figures(fr, texts, args.list, args.context)
    print_dates(dr, texts, args.list, args.context)
    print_ceiling(cr)
    seconds = time.perf_counter() - t0
    print(f"\n{seconds:.1f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(report_json(pr, fr, dr, cr, seconds, gold_file),
                                              indent=1,
                                              ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
