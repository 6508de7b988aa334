#!/usr/bin/env bash
# egin's KS X 3267 master against `egin node-sim` over Modbus TCP: discovery finds the nodes and
# their 30 sensor slots / 16 switches + 8 openers (and the N−1 node's offset, and the vendor node
# that needs a spec), reads decode to the simulated values, timed commands run down and return
# to ready, restarts keep OPIDs unique, level-2 commands are refused locally.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/modbus_lib.sh"
trap 'modbus_cleanup; rm -rf "$e2e_tmp"' EXIT

check "simulator starts" sim_start sim --tcp 127.0.0.1:0 --config "$src/tests/e2e/modbus/sim.toml"
tcp=(--tcp "127.0.0.1:$sim_port")
state=(--state-dir "$e2e_tmp/state")

# Discovery.
expect_exit 0 "scan" "$egin" modbus scan "${tcp[@]}" --to 8 --format json
cp "$e2e_tmp/stdout" "$e2e_tmp/scan.json"
check "scan finds 4 nodes" test "$(json_field "$e2e_tmp/scan.json" 'len(j)')" = 4
check "slave 1: default sensor node, 30 slots, offset 0" test \
  "$(json_field "$e2e_tmp/scan.json" '[j[0][k] for k in ("slave","type","map","sensors","offset","serial")]')" = \
  "[1.0, 'sensor', 'default', 30.0, 0.0, 1001.0]"
check "slave 2: N-1 node found at offset -1" test \
  "$(json_field "$e2e_tmp/scan.json" '[j[1]["slave"], j[1]["offset"], j[1]["sensors"]]')" = "[2.0, -1.0, 30.0]"
check "slave 3: actuator node, 16 switches + 8 openers" test \
  "$(json_field "$e2e_tmp/scan.json" '[j[2]["type"], j[2]["switches"], j[2]["openers"]]')" = "['actuator', 16.0, 8.0]"
check "slave 7: needs a KS X 3286 spec" test \
  "$(json_field "$e2e_tmp/scan.json" '[j[3]["slave"], j[3]["map"], j[3]["company"]]')" = "[7.0, 'needs_spec', 8877.0]"
check "scan prints the time budget" stderr_has "of the bus at the asked periods"

# Reads decode to the simulated values (synthetic table, slot overrides of sim.toml).
expect_exit 0 "read slave 1" "$egin" modbus read "${tcp[@]}" --slave 1 --format json
cp "$e2e_tmp/stdout" "$e2e_tmp/read1.json"
check "30 slots read" test "$(json_field "$e2e_tmp/read1.json" 'len(j)')" = 30
check "slot 1 = 28.8 Cel" test "$(json_field "$e2e_tmp/read1.json" '[j[0]["channel"], round(j[0]["value"], 4), j[0]["unit"]]')" = "['temperature_1', 28.8, 'Cel']"
check "slot 4 = 65 %RH" test "$(json_field "$e2e_tmp/read1.json" '[j[3]["channel"], j[3]["value"]]')" = "['humidity_1', 65.0]"
check "slot 13 = 612.5 ppm" test "$(json_field "$e2e_tmp/read1.json" '[j[12]["channel"], j[12]["value"], j[12]["unit"]]')" = "['co2_1', 612.5, 'ppm']"
check "slot 30 = weight 12.75 kg" test "$(json_field "$e2e_tmp/read1.json" '[j[29]["channel"], j[29]["value"]]')" = "['weight_2', 12.75]"
check "statuses ready, quality good" test "$(json_field "$e2e_tmp/read1.json" 'sorted(set((r["meaning"], r["quality"]) for r in j))')" = "[('ready', 'good')]"
expect_exit 0 "read the N-1 node" "$egin" modbus read "${tcp[@]}" --slave 2 --format json
check "N-1 node: slot 1 = 28.8" test "$(json_field "$e2e_tmp/stdout" 'round(j[0]["value"], 4)')" = "28.8"
expect_exit 0 "read the N-1 node with --offset -1" "$egin" modbus read "${tcp[@]}" --slave 2 --offset -1 --format json
expect_exit 2 "wrong --offset: node not found" "$egin" modbus read "${tcp[@]}" --slave 2 --offset 0

# Timed on: runs down and returns to ready, remaining time shown.
expect_exit 0 "timed_on 2 s" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator switch_2 --do timed_on --time 2 --wait --format json
check "timed_on finished" test "$(json_field "$e2e_tmp/stdout" 'j["result"]')" = finished
check "remaining time counted down" stderr_has "remaining 2 s"
check "ready again" stderr_has "status 0 (ready) remaining 0 s"
opid1=$(json_field "$e2e_tmp/stdout" 'j["opid"]')
expect_exit 0 "timed_open 2 s" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator opener_1 --do timed_open --time 2 --wait --format json
check "timed_open finished" test "$(json_field "$e2e_tmp/stdout" 'j["result"]')" = finished
check "opening shown" stderr_has "status 301 (opening)"
opid2=$(json_field "$e2e_tmp/stdout" 'j["opid"]')
expect_exit 0 "timed_close 1 s" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator opener_1 --do timed_close --time 1 --wait --format json
check "timed_close finished" test "$(json_field "$e2e_tmp/stdout" 'j["result"]')" = finished
opid3=$(json_field "$e2e_tmp/stdout" 'j["opid"]')
expect_exit 0 "on" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator switch_9 --do on --format json
check "on confirmed" test "$(json_field "$e2e_tmp/stdout" '[j["result"], j["status"]]')" = "['confirmed', 201]"
opid4=$(json_field "$e2e_tmp/stdout" 'j["opid"]')
expect_exit 0 "off" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator switch_9 --do off --format json
check "off finished" test "$(json_field "$e2e_tmp/stdout" 'j["result"]')" = finished
opid5=$(json_field "$e2e_tmp/stdout" 'j["opid"]')

