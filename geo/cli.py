"""Command line (``python -m geo`` or ``lagebild``):

    extract PATH... [-o FILE] [--figures-csv FILE]     analyse files, write the GeoJSON contract
    ingest PATH... [--store DIR] [--workers N | --scheduler ADDR] [--reanalyse]
    export [--store DIR] -o FILE [--article ID ...] [--since DAY] [--until DAY]
           [--figures-csv FILE] [--geoparquet FILE]
    remove ID... [--store DIR]
    build-gazetteer

Every error is one line on stderr, never a traceback; output files are written to a temporary
name and renamed, so an interrupted or failed run leaves no partial file. Ctrl-C exits 130.
Heavy modules (the analysis, DuckDB, pandas) are imported only by the commands that use them.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn


class CliError(Exception):
    """A one-line message for the user."""


class _Parser(argparse.ArgumentParser):
    """Usage mistakes in one line too (argparse prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"lagebild: {message} ({self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lagebild",
                     description="Places, figures and sources in German news.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ex = sub.add_parser("extract", help="write a GeoJSON FeatureCollection of places and figures")
    ex.add_argument("paths", nargs="+", type=Path, help="files or folders (.txt .md .html)")
    ex.add_argument("-o", "--output", type=Path, help="GeoJSON file (default: stdout)")
    ex.add_argument("--figures-csv", type=Path, help="also write the figures table as CSV")
    ex.add_argument("--date", type=_iso_date, help="publication date of every input (YYYY-MM-DD)")

    store_help = "store folder (default: $LAGEBILD_STORE or the user data folder)"
    ing = sub.add_parser("ingest", help="analyse new articles into the corpus store")
    ing.add_argument("paths", nargs="+", type=Path, help="files or folders (.txt .md .html)")
    ing.add_argument("--store", type=Path, help=store_help)
    par = ing.add_mutually_exclusive_group()
    par.add_argument("--workers", type=int, help="analyse on a local Dask cluster of N processes")
    par.add_argument("--scheduler", help="analyse on a running Dask cluster (tcp://HOST:PORT)")
    ing.add_argument("--reanalyse", action="store_true",
                     help="analyse again articles kept by an older analyser version")
    ing.add_argument("--date", type=_iso_date, help="publication date of every input (YYYY-MM-DD)")

    exp = sub.add_parser("export", help="write the store (or some articles) in extract's format")
    exp.add_argument("--store", type=Path, help=store_help)
    exp.add_argument("-o", "--output", type=Path, help="GeoJSON file (default: stdout)")
    exp.add_argument("--article", action="append", help="only this article id (repeatable)")
    exp.add_argument("--since", type=_iso_date,
                     help="only mentions and figures dated on or after this day (YYYY-MM-DD): "
                          "their event date, else the article's publication date")
    exp.add_argument("--until", type=_iso_date, help="only those dated on or before this day")
    exp.add_argument("--figures-csv", type=Path, help="also write the figures table as CSV")
    exp.add_argument("--geoparquet", type=Path, help="also write the places as GeoParquet")

    rm = sub.add_parser("remove", help="remove articles from the store")
    rm.add_argument("ids", nargs="+", help="article ids (as export lists them)")
    rm.add_argument("--store", type=Path, help=store_help)

    sub.add_parser("build-gazetteer", help="build the cached gazetteer index now")
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(_COMMANDS[args.command](args))
    except CliError as err:
        _say(str(err))
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as err:  # a bug: still one line, the traceback on request
        if os.environ.get("LAGEBILD_DEBUG"):
            raise
        _say(f"internal error: {type(err).__name__}: {err} (LAGEBILD_DEBUG=1 shows where)")
        return 2


def _say(message: str) -> None:
    print(f"lagebild: {message}", file=sys.stderr)


def _build_gazetteer(args: argparse.Namespace) -> int:
    from geo import gazetteer

    if not gazetteer.is_cached():
        _say("building the gazetteer index once (about 15 s) ...")
    gazetteer.load()
    return 0


def _extract(args: argparse.Namespace) -> int:
    from geo.corpus.collection import feature_collection
    from geo.corpus.ids import unique_id
    from geo.text.reading import read_paths

    _check_outputs(args.output, args.figures_csv)
    articles, messages = read_paths(args.paths)
    for message in messages:
        _say(message)
    if not articles:
        raise CliError("nothing could be read")
    taken: set[str] = set()
    for article in articles:
        article.id = unique_id(article.id, article.sha256, taken)
        if args.date:
            article.published, article.published_source = args.date, "user"
    fc = feature_collection(articles, messages)
    _emit(fc, args.output, args.figures_csv, None)
    return 0


def _store(args: argparse.Namespace) -> Any:
    from geo.corpus.store import Store, StoreError
    from geo.paths import default_store_dir

    try:
        return Store(args.store or default_store_dir())
    except StoreError as err:
        raise CliError(str(err)) from err


def _ingest(args: argparse.Namespace) -> int:
    from geo.corpus.ingest import Inputs, SchedulerError, ingest, terminal_progress

    if args.workers is not None and args.workers < 1:
        raise CliError("--workers needs a number of processes, 1 or more")
    store = _store(args)
    inputs = Inputs()
    try:
        items = inputs.items(args.paths)
        if args.date:
            items = (item.with_meta(published=args.date) for item in items)
        summary = ingest(store, items, reanalyse=args.reanalyse,
                         workers=args.workers, scheduler=args.scheduler,
                         progress=terminal_progress, inputs=inputs)
    except SchedulerError as err:
        raise CliError(str(err)) from err
    except OSError as err:
        raise CliError(_os_message(err, store.root)) from err
    for message in summary.messages:
        _say(message)
    print(summary.line())
    return 0 if summary.new or summary.known or not summary.unreadable else 1


def _export(args: argparse.Namespace) -> int:
    _check_outputs(args.output, args.figures_csv, args.geoparquet)
    store = _store(args)
    counts = store.counts()
    if counts["older_analyser"]:
        _say(f"{counts['older_analyser']} articles were analysed by an older version and are "
             "left out; run ingest --reanalyse on them")
    fc = store.feature_collection(args.article)
    if args.article:
        missing = sorted(set(args.article) - {a["id"] for a in fc["articles"]})
        if missing:
            raise CliError(f"no such article in the store: {', '.join(missing)}")
    if args.since or args.until:
        fc = _dated_within(fc, args.since, args.until)
    _emit(fc, args.output, args.figures_csv, args.geoparquet)
    return 0


def _dated_within(fc: dict[str, Any], since: date | None, until: date | None) -> dict[str, Any]:
    """The dashboard's time window (``geo.app.filters``): mentions and figures dated inside it
    (their own ``when``, else the article's publication day; undated ones leave), places left
    without mentions leave, and articles stay when published inside it or still quoted."""
    from geo.app.filters import View, apply
    from geo.app.timeline import article_dates, in_window

    if since and until and since > until:
        raise CliError(f"--since {since} is after --until {until}")
    start, end = since.isoformat() if since else "", until.isoformat() if until else ""
    out = apply(fc, View(start=start, end=end))
    quoted = {m["article"] for f in out["features"] for m in f["properties"]["mentions"]}
    quoted.update(f["article"] for f in out["figures"])
    days = article_dates(out)
    out["articles"] = [a for a in out["articles"]
                       if a["id"] in quoted or in_window((days[a["id"]], None), start, end)]
    return out


def _remove(args: argparse.Namespace) -> int:
    store = _store(args)
    shas = {k.article_id: sha for sha, k in store.known().items()}
    missing = [i for i in args.ids if i not in shas]
    if missing:
        raise CliError(f"no such article in the store: {', '.join(missing)}")
    store.remove(shas[i] for i in args.ids)
    print(f"{len(args.ids)} removed")
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": _extract, "ingest": _ingest, "export": _export, "remove": _remove,
    "build-gazetteer": _build_gazetteer}


