"""Place recognition and resolution measured against gold nobody fitted the code to.

(a) the project's hand-made gold for the five seed articles (``tests/gold/places_seeds.json``):
    place-mention precision/recall (right span *and* right place), resolution errors (right span,
    wrong place), role errors, distance of each resolved gold place from its true point, homonym
    traps taken, non-place mentions produced;
(b) GermEval 2014 dev (``NER-de-dev.tsv``): LOC-span precision/recall/F1, exact span match, outer
    column B-LOC/I-LOC only (LOCderiv and LOCpart are not LOC).

Run ``python benchmarks/eval_places.py [--germeval PATH] [--limit N] [--errors N]``. Prints, exits 0.
The scoring functions (``read_germeval``, ``loc_spans``, ``score_spans``, ``evaluate_germeval``,
``load_gold``, ``score_seeds``) take plain data so tests can check the scorer itself.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "places_seeds.json"
SEEDS = ROOT / "seeds"
GERMEVAL = ROOT.parent / "shared" / "data" / "germeval" / "NER-de-dev.tsv"

if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------------------------------------
# shared scoring


@dataclass
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}

    def line(self) -> str:
        return (f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


def score_spans(gold: Iterable[tuple], predicted: Iterable[tuple]) -> PRF:
    """Exact-match scoring of two sets of hashable span keys (e.g. (sentence, start, end))."""
    g, p = set(gold), set(predicted)
    return PRF(len(g & p), len(p - g), len(g - p))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


# ---------------------------------------------------------------------------------------------
# (b) GermEval 2014


@dataclass
class GermEvalSentence:
    tokens: list[str]
    outer: list[str]  # outer-column tags, one per token


def read_germeval(path: str | Path) -> list[GermEvalSentence]:
    """GermEval 2014 TSV: '#' lines are sentence headers, blank lines end sentences, token lines
    are ``index<TAB>token<TAB>outer<TAB>nested``."""
    sentences: list[GermEvalSentence] = []
    tokens: list[str] = []
    outer: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(GermEvalSentence(list(tokens), list(outer)))
        tokens.clear()
        outer.clear()

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                flush()
                continue
            if not line.strip():
                flush()
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            tokens.append(cols[1])
            outer.append(cols[2])
    flush()
    return sentences


def loc_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token spans [start, end) of outer-column LOC entities: B-LOC starts one, I-LOC continues
    it (an I-LOC with no LOC before it starts one, as conlleval does). B-LOCderiv, B-LOCpart and
    the rest are not LOC."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag == "B-LOC" or (tag == "I-LOC" and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif tag == "I-LOC":
            continue
        else:
            if start is not None:
                spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(tags)))
    return spans


def token_offsets(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined by single spaces, and each token's (start, end) in that text."""
    offsets: list[tuple[int, int]] = []
    pos = 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), offsets


# A predictor gets many texts at once (one call to the pipeline is much faster than thousands)
# and returns, per text, the character spans it predicts as place mentions.
Predictor = Callable[[list[str]], list[list[tuple[int, int]]]]


@dataclass
class GermEvalReport:
    prf: PRF
    sentences: int
    predictions: int
    unaligned: int  # predicted spans that do not start at a token start and end at a token end
    false_positives: Counter = field(default_factory=Counter)  # surface -> count
    false_negatives: Counter = field(default_factory=Counter)
    unaligned_surfaces: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def evaluate_germeval(path: str | Path, predict: Predictor, limit: int | None = None,
                      batch: int = 500) -> GermEvalReport:
    """LOC-span P/R/F1 of ``predict`` on a GermEval file, exact token-span match."""
    sentences = read_germeval(path)
    if limit is not None:
        sentences = sentences[:limit]
    gold: set[tuple[int, int, int]] = set()
    pred: set[tuple[int, int, int]] = set()
    surfaces: dict[tuple[int, int, int], str] = {}
    n_pred = unaligned = 0
    unaligned_surfaces: Counter = Counter()
    started = time.perf_counter()
    for b in range(0, len(sentences), batch):
        chunk = sentences[b:b + batch]
        texts, offsets = zip(*(token_offsets(s.tokens) for s in chunk))
        predicted = predict(list(texts))
        for k, (sent, text, offs, spans) in enumerate(zip(chunk, texts, offsets, predicted)):
            sid = b + k
            for ts, te in loc_spans(sent.outer):
                key = (sid, ts, te)
                gold.add(key)
                surfaces[key] = " ".join(sent.tokens[ts:te])
            starts = {s: i for i, (s, _) in enumerate(offs)}
            ends = {e: i for i, (_, e) in enumerate(offs)}
            for cs, ce in set(spans):
                n_pred += 1
                if cs in starts and ce in ends and starts[cs] <= ends[ce]:
                    key = (sid, starts[cs], ends[ce] + 1)
                    pred.add(key)
                    surfaces[key] = text[cs:ce]
                else:
                    unaligned += 1
                    unaligned_surfaces[text[cs:ce]] += 1
    prf = score_spans(gold, pred)
    return GermEvalReport(
        prf, len(sentences), n_pred, unaligned,
        Counter(surfaces[k] for k in pred - gold), Counter(surfaces[k] for k in gold - pred),
        unaligned_surfaces, time.perf_counter() - started)


