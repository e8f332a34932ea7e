"""Seconds to load the cached gazetteer in a fresh process (warm cache), median of N runs, by
the wall clock and by CPU time (which other load on a shared machine disturbs less).

    python benchmarks/bench_gazetteer.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = ("import time; t, c = time.perf_counter(), time.process_time(); "
         "from geo import gazetteer; g = gazetteer.load(); "
         "print(time.perf_counter() - t, time.process_time() - c, len(g.places), len(g.names))")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "geo", "build-gazetteer"], check=True, cwd=ROOT)
    times, cpu = [], []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout.split()
        times.append(float(out[0]))
        cpu.append(float(out[1]))
    print(f"gazetteer: {out[2]} places, {out[3]} names")
    print(f"warm load: median {statistics.median(times):.3f} s wall over {args.runs} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}); CPU median "
          f"{statistics.median(cpu):.3f} s (min {min(cpu):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
