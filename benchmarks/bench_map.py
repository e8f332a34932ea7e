"""Map budget: build the folium map for 2,000 synthetic places mentioned in 10,000 articles and
print the seconds (median of several runs) and the size of what the browser receives.

Run: python benchmarks/bench_map.py [--places 2000] [--articles 10000] [--runs 5]"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from geo.app.filters import View, apply, options
from geo.app.mapview import build_map
from geo.app.popups import panel_html

KINDS = ("village", "village", "village", "city", "region", "country")


def synthetic(places: int, articles: int, seed: int = 1) -> dict:
    """A collection shaped like CONTRACT.md: places around the front, ~5 mentions each."""
    rnd = random.Random(seed)
    ids = [f"art_{i:05d}" for i in range(articles)]
    features = []
    for i in range(places):
        name = f"Ort {i}"
        mentions = []
        for _ in range(rnd.randint(1, 9)):
            sentence = (f"Nach Angaben aus Kiew wurde bei {name} in der Region Kursk gekämpft, "
                        f"mehrere Dörfer seien umkämpft <b>&amp;</b> Verluste gemeldet worden.")
            start = sentence.index(name)
            mentions.append({"article": rnd.choice(ids), "start": start, "end": start + len(name),
                             "surface": name, "sentence": sentence, "sentence_start": 0,
                             "sentence_end": len(sentence),
                             "role": "speaker" if rnd.random() < 0.05 else "place"})
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [
            round(rnd.uniform(30, 40), 4), round(rnd.uniform(46, 53), 4)]}, "properties": {
            "place_id": f"lagebild:{i}", "geonameid": None, "name": name, "name_de": name,
            "feature_code": "PPL", "country_code": "UA", "admin1": "Donetsk", "population": 0,
            "precision": "district_seat" if rnd.random() < 0.1 else "settlement",
            "confidence": 0.9, "runner_up": None, "kind": rnd.choice(KINDS), "mentions": mentions}})
    figures = [{"article": rnd.choice(ids), "start": 0, "end": 6, "text": "10.000", "low": 10000,
                "high": 10000 + rnd.choice((0, 2000)), "qualifier": "approx", "vague": False,
                "derived": False, "category": rnd.choice(("troops", "killed", "wounded")),
                "actor": "KP", "source": rnd.choice(("GUR", "Pentagon", None)),
                "place_ids": [f"lagebild:{rnd.randrange(places)}"],
                "sentence": "Rund 10.000 nordkoreanische Soldaten seien dort, sagte das Pentagon."}
               for _ in range(places)]
    return {"type": "FeatureCollection", "articles": [
        {"id": a, "path": f"{a}.txt", "sha256": "0" * 64, "chars": 2500, "notes": []} for a in ids],
        "features": features, "figures": figures, "messages": []}


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    fc = synthetic(args.places, args.articles)
    mentions = sum(len(f["properties"]["mentions"]) for f in fc["features"])
    print(f"corpus: {args.places} places, {mentions} mentions, {len(fc['figures'])} figures, "
          f"{args.articles} articles; median of {args.runs} runs")

    sec, _ = timed(lambda: apply(fc, View(q="kursk", kind=("village", "city"))), args.runs)
    print(f"filter (search + kind):             {sec:.3f} s")
    sec, m = timed(lambda: build_map(fc), args.runs)
    print(f"build map (folium objects):         {sec:.3f} s")
    sec, html = timed(lambda: m.get_root().render(), args.runs)
    print(f"render map HTML:                    {sec:.3f} s, {len(html.encode()) / 1e6:.2f} MB")
    try:
        import streamlit_folium
    except ImportError:
        return
    sec, script = timed(lambda: streamlit_folium._get_map_string(build_map(fc)), args.runs)
    print(f"build + st_folium script (per rerun): {sec:.3f} s, {len(script.encode()) / 1e6:.2f} MB")
    empty = build_map({"features": [], "figures": []}).get_root().render()
    print(f"of which the map without places:    {len(empty.encode()) / 1e6:.2f} MB "
          "(the basemap is fetched from static/basemap and cached)")
    sec, _ = timed(lambda: options(fc), args.runs)
    print(f"filter options (source entities):   {sec:.3f} s")
    busiest = max(fc["features"], key=lambda f: len(f["properties"]["mentions"]))
    sec, _ = timed(lambda: panel_html(busiest, fc["figures"]), args.runs)
    print(f"side panel of the busiest place:    {sec:.3f} s (built on click, for that place only)")


if __name__ == "__main__":
    main()