def gold_surfaces(path: str | Path, limit: int | None = None) -> list[str]:
    """The surface of every outer LOC span, as in the evaluation."""
    sentences = read_germeval(path)[:limit]
    return [" ".join(s.tokens[a:b]) for s in sentences for a, b in loc_spans(s.outer)]


def gazetteer_ceiling(surfaces: list[str]) -> tuple[int, float, float]:
    """How many gold spans name something the gazetteer holds, and the recall and F1 a
    recogniser limited to the gazetteer could reach at best (finding all of them, nothing
    else)."""
    from geo.gazetteer import load
    from geo.places.recognise import known_name

    gaz = load()
    known = sum(known_name(s, gaz) for s in surfaces)
    recall = known / len(surfaces) if surfaces else 0.0
    return known, recall, 2 * recall / (1 + recall) if recall else 0.0


def pipeline_predictor(texts: list[str]) -> list[list[tuple[int, int]]]:
    """The project's recogniser: each text an article, all analysed in one call."""
    from geo.pipeline import analyse
    from geo.text.reading import article_from_text

    names = [f"germeval{i:06d}" for i in range(len(texts))]
    articles = [article_from_text(name, text) for name, text in zip(names, texts)]
    analysis = analyse(articles)
    by_article: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
    for m in analysis.mentions:
        by_article[m.article].append((m.start, m.end))
    return [by_article[name] for name in names]


# ---------------------------------------------------------------------------------------------
# (a) seed gold


@dataclass(frozen=True)
class GoldMention:
    article: str
    start: int
    end: int
    surface: str
    place_id: str
    lat: float
    lon: float
    point_precision: str
    role: str
    role_sure: bool
    also_acceptable: tuple[str, ...]
    context: str

    def accepts(self, place_id: str) -> bool:
        return place_id == self.place_id or place_id in self.also_acceptable


@dataclass
class Gold:
    mentions: list[GoldMention]
    optional: list[GoldMention]
    non_places: dict[str, list[tuple[int, int, str]]]  # article -> (start, end, surface)
    traps: dict[str, str]  # place_id -> why it is wrong


def _occurrence_start(text: str, surface: str, occurrence: int) -> int:
    i = -1
    for _ in range(occurrence + 1):
        i = text.find(surface, i + 1)
        if i < 0:
            raise ValueError(f"{surface!r} occurs fewer than {occurrence + 1} times")
    return i


