"""The corpus store at scale: ingest throughput serial vs Dask workers (and their ratio, in one
run), re-ingest of a known corpus, store size per 1,000 articles, and the dashboard's reads
(the whole view as a FeatureCollection, a quote search) at the corpus size.

The articles are ~2,500 characters of real German sentences (seeds, the hand-annotated real
news, GermEval 2014 dev) with most capitalised words swapped for fresh ones
(``bench_pipeline.Corpus``), so every article is distinct and brings new words as real news
does. Wall time is what an analyst waits; CPU time of this process is printed beside it (the
workers' CPU is theirs). The machine is shared: compare the ratio, not absolute figures, and
read the load average printed at the start and the end.

The parallel run's wall time includes starting the local Dask cluster (worker processes that
import the analysis and load the gazetteer); that start is also timed on its own, and the
ratio is printed both with it and without it.

``--rss`` also runs ``python -m geo ingest`` (serial, then ``--workers N``) as a child process
on fresh stores and samples the resident memory of it and its worker processes: the peak of
the ingesting process, of the largest worker, and of all of them together. ``--processes``
times every round that way instead (start-up included, memos cold in both): in-process serial
rounds after the first find the memos warmed by the same articles, which flatters serial.

    python benchmarks/bench_corpus.py [--articles 2000 | --corpus DIR] [--workers 2] [--runs 3]
                                      [--rss] [--processes]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import Corpus, base_sentences  # noqa: E402

from geo import gazetteer  # noqa: E402
from geo.corpus.ingest import Inputs, ingest  # noqa: E402
from geo.corpus.store import Store  # noqa: E402


def write_corpus(folder: Path, n: int) -> float:
    """``n`` article files; returns the cold-word rate of the corpus."""
    corpus = Corpus(base_sentences([ROOT / "seeds", ROOT / "tests" / "gold" / "real_news"
                                    / "articles"]))
    texts, cold = corpus.articles(n)
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return cold


def children_cpu() -> float:
    """CPU seconds of the child processes that have ended (a local cluster's workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_ingest(store: Path, folder: Path,
                 workers: int | None) -> tuple[float, float, int, float | None, float, float]:
    """Wall and CPU seconds of this process, articles new, the cluster start if timed, the
    CPU seconds of the worker processes, and of the chunks' analysis (wherever it ran)."""
    inputs = Inputs()
    wall, cpu, kids = time.perf_counter(), time.process_time(), children_cpu()
    summary = ingest(Store(store), inputs.items([folder]), workers=workers, inputs=inputs)
    return (time.perf_counter() - wall, time.process_time() - cpu, summary.new,
            getattr(summary, "cluster_seconds", None), children_cpu() - kids,
            getattr(summary, "analysis_cpu", 0.0))


def cluster_start(workers: int) -> float:
    """Seconds from nothing to a local cluster whose workers have the gazetteer loaded."""
    from dask.distributed import Client, LocalCluster

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=50)
    client = Client(cluster)
    client.run(gazetteer.load)
    took = time.perf_counter() - t
    client.close()
    cluster.close()
    return took


def ingest_process(store: Path, folder: Path, workers: int | None) -> dict[str, float]:
    """``python -m geo ingest`` in a child process: wall and CPU seconds (its workers
    included), and peak resident MB of the ingesting process, its largest child and all."""
    import psutil  # type: ignore[import-untyped]

    cmd = [sys.executable, "-m", "geo", "ingest", "--store", str(store), str(folder)]
    if workers:
        cmd += ["--workers", str(workers)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    main_peak = child_peak = total_peak = 0.0
    ps = psutil.Process(proc.pid)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            own = ps.memory_info().rss
            kids = [c.memory_info().rss for c in ps.children(recursive=True)]
        except psutil.Error:
            kids, own = [], 0
        main_peak = max(main_peak, own)
        child_peak = max([child_peak, *kids])
        total_peak = max(total_peak, own + sum(kids))
        time.sleep(0.05)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = proc.stdout.read().decode() if proc.stdout else ""
    assert proc.returncode == 0 and " new," in out, (proc.returncode, out)
    mb = 1024 * 1024
    # sampled every 50 ms: the kernel's ru_maxrss of a child starts from this process's size
    # at the fork, so it says nothing about the child
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "main": main_peak / mb,
            "child": child_peak / mb, "total": total_peak / mb}


