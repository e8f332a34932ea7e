"""Fit the place resolver's feature weights, and link GermEval dev LOC spans to places.

    python scripts/fit_resolution.py link   # write tests/gold/germeval_dev_links.json
    python scripts/fit_resolution.py fit    # write data/lexicon/resolution_weights.json

The resolver (``geo.places.resolve``) scores each candidate place of a recognised name by named
features (``geo.places.resolve.FEATURES``). ``fit`` learns their weights with a conditional logistic
regression: for each gold mention with two candidates or more, the probability of its gold place
is the softmax of the candidates' scores; the weights maximise the log-likelihood of the gold
places minus an L2 penalty, by Newton's method (numpy only). The features come from
``geo.places.resolve.resolution_cases``, which calls the same ``candidate_features`` as the resolver.

Training data, all kept in ``tests/gold``: the seed gold (``places_seeds.json``), the GermEval
2014 dev links (``germeval_dev_links.json``) and the real-news training set
(``real_news_train``: 53 articles annotated blind, each place with its kind and point; the
candidate counted right is the nearest one that ``benchmarks/eval_real_news.py`` would score as
right, of the gold's kind when there is one). Never the held-out real-news gold
(``tests/gold/real_news``), never GermEval test.

``link`` links each GermEval dev LOC span (outer column) to a gazetteer place where that is
unambiguous: the span's only candidate (among the recogniser's candidates, else the gazetteer's
entries of that exact name), or the place written in ``BY_HAND`` after reading every sentence the
surface occurs in; surfaces in ``UNCLEAR`` (the reader could not tell, or the right place is no
candidate) stay unlinked. A surface with several candidates in neither table is listed for a
reader to decide.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_real_news as news  # noqa: E402
from eval_places import GERMEVAL, load_gold, loc_spans, read_germeval, token_offsets  # noqa: E402

from geo import gazetteer  # noqa: E402
from geo.places.resolve import FEATURES, Case, resolution_cases  # noqa: E402
from geo.text.reading import article_from_text, read_paths  # noqa: E402
from geo.text.sentences import split_sentences  # noqa: E402

LINKS = ROOT / "tests" / "gold" / "germeval_dev_links.json"
SEED_GOLD = ROOT / "tests" / "gold" / "places_seeds.json"
NEWS_TRAIN = ROOT / "tests" / "gold" / "real_news_train"
WEIGHTS = ROOT / "data" / "lexicon" / "resolution_weights.json"
L2 = 1.0  # the penalty on the squared weights: features are 0..1, the data a few hundred names

# Surfaces with several candidates, decided by reading every dev sentence they occur in.
BY_HAND = {
    "Alexandria": "geonames:361058", "Amberg": "geonames:2956656",
    "Amsterdam": "geonames:2759794", "Arzberg": "geonames:2955368",  # "600 Jahre Stadt Arzberg"
    "BOCHUM": "geonames:2947416", "Bochum": "geonames:2947416",
    "Barcino": "geonames:3128760", "Berlin": "geonames:2950159", "Bern": "geonames:2661552",
    "Birmingham": "geonames:2655603", "Bonn": "geonames:2946447", "Boston": "geonames:4930956",
    "Bozen": "geonames:3181913", "Brandenburg": "ne:DEU-3487",  # "von Brandenburg nach Bayern"
    "Bremen": "geonames:2944388", "Chicago": "geonames:4887398", "CHICAGO": "geonames:4887398",
    "Canning Town": "geonames:11549407", "Cavaillon": "geonames:3028134",
    "Charlottesville": "geonames:4752031", "Chile": "geonames:3895114",
    "Clermont": "geonames:3024635",  # Bishop Avitus: Clermont-Ferrand
    "Corpus Christi": "geonames:4683416", "Darmstadt": "geonames:2938913",
    "Dresden": "geonames:2935022", "England": "ne:GBR-2054",
    "Frankfurt": "geonames:2925533",  # FMH Finanzberatung: Frankfurt am Main
    "Freiburg": "geonames:2925177", "Georgia": "geonames:614540",  # with Südossetien
    "Halle": "geonames:2911522", "Hatfield": "geonames:2647349", "Hof": "geonames:2902768",
    "Holland": "geonames:2750405", "Houston": "geonames:4699066", "Iowa": "ne:USA-3529",
    "Joachimsthal": "geonames:3074587",  # a ČSD train: Jáchymov in Bohemia
    "Kanada": "geonames:6251999", "Kiel": "geonames:2891122", "Kosovo": "geonames:831053",
    "Leipzig": "geonames:2879139", "London": "geonames:2643743", "Madrid": "geonames:3117735",
    "Malta": "geonames:2562770", "Manhattan": "geonames:5125771",
    "Mannheim": "geonames:2873891", "Maribor": "geonames:3195506", "Melbourne": "geonames:2158177",
    "Minden": "geonames:2871039", "Missouri": "ne:USA-3531", "Montreal": "geonames:6077243",
    "New York": "geonames:5128581", "Oberhausen": "geonames:2860410",
    "Paris": "geonames:2988507", "Parma": "geonames:3171457", "Peking": "geonames:1816670",
    "Peru": "geonames:3932488", "Pittsburgh": "geonames:5206379", "Polen": "geonames:798544",
    "Potsdam": "geonames:2852458", "Prag": "geonames:3067696", "Puerto Rico": "geonames:4566966",
    "Rom": "geonames:3169070", "Rostock": "geonames:2844588", "Rotterdam": "geonames:2747891",
    "San Juan": "geonames:4568127", "San Remo": "geonames:3167777",
    "Stuttgart": "geonames:2825297", "São Paulo": "geonames:3448439",
    "Thüringen": "ne:DEU-1577", "Timbuktu": "geonames:2449067", "Tuzla": "geonames:3188582",
    "USA": "geonames:6252001", "Ukraine": "geonames:690791",
    "Waldenburg": "geonames:3082707",  # "Fürstenstein bei Waldenburg": Wałbrzych
    "Washington": "geonames:4140963", "Wien": "geonames:2761369",
}
# Read, and left unlinked: which of the candidates is meant is unclear, or none is right.
UNCLEAR = frozenset((
    "Antsirabe", "Cambridge", "Cordon", "Eregli", "Hahn", "Homburg", "Hudson", "Karlstein",
    "Kongo", "Kusatsu", "Majak", "Marienthal", "Munster", "Pfaffenhofen", "Phoenix",
    "Rodenbach", "Röthenbach", "Wilson",
    # not found by the recogniser, several entries of the name, none clearly the one meant
    "Atlantik", "Braunsdorf", "Hamm", "Kumpula", "LOOP", "Mars", "Mecklenburg",
))


def _germeval_articles(path: Path) -> list[tuple[int, str, list[tuple[int, int]], list]]:
    """Per dev sentence: its index, its text (tokens joined by spaces, as the benchmark reads
    it), its tokens' offsets and its outer LOC token spans."""
    out = []
    for i, s in enumerate(read_germeval(path)):
        text, offsets = token_offsets(s.tokens)
        out.append((i, text, offsets, loc_spans(s.outer)))
    return out


