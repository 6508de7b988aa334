#!/usr/bin/env bash
# Side-by-side timing of one FAO-56 dual-Kc season, pyfao56 test01 (cotton, Maricopa 2013, dry
# treatment, 2013-113..2013-312): pyfao56 (USDA-ARS, Python; optional peer) against egin.
#
# Usage: bench/side_by_side_pyfao56.sh [EGIN_BINARY]
#   EGIN_BINARY          default: build-bench/apps/egin/egin, else build/apps/egin/egin
# Environment:
#   PYFAO56_PATH         folder that contains the pyfao56 package (put on PYTHONPATH); without it
#                        `import pyfao56` must work as installed, else pyfao56 is skipped
#   PYTHON               interpreter to use (default: first of python3, /usr/bin/python3 that can
#                        import pyfao56 and pandas)
#   PYFAO56_RUNS         seasons timed in pyfao56 (default 5; one season takes seconds)
#   EGIN_RUNS            whole-process runs of egin (default 50)
#   BENCH_WATER_BALANCE  Google Benchmark program (default: bench/bench_water_balance of the build
#                        that holds EGIN_BINARY); skipped when absent
#   CASE_DIR             folder with the case files (default tests/reference/data/pyfao56/
#                        test01_cotton2013, else /work/shared/reference/pyfao56/test01_cotton2013)
#   NO_HYPERFINE=1       time egin with a shell loop even when hyperfine is installed
# Prints ms per season and µs per simulated day for each program and the pyfao56/egin ratios.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

pyfao56_runs=${PYFAO56_RUNS:-5}
egin_runs=${EGIN_RUNS:-50}
par=cotton2013.par
wth=cotton2013.wth
irr=cottondry2013.irr
from=2013-113
to=2013-312

case_dir=${CASE_DIR:-}
if [ -z "$case_dir" ]; then
  for c in "$root/tests/reference/data/pyfao56/test01_cotton2013" \
           /work/shared/reference/pyfao56/test01_cotton2013; do
    if [ -f "$c/$par" ]; then case_dir=$c; break; fi
  done
fi
for f in "$par" "$wth" "$irr"; do
  [ -f "${case_dir:-/nonexistent}/$f" ] || { echo "side_by_side: case file $f not found" >&2; exit 2; }
done

egin=${1:-}
if [ -z "$egin" ]; then
  for c in build-bench build; do
    if [ -x "$root/$c/apps/egin/egin" ]; then egin=$root/$c/apps/egin/egin; break; fi
  done
fi

# Simulated days, from and to inclusive.
doy_date() { date -u -d "${1%-*}-01-01 +$((10#${1#*-} - 1)) days" +%s; }
days=$(( ($(doy_date "$to") - $(doy_date "$from")) / 86400 + 1 ))

# "a / b" with 3 decimals, or "n/a" when either is missing.
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.3f", a / b }'; }
per_day_us() { awk -v ms="$1" -v d="$days" 'BEGIN { if (ms == "") print "n/a"; else printf "%.2f", ms * 1000 / d }'; }
kv() { sed -n "s/^$1=//p" <<<"$2" | head -n1; }

echo "== side-by-side: pyfao56 test01 cotton 2013 dry, $from..$to ($days days)"
echo "case: $case_dir"
echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- pyfao56
py_run_ms= ; py_run_min_ms= ; py_cpu_ms= ; py_total_ms= ; py_proc_ms= ; py_dr_end= ; py_etc_sum=
py_env=()
if [ -n "${PYFAO56_PATH:-}" ]; then py_env=(env "PYTHONPATH=$PYFAO56_PATH${PYTHONPATH:+:$PYTHONPATH}"); fi
python=
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$c" ] || continue
  if "${py_env[@]}" "$c" -c 'import pyfao56, pandas' >/dev/null 2>&1; then python=$c; break; fi
done
echo
if [ -z "$python" ]; then
  echo "pyfao56 not available (set PYFAO56_PATH to a folder holding the pyfao56 package)"
