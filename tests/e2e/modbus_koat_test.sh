#!/usr/bin/env bash
# The controller-side KOAT procedures for KS X 3267 (SPS-X KOAT-0004-7466 §5.4/5.5 as mapped in
# reference §1.8), each run against `egin node-sim`:
#   1. sensor-node search        scan finds the sensor nodes on an RTU line at 9600 8N1
#   2. data check                status codes cycling every second are read with their meaning
#                                and quality, and stored by egin serve beside the values
#   3. storage                   egin serve stores at least 10 minutes at its storage period
#                                (1 min; accelerated clock ×60), one sample per minute, values
#                                as simulated
#   4. timed on / stop, timed open / close / stop, from the controller (egin serve, commands
#      over MQTT), with the remaining time shown on the status topic and stored
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
. "$(dirname "$0")/modbus_lib.sh"
broker=$e2e_tmp/broker
cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  modbus_cleanup
  bash "$src/tests/support/mosquitto.sh" stop "$broker" >/dev/null 2>&1
  rm -rf "$e2e_tmp"
}
trap cleanup EXIT

# 1. Sensor-node search.
check "pty pair" pty_pair line
check "sensor and actuator nodes on the line" sim_start line-sim --rtu "$e2e_tmp/line-node" --config "$src/tests/e2e/modbus/sim.toml"
expect_exit 0 "search" "$egin" modbus scan --rtu "$e2e_tmp/line-master" --from 1 --to 10 --timeout-ms 80 --format json
check "1. search: the sensor nodes at 1 and 2" test \
  "$(json_field "$e2e_tmp/stdout" '[(n["slave"], n["type"]) for n in j if n["type"] == "sensor" and n["map"] == "default"]')" = \
  "[(1.0, 'sensor'), (2.0, 'sensor')]"

# 2. Data check with status codes cycling.
check "status-cycling node" sim_start cycle-sim --tcp 127.0.0.1:0 --config "$src/tests/e2e/modbus/status-cycle.toml"
cycle_port=$sim_port
expect_exit 0 "read while statuses cycle" "$egin" modbus read --tcp "127.0.0.1:$cycle_port" --slave 1 --repeat 9 --interval 0.5 --format json
check "2. data check: every status code seen with its meaning and quality" test \
  "$(json_field "$e2e_tmp/stdout" 'sorted(set((r["status"], r["meaning"], r["quality"]) for r in j if r["slot"] == 1))')" = \
  "[(0.0, 'ready', 'good'), (101.0, 'need_replace', 'needs_replacement'), (102.0, 'need_calibration', 'needs_calibration'), (103.0, 'need_check', 'needs_check')]"
check "2. data check: non-cycling slots stay ready" test \
  "$(json_field "$e2e_tmp/stdout" 'sorted(set(r["status"] for r in j if r["slot"] > 3))')" = "[0.0]"

# 3. Storage for >= 10 minutes at the storage period, through egin serve into the store.
check "tcp node for serve" sim_start store-sim --tcp 127.0.0.1:0 --config "$src/tests/e2e/modbus/sim.toml"
cat >"$e2e_tmp/devices.toml" <<TOML
[[buses]]
id = "lan"
tcp = "127.0.0.1:$sim_port"
[[buses.nodes]]
slave = 1
zone = "gh1"
device = "climate"
period_s = 60
channels = { temperature_1 = "t_air" }
[[buses]]
id = "cycle"
tcp = "127.0.0.1:$cycle_port"
[[buses.nodes]]
slave = 1
zone = "gh1"
device = "check"
period_s = 60
TOML
cp "$src/tests/e2e/modbus/koat-site.toml" "$e2e_tmp/site.toml"
serve_data=$e2e_tmp/data
start_iso=2026-06-01T06:00:00Z
check "serve starts (x60)" serve_start serve1 --config "$e2e_tmp/site.toml" --devices "$e2e_tmp/devices.toml" \
  --data-dir "$serve_data" --clock-factor 60 --clock-start "$start_iso"
sleep 11.5  # 11.5 simulated minutes
api GET "/api/v1/series?channel=gh1/climate/t_air&from=2026-06-01T06:00:00Z&to=2026-06-01T06:11:00Z" >"$e2e_tmp/code"
cp "$e2e_tmp/body" "$e2e_tmp/t_air.json"
check "3. storage: series answered" test "$(cat "$e2e_tmp/code")" = 200
check "3. storage: one sample in each of 11 minutes" test \
  "$(json_field "$e2e_tmp/t_air.json" 'sorted(set(int((p["t_ms"] - 1780293600000) // 60000) for p in j["points"]))')" = \
  "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"
