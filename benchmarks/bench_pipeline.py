"""Articles per second on one core once the gazetteer is loaded, and peak memory, for
- the geoparsing core: read text -> sentences -> resolved place mentions (the CLI's places), and
- the whole pipeline: the same plus actors and figures.

The corpus is ~2,500-character articles cut at sentence ends, alternating sentences of the
seed texts (war news, dense in places and figures) and of the GermEval 2014 dev set (German
Wikipedia and news nobody here wrote, so the vocabulary keeps changing as in real news).
Each run is timed by the CPU time of this process, which other load on a shared machine
disturbs less than the wall clock; both are printed. The first run starts with the
recogniser's word memo empty, later runs find it warm, as a long-running dashboard does.

    python benchmarks/bench_pipeline.py [--articles 2000] [--runs 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
sys.path.insert(0, str(ROOT / "benchmarks"))

from geo import gazetteer  # noqa: E402
from geo.actors import find_actors  # noqa: E402
from geo.figures import extract_figures  # noqa: E402
from geo.pipeline import analyse  # noqa: E402
from geo.places import find_mentions  # noqa: E402
from geo.reading import article_from_text, read_paths  # noqa: E402
from geo.sentences import split_sentences  # noqa: E402

from eval_places import GERMEVAL, read_germeval  # noqa: E402

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)])")


def germeval_sentences(path: Path = GERMEVAL) -> list[str]:
    """GermEval's tokenised sentences as running text ("Berlin , 1 ." -> "Berlin, 1.")."""
    if not path.exists():
        return []
    joined = (" ".join(s.tokens) for s in read_germeval(path))
    return [_NO_SPACE_BEFORE.sub(r"\1", s) for s in joined]


def corpus(folders: list[Path], n: int, size: int = 2500) -> list[str]:
    """``n`` texts of about ``size`` characters, whole sentences taken in turn from the given
    folders and from GermEval."""
    articles, _ = read_paths(folders)
    ours = [s.text for a in articles for s in split_sentences(a)]
    theirs = germeval_sentences()
    sentences = [s for pair in zip_longest(ours, theirs) for s in pair if s] if theirs else ours
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


def geoparse(texts: list[str]) -> int:
    """The geoparsing core alone; returns the number of place mentions."""
    gaz = gazetteer.load()
    found = 0
    for i, text in enumerate(texts):
        article = article_from_text(f"a{i}.txt", text)
        found += len(find_mentions(article, split_sentences(article), gaz))
    return found


def whole(texts: list[str]) -> int:
    """Every step, as the CLI and the dashboard run it; returns the number of figures."""
    articles = [article_from_text(f"a{i}.txt", text) for i, text in enumerate(texts)]
    return len(analyse(articles).figures)


def rates(job, texts: list[str], runs: int) -> tuple[list[float], list[float], int]:
    """Articles per second by CPU time and by wall clock, one entry per run."""
    cpu_rates, wall_rates, found = [], [], 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        found = job(texts)
        cpu_rates.append(len(texts) / (time.process_time() - cpu))
        wall_rates.append(len(texts) / (time.perf_counter() - start))
    return cpu_rates, wall_rates, found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    args = parser.parse_args()
    t = time.perf_counter()
    gazetteer.load()
    print(f"gazetteer load: {time.perf_counter() - t:.2f} s")
    texts = corpus([ROOT / "seeds", *args.corpus], args.articles)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars / len(texts):.0f} chars each on average")
    for label, job, what in (("geoparsing core (read, sentences, places)", geoparse, "place mentions"),
                             ("whole pipeline (+ actors, figures)", whole, "figures")):
        cpu, wall, found = rates(job, texts, args.runs)
        print(f"{label}: median {statistics.median(cpu):.0f} articles/s by CPU time over "
              f"{args.runs} runs (first run, memo cold: {cpu[0]:.0f}; min {min(cpu):.0f}, "
              f"max {max(cpu):.0f}); wall clock median {statistics.median(wall):.0f}; "
              f"{found} {what} per run")
    stages = stage_times(texts)
    print("CPU ms per article by step: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
