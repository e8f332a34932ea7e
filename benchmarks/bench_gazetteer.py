"""Seconds to load the cached gazetteer in a fresh process (warm cache), median of N runs.

    python benchmarks/bench_gazetteer.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = ("import time; t = time.perf_counter(); from geo import gazetteer; g = gazetteer.load(); "
         "print(time.perf_counter() - t, len(g.places), len(g.names))")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "geo", "build-gazetteer"], check=True, cwd=ROOT)
    times = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout.split()
        times.append(float(out[0]))
    print(f"gazetteer: {out[1]} places, {out[2]} names")
    print(f"warm load: median {statistics.median(times):.3f} s over {args.runs} runs "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
