#!/usr/bin/env bash
# ~600k single-row transactions + ~3k 100-row ones, interleaved (pgbench script weights
# 200:1), 2 clients, synchronous_commit=off for the fill only; then VACUUM ANALYZE.
set -euo pipefail
S=$(cd "$(dirname "$0")" && pwd)
PGOPTIONS='-c synchronous_commit=off' nice -n 10 pgbench -n -h 127.0.0.1 -p 55992 -U postgres -c 2 -j 2 -t 301500 \
  -f $S/ins1.sql@200 -f $S/ins100.sql@1 a
nice -n 10 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres -d a -c "VACUUM ANALYZE"
