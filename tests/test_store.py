"""The corpus store (issue 8): round trip, incremental ingest, removal, versions, bad files,
concurrent writers, a crash mid-ingest and Dask workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli import main
from geo.corpus.ingest import Inputs, Item, analyse_items, ingest
from geo.corpus.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORE_ONLY = ("added", "analyser")
TEXT = "Bei Plekhovo in der Region Kursk wurde gekämpft. Kiew meldete 30 getötete Soldaten.\n"


def _export(store: Path, capsys, *extra: str) -> dict:
    out = store.parent / f"{store.name}-export.geojson"
    assert main(["export", "--store", str(store), "-o", str(out), *extra]) == 0
    capsys.readouterr()
    return json.loads(out.read_text(encoding="utf-8"))


def _strip(fc: dict) -> dict:
    for article in fc["articles"]:
        for key in STORE_ONLY:
            article.pop(key, None)
    return fc


def _varied(folder: Path, n: int) -> list[Path]:
    """n distinct articles made from the seeds (a numbered line makes each one new)."""
    seeds = sorted(SEEDS.iterdir())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"v{i:04d}.txt"
        path.write_text(seeds[i % len(seeds)].read_text(encoding="utf-8") + f"\nFolge {i}.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def test_ingest_then_export_equals_extract(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["ingest", "--store", str(store), str(SEEDS)]) == 0
    assert capsys.readouterr().out.startswith("5 new, 0 already known, 0 unreadable")
    extracted = tmp_path / "extract.geojson"
    assert main(["extract", str(SEEDS), "-o", str(extracted)]) == 0
    want = json.loads(extracted.read_text(encoding="utf-8"))
    got = _export(store, capsys)
    assert _strip(got) == want
    assert len(got["articles"]) == 5 and got["features"] and got["figures"]


def test_known_bytes_are_not_analysed_again(tmp_path, capsys):
    store = tmp_path / "store"
    main(["ingest", "--store", str(store), str(SEEDS)])
    capsys.readouterr()
    batches = Store(store).batches()
    assert main(["ingest", "--store", str(store), str(SEEDS)]) == 0
    assert capsys.readouterr().out.startswith("0 new, 5 already known, 0 unreadable")
    assert Store(store).batches() == batches  # nothing written
    extra = tmp_path / "neu.txt"
    extra.write_text(TEXT, encoding="utf-8")
    main(["ingest", "--store", str(store), str(SEEDS), str(extra)])
    assert capsys.readouterr().out.startswith("1 new, 5 already known")
    assert len(_export(store, capsys)["articles"]) == 6


def test_same_bytes_under_two_names_are_one_article(tmp_path):
    store = Store(tmp_path / "store")
    data = TEXT.encode()
    summary = ingest(store, [Item("a.txt", "a.txt", data), Item("b.txt", "b.txt", data)])
    assert (summary.new, summary.known) == (1, 1)
    assert [a["name"] for a in store.tables()["articles"]] == ["a.txt"]


def test_article_ids_are_unique_by_construction(tmp_path):
    store = Store(tmp_path / "store")
    ingest(store, [Item("x.txt", "x.txt", TEXT.encode())])
    ingest(store, [Item("x.md", "x.md", (TEXT + "Zweiter Bericht.\n").encode())])
    ids = sorted(a["article_id"] for a in store.tables()["articles"])
    assert len(ids) == len(set(ids)) == 2 and ids[0] == "x" and ids[1].startswith("x-")
    quotes = {m["article_id"] for m in store.tables()["mentions"]}
    assert quotes == set(ids)  # each article keeps its own quotes


def test_bad_files_are_skipped_and_said_once_each(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gut.txt").write_text(TEXT, encoding="utf-8")
    (folder / "leer.txt").write_bytes(b"")
    (folder / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code = main(["ingest", "--store", str(tmp_path / "store"), str(folder),
                 str(tmp_path / "fehlt.txt")])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("1 new, 0 already known, 3 unreadable")
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("lagebild: ") for line in lines)
    assert any("leer.txt" in line for line in lines) and any("bild.txt" in line for line in lines)
    assert "Traceback" not in err


def test_remove_and_add_again(tmp_path, capsys):
    store = tmp_path / "store"
    main(["ingest", "--store", str(store), str(SEEDS)])
    capsys.readouterr()
    victim = sorted(p.stem for p in SEEDS.iterdir())[0]
    assert main(["remove", "--store", str(store), victim]) == 0
    fc = _export(store, capsys)
    assert victim not in {a["id"] for a in fc["articles"]}
    assert all(m["article"] != victim for f in fc["features"] for m in f["properties"]["mentions"])
    assert main(["remove", "--store", str(store), "no-such-id"]) == 1
    assert "no such article" in capsys.readouterr().err
    main(["ingest", "--store", str(store), str(SEEDS)])
    assert capsys.readouterr().out.startswith("1 new, 4 already known")
    assert victim in {a["id"] for a in _export(store, capsys)["articles"]}


def test_versions_never_mix_and_reanalyse_brings_them_back(tmp_path, capsys):
    store = Store(tmp_path / "store")
    old, _, _ = analyse_items([Item("alt.txt", "alt.txt", TEXT.encode(),
                                    {"article_id": "alt", "analyser": "0-old", "added": "x"})])
    store.write_batch(old)
    assert store.counts() == {"articles": 0, "older_analyser": 1}
    assert store.tables()["mentions"] == []  # the old rows are not in the view
    again = ingest(store, [Item("alt.txt", "alt.txt", TEXT.encode())])
    assert again.new == 0 and again.known == 1  # kept, but not re-analysed unasked
    redo = ingest(store, [Item("alt.txt", "alt.txt", TEXT.encode())], reanalyse=True)
    assert redo.new == 1
    assert store.counts() == {"articles": 1, "older_analyser": 0}
    assert [a["article_id"] for a in store.tables()["articles"]] == ["alt"]


def test_store_of_another_schema_is_refused_in_one_line(tmp_path, capsys):
    root = tmp_path / "store"
    root.mkdir()
    (root / "store.json").write_text('{"format": "lagebild-store", "schema_version": 999}')
    with pytest.raises(StoreError):
        Store(root)
    assert main(["export", "--store", str(root)]) == 1
    assert "schema 999" in capsys.readouterr().err


def test_quote_search(tmp_path):
    store = Store(tmp_path / "store")
    ingest(store, Inputs().items([SEEDS]))
    hits = store.search_quotes("plekhovo")
    assert hits and all("plekhovo" in h["text"].lower() for h in hits)
    text = store.article_text(hits[0]["article_id"])
    assert text is not None and "Plekhovo" in text[hits[0]["start"]:hits[0]["end"]]


def _ingest_process(store: Path, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "geo", "ingest", "--store", str(store),
                             *map(str, paths)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_writers_at_once_lose_nothing(tmp_path, capsys):
    store = tmp_path / "store"
    a = _varied(tmp_path / "a", 6)
    b = [tmp_path / "b" / "w.txt"]
    b[0].parent.mkdir()
    b[0].write_text(TEXT, encoding="utf-8")
    same = tmp_path / "same.txt"
    same.write_text(TEXT + "Dieselben Bytes.\n", encoding="utf-8")
    procs = [_ingest_process(store, *a, same), _ingest_process(store, *b, same)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)  # a loaded shared machine
        assert proc.returncode == 0, err
    fc = _export(store, capsys)
    assert len(fc["articles"]) == 6 + 1 + 1  # the shared bytes once
    assert len({a["sha256"] for a in fc["articles"]}) == len(fc["articles"])


def test_kill_during_ingest_leaves_whole_batches(tmp_path, capsys):
    store = tmp_path / "store"
    files = _varied(tmp_path / "in", 1000)  # five batches of 200
    proc = _ingest_process(store, tmp_path / "in")
    batches = store / "batches"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(batches.glob("b-*")):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = Store(store).batches()
    assert 1 <= len(kept) < 5, "the kill came too late to test anything"
    fc = _export(store, capsys)
    assert len(fc["articles"]) == 200 * len(kept)  # every batch complete or absent
    main(["ingest", "--store", str(store), str(tmp_path / "in")])
    out = capsys.readouterr().out
    assert out.startswith(f"{1000 - 200 * len(kept)} new, {200 * len(kept)} already known")
    assert len(_export(store, capsys)["articles"]) == len(files)


def test_dask_workers_give_the_same_store_as_serial(tmp_path, capsys):
    """Through the real command line, so the worker processes start from ``python -m geo``."""
    files = _varied(tmp_path / "in", 12)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    ingest(Store(serial), [Item(p.name, str(p), p.read_bytes()) for p in files])
    done = subprocess.run([sys.executable, "-m", "geo", "ingest", "--store", str(parallel),
                           "--workers", "2", str(tmp_path / "in")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("12 new, 0 already known, 0 unreadable")
    assert "Traceback" not in done.stderr
    assert _strip(_export(serial, capsys)) == _strip(_export(parallel, capsys))


def test_a_sidecar_gives_date_title_and_address(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bericht.txt").write_text("Gestern wurden in Charkiw 12 Menschen verletzt.\n",
                                        encoding="utf-8")
    (folder / "bericht.txt.meta.json").write_text(json.dumps(
        {"published": "2024-11-05", "title": "Angriff", "url": "https://example.org/a"}))
    (folder / "kaputt.txt").write_text(TEXT, encoding="utf-8")
    (folder / "kaputt.txt.meta.json").write_text('{"published": "5.11.2024"}')
    main(["ingest", "--store", str(tmp_path / "store"), str(folder)])
    out, err = capsys.readouterr()
    assert out.startswith("2 new") and "kaputt.txt.meta.json: ignored" in err
    articles = {a["id"]: a for a in _export(tmp_path / "store", capsys)["articles"]}
    assert (articles["bericht"]["published"], articles["bericht"]["published_source"],
            articles["bericht"]["title"], articles["bericht"]["url"]) == (
        "2024-11-05", "user", "Angriff", "https://example.org/a")
    assert articles["kaputt"]["published_source"] == "none"


def test_stale_temporary_files_are_swept_and_fresh_ones_kept(tmp_path):
    """Issue 14, finding 8: a writer that died leaves a hidden temporary batch; the next open
    removes it once it is old, but never one a live writer may still be filling."""
    store = Store(tmp_path / "store")
    stale = store.batches_dir / ".tmp-b-1"
    fresh = store.batches_dir / ".tmp-b-2"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "articles.parquet").write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    Store(tmp_path / "store")
    assert not stale.exists() and fresh.exists()
    assert Store(tmp_path / "store").tables()["articles"] == []  # neither is ever read
