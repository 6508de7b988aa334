#!/usr/bin/env bash
# A private PostgreSQL 15 server for egin's tests: one cluster in a temporary directory, reachable
# only through a unix socket in that directory and 127.0.0.1 on a fixed non-default port, trust
# authentication, database `egin_test`, superuser `postgres`. It never touches a system cluster.
#
#   tests/support/postgres.sh start   # start (or join) the server; quiet; exit 0 when ready
#   tests/support/postgres.sh url     # print the connection URI, e.g. postgresql://postgres@127.0.0.1:55432/egin_test
#   tests/support/postgres.sh stop    # leave the server; the last one out stops it and removes the dir
#   tests/support/postgres.sh status  # exit 0 when the server is running
#   tests/support/postgres.sh stop --force   # stop whatever the count says
#
# start/stop are counted, so a CTest fixture and an e2e test inside it (or two build trees testing
# at once) can share one server: each `start` needs its own `stop`. Runs as root (initdb and the
# server run as the `postgres` system user, which then owns the directory) or as a normal user.
#
# Environment: EGIN_TEST_PG_DIR (default /tmp/egin-test-pg; must be reachable by the `postgres`
# user when run as root), EGIN_TEST_PG_PORT (default 55432), EGIN_TEST_PG_BIN (default
# /usr/lib/postgresql/15/bin).
set -euo pipefail

dir=${EGIN_TEST_PG_DIR:-/tmp/egin-test-pg}
port=${EGIN_TEST_PG_PORT:-55432}
bin=${EGIN_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}
data=$dir/data
log=$dir/server.log
users=$dir/users
lock=$dir.lock
db=egin_test

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

url() { echo "postgresql://postgres@127.0.0.1:$port/$db"; }

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise. The
# lock descriptor is closed so that the server does not inherit (and hold) the lock.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@") 9>&-
  else
    "$@" 9>&-
  fi
}

running() { [[ -f $data/PG_VERSION ]] && as_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

psql_admin() {
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}

count() { if [[ -f $users ]]; then cat "$users"; else echo 0; fi; }

set_count() { echo "$1" | as_owner tee "$users" >/dev/null; }

init_cluster() {
  rm -rf "$dir"
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
  fi
  chmod 755 "$dir"
  if ! as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed in $data"
  fi
  as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF
# egin test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 128MB
max_wal_size = 2GB
synchronous_commit = on
logging_collector = off
log_min_messages = warning
EOF
}

start() {
  [[ -x $bin/pg_ctl ]] || die "no PostgreSQL server binaries in $bin (install postgresql-15)"
  if ! running; then
    # A directory left by a killed run (or never made): start over from a fresh cluster.
    if [[ ! -f $data/PG_VERSION ]] || ! as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 30 \
      -o "-k $dir -p $port" start >/dev/null 2>&1; then
      init_cluster
      if ! as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 30 start >/dev/null 2>&1; then
        cat "$log" >&2 || true
        die "the server did not start (port $port taken? set EGIN_TEST_PG_PORT)"
      fi
    fi
    set_count 0
  fi
  if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
    psql_admin -c "CREATE DATABASE $db"
  fi
  set_count $(($(count) + 1))
}

stop() {
  local force=${1:-}
  if ! running; then
    rm -rf "$dir"
    return 0
  fi
  local n
  n=$(($(count) - 1))
  if [[ $n -gt 0 && $force != --force ]]; then
    set_count "$n"
    return 0
  fi
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
    as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

# One start/stop at a time (CTest may run the fixture while an e2e test starts its own).
locked() {
  exec 9>"$lock"
  flock -w 120 9 || die "timed out waiting for $lock"
  "$@"
}

case ${1:-} in
  start) locked start ;;
  stop) locked stop "${2:-}" ;;
  url) url ;;
  status) running ;;
  *)
    echo "usage: $0 start|stop [--force]|url|status" >&2
    exit 2
    ;;
esac
