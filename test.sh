#!/usr/bin/env bash
# Set up once (.venv), then run every check: ruff lint, ruff format, mypy --strict, pytest.
# Every check runs; the exit status is non-zero when any of them failed (pytest's 5, "no tests
# collected", counts as a failure like any other non-zero status).
set -u
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_env || {
    echo "test.sh: setting up .venv failed" >&2
    exit 1
}

failed=()
check() {
    local name=$1
    shift
    echo "== $name"
    "$@" || failed+=("$name")
}

check "ruff check" .venv/bin/ruff check --quiet .
check "ruff format --check" .venv/bin/ruff format --check --quiet .
check "mypy --strict tabellino" .venv/bin/mypy --strict tabellino
check "pytest" .venv/bin/pytest

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "all checks passed"
