#!/usr/bin/env bash
# Install everything the tests need (.venv, and Debian's chromium for the browser tests), then
# run every check: ruff, mypy and the whole test suite, browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  _as_root apt-get update -qq
  _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
ensure_venv requirements/dev.lock
.venv/bin/python -m geo build-gazetteer
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
