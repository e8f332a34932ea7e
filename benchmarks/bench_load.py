"""Load benchmark: many analysts opening the dashboard at once (issue 14, finding 9).

The real ``streamlit run dashboard.py`` (the browser test's server, on a store with the seeds)
is driven without a browser: each session speaks Streamlit's own protocol over a WebSocket to
``ws://127.0.0.1:PORT/_stcore/stream`` - one ``BackMsg.rerun_script`` as the frontend sends on
page load, then ``ForwardMsg``s until the script run finishes. Per session it times, from the
start of the WebSocket handshake:

- map: the ``ForwardMsg`` whose delta is the streamlit-folium component (``component_instance``
  named ``streamlit_folium.st_folium``): the server has sent the map. What the browser then
  spends drawing it is not counted (``bench_browser.py`` measures that);
- end: ``script_finished`` (finished successfully): every element of the page has been sent.

A first session on a fresh server is reported apart (cold: the store is read and the caches are
filled), then one warm session alone (no contention); then ``--rounds`` rounds of ``--sessions`` concurrent sessions. A session fails on a
timeout, a closed socket, a run that ends otherwise than successfully, or an exception element.
The server's peak memory is the sum of VmHWM over the streamlit process and its children.

Target (issue 14): 25 concurrent sessions on the seeds get the map within 5 s (median).

    python benchmarks/bench_load.py [--sessions 25] [--rounds 3] [--timeout 120]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from harness import browser_harness
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
MAP_BUDGET = 5.0  # s, median time to map with 25 concurrent sessions
MAP_COMPONENT = "streamlit_folium"  # the component's registered name starts with this


# --- one session over Streamlit's protocol -----------------------------------------------------

@dataclass
class Session:
    """What one protocol session saw; times in seconds from the start of the handshake."""

    map_s: float | None = None
    end_s: float | None = None
    error: str | None = None
    exceptions: list[str] = field(default_factory=list)
    messages: int = 0
    received: int = 0  # bytes

    @property
    def ok(self) -> bool:
        return self.error is None and not self.exceptions and self.end_s is not None


def first_message(port: int, query: str = "") -> bytes:
    """The ``BackMsg`` the frontend sends once its socket is open: rerun the main page with no
    widget state, plus the browser's context (as a German analyst's browser would send it)."""
    state = ClientState(
        query_string=query, page_script_hash="",
        context_info=ContextInfo(timezone="Europe/Berlin", timezone_offset=-60, locale="de-DE",
                                 url=f"http://127.0.0.1:{port}/", is_embedded=False,
                                 color_scheme="light"))
    return BackMsg(rerun_script=state).SerializeToString()


def _is_map(msg: ForwardMsg) -> bool:
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return False
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "component_instance":
        return element.component_instance.component_name.startswith(MAP_COMPONENT)
    if kind == "bidi_component":
        return element.bidi_component.component_name.startswith(MAP_COMPONENT)
    return False


def _exception(msg: ForwardMsg) -> str | None:
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    if element.WhichOneof("type") != "exception":
        return None
    return f"{element.exception.type}: {element.exception.message}"


async def protocol_session(port: int, timeout: float, query: str = "") -> Session:
    """Connect, ask for a run of the page, read until it finishes, close. Never raises: every
    failure is recorded in ``Session.error``."""
    out = Session()
    t0 = time.perf_counter()
    try:
        async with asyncio.timeout(timeout):
            async with websockets.connect(
                    f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                    max_size=None, open_timeout=timeout, close_timeout=2) as ws:
                await ws.send(first_message(port, query))
                async for frame in ws:
                    if isinstance(frame, str):
                        raise ValueError("text frame from the server")
                    out.messages += 1
                    out.received += len(frame)
                    msg = ForwardMsg()
                    msg.ParseFromString(frame)
                    kind = msg.WhichOneof("type")
                    if kind == "ref_hash":  # we announce no cached hashes: must not happen
                        raise ValueError("server sent a cached-message reference")
                    if out.map_s is None and _is_map(msg):
                        out.map_s = time.perf_counter() - t0
                    if (problem := _exception(msg)) is not None:
                        out.exceptions.append(problem)
                    if kind == "script_finished":
                        status = msg.script_finished
                        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                            continue  # st.rerun(): a new run follows on the same session
                        if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                            raise ValueError(f"script finished with status {status}")
                        out.end_s = time.perf_counter() - t0
                        break
                else:
                    raise ConnectionError("socket closed before the script finished")
    except TimeoutError:
        out.error = f"timeout after {timeout:g} s"
    except Exception as err:  # noqa: BLE001 - a load test counts failures, it does not stop
        out.error = f"{type(err).__name__}: {err}"
    if out.error is None and out.map_s is None and not out.exceptions:
        out.error = "script finished without the map"
    return out


async def concurrent_sessions(port: int, n: int, timeout: float) -> list[Session]:
    """``n`` sessions started together; all are bounded by ``timeout`` and close themselves."""
    return list(await asyncio.gather(*(protocol_session(port, timeout) for _ in range(n))))


# --- the server's memory -----------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc/*/task/*/children)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return out


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_mb(pid: int) -> float:
    """Sum of the peak resident set size (VmHWM) over the server and its children."""
    return sum(_status_kb(p, "VmHWM") for p in _tree(pid)) / 1024


def rss_mb(pid: int) -> float:
    return sum(_status_kb(p, "VmRSS") for p in _tree(pid)) / 1024


# --- report ------------------------------------------------------------------------------------

def p90(xs: list[float]) -> float:
    """Nearest rank: the smallest value at or above 90 % of the sessions."""
    xs = sorted(xs)
    return xs[max(0, math.ceil(0.9 * len(xs)) - 1)]


def summary(name: str, runs: list[Session]) -> str:
    ok = [r for r in runs if r.ok]
    maps = [r.map_s for r in ok if r.map_s is not None]
    ends = [r.end_s for r in ok if r.end_s is not None]
    line = f"{name}: {len(runs)} sessions, {len(runs) - len(ok)} failed"
    if maps:
        line += (f"; to map median {statistics.median(maps):.2f} s, p90 {p90(maps):.2f} s, "
                 f"max {max(maps):.2f} s")
    if ends:
        line += (f"; to script end median {statistics.median(ends):.2f} s, "
                 f"p90 {p90(ends):.2f} s, max {max(ends):.2f} s")
    if ok:
        line += f"; {ok[0].messages} messages, {ok[0].received / 1024:.0f} KiB per session"
    return line


def failures(runs: list[Session]) -> list[str]:
    return sorted({r.error or "; ".join(r.exceptions) for r in runs if not r.ok})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=25, help="concurrent sessions (default 25)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of concurrent sessions")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds a round (and each of its sessions) may take (default 120)")
    args = ap.parse_args(argv)
    h = browser_harness()
    with tempfile.TemporaryDirectory(prefix="lagebild-load-") as tmp:
        store = h.make_store(Path(tmp), evil=False)  # the seeds only, as in the issue
        t = time.perf_counter()
        with h.streamlit_server(store) as server:
            port = int(server.url.rsplit(":", 1)[1])
            pid = server.proc.pid
            print(f"server up in {time.perf_counter() - t:.1f} s at {server.url}, "
                  f"RSS {rss_mb(pid):.0f} MB")
            cold = asyncio.run(concurrent_sessions(port, 1, args.timeout))
            print(summary("cold, first session", cold))
            print(f"  server RSS after the cold session {rss_mb(pid):.0f} MB")
            # One warm session alone: the cost of a page without contention, for comparison.
            alone = asyncio.run(concurrent_sessions(port, 1, args.timeout))
            print(summary("warm, one session alone", alone))
            everything = cold + alone
            rounds: list[Session] = []
            for i in range(args.rounds):
                t, cpu = time.perf_counter(), time.process_time()
                runs = asyncio.run(concurrent_sessions(port, args.sessions, args.timeout))
                wall, cpu = time.perf_counter() - t, time.process_time() - cpu
                rounds += runs
                everything += runs
                print(summary(f"round {i + 1}, {args.sessions} concurrent", runs)
                      + f"; wall {wall:.2f} s (this client's CPU {cpu:.2f} s); "
                      f"server RSS {rss_mb(pid):.0f} MB")
            peak = peak_rss_mb(pid)
            server_log = server.log_tail(2000)
    print(summary(f"all warm rounds ({args.rounds} x {args.sessions})", rounds))
    print(f"server peak RSS (VmHWM, streamlit and children): {peak:.0f} MB")
    bad = failures(everything)
    if bad:
        print("failures:\n  " + "\n  ".join(bad))
        print(f"server log tail:\n{server_log}")
    maps = [r.map_s for r in rounds if r.ok and r.map_s is not None]
    if maps:
        med = statistics.median(maps)
        verdict = "within" if med <= MAP_BUDGET else "OVER"
        print(f"median time to map, {args.sessions} concurrent: {med:.2f} s - {verdict} the "
              f"{MAP_BUDGET:g} s target")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
