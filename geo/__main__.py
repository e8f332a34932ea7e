"""``python -m geo``: the command line. Guarded, because Dask's worker processes import the
main module again when they start."""

from geo.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