def process_rounds(args: argparse.Namespace, base: Path, source: Path) -> int:
    """Serial and parallel ``geo ingest`` as fresh processes, in turn, ``--runs`` rounds."""
    walls: dict[int | None, list[float]] = {None: [], args.workers: []}
    ratios = []
    for run in range(args.runs):
        said = []
        for workers in (None, args.workers):
            shutil.rmtree(base / "r", ignore_errors=True)
            r = ingest_process(base / "r", source, workers)
            walls[workers].append(r["wall"])
            said.append(f"{'serial' if workers is None else f'{workers} workers'} "
                        f"{r['wall']:.1f} s = {args.articles / r['wall']:.0f} articles/s, CPU "
                        f"{r['cpu']:.1f} s, peak RSS {r['main']:.0f} MB (largest worker "
                        f"{r['child']:.0f} MB, all {r['total']:.0f} MB)")
        ratios.append(walls[None][-1] / walls[args.workers][-1])
        print(f"run {run + 1} (processes): {'; '.join(said)}; ratio {ratios[-1]:.2f}; {load()}")
    med = statistics.median
    print(f"geo ingest as processes, median of {args.runs}: serial "
          f"{args.articles / med(walls[None]):.0f} articles/s, {args.workers} workers "
          f"{args.articles / med(walls[args.workers]):.0f} articles/s, ratio {med(ratios):.2f}")
    shutil.rmtree(base / "r", ignore_errors=True)
    return 0


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", type=Path,
                    help="ingest the article files of this folder instead of building a corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3, help="serial/parallel rounds (default 3)")
    ap.add_argument("--rss", action="store_true",
                    help="also measure `python -m geo ingest` in a child process: peak memory")
    ap.add_argument("--processes", action="store_true",
                    help="time each round as fresh `python -m geo ingest` processes (serial, "
                         "then --workers N), start-up included, so no run inherits the memos "
                         "an earlier run of this process warmed on the same articles")
    args = ap.parse_args()
    print(f"{load()} on {os.cpu_count()} cores")
    gazetteer.load()
    with tempfile.TemporaryDirectory(prefix="lagebild-corpus-") as tmp:
        base = Path(tmp)
        if args.corpus:
            source = args.corpus
            args.articles = sum(1 for p in source.iterdir() if p.suffix in (".txt", ".md"))
            print(f"corpus: {args.articles} articles in {source}")
        else:
            source = base / "in"
            cold = write_corpus(source, args.articles)
            print(f"corpus: {args.articles} articles, {cold:.1f} never-seen capitalised words "
                  "each")
        if args.processes:
            return process_rounds(args, base, source)
        serial, parallel, ratios, steady, starts, s_cpus, p_cpus = [], [], [], [], [], [], []
        w_cpus, bounds = [], []
        for run in range(args.runs):
            for path in (base / "s", base / "p"):
                shutil.rmtree(path, ignore_errors=True)
            s_wall, s_cpu, s_new, _, _, s_work = timed_ingest(base / "s", source, None)
            p_wall, p_cpu, p_new, start, w_cpu, p_work = timed_ingest(base / "p", source,
                                                                      args.workers)
            if start is None:
                start = cluster_start(args.workers)
            # on idle cores the parallel run takes at least its CPU spread over the workers
            bounds.append(s_cpu / ((p_cpu + w_cpu) / args.workers))
            w_cpus.append(w_cpu)
            assert s_new == p_new == args.articles, (s_new, p_new)
            serial.append(args.articles / s_wall)
            parallel.append(args.articles / p_wall)
            ratios.append(s_wall / p_wall)
            steady.append(s_wall / max(p_wall - start, 1e-9))
            starts.append(start)
            s_cpus.append(s_cpu)
            p_cpus.append(p_cpu)
            print(f"run {run + 1}: serial {s_wall:.1f} s = {serial[-1]:.0f} articles/s "
                  f"(CPU {s_cpu:.1f} s), {args.workers} workers {p_wall:.1f} s = "
                  f"{parallel[-1]:.0f} articles/s (CPU of this process {p_cpu:.1f} s, of the "
                  f"workers {w_cpu:.1f} s), ratio {ratios[-1]:.2f}; cluster start {start:.1f} s, "
                  f"ratio without it {steady[-1]:.2f}; CPU bound {bounds[-1]:.2f}; CPU in the "
                  f"chunks' analysis and writing: serial {s_work:.1f} s, workers {p_work:.1f} s; "
                  f"{load()}")
        med = statistics.median
        print(f"ingest, median of {args.runs}: serial {med(serial):.0f} articles/s (CPU "
              f"{med(s_cpus):.1f} s), {args.workers} workers {med(parallel):.0f} articles/s "
              f"(CPU of the ingesting process {med(p_cpus):.1f} s, of the workers "
              f"{med(w_cpus):.1f} s), ratio {med(ratios):.2f}; cluster start "
              f"{med(starts):.1f} s, ratio without it {med(steady):.2f}; CPU bound (serial CPU "
              f"over all CPU of the parallel run spread on {args.workers} cores) "
              f"{med(bounds):.2f}")

        if args.rss:
            for workers in (None, args.workers):
                shutil.rmtree(base / "r", ignore_errors=True)
                r = ingest_process(base / "r", source, workers)
                print(f"`geo ingest{f' --workers {workers}' if workers else ''}` as a process: "
                      f"{r['wall']:.1f} s wall, CPU {r['cpu']:.1f} s (workers included); "
                      f"peak RSS ingesting process {r['main']:.0f} MB, largest worker "
                      f"{r['child']:.0f} MB, all {r['total']:.0f} MB; {load()}")
            shutil.rmtree(base / "r", ignore_errors=True)

        wall, cpu = time.perf_counter(), time.process_time()
        _, _, again, _, _, _ = timed_ingest(base / "s", source, None)
        print(f"re-ingest of the known corpus: {again} new, {time.perf_counter() - wall:.2f} s "
              f"(CPU {time.process_time() - cpu:.2f} s)")
        mb = size_mb(base / "s")
        print(f"store: {mb:.1f} MB, {mb * 1000 / args.articles:.1f} MB per 1,000 articles "
              f"(input {size_mb(source):.1f} MB)")

        store = Store(base / "s")
        views, searches = [], []
        for _ in range(3):
            t = time.perf_counter()
            fc = store.feature_collection()
            views.append(time.perf_counter() - t)
            t = time.perf_counter()
            hits = store.search_quotes("Soldaten", limit=50)
            searches.append(time.perf_counter() - t)
        print(f"whole view as FeatureCollection: {statistics.median(views):.2f} s "
              f"({len(fc['features'])} places, {len(fc['figures'])} figures)")
        print(f"quote search over the store: {statistics.median(searches) * 1000:.0f} ms "
              f"({len(hits)} hits shown)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB; {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