else
  py_cmd=("${py_env[@]}" "$python" "$here/side_by_side_pyfao56.py" --case "$case_dir" --par "$par"
          --wth "$wth" --irr "$irr" --from "$from" --to "$to")
  out=$("${py_cmd[@]}" --runs "$pyfao56_runs")
  py_run_ms=$(kv run_ms_median "$out"); py_run_min_ms=$(kv run_ms_min "$out")
  py_cpu_ms=$(kv run_cpu_ms_median "$out"); py_total_ms=$(kv total_ms_median "$out")
  py_dr_end=$(kv dr_end_mm "$out"); py_etc_sum=$(kv etcadj_sum_mm "$out")
  echo "pyfao56 $(kv pyfao56_version "$out") from $(dirname "$(kv pyfao56_file "$out")")"
  echo "  $(kv python "$out"), pandas $(kv pandas "$out"), numpy $(kv numpy "$out")"
  echo "  in-process, median of $(kv runs "$out"): load $(kv load_ms_median "$out") ms," \
       "Model()+run() $py_run_ms ms (min $py_run_min_ms, CPU $py_cpu_ms), savefile $(kv write_ms_median "$out") ms"
  echo "  season result: Dr_end $py_dr_end mm, sum ETcadj (= ETa) $py_etc_sum mm"
  # Whole process (interpreter start, pandas import, load, run, write), wall clock.
  proc_runs=$(( pyfao56_runs < 3 ? pyfao56_runs : 3 ))
  t0=$(date +%s%N)
  for ((i = 0; i < proc_runs; i++)); do "${py_cmd[@]}" --once; done
  t1=$(date +%s%N)
  py_proc_ms=$(awk -v a="$t0" -v b="$t1" -v n="$proc_runs" 'BEGIN { printf "%.3f", (b - a) / 1e6 / n }')
  echo "  whole process, mean of $proc_runs: $py_proc_ms ms"
fi

# ---------------------------------------------------------------- egin
eg_proc_ms= ; eg_start_ms= ; eg_bench_ms= ; eg_bench_cpu_ms= ; eg_hot_ms=
echo
if [ -z "$egin" ] || [ ! -x "$egin" ]; then
  echo "egin binary not found (pass it as the first argument)"
elif ! "$egin" --help 2>/dev/null | grep -q 'water-balance'; then
  echo "egin at $egin has no water-balance subcommand"
