#!/usr/bin/env bash
# Side-by-side timing of one short closed-loop greenhouse run, GreenLight 2.0.5 (David Katzin et al.,
# Python, BSD-3-Clause-Clear; optional peer, not vendored) against egin's twin: the katzin_2021 model
# (4-ha Venlo, LED toplights 0-18 h, GreenLight's rule-based controls, young crop), SEL2000 weather
# from 1 January, BDF.
#
# Usage: bench/side_by_side_greenlight.sh [DAYS] [EGIN_BINARY]
#   DAYS                 simulated days, 1-10 (default 2; the weather file holds 11 days)
#   EGIN_BINARY          default: build-bench/apps/egin/egin, else build/apps/egin/egin
# Environment:
#   GREENLIGHT_SRC       folder that contains the greenlight package (put on PYTHONPATH); without it
#                        `import greenlight` must work as installed (pip install greenlight==2.0.5),
#                        else GreenLight is skipped
#   PYTHON               interpreter (default: first of python3, /usr/bin/python3 that can import
#                        greenlight, numpy, scipy, pandas and numexpr)
#   GL_WEATHER           weather in GreenLight's input CSV format (3 header rows: Time, iGlob, tOut,
#                        vpOut, co2Out, wind, tSky, tSoOut, dayRadSum, isDay, isDaySmooth, hElevation);
#                        default: converted here from tests/reference/data/greenlight/weather_jan01_11d.csv
#                        (the inverse of that folder's convert.py; 6 significant digits, so GreenLight's
#                        trajectories differ from the reference runs in the last digits)
#   EGIN_RUNS            whole-process runs of egin (default 5, the median is printed)
#   GL_RUNS              GreenLight runs (default 1; each loads the model anew, as GreenLight does)
# Prints GreenLight's load (model parsing) and solve times, egin's, both per simulated day, the
# ratio, and the day-N totals of both (heating, lamp electricity) as a sanity check.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

days=${1:-2}
egin=${2:-}
egin_runs=${EGIN_RUNS:-5}
gl_runs=${GL_RUNS:-1}
awk -v d="$days" 'BEGIN { exit !(d > 0 && d <= 10) }' || { echo "side_by_side: DAYS must be in (0, 10]" >&2; exit 2; }

weather=$root/tests/reference/data/greenlight/weather_jan01_11d.csv
[ -f "$weather" ] || { echo "side_by_side: $weather not found" >&2; exit 2; }
if [ -z "$egin" ]; then
  for c in build-bench build; do
    if [ -x "$root/$c/apps/egin/egin" ]; then egin=$root/$c/apps/egin/egin; break; fi
  done
fi
[ -x "${egin:-/nonexistent}" ] || { echo "side_by_side: egin binary not found (build apps/egin)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== side-by-side: GreenLight 2.0.5 katzin_2021 (LED) vs egin greenlight-venlo, SEL2000 from 1 Jan, $days days"
echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

kv() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2" | tail -n1; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.1fx", a / b }'; }
per_day() { awk -v s="$1" -v d="$days" 'BEGIN { if (s == "") print "n/a"; else printf "%.4f", s / d }'; }

# ---------------------------------------------------------------- GreenLight
py_env=()
if [ -n "${GREENLIGHT_SRC:-}" ]; then py_env=(env "PYTHONPATH=$GREENLIGHT_SRC${PYTHONPATH:+:$PYTHONPATH}"); fi
python=
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$c" ] || continue
  if "${py_env[@]}" "$c" -c 'import greenlight, numpy, scipy, pandas, numexpr' >/dev/null 2>&1; then python=$c; break; fi
done
echo
gl_solve_cpu= ; gl_solve_wall= ; gl_load_cpu= ; gl_proc_cpu= ; gl_proc_wall= ; gl_heat= ; gl_lamp=
if [ -z "$python" ]; then
  echo "GreenLight not available (pip install greenlight==2.0.5, or set GREENLIGHT_SRC to a folder holding the greenlight package)"
else
  glw=${GL_WEATHER:-}
  if [ -z "$glw" ]; then
    glw=$work/weather_gl.csv
    "$python" - "$weather" "$glw" <<'PY'
import csv, datetime as dt, math, sys
src, out = sys.argv[1], sys.argv[2]
rows = [r for r in csv.reader(l for l in open(src) if not l.startswith("#"))]
head, data = rows[0], rows[1:]
ix = {h: i for i, h in enumerate(head)}
t0 = dt.datetime.fromisoformat(data[0][ix["time"]])
sat = lambda t: 610.78 * math.exp(17.2694 * t / (t + 238.3))
rec = []
for r in data:
    t = (dt.datetime.fromisoformat(r[ix["time"]]) - t0).total_seconds()
    tout = float(r[ix["t_out_c"]])
    ig = float(r[ix["iglob_w_m2"]])
    rec.append([t, ig, tout, float(r[ix["rh_out_pct"]]) / 100 * sat(tout),
                float(r[ix["co2_out_ppm"]]) * 101325 * 44.01e-3 / (8.3144598 * (tout + 273.15)),
                float(r[ix["wind_m_s"]]), float(r[ix["t_sky_c"]]), float(r[ix["t_soil_c"]])])
