"""Browser budgets of the dashboard, in headless Debian Chromium (Playwright, /usr/bin/chromium):

- page load: seconds from navigating to the app until the map's markers are visible, with the
  app warm (one load first, not counted). Measured twice per run: in a fresh browser context
  (empty HTTP cache, a new Streamlit session: someone opening a link for the first time) and
  again after navigating away and back (a new Streamlit session, the browser's cache warm).
  Budget: 3 s.
  Each also until every place is drawn: the map draws the 500 most reported places first and
  the rest in chunks right after them.
- click: seconds from clicking the Plekhovo marker until the side panel shows its quote.
  Budget: 1 s.

The server is the same as the browser test's: ``streamlit run dashboard.py`` on a copy of the
app (seeds plus the malicious upload) on a free port, killed at the end. Requests outside
localhost are watched (not routed, which would slow every request) and reported.
- drag: frame times in the map's frame (``requestAnimationFrame``) while the mouse drags the map
  back and forth for ~2 s (several drags of many small steps, after the basemap is drawn);
  the median and 95th percentile frame time and the frames over 50 ms, pooled over the runs.
- filter: seconds from choosing "Stadt" under "Ortsart" until the caption counts the cities
  and the map holds exactly those places, every one drawn. Budget: 1 s. The view is
  cached on the server after the warm-up run, as it is after its first use on a desk; what
  a view costs the server the first time is the next figure.
- server: seconds of one run of the script on the server (Streamlit's AppTest, the browser
  left out): a rerun with nothing changed, a rerun that opens a place, and the first rerun
  of a new filter view (before any session asked for it); medians of ``--server-runs``.

``--baseline REV`` measures the dashboard of another revision (``git archive REV``, or a folder
holding another checkout) on the
same store, interleaved run by run with this checkout's, so both see the same load on a shared
machine; each figure is printed for both. ``--keep DIR`` keeps the built stores in DIR and
reuses them on the next call (a 10,000-article store takes minutes to build).

``--sizes 0,300,10000`` measures one store per size in turn: 0 is the seeds (plus the test's
malicious, far-away and placeless articles), N > 0 is the seeds plus N distinct articles of real
sentences with fresh words and gazetteer names (``bench_pipeline.Corpus``, as in
``bench_corpus``; no sentence naming a year before 1700), ingested by ``geo.corpus.ingest`` with 2 Dask
workers; each store's places and articles are printed. ``--articles N`` is ``--sizes N``.

    python benchmarks/bench_browser.py [--runs 10] [--sizes 0,300,10000] [--baseline REV]
                                       [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from harness import browser_harness

ROOT = Path(__file__).resolve().parent.parent
LOAD_BUDGET = 3.0
CLICK_BUDGET = 1.0
FILTER_BUDGET = 1.0
FILTER_LABEL = "Ortsart"
FILTER_CHOICE = "Stadt"
OLD_YEAR = re.compile(r"\b1[0-6]\d\d\b")
SLOW_FRAME = 50.0  # ms: a frame this long is a visible stutter while dragging


def _wait_markers(h, page, timeout_ms: float) -> None:
    """Until the first place marker or cluster is visible in the map."""
    page.frame_locator(h.FOLIUM_IFRAME).locator(f"{h.MARKER}, {h.CLUSTER}").first.wait_for(
        state="visible", timeout=timeout_ms)


# Every place is in its cluster (the map draws the most reported places first and the rest in
# chunks right after; a map without ``complete`` draws all at once).
ALL_DRAWN = "() => !!window.lagebild && window.lagebild.complete !== false"


def _wait_all_drawn(h, page, timeout_ms: float) -> None:
    h.map_frame(page, timeout_ms).wait_for_function(ALL_DRAWN, timeout=timeout_ms,
                                                    polling="raf")


def corpus_store(dest: Path, n: int, workers: int = 2) -> Path:
    """A store of the seeds and ``n`` distinct articles (real sentences, most capitalised words
    swapped for fresh words and gazetteer names, so every article brings new places), analysed
    by the real pipeline on ``workers`` Dask processes. Call under ``__main__`` (Dask spawns)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pipeline import Corpus, base_sentences

    from geo.corpus.ingest import Inputs, ingest
    from geo.corpus.store import Store

    # Sentences naming a year before 1700 are left out: the dashboard's time slider cannot take
    # a date before 1684-07-29 (Streamlit's limit) and the whole page fails on such a store.
    sentences = [s for s in base_sentences([ROOT / "seeds", ROOT / "tests" / "gold"
                                            / "real_news" / "articles"])
                 if not OLD_YEAR.search(s)]
    texts, _ = Corpus(sentences).articles(n)
    folder = dest / "in"
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
    root = dest / "store"
    ingest(Store(root), Inputs().items([ROOT / "seeds", folder]), workers=workers)
    return root


