"""CPU time of ``geo.dates`` per article: ``published_date`` plus ``find_temporal`` on the prose,
as the pipeline calls them (median of five runs, ``time.process_time``: the machine is shared).

Corpora: the real-news articles as they are, and the seeds plus GermEval dev sentences chunked
into articles of about 2,500 characters.

    python benchmarks/bench_dates.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
sys.path.insert(0, str(ROOT / "benchmarks"))

from check_dates_identical import germeval_sentences  # noqa: E402

from geo.dates import find_temporal, published_date  # noqa: E402
from geo.text.reading import article_from_text  # noqa: E402

ARTICLE_CHARS = 2500
RUNS = 5
PUBLISHED = date(2024, 11, 5)


def chunked(paragraphs: list[str], size: int = ARTICLE_CHARS) -> list[str]:
    """Paragraphs joined into articles of about ``size`` characters."""
    out: list[str] = []
    current: list[str] = []
    length = 0
    for p in paragraphs:
        current.append(p)
        length += len(p) + 1
        if length >= size:
            out.append("\n".join(current))
            current, length = [], 0
    if current:
        out.append("\n".join(current))
    return out


def corpora() -> dict[str, list[str]]:
    real = sorted((ROOT / "tests" / "gold" / "real_news" / "articles").glob("*.txt"))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    paragraphs = [p for path in seeds for p in path.read_text(encoding="utf-8").splitlines()
                  if p.strip()] + germeval_sentences()
    return {
        "real-news": [article_from_text(p.name, p.read_text(encoding="utf-8")).prose
                      for p in real],
        "seeds+germeval": [article_from_text(f"{i}.txt", t).prose
                           for i, t in enumerate(chunked(paragraphs))],
    }


def per_article_ms(articles: list[str]) -> float:
    """Median over runs of CPU milliseconds per article."""
    runs = []
    for _ in range(RUNS):
        t0 = time.process_time()
        for text in articles:
            published_date(text, None, None, None)
            find_temporal(text, PUBLISHED)
        runs.append((time.process_time() - t0) * 1000 / len(articles))
    return statistics.median(runs)


def main() -> None:
    for name, articles in corpora().items():
        chars = sum(map(len, articles)) / len(articles)
        print(f"{name:15s} {len(articles):5d} articles, {chars:6.0f} chars each: "
              f"{per_article_ms(articles):.3f} ms CPU per article (median of {RUNS})")


if __name__ == "__main__":
    main()
