#!/usr/bin/env bash
# A private Mosquitto broker for tests and benchmarks: a real /usr/sbin/mosquitto with its own
# config in DIR, listening on 127.0.0.1 and a free port, anonymous access, sessions queue up to
# 1,000,000 messages (so a persistent session keeps what is published while its client is away).
#
#   mosquitto.sh start DIR [PORT]  start (PORT: reuse a port, e.g. to restart); prints the port
#   mosquitto.sh stop DIR          stop it (SIGTERM, then SIGKILL after 5 s); keeps DIR
#   mosquitto.sh kill DIR          stop it at once (SIGKILL), like a crash
#   mosquitto.sh port DIR          print its port
#   mosquitto.sh url DIR           print mqtt://127.0.0.1:PORT
#
# Environment: MOSQUITTO_PERSISTENCE=1 keeps sessions and retained messages in DIR across a
# stop/start (persistence file DIR/mosquitto.db, saved at stop); MOSQUITTO_BIN overrides the
# binary; MOSQUITTO_MAX_INFLIGHT sets the QoS 1 window towards each client (default 100;
# Mosquitto's own default is 20); MOSQUITTO_DEBUG=1 logs every packet. The broker's log is DIR/mosquitto.log.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR [PORT] | stop DIR | kill DIR | port DIR | url DIR" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
cmd=$1
dir=$2
bin=${MOSQUITTO_BIN:-}
if [[ -z $bin ]]; then
  if [[ -x /usr/sbin/mosquitto ]]; then bin=/usr/sbin/mosquitto; else bin=$(command -v mosquitto || true); fi
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

listening() {  # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() {
  [[ -f $dir/pid ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null
}

case $cmd in
  start)
    [[ -n $bin && -x $bin ]] || { echo "$0: mosquitto not found (apt-get install mosquitto)" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if pid_alive; then
      echo "$0: a broker already runs from $dir (pid $(cat "$dir/pid"))" >&2
      exit 1
    fi
    port=${3:-$(free_port)}
    {
      echo "listener $port 127.0.0.1"
      echo "allow_anonymous true"
      echo "max_queued_messages 1000000"
      echo "max_queued_bytes 0"
      echo "max_inflight_messages ${MOSQUITTO_MAX_INFLIGHT:-100}"
      echo "persistent_client_expiration 1d"
      echo "log_dest stderr"
      echo "log_type error"
      echo "log_type warning"
      echo "log_type notice"
      echo "log_type information"
      if [[ ${MOSQUITTO_DEBUG:-0} == 1 ]]; then echo "log_type all"; fi
      echo "connection_messages true"
      if [[ ${MOSQUITTO_PERSISTENCE:-0} == 1 ]]; then
        echo "persistence true"
        echo "persistence_location $dir/"
        echo "persistence_file mosquitto.db"
        echo "autosave_interval 0"
      else
        echo "persistence false"
      fi
      # As root, Mosquitto would switch to the user "mosquitto", who cannot write in DIR.
      if [[ $(id -u) == 0 ]]; then echo "user root"; fi
    } >"$dir/mosquitto.conf"
    echo "$port" >"$dir/port"
    # setsid: the broker must not get the terminal's signals meant for the test.
    setsid "$bin" -c "$dir/mosquitto.conf" >>"$dir/mosquitto.log" 2>&1 </dev/null &
    echo $! >"$dir/pid"
    for _ in $(seq 1 100); do
      if listening "$port"; then
        echo "$port"
        exit 0
      fi
      if ! pid_alive; then break; fi
      sleep 0.05
    done
    echo "$0: mosquitto did not start on port $port; its log:" >&2
    cat "$dir/mosquitto.log" >&2 || true
    exit 1
    ;;
  stop | kill)
    if pid_alive; then
      pid=$(cat "$dir/pid")
      if [[ $cmd == kill ]]; then kill -KILL "$pid"; else kill -TERM "$pid"; fi
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
      done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    fi
    rm -f "$dir/pid"
    ;;
  port)
    cat "$dir/port"
    ;;
  url)
    echo "mqtt://127.0.0.1:$(cat "$dir/port")"
    ;;
  *)
    usage
    ;;
esac
