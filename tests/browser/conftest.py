"""Shared set-up for the browser test and ``benchmarks/bench_browser.py``: a store in a temporary
folder (the seeds and a malicious article), a real ``streamlit run`` server on
a free port, and headless Debian Chromium driven by Playwright with every request outside this
machine aborted and recorded.

The helpers are plain functions so the benchmark can load this file by path and reuse them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Schemes that never leave the page (inline data, blobs, srcdoc iframes).
LOCAL_SCHEMES = {"data", "blob", "about", "javascript"}

# The map's iframe: streamlit-folium's title until the map renames it for screen readers.
MAP_TITLE = "Karte der berichteten Orte (Zahlen, Zitate)"
FOLIUM_IFRAME = f'iframe[title="streamlit_folium.st_folium"], iframe[title="{MAP_TITLE}"]'
MARKER = "svg.lb-place"
CLUSTER = ".lb-cluster"
PLEKHOVO = "Plekhovo"
# A sentence of seeds/004_*.txt: what the side panel must show after the Plekhovo click.
PLEKHOVO_QUOTE = "Angriffe um die Dörfer Plekhovo, Vorobzha und Martynovka"
KURSK = "Oblast Kursk (Kursk Oblast)"

EVIL_NAME = "evil_kursk.txt"
EVIL_TEXT = (
    'Angriff bei Kursk <img src=x onerror="window.__pwned=1;alert(1)"> '
    "<script>window.__pwned=2;alert(2)</script> in der Region Kursk. "
    "Nach Angaben des ukrainischen Generalstabs sind rund 10.000 russische Soldaten "
    "in der Region Kursk im Einsatz.\n")
EVIL_MARK = '<img src=x onerror="window.__pwned=1;alert(1)">'
# Far from Kursk: the map must open on these, not on the front.
FAR_NAME = "far_portugal.txt"
FAR_TEXT = ("Bei Protesten in Lissabon und in Porto wurden nach Angaben der Polizei mindestens "
            "12 Menschen verletzt.\n")
# A figure whose article names no place: it must still be listed ("ohne Ort").
NOWHERE_NAME = "nowhere.txt"
NOWHERE_TEXT = ("Nach Angaben des Generalstabs wurden in der vergangenen Woche 4.321 Soldaten "
                "getötet.\n")

SERVER_START_TIMEOUT = 60  # s: imports, plus a 13 s gazetteer build when no cache can be copied
FIRST_MAP_TIMEOUT = 60_000  # ms: the first run of the script reads and analyses every article


# --- the store the app reads -------------------------------------------------------------------

def make_store(dest: Path, evil: bool = True) -> Path:
    """A store under ``dest`` with the seeds and, with ``evil``, the malicious article, analysed
    by the real pipeline (what the dashboard reads through ``LAGEBILD_STORE``)."""
    sys.path.insert(0, str(ROOT))
    try:
        from geo.corpus.ingest import Inputs, Item, ingest
        from geo.corpus.store import Store
    finally:
        sys.path.remove(str(ROOT))
    root = dest / "store"
    store = Store(root)
    ingest(store, Inputs().items([ROOT / "seeds"]))
    if evil:
        ingest(store, [Item(name, name, text.encode("utf-8")) for name, text in (
            (EVIL_NAME, EVIL_TEXT), (FAR_NAME, FAR_TEXT), (NOWHERE_NAME, NOWHERE_TEXT))])
    return root


# --- the server --------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    log: Path

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer {url}/_stcore/health within {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    """End the server and everything it started (its own process group)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, 15)
    except (ProcessLookupError, PermissionError):
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, 9)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.wait(timeout=10)


@contextmanager
def streamlit_server(store: Path, app_dir: Path = ROOT) -> Iterator[Server]:
    """``python -m streamlit run dashboard.py`` on ``store``, on a free port; always killed.
    ``app_dir`` is the checkout whose dashboard runs (the benchmark compares two). Nothing is
    written into the repository: the log goes beside the store."""
    port = free_port()
    log = store.parent / f"streamlit-{port}.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1",
           "LAGEBILD_STORE": str(store)}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py",
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=app_dir, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        _wait_healthy(server.url, proc, SERVER_START_TIMEOUT)
        yield server
    except BaseException as err:
        if not isinstance(err, (KeyboardInterrupt, GeneratorExit)):
            err.add_note(f"streamlit log:\n{server.log_tail()}")
        raise
    finally:
        stop(proc)


