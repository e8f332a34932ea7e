"""Several analysts at once, without a browser: the real ``streamlit run dashboard.py`` on a
store with the seeds (and the malicious article) answers 3 concurrent sessions speaking
Streamlit's WebSocket protocol, each with a whole, successful script run that sends the map
and no exception. It catches what one browser session cannot: state shared between sessions
(``st.cache_resource``) filled by concurrent first runs.

The protocol client is ``benchmarks/bench_load.py``'s, loaded by path; no Chromium needed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import bench_load as bench
import pytest

from .conftest import Server, make_store, streamlit_server

SESSIONS = 3
SESSION_TIMEOUT = 60.0  # s: the first runs read the store; a busy 2-core machine is slow


@pytest.fixture(scope="module")
def load_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with streamlit_server(make_store(tmp_path_factory.mktemp("lagebild-load"))) as server:
        yield server


def test_concurrent_protocol_sessions(load_server: Server) -> None:
    port = int(load_server.url.rsplit(":", 1)[1])
    t0 = time.perf_counter()
    # Its own thread: Playwright's sync API (the other browser tests, same process) leaves an
    # event loop running in this one, and asyncio.run refuses to start inside it.
    with ThreadPoolExecutor(1) as pool:
        runs = pool.submit(asyncio.run, bench.concurrent_sessions(
            port, SESSIONS, SESSION_TIMEOUT)).result()
    wall = time.perf_counter() - t0
    report = "\n".join(f"session {i}: error={r.error!r} exceptions={r.exceptions} "
                       f"map={r.map_s} end={r.end_s} messages={r.messages}"
                       for i, r in enumerate(runs))
    report += f"\nwall {wall:.1f} s\nstreamlit log:\n{load_server.log_tail()}"
    assert len(runs) == SESSIONS
    for run in runs:
        assert run.error is None, report
        assert run.exceptions == [], report
        assert run.map_s is not None and run.end_s is not None, report
        assert run.map_s <= run.end_s, report
