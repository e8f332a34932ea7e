"""Articles per second on one core once the gazetteer is loaded, and peak memory, for
- the geoparsing core: read text -> sentences -> resolved place mentions (the CLI's places), and
- the whole pipeline: the same plus actors and figures,
on a corpus whose vocabulary keeps changing as real news does.

Real news meets ~35 capitalised words per article that the process has never seen; a corpus
that recycles a few thousand sentences meets almost none after the first pass and measures
only warm memos. So the articles here are ~2,500-character runs of real German sentences (the
seed texts and the GermEval 2014 dev set, alternating), and most capitalised words in them are
swapped for fresh ones, each used once in the whole process: German words from wordfreq's list
(capitalised, as German nouns are) and single-word gazetteer names. Every run of every mode
gets its own articles, so no run finds the words of an earlier one. The benchmark prints the
cold-word rate it reached (capitalised words per article never seen before in the process) and
the cold-memo rate (words per article the recogniser worked out because its memo lacked them).

Each run is timed by the CPU time of this process, which other load on a shared machine
disturbs less than the wall clock (both are printed); figures are medians over the runs. The
two modes are run in turn within each round, and their ratio is taken per round, so a noisy
phase of the machine slows both alike.

    python benchmarks/bench_pipeline.py [--articles 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from itertools import chain, zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_places import GERMEVAL, read_germeval  # noqa: E402

from geo import gazetteer  # noqa: E402
from geo.figures.actors import find_actors  # noqa: E402
from geo.figures.extract import extract_figures  # noqa: E402
from geo.pipeline import analyse  # noqa: E402
from geo.places.mentions import find_mentions  # noqa: E402
from geo.text.reading import article_from_text, read_paths  # noqa: E402
from geo.text.sentences import split_sentences  # noqa: E402

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)])")
# a capitalised word, as the recogniser's scan sees one
CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\w'’-]*")
# the share of capitalised words (after the first of a sentence) swapped for fresh ones: tuned
# so that an article brings ~35 new capitalised words, as real news does
SWAP = 0.31
# wordfreq's most frequent words are seen in every article of real news too: not fresh
_SKIP_TOP = 3_000
# one fresh word in twenty is a place name: with the German words that also name some place,
# ~11 % of the fresh words could start a name, as in real news
NAME_EVERY = 20


def germeval_sentences(path: Path = GERMEVAL) -> list[str]:
    """GermEval's tokenised sentences as running text ("Berlin , 1 ." -> "Berlin, 1.")."""
    if not path.exists():
        return []
    joined = (" ".join(s.tokens) for s in read_germeval(path))
    return [_NO_SPACE_BEFORE.sub(r"\1", s) for s in joined]


def base_sentences(folders: list[Path]) -> list[str]:
    """Sentences of the given folders and of GermEval dev, alternating."""
    articles, _ = read_paths(folders)
    ours = [s.text for a in articles for s in split_sentences(a)]
    theirs = germeval_sentences()
    return [s for pair in zip_longest(ours, theirs) for s in pair if s]


