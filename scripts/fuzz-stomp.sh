#!/usr/bin/env bash
# Fuzzes the STOMP parser and session with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz-stomp.sh [SECONDS|RUNSr] [extra libFuzzer flags...]
#
# 600 (the default) runs for ten minutes; 2000000r stops after two million inputs.
# Builds Fuzz/ (a separate package, so the normal build and tests never see it) into
# .build-fuzz with the fuzzer and address sanitizers, then runs it on a copy of the seed
# corpus in .build-fuzz/corpus with the STOMP dictionary. SwiftPM's own `--sanitize fuzzer`
# is used rather than `-Xswiftc -sanitize=fuzzer`: only then does it leave `main` to
# libFuzzer instead of aliasing it to the executable target's entry point.
# Crashes land in .build-fuzz/crashes; replay one with
# `SWIFT_BACKTRACE=enable=no .build-fuzz/release/STOMPParserFuzz CRASH_FILE`.
# Environment: MAX_LEN (default 70000, so bodies past 64 KiB are reachable),
# RSS_LIMIT_MB (default 2048), JOBS for the build (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

budget="${1:-600}"
shift || true
case "$budget" in
    *r) limit=("-runs=${budget%r}") ;;
    *) limit=("-max_total_time=$budget") ;;
esac

scratch=.build-fuzz
swift build --package-path Fuzz --scratch-path "$scratch" -c release -j "${JOBS:-1}" \
    --sanitize fuzzer --sanitize address \
    -Xswiftc -parse-as-library -Xswiftc -enable-testing

mkdir -p "$scratch/corpus" "$scratch/crashes"
for seed in Fuzz/corpus/*; do
    [ -e "$scratch/corpus/${seed##*/}" ] || cp "$seed" "$scratch/corpus/"
done
# libFuzzer and ASan report crashes themselves; Swift's backtracer would only hold them up.
export SWIFT_BACKTRACE=enable=no
exec "$scratch/release/STOMPParserFuzz" \
    "${limit[@]}" \
    -max_len="${MAX_LEN:-70000}" \
    -rss_limit_mb="${RSS_LIMIT_MB:-2048}" \
    -dict=Fuzz/stomp.dict \
    -artifact_prefix="$scratch/crashes/" \
    -print_final_stats=1 \
    "$@" \
    "$scratch/corpus"
