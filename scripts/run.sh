#!/usr/bin/env bash
# Install into .venv and start the dashboard on the bundled seeds: http://127.0.0.1:8501
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements/run.lock
.venv/bin/python -m geo build-gazetteer
exec .venv/bin/python -m streamlit run dashboard.py "$@"
