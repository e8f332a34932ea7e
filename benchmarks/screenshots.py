"""Re-make the README's screenshots (docs/screenshots/) from the browser tests.

    python benchmarks/screenshots.py

The tests themselves never write into the source tree: they save their screenshots wherever
``LAGEBILD_SHOTS`` points, a temporary folder unless this command sets it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    shots = ROOT / "docs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LAGEBILD_SHOTS": str(shots)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/browser"], cwd=ROOT,
                          env=env)
    print(f"screenshots in {shots}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