check "3. storage: samples one storage period apart" python3 -c '
import json,sys
p = [x["t_ms"] for x in json.load(open(sys.argv[1]))["points"]]
gaps = [b - a for a, b in zip(p[1:], p[2:])]  # after the first (immediate) poll
sys.exit(0 if len(p) >= 11 and all(55000 <= g <= 65000 for g in gaps) else 1)' "$e2e_tmp/t_air.json"
check "3. storage: values as simulated (28.8 Cel)" test "$(json_field "$e2e_tmp/t_air.json" 'sorted(set(x["value"] for x in j["points"]))')" = "[28.8]"
api GET "/api/v1/series?channel=gh1/check/temperature_1_status&from=2026-06-01T06:00:00Z&to=2026-06-01T06:11:00Z" >/dev/null
check "2. data check: the status channel is stored too" test \
  "$(json_field "$e2e_tmp/body" 'set(x["value"] for x in j["points"]) <= {0, 101, 102, 103} and len(j["points"]) >= 10')" = True
serve_stop
check "serve stops cleanly" test "$serve_rc" = 0

# 4. Timed commands from the controller: egin serve with the MQTT bridge.
port=$(bash "$src/tests/support/mosquitto.sh" start "$broker")
check "mosquitto starts" test -n "$port"
cat >>"$e2e_tmp/devices.toml" <<TOML
[mqtt_bridge]
allow = ["gh1/vents/*"]
[[buses]]
id = "acts"
tcp = "127.0.0.1:$(sed -n 's/^node-sim: tcp [^:]*:\([0-9]*\)$/\1/p' "$e2e_tmp/store-sim.out")"
[[buses.nodes]]
slave = 3
zone = "gh1"
device = "vents"
period_s = 1
TOML
mosquitto_sub -h 127.0.0.1 -p "$port" -v -t 'egin/koat/gh1/vents/#' >"$e2e_tmp/mqtt.log" 2>/dev/null &
modbus_pids+=("$!")
check "serve starts (real time, MQTT)" serve_start serve2 --config "$e2e_tmp/site.toml" --devices "$e2e_tmp/devices.toml" \
  --data-dir "$e2e_tmp/data2" --mqtt "mqtt://127.0.0.1:$port"
serve_data=$e2e_tmp/data2
for i in $(seq 1 100); do grep -q "gh1/vents/status" "$e2e_tmp/mqtt.log" && break; sleep 0.1; done
cmd() {  # actuator command [duration] request_id
  local body="[{\"n\":\"$1\",\"vs\":\"$2\"}"
  [ -n "$3" ] && body="$body,{\"n\":\"$1/duration\",\"u\":\"s\",\"v\":$3}"
  body="$body,{\"n\":\"requested_by\",\"vs\":\"koat-panel\"},{\"n\":\"request_id\",\"vs\":\"$4\"}]"
  mosquitto_pub -h 127.0.0.1 -p "$port" -q 1 -t egin/koat/gh1/vents/cmd -m "$body"
}
ack_of() {  # request_id result: waits up to 8 s for that ack
  local i
  for i in $(seq 1 80); do
    grep -F "\"vs\":\"$1\"" "$e2e_tmp/mqtt.log" | grep -qF "\"vs\":\"$2\"" && return 0
    sleep 0.1
  done
  return 1
}
cmd switch_1 timed_on 3 t-on
check "4. timed on: confirmed" ack_of t-on confirmed
check "4. timed on: finished (ran down)" ack_of t-on finished
cmd switch_2 on "" on-2
check "4. on: confirmed" ack_of on-2 confirmed
cmd switch_2 off "" stop-2
check "4. stop (off): finished" ack_of stop-2 finished
check "4. the on is superseded by the stop" ack_of on-2 superseded
cmd opener_1 timed_open 2 t-open
check "4. timed open: finished" ack_of t-open finished
cmd opener_1 timed_close 30 t-close
check "4. timed close: confirmed" ack_of t-close confirmed
sleep 1.5
cmd opener_1 stop "" stop-1
check "4. stop (opener): finished" ack_of stop-1 finished
check "4. the timed close is superseded" ack_of t-close superseded
check "4. remaining time shown on the status topic" grep -qE '"n":"switch_1_remaining","v":[123](\.0)?[,}]' "$e2e_tmp/mqtt.log"
api GET "/api/v1/series?channel=gh1/vents/switch_1_remaining" >/dev/null
check "4. remaining time stored: counted down 3..0" python3 -c '
import json,sys
v = [p["value"] for p in json.load(open(sys.argv[1]))["points"]]
down = [x for x in v if x > 0]
sys.exit(0 if down and max(down) <= 3 and down == sorted(down, reverse=True) and v[-1] == 0 else 1)' "$e2e_tmp/body"
check "4. commands in the audit trail" test "$(python3 -c '
import json,sys
ids = {}
for line in open(sys.argv[1]): r = json.loads(line); ids[r["id"]] = r
print(len([r for r in ids.values() if r["requested_by"] == "koat-panel"]))' "$e2e_tmp/data2/commands.jsonl")" = 6
serve_stop

e2e_finish
