"""Browser budgets of the dashboard, in headless Debian Chromium (Playwright, /usr/bin/chromium):

- page load: seconds from navigating to the app until the map's markers are visible, with the
  app warm (one load first, not counted). Measured twice per run: in a fresh browser context
  (empty HTTP cache, a new Streamlit session: someone opening a link for the first time) and
  again after navigating away and back (a new Streamlit session, the browser's cache warm).
  Budget: 3 s.
- click: seconds from clicking the Plekhovo marker until the side panel shows its quote.
  Budget: 1 s.

The server is the same as the browser test's: ``streamlit run dashboard.py`` on a copy of the
app (seeds plus the malicious upload) on a free port, killed at the end. Requests outside
localhost are watched (not routed, which would slow every request) and reported.
``--articles N`` measures a bigger store instead: N articles ingested as variations of the seeds
and the real-news gold articles (``tests/gold/real_news/articles``), through ``geo.ingest``.

    python benchmarks/bench_browser.py [--runs 10] [--articles 1200]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD_BUDGET = 3.0
CLICK_BUDGET = 1.0


def _harness():
    """tests/browser/conftest.py, loaded by path (its helpers are plain functions)."""
    path = ROOT / "tests" / "browser" / "conftest.py"
    spec = importlib.util.spec_from_file_location("lagebild_browser_harness", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def _wait_markers(h, page, timeout_ms: float) -> None:
    """Until the first place marker or cluster is visible in the map."""
    page.frame_locator(h.FOLIUM_IFRAME).locator(f"{h.MARKER}, {h.CLUSTER}").first.wait_for(
        state="visible", timeout=timeout_ms)


def big_store(dest: Path, n: int) -> Path:
    """A store of ``n`` articles: the seeds and the gold articles, each repeated with a numbered
    line so every copy is a new article (its own sha256), analysed by the real pipeline."""
    sys.path.insert(0, str(ROOT))
    from geo.ingest import Item, ingest
    from geo.store import Store

    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "gold" / "real_news" / "articles").glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    root = dest / "store"
    store = Store(root)
    items = []
    for i in range(n):
        stem, text = texts[i % len(texts)]
        name = f"{stem}_v{i // len(texts):03d}.txt"
        items.append(Item(name, name, f"{text}\n\n(Fassung {i})\n".encode()))
    for start in range(0, n, 200):
        ingest(store, items[start:start + 200])
    return root


def one_run(h, browser, url: str, timeout_ms: float) -> dict[str, float]:
    """A new browser context (empty HTTP cache, new Streamlit session): load, click Plekhovo,
    then reload the page (a new Streamlit session, browser cache now warm) and load again."""
    traffic = h.Traffic()
    # Watch, do not route: routing sends each of the ~200 requests through this process and
    # would add its own latency to the figures. External requests are still seen and reported.
    context = h.guarded_context(browser, traffic, block=False)
    try:
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        _wait_markers(h, page, timeout_ms)
        load = time.perf_counter() - t0

        plekhovo = h.show(h.map_frame(page, timeout_ms), h.PLEKHOVO)  # out of its cluster
        t1 = time.perf_counter()
        plekhovo.click()
        page.wait_for_function(
            "q => Array.from(document.querySelectorAll('.lb-panel'))"
            ".some(e => e.innerText.includes(q))",
            arg=h.PLEKHOVO_QUOTE, timeout=timeout_ms, polling="raf")
        click = time.perf_counter() - t1

        page.goto("about:blank")
        t2 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        _wait_markers(h, page, timeout_ms)
        reload = time.perf_counter() - t2
        return {"load": load, "click": click, "reload": reload, "external": traffic.external}
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="measured page loads (default 10)")
    ap.add_argument("--articles", type=int, default=0,
                    help="measure a store of this many articles (default: the seeds)")
    args = ap.parse_args(argv)
    h = _harness()
    if not h.CHROMIUM.exists():
        print(f"{h.CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as tmp:
        app = big_store(Path(tmp), args.articles) if args.articles else h.make_store(Path(tmp))
        t = time.perf_counter()
        with h.streamlit_server(app) as server, sync_playwright() as p:
            print(f"server up in {time.perf_counter() - t:.1f} s at {server.url}")
            browser = h.launch(p)
            try:
                warm = one_run(h, browser, server.url, 120_000)
                print(f"warm-up (not counted): load {warm['load']:.2f} s, "
                      f"click {warm['click']:.2f} s, reload {warm['reload']:.2f} s")
                external = list(warm["external"])
                runs = []
                for _ in range(args.runs):
                    runs.append(one_run(h, browser, server.url, 30_000))
                    external += runs[-1]["external"]
            finally:
                browser.close()

    def line(name: str, xs: list[float], budget: float) -> str:
        med = statistics.median(xs)
        verdict = "within" if med <= budget else "OVER"
        return (f"{name}: median {med:.3f} s (min {min(xs):.3f}, max {max(xs):.3f}, n={len(xs)}) "
                f"- {verdict} the {budget:g} s budget")

    print(line("page load, new browser profile -> markers visible",
               [r["load"] for r in runs], LOAD_BUDGET))
    print(line("page load, browser cache warm -> markers visible",
               [r["reload"] for r in runs], LOAD_BUDGET))
    print(line("click Plekhovo -> quote in side panel", [r["click"] for r in runs], CLICK_BUDGET))
    if external:
        print(f"requests outside localhost (blocked): {sorted(set(external))}")
    else:
        print("requests outside localhost: none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
