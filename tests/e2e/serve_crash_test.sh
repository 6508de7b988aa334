#!/usr/bin/env bash
# Durability of `egin serve` (issue 5, "Done when"): concurrent HTTP posters and an MQTT QoS 1
# publisher load the server, which is killed with SIGKILL mid-load and restarted; every reading
# that was acknowledged (HTTP 2xx; MQTT PUBACK from the broker, delivered to egin's persistent
# session) must then be stored exactly once with its value. Once on SQLite (checked through the
# API and with the sqlite3 shell), once on PostgreSQL (a private cluster, tests/support/postgres.sh).
egin=$1
src=$2
# shellcheck source=lib.sh
source "$src/tests/e2e/lib.sh"
# shellcheck source=serve_lib.sh
source "$src/tests/e2e/serve_lib.sh"
export PATH=/usr/bin:$PATH  # Debian's python3 (paho-mqtt) first
load=$src/tests/e2e/serve_load.py
broker=$e2e_tmp/broker
pg_started=0
pg_db=""
pg_bin=${EGIN_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}
cleanup() {
  [ -n "$serve_pid" ] && kill -KILL "$serve_pid" 2>/dev/null
  [ -f "$broker/pid" ] && bash "$src/tests/support/mosquitto.sh" kill "$broker" >/dev/null 2>&1
  if [ "$pg_started" = 1 ]; then
    [ -n "$pg_db" ] && "$pg_bin/psql" -X -q "$pg_admin_url" -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1
    bash "$src/tests/support/postgres.sh" stop >/dev/null 2>&1
  fi
  rm -rf "$e2e_tmp"
}
trap cleanup EXIT
channels=(gh1/node1/t_air gh1/node1/rh gh1/act/vent)

# wait_metric NAME VALUE: until /metrics shows the line "NAME VALUE" (10 s).
wait_metric() {
  local i
  for i in $(seq 1 200); do
    curl -s "$serve_url/metrics" | grep -qx "$1 $2" && return 0
    sleep 0.05
  done
  return 1
}

# crash_round LABEL SERVE_ARGS...: load, SIGKILL, restart, prove.
crash_round() {
  local label=$1
  shift
  serve_data=$e2e_tmp/$label
  mkdir -p "$serve_data"
  cp "$src/tests/e2e/data/serve/site.toml" "$serve_data/site.toml"
  local base_s=$(( $(date +%s) - 20 * 3600 ))
  check "$label: serve starts" serve_start "$label-1" --data-dir "$serve_data" "$@"
  echo "$serve_url" >"$e2e_tmp/url"
  local mqtt_on=0
  if printf '%s\n' "$@" | grep -q -- '--mqtt'; then mqtt_on=1; fi
  if [ "$mqtt_on" = 1 ]; then
    check "$label: MQTT connected" wait_metric egin_mqtt_connected 1
    sleep 0.3  # SUBACK: the persistent session now holds the subscription
    rm -f "$e2e_tmp/stop-mqtt"
    python3 "$load" mqtt 127.0.0.1 "$mqtt_port" egin/e2e-farm/gh1/node1/obs gh1/node1/co2 \
      "$e2e_tmp/$label-mqtt.acked" "$base_s" "$e2e_tmp/stop-mqtt" 2>"$e2e_tmp/$label-mqtt.log" &
    mqtt_pid=$!
  fi
  python3 "$load" http "$e2e_tmp/url" "$serve_data/api-token" "$e2e_tmp/$label-http.acked" \
    "$base_s" "${channels[@]}" 2>"$e2e_tmp/$label-http.log" &
  local posters=$!
  sleep 2.5
  serve_kill9
  wait "$posters"
  check "$label: HTTP posters got acknowledgements" test -s "$e2e_tmp/$label-http.acked"
  cat "$e2e_tmp/$label-http.log" >&2
  [ "$mqtt_on" = 1 ] && sleep 1  # publishing goes on into the broker while egin is down

  check "$label: restart after SIGKILL" serve_start "$label-2" --data-dir "$serve_data" "$@"
  echo "$serve_url" >"$e2e_tmp/url"
  local acked=("$e2e_tmp/$label-http.acked")
  if [ "$mqtt_on" = 1 ]; then
    sleep 1
    touch "$e2e_tmp/stop-mqtt"
    wait "$mqtt_pid"
    cat "$e2e_tmp/$label-mqtt.log" >&2
    check "$label: MQTT publisher got PUBACKs" test -s "$e2e_tmp/$label-mqtt.acked"
    acked+=("$e2e_tmp/$label-mqtt.acked")
  fi
  check "$label: every acknowledged reading stored exactly once" \
    python3 "$load" wait "$serve_url" "$serve_data/api-token" 30 "${acked[@]}"
  serve_stop
  check "$label: SIGTERM after the restart: exit 0" test "$serve_rc" -eq 0
}

# --- SQLite, HTTP and MQTT -----------------------------------------------------------------------
# No --config: the site file copied to <data-dir>/site.toml is the one used.
mqtt_port=$(bash "$src/tests/support/mosquitto.sh" start "$broker")
check "broker started" test -n "$mqtt_port"
crash_round sqlite --mqtt "mqtt://127.0.0.1:$mqtt_port"
for key in "${channels[@]}"; do
  n_acked=$(grep -c "^$key " "$e2e_tmp/sqlite-http.acked")
  n_rows=$(sqlite3 "$e2e_tmp/sqlite/egin.db" \
    "SELECT count(*) FROM readings r JOIN channels c ON c.id = r.channel WHERE c.key = '$key'")
  n_distinct=$(sqlite3 "$e2e_tmp/sqlite/egin.db" \
    "SELECT count(DISTINCT t_ms) FROM readings r JOIN channels c ON c.id = r.channel WHERE c.key = '$key'")
  check "sqlite3: $key holds every acknowledged reading ($n_rows >= $n_acked)" test "$n_rows" -ge "$n_acked"
  check "sqlite3: $key has no time stamp twice" test "$n_rows" -eq "$n_distinct"
done
bash "$src/tests/support/mosquitto.sh" stop "$broker" >/dev/null 2>&1

# --- PostgreSQL, HTTP ----------------------------------------------------------------------------
if bash "$src/tests/support/postgres.sh" start >/dev/null 2>&1; then
  pg_started=1
  pg_admin_url=$(bash "$src/tests/support/postgres.sh" url)
  pg_db="egin_e2e_crash_$$"
  "$pg_bin/psql" -X -q "$pg_admin_url" -c "CREATE DATABASE $pg_db" >/dev/null
  pg_url="${pg_admin_url%/*}/$pg_db"
  crash_round postgresql --db "$pg_url"
else
  echo "FAIL: PostgreSQL test server did not start (tests/support/postgres.sh start)" >&2
  e2e_fail=$((e2e_fail + 1))
fi

e2e_finish
