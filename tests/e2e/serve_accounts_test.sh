#!/usr/bin/env bash
# Accounts of `egin serve`, whole program, on SQLite and on PostgreSQL: the first start creates
# user admin with a password printed once on stderr (never in the log lines); login gives a token
# that works and ends at logout; `egin user add|list|passwd|token|remove` change the accounts of a
# running server's database; roles hold (a viewer may not ingest: 403); a restart keeps users and
# tokens and prints no new password; bad CLI input exits 2 naming the problem.
egin=$1
src=$2
# shellcheck source=lib.sh
source "$src/tests/e2e/lib.sh"
# shellcheck source=serve_lib.sh
source "$src/tests/e2e/serve_lib.sh"
export PATH=/usr/bin:$PATH
pg_started=0
trap 'kill -KILL $serve_pid 2>/dev/null; [ $pg_started = 1 ] && bash "$src/tests/support/postgres.sh" stop; rm -rf "$e2e_tmp"' EXIT

# status METHOD PATH TOKEN [CURL ARGS...]: the HTTP status; body in $e2e_tmp/body.
status() {
  local method=$1 path=$2 token=$3
  shift 3
  curl -s -o "$e2e_tmp/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
    "$@" "$serve_url$path"
}

login() {  # login USER PASSWORD → prints the token (empty when refused)
  curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"user\":\"$1\",\"password\":\"$2\"}" "$serve_url/api/v1/sessions" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("token",""))'
}

