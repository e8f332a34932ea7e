"""The corpus store: every article analysed once, kept with everything extracted from it.

A folder of Parquet batches (layout and schema in ``geo.corpus.schema``) queried with DuckDB,
embedded: no server. Why this design:
- Appending is writing a new batch folder under a temporary name and renaming it into place,
  so a reader (a dashboard open while the CLI ingests) sees a batch complete or not at all, a
  ``kill -9`` mid-write leaves only a hidden temporary folder (swept on the next open), and two
  writers never touch the same file: concurrent adds lose nothing.
- Keyed by sha256: the same bytes are analysed once. Rows carry the analyser version; a view
  shows one version only, and older articles wait for ``--reanalyse``.
- Removal writes a tombstone (sha256 and time), so it is as atomic as an add and a later
  re-add of the same bytes shows again.
- DuckDB reads the Parquet files directly, so the views, quote search and exports are SQL over
  files that any GeoParquet reader opens too.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.corpus.collection import TABLES, Row, Tables, from_tables
from geo.corpus.schema import ANALYSER_VERSION, SCHEMA_VERSION, file_metadata, schemas, wkb_point

_STALE_TMP_SECONDS = 3600  # a temporary folder this old belongs to a writer that died


class StoreError(Exception):
    """The folder is not a store this code can read (one line, for the user)."""


@dataclass(frozen=True)
class Known:
    article_id: str
    analyser: str


def _stamp() -> str:
    return f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Store:
    """One store folder. Cheap to open; every query reads the files as they are now."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.batches_dir = self.root / "batches"
        self.removed_dir = self.root / "removed"
        self._init()

    # --- layout ---------------------------------------------------------------------------

    def _init(self) -> None:
        marker = self.root / "store.json"
        try:
            self.batches_dir.mkdir(parents=True, exist_ok=True)
            self.removed_dir.mkdir(exist_ok=True)
        except OSError as err:
            raise StoreError(f"{self.root}: cannot use as a store ({err.strerror})") from err
        if marker.exists():
            try:
                info = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise StoreError(f"{marker}: not a Lagebild store marker") from err
            if info.get("schema_version") != SCHEMA_VERSION:
                raise StoreError(f"{self.root}: store schema {info.get('schema_version')}, "
                                 f"this Lagebild reads {SCHEMA_VERSION}")
        else:
            self._atomic_bytes(marker, json.dumps(
                {"format": "lagebild-store", "schema_version": SCHEMA_VERSION}).encode())
        self._sweep()

    def _sweep(self) -> None:
        """Remove temporary folders and files left by writers that died long ago."""
        now = time.time()
        for folder in (self.batches_dir, self.removed_dir, self.root):
            for tmp in folder.glob(".tmp-*"):
                try:
                    if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                        shutil.rmtree(tmp) if tmp.is_dir() else tmp.unlink()
                except OSError:
                    pass

    def _atomic_bytes(self, path: Path, data: bytes) -> None:
        tmp = path.parent / f".tmp-{_stamp()}"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)

    def batches(self) -> list[str]:
        return sorted(p.name for p in self.batches_dir.glob("b-*") if p.is_dir())

    def generation(self) -> str:
        """Changes whenever a batch or tombstone lands: the key for caches of views."""
        batches = self.batches()
        removed = sorted(p.name for p in self.removed_dir.glob("r-*.json"))
        return f"{len(batches)}:{batches[-1:]}:{len(removed)}:{removed[-1:]}"

    # --- writing --------------------------------------------------------------------------

    def write_batch(self, t: Tables) -> str:
        """Keep one analysed batch atomically; returns its name."""
        return write_batch(self.batches_dir, t)

    def remove(self, sha256s: Iterable[str]) -> int:
        """Tombstone articles by content hash; they leave every view at once."""
        shas = sorted(set(sha256s))
        if shas:
            self._atomic_bytes(self.removed_dir / f"r-{_stamp()}.json",
                               json.dumps({"sha256": shas}).encode())
        return len(shas)

    # --- reading --------------------------------------------------------------------------

    def _tombstones(self) -> dict[str, str]:
        """sha256 -> the latest removal stamp."""
        out: dict[str, str] = {}
        for path in sorted(self.removed_dir.glob("r-*.json")):
            try:
                shas = json.loads(path.read_text(encoding="utf-8"))["sha256"]
            except (OSError, ValueError, KeyError):
                continue
            for sha in shas:
                out[sha] = path.name[2:-5]
        return out

    def connect(self, analyser: str = ANALYSER_VERSION) -> Any:
        """A DuckDB connection with one view per table: the current articles (one row per
        sha256, the earliest batch of this analyser version, tombstones applied) and their
        rows. An empty store gives empty views."""
        import duckdb

        con = duckdb.connect()
        batches = self.batches()
        dead = self._tombstones()
        con.execute("CREATE TEMP TABLE tomb(sha256 VARCHAR, stamp VARCHAR)")
        if dead:
            con.executemany("INSERT INTO tomb VALUES (?, ?)", list(dead.items()))
        for table in TABLES:
            if batches:
                files = [str(self.batches_dir / b / f"{table}.parquet") for b in batches]
                listed = ", ".join(_lit(f) for f in files)
                con.execute(f"CREATE VIEW raw_{table} AS SELECT * FROM read_parquet([{listed}])")
            else:
                cols = ", ".join(f'NULL::{_duck(f.type)} AS "{f.name}"'
                                 for f in schemas()[table])
                con.execute(f"CREATE VIEW raw_{table} AS SELECT {cols} WHERE false")
        con.execute("""
            CREATE VIEW all_articles AS
            SELECT a.* FROM raw_articles a LEFT JOIN tomb t ON a.sha256 = t.sha256
            WHERE t.stamp IS NULL OR substr(a.batch, 3) > t.stamp""")
        con.execute("""
            CREATE VIEW articles AS SELECT * EXCLUDE (rn) FROM (
              SELECT *, row_number() OVER (PARTITION BY sha256 ORDER BY batch) AS rn
              FROM all_articles WHERE analyser = ?) WHERE rn = 1""".replace("?", _lit(analyser)))
        for table in ("sentences", "mentions", "figures"):
            con.execute(f"""CREATE VIEW {table} AS SELECT r.* FROM raw_{table} r
                            SEMI JOIN articles a ON r.batch = a.batch
                            AND r.article_id = a.article_id""")
        con.execute("""CREATE VIEW places AS SELECT * EXCLUDE (rn) FROM (
                         SELECT *, row_number() OVER (PARTITION BY place_id ORDER BY batch) rn
                         FROM raw_places WHERE place_id IN (SELECT place_id FROM mentions))
                       WHERE rn = 1""")
        return con

    def known(self) -> dict[str, Known]:
        """sha256 -> the article kept for it (any analyser version, tombstones applied)."""
        con = self.connect()
        rows = con.execute("""SELECT sha256, article_id, analyser FROM all_articles
                              ORDER BY (analyser = ?) DESC, batch DESC""",
                           [ANALYSER_VERSION]).fetchall()
        out: dict[str, Known] = {}
        for sha, aid, analyser in rows:
            out.setdefault(sha, Known(aid, analyser))
        return out

    def first_batches(self, sha256s: Iterable[str]) -> dict[str, str]:
        """sha256 -> the batch whose article the view shows for it."""
        con = self.connect()
        con.execute("CREATE TEMP TABLE ask(sha256 VARCHAR)")
        shas = sorted(set(sha256s))
        if shas:
            con.executemany("INSERT INTO ask VALUES (?)", [[s] for s in shas])
        rows = con.execute("SELECT sha256, batch FROM articles SEMI JOIN ask USING (sha256)")
        return dict(rows.fetchall())

    def counts(self) -> dict[str, int]:
        """Articles in the view, and articles kept under another analyser version."""
        con = self.connect()
        current = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        other = con.execute("""SELECT count(DISTINCT sha256) FROM all_articles
                               WHERE sha256 NOT IN (SELECT sha256 FROM articles)""").fetchone()[0]
        return {"articles": int(current), "older_analyser": int(other)}

    def tables(self, article_ids: Iterable[str] | None = None) -> Tables:
        """The current view's rows (of some articles only, if given)."""
        con = self.connect()
        where = ""
        if article_ids is not None:
            ids = sorted(set(article_ids))
            con.execute("CREATE TEMP TABLE pick(article_id VARCHAR)")
            if ids:
                con.executemany("INSERT INTO pick VALUES (?)", [[i] for i in ids])
            where = " WHERE article_id IN (SELECT article_id FROM pick)"
        out: Tables = {}
        for table in ("articles", "sentences", "mentions", "figures"):
            out[table] = _rows(con, f"SELECT * EXCLUDE (batch) FROM {table}{where}", [])
        out["places"] = _rows(con, """SELECT * EXCLUDE (batch, geometry) FROM places
            WHERE place_id IN (SELECT place_id FROM mentions""" + where + ")", [])
        return out

    def feature_collection(self, article_ids: Iterable[str] | None = None) -> dict[str, Any]:
        """The ``extract`` contract over the store (or some of its articles)."""
        return from_tables(self.tables(article_ids))

    def article_text(self, article_id: str) -> str | None:
        row = self.connect().execute("SELECT text FROM articles WHERE article_id = ?",
                                     [article_id]).fetchone()
        return row[0] if row else None

    def search_quotes(self, query: str, limit: int = 50) -> list[Row]:
        """Sentences that contain ``query`` (case-insensitive), newest articles first."""
        con = self.connect()
        return _rows(con, """
            SELECT s.article_id, s.sentence_index, s.start, s."end", s.text
            FROM sentences s JOIN articles a USING (article_id)
            WHERE contains(lower(s.text), lower(?))
            ORDER BY a.added DESC, s.article_id, s.sentence_index LIMIT ?""", [query, limit])


def write_batch(batches_dir: Path, t: Tables) -> str:
    """Keep one analysed batch atomically in a store's ``batches`` folder; returns its name.
    Needs no ``Store``: a Dask worker that sees the folder writes its own batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = f"b-{_stamp()}"
    tmp = batches_dir / f".tmp-{name}"
    tmp.mkdir()
    try:
        for table in TABLES:
            rows = [dict(r, batch=name) for r in t.get(table, [])]
            if table == "places":
                for r in rows:
                    r["geometry"] = wkb_point(r["lon"], r["lat"])
            schema = schemas()[table].with_metadata(file_metadata(table))
            arrow = pa.Table.from_pylist(rows, schema=schema)
            path = tmp / f"{table}.parquet"
            pq.write_table(arrow, path, compression="zstd")
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
        _fsync_dir(tmp)
        os.rename(tmp, batches_dir / name)
        _fsync_dir(batches_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return name


def _rows(con: Any, sql: str, params: list[Any]) -> list[Row]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values)) for values in cur.fetchall()]


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _duck(arrow_type: Any) -> str:
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        return "VARCHAR[]"
    return {"string": "VARCHAR", "int64": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN",
            "binary": "BLOB"}[str(arrow_type)]
