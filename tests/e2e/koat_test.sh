#!/usr/bin/env bash
# KOAT 116/117-style acceptance run: 24 simulated hours at accelerated time (KOAT_CLOCK_FACTOR,
# default 480: about 3 real minutes) of a greenhouse with 4 nodes x 6 channels sampled every
# minute, published with MQTT QoS 1 through a real Mosquitto into `egin serve` on SQLite.
# While the nodes keep publishing, node 3's network is cut for 2 simulated hours (its gateway
# buffers the samples and resends them after reconnecting) and the server is killed with SIGKILL
# (a power cut) for 30 simulated minutes, then restarted on the same data directory with a
# --clock-start that continues simulated time. Passes when at most 0.1 % of the 1440 x 24
# samples are missing, none is stored twice, and every stored value is the one sent
# (tests/e2e/koat/koat_run.py does the run and prints the figures).
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"

python=${PYTHON:-}
for candidate in /usr/bin/python3 python3; do
  [ -n "$python" ] && break
  if "$candidate" -c 'import paho.mqtt.client' 2>/dev/null; then python=$candidate; fi
done
if [ -z "$python" ]; then
  echo "koat_test: needs python3 with paho-mqtt (Debian: python3-paho-mqtt)" >&2
  exit 1
fi

broker=$e2e_tmp/broker
cleanup() {
  bash "$src/tests/support/mosquitto.sh" stop "$broker" >/dev/null 2>&1
  rm -rf "$e2e_tmp"
}
trap cleanup EXIT

port=$(bash "$src/tests/support/mosquitto.sh" start "$broker")
check "mosquitto starts" test -n "$port"

check "24 h KOAT run: loss <= 0.1 %, no duplicates, values intact after a node cut and a power cut" \
  "$python" "$src/tests/e2e/koat/koat_run.py" --egin "$egin" \
  --site "$src/tests/e2e/data/koat/koat-site.toml" --work "$e2e_tmp/run" --mqtt-port "$port" \
  --factor "${KOAT_CLOCK_FACTOR:-480}"

e2e_finish