# --- the browser -------------------------------------------------------------------------------

def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class Traffic:
    """Every request the page made (main page and iframes) and the ones that left the machine."""

    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def outside(self, url: str) -> None:
        if url not in self.external:
            self.external.append(url)


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True)


def guarded_context(browser, traffic: Traffic, block: bool = True, **kwargs):
    """A browser context that records every request outside localhost and, with ``block``,
    aborts it. Routing on the context covers iframes and workers too. Routing sends every
    request through this process and slows the ~200 requests of a Streamlit page, so the
    benchmark only watches (``block=False``): requests are still seen by the page listeners."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000},
                                  service_workers="block", **kwargs)
    context.on("page", lambda page: _watch_page(page, traffic))
    if not block:
        return context

    def route(r) -> None:
        url = r.request.url
        if is_local(url):
            r.continue_()
        else:
            traffic.outside(url)
            r.abort("blockedbyclient")

    context.route("**/*", route)
    return context


def _watch_page(page, traffic: Traffic) -> None:
    """Dialogs, WebSockets (not HTTP, so not routed; Streamlit's own is local) and any request
    in any of the page's frames, whether or not it was routed."""

    def on_request(req) -> None:
        traffic.requests.append(req.url)
        if not is_local(req.url):
            traffic.outside(req.url)

    def on_ws(ws) -> None:
        traffic.requests.append(ws.url)
        if not is_local(ws.url):
            traffic.outside(ws.url)

    def on_dialog(dialog) -> None:
        traffic.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("websocket", on_ws)
    page.on("dialog", on_dialog)
    page.on("console", lambda msg: traffic.console_errors.append(msg.text)
            if msg.type == "error" else None)
    page.on("request", on_request)


def map_frame(page, timeout: float = FIRST_MAP_TIMEOUT):
    """The frame that holds the Leaflet map: the streamlit-folium component's iframe, or an
    iframe nested inside it. Waits until its markers (places or clusters) are drawn."""
    page.wait_for_selector(FOLIUM_IFRAME, state="attached", timeout=timeout)
    deadline = time.monotonic() + timeout / 1000
    while True:
        for frame in page.frames:
            if frame == page.main_frame:
                continue
            try:
                if frame.locator(f".leaflet-container {MARKER}, .leaflet-container {CLUSTER}"
                                 ).count():
                    return frame
            except Exception:  # a frame navigating away while we look
                continue
        if time.monotonic() > deadline:
            raise TimeoutError("no Leaflet markers in any frame of the page")
        page.wait_for_timeout(50)


def marker(frame, label: str):
    """A marker by its place label (the SVG's aria-label, the same text as its tooltip)."""
    return frame.locator(f'{MARKER}[aria-label="{label}"]')


def show(frame, label: str):
    """Bring a place's marker out of its cluster (zoom in or spiderfy) and return it."""
    assert frame.evaluate("label => new Promise(done => window.lagebild.show(label, () => "
                          "done(true)) || done(false))", label), f"no place labelled {label!r}"
    found = marker(frame, label)
    found.wait_for(state="visible", timeout=15_000)
    return found


def open_app(page, url: str, timeout: float = FIRST_MAP_TIMEOUT):
    page.goto(url, wait_until="domcontentloaded", timeout=timeout)
    return map_frame(page, timeout)


def side_panel(page):
    """The side panel's place account (``popups.panel_html`` puts it in ``.lb-panel``)."""
    return page.locator(".lb-panel")


# --- pytest fixtures ---------------------------------------------------------------------------

def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; CI must run the browser test (scripts/test.sh "
                    "installs Debian's chromium)")
    pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium; scripts/test.sh does)")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> Iterator[Server]:
    require_chromium()
    store = make_store(tmp_path_factory.mktemp("lagebild-app"))
    with streamlit_server(store) as server:
        yield server


@pytest.fixture()
def session(browser, app_server):
    """A fresh browser context (own cookies, own Streamlit session) with request guarding:
    the page, its request log and the server."""
    traffic = Traffic()
    context = guarded_context(browser, traffic)
    page = context.new_page()
    try:
        yield page, traffic, app_server
    finally:
        context.close()


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        try:
            yield b
        finally:
            b.close()
