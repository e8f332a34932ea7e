"""The corpus store's file schema, written beside the code that writes it.

A store is a folder:

    store.json                    {"format": "lagebild-store", "schema_version": N}
    batches/b-<ns>-<hex>/         one folder per ingest batch, renamed into place when complete
        articles.parquet sentences.parquet mentions.parquet figures.parquet
        places.parquet            GeoParquet 1.1: WKB point geometry, "geo" file metadata
    removed/r-<ns>-<hex>.json     tombstones: sha256s removed at that time

Every Parquet file carries ``lagebild:schema_version`` in its metadata. Bump
``SCHEMA_VERSION`` when a column changes meaning; ``ANALYSER_VERSION`` when the analysis gives
other output for the same text (the store then offers to re-analyse, never mixes the two).
"""

from __future__ import annotations

import json
import struct

import pyarrow as pa

SCHEMA_VERSION = 2
# Bump when the same text yields other places, figures or sentences.
ANALYSER_VERSION = "2026.11.30"

_STR = pa.string()
_I64 = pa.int64()
_F64 = pa.float64()

# the event time of a mention or figure (geo.dates.when_for), flattened
_WHEN = [("when_start", _STR), ("when_end", _STR), ("when_granularity", _STR),
         ("when_text", _STR), ("when_start_offset", _I64), ("when_end_offset", _I64),
         ("when_time_source", _STR)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _STR), ("name", _STR), ("path", _STR), ("sha256", _STR),
        ("chars", _I64), ("notes", pa.list_(_STR)), ("text", _STR), ("added", _STR),
        ("analyser", _STR), ("title", _STR), ("outlet", _STR), ("url", _STR),
        ("published", _STR), ("published_source", _STR), ("batch", _STR)]),
    "sentences": pa.schema([
        ("article_id", _STR), ("sentence_index", _I64), ("start", _I64), ("end", _I64),
        ("text", _STR), ("batch", _STR)]),
    "mentions": pa.schema([
        ("article_id", _STR), ("start", _I64), ("end", _I64), ("surface", _STR),
        ("sentence_index", _I64), ("sentence_start", _I64), ("sentence_end", _I64),
        ("role", _STR), ("place_id", _STR), ("confidence", _F64), ("runner_up_id", _STR),
        ("runner_up_name", _STR), ("runner_up_confidence", _F64), *_WHEN, ("batch", _STR)]),
    "figures": pa.schema([
        ("article_id", _STR), ("start", _I64), ("end", _I64), ("text", _STR), ("low", _I64),
        ("high", _I64), ("qualifier", _STR), ("vague", pa.bool_()), ("derived", pa.bool_()),
        ("category", _STR), ("actor", _STR), ("source", _STR), ("place_ids", pa.list_(_STR)),
        ("sentence_index", _I64), ("sentence_start", _I64), ("sentence_end", _I64),
        *_WHEN, ("batch", _STR)]),
    "places": pa.schema([
        ("place_id", _STR), ("geonameid", _I64), ("name", _STR), ("name_de", _STR),
        ("feature_code", _STR), ("country_code", _STR), ("admin1", _STR),
        ("population", _I64), ("precision", _STR), ("kind", _STR), ("lon", _F64),
        ("lat", _F64), ("geometry", pa.binary()), ("batch", _STR)]),
}

# GeoParquet 1.1 column metadata for places.parquet (WGS 84 longitude/latitude is the default CRS).
GEO_METADATA = {"version": "1.1.0", "primary_column": "geometry",
                "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}}}


def wkb_point(lon: float, lat: float) -> bytes:
    """A point as little-endian WKB, the encoding GeoParquet readers expect."""
    return struct.pack("<BIdd", 1, 1, lon, lat)


def file_metadata(table: str) -> dict[bytes, bytes]:
    meta = {b"lagebild:schema_version": str(SCHEMA_VERSION).encode(),
            b"lagebild:table": table.encode()}
    if table == "places":
        meta[b"geo"] = json.dumps(GEO_METADATA).encode()
    return meta