day_sum = {}
for x in rec:  # calendar-day sum of the hourly iGlob, MJ m-2 (runs start at local midnight)
    day_sum[int(x[0] // 86400)] = day_sum.get(int(x[0] // 86400), 0.0) + x[1] * 3600e-6
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Time", "iGlob", "tOut", "vpOut", "co2Out", "wind", "tSky", "tSoOut", "dayRadSum", "isDay",
                "isDaySmooth", "hElevation"])
    w.writerow(["Time since start of data"] + [""] * 11)
    w.writerow(["s", "W m**-2", "°C", "Pa", "mg m**-3", "m s**-1", "°C", "°C", "MJ m**-2", "-", "-", "m"])
    for x in rec:
        day = 1.0 if x[1] > 0 else 0.0
        w.writerow(x + [day_sum[int(x[0] // 86400)], day, day, 0.0])
PY
  fi
  # Runs GreenLight through its public API the way its scripts/katzin_2021/katzin_2021_run_sims.py does.
  cat > "$work/run_gl.py" <<'PY'
import os, sys, time
import greenlight
from greenlight import GreenLight
weather, days, out = os.path.abspath(sys.argv[1]), float(sys.argv[2]), os.path.abspath(sys.argv[3])
base = os.path.join(os.path.dirname(greenlight.__file__), "models")
model = os.path.join("katzin_2021", "definition", "main_katzin_2021.json")
options = {"options": {"t_end": str(int(round(days * 86400))), "solver": "BDF", "output_step": "300"}}
t0, c0 = time.perf_counter(), time.process_time()
mdl = GreenLight(base_path=base, input_prompt=[model, weather, options], output_path=out)
mdl.load()
t1, c1 = time.perf_counter(), time.process_time()
mdl.solve()
t2, c2 = time.perf_counter(), time.process_time()
s = mdl.states_sol
# Energy totals as GreenLight's own example script computes them (sums over its output samples, 300 s as in the reference runs)
mdl.save()
fs = mdl.full_sol
heat = 300 * (fs["hBoilPipe"].sum() + fs["hBoilGroPipe"].sum()) * 1e-6
lamp = 300 * (fs["qLampIn"].sum() + fs["qIntLampIn"].sum()) * 1e-6
print(f"\nGL load_wall_s={t1-t0:.3f} load_cpu_s={c1-c0:.3f} solve_wall_s={t2-t1:.3f} solve_cpu_s={c2-c1:.3f} "
      f"nfev={s.nfev} njev={s.njev} nlu={s.nlu} success={s.success} heat_mj={heat:.3f} lamp_mj={lamp:.3f}",
      file=sys.stderr)
PY
  echo "GreenLight: $("${py_env[@]}" "$python" -c 'import greenlight, os; print(greenlight.__version__, os.path.dirname(greenlight.__file__))' 2>/dev/null)"
  for _ in $(seq "$gl_runs"); do
    "${py_env[@]}" /usr/bin/time -f "PROC wall=%e user=%U sys=%S" "$python" "$work/run_gl.py" "$glw" "$days" \
      "$work/gl_out.csv" >"$work/gl.out" 2>"$work/gl.err" || { tail -n 20 "$work/gl.err" >&2; exit 1; }
    line=$(grep '^GL ' "$work/gl.err" | tail -n1)
    proc=$(grep '^PROC ' "$work/gl.err" | tail -n1)
    echo "  $line"
    gl_solve_cpu=$(kv solve_cpu_s "$line"); gl_solve_wall=$(kv solve_wall_s "$line"); gl_load_cpu=$(kv load_cpu_s "$line")
    gl_heat=$(kv heat_mj "$line"); gl_lamp=$(kv lamp_mj "$line")
    gl_proc_wall=$(kv wall "$proc")
    gl_proc_cpu=$(awk -v u="$(kv user "$proc")" -v s="$(kv sys "$proc")" 'BEGIN { printf "%.2f", u + s }')
  done
  echo "GreenLight: process ${gl_proc_wall} s wall, ${gl_proc_cpu} s CPU (model load ${gl_load_cpu} s CPU);" \
       "solve ${gl_solve_wall} s wall, ${gl_solve_cpu} s CPU = $(per_day "$gl_solve_cpu") s CPU per simulated day"
fi

# ---------------------------------------------------------------- egin
echo
times=()
for _ in $(seq "$egin_runs"); do
  /usr/bin/time -o "$work/egin.time" -f "%e %U %S" "$egin" simulate greenhouse --design greenlight-venlo \
    --weather "$weather" --days "$days" --out "$work/egin.csv" >"$work/egin.summary" 2>"$work/egin.err" \
    || { cat "$work/egin.err" >&2; exit 1; }
  times+=("$(tail -n1 "$work/egin.time")")
done
med=$(printf '%s\n' "${times[@]}" | awk '{ print $2 + $3, $1 }' | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
egin_cpu=${med% *}; egin_wall=${med#* }
eg_heat=$(awk '$1 == "heating" { print $2 }' "$work/egin.summary")
eg_lamp=$(awk '$1 == "lamp_electricity" { print $2 }' "$work/egin.summary")
echo "egin: $egin"
echo "egin: process ${egin_wall} s wall, ${egin_cpu} s CPU (median of $egin_runs) = $(per_day "$egin_cpu") s CPU per simulated day"

echo
echo "totals over $days days (GreenLight: sums of its 300-s output samples; egin: integrated):"
echo "  heating           GreenLight ${gl_heat:-n/a} MJ/m2, egin ${eg_heat:-n/a} MJ/m2"
echo "  lamp electricity  GreenLight ${gl_lamp:-n/a} MJ/m2, egin ${eg_lamp:-n/a} MJ/m2"
echo "ratio GreenLight/egin, CPU: solve only $(div "$gl_solve_cpu" "$egin_cpu"), whole process $(div "$gl_proc_cpu" "$egin_cpu")"