# Every CLI call is a restart of the master: the OPIDs are still all different, and persisted.
check "OPIDs unique across restarts" test "$(printf '%s\n' "$opid1" "$opid2" "$opid3" "$opid4" "$opid5" | sort -u | wc -l)" = 5
check "OPID state persisted" test "$(cat "$e2e_tmp/state/opid-state")" = "$opid5"
check "audit trail has every command" test "$(python3 -c '
import json,sys
ids = {}
for line in open(sys.argv[1]): r = json.loads(line); ids[r["id"]] = r
print(sorted(r["result"] for r in ids.values()))' "$e2e_tmp/state/commands.jsonl")" = \
  "['confirmed', 'finished', 'finished', 'finished', 'finished']"

# Level-2 codes for level-1 devices are refused before the bus.
expect_exit 2 "set_position refused" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator opener_2 --do set_position
check "refusal says why" stderr_has "level-2 command"
expect_exit 2 "an opener command to a switch" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator switch_1 --do open
expect_exit 2 "no such actuator" "$egin" modbus command "${tcp[@]}" "${state[@]}" --slave 3 --actuator switch_99 --do on
check "lists the actuators" stderr_has "switch_16"
expect_exit 2 "both --tcp and --rtu" "$egin" modbus scan "${tcp[@]}" --rtu /dev/null
printf '[[buses]]\nid = "lan"\ntcp = "127.0.0.1:%s"\n[[buses.nodes]]\nslave = 1\nzone = "nope"\ndevice = "d"\n' "$sim_port" >"$e2e_tmp/bad-devices.toml"
printf '[site]\nid = "s"\nlatitude_deg = 43.3\nlongitude_deg = 68.25\nelevation_m = 210.0\nutc_offset_min = 300\n[[zones]]\nid = "gh1"\nkind = "greenhouse"\n' >"$e2e_tmp/site.toml"
expect_exit 2 "serve with a devices file naming a missing zone" "$egin" serve --config "$e2e_tmp/site.toml" --devices "$e2e_tmp/bad-devices.toml" --data-dir "$e2e_tmp/serve-data" --http 127.0.0.1:0
check "the error names the file, line and key" stderr_has "bad-devices.toml:4: field 'buses[0].nodes[0].zone': zone 'nope' is not in site 's'"
expect_exit 2 "node-sim bad config" "$egin" node-sim --tcp 127.0.0.1:0 --config "$src/tests/e2e/modbus_tcp_test.sh"

# Commodity devices of generic maps (data/modbus/): an XY-MD02 and an 8-channel relay board.
check "XY-MD02 simulated" sim_start th-sim --tcp 127.0.0.1:0 --map "$src/data/modbus/xy-md02.toml" --slave 1
th=(--tcp "127.0.0.1:$sim_port" --slave 1 --map "$src/data/modbus/xy-md02.toml")
expect_exit 0 "read the XY-MD02" "$egin" modbus read "${th[@]}" --format json
check "XY-MD02: 30.5 Cel, 54.6 %RH (the vendor table's examples, scaled x0.1)" test \
  "$(json_field "$e2e_tmp/stdout" '[(r["point"], r["value"], r["unit"]) for r in j if r["table"] == "input"]')" = \
  "[('temperature', 30.5, 'Cel'), ('humidity', 54.6, '%RH')]"
expect_exit 0 "set the temperature correction" "$egin" modbus command "${th[@]}" --actuator temperature_correction --value -1.5
check "correction read back" stdout_has "temperature_correction = -1.5 Cel"
expect_exit 2 "a read-only point is refused" "$egin" modbus command "${th[@]}" --actuator temperature --value 20
check "relay board simulated" sim_start relay-sim --tcp 127.0.0.1:0 --map "$src/data/modbus/waveshare-relay-8ch.toml" --slave 1
relay=(--tcp "127.0.0.1:$sim_port" --slave 1 --map "$src/data/modbus/waveshare-relay-8ch.toml")
expect_exit 0 "relay 3 on" "$egin" modbus command "${relay[@]}" --actuator relay_3 --do on
expect_exit 0 "read the relays" "$egin" modbus read "${relay[@]}" --format json
check "only relay 3 is on" test "$(json_field "$e2e_tmp/stdout" '[r["value"] for r in j]')" = "[0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]"

e2e_finish
