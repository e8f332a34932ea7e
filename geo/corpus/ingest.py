"""Ingest: files and folders into the store, each article analysed once.

The input is streamed: files are read and hashed one at a time in the calling process (cheap),
bytes the store already knows are skipped there, and the new ones are gathered into chunks of
``CHUNK`` articles, each analysed and written as one store batch before the next is read (or,
on Dask, while a few more are in flight), so memory is bounded by a chunk, not by the corpus.

``--workers N`` starts a local Dask cluster of N processes, ``--scheduler ADDRESS`` uses a
running one. Each worker process loads the gazetteer once (``geo.gazetteer.load`` is cached
per process) and writes the batch of each chunk it analysed straight into the store (temporary name, then rename, as the calling process would),
sending back only the batch's name and what could not be read: the calling process neither
unpickles tables nor writes Parquet, so it takes no CPU from the workers. A worker that cannot
see the store folder (a cluster on other machines without a shared file system) sends the
tables back and the calling process writes them. A crash loses at most the chunks in flight
and never leaves half a batch.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from geo.corpus.collection import Tables
from geo.corpus.ids import unique_id
from geo.corpus.schema import ANALYSER_VERSION
from geo.corpus.store import Store, write_batch
from geo.text.reading import ReadError, article_files, file_bytes

CHUNK = 200  # articles per batch: big enough to amortise a Parquet write, small enough to lose
IN_FLIGHT = 2  # chunks queued per Dask worker beyond the one it runs: never idle, never hoarding
QUIET_CLUSTER = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.tick.interval": "1s",
                 "distributed.admin.system-monitor.interval": "5s"}


class SchedulerError(Exception):
    """The Dask scheduler named could not be reached (one line, for the user)."""


@dataclass(frozen=True)
class Item:
    """One input: its display name, where it came from, its bytes and what the user said of it."""

    name: str
    path: str
    data: bytes
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def with_meta(self, **meta: Any) -> Item:
        return Item(self.name, self.path, self.data, {**self.meta, **meta})


@dataclass
class Summary:
    new: int = 0
    known: int = 0
    unreadable: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # article ids
    duplicates: list[str] = field(default_factory=list)  # article ids already kept
    cluster_seconds: float | None = None  # starting the local Dask cluster, when one was started
    analysis_cpu: float = 0.0  # CPU seconds spent analysing and writing chunks, wherever

    def line(self) -> str:
        return (f"{self.new} new, {self.known} already known, {self.unreadable} unreadable, "
                f"{self.seconds:.1f} s")


@dataclass
class Inputs:
    """Files and folders to read; what cannot be used is counted and said in one line each."""

    messages: list[str] = field(default_factory=list)
    unreadable: int = 0
    total: int | None = None  # files found, once ``items`` has listed them

    def items(self, paths: Iterable[str | Path]) -> Iterator[Item]:
        """The files' contents one at a time (only the list of names is made up front)."""
        files = list(article_files(paths, self._report))
        self.total = len(files)
        for path in files:
            try:
                data = file_bytes(path)
            except ReadError as err:
                self._report(str(err), True)
                continue
            yield Item(path.name, str(path), data, self._sidecar(path))

    def _sidecar(self, path: Path) -> dict[str, Any]:
        """What ``NAME.meta.json`` beside an article says of it: published (YYYY-MM-DD),
        title, outlet, url. A sidecar that cannot be used is said once and ignored."""
        side = path.with_name(path.name + ".meta.json")
        if not side.is_file():
            return {}
        try:
            raw = json.loads(side.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not an object")
            meta: dict[str, Any] = {k: str(raw[k]) for k in ("title", "outlet", "url")
                                    if raw.get(k)}
            if raw.get("published"):
                meta["published"] = date.fromisoformat(str(raw["published"]))
            return meta
        except (OSError, ValueError) as err:
            self.messages.append(f"{side}: ignored ({err})")
            return {}

    def _report(self, message: str, unreadable: bool) -> None:
        self.messages.append(message)
        self.unreadable += unreadable


def analyse_items(items: list[Item]) -> tuple[Tables, list[str], list[str]]:
    """Read and analyse a chunk (runs on a worker): the tables, one message per unreadable
    item, and the sha256 of each unreadable item. Pure: the same items give the same tables."""
    from geo.corpus.collection import tables
    from geo.pipeline import analyse
    from geo.text.reading import read_bytes

    articles, messages, bad = [], [], []
    for item in items:
        try:
            article = read_bytes(item.path, item.data)
        except ReadError as err:
            messages.append(str(err))
            bad.append(item.sha256)
            continue
        article.id = item.meta.get("article_id", article.id)
        if item.meta.get("published"):
            article.published, article.published_source = item.meta["published"], "user"
        articles.append(article)
    analysis = analyse(articles)
    meta = {it.meta["article_id"]: {k: v for k, v in it.meta.items()
                                    if k not in ("article_id", "published")}
            for it in items if "article_id" in it.meta}
    return tables(analysis, meta), messages, bad


@dataclass(frozen=True)
class Done:
    """What analysing one chunk sends back: the batch it wrote (else the tables to write, when
    the store was out of the worker's reach), one message and the sha256 per unreadable item."""

    batch: str | None
    tables: Tables | None
    messages: list[str]
    bad: list[str]
    cpu: float = 0.0  # CPU seconds of the thread that analysed (and wrote) the chunk


def analyse_chunk(items: list[Item], batches: str | None, probe: str | None = None) -> Done:
    """Analyse a chunk and, when the store's ``batches`` folder is reachable here (``probe``,
    a file the calling process made in it, is seen), write its batch. Runs on a worker."""
    cpu = time.thread_time()
    t, messages, bad = analyse_items(items)
    if not t["articles"]:
        return Done(None, None, messages, bad, time.thread_time() - cpu)
    if batches is not None and (probe is None or (Path(batches) / probe).exists()):
        batch = write_batch(Path(batches), t)
        return Done(batch, None, messages, bad, time.thread_time() - cpu)
    return Done(None, t, messages, bad, time.thread_time() - cpu)


def ingest(store: Store, items: Iterable[Item], *, reanalyse: bool = False,
           workers: int | None = None, scheduler: str | None = None,
           progress: Callable[[int, int], None] | None = None,
           inputs: Inputs | None = None, chunk: int = CHUNK) -> Summary:
    """Analyse what the store does not know yet and keep it, one batch per chunk, reading the
    items as the chunks go. ``inputs``, when the items come from files, adds what could not be
    read to the summary and the number of files to the progress."""
    started = time.perf_counter()
    summary = Summary()
    before = set(store.batches())  # listed before ``known``: a batch after it is news
    known = store.known()
    taken = {k.article_id for k in known.values()}
    seen: dict[str, str] = {}  # sha256 -> article id, of what this run analyses
    added = datetime.now(UTC).isoformat(timespec="seconds")
    count = len(items) if isinstance(items, list | tuple) else None
    handled = 0  # items known, analysed or unreadable

    def chunks() -> Iterator[tuple[list[Item], list[str]]]:
        """Chunks of the items the store does not know, with their sha256s, read lazily."""
        todo: list[Item] = []
        shas: list[str] = []
        nonlocal handled
        for item in items:
            sha = item.sha256
            hit = known.get(sha)
            if sha in seen or (hit and (hit.analyser == ANALYSER_VERSION or not reanalyse)):
                summary.known += 1
                summary.duplicates.append(seen.get(sha) or (hit.article_id if hit else ""))
                handled += 1
                continue
            article_id = hit.article_id if hit else unique_id(Path(item.name).stem, sha, taken)
            seen[sha] = article_id
            meta = {"article_id": article_id, "added": added, "analyser": ANALYSER_VERSION}
            meta.update({k: v for k, v in item.meta.items()
                         if k in ("title", "outlet", "url", "published")})
            todo.append(Item(item.name, item.path, item.data, meta))
            shas.append(sha)
            if len(todo) == chunk:
                yield todo, shas
                todo, shas = [], []
        if todo:
            yield todo, shas

    shown = [0]

    def tell(done: int | None) -> None:
        """Progress over the files (or items) handled; ``None``: all, once at the end."""
        total = (count if inputs is None else inputs.total) or 0
        done = total if done is None else min(done, total)
        if progress and done > shown[0]:
            shown[0] = done
            progress(done, total)

    ours: dict[str, str] = {}  # sha256 -> the batch this run wrote it in
    with _engine(store, workers, scheduler, summary) as run:
        for shas, done in run(chunks()):
            summary.messages.extend(done.messages)
            summary.unreadable += len(done.bad)
            summary.analysis_cpu += done.cpu
            batch = done.batch
            if done.tables is not None:
                batch = store.write_batch(done.tables)
            if batch is not None:
                bad = set(done.bad)
                ours.update((sha, batch) for sha in shas if sha not in bad)
            handled += len(shas)
            tell(handled + (inputs.unreadable if inputs else 0))
    others = set(store.batches()) - before - set(ours.values())
    _tell_the_truth(store, ours, seen, summary, bool(others))
    if inputs is not None:
        summary.messages[:0] = inputs.messages
        summary.unreadable += inputs.unreadable
    tell(None)
    summary.seconds = time.perf_counter() - started
    return summary


def _tell_the_truth(store: Store, ours: dict[str, str], ids: dict[str, str],
                    summary: Summary, others: bool) -> None:
    """Another writer may have kept the same bytes while this run analysed them: the store
    shows the earlier batch's article, so this run reports it as already known, not new.
    Asked of the store only when ``others``, batches of other writers, landed meanwhile."""
    shown = store.first_batches(ours) if ours and others else {}
    for sha, article_id in ids.items():  # in input order, whatever order the chunks came back
        batch = ours.get(sha)
        if batch is None:
            continue  # unreadable
        if shown.get(sha, batch) == batch:
            summary.new += 1
            summary.added.append(article_id)
        else:
            summary.known += 1
            summary.duplicates.append(article_id)


Chunks = Iterator[tuple[list[Item], list[str]]]
Runner = Callable[[Chunks], Iterator[tuple[list[str], Done]]]


@contextmanager
def _engine(store: Store, workers: int | None, scheduler: str | None,
            summary: Summary) -> Iterator[Runner]:
    """How chunks are analysed: here, one after the other, or on Dask (a local cluster of
    ``workers`` processes, or the cluster at ``scheduler``), started only when the first new
    chunk is there: a corpus the store knows already costs no cluster."""
    batches = str(store.batches_dir)
    if not workers and not scheduler:
        def serial(chunks: Chunks) -> Iterator[tuple[list[str], Done]]:
            for todo, shas in chunks:
                yield shas, analyse_chunk(todo, batches)
        yield serial
        return

    state: dict[str, Any] = {}

    def parallel(chunks: Chunks) -> Iterator[tuple[list[str], Done]]:
        first = next(chunks, None)
        if first is None:
            return
        client, n = _connect(workers, scheduler, state, summary)
        probe = store.batches_dir / f".tmp-probe-{uuid.uuid4().hex}"
        probe.touch()
        state["probe"] = probe
        yield from _pipeline(client, n, chain([first], chunks), batches, probe.name)

    try:
        yield parallel
    finally:
        if "probe" in state:
            with suppress(OSError):
                state["probe"].unlink()
        if "client" in state:
            state["client"].close()
        if state.get("cluster") is not None:
            state["cluster"].close()


def _connect(workers: int | None, scheduler: str | None, state: dict[str, Any],
             summary: Summary) -> tuple[Any, int]:
    """A Dask client (kept in ``state`` for closing) and the number of workers."""
    import warnings

    from dask.distributed import Client, LocalCluster

    # the analyst asked for workers, not for Dask's notes on graph sizes and dashboard ports
    warnings.filterwarnings("ignore", message=".*(large graph|already in use).*")
    if scheduler:
        try:
            client = Client(scheduler, timeout=10)
        except OSError as err:
            raise SchedulerError(f"cannot reach the Dask scheduler {scheduler} ({err})") from err
        state["client"] = client
    else:
        import dask

        t = time.perf_counter()
        # the workers analyse, nothing else: no statistical profiler sampling their stacks 100
        # times a second, no memory monitor (a chunk bounds their memory), no dashboard, and
        # the event loops' housekeeping at a slow pace (together ~3 % of the CPU on 2 cores)
        with dask.config.set(QUIET_CLUSTER):
            state["cluster"] = cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, memory_limit=0,
                dashboard_address=None, silence_logs=50)
            state["client"] = client = Client(cluster)
        summary.cluster_seconds = time.perf_counter() - t
    n = max(len(client.scheduler_info().get("workers", {})), workers or 1)
    return client, n


def _pipeline(client: Any, workers: int, chunks: Chunks, batches: str,
              probe: str) -> Iterator[tuple[list[str], Done]]:
    """Submit chunks as they are read, at most ``IN_FLIGHT`` more per worker than the workers
    run, and hand back each as it completes (any order: a batch is a batch wherever it lands,
    and which article each sha256 becomes was settled before submitting)."""
    from dask.distributed import as_completed

    pending = as_completed()
    shas_of: dict[str, list[str]] = {}
    limit = workers * (1 + IN_FLIGHT)

    def finished(future: Any) -> tuple[list[str], Done]:
        done = future.result()
        shas = shas_of.pop(future.key)
        future.release()
        return shas, done

    for todo, shas in chunks:
        future = client.submit(analyse_chunk, todo, batches, probe, pure=False)
        shas_of[future.key] = shas
        pending.add(future)
        while pending.count() >= limit:
            yield finished(next(pending))
    for future in pending:
        yield finished(future)


def terminal_progress(done: int, total: int) -> None:
    """A progress bar on stderr, only on a terminal."""
    if not sys.stderr.isatty() or not total:
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()