def load_gold(texts: dict[str, str], path: str | Path = GOLD) -> Gold:
    """The gold with offsets computed from surface + occurrence in each article's text (and
    checked against the offsets stored in the file)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))

    def mention(aid: str, e: dict) -> GoldMention:
        text = texts[aid]
        start = _occurrence_start(text, e["surface"], e["occurrence"])
        if "start" in e and e["start"] != start:
            raise ValueError(f"{aid}: {e['surface']!r} #{e['occurrence']} is at {start}, "
                             f"gold says {e['start']}")
        return GoldMention(aid, start, start + len(e["surface"]), e["surface"], e["place_id"],
                           e["lat"], e["lon"], e["point_precision"], e["role"],
                           e.get("role_sure", True), tuple(e.get("also_acceptable", ())),
                           e.get("context", ""))

    mentions, optional = [], []
    non_places: dict[str, list[tuple[int, int, str]]] = {}
    for aid, a in data["articles"].items():
        if aid not in texts:
            continue
        mentions += [mention(aid, e) for e in a["mentions"]]
        optional += [mention(aid, e) for e in a.get("optional", [])]
        spans = non_places.setdefault(aid, [])
        for np_ in a.get("non_places", []):
            s = np_["surface"]
            i = texts[aid].find(s)
            if i < 0:
                raise ValueError(f"{aid}: non-place {s!r} not in the text")
            while i >= 0:
                spans.append((i, i + len(s), s))
                i = texts[aid].find(s, i + 1)
    return Gold(mentions, optional, non_places, data.get("traps", {}))


@dataclass(frozen=True)
class Predicted:
    """What the scorer needs of a pipeline Mention."""

    article: str
    start: int
    end: int
    surface: str
    role: str
    place_id: str
    lat: float
    lon: float
    precision: str


@dataclass
class SeedReport:
    prf: PRF  # right span and right place
    span_prf: PRF  # right span, any place
    resolution_errors: list[tuple[GoldMention, Predicted]]
    role_errors: list[tuple[GoldMention, Predicted]]
    missed: list[GoldMention]
    false_positives: list[Predicted]
    non_place_hits: list[tuple[Predicted, str]]  # a predicted mention over a listed non-place
    traps_taken: list[Predicted]
    distances: list[tuple[GoldMention, Predicted, float]]  # for gold mentions found at all
    surface_mismatches: list[Predicted]  # text[start:end] != surface


def score_seeds(gold: Gold, predicted: list[Predicted], texts: dict[str, str]) -> SeedReport:
    gold_by_span = {(g.article, g.start, g.end): g for g in gold.mentions}
    optional = {(g.article, g.start, g.end) for g in gold.optional}
    pred_by_span: dict[tuple[str, int, int], Predicted] = {}
    for p in predicted:
        pred_by_span.setdefault((p.article, p.start, p.end), p)
    tp = fp = 0
    resolution, roles, fps, non_place_hits, traps, distances = [], [], [], [], [], []
    for key, p in pred_by_span.items():
        if p.place_id in gold.traps:
            traps.append(p)
        g = gold_by_span.get(key)
        if g is None:
            if key in optional:
                continue
            fp += 1
            fps.append(p)
            for s, e, surface in gold.non_places.get(p.article, []):
                if p.start < e and s < p.end:
                    non_place_hits.append((p, surface))
                    break
            continue
        distances.append((g, p, haversine_km(g.lat, g.lon, p.lat, p.lon)))
        if g.accepts(p.place_id):
            tp += 1
        else:
            fp += 1
            resolution.append((g, p))
        if p.role != g.role:
            roles.append((g, p))
    missed = [g for key, g in gold_by_span.items() if key not in pred_by_span]
    found_spans = len(gold_by_span) - len(missed)
    mismatches = [p for p in predicted if texts[p.article][p.start:p.end] != p.surface]
    return SeedReport(
        PRF(tp, fp, len(gold_by_span) - tp),
        PRF(found_spans, len(fps), len(missed)),
        resolution, roles, missed, fps, non_place_hits, traps, distances, mismatches)


def run_pipeline_on_seeds(seeds: Path = SEEDS) -> tuple[dict[str, str], list[Predicted]]:
    from geo.pipeline import analyse
    from geo.text.reading import read_paths

    articles, messages = read_paths(sorted(seeds.glob("*.txt")))
    for msg in messages:
        print(f"  reading: {msg}")
    analysis = analyse(articles)
    texts = {a.id: a.text for a in articles}
    predicted = [Predicted(m.article, m.start, m.end, m.surface, m.role, m.place.place_id,
                           m.place.lat, m.place.lon, m.place.precision)
                 for m in analysis.mentions]
    return texts, predicted


# ---------------------------------------------------------------------------------------------
# printing


def _where(texts: dict[str, str], article: str, start: int, end: int, width: int = 30) -> str:
    text = texts[article]
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{article[:3]}@{start}: …{left}[{text[start:end]}]{right}…"


def print_seed_report(r: SeedReport, texts: dict[str, str], errors: int) -> None:
    print(f"  mentions (span and place right): {r.prf.line()}")
    print(f"  spans only (place ignored):      {r.span_prf.line()}")
    print(f"  resolution errors (right span, wrong place): {len(r.resolution_errors)}")
    for g, p in r.resolution_errors[:errors]:
        print(f"    {_where(texts, g.article, g.start, g.end)}  gold {g.place_id}, got "
              f"{p.place_id} ({haversine_km(g.lat, g.lon, p.lat, p.lon):.0f} km off)")
    print(f"  role errors: {len(r.role_errors)} "
          f"({sum(1 for g, _ in r.role_errors if g.role_sure)} where the gold role is sure)")
    for g, p in r.role_errors[:errors]:
        sure = "" if g.role_sure else " (gold role debatable)"
        print(f"    {_where(texts, g.article, g.start, g.end)}  gold {g.role}, got {p.role}{sure}")
    print(f"  traps taken: {len(r.traps_taken)}")
    for p in r.traps_taken:
        print(f"    {_where(texts, p.article, p.start, p.end)} -> {p.place_id}")
    print(f"  non-place mentions produced (over a listed non-place): {len(r.non_place_hits)}")
    for p, surface in r.non_place_hits[:errors]:
        print(f"    {_where(texts, p.article, p.start, p.end)} -> {p.place_id} (non-place "
              f"{surface!r})")
    print(f"  false positives: {len(r.false_positives)}")
    for p in r.false_positives[:errors]:
        print(f"    {_where(texts, p.article, p.start, p.end)} -> {p.place_id} ({p.role})")
    print(f"  missed gold mentions: {len(r.missed)}")
    for g in r.missed[:errors]:
        print(f"    {_where(texts, g.article, g.start, g.end)}  ({g.place_id}, {g.role})")
    print(f"  surface != text[start:end]: {len(r.surface_mismatches)}")
    if r.distances:
        far = [(g, p, d) for g, p, d in r.distances if d > 10]
        print(f"  distance from the true point, {len(r.distances)} gold mentions found: "
              f"max {max(d for *_, d in r.distances):.1f} km; {len(far)} over 10 km")
        seen: set[tuple[str, str]] = set()
        for g, p, d in sorted(r.distances, key=lambda x: -x[2]):
            if (g.place_id, p.place_id) in seen:
                continue
            seen.add((g.place_id, p.place_id))
            note = "  [gold point is a district seat]" if g.point_precision == "district" else ""
            print(f"    {g.surface:<20} gold {g.place_id:<32} got {p.place_id:<32} "
                  f"{d:8.1f} km  precision {p.precision}{note}")


def print_germeval_report(r: GermEvalReport, errors: int) -> None:
    print(f"  {r.sentences} sentences, {r.prf.tp + r.prf.fn} gold LOC spans, {r.predictions} "
          f"predicted spans ({r.unaligned} not aligned to tokens, counted as neither)")
    print(f"  LOC spans: {r.prf.line()}")
    print(f"  {r.seconds:.1f} s")
    for title, counter in (("false positives", r.false_positives),
                           ("false negatives", r.false_negatives),
                           ("unaligned predictions", r.unaligned_surfaces)):
        total = sum(counter.values())
        print(f"  top {title} ({total} in all):")
        for surface, n in counter.most_common(errors):
            print(f"    {n:4d}  {surface}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--germeval", default=str(GERMEVAL), help="GermEval 2014 TSV")
    ap.add_argument("--limit", type=int, default=None, help="first N GermEval sentences only")
    ap.add_argument("--errors", type=int, default=25, help="how many errors to list per kind")
    ap.add_argument("--gold", default=str(GOLD), help="seed gold JSON")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        import geo.pipeline  # noqa: F401  (the API this script measures)
        import geo.text.reading  # noqa: F401
        from geo.gazetteer import load

        load()
    except ImportError as err:
        print(f"the pipeline is not importable ({err})", file=sys.stderr)
        return 2
    print(f"gazetteer loaded in {time.perf_counter() - t0:.2f} s")

    print(f"\n(a) seed gold: {args.gold}")
    t1 = time.perf_counter()
    texts, predicted = run_pipeline_on_seeds()
    gold = load_gold(texts, args.gold)
    print_seed_report(score_seeds(gold, predicted, texts), texts, args.errors)
    print(f"  {time.perf_counter() - t1:.2f} s")

    print(f"\n(b) GermEval 2014 dev, outer LOC spans: {args.germeval}")
    if Path(args.germeval).exists():
        report = evaluate_germeval(args.germeval, pipeline_predictor, args.limit)
        print_germeval_report(report, args.errors)
        surfaces = gold_surfaces(args.germeval, args.limit)
        known, recall, f1 = gazetteer_ceiling(surfaces)
        print(f"  gazetteer ceiling: {known} of {len(surfaces)} gold spans name something the "
              f"gazetteer holds; a gazetteer-bound recogniser reaches at best R {recall:.3f}, "
              f"F1 {f1:.3f} (at precision 1.0)")
    else:
        print("  file not found, skipped")
    print(f"\ntotal runtime {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
