# Helpers for the `egin serve` whole-program tests (source after lib.sh): start a server on a free
# port and wait for its ready line, call the API with the token, stop it.
#
#   serve_start NAME ARGS...   starts `$egin serve ARGS... --http 127.0.0.1:0`, logs in
#                              $e2e_tmp/NAME.{out,err}; sets serve_pid, serve_port, serve_url
#   serve_stop                 SIGTERM, waits; sets serve_rc (the exit code)
#   api METHOD PATH [CURL ARGS...]  curl with the token of $serve_data; body in $e2e_tmp/body,
#                              prints the HTTP status
serve_pid=""
serve_port=""
serve_url=""
serve_rc=""
serve_data=""

serve_start() {
  local name=$1
  shift
  "$egin" serve "$@" --http 127.0.0.1:0 >"$e2e_tmp/$name.out" 2>"$e2e_tmp/$name.err" &
  serve_pid=$!
  local i
  for i in $(seq 1 300); do
    if grep -q 'listening on http://' "$e2e_tmp/$name.out" 2>/dev/null; then
      serve_port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\),.*|\1|p' "$e2e_tmp/$name.out")
      serve_url="http://127.0.0.1:$serve_port"
      return 0
    fi
    if ! kill -0 "$serve_pid" 2>/dev/null; then
      echo "serve_start: egin serve exited early: $(tail -5 "$e2e_tmp/$name.err")" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "serve_start: no ready line within 15 s" >&2
  return 1
}

serve_stop() {
  kill -TERM "$serve_pid" 2>/dev/null
  wait "$serve_pid"
  serve_rc=$?
}

serve_kill9() {
  kill -KILL "$serve_pid" 2>/dev/null
  wait "$serve_pid" 2>/dev/null
  true
}

api() {
  local method=$1 path=$2
  shift 2
  curl -s -o "$e2e_tmp/body" -w '%{http_code}' -X "$method" \
    -H "Authorization: Bearer $(cat "$serve_data/api-token")" "$@" "$serve_url$path"
}
