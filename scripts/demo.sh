#!/usr/bin/env bash
# The README's first command: installs what is missing, builds pglive and runs the demo.
# Extra arguments go to `pglive demo` (for example --database-url URL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
swift build -c release --product pglive
exec .build/release/pglive demo "$@"
