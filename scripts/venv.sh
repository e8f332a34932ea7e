# Sourced by run.sh and test.sh: make the project virtual environment .venv (Debian's system
# Python refuses `pip install`) and install the locked packages into it. Running it again
# reuses what is there.
# Usage: ensure_venv requirements/run.lock
set -euo pipefail

UV_VERSION="0.13.9"

_python() {
  local cand
  for cand in python3 python3.14 python3.13 python3.12 python3.11 python; do
    if command -v "$cand" >/dev/null 2>&1 &&
       "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$cand"; return 0
    fi
  done
  echo "lagebild: needs Python 3.11 or newer (none found on PATH)" >&2
  return 1
}

_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "lagebild: needs root to run: $*" >&2; return 1; fi
}

ensure_venv() {
  local lock="$1" py
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys' 2>/dev/null; then
    py="$(_python)"
    rm -rf .venv
    if ! "$py" -m venv .venv >/dev/null 2>&1; then
      # Debian and Ubuntu ship venv's pip bootstrap in a separate package.
      rm -rf .venv
      if command -v apt-get >/dev/null 2>&1; then
        _as_root apt-get update -qq
        _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      fi
      "$py" -m venv .venv || { echo "lagebild: could not create .venv (install python3-venv)" >&2; return 1; }
    fi
  fi
  if ! .venv/bin/uv --version 2>/dev/null | grep -q "$UV_VERSION"; then
    .venv/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
  fi
  # --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set (as on the CI machines), Python
  # never writes the .pyc files uv leaves out, so every start (the CLI, each Dask worker)
  # compiled ~400 modules from source again: 0.9 s CPU per worker
  .venv/bin/uv pip install -q --python .venv/bin/python --compile-bytecode --require-hashes \
    -r "$lock"
  .venv/bin/uv pip install -q --python .venv/bin/python --no-deps -e .
  .venv/bin/python -m compileall -q geo dashboard.py >/dev/null
}