def store_size(root: Path) -> tuple[int, int]:
    """(places on the map, articles) of a store."""
    sys.path.insert(0, str(ROOT))
    from geo.corpus.store import Store

    store = Store(root)
    con = store.connect()
    places = con.execute("SELECT count(DISTINCT place_id) FROM mentions").fetchone()[0]
    return int(places), store.counts()["articles"]


# Frame times of the map's frame, from requestAnimationFrame, until __lbStop is set.
RECORD_FRAMES = """() => {
  window.__lbFrames = []; window.__lbStop = false;
  requestAnimationFrame(function first(t0) {
    let last = t0;
    requestAnimationFrame(function tick(t) {
      window.__lbFrames.push(t - last); last = t;
      if (!window.__lbStop) requestAnimationFrame(tick);
    });
  });
}"""


def drag_frames(h, page, frame, seconds: float = 2.0) -> list[float]:
    """Drag the map with the mouse, right and back left (so it stays on the places), in drags of
    many steps for ~``seconds``; the frame times (ms) recorded meanwhile."""
    frame.wait_for_function("() => document.querySelectorAll('.leaflet-lbLand-pane path')"
                            ".length > 10", timeout=30_000)
    page.wait_for_timeout(500)  # let the basemap and clusters settle
    box = frame.locator(".leaflet-container").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    frame.evaluate(RECORD_FRAMES)
    t0, sign = time.perf_counter(), 1
    while time.perf_counter() - t0 < seconds:
        x0, y0 = cx - sign * 180, cy - sign * 60
        page.mouse.move(x0, y0)
        page.mouse.down()
        page.mouse.move(x0 + sign * 360, y0 + sign * 120, steps=40)
        page.mouse.up()
        sign = -sign
    page.wait_for_timeout(200)  # the drag's inertia and moveend
    frame.evaluate("() => { window.__lbStop = true; }")
    return frame.evaluate("() => window.__lbFrames")


# The main caption ("8.969 Orte · ..."): the count of places the page shows.
PLACES_SHOWN = r"""() => {
  const c = Array.from(document.querySelectorAll('[data-testid="stCaptionContainer"]'))
    .map(e => e.innerText).find(t => /^[\d.]+ Orte · /.test(t));
  return c ? c.split(' Orte')[0] : null;
}"""
# True once the caption shows a count other than ``before`` and a map frame holds exactly that
# many places with markers or clusters drawn (the old map or layer may linger meanwhile).
FILTER_DONE = r"""before => {
  const c = Array.from(document.querySelectorAll('[data-testid="stCaptionContainer"]'))
    .map(e => e.innerText).find(t => /^[\d.]+ Orte · /.test(t));
  if (!c || c.split(' Orte')[0] === before) return false;
  const n = Number(c.split(' Orte')[0].replace(/\./g, ''));
  return Array.from(document.querySelectorAll('iframe')).some(f => {
    try {
      const w = f.contentWindow, lb = w.lagebild;
      return lb && lb.complete !== false && Object.keys(lb.markers).length === n && lb.group._map &&
        w.document.querySelector('svg.lb-place, .lb-cluster') !== null;
    } catch (e) { return false; }
  });
}"""


def filter_answer(page, timeout_ms: float) -> float:
    """Seconds from choosing FILTER_CHOICE under FILTER_LABEL until the caption and the map
    show the filtered places."""
    before = page.evaluate(PLACES_SHOWN)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=FILTER_LABEL)
    box.locator("input").click()
    page.keyboard.type(FILTER_CHOICE)
    option = page.get_by_role("option", name=FILTER_CHOICE, exact=True)
    option.wait_for(state="visible", timeout=timeout_ms)
    t0 = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(FILTER_DONE, arg=before, timeout=timeout_ms, polling="raf")
    return time.perf_counter() - t0


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q / 100 * len(xs)) - 1))]


