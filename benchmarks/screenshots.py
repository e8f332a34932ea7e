"""Re-make the README's screenshots (docs/screenshots/) from the browser tests, and one of a big
corpus's map.

    python benchmarks/screenshots.py [--large-articles 300]

The tests themselves never write into the source tree: they save their screenshots wherever
``LAGEBILD_SHOTS`` points, a temporary folder unless this command sets it. The big corpus's map
(``map_large_corpus.png``) is made here: the seeds plus ``--large-articles`` distinct articles
of real sentences with fresh words and place names (``bench_browser.corpus_store``), ingested on
2 Dask workers, shown by the real ``streamlit run dashboard.py`` in headless Chromium."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def large_corpus_shot(path: Path, articles: int) -> None:
    """The map on a store of the seeds and ``articles`` corpus articles, as it opens."""
    import bench_browser
    from harness import browser_harness
    from playwright.sync_api import sync_playwright

    h = browser_harness()
    with tempfile.TemporaryDirectory(prefix="lagebild-shot-") as tmp:
        store = bench_browser.corpus_store(Path(tmp), articles)
        places, n = bench_browser.store_size(store)
        with h.streamlit_server(store) as server, sync_playwright() as p:
            browser = h.launch(p)
            try:
                traffic = h.Traffic()
                context = h.guarded_context(browser, traffic)
                page = context.new_page()
                frame = h.open_app(page, server.url, timeout=180_000)
                frame.wait_for_function(
                    "() => document.querySelectorAll('.leaflet-lbLand-pane path').length > 10",
                    timeout=30_000)
                page.wait_for_timeout(1500)  # clusters' first animation, basemap names
                page.screenshot(path=str(path))
                context.close()
            finally:
                browser.close()
    print(f"{path.name}: {places} places, {n} articles")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--large-articles", type=int, default=300,
                    help="corpus articles of the big map's store (0: no big map; default 300)")
    args = ap.parse_args()
    shots = ROOT / "docs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LAGEBILD_SHOTS": str(shots)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/browser"], cwd=ROOT,
                          env=env)
    if args.large_articles:
        large_corpus_shot(shots / "map_large_corpus.png", args.large_articles)
    print(f"screenshots in {shots}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
