"""Ingest at scale: the input is streamed chunk by chunk (memory bounded by a chunk, not the
corpus), Dask workers write their own batches and load the gazetteer once each, and a corpus
the store knows already starts no cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.corpus.ingest import Item, analyse_chunk, ingest
from geo.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").iterdir())


def _items(n: int) -> list[Item]:
    """n distinct articles made from the seeds (a numbered line makes each one new)."""
    out = []
    for i in range(n):
        text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8") + f"\nFolge {i}.\n"
        out.append(Item(f"v{i:03d}.txt", f"v{i:03d}.txt", text.encode()))
    return out


def _view(store: Store) -> str:
    """The store's view without what differs between runs (time added, batch names)."""
    fc = store.feature_collection()
    for article in fc["articles"]:
        article.pop("added", None)
    return json.dumps(fc, sort_keys=True)


def test_serial_ingest_reads_one_chunk_ahead_at_most(tmp_path):
    """Each chunk is analysed and kept before the items after it are read: when item k is
    read, every chunk before k's is already a batch in the store."""
    store = Store(tmp_path / "store")
    items = _items(9)
    batches_when_read: list[int] = []

    def feed() -> Iterator[Item]:
        for item in items:
            batches_when_read.append(len(store.batches()))
            yield item

    summary = ingest(store, feed(), chunk=2)
    assert summary.new == 9 and len(store.batches()) == 5
    assert batches_when_read == [k // 2 for k in range(9)]


def test_known_items_are_skipped_while_streaming(tmp_path):
    store = Store(tmp_path / "store")
    items = _items(5)
    ingest(store, items[:3], chunk=2)
    before = store.batches()
    summary = ingest(store, items + items[:1], chunk=2)  # 3 known, 2 new, 1 repeated
    assert (summary.new, summary.known) == (2, 4)
    assert len(store.batches()) == len(before) + 1
    assert summary.added == ["v003", "v004"]


def test_progress_counts_up_to_the_total(tmp_path):
    store = Store(tmp_path / "store")
    seen: list[tuple[int, int]] = []
    ingest(store, _items(5), chunk=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 5), (4, 5), (5, 5)]


def test_a_chunk_is_written_where_the_worker_sees_the_store(tmp_path):
    store = Store(tmp_path / "store")
    bad = Item("leer.txt", "leer.txt", b"")
    done = analyse_chunk([*_items(2), bad], str(store.batches_dir))
    assert done.tables is None and done.batch in store.batches()
    assert done.bad == [bad.sha256] and len(done.messages) == 1
    rows = store.connect().execute("SELECT name FROM raw_articles ORDER BY name").fetchall()
    assert rows == [("v000.txt",), ("v001.txt",)]
    # a worker on another machine (no probe file in its view of the folder) sends the tables
    away = analyse_chunk(_items(3)[2:], str(store.batches_dir), ".tmp-probe-elsewhere")
    assert away.batch is None and away.tables is not None
    assert [a["name"] for a in away.tables["articles"]] == ["v002.txt"]
    assert len(store.batches()) == 1


def test_nothing_readable_writes_no_batch(tmp_path):
    store = Store(tmp_path / "store")
    summary = ingest(store, [Item("leer.txt", "leer.txt", b"")])
    assert (summary.new, summary.unreadable, len(summary.messages)) == (0, 1, 1)
    assert store.batches() == []


def test_a_known_corpus_starts_no_cluster(tmp_path):
    store = Store(tmp_path / "store")
    items = _items(3)
    ingest(store, items)
    again = ingest(store, items, workers=2)
    assert (again.new, again.known, again.cluster_seconds) == (0, 3, None)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=":0", silence_logs=50)
    client = distributed.Client(local)
    yield client
    client.close()
    local.close()


def test_workers_write_batches_load_the_gazetteer_once_and_match_serial(tmp_path, cluster):
    items = _items(12)
    serial, parallel = Store(tmp_path / "serial"), Store(tmp_path / "parallel")
    ingest(serial, items, chunk=3)
    summary = ingest(parallel, items, chunk=3, scheduler=cluster.scheduler.address)
    assert (summary.new, summary.known, summary.unreadable) == (12, 0, 0)
    assert summary.added == [f"v{i:03d}" for i in range(12)]  # input order, not finish order
    assert len(parallel.batches()) == 4
    assert _view(serial) == _view(parallel)
    assert not list(parallel.batches_dir.glob(".tmp-*"))  # the probe file is gone too

    def loads() -> tuple[int, int]:
        from geo import gazetteer

        info = gazetteer.load.cache_info()
        return info.misses, info.hits

    per_worker = cluster.run(loads)
    assert all(misses <= 1 for misses, _ in per_worker.values())
    assert sum(hits + misses for _, (misses, hits) in per_worker.items()) >= 4


def test_tables_sent_back_are_written_here(tmp_path, monkeypatch):
    """A worker that cannot see the store sends the tables; the calling process keeps them,
    and the store is the one a worker writing its own batches would have made."""
    import geo.corpus.ingest as ingest_module

    items = _items(5)
    direct = Store(tmp_path / "direct")
    ingest(direct, items, chunk=2)
    real = ingest_module.analyse_chunk
    sent: list[bool] = []

    def far_away(todo: list[Item], batches: str | None, probe: str | None = None):
        done = real(todo, batches, ".tmp-probe-not-here")
        sent.append(done.tables is not None and done.batch is None)
        return done

    monkeypatch.setattr(ingest_module, "analyse_chunk", far_away)
    relayed = Store(tmp_path / "relayed")
    summary = ingest(relayed, items, chunk=2)
    assert summary.new == 5 and sent == [True, True, True] and len(relayed.batches()) == 3
    assert _view(direct) == _view(relayed)