def one_run(h, browser, url: str, timeout_ms: float, drag: bool = True) -> dict:
    """A new browser context (empty HTTP cache, new Streamlit session): load, drag the map,
    click Plekhovo,
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
        _wait_all_drawn(h, page, timeout_ms)
        load_all = time.perf_counter() - t0

        frames = drag_frames(h, page, h.map_frame(page, timeout_ms)) if drag else []
        plekhovo = h.show(h.map_frame(page, timeout_ms), h.PLEKHOVO)  # out of its cluster
        t1 = time.perf_counter()
        plekhovo.click()
        page.wait_for_function(
            "q => Array.from(document.querySelectorAll('.lb-panel'))"
            ".some(e => e.innerText.includes(q))",
            arg=h.PLEKHOVO_QUOTE, timeout=timeout_ms, polling="raf")
        click = time.perf_counter() - t1

        filtered = filter_answer(page, timeout_ms)

        page.goto("about:blank")
        t2 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        _wait_markers(h, page, timeout_ms)
        reload = time.perf_counter() - t2
        _wait_all_drawn(h, page, timeout_ms)
        reload_all = time.perf_counter() - t2
        return {"load": load, "load_all": load_all, "click": click, "filter": filtered,
                "reload": reload, "reload_all": reload_all,
                "external": traffic.external, "frames": frames}
    finally:
        context.close()


SERVER_SCRIPT = r"""
import json, os, statistics, sys, time
app = sys.argv[1]
sys.path.insert(0, app)
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(os.path.join(app, "dashboard.py"), default_timeout=900)
at.run()
assert not at.exception, at.exception
def timed(fn):
    t = time.perf_counter(); fn(); return time.perf_counter() - t
runs = int(sys.argv[2])
rerun = [timed(at.run) for _ in range(runs)]
from geo.corpus.store import Store
pids = [r[0] for r in Store(os.environ["LAGEBILD_STORE"]).connect().execute(
    "SELECT DISTINCT place_id FROM mentions ORDER BY place_id LIMIT ?", [runs]).fetchall()]
def open_place(pid):  # as a map click does: the place need not be among the list's options
    at.session_state["f_place"] = pid
    at.run()
