"""Ingest: files and folders into the store, each article analysed once.

Files are read and hashed in the calling process (cheap); only bytes the store does not know
are analysed, in chunks, either here or on Dask workers (``--workers N`` starts a local
cluster of N processes, ``--scheduler ADDRESS`` uses a running one). Each worker process loads
the gazetteer once (``geo.gazetteer.load`` is cached per process) and sends back flat tables;
the calling process writes one store batch per chunk, so a crash loses at most the chunk being
written and never leaves half a batch.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from geo.corpus.collection import Tables
from geo.corpus.ids import unique_id
from geo.corpus.schema import ANALYSER_VERSION
from geo.corpus.store import Store
from geo.text.reading import ReadError, article_files, file_bytes

CHUNK = 200  # articles per batch: big enough to amortise a Parquet write, small enough to lose


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

    def line(self) -> str:
        return (f"{self.new} new, {self.known} already known, {self.unreadable} unreadable, "
                f"{self.seconds:.1f} s")


@dataclass
class Inputs:
    """Files and folders to read; what cannot be used is counted and said in one line each."""

    messages: list[str] = field(default_factory=list)
    unreadable: int = 0

    def items(self, paths: Iterable[str | Path]) -> Iterator[Item]:
        for path in article_files(paths, self._report):
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


def ingest(store: Store, items: Iterable[Item], *, reanalyse: bool = False,
           workers: int | None = None, scheduler: str | None = None,
           progress: Callable[[int, int], None] | None = None,
           inputs: Inputs | None = None, chunk: int = CHUNK) -> Summary:
    """Analyse what the store does not know yet and keep it, one batch per chunk. ``inputs``,
    when the items come from files, adds what could not be read to the summary."""
    started = time.perf_counter()
    summary = Summary()
    known = store.known()
    taken = {k.article_id for k in known.values()}
    seen: dict[str, str] = {}
    todo: list[Item] = []
    added = datetime.now(UTC).isoformat(timespec="seconds")
    for item in items:
        sha = item.sha256
        hit = known.get(sha)
        if sha in seen or (hit and (hit.analyser == ANALYSER_VERSION or not reanalyse)):
            summary.known += 1
            summary.duplicates.append(seen.get(sha) or (hit.article_id if hit else ""))
            continue
        article_id = hit.article_id if hit else unique_id(Path(item.name).stem, sha, taken)
        seen[sha] = article_id
        meta = {"article_id": article_id, "added": added, "analyser": ANALYSER_VERSION}
        meta.update({k: v for k, v in item.meta.items()
                     if k in ("title", "outlet", "url", "published")})
        todo.append(Item(item.name, item.path, item.data, meta))
    chunks = [todo[i:i + chunk] for i in range(0, len(todo), chunk)]
    done = 0
    ours: dict[str, str] = {}  # sha256 -> the batch this run wrote it in
    for t, chunk_messages, bad in _run(chunks, workers, scheduler):
        summary.messages.extend(chunk_messages)
        summary.unreadable += len(bad)
        if t["articles"]:
            batch = store.write_batch(t)
            ours.update((a["sha256"], batch) for a in t["articles"])
        done += len(t["articles"]) + len(bad)
        if progress:
            progress(done, len(todo))
    _tell_the_truth(store, ours, seen, summary)
    if inputs is not None:
        summary.messages[:0] = inputs.messages
        summary.unreadable += inputs.unreadable
    summary.seconds = time.perf_counter() - started
    return summary


def _tell_the_truth(store: Store, ours: dict[str, str], ids: dict[str, str],
                    summary: Summary) -> None:
    """Another writer may have kept the same bytes while this run analysed them: the store
    shows the earlier batch's article, so this run reports it as already known, not new."""
    shown = store.first_batches(ours)
    for sha, batch in ours.items():
        if shown.get(sha, batch) == batch:
            summary.new += 1
            summary.added.append(ids[sha])
        else:
            summary.known += 1
            summary.duplicates.append(ids[sha])


def _run(chunks: list[list[Item]], workers: int | None,
         scheduler: str | None) -> Iterator[tuple[Tables, list[str], list[str]]]:
    """Chunks analysed here, or on Dask, in order (so serial and parallel runs agree)."""
    if not chunks:
        return
    if not workers and not scheduler:
        for chunk in chunks:
            yield analyse_items(chunk)
        return
    import warnings

    from dask.distributed import Client, LocalCluster

    # the analyst asked for workers, not for Dask's notes on graph sizes and dashboard ports
    warnings.filterwarnings("ignore", message=".*(large graph|already in use).*")

    if scheduler:
        try:
            client = Client(scheduler, timeout=10)
        except OSError as err:
            raise SchedulerError(f"cannot reach the Dask scheduler {scheduler} ({err})") from err
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=50)
        client = Client(cluster)
    try:
        futures = client.map(analyse_items, chunks, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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
