#!/usr/bin/env bash
# Stops the throwaway cluster and deletes it.
set -euo pipefail
runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/fromtime/data -m fast -w stop
rm -rf /tmp/fromtime
