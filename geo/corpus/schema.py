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
from functools import cache
from typing import Any

SCHEMA_VERSION = 2
# Bump when the same text yields other places, figures or sentences.
ANALYSER_VERSION = "2026.11.30h"


@cache
def schemas() -> dict[str, Any]:
    """The pyarrow schema of each table (pyarrow is imported only by what writes or reads)."""
    import pyarrow as pa

    text, whole, real = pa.string(), pa.int64(), pa.float64()
    # the event time of a mention or figure (geo.dates.when_for), flattened
    when = [("when_start", text), ("when_end", text), ("when_granularity", text),
            ("when_text", text), ("when_start_offset", whole), ("when_end_offset", whole),
            ("when_time_source", text)]

    return {
        "articles": pa.schema([
            ("article_id", text), ("name", text), ("path", text), ("sha256", text),
            ("chars", whole), ("notes", pa.list_(text)), ("text", text), ("added", text),
            ("analyser", text), ("title", text), ("outlet", text), ("url", text),
            ("published", text), ("published_source", text), ("batch", text)]),
        "sentences": pa.schema([
            ("article_id", text), ("sentence_index", whole), ("start", whole), ("end", whole),
            ("text", text), ("batch", text)]),
        "mentions": pa.schema([
            ("article_id", text), ("start", whole), ("end", whole), ("surface", text),
            ("sentence_index", whole), ("sentence_start", whole), ("sentence_end", whole),
            ("role", text), ("place_id", text), ("confidence", real), ("runner_up_id", text),
            ("runner_up_name", text), ("runner_up_confidence", real), *when, ("batch", text)]),
        "figures": pa.schema([
            ("article_id", text), ("start", whole), ("end", whole), ("text", text), ("low", whole),
            ("high", whole), ("qualifier", text), ("vague", pa.bool_()), ("derived", pa.bool_()),
            ("category", text), ("actor", text), ("source", text), ("place_ids", pa.list_(text)),
            ("sentence_index", whole), ("sentence_start", whole), ("sentence_end", whole),
            *when, ("batch", text)]),
        "places": pa.schema([
            ("place_id", text), ("geonameid", whole), ("name", text), ("name_de", text),
            ("feature_code", text), ("country_code", text), ("admin1", text),
            ("population", whole), ("precision", text), ("kind", text), ("lon", real),
            ("lat", real), ("geometry", pa.binary()), ("batch", text)]),
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
