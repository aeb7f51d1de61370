#!/usr/bin/env bash
# Makes sure what pglive needs beyond the Swift toolchain is installed:
# libpq-dev (client library and headers), pkg-config, the PostgreSQL server
# binaries (for the private database of the demo and the tests), and Python 3 with
# the interoperability tests' third-party clients (stomp.py 9, websocket-client,
# websockets, pytest), the dashboard test's browser (Debian's chromium and
# chromium-driver, driven by selenium) and the OpenAPI test's referees (schemathesis 4,
# openapi-spec-validator).
# The test clients only with --with-test-clients (the test command); the demo needs none of them.
# As root it installs what is missing with apt-get and pip; otherwise it prints the commands.
set -euo pipefail

with_test_clients=false
[ "${1:-}" = "--with-test-clients" ] && with_test_clients=true

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if $with_test_clients; then
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    # The TLS tests make a self-signed certificate with it.
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "pglive needs the Swift toolchain (6.2 or newer) on PATH: https://www.swift.org/install/" >&2
    exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "pglive needs: ${missing[*]}. Install them with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

$with_test_clients || exit 0

# Python module -> PyPI package, for Tests/Interop.
python_missing=()
python3 -c "import stomp, sys; sys.exit(int(stomp.__version__.split('.')[0]) < 9)" 2>/dev/null || python_missing+=("stomp-py>=9")
python3 -c "import websocket" 2>/dev/null || python_missing+=(websocket-client)
python3 -c "import websockets" 2>/dev/null || python_missing+=(websockets)
python3 -c "import pytest" 2>/dev/null || python_missing+=(pytest)
python3 -c "import selenium" 2>/dev/null || python_missing+=(selenium)
python3 -c "import schemathesis, sys; sys.exit(int(schemathesis.__version__.split('.')[0]) != 4)" 2>/dev/null || python_missing+=("schemathesis>=4,<5")
python3 -c "from openapi_spec_validator import OpenAPIV31SpecValidator" 2>/dev/null || python_missing+=("openapi-spec-validator>=0.7,<1")

if [ ${#python_missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing Python packages: ${python_missing[*]}" >&2
        python3 -m pip install -q --root-user-action=ignore "${python_missing[@]}" \
            || python3 -m pip install -q --break-system-packages --root-user-action=ignore "${python_missing[@]}"
    else
        echo "the interoperability tests need: ${python_missing[*]}. Install them with:" >&2
        echo "  python3 -m pip install --user$(printf " '%s'" "${python_missing[@]}")" >&2
        exit 1
    fi
fi
