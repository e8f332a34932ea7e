"""Articles per second through the whole pipeline (read text -> sentences -> places -> figures)
on one core once the gazetteer is loaded, and peak memory.

The corpus is made of ~2,500-character articles cut at sentence ends from the seed texts and,
if given, any other folder of German text (``--corpus DIR``).

    python benchmarks/bench_pipeline.py [--articles 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from geo import gazetteer  # noqa: E402
from geo.actors import find_actors  # noqa: E402
from geo.figures import extract_figures  # noqa: E402
from geo.pipeline import analyse  # noqa: E402
from geo.places import find_mentions  # noqa: E402
from geo.reading import article_from_text, read_paths  # noqa: E402
from geo.sentences import split_sentences  # noqa: E402


def corpus(folders: list[Path], n: int, size: int = 2500) -> list[str]:
    """``n`` texts of about ``size`` characters, whole sentences from the given folders."""
    articles, _ = read_paths(folders)
    sentences = [s.text for a in articles for s in split_sentences(a)]
    texts, current, i = [], [], 0
    while len(texts) < n:
        current.append(sentences[i % len(sentences)])
        i += 1
        if sum(len(s) + 1 for s in current) >= size:
            texts.append(" ".join(current))
            current = []
    return texts


def stage_times(texts: list[str]) -> dict[str, float]:
    """CPU milliseconds per article spent in each step, to show where the time goes."""
    gaz = gazetteer.load()
    spent = dict.fromkeys(("read", "sentences", "places", "actors", "figures"), 0.0)

    def timed(stage, call, *args):
        start = time.process_time()
        result = call(*args)
        spent[stage] += time.process_time() - start
        return result

    for i, text in enumerate(texts):
        article = timed("read", article_from_text, f"a{i}.txt", text)
        sentences = timed("sentences", split_sentences, article)
        mentions = timed("places", find_mentions, article, sentences, gaz)
        actors = timed("actors", find_actors, article, sentences)
        timed("figures", extract_figures, article, sentences, mentions, actors)
    return {stage: 1000 * total / len(texts) for stage, total in spent.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    args = parser.parse_args()
    t = time.perf_counter()
    gazetteer.load()
    print(f"gazetteer load: {time.perf_counter() - t:.2f} s")
    texts = corpus([ROOT / "seeds", *args.corpus], args.articles)
    chars = sum(len(t) for t in texts)
    rates, cpu_rates = [], []
    for _ in range(args.runs):
        start, cpu = time.perf_counter(), time.process_time()
        articles = [article_from_text(f"a{i}.txt", text) for i, text in enumerate(texts)]
        result = analyse(articles)
        rates.append(len(texts) / (time.perf_counter() - start))
        cpu_rates.append(len(texts) / (time.process_time() - cpu))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} articles, {chars / len(texts):.0f} chars each on average")
    print(f"found per run: {len(result.mentions)} place mentions, {len(result.figures)} figures")
    print(f"throughput (wall clock): median {statistics.median(rates):.0f} articles/s over "
          f"{args.runs} runs (min {min(rates):.0f}, max {max(rates):.0f}), one core")
    print(f"throughput (CPU time of this process, less sensitive to other load): median "
          f"{statistics.median(cpu_rates):.0f} articles/s")
    stages = stage_times(texts)
    print("CPU ms per article by step: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
