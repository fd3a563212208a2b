#!/usr/bin/env bash
# Create .venv and install Palmarès with its dev tools (idempotent; safe to re-run).
# Versions come from constraints.txt, so every machine installs the set the tests passed with.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -c constraints.txt -e ".[dev]"
