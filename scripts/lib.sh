# Shared set-up of ./demo.sh and ./test.sh (sourced, not run): a .venv with tabellino and its
# dev tools installed. Done once; a re-run with nothing to do prints nothing.

# Print the first python (3.11 or newer) on PATH.
find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    echo "tabellino needs Python 3.11 or newer; none found on PATH" >&2
    return 1
}

# Install the distribution's venv module, the one system package that may be missing (Debian, Ubuntu).
install_venv_support() {
    local python=$1 version
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "'$python -m venv' does not work here; install your system's Python venv package" >&2
        return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo -n"
    fi
    echo "installing python$version-venv (apt-get)"
    $sudo apt-get install -y -qq "python$version-venv" >/dev/null ||
        $sudo apt-get install -y -qq python3-venv >/dev/null
}

# Create .venv when missing.
ensure_venv() {
    [ -x .venv/bin/python ] && return 0
    local python
    python=$(find_python) || return 1
    echo "creating .venv with $python"
    if ! "$python" -m venv .venv >/dev/null 2>&1; then
        rm -rf .venv
        install_venv_support "$python" && "$python" -m venv .venv || {
            rm -rf .venv
            return 1
        }
    fi
}

# Install tabellino (editable, with dev tools) when pyproject.toml changed or the install is broken.
ensure_install() {
    local stamp=.venv/.tabellino-installed want
    want=$(cksum pyproject.toml | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
        .venv/bin/python -c 'import tabellino.cli' >/dev/null 2>&1; then
        return 0
    fi
    echo "installing tabellino and its dev tools into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' || return 1
    echo "$want" >"$stamp"
}

# Make sure .venv exists and holds the current tabellino; run from the repository root.
ensure_env() {
    ensure_venv && ensure_install
}