def _cases(name: str, text: str) -> dict[tuple[int, int], Case]:
    gaz = gazetteer.load()
    article = article_from_text(name, text)
    return {(c.start, c.end): c for c in resolution_cases(article, split_sentences(article), gaz)}


def link(path: Path = GERMEVAL) -> int:
    gaz = gazetteer.load()
    links, undecided = [], {}
    for i, text, offsets, spans in _germeval_articles(path):
        if not spans:
            continue
        cases = _cases(f"germeval{i:06d}.txt", text)
        for a, b in spans:
            start, end = offsets[a][0], offsets[b - 1][1]
            surface = text[start:end]
            case = cases.get((start, end))
            ids = ([gaz.places[r].place_id for r in case.rows] if case else
                   [gaz.places[r].place_id for r in gaz.names.get(gazetteer.name_key(surface), ())])
            if len(ids) == 1:
                place_id, how = ids[0], "only candidate"
            elif surface in BY_HAND and BY_HAND[surface] in ids:
                place_id, how = BY_HAND[surface], "by hand"
            else:
                if len(ids) > 1 and surface not in UNCLEAR:
                    undecided[surface] = ids[:5]
                continue
            links.append({"sentence": i, "tokens": [a, b], "surface": surface,
                          "place_id": place_id, "how": how})
    LINKS.write_text(json.dumps({
        "_about": "GermEval 2014 dev (NER-de-dev.tsv) outer LOC spans linked to gazetteer places; "
                  "method in tests/gold/README.md; written by scripts/fit_resolution.py link",
        "links": links}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(links)} links ({sum(x['how'] == 'by hand' for x in links)} by hand) -> {LINKS}")
    for surface, ids in sorted(undecided.items()):
        print(f"  undecided: {surface}: {ids}")
    return 0


def training_examples() -> dict[str, list[tuple[np.ndarray, int]]]:
    """Per training set, (candidate features, index of the gold place) of every gold mention
    the recogniser finds with the gold place among two candidates or more."""
    gaz = gazetteer.load()
    sets: dict[str, list[tuple[np.ndarray, int]]] = {"seeds": [], "germeval_dev": [],
                                                     "real_news_train": []}

    def add(name: str, case: Case | None, ok: list[str]) -> None:
        if case is None or len(case.rows) < 2:
            return
        ids = [gaz.places[r].place_id for r in case.rows]
        gold = next((ids.index(p) for p in ok if p in ids), None)
        if gold is not None:
            sets[name].append((np.array(case.features, dtype=float), gold))

    articles, _ = read_paths([ROOT / "seeds"])
    texts = {a.id: a.text for a in articles}
    gold = load_gold(texts, SEED_GOLD)
    for article in articles:
        cases = {(c.start, c.end): c
                 for c in resolution_cases(article, split_sentences(article), gaz)}
        for m in gold.mentions:
            if m.article == article.id:
                add("seeds", cases.get((m.start, m.end)), [m.place_id, *m.also_acceptable])
    links = json.loads(LINKS.read_text(encoding="utf-8"))["links"]
    by_sentence: dict[int, list[dict]] = {}
    for x in links:
        by_sentence.setdefault(x["sentence"], []).append(x)
    for i, text, offsets, _ in _germeval_articles(GERMEVAL):
        if i not in by_sentence:
            continue
        cases = _cases(f"germeval{i:06d}.txt", text)
        for x in by_sentence[i]:
            a, b = x["tokens"]
            add("germeval_dev", cases.get((offsets[a][0], offsets[b - 1][1])), [x["place_id"]])
    for case, ok in _news_cases(NEWS_TRAIN):
        add("real_news_train", case, ok)
    return sets


def _news_cases(folder: Path) -> list[tuple[Case, list[str]]]:
    """Per gold place of a real-news gold folder that a recognised name covers: the name's
    case and its candidates the news scorer counts as right, the gold's kind first, nearest
    first (a type word may lie inside the name: "Region [Kursk]")."""
    gaz = gazetteer.load()
    gold = news.load_gold(folder / "gold.json")
    articles, _ = read_paths(sorted((folder / "articles").glob("*.txt")))
    out = []
    for article in articles:
        cases = resolution_cases(article, split_sentences(article), gaz)
        for g in (g for g in gold.places if g.article == article.id):
            case = next((c for c in cases if c.start <= g.start and g.end <= c.end), None)
            if case is None:
                continue
            ranked = []
            for r in case.rows:
                p = gaz.places[r]
                pred = news.PredPlace(article.id, case.start, case.end, "", "", p.place_id,
                                      p.name, p.name_de, p.feature_code, p.country_code,
                                      p.admin1, p.lat, p.lon)
                if news.resolution_ok(g, pred)[0]:
                    ranked.append((news.predicted_kind(p.feature_code) != g.kind,
                                   news.haversine_km(g.lat, g.lon, p.lat, p.lon), p.place_id))
            out.append((case, [place_id for *_, place_id in sorted(ranked)]))
    return out


def fit(examples: list[tuple[np.ndarray, int]], l2: float = L2, steps: int = 50) -> np.ndarray:
    """Weights maximising sum(log softmax(X w)[gold]) - l2/2 |w|^2, by Newton's method."""
    w = np.zeros(examples[0][0].shape[1])
    for _ in range(steps):
        grad = -l2 * w
        hess = l2 * np.eye(len(w))
        for x, gold in examples:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ x
            grad += x[gold] - mean
            hess += (x * p[:, None]).T @ x - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return w


def accuracy(examples: list[tuple[np.ndarray, int]], w: np.ndarray) -> float:
    return sum(int(np.argmax(x @ w)) == gold for x, gold in examples) / max(len(examples), 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("link", "fit"))
    args = parser.parse_args()
    if args.what == "link":
        return link()
    sets = training_examples()
    examples = [e for part in sets.values() for e in part]
    w = fit(examples)
    for name, part in sets.items():
        print(f"{name}: {len(part)} ambiguous mentions, training accuracy {accuracy(part, w):.3f}")
    weights = {f: round(float(v), 4) for f, v in zip(FEATURES, w)}
    WEIGHTS.write_text(json.dumps({
        "_source": "fitted by scripts/fit_resolution.py (conditional logistic regression, "
                   f"L2 {L2}, Newton's method) on the Lagebild training gold",
        "_licence": "MIT",
        "_training_sets": {name: f"{len(part)} mentions with two candidates or more"
                           for name, part in {"tests/gold/places_seeds.json": sets["seeds"],
                                              "tests/gold/germeval_dev_links.json":
                                                  sets["germeval_dev"],
                                              "tests/gold/real_news_train":
                                                  sets["real_news_train"]}.items()},
        "_date": date.today().isoformat(),
        "features": list(FEATURES), "weights": weights}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    for f, v in weights.items():
        print(f"  {f:22s} {v:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
