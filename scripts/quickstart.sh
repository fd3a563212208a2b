#!/usr/bin/env bash
# Fresh machine to first result: install, then extract facts from the bundled example page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PAGE=${1:-examples/team-site-page.txt}
echo "== Summary (article language) =="
.venv/bin/palmares extract "$PAGE"
echo
echo "== Summary (English) =="
.venv/bin/palmares extract "$PAGE" --lang-out en
