"""The corpus: analysis flattened into tables, the Parquet store, and ingest (serial or on Dask)."""
