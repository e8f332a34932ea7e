"""The corpus store at scale: ingest throughput serial vs Dask workers (and their ratio, in one
run), re-ingest of a known corpus, store size per 1,000 articles, and the dashboard's reads
(the whole view as a FeatureCollection, a quote search) at the corpus size.

The articles are ~2,500 characters of real German sentences (seeds, the hand-annotated real
news, GermEval 2014 dev) with most capitalised words swapped for fresh ones
(``bench_pipeline.Corpus``), so every article is distinct and brings new words as real news
does. Wall time is what an analyst waits; CPU time of this process is printed beside it (the
workers' CPU is theirs). The machine is shared: compare the ratio, not absolute figures.

    python benchmarks/bench_corpus.py [--articles 2000] [--workers 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import Corpus, base_sentences  # noqa: E402

from geo import gazetteer  # noqa: E402
from geo.corpus.ingest import Inputs, ingest  # noqa: E402
from geo.corpus.store import Store  # noqa: E402


def write_corpus(folder: Path, n: int) -> float:
    """``n`` article files; returns the cold-word rate of the corpus."""
    corpus = Corpus(base_sentences([ROOT / "seeds", ROOT / "tests" / "gold" / "real_news"
                                    / "articles"]))
    texts, cold = corpus.articles(n)
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return cold


def timed_ingest(store: Path, folder: Path, workers: int | None) -> tuple[float, float, int]:
    inputs = Inputs()
    wall, cpu = time.perf_counter(), time.process_time()
    summary = ingest(Store(store), inputs.items([folder]), workers=workers, inputs=inputs)
    return time.perf_counter() - wall, time.process_time() - cpu, summary.new


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3, help="serial/parallel rounds (default 3)")
    args = ap.parse_args()
    gazetteer.load()
    with tempfile.TemporaryDirectory(prefix="lagebild-corpus-") as tmp:
        base = Path(tmp)
        cold = write_corpus(base / "in", args.articles)
        print(f"corpus: {args.articles} articles, {cold:.1f} never-seen capitalised words each")
        serial, parallel, ratios = [], [], []
        for run in range(args.runs):
            for path in (base / "s", base / "p"):
                shutil.rmtree(path, ignore_errors=True)
            s_wall, s_cpu, s_new = timed_ingest(base / "s", base / "in", None)
            p_wall, _, p_new = timed_ingest(base / "p", base / "in", args.workers)
            assert s_new == p_new == args.articles, (s_new, p_new)
            serial.append(args.articles / s_wall)
            parallel.append(args.articles / p_wall)
            ratios.append(s_wall / p_wall)
            print(f"run {run + 1}: serial {serial[-1]:.0f} articles/s (CPU {s_cpu:.1f} s), "
                  f"{args.workers} workers {parallel[-1]:.0f} articles/s, ratio {ratios[-1]:.2f}")
        print(f"ingest, median of {args.runs}: serial {statistics.median(serial):.0f} articles/s, "
              f"{args.workers} workers {statistics.median(parallel):.0f} articles/s, "
              f"ratio {statistics.median(ratios):.2f}")

        wall, cpu = time.perf_counter(), time.process_time()
        _, _, again = timed_ingest(base / "s", base / "in", None)
        print(f"re-ingest of the known corpus: {again} new, {time.perf_counter() - wall:.2f} s "
              f"(CPU {time.process_time() - cpu:.2f} s)")
        mb = size_mb(base / "s")
        print(f"store: {mb:.1f} MB, {mb * 1000 / args.articles:.1f} MB per 1,000 articles "
              f"(input {size_mb(base / 'in'):.1f} MB)")

        store = Store(base / "s")
        views, searches = [], []
        for _ in range(3):
            t = time.perf_counter()
            fc = store.feature_collection()
            views.append(time.perf_counter() - t)
            t = time.perf_counter()
            hits = store.search_quotes("Soldaten", limit=50)
            searches.append(time.perf_counter() - t)
        print(f"whole view as FeatureCollection: {statistics.median(views):.2f} s "
              f"({len(fc['features'])} places, {len(fc['figures'])} figures)")
        print(f"quote search over the store: {statistics.median(searches) * 1000:.0f} ms "
              f"({len(hits)} hits shown)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
