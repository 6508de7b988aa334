#!/usr/bin/env bash
# Runs every benchmark program in BUILD_DIR/bench and prints their results.
set -euo pipefail
build_dir=${1:?build dir}
for bin in "$build_dir"/bench/bench_*; do
  [ -x "$bin" ] || continue
  echo "== $(basename "$bin")"
  "$bin" --benchmark_min_time=0.2
done
