"""Dump every temporal expression and article date ``geo.dates`` finds on a fixed set of texts,
so that a speed change can be shown to change nothing: record a baseline, change the code, dump
again, compare.

Texts: the seeds, ``tests/gold/real_news/articles/*.txt`` (as read and as the pipeline's prose),
GermEval 2014 dev (each sentence alone, and runs of ten as articles), and seeded random token
soup from the lexicon's own words (glued and spaced, with numbers, dashes and line breaks), which
reaches the grammar's corners that real text rarely does (the soup is drawn from the lexicon:
after a lexicon change, compare the other texts and record a new baseline). Each with three
publication dates.

    python benchmarks/check_dates_identical.py OUT.json [--compare BASELINE.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from geo.dates import find_temporal, published_date  # noqa: E402
from geo.dates._lexicon import lexicon  # noqa: E402
from geo.text.reading import article_from_text  # noqa: E402

GERMEVAL = Path("/work/shared/data/germeval/NER-de-dev.tsv")
PUBLISHED = (None, date(2024, 11, 5), date(2025, 1, 5))
SOUP_TEXTS = 20_000
_NO_SPACE_BEFORE = (",", ".", ";", ":", "!", "?", ")")


def germeval_sentences(path: Path = GERMEVAL) -> list[str]:
    """GermEval's sentences (tokens in column 2) as running text ("Berlin , 1 ." -> "Berlin, 1.")."""
    if not path.exists():
        return []
    out: list[str] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > 1:
            tokens.append(cols[1])
        elif tokens:
            text = tokens[0]
            for t in tokens[1:]:
                text += t if t in _NO_SPACE_BEFORE else " " + t
            out.append(text)
            tokens = []
    return out


def soup(count: int, seed: int = 7) -> list[str]:
    """Random runs of the grammar's own words, numbers and marks, glued or spaced."""
    lex = lexicon()
    words = sorted({*lex.months, *lex.month_abbreviations, *lex.weekdays, *lex.weekend,
                    *lex.relative_days, *lex.modifiers, *lex.units, *lex.numbers, *lex.parts,
                    *lex.seasons, *lex.part_articles, *lex.future_markers, *lex.count_nouns,
                    *lex.dayparts, *lex.time_words, *lex.apposition,
                    *(w for ps in lex.openers.values() for p in ps for w in p),
                    *(w for p in lex.hedges for w in p),
                    *(w for p in lex.dateline_published + lex.dateline_updated for w in p),
                    "Krieg", "Armee", "Soldaten", "Berlin", "sagte", "erste", "Stand"})
    marks = [".", ".", ".", ",", "-", "–", ":", "/", "(", ")", "\n", ";"]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(3, 30)):
            r = rng.random()
            if r < 0.45:
                w = rng.choice(words)
                tok = rng.choice((w, w.capitalize(), w.upper()))
            elif r < 0.75:
                tok = str(rng.choice((rng.randint(0, 35), rng.randint(1990, 2030),
                                      rng.randint(0, 99999))))
                if rng.random() < 0.3:
                    tok = tok.zfill(2)
            else:
                tok = rng.choice(marks)
            parts.append(tok)
            parts.append(rng.choice(("", " ", " ", " ", "\n")))
        out.append("".join(parts))
    return out


def texts() -> list[tuple[str, str]]:
    """The fixed texts, in a fixed order, with ids that say where each came from."""
    out: list[tuple[str, str]] = []
    real = sorted((ROOT / "tests" / "gold" / "real_news" / "articles").glob("*.txt"))
    for path in sorted((ROOT / "seeds").glob("*.txt")) + real:
        text = path.read_text(encoding="utf-8")
        out.append((path.name, text))
        out.append((path.name + ":prose", article_from_text(path.name, text).prose))
    germeval = germeval_sentences()
    out += [(f"germeval-{i}", s) for i, s in enumerate(germeval)]
    out += [(f"germeval-run-{i}", "\n".join(germeval[i:i + 10]))
            for i in range(0, len(germeval), 10)]
    out += [(f"soup-{i}", s) for i, s in enumerate(soup(SOUP_TEXTS))]
    return out


def dump() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, text in texts():
        record: dict[str, Any] = {"published_date": [str(x) for x in
                                                     published_date(text, None, None, None)]}
        for pub in PUBLISHED:
            record[str(pub)] = [[e.start, e.end, e.text, str(e.begin), str(e.end_date),
                                 e.granularity, e.kind, e.vague]
                                for e in find_temporal(text, pub)]
        out[name] = record
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    got = dump()
    args.out.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
    n_expr = sum(len(v) for r in got.values() for k, v in r.items() if k != "published_date")
    print(f"{len(got)} texts, {n_expr} expressions -> {args.out}")
    if args.compare is None:
        return 0
    base = json.loads(args.compare.read_text(encoding="utf-8"))
    diff = [name for name in base.keys() | got.keys() if base.get(name) != got.get(name)]
    for name in sorted(diff)[:20]:
        print(f"DIFF {name}\n  before {base.get(name)}\n  after  {got.get(name)}")
    print(f"{len(diff)} of {len(base)} texts differ" if diff else "IDENTICAL")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