opened = [timed(lambda: open_place(pid)) for pid in pids]
first_view = timed(lambda: at.multiselect(key="f_kind").set_value(["city"]).run())
assert not at.exception, at.exception
print(json.dumps({"rerun": rerun, "open": opened, "first_view": [first_view]}))
"""


def server_times(app_dir: Path, store: Path, runs: int) -> dict[str, list[float]]:
    """Script run times on the server (AppTest, in a process of its own that imports the
    app's own ``geo``): reruns with nothing changed, reruns that open a place, and the first
    run of a filter view nobody asked for yet."""
    env = {**os.environ, "LAGEBILD_STORE": str(store), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", SERVER_SCRIPT, str(app_dir), str(runs)],
                         cwd=app_dir, env=env, capture_output=True, text=True, timeout=1800)
    if out.returncode:
        raise RuntimeError(f"server timing failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def summary(xs: list[float]) -> str:
    return (f"median {statistics.median(xs):.3f} s (min {min(xs):.3f}, max {max(xs):.3f}, "
            f"n={len(xs)})")


def measure(h, store: Path, apps: dict[str, Path], runs: int, drag: bool,
            server_runs: int) -> bool:
    """Runs on one store, interleaved over the apps; prints their figures. False when a median
    of the first app (this checkout) is over its budget."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict]] = {name: [] for name in apps}
    external: list[str] = []
    with ExitStack() as stack:
        servers = {}
        for name, app_dir in apps.items():
            t = time.perf_counter()
            servers[name] = stack.enter_context(h.streamlit_server(store, app_dir))
            print(f"[{name}] server up in {time.perf_counter() - t:.1f} s at {servers[name].url}")
        p = stack.enter_context(sync_playwright())
        browser = h.launch(p)
        stack.callback(browser.close)
        for name, server in servers.items():
            warm = one_run(h, browser, server.url, 180_000, drag=False)
            print(f"[{name}] warm-up (not counted): load {warm['load']:.2f} s, "
                  f"click {warm['click']:.2f} s, filter {warm['filter']:.2f} s, "
                  f"reload {warm['reload']:.2f} s")
            external += warm["external"]
        for _ in range(runs):
            for name, server in servers.items():
                results[name].append(one_run(h, browser, server.url, 60_000, drag=drag))
                external += results[name][-1]["external"]

    ok = True
    for i, (name, done) in enumerate(results.items()):
        def line(what: str, xs: list[float], budget: float, name: str = name,
                 first: bool = i == 0) -> str:
            nonlocal ok
            med = statistics.median(xs)
            if first:
                ok = ok and med <= budget
            verdict = "within" if med <= budget else "OVER"
            return f"[{name}] {what}: {summary(xs)} - {verdict} the {budget:g} s budget"

        print(line("page load, new browser profile -> markers visible",
                   [r["load"] for r in done], LOAD_BUDGET))
        print(line("page load, new browser profile -> every place drawn",
                   [r["load_all"] for r in done], LOAD_BUDGET))
        print(line("page load, browser cache warm -> markers visible",
                   [r["reload"] for r in done], LOAD_BUDGET))
        print(line("page load, browser cache warm -> every place drawn",
                   [r["reload_all"] for r in done], LOAD_BUDGET))
        print(line("click Plekhovo -> quote in side panel", [r["click"] for r in done],
                   CLICK_BUDGET))
        print(line(f"filter {FILTER_LABEL} = {FILTER_CHOICE} -> caption and map show it",
                   [r["filter"] for r in done], FILTER_BUDGET))
        if drag:
            frames = [f for r in done for f in r["frames"]]
            slow = sum(f > SLOW_FRAME for f in frames)
            per_run = [sum(f > SLOW_FRAME for f in r["frames"]) for r in done]
            print(f"[{name}] drag the map ~2 s: frame median {statistics.median(frames):.1f} ms, "
                  f"p95 {percentile(frames, 95):.1f} ms, max {max(frames):.0f} ms, "
                  f"{slow} of {len(frames)} frames over {SLOW_FRAME:g} ms "
                  f"(per run: median {statistics.median(per_run):g}, max {max(per_run)}; "
                  f"{len(frames) / len(done):.0f} frames per run)")
    if server_runs:
        for name, app_dir in apps.items():
            times = server_times(app_dir, store, server_runs)
            print(f"[{name}] server, rerun with nothing changed: {summary(times['rerun'])}")
            print(f"[{name}] server, rerun opening a place: {summary(times['open'])}")
            print(f"[{name}] server, first rerun of a new filter view: "
                  f"{summary(times['first_view'])}")
    if external:
        print(f"requests outside localhost (seen): {sorted(set(external))}")
    else:
        print("requests outside localhost: none")
    return ok


def checkout(rev: str, dest: Path) -> Path:
    """The files of revision ``rev`` of this repository under ``dest`` (nothing in the
    repository changes)."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, check=True,
                             capture_output=True).stdout
    tar = dest / "rev.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as tf:
        tf.extractall(dest, filter="data")
    tar.unlink()
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="measured page loads (default 10)")
    ap.add_argument("--sizes", default="0",
                    help="comma-separated store sizes in articles; 0 is the seeds (default 0)")
    ap.add_argument("--articles", type=int, default=None, help="the same as --sizes N")
    ap.add_argument("--no-drag", action="store_true", help="skip the drag measurement")
    ap.add_argument("--baseline", metavar="REV",
                    help="also measure the dashboard of this git revision (or of the checkout "
                         "in this folder), interleaved")
    ap.add_argument("--keep", metavar="DIR", type=Path,
                    help="keep the built stores here and reuse them next time")
    ap.add_argument("--server-runs", type=int, default=5,
                    help="script runs timed on the server per figure (0: skip)")
    args = ap.parse_args(argv)
    sizes = [args.articles] if args.articles is not None else [
        int(x) for x in args.sizes.split(",") if x.strip()]
    h = browser_harness()
    if not h.CHROMIUM.exists():
        print(f"{h.CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    ok = True
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as tmp:
        apps = {"this checkout": ROOT}
        if args.baseline and Path(args.baseline).is_dir():
            apps[args.baseline] = Path(args.baseline).resolve()
        elif args.baseline:
            apps[args.baseline] = checkout(args.baseline, Path(tmp) / "baseline")
        for n in sizes:
            where = (args.keep / f"size-{n}") if args.keep else Path(tmp) / f"size-{n}"
            t = time.perf_counter()
            store = where / "store"
            if not (where / "complete").exists():
                where.mkdir(parents=True, exist_ok=True)
                store = corpus_store(where, n) if n else h.make_store(where)
                (where / "complete").write_text("")
            places, articles = store_size(store)
            what = f"seeds + {n} corpus articles" if n else "seeds (+ the test's 3 articles)"
            print(f"\n== store: {what}: {places} places, {articles} articles "
                  f"(built or found in {time.perf_counter() - t:.0f} s)")
            ok = measure(h, store, apps, args.runs, not args.no_drag, args.server_runs) and ok
    return 0


if __name__ == "__main__":
    sys.exit(main())
