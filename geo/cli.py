"""Command line: ``python -m geo extract PATH... [-o FILE] [--figures-csv FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo",
                                     description="Places and figures from German articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write a GeoJSON FeatureCollection of places and figures")
    ex.add_argument("paths", nargs="+", type=Path, help="files or folders (.txt .md .html)")
    ex.add_argument("-o", "--output", type=Path, help="GeoJSON file (default: stdout)")
    ex.add_argument("--figures-csv", type=Path, help="also write the figures table as CSV")
    sub.add_parser("build-gazetteer", help="build the cached gazetteer index now")
    args = parser.parse_args(argv)
    if args.command == "build-gazetteer":
        from geo import gazetteer

        gazetteer.load()
        return 0
    return _extract(args)


def _extract(args: argparse.Namespace) -> int:
    from geo.collection import feature_collection
    from geo.exports import figures_rows, to_csv
    from geo.pipeline import analyse
    from geo.reading import read_paths

    articles, messages = read_paths(args.paths)
    for message in messages:
        print(f"lagebild: {message}", file=sys.stderr)
    if not articles:
        print("lagebild: nothing could be read", file=sys.stderr)
        return 1
    analysis = analyse(articles, messages)
    fc = feature_collection(analysis)
    text = json.dumps(fc, ensure_ascii=False, indent=1)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    if args.figures_csv:
        args.figures_csv.write_bytes(to_csv(figures_rows(fc)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
