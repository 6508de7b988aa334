#!/usr/bin/env bash
# egin's KS X 3267 master against `egin node-sim` over Modbus RTU at 9600 8N1 on a socat
# pseudo-terminal pair (a bus of three nodes on one line): discovery, values, a timed command
# that runs down, OPIDs unique across restarts, silent addresses time out without hurting the
# others.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/modbus_lib.sh"
trap 'modbus_cleanup; rm -rf "$e2e_tmp"' EXIT

check "socat makes a pty pair" pty_pair line
check "simulator starts on the line" sim_start sim --rtu "$e2e_tmp/line-node" --config "$src/tests/e2e/modbus/sim.toml"
rtu=(--rtu "$e2e_tmp/line-master" --baud 9600 --parity none)
state=(--state-dir "$e2e_tmp/state")

expect_exit 0 "scan 1..8" "$egin" modbus scan "${rtu[@]}" --to 8 --timeout-ms 100 --format json
cp "$e2e_tmp/stdout" "$e2e_tmp/scan.json"
check "4 nodes on the line" test "$(json_field "$e2e_tmp/scan.json" '[n["slave"] for n in j]')" = "[1.0, 2.0, 3.0, 7.0]"
check "sensor node: 30 slots" test "$(json_field "$e2e_tmp/scan.json" 'j[0]["sensors"]')" = 30.0
check "actuator node: 16 + 8" test "$(json_field "$e2e_tmp/scan.json" '[j[2]["switches"], j[2]["openers"]]')" = "[16.0, 8.0]"
check "the N-1 node on RTU" test "$(json_field "$e2e_tmp/scan.json" 'j[1]["offset"]')" = -1.0
# 9600 8N1: a sensor node poll (92 registers) takes 217.5 ms of bus time, an actuator node (98)
# 230.0 ms (frame_timing.hpp); the vendor node that needs a spec is not polled.
check "budget at 9600 baud: 2 x 217.5 + 230.0 ms" stderr_has "polled every 10 s: 3 nodes, one round 665 ms"

expect_exit 0 "read slave 1 three times" "$egin" modbus read "${rtu[@]}" --slave 1 --repeat 3 --interval 0.2 --format json
check "90 rows" test "$(json_field "$e2e_tmp/stdout" 'len(j)')" = 90
check "values as simulated" test "$(json_field "$e2e_tmp/stdout" 'sorted(set((r["channel"], round(r["value"], 4)) for r in j if r["slot"] in (1, 13, 16)))')" = \
  "[('co2_1', 612.5), ('soil_moisture_1', 32.5), ('temperature_1', 28.8)]"
check "no errors on a clean line" stderr_has "0 timeouts, 0 CRC errors, 0 exceptions"

opids=()
expect_exit 0 "timed_on over RTU" "$egin" modbus command "${rtu[@]}" "${state[@]}" --slave 3 --actuator switch_16 --do timed_on --time 2 --wait --format json
check "finished" test "$(json_field "$e2e_tmp/stdout" 'j["result"]')" = finished
check "remaining time shown" stderr_has "switch_16 timed_on OPID"
opids+=("$(json_field "$e2e_tmp/stdout" 'j["opid"]')")
for i in 1 2 3; do
  expect_exit 0 "restart $i: on/off" "$egin" modbus command "${rtu[@]}" "${state[@]}" --slave 3 --actuator opener_8 --do "$([ $((i % 2)) = 1 ] && echo open || echo stop)" --format json
  opids+=("$(json_field "$e2e_tmp/stdout" 'j["opid"]')")
done
check "OPIDs unique across 4 restarts" test "$(printf '%s\n' "${opids[@]}" | sort -u | wc -l)" = 4

e2e_finish
