#!/usr/bin/env bash
# `egin node-sim --twin`: KS X 3267 nodes backed by the greenhouse twin under the climate
# computer, read and commanded by egin's master over Modbus TCP. The sensor node reads a physical,
# changing climate as site time runs at 600x; a timed open of the lee vent's opener holds the
# twin's vent open (its status lines show the position rise) and, on a −2 °C January night, the
# greenhouse air cools (heat leaves through the vent: the sign of the energy balance).
# Bad flags and files exit 2 with the flag named.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/modbus_lib.sh"
trap 'modbus_cleanup; rm -rf "$e2e_tmp"' EXIT

# The last twin status line's value of KEY (node-sim: twin <time> key=value …) in FILE.
twin_value() {
  grep '^node-sim: twin 20' "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}
twin_time() { grep '^node-sim: twin 20' "$1" | tail -1 | cut -d' ' -f3; }
twin_lines() { grep -c '^node-sim: twin 20' "$1"; }
# Waits (up to 10 s) until FILE holds at least N status lines.
wait_lines() {
  local i
  for i in $(seq 1 200); do
    [ "$(twin_lines "$1")" -ge "$2" ] && return 0
    sleep 0.05
  done
  return 1
}
# between LOW X HIGH: LOW <= X <= HIGH (decimals).
between() { python3 -c "import sys; sys.exit(0 if $1 <= $2 <= $3 else 1)"; }
less() { python3 -c "import sys; sys.exit(0 if $1 < $2 else 1)"; }

# Bad flags and files: exit 2 before serving.
nosim=(node-sim --tcp 127.0.0.1:0 --type sensor)
expect_exit 2 "--speed without --twin" "$egin" "${nosim[@]}" --speed 60
check "names --twin" stderr_has "--twin"
expect_exit 2 "--speed 0" "$egin" "${nosim[@]}" --twin --speed 0
check "names the range" stderr_has "1 to 100000"
expect_exit 2 "start outside the weather" "$egin" "${nosim[@]}" --twin --clock-start 2030-01-01T00:00:00Z
check "says the weather does not cover it" stderr_has "does not cover"
expect_exit 2 "not an ISO time" "$egin" "${nosim[@]}" --twin --clock-start yesterday
check "names --clock-start" stderr_has "--clock-start"
expect_exit 2 "unknown controller" "$egin" "${nosim[@]}" --twin --controller-config no-such-controller
check "names --controller-config" stderr_has "--controller-config"
expect_exit 2 "missing weather file" "$egin" "${nosim[@]}" --twin --weather "$e2e_tmp/none.csv"
check "names --weather" stderr_has "--weather"
expect_exit 2 "unknown design" "$egin" "${nosim[@]}" --twin no-such-greenhouse
check "names the design and --twin" stderr_has "'--twin': unknown greenhouse design 'no-such-greenhouse'"
expect_exit 2 "--twin with --map" "$egin" node-sim --tcp 127.0.0.1:0 --map "$src/data/modbus/xy-md02.toml" --twin
check "names --map" stderr_has "--map"
expect_exit 2 "--report-s below a step" "$egin" "${nosim[@]}" --twin --report-s 5
check "names --report-s" stderr_has "--report-s"

# A default sensor node (Annex A, 30 slots) on the twin, a July morning at 600x.
check "sensor node on the twin starts" sim_start sensor --tcp 127.0.0.1:0 --type sensor \
  --twin turkistan-korean-multispan --speed 600 --clock-start 2025-07-10T06:00:00+05:00 --report-s 600
check "says what it runs" grep -q "^node-sim: twin turkistan-korean-multispan under turkistan-korean-tomato" "$e2e_tmp/sensor.out"
tcp=(--tcp "127.0.0.1:$sim_port")
expect_exit 0 "read 1" "$egin" modbus read "${tcp[@]}" --slave 1 --format json
cp "$e2e_tmp/stdout" "$e2e_tmp/read1.json"
site1=$(twin_time "$e2e_tmp/sensor.out")
sleep 2  # 20 site minutes
expect_exit 0 "read 2" "$egin" modbus read "${tcp[@]}" --slave 1 --format json
cp "$e2e_tmp/stdout" "$e2e_tmp/read2.json"
site2=$(twin_time "$e2e_tmp/sensor.out")
t1=$(json_field "$e2e_tmp/read1.json" 'j[0]["value"]')
t2=$(json_field "$e2e_tmp/read2.json" 'j[0]["value"]')
echo "air temperature $t1 °C at $site1, $t2 °C at $site2 (site time)"
check "slot 1 is the air temperature" test "$(json_field "$e2e_tmp/read1.json" '[j[0]["channel"], j[0]["unit"]]')" = "['temperature_1', 'Cel']"
check "air temperature physical (5-50 °C), read 1" between 5 "$t1" 50
check "air temperature physical (5-50 °C), read 2" between 5 "$t2" 50
check "air temperature changes over site time" test "$t1" != "$t2"
check "site time advanced" test "$site1" \< "$site2"
check "humidity 0-100 %RH" between 0 "$(json_field "$e2e_tmp/read2.json" 'j[3]["value"]')" 100
check "CO2 300-2000 ppm" between 300 "$(json_field "$e2e_tmp/read2.json" 'j[12]["value"]')" 2000
check "unwired slots keep the node's defaults (slot 5 dew point 16.4)" test \
  "$(json_field "$e2e_tmp/read2.json" 'round(j[4]["value"], 4)')" = 16.4
# The node reads the twin itself: slot 1 agrees with the twin's own status line of that time
# within the twin's change over the 10 site minutes between two lines.
line_t=$(twin_value "$e2e_tmp/sensor.out" t_air_c)
check "node reading agrees with the twin ($t2 vs $line_t °C)" python3 -c "import sys; sys.exit(0 if abs($t2 - $line_t) < 3 else 1)"
modbus_cleanup

# The demo farm's two nodes (sensor slave 1, actuator slave 2: openers 1–4 the vents and
# screens) on one twin, a January night (outside −2 °C) at 600x.
check "sensor + actuator nodes on the twin start" sim_start farm --tcp 127.0.0.1:0 \
  --config "$src/data/demo/nodes.toml" --twin --speed 600 --clock-start 2025-01-15T02:00:00+05:00 --report-s 300
tcp=(--tcp "127.0.0.1:$sim_port")
check "two status lines" wait_lines "$e2e_tmp/farm.out" 2
check "vent closed on a winter night" test "$(twin_value "$e2e_tmp/farm.out" vent_lee_pct)" = 0.0
expect_exit 0 "read before" "$egin" modbus read "${tcp[@]}" --slave 1 --format json
before=$(json_field "$e2e_tmp/stdout" 'j[0]["value"]')
lines=$(twin_lines "$e2e_tmp/farm.out")
expect_exit 0 "timed open of the lee vent (240 s)" "$egin" modbus command "${tcp[@]}" \
  --state-dir "$e2e_tmp/state" --slave 2 --actuator opener_1 --do timed_open --time 240 --wait --format json
check "timed open finished" test "$(json_field "$e2e_tmp/stdout" 'j["result"]')" = finished
check "three more status lines (15 site minutes)" wait_lines "$e2e_tmp/farm.out" $((lines + 3))
vent=$(twin_value "$e2e_tmp/farm.out" vent_lee_pct)
wind=$(twin_value "$e2e_tmp/farm.out" vent_wind_pct)
echo "lee vent $vent %, windward vent $wind % after the timed open"
check "the twin's lee vent rose to open (>= 90 %)" between 90 "$vent" 100
check "the windward vent stayed closed" test "$wind" = 0.0
expect_exit 0 "read after" "$egin" modbus read "${tcp[@]}" --slave 1 --format json
after=$(json_field "$e2e_tmp/stdout" 'j[0]["value"]')
echo "air temperature $before °C before the vent opened, $after °C after"
check "an open vent on a −2 °C night cools the air" less "$after" "$before"

e2e_finish
