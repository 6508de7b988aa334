#!/usr/bin/env bash
# The climate computer on real devices: `egin serve --devices` with a [[climate]] section drives
# `egin node-sim` nodes over Modbus TCP at an accelerated site clock (60×, a 300 s control step
# every 5 s). A hot air sensor (32 °C at noon) makes it open the vent openers; the commands are
# in the audit trail as climate:gh1's and executed by the node. An operator's command puts an
# opener in manual: the loop leaves it alone. With the sensor node made cold (5 °C) it switches
# the heating stages on.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/modbus_lib.sh"
. "$(dirname "$0")/serve_lib.sh"
cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  modbus_cleanup
  rm -rf "$e2e_tmp"
}
trap cleanup EXIT

check "sensor node (hot) starts" sim_start hot --tcp 127.0.0.1:0 --config "$src/tests/e2e/climate/hot.toml"
hot_pid=$sim_pid
sensor_port=$sim_port
check "actuator node starts" sim_start acts --tcp 127.0.0.1:0 --config "$src/tests/e2e/climate/actuators.toml"
act_port=$sim_port

cat >"$e2e_tmp/site.toml" <<TOML
[site]
id = "farm"
latitude_deg = 43.3
longitude_deg = 68.25
elevation_m = 210.0
utc_offset_min = 300
[[zones]]
id = "gh1"
kind = "greenhouse"
TOML
cat >"$e2e_tmp/devices.toml" <<TOML
[[buses]]
id = "sensors"
tcp = "127.0.0.1:$sensor_port"
offline_retry_s = 30
rediscover_s = 30
[[buses.nodes]]
slave = 1
zone = "gh1"
device = "climate"
period_s = 60

[[buses]]
id = "actuators"
tcp = "127.0.0.1:$act_port"
[[buses.nodes]]
slave = 2
zone = "gh1"
device = "act"
period_s = 60

[[climate]]
zone = "gh1"
settings = "$src/data/controllers/turkistan-korean-tomato.toml"
manual_hold_s = 7200
[climate.sensors]
t_air_c = "gh1/climate/temperature_1"
t_out_c = "gh1/climate/temperature_2"
t_pipe_c = "gh1/climate/temperature_3"
rh_air_pct = "gh1/climate/humidity_1"
rh_out_pct = "gh1/climate/humidity_2"
co2_air_ppm = "gh1/climate/co2_1"
iglob_w_m2 = "gh1/climate/radiation_1"
wind_m_s = "gh1/climate/wind_speed_1"
rain_mm_h = "gh1/climate/rain_1"
[[climate.openers]]
output = "vent_lee"
actuator = "gh1/act/opener_1"
travel_s = 120
[[climate.openers]]
output = "vent_wind"
actuator = "gh1/act/opener_2"
travel_s = 120
[[climate.openers]]
output = "screen_energy"
actuator = "gh1/act/opener_3"
travel_s = 180
[[climate.openers]]
output = "screen_shade"
actuator = "gh1/act/opener_4"
travel_s = 180
[[climate.switches]]
output = "heating"
actuators = ["gh1/act/switch_1", "gh1/act/switch_2"]
[[climate.switches]]
output = "co2"
actuators = ["gh1/act/switch_3"]
[[climate.switches]]
output = "fogging"
actuators = ["gh1/act/switch_4"]
[[climate.switches]]
output = "pad_fan"
actuators = ["gh1/act/switch_5", "gh1/act/switch_6", "gh1/act/switch_7"]
TOML

# Bad wiring is refused before anything starts, naming the line and key.
sed 's/output = "fogging"/output = "fog"/' "$e2e_tmp/devices.toml" >"$e2e_tmp/bad-devices.toml"
expect_exit 2 "serve with a bad [[climate]] output" "$egin" serve --config "$e2e_tmp/site.toml" --devices "$e2e_tmp/bad-devices.toml" --data-dir "$e2e_tmp/bad-data" --http 127.0.0.1:0
check "the error names the key and the accepted outputs" stderr_has "climate[0].switches[2].output"
check "... and the accepted outputs" stderr_has "heating, co2, fogging, lamps or pad_fan"

serve_data=$e2e_tmp/data
check "serve starts" serve_start serve --config "$e2e_tmp/site.toml" --devices "$e2e_tmp/devices.toml" --data-dir "$serve_data" --clock-factor 60 --clock-start 2026-06-15T07:00:00Z --log-level debug

