#!/usr/bin/env bash
# Regenerate the hashed lock files from pyproject.toml (for developers; needs uv in .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
uv=".venv/bin/uv"
common=(--quiet --universal --python-version 3.11 --generate-hashes --no-header)
"$uv" pip compile pyproject.toml "${common[@]}" -o requirements/run.lock
"$uv" pip compile pyproject.toml --extra dev "${common[@]}" -o requirements/dev.lock
