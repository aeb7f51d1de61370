#!/usr/bin/env bash
# The README's second command: installs what is missing, builds, and runs the whole
# test suite against a private PostgreSQL (or $PGLIVE_TEST_DATABASE_URL if set), then
# the interoperability tests (third-party STOMP clients against the built binary).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh --with-test-clients
swift build --build-tests
swift test --skip-build "$@"
python3 -m pytest -q Tests/Interop