# climate:gh1's commands on CHANNEL (a regex) that the node confirmed or finished, as "action"s.
climate_actions() {
  api GET "/api/v1/commands?limit=500" >/dev/null
  python3 -c '
import json, re, sys
j = json.load(open(sys.argv[1]))
print(" ".join(c["action"] for c in reversed(j["commands"])
               if c["user"] == "climate:gh1" and re.fullmatch(sys.argv[2], c["channel"])
               and c["state"] in ("executing", "done")))' "$e2e_tmp/body" "$1"
}
wait_for_action() {  # CHANNEL_REGEX ACTION_REGEX SECONDS
  local i
  for i in $(seq 1 $(($3 * 4))); do
    climate_actions "$1" | tr ' ' '\n' | grep -Eqx "$2" && return 0
    sleep 0.25
  done
  echo "no $2 on $1 by climate:gh1; commands: $(cat "$e2e_tmp/body" | head -c 3000)" >&2
  return 1
}

# Hot: the vents open (homing, then timed runs or a full open), executed by the node.
check "hot: climate:gh1 opens the lee vent" wait_for_action 'gh1/act/opener_1' 'open|timed_open' 90
check "hot: climate:gh1 opens the windward vent" wait_for_action 'gh1/act/opener_2' 'open|timed_open' 60
check "hot: heating stays off" test "$(climate_actions 'gh1/act/switch_[12]')" = "off off"
check "hot: pads stay off (outdoor air too humid)" test "$(climate_actions 'gh1/act/switch_[567]')" = "off off off"
check "the commands are in the audit file with origin controller" python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
mine = [r for r in recs if r["requested_by"] == "climate:gh1"]
assert mine and all(r["origin"] == "controller" for r in mine), recs[-3:]
assert any(r["target"] == "gh1/act/opener_1" and r["result"] in ("confirmed", "finished") for r in mine)
' "$serve_data/commands.jsonl"
check "steps counted in /metrics" sh -c "curl -s '$serve_url/metrics' | grep -Eq 'egin_climate_steps_total\\{zone=\"gh1\"\\} [1-9]'"

# An operator closes the windward vent: it is held in manual (7200 s site = 2 min real) and the
# loop sends it nothing more while the air stays hot.
check "operator command accepted" test "$(api POST /api/v1/commands -H 'Content-Type: application/json' \
  -d '{"channel":"gh1/act/opener_2","action":"close","reason":"wind gusts"}')" = 202
before=$(climate_actions 'gh1/act/opener_2' | wc -w)
sleep 12  # two control steps
check "opener in manual: no climate:gh1 command after the operator's" test "$(climate_actions 'gh1/act/opener_2' | wc -w)" = "$before"

# Cold: the sensor node is replaced by a cold one on the same port; heating switches on.
kill -TERM "$hot_pid"
wait "$hot_pid" 2>/dev/null
check "sensor node (cold) starts" sim_start cold --tcp "127.0.0.1:$sensor_port" --config "$src/tests/e2e/climate/cold.toml"
check "cold: climate:gh1 switches heating stage 1 on" wait_for_action 'gh1/act/switch_1' 'on' 90
check "cold: the node shows switch_1 on" sh -c "
  for i in \$(seq 1 40); do
    curl -s -H 'Authorization: Bearer $(cat "$serve_data/api-token")' '$serve_url/api/v1/actuators' |
      python3 -c 'import json,sys; j=json.load(sys.stdin); a=[x for x in j[\"actuators\"] if x[\"channel\"]==\"gh1/act/switch_1\"]; sys.exit(0 if a and a[0][\"state\"]==\"on\" else 1)' && exit 0
    sleep 0.25
  done; exit 1"
check "cold: the lee vent closes" wait_for_action 'gh1/act/opener_1' 'close|timed_close' 60

serve_stop
check "serve stops cleanly" test "$serve_rc" = 0
# The log (stderr) is flushed at the latest on exit.
check "the climate loop is logged" grep -q 'event=climate_loop zone=gh1' "$e2e_tmp/serve.err"
check "each step is logged at debug level" grep -q 'event=climate_step zone=gh1 t_air_c=32' "$e2e_tmp/serve.err"
check "... and the cold air at debug level" grep -q 'event=climate_step zone=gh1 t_air_c=5 ' "$e2e_tmp/serve.err"
e2e_finish
