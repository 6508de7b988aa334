#!/usr/bin/env bash
# Runs every fuzz target in BUILD_DIR for SECONDS each, starting from fuzz/corpus/<name>/.
# Fails if a target finds a crash, a leak or an undefined-behaviour report.
set -euo pipefail
build_dir=${1:?build dir}
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
found=0
for bin in "$build_dir"/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  name=${name#fuzz_}
  mkdir -p "$work/$name"
  seeds=()
  [ -d "$here/corpus/$name" ] && seeds+=("$here/corpus/$name")
  echo "fuzz: $name for ${seconds}s"
  "$bin" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/$name" "${seeds[@]}" 2>"$work/$name.log" || {
    tail -40 "$work/$name.log"; echo "fuzz: $name FAILED"; exit 1; }
  grep -E "stat::number_of_executed_units" "$work/$name.log" || true
  found=$((found + 1))
done
echo "fuzz: $found targets ran clean"