else
  build_dir=$(cd "$(dirname "$egin")/../.." && pwd)
  build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
  echo "egin $("$egin" --version 2>/dev/null | head -n1) at $egin (build type: ${build_type:-unknown})"
  eg_cmd=("$egin" water-balance --pyfao56-par "$case_dir/$par" --weather "$case_dir/$wth"
          --irrigation "$case_dir/$irr" --from "$from" --to "$to" --format csv)
  # The seasonal totals go to stderr, or with --summary to a file: the sanity run writes them to a
  # file to read Dr_end and ETa; the timed runs use the plain command and discard both streams.
  sum_file=$(mktemp)
  if ! csv=$("${eg_cmd[@]}" --summary "$sum_file" 2>/dev/null); then
    echo "egin water-balance failed on this case:" >&2
    "${eg_cmd[@]}" >/dev/null || true
    rm -f "$sum_file"
    exit 1
  fi
  eg_days=$(($(wc -l <<<"$csv") - 1))
  eg_dr_end=$(awk -F, '$1 == "Dr_end" { print $2 }' "$sum_file")
  eg_eta_sum=$(awk -F, '$1 == "ETa" || $1 == "ETcadj" { print $2 }' "$sum_file")
  rm -f "$sum_file"
  echo "  season result: $eg_days days, Dr_end ${eg_dr_end:-?} mm, sum ETa ${eg_eta_sum:-?} mm"
  # Whole process: the season, and `egin --version` for the cost of starting the program alone.
  start_cmd=("$egin" --version)
  if command -v hyperfine >/dev/null 2>&1 && [ -z "${NO_HYPERFINE:-}" ]; then
    tmp=$(mktemp)
    hf_err=$(mktemp)
    if ! hyperfine -N --style none --warmup 3 --runs "$egin_runs" --export-csv "$tmp" \
      "$(printf '%q ' "${eg_cmd[@]}")" "$(printf '%q ' "${start_cmd[@]}")" >/dev/null 2>"$hf_err"; then
      cat "$hf_err" >&2
      exit 1
    fi
    rm -f "$hf_err"
    # columns: command,mean,stddev,median,user,system,min,max (seconds); one row per command
    read -r eg_proc_ms eg_proc_sd eg_proc_min < <(awk -F, 'NR == 2 { printf "%.3f %.3f %.3f\n", $4 * 1e3, $3 * 1e3, $7 * 1e3 }' "$tmp")
    read -r eg_start_ms eg_start_min < <(awk -F, 'NR == 3 { printf "%.3f %.3f\n", $4 * 1e3, $7 * 1e3 }' "$tmp")
    rm -f "$tmp"
    echo "  whole process (hyperfine, $egin_runs runs): median $eg_proc_ms ms, sd $eg_proc_sd, min $eg_proc_min"
    echo "  egin --version alone (program start): median $eg_start_ms ms, min $eg_start_min"
  else
    loop_ms() {
      local t0 t1 i
      t0=$(date +%s%N)
      for ((i = 0; i < egin_runs; i++)); do "$@" >/dev/null 2>&1; done
      t1=$(date +%s%N)
      awk -v a="$t0" -v b="$t1" -v n="$egin_runs" 'BEGIN { printf "%.3f", (b - a) / 1e6 / n }'
    }
    eg_proc_ms=$(loop_ms "${eg_cmd[@]}")
    eg_start_ms=$(loop_ms "${start_cmd[@]}")
    echo "  whole process (shell loop, $egin_runs runs): mean $eg_proc_ms ms"
    echo "  egin --version alone (program start): mean $eg_start_ms ms"
  fi
  bench=${BENCH_WATER_BALANCE:-$build_dir/bench/bench_water_balance}
  if [ -x "$bench" ]; then
    rows=$("$bench" --benchmark_format=csv --benchmark_min_time=0.5 2>/dev/null | grep '^"' || true)
    # CSV: name,iterations,real_time,cpu_time,time_unit,...  ->  "name real_ms cpu_ms" per row.
    rows_ms=$(awk -F, '{ n = $1; gsub(/"/, "", n); u = $5; gsub(/"/, "", u);
                         s = (u == "ns") ? 1e-6 : (u == "us") ? 1e-3 : (u == "ms") ? 1 : 1e3;
                         printf "%s %.6f %.6f\n", n, $3 * s, $4 * s }' <<<"$rows")
    echo "  in-process $(basename "$bench") (ms per iteration, real / CPU):"
    while read -r n r c; do [ -n "$n" ] && echo "    $n  $r / $c"; done <<<"$rows_ms"
    # The season as pyfao56's Model()+run() does it (inputs prepared, daily records allocated):
    # the benchmark named *SeasonWhole*; the hot loop alone: the other single-season benchmark.
    read -r _ eg_bench_ms eg_bench_cpu_ms < <(grep -i 'season' <<<"$rows_ms" | grep -i 'whole' | head -n1 || true) || true
    read -r _ eg_hot_ms _ < <(grep -i 'season' <<<"$rows_ms" | grep -v -i -E 'whole|batch' | head -n1 || true) || true
  else
    echo "  in-process benchmark not found ($bench)"
  fi
fi

# ---------------------------------------------------------------- summary
echo
printf '%-36s %14s %12s\n' "" "ms/season" "µs/day"
row() { [ -n "$2" ] && printf '%-36s %14s %12s\n' "$1" "$2" "$(per_day_us "$2")"; return 0; }
row "pyfao56 Model()+run(), in-process" "$py_run_ms"
row "pyfao56 Model()+run(), CPU" "$py_cpu_ms"
row "pyfao56 load+run+write, in-process" "$py_total_ms"
row "pyfao56 whole process" "$py_proc_ms"
row "egin run_season, in-process" "$eg_bench_ms"
row "egin run_season, CPU" "$eg_bench_cpu_ms"
row "egin hot loop (run_days), in-process" "$eg_hot_ms"
row "egin whole process" "$eg_proc_ms"
row "egin --version (program start only)" "$eg_start_ms"
echo
echo "ratio pyfao56/egin, in-process season (wall):   $(div "$py_run_ms" "$eg_bench_ms")"
echo "ratio pyfao56/egin, in-process season (CPU):    $(div "$py_cpu_ms" "$eg_bench_cpu_ms")"
echo "ratio pyfao56/egin, whole process:              $(div "$py_proc_ms" "$eg_proc_ms")"
echo "ratio pyfao56 run() / egin whole process:       $(div "$py_run_ms" "$eg_proc_ms")"
