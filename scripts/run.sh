#!/usr/bin/env bash
# Install the dashboard and start it on the bundled seeds (http://localhost:8501).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e .
python3 -m geo build-gazetteer
exec python3 -m streamlit run dashboard.py --server.headless true "$@"
