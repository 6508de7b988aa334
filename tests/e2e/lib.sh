# Helpers for e2e/<name>_test.sh scripts: source this file. They count checks and failures and
# print "N passed, M failed" at the end (the plain closing line CI reads).
set -u
e2e_pass=0
e2e_fail=0
e2e_tmp=$(mktemp -d)
trap 'rm -rf "$e2e_tmp"' EXIT

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
  local name=$1
  shift
  if "$@"; then
    e2e_pass=$((e2e_pass + 1))
  else
    e2e_fail=$((e2e_fail + 1))
    echo "FAIL: $name" >&2
  fi
}

# expect_exit CODE NAME COMMAND...: passes when COMMAND exits with CODE; its stderr is kept in
# $e2e_tmp/stderr for further checks.
expect_exit() {
  local code=$1 name=$2
  shift 2
  "$@" >"$e2e_tmp/stdout" 2>"$e2e_tmp/stderr"
  local got=$?
  if [ "$got" -eq "$code" ]; then
    e2e_pass=$((e2e_pass + 1))
  else
    e2e_fail=$((e2e_fail + 1))
    echo "FAIL: $name: exit $got, expected $code; stderr: $(head -c 400 "$e2e_tmp/stderr")" >&2
  fi
}

# stderr_has TEXT: the last expect_exit's stderr contains TEXT.
stderr_has() { grep -qF -- "$1" "$e2e_tmp/stderr"; }
stdout_has() { grep -qF -- "$1" "$e2e_tmp/stdout"; }

e2e_finish() {
  echo "$e2e_pass passed, $e2e_fail failed"
  [ "$e2e_fail" -eq 0 ]
}
