#!/usr/bin/env bash
# Set up once (.venv), then run the demo: ingest the bundled example articles into ./tabellino.db
# and list the matches found. Safe to re-run: stored articles are recognised and skipped.
set -eu
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_env
exec .venv/bin/tabellino demo "$@"
