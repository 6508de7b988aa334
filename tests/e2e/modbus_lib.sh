# Helpers for the Modbus whole-program tests (source after lib.sh): start `egin node-sim` on
# Modbus TCP (a free port) or on a pseudo-terminal pair made by socat, and stop what was started.
#
#   sim_start NAME ARGS...       `$egin node-sim ARGS...` in the background, logs in
#                                $e2e_tmp/NAME.{out,err}; waits for its ready line; sets
#                                sim_pid, and sim_port when it serves TCP
#   pty_pair NAME                socat pty pair: $e2e_tmp/NAME-master (egin's side) and
#                                $e2e_tmp/NAME-node (the simulator's side); sets pty_pid
#   json_field FILE EXPR         python3 expression on the parsed JSON in FILE (variable j)
#   modbus_cleanup               stops every process these helpers started
modbus_pids=()
sim_pid=""
sim_port=""
pty_pid=""

sim_start() {
  local name=$1
  shift
  "$egin" node-sim "$@" >"$e2e_tmp/$name.out" 2>"$e2e_tmp/$name.err" &
  sim_pid=$!
  modbus_pids+=("$sim_pid")
  local i
  for i in $(seq 1 200); do
    if grep -q 'node(s), slaves' "$e2e_tmp/$name.out" 2>/dev/null; then
      sim_port=$(sed -n 's/^node-sim: tcp [^:]*:\([0-9]*\)$/\1/p' "$e2e_tmp/$name.out")
      return 0
    fi
    if ! kill -0 "$sim_pid" 2>/dev/null; then
      echo "sim_start: node-sim exited: $(cat "$e2e_tmp/$name.err")" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "sim_start: no ready line" >&2
  return 1
}

pty_pair() {
  local name=$1
  socat "pty,raw,echo=0,link=$e2e_tmp/$name-master" "pty,raw,echo=0,link=$e2e_tmp/$name-node" \
    2>"$e2e_tmp/$name-socat.err" &
  pty_pid=$!
  modbus_pids+=("$pty_pid")
  local i
  for i in $(seq 1 100); do
    [ -e "$e2e_tmp/$name-master" ] && [ -e "$e2e_tmp/$name-node" ] && return 0
    sleep 0.05
  done
  echo "pty_pair: socat made no ptys: $(cat "$e2e_tmp/$name-socat.err")" >&2
  return 1
}

json_field() {
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"
}

modbus_cleanup() {
  local pid
  for pid in "${modbus_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${modbus_pids[@]}"; do
    wait "$pid" 2>/dev/null
  done
  modbus_pids=()
}
