"""Dump every place mention the recogniser finds on a fixed set of texts, so that a speed change
can be shown to change nothing: record a baseline, change the code, dump again, compare.

Texts: the seeds, GermEval 2014 dev (each sentence alone, and runs of ten as articles, so the
article-wide rules see several sentences), any ``tests/gold/real_news/articles/*.txt``, and
the first articles of the throughput benchmark's corpus (fresh words in every article). Also
dumped: ``known_name`` for every capitalised word and word pair of those texts.

    python benchmarks/check_identical.py OUT.json [--compare BASELINE.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import CAPITALISED, Corpus, base_sentences, germeval_sentences  # noqa: E402

from geo import gazetteer  # noqa: E402
from geo.model import Article  # noqa: E402
from geo.places.mentions import find_mentions  # noqa: E402
from geo.places.recognise import known_name  # noqa: E402
from geo.text.reading import article_from_text, read_paths  # noqa: E402
from geo.text.sentences import split_sentences  # noqa: E402

BENCH_ARTICLES = 400


def articles() -> list[Article]:
    """The fixed texts, in a fixed order, with ids that say where each came from."""
    seeds, _ = read_paths([ROOT / "seeds"])
    real = sorted((ROOT / "tests" / "gold" / "real_news" / "articles").glob("*.txt"))
    found, _ = read_paths(real) if real else ([], [])
    germeval = germeval_sentences()
    texts = [(f"germeval-{i}", s) for i, s in enumerate(germeval)]
    texts += [(f"germeval-run-{i}", " ".join(germeval[i:i + 10]))
              for i in range(0, len(germeval), 10)]
    bench, _ = Corpus(base_sentences([ROOT / "seeds"])).articles(BENCH_ARTICLES)
    texts += [(f"bench-{i}", t) for i, t in enumerate(bench)]
    return [*seeds, *found, *(article_from_text(f"{name}.txt", t) for name, t in texts)]


def dump() -> dict[str, dict]:
    """Per article (by id and text hash, as other people add texts meanwhile) its mentions;
    per word whether ``known_name`` holds."""
    gaz = gazetteer.load()
    mentions: dict[str, list] = {}
    words: set[str] = set()
    for article in articles():
        found = mentions[f"{article.id} {article.sha256[:12]}"] = []
        for m in find_mentions(article, split_sentences(article), gaz):
            runner = m.runner_up.place_id if m.runner_up else None
            found.append([m.article, m.start, m.end, m.surface, m.place.place_id, m.role,
                          m.confidence, runner, m.runner_up_confidence])
        caps = CAPITALISED.findall(article.text)
        words.update(caps)
        words.update(f"{a} {b}" for a, b in zip(caps, caps[1:]))
    return {"mentions": mentions, "known_names": {w: known_name(w, gaz) for w in sorted(words)}}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="a baseline dump to compare with")
    args = parser.parse_args()
    result = dump()
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=0), encoding="utf-8")
    count = sum(map(len, result["mentions"].values()))
    print(f"{len(result['mentions'])} articles, {count} mentions, "
          f"{sum(result['known_names'].values())} known names -> {args.out}")
    if args.compare is None:
        return 0
    base = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = 0
    for key in ("mentions", "known_names"):
        shared = base[key].keys() & result[key].keys()
        changed = sorted(k for k in shared if base[key][k] != result[key][k])
        differ += len(changed)
        print(f"{key}: {len(shared)} compared, {len(changed)} differ "
              f"({len(result[key].keys() - shared)} new, {len(base[key].keys() - shared)} gone)")
        for k in changed[:10]:
            print(f"  {k}:\n    was {base[key][k]}\n    now {result[key][k]}")
    print("DIFFERENT" if differ else "identical")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
