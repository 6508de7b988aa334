#!/usr/bin/env bash
# Durable ingest side by side: egin serve (SQLite, default durable settings: WAL, synchronous
# FULL) against InfluxDB 1.6 (Debian's influxd, default WAL fsync) on the same machine, the same
# readings, batch size and client threads.
#
#   bench/ingest_side_by_side.sh [BUILD_DIR]     (default build-bench; needs apps/egin/egin and
#                                                 bench/ingest_load built as Release)
#
# What is measured (bench/ingest_load.cpp does the loads and timings):
#   1. egin over HTTP: N client threads (for each N of THREADS) POST SenML packs of 1000 readings (100 channels x 10
#      minutes) for SECONDS s after a warm-up; rate = readings the server answered as accepted
#      (it answers after they are durable), per second; the store's row count is checked after.
#   2. egin through Mosquitto: publishers (libmosquitto, QoS 1) send one device's 10 channels x M
#      minutes per message; rate = readings egin STORED (its /metrics), not readings published.
#      Run for 1000 and for 10 readings per message (a node's one-minute pack).
#   3. a 30-day, 1-minute series of one channel queried at a 1-hour step: GET /api/v1/series
#      (HTTP, keep-alive) and store::query_series in process, median of 50.
#   4. InfluxDB 1.6: the same HTTP load as line protocol (/write?precision=ms, one point per
#      reading), and the same 30-day query (GROUP BY time(1h)) through /query.
# Servers listen on 127.0.0.1 on free ports, run one at a time, and are stopped at the end.
# Settings: THREADS ("4 8 16": one HTTP run per count), SECONDS_PER_RUN (20), WARMUP (3), MQTT_THREADS (4), KEEP=1 keeps the temp dir.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-bench}
egin=$build/apps/egin/egin
load=$build/bench/ingest_load
thread_list=${THREADS:-4 8 16}
seconds=${SECONDS_PER_RUN:-20}
warmup=${WARMUP:-3}
mqtt_threads=${MQTT_THREADS:-4}
for f in "$egin" "$load"; do
  [[ -x $f ]] || { echo "$0: $f not built (cmake --build $build --target egin ingest_load)" >&2; exit 1; }
done
command -v influxd >/dev/null || { echo "$0: influxd not installed (apt-get install influxdb)" >&2; exit 1; }

