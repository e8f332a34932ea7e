"""Articles per second through the command line, as an analyst runs it: ``python -m geo
extract FOLDER -o out.json`` and ``python -m geo ingest --store S FOLDER``, each a fresh
process, with reading, analysis and output (the JSON file, the store's Parquet batch) included.

Start-up (imports, the gazetteer's load) is taken out the honest way: every round also runs the
same command on a folder of one article (before and after the big run, keeping the lesser), and
the rate after start-up is

    (N - 1) / (CPU of the N-article run - CPU of the 1-article run)

by the child processes' CPU time (user + system, from ``wait4``), which other load on a shared
machine disturbs less than the wall clock (also printed). Every round and mode gets articles of
its own (``bench_pipeline.Corpus``: real German sentences with most capitalised words swapped
for fresh ones, ~35 never-seen capitalised words per article as in real news), so no run
finds words an earlier one met. The modes alternate within each round; figures are medians.

    python benchmarks/bench_cli.py [--articles 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import Corpus, base_sentences  # noqa: E402


def run(args: list[str]) -> tuple[float, float, float]:
    """CPU seconds (user + system), wall seconds and peak resident MB of ``python -m geo
    ARGS`` in a child process."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "geo", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"python -m geo {' '.join(args)} failed: {err.strip()}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def write(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def command(mode: str, folder: Path, out: Path) -> list[str]:
    if mode == "extract":
        return ["extract", str(folder), "-o", str(out / "out.json")]
    return ["ingest", "--store", str(out / "store"), str(folder)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "geo", "build-gazetteer"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    corpus = Corpus(base_sentences([ROOT / "seeds", ROOT / "tests" / "gold" / "real_news"
                                    / "articles"]))
    modes = ("extract", "ingest")
    rates: dict[str, list[float]] = {m: [] for m in modes}
    walls: dict[str, list[float]] = {m: [] for m in modes}
    starts: dict[str, list[float]] = {m: [] for m in modes}
    peaks: dict[str, list[float]] = {m: [] for m in modes}
    cold = []
    with tempfile.TemporaryDirectory(prefix="lagebild-cli-") as tmp:
        base = Path(tmp)
        for r in range(args.runs):
            for mode in modes:
                texts, rate = corpus.articles(args.articles + 1)
                cold.append(rate)
                one = write(base / f"{mode}{r}-one", texts[:1])
                many = write(base / f"{mode}{r}-many", texts[1:])
                out1, outn = base / f"{mode}{r}-out1", base / f"{mode}{r}-outn"
                out1.mkdir()
                outn.mkdir()
                before = run(command(mode, one, out1))
                cpun, walln, peak = run(command(mode, many, outn))
                shutil.rmtree(out1)
                out1.mkdir()
                # start-up measured on both sides of the big run: the lesser is the one that
                # did not, say, rebuild a gazetteer cache another process had made stale
                cpu1, wall1, _ = min(before, run(command(mode, one, out1)))
                rates[mode].append((args.articles - 1) / max(cpun - cpu1, 1e-9))
                walls[mode].append((args.articles - 1) / max(walln - wall1, 1e-9))
                starts[mode].append(cpu1)
                peaks[mode].append(peak)
                print(f"round {r + 1} {mode}: {args.articles} articles {cpun:.1f} s CPU "
                      f"({walln:.1f} s wall), one article {cpu1:.2f} s CPU ({wall1:.2f} s wall)"
                      f" -> {rates[mode][-1]:.0f} articles/s after start-up; peak {peak:.0f} MB")
                for path in (one, many, out1, outn):
                    shutil.rmtree(path)
    med = statistics.median
    print(f"corpus: {args.articles} fresh articles per round and mode, cold-word rate median "
          f"{med(cold):.1f} never-seen capitalised words per article")
    for mode in modes:
        print(f"python -m geo {mode}: median {med(rates[mode]):.0f} articles/s by CPU time after "
              f"start-up over {args.runs} rounds (min {min(rates[mode]):.0f}, max "
              f"{max(rates[mode]):.0f}; wall clock median {med(walls[mode]):.0f}); start-up "
              f"(one article) median {med(starts[mode]):.2f} s CPU; peak memory median "
              f"{med(peaks[mode]):.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
