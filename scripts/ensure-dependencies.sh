#!/usr/bin/env bash
# Makes sure what pglive needs beyond the Swift toolchain is installed:
# libpq-dev (client library and headers), pkg-config, and the PostgreSQL server
# binaries (for the private database of the demo and the tests).
# As root it installs what is missing with apt-get; otherwise it prints the command.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

if ! command -v swift >/dev/null 2>&1; then
    echo "pglive needs the Swift toolchain (6.2 or newer) on PATH: https://www.swift.org/install/" >&2
    exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

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