def fresh_words(sentences: list[str], seed: int = 0) -> Iterator[str]:
    """Capitalised words the base text never uses, in a fixed random order, each once:
    wordfreq's German words (past the most frequent) and, every ``NAME_EVERY``th, a
    single-word gazetteer name. Once these run out (about 15,000 articles), compounds of two
    of the words, as German makes new nouns ("Wasserturm"): endless, so long runs stay cold."""
    from wordfreq import get_frequency_dict

    seen = {w for s in sentences for w in CAPITALISED.findall(s)}
    words = [w[:1].upper() + w[1:] for i, w in enumerate(get_frequency_dict("de"))
             if i >= _SKIP_TOP and len(w) > 2 and w.isalpha()]
    names = sorted({p[2] for p in gazetteer.load().places if p[2].isalpha()})
    rng = random.Random(seed)
    rng.shuffle(words)
    rng.shuffle(names)
    mixed = (names[i // NAME_EVERY] if i % NAME_EVERY == NAME_EVERY - 1 else w
             for i, w in enumerate(words))
    compounds = (a + b.lower() for a in words for b in rng.sample(words, len(words)))
    used: set[str] = set()
    for w in chain(mixed, compounds):
        if w not in seen and w not in used:
            used.add(w)
            yield w


class Corpus:
    """Endless articles of ~``size`` characters: real sentences taken in turn, most of their
    capitalised words swapped for fresh ones (the first word of a sentence stays)."""

    def __init__(self, sentences: list[str], size: int = 2500, seed: int = 0) -> None:
        self.sentences, self.size = sentences, size
        self.words = fresh_words(sentences, seed)
        self.rng = random.Random(seed)
        self.next_sentence = 0
        self.seen: set[str] = set()

    def _swap(self, sentence: str) -> str:
        def swap(m: re.Match[str]) -> str:
            if m.start() == 0 or self.rng.random() >= SWAP:
                return m.group()
            return next(self.words)
        return CAPITALISED.sub(swap, sentence)

    def articles(self, n: int) -> tuple[list[str], float]:
        """``n`` new articles and their cold-word rate: capitalised words per article that no
        earlier article of this corpus had."""
        texts, new = [], 0
        for _ in range(n):
            current: list[str] = []
            while sum(len(s) + 1 for s in current) < self.size:
                current.append(self._swap(self.sentences[self.next_sentence % len(self.sentences)]))
                self.next_sentence += 1
            text = " ".join(current)
            words = set(CAPITALISED.findall(text)) - self.seen
            new += len(words)
            self.seen |= words
            texts.append(text)
        return texts, new / n


def stage_times(texts: list[str]) -> dict[str, float]:
    """CPU milliseconds per article spent in each step, to show where the time goes."""
    gaz = gazetteer.load()
    spent = dict.fromkeys(("read", "sentences", "places", "actors", "figures"), 0.0)

    def timed(stage: str, call: Callable, *args: object) -> object:
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


def memo_size() -> int:
    """Entries in the recogniser's per-process memo (words worked out at run time)."""
    return len(gazetteer.load().word_memo)


def timed_run(job: Callable[[list[str]], int],
              texts: list[str]) -> tuple[float, float, int, float]:
    """Articles per second by CPU time and by wall clock, what the job found, and the cold-memo
    rate: words per article the recogniser had to work out because its memo lacked them."""
    memo, start, cpu = memo_size(), time.perf_counter(), time.process_time()
    found = job(texts)
    cpu_rate = len(texts) / (time.process_time() - cpu)
    wall_rate = len(texts) / (time.perf_counter() - start)
    return cpu_rate, wall_rate, found, max(0, memo_size() - memo) / len(texts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    args = parser.parse_args()
    t, cpu = time.perf_counter(), time.process_time()
    gazetteer.load()
    print(f"gazetteer load: {time.perf_counter() - t:.2f} s wall, "
          f"{time.process_time() - cpu:.2f} s CPU")
    corpus = Corpus(base_sentences([ROOT / "seeds", *args.corpus]))
    modes = (("geoparsing core (read, sentences, places)", geoparse, "place mentions"),
             ("whole pipeline (+ actors, figures)", whole, "figures"))
    cpu_rates: dict[str, list[float]] = {label: [] for label, _, _ in modes}
    wall_rates: dict[str, list[float]] = {label: [] for label, _, _ in modes}
    found: dict[str, int] = {}
    cold, cold_memo, ratios, chars = [], [], [], []
    for _ in range(args.runs):
        round_cpu = {}
        for label, job, _ in modes:
            texts, rate = corpus.articles(args.articles)
            cold.append(rate)
            chars.append(sum(map(len, texts)) / len(texts))
            round_cpu[label], wall, found[label], memo_rate = timed_run(job, texts)
            cold_memo.append(memo_rate)
            cpu_rates[label].append(round_cpu[label])
            wall_rates[label].append(wall)
        core, full = (round_cpu[label] for label, _, _ in modes)
        ratios.append(core / full)
    print(f"corpus: {args.articles} new articles per run and mode, "
          f"{statistics.mean(chars):.0f} chars each on average; cold-word rate: median "
          f"{statistics.median(cold):.1f} never-seen capitalised words per article "
          f"(min {min(cold):.1f}); cold-memo rate: median {statistics.median(cold_memo):.1f} "
          f"words per article worked out because the process's memo lacked them")
    for label, _, what in modes:
        cpu = cpu_rates[label]
        print(f"{label}: median {statistics.median(cpu):.0f} articles/s by CPU time over "
              f"{args.runs} runs (min {min(cpu):.0f}, max {max(cpu):.0f}); wall clock median "
              f"{statistics.median(wall_rates[label]):.0f}; {found[label]} {what} in the last run")
    print(f"core / whole pipeline, per round: median {statistics.median(ratios):.2f}")
    texts, _ = corpus.articles(args.articles)
    stages = stage_times(texts)
    print("CPU ms per article by step (fresh articles): "
          + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
