#!/usr/bin/env bash
# Fresh machine to a running service: install, print the page's summary, then serve it with the page stored.
# The page is the argument, else the seed page beside the repo (../shared), else the bundled invented example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PAGE=${1:-}
if [ -z "$PAGE" ]; then
  if [ -f ../shared/seed/team-site-page.txt ]; then PAGE=../shared/seed/team-site-page.txt; else PAGE=examples/team-site-page.txt; fi
fi
echo "== Summary of $PAGE (article language, then English) =="
.venv/bin/palmares extract "$PAGE"
.venv/bin/palmares extract "$PAGE" --lang-out en
echo
echo "== Service (embedded SQLite in ${PALMARES_DATA_DIR:-palmares-data}/); Ctrl-C stops it =="
exec .venv/bin/palmares serve --seed "$PAGE"