tmp=$(mktemp -d /var/tmp/egin-ingest-bench.XXXXXX)
egin_pid=""
influx_pid=""
cleanup() {
  [[ -n $egin_pid ]] && kill "$egin_pid" 2>/dev/null && wait "$egin_pid" 2>/dev/null
  [[ -n $influx_pid ]] && kill "$influx_pid" 2>/dev/null && wait "$influx_pid" 2>/dev/null
  bash "$src/tests/support/mosquitto.sh" stop "$tmp/broker" >/dev/null 2>&1 || true
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
wait_http() {  # URL: until it answers (any status)
  for _ in $(seq 1 200); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.05
  done
  echo "$0: nothing answers at $1" >&2
  return 1
}
now_ms=$(($(date +%s) * 1000))
day_ms=86400000
base_ms=$(( (now_ms / day_ms - 3400) * day_ms ))  # far in the past: max_age_days 3650 below
result() { grep '^RESULT' "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# ---- machine ---------------------------------------------------------------------------------
disk_dev=$(df --output=source "$tmp" | tail -1)
rota=$(lsblk -ndo ROTA "$disk_dev" 2>/dev/null || lsblk -ndo ROTA "/dev/$(lsblk -ndo PKNAME "$disk_dev" 2>/dev/null)" 2>/dev/null || echo "?")
echo "== machine"
echo "cpu:    $(lscpu | sed -n 's/^Model name: *//p') x $(nproc) ($(lscpu | sed -n 's/^Hypervisor vendor: *//p') guest)"
echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r)"
echo "disk:   $tmp on $disk_dev ($(df -h --output=fstype,size "$tmp" | tail -1 | xargs)), rotational=$rota"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sqlite: $(sqlite3 --version | cut -d' ' -f1); influxd: $(influxd version 2>/dev/null | head -1)"
echo "settings: HTTP client threads $thread_list, $seconds s measured after $warmup s warm-up, $mqtt_threads MQTT publishers"

# ---- egin ------------------------------------------------------------------------------------
python3 - "$tmp/site.toml" <<'EOF'
import sys
lines = ["[site]", 'id = "bench"', "latitude_deg = 43.3", "longitude_deg = 68.25",
         "elevation_m = 210.0", "utc_offset_min = 300", "", "[validation]",
         "future_tolerance_s = 300.0", "max_age_days = 3650.0", "", "[[retention]]",
         'class = "default"', "raw_days = 3650", "minute_days = 3650", "hour_days = 3650",
         "day_days = 0", "", "[[zones]]", 'id = "gh1"', 'kind = "greenhouse"']
for d in range(1, 11):
    lines += ["", "[[zones.devices]]", f'id = "d{d:02d}"']
    for c in range(1, 11):
        lines += ["[[zones.devices.channels]]", f'id = "c{c:02d}"', 'quantity = "temperature"',
                  'unit = "Cel"', "min = -50.0", "max = 100.0"]
lines += ["", "[[zones.devices]]", 'id = "q01"', "[[zones.devices.channels]]", 'id = "series"',
          'quantity = "temperature"', 'unit = "Cel"', "min = -50.0", "max = 100.0"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
EOF

mqtt_port=$(bash "$src/tests/support/mosquitto.sh" start "$tmp/broker")
egin_port=$(free_port)
egin_url=http://127.0.0.1:$egin_port
start_egin() {
  "$egin" serve --config "$tmp/site.toml" --db "sqlite:$tmp/egin/egin.db" --data-dir "$tmp/egin" \
    --http "127.0.0.1:$egin_port" --mqtt "mqtt://127.0.0.1:$mqtt_port" >>"$tmp/egin.log" 2>&1 &
  egin_pid=$!
  wait_http "$egin_url/healthz"
}
stop_egin() {
  kill "$egin_pid" && wait "$egin_pid" || true
  egin_pid=""
}
start_egin
token=$(cat "$tmp/egin/api-token")
sleep 1  # MQTT subscription up

declare -A egin_http influx_http
run=0
for threads in $thread_list; do
  echo
  echo "== egin HTTP ingest ($threads threads, packs of 1000 readings; load $(cut -d' ' -f1 /proc/loadavg))"
  "$load" http --url "$egin_url" --token "$token" --threads "$threads" --seconds "$seconds" \
    --warmup "$warmup" --start-ms $((base_ms + run * 50 * day_ms)) | tee "$tmp/http$threads.out"
  egin_http[$threads]=$(result "$tmp/http$threads.out" rate)
  curl -s "$egin_url/metrics" | grep -E '^egin_store_(commits_total|commit_readings_total|commit_seconds_total)' | tr '\n' ' '
  echo
  run=$((run + 1))
done

echo
echo "== egin MQTT ingest ($mqtt_threads publishers, QoS 1, 1000 readings per message)"
"$load" mqtt --port "$mqtt_port" --metrics-url "$egin_url" --threads "$mqtt_threads" \
  --seconds "$seconds" --warmup "$warmup" --minutes 100 \
  --start-ms $((base_ms + run * 50 * day_ms)) | tee "$tmp/mqtt.out" || true
run=$((run + 1))
egin_mqtt=$(result "$tmp/mqtt.out" rate)

echo
echo "== egin MQTT ingest ($mqtt_threads publishers, QoS 1, 10 readings per message: one node-minute)"
"$load" mqtt --port "$mqtt_port" --metrics-url "$egin_url" --threads "$mqtt_threads" \
  --seconds "$seconds" --warmup "$warmup" --minutes 1 \
  --start-ms $((base_ms + run * 50 * day_ms)) | tee "$tmp/mqtt10.out" || true
run=$((run + 1))
egin_mqtt10=$(result "$tmp/mqtt10.out" rate)
curl -s "$egin_url/metrics" | grep -E '^egin_store_(commits_total|commit_readings_total|commit_seconds_total)' | tee "$tmp/mqtt.metrics"

echo
echo "== 30-day, 1-minute series of one channel at a 1-hour step"
q_from=$((base_ms + run * 50 * day_ms))
q_to=$((q_from + 30 * day_ms))
python3 - "$q_from" >"$tmp/series.json" <<'EOF'
import json, math, sys
t0 = int(sys.argv[1]) // 1000
recs = [{"n": "gh1/q01/series", "t": 60 * m,
         "v": round(20 + 8 * math.sin(2 * math.pi * m / 1440) + 0.01 * (m % 7), 2)}
        for m in range(30 * 1440)]
recs[0]["bt"] = t0
print(json.dumps(recs, separators=(",", ":")))
EOF
curl -s -H "Authorization: Bearer $token" -H "Content-Type: application/senml+json" \
  --data-binary "@$tmp/series.json" "$egin_url/api/v1/ingest" | head -c 200
echo
"$load" query-http --url "$egin_url" --token "$token" --channel gh1/q01/series \
  --from-ms "$q_from" --to-ms "$q_to" --step 1h --repeat 50 | tee "$tmp/qhttp.out"
egin_q_http=$(result "$tmp/qhttp.out" ms_median)
stop_egin
stored=$(sqlite3 "$tmp/egin/egin.db" "SELECT n FROM row_counts WHERE level = 'raw'")
db_bytes=$(du -cb "$tmp/egin"/egin.db* | tail -1 | cut -f1)
"$load" query-store --db "$tmp/egin/egin.db" --channel gh1/q01/series \
  --from-ms "$q_from" --to-ms "$q_to" --step 1h --repeat 50 | tee "$tmp/qstore.out"
egin_q_store=$(result "$tmp/qstore.out" ms_median)
echo "egin stored $stored raw rows ($((db_bytes / 1000000)) MB with rollups and WAL)"
bash "$src/tests/support/mosquitto.sh" stop "$tmp/broker"

# ---- InfluxDB 1.6 ----------------------------------------------------------------------------
influx_port=$(free_port)
influx_url=http://127.0.0.1:$influx_port
mkdir -p "$tmp/influx"
cat >"$tmp/influx/influxdb.conf" <<EOF
reporting-disabled = true
bind-address = "127.0.0.1:$(free_port)"
[meta]
  dir = "$tmp/influx/meta"
[data]
  dir = "$tmp/influx/data"
  wal-dir = "$tmp/influx/wal"
  wal-fsync-delay = "0s"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$influx_port"
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
[subscriber]
  enabled = false
[logging]
  level = "warn"
EOF
influxd -config "$tmp/influx/influxdb.conf" >"$tmp/influx.log" 2>&1 &
influx_pid=$!
wait_http "$influx_url/ping"
curl -s -XPOST "$influx_url/query" --data-urlencode "q=CREATE DATABASE bench" >/dev/null

run=0
influx_total=0
for threads in $thread_list; do
  echo
  echo "== InfluxDB 1.6 HTTP /write ($threads threads, batches of 1000 points, precision=ms; load $(cut -d' ' -f1 /proc/loadavg))"
  "$load" influx --url "$influx_url" --db bench --threads "$threads" --seconds "$seconds" \
    --warmup "$warmup" --start-ms $((base_ms + run * 50 * day_ms)) | tee "$tmp/influx$threads.out"
  influx_http[$threads]=$(result "$tmp/influx$threads.out" rate)
  influx_total=$((influx_total + $(result "$tmp/influx$threads.out" accepted_total)))
  run=$((run + 1))
done
influx_count=$(curl -s -G "$influx_url/query" --data-urlencode "db=bench" \
  --data-urlencode "q=SELECT count(v) FROM readings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["series"][0]["values"][0][1])')
echo "InfluxDB holds $influx_count points; the load was acknowledged $influx_total"

# The same 30-day series, one point per minute, then GROUP BY time(1h).
python3 - "$q_from" >"$tmp/series.lp" <<'EOF'
import math, sys
t0 = int(sys.argv[1])
for m in range(30 * 1440):
    v = round(20 + 8 * math.sin(2 * math.pi * m / 1440) + 0.01 * (m % 7), 2)
    print(f"readings,ch=gh1/q01/series v={v} {t0 + 60000 * m}")
EOF
curl -s -XPOST "$influx_url/write?db=bench&precision=ms" --data-binary "@$tmp/series.lp"
q="SELECT min(v), max(v), mean(v), count(v) FROM readings WHERE ch = 'gh1/q01/series' AND time >= ${q_from}ms AND time < ${q_to}ms GROUP BY time(1h)"
python3 - "$influx_url" "$q" <<'EOF' | tee "$tmp/influx_q.out"
import http.client, json, sys, time, urllib.parse
url, q = sys.argv[1], sys.argv[2]
host, port = url.split("//")[1].split(":")
conn = http.client.HTTPConnection(host, int(port))
path = "/query?" + urllib.parse.urlencode({"db": "bench", "q": q})
times = []
for i in range(51):
    t = time.perf_counter()
    conn.request("GET", path)
    body = conn.getresponse().read()
    if i:
        times.append(1000 * (time.perf_counter() - t))
rows = json.loads(body)["results"][0]["series"][0]["values"]
times.sort()
print(f"RESULT mode=influx-query repeat=50 points={len(rows)} ms_min={times[0]:.3f} "
      f"ms_median={times[25]:.3f} ms_p95={times[47]:.3f}")
EOF
influx_q=$(result "$tmp/influx_q.out" ms_median)
influx_bytes=$(du -sb "$tmp/influx" | cut -f1)
kill "$influx_pid" && wait "$influx_pid" || true
influx_pid=""

# ---- table -----------------------------------------------------------------------------------
ratio() { python3 -c "import sys; a, b = float(sys.argv[1] or 0), float(sys.argv[2] or 0); print(f'{a / b:.2f}' if b else '-')" "$1" "$2"; }
echo
echo "== side by side (load now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '| %-58s | %14s | %14s | %-22s |\n' "what" "egin (SQLite)" "InfluxDB 1.6" "egin / InfluxDB"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..24})"
for threads in $thread_list; do
  printf '| %-58s | %14.0f | %14.0f | %-22s |\n' "HTTP batches of 1000, $threads threads: readings/s durable" "${egin_http[$threads]}" "${influx_http[$threads]}" "$(ratio "${egin_http[$threads]}" "${influx_http[$threads]}")"
done
printf '| %-58s | %14.0f | %14s | %-22s |\n' "MQTT QoS 1, 1000 readings/message: readings/s stored" "${egin_mqtt:-0}" "-" "-"
printf '| %-58s | %14.0f | %14s | %-22s |\n' "MQTT QoS 1, 10 readings/message: readings/s stored" "${egin_mqtt10:-0}" "-" "-"
printf '| %-58s | %14.2f | %14.2f | %-22s |\n' "30-day 1-min series at 1 h step, HTTP: ms (median)" "$egin_q_http" "$influx_q" "$(ratio "$influx_q" "$egin_q_http") (InfluxDB/egin)"
printf '| %-58s | %14.2f | %14s | %-22s |\n' "same, in process (store::query_series): ms (median)" "$egin_q_store" "-" "-"
printf '| %-58s | %14.0f | %14.0f | %-22s |\n' "disk per stored reading after the runs: bytes" "$((db_bytes / stored))" "$((influx_bytes / influx_count))" "$(ratio "$((db_bytes / stored))" "$((influx_bytes / influx_count))")"