# --- output ------------------------------------------------------------------------------------

def _check_outputs(*paths: Path | None) -> None:
    """Fail before any work when an output cannot be written."""
    for path in paths:
        if path is None:
            continue
        if path.is_dir():
            raise CliError(f"{path}: is a folder, give a file name")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise CliError(f"{path}: folder {parent} does not exist")
        if not os.access(parent, os.W_OK):
            raise CliError(f"{path}: cannot write in {parent} (permission denied)")


def json_chunks(fc: dict[str, Any]) -> Iterator[bytes]:
    """The FeatureCollection as JSON, one article, feature or figure at a time: each piece
    goes through the C encoder and the whole text is never held in memory at once."""
    lists = [k for k, v in fc.items() if isinstance(v, list)]
    head = {k: v for k, v in fc.items() if k not in lists}
    yield json.dumps(head, ensure_ascii=False)[:-1].encode("utf-8")
    for n, key in enumerate(lists):
        yield (", " if head or n else "").encode() + json.dumps(key).encode() + b": ["
        for i, item in enumerate(fc[key]):
            yield (b", " if i else b"") + json.dumps(item, ensure_ascii=False).encode("utf-8")
        yield b"]"
    yield b"}\n"


def _emit(fc: dict[str, Any], output: Path | None, figures_csv: Path | None,
          geoparquet: Path | None) -> None:
    if output:
        write_atomic(output, json_chunks(fc))
    else:
        for chunk in json_chunks(fc):
            sys.stdout.buffer.write(chunk)
        sys.stdout.flush()
    if figures_csv:
        from geo.app.exports import figures_rows, to_csv

        write_atomic(figures_csv, [to_csv(figures_rows(fc))])
    if geoparquet:
        from geo.app.exports import to_geoparquet

        write_atomic(geoparquet, [to_geoparquet(fc)])


def write_atomic(path: Path, chunks: Iterable[bytes]) -> None:
    """All or nothing: a temporary file beside ``path``, fsync, rename. On any failure,
    Ctrl-C included, the temporary file is removed and ``path`` is untouched."""
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise CliError(_os_message(err, path)) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise CliError(_os_message(err, path)) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _os_message(err: OSError, path: Path) -> str:
    if err.errno == errno.ENOSPC:
        return f"{path}: disk full, nothing written"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{path}: cannot write (permission denied)"
    return f"{path}: cannot write ({err.strerror or err})"


if __name__ == "__main__":
    raise SystemExit(main())
