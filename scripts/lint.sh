#!/usr/bin/env bash
# Set up (if needed), then lint, check the formatting and type-check (CI runs this before the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