run_backend() {
  local label=$1
  shift
  local db_args=("$@")
  serve_data=$e2e_tmp/$label
  mkdir -p "$serve_data"
  cp "$src/tests/e2e/data/serve/site.toml" "$serve_data/site.toml"
  check "$label: serve starts" serve_start "$label-1" --data-dir "$serve_data" \
    --config "$serve_data/site.toml" "${db_args[@]}"
  local err=$e2e_tmp/$label-1.err
  check "$label: first start creates admin" grep -q "created user 'admin' (role admin) with password" "$err"
  local password
  password=$(sed -n "s/.*created user 'admin' (role admin) with password \([^ ]*\)$/\1/p" "$err")
  check "$label: the password is 20 characters" test "${#password}" = 20
  check "$label: the log lines never hold it" bash -c "! grep '^ts=' '$err' | grep -qF '$password'"

  local admin
  admin=$(login admin "$password")
  check "$label: admin logs in" test "${#admin}" = 64
  check "$label: wrong password is 401" test "$(curl -s -o /dev/null -w '%{http_code}' -X POST \
    -d '{"user":"admin","password":"not-it-at-all"}' "$serve_url/api/v1/sessions")" = 401
  check "$label: the token reads" test "$(status GET /api/v1/zones "$admin")" = 200

  # egin user on the running server's database.
  expect_exit 0 "$label: user add" bash -c "echo 'viewer-password-1' | '$egin' user add vera --role viewer --password-stdin --data-dir '$serve_data' ${db_args[*]}"
  expect_exit 0 "$label: user add (generated)" "$egin" user add oleg --role operator --data-dir "$serve_data" "${db_args[@]}"
  local oleg_password
  oleg_password=$(tr -d '\n' <"$e2e_tmp/stdout")
  check "$label: generated password printed once" test "${#oleg_password}" = 20
  expect_exit 0 "$label: user list" "$egin" user list --format csv --data-dir "$serve_data" "${db_args[@]}"
  check "$label: list has the three" bash -c "grep -q '^admin,admin,' '$e2e_tmp/stdout' && grep -q '^oleg,operator,' '$e2e_tmp/stdout' && grep -q '^vera,viewer,' '$e2e_tmp/stdout'"
  check "$label: list holds no hash" bash -c "! grep -q argon2 '$e2e_tmp/stdout'"
  expect_exit 2 "$label: duplicate user" "$egin" user add vera --data-dir "$serve_data" "${db_args[@]}"
  check "$label: duplicate named" stderr_has "exists"
  expect_exit 2 "$label: bad name" "$egin" user add "Bad Name" --data-dir "$serve_data" "${db_args[@]}"
  check "$label: bad name named" stderr_has "is not a user name"
  expect_exit 2 "$label: weak password" bash -c "echo short | '$egin' user add sam --password-stdin --data-dir '$serve_data' ${db_args[*]}"
  check "$label: weak password named" stderr_has "shorter than 10"
  expect_exit 2 "$label: last admin stays" "$egin" user remove admin --data-dir "$serve_data" "${db_args[@]}"
  check "$label: last admin named" stderr_has "only admin"

  local vera oleg
  vera=$(login vera viewer-password-1)
  oleg=$(login oleg "$oleg_password")
  check "$label: vera logs in" test "${#vera}" = 64
  check "$label: oleg logs in" test "${#oleg}" = 64
  local pack='[{"bn":"gh1/node1/","n":"t_air","u":"Cel","v":21.5}]'
  check "$label: viewer may not ingest (403)" test "$(status POST /api/v1/ingest "$vera" --data-binary "$pack")" = 403
  check "$label: 403 names the role" grep -q 'needs the role operator' "$e2e_tmp/body"
  check "$label: operator ingests" test "$(status POST /api/v1/ingest "$oleg" --data-binary "$pack")" = 200
  check "$label: operator may not add users (403)" test "$(status POST /api/v1/users "$oleg" -d '{"name":"x1","role":"viewer"}')" = 403
  check "$label: machine token is admin" test "$(status GET /api/v1/users "$(cat "$serve_data/api-token")")" = 200

  # An API token for a gateway, made with the CLI.
  expect_exit 0 "$label: user token" "$egin" user token oleg --days 30 --label "gh1 gateway" --data-dir "$serve_data" "${db_args[@]}"
  local gateway
  gateway=$(tr -d '\n' <"$e2e_tmp/stdout")
  check "$label: gateway token ingests" test "$(status POST /api/v1/ingest "$gateway" --data-binary "$pack")" = 200

  # A new password ends vera's session; logout ends admin's.
  expect_exit 0 "$label: user passwd" bash -c "echo 'viewer-password-2' | '$egin' user passwd vera --password-stdin --data-dir '$serve_data' ${db_args[*]}"
  check "$label: old session ended" test "$(status GET /api/v1/zones "$vera")" = 401
  check "$label: new password works" test "$(login vera viewer-password-2 | wc -c)" = 65
  check "$label: logout" test "$(status DELETE /api/v1/sessions/current "$admin")" = 200
  check "$label: token ended" test "$(status GET /api/v1/zones "$admin")" = 401

  serve_stop
  check "$label: stops cleanly" test "$serve_rc" = 0
  check "$label: restarts" serve_start "$label-2" --data-dir "$serve_data" --config "$serve_data/site.toml" "${db_args[@]}"
  check "$label: no new admin password" bash -c "! grep -q 'created user' '$e2e_tmp/$label-2.err'"
  check "$label: the gateway token survives" test "$(status POST /api/v1/ingest "$gateway" --data-binary "$pack")" = 200
  check "$label: admin logs in again" test "$(login admin "$password" | wc -c)" = 65
  expect_exit 0 "$label: user remove" "$egin" user remove oleg --data-dir "$serve_data" "${db_args[@]}"
  check "$label: removed user's token is dead" test "$(status POST /api/v1/ingest "$gateway" --data-binary "$pack")" = 401
  serve_stop
}

run_backend sqlite
expect_exit 2 "user list on no database" "$egin" user list --data-dir "$e2e_tmp/nowhere"
check "no database named" stderr_has "no database at"

# PostgreSQL: the private test server, a schema of this test's own.
if bash "$src/tests/support/postgres.sh" start; then
  pg_started=1
  schema=egin_e2e_accounts_$$
  pg_url=$(bash "$src/tests/support/postgres.sh" url)
  psql -X -q "$pg_url" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null
  run_backend postgres --db "$pg_url?options=-csearch_path%3D$schema"
  psql -X -q "$pg_url" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
else
  check "postgres test server starts" false
fi
e2e_finish
